//! Converter from the researched reference (`data-src/reference/`) to the bundled data
//! (`public/data/`). Deterministic: the same inputs give byte-identical files.
//!
//! Nothing is invented: every value comes from the reference or from the hand-kept lists in
//! `data-src/` (funder labels, theme vocabulary and keyword rules, pôle aliases). What cannot be
//! mapped is kept (as `unresolved_poles`, as keywords) and listed in the report.

pub mod about_page;
pub mod boot_page;
pub mod comprendre_page;
pub mod edition;
pub mod edition_history;
pub mod import;
pub mod matching;
pub mod organisations;
pub mod statement_page;
pub mod static_page;
pub use matching::{PoleMatcher, ThemeRules};
use poles_core::model::*;
use poles_core::validate::{load_all, Problem};
use poles_core::SCHEMA_VERSION;
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

pub mod geo_build;

/// The raw inputs, as text.
pub struct Inputs {
    pub poles_json: String,
    pub projects_json: String,
    pub regions_csv: String,
    pub departements_csv: String,
    pub funders_json: String,
    pub themes_json: String,
    pub aliases_json: String,
    /// `data-src/organisation-aliases.json`: organisations the rules keep apart (each says why).
    pub org_aliases_json: String,
    pub edition_json: String,
    /// `data-src/reference/geo`.
    pub geo_dir: PathBuf,
}

impl Inputs {
    /// Reads the inputs from the reference folder and the `data-src` folder.
    pub fn read(reference: &Path, src: &Path) -> Result<Inputs, String> {
        let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("cannot read {}: {e}", p.display()));
        Ok(Inputs {
            poles_json: read(&reference.join("poles.json"))?,
            projects_json: read(&reference.join("projects.json"))?,
            regions_csv: read(&reference.join("geo/regions.csv"))?,
            departements_csv: read(&reference.join("geo/departements.csv"))?,
            funders_json: read(&src.join("funders.json"))?,
            themes_json: read(&src.join("themes.json"))?,
            aliases_json: read(&src.join("pole-aliases.json"))?,
            org_aliases_json: read(&src.join("organisation-aliases.json"))?,
            edition_json: read(&src.join("edition.json"))?,
            geo_dir: reference.join("geo"),
        })
    }
}

/// What the converter could not map, and what it deduced.
#[derive(Debug, Default)]
pub struct Report {
    /// (project id, pôle name) pairs no pôle record matched.
    pub unresolved_poles: Vec<(String, String)>,
    /// Distinct cited names resolved by a former name or the text in brackets (name -> pôle id):
    /// listed so that every mapping can be checked.
    pub renamed_poles: BTreeMap<String, String>,
    /// (project id, pôle name, pôle id) pairs resolved through `pole-aliases.json`.
    pub aliased_poles: Vec<(String, String, String)>,
    /// Keywords no theme rule matched, with how many projects use them.
    pub unmapped_keywords: BTreeMap<String, usize>,
    /// Projects whose themes come from their pôles (no keyword mapped).
    pub themes_from_poles: Vec<String>,
    /// Projects with no theme at all.
    pub without_theme: Vec<String>,
    /// (project id, département) where the département's region is not among the project's regions.
    pub departement_outside_regions: Vec<(String, String)>,
    /// (project id, value) of `pole_role` values not recognised (kept as unknown).
    pub unknown_roles: Vec<(String, String)>,
    /// Pôle statuses not recognised (kept as `inconnu`).
    pub unknown_statuses: Vec<(String, String)>,
    /// Organisations named by several names (leads and partners), gathered for review, and the
    /// number of names that describe unnamed partners ("trois laboratoires (non nommés)").
    pub merged_organisations: Vec<poles_core::org_names::Organisation>,
    /// Organisations left apart whose names look alike (one is the other's first word, or one
    /// letter longer: INRA, INRAE), for review.
    pub organisations_apart: Vec<(String, String)>,
    pub partner_descriptions: usize,
    /// Problems the app's own validation finds in the output (must be empty).
    pub problems: Vec<Problem>,
    pub counts: BTreeMap<&'static str, usize>,
}

