//! The Organisations tab's table: one row per organisation with at least one project among the
//! matching ones (`poles_core::organisations::Orgs::rows`), its figures over those projects.

use super::results::ResultsTable;
use crate::components::or_unknown;
use crate::i18n::t;
use crate::orgs::use_orgs;
use crate::pages::ctx::use_ctx;
use crate::paths::href;
use leptos::prelude::*;
use poles_core::query::Tab;
use std::sync::Arc;

#[component]
pub fn OrgTable() -> impl IntoView {
    let ctx = use_ctx();
    let orgs = use_orgs();
    view! {
        {crate::orgs::pending(orgs)}
        {move || orgs.get().map(|all| {
            let row = move |i: u64, index: Memo<usize>| {
                let o = i as usize;
                let org = &all.list[o];
                // The figures follow the filters; the name and kind are drawn once.
                let figures = move |k: usize| ctx.results.with(|r| r.figures.get(o).map_or(0, |f| f[k]));
                view! {
                    <tr role="row" data-testid="organisation-row" data-id=org.id.clone() aria-rowindex=index>
                        <th scope="row" role="rowheader" data-label=t("Organisation")><a href=href(&format!("/organisations/{}", org.id))>{org.name.clone()}</a></th>
                        <td role="cell" data-label=t("Nature")>{or_unknown(org.kind.map(|k| t(k.label_fr()).to_string()), t("non établie"))}</td>
                        <td role="cell" data-label=t("Projets") data-testid="organisation-row-projects">{move || figures(0)}</td>
                        <td role="cell" data-label=t("Pôles")>{move || figures(1)}</td>
                        <td role="cell" data-label=t("Régions")>{move || figures(2)}</td>
                    </tr>
                }
                .into_any()
            };
            view! {
                <ResultsTable tab=Tab::Organisations testid="organisation-table" caption="Organisations dont un projet correspond aux filtres"
                    headers=&["Organisation", "Nature", "Projets", "Pôles", "Régions"] row=Arc::new(row) />
            }
        })}
    }
}
