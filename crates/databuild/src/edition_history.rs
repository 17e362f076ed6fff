//! The edition's date and number, and the history of the editions (`data-src/edition.json`),
//! written by the import of a new edition (`make data REF=DIR`), never by hand: the date comes
//! from the edition itself, the number increments when the date is the current one, and each
//! edition keeps what it changed (records added, removed, modified, documents updated).

use crate::edition::RecordChanges;
use serde_json::{json, Value};
use std::path::Path;

/// A date written `YYYY-MM-DD` (checked for its shape and a plausible month and day).
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    let num = |r: std::ops::Range<usize>| s.get(r).filter(|p| p.bytes().all(|c| c.is_ascii_digit())).and_then(|p| p.parse::<u32>().ok());
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && num(0..4).is_some()
        && num(5..7).is_some_and(|m| (1..=12).contains(&m))
        && num(8..10).is_some_and(|d| (1..=31).contains(&d))
}

/// The date of the edition in `from`: its `edition.json` (`"date"`) or its `date` file, else the
/// folder's name when it is a date, else `given` (`DATE=`); an error that asks for it otherwise.
pub fn edition_date(from: &Path, given: Option<&str>) -> Result<String, String> {
    let own = std::fs::read_to_string(from.join("edition.json"))
        .ok()
        .and_then(|t| serde_json::from_str::<Value>(&t).ok())
        .and_then(|v| v.get("date").and_then(Value::as_str).map(str::to_string))
        .or_else(|| std::fs::read_to_string(from.join("date")).ok().map(|t| t.trim().to_string()));
    let named = from.file_name().and_then(|n| n.to_str()).filter(|n| is_date(n)).map(str::to_string);
    let date = own.or(named).or(given.map(str::to_string)).ok_or_else(|| {
        format!(
            "{}: this edition does not say its date (no edition.json with \"date\", no date file, and the folder's name is not YYYY-MM-DD): give it with DATE=YYYY-MM-DD (make data REF=DIR DATE=YYYY-MM-DD)",
            from.display()
        )
    })?;
    if is_date(&date) {
        Ok(date)
    } else {
        Err(format!("{}: the edition's date « {date} » is not a date written YYYY-MM-DD", from.display()))
    }
}

fn ids(list: &[String]) -> Value {
    json!(list)
}

/// One file's changes as the history keeps them.
fn file_entry(name: &str, c: &RecordChanges) -> Value {
    let modified: Vec<Value> = c.modified.iter().map(|(id, fields)| json!({"id": id, "fields": fields})).collect();
    json!({"file": name, "added": ids(&c.added), "removed": ids(&c.removed), "modified": modified})
}

/// `edition.json` (its text) stamped with a new edition dated `date` that brings `changes` (per
/// JSON file) and updates `documents` (the Markdown files that differ): its date, its number (the
/// current one + 1 on the same date, else 1) and, first in `history`, what it changed. `None`
/// when it changes nothing and is dated as the current edition (importing the same folder twice
/// gives the same files). An edition dated before the current one is refused.
pub fn stamp(current: &str, date: &str, changes: &[(&str, RecordChanges)], documents: &[&str]) -> Result<Option<String>, String> {
    let mut doc: Value = serde_json::from_str(current).map_err(|e| format!("data-src/edition.json: invalid JSON: {e}"))?;
    let now = doc.get("compiled_at").and_then(Value::as_str).ok_or("data-src/edition.json: compiled_at missing")?.to_string();
    let number = doc.get("edition").and_then(Value::as_u64).ok_or("data-src/edition.json: edition missing")?;
    if date < now.as_str() {
        return Err(format!(
            "this edition is dated {date}, before the current edition ({now}.{number}): refused, nothing written (an older edition would replace newer facts; if its date is wrong, give the right one in its folder)"
        ));
    }
    let unchanged = changes.iter().all(|(_, c)| c.added.is_empty() && c.removed.is_empty() && c.modified.is_empty()) && documents.is_empty();
    if unchanged && date == now {
        return Ok(None);
    }
    let edition = if date == now { number + 1 } else { 1 };
    let entry = json!({
        "date": date,
        "edition": edition,
        "data_version": format!("{date}.{edition}"),
        "files": changes.iter().map(|(n, c)| file_entry(n, c)).collect::<Vec<_>>(),
        "documents": documents,
    });
    doc["compiled_at"] = json!(date);
    doc["edition"] = json!(edition);
    let history = doc.as_object_mut().ok_or("data-src/edition.json: not an object")?.entry("history").or_insert(json!([]));
    history.as_array_mut().ok_or("data-src/edition.json: history is not a list")?.insert(0, entry);
    let mut text = serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())?;
    text.push('\n');
    Ok(Some(text))
}

/// What an edition changed in one file: (file, added ids, removed ids, modified ids).
pub type FileChanges = (String, Vec<String>, Vec<String>, Vec<String>);

/// One edition of the history, for the pages that list them.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub date: String,
    pub data_version: String,
    pub files: Vec<FileChanges>,
    pub documents: Vec<String>,
}

