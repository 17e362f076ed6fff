//! One facet of the filter bar: its values as keyed rows (`facet_row`), each with its label
//! computed once and its count and state as signals of its own (written by one effect per
//! facet), so a filter change only touches the counts and states that changed. Long facets can be filtered by text (see `poles_core::facets::listed`).

use super::roving;
use super::use_ctx;
use crate::i18n::{t, tf, tr};
use crate::keyed::{keys as key_list, Keyed};
use crate::progressive::progressive;
use leptos::prelude::*;
use poles_core::engine::Results;
use poles_core::facets::{enabled, haystacks, listed, offered, value_label, FILTERABLE_FROM};
use poles_core::format::group_thousands;
use poles_core::listing::CHUNK;
use poles_core::query::{Facet, Query, ValueState};
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
    // Each value's count and state are signals of their own, written only when they change by
    // one effect per facet: the values subscribe to nothing shared, so a filter change costs the
    // values that changed (memos per value reading the results cost 2 ms per click in the
    // reactive graph's bookkeeping of 200 subscribers).
    // Each value's [count, state as its number, 1 when the counts are of pôles] in the current
    // results and query (the count's unit follows the tab without a shared subscription).
    let figures = {
        let values = values.clone();
        move |r: &Results, q: &Query| {
            let (found, sel) = (&r.counts[facet.index()], q.facet(facet));
            let poles = u32::from(r.tab == poles_core::query::Tab::Poles);
            (0..values.len()).map(|k| [found.get(k).copied().unwrap_or(0), sel.state(&values[k]) as u32, poles]).collect::<Vec<_>>()
        }
    };
    let first = ctx.results.with_untracked(|r| ctx.query.with_untracked(|q| figures(r, q)));
    let cells: Arc<[[RwSignal<u32>; 3]]> = first.into_iter().map(|f| f.map(RwSignal::new)).collect();
    {
        let cells = cells.clone();
        Effect::new(move |_| {
            let now = ctx.results.with(|r| ctx.query.with(|q| figures(r, q)));
            for (signals, values) in cells.iter().zip(now) {
                for (signal, v) in signals.iter().zip(values) {
                    if signal.get_untracked() != v {
                        signal.set(v);
                    }
                }
            }
        });
    }
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
            // One tab stop for the whole list (roving focus, see `roving`).
            <ul class="facet-options" class:long=move || long.get() tabindex="0" aria-describedby="facet-keys"
                on:focus=roving::enter on:focusin=roving::inside on:focusout=roving::leave on:keydown=roving::keys>
                <Keyed each=keys child=Arc::new(move |k| {
                    let k = k as usize;
                    facet_row(facet, values[k].clone(), labels[k].clone(), cells[k])
                }) />
            </ul>
            <p class="hint facet-more" aria-live="polite">{hint}</p>
        </fieldset>
    }
}

/// One value of a facet: the option (a checkbox-like button with its count) and its exclusion
/// toggle. Listeners are created once; they read the state when clicked.
fn facet_row(facet: Facet, value: String, label: String, [count, state, poles]: [RwSignal<u32>; 3]) -> AnyView {
    let ctx = use_ctx();
    // The state is held as its number (`ValueState as u32`): one signal type with the count.
    let decode = |n: u32| match n {
        1 => ValueState::Included,
        2 => ValueState::Excluded,
        _ => ValueState::Off,
    };
    let (state, now) = (move || decode(state.get()), move || decode(state.get_untracked()));
    let set = {
        let v = value.clone();
        move |next: ValueState| ctx.update(|q| q.facet_mut(facet).set(&v, next))
    };
    // A chosen value moves to the top of its list: its button keeps the focus.
    let toggle = {
        let set = set.clone();
        move |ev: leptos::ev::MouseEvent| {
            set(if now() == ValueState::Included { ValueState::Off } else { ValueState::Included });
            crate::components::keep_focus(&ev);
        }
    };
    let toggle_exclusion = move |ev: leptos::ev::MouseEvent| {
        set(if now() == ValueState::Excluded { ValueState::Off } else { ValueState::Excluded });
        crate::components::keep_focus(&ev);
    };
    let is = move |s: ValueState| move || state() == s;
    // A constant name; `aria-pressed` says whether the value is excluded (shown on focus and hover).
    let exclude_label = tf("Exclure {}", &[&label]);
    // The count's unit in the name: "Bretagne, 25 projets".
    let unit = move || {
        let (one, many) = if poles.get() == 1 { (" pôle", " pôles") } else { (" projet", " projets") };
        t(if count.get() > 1 { many } else { one })
    };
    view! {
        <li class="facet-option" class:excluded=is(ValueState::Excluded) class:empty=move || !enabled(count.get(), state())>
            <button type="button" role="checkbox" class="option" tabindex="-1"
                aria-checked=move || if state() == ValueState::Included { "true" } else { "false" }
                data-testid="facet-option" data-facet=facet.param() data-value=value.clone()
                data-count=count data-state=move || state().code()
                disabled=move || !enabled(count.get(), state())
                on:click=toggle>
                <span class="box" aria-hidden="true">{move || match state() { ValueState::Included => "✓", ValueState::Excluded => "−", ValueState::Off => "" }}</span>
                <span class="option-label">{label}</span>
                <span class="option-count"><span class="visually-hidden">", "</span>{count}<span class="visually-hidden">{unit}</span></span>
                <span class="visually-hidden">{move || (state() == ValueState::Excluded).then(|| t(", exclu"))}</span>
            </button>
            <button type="button" class="exclude" tabindex="-1" aria-pressed=move || if state() == ValueState::Excluded { "true" } else { "false" }
                data-testid="facet-exclude" data-facet=facet.param() data-value=value
                aria-label=exclude_label
                on:click=toggle_exclusion>
                <span aria-hidden="true">"⊘"</span>
            </button>
        </li>
    }
    .into_any()
}
