//! A new edition of the research into `data-src/reference/` (`make data REF=DIR`): every file is
//! read and checked, and the converter must accept it, before any file is replaced; what changed
//! is listed record by record.

use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// The files an edition may bring; the JSON ones are compared record by record.
pub const EDITION_FILES: [&str; 4] = ["projects.json", "poles.json", "projects.md", "poles.md"];

/// What changed in one list of records (matched by `id`).
#[derive(Debug, Default, PartialEq)]
pub struct RecordChanges {
    pub added: Vec<String>,
    pub removed: Vec<String>,
    /// Record id and the names of its fields whose value changed (added and removed fields too).
    pub modified: Vec<(String, Vec<String>)>,
}

impl RecordChanges {
    /// How many modified records changed each field.
    pub fn fields(&self) -> BTreeMap<&str, usize> {
        let mut out = BTreeMap::new();
        for (_, fields) in &self.modified {
            for f in fields {
                *out.entry(f.as_str()).or_insert(0) += 1;
            }
        }
        out
    }

    pub fn render(&self, name: &str) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "{name}: {} added, {} removed, {} modified", self.added.len(), self.removed.len(), self.modified.len());
        let list = |s: &mut String, label: &str, ids: &[String]| {
            if !ids.is_empty() {
                let _ = writeln!(s, "  {label}: {}", ids.join(", "));
            }
        };
        list(&mut s, "added", &self.added);
        list(&mut s, "removed", &self.removed);
        let fields = self.fields();
        if !fields.is_empty() {
            let counted: Vec<String> = fields.iter().map(|(f, n)| format!("{f} ({n})")).collect();
            let _ = writeln!(s, "  fields changed: {}", counted.join(", "));
        }
        for (id, fields) in &self.modified {
            let _ = writeln!(s, "  modified {id}: {}", fields.join(", "));
        }
        s
    }
}

/// A record and its id.
type Record = (String, serde_json::Map<String, Value>);

fn records(name: &str, v: &Value) -> Result<Vec<Record>, String> {
    let list = v.as_array().ok_or(format!("{name}: not a list of records"))?;
    list.iter()
        .enumerate()
        .map(|(i, r)| {
            let obj = r.as_object().ok_or(format!("{name}: record {} is not an object", i + 1))?;
            let id = obj.get("id").and_then(Value::as_str).filter(|s| !s.is_empty()).ok_or(format!("{name}: record {} has no id", i + 1))?;
            Ok((id.to_string(), obj.clone()))
        })
        .collect()
}

/// Compares two lists of records by `id`, in the new list's order (removed ones in the old order).
pub fn compare(name: &str, old: &Value, new: &Value) -> Result<RecordChanges, String> {
    let old = records(name, old)?;
    let new = records(name, new)?;
    let old_by_id: BTreeMap<&str, &serde_json::Map<String, Value>> = old.iter().map(|(id, r)| (id.as_str(), r)).collect();
    let new_ids: std::collections::BTreeSet<&str> = new.iter().map(|(id, _)| id.as_str()).collect();
    let mut changes = RecordChanges::default();
    for (id, record) in &new {
        let Some(before) = old_by_id.get(id.as_str()) else {
            changes.added.push(id.clone());
            continue;
        };
        let mut keys: Vec<&String> = before.keys().chain(record.keys()).collect();
        keys.sort();
        keys.dedup();
        let fields: Vec<String> = keys.into_iter().filter(|k| before.get(*k) != record.get(*k)).cloned().collect();
        if !fields.is_empty() {
            changes.modified.push((id.clone(), fields));
        }
    }
    changes.removed = old.iter().filter(|(id, _)| !new_ids.contains(id.as_str())).map(|(id, _)| id.clone()).collect();
    Ok(changes)
}

