//! The English catalog (`public/i18n/en.json`) is complete: every French UI string of the app's
//! sources and every label or message template of the core has a translation, and every
//! translation keeps the number of `{}` arguments of its French message.

use poles_core::i18n::Catalog;
use poles_core::model::{FunderKind, PoleRole, PoleStatusCode, ProjectKind, TerritoryBasis};
use poles_core::query::{Facet, Sort, View};
use poles_core::validate::{FileError, FileErrorKind};
use std::path::Path;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../");

fn catalog() -> Catalog {
    let text = std::fs::read_to_string(format!("{ROOT}public/i18n/en.json")).expect("public/i18n/en.json");
    Catalog::parse(&text).expect("a catalog")
}

/// The string literals of a Rust source (comments skipped; escapes kept as written).
fn literals(src: &str) -> Vec<String> {
    let b = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            // A raw string (r#"…"#: markup with quotes inside).
            b'r' if b.get(i + 1) == Some(&b'#') && b.get(i + 2) == Some(&b'"') => {
                let start = i + 3;
                let end = src[start..].find("\"#").map_or(src.len(), |e| start + e);
                out.push(src[start..end].to_string());
                i = end + 2;
            }
            b'\'' => {
                // A char literal ('"', '\'') or a lifetime: skip it.
                if b.get(i + 2) == Some(&b'\'') {
                    i += 3;
                } else if b.get(i + 1) == Some(&b'\\') && b.get(i + 3) == Some(&b'\'') {
                    i += 4;
                } else {
                    i += 1;
                }
            }
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    if b[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                out.push(src[start..i.min(src.len())].to_string());
                i += 1;
            }
            _ => i += 1,
        }
    }
    out
}

/// A literal that reads as text for people (not a code, class, test hook, URL or format).
fn is_ui_text(l: &str) -> bool {
    let letters = l.chars().filter(|c| c.is_alphabetic()).count();
    let accented = l.chars().any(|c| c.is_alphabetic() && !c.is_ascii());
    let technical = l.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_-:/.#[]= ".contains(c));
    letters >= 2
        && (l.contains(' ') || accented || l.starts_with(|c: char| c.is_uppercase()))
        && !technical
        && !["data-", "pe-", "poles-explorer", "http", "/", "<"].iter().any(|p| l.starts_with(p))
}

/// Literals of the app that are not UI messages (names, keys, formats).
const NOT_MESSAGES: &[&str] = &[
    " lang=\"{l}\"",
    "M{} {}l{r} {r}l-{r} {r}l-{r} -{r}z",
    "0 0 {} {height}",
    "Pôles Explorer",
    "Français",
    "English",
    "(max-width: 56rem)",
    "{file}: {e}",
    "translate(0 {})",
    // DOM names: keys of keyboard events, a tag name.
    "Enter",
    "ArrowDown",
    "ArrowRight",
    "ArrowUp",
    "ArrowLeft",
    "Home",
    "End",
    "Delete",
    "Escape",
    "LI",
    "BODY",
];

/// Every `.rs` file under `src/`, sub-folders included (a new folder cannot escape the check).
fn app_sources() -> Vec<(String, String)> {
    fn walk(dir: &Path, files: &mut Vec<(String, String)>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, files);
            } else if p.extension().is_some_and(|x| x == "rs") {
                files.push((p.display().to_string(), std::fs::read_to_string(&p).unwrap()));
            }
        }
    }
    let mut files = Vec::new();
    walk(&Path::new(ROOT).join("src"), &mut files);
    // The organisation page's markup is written by the core, in the page's language.
    let page = Path::new(ROOT).join("crates/core/src/organisations/page.rs");
    files.push((page.display().to_string(), std::fs::read_to_string(&page).unwrap()));
    assert!(files.iter().any(|(f, _)| f.contains("pages/explorer/")), "the scan reaches sub-folders");
    files
}

#[test]
fn every_ui_string_of_the_app_is_translated() {
    let c = catalog();
    let mut missing = Vec::new();
    for (file, src) in app_sources() {
        if file.ends_with("i18n.rs") {
            continue; // its one notice is bilingual on purpose
        }
        for l in literals(&src) {
            if is_ui_text(&l) && !NOT_MESSAGES.contains(&l.as_str()) && c.get(&l).is_none() {
                missing.push(format!("{file}: {l}"));
            }
        }
    }
    assert!(missing.is_empty(), "untranslated UI strings:\n{}", missing.join("\n"));
}

