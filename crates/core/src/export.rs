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
    /// The editions of the data and what each changed, the current one first (`Meta::editions`).
    pub editions: Vec<String>,
}

/// The columns of the projects CSV, before the funding groups.
pub const PROJECT_COLUMNS: [&str; 23] = [
    "id",
    "acronyme",
    "intitule",
    "resume",
    "type",
    "poles",
    "role_pole",
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

/// What makes a spreadsheet read a cell as a formula (OWASP "CSV injection").
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A signed number as written in a cell ("-12", "+3,5"): not a formula, left as it is.
fn is_plain_number(s: &str) -> bool {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    digits.chars().any(|c| c.is_ascii_digit()) && digits.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.')
}

/// Whether a cell must be neutralised: it begins with a formula character (and is not a plain
/// number), or with `'` followed by such a cell (so that removing one `'` is always exact).
pub fn needs_formula_guard(s: &str) -> bool {
    match s.chars().next() {
        Some('\'') => needs_formula_guard(&s[1..]),
        Some(c) if FORMULA_START.contains(&c) => !is_plain_number(s),
        _ => false,
    }
}

/// The cell as written in a CSV export: a leading `'` when a spreadsheet would run it as a formula.
pub fn guard_formula(s: &str) -> std::borrow::Cow<'_, str> {
    if needs_formula_guard(s) {
        format!("'{s}").into()
    } else {
        s.into()
    }
}

/// The cell as read back by the import: the `'` added by `guard_formula` removed.
pub fn unguard_formula(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if needs_formula_guard(rest) => rest,
        _ => s,
    }
}

