//! The result tables of the three tabs: a page of keyed rows (`poles_core::paging`, 50 at most),
//! each built once while it stays on the page; only its `aria-rowindex` (a memo of its own)
//! follows its position. The pagination bar comes after the table.

use crate::components::{or_unknown, region_names, theme_tags};
use crate::i18n::{t, tf};
use crate::keyed::{keys as key_list, Keyed};
use crate::pages::ctx::use_ctx;
use crate::paths::href;
use leptos::prelude::*;
use poles_core::facets::former_name_match;
use poles_core::model::PoleStatusCode;
use poles_core::query::Tab;
use poles_core::result_rows::project_cells;
use std::sync::Arc;

#[component]
pub fn ProjectTable() -> impl IntoView {
    let data = use_ctx().data();
    // The cells as one string each (`poles_core::result_rows`): the browser parses them at once.
    let row = move |i: usize, index: Memo<usize>| {
        let d = &data.loaded.dataset;
        d.projects.get(i).map(|p| {
            view! { <tr role="row" data-testid="project-row" data-id=p.id.clone() aria-rowindex=index inner_html=project_cells(&crate::components::core_words(), d, p)></tr> }
        })
    };
    view! {
        <ResultsTable tab=Tab::Projets testid="project-table" caption="Projets correspondant aux filtres"
            headers=&["Acronyme", "Intitulé", "Pôles", "Année", "Financeurs"] row=Arc::new(move |i, index| row(i as usize, index).into_any()) />
    }
}

#[component]
pub fn PoleTable() -> impl IntoView {
    let ctx = use_ctx();
    let data = ctx.data();
    let row = move |i: usize, index: Memo<usize>| {
        let d = &data.loaded.dataset;
        d.poles.get(i).map(|p| {
            let status_class = if p.status.code == PoleStatusCode::Actif { "badge badge-ok" } else { "badge" };
            let n = data.index.projects_of_pole(i);
            let loaded = data.loaded.clone();
            // Found by a former name: say so ("Plastipolis" finds Polymeris).
            let reason = Memo::new(move |_| ctx.filters.with(|q| former_name_match(&loaded.dataset.poles[i], &q.text).map(str::to_string)));
            view! {
                <tr role="row" data-testid="pole-row" data-id=p.id.clone() aria-rowindex=index>
                    <th scope="row" role="rowheader" data-label=t("Pôle")>
                        <a href=href(&format!("/poles/{}", p.id))>{p.name.clone()}</a>
                        {p.short_name.clone().filter(|s| *s != p.name).map(|s| view! { <span class="muted">" (" {s} ")"</span> })}
                        {move || reason.get().map(|n| view! {
                            <span class="muted match-reason" data-testid="match-reason">{tf(" — anciennement « {} »", &[&n])}</span>
                        })}
                    </th>
                    <td role="cell" data-label=t("Thèmes")>{theme_tags(d, &p.themes)}</td>
                    <td role="cell" data-label=t("Régions")>{or_unknown((!p.regions.is_empty()).then(|| region_names(d, &p.regions)), t("non renseignées"))}</td>
                    <td role="cell" data-label=t("Projets")>{n}</td>
                    <td role="cell" data-label=t("Label")>
                        <span class=status_class>{t(p.status.code.label_fr())}</span>
                        {(p.status.code != PoleStatusCode::Actif).then(|| view! { <span class="muted status-detail">{p.status.label.clone()}</span> })}
                    </td>
                </tr>
            }
        })
    };
    view! {
        <ResultsTable tab=Tab::Poles testid="pole-table" caption="Pôles correspondant aux filtres"
            headers=&["Pôle", "Thèmes", "Régions", "Projets", "Statut du label"] row=Arc::new(move |i, index| row(i as usize, index).into_any()) />
    }
}

/// Builds the row of a dataset index (a `tr` element whose `aria-rowindex` is the memo given).
pub(super) type RowBuilder = Arc<dyn Fn(u64, Memo<usize>) -> AnyView + Send + Sync>;

/// The table of results shared by the tabs: the rows of the page shown, then the pagination bar.
#[component]
pub(super) fn ResultsTable(tab: Tab, testid: &'static str, caption: &'static str, headers: &'static [&'static str], row: RowBuilder) -> impl IntoView {
    let ctx = use_ctx();
    let (results, page) = (ctx.results, ctx.page);
    // While the page changes, results of the other tab may still be around: skip them.
    let total = Memo::new(move |_| results.with(|r| if r.tab == tab { r.items.len() } else { 0 }));
    // The items of the page (dataset indexes).
    let keys = Memo::new(move |_| {
        let p = page.get();
        results.with(|r| if r.tab == tab { key_list(r.items[p.start.min(r.items.len())..p.end.min(r.items.len())].iter().copied()) } else { Vec::new() })
    });
    let child = Arc::new(move |k: u64| {
        // + 1 for the header row, + 1 as ARIA counts from 1.
        let index = Memo::new(move |_| keys.with(|ks| ks.iter().position(|&x| x == k)).map_or(0, |pos| page.with(|p| p.start) + pos + 2));
        row(k, index)
    });
    view! {
        <div class="table-wrap">
            <table class="results" role="table" data-testid=testid aria-rowcount=move || total.get() + 1>
                <caption class="visually-hidden">{t(caption)}</caption>
                <thead role="rowgroup">
                    <tr role="row" aria-rowindex="1">{headers.iter().map(|h| view! { <th scope="col" role="columnheader">{t(h)}</th> }).collect_view()}</tr>
                </thead>
                <tbody role="rowgroup"><Keyed each=keys child=child /></tbody>
            </table>
        </div>
        {empty_results()}
        <super::pagination::Pagination />
    }
}

fn empty_results() -> impl IntoView {
    let results = use_ctx().results;
    let empty = Memo::new(move |_| results.with(|r| r.items.is_empty() && (r.tab != Tab::Organisations || !r.figures.is_empty())));
    move || {
        empty.get().then(|| {
            view! {
                <p class="empty" data-testid="no-results">{t("Aucun résultat pour ces filtres. Retirez un filtre ou effacez-les tous.")}</p>
            }
        })
    }
}
