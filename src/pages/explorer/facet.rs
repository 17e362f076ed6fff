//! One facet of the filter bar: its values as keyed rows (`facet_row`), each with its label
//! computed once and its count and state as signals of its own (written by one effect per
//! facet), so a filter change only touches the counts and states that changed. A facet of more
//! than 12 values is folded (`poles_core::facets::folded`: the chosen values and the ten largest
//! counts) until "Afficher les N valeurs" (`facet-more`); long facets can be filtered by text,
//! which finds any value, folded or not (`poles_core::facets::listed`).

use crate::i18n::{count, t, tf, tr};
use crate::keyed::{keys as key_list, Keyed};
use crate::pages::ctx::use_ctx;
use crate::pages::roving;
use leptos::prelude::*;
use poles_core::engine::Results;
use poles_core::facets::{enabled, foldable, folded, haystacks, listed, offered, unstated, value_label, FILTERABLE_FROM};
use poles_core::format::group_thousands;
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
    let foldable = foldable(values.len());
    let unfolded = RwSignal::new(false);
    // Folded (a long facet, no filter text): the chosen values and the ten largest counts.
    let is_folded = Memo::new(move |_| foldable && !unfolded.get() && filter.with(|f| f.trim().is_empty()));
    // Which values are listed: chosen ones, then offered ones matching the filter text (or, folded,
    // the largest counts), with how many matching ones are left out.
    let list = {
        let values = values.clone();
        move || {
            let d = &data.loaded.dataset;
            ctx.filters.with(|q| {
                let sel = q.facet(facet);
                let (state, offered) = (|k: usize| sel.state(&values[k]), |k: usize| offered(d, q, facet, &values[k]));
                if is_folded.get() {
                    let list = ctx.results.with(|r| folded(values.len(), state, offered, &r.counts[facet.index()]));
                    (list, 0)
                } else {
                    filter.with(|f| hay.with_value(|h| listed(h, state, offered, f)))
                }
            })
        }
    };
    // Computed once per change (the folded order sorts the values), read by the two below.
    let listing = Memo::new(move |_| list());
    let listed_keys = Memo::new(move |_| listing.with(|l| key_list(l.0.iter().copied())));
    let left = Memo::new(move |_| listing.with(|l| l.1));
    // "Afficher les 83 valeurs": every value the facet offers.
    let offered_count = {
        let (values, data) = (values.clone(), ctx.data());
        Memo::new(move |_| ctx.filters.with(|q| values.iter().filter(|v| offered(&data.loaded.dataset, q, facet, v)).count()))
    };
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
    let first = ctx.results.with_untracked(|r| ctx.filters.with_untracked(|q| figures(r, q)));
    let cells: Arc<[[RwSignal<u32>; 3]]> = first.into_iter().map(|f| f.map(RwSignal::new)).collect();
    {
        let cells = cells.clone();
        Effect::new(move |_| {
            let now = ctx.results.with(|r| ctx.filters.with(|q| figures(r, q)));
            for (signals, values) in cells.iter().zip(now) {
                for (signal, v) in signals.iter().zip(values) {
                    if signal.get_untracked() != v {
                        signal.set(v);
                    }
                }
            }
        });
    }
    // Values at 0 may only mean that the records do not say it: how many do not.
    let not_said = {
        let data = ctx.data();
        Memo::new(move |_| {
            let n = if ctx.filters.with(|q| q.facet(facet).is_empty()) { ctx.results.with(|r| unstated(&data.loaded.dataset, r, facet)) } else { 0 };
            (n > 0).then(|| tf("Non renseigné dans les sources pour {} de la sélection.", &[&count(n, "projet", "projets")]))
        })
    };
    let long = Memo::new(move |_| listed_keys.with(|k| k.len() > poles_core::facets::FOLD_ABOVE));
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
                <Keyed each=listed_keys child=Arc::new(move |k| {
                    let k = k as usize;
                    facet_row(facet, values[k].clone(), labels[k].clone(), cells[k])
                }) />
            </ul>
            {foldable.then(|| {
                let label = move || {
                    if unfolded.get() {
                        t("Afficher moins de valeurs").to_string()
                    } else {
                        tf("Afficher les {} valeurs", &[&group_thousands(offered_count.get() as u64)])
                    }
                };
                view! {
                    <button type="button" class="link-button facet-more" data-testid="facet-more" data-facet=facet.param()
                        aria-expanded=move || if unfolded.get() { "true" } else { "false" }
                        on:click=move |_| unfolded.update(|u| *u = !*u)>{label}</button>
                }
            })}
            <p class="hint facet-hint" aria-live="polite">{hint}</p>
            <p class="hint facet-hint" data-testid="facet-unstated" data-facet=facet.param()>{move || not_said.get()}</p>
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
