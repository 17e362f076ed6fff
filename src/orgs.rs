//! The organisations (`organisations.json`), fetched on first use (the Organisations tab, an
//! organisation's page, a project's page, the network of one pôle) and kept for the page's life.
//! Held by the loaded `Data` (no context of its own).

use crate::app::{use_index, Data};
use crate::i18n::t;
use crate::lazy_file::LazyFile;
use leptos::prelude::*;
use poles_core::organisations::Orgs;
use std::sync::Arc;

/// The organisations, read on first use (`crate::lazy_file`).
#[derive(Clone, Copy)]
pub struct OrgState(pub LazyFile<Orgs>);

/// The organisations of the loaded data, loading them on first use.
pub fn use_orgs() -> OrgState {
    let data = use_index().expect("pages are drawn once the data is loaded");
    data.orgs.ensure(&data);
    data.orgs
}

impl OrgState {
    pub fn new() -> Self {
        OrgState(LazyFile::new())
    }

    /// Starts reading them, if not yet done.
    pub fn ensure(self, data: &Data) {
        let data = data.clone();
        self.0.ensure(async move { crate::api::load_orgs(&data.source, &data.loaded.dataset).await });
    }

    /// The organisations, if read (tracked).
    pub fn get(&self) -> Option<Arc<Orgs>> {
        self.0.get()
    }

    /// What to show while they are not there: "loading", or the error (its "Réessayer" loads
    /// the data again).
    pub fn pending(self) -> impl IntoView {
        move || match self.0.value.get() {
            Some(Ok(_)) => None,
            None => Some(view! { <p class="loading" role="status" data-testid="organisations-loading">{t("Chargement des organisations…")}</p> }.into_any()),
            Some(Err(e)) => Some(crate::components::missing_file(e)),
        }
    }
}
