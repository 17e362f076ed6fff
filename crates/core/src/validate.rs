//! Loading and validating the data files.
//!
//! Two levels of failure:
//! - a **file error** (`FileError`): the file cannot be used at all (HTTP error, HTML instead of
//!   JSON, invalid JSON, wrong schema version, missing record list). The app shows a French
//!   message naming the file, with a retry button.
//! - a **problem** (`Problem`) in one record: the record is rejected (`Severity::Error`: missing
//!   or mistyped required field, duplicate id) or kept without the faulty value
//!   (`Severity::Warning`: mistyped optional field, unknown reference). Every valid record is kept.
//!
//! Each problem names the file, the record (its id, or `#index` when it has none) and the field.

use crate::json::{Map, Value};
use crate::model::*;
use crate::{OLDEST_SCHEMA_VERSION, PHASES, SCHEMA_VERSION};
use std::collections::HashSet;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The record was rejected.
    Error,
    /// The record was kept without the faulty value.
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    pub file: String,
    /// Record id, or `#index` (0-based) when it has no usable id.
    pub record: Option<String>,
    pub field: Option<String>,
    /// French explanation.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(r) = &self.record {
            write!(f, ", enregistrement « {r} »")?;
        }
        if let Some(field) = &self.field {
            write!(f, ", champ « {field} »")?;
        }
        write!(f, " : {}", self.message)
    }
}

mod file;
mod geo_file;
mod record;
pub use file::{check_response, decode_text, FileError, FileErrorKind};
use file::{parse_file, parse_file_streaming};
pub use geo_file::{load_geo, GeoData, GeoShape, HqPoint};
use record::{list, read_records, type_fr, Rec, Records};

/// Validates `referentiels.json`.
pub fn load_referentiels(text: &str, problems: &mut Vec<Problem>) -> Result<(Referentiels, Option<Meta>), FileError> {
    const FILE: &str = "referentiels.json";
    let (obj, meta) = parse_file(FILE, text, "funders")?;
    for key in ["themes", "regions", "departements"] {
        if !matches!(obj.get(key), Some(Value::Array(_))) {
            return Err(FileError { file: FILE.into(), kind: FileErrorKind::Shape(format!("la liste « {key} » est absente ou n'est pas une liste")) });
        }
    }
    let funders = read_records(FILE, list(&obj, "funders"), "id", problems, |r| Funder {
        id: r.req_str("id"),
        label: r.req_str("label"),
        name: r.opt_str("name").unwrap_or_default(),
        kind: r.req_code("kind", FunderKind::from_code).unwrap_or(FunderKind::Autre),
    });
    let themes = read_records(FILE, list(&obj, "themes"), "id", problems, |r| Theme { id: r.req_str("id"), label: r.req_str("label") });
    let regions = read_records(FILE, list(&obj, "regions"), "code", problems, |r| Region { code: r.req_str("code"), name: r.req_str("name") });
    let region_codes: HashSet<String> = regions.iter().map(|r| r.code.clone()).collect();
    let departements = read_records(FILE, list(&obj, "departements"), "code", problems, |r| {
        let d = Departement { code: r.req_str("code"), name: r.req_str("name"), region: r.req_str("region") };
        if !d.region.is_empty() && !region_codes.contains(&d.region) {
            r.problem(Severity::Error, "region", format!("région inconnue « {} »", d.region));
        }
        d
    });
    Ok((Referentiels { funders, themes, regions, departements }, meta))
}

