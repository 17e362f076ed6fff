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

use crate::model::*;
use crate::{OLDEST_SCHEMA_VERSION, PHASES, SCHEMA_VERSION};
use crate::json::{Map, Value};
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

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileErrorKind {
    /// The request failed before any answer (network down, CORS, timeout).
    Network(String),
    /// No complete answer within this many seconds.
    Timeout(u32),
    /// HTTP status outside 2xx.
    Http(u16),
    /// The answer is not JSON (often an HTML page served for a missing file).
    ContentType(String),
    /// The file is empty.
    Empty,
    /// Not valid JSON.
    Json(String),
    /// Not UTF-8: the position (0-based byte offset) of the first invalid byte, or `None` for a
    /// UTF-16 file (recognised by its byte order mark).
    Encoding(Option<usize>),
    /// `schema_version` missing or not supported.
    Schema { found: Option<String> },
    /// The top-level shape is wrong (no record list...).
    Shape(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    pub file: String,
    pub kind: FileErrorKind,
}

impl FileError {
    /// The message as a French template (`{}` for the arguments, in order) and its arguments;
    /// `Display` fills it in the page's language (`i18n::msg`).
    pub fn template(&self) -> (&'static str, Vec<String>) {
        let f = self.file.clone();
        match &self.kind {
            FileErrorKind::Network(e) => ("Le fichier {} n'a pas pu être téléchargé (réseau indisponible ou serveur injoignable : {}).", vec![f, e.clone()]),
            FileErrorKind::Timeout(s) => ("Le fichier {} n'est pas arrivé dans le délai de {} secondes.", vec![f, s.to_string()]),
            FileErrorKind::Http(404) => ("Le fichier {} est introuvable sur le serveur (erreur HTTP 404).", vec![f]),
            FileErrorKind::Http(s) => ("Le serveur a refusé le fichier {} (erreur HTTP {}).", vec![f, s.to_string()]),
            FileErrorKind::ContentType(ct) => ("Le fichier {} n'est pas un fichier de données JSON (type reçu : « {} ») ; le serveur a peut-être renvoyé une page HTML à la place.", vec![f, ct.clone()]),
            FileErrorKind::Empty => ("Le fichier {} est vide.", vec![f]),
            FileErrorKind::Json(e) => ("Le fichier {} est illisible : ce n'est pas du JSON valide ({}).", vec![f, e.clone()]),
            FileErrorKind::Encoding(Some(at)) => ("Le fichier {} n'est pas encodé en UTF-8 (octet invalide à la position {}) ; enregistrez-le en UTF-8.", vec![f, at.to_string()]),
            FileErrorKind::Encoding(None) => ("Le fichier {} est encodé en UTF-16 ; enregistrez-le en UTF-8.", vec![f]),
            FileErrorKind::Schema { found: Some(v) } => ("Le fichier {} est au format version {}, que cette version de l'application ne sait pas lire (version attendue : {}).", vec![f, v.clone(), SCHEMA_VERSION.to_string()]),
            FileErrorKind::Schema { found: None } => ("Le fichier {} n'indique pas sa version de format (champ « schema_version » absent).", vec![f]),
            FileErrorKind::Shape(e) => ("Le fichier {} n'a pas la structure attendue : {}.", vec![f, e.clone()]),
        }
    }
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (template, args) = self.template();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        f.write_str(&crate::i18n::fill(crate::i18n::msg(template), &args))
    }
}

/// Checks an HTTP answer before its body is parsed.
pub fn check_response(file: &str, status: u16, content_type: Option<&str>) -> Result<(), FileError> {
    if !(200..300).contains(&status) {
        return Err(FileError { file: file.into(), kind: FileErrorKind::Http(status) });
    }
    let ct = content_type.unwrap_or("").to_ascii_lowercase();
    if !ct.contains("json") {
        let shown = if ct.is_empty() { "aucun".to_string() } else { ct };
        return Err(FileError { file: file.into(), kind: FileErrorKind::ContentType(shown) });
    }
    Ok(())
}

/// The text of a data file from its bytes: UTF-8 (a byte order mark is allowed and dropped);
/// anything else is a file error naming the first invalid byte. No copy of valid input.
pub fn decode_text(file: &str, bytes: Vec<u8>) -> Result<String, FileError> {
    let err = |kind| FileError { file: file.into(), kind };
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(err(FileErrorKind::Encoding(None)));
    }
    let mut text = String::from_utf8(bytes).map_err(|e| err(FileErrorKind::Encoding(Some(e.utf8_error().valid_up_to()))))?;
    if text.starts_with('\u{FEFF}') {
        text.drain(..3);
    }
    Ok(text)
}

