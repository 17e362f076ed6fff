//! A project's page: funding per funder, partners, pôles, territory and sources.

use super::NotFound;
use crate::app::use_data;
use crate::components::{or_unknown, pole_links, theme_tags, Sources, Unknown};
use crate::paths::href;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use poles_core::format::eur;

#[component]
pub fn ProjectPage() -> impl IntoView {
    let params = use_params_map();
    let loaded = use_data();
    move || {
        let id = params.read().get("id").unwrap_or_default();
        let loaded = loaded.clone()?;
        let data = &loaded.dataset;
        let Some(p) = data.project(&id) else {
            return Some(view! { <NotFound detail=format!("Aucun projet ne porte l'identifiant « {id} ».") /> }.into_any());
        };
        let (published, unknown) = p.published_funding();
        let funding_rows: Vec<_> = p
            .funding
            .iter()
            .map(|f| {
                let funder = data.funder(&f.funder);
                let label = funder.map(|x| x.label.clone()).unwrap_or_else(|| f.funder.clone());
                let kind = funder.map(|x| x.kind.label_fr()).unwrap_or("");
                view! {
                    <tr data-testid="funding-row" data-funder=f.funder.clone()>
                        <th scope="row">{label} <span class="muted">" — " {kind}</span></th>
                        <td class="amount">{match f.amount_eur {
                            Some(a) => view! { <span>{eur(a)}</span> }.into_any(),
                            None => view! { <span class="unknown">"montant non publié"</span> }.into_any(),
                        }}</td>
                        <td>{f.note.clone()}</td>
                    </tr>
                }
            })
            .collect();
        let territory_regions: Vec<String> = p.territory.regions.iter().map(|c| data.region_name(c).to_string()).collect();
        let territory_deps: Vec<String> = p
            .territory
            .departements
            .iter()
            .map(|c| data.departement(c).map(|d| format!("{} ({})", d.name, d.code)).unwrap_or_else(|| c.clone()))
            .collect();
        Some(view! {
            <article class="record" data-testid="project-page" data-id=p.id.clone()>
                <p class="breadcrumb"><a href=href("/?onglet=projets")>"← Tous les projets"</a></p>
                <h1 tabindex="-1">{p.acronym.clone()}</h1>
                {match p.title.clone() {
                    Some(t) => view! { <p class="subtitle">{t}</p> }.into_any(),
                    None => view! { <p class="subtitle unknown">"Intitulé complet non publié"</p> }.into_any(),
                }}
                <p class="muted">{p.kind.label_fr()}</p>
                {match p.summary.clone() {
                    Some(s) => view! { <p class="lead">{s}</p> }.into_any(),
                    None => view! { <p class="lead unknown">"Les sources ne décrivent pas l'objet du projet."</p> }.into_any(),
                }}
                <dl class="facts">
                    <dt>"Pôles labellisateurs"</dt>
                    <dd>
                        {if p.poles.is_empty() { view! { <Unknown text="aucun pôle cité par les sources" /> }.into_any() } else { pole_links(data, &p.poles).into_any() }}
                        {(!p.unresolved_poles.is_empty()).then(|| view! { <span class="muted">" ; cité(s) sans fiche : " {p.unresolved_poles.join(", ")}</span> })}
                    </dd>
                    <dt>"Année"</dt><dd>{or_unknown(p.year.map(|v| v.to_string()), "inconnue")}</dd>
                    <dt>"Appel / dispositif"</dt><dd>{or_unknown(p.call.clone().map(|v| v.to_string()), "non renseigné")}</dd>
                    <dt>"Statut"</dt><dd>{or_unknown(p.status.clone().map(|v| v.to_string()), "non renseigné")}</dd>
                    <dt>"Porteur"</dt><dd>{or_unknown(p.lead.clone().map(|v| v.to_string()), "non publié")}</dd>
                    <dt>"Partenaires"</dt><dd>{if p.partners.is_empty() { view! { <Unknown text="non publiés" /> }.into_any() } else { view! { <span>{p.partners.join(" ; ")}</span> }.into_any() }}</dd>
                    {(!p.partner_locations.is_empty()).then(|| view! { <dt>"Localisation des partenaires"</dt><dd>{p.partner_locations.join(" ; ")}</dd> })}
                    <dt>"Territoire"</dt>
                    <dd>
                        {if territory_regions.is_empty() { view! { <Unknown text="inconnu" /> }.into_any() } else { view! { <span>{territory_regions.join(", ")}</span> }.into_any() }}
                        {(!territory_deps.is_empty()).then(|| view! { <span>" — départements : " {territory_deps.join(", ")}</span> })}
                        <br />
                        <span class="muted basis">{match p.territory.basis {
                            Some(b) => format!("Territoire {}.", b.label_fr()),
                            None => "Origine de l'affectation territoriale inconnue.".to_string(),
                        }}</span>
                    </dd>
                    <dt>"Thèmes"</dt>
                    <dd>
                        {theme_tags(data, &p.themes)}
                        {(p.themes_basis == Some(poles_core::model::ThemesBasis::Poles)).then(|| view! { <span class="muted">"(thèmes du pôle, faute de mots-clés publiés)"</span> })}
                    </dd>
                    {(!p.keywords.is_empty()).then(|| view! { <dt>"Mots-clés"</dt><dd>{p.keywords.join(", ")}</dd> })}
                    <dt>"Budget total"</dt><dd>{match p.total_budget_eur { Some(b) => view! { <span>{eur(b)}</span> }.into_any(), None => view! { <Unknown text="non publié" /> }.into_any() }}</dd>
                </dl>
                <section aria-labelledby="funding-title">
                    <h2 id="funding-title">"Financements"</h2>
                    {if p.funding.is_empty() {
                        view! { <p class="unknown">"Aucun financeur publié : projet seulement labellisé, ou financement non connu."</p> }.into_any()
                    } else {
                        view! {
                            <div class="table-wrap">
                                <table class="funding" data-testid="funding-table">
                                    <caption class="visually-hidden">"Financements par financeur"</caption>
                                    <thead><tr><th scope="col">"Financeur"</th><th scope="col">"Montant"</th><th scope="col">"Précision"</th></tr></thead>
                                    <tbody>{funding_rows}</tbody>
                                </table>
                            </div>
                            <p class="funding-total" data-testid="funding-total">
                                {if published > 0.0 { format!("Total des montants publiés : {}", eur(published)) } else { "Aucun montant publié.".to_string() }}
                                {(unknown > 0 && published > 0.0).then(|| format!(" ; {unknown} ligne(s) de financement sans montant publié, non comptée(s)."))}
                            </p>
                        }.into_any()
                    }}
                </section>
                {p.notes.clone().map(|n| view! { <section aria-labelledby="notes-title"><h2 id="notes-title">"Notes sur les données"</h2><p class="notes">{n}</p></section> })}
                <Sources sources=p.sources.clone() />
            </article>
        }.into_any())
    }
}
