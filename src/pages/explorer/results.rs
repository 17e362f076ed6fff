//! The result tables of both tabs: keyed rows kept in a pool (`crate::row_pool`: one component
//! per item, built once, kept while it leaves and re-enters the list; only its `aria-rowindex`
//! follows the position), virtualised beyond `RENDER_ALL_UP_TO` rows, and drawn a chunk at a
//! time (`crate::progressive`) so that the first paint is bounded by the screen.

use super::use_ctx;
use crate::components::{or_unknown, pole_role_links, region_names, theme_tags};
use crate::i18n::{t, tf, tr};
use crate::keyed::keys as key_list;
use crate::paths::href;
use crate::progressive::progressive;
use crate::row_pool::{RowBuilder, RowPool};
use leptos::prelude::*;
use poles_core::facets::former_name_match;
use poles_core::listing::{window as list_window, CHUNK, RENDER_ALL_UP_TO};
use poles_core::model::PoleStatusCode;
use poles_core::query::Tab;
use std::sync::Arc;

#[component]
pub fn ProjectTable() -> impl IntoView {
    let data = use_ctx().data();
    let row = move |i: usize| {
        let d = &data.loaded.dataset;
        d.projects.get(i).map(|p| {
            let funders: Vec<String> = p.funder_ids().into_iter().map(|f| tr(d.funder_label(f))).collect();
            let title = p.title.clone().or_else(|| p.summary.clone());
            let lang = title.as_ref().and(crate::components::data_lang());
            view! {
                <tr role="row" data-testid="project-row" data-id=p.id.clone()>
                    <th scope="row" role="rowheader" data-label=t("Acronyme")><a href=href(&format!("/projets/{}", p.id))>{p.acronym.clone()}</a></th>
                    <td role="cell" data-label=t("Intitulé")>
                        <span lang=lang>{or_unknown(title, t("intitulé non publié"))}</span>
                        " " <span class="kind-badge" data-testid="project-nature" data-nature=p.kind.param()>{t(p.kind.label_fr())}</span>
                    </td>
                    <td role="cell" data-label=t("Pôles")>{pole_role_links(d, p)}</td>
                    <td role="cell" data-label=t("Année")>{or_unknown(p.year.map(|y| y.to_string()), t("inconnue"))}</td>
                    <td role="cell" data-label=t("Financeurs")>{or_unknown((!funders.is_empty()).then(|| funders.join(", ")), t("non publiés"))}</td>
                </tr>
            }
        })
    };
    view! {
        <ResultsTable tab=Tab::Projets testid="project-table" caption="Projets correspondant aux filtres"
            headers=&["Acronyme", "Intitulé", "Pôles", "Année", "Financeurs"] row=Arc::new(move |i| row(i as usize).into_any()) />
    }
}

#[component]
pub fn PoleTable() -> impl IntoView {
    let ctx = use_ctx();
    let data = ctx.data();
    let row = move |i: usize| {
        let d = &data.loaded.dataset;
        d.poles.get(i).map(|p| {
            let status_class = if p.status.code == PoleStatusCode::Actif { "badge badge-ok" } else { "badge" };
            let n = data.index.projects_of_pole(i);
            let loaded = data.loaded.clone();
            // Found by a former name: say so ("Plastipolis" finds Polymeris).
            let reason = Memo::new(move |_| ctx.query.with(|q| former_name_match(&loaded.dataset.poles[i], &q.text).map(str::to_string)));
            view! {
                <tr role="row" data-testid="pole-row" data-id=p.id.clone()>
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
            headers=&["Pôle", "Thèmes", "Régions", "Projets", "Statut du label"] row=Arc::new(move |i| row(i as usize).into_any()) />
    }
}

/// The table of results shared by both tabs, virtualised beyond `RENDER_ALL_UP_TO` rows: only the
/// rows around the viewport are in the DOM (`poles_core::listing::window`), between two spacers.
#[component]
pub(super) fn ResultsTable(
    tab: Tab,
    testid: &'static str,
    caption: &'static str,
    headers: &'static [&'static str],
    /// Renders the item at this index of the dataset (its `aria-rowindex` is written by the pool).
    row: RowBuilder,
) -> impl IntoView {
    let ctx = use_ctx();
    let results = ctx.results;
    let body = NodeRef::<leptos::html::Tbody>::new();
    // While the page changes, results of the other tab may still be around: skip them.
    let total = Memo::new(move |_| results.with(|r| if r.tab == tab { r.items.len() } else { 0 }));
    let offset = RwSignal::new(0.0f64);
    let viewport = RwSignal::new(1000.0f64);
    let row_px = RwSignal::new(48.0f64);
    let win = Memo::new(move |_| list_window(total.get(), offset.get(), viewport.get(), row_px.get()));
    // Where the list is relative to the viewport; read on scroll and resize, when it is long.
    let place = move || {
        if total.get_untracked() <= RENDER_ALL_UP_TO {
            return;
        }
        if let (Some(tb), Some(w)) = (body.get_untracked(), web_sys::window()) {
            offset.set(-tb.get_bounding_client_rect().top());
            if let Some(h) = w.inner_height().ok().and_then(|h| h.as_f64()) {
                if h != viewport.get_untracked() {
                    viewport.set(h);
                }
            }
        }
    };
    let on_scroll = window_event_listener(leptos::ev::scroll, move |_| place());
    let on_resize = window_event_listener(leptos::ev::resize, move |_| place());
    on_cleanup(move || {
        on_scroll.remove();
        on_resize.remove();
    });
    // The items of the window (dataset indexes), then what is drawn of them so far.
    let keys = Memo::new(move |_| {
        let w = win.get();
        results.with(|r| {
            let items = if r.tab == tab { r.items.as_slice() } else { &[] };
            let end = w.end.min(items.len());
            key_list(items[w.start.min(end)..end].iter().copied())
        })
    });
    let drawn = progressive(keys, CHUNK, ctx.drawing);
    // The rows: a pool that moves only the rows entering or leaving (see `crate::row_pool`); then,
    // for a virtualised list, the estimated row height follows the rendered rows (cards on
    // phones are taller).
    let pool = StoredValue::new_local(RowPool::new(row));
    Effect::new(move |_| {
        let w = win.get();
        let Some(tb) = body.get() else { return };
        // + 1 for the header row, + 1 as ARIA counts from 1.
        let n = drawn.with(|keys| {
            pool.update_value(|p| p.show(&tb, keys, w.start + 2, w.before_px, w.after_px));
            keys.len()
        });
        if total.get_untracked() <= RENDER_ALL_UP_TO || n == 0 {
            return;
        }
        let missing = (w.end - w.start).saturating_sub(n) as f64 * row_px.get_untracked();
        let avg = (tb.get_bounding_client_rect().height() - w.before_px - w.after_px - missing) / n as f64;
        let old = row_px.get_untracked();
        if avg.is_finite() && avg >= 8.0 && (avg - old).abs() > old * 0.2 {
            row_px.set(avg);
        }
        place();
    });
    view! {
        <div class="table-wrap">
            <table class="results" role="table" data-testid=testid aria-rowcount=move || total.get() + 1>
                <caption class="visually-hidden">{t(caption)}</caption>
                <thead role="rowgroup">
                    <tr role="row" aria-rowindex="1">{headers.iter().map(|h| view! { <th scope="col" role="columnheader">{t(h)}</th> }).collect_view()}</tr>
                </thead>
                <tbody role="rowgroup" node_ref=body></tbody>
            </table>
        </div>
        {empty_results()}
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
