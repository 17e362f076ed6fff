//! The explorer: projects and pôles in two tabs (`?onglet=projets|poles`).

use crate::app::use_data;
use crate::components::{pole_links, region_names, theme_tags};
use crate::paths::href;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use poles_core::format::count;
use poles_core::listing::{poles_by_name, projects_by_acronym};
use poles_core::model::PoleStatusCode;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Projets,
    Poles,
}

#[component]
pub fn Explorer() -> impl IntoView {
    let query = use_query_map();
    let tab = Memo::new(move |_| match query.read().get("onglet").as_deref() {
        Some("poles") => Tab::Poles,
        _ => Tab::Projets,
    });
    let Some(loaded) = use_data() else { return ().into_any() };
    let data = &loaded.dataset;
    let n_projects = data.projects.len();
    let n_poles = data.poles.len();
    let n_labelled = data.poles.iter().filter(|p| p.is_labelled()).count();
    let loaded_p = loaded.clone();
    let loaded_q = loaded.clone();
    view! {
        <h1 tabindex="-1">"Explorer les pôles de compétitivité et leurs projets"</h1>
        <p class="intro">
            {format!(
                "{} labellisés par {} pôles, dont {n_labelled} labellisés pour 2023-2026. Chaque fiche cite ses sources.",
                count(n_projects, "projet, plateforme ou action", "projets, plateformes et actions"),
                n_poles
            )}
        </p>
        <nav class="tabs" aria-label="Listes">
            <a href=href("/?onglet=projets") aria-current=move || (tab.get() == Tab::Projets).then_some("page") data-testid="tab-projets">
                "Projets " <span class="tab-count">{n_projects}</span>
            </a>
            <a href=href("/?onglet=poles") aria-current=move || (tab.get() == Tab::Poles).then_some("page") data-testid="tab-poles">
                "Pôles " <span class="tab-count">{n_poles}</span>
            </a>
        </nav>
        <p class="result-count" data-testid="result-count" role="status" aria-live="polite">
            {move || match tab.get() {
                Tab::Projets => count(n_projects, "projet", "projets"),
                Tab::Poles => count(n_poles, "pôle", "pôles"),
            }}
        </p>
        {move || match tab.get() {
            Tab::Projets => view! { <ProjectTable loaded=loaded_p.clone() /> }.into_any(),
            Tab::Poles => view! { <PoleTable loaded=loaded_q.clone() /> }.into_any(),
        }}
    }
    .into_any()
}

#[component]
fn ProjectTable(loaded: std::sync::Arc<poles_core::validate::Loaded>) -> impl IntoView {
    let data = &loaded.dataset;
    let rows = projects_by_acronym(&data.projects)
        .into_iter()
        .map(|p| {
            let funders: Vec<&str> = p.funder_ids().into_iter().map(|f| data.funder_label(f)).collect();
            let title = p.title.clone().or_else(|| p.summary.clone());
            view! {
                <tr data-testid="project-row" data-id=p.id.clone()>
                    <th scope="row" data-label="Acronyme"><a href=href(&format!("/projets/{}", p.id))>{p.acronym.clone()}</a></th>
                    <td data-label="Intitulé">{match title {
                        Some(t) => view! { <span>{t}</span> }.into_any(),
                        None => view! { <span class="unknown">"intitulé non publié"</span> }.into_any(),
                    }}</td>
                    <td data-label="Pôles">{if p.poles.is_empty() {
                        view! { <span class="unknown">"aucun pôle cité"</span> }.into_any()
                    } else {
                        pole_links(data, &p.poles).into_any()
                    }}</td>
                    <td data-label="Année">{match p.year {
                        Some(y) => view! { <span>{y}</span> }.into_any(),
                        None => view! { <span class="unknown">"inconnue"</span> }.into_any(),
                    }}</td>
                    <td data-label="Financeurs">{if funders.is_empty() {
                        view! { <span class="unknown">"non publiés"</span> }.into_any()
                    } else {
                        view! { <span>{funders.join(", ")}</span> }.into_any()
                    }}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="results" data-testid="project-table">
                <caption class="visually-hidden">"Projets, par ordre alphabétique d'acronyme"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Acronyme"</th>
                        <th scope="col">"Intitulé"</th>
                        <th scope="col">"Pôles"</th>
                        <th scope="col">"Année"</th>
                        <th scope="col">"Financeurs"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[component]
fn PoleTable(loaded: std::sync::Arc<poles_core::validate::Loaded>) -> impl IntoView {
    let data = &loaded.dataset;
    let rows = poles_by_name(data)
        .into_iter()
        .map(|p| {
            let status_class = if p.status.code == PoleStatusCode::Actif { "badge badge-ok" } else { "badge" };
            view! {
                <tr data-testid="pole-row" data-id=p.id.clone()>
                    <th scope="row" data-label="Pôle">
                        <a href=href(&format!("/poles/{}", p.id))>{p.name.clone()}</a>
                        {p.short_name.clone().filter(|s| *s != p.name).map(|s| view! { <span class="muted">" (" {s} ")"</span> })}
                    </th>
                    <td data-label="Thèmes">{theme_tags(data, &p.themes)}</td>
                    <td data-label="Régions">{if p.regions.is_empty() {
                        view! { <span class="unknown">"non renseignées"</span> }.into_any()
                    } else {
                        view! { <span>{region_names(data, &p.regions)}</span> }.into_any()
                    }}</td>
                    <td data-label="Label">
                        <span class=status_class>{p.status.code.label_fr()}</span>
                        {(p.status.code != PoleStatusCode::Actif).then(|| view! { <span class="muted status-detail">{p.status.label.clone()}</span> })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="results" data-testid="pole-table">
                <caption class="visually-hidden">"Pôles de compétitivité, par ordre alphabétique"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Pôle"</th>
                        <th scope="col">"Thèmes"</th>
                        <th scope="col">"Régions"</th>
                        <th scope="col">"Statut du label"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