#[test]
fn every_core_label_and_template_is_translated() {
    let c = catalog();
    let mut ids: Vec<&str> = Vec::new();
    ids.extend(Facet::ALL.iter().map(|f| f.label_fr()));
    ids.extend(View::ALL.iter().map(|v| v.label_fr()));
    ids.extend(Sort::ALL.iter().map(|s| s.label_fr()));
    ids.extend(PoleStatusCode::ALL.iter().map(|s| s.label_fr()));
    ids.extend(ProjectKind::ALL.iter().map(|k| k.label_fr()));
    ids.extend(poles_core::organisations::OrgKind::ALL.iter().map(|k| k.label_fr()));
    ids.extend(FunderKind::ALL.iter().map(|k| k.label_fr()));
    ids.extend(TerritoryBasis::ALL.iter().map(|b| b.label_fr()));
    for role in PoleRole::ALL.map(Some).into_iter().chain([None]) {
        ids.extend([PoleRole::label_fr(role), PoleRole::lead_in_fr(role, false), PoleRole::lead_in_fr(role, true)]);
    }
    let kinds = [
        FileErrorKind::Network(String::new()),
        FileErrorKind::Timeout(8),
        FileErrorKind::Http(404),
        FileErrorKind::Http(500),
        FileErrorKind::ContentType(String::new()),
        FileErrorKind::Empty,
        FileErrorKind::Json(String::new()),
        FileErrorKind::Encoding(Some(1)),
        FileErrorKind::Encoding(None),
        FileErrorKind::Schema { found: Some("2".into()) },
        FileErrorKind::Schema { found: None },
        FileErrorKind::Shape(String::new()),
    ];
    let templates: Vec<&'static str> = kinds.into_iter().map(|kind| FileError { file: "f".into(), kind }.template().0).collect();
    ids.extend(templates);
    for o in ["", "//x", "https://ailleurs.example/"] {
        if let Err(why) = poles_core::config::same_origin_data(o, "https://www.example.fr") {
            ids.push(why);
        }
    }
    // Notices of the URL parser and chip templates: the literals given to `note`, `reason` and `tr`.
    for (file, marker) in [
        ("crates/core/src/query.rs", "note(key, "),
        ("crates/core/src/query.rs", "reason: "),
        ("crates/core/src/facets.rs", "tr("),
        ("crates/core/src/config.rs", "msg(\""),
        ("crates/core/src/embed.rs", "msg(\""),
    ] {
        let src = std::fs::read_to_string(format!("{ROOT}{file}")).unwrap();
        // Only the code, not its tests.
        let src = src.split("#[cfg(test)]").next().unwrap_or("");
        for part in src.split(marker).skip(1) {
            let line = part.lines().next().unwrap_or("");
            // A marker ending with a quote took the literal's opening quote: put it back.
            let window = if marker.ends_with('"') { format!("\"{line}") } else { line.to_string() };
            if let Some(l) = literals(&window).first() {
                if !l.is_empty() && !ids.contains(&l.as_str()) {
                    ids.push(Box::leak(l.clone().into_boxed_str()));
                }
            }
        }
    }
    let missing: Vec<&&str> = ids.iter().filter(|id| c.get(id).is_none()).collect();
    assert!(missing.is_empty(), "untranslated core messages: {missing:?}");
    assert!(ids.len() > 60, "the scan found the core messages ({})", ids.len());
}

#[test]
fn translations_keep_their_arguments() {
    let c = catalog();
    let text = std::fs::read_to_string(format!("{ROOT}public/i18n/en.json")).unwrap();
    let v = poles_core::json::from_str(&text).unwrap();
    let messages = v.get("messages").and_then(|m| m.as_object()).unwrap();
    for (fr, en) in messages.iter() {
        let en = en.as_str().expect("text");
        assert_eq!(fr.matches("{}").count(), en.matches("{}").count(), "arguments of « {fr} » → “{en}”");
        assert!(!en.trim().is_empty(), "empty translation of « {fr} »");
    }
    assert_eq!(c.lang, "en");
    assert!(c.is_sorted(), "keep the catalog sorted by its French keys (lookups are binary searches)");
}
