//! A pôle's page: everything known about it, its projects and its sources.

use super::NotFound;
use crate::components::{data_lang, facts, missing_file, missing_file_page, or_unknown, region_names, theme_tags, ExternalLink, Sources, Unknown};
use crate::data::{use_data, use_index};
use crate::i18n::{count, t, tf};
use crate::paths::href;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use poles_core::format::group_thousands;
use poles_core::listing::projects_by_year_desc;
use poles_core::model::{HqPrecision, PoleRole, PoleStatusCode};
use poles_core::PHASES;

#[component]
pub fn PolePage() -> impl IntoView {
    let params = use_params_map();
    let loaded = use_data();
    move || {
        let id = params.read().get("id").unwrap_or_default();
        let loaded = loaded.clone()?;
        let data = &loaded.dataset;
        let file_error = |f: &str| use_index().and_then(|d| d.file_error(f));
        let Some(p) = data.pole(&id) else {
            if let Some(error) = file_error("poles.json") {
                return Some(missing_file_page(id, error));
            }
            return Some(view! { <NotFound detail=tf("Aucun pôle ne porte l'identifiant « {} ».", &[&id]) /> }.into_any());
        };
        let projects = projects_by_year_desc(data.projects_of_pole(&p.id));
        let n_projects = projects.len();
        let hq = match (&p.hq.city, p.hq.precision) {
            (Some(city), HqPrecision::Agglomeration) => {
                view! { <span>{city.clone()} <span class="muted">{t(" (agglomération ; commune exacte non connue)")}</span></span> }.into_any()
            }
            (Some(city), _) => view! { <span>{city.clone()}</span> }.into_any(),
            (None, _) => view! { <Unknown /> }.into_any(),
        };
        let members = match &p.members {
            Some(m) => view! {
                <span>
                    {group_thousands(m.count as u64)} {t(" membres")}
                    {match m.year { Some(y) => format!(" ({y})"), None => t(" (année non précisée)").to_string() }}
                    {m.source.clone().map(|s| view! { " — " <ExternalLink url=s label=t("source").to_string() /> })}
                </span>
            }
            .into_any(),
            None => view! { <Unknown /> }.into_any(),
        };
        let successor = p.successor_id.as_ref().and_then(|s| data.pole(s)).map(|s| (s.id.clone(), s.name.clone()));
        let predecessors: Vec<(String, String)> = p.predecessor_ids.iter().filter_map(|i| data.pole(i)).map(|x| (x.id.clone(), x.name.clone())).collect();
        let phases: Vec<(&'static str, bool)> = PHASES.iter().map(|ph| (*ph, p.phases.iter().any(|x| x == ph))).collect();
        let category = p.category_2013.as_deref().map(|c| match c {
            "mondial" => t("pôle mondial"),
            "a_vocation_mondiale" => t("pôle à vocation mondiale"),
            "national" => t("pôle national"),
            other => other,
        });
        crate::components::set_title(&[&p.name, t("pôle")]);
        let status_class = if p.status.code == PoleStatusCode::Actif { "badge badge-ok" } else { "badge" };
        Some(view! {
            <article class="record" data-testid="pole-page" data-id=p.id.clone()>
                {crate::list_return::back_link("/?onglet=poles", "← Tous les pôles")}
                <h1 tabindex="-1">{p.name.clone()}</h1>
                <p>
                    <span class=status_class>{t(p.status.code.label_fr())}</span>
                    {(p.status.label != "actif").then(|| view! { " " <span class="muted">{p.status.label.clone()}</span> })}
                </p>
                {match p.description.clone() {
                    Some(d) => view! { <p class="lead" lang=data_lang()>{d}</p> }.into_any(),
                    None => view! { <p class="lead unknown">{t("Pas de description disponible.")}</p> }.into_any(),
                }}
                {facts(vec![
                    ("Sigle", or_unknown(p.short_name.clone().map(|v| v.to_string()), t("aucun")).into_any()),
                    ("Anciens noms", if p.former_names.is_empty() { view! { <Unknown text=t("aucun connu") /> }.into_any() } else { view! { <span>{p.former_names.join(" ; ")}</span> }.into_any() }),
                    ("Site web", match p.website.clone() { Some(w) => view! { <ExternalLink url=w /> }.into_any(), None => view! { <Unknown text=t("non confirmé par les sources") /> }.into_any() }),
                    ("Siège", hq),
                    ("Régions", if p.regions.is_empty() { view! { <Unknown /> }.into_any() } else { view! { <span>{region_names(data, &p.regions)}</span> }.into_any() }),
                    ("Thèmes", theme_tags(data, &p.themes).into_any()),
                    ("Membres", members),
                    ("Catégorie en 2013", or_unknown(category.map(|v| v.to_string()), t("sans objet ou inconnue")).into_any()),
                ].into_iter()
                    .chain(p.phase_v_status.clone().map(|s| ("Labellisation 2023-2026", view! { <span lang=data_lang()>{s}</span> }.into_any())))
                    .chain(successor.map(|(id, name)| ("Devenu / intégré à", view! { <a href=href(&format!("/poles/{id}"))>{name}</a> }.into_any())))
                    .chain((!predecessors.is_empty()).then(|| ("Issu de", predecessors.into_iter().map(|(id, name)| view! { <a href=href(&format!("/poles/{id}"))>{name}</a> " " }).collect_view().into_any())))
                    .collect())}
                <section aria-labelledby="phases-title">
                    <h2 id="phases-title">{t("Phases de labellisation")}</h2>
                    <ol class="phases">
                        {phases.into_iter().map(|(ph, on)| view! {
                            <li class:on=on>
                                <span class="phase-name">{ph}</span>
                                <span class="phase-state">{t(if on { "labellisé" } else { "non labellisé ou non documenté" })}</span>
                            </li>
                        }).collect_view()}
                    </ol>
                </section>
                <section aria-labelledby="projects-title">
                    <h2 id="projects-title">{t("Projets qui citent le pôle ")} <span class="muted">{tf("({} dans les données)", &[&count(n_projects, "projet", "projets")])}</span></h2>
                    {if let Some(error) = file_error("projects.json") {
                        missing_file(error)
                    } else if projects.is_empty() {
                        view! { <p class="unknown">{t("Aucun projet de ce pôle dans les données compilées.")}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="project-list">
                                {projects.into_iter().map(|q| view! {
                                    <li data-testid="pole-project" data-id=q.id.clone()>
                                        <a href=href(&format!("/projets/{}", q.id))>{q.acronym.clone()}</a>
                                        {q.year.map(|y| format!(" ({y})"))}
                                        <span class="role-badge" data-testid="pole-project-role" data-role=PoleRole::code_of(q.pole_role)>{t(PoleRole::label_fr(q.pole_role))}</span>
                                        {q.title.clone().or(q.summary.clone()).map(|t| view! { <span class="muted" lang=data_lang()>" — " {t}</span> })}
                                    </li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                </section>
                {p.notes.clone().map(|n| view! { <section aria-labelledby="notes-title"><h2 id="notes-title">{t("Notes sur les données")}</h2><p class="notes" lang=data_lang()>{n}</p></section> })}
                <Sources sources=p.sources.clone() />
            </article>
        }.into_any())
    }
}