/// Parses a data file's text and checks its header. Returns the top-level object and its header.
fn parse_file(file: &str, text: &str, list_key: &str) -> Result<(Map, Option<Meta>), FileError> {
    parse_file_streaming(file, text, list_key, None)
}

/// `parse_file`, handing each item of the list to `on_item` as soon as it is read (the list is
/// then left empty in the returned object): a large file never exists as a whole tree.
fn parse_file_streaming(file: &str, text: &str, list_key: &str, on_item: Option<&mut dyn FnMut(Value)>) -> Result<(Map, Option<Meta>), FileError> {
    let err = |kind| FileError { file: file.into(), kind };
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(err(FileErrorKind::Empty));
    }
    let parsed = match on_item {
        Some(f) => crate::json::from_str_streaming(text, list_key, f),
        None => crate::json::from_str(text),
    };
    let value: Value = parsed.map_err(|e| err(FileErrorKind::Json(e.to_string())))?;
    let Value::Object(obj) = value else {
        return Err(err(FileErrorKind::Shape("le fichier doit contenir un objet JSON".into())));
    };
    match obj.get("schema_version") {
        Some(Value::Number(n)) if n.as_u64().is_some_and(|v| (OLDEST_SCHEMA_VERSION as u64..=SCHEMA_VERSION as u64).contains(&v)) => {}
        Some(Value::Null) | None => return Err(err(FileErrorKind::Schema { found: None })),
        Some(other) => return Err(err(FileErrorKind::Schema { found: Some(short(other)) })),
    }
    if !matches!(obj.get(list_key), Some(Value::Array(_))) {
        return Err(err(FileErrorKind::Shape(format!("la liste « {list_key} » est absente ou n'est pas une liste"))));
    }
    let meta = match (obj.get("data_version"), obj.get("compiled_at")) {
        (Some(Value::String(v)), Some(Value::String(d))) => Some(Meta { data_version: v.clone(), compiled_at: d.clone() }),
        _ => None,
    };
    Ok((obj, meta))
}

/// A short rendering of a JSON value for messages.
fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s
    }
}

fn type_fr(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "un booléen",
        Value::Number(_) => "un nombre",
        Value::String(_) => "un texte",
        Value::Array(_) => "une liste",
        Value::Object(_) => "un objet",
    }
}

/// Reads one record field by field, collecting problems.
struct Rec<'a> {
    obj: &'a Map,
    file: &'a str,
    record: String,
    problems: &'a mut Vec<Problem>,
    /// A required field is missing or wrong: the record is rejected.
    rejected: bool,
}

impl<'a> Rec<'a> {
    fn problem(&mut self, severity: Severity, field: &str, message: String) {
        if severity == Severity::Error {
            self.rejected = true;
        }
        self.problems.push(Problem {
            severity,
            file: self.file.to_string(),
            record: Some(self.record.clone()),
            field: Some(field.to_string()),
            message,
        });
    }