impl Report {
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty() && self.unknown_statuses.is_empty() && self.unknown_roles.is_empty()
    }

    pub fn render(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "== Pôles Explorer data build ==");
        for (k, v) in &self.counts {
            let _ = writeln!(s, "{k}: {v}");
        }
        let _ = writeln!(s, "pôle names resolved by alias (data-src/pole-aliases.json): {}", self.aliased_poles.len());
        for (p, n, id) in &self.aliased_poles {
            let _ = writeln!(s, "  {p}: « {n} » -> {id}");
        }
        let _ = writeln!(s, "pôle names resolved by a former name or the text in brackets: {}", self.renamed_poles.len());
        for (n, id) in &self.renamed_poles {
            let _ = writeln!(s, "  « {n} » -> {id}");
        }
        let _ = writeln!(s, "pôle names NOT resolved (kept in unresolved_poles): {}", self.unresolved_poles.len());
        for (p, n) in &self.unresolved_poles {
            let _ = writeln!(s, "  {p}: « {n} »");
        }
        let _ = writeln!(s, "projects whose themes come from their pôles (no keyword mapped): {}", self.themes_from_poles.len());
        let _ = writeln!(s, "projects without any theme: {} {:?}", self.without_theme.len(), self.without_theme);
        let _ = writeln!(s, "départements outside the project's regions: {}", self.departement_outside_regions.len());
        for (p, d) in &self.departement_outside_regions {
            let _ = writeln!(s, "  {p}: {d}");
        }
        let _ = writeln!(s, "unknown pôle roles (pole_role): {}", self.unknown_roles.len());
        for (p, r) in &self.unknown_roles {
            let _ = writeln!(s, "  {p}: « {r} »");
        }
        let _ = writeln!(s, "unknown pôle statuses: {}", self.unknown_statuses.len());
        for (p, st) in &self.unknown_statuses {
            let _ = writeln!(s, "  {p}: « {st} »");
        }
        let _ = writeln!(s, "keywords mapped to no theme: {} distinct (kept as keywords)", self.unmapped_keywords.len());
        let _ = writeln!(s, "lead and partner names describing unnamed partners (no organisation): {}", self.partner_descriptions);
        let _ = writeln!(s, "organisations named by several names (gathered; see data-src/organisation-aliases.json): {}", self.merged_organisations.len());
        for o in &self.merged_organisations {
            let _ = writeln!(s, "  {} <- {}", o.name, o.names.iter().map(|n| format!("« {n} »")).collect::<Vec<_>>().join(", "));
        }
        let _ = writeln!(s, "organisations left apart whose names look alike (join them by an alias if they are one): {}", self.organisations_apart.len());
        for (a, b) in &self.organisations_apart {
            let _ = writeln!(s, "  « {a} » / « {b} »");
        }
        let _ = writeln!(s, "validation problems in the output: {}", self.problems.len());
        for p in &self.problems {
            let _ = writeln!(s, "  {p}");
        }
        s
    }
}