/// Validates `poles.json` against the reference lists.
pub fn load_poles(text: &str, refs: &Referentiels, problems: &mut Vec<Problem>) -> Result<(Vec<Pole>, Option<Meta>), FileError> {
    const FILE: &str = "poles.json";
    let (obj, meta) = parse_file(FILE, text, "poles")?;
    let region_ok = |c: &str| refs.regions.iter().any(|r| r.code == c);
    let theme_ok = |t: &str| refs.themes.iter().any(|x| x.id == t);
    let mut poles = read_records(FILE, list(&obj, "poles"), "id", problems, |r| {
        let id = r.req_str("id");
        let name = r.req_str("name");
        let short_name = r.opt_str("short_name");
        let former_names = r.str_list("former_names", false);
        let website = r.opt_str("website");
        let hq = match r.object("hq", Severity::Warning) {
            Some(o) => r.nested(o, "hq", |h| Headquarters {
                city: h.opt_str("city"),
                insee_commune: h.opt_str("insee_commune"),
                lat: h.opt_coord("lat", 90.0),
                lon: h.opt_coord("lon", 180.0),
                precision: h.opt_code("precision", HqPrecision::from_code).unwrap_or(HqPrecision::Unknown),
            }),
            None => Headquarters { city: None, insee_commune: None, lat: None, lon: None, precision: HqPrecision::Unknown },
        };
        let regions = r.str_list("regions", true);
        let regions = r.keep_known("regions", regions, "région", region_ok);
        let themes = r.str_list("themes", true);
        let themes = r.keep_known("themes", themes, "thème", theme_ok);
        let phases = r.str_list("phases", true);
        let phases = r.keep_known("phases", phases, "phase", |p| PHASES.contains(&p));
        let phase_v_status = r.opt_str("phase_v_status");
        let category_2013 = r.opt_str("category_2013");
        let status = match r.object("status", Severity::Error) {
            Some(o) => r.nested(o, "status", |s| PoleStatus {
                code: s.req_code("code", PoleStatusCode::from_code).unwrap_or(PoleStatusCode::Inconnu),
                label: s.req_str("label"),
            }),
            None => PoleStatus { code: PoleStatusCode::Inconnu, label: String::new() },
        };
        let description = r.opt_str("description");
        let members = match r.object("members", Severity::Warning) {
            Some(o) => r.nested(o, "members", |m| {
                let count = m.opt_uint("count", u32::MAX as u64).map(|c| c as u32);
                let year = m.opt_year("year");
                let source = m.opt_str("source");
                count.map(|count| Members { count, year, source })
            }),
            None => None,
        };
        let predecessor_ids = r.str_list("predecessor_ids", false);
        let successor_id = r.opt_str("successor_id");
        let sources = r.str_list("sources", true);
        let notes = r.opt_str("notes");
        Pole {
            id,
            name,
            short_name,
            former_names,
            website,
            hq,
            regions,
            themes,
            phases,
            phase_v_status,
            category_2013,
            status,
            description,
            members,
            predecessor_ids,
            successor_id,
            sources,
            notes,
        }
    });
    // Links between pôles may point forward in the file: check them once all are read.
    let ids: HashSet<String> = poles.iter().map(|p| p.id.clone()).collect();
    for p in &mut poles {
        let mut bad = Vec::new();
        p.predecessor_ids.retain(|id| {
            ids.contains(id) || {
                bad.push(("predecessor_ids", id.clone()));
                false
            }
        });
        if let Some(s) = &p.successor_id {
            if !ids.contains(s) {
                bad.push(("successor_id", s.clone()));
                p.successor_id = None;
            }
        }
        for (field, id) in bad {
            problems.push(Problem {
                severity: Severity::Warning,
                file: FILE.into(),
                record: Some(p.id.clone()),
                field: Some(field.into()),
                message: format!("pôle inconnu « {id} » ; référence ignorée"),
            });
        }
    }
    Ok((poles, meta))
}

/// Validates `projects.json` against the reference lists and the pôles.
pub fn load_projects(text: &str, refs: &Referentiels, poles: &[Pole], problems: &mut Vec<Problem>) -> Result<(Vec<Project>, Option<Meta>), FileError> {
    let pole_ids: HashSet<&str> = poles.iter().map(|p| p.id.as_str()).collect();
    load_projects_with(text, refs, &|id| pole_ids.contains(id), problems)
}