/// One CSV field: neutralised when a spreadsheet would read a formula, quoted when it holds the
/// separator, a quote or a line break.
fn field(out: &mut String, s: &str, sep: char) {
    let s = &*guard_formula(s);
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
    out.push_str(&format!(
        "# Pôles Explorer — {what}\r\n# vue : {}\r\n# données : édition {}\r\n# export du {}\r\n",
        meta.url, meta.data_version, meta.exported_at
    ));
    for e in &meta.editions {
        out.push_str(&format!("# édition {e}\r\n"));
    }
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
        p.pole_role.map(|r| r.code().to_string()).unwrap_or_default(),
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

/// The projects as a table: the import template's header and one row per project.
pub fn projects_table(projects: &[&Project]) -> (Vec<String>, Vec<Vec<String>>) {
    let groups = projects.iter().map(|p| p.funding.len()).max().unwrap_or(0).max(MIN_FUNDING_GROUPS);
    (project_header(groups), projects.iter().map(|p| project_cells(p, groups)).collect())
}

/// A table as CSV, with `#` provenance lines when `meta` is given. `bom` for spreadsheets that
/// need it to read UTF-8 (Excel).
pub fn to_csv(header: &[String], rows: &[Vec<String>], sep: char, bom: bool, meta: Option<(&ExportMeta, &str)>) -> String {
    let mut out = String::new();
    if bom {
        out.push('\u{FEFF}');
    }
    if let Some((m, what)) = meta {
        preamble(&mut out, m, what);
    }
    row(&mut out, header, sep);
    for r in rows {
        row(&mut out, r, sep);
    }
    out
}

/// The projects as CSV (the import template's columns).
pub fn projects_csv(projects: &[&Project], sep: char, bom: bool, meta: Option<&ExportMeta>) -> String {
    let (h, rows) = projects_table(projects);
    to_csv(&h, &rows, sep, bom, meta.map(|m| (m, "projets")))
}

/// The pôles as a table (with their number of projects in the data).
pub fn poles_table(d: &Dataset, poles: &[&Pole]) -> (Vec<String>, Vec<Vec<String>>) {
    let header = ["id", "nom", "sigle", "anciens_noms", "statut", "phases", "regions", "themes", "siege", "site_web", "projets_dans_les_donnees", "sources"];
    let rows = poles
        .iter()
        .map(|p| {
            vec![
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
                d.projects_of_pole(&p.id).count().to_string(),
                lines(&p.sources),
            ]
        })
        .collect();
    (header.map(String::from).to_vec(), rows)
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
pub fn aggregate_table(d: &Dataset, projects: &[&Project], by: Dimension) -> (Vec<String>, Vec<Vec<String>>) {
    let keys: Vec<(String, String)> = match by {
        Dimension::Region => d.refs.regions.iter().map(|r| (r.code.clone(), r.name.clone())).collect(),
        Dimension::Pole => d.poles.iter().map(|p| (p.id.clone(), p.name.clone())).collect(),
        Dimension::Funder => d.refs.funders.iter().map(|f| (f.id.clone(), f.label.clone())).collect(),
    };
    // Items, sum of published amounts, items (lines, by funder) without a published amount, and
    // whether any amount was published (else the sum is unknown: left empty, never 0).
    let mut figures = vec![(0usize, 0.0f64, 0usize, false); keys.len()];
    let pos = |k: &str| keys.iter().position(|(c, _)| c == k);
    for p in projects {
        match by {
            Dimension::Funder => {
                for f in &p.funding {
                    if let Some(i) = pos(&f.funder) {
                        figures[i].0 += 1;
                        match f.amount_eur {
                            Some(a) => {
                                figures[i].1 += a;
                                figures[i].3 = true;
                            }
                            None => figures[i].2 += 1,
                        }
                    }
                }
            }
            _ => {
                let (sum, unknown) = p.published_funding();
                let published = p.funding.iter().any(|f| f.amount_eur.is_some());
                let values = if by == Dimension::Region { &p.territory.regions } else { &p.poles };
                for v in values {
                    if let Some(i) = pos(v) {
                        figures[i].0 += 1;
                        figures[i].1 += sum;
                        figures[i].2 += (unknown > 0) as usize;
                        figures[i].3 |= published;
                    }
                }
            }
        }
    }
    let unknown_col = if by == Dimension::Funder { "lignes_sans_montant_publie" } else { "projets_avec_montant_non_publie" };
    let header = ["code", "nom", "projets", "montants_publies_eur", unknown_col].map(String::from).to_vec();
    let rows = keys
        .into_iter()
        .zip(figures)
        .filter(|(_, f)| f.0 > 0)
        .map(|((code, name), (n, sum, unknown, published))| {
            vec![code, name, n.to_string(), if published { decimal_fr(sum) } else { String::new() }, unknown.to_string()]
        })
        .collect();
    (header, rows)
}

/// The selection as JSON: `{"export": {url, data_version, exported_at, source}, "projects": [...]}`
/// (or `"poles"`), one object per record in the order shown, with the CSV's columns as keys
/// (list cells as arrays, unknown values as null), so that both exports say the same thing.
pub fn selection_json(header: &[String], rows: &[Vec<String>], key: &str, meta: &ExportMeta) -> String {
    let text = |v: &str| Value::String(v.to_string());
    let export = Value::Object(Map(vec![
        ("url".into(), text(&meta.url)),
        ("data_version".into(), text(&meta.data_version)),
        ("exported_at".into(), text(&meta.exported_at)),
        ("source".into(), text("Pôles Explorer")),
        ("editions".into(), Value::Array(meta.editions.iter().map(|e| text(e)).collect())),
    ]));
    let records = rows
        .iter()
        .map(|r| {
            Value::Object(Map(header
                .iter()
                .zip(r)
                .map(|(h, c)| {
                    let v = if c.is_empty() {
                        Value::Null
                    } else if LIST_COLUMNS.contains(&h.as_str()) {
                        Value::Array(c.split('\n').map(text).collect())
                    } else {
                        text(c)
                    };
                    (h.clone(), v)
                })
                .collect()))
        })
        .collect();
    Value::Object(Map(vec![("export".into(), export), (key.into(), Value::Array(records))])).to_string()
}

/// Columns whose cells hold one item per line.
pub const LIST_COLUMNS: [&str; 11] = [
    "poles",
    "poles_non_resolus",
    "partenaires",
    "localisations_partenaires",
    "regions",
    "departements",
    "mots_cles",
    "themes",
    "sources",
    "anciens_noms",
    "phases",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn meta() -> ExportMeta {
        ExportMeta {
            url: "https://ex.fr/?region=27".into(),
            data_version: "2026-12-05.1".into(),
            exported_at: "2026-12-06".into(),
            editions: vec!["2026-12-05.1 : projets : 1 ajouté, 1 modifié ; pôles : inchangés".into(), "2026-11-29.1 : projets : 162 ajoutés".into()],
        }
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
    fn formulas_are_neutralised_and_read_back_exactly() {
        for (cell, written) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+33 1 23", "'+33 1 23"),
            ("-rien", "'-rien"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("'=déjà", "''=déjà"),
            ("-12", "-12"),
            ("+3,5", "+3,5"),
            ("1234567,5", "1234567,5"),
            ("'apostrophe", "'apostrophe"),
            ("Vitagora", "Vitagora"),
            ("", ""),
        ] {
            assert_eq!(guard_formula(cell), written, "{cell:?}");
            assert_eq!(unguard_formula(written), cell, "{cell:?}");
        }
        let mut out = String::new();
        row(&mut out, &["=1+1".into(), "-\nsuite".into()], ';');
        assert_eq!(out, "'=1+1;\"'-\nsuite\"\r\n");
    }

    #[test]
    fn exports_carry_their_provenance_and_exactly_the_selection() {
        let (d, _) = crate::testdata::bundled();
        let picked: Vec<&Project> = d.projects.iter().filter(|p| p.territory.regions.iter().any(|r| r == "27")).collect();
        let csv = projects_csv(&picked, ';', true, Some(&meta()));
        assert!(csv.starts_with('\u{FEFF}'));
        assert!(csv.contains("# vue : https://ex.fr/?region=27") && csv.contains("# données : édition 2026-12-05.1") && csv.contains("export du 2026-12-06"));
        // The editions and what each changed, one `#` line each, the current one first.
        assert!(
            csv.contains(
                "\r\n# édition 2026-12-05.1 : projets : 1 ajouté, 1 modifié ; pôles : inchangés\r\n# édition 2026-11-29.1 : projets : 162 ajoutés\r\n"
            ),
            "{csv}"
        );
        // Records: one per picked project (quoted cells may hold line breaks: count ids instead).
        for p in &picked {
            assert!(csv.contains(&format!("\r\n{};", p.id)), "{}", p.id);
        }
        let (h, rows) = projects_table(&picked);
        let json = selection_json(&h, &rows, "projects", &meta());
        let v = crate::json::from_str(&json).unwrap();
        let first = &v.get("projects").and_then(Value::as_array).unwrap()[0];
        assert_eq!(first.get("id").and_then(Value::as_str), Some(picked[0].id.as_str()));
        assert_eq!(first.get("sources").and_then(Value::as_array).map(Vec::len), Some(picked[0].sources.len()));
        assert_eq!(v.get("projects").and_then(Value::as_array).map(Vec::len), Some(picked.len()));
        assert_eq!(v.get("export").and_then(|e| e.get("url")).and_then(Value::as_str), Some("https://ex.fr/?region=27"));
        assert_eq!(v.get("export").and_then(|e| e.get("editions")).and_then(Value::as_array).map(Vec::len), Some(2));
        let (h, r) = aggregate_table(d, &picked, Dimension::Region);
        let agg = to_csv(&h, &r, ',', false, None);
        assert!(agg.contains(&format!("27,Bourgogne-Franche-Comté,{},", picked.len())), "{agg}");
        let (h, r) = aggregate_table(d, &picked, Dimension::Funder);
        let by_funder = to_csv(&h, &r, ';', false, None);
        let fui_lines = picked.iter().flat_map(|p| &p.funding).filter(|f| f.funder == "FUI").count();
        assert!(by_funder.contains(&format!("FUI;FUI;{fui_lines};")), "{by_funder}");
    }
}
