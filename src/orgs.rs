//! The organisations (`organisations.json`), fetched on first use (the Organisations tab, an
//! organisation's page, a project's page, the network of one pôle) and kept for the page's life.
//! Held by the loaded `Data` (no context of its own).

use crate::app::{use_index, Data};
use crate::i18n::t;
use leptos::prelude::*;
use poles_core::organisations::Orgs;
use poles_core::validate::FileError;
use std::sync::Arc;

/// The organisations once read, or why they could not be.
pub type OrgsValue = Option<Result<Arc<Orgs>, FileError>>;

#[derive(Clone, Copy)]
pub struct OrgState {
    pub value: RwSignal<OrgsValue>,
    started: StoredValue<bool>,
}

/// The organisations of the loaded data, loading them on first use.
pub fn use_orgs() -> OrgState {
    let data = use_index().expect("pages are drawn once the data is loaded");
    data.orgs.ensure(&data);
    data.orgs
}

impl OrgState {
    pub fn new() -> Self {
        OrgState { value: RwSignal::new(None), started: StoredValue::new(false) }
    }

    /// Starts reading them, if not yet done.
    pub fn ensure(self, data: &Data) {
        if !self.started.get_value() {
            self.load(data.clone());
        }
    }

    /// The organisations, if read (tracked).
    pub fn get(&self) -> Option<Arc<Orgs>> {
        self.value.with(|v| v.as_ref().and_then(|r| r.as_ref().ok().cloned()))
    }

    fn load(self, data: Data) {
        self.started.set_value(true);
        self.value.set(None);
        leptos::task::spawn_local(async move {
            let r = crate::api::load_orgs(&data.source, &data.loaded.dataset).await;
            self.value.try_set(Some(r.map(Arc::new)));
        });
    }

    /// What to show while they are not there: "loading", or the error (its "Réessayer" loads
    /// the data again).
    pub fn pending(self) -> impl IntoView {
        move || match self.value.get() {
            Some(Ok(_)) => None,
            None => Some(view! { <p class="loading" role="status" data-testid="organisations-loading">{t("Chargement des organisations…")}</p> }.into_any()),
            Some(Err(e)) => Some(crate::components::missing_file(e)),
        }
    }
}
