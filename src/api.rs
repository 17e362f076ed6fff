//! The only place that does network I/O: fetches the data files and hands their text to the
//! core's validation.

use crate::paths::data_url;
use futures::future::join3;
use gloo_net::http::Request;
use poles_core::model::Referentiels;
use poles_core::validate::{check_response, load_all, load_geo, FileError, FileErrorKind, GeoData, Loaded, Problem};
use poles_core::DATA_FILES;

/// Fetches one data file and checks its HTTP status and content type.
pub async fn fetch_data_file(url: &str, file: &str) -> Result<String, FileError> {
    let network = |e: gloo_net::Error| FileError { file: file.into(), kind: FileErrorKind::Network(e.to_string()) };
    let resp = Request::get(url).send().await.map_err(network)?;
    check_response(file, resp.status(), resp.headers().get("content-type").as_deref())?;
    resp.text().await.map_err(network)
}

/// Fetches the three data files in parallel and validates them.
pub async fn load_dataset() -> Result<Loaded, FileError> {
    let [r, p, j] = DATA_FILES;
    let (ur, up, uj) = (data_url(r), data_url(p), data_url(j));
    let (refs, poles, projects) = join3(fetch_data_file(&ur, r), fetch_data_file(&up, p), fetch_data_file(&uj, j)).await;
    load_all(&refs?, &poles?, &projects?)
}

/// Fetches and validates the map outlines (`geo.json`), on demand.
pub async fn load_geo_data(refs: &Referentiels) -> Result<(GeoData, Vec<Problem>), FileError> {
    let text = fetch_data_file(&data_url("geo.json"), "geo.json").await?;
    let mut problems = Vec::new();
    let geo = load_geo(&text, refs, &mut problems)?;
    Ok((geo, problems))
}
