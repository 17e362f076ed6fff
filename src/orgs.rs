//! The organisations (`organisations.json`), fetched on first use (the Organisations tab, an
//! organisation's page, a project's page, the network of one pôle) and kept for the page's life.
//! Held by the loaded `Data` (no context of its own).

use crate::data::use_index;
use crate::i18n::t;
use crate::lazy_file::LazyFile;
use leptos::prelude::*;
use poles_core::organisations::Orgs;

/// The organisations of the loaded data, loading them on first use.
pub fn use_orgs() -> LazyFile<Orgs> {
    let data = use_index().expect("pages are drawn once the data is loaded");
    data.ensure_orgs();
    data.orgs
}

/// What to show while they are not there: "loading", or the error (its "Réessayer" loads the
/// data again).
pub fn pending(orgs: LazyFile<Orgs>) -> impl IntoView {
    move || match orgs.value.get() {
        Some(Ok(_)) => None,
        None => Some(view! { <p class="loading" role="status" data-testid="organisations-loading">{t("Chargement des organisations…")}</p> }.into_any()),
        Some(Err(e)) => Some(crate::components::missing_file(e)),
    }
}
