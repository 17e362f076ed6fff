//! Where the app is mounted, and the embedding parameters every in-app link keeps.
//! Trunk writes the public URL into `<base href>`, so the same build logic works at `/` and under a
//! sub-path such as `/explorateur/`, standalone or in an iframe.

use std::cell::RefCell;

thread_local! {
    /// `embed=1&verrou=…&couleur=…&donnees=…` of the page that was loaded, kept on every link.
    static EMBED_QS: RefCell<String> = const { RefCell::new(String::new()) };
    /// The base, read once: it cannot change during the page's life (and every link needs it).
    static BASE: std::cell::OnceCell<String> = const { std::cell::OnceCell::new() };
}

/// The router base: the path of `document.baseURI` without its trailing slash
/// ("" at the site root, "/explorateur" under a sub-path).
pub fn base() -> String {
    BASE.with(|b| {
        b.get_or_init(|| {
            let uri = web_sys::window().and_then(|w| w.document()).and_then(|d| d.base_uri().ok().flatten());
            let path = uri.and_then(|u| web_sys::Url::new(&u).ok()).map(|u| u.pathname()).unwrap_or_default();
            base_from_path(&path)
        })
        .clone()
    })
}

/// "/explorateur/" -> "/explorateur"; "/" -> "".
pub fn base_from_path(path: &str) -> String {
    path.trim_end_matches('/').to_string()
}

/// Remembers the embedding parameters (already validated and encoded) for every later link.
pub fn set_embed_query(qs: String) {
    EMBED_QS.with(|e| *e.borrow_mut() = qs);
}

/// The embedding parameters kept on links ("" outside an embed).
pub fn embed_query() -> String {
    EMBED_QS.with(|e| e.borrow().clone())
}

/// Appends the embedding parameters to a path with or without a query string.
pub fn with_embed(path: &str) -> String {
    let e = embed_query();
    if e.is_empty() {
        path.to_string()
    } else if path.contains('?') {
        format!("{path}&{e}")
    } else {
        format!("{path}?{e}")
    }
}

/// An in-app link: `href("/poles/vitagora")` -> "/explorateur/poles/vitagora" (plus the embedding
/// parameters inside an embed).
pub fn href(path: &str) -> String {
    with_embed(&format!("{}{path}", base()))
}

/// URL of a bundled data file, beside the app.
pub fn data_url(file: &str) -> String {
    format!("{}/data/{file}", base())
}
