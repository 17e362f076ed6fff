//! Exports of a selection (what the visitor sees) and the spreadsheet form of the project records.
//!
//! The projects CSV is also the template of the import tool (`poles-databuild import`): one row
//! per project, list cells with one item per line, funding lines in column groups `financeur_N`,
//! `montant_N_eur`, `note_N`, amounts written `1234567,5` (French decimal comma; the import also
//! reads `1 234 567,50`), unknown values left empty. Lines starting with `#` carry the export's
//! provenance (view address, data version, date) and are skipped by the import. See
//! `docs/csv-template.md`.

use crate::json::{Map, Number, Value};
use crate::model::{Dataset, Pole, Project};

/// Provenance written inside every export.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportMeta {
    /// The address of the exported view.
    pub url: String,
    pub data_version: String,
    /// ISO date (YYYY-MM-DD) of the export.
    pub exported_at: String,
}

/// The columns of the projects CSV, before the funding groups.
pub const PROJECT_COLUMNS: [&str; 22] = [
    "id",
    "acronyme",
    "intitule",
    "resume",
    "type",
    "poles",
    "poles_non_resolus",
    "porteur",
    "partenaires",
    "localisations_partenaires",
    "regions",
    "departements",
    "base_territoire",
    "mots_cles",
    "themes",
    "base_themes",
    "annee",
    "appel",
    "budget_total_eur",
    "statut",
    "sources",
    "notes",
];

/// Funding column groups written at least (more when a project has more lines).
pub const MIN_FUNDING_GROUPS: usize = 6;

/// A number with a decimal comma, as French spreadsheets write it: 1234567.5 -> "1234567,5".
/// Up to 6 decimals (amounts are in euros); integers in full.
pub fn decimal_fr(x: f64) -> String {
    Number(x).to_string().replace('.', ",")
}

/// One CSV field: quoted when it holds the separator, a quote or a line break.
fn field(out: &mut String, s: &str, sep: char) {
    if s.contains([sep, '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

fn row(out: &mut String, cells: &[String], sep: char) {
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push(sep);
        }
        field(out, c, sep);
    }
    out.push_str("\r\n");
}

/// `#` lines with the provenance (skipped by the import).
fn preamble(out: &mut String, meta: &ExportMeta, what: &str) {
    out.push_str(&format!("# Pôles Explorer — {what}\r\n# vue : {}\r\n# données : édition {}\r\n# export du {}\r\n", meta.url, meta.data_version, meta.exported_at));
}

fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_default()
}

fn lines(v: &[String]) -> String {
    v.join("\n")
}

/// The cells of a project, in `PROJECT_COLUMNS` order then `groups` funding groups.
pub fn project_cells(p: &Project, groups: usize) -> Vec<String> {
    let mut c = vec![
        p.id.clone(),
        p.acronym.clone(),
        opt(&p.title),
        opt(&p.summary),
        p.kind.code().to_string(),
        lines(&p.poles),
        lines(&p.unresolved_poles),
        opt(&p.lead),
        lines(&p.partners),
        lines(&p.partner_locations),
        lines(&p.territory.regions),
        lines(&p.territory.departements),
        p.territory.basis.map(|b| b.code().to_string()).unwrap_or_default(),
        lines(&p.keywords),
        lines(&p.themes),
        p.themes_basis.map(|b| b.code().to_string()).unwrap_or_default(),
        p.year.map(|y| y.to_string()).unwrap_or_default(),
        opt(&p.call),
        p.total_budget_eur.map(decimal_fr).unwrap_or_default(),
        opt(&p.status),
        lines(&p.sources),
        opt(&p.notes),
    ];
    for k in 0..groups {
        let f = p.funding.get(k);
        c.push(f.map(|f| f.funder.clone()).unwrap_or_default());
        c.push(f.and_then(|f| f.amount_eur).map(decimal_fr).unwrap_or_default());
        c.push(f.and_then(|f| f.note.clone()).unwrap_or_default());
    }
    c
}

/// The header of the projects CSV with `groups` funding groups.
pub fn project_header(groups: usize) -> Vec<String> {
    let mut h: Vec<String> = PROJECT_COLUMNS.iter().map(|s| s.to_string()).collect();
    for k in 1..=groups {
        h.push(format!("financeur_{k}"));
        h.push(format!("montant_{k}_eur"));
        h.push(format!("note_{k}"));
    }
    h
}

/// The projects at `items` as CSV (the import template's columns). `bom` for spreadsheets that
/// need it to read UTF-8 (Excel).
pub fn projects_csv(projects: &[&Project], sep: char, bom: bool, meta: Option<&ExportMeta>) -> String {
    let groups = projects.iter().map(|p| p.funding.len()).max().unwrap_or(0).max(MIN_FUNDING_GROUPS);
    let mut out = String::new();
    if bom {
        out.push('\u{FEFF}');
    }
    if let Some(m) = meta {
        preamble(&mut out, m, "projets");
    }
    row(&mut out, &project_header(groups), sep);
    for p in projects {
        row(&mut out, &project_cells(p, groups), sep);
    }
    out
}

