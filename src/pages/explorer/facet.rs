//! One facet of the filter bar: its values as keyed rows (`FacetRow`), each with its label
//! computed once and its count and state as memos, so a filter change only touches the counts
//! and states that changed. Long facets can be filtered by text (see `poles_core::facets::listed`).

use super::use_ctx;
use crate::i18n::{t, tf, tr};
use crate::keyed::{keys as key_list, Keyed};
use crate::progressive::progressive;
use leptos::prelude::*;
use poles_core::facets::{enabled, haystacks, listed, offered, value_label, FILTERABLE_FROM};
use poles_core::format::group_thousands;
use poles_core::listing::CHUNK;
use poles_core::query::{Facet, ValueState};
use std::sync::Arc;

#[component]
pub fn FacetBox(facet: Facet) -> impl IntoView {
    let ctx = use_ctx();
    let data = ctx.data();
    let values: Arc<[String]> = data.index.values(facet).into();
    let labels: Arc<[String]> = values.iter().map(|v| tr(&value_label(&data.loaded.dataset, facet, v))).collect();
    let hay = StoredValue::new(haystacks(&labels, &values));
    let filter = RwSignal::new(String::new());
    // Which values are listed: chosen ones, then offered ones matching the filter text.
    let list = {
        let values = values.clone();
        move || {
            let d = &data.loaded.dataset;
            filter.with(|f| {
                ctx.query.with(|q| {
                    let sel = q.facet(facet);
                    hay.with_value(|h| listed(h, |k| sel.state(&values[k]), |k| offered(d, q, facet, &values[k]), f))
                })
            })
        }
    };
    let listed_keys = {
        let list = list.clone();
        Memo::new(move |_| key_list(list().0))
    };
    let left = Memo::new(move |_| list().1);
    let keys = progressive(listed_keys, CHUNK, ctx.drawing);
    let long = Memo::new(move |_| listed_keys.with(|k| k.len() > 10));
    let filterable = values.len() > FILTERABLE_FROM;
    let hint = move || {
        let left = left.get();
        if left > 0 {
            Some(tf("{} autres valeurs : filtrez la liste pour les voir.", &[&group_thousands(left as u64)]))
        } else if listed_keys.with(Vec::is_empty) && !filter.with(|f| f.trim().is_empty()) {
            Some(t("Aucune valeur ne correspond.").to_string())
        } else {
            None
        }
    };
    view! {
        <fieldset class="facet" data-facet=facet.param()>
            <legend>{t(facet.label_fr())}</legend>
            {filterable.then(|| view! {
                <input type="search" class="facet-filter" data-testid="facet-filter" data-facet=facet.param()
                    aria-label=tf("Filtrer la liste : {}", &[t(facet.label_fr())]) placeholder=t("Filtrer la liste…")
                    autocomplete="off" prop:value=move || filter.get()
                    on:input=move |ev| filter.set(event_target_value(&ev)) />
            })}
            <ul class="facet-options" class:long=move || long.get()>
                <Keyed each=keys child=Arc::new(move |k| {
                    let k = k as usize;
                    view! { <FacetRow facet=facet k=k value=values[k].clone() label=labels[k].clone() /> }.into_any()
                }) />
            </ul>
            <p class="hint facet-more" aria-live="polite">{hint}</p>
        </fieldset>
    }
}

/// One value of a facet: the option (a checkbox-like button with its count) and its exclusion
/// toggle. Listeners are created once; they read the state when clicked.
#[component]
fn FacetRow(facet: Facet, k: usize, value: String, label: String) -> impl IntoView {
    let ctx = use_ctx();
    let count = Memo::new(move |_| ctx.results.with(|r| r.counts[facet.index()].get(k).copied().unwrap_or(0)));
    let state = {
        let v = value.clone();
        Memo::new(move |_| ctx.query.with(|q| q.facet(facet).state(&v)))
    };
    let set = {
        let v = value.clone();
        move |next: ValueState| ctx.update(|q| q.facet_mut(facet).set(&v, next))
    };
    let toggle = {
        let set = set.clone();
        move |_| set(if state.get_untracked() == ValueState::Included { ValueState::Off } else { ValueState::Included })
    };
    let toggle_exclusion = move |_| set(if state.get_untracked() == ValueState::Excluded { ValueState::Off } else { ValueState::Excluded });
    let is = move |s: ValueState| move || state.get() == s;
    let exclude_label = {
        let label = label.clone();
        Memo::new(move |_| tf(if state.get() == ValueState::Excluded { "Ne plus exclure {}" } else { "Exclure {}" }, &[&label]))
    };
    view! {
        <li class="facet-option" class:excluded=is(ValueState::Excluded) class:empty=move || !enabled(count.get(), state.get())>
            <button type="button" role="checkbox" class="option"
                aria-checked=move || if state.get() == ValueState::Included { "true" } else { "false" }
                data-testid="facet-option" data-facet=facet.param() data-value=value.clone()
                data-count=count data-state=move || state.get().code()
                disabled=move || !enabled(count.get(), state.get())
                on:click=toggle>
                <span class="box" aria-hidden="true">{move || match state.get() { ValueState::Included => "✓", ValueState::Excluded => "−", ValueState::Off => "" }}</span>
                <span class="option-label">{label}</span>
                <span class="option-count"><span class="visually-hidden">" : "</span>{count}</span>
            </button>
            <button type="button" class="exclude" aria-pressed=move || if state.get() == ValueState::Excluded { "true" } else { "false" }
                data-testid="facet-exclude" data-facet=facet.param() data-value=value
                aria-label=exclude_label title=exclude_label
                on:click=toggle_exclusion>
                <span aria-hidden="true">"⊘"</span>
            </button>
        </li>
    }
}