/// `load_projects` with the check of pôle ids given (everything is kept when `poles.json`
/// could not be read: the ids are shown as they are).
fn load_projects_with(
    text: &str,
    refs: &Referentiels,
    known_pole: &dyn Fn(&str) -> bool,
    problems: &mut Vec<Problem>,
) -> Result<(Vec<Project>, Option<Meta>), FileError> {
    const FILE: &str = "projects.json";
    // Each project is validated as soon as it is parsed, then its tree is dropped.
    let mut records = Records::new(FILE, "id", problems, |r: &mut Rec<'_>| {
        let id = r.req_str("id");
        let acronym = r.req_str("acronym");
        let title = r.opt_str("title");
        let summary = r.opt_str("summary");
        let kind = r.req_code("kind", ProjectKind::from_code).unwrap_or(ProjectKind::Rd);
        let pole_list = r.str_list("poles", true);
        let poles = r.keep_known("poles", pole_list, "pôle", known_pole);
        let pole_role = r.opt_code("pole_role", PoleRole::from_code);
        let unresolved_poles = r.str_list("unresolved_poles", false);
        let lead = r.opt_str("lead");
        let partners = r.str_list("partners", false);
        let partner_locations = r.str_list("partner_locations", false);
        let territory = match r.object("territory", Severity::Error) {
            Some(o) => r.nested(o, "territory", |t| {
                let regions = t.str_list("regions", true);
                let regions = t.keep_known("regions", regions, "région", |c| refs.regions.iter().any(|x| x.code == c));
                let deps = t.str_list("departements", false);
                let departements = t.keep_known("departements", deps, "département", |c| refs.departements.iter().any(|x| x.code == c));
                let basis = t.opt_code("basis", TerritoryBasis::from_code);
                Territory { regions, departements, basis }
            }),
            None => Territory { regions: vec![], departements: vec![], basis: None },
        };
        let keywords = r.str_list("keywords", false);
        let theme_list = r.str_list("themes", true);
        let themes = r.keep_known("themes", theme_list, "thème", |t| refs.themes.iter().any(|x| x.id == t));
        let themes_basis = r.opt_code("themes_basis", ThemesBasis::from_code);
        let year = r.opt_year("year");
        let call = r.opt_str("call");
        let funding = read_funding(r, refs);
        let total_budget_eur = r.opt_amount("total_budget_eur");
        let status = r.opt_str("status");
        let sources = r.str_list("sources", true);
        let notes = r.opt_str("notes");
        Project {
            id,
            acronym,
            title,
            summary,
            kind,
            poles,
            pole_role,
            unresolved_poles,
            lead,
            partners,
            partner_locations,
            territory,
            keywords,
            themes,
            themes_basis,
            year,
            call,
            funding,
            total_budget_eur,
            status,
            sources,
            notes,
        }
    });
    let (_, meta) = parse_file_streaming(FILE, text, "projects", Some(&mut |item: Value| records.push(&item)))?;
    Ok((records.out, meta))
}

fn read_funding(r: &mut Rec<'_>, refs: &Referentiels) -> Vec<FundingLine> {
    let items: &[Value] = match r.get("funding") {
        None => {
            r.problem(Severity::Error, "funding", "liste obligatoire absente".into());
            return Vec::new();
        }
        Some(Value::Array(a)) => a,
        Some(v) => {
            r.problem(Severity::Error, "funding", format!("une liste est attendue, pas {}", type_fr(v)));
            return Vec::new();
        }
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let field = format!("funding[{i}]");
        let Value::Object(o) = item else {
            r.problem(Severity::Warning, &field, format!("un objet est attendu, pas {} ; ligne ignorée", type_fr(item)));
            continue;
        };
        let line = r.nested(o, &field, |f| {
            let funder = f.opt_str("funder");
            let amount_eur = f.opt_amount("amount_eur");
            let note = f.opt_str("note");
            (funder, amount_eur, note)
        });
        match line {
            (Some(funder), amount_eur, note) if refs.funders.iter().any(|x| x.id == funder) => out.push(FundingLine { funder, amount_eur, note }),
            (Some(funder), ..) => r.problem(Severity::Warning, &format!("{field}.funder"), format!("financeur inconnu « {funder} » ; ligne ignorée")),
            (None, ..) => r.problem(Severity::Warning, &format!("{field}.funder"), "financeur absent ; ligne ignorée".into()),
        }
    }
    out
}

mod available;
pub use available::{load_all, load_all_bytes, load_available, load_available_bytes, Available, Loaded};

#[cfg(test)]
mod tests;