    fn get(&self, field: &str) -> Option<&'a Value> {
        match self.obj.get(field) {
            None | Some(Value::Null) => None,
            Some(v) => Some(v),
        }
    }

    fn req_str(&mut self, field: &str) -> String {
        match self.get(field) {
            Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
            Some(Value::String(_)) => {
                self.problem(Severity::Error, field, "champ obligatoire vide".into());
                String::new()
            }
            None => {
                self.problem(Severity::Error, field, "champ obligatoire absent".into());
                String::new()
            }
            Some(v) => {
                self.problem(Severity::Error, field, format!("un texte est attendu, pas {}", type_fr(v)));
                String::new()
            }
        }
    }

    fn opt_str(&mut self, field: &str) -> Option<String> {
        match self.get(field) {
            None => None,
            Some(Value::String(s)) if s.trim().is_empty() => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(v) => {
                self.problem(Severity::Warning, field, format!("un texte est attendu, pas {} ; valeur ignorée", type_fr(v)));
                None
            }
        }
    }

    /// A list of texts. A missing list is empty; a list that is not a list is an error when
    /// `required`, else a warning; non-text items are dropped with a warning.
    fn str_list(&mut self, field: &str, required: bool) -> Vec<String> {
        match self.get(field) {
            None if required => {
                self.problem(Severity::Error, field, "liste obligatoire absente".into());
                Vec::new()
            }
            None => Vec::new(),
            Some(Value::Array(items)) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    match item {
                        Value::String(s) if !s.trim().is_empty() => out.push(s.clone()),
                        other => self.problem(
                            Severity::Warning,
                            &format!("{field}[{i}]"),
                            format!("un texte non vide est attendu, pas {} ; élément ignoré", type_fr(other)),
                        ),
                    }
                }
                out
            }
            Some(v) => {
                let sev = if required { Severity::Error } else { Severity::Warning };
                self.problem(sev, field, format!("une liste est attendue, pas {}", type_fr(v)));
                Vec::new()
            }
        }
    }

    /// A non-negative finite number.
    fn opt_amount(&mut self, field: &str) -> Option<f64> {
        match self.get(field) {
            None => None,
            Some(Value::Number(n)) => match n.as_f64() {
                Some(x) if x.is_finite() && x >= 0.0 => Some(x),
                _ => {
                    self.problem(Severity::Warning, field, format!("montant invalide ({n}) : un nombre positif est attendu ; montant traité comme non publié"));
                    None
                }
            },
            Some(v) => {
                self.problem(Severity::Warning, field, format!("un nombre est attendu, pas {} ; montant traité comme non publié", type_fr(v)));
                None
            }
        }
    }

    fn opt_uint(&mut self, field: &str, max: u64) -> Option<u64> {
        match self.get(field) {
            None => None,
            Some(Value::Number(n)) => match n.as_u64() {
                Some(x) if x <= max => Some(x),
                _ => {
                    self.problem(Severity::Warning, field, format!("nombre entier invalide ({n}) ; valeur ignorée"));
                    None
                }
            },
            Some(v) => {
                self.problem(Severity::Warning, field, format!("un nombre entier est attendu, pas {} ; valeur ignorée", type_fr(v)));
                None
            }
        }
    }

    fn opt_year(&mut self, field: &str) -> Option<u16> {
        let y = self.opt_uint(field, u16::MAX as u64)? as u16;
        if (1950..=2100).contains(&y) {
            Some(y)
        } else {
            self.problem(Severity::Warning, field, format!("année invalide ({y}) ; valeur ignorée"));
            None
        }
    }

    fn opt_coord(&mut self, field: &str, limit: f64) -> Option<f64> {
        match self.get(field) {
            None => None,
            Some(Value::Number(n)) => match n.as_f64() {
                Some(x) if x.is_finite() && x.abs() <= limit => Some(x),
                _ => {
                    self.problem(Severity::Warning, field, format!("coordonnée invalide ({n}) ; valeur ignorée"));
                    None
                }
            },
            Some(v) => {
                self.problem(Severity::Warning, field, format!("un nombre est attendu, pas {} ; valeur ignorée", type_fr(v)));
                None
            }
        }
    }

    /// A required code from a closed list.
    fn req_code<T>(&mut self, field: &str, parse: impl Fn(&str) -> Option<T>) -> Option<T> {
        let s = self.req_str(field);
        if s.is_empty() {
            return None;
        }
        let v = parse(&s);
        if v.is_none() {
            self.problem(Severity::Error, field, format!("valeur inconnue « {s} »"));
        }
        v
    }

    /// An optional code from a closed list; an unknown value is dropped with a warning.
    fn opt_code<T>(&mut self, field: &str, parse: impl Fn(&str) -> Option<T>) -> Option<T> {
        let s = self.opt_str(field)?;
        let v = parse(&s);
        if v.is_none() {
            self.problem(Severity::Warning, field, format!("valeur inconnue « {s} » ; valeur ignorée"));
        }
        v
    }

    /// A sub-object; `None` (with a problem) when absent or not an object.
    fn object(&mut self, field: &str, severity: Severity) -> Option<&'a Map> {
        match self.get(field) {
            Some(Value::Object(o)) => Some(o),
            None if severity == Severity::Warning => None,
            None => {
                self.problem(severity, field, "objet obligatoire absent".into());
                None
            }
            Some(v) => {
                self.problem(severity, field, format!("un objet est attendu, pas {}", type_fr(v)));
                None
            }
        }
    }

    /// Reads a nested object with the same rules; field names are prefixed (`hq.city`).
    fn nested<T>(&mut self, obj: &'a Map, prefix: &str, read: impl FnOnce(&mut Rec<'_>) -> T) -> T {
        let start = self.problems.len();
        let mut sub = Rec { obj, file: self.file, record: self.record.clone(), problems: self.problems, rejected: false };
        let value = read(&mut sub);
        let rejected = sub.rejected;
        for p in &mut self.problems[start..] {
            if let Some(f) = &p.field {
                p.field = Some(format!("{prefix}.{f}"));
            }
        }
        self.rejected |= rejected;
        value
    }

    /// Keeps only the values of `list` that `known` accepts; the others are dropped with a warning.
    fn keep_known(&mut self, field: &str, list: Vec<String>, what: &str, known: impl Fn(&str) -> bool) -> Vec<String> {
        let mut out = Vec::with_capacity(list.len());
        for v in list {
            if known(&v) {
                if !out.contains(&v) {
                    out.push(v);
                }
            } else {
                self.problem(Severity::Warning, field, format!("{what} inconnu(e) « {v} » ; référence ignorée"));
            }
        }
        out
    }
}