/// A new edition read and compared with the reference, not yet written.
pub struct Edition {
    /// (file name, text) of every file the edition brings.
    pub files: Vec<(&'static str, String)>,
    /// What changed, record by record.
    pub report: String,
    /// What changed in each JSON file it brings.
    pub changes: Vec<(&'static str, RecordChanges)>,
    /// The documents (Markdown) it brings that differ from the reference's.
    pub documents: Vec<&'static str>,
}

impl Edition {
    /// Reads and checks every file of the edition folder `from` and compares it with `reference`:
    /// an error when one is unreadable, not JSON, or not a list of records with ids.
    pub fn read(from: &Path, reference: &Path) -> Result<Edition, String> {
        let mut files = Vec::new();
        for name in EDITION_FILES {
            let path = from.join(name);
            if path.exists() {
                files.push((name, std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?));
            }
        }
        if !files.iter().any(|(n, _)| n.ends_with(".json")) {
            return Err(format!("{}: no projects.json or poles.json in this folder", from.display()));
        }
        let mut report = format!("== edition read from {} ==\n", from.display());
        let mut changes = Vec::new();
        for (name, text) in files.iter().filter(|(n, _)| n.ends_with(".json")) {
            let new: Value = serde_json::from_str(text).map_err(|e| format!("{}: invalid JSON: {e}", from.join(name).display()))?;
            let old = std::fs::read_to_string(reference.join(name)).ok().and_then(|t| serde_json::from_str(&t).ok()).unwrap_or(Value::Array(vec![]));
            let c = compare(name, &old, &new)?;
            report.push_str(&c.render(name));
            changes.push((*name, c));
        }
        let documents: Vec<&'static str> = files
            .iter()
            .filter(|(n, text)| n.ends_with(".md") && std::fs::read_to_string(reference.join(n)).ok().as_deref() != Some(text.as_str()))
            .map(|(n, _)| *n)
            .collect();
        if !documents.is_empty() {
            let _ = writeln!(report, "documents updated: {}", documents.join(", "));
        }
        let kept: Vec<&str> = EDITION_FILES.iter().filter(|n| !files.iter().any(|(m, _)| m == *n)).copied().collect();
        if !kept.is_empty() {
            let _ = writeln!(report, "kept (not in the edition): {}", kept.join(", "));
        }
        Ok(Edition { files, report, changes, documents })
    }

    /// The edition's text of a file, if it brings one.
    pub fn file(&self, name: &str) -> Option<&str> {
        self.files.iter().find(|(n, _)| *n == name).map(|(_, t)| t.as_str())
    }

    /// Replaces the reference files by the edition's.
    pub fn write(&self, reference: &Path) -> Result<(), String> {
        std::fs::create_dir_all(reference).map_err(|e| format!("cannot create {}: {e}", reference.display()))?;
        for (name, text) in &self.files {
            std::fs::write(reference.join(name), text).map_err(|e| format!("cannot write {}: {e}", reference.join(name).display()))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn lists_added_removed_and_changed_fields() {
        let old = json!([{"id": "a", "x": 1, "y": 2}, {"id": "b", "x": 1}, {"id": "c"}]);
        let new = json!([{"id": "a", "x": 1, "y": 3, "z": null}, {"id": "d"}, {"id": "c"}]);
        let c = compare("t", &old, &new).unwrap();
        assert_eq!(c.added, ["d"]);
        assert_eq!(c.removed, ["b"]);
        assert_eq!(c.modified, [("a".to_string(), vec!["y".to_string(), "z".to_string()])]);
        assert_eq!(c.fields().get("y"), Some(&1));
        let text = c.render("t");
        assert!(text.contains("t: 1 added, 1 removed, 1 modified"), "{text}");
        assert!(text.contains("modified a: y, z"), "{text}");
    }

    #[test]
    fn refuses_records_without_ids() {
        assert!(compare("t", &json!([]), &json!([{"x": 1}])).unwrap_err().contains("record 1 has no id"));
        assert!(compare("t", &json!([]), &json!({"id": "a"})).unwrap_err().contains("not a list"));
    }

    #[test]
    fn reads_every_file_before_replacing_any() {
        let dir = std::env::temp_dir().join(format!("poles-edition-{}", std::process::id()));
        let (from, reference) = (dir.join("from"), dir.join("ref"));
        std::fs::create_dir_all(&from).unwrap();
        std::fs::create_dir_all(&reference).unwrap();
        std::fs::write(reference.join("poles.json"), r#"[{"id":"p"}]"#).unwrap();
        std::fs::write(from.join("poles.json"), r#"[{"id":"p"},{"id":"q"}]"#).unwrap();
        std::fs::write(from.join("projects.json"), "[{").unwrap();
        assert!(Edition::read(&from, &reference).err().unwrap().contains("invalid JSON"));
        std::fs::write(from.join("projects.json"), r#"[{"id":"x"}]"#).unwrap();
        let edition = Edition::read(&from, &reference).unwrap();
        let report = &edition.report;
        assert!(report.contains("poles.json: 1 added, 0 removed, 0 modified"), "{report}");
        assert!(report.contains("projects.json: 1 added"), "{report}");
        assert!(report.contains("kept (not in the edition): projects.md, poles.md"), "{report}");
        assert_eq!(edition.file("projects.json"), Some(r#"[{"id":"x"}]"#));
        edition.write(&reference).unwrap();
        assert!(std::fs::read_to_string(reference.join("poles.json")).unwrap().contains("\"q\""));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
