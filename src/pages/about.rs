//! "À propos des données" is a static page written by `make data` (`a-propos.html`, English
//! `about.html`; `crates/databuild/src/about_page.rs`): readable without JavaScript, and nothing
//! of it in the WASM. The app's address `/a-propos` leads there.

use crate::i18n::t;
use leptos::prelude::*;

/// The address of the page in the current language (a full page load: link it `rel="external"`).
pub fn about_href() -> String {
    format!("{}/{}", crate::paths::base(), t("a-propos.html"))
}

/// `/a-propos`: replaced by the static page (the history keeps one entry).
#[component]
pub fn AboutPage() -> impl IntoView {
    let _ = window().location().replace(&about_href());
    view! { <p class="loading" role="status">{t("Chargement…")}</p> }
}
