//! `poles-databuild import FILE.csv`: the projects spreadsheet (template: `data-src/modele-projets.csv`,
//! documented in `docs/csv-template.md`) into `projects.json`, validated by the app's own rules.
//!
//! French spreadsheets: UTF-8 (with or without BOM) or Windows-1252, `;` (or `,`) separator,
//! amounts `1 234 567,50`, years or dates `dd/mm/yyyy`, list cells with one item per line.
//! Every problem is reported with its line and column; with any error nothing is written.

use poles_core::export::PROJECT_COLUMNS;
use poles_core::validate::{load_all, Severity};
use serde_json::{json, Map, Value};

/// A problem of the spreadsheet, where a person can find it (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvProblem {
    pub line: u64,
    pub column: Option<(usize, String)>,
    pub message: String,
    pub error: bool,
}

impl std::fmt::Display for CsvProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ligne {}", if self.error { "erreur" } else { "avertissement" }, self.line)?;
        if let Some((n, name)) = &self.column {
            write!(f, ", colonne {n} ({name})")?;
        }
        write!(f, " : {}", self.message)
    }
}

/// What an import gives: the new `projects.json` text, and the warnings (kept records).
#[derive(Debug)]
pub struct Imported {
    pub projects_json: String,
    pub count: usize,
    pub warnings: Vec<CsvProblem>,
}

/// The text of the file: UTF-8 (BOM dropped), else Windows-1252 (what Excel writes in France).
pub fn decode(bytes: &[u8]) -> (String, &'static str) {
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), "UTF-8"),
        Err(_) => (encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned(), "Windows-1252"),
    }
}

/// A French amount: "1 234 567,50", "1234567.5", "120 000 €"; empty or "non publié": unknown.
pub fn amount_fr(cell: &str) -> Result<Option<f64>, String> {
    let t = cell.trim();
    if t.is_empty() || t.eq_ignore_ascii_case("non publié") || t.eq_ignore_ascii_case("non publie") {
        return Ok(None);
    }
    let compact: String = t.chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '€')).collect::<String>().replace(',', ".");
    match compact.parse::<f64>() {
        Ok(x) if x.is_finite() && x >= 0.0 => Ok(Some(x)),
        _ => Err(format!("montant illisible « {t} » (attendu par exemple 1 234 567,50, ou vide si non publié)")),
    }
}

/// A year: "2014", or a date "15/03/2014" (its year).
pub fn year_fr(cell: &str) -> Result<Option<u16>, String> {
    let t = cell.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let y = match t.split('/').collect::<Vec<_>>().as_slice() {
        [y] => y.parse::<u16>().ok(),
        [d, m, y] if d.len() <= 2 && m.len() <= 2 && y.len() == 4 => {
            let (d, m) = (d.parse::<u8>().ok(), m.parse::<u8>().ok());
            match (d, m) {
                (Some(1..=31), Some(1..=12)) => y.parse::<u16>().ok(),
                _ => None,
            }
        }
        _ => None,
    };
    y.map(Some).ok_or_else(|| format!("année ou date illisible « {t} » (attendu 2014 ou 15/03/2014)"))
}

/// One item per line (blank lines skipped); items are kept as written, for a lossless round trip.
fn list(cell: &str) -> Value {
    Value::Array(cell.lines().filter(|s| !s.trim().is_empty()).map(|s| json!(s)).collect())
}

/// A text cell as written; blank means unknown.
fn text(cell: &str) -> Value {
    if cell.trim().is_empty() {
        Value::Null
    } else {
        json!(cell)
    }
}