/// Reads records one by one, giving each a `Rec` and collecting the accepted values. Rejects
/// duplicate ids (the first record wins). Fed from a list, or while the file is being parsed.
struct Records<'a, T, F> {
    file: &'a str,
    id_field: &'a str,
    problems: &'a mut Vec<Problem>,
    read: F,
    seen: HashSet<String>,
    out: Vec<T>,
    next: usize,
}

impl<'a, T, F: FnMut(&mut Rec<'_>) -> T> Records<'a, T, F> {
    fn new(file: &'a str, id_field: &'a str, problems: &'a mut Vec<Problem>, read: F) -> Self {
        Records { file, id_field, problems, read, seen: HashSet::new(), out: Vec::new(), next: 0 }
    }

    fn push(&mut self, item: &Value) {
        let (i, file) = (self.next, self.file);
        self.next += 1;
        let Value::Object(obj) = item else {
            self.problems.push(Problem {
                severity: Severity::Error,
                file: file.into(),
                record: Some(format!("#{i}")),
                field: None,
                message: format!("un objet est attendu, pas {} ; enregistrement ignoré", type_fr(item)),
            });
            return;
        };
        let id = match obj.get(self.id_field) {
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
            _ => None,
        };
        let record = id.clone().unwrap_or_else(|| format!("#{i}"));
        if let Some(id) = id {
            if !self.seen.insert(id) {
                self.problems.push(Problem {
                    severity: Severity::Error,
                    file: file.into(),
                    record: Some(record),
                    field: Some(self.id_field.into()),
                    message: format!("identifiant en double (déjà utilisé plus haut dans le fichier) ; enregistrement n° {} ignoré", i + 1),
                });
                return;
            }
        }
        let mut rec = Rec { obj, file, record, problems: &mut *self.problems, rejected: false };
        let value = (self.read)(&mut rec);
        if !rec.rejected {
            self.out.push(value);
        }
    }
}

fn read_records<T>(
    file: &str,
    list: &[Value],
    id_field: &str,
    problems: &mut Vec<Problem>,
    read: impl FnMut(&mut Rec<'_>) -> T,
) -> Vec<T> {
    let mut r = Records::new(file, id_field, problems, read);
    for item in list {
        r.push(item);
    }
    r.out
}

fn list<'a>(obj: &'a Map, key: &str) -> &'a [Value] {
    match obj.get(key) {
        Some(Value::Array(a)) => a,
        _ => &[],
    }
}

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
        p.predecessor_ids.retain(|id| ids.contains(id) || {
            bad.push(("predecessor_ids", id.clone()));
            false
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
pub fn load_projects(
    text: &str,
    refs: &Referentiels,
    poles: &[Pole],
    problems: &mut Vec<Problem>,
) -> Result<(Vec<Project>, Option<Meta>), FileError> {
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
            (Some(funder), amount_eur, note) if refs.funders.iter().any(|x| x.id == funder) => {
                out.push(FundingLine { funder, amount_eur, note })
            }
            (Some(funder), ..) => r.problem(Severity::Warning, &format!("{field}.funder"), format!("financeur inconnu « {funder} » ; ligne ignorée")),
            (None, ..) => r.problem(Severity::Warning, &format!("{field}.funder"), "financeur absent ; ligne ignorée".into()),
        }
    }
    out
}