/// The three output files, as pretty JSON text.
pub struct Output {
    pub files: Vec<(&'static str, String)>,
    pub report: Report,
}

pub(crate) fn get_str(v: &Value, k: &str) -> Option<String> {
    v.get(k).and_then(Value::as_str).filter(|s| !s.trim().is_empty()).map(str::to_string)
}

pub(crate) fn get_list(v: &Value, k: &str) -> Vec<String> {
    v.get(k).and_then(Value::as_array).map(|a| a.iter().filter_map(Value::as_str).map(str::to_string).collect()).unwrap_or_default()
}

fn parse_json(name: &str, text: &str) -> Result<Value, String> {
    serde_json::from_str(text).map_err(|e| format!("{name}: invalid JSON: {e}"))
}

fn csv_rows(text: &str) -> Vec<Vec<String>> {
    text.lines().skip(1).filter(|l| !l.trim().is_empty()).map(|l| l.split(',').map(|c| c.trim().to_string()).collect()).collect()
}

/// Maps a pôle status as worded by the sources to a status code.
pub fn status_code(label: &str) -> Option<PoleStatusCode> {
    let l = poles_core::text::fold(label);
    if l == "actif" {
        Some(PoleStatusCode::Actif)
    } else if l.starts_with("fusionne") || l.starts_with("integre") {
        Some(PoleStatusCode::Fusionne)
    } else if l.starts_with("absorbe") {
        Some(PoleStatusCode::Absorbe)
    } else if l.starts_with("dissous") || l.starts_with("label perdu") || l.starts_with("retire") {
        Some(PoleStatusCode::FinDeLabel)
    } else if l.starts_with("inconnu") {
        Some(PoleStatusCode::Inconnu)
    } else {
        None
    }
}

/// Département codes written in brackets in a partner location ("Dijon (21)", "(974)").
pub fn departements_in(location: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = location;
    while let Some(open) = rest.find('(') {
        let after = &rest[open + 1..];
        let Some(close) = after.find(')') else { break };
        let code = after[..close].trim();
        let is_code =
            matches!(code.len(), 2 | 3) && (code.chars().all(|c| c.is_ascii_digit()) || code.eq_ignore_ascii_case("2A") || code.eq_ignore_ascii_case("2B"));
        if is_code {
            out.push(code.to_ascii_uppercase());
        }
        rest = &after[close + 1..];
    }
    out
}

fn header(schema: &str, meta: &Meta) -> serde_json::Map<String, Value> {
    let mut m = serde_json::Map::new();
    m.insert("schema".into(), json!(format!("poles-explorer/{schema}")));
    m.insert("schema_version".into(), json!(SCHEMA_VERSION));
    m.insert("data_version".into(), json!(meta.data_version));
    m.insert("compiled_at".into(), json!(meta.compiled_at));
    m
}

fn pretty<T: Serialize>(v: &T) -> String {
    let mut s = serde_json::to_string_pretty(v).expect("serialisable");
    s.push('\n');
    s
}

/// The projects of the spreadsheet template (`public/data/modele-projets.csv`): several funders
/// with published amounts, an unpublished amount, a single funder, lists of partners.
pub const TEMPLATE_PROJECTS: [&str; 3] = ["dedihcated-bfc", "axel-one", "damav"];

/// Runs the conversion.
pub fn convert(inputs: &Inputs) -> Result<Output, String> {
    let mut report = Report::default();
    let edition = parse_json("edition.json", &inputs.edition_json)?;
    let compiled_at = get_str(&edition, "compiled_at").ok_or("edition.json: compiled_at missing")?;
    let ed = edition.get("edition").and_then(Value::as_u64).ok_or("edition.json: edition missing")?;
    // The editions and what each changed, for the exports' provenance lines (referentiels.json).
    let editions: Vec<String> = crate::edition_history::history(&inputs.edition_json)?.iter().map(crate::edition_history::Entry::summary_fr).collect();
    let meta = Meta { data_version: format!("{compiled_at}.{ed}"), compiled_at, editions };

    // Reference lists.
    let funders_doc = parse_json("funders.json", &inputs.funders_json)?;
    let funders: Vec<Funder> = funders_doc["funders"]
        .as_array()
        .ok_or("funders.json: funders missing")?
        .iter()
        .map(|f| {
            Ok(Funder {
                id: get_str(f, "id").ok_or("funder without id")?,
                label: get_str(f, "label").ok_or("funder without label")?,
                name: get_str(f, "name").unwrap_or_default(),
                kind: get_str(f, "kind").and_then(|k| FunderKind::from_code(&k)).ok_or("funder with a bad kind")?,
            })
        })
        .collect::<Result<_, String>>()?;
    let themes_doc = parse_json("themes.json", &inputs.themes_json)?;
    let theme_values = themes_doc["themes"].as_array().ok_or("themes.json: themes missing")?.clone();
    let themes: Vec<Theme> = theme_values
        .iter()
        .map(|t| Ok(Theme { id: get_str(t, "id").ok_or("theme without id")?, label: get_str(t, "label").ok_or("theme without label")? }))
        .collect::<Result<_, String>>()?;
    let rules = ThemeRules::new(&theme_values);
    let regions: Vec<Region> = csv_rows(&inputs.regions_csv).into_iter().map(|r| Region { code: r[0].clone(), name: r[1].clone() }).collect();
    let departements: Vec<Departement> =
        csv_rows(&inputs.departements_csv).into_iter().map(|r| Departement { code: r[0].clone(), name: r[1].clone(), region: r[2].clone() }).collect();
    let dep_region: HashMap<String, String> = departements.iter().map(|d| (d.code.clone(), d.region.clone())).collect();
    let refs = Referentiels { funders, themes, regions, departements };

    // Pôles.
    let poles_in = parse_json("poles.json", &inputs.poles_json)?;
    let poles_in = poles_in.as_array().ok_or("poles.json: not a list")?;
    let mut poles: Vec<Pole> = Vec::with_capacity(poles_in.len());
    for p in poles_in {
        let id = get_str(p, "id").ok_or("pôle without id")?;
        let status_label = get_str(p, "status").unwrap_or_else(|| "inconnu".into());
        let code = status_code(&status_label).unwrap_or_else(|| {
            report.unknown_statuses.push((id.clone(), status_label.clone()));
            PoleStatusCode::Inconnu
        });
        let members = p.get("members_count").and_then(Value::as_u64).map(|count| Members {
            count: count as u32,
            year: p.get("members_year").and_then(Value::as_u64).map(|y| y as u16),
            source: get_str(p, "members_source"),
        });
        poles.push(Pole {
            id,
            name: get_str(p, "name").ok_or("pôle without name")?,
            short_name: get_str(p, "short_name"),
            former_names: get_list(p, "former_names"),
            website: get_str(p, "website"),
            hq: Headquarters {
                city: get_str(p, "hq_city"),
                insee_commune: get_str(p, "hq_insee_commune_code"),
                lat: p.get("hq_lat").and_then(Value::as_f64),
                lon: p.get("hq_lon").and_then(Value::as_f64),
                precision: get_str(p, "hq_precision").and_then(|s| HqPrecision::from_code(&s)).unwrap_or(HqPrecision::Unknown),
            },
            regions: get_list(p, "regions"),
            themes: get_list(p, "themes"),
            phases: get_list(p, "phases"),
            phase_v_status: get_str(p, "phase_v_status"),
            category_2013: get_str(p, "category_2013"),
            status: PoleStatus { code, label: status_label },
            description: get_str(p, "description_fr"),
            members,
            predecessor_ids: get_list(p, "predecessor_ids"),
            successor_id: get_str(p, "successor_id"),
            sources: get_list(p, "sources"),
            notes: get_str(p, "notes"),
        });
    }
    let pole_themes: HashMap<String, Vec<String>> = poles.iter().map(|p| (p.id.clone(), p.themes.clone())).collect();

    // Projects.
    let aliases_doc = parse_json("pole-aliases.json", &inputs.aliases_json)?;
    let aliases: Vec<(String, String)> =
        aliases_doc["aliases"].as_array().map(|a| a.iter().filter_map(|x| Some((get_str(x, "name")?, get_str(x, "pole")?))).collect()).unwrap_or_default();
    let matcher = PoleMatcher::new(poles_in, &aliases);
    // The current names of each pôle (id, name, short name), folded: a cited name among them needs no report line.
    let current_names: HashMap<&str, Vec<String>> = poles
        .iter()
        .map(|p| (p.id.as_str(), [Some(&p.id), Some(&p.name), p.short_name.as_ref()].into_iter().flatten().map(|n| poles_core::text::fold_words(n)).collect()))
        .collect();
    let projects_in = parse_json("projects.json", &inputs.projects_json)?;
    let projects_in = projects_in.as_array().ok_or("projects.json: not a list")?;
    let mut projects: Vec<Project> = Vec::with_capacity(projects_in.len());
    for p in projects_in {
        let id = get_str(p, "id").ok_or("project without id")?;
        let mut pole_ids: Vec<String> = Vec::new();
        let mut unresolved = Vec::new();
        for name in get_list(p, "poles") {
            match matcher.resolve(&name) {
                Some((pid, aliased)) => {
                    if aliased {
                        report.aliased_poles.push((id.clone(), name.clone(), pid.clone()));
                    } else if !current_names.get(pid.as_str()).is_some_and(|names| names.contains(&poles_core::text::fold_words(&name))) {
                        report.renamed_poles.insert(name.clone(), pid.clone());
                    }
                    if !pole_ids.contains(&pid) {
                        pole_ids.push(pid);
                    }
                }
                None => {
                    report.unresolved_poles.push((id.clone(), name.clone()));
                    unresolved.push(name);
                }
            }
        }
        let pole_role = get_str(p, "pole_role").and_then(|r| {
            let role = PoleRole::from_code(&r);
            if role.is_none() {
                report.unknown_roles.push((id.clone(), r));
            }
            role
        });
        let keywords = get_list(p, "themes");
        let mut themes: Vec<String> = Vec::new();
        for k in &keywords {
            let found = rules.themes_of(k);
            if found.is_empty() {
                *report.unmapped_keywords.entry(k.clone()).or_default() += 1;
            }
            for t in found {
                if !themes.iter().any(|x| x == t) {
                    themes.push(t.to_string());
                }
            }
        }
        let themes_basis = if !themes.is_empty() {
            Some(ThemesBasis::Keywords)
        } else {
            for pid in &pole_ids {
                for t in pole_themes.get(pid).into_iter().flatten() {
                    if !themes.contains(t) {
                        themes.push(t.clone());
                    }
                }
            }
            if themes.is_empty() {
                report.without_theme.push(id.clone());
                None
            } else {
                report.themes_from_poles.push(id.clone());
                Some(ThemesBasis::Poles)
            }
        };
        let regions = get_list(p, "regions");
        let partner_locations = get_list(p, "partner_locations");
        let mut deps: Vec<String> = Vec::new();
        for loc in &partner_locations {
            for d in departements_in(loc) {
                if dep_region.contains_key(&d) && !deps.contains(&d) {
                    if !regions.contains(&dep_region[&d]) {
                        report.departement_outside_regions.push((id.clone(), d.clone()));
                    }
                    deps.push(d);
                }
            }
        }
        let funding = p
            .get("funding")
            .and_then(Value::as_array)
            .map(|lines| {
                lines
                    .iter()
                    .map(|f| FundingLine {
                        funder: get_str(f, "source").unwrap_or_else(|| "Other".into()),
                        amount_eur: f.get("amount_eur").and_then(Value::as_f64),
                        note: get_str(f, "note"),
                    })
                    .collect()
            })
            .unwrap_or_default();
        projects.push(Project {
            id: id.clone(),
            acronym: get_str(p, "acronym").unwrap_or_else(|| id.to_uppercase()),
            title: get_str(p, "title"),
            summary: get_str(p, "summary_fr"),
            kind: get_str(p, "kind").and_then(|k| ProjectKind::from_code(&k)).ok_or(format!("project {id}: bad kind"))?,
            poles: pole_ids,
            pole_role,
            unresolved_poles: unresolved,
            lead: get_str(p, "lead"),
            partners: get_list(p, "partners"),
            partner_locations,
            territory: Territory { regions, departements: deps, basis: get_str(p, "region_basis").and_then(|b| TerritoryBasis::from_code(&b)) },
            keywords,
            themes,
            themes_basis,
            year: p.get("year").and_then(Value::as_u64).map(|y| y as u16),
            call: get_str(p, "call"),
            funding,
            total_budget_eur: p.get("total_budget_eur").and_then(Value::as_f64),
            status: get_str(p, "status"),
            sources: get_list(p, "sources"),
            notes: get_str(p, "notes"),
        });
    }

    // Files.
    let mut r = header("referentiels", &meta);
    r.insert("editions".into(), json!(meta.editions));
    r.insert(
        "licence".into(),
        json!("Contours et codes géographiques : IGN ADMIN EXPRESS COG 2018 et INSEE COG 2018, Licence Ouverte (Etalab), via france-geojson (Grégoire David)."),
    );
    for (k, v) in [
        ("funders", serde_json::to_value(&refs.funders)),
        ("themes", serde_json::to_value(&refs.themes)),
        ("regions", serde_json::to_value(&refs.regions)),
        ("departements", serde_json::to_value(&refs.departements)),
    ] {
        r.insert(k.into(), v.map_err(|e| e.to_string())?);
    }
    let mut po = header("poles", &meta);
    po.insert("poles".into(), serde_json::to_value(&poles).map_err(|e| e.to_string())?);
    let mut pr = header("projects", &meta);
    pr.insert("projects".into(), serde_json::to_value(&projects).map_err(|e| e.to_string())?);
    let geo = geo_build::build(&inputs.geo_dir, &meta, &poles)?;
    let mut files = vec![("referentiels.json", pretty(&r)), ("poles.json", pretty(&po)), ("projects.json", pretty(&pr)), ("geo.json", geo)];

    // The app's own validation must accept every record.
    let loaded = load_all(&files[0].1, &files[1].1, &files[2].1).map_err(|e| e.to_string())?;
    report.problems = loaded.problems;
    let geo = poles_core::validate::load_geo(&files[3].1, &loaded.dataset.refs, &mut report.problems).map_err(|e| e.to_string())?;
    report.counts.insert("map regions", geo.regions.len());
    report.counts.insert("map départements", geo.departements.len());
    report.counts.insert("geo.json bytes", files[3].1.len());
    report.counts.insert("funders", refs.funders.len());
    report.counts.insert("themes", refs.themes.len());
    report.counts.insert("regions", refs.regions.len());
    report.counts.insert("departements", refs.departements.len());
    report.counts.insert("poles", poles.len());
    report.counts.insert("poles labelled 2023-2026 (status actif)", poles.iter().filter(|p| p.is_labelled()).count());
    report.counts.insert("projects", projects.len());
    for role in PoleRole::ALL.map(Some).into_iter().chain([None]) {
        let n = projects.iter().filter(|p| p.pole_role == role).count();
        report.counts.insert(
            ["projects: pôle labellisateur", "projects: pôle porteur", "projects: pôle partenaire", "projects: pôle en soutien", "projects: pôle role unknown"]
                [role.map_or(4, |r| r as usize)],
            n,
        );
    }
    // Organisations (leads and partners), gathered for review (issue 18).
    let org_aliases = parse_json("organisation-aliases.json", &inputs.org_aliases_json)?;
    let org_aliases: Vec<poles_core::org_names::Alias> = org_aliases["aliases"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| Some(poles_core::org_names::Alias { name: get_str(x, "name")?, same_as: get_str(x, "same_as")?, why: get_str(x, "why")? }))
                .collect()
        })
        .unwrap_or_default();
    if let Some(a) = org_aliases.iter().find(|a| a.why.trim().is_empty()) {
        return Err(format!("organisation-aliases.json: the alias of « {} » does not say why", a.name));
    }
    let built = organisations::build(&projects, &matcher, &org_aliases);
    report.counts.insert("organisations (leads and partners)", built.records.len());
    report.partner_descriptions = built.descriptions;
    report.merged_organisations = built.merged;
    report.organisations_apart = built.apart;
    let or = header("organisations", &meta);
    // One organisation a line: a third of the pretty-printed size, and a readable diff.
    let records: Vec<String> = organisations::with_pages(built.records, &loaded.dataset)?.iter().map(Value::to_string).collect();
    let head = Value::Object(or).to_string();
    files.push(("organisations.json", format!("{},\"organisations\":[\n{}\n]}}\n", head.trim_end_matches('}'), records.join(",\n"))));
    report.counts.insert("projects with a département", projects.iter().filter(|p| !p.territory.departements.is_empty()).count());
    report.counts.insert("funding lines with a published amount", projects.iter().flat_map(|p| &p.funding).filter(|f| f.amount_eur.is_some()).count());
    // The spreadsheet template of the import tool: real rows, in the export's own format.
    let sample: Vec<&Project> = TEMPLATE_PROJECTS.iter().filter_map(|id| loaded.dataset.project(id)).collect();
    files.push(("modele-projets.csv", poles_core::export::projects_csv(&sample, ';', true, None)));
    Ok(Output { files, report })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn departement_codes_in_locations() {
        assert_eq!(departements_in("Dijon (21)"), ["21"]);
        assert_eq!(departements_in("La Réunion (974)"), ["974"]);
        assert_eq!(departements_in("(95) - ScreenCell"), ["95"]);
        assert_eq!(departements_in("Ajaccio (2a)"), ["2A"]);
        assert!(departements_in("Italie").is_empty());
        assert!(departements_in("Lyon (campus)").is_empty());
        assert_eq!(departements_in("Lyon (69), Paris (75)"), ["69", "75"]);
    }

    #[test]
    fn statuses() {
        assert_eq!(status_code("actif"), Some(PoleStatusCode::Actif));
        assert_eq!(status_code("fusionné (2019)"), Some(PoleStatusCode::Fusionne));
        assert_eq!(status_code("intégré à Cap Digital (fin 2019)"), Some(PoleStatusCode::Fusionne));
        assert_eq!(status_code("absorbé (mai 2018)"), Some(PoleStatusCode::Absorbe));
        assert_eq!(status_code("dissous (liquidation judiciaire, septembre 2020)"), Some(PoleStatusCode::FinDeLabel));
        assert_eq!(status_code("label perdu (1er janvier 2019), redevenu cluster"), Some(PoleStatusCode::FinDeLabel));
        assert_eq!(status_code("en sommeil"), None);
    }
}
