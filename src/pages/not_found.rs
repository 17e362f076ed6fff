use crate::i18n::t;
use crate::paths::href;
use leptos::prelude::*;

/// Shown for an unknown address, or an unknown pôle or project id.
#[component]
pub fn NotFound(#[prop(optional, into)] detail: Option<String>) -> impl IntoView {
    crate::components::set_title(&[t("Page introuvable")]);
    view! {
        <section class="not-found" data-testid="not-found">
            <h1 tabindex="-1">{t("Page introuvable")}</h1>
            <p>{detail.unwrap_or_else(|| t("L'adresse demandée ne correspond à aucune page de l'explorateur.").into())}</p>
            <p><a href=href("/")>{t("Revenir à l'explorateur")}</a></p>
        </section>
    }
}
