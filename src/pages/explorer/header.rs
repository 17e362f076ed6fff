//! Above the results: tabs, view switch, ignored URL values, the count and totals, coverage.

use super::{explorer_href, use_ctx};
use crate::i18n::{count, t, tf, tr};
use crate::paths::href;
use leptos::prelude::*;
use poles_core::format::{eur, group_thousands};
use poles_core::query::{Notice, Query, Sort, Tab, View};
use poles_core::stats::{coverage, percent};

#[component]
pub fn Tabs(n_projects: usize, n_poles: usize) -> impl IntoView {
    let query = use_ctx().query;
    let tab_href = move |tab: Tab| {
        query.with(|q| {
            let mut q = q.clone();
            q.tab = tab;
            if !q.sort.applies_to(tab) {
                q.sort = Sort::Nom;
            }
            explorer_href(&q)
        })
    };
    let current = move |tab: Tab| move || (query.with(|q| q.tab) == tab).then_some("page");
    view! {
        <nav class="tabs" aria-label=t("Listes")>
            <a href=move || tab_href(Tab::Projets) aria-current=current(Tab::Projets) data-testid="tab-projets">
                {t("Projets ")} <span class="tab-count">{n_projects}</span>
            </a>
            <a href=move || tab_href(Tab::Poles) aria-current=current(Tab::Poles) data-testid="tab-poles">
                {t("Pôles ")} <span class="tab-count">{n_poles}</span>
            </a>
        </nav>
    }
}

/// Liste / Carte / Statistiques, as links (the view is part of the URL).
#[component]
pub fn ViewSwitch() -> impl IntoView {
    let query = use_ctx().query;
    view! {
        <nav class="views" aria-label=t("Affichage des résultats")>
            {View::ALL.into_iter().map(|v| {
                let link = move || query.with(|q| explorer_href(&Query { view: v, ..q.clone() }));
                view! {
                    <a href=link data-testid=format!("view-{}", v.code()) aria-current=move || (query.with(|q| q.view) == v).then_some("page")>{t(v.label_fr())}</a>
                }
            }).collect_view()}
        </nav>
    }
}

/// Malformed or unknown URL values, ignored, said out loud.
#[component]
pub fn UrlNotices(notices: Memo<Vec<Notice>>) -> impl IntoView {
    move || {
        notices.with(|list| {
            (!list.is_empty()).then(|| {
                view! {
                    <div class="url-notice" role="status" data-testid="url-notice">
                        <p><strong>{t("Certains paramètres de l'adresse ont été ignorés :")}</strong></p>
                        <ul>{list.iter().map(|n| view! { <li>{tf("« {}={} » ignoré : {}", &[&n.param, &n.value, &tr(&n.reason)])}</li> }).collect_view()}</ul>
                    </div>
                }
            })
        })
    }
}

/// How complete the data is for the selection (projects tab), next to the totals.
#[component]
pub fn Coverage() -> impl IntoView {
    let ctx = use_ctx();
    let data = ctx.data();
    let text = Memo::new(move |_| {
        ctx.results.with(|r| {
            (r.tab == Tab::Projets && !r.items.is_empty()).then(|| {
                let d = &data.loaded.dataset;
                let c = coverage(r.items.iter().filter_map(|&i| d.projects.get(i)));
                let pc = |n: usize| percent(n, c.projects).to_string();
                tf(
                    "Complétude : montant publié pour {} % des projets ; territoire lu dans les sources pour {} %, déduit pour {} %, inconnu pour {} %.",
                    &[&pc(c.with_amount), &pc(c.territory_from_sources), &pc(c.territory_inferred), &pc(c.territory_unknown())],
                )
            })
        })
    });
    move || {
        text.get().map(|text| {
            view! {
                <p class="coverage" data-testid="coverage">
                    {text} " " <a href=href("/a-propos")>{t("À propos des données")}</a>
                </p>
            }
        })
    }
}

#[component]
pub fn ResultsHeader() -> impl IntoView {
    let ctx = use_ctx();
    let results = ctx.results;
    let count_text = Memo::new(move |_| {
        results.with(|r| match r.tab {
            Tab::Projets => count(r.totals.count, "projet", "projets"),
            Tab::Poles => count(r.totals.count, "pôle", "pôles"),
        })
    });
    // [published line, unpublished line, year note] on the projects tab (empty on the pôles tab).
    let totals = Memo::new(move |_| {
        results.with(|r| {
            if r.tab != Tab::Projets {
                return Vec::new();
            }
            {
                let tot = &r.totals;
                let published = if tot.with_published_amount > 0 {
                    tf("{} de financements publiés (pour {})", &[&eur(tot.amount_published), &count(tot.with_published_amount, "projet", "projets")])
                } else {
                    t("aucun montant publié").to_string()
                };
                let unpublished = count(tot.with_unpublished_amount, "projet avec un montant non publié", "projets avec un montant non publié");
                let year_note = if r.unknown_year_excluded > 0 {
                    tf(" · {} sans année connue écarté(s) par le filtre d'années", &[&group_thousands(r.unknown_year_excluded as u64)])
                } else {
                    String::new()
                };
                vec![published, unpublished, year_note]
            }
        })
    });
    let tab = Memo::new(move |_| ctx.query.with(|q| q.tab));
    let ready = Memo::new(move |_| ctx.drawing.ready.get());
    let on_sort = move |ev: leptos::ev::Event| {
        if let Some(s) = Sort::from_code(&event_target_value(&ev)) {
            ctx.update(|q| q.sort = s);
        }
    };
    view! {
        <div class="results-header">
            <div>
                // Shown once the page is drawn whole (then the list below is complete).
                {move || if ready.get() {
                    view! { <p class="result-count" data-testid="result-count" role="status" aria-live="polite" aria-atomic="true">{move || count_text.get()}</p> }.into_any()
                } else {
                    // Holds the line's place meanwhile (nothing shifts when the count comes).
                    view! { <p class="result-count" aria-hidden="true"></p> }.into_any()
                }}
                // The totals change with nearly every filter: the line is drawn anew.
                {move || totals.get().try_into().ok().map(|[published, unpublished, year_note]: [String; 3]| view! {
                    <p class="totals" data-testid="totals">
                        <span data-testid="total-published">{published}</span>
                        " · "
                        <span data-testid="total-unpublished">{unpublished}</span>
                        {year_note}
                    </p>
                })}
            </div>
            <div class="sort">
                <label for="tri">{t("Trier par")}</label>
                <select id="tri" data-testid="sort-select" on:change=on_sort prop:value=move || ctx.query.with(|q| q.sort.code())>
                    {move || {
                        let tab = tab.get();
                        let current = ctx.query.with_untracked(|q| q.sort);
                        Sort::ALL.into_iter().filter(|s| s.applies_to(tab)).map(|s| view! {
                            <option value=s.code() selected=current == s>{t(s.label_fr())}</option>
                        }).collect_view()
                    }}
                </select>
            </div>
        </div>
    }
}