impl Entry {
    /// The edition in one French line, with counts only (the exports' provenance lines):
    /// "2026-12-05.1 : projets : 1 ajouté, 1 modifié ; pôles : inchangés ; documentation mise à
    /// jour : poles.md".
    pub fn summary_fr(&self) -> String {
        let mut parts: Vec<String> = self
            .files
            .iter()
            .map(|(file, added, removed, modified)| {
                let what = if file == "projects.json" { "projets" } else { "pôles" };
                let counted = |n: usize, one: &str, many: &str| (n > 0).then(|| format!("{n} {}", if n > 1 { many } else { one }));
                let said: Vec<String> =
                    [counted(added.len(), "ajouté", "ajoutés"), counted(removed.len(), "retiré", "retirés"), counted(modified.len(), "modifié", "modifiés")]
                        .into_iter()
                        .flatten()
                        .collect();
                format!("{what} : {}", if said.is_empty() { "inchangés".to_string() } else { said.join(", ") })
            })
            .collect();
        if !self.documents.is_empty() {
            parts.push(format!("documentation mise à jour : {}", self.documents.join(", ")));
        }
        format!("{} : {}", self.data_version, parts.join(" ; "))
    }
}

/// The history of `edition.json` (its text), the current edition first.
pub fn history(edition_json: &str) -> Result<Vec<Entry>, String> {
    let doc: Value = serde_json::from_str(edition_json).map_err(|e| format!("data-src/edition.json: invalid JSON: {e}"))?;
    let strings = |v: &Value| -> Vec<String> {
        v.as_array()
            .map(|a| a.iter().filter_map(|x| x.as_str().or_else(|| x.get("id").and_then(Value::as_str)).map(str::to_string)).collect())
            .unwrap_or_default()
    };
    let list = doc.get("history").and_then(Value::as_array).cloned().unwrap_or_default();
    list.iter()
        .map(|e| {
            let text = |k: &str| e.get(k).and_then(Value::as_str).map(str::to_string).ok_or(format!("data-src/edition.json: an edition without {k}"));
            let files = e.get("files").and_then(Value::as_array).cloned().unwrap_or_default();
            Ok(Entry {
                date: text("date")?,
                data_version: text("data_version")?,
                files: files
                    .iter()
                    .map(|f| {
                        (
                            f.get("file").and_then(Value::as_str).unwrap_or_default().to_string(),
                            strings(&f["added"]),
                            strings(&f["removed"]),
                            strings(&f["modified"]),
                        )
                    })
                    .collect(),
                documents: strings(&e["documents"]),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const CURRENT: &str = r#"{"compiled_at": "2026-11-29", "edition": 1, "history": [{"date": "2026-11-29", "edition": 1, "data_version": "2026-11-29.1", "files": [], "documents": []}]}"#;

    fn one_added() -> Vec<(&'static str, RecordChanges)> {
        vec![(
            "projects.json",
            RecordChanges { added: vec!["doseo".into()], removed: vec![], modified: vec![("microplastic-2".into(), vec!["pole_role".into()])] },
        )]
    }

    #[test]
    fn a_new_date_starts_at_one_the_same_date_increments() {
        let next = stamp(CURRENT, "2026-12-05", &one_added(), &["poles.md"]).unwrap().unwrap();
        let v: Value = serde_json::from_str(&next).unwrap();
        assert_eq!((v["compiled_at"].as_str(), v["edition"].as_u64()), (Some("2026-12-05"), Some(1)));
        let h = history(&next).unwrap();
        assert_eq!(h.len(), 2);
        assert_eq!(h[0].data_version, "2026-12-05.1");
        assert_eq!(h[0].files[0], ("projects.json".into(), vec!["doseo".into()], vec![], vec!["microplastic-2".into()]));
        assert_eq!(h[0].documents, ["poles.md"]);
        // The same folder again: nothing changes (idempotent).
        assert_eq!(stamp(&next, "2026-12-05", &[("projects.json", RecordChanges::default())], &[]).unwrap(), None);
        // Another edition the same day: number 2.
        let again = stamp(&next, "2026-12-05", &one_added(), &[]).unwrap().unwrap();
        assert_eq!(history(&again).unwrap()[0].data_version, "2026-12-05.2");
    }

    #[test]
    fn an_older_edition_is_refused() {
        let err = stamp(CURRENT, "2026-11-26", &one_added(), &[]).unwrap_err();
        assert!(err.contains("dated 2026-11-26, before the current edition (2026-11-29.1): refused, nothing written"), "{err}");
    }

    #[test]
    fn the_date_comes_from_the_edition_else_its_folder_else_it_is_asked() {
        let dir = std::env::temp_dir().join(format!("poles-edition-date-{}", std::process::id()));
        let dated = dir.join("2026-12-05");
        let undated = dir.join("nouvelle-edition");
        std::fs::create_dir_all(&dated).unwrap();
        std::fs::create_dir_all(&undated).unwrap();
        assert_eq!(edition_date(&dated, None).unwrap(), "2026-12-05");
        let err = edition_date(&undated, None).unwrap_err();
        assert!(err.contains("give it with DATE=YYYY-MM-DD"), "{err}");
        assert_eq!(edition_date(&undated, Some("2026-12-07")).unwrap(), "2026-12-07");
        assert!(edition_date(&undated, Some("7 décembre")).unwrap_err().contains("not a date"));
        std::fs::write(undated.join("edition.json"), r#"{"date": "2026-12-06"}"#).unwrap();
        assert_eq!(edition_date(&undated, Some("2026-12-07")).unwrap(), "2026-12-06", "the edition's own date first");
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(is_date("2026-02-28") && !is_date("2026-13-01") && !is_date("26-11-2026"));
    }
}
