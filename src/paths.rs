//! Where the app is mounted. Trunk writes the public URL into `<base href>`, so the same build
//! logic works at `/` and under a sub-path such as `/explorateur/`, standalone or in an iframe.

/// The router base: the path of `document.baseURI` without its trailing slash
/// ("" at the site root, "/explorateur" under a sub-path).
pub fn base() -> String {
    let uri = web_sys::window().and_then(|w| w.document()).and_then(|d| d.base_uri().ok().flatten());
    let path = uri.and_then(|u| web_sys::Url::new(&u).ok()).map(|u| u.pathname()).unwrap_or_default();
    base_from_path(&path)
}

/// "/explorateur/" -> "/explorateur"; "/" -> "".
pub fn base_from_path(path: &str) -> String {
    path.trim_end_matches('/').to_string()
}

/// An in-app link: `href("/poles/vitagora")` -> "/explorateur/poles/vitagora".
pub fn href(path: &str) -> String {
    format!("{}{path}", base())
}

/// URL of a data file, beside the app.
pub fn data_url(file: &str) -> String {
    format!("{}/data/{file}", base())
}
