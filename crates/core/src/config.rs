//! Deployment settings (`config.json` beside the app) and embedding parameters, validated.
//!
//! `config.json`: `{ "data_base_url": null | "https://api.example.org/poles/v1/", "api_timeout_s": 8 }`.
//! With no base URL the bundled `data/` files are used. A base URL must be `https:`/`http:`, or a
//! path on the same site. The URL parameter `donnees` may only select same-origin data.

use crate::i18n::{fill, msg};
use crate::json::Value;

/// Seconds after which an API that has not answered is abandoned for the bundled data.
pub const DEFAULT_API_TIMEOUT_S: u32 = 8;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Base URL of an API serving the same documents (`referentiels.json`, `poles.json`,
    /// `projects.json`, `geo.json`), ending with `/`; `None`: bundled data.
    pub data_base_url: Option<String>,
    pub api_timeout_s: u32,
}

impl Default for Config {
    fn default() -> Self {
        Config { data_base_url: None, api_timeout_s: DEFAULT_API_TIMEOUT_S }
    }
}

fn with_slash(s: &str) -> String {
    if s.ends_with('/') {
        s.to_string()
    } else {
        format!("{s}/")
    }
}

/// Parses `config.json`. Never fails: a broken file gives the defaults and a notice.
pub fn parse_config(text: &str) -> (Config, Vec<String>) {
    let mut notices = Vec::new();
    let mut cfg = Config::default();
    let v: Value = match crate::json::from_str(text.trim_start_matches('\u{FEFF}')) {
        Ok(v) => v,
        Err(e) => {
            notices.push(fill(msg("config.json illisible ({}) : données intégrées utilisées"), &[&e.to_string()]));
            return (cfg, notices);
        }
    };
    match v.get("data_base_url") {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) if s.trim().is_empty() => {}
        Some(Value::String(s)) => {
            let s = s.trim();
            let lower = s.to_ascii_lowercase();
            if lower.starts_with("https://") || lower.starts_with("http://") || (s.starts_with('/') && !s.starts_with("//")) {
                cfg.data_base_url = Some(with_slash(s));
            } else {
                notices.push(fill(msg("config.json : adresse d'API refusée « {} » (http(s) ou chemin du site attendu)"), &[s]));
            }
        }
        Some(_) => notices.push(msg("config.json : data_base_url doit être un texte").into()),
    }
    if let Some(t) = v.get("api_timeout_s") {
        match t.as_u64() {
            Some(t) if (1..=60).contains(&t) => cfg.api_timeout_s = t as u32,
            _ => notices.push(msg("config.json : api_timeout_s doit être un entier de 1 à 60").into()),
        }
    }
    (cfg, notices)
}

/// The data base selected by the `donnees` URL parameter, if it stays on the page's origin.
/// `page_origin` is like "https://www.example.fr". Returns the base (ending with `/`) or why not.
pub fn same_origin_data(param: &str, page_origin: &str) -> Result<String, &'static str> {
    let p = param.trim();
    if p.is_empty() {
        return Err("adresse vide");
    }
    if p.starts_with("//") || p.contains('\\') || p.contains("..") {
        return Err("adresse refusée");
    }
    if p.starts_with('/') {
        return Ok(with_slash(p));
    }
    let origin = page_origin.trim_end_matches('/');
    match p.strip_prefix(origin) {
        Some(rest) if rest.starts_with('/') => Ok(with_slash(p)),
        _ => Err("seules des données du même site peuvent être choisies par l'adresse"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_defaults_and_validation() {
        assert_eq!(parse_config("{}").0, Config::default());
        let (c, n) = parse_config(r#"{"data_base_url": "https://api.example.org/v1", "api_timeout_s": 5}"#);
        assert_eq!(c.data_base_url.as_deref(), Some("https://api.example.org/v1/"));
        assert_eq!(c.api_timeout_s, 5);
        assert!(n.is_empty());
        let (c, n) = parse_config(r#"{"data_base_url": "javascript:alert(1)"}"#);
        assert_eq!(c.data_base_url, None);
        assert_eq!(n.len(), 1);
        let (c, n) = parse_config("<html>");
        assert_eq!((c, n.len()), (Config::default(), 1));
        assert_eq!(parse_config(r#"{"data_base_url": "/api/"}"#).0.data_base_url.as_deref(), Some("/api/"));
        assert_eq!(parse_config(r#"{"data_base_url": "//evil.example/"}"#).0.data_base_url, None);
    }

    #[test]
    fn only_same_origin_data_from_the_url() {
        assert_eq!(same_origin_data("/autres-donnees", "https://www.region.fr"), Ok("/autres-donnees/".into()));
        assert_eq!(same_origin_data("https://www.region.fr/d/", "https://www.region.fr"), Ok("https://www.region.fr/d/".into()));
        assert!(same_origin_data("https://evil.example/d/", "https://www.region.fr").is_err());
        assert!(same_origin_data("https://www.region.fr.evil.example/d/", "https://www.region.fr").is_err());
        assert!(same_origin_data("//evil.example/", "https://www.region.fr").is_err());
        assert!(same_origin_data("/../etc/", "https://www.region.fr").is_err());
    }
}
