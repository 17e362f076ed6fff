//! Languages and message catalogs.
//!
//! French is the language of the code: every UI string is written in French and is its own
//! message id (as in gettext). Another language is a catalog file, `public/i18n/<code>.json`:
//! `{"lang": "en", "messages": {"<French>": "<translation>", …}}`, fetched only when asked for
//! (`lang=en`), so it costs nothing to French visitors and nothing in the WASM. Templates use `{}`
//! for their arguments, in order. `catalog_is_complete` (a native test over the sources) checks
//! that every message of the app has a translation.

use crate::json::Value;
use std::sync::atomic::{AtomicU8, Ordering};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    /// The `lang` URL parameter: "fr" or "en" (anything else: None).
    pub fn from_param(v: &str) -> Option<Lang> {
        match v.trim().to_ascii_lowercase().as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
    /// BCP 47 code, for `<html lang>` and the catalog's file name.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }
}

static CURRENT: AtomicU8 = AtomicU8::new(0);
static TRANSLATOR: std::sync::OnceLock<fn(&'static str) -> &'static str> = std::sync::OnceLock::new();

/// Lets the app translate the messages the core builds (`msg`); without it they stay French.
pub fn set_translator(f: fn(&'static str) -> &'static str) {
    let _ = TRANSLATOR.set(f);
}

/// A message id of the core in the page's language (see `set_translator`).
pub fn msg(fr: &'static str) -> &'static str {
    TRANSLATOR.get().map_or(fr, |f| f(fr))
}

/// The language of the page (set once at start-up; French by default). `format` follows it.
pub fn current() -> Lang {
    if CURRENT.load(Ordering::Relaxed) == 1 {
        Lang::En
    } else {
        Lang::Fr
    }
}

pub fn set_current(lang: Lang) {
    CURRENT.store((lang == Lang::En) as u8, Ordering::Relaxed);
}

/// Translations of French messages, in file order (binary search when the file is sorted, as
/// the bundled one is; a linear scan otherwise: no sorting code in the WASM).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Catalog {
    pub lang: String,
    messages: Vec<(String, String)>,
    sorted: bool,
}

impl Catalog {
    /// Reads a catalog file. Entries that are not text are skipped; a file that is not a catalog
    /// is an error (in English: it is shown to visitors who asked for English).
    pub fn parse(text: &str) -> Result<Catalog, String> {
        let v = crate::json::from_str(text.trim_start_matches('\u{FEFF}')).map_err(|e| format!("not JSON ({e})"))?;
        let lang = v.get("lang").and_then(Value::as_str).unwrap_or_default().to_string();
        let Some(messages) = v.get("messages").and_then(Value::as_object) else {
            return Err("no \"messages\" object".into());
        };
        let messages: Vec<(String, String)> = messages.iter().filter_map(|(k, v)| v.as_str().map(|t| (k.clone(), t.to_string()))).collect();
        let sorted = messages.windows(2).all(|w| w[0].0 < w[1].0);
        Ok(Catalog { lang, messages, sorted })
    }

    /// The translation of a French message, if the catalog has one.
    pub fn get(&self, fr: &str) -> Option<&str> {
        let i = if self.sorted { self.messages.binary_search_by(|(k, _)| k.as_str().cmp(fr)).ok() } else { self.messages.iter().rposition(|(k, _)| k == fr) };
        i.map(|i| self.messages[i].1.as_str())
    }

    /// Whether the messages are in sorted order (the bundled catalog must be).
    pub fn is_sorted(&self) -> bool {
        self.sorted
    }

    pub fn len(&self) -> usize {
        self.messages.len()
    }

    pub fn is_empty(&self) -> bool {
        self.messages.is_empty()
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.messages.iter().map(|(k, _)| k.as_str())
    }
}

/// Replaces each `{}` of a template by the next argument: ("{} of {}", ["1", "2"]) -> "1 of 2".
/// Missing arguments leave the rest of the template as it is; extra ones are ignored.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    let mut args = args.iter();
    while let Some(i) = rest.find("{}") {
        let Some(a) = args.next() else { break };
        out.push_str(&rest[..i]);
        out.push_str(a);
        rest = &rest[i + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogs_translate_known_messages_only() {
        let c = Catalog::parse(r#"{"lang":"en","messages":{"Année":"Year","Région":"Region","bad":3}}"#).unwrap();
        assert_eq!(c.lang, "en");
        assert_eq!(c.get("Année"), Some("Year"));
        assert_eq!(c.get("Région"), Some("Region"));
        assert_eq!(c.get("Pôle"), None);
        assert_eq!(c.len(), 2, "non-text entries are skipped");
        assert!(c.is_sorted());
        let u = Catalog::parse(r#"{"lang":"en","messages":{"b":"B","a":"A"}}"#).unwrap();
        assert!(!u.is_sorted());
        assert_eq!((u.get("a"), u.get("b"), u.get("c")), (Some("A"), Some("B"), None));
        assert!(Catalog::parse("[]").is_err());
        assert!(Catalog::parse("{").is_err());
    }

    #[test]
    fn templates_take_their_arguments_in_order() {
        assert_eq!(fill("{} projets dans {}", &["3", "la région"]), "3 projets dans la région");
        assert_eq!(fill("{} and {}", &["a"]), "a and {}");
        assert_eq!(fill("none", &["a"]), "none");
    }

    #[test]
    fn lang_parameter() {
        assert_eq!(Lang::from_param("EN"), Some(Lang::En));
        assert_eq!(Lang::from_param("fr"), Some(Lang::Fr));
        assert_eq!(Lang::from_param("de"), None);
    }
}
