//! An organisation's page: its title, the way back, and its body, markup written by the core
//! (`poles_core::organisations::page_html`: its projects and role in each, the pôles it works
//! with, its co-partners, the funders of its projects, its names, the sources of its projects).

use super::NotFound;
use crate::components::set_title;
use crate::data::use_data;
use crate::i18n::{t, tf, tr};
use crate::orgs::use_orgs;
use crate::paths::href;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use poles_core::organisations::page_html;

#[component]
pub fn OrganisationPage() -> impl IntoView {
    let params = use_params_map();
    let loaded = use_data();
    let orgs = use_orgs();
    move || {
        let id = params.read().get("id").unwrap_or_default();
        let loaded = loaded.clone()?;
        let Some(all) = orgs.get() else { return Some(crate::orgs::pending(orgs).into_any()) };
        let Some(o) = all.by_id(&id) else {
            return Some(view! { <NotFound detail=tf("Aucune organisation ne porte l'identifiant « {} ».", &[&id]) /> }.into_any());
        };
        let org = &all.list[o];
        set_title(&[&org.name, t("organisation")]);
        let body = page_html(&all, &loaded.dataset, o, &tr, &href, crate::components::data_lang());
        Some(
            view! {
                <article class="record" data-testid="organisation-page" data-id=org.id.clone()>
                    {crate::list_return::back_link("/?onglet=organisations", "← Toutes les organisations")}
                    <h1 tabindex="-1">{org.name.clone()}</h1>
                    // Its projects in the explorer, with every filter and view (the organisation filter).
                    <p class="record-links">
                        <a href=href(&format!("/?organisation={}", org.id)) data-testid="organisation-explore">{t("Ses projets dans l'explorateur")}</a>
                        " · "
                        <a href=href(&format!("/?vue=reseau&organisation={}", org.id)) data-testid="organisation-network">{t("Son réseau de partenaires")}</a>
                    </p>
                    <div inner_html=body></div>
                </article>
            }
            .into_any(),
        )
    }
}

/// Lead or partner names, each a link to its organisation's page once the organisations are read
/// (a name describing unnamed partners stays text).
#[component]
pub fn OrgNames(names: Vec<String>) -> impl IntoView {
    let orgs = use_orgs();
    move || {
        let all = orgs.get();
        names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let org = all.as_ref().and_then(|a| a.of_name(n)).map(|o| href(&format!("/organisations/{}", o.id)));
                view! {
                    {(i > 0).then_some(" ; ")}
                    {match org {
                        Some(link) => view! { <a href=link data-testid="organisation-link">{n.clone()}</a> }.into_any(),
                        None => n.clone().into_any(),
                    }}
                }
            })
            .collect_view()
    }
}
