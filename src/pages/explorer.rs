//! The explorer: projects and pôles in two tabs sharing one filter bar. All state lives in the
//! URL (see `poles_core::query`); this page only renders what the core computes.

use crate::app::{use_index, Data};
use crate::embed::use_embed;
use crate::components::{or_unknown, pole_links, region_names, theme_tags};
use crate::paths::href;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use poles_core::engine::Results;
use poles_core::facets::{chips, former_name_match, listed, options, show_departements, FacetOption, FILTERABLE_FROM};
use crate::i18n::{count, t, tf, tr};
use poles_core::format::{eur, group_thousands};
use poles_core::listing::{window as list_window, RENDER_ALL_UP_TO};
use poles_core::export::{aggregate_table, poles_table, projects_table, selection_json, to_csv, Dimension, ExportMeta};
use poles_core::model::{Pole, Project};
use poles_core::stats::{coverage, percent};
use crate::download::download;
use poles_core::model::PoleStatusCode;
use super::charts::StatsView;
use super::map::MapView;
use poles_core::query::{check_against, decode_query_string, format, parse, Facet, FunderMode, Notice, Query, Sort, Tab, ValueState, View};
use std::time::Duration;

#[component]
pub fn Explorer() -> impl IntoView {
    let Some(data) = use_index() else { return ().into_any() };
    let location = use_location();
    let parsed = {
        let data = data.clone();
        Memo::new(move |_| {
            let (mut q, mut notices) = parse(&decode_query_string(&location.search.get()));
            notices.extend(check_against(&mut q, &data.loaded.dataset));
            (q, notices)
        })
    };
    let query = Memo::new(move |_| parsed.with(|p| p.0.clone()));
    let notices = Memo::new(move |_| parsed.with(|p| p.1.clone()));
    let results = {
        let index = data.index.clone();
        Memo::new(move |_| {
            crate::perf::mark("pe-search-start");
            let r = query.with(|q| index.search(q));
            crate::perf::mark("pe-search-end");
            crate::perf::measure("pe-search", "pe-search-start", "pe-search-end");
            r
        })
    };
    // Benchmark mark: results painted after a filter change.
    Effect::new(move |_| {
        results.track();
        crate::perf::after_paint_measure();
    });
    let navigate = use_navigate();
    let embed = use_embed();
    let go = {
        let embed = embed.clone();
        Callback::new(move |(mut q, replace): (Query, bool)| {
            embed.enforce(&mut q);
            crate::perf::mark("pe-filter-start");
            let url = href(&format!("/{}", format(&q)));
            // Inside an iframe every change replaces the entry: the parent's history is shared.
            let replace = replace || embed.replace_history();
            navigate(&url, NavigateOptions { resolve: false, replace, scroll: false, ..Default::default() });
        })
    };

    let d = {
        let ds = &data.loaded.dataset;
        (ds.projects.len(), ds.poles.len(), ds.poles.iter().filter(|p| p.is_labelled()).count())
    };
    view! {
        <h1 tabindex="-1">{t("Explorer les pôles de compétitivité et leurs projets")}</h1>
        <p class="intro">
            {tf(
                "{} labellisés par {} pôles, dont {} labellisés pour 2023-2026. Chaque fiche cite ses sources.",
                &[&count(d.0, "projet, plateforme ou action", "projets, plateformes et actions"), &d.1.to_string(), &d.2.to_string()],
            )}
        </p>
        <Tabs query=query n_projects=d.0 n_poles=d.1 />
        <UrlNotices notices=notices />
        <div class="explorer">
            <FilterBar data=data.clone() query=query results=results go=go />
            <section class="results-pane" aria-labelledby="results-title">
                <h2 id="results-title" class="visually-hidden" tabindex="-1">{t("Résultats")}</h2>
                <ActiveFilters data=data.clone() query=query go=go />
                <ResultsHeader query=query results=results go=go />
                <Coverage data=data.clone() results=results />
                <div class="view-bar">
                    <ViewSwitch query=query />
                    <ExportMenu data=data.clone() results=results />
                    {(!use_embed().embed.enabled).then(|| view! {
                        <a class="embed-link" data-testid="embed-link" href=move || href(&format!("/integrer{}", format(&query.get())))>{t("Intégrer cette vue dans un site")}</a>
                    })}
                </div>
                {
                    let data = data.clone();
                    // Re-render only when the view or the tab changes, not on every filter.
                    let mode = Memo::new(move |_| query.with(|q| (q.view, q.tab)));
                    move || match mode.get() {
                        (View::Carte, _) => view! { <MapView data=data.clone() query=query results=results go=go /> }.into_any(),
                        (View::Stats, _) => view! { <StatsView data=data.clone() query=query results=results go=go /> }.into_any(),
                        (View::Liste, Tab::Projets) => view! { <ProjectTable data=data.clone() results=results /> }.into_any(),
                        (View::Liste, Tab::Poles) => view! { <PoleTable data=data.clone() query=query results=results /> }.into_any(),
                    }
                }
            </section>
        </div>
    }
    .into_any()
}


