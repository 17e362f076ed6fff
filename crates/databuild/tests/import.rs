//! The spreadsheet import: an export of the bundled data imports back to the same projects.json
//! (UTF-8 with the export's provenance lines, and Windows-1252 as Excel writes it); the template
//! imports; a malformed sheet names the line and column and changes nothing.

use poles_core::export::{projects_csv, ExportMeta};
use poles_databuild::import::{amount_fr, import_projects, year_fr};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data/");

fn read(f: &str) -> String {
    std::fs::read_to_string(format!("{DATA}{f}")).unwrap()
}

fn bundled() -> poles_core::validate::Loaded {
    poles_core::validate::load_all(&read("referentiels.json"), &read("poles.json"), &read("projects.json")).unwrap()
}

fn import(bytes: &[u8]) -> Result<poles_databuild::import::Imported, Vec<poles_databuild::import::CsvProblem>> {
    import_projects(bytes, &read("referentiels.json"), &read("poles.json"), &read("projects.json"))
}

#[test]
fn export_then_import_is_lossless() {
    let l = bundled();
    let all: Vec<_> = l.dataset.projects.iter().collect();
    let editions = vec!["2026-12-05.1 : projets : 1 ajouté".to_string()];
    let meta = ExportMeta { url: "https://exemple.fr/?onglet=projets".into(), data_version: "x".into(), exported_at: "2026-11-26".into(), editions };
    for (sep, bom) in [(';', true), (',', false)] {
        let csv = projects_csv(&all, sep, bom, Some(&meta));
        let imported = import(csv.as_bytes()).unwrap_or_else(|p| panic!("{p:?}"));
        assert_eq!(imported.count, all.len());
        if imported.projects_json != read("projects.json") {
            let a: serde_json::Value = serde_json::from_str(&imported.projects_json).unwrap();
            let b: serde_json::Value = serde_json::from_str(&read("projects.json")).unwrap();
            let (pa, pb) = (a["projects"].as_array().unwrap(), b["projects"].as_array().unwrap());
            for (x, y) in pa.iter().zip(pb) {
                assert_eq!(x, y, "separator {sep:?}");
            }
            panic!("same records, different text (separator {sep:?})");
        }
    }
}

#[test]
fn formula_like_texts_are_neutralised_in_the_export_and_restored_by_the_import() {
    let l = bundled();
    let mut p = l.dataset.projects[0].clone();
    p.title = Some("=HYPERLINK(\"http://evil.example\";\"clic\")".into());
    p.summary = Some("+33 1 23 45 67 89".into());
    p.lead = Some("@SUM(1;2)".into());
    p.partners = vec!["-moins".into(), "'=déjà protégé".into()];
    p.status = Some("\tindenté".into());
    let csv = projects_csv(&[&p], ';', false, None);
    // No cell of the file starts with a formula character.
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(csv.as_bytes());
    for rec in reader.records() {
        for cell in rec.unwrap().iter() {
            let formula = cell.starts_with(['=', '+', '@', '\t', '\r']) || (cell.starts_with('-') && cell.parse::<f64>().is_err());
            assert!(!formula, "{cell:?}");
        }
    }
    let imported = import(csv.as_bytes()).unwrap_or_else(|e| panic!("{e:?}"));
    let back = poles_core::validate::load_all(&read("referentiels.json"), &read("poles.json"), &imported.projects_json).unwrap();
    assert_eq!(back.dataset.projects, [p], "export then import restores every text");
}

#[test]
fn windows_1252_sheets_import_too() {
    let l = bundled();
    // Projects whose text Windows-1252 can hold (all French letters, œ, €, ’ and « » included).
    let picked: Vec<_> = l
        .dataset
        .projects
        .iter()
        .filter(|p| {
            let csv = projects_csv(&[*p], ';', false, None);
            !encoding_rs::WINDOWS_1252.encode(&csv).2
        })
        .collect();
    assert!(picked.len() > 200, "{}", picked.len());
    let csv = projects_csv(&picked, ';', false, None);
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&csv);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&bytes).is_err(), "the test file really is Windows-1252");
    let imported = import(&bytes).unwrap_or_else(|p| panic!("{p:?}"));
    let reread = poles_core::validate::load_all(&read("referentiels.json"), &read("poles.json"), &imported.projects_json).unwrap();
    assert_eq!(reread.dataset.projects.iter().collect::<Vec<_>>(), picked);
}

