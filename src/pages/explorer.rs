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
use poles_core::facets::{chips, options, show_departements, FacetOption};
use poles_core::format::{count, eur, group_thousands};
use poles_core::model::PoleStatusCode;
use super::charts::StatsView;
use super::map::MapView;
use poles_core::query::{check_against, decode_query_string, format, parse, Facet, FunderMode, Notice, Query, Sort, Tab, ValueState, View};
use std::time::Duration;

/// Rows rendered at most before "afficher plus" (the list is not virtualised yet).
const PAGE: usize = 1000;

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
        <h1 tabindex="-1">"Explorer les pôles de compétitivité et leurs projets"</h1>
        <p class="intro">
            {format!(
                "{} labellisés par {} pôles, dont {} labellisés pour 2023-2026. Chaque fiche cite ses sources.",
                count(d.0, "projet, plateforme ou action", "projets, plateformes et actions"),
                d.1,
                d.2
            )}
        </p>
        <Tabs query=query n_projects=d.0 n_poles=d.1 />
        <UrlNotices notices=notices />
        <div class="explorer">
            <FilterBar data=data.clone() query=query results=results go=go />
            <section class="results-pane" aria-labelledby="results-title">
                <h2 id="results-title" class="visually-hidden" tabindex="-1">"Résultats"</h2>
                <ActiveFilters data=data.clone() query=query go=go />
                <ResultsHeader query=query results=results go=go />
                <div class="view-bar">
                    <ViewSwitch query=query />
                    {(!use_embed().embed.enabled).then(|| view! {
                        <a class="embed-link" data-testid="embed-link" href=move || href(&format!("/integrer{}", format(&query.get())))>"Intégrer cette vue dans un site"</a>
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
                        (View::Liste, Tab::Poles) => view! { <PoleTable data=data.clone() results=results /> }.into_any(),
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
        <nav class="tabs" aria-label="Listes">
            <a href=move || tab_href(Tab::Projets) aria-current=move || (query.with(|q| q.tab) == Tab::Projets).then_some("page") data-testid="tab-projets">
                "Projets " <span class="tab-count">{n_projects}</span>
            </a>
            <a href=move || tab_href(Tab::Poles) aria-current=move || (query.with(|q| q.tab) == Tab::Poles).then_some("page") data-testid="tab-poles">
                "Pôles " <span class="tab-count">{n_poles}</span>
            </a>
        </nav>
    }
}

/// Liste / Carte / Statistiques, as links (the view is part of the URL).
#[component]
fn ViewSwitch(query: Memo<Query>) -> impl IntoView {
    view! {
        <nav class="views" aria-label="Affichage des résultats">
            {View::ALL.into_iter().map(|v| {
                let link = move || href(&format!("/{}", format(&Query { view: v, ..query.get() })));
                view! {
                    <a href=link data-testid=format!("view-{}", v.code()) aria-current=move || (query.with(|q| q.view) == v).then_some("page")>{v.label_fr()}</a>
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
                    <p><strong>"Certains paramètres de l'adresse ont été ignorés :"</strong></p>
                    <ul>{list.into_iter().map(|n| view! { <li>{n.to_string()}</li> }).collect_view()}</ul>
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
                <div class="chips" aria-label="Filtres actifs" role="group">
                    <ul>
                        {list.into_iter().map(|c| {
                            let without = c.without.clone();
                            let aria = format!("Retirer le filtre {}", c.label);
                            view! {
                                <li>
                                    <button type="button" class="chip" data-testid="filter-chip" aria-label=aria on:click=move |_| go.run((without.clone(), false))>
                                        {c.label} <span aria-hidden="true">" ×"</span>
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    <button type="button" class="link-button" data-testid="clear-filters" on:click=move |_| go.run((cleared.clone(), false))>"Tout effacer"</button>
                </div>
            }
        })
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
            let t = &r.totals;
            let published = if t.with_published_amount > 0 {
                format!("{} de financements publiés (pour {})", eur(t.amount_published), count(t.with_published_amount, "projet", "projets"))
            } else {
                "aucun montant publié".to_string()
            };
            let year_note = (r.unknown_year_excluded > 0).then(|| {
                format!(" · {} sans année connue écarté(s) par le filtre d'années", group_thousands(r.unknown_year_excluded as u64))
            });
            view! {
                <p class="totals" data-testid="totals">
                    <span data-testid="total-published">{published}</span>
                    " · "
                    <span data-testid="total-unpublished">{count(t.with_unpublished_amount, "projet avec un montant non publié", "projets avec un montant non publié")}</span>
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
                <label for="tri">"Trier par"</label>
                <select id="tri" data-testid="sort-select" on:change=on_sort>
                    {move || {
                        let q = query.get();
                        Sort::ALL.into_iter().filter(|s| s.applies_to(q.tab)).map(|s| view! {
                            <option value=s.code() selected=q.sort == s>{s.label_fr()}</option>
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
            if n == 0 { String::new() } else { format!(" ({n} actif{})", if n > 1 { "s" } else { "" }) }
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
                    <p><strong>{facet.label_fr()} " : "</strong>{if labels.is_empty() { "toutes".to_string() } else { labels }}</p>
                    <p class="hint">"Filtre fixé par le site qui intègre l'explorateur."</p>
                </div>
            }
            .into_any();
        }
        let opts = Memo::new(move |_| query.with(|q| results.with(|r| options(&data.loaded.dataset, &data.index, q, r, facet))));
        view! { <FacetBox facet=facet options=opts query=query go=go /> }.into_any()
    };
    view! {
        <aside class="filters" aria-label="Filtres">
            // Keyboard users can jump over the long filter lists.
            <button type="button" class="skip-results link-button" data-testid="skip-to-results" on:click=|_| crate::components::focus("#results-title")>"Aller aux résultats"</button>
            <details class="filters-toggle" open=open>
                <summary data-testid="filters-summary">"Filtres" {active}</summary>
                <SearchBox query=query go=go />
                {facet_view(Facet::Region)}
                <p class="rule">"Un projet correspond à une région si l'une de ses régions y correspond ; un pôle, s'il couvre la région (et, pour un département, si son siège s'y trouve)."</p>
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
            <label for="q">"Rechercher"</label>
            <input id="q" type="search" data-testid="search-input" autocomplete="off" spellcheck="false"
                placeholder="acronyme, titre, partenaire, pôle…"
                prop:value=move || text.get()
                on:input=on_input
                on:change=move |_| commit(true)
                on:keydown=move |ev| if ev.key() == "Enter" { commit(true) } />
            <p class="hint">"Sans tenir compte des accents ni des majuscules."</p>
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
    // Every value stays in the page (long lists scroll), so any value can be reached directly.
    let long = move || options.with(|o| o.len() > 10);
    view! {
        <fieldset class="facet" data-facet=facet.param()>
            <legend>{facet.label_fr()}</legend>
            <ul class="facet-options" class:long=long>
                {move || {
                    options.get().into_iter().map(move |o| {
                        let included = o.state == ValueState::Included;
                        let excluded = o.state == ValueState::Excluded;
                        let (v1, v2) = (o.value.clone(), o.value.clone());
                        let state_code = match o.state { ValueState::Off => "off", ValueState::Included => "included", ValueState::Excluded => "excluded" };
                        let exclude_label = if excluded { format!("Ne plus exclure {}", o.label) } else { format!("Exclure {}", o.label) };
                        view! {
                            <li class="facet-option" class:excluded=excluded class:empty=!o.enabled>
                                <button type="button" role="checkbox" class="option"
                                    aria-checked=if included { "true" } else { "false" }
                                    data-testid="facet-option" data-facet=facet.param() data-value=o.value.clone()
                                    data-count=o.count data-state=state_code
                                    disabled=!o.enabled
                                    on:click=move |_| set_state(v1.clone(), if included { ValueState::Off } else { ValueState::Included })>
                                    <span class="box" aria-hidden="true">{if included { "✓" } else if excluded { "−" } else { "" }}</span>
                                    <span class="option-label">{o.label.clone()}</span>
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
            <legend>"Projets ayant, parmi les financeurs cochés…"</legend>
            <label><input type="radio" name="financeur_mode" data-testid="funder-mode-any" prop:checked=move || !all() on:change=move |_| set(FunderMode::Any) />" au moins un"</label>
            <label><input type="radio" name="financeur_mode" data-testid="funder-mode-all" prop:checked=all on:change=move |_| set(FunderMode::All) />" tous"</label>
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
            <legend>"Année"</legend>
            <label>"de " <input type="number" inputmode="numeric" min="1950" max="2100" data-testid="year-min"
                prop:value=move || query.with(|q| q.year_min.map(|y| y.to_string()).unwrap_or_default())
                on:change=move |ev| set("min", ev) /></label>
            <label>" à " <input type="number" inputmode="numeric" min="1950" max="2100" data-testid="year-max"
                prop:value=move || query.with(|q| q.year_max.map(|y| y.to_string()).unwrap_or_default())
                on:change=move |ev| set("max", ev) /></label>
            <p class="hint">"Les projets dont l'année n'est pas connue sont écartés dès qu'une borne est fixée."</p>
        </fieldset>
    }
}

#[component]
fn ProjectTable(data: Data, results: Memo<Results>) -> impl IntoView {
    let limit = RwSignal::new(PAGE);
    let rows = {
        let data = data.clone();
        move || {
            let r = results.get();
            let d = &data.loaded.dataset;
            // While the page changes, results of the other tab may still be around: skip them.
            let items = if r.tab == Tab::Projets { r.items.as_slice() } else { &[] };
            items.iter().take(limit.get()).filter_map(|&i| d.projects.get(i)).map(|p| {
                let funders: Vec<&str> = p.funder_ids().into_iter().map(|f| d.funder_label(f)).collect();
                let title = p.title.clone().or_else(|| p.summary.clone());
                view! {
                    <tr data-testid="project-row" data-id=p.id.clone()>
                        <th scope="row" data-label="Acronyme"><a href=href(&format!("/projets/{}", p.id))>{p.acronym.clone()}</a></th>
                        <td data-label="Intitulé">{or_unknown(title, "intitulé non publié")}</td>
                        <td data-label="Pôles">{if p.poles.is_empty() {
                            view! { <span class="unknown">"aucun pôle cité"</span> }.into_any()
                        } else {
                            pole_links(d, &p.poles).into_any()
                        }}</td>
                        <td data-label="Année">{or_unknown(p.year.map(|y| y.to_string()), "inconnue")}</td>
                        <td data-label="Financeurs">{if funders.is_empty() {
                            view! { <span class="unknown">"non publiés"</span> }.into_any()
                        } else {
                            view! { <span>{funders.join(", ")}</span> }.into_any()
                        }}</td>
                    </tr>
                }
            }).collect_view()
        }
    };
    view! {
        <ResultsTable testid="project-table" caption="Projets correspondant aux filtres"
            headers=&["Acronyme", "Intitulé", "Pôles", "Année", "Financeurs"] rows=rows results=results limit=limit />
    }
}

#[component]
fn PoleTable(data: Data, results: Memo<Results>) -> impl IntoView {
    let limit = RwSignal::new(PAGE);
    let rows = move || {
        let r = results.get();
        let d = &data.loaded.dataset;
        let items = if r.tab == Tab::Poles { r.items.as_slice() } else { &[] };
        items.iter().take(limit.get()).filter_map(|&i| d.poles.get(i).map(|p| (i, p))).map(|(i, p)| {
            let status_class = if p.status.code == PoleStatusCode::Actif { "badge badge-ok" } else { "badge" };
            let n = data.index.projects_of_pole(i);
            view! {
                <tr data-testid="pole-row" data-id=p.id.clone()>
                    <th scope="row" data-label="Pôle">
                        <a href=href(&format!("/poles/{}", p.id))>{p.name.clone()}</a>
                        {p.short_name.clone().filter(|s| *s != p.name).map(|s| view! { <span class="muted">" (" {s} ")"</span> })}
                    </th>
                    <td data-label="Thèmes">{theme_tags(d, &p.themes)}</td>
                    <td data-label="Régions">{if p.regions.is_empty() {
                        view! { <span class="unknown">"non renseignées"</span> }.into_any()
                    } else {
                        view! { <span>{region_names(d, &p.regions)}</span> }.into_any()
                    }}</td>
                    <td data-label="Projets">{n}</td>
                    <td data-label="Label">
                        <span class=status_class>{p.status.code.label_fr()}</span>
                        {(p.status.code != PoleStatusCode::Actif).then(|| view! { <span class="muted status-detail">{p.status.label.clone()}</span> })}
                    </td>
                </tr>
            }
        }).collect_view()
    };
    view! {
        <ResultsTable testid="pole-table" caption="Pôles correspondant aux filtres"
            headers=&["Pôle", "Thèmes", "Régions", "Projets", "Statut du label"] rows=rows results=results limit=limit />
    }
}

/// The table of results shared by both tabs, with "afficher plus" and the empty message.
#[component]
fn ResultsTable<R: IntoView + 'static>(
    testid: &'static str,
    caption: &'static str,
    headers: &'static [&'static str],
    rows: R,
    results: Memo<Results>,
    limit: RwSignal<usize>,
) -> impl IntoView {
    view! {
        <div class="table-wrap">
            <table class="results" data-testid=testid>
                <caption class="visually-hidden">{caption}</caption>
                <thead>
                    <tr>{headers.iter().map(|h| view! { <th scope="col">{*h}</th> }).collect_view()}</tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <MoreButton results=results limit=limit />
        <EmptyResults results=results />
    }
}

#[component]
fn MoreButton(results: Memo<Results>, limit: RwSignal<usize>) -> impl IntoView {
    move || {
        let n = results.with(|r| r.items.len());
        (n > limit.get()).then(|| view! {
            <button type="button" class="button secondary" on:click=move |_| limit.update(|l| *l += PAGE)>
                {format!("Afficher {} de plus ({} affichés sur {})", PAGE.min(n - limit.get_untracked()), limit.get_untracked(), n)}
            </button>
        })
    }
}

#[component]
fn EmptyResults(results: Memo<Results>) -> impl IntoView {
    move || results.with(|r| r.items.is_empty()).then(|| view! {
        <p class="empty" data-testid="no-results">"Aucun résultat pour ces filtres. Retirez un filtre ou effacez-les tous."</p>
    })
}