#[component]
fn Tabs(query: Memo<Query>, n_projects: usize, n_poles: usize) -> impl IntoView {
    let tab_href = move |tab: Tab| {
        let mut q = query.get();
        q.tab = tab;
        if !q.sort.applies_to(tab) {
            q.sort = Sort::Nom;
        }
        href(&format!("/{}", format(&q)))
    };
    view! {
        <nav class="tabs" aria-label=t("Listes")>
            <a href=move || tab_href(Tab::Projets) aria-current=move || (query.with(|q| q.tab) == Tab::Projets).then_some("page") data-testid="tab-projets">
                {t("Projets ")} <span class="tab-count">{n_projects}</span>
            </a>
            <a href=move || tab_href(Tab::Poles) aria-current=move || (query.with(|q| q.tab) == Tab::Poles).then_some("page") data-testid="tab-poles">
                {t("Pôles ")} <span class="tab-count">{n_poles}</span>
            </a>
        </nav>
    }
}

/// Liste / Carte / Statistiques, as links (the view is part of the URL).
#[component]
fn ViewSwitch(query: Memo<Query>) -> impl IntoView {
    view! {
        <nav class="views" aria-label=t("Affichage des résultats")>
            {View::ALL.into_iter().map(|v| {
                let link = move || href(&format!("/{}", format(&Query { view: v, ..query.get() })));
                view! {
                    <a href=link data-testid=format!("view-{}", v.code()) aria-current=move || (query.with(|q| q.view) == v).then_some("page")>{t(v.label_fr())}</a>
                }
            }).collect_view()}
        </nav>
    }
}

/// Malformed or unknown URL values, ignored, said out loud.
#[component]
fn UrlNotices(notices: Memo<Vec<Notice>>) -> impl IntoView {
    move || {
        let list = notices.get();
        (!list.is_empty()).then(|| {
            view! {
                <div class="url-notice" role="status" data-testid="url-notice">
                    <p><strong>{t("Certains paramètres de l'adresse ont été ignorés :")}</strong></p>
                    <ul>{list.into_iter().map(|n| view! { <li>{tf("« {}={} » ignoré : {}", &[&n.param, &n.value, &tr(&n.reason)])}</li> }).collect_view()}</ul>
                </div>
            }
        })
    }
}