/// Reads the spreadsheet and checks it with the app's validation against the reference lists
/// and pôles. `current_projects` gives the file header to keep (data version, compilation date).
pub fn import_projects(bytes: &[u8], referentiels: &str, poles: &str, current_projects: &str) -> Result<Imported, Vec<CsvProblem>> {
    let (text_all, _) = decode(bytes);
    // Provenance lines of an export start with '#': skipped, line numbers kept.
    let skipped = text_all.lines().take_while(|l| l.starts_with('#')).count() as u64;
    let body: String = text_all.lines().skip(skipped as usize).collect::<Vec<_>>().join("\n");
    let first = body.lines().next().unwrap_or("");
    let sep = if first.matches(';').count() >= first.matches(',').count() { b';' } else { b',' };
    let mut reader = csv::ReaderBuilder::new().delimiter(sep).has_headers(true).flexible(false).from_reader(body.as_bytes());
    let mut problems: Vec<CsvProblem> = Vec::new();
    let err = |line: u64, column: Option<(usize, String)>, message: String| CsvProblem { line: line + skipped, column, message, error: true };

    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|s| s.trim().to_string()).collect(),
        Err(e) => return Err(vec![err(1, None, format!("en-tête illisible : {e}"))]),
    };
    let col = |name: &str| header.iter().position(|h| h == name);
    for (i, h) in header.iter().enumerate() {
        let known = PROJECT_COLUMNS.contains(&h.as_str())
            || h.strip_prefix("financeur_").or_else(|| h.strip_prefix("note_")).is_some_and(|n| n.parse::<usize>().is_ok())
            || h.strip_prefix("montant_").and_then(|r| r.strip_suffix("_eur")).is_some_and(|n| n.parse::<usize>().is_ok());
        if !known {
            problems.push(err(1, Some((i + 1, h.clone())), "colonne inconnue (voir docs/csv-template.md)".into()));
        }
    }
    for required in ["id", "acronyme", "type", "sources"] {
        if col(required).is_none() {
            problems.push(err(1, None, format!("colonne obligatoire « {required} » absente")));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let groups = (1..).take_while(|k| col(&format!("financeur_{k}")).is_some()).count();

    let mut records: Vec<Value> = Vec::new();
    let mut line_of: Vec<(String, u64)> = Vec::new();
    for result in reader.records() {
        let rec = match result {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                problems.push(err(line, None, format!("ligne illisible : {e}")));
                continue;
            }
        };
        let line = rec.position().map_or(0, |p| p.line());
        // The `'` an export puts before a formula-like cell is removed (export then import is exact).
        let cell = |name: &str| col(name).and_then(|i| rec.get(i)).map(poles_core::export::unguard_formula).unwrap_or("");
        let at = |name: &str| col(name).map(|i| (i + 1, name.to_string()));
        let mut o = Map::new();
        o.insert("id".into(), text(cell("id")));
        o.insert("acronym".into(), text(cell("acronyme")));
        o.insert("title".into(), text(cell("intitule")));
        o.insert("summary".into(), text(cell("resume")));
        o.insert("kind".into(), text(cell("type")));
        o.insert("poles".into(), list(cell("poles")));
        o.insert("pole_role".into(), text(cell("role_pole")));
        o.insert("unresolved_poles".into(), list(cell("poles_non_resolus")));
        o.insert("lead".into(), text(cell("porteur")));
        o.insert("partners".into(), list(cell("partenaires")));
        o.insert("partner_locations".into(), list(cell("localisations_partenaires")));
        o.insert(
            "territory".into(),
            json!({"regions": list(cell("regions")), "departements": list(cell("departements")), "basis": text(cell("base_territoire"))}),
        );
        o.insert("keywords".into(), list(cell("mots_cles")));
        o.insert("themes".into(), list(cell("themes")));
        o.insert("themes_basis".into(), text(cell("base_themes")));
        match year_fr(cell("annee")) {
            Ok(y) => o.insert("year".into(), json!(y)),
            Err(m) => {
                problems.push(err(line, at("annee"), m));
                continue;
            }
        };
        o.insert("call".into(), text(cell("appel")));
        match amount_fr(cell("budget_total_eur")) {
            Ok(a) => o.insert("total_budget_eur".into(), json!(a)),
            Err(m) => {
                problems.push(err(line, at("budget_total_eur"), m));
                continue;
            }
        };
        o.insert("status".into(), text(cell("statut")));
        o.insert("sources".into(), list(cell("sources")));
        o.insert("notes".into(), text(cell("notes")));
        let mut funding = Vec::new();
        let mut bad = false;
        for k in 1..=groups {
            let (f, m, n) = (format!("financeur_{k}"), format!("montant_{k}_eur"), format!("note_{k}"));
            let funder = cell(&f).trim();
            let amount = match amount_fr(cell(&m)) {
                Ok(a) => a,
                Err(msg) => {
                    problems.push(err(line, at(&m), msg));
                    bad = true;
                    continue;
                }
            };
            if funder.is_empty() {
                if amount.is_some() || !cell(&n).trim().is_empty() {
                    problems.push(err(line, at(&f), "montant ou note sans financeur".into()));
                    bad = true;
                }
                continue;
            }
            funding.push(json!({"funder": funder, "amount_eur": amount, "note": text(cell(&n))}));
        }
        if bad {
            continue;
        }
        o.insert("funding".into(), Value::Array(funding));
        line_of.push((cell("id").trim().to_string(), line + skipped));
        records.push(Value::Object(o));
    }
    if problems.iter().any(|p| p.error) {
        return Err(problems);
    }

    // The app's validation, on the file as it would be written.
    let mut doc: Map<String, Value> = serde_json::from_str(current_projects).unwrap_or_default();
    doc.insert("projects".into(), Value::Array(records.clone()));
    let mut projects_json = serde_json::to_string_pretty(&Value::Object(doc)).expect("serialisable");
    projects_json.push('\n');
    let loaded = match load_all(referentiels, poles, &projects_json) {
        Ok(l) => l,
        Err(e) => return Err(vec![err(1, None, e.to_string())]),
    };
    let line_for = |record: &Option<String>| -> u64 {
        match record.as_deref() {
            Some(r) if r.starts_with('#') => r[1..].parse::<usize>().ok().and_then(|i| line_of.get(i)).map_or(0, |l| l.1),
            Some(r) => line_of.iter().find(|(id, _)| id == r).map_or(0, |l| l.1),
            None => 0,
        }
    };
    for p in loaded.problems.iter().filter(|p| p.file == "projects.json") {
        let column = p.field.as_deref().map(|f| csv_column(f, &header));
        problems.push(CsvProblem { line: line_for(&p.record), column: column.flatten(), message: p.message.clone(), error: p.severity == Severity::Error });
    }
    if problems.iter().any(|p| p.error) {
        return Err(problems);
    }
    Ok(Imported { projects_json, count: loaded.dataset.projects.len(), warnings: problems })
}

