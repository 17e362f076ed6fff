//! `cargo run -p poles-databuild -- [--reference DIR] [--src DIR] [--out DIR] [--check] [--edition DIR]`
//! `cargo run -p poles-databuild -- import FILE.csv [--out DIR] [--dry-run]` (spreadsheet import)
//!
//! Rebuilds `public/data/` from `data-src/reference/` (the researched facts) and `data-src/` (hand-kept lists), prints a report of what it
//! could not map, and exits non-zero when the output would not validate. `--check` writes nothing
//! and fails when the files on disk differ from what the converter produces. `--edition DIR` reads
//! a new edition of the research (`make data REF=DIR [DATE=YYYY-MM-DD]`), prints what changed,
//! stamps `data-src/edition.json` with its date, number and changes (`edition_history`), and
//! replaces the reference files and `edition.json` only when the converter accepts it. Without
//! `--edition`, `edition.json` is never written.

use poles_databuild::edition::Edition;
use poles_databuild::{convert, Inputs};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    if std::env::args().nth(1).as_deref() == Some("import") {
        return import(&root);
    }
    let mut reference = std::env::var_os("POLES_REFERENCE").map(PathBuf::from).unwrap_or_else(|| root.join("data-src/reference"));
    let mut src = root.join("data-src");
    let mut out = root.join("public/data");
    let mut check = false;
    let mut edition_dir = None;
    let mut date = None;
    let mut index_path = root.join("index.html");
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--reference" => reference = args.next().map(PathBuf::from).unwrap_or(reference),
            "--src" => src = args.next().map(PathBuf::from).unwrap_or(src),
            "--out" => out = args.next().map(PathBuf::from).unwrap_or(out),
            "--check" => check = true,
            "--edition" => edition_dir = args.next().map(PathBuf::from),
            "--date" => date = args.next().filter(|d| !d.is_empty()),
            "--index" => index_path = args.next().map(PathBuf::from).unwrap_or(index_path),
            other => {
                eprintln!("unknown argument {other}\nusage: poles-databuild [--reference DIR] [--src DIR] [--out DIR] [--index FILE] [--check] [--edition DIR [--date YYYY-MM-DD]]");
                return ExitCode::from(2);
            }
        }
    }
    let mut inputs = match Inputs::read(&reference, &src) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    // A new edition: read and compared, then its date and changes stamped into edition.json
    // (in memory: written with the rest, once the converter accepts it).
    let edition = match edition_dir.map(|d| read_edition(&d, &reference, date.as_deref(), &inputs.edition_json)).transpose() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("error: {e}\nnothing written");
            return ExitCode::from(2);
        }
    };
    let mut stamped = None;
    if let Some((ed, edition_json)) = &edition {
        print!("{}", ed.report);
        inputs.projects_json = ed.file("projects.json").map(str::to_string).unwrap_or(inputs.projects_json);
        inputs.poles_json = ed.file("poles.json").map(str::to_string).unwrap_or(inputs.poles_json);
        match edition_json {
            Some(text) => {
                inputs.edition_json = text.clone();
                stamped = Some(text.clone());
            }
            None => println!("the same edition as the current one: edition.json unchanged"),
        }
    }
    let edition = edition.map(|(ed, _)| ed);
    let output = match convert(&inputs) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    print!("{}", output.report.render());
    if !output.report.is_clean() {
        eprintln!("error: the converted data does not validate; nothing written");
        return ExitCode::FAILURE;
    }
    if let Some(ed) = edition.filter(|_| !check) {
        if let Err(e) = ed.write(&reference) {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
        println!("edition written into {}", reference.display());
        if let Some(text) = &stamped {
            if let Err(e) = std::fs::write(src.join("edition.json"), text) {
                eprintln!("error: cannot write {}: {e}", src.join("edition.json").display());
                return ExitCode::FAILURE;
            }
            println!("edition stamped into {}", src.join("edition.json").display());
        }
    }
    // The static pages ("À propos des données", "Comprendre les pôles", the déclaration
    // d'accessibilité) go beside the app (the parent of the data folder).
    let site = out.parent().map(PathBuf::from).unwrap_or_else(|| out.clone());
    let catalog = std::fs::read_to_string(root.join("public/i18n/en.json")).unwrap_or_default();
    let pages = match poles_databuild::about_page::pages(&output.files, &catalog, &inputs.edition_json).and_then(|mut p| {
        p.extend(poles_databuild::comprendre_page::pages(&output.files, &catalog)?);
        p.extend(poles_databuild::statement_page::pages(&root, &catalog)?);
        Ok(p)
    }) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    // The app's static first paint, in index.html (beside the app's sources).
    let index =
        match std::fs::read_to_string(&index_path).map_err(|e| format!("index.html: {e}")).and_then(|i| poles_databuild::boot_page::index_html(&i, &catalog)) {
            Ok(i) => i,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::FAILURE;
            }
        };
    let index = [(index_path, &index)];
    let mut stale = false;
    let targets = output
        .files
        .iter()
        .map(|(n, t)| (out.join(n), t))
        .chain(pages.iter().map(|(n, t)| (site.join(n), t)))
        .chain(index.iter().map(|(p, t)| (p.clone(), *t)));
    for (path, text) in targets {
        if check {
            if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
                eprintln!("stale: {} differs from the converter's output (run `make data`)", path.display());
                stale = true;
            }
        } else if let Err(e) = std::fs::create_dir_all(&out).and_then(|_| std::fs::write(&path, text)) {
            eprintln!("error: cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        } else {
            println!("wrote {} ({} bytes)", path.display(), text.len());
        }
    }
    if stale {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// `import FILE.csv [--out DIR] [--dry-run]`: the projects spreadsheet into `DIR/projects.json`
/// (default `public/data`), checked against `DIR/referentiels.json` and `DIR/poles.json`.
fn import(root: &std::path::Path) -> ExitCode {
    let mut out = root.join("public/data");
    let mut file = None;
    let mut dry = false;
    let mut args = std::env::args().skip(2);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--out" => out = args.next().map(PathBuf::from).unwrap_or(out),
            "--dry-run" => dry = true,
            f if file.is_none() && !f.starts_with("--") => file = Some(PathBuf::from(f)),
            other => {
                eprintln!("argument inconnu {other}\nusage : poles-databuild import FICHIER.csv [--out DOSSIER] [--dry-run]");
                return ExitCode::from(2);
            }
        }
    }
    let Some(file) = file else {
        eprintln!("usage : poles-databuild import FICHIER.csv [--out DOSSIER] [--dry-run]");
        return ExitCode::from(2);
    };
    let read = |p: PathBuf| std::fs::read(&p).map_err(|e| format!("{} : {e}", p.display()));
    let (bytes, refs, poles, current) =
        match (read(file.clone()), read(out.join("referentiels.json")), read(out.join("poles.json")), read(out.join("projects.json"))) {
            (Ok(b), Ok(r), Ok(p), Ok(c)) => {
                (b, String::from_utf8_lossy(&r).into_owned(), String::from_utf8_lossy(&p).into_owned(), String::from_utf8_lossy(&c).into_owned())
            }
            (a, b, c, d) => {
                for e in [a.err(), b.err(), c.err(), d.err()].into_iter().flatten() {
                    eprintln!("erreur : fichier illisible {e}");
                }
                return ExitCode::from(2);
            }
        };
    let (_, encoding) = poles_databuild::import::decode(&bytes);
    println!("{} : encodage {encoding}", file.display());
    match poles_databuild::import::import_projects(&bytes, &refs, &poles, &current) {
        Ok(imported) => {
            for w in &imported.warnings {
                println!("{w}");
            }
            if dry {
                println!("{} projets valides ; rien n'est écrit (--dry-run).", imported.count);
            } else if let Err(e) = std::fs::write(out.join("projects.json"), &imported.projects_json) {
                eprintln!("erreur : écriture impossible de {} : {e}", out.join("projects.json").display());
                return ExitCode::FAILURE;
            } else {
                println!("{} projets écrits dans {}.", imported.count, out.join("projects.json").display());
            }
            ExitCode::SUCCESS
        }
        Err(problems) => {
            for p in &problems {
                println!("{p}");
            }
            eprintln!("{} erreur(s) : rien n'a été modifié.", problems.iter().filter(|p| p.error).count());
            ExitCode::FAILURE
        }
    }
}

/// A new edition read from `from` and `edition.json` stamped with it (`None`: the same edition).
fn read_edition(from: &std::path::Path, reference: &std::path::Path, date: Option<&str>, edition_json: &str) -> Result<(Edition, Option<String>), String> {
    let date = poles_databuild::edition_history::edition_date(from, date)?;
    let ed = Edition::read(from, reference)?;
    let stamped = poles_databuild::edition_history::stamp(edition_json, &date, &ed.changes, &ed.documents)?;
    Ok((ed, stamped))
}
