//! `make data` and `make data REF=DIR` as a maintainer runs them (the converter's binary, on a
//! copy of `data-src/` in a temporary folder): without an edition `edition.json` is never
//! written; an edition is stamped with its date; the same folder twice gives the same files; an
//! edition dated before the current one, or without a date, is refused and nothing changes.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

/// A maintainer's clone: `src` (data-src), `site/data` (public/data), `index.html`.
struct Clone {
    dir: PathBuf,
}

impl Clone {
    fn new(name: &str) -> Clone {
        let dir = std::env::temp_dir().join(format!("poles-import-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        copy_dir(&root().join("data-src"), &dir.join("src"));
        std::fs::create_dir_all(dir.join("site/data")).unwrap();
        std::fs::copy(root().join("index.html"), dir.join("index.html")).unwrap();
        Clone { dir }
    }

    /// Runs the converter (`make data`, or `make data REF=… DATE=…`): (success, stderr).
    fn make_data(&self, edition: Option<&Path>, date: Option<&str>) -> (bool, String) {
        let d = &self.dir;
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_poles-databuild"));
        cmd.args(["--reference", d.join("src/reference").to_str().unwrap(), "--src", d.join("src").to_str().unwrap()]);
        cmd.args(["--out", d.join("site/data").to_str().unwrap(), "--index", d.join("index.html").to_str().unwrap()]);
        if let Some(e) = edition {
            cmd.args(["--edition", e.to_str().unwrap()]);
        }
        if let Some(date) = date {
            cmd.args(["--date", date]);
        }
        let out = cmd.output().unwrap();
        (out.status.success(), String::from_utf8_lossy(&out.stderr).into_owned())
    }

    fn read(&self, path: &str) -> String {
        std::fs::read_to_string(self.dir.join(path)).unwrap()
    }

    /// Every file the converter writes or the import replaces, with its text.
    fn snapshot(&self) -> Vec<(String, String)> {
        [
            "src/edition.json",
            "src/reference/projects.json",
            "site/data/projects.json",
            "site/data/poles.json",
            "site/data/referentiels.json",
            "site/a-propos.html",
        ]
        .iter()
        .map(|p| (p.to_string(), self.read(p)))
        .collect()
    }

    /// An edition folder named `name`: the reference's projects with one title corrected.
    fn edition(&self, name: &str) -> PathBuf {
        let folder = self.dir.join(name);
        std::fs::create_dir_all(&folder).unwrap();
        let mut projects: serde_json::Value = serde_json::from_str(&self.read("src/reference/projects.json")).unwrap();
        projects[0]["title"] = serde_json::json!("Intitulé corrigé d'après la source");
        std::fs::write(folder.join("projects.json"), serde_json::to_string_pretty(&projects).unwrap()).unwrap();
        folder
    }
}

impl Drop for Clone {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[test]
fn make_data_without_an_edition_leaves_edition_json_untouched() {
    let c = Clone::new("plain");
    let before = c.read("src/edition.json");
    let (ok, err) = c.make_data(None, None);
    assert!(ok, "{err}");
    assert_eq!(c.read("src/edition.json"), before);
    let current: serde_json::Value = serde_json::from_str(&before).unwrap();
    assert!(c.read("site/data/projects.json").contains(&format!("\"compiled_at\": {}", current["compiled_at"])));
}

#[test]
fn an_edition_is_stamped_with_its_date_and_importing_it_twice_changes_nothing() {
    let c = Clone::new("twice");
    let folder = c.edition("2027-01-15");
    let (ok, err) = c.make_data(Some(&folder), None);
    assert!(ok, "{err}");
    let edition: serde_json::Value = serde_json::from_str(&c.read("src/edition.json")).unwrap();
    assert_eq!((edition["compiled_at"].as_str(), edition["edition"].as_u64()), (Some("2027-01-15"), Some(1)));
    assert_eq!(edition["history"][0]["files"][0]["modified"][0]["fields"], serde_json::json!(["title"]));
    for file in ["site/data/projects.json", "site/data/poles.json", "site/data/referentiels.json"] {
        assert!(c.read(file).contains("\"data_version\": \"2027-01-15.1\""), "{file}");
    }
    assert!(c.read("site/a-propos.html").contains("data-version=\"2027-01-15.1\""));
    let first = c.snapshot();
    let (ok, err) = c.make_data(Some(&folder), None);
    assert!(ok, "{err}");
    assert_eq!(c.snapshot(), first, "the same folder again gives the same files");
}

#[test]
fn an_older_or_undated_edition_is_refused_and_nothing_changes() {
    let c = Clone::new("refused");
    assert!(c.make_data(None, None).0);
    let before = c.snapshot();
    let (ok, err) = c.make_data(Some(&c.edition("2020-01-01")), None);
    assert!(!ok);
    assert!(err.contains("before the current edition") && err.contains("nothing written"), "{err}");
    assert_eq!(c.snapshot(), before);
    let undated = c.edition("nouvelle-edition");
    let (ok, err) = c.make_data(Some(&undated), None);
    assert!(!ok);
    assert!(err.contains("DATE=YYYY-MM-DD"), "{err}");
    assert_eq!(c.snapshot(), before);
    // With DATE= it goes through.
    let (ok, err) = c.make_data(Some(&undated), Some("2027-02-01"));
    assert!(ok, "{err}");
    assert!(c.read("src/edition.json").contains("\"compiled_at\": \"2027-02-01\""));
}
