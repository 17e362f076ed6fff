//! The only place that does network I/O: reads the deployment settings, fetches the data files
//! (from the configured API, else the bundled `data/`), and hands their text to the core.

use crate::i18n::{t, tf};
use crate::paths::{base, data_url};
use futures::future::join3;
use gloo_net::http::Request;
use poles_core::config::{parse_config, same_origin_data, Config};
use poles_core::model::Referentiels;
use poles_core::validate::{check_response, decode_text, load_available_bytes, load_geo, Available, FileError, FileErrorKind, GeoData, Loaded, Problem};
use poles_core::DATA_FILES;

/// Where the shown data comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// URL prefix of the data files (ends with `/`).
    pub base: String,
    /// True for the bundled files shipped with the app.
    pub bundled: bool,
}

/// A loaded dataset, where it came from, and what the visitor should know about it.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub loaded: Loaded,
    /// Data files that could not be used (`poles.json`, `projects.json`): their pages say so.
    pub file_errors: Vec<FileError>,
    pub source: Source,
    /// Fallbacks and ignored settings, in French.
    pub notices: Vec<String>,
}

fn bundled_base() -> String {
    format!("{}/data/", base())
}

/// Fetches one data file and checks its HTTP status and content type, then its encoding (UTF-8).
pub async fn fetch_data_file(url: &str, file: &str) -> Result<String, FileError> {
    decode_text(file, fetch_with_timeout(url, file, None).await?)
}

/// The bytes of a data file (decoded by the core: a file that is not UTF-8 is named, not
/// silently repaired). With `timeout_s`, the request is abandoned after that many seconds.
async fn fetch_with_timeout(url: &str, file: &str, timeout_s: Option<u32>) -> Result<Vec<u8>, FileError> {
    let err = |kind| FileError { file: file.into(), kind };
    let controller = web_sys::AbortController::new().ok();
    let mut request = Request::get(url);
    if let (Some(c), Some(t)) = (&controller, timeout_s) {
        request = request.abort_signal(Some(&c.signal()));
        let c = c.clone();
        leptos::prelude::set_timeout(move || c.abort(), std::time::Duration::from_secs(t as u64));
    }
    let aborted = || controller.as_ref().is_some_and(|c| c.signal().aborted());
    let resp = match request.send().await {
        Ok(r) => r,
        Err(_) if aborted() => return Err(err(FileErrorKind::Timeout(timeout_s.unwrap_or(0)))),
        Err(e) => return Err(err(FileErrorKind::Network(error_text(e)))),
    };
    check_response(file, resp.status(), resp.headers().get("content-type").as_deref())?;
    match resp.binary().await {
        Ok(t) => Ok(t),
        Err(_) if aborted() => Err(err(FileErrorKind::Timeout(timeout_s.unwrap_or(0)))),
        Err(e) => Err(err(FileErrorKind::Network(error_text(e)))),
    }
}

/// What the browser said of a failed request ("TypeError: Failed to fetch"). Not the error's
/// `Display`: it would link the texts and formatting of serde_json's and std::io's errors into
/// the WASM (about 2 KB), for a variant that a request never returns.
fn error_text(e: gloo_net::Error) -> String {
    match e {
        gloo_net::Error::JsError(j) => format!("{}: {}", j.name, j.message),
        gloo_net::Error::GlooError(s) => s,
        #[allow(unreachable_patterns)]
        _ => String::from("json"),
    }
}

async fn load_from(base: &str, timeout_s: Option<u32>) -> Result<Available, FileError> {
    let [r, p, j] = DATA_FILES;
    let (ur, up, uj) = (format!("{base}{r}"), format!("{base}{p}"), format!("{base}{j}"));
    let (refs, poles, projects) =
        join3(fetch_with_timeout(&ur, r, timeout_s), fetch_with_timeout(&up, p, timeout_s), fetch_with_timeout(&uj, j, timeout_s)).await;
    load_available_bytes(refs, poles, projects)
}

