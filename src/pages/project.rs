//! A project's page: funding per funder, partners, pôles, territory and sources.

use super::organisation::OrgNames;
use super::NotFound;
use crate::components::{data_lang, facts, missing_file_page, or_unknown, pole_role_links, theme_tags, Sources, Unknown};
use crate::data::{use_data, use_index};
use crate::i18n::{t, tf};
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
            if let Some(error) = use_index().and_then(|d| d.file_error("projects.json")) {
                return Some(missing_file_page(id, error));
            }
            return Some(view! { <NotFound detail=tf("Aucun projet ne porte l'identifiant « {} ».", &[&id]) /> }.into_any());
        };
        let (published, unknown) = p.published_funding();
        let funding_rows: Vec<_> = p
            .funding
            .iter()
            .map(|f| {
                let funder = data.funder(&f.funder);
                let label = funder.map(|x| crate::i18n::tr(&x.label)).unwrap_or_else(|| f.funder.clone());
                let kind = funder.map(|x| t(x.kind.label_fr())).unwrap_or("");
                view! {
                    <tr data-testid="funding-row" data-funder=f.funder.clone()>
                        <th scope="row">{label} <span class="muted">" — " {kind}</span></th>
                        <td class="amount">{match f.amount_eur {
                            Some(a) => view! { <span>{eur(a)}</span> }.into_any(),
                            None => view! { <span class="unknown">{t("montant non publié")}</span> }.into_any(),
                        }}</td>
                        <td lang=data_lang()>{f.note.clone()}</td>
                    </tr>
                }
            })
            .collect();
        let territory_regions: Vec<String> = p.territory.regions.iter().map(|c| data.region_name(c).to_string()).collect();
        let territory_deps: Vec<String> =
            p.territory.departements.iter().map(|c| data.departement(c).map(|d| format!("{} ({})", d.name, d.code)).unwrap_or_else(|| c.clone())).collect();
        crate::components::set_title(&[&p.acronym, t("projet")]);
        Some(view! {
            <article class="record" data-testid="project-page" data-id=p.id.clone()>
                {crate::list_return::back_link("/?onglet=projets", "← Tous les projets")}
                <h1 tabindex="-1">{p.acronym.clone()}</h1>
                {match p.title.clone() {
                    Some(title) => view! { <p class="subtitle" lang=data_lang()>{title}</p> }.into_any(),
                    None => view! { <p class="subtitle unknown">{t("Intitulé complet non publié")}</p> }.into_any(),
                }}
                <p class="muted">{t(p.kind.label_fr())}</p>
                {match p.summary.clone() {
                    Some(s) => view! { <p class="lead" lang=data_lang()>{s}</p> }.into_any(),
                    None => view! { <p class="lead unknown">{t("Les sources ne décrivent pas l'objet du projet.")}</p> }.into_any(),
                }}
                {facts([
                    Some(("Pôles et leur rôle", view! {
                        <span>
                            {pole_role_links(data, p)}
                            {(!p.unresolved_poles.is_empty()).then(|| view! { <span class="muted">{t(" ; cité(s) sans fiche : ")} {p.unresolved_poles.join(", ")}</span> })}
                        </span>
                    }.into_any())),
                    Some(("Année", or_unknown(p.year.map(|v| v.to_string()), t("inconnue")).into_any())),
                    Some(("Appel / dispositif", or_unknown(p.call.clone(), t("non renseigné")).into_any())),
                    Some(("Statut", or_unknown(p.status.clone(), t("non renseigné")).into_any())),
                    Some(("Porteur", match p.lead.clone() { Some(l) => view! { <span><OrgNames names=vec![l] /></span> }.into_any(), None => view! { <Unknown text=t("non publié") /> }.into_any() })),
                    Some(("Partenaires", if p.partners.is_empty() { view! { <Unknown text=t("non publiés") /> }.into_any() } else { view! { <span><OrgNames names=p.partners.clone() /></span> }.into_any() })),
                    (!p.partner_locations.is_empty()).then(|| ("Localisation des partenaires", view! { <span>{p.partner_locations.join(" ; ")}</span> }.into_any())),
                    Some(("Territoire", view! {
                        <span>
                            {if territory_regions.is_empty() { view! { <Unknown text=t("inconnu") /> }.into_any() } else { view! { <span>{territory_regions.join(", ")}</span> }.into_any() }}
                            {(!territory_deps.is_empty()).then(|| view! { <span>{t(" — départements : ")} {territory_deps.join(", ")}</span> })}
                            <br />
                            <span class="muted basis">{match p.territory.basis {
                                Some(b) => tf("Territoire {}.", &[t(b.label_fr())]),
                                None => t("Origine de l'affectation territoriale inconnue.").to_string(),
                            }}</span>
                        </span>
                    }.into_any())),
                    Some(("Thèmes", view! {
                        <span>
                            {theme_tags(data, &p.themes)}
                            {(p.themes_basis == Some(poles_core::model::ThemesBasis::Poles)).then(|| view! { <span class="muted">{t("(thèmes du pôle, faute de mots-clés publiés)")}</span> })}
                        </span>
                    }.into_any())),
                    (!p.keywords.is_empty()).then(|| ("Mots-clés", view! { <span lang=data_lang()>{p.keywords.join(", ")}</span> }.into_any())),
                    Some(("Budget total", match p.total_budget_eur { Some(b) => view! { <span>{eur(b)}</span> }.into_any(), None => view! { <Unknown text=t("non publié") /> }.into_any() })),
                ].into_iter().flatten().collect())}
                <section aria-labelledby="funding-title">
                    <h2 id="funding-title">{t("Financements")}</h2>
                    {if p.funding.is_empty() {
                        view! { <p class="unknown">{t("Aucun financeur publié : le projet n'a pas de financement connu, ou son financement n'est pas publié.")}</p> }.into_any()
                    } else {
                        view! {
                            <div class="table-wrap">
                                <table class="funding" data-testid="funding-table">
                                    <caption class="visually-hidden">{t("Financements par financeur")}</caption>
                                    <thead><tr><th scope="col">{t("Financeur")}</th><th scope="col">{t("Montant")}</th><th scope="col">{t("Précision")}</th></tr></thead>
                                    <tbody>{funding_rows}</tbody>
                                </table>
                            </div>
                            <p class="funding-total" data-testid="funding-total">
                                {if published > 0.0 { tf("Total des montants publiés : {}", &[&eur(published)]) } else { t("Aucun montant publié.").to_string() }}
                                {(unknown > 0 && published > 0.0).then(|| tf(" ; {} ligne(s) de financement sans montant publié, non comptée(s).", &[&unknown.to_string()]))}
                            </p>
                        }.into_any()
                    }}
                </section>
                {p.notes.clone().map(|n| view! { <section aria-labelledby="notes-title"><h2 id="notes-title">{t("Notes sur les données")}</h2><p class="notes" lang=data_lang()>{n}</p></section> })}
                <Sources sources=p.sources.clone() />
            </article>
        }.into_any())
    }
}
