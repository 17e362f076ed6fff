//! Reading records field by field (`Rec`) and lists of records (`Records`): every problem is
//! collected with its file, record and field; a record with a faulty required field is rejected,
//! a faulty optional value dropped with a warning.

use super::*;

/// A short rendering of a JSON value for messages.
pub(super) fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 40 {
        format!("{}…", s.chars().take(40).collect::<String>())
    } else {
        s
    }
}

pub(super) fn type_fr(v: &Value) -> &'static str {
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
pub(super) struct Rec<'a> {
    obj: &'a Map,
    file: &'a str,
    record: String,
    problems: &'a mut Vec<Problem>,
    /// A required field is missing or wrong: the record is rejected.
    rejected: bool,
}

impl<'a> Rec<'a> {
    pub(super) fn problem(&mut self, severity: Severity, field: &str, message: String) {
        if severity == Severity::Error {
            self.rejected = true;
        }
        self.problems.push(Problem { severity, file: self.file.to_string(), record: Some(self.record.clone()), field: Some(field.to_string()), message });
    }

    pub(super) fn get(&self, field: &str) -> Option<&'a Value> {
        match self.obj.get(field) {
            None | Some(Value::Null) => None,
            Some(v) => Some(v),
        }
    }

    pub(super) fn req_str(&mut self, field: &str) -> String {
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

    pub(super) fn opt_str(&mut self, field: &str) -> Option<String> {
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
    pub(super) fn str_list(&mut self, field: &str, required: bool) -> Vec<String> {
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
    pub(super) fn opt_amount(&mut self, field: &str) -> Option<f64> {
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

    pub(super) fn opt_uint(&mut self, field: &str, max: u64) -> Option<u64> {
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

    pub(super) fn opt_year(&mut self, field: &str) -> Option<u16> {
        let y = self.opt_uint(field, u16::MAX as u64)? as u16;
        if (1950..=2100).contains(&y) {
            Some(y)
        } else {
            self.problem(Severity::Warning, field, format!("année invalide ({y}) ; valeur ignorée"));
            None
        }
    }

    pub(super) fn opt_coord(&mut self, field: &str, limit: f64) -> Option<f64> {
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
    pub(super) fn req_code<T>(&mut self, field: &str, parse: impl Fn(&str) -> Option<T>) -> Option<T> {
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
    pub(super) fn opt_code<T>(&mut self, field: &str, parse: impl Fn(&str) -> Option<T>) -> Option<T> {
        let s = self.opt_str(field)?;
        let v = parse(&s);
        if v.is_none() {
            self.problem(Severity::Warning, field, format!("valeur inconnue « {s} » ; valeur ignorée"));
        }
        v
    }

    /// A sub-object; `None` (with a problem) when absent or not an object.
    pub(super) fn object(&mut self, field: &str, severity: Severity) -> Option<&'a Map> {
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
    pub(super) fn nested<T>(&mut self, obj: &'a Map, prefix: &str, read: impl FnOnce(&mut Rec<'_>) -> T) -> T {
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
    pub(super) fn keep_known(&mut self, field: &str, list: Vec<String>, what: &str, known: impl Fn(&str) -> bool) -> Vec<String> {
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
pub(super) struct Records<'a, T, F> {
    file: &'a str,
    id_field: &'a str,
    problems: &'a mut Vec<Problem>,
    read: F,
    seen: HashSet<String>,
    pub(super) out: Vec<T>,
    next: usize,
}

impl<'a, T, F: FnMut(&mut Rec<'_>) -> T> Records<'a, T, F> {
    pub(super) fn new(file: &'a str, id_field: &'a str, problems: &'a mut Vec<Problem>, read: F) -> Self {
        Records { file, id_field, problems, read, seen: HashSet::new(), out: Vec::new(), next: 0 }
    }

    pub(super) fn push(&mut self, item: &Value) {
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

pub(super) fn read_records<T>(file: &str, list: &[Value], id_field: &str, problems: &mut Vec<Problem>, read: impl FnMut(&mut Rec<'_>) -> T) -> Vec<T> {
    let mut r = Records::new(file, id_field, problems, read);
    for item in list {
        r.push(item);
    }
    r.out
}

pub(super) fn list<'a>(obj: &'a Map, key: &str) -> &'a [Value] {
    match obj.get(key) {
        Some(Value::Array(a)) => a,
        _ => &[],
    }
}