/// `config.json` beside the app; absent means the defaults (bundled data).
async fn load_config(notices: &mut Vec<String>) -> Config {
    let url = format!("{}/config.json", base());
    match Request::get(&url).send().await {
        Ok(r) if r.status() == 404 => Config::default(),
        Ok(r) if r.ok() && r.headers().get("content-type").is_some_and(|c| c.contains("json")) => {
            let (cfg, n) = parse_config(&r.text().await.unwrap_or_default());
            notices.extend(n);
            cfg
        }
        // The dev server answers index.html for a missing file; offline: no config either.
        _ => Config::default(),
    }
}

/// The `donnees` parameter of the page URL, if any.
fn data_param() -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    poles_core::query::decode_query_string(&search).into_iter().find(|(k, _)| k == "donnees").map(|(_, v)| v)
}

/// Loads the dataset from the configured API (or the same-origin `donnees` base), falling back to
/// the bundled data on any failure (no answer in time, HTTP error, HTML, truncated JSON…).
pub async fn load_dataset() -> Result<Outcome, FileError> {
    let mut notices = Vec::new();
    let cfg = load_config(&mut notices).await;
    let mut api = cfg.data_base_url.clone();
    if let Some(p) = data_param() {
        let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
        match same_origin_data(&p, &origin) {
            Ok(b) => api = Some(b),
            Err(why) => notices.push(tf("Paramètre « donnees={} » ignoré : {}.", &[&p, t(why)])),
        }
    }
    if let Some(api_base) = api {
        // The API's data is used only whole; any unusable file falls back to the bundled data.
        match load_from(&api_base, Some(cfg.api_timeout_s)).await.and_then(|a| match a.file_errors.into_iter().next() {
            Some(e) => Err(e),
            None => Ok(a.loaded),
        }) {
            Ok(loaded) => return Ok(Outcome { loaded, file_errors: vec![], source: Source { base: api_base, bundled: false }, notices }),
            Err(e) => notices.push(tf(
                "Les données de l'API ({}) n'ont pas pu être chargées : {} Les données intégrées à l'explorateur sont affichées à la place.",
                &[&api_base, &e.to_string()],
            )),
        }
    }
    let b = bundled_base();
    let available = load_from(&b, None).await?;
    Ok(Outcome { loaded: available.loaded, file_errors: available.file_errors, source: Source { base: b, bundled: true }, notices })
}

/// The message catalog of a language other than French (`i18n/<code>.json`, bundled with the app).
pub async fn load_catalog(lang: poles_core::i18n::Lang) -> Result<poles_core::i18n::Catalog, String> {
    let file = format!("i18n/{}.json", lang.code());
    let bytes = fetch_with_timeout(&format!("{}/{file}", base()), &file, Some(8)).await.map_err(|e| e.to_string())?;
    let text = decode_text(&file, bytes).map_err(|e| e.to_string())?;
    poles_core::i18n::Catalog::parse(&text).map_err(|e| format!("{file}: {e}"))
}

/// Fetches and validates the map outlines (`geo.json`) from the data source, else the bundled copy.
pub async fn load_geo_data(source: &Source, refs: &Referentiels) -> Result<(GeoData, Vec<Problem>), FileError> {
    let read = |text: String| {
        let mut problems = Vec::new();
        load_geo(&text, refs, &mut problems).map(|g| (g, problems))
    };
    if !source.bundled {
        let fetched = fetch_with_timeout(&format!("{}geo.json", source.base), "geo.json", Some(8)).await;
        if let Ok(r) = fetched.and_then(|b| decode_text("geo.json", b)).and_then(read) {
            return Ok(r);
        }
    }
    read(fetch_data_file(&data_url("geo.json"), "geo.json").await?)
}

/// Fetches and reads the organisations (`organisations.json`) from the data source, else the
/// bundled copy; organisations of projects the dataset does not have are left out.
pub async fn load_orgs(source: &Source, data: &poles_core::model::Dataset) -> Result<poles_core::organisations::Orgs, FileError> {
    const FILE: &str = "organisations.json";
    let read = |text: String| poles_core::organisations::parse(&text, data).map_err(|e| FileError { file: FILE.into(), kind: FileErrorKind::Json(e) });
    if !source.bundled {
        let fetched = fetch_with_timeout(&format!("{}{FILE}", source.base), FILE, Some(8)).await;
        if let Ok(o) = fetched.and_then(|b| decode_text(FILE, b)).and_then(read) {
            return Ok(o);
        }
    }
    read(fetch_data_file(&data_url(FILE), FILE).await?)
}
