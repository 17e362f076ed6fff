//! File-level checks of a data file: HTTP answer, encoding, JSON, header (schema version, record
//! list). A failure here is a `FileError`: the file cannot be used at all.

use super::record::short;
use super::*;

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
            FileErrorKind::ContentType(ct) => (
                "Le fichier {} n'est pas un fichier de données JSON (type reçu : « {} ») ; le serveur a peut-être renvoyé une page HTML à la place.",
                vec![f, ct.clone()],
            ),
            FileErrorKind::Empty => ("Le fichier {} est vide.", vec![f]),
            FileErrorKind::Json(e) => ("Le fichier {} est illisible : ce n'est pas du JSON valide ({}).", vec![f, e.clone()]),
            FileErrorKind::Encoding(Some(at)) => {
                ("Le fichier {} n'est pas encodé en UTF-8 (octet invalide à la position {}) ; enregistrez-le en UTF-8.", vec![f, at.to_string()])
            }
            FileErrorKind::Encoding(None) => ("Le fichier {} est encodé en UTF-16 ; enregistrez-le en UTF-8.", vec![f]),
            FileErrorKind::Schema { found: Some(v) } => (
                "Le fichier {} est au format version {}, que cette version de l'application ne sait pas lire (version attendue : {}).",
                vec![f, v.clone(), SCHEMA_VERSION.to_string()],
            ),
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
pub(super) fn parse_file(file: &str, text: &str, list_key: &str) -> Result<(Map, Option<Meta>), FileError> {
    parse_file_streaming(file, text, list_key, None)
}

/// `parse_file`, handing each item of the list to `on_item` as soon as it is read (the list is
/// then left empty in the returned object): a large file never exists as a whole tree.
pub(super) fn parse_file_streaming(file: &str, text: &str, list_key: &str, on_item: Option<&mut dyn FnMut(Value)>) -> Result<(Map, Option<Meta>), FileError> {
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
        (Some(Value::String(v)), Some(Value::String(d))) => {
            let editions =
                obj.get("editions").and_then(Value::as_array).map(|a| a.iter().filter_map(|e| e.as_str().map(str::to_string)).collect()).unwrap_or_default();
            Some(Meta { data_version: v.clone(), compiled_at: d.clone(), editions })
        }
        _ => None,
    };
    Ok((obj, meta))
}