/// The pôles at `items` as CSV (with their number of projects in the data).
pub fn poles_csv(d: &Dataset, poles: &[&Pole], sep: char, bom: bool, meta: Option<&ExportMeta>) -> String {
    let mut out = String::new();
    if bom {
        out.push('\u{FEFF}');
    }
    if let Some(m) = meta {
        preamble(&mut out, m, "pôles");
    }
    let header = ["id", "nom", "sigle", "anciens_noms", "statut", "phases", "regions", "themes", "siege", "site_web", "projets_dans_les_donnees", "sources"];
    row(&mut out, &header.map(String::from), sep);
    for p in poles {
        let n = d.projects_of_pole(&p.id).count();
        row(
            &mut out,
            &[
                p.id.clone(),
                p.name.clone(),
                opt(&p.short_name),
                lines(&p.former_names),
                p.status.code.code().to_string(),
                lines(&p.phases),
                lines(&p.regions),
                lines(&p.themes),
                opt(&p.hq.city),
                opt(&p.website),
                n.to_string(),
                lines(&p.sources),
            ],
            sep,
        );
    }
    out
}

/// Figures of the selection per value of a dimension: items, published amounts, items with an
/// unpublished amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dimension {
    Region,
    Pole,
    Funder,
}

/// The projects at `items` aggregated by region, pôle or funder, as CSV: code, name, projects,
/// sum of published amounts, projects with an unpublished amount (for that funder, by funder).
pub fn aggregate_csv(d: &Dataset, projects: &[&Project], by: Dimension, sep: char, bom: bool, meta: Option<&ExportMeta>) -> String {
    let keys: Vec<(String, String)> = match by {
        Dimension::Region => d.refs.regions.iter().map(|r| (r.code.clone(), r.name.clone())).collect(),
        Dimension::Pole => d.poles.iter().map(|p| (p.id.clone(), p.name.clone())).collect(),
        Dimension::Funder => d.refs.funders.iter().map(|f| (f.id.clone(), f.label.clone())).collect(),
    };
    let mut figures = vec![(0usize, 0.0f64, 0usize); keys.len()];
    let pos = |k: &str| keys.iter().position(|(c, _)| c == k);
    for p in projects {
        match by {
            Dimension::Funder => {
                for f in &p.funding {
                    if let Some(i) = pos(&f.funder) {
                        figures[i].0 += 1;
                        match f.amount_eur {
                            Some(a) => figures[i].1 += a,
                            None => figures[i].2 += 1,
                        }
                    }
                }
            }
            _ => {
                let (sum, unknown) = p.published_funding();
                let values = if by == Dimension::Region { &p.territory.regions } else { &p.poles };
                for v in values {
                    if let Some(i) = pos(v) {
                        figures[i].0 += 1;
                        figures[i].1 += sum;
                        figures[i].2 += (unknown > 0) as usize;
                    }
                }
            }
        }
    }
    let mut out = String::new();
    if bom {
        out.push('\u{FEFF}');
    }
    let what = match by {
        Dimension::Region => "projets par région",
        Dimension::Pole => "projets par pôle",
        Dimension::Funder => "projets par financeur",
    };
    if let Some(m) = meta {
        preamble(&mut out, m, what);
    }
    let unknown_col = if by == Dimension::Funder { "lignes_sans_montant_publie" } else { "projets_avec_montant_non_publie" };
    row(&mut out, &["code", "nom", "projets", "montants_publies_eur", unknown_col].map(String::from), sep);
    for ((code, name), (n, sum, unknown)) in keys.into_iter().zip(figures) {
        if n > 0 {
            row(&mut out, &[code, name, n.to_string(), decimal_fr(sum), unknown.to_string()], sep);
        }
    }
    out
}

fn s(v: &str) -> Value {
    Value::String(v.to_string())
}

fn os(v: &Option<String>) -> Value {
    v.as_deref().map_or(Value::Null, s)
}

fn list(v: &[String]) -> Value {
    Value::Array(v.iter().map(|x| s(x)).collect())
}

fn num(x: Option<f64>) -> Value {
    x.map_or(Value::Null, |x| Value::Number(Number(x)))
}

fn obj(pairs: Vec<(&str, Value)>) -> Value {
    Value::Object(Map(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect()))
}

/// A project as in `projects.json`.
pub fn project_json(p: &Project) -> Value {
    obj(vec![
        ("id", s(&p.id)),
        ("acronym", s(&p.acronym)),
        ("title", os(&p.title)),
        ("summary", os(&p.summary)),
        ("kind", s(p.kind.code())),
        ("poles", list(&p.poles)),
        ("unresolved_poles", list(&p.unresolved_poles)),
        ("lead", os(&p.lead)),
        ("partners", list(&p.partners)),
        ("partner_locations", list(&p.partner_locations)),
        (
            "territory",
            obj(vec![
                ("regions", list(&p.territory.regions)),
                ("departements", list(&p.territory.departements)),
                ("basis", p.territory.basis.map_or(Value::Null, |b| s(b.code()))),
            ]),
        ),
        ("keywords", list(&p.keywords)),
        ("themes", list(&p.themes)),
        ("themes_basis", p.themes_basis.map_or(Value::Null, |b| s(b.code()))),
        ("year", num(p.year.map(f64::from))),
        ("call", os(&p.call)),
        (
            "funding",
            Value::Array(
                p.funding
                    .iter()
                    .map(|f| obj(vec![("funder", s(&f.funder)), ("amount_eur", num(f.amount_eur)), ("note", os(&f.note))]))
                    .collect(),
            ),
        ),
        ("total_budget_eur", num(p.total_budget_eur)),
        ("status", os(&p.status)),
        ("sources", list(&p.sources)),
        ("notes", os(&p.notes)),
    ])
}