/// The spreadsheet column of a field of `projects.json` ("funding[1].amount_eur" -> montant_2_eur).
fn csv_column(field: &str, header: &[String]) -> Option<(usize, String)> {
    let name = if let Some(rest) = field.strip_prefix("funding[") {
        let (k, sub) = rest.split_once(']')?;
        let k = k.parse::<usize>().ok()? + 1;
        match sub.trim_start_matches('.') {
            "amount_eur" => format!("montant_{k}_eur"),
            "note" => format!("note_{k}"),
            _ => format!("financeur_{k}"),
        }
    } else {
        let base = field.split(['[', '.']).next().unwrap_or(field);
        let fields = [
            ("id", "id"),
            ("acronym", "acronyme"),
            ("title", "intitule"),
            ("summary", "resume"),
            ("kind", "type"),
            ("poles", "poles"),
            ("pole_role", "role_pole"),
            ("unresolved_poles", "poles_non_resolus"),
            ("lead", "porteur"),
            ("partners", "partenaires"),
            ("partner_locations", "localisations_partenaires"),
            ("keywords", "mots_cles"),
            ("themes", "themes"),
            ("themes_basis", "base_themes"),
            ("year", "annee"),
            ("call", "appel"),
            ("total_budget_eur", "budget_total_eur"),
            ("status", "statut"),
            ("sources", "sources"),
            ("notes", "notes"),
        ];
        if base == "territory" {
            match field.split('.').nth(1).map(|s| s.split('[').next().unwrap_or(s)) {
                Some("regions") => "regions".to_string(),
                Some("departements") => "departements".to_string(),
                _ => "base_territoire".to_string(),
            }
        } else {
            fields.iter().find(|(f, _)| *f == base).map(|(_, c)| c.to_string())?
        }
    };
    header.iter().position(|h| *h == name).map(|i| (i + 1, name))
}