#[test]
fn the_shipped_template_imports() {
    let bytes = std::fs::read(format!("{DATA}modele-projets.csv")).unwrap();
    let imported = import(&bytes).unwrap_or_else(|p| panic!("{p:?}"));
    assert_eq!(imported.count, 3);
}

#[test]
fn malformed_sheets_name_the_line_and_column_and_write_nothing() {
    let l = bundled();
    let picked: Vec<_> = l.dataset.projects.iter().take(3).collect();
    let csv = projects_csv(&picked, ';', false, None);
    let header: Vec<&str> = csv.lines().next().unwrap().split(';').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap() + 1;
    // A bad amount on the second record (line 3 of the file: header, record 1, record 2).
    let clean: Vec<Vec<String>> = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(csv.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    let mut rows = clean.clone();
    rows[2][col("montant_1_eur") - 1] = "douze mille".into();
    rows[3][col("annee") - 1] = "31/13/2014".into();
    let mut w = csv::WriterBuilder::new().delimiter(b';').from_writer(Vec::new());
    for r in &rows {
        w.write_record(r).unwrap();
    }
    let bad = w.into_inner().unwrap();
    // Physical line of each record (list cells hold line breaks).
    let starts: Vec<u64> =
        csv::ReaderBuilder::new().delimiter(b';').has_headers(false).from_reader(&bad[..]).records().map(|r| r.unwrap().position().unwrap().line()).collect();
    let problems = import(&bad).unwrap_err();
    let text: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    let line2 = problems.iter().find(|p| p.line == starts[2]).unwrap_or_else(|| panic!("{text:?}"));
    assert_eq!(line2.column, Some((col("montant_1_eur"), "montant_1_eur".to_string())), "{text:?}");
    let line3 = problems.iter().find(|p| p.line == starts[3]).unwrap_or_else(|| panic!("{text:?}"));
    assert_eq!(line3.column.as_ref().map(|c| c.0), Some(col("annee")));
    // A quote left open, an unknown column, a rule of the app (unknown pôle is only a warning;
    // a missing acronym is an error of the record).
    let broken = format!("{}\n\"ouvert;", csv.lines().next().unwrap());
    assert!(import(broken.as_bytes()).is_err());
    let unknown = csv.replacen("notes", "remarques", 1);
    let p = import(unknown.as_bytes()).unwrap_err();
    assert!(p[0].to_string().contains("colonne") && p[0].to_string().contains("remarques"), "{p:?}");
    let mut rows2 = clean.clone();
    rows2[1][col("acronyme") - 1] = String::new();
    let mut w = csv::WriterBuilder::new().delimiter(b';').from_writer(Vec::new());
    for r in &rows2 {
        w.write_record(r).unwrap();
    }
    let p = import(&w.into_inner().unwrap()).unwrap_err();
    let e = p.iter().find(|p| p.error).unwrap();
    assert_eq!((e.line, e.column.as_ref().map(|c| c.1.as_str())), (starts[1], Some("acronyme")), "{p:?}");
}

#[test]
fn french_numbers_and_dates() {
    assert_eq!(amount_fr("1 234 567,50"), Ok(Some(1234567.5)));
    assert_eq!(amount_fr("1\u{202f}234\u{a0}567 €"), Ok(Some(1234567.0)));
    assert_eq!(amount_fr("120000"), Ok(Some(120000.0)));
    assert_eq!(amount_fr(""), Ok(None));
    assert_eq!(amount_fr("non publié"), Ok(None));
    assert!(amount_fr("-5").is_err());
    assert!(amount_fr("12,3,4").is_err());
    assert_eq!(year_fr("15/03/2014"), Ok(Some(2014)));
    assert_eq!(year_fr("2014"), Ok(Some(2014)));
    assert!(year_fr("2014-03-15").is_err());
}
