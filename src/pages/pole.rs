//! A pôle's page: everything known about it, its projects and its sources.

use super::NotFound;
use crate::app::use_data;
use crate::components::{or_unknown, region_names, theme_tags, ExternalLink, Sources, Unknown};
use crate::paths::href;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use poles_core::format::{count, group_thousands};
use poles_core::listing::projects_by_year_desc;
use poles_core::model::{HqPrecision, PoleStatusCode};
use poles_core::PHASES;

#[component]
pub fn PolePage() -> impl IntoView {
    let params = use_params_map();
    let loaded = use_data();
    move || {
        let id = params.read().get("id").unwrap_or_default();
        let loaded = loaded.clone()?;
        let data = &loaded.dataset;
        let Some(p) = data.pole(&id) else {
            return Some(view! { <NotFound detail=format!("Aucun pôle ne porte l'identifiant « {id} ».") /> }.into_any());
        };
        let projects = projects_by_year_desc(data.projects_of_pole(&p.id));
        let n_projects = projects.len();
        let hq = match (&p.hq.city, p.hq.precision) {
            (Some(city), HqPrecision::Agglomeration) => view! { <span>{city.clone()} <span class="muted">" (agglomération ; commune exacte non connue)"</span></span> }.into_any(),
            (Some(city), _) => view! { <span>{city.clone()}</span> }.into_any(),
            (None, _) => view! { <Unknown /> }.into_any(),
        };
        let members = match &p.members {
            Some(m) => view! {
                <span>
                    {group_thousands(m.count as u64)} " membres"
                    {match m.year { Some(y) => format!(" ({y})"), None => " (année non précisée)".to_string() }}
                    {m.source.clone().map(|s| view! { " — " <ExternalLink url=s label="source".to_string() /> })}
                </span>
            }.into_any(),
            None => view! { <Unknown /> }.into_any(),
        };
        let successor = p.successor_id.as_ref().and_then(|s| data.pole(s)).map(|s| (s.id.clone(), s.name.clone()));
        let predecessors: Vec<(String, String)> = p.predecessor_ids.iter().filter_map(|i| data.pole(i)).map(|x| (x.id.clone(), x.name.clone())).collect();
        let phases: Vec<(&'static str, bool)> = PHASES.iter().map(|ph| (*ph, p.phases.iter().any(|x| x == ph))).collect();
        let category = p.category_2013.as_deref().map(|c| match c {
            "mondial" => "pôle mondial",
            "a_vocation_mondiale" => "pôle à vocation mondiale",
            "national" => "pôle national",
            other => other,
        });
        let status_class = if p.status.code == PoleStatusCode::Actif { "badge badge-ok" } else { "badge" };
        Some(view! {
            <article class="record" data-testid="pole-page" data-id=p.id.clone()>
                <p class="breadcrumb"><a href=href("/?onglet=poles")>"← Tous les pôles"</a></p>
                <h1 tabindex="-1">{p.name.clone()}</h1>
                <p>
                    <span class=status_class>{p.status.code.label_fr()}</span>
                    {(p.status.label != "actif").then(|| view! { " " <span class="muted">{p.status.label.clone()}</span> })}
                </p>
                {match p.description.clone() {
                    Some(d) => view! { <p class="lead">{d}</p> }.into_any(),
                    None => view! { <p class="lead unknown">"Pas de description disponible."</p> }.into_any(),
                }}
                <dl class="facts">
                    <dt>"Sigle"</dt><dd>{or_unknown(p.short_name.clone().map(|v| v.to_string()), "aucun")}</dd>
                    <dt>"Anciens noms"</dt><dd>{if p.former_names.is_empty() { view! { <Unknown text="aucun connu" /> }.into_any() } else { view! { <span>{p.former_names.join(" ; ")}</span> }.into_any() }}</dd>
                    <dt>"Site web"</dt><dd>{match p.website.clone() { Some(w) => view! { <ExternalLink url=w /> }.into_any(), None => view! { <Unknown text="non confirmé par les sources" /> }.into_any() }}</dd>
                    <dt>"Siège"</dt><dd>{hq}</dd>
                    <dt>"Régions"</dt><dd>{if p.regions.is_empty() { view! { <Unknown /> }.into_any() } else { view! { <span>{region_names(data, &p.regions)}</span> }.into_any() }}</dd>
                    <dt>"Thèmes"</dt><dd>{theme_tags(data, &p.themes)}</dd>
                    <dt>"Membres"</dt><dd>{members}</dd>
                    <dt>"Catégorie en 2013"</dt><dd>{or_unknown(category.map(|v| v.to_string()), "sans objet ou inconnue")}</dd>
                    {p.phase_v_status.clone().map(|s| view! { <dt>"Labellisation 2023-2026"</dt><dd>{s}</dd> })}
                    {successor.map(|(id, name)| view! { <dt>"Devenu / intégré à"</dt><dd><a href=href(&format!("/poles/{id}"))>{name}</a></dd> })}
                    {(!predecessors.is_empty()).then(|| view! {
                        <dt>"Issu de"</dt>
                        <dd>{predecessors.into_iter().map(|(id, name)| view! { <a href=href(&format!("/poles/{id}"))>{name}</a> " " }).collect_view()}</dd>
                    })}
                </dl>
                <section aria-labelledby="phases-title">
                    <h2 id="phases-title">"Phases de labellisation"</h2>
                    <ol class="phases">
                        {phases.into_iter().map(|(ph, on)| view! {
                            <li class:on=on>
                                <span class="phase-name">{ph}</span>
                                <span class="phase-state">{if on { "labellisé" } else { "non labellisé ou non documenté" }}</span>
                            </li>
                        }).collect_view()}
                    </ol>
                </section>
                <section aria-labelledby="projects-title">
                    <h2 id="projects-title">"Projets labellisés " <span class="muted">"(" {count(n_projects, "projet", "projets")} " dans les données)"</span></h2>
                    {if projects.is_empty() {
                        view! { <p class="unknown">"Aucun projet de ce pôle dans les données compilées."</p> }.into_any()
                    } else {
                        view! {
                            <ul class="project-list">
                                {projects.into_iter().map(|q| view! {
                                    <li data-testid="pole-project" data-id=q.id.clone()>
                                        <a href=href(&format!("/projets/{}", q.id))>{q.acronym.clone()}</a>
                                        {q.year.map(|y| format!(" ({y})"))}
                                        {q.title.clone().or(q.summary.clone()).map(|t| view! { <span class="muted">" — " {t}</span> })}
                                    </li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                </section>
                {p.notes.clone().map(|n| view! { <section aria-labelledby="notes-title"><h2 id="notes-title">"Notes sur les données"</h2><p class="notes">{n}</p></section> })}
                <Sources sources=p.sources.clone() />
            </article>
        }.into_any())
    }
}
