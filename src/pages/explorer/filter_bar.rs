//! The filter bar: text search, the facets, the funder mode and the year bounds.

use super::facet::FacetBox;
use crate::embed::use_embed;
use crate::i18n::{t, tf};
use crate::pages::ctx::use_ctx;
use leptos::prelude::*;
use poles_core::facets::{chips, show_departements, value_label};
use poles_core::query::{Facet, FunderMode};
use std::time::Duration;

/// The filter bar. Its facets are drawn in the task after the first paint of the explorer (the
/// results first): the start-up's work is two tasks rather than one long one.
#[component]
pub fn FilterBar() -> impl IntoView {
    let ctx = use_ctx();
    let facets_drawn = RwSignal::new(false);
    crate::progressive::after_next_paint(move || {
        facets_drawn.try_set(true);
    });
    let query = ctx.query;
    // The projects and organisations tabs share the projects' facets.
    let tab = Memo::new(move |_| query.with(|q| q.tab.of_projects()));
    let departements = Memo::new(move |_| query.with(show_departements));
    // On a phone the filters start folded so that the results are seen first.
    let open = !is_narrow_screen();
    let active = Memo::new(move |_| {
        let data = ctx.data();
        let n = query.with(|q| chips(&data.loaded.dataset, q, None).len());
        if n == 0 {
            String::new()
        } else {
            tf(if n > 1 { " ({} actifs)" } else { " ({} actif)" }, &[&n.to_string()])
        }
    });
    view! {
        <aside class="filters" aria-label=t("Filtres")>
            // Keyboard users can jump over the long filter lists.
            <button type="button" class="skip-results link-button" data-testid="skip-to-results" on:click=|_| go_to_results()>{t("Aller aux résultats")}</button>
            // The search box stays in sight on phones, above the folded filters.
            <SearchBox />
            <details class="filters-toggle" open=open>
                <summary data-testid="filters-summary">{t("Filtres")} {move || active.get()}</summary>
                <p id="facet-keys" class="hint">{t("Au clavier, dans une liste : flèches pour passer d'une valeur à l'autre, Espace pour cocher, « - » ou Suppr pour exclure.")}</p>
                {move || facets_drawn.get().then(|| view! {
                <FacetOrLock facet=Facet::Region />
                    <p class="rule">{t("Un projet correspond à une région si l'une de ses régions y correspond ; un pôle, s'il couvre la région (et, pour un département, si son siège s'y trouve).")}</p>
                    {move || departements.get().then(|| view! { <FacetOrLock facet=Facet::Departement /> })}
                    <FacetOrLock facet=Facet::Theme />
                    {move || tab.get().then(|| view! {
                        <FacetOrLock facet=Facet::Financeur />
                        <FunderModeSwitch />
                        <FacetOrLock facet=Facet::Pole />
                        <FacetOrLock facet=Facet::LienPole />
                        <FacetOrLock facet=Facet::Nature />
                        <YearRange />
                    })}
                    {move || (!tab.get()).then(|| view! { <FacetOrLock facet=Facet::Phase /> })}
                })}
                <SeeResults />
            </details>
        </aside>
    }
}

/// A facet's options, or, when the embedding site locked it, the fixed values.
#[component]
fn FacetOrLock(facet: Facet) -> impl IntoView {
    let ctx = use_ctx();
    if !use_embed().is_locked(facet) {
        return view! { <FacetBox facet=facet /> }.into_any();
    }
    let data = ctx.data();
    let labels = ctx.query.with_untracked(|q| {
        let sel = q.facet(facet);
        sel.include.iter().map(|v| value_label(&data.loaded.dataset, facet, v)).collect::<Vec<_>>().join(", ")
    });
    view! {
        <div class="facet locked" data-testid="locked-facet" data-facet=facet.param()>
            <p><strong>{t(facet.label_fr())} {t(" : ")}</strong>{if labels.is_empty() { t("toutes").to_string() } else { labels }}</p>
            <p class="hint">{t("Filtre fixé par le site qui intègre l'explorateur.")}</p>
        </div>
    }
    .into_any()
}

fn is_narrow_screen() -> bool {
    window().match_media("(max-width: 56rem)").ok().flatten().is_some_and(|m| m.matches())
}

#[component]
fn SearchBox() -> impl IntoView {
    let ctx = use_ctx();
    let query = ctx.query;
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
        ctx.go(q, replace);
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
                on:keydown=move |ev| if ev.key() == "Enter" {
                    commit(true);
                    go_to_results();
                } />
            <p class="hint">{t("Sans tenir compte des accents ni des majuscules.")}</p>
        </div>
    }
}

#[component]
fn FunderModeSwitch() -> impl IntoView {
    let ctx = use_ctx();
    let query = ctx.query;
    let set = move |mode: FunderMode| {
        if query.with_untracked(|q| q.funder_mode) != mode {
            ctx.update(|q| q.funder_mode = mode);
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
fn YearRange() -> impl IntoView {
    let ctx = use_ctx();
    let query = ctx.query;
    let set = move |which: &'static str, ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        let y = v.trim().parse::<u16>().ok().filter(|y| (1950..=2100).contains(y));
        ctx.update(|q| {
            if which == "min" {
                q.year_min = y
            } else {
                q.year_max = y
            }
            if let (Some(a), Some(b)) = (q.year_min, q.year_max) {
                if a > b {
                    q.year_min = Some(b);
                    q.year_max = Some(a);
                }
            }
        });
    };
    view! {
        <fieldset class="years">
            <legend>{t("Année")}</legend>
            <label>{t("de ")} <span class="visually-hidden">{t("(année de début)")}</span> <input type="number" inputmode="numeric" min="1950" max="2100" data-testid="year-min"
                prop:value=move || query.with(|q| q.year_min.map(|y| y.to_string()).unwrap_or_default())
                on:change=move |ev| set("min", ev) /></label>
            <label>{t(" à ")} <span class="visually-hidden">{t("(année de fin)")}</span> <input type="number" inputmode="numeric" min="1950" max="2100" data-testid="year-max"
                prop:value=move || query.with(|q| q.year_max.map(|y| y.to_string()).unwrap_or_default())
                on:change=move |ev| set("max", ev) /></label>
            <p class="hint">{t("Les projets dont l'année n'est pas connue sont écartés dès qu'une borne est fixée.")}</p>
        </fieldset>
    }
}

/// Moves the focus (and the page) to the results' heading.
fn go_to_results() {
    crate::components::focus("#results-title");
}

/// On phones, with the filters unfolded: a button that stays at the bottom of the screen and
/// jumps to the results ("Voir les 37 résultats"). Hidden on wide screens (style/main.css).
#[component]
fn SeeResults() -> impl IntoView {
    let results = use_ctx().results;
    let label = Memo::new(move |_| match results.with(|r| r.totals.count) {
        0 => t("Aucun résultat").to_string(),
        1 => t("Voir le résultat").to_string(),
        n => tf("Voir les {} résultats", &[&poles_core::format::group_thousands(n as u64)]),
    });
    view! { <button type="button" class="button see-results" data-testid="see-results" on:click=|_| go_to_results()>{move || label.get()}</button> }
}
