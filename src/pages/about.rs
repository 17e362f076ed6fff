//! "À propos des données" (`/a-propos`): edition, sources, licences, how complete the data is
//! (overall and per funder), the pôles' roles in the projects, and how to report an error.

use crate::app::use_data;
use crate::i18n::{t, tf};
use crate::paths::{data_url, href};
use leptos::prelude::*;
use poles_core::format::{date_fr, group_thousands};
use poles_core::model::PoleRole;
use poles_core::stats::{coverage, funder_coverage, percent, role_counts};

/// The definitions of the roles, in the order of `role_counts`.
const ROLE_TEXTS: [&str; 5] = [
    " : le pôle a labellisé le projet (les projets du FUI exigent ce label).",
    " : le pôle porte ou coordonne l'action (actions collectives, partenariats européens de clusters, instituts qu'il a fondés).",
    " : le pôle est l'un des partenaires du consortium, sans l'avoir labellisé.",
    " : le pôle a soutenu ou défendu le dossier.",
    " : la source ne le dit pas, ou aucun pôle n'est cité.",
];

#[component]
pub fn AboutPage() -> impl IntoView {
    let loaded = use_data()?;
    let d = &loaded.dataset;
    let c = coverage(&d.projects);
    let funders = funder_coverage(d, &d.projects);
    let roles = role_counts(&d.projects);
    let sources: std::collections::HashSet<&str> =
        d.projects.iter().flat_map(|p| &p.sources).chain(d.poles.iter().flat_map(|p| &p.sources)).map(String::as_str).collect();
    let (date, version) = d.meta.as_ref().map(|m| (date_fr(&m.compiled_at), m.data_version.clone())).unwrap_or_default();
    let n = |x: usize| group_thousands(x as u64);
    let share = |x: usize| tf("{} %", &[&percent(x, c.projects).to_string()]);
    let row = |label: &'static str, x: usize| view! { <tr><th scope="row">{t(label)}</th><td class="num">{n(x)}</td><td class="num">{share(x)}</td></tr> };
    Some(view! {
        <article class="record about" data-testid="about-page">
            <p class="breadcrumb"><a href=href("/")>{t("← Revenir à l'explorateur")}</a></p>
            <h1 tabindex="-1">{t("À propos des données")}</h1>
            <p class="lead">{tf("Données au {} (édition {}) : {} pôles et {} projets, plateformes et actions.", &[&date, &version, &n(d.poles.len()), &n(d.projects.len())])}</p>
            <h2>{t("Sources")}</h2>
            <p>{tf("Chaque fiche cite les pages publiques d'où viennent ses informations ({} adresses différentes) : sites des pôles, de l'État, des Régions, de Bpifrance, presse. Une information absente des sources est indiquée comme non renseignée, jamais estimée.", &[&n(sources.len())])}</p>
            <h2>{t("Licences")}</h2>
            <p>{t("Contours des régions et départements : IGN, ADMIN EXPRESS COG (édition 2018) ; codes et noms : INSEE, COG 2018 ; mise en forme france-geojson (Grégoire David) — Licence Ouverte (Etalab). Code de l'explorateur : licence MIT.")}</p>
            <h2>{t("Le rôle du pôle dans chaque projet")}</h2>
            <p>{t("Un pôle cité par un projet ne l'a pas forcément labellisé. Chaque fiche dit le rôle du pôle tel que la source l'écrit :")}</p>
            <ul class="roles" data-testid="role-definitions">
                {roles.iter().zip(ROLE_TEXTS).map(|(&(r, _), text)| view! { <li><strong>{t(PoleRole::label_fr(r))}</strong>{t(text)}</li> }).collect_view()}
            </ul>
            <div class="table-wrap">
                <table class="figures" data-testid="role-table">
                    <caption>{t("Projets par rôle du pôle")}</caption>
                    <thead><tr><th scope="col">{t("Rôle du pôle")}</th><th scope="col">{t("Projets")}</th><th scope="col">{t("Part")}</th></tr></thead>
                    <tbody>{roles.iter().map(|&(r, x)| view! {
                        <tr data-role=PoleRole::code_of(r)>
                            <th scope="row"><a href=href(&format!("/?onglet=projets&lien_pole={}", PoleRole::code_of(r)))>{t(PoleRole::label_fr(r))}</a></th>
                            <td class="num">{n(x)}</td><td class="num">{share(x)}</td>
                        </tr>
                    }).collect_view()}</tbody>
                </table>
            </div>
            <h2>{t("Complétude")}</h2>
            <div class="table-wrap">
                <table class="figures" data-testid="coverage-table">
                    <caption>{t("Complétude des projets")}</caption>
                    <thead><tr><th scope="col">{t("Information")}</th><th scope="col">{t("Projets")}</th><th scope="col">{t("Part")}</th></tr></thead>
                    <tbody>
                        {row("Au moins un montant publié", c.with_amount)}
                        {row("Territoire lu dans les sources (partenaires, porteur)", c.territory_from_sources)}
                        {row("Territoire déduit (du pôle, des financeurs)", c.territory_inferred)}
                        {row("Territoire inconnu", c.territory_unknown())}
                    </tbody>
                </table>
            </div>
            <div class="table-wrap">
                <table class="figures" data-testid="funder-coverage">
                    <caption>{t("Montants publiés par financeur")}</caption>
                    <thead><tr><th scope="col">{t("Financeur")}</th><th scope="col">{t("Lignes de financement")}</th><th scope="col">{t("avec montant publié")}</th></tr></thead>
                    <tbody>{funders.iter().map(|(id, label, lines, with)| view! {
                        <tr data-funder=id.clone()><th scope="row">{crate::i18n::tr(label)}</th><td class="num">{n(*lines)}</td><td class="num">{tf("{} ({} %)", &[&n(*with), &percent(*with, *lines).to_string()])}</td></tr>
                    }).collect_view()}</tbody>
                </table>
            </div>
            <h2>{t("Signaler une erreur")}</h2>
            <p>{t("Écrivez au responsable du site qui publie l'explorateur en donnant l'adresse de la fiche et la source publique qui la corrige. Les responsables des données corrigent le tableur des projets puis le réimportent ; modèle :")}
                " " <a href=data_url("modele-projets.csv") rel="external" download="modele-projets.csv">"modele-projets.csv"</a></p>
        </article>
    })
}