/// The map outlines (`geo.json`), loaded only by the map view.
#[derive(Debug, Clone, PartialEq)]
pub struct GeoData {
    pub frame: crate::geo::MapFrame,
    pub departement_units_per_km: f64,
    pub regions: Vec<GeoShape>,
    pub departements: Vec<GeoShape>,
    /// Pôle headquarters, already projected (region map units).
    pub hq: Vec<HqPoint>,
}

/// One outline: INSEE code, bounding box and SVG path data.
#[derive(Debug, Clone, PartialEq)]
pub struct GeoShape {
    pub code: String,
    /// [min_x, min_y, max_x, max_y] of the path.
    pub bbox: [f64; 4],
    pub d: String,
}

/// A pôle's headquarters on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct HqPoint {
    pub pole: String,
    pub x: f64,
    pub y: f64,
}

fn num_at(v: &Value, key: &str) -> Option<f64> {
    v.get(key).and_then(Value::as_f64).filter(|x| x.is_finite())
}

fn nums4(v: Option<&Value>) -> Option<[f64; 4]> {
    let a = v?.as_array()?;
    if a.len() != 4 {
        return None;
    }
    let n = |i: usize| a[i].as_f64().filter(|x| x.is_finite());
    Some([n(0)?, n(1)?, n(2)?, n(3)?])
}

/// Validates `geo.json`: header, structure, and that every code is a known region or département
/// (unknown ones are dropped with a problem). Path data is rendered as an SVG attribute, never as markup.
pub fn load_geo(text: &str, refs: &Referentiels, problems: &mut Vec<Problem>) -> Result<GeoData, FileError> {
    const FILE: &str = "geo.json";
    let (obj, _) = parse_file(FILE, text, "regions")?;
    let shape_err = |what: &str| FileError { file: FILE.into(), kind: FileErrorKind::Shape(what.into()) };
    let f = obj.get("frame").ok_or_else(|| shape_err("cadre de la carte (frame) absent"))?;
    let insets = f
        .get("insets")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(|i| {
                    Some(crate::geo::Inset {
                        code: i.get("code")?.as_str()?.to_string(),
                        bounds: nums4(i.get("bounds"))?,
                        box_: nums4(i.get("box_"))?,
                        scale: num_at(i, "scale")?,
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    let frame = (|| {
        Some(crate::geo::MapFrame {
            min_x: num_at(f, "min_x")?,
            max_y: num_at(f, "max_y")?,
            metres_per_unit: num_at(f, "metres_per_unit")?,
            width: num_at(f, "width")?,
            height: num_at(f, "height")?,
            insets,
        })
    })()
    .ok_or_else(|| shape_err("cadre de la carte (frame) incomplet"))?;
    let path_ok = |d: &str| d.chars().all(|c| c.is_ascii_digit() || " -.MmLlHhVvZz".contains(c));
    let mut shapes = |key: &str, what: &str, known: &dyn Fn(&str) -> bool| -> Vec<GeoShape> {
        let mut out = Vec::new();
        for (i, s) in obj.get(key).and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[]).iter().enumerate() {
            let code = s.get("code").and_then(Value::as_str).unwrap_or("").to_string();
            let d = s.get("d").and_then(Value::as_str).unwrap_or("");
            match nums4(s.get("bbox")) {
                Some(bbox) if known(&code) && path_ok(d) => out.push(GeoShape { code, bbox, d: d.to_string() }),
                _ => problems.push(Problem {
                    severity: Severity::Error,
                    file: FILE.into(),
                    record: Some(if code.is_empty() { format!("{key}#{i}") } else { code }),
                    field: Some("d".into()),
                    message: format!("{what} inconnu(e) ou tracé invalide ; contour ignoré"),
                }),
            }
        }
        out
    };
    let regions = shapes("regions", "région", &|c| refs.regions.iter().any(|r| r.code == c));
    let departements = shapes("departements", "département", &|c| refs.departements.iter().any(|d| d.code == c));
    let hq = obj
        .get("hq")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(|h| Some(HqPoint { pole: h.get("pole")?.as_str()?.to_string(), x: num_at(h, "x")?, y: num_at(h, "y")? }))
                .collect()
        })
        .unwrap_or_default();
    let departement_units_per_km = obj.get("departement_units_per_km").and_then(Value::as_f64).filter(|x| x.is_finite() && *x > 0.0).unwrap_or(1.0);
    Ok(GeoData { frame, departement_units_per_km, regions, departements, hq })
}

mod available;
pub use available::{load_all, load_all_bytes, load_available, load_available_bytes, Available, Loaded};

#[cfg(test)]
mod tests;
