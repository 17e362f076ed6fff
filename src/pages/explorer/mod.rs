//! The explorer: projects and pôles in two tabs sharing one filter bar. All state lives in the
//! URL (see `poles_core::query`); this page only renders what the core computes.
//!
//! Every part reads one `Copy` context (`Ctx`: the data, the query, the results, navigation).
//! Lists are keyed (`<For/>`), one component per item whose label is computed once and whose
//! changing parts are memos, so a filter change only touches what changed.

mod chips;
mod export;
mod facet;
mod filter_bar;
mod header;
mod org_table;
mod pagination;
mod results;

use super::charts::StatsView;
use super::ctx::{explorer_href, Ctx};
use super::map::MapView;
use super::network::NetworkView;
use crate::components::missing_file;
use crate::data::use_index;
use crate::embed::use_embed;
use crate::i18n::{count, t, tf};
use crate::paths::href;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use poles_core::paging::{follow, page};
use poles_core::query::{check_against, decode_query_string, parse, to_query_string, Notice, Query, Tab, View};

#[component]
pub fn Explorer() -> impl IntoView {
    let Some(data) = use_index() else { return ().into_any() };
    let location = use_location();
    // The query string the page shows. A filter change sets it at once and updates the address
    // right after the paint (the browser's history write is slow); back/forward, links and the
    // address itself set it through the router's location.
    let search = RwSignal::new(location.search.get_untracked());
    Effect::new(move |_| {
        let s = location.search.get();
        if search.with_untracked(|x| x.trim_start_matches('?') != s.trim_start_matches('?')) {
            search.set(s);
        }
    });
    let parsed = {
        let data = data.clone();
        Memo::new(move |_| {
            let (mut q, mut notices) = parse(&decode_query_string(&search.get()));
            notices.extend(check_against(&mut q, &data.loaded.dataset));
            // An organisation the organisations do not know (once read: `Data::search` reads them)
            // is dropped, as a value is.
            if !q.organisation.is_empty() {
                let reason = data.orgs.value.with(|v| match v {
                    Some(Ok(o)) => o.by_id(&q.organisation).is_none().then_some("valeur inconnue dans les données"),
                    Some(Err(_)) => Some("les organisations n'ont pas pu être lues"),
                    None => None,
                });
                if let Some(reason) = reason {
                    let value = std::mem::take(&mut q.organisation);
                    notices.push(Notice { param: "organisation".into(), value, reason: reason.into() });
                }
            }
            (q, notices)
        })
    };
    let query = Memo::new(move |_| parsed.with(|p| p.0.clone()));
    // The results depend on the filters, not on the page shown.
    let filters = Memo::new(move |_| query.with(|q| Query { page: 0, ..q.clone() }));
    let results = {
        let data = data.clone();
        let orgs = data.orgs;
        Memo::new(move |_| {
            crate::perf::mark("pe-search-start");
            let mut r = filters.with(|q| data.search(q));
            // The organisations tab: the organisations of the matching projects (once read).
            if r.tab == Tab::Organisations {
                match orgs.get() {
                    Some(o) => filters.with(|q| o.select(&data.loaded.dataset, &mut r, q)),
                    None => r.items.clear(),
                }
            }
            crate::perf::mark("pe-search-end");
            crate::perf::measure("pe-search", "pe-search-start", "pe-search-end");
            r
        })
    };
    let shown_page = Memo::new(move |_| page(results.with(|r| r.items.len()), query.with(|q| q.page)));
    // A page past the end shows the last one, and says so with the other ignored values.
    let notices = Memo::new(move |_| {
        let mut list = parsed.with(|p| p.1.clone());
        let requested = query.with(|q| q.page);
        // (Not while the results are empty: nothing matches, or the organisations are still read.)
        if shown_page.with(|p| p.clamped) && results.with(|r| !r.items.is_empty()) {
            list.push(Notice {
                param: "page".into(),
                value: (requested + 1).to_string(),
                reason: "page au-delà de la dernière : la dernière page est affichée".into(),
            });
        }
        list
    });
    // Benchmark mark: results painted after a filter change (one mark, no growing list).
    Effect::new(move |_| {
        query.track();
        results.track();
        crate::perf::after_paint_measure();
    });
    let navigate = use_navigate();
    let embed = use_embed();
    let go = Callback::new(move |(q, replace): (Query, bool)| {
        let mut q = query.with_untracked(|now| follow(now, q));
        embed.enforce(&mut q);
        crate::perf::mark("pe-filter-start");
        // Inside an iframe every change replaces the entry: the parent's history is shared.
        let replace = replace || embed.replace_history();
        let url = explorer_href(&q);
        search.set(to_query_string(&q));
        let navigate = navigate.clone();
        // The address follows once the new results are painted (history.pushState costs about
        // 3 ms): a task after the one that marks the paint.
        crate::progressive::after_next_paint(move || {
            crate::progressive::next_task(move || {
                navigate(&url, NavigateOptions { resolve: false, replace, scroll: false, ..Default::default() });
            })
        });
    });
    let waiting_orgs = {
        let orgs = data.orgs;
        Memo::new(move |_| query.with(|q| !q.organisation.is_empty() && q.tab.of_projects()) && orgs.value.with(Option::is_none))
    };
    provide_context(Ctx { data: StoredValue::new(data.clone()), query, filters, results, page: shown_page, go, waiting_orgs });

    let d = {
        let ds = &data.loaded.dataset;
        (ds.projects.len(), ds.poles.len(), ds.poles.iter().filter(|p| p.phases.iter().any(|x| x == "2023-2026")).count())
    };
    // The tabs' badges: every project and pôle, or, in an embed with locked filters, those within
    // the lock.
    let badges = {
        let embed = use_embed();
        let mut q = Query::default();
        embed.enforce(&mut q);
        let mut within = |tab: Tab| {
            q.tab = tab;
            data.index.search(&q).items.len()
        };
        if embed.embed.locked.is_empty() {
            (d.0, d.1)
        } else {
            (within(Tab::Projets), within(Tab::Poles))
        }
    };
    // Re-render only when the view or the tab changes, not on every filter.
    let mode = Memo::new(move |_| query.with(|q| (q.view, q.tab)));
    // A tab whose data file could not be used names the error in place of its results.
    let file_errors = StoredValue::new([data.file_error("projects.json"), data.file_error("poles.json")]);
    let file_error_of = move |tab: Tab| file_errors.with_value(|e| e[(tab == Tab::Poles) as usize].clone());
    // Once the page is painted (the benchmark's `pe-ready`, the first time), and back from a
    // record opened from this list: its row gets the focus again.
    let painted = StoredValue::new(false);
    let way_back = crate::list_return::handle();
    Effect::new(move |_| {
        let list = query.with(explorer_href);
        results.track();
        crate::progressive::after_next_paint(move || {
            if !painted.try_get_value().unwrap_or(true) {
                painted.set_value(true);
                crate::perf::mark("pe-ready");
            }
            crate::list_return::restore(way_back, &list);
        });
    });
    view! {
        <h1 tabindex="-1">{t("Explorer les pôles de compétitivité et leurs projets")}</h1>
        <p class="intro">
            {tf(
                "{} liés à {} pôles, dont {} labellisés pour 2023-2026. Chaque fiche cite ses sources et le rôle du pôle.",
                &[&count(d.0, "projet, plateforme ou action", "projets, plateformes et actions"), &d.1.to_string(), &d.2.to_string()],
            )}
            " " <a href=crate::pages::understand_href() rel="external">{t("Comprendre les pôles : leur politique et leurs financeurs")}</a>
        </p>
        <header::Tabs n_projects=badges.0 n_poles=badges.1 />
        <header::UrlNotices notices=notices />
        <div class="explorer">
            <filter_bar::FilterBar />
            <section class="results-pane" class:file-missing=move || file_error_of(mode.get().1).is_some() aria-labelledby="results-title"
                on:click=move |ev| crate::list_return::remember_click(&ev, || explorer_href(&query.get_untracked()))>
                <h2 id="results-title" class="visually-hidden" tabindex="-1">{t("Résultats")}{move || shown_page.with(|p| (p.last > 0).then(|| tf(", page {} sur {}", &[&(p.index + 1).to_string(), &p.count().to_string()])))}</h2>
                <chips::ActiveFilters />
                <header::ResultsHeader />
                <header::Coverage />
                // The views a tab shows (style/main.css: the organisations tab is a list; no network of pôles).
                <div class="view-bar" data-tab=move || mode.get().1.code()>
                    <header::ViewSwitch />
                    <export::ExportMenu />
                    <header::CopyLink />
                    {(!use_embed().embed.enabled).then(|| view! {
                        <a class="embed-link" data-testid="embed-link" href=move || href(&format!("/integrer{}", query.with(to_query_string)))>{t("Intégrer cette vue dans un site")}</a>
                    })}
                </div>
                {move || match (file_error_of(mode.get().1), mode.get()) {
                    (Some(error), _) => missing_file(error),
                    // The organisation filter waits for the organisations.
                    _ if waiting_orgs.get() => crate::orgs::pending(data.orgs).into_any(),
                    (None, (View::Carte, _)) => view! { <MapView /> }.into_any(),
                    (None, (View::Stats, _)) => view! { <StatsView /> }.into_any(),
                    (None, (View::Liste, Tab::Projets)) => view! { <results::ProjectTable /> }.into_any(),
                    (None, (View::Liste, Tab::Poles)) => view! { <results::PoleTable /> }.into_any(),
                    (None, (View::Liste, Tab::Organisations)) => view! { <org_table::OrgTable /> }.into_any(),
                    (None, (View::Reseau, _)) => view! { <NetworkView /> }.into_any(),
                }}
            </section>
        </div>
    }
    .into_any()
}