#[component]
fn ActiveFilters(data: Data, query: Memo<Query>, go: Callback<(Query, bool)>) -> impl IntoView {
    move || {
        let q = query.get();
        let embed = use_embed();
        // A locked filter is not offered for removal.
        let mut unlocked = q.clone();
        for f in Facet::ALL.into_iter().filter(|f| embed.is_locked(*f)) {
            *unlocked.facet_mut(f) = Default::default();
        }
        let list: Vec<_> = chips(&data.loaded.dataset, &unlocked)
            .into_iter()
            .map(|mut c| {
                embed.enforce(&mut c.without);
                c
            })
            .collect();
        (!list.is_empty()).then(|| {
            let mut cleared = q.cleared();
            embed.enforce(&mut cleared);
            view! {
                <div class="chips" aria-label=t("Filtres actifs") role="group">
                    <ul>
                        {list.into_iter().map(|c| {
                            let without = c.without.clone();
                            let aria = tf("Retirer le filtre {}", &[&c.label]);
                            view! {
                                <li>
                                    <button type="button" class="chip" data-testid="filter-chip" aria-label=aria on:click=move |_| go.run((without.clone(), false))>
                                        {c.label} <span aria-hidden="true">" ×"</span>
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    <button type="button" class="link-button" data-testid="clear-filters" on:click=move |_| go.run((cleared.clone(), false))>{t("Tout effacer")}</button>
                </div>
            }
        })
    }
}

/// How complete the data is for the selection (projects tab), next to the totals.
#[component]
fn Coverage(data: Data, results: Memo<Results>) -> impl IntoView {
    move || {
        let r = results.get();
        (r.tab == Tab::Projets && !r.items.is_empty()).then(|| {
            let d = &data.loaded.dataset;
            let c = coverage(r.items.iter().filter_map(|&i| d.projects.get(i)));
            let pc = |n: usize| percent(n, c.projects).to_string();
            view! {
                <p class="coverage" data-testid="coverage">
                    {tf("Complétude : montant publié pour {} % des projets ; territoire lu dans les sources pour {} %, déduit pour {} %, inconnu pour {} %.",
                        &[&pc(c.with_amount), &pc(c.territory_from_sources), &pc(c.territory_inferred), &pc(c.territory_unknown())])}
                    " " <a href=href("/a-propos")>{t("À propos des données")}</a>
                </p>
            }
        })
    }
}

/// "Exporter": the selection as CSV (comma, or semicolon for Excel) or JSON, and aggregates by
/// region, pôle and funder; each file says which view, data version and date it comes from.
#[component]
fn ExportMenu(data: Data, results: Memo<Results>) -> impl IntoView {
    let run = Callback::new(move |kind: u8| {
        let d = &data.loaded.dataset;
        let meta = ExportMeta {
            url: window().location().href().unwrap_or_default(),
            data_version: d.meta.as_ref().map(|m| m.data_version.clone()).unwrap_or_default(),
            exported_at: crate::download::today(),
        };
        results.with_untracked(|r| {
            let projects: Vec<&Project> = if r.tab == Tab::Projets { r.items.iter().filter_map(|&i| d.projects.get(i)).collect() } else { Vec::new() };
            let (what, key) = if r.tab == Tab::Poles { ("poles", "poles") } else { ("projets", "projects") };
            let (header, rows) = if r.tab == Tab::Poles {
                poles_table(d, &r.items.iter().filter_map(|&i| d.poles.get(i)).collect::<Vec<&Pole>>())
            } else {
                projects_table(&projects)
            };
            let ((header, rows), suffix) = match kind {
                3 => (aggregate_table(d, &projects, Dimension::Region), "par-region"),
                4 => (aggregate_table(d, &projects, Dimension::Pole), "par-pole"),
                5 => (aggregate_table(d, &projects, Dimension::Funder), "par-financeur"),
                _ => ((header, rows), what),
            };
            let sep = if kind == 0 { ',' } else { ';' };
            let name = format!("poles-explorer-{suffix}{}-{}.{}", if kind == 1 { "-excel" } else { "" }, meta.exported_at, if kind == 2 { "json" } else { "csv" });
            if kind == 2 {
                download(&name, "application/json", &selection_json(&header, &rows, key, &meta));
            } else {
                download(&name, "text/csv;charset=utf-8", &to_csv(&header, &rows, sep, true, Some((&meta, suffix))));
            }
        });
    });
    let projects_tab = move || results.with(|r| r.tab == Tab::Projets);
    let item = move |kind: u8, testid: &'static str, label: &'static str| view! {
        <li><button type="button" class="link-button" data-testid=testid on:click=move |_| run.run(kind)>{t(label)}</button></li>
    };
    view! {
        <details class="export" data-testid="export-menu">
            <summary>{t("Exporter")}</summary>
            <div class="export-panel">
            <ul>
                {item(0, "export-csv", "CSV de la sélection")}
                {item(1, "export-csv-excel", "CSV pour Excel (séparateur ;)")}
                {item(2, "export-json", "JSON de la sélection")}
                {move || projects_tab().then(|| view! {
                    {item(3, "export-region", "Chiffres par région (CSV)")}
                    {item(4, "export-pole", "Chiffres par pôle (CSV)")}
                    {item(5, "export-funder", "Chiffres par financeur (CSV)")}
                })}
            </ul>
            <p class="hint">{t("Chaque fichier indique l'adresse de la vue, la version des données et la date de l'export.")}</p>
            </div>
        </details>
    }
}

#[component]
fn ResultsHeader(query: Memo<Query>, results: Memo<Results>, go: Callback<(Query, bool)>) -> impl IntoView {
    let count_text = move || {
        let r = results.get();
        match r.tab {
            Tab::Projets => count(r.totals.count, "projet", "projets"),
            Tab::Poles => count(r.totals.count, "pôle", "pôles"),
        }
    };
    let totals = move || {
        let r = results.get();
        (r.tab == Tab::Projets).then(|| {
            let tot = &r.totals;
            let published = if tot.with_published_amount > 0 {
                tf("{} de financements publiés (pour {})", &[&eur(tot.amount_published), &count(tot.with_published_amount, "projet", "projets")])
            } else {
                t("aucun montant publié").to_string()
            };
            let year_note = (r.unknown_year_excluded > 0).then(|| {
                tf(" · {} sans année connue écarté(s) par le filtre d'années", &[&group_thousands(r.unknown_year_excluded as u64)])
            });
            view! {
                <p class="totals" data-testid="totals">
                    <span data-testid="total-published">{published}</span>
                    " · "
                    <span data-testid="total-unpublished">{count(tot.with_unpublished_amount, "projet avec un montant non publié", "projets avec un montant non publié")}</span>
                    {year_note}
                </p>
            }
        })
    };
    let on_sort = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        if let Some(s) = Sort::from_code(&v) {
            let mut q = query.get_untracked();
            q.sort = s;
            go.run((q, false));
        }
    };
    view! {
        <div class="results-header">
            <div>
                <p class="result-count" data-testid="result-count" role="status" aria-live="polite" aria-atomic="true">{count_text}</p>
                {totals}
            </div>
            <div class="sort">
                <label for="tri">{t("Trier par")}</label>
                <select id="tri" data-testid="sort-select" on:change=on_sort>
                    {move || {
                        let q = query.get();
                        Sort::ALL.into_iter().filter(|s| s.applies_to(q.tab)).map(|s| view! {
                            <option value=s.code() selected=q.sort == s>{t(s.label_fr())}</option>
                        }).collect_view()
                    }}
                </select>
            </div>
        </div>
    }
}

#[component]
fn FilterBar(data: Data, query: Memo<Query>, results: Memo<Results>, go: Callback<(Query, bool)>) -> impl IntoView {
    let tab = Memo::new(move |_| query.with(|q| q.tab));
    // On a phone the filters start folded so that the results are seen first.
    let open = !is_narrow_screen();
    let active = {
        let data = data.clone();
        move || {
            let n = query.with(|q| chips(&data.loaded.dataset, q).len());
            if n == 0 { String::new() } else { tf(if n > 1 { " ({} actifs)" } else { " ({} actif)" }, &[&n.to_string()]) }
        }
    };
    let facet_view = move |facet: Facet| {
        let data = data.clone();
        if use_embed().is_locked(facet) {
            let labels = query.with_untracked(|q| {
                let sel = q.facet(facet);
                sel.include.iter().map(|v| poles_core::facets::value_label(&data.loaded.dataset, facet, v)).collect::<Vec<_>>().join(", ")
            });
            return view! {
                <div class="facet locked" data-testid="locked-facet" data-facet=facet.param()>
                    <p><strong>{t(facet.label_fr())} {t(" : ")}</strong>{if labels.is_empty() { t("toutes").to_string() } else { labels }}</p>
                    <p class="hint">{t("Filtre fixé par le site qui intègre l'explorateur.")}</p>
                </div>
            }
            .into_any();
        }
        let opts = Memo::new(move |_| query.with(|q| results.with(|r| options(&data.loaded.dataset, &data.index, q, r, facet))));
        view! { <FacetBox facet=facet options=opts query=query go=go /> }.into_any()
    };
    view! {
        <aside class="filters" aria-label=t("Filtres")>
            // Keyboard users can jump over the long filter lists.
            <button type="button" class="skip-results link-button" data-testid="skip-to-results" on:click=|_| crate::components::focus("#results-title")>{t("Aller aux résultats")}</button>
            <details class="filters-toggle" open=open>
                <summary data-testid="filters-summary">{t("Filtres")} {active}</summary>
                <SearchBox query=query go=go />
                {facet_view(Facet::Region)}
                <p class="rule">{t("Un projet correspond à une région si l'une de ses régions y correspond ; un pôle, s'il couvre la région (et, pour un département, si son siège s'y trouve).")}</p>
                {let fv = facet_view.clone(); move || query.with(show_departements).then(|| fv(Facet::Departement))}
                {facet_view(Facet::Theme)}
                {let fv = facet_view.clone(); move || (tab.get() == Tab::Projets).then(|| view! {
                    {fv(Facet::Financeur)}
                    <FunderModeSwitch query=query go=go />
                    {fv(Facet::Pole)}
                    <YearRange query=query go=go />
                })}
                {let fv = facet_view.clone(); move || (tab.get() == Tab::Poles).then(|| fv(Facet::Phase))}
            </details>
        </aside>
    }
}

fn is_narrow_screen() -> bool {
    window().match_media("(max-width: 56rem)").ok().flatten().is_some_and(|m| m.matches())
}

#[component]
fn SearchBox(query: Memo<Query>, go: Callback<(Query, bool)>) -> impl IntoView {
    let text = RwSignal::new(query.get_untracked().text);
    let sent = StoredValue::new(query.get_untracked().text);
    // Back/forward or a chip changes the URL: show its text (unless it is what we just sent).
    Effect::new(move |_| {
        let t = query.with(|q| q.text.clone());
        if t != sent.get_value() {
            sent.set_value(t.clone());
            text.set(t);
        }
    });
    let commit = move |replace: bool| {
        let t = text.get_untracked().trim().to_string();
        if t == query.get_untracked().text {
            return;
        }
        sent.set_value(t.clone());
        let mut q = query.get_untracked();
        q.text = t;
        go.run((q, replace));
    };
    let on_input = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        text.set(v.clone());
        set_timeout(
            move || {
                if text.get_untracked() == v {
                    commit(true);
                }
            },
            Duration::from_millis(250),
        );
    };
    view! {
        <div class="search">
            <label for="q">{t("Rechercher")}</label>
            <input id="q" type="search" data-testid="search-input" autocomplete="off" spellcheck="false"
                placeholder=t("acronyme, titre, partenaire, pôle…")
                prop:value=move || text.get()
                on:input=on_input
                on:change=move |_| commit(true)
                on:keydown=move |ev| if ev.key() == "Enter" { commit(true) } />
            <p class="hint">{t("Sans tenir compte des accents ni des majuscules.")}</p>
        </div>
    }
}

#[component]
fn FacetBox(facet: Facet, options: Memo<Vec<FacetOption>>, query: Memo<Query>, go: Callback<(Query, bool)>) -> impl IntoView {
    let set_state = move |value: String, state: ValueState| {
        let mut q = query.get_untracked();
        q.facet_mut(facet).set(&value, state);
        go.run((q, false));
    };
    // Long lists scroll and can be filtered by text; a list of thousands shows the first
    // `LISTED_AT_MOST` (the others are reached by filtering), see `poles_core::facets::listed`.
    let long = move || options.with(|o| o.len() > 10);
    let filter = RwSignal::new(String::new());
    let filterable = Memo::new(move |_| options.with(|o| o.len() > FILTERABLE_FROM));
    let shown = Memo::new(move |_| options.with(|o| filter.with(|f| listed(o, f))));
    let hint = move || {
        let (list, left) = shown.get();
        if left > 0 {
            Some(tf("{} autres valeurs : filtrez la liste pour les voir.", &[&group_thousands(left as u64)]))
        } else if list.is_empty() && !filter.with(|f| f.trim().is_empty()) {
            Some(t("Aucune valeur ne correspond.").to_string())
        } else {
            None
        }
    };
    view! {
        <fieldset class="facet" data-facet=facet.param()>
            <legend>{t(facet.label_fr())}</legend>
            {move || filterable.get().then(|| view! {
                <input type="search" class="facet-filter" data-testid="facet-filter" data-facet=facet.param()
                    aria-label=tf("Filtrer la liste : {}", &[t(facet.label_fr())]) placeholder=t("Filtrer la liste…")
                    autocomplete="off" prop:value=move || filter.get()
                    on:input=move |ev| filter.set(event_target_value(&ev)) />
            })}
            <ul class="facet-options" class:long=long>
                {move || {
                    let opts = options.get();
                    shown.get().0.into_iter().filter_map(|k| opts.get(k).cloned()).map(move |o| {
                        let included = o.state == ValueState::Included;
                        let excluded = o.state == ValueState::Excluded;
                        let (v1, v2) = (o.value.clone(), o.value.clone());
                        let state_code = match o.state { ValueState::Off => "off", ValueState::Included => "included", ValueState::Excluded => "excluded" };
                        let label = tr(&o.label);
                        let exclude_label = tf(if excluded { "Ne plus exclure {}" } else { "Exclure {}" }, &[&label]);
                        view! {
                            <li class="facet-option" class:excluded=excluded class:empty=!o.enabled>
                                <button type="button" role="checkbox" class="option"
                                    aria-checked=if included { "true" } else { "false" }
                                    data-testid="facet-option" data-facet=facet.param() data-value=o.value.clone()
                                    data-count=o.count data-state=state_code
                                    disabled=!o.enabled
                                    on:click=move |_| set_state(v1.clone(), if included { ValueState::Off } else { ValueState::Included })>
                                    <span class="box" aria-hidden="true">{if included { "✓" } else if excluded { "−" } else { "" }}</span>
                                    <span class="option-label">{label}</span>
                                    <span class="option-count"><span class="visually-hidden">" : "</span>{o.count}</span>
                                </button>
                                <button type="button" class="exclude" aria-pressed=if excluded { "true" } else { "false" }
                                    data-testid="facet-exclude" data-facet=facet.param() data-value=o.value.clone()
                                    aria-label=exclude_label.clone() title=exclude_label
                                    on:click=move |_| set_state(v2.clone(), if excluded { ValueState::Off } else { ValueState::Excluded })>
                                    <span aria-hidden="true">"⊘"</span>
                                </button>
                            </li>
                        }
                    }).collect_view()
                }}
            </ul>
            <p class="hint facet-more" aria-live="polite">{hint}</p>
        </fieldset>
    }
}

#[component]
fn FunderModeSwitch(query: Memo<Query>, go: Callback<(Query, bool)>) -> impl IntoView {
    let set = move |mode: FunderMode| {
        let mut q = query.get_untracked();
        if q.funder_mode != mode {
            q.funder_mode = mode;
            go.run((q, false));
        }
    };
    let all = move || query.with(|q| q.funder_mode == FunderMode::All);
    view! {
        <fieldset class="funder-mode">
            <legend>{t("Projets ayant, parmi les financeurs cochés…")}</legend>
            <label><input type="radio" name="financeur_mode" data-testid="funder-mode-any" prop:checked=move || !all() on:change=move |_| set(FunderMode::Any) />{t(" au moins un")}</label>
            <label><input type="radio" name="financeur_mode" data-testid="funder-mode-all" prop:checked=all on:change=move |_| set(FunderMode::All) />{t(" tous")}</label>
        </fieldset>
    }
}

#[component]
fn YearRange(query: Memo<Query>, go: Callback<(Query, bool)>) -> impl IntoView {
    let set = move |which: &'static str, ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        let y = v.trim().parse::<u16>().ok().filter(|y| (1950..=2100).contains(y));
        let mut q = query.get_untracked();
        if which == "min" { q.year_min = y } else { q.year_max = y }
        if let (Some(a), Some(b)) = (q.year_min, q.year_max) {
            if a > b {
                q.year_min = Some(b);
                q.year_max = Some(a);
            }
        }
        go.run((q, false));
    };
    view! {
        <fieldset class="years">
            <legend>{t("Année")}</legend>
            <label>{t("de ")} <input type="number" inputmode="numeric" min="1950" max="2100" data-testid="year-min"
                prop:value=move || query.with(|q| q.year_min.map(|y| y.to_string()).unwrap_or_default())
                on:change=move |ev| set("min", ev) /></label>
            <label>{t(" à ")} <input type="number" inputmode="numeric" min="1950" max="2100" data-testid="year-max"
                prop:value=move || query.with(|q| q.year_max.map(|y| y.to_string()).unwrap_or_default())
                on:change=move |ev| set("max", ev) /></label>
            <p class="hint">{t("Les projets dont l'année n'est pas connue sont écartés dès qu'une borne est fixée.")}</p>
        </fieldset>
    }
}

#[component]
fn ProjectTable(data: Data, results: Memo<Results>) -> impl IntoView {
    let row = move |pos: usize, i: usize| {
        let d = &data.loaded.dataset;
        d.projects.get(i).map(|p| {
            let funders: Vec<&str> = p.funder_ids().into_iter().map(|f| d.funder_label(f)).collect();
            let title = p.title.clone().or_else(|| p.summary.clone());
            view! {
                <tr data-testid="project-row" data-id=p.id.clone() aria-rowindex=pos + 2>
                    <th scope="row" data-label=t("Acronyme")><a href=href(&format!("/projets/{}", p.id))>{p.acronym.clone()}</a></th>
                    <td data-label=t("Intitulé")>{or_unknown(title, t("intitulé non publié"))}</td>
                    <td data-label=t("Pôles")>{if p.poles.is_empty() {
                        view! { <span class="unknown">{t("aucun pôle cité")}</span> }.into_any()
                    } else {
                        pole_links(d, &p.poles).into_any()
                    }}</td>
                    <td data-label=t("Année")>{or_unknown(p.year.map(|y| y.to_string()), t("inconnue"))}</td>
                    <td data-label=t("Financeurs")>{if funders.is_empty() {
                        view! { <span class="unknown">{t("non publiés")}</span> }.into_any()
                    } else {
                        view! { <span>{funders.join(", ")}</span> }.into_any()
                    }}</td>
                </tr>
            }
        })
    };
    view! {
        <ResultsTable tab=Tab::Projets testid="project-table" caption="Projets correspondant aux filtres"
            headers=&["Acronyme", "Intitulé", "Pôles", "Année", "Financeurs"] row=row results=results />
    }
}

#[component]
fn PoleTable(data: Data, query: Memo<Query>, results: Memo<Results>) -> impl IntoView {
    let row = move |pos: usize, i: usize| {
        let d = &data.loaded.dataset;
        d.poles.get(i).map(|p| {
            let status_class = if p.status.code == PoleStatusCode::Actif { "badge badge-ok" } else { "badge" };
            let n = data.index.projects_of_pole(i);
            view! {
                <tr data-testid="pole-row" data-id=p.id.clone() aria-rowindex=pos + 2>
                    <th scope="row" data-label=t("Pôle")>
                        <a href=href(&format!("/poles/{}", p.id))>{p.name.clone()}</a>
                        {p.short_name.clone().filter(|s| *s != p.name).map(|s| view! { <span class="muted">" (" {s} ")"</span> })}
                        // Found by a former name: say so ("Plastipolis" finds Polymeris).
                        {query.with_untracked(|q| former_name_match(p, &q.text).map(|n| view! {
                            <span class="muted match-reason" data-testid="match-reason">{tf(" — anciennement « {} »", &[n])}</span>
                        }))}
                    </th>
                    <td data-label=t("Thèmes")>{theme_tags(d, &p.themes)}</td>
                    <td data-label=t("Régions")>{if p.regions.is_empty() {
                        view! { <span class="unknown">{t("non renseignées")}</span> }.into_any()
                    } else {
                        view! { <span>{region_names(d, &p.regions)}</span> }.into_any()
                    }}</td>
                    <td data-label=t("Projets")>{n}</td>
                    <td data-label=t("Label")>
                        <span class=status_class>{t(p.status.code.label_fr())}</span>
                        {(p.status.code != PoleStatusCode::Actif).then(|| view! { <span class="muted status-detail">{p.status.label.clone()}</span> })}
                    </td>
                </tr>
            }
        })
    };
    view! {
        <ResultsTable tab=Tab::Poles testid="pole-table" caption="Pôles correspondant aux filtres"
            headers=&["Pôle", "Thèmes", "Régions", "Projets", "Statut du label"] row=row results=results />
    }
}

/// The table of results shared by both tabs, virtualised beyond `RENDER_ALL_UP_TO` rows: only the
/// rows around the viewport are in the DOM (`poles_core::listing::window`), between two spacers.
#[component]
fn ResultsTable<F, V>(
    tab: Tab,
    testid: &'static str,
    caption: &'static str,
    headers: &'static [&'static str],
    /// Renders the row at `position` in the selection, for the item at that index of the dataset.
    row: F,
    results: Memo<Results>,
) -> impl IntoView
where
    F: Fn(usize, usize) -> Option<V> + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
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
            let top = tb.get_bounding_client_rect().top();
            offset.set(-top);
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
    // The estimated row height follows the rendered rows (cards on phones are taller).
    Effect::new(move |_| {
        let w = win.get();
        let n = w.end - w.start;
        if total.get_untracked() <= RENDER_ALL_UP_TO || n == 0 {
            return;
        }
        if let Some(tb) = body.get_untracked() {
            let h = tb.get_bounding_client_rect().height() - w.before_px - w.after_px;
            let avg = h / n as f64;
            let old = row_px.get_untracked();
            if avg.is_finite() && avg >= 8.0 && (avg - old).abs() > old * 0.2 {
                row_px.set(avg);
            }
        }
        place();
    });
    let rows = move || {
        let w = win.get();
        results.with(|r| {
            let items = if r.tab == tab { r.items.as_slice() } else { &[] };
            let end = w.end.min(items.len());
            let start = w.start.min(end);
            items[start..end].iter().enumerate().filter_map(|(k, &i)| row(start + k, i)).collect_view()
        })
    };
    let spacer = move |px: f64| (px > 0.0).then(|| view! {
        <tr class="spacer" aria-hidden="true" style:height=format!("{}px", px as u64)></tr>
    });
    view! {
        <div class="table-wrap">
            <table class="results" data-testid=testid aria-rowcount=move || total.get() + 1>
                <caption class="visually-hidden">{t(caption)}</caption>
                <thead>
                    <tr aria-rowindex="1">{headers.iter().map(|h| view! { <th scope="col">{t(h)}</th> }).collect_view()}</tr>
                </thead>
                <tbody node_ref=body>
                    {move || spacer(win.get().before_px)}
                    {rows}
                    {move || spacer(win.get().after_px)}
                </tbody>
            </table>
        </div>
        <EmptyResults results=results />
    }
}

#[component]
fn EmptyResults(results: Memo<Results>) -> impl IntoView {
    move || results.with(|r| r.items.is_empty()).then(|| view! {
        <p class="empty" data-testid="no-results">{t("Aucun résultat pour ces filtres. Retirez un filtre ou effacez-les tous.")}</p>
    })
}
