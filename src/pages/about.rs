//! The static pages written by `make data` (`crates/databuild`): "À propos des données"
//! (`a-propos.html`, English `about.html`) and "Comprendre les pôles" (`comprendre.html`, English
//! `understand.html`): readable without JavaScript, and nothing of them in the WASM. The app's
//! addresses `/a-propos`, `/comprendre` and `/understand` lead there.

use crate::i18n::t;
use leptos::prelude::*;

/// The address of a static page in the current language, from its French file name (a full page
/// load: link it `rel="external"`).
fn page_href(french_file: &'static str) -> String {
    format!("{}/{}", crate::paths::base(), t(french_file))
}

pub fn about_href() -> String {
    page_href("a-propos.html")
}

pub fn understand_href() -> String {
    page_href("comprendre.html")
}

/// Replaced by the static page (the history keeps one entry).
fn lead_to(href: String) -> impl IntoView {
    let _ = window().location().replace(&href);
    view! { <p class="loading" role="status">{t("Chargement…")}</p> }
}

/// `/a-propos`.
#[component]
pub fn AboutPage() -> impl IntoView {
    lead_to(about_href())
}

/// `/comprendre`, `/understand`.
#[component]
pub fn UnderstandPage() -> impl IntoView {
    lead_to(understand_href())
}