fn pole_json(p: &Pole) -> Value {
    obj(vec![
        ("id", s(&p.id)),
        ("name", s(&p.name)),
        ("short_name", os(&p.short_name)),
        ("former_names", list(&p.former_names)),
        ("status", s(p.status.code.code())),
        ("phases", list(&p.phases)),
        ("regions", list(&p.regions)),
        ("themes", list(&p.themes)),
        ("city", os(&p.hq.city)),
        ("website", os(&p.website)),
        ("sources", list(&p.sources)),
    ])
}

/// The selection as JSON: `{"export": {url, data_version, exported_at}, "projects": [...]}` (or
/// `"poles"`), records in the order shown.
pub fn selection_json(projects: &[&Project], poles: &[&Pole], meta: &ExportMeta) -> String {
    let export = obj(vec![
        ("url", s(&meta.url)),
        ("data_version", s(&meta.data_version)),
        ("exported_at", s(&meta.exported_at)),
        ("source", s("Pôles Explorer")),
    ]);
    let doc = if poles.is_empty() {
        obj(vec![("export", export), ("projects", Value::Array(projects.iter().map(|p| project_json(p)).collect()))])
    } else {
        obj(vec![("export", export), ("poles", Value::Array(poles.iter().map(|p| pole_json(p)).collect()))])
    };
    doc.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta() -> ExportMeta {
        ExportMeta { url: "https://ex.fr/?region=27".into(), data_version: "2026-11-26.1".into(), exported_at: "2026-11-26".into() }
    }

    #[test]
    fn csv_fields_are_quoted_only_when_needed() {
        let mut out = String::new();
        row(&mut out, &["a".into(), "b;c".into(), "say \"hi\"".into(), "x\ny".into()], ';');
        assert_eq!(out, "a;\"b;c\";\"say \"\"hi\"\"\";\"x\ny\"\r\n");
        assert_eq!(decimal_fr(1234567.5), "1234567,5");
        assert_eq!(decimal_fr(120000.0), "120000");
    }

    #[test]
    fn exports_carry_their_provenance_and_exactly_the_selection() {
        let (d, _) = crate::testdata::bundled();
        let picked: Vec<&Project> = d.projects.iter().filter(|p| p.territory.regions.iter().any(|r| r == "27")).collect();
        let csv = projects_csv(&picked, ';', true, Some(&meta()));
        assert!(csv.starts_with('\u{FEFF}'));
        assert!(csv.contains("# vue : https://ex.fr/?region=27") && csv.contains("édition 2026-11-26.1") && csv.contains("export du 2026-11-26"));
        // Records: one per picked project (quoted cells may hold line breaks: count ids instead).
        for p in &picked {
            assert!(csv.contains(&format!("\r\n{};", p.id)), "{}", p.id);
        }
        let json = selection_json(&picked, &[], &meta());
        let v = crate::json::from_str(&json).unwrap();
        assert_eq!(v.get("projects").and_then(Value::as_array).map(Vec::len), Some(picked.len()));
        assert_eq!(v.get("export").and_then(|e| e.get("url")).and_then(Value::as_str), Some("https://ex.fr/?region=27"));
        let agg = aggregate_csv(d, &picked, Dimension::Region, ',', false, None);
        assert!(agg.contains(&format!("27,Bourgogne-Franche-Comté,{},", picked.len())), "{agg}");
        let by_funder = aggregate_csv(d, &picked, Dimension::Funder, ';', false, None);
        let fui_lines = picked.iter().flat_map(|p| &p.funding).filter(|f| f.funder == "FUI").count();
        assert!(by_funder.contains(&format!("FUI;FUI;{fui_lines};")), "{by_funder}");
    }

    #[test]
    fn the_json_export_reads_back_as_valid_project_records() {
        let (d, _) = crate::testdata::bundled();
        let all: Vec<&Project> = d.projects.iter().collect();
        let json = selection_json(&all, &[], &meta());
        let records = crate::json::from_str(&json).unwrap();
        let file = format!(
            "{{\"schema\":\"poles-explorer/projects\",\"schema_version\":1,\"data_version\":\"x\",\"compiled_at\":\"2026-11-26\",\"projects\":{}}}",
            records.get("projects").unwrap()
        );
        let mut problems = Vec::new();
        let (projects, _) = crate::validate::load_projects(&file, &d.refs, &d.poles, &mut problems).unwrap();
        assert_eq!(projects, d.projects, "export then validation gives the same records");
    }
}
