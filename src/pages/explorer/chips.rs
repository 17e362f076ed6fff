//! The active filters as removable chips (keyed by their label), and "Tout effacer".

use crate::embed::use_embed;
use crate::i18n::{t, tf};
use crate::keyed::{key_of, Keyed};
use crate::pages::ctx::{use_ctx, Ctx};
use leptos::prelude::*;
use poles_core::facets::{chips, Chip};
use poles_core::query::Facet;
use std::sync::Arc;

/// The chips of the current query that the visitor may remove (locked filters are not offered),
/// each with the query its removal gives (the lock enforced).
fn removable(ctx: Ctx) -> Vec<Chip> {
    let data = ctx.data();
    let embed = use_embed();
    ctx.query.with_untracked(|q| {
        let mut unlocked = q.clone();
        for f in Facet::ALL.into_iter().filter(|f| embed.is_locked(*f)) {
            *unlocked.facet_mut(f) = Default::default();
        }
        let orgs = data.orgs.value.with_untracked(|v| v.clone().and_then(Result::ok));
        let name = orgs.as_ref().and_then(|o| Some(o.list[o.by_id(&q.organisation)?].name.as_str()));
        let mut list = chips(&data.loaded.dataset, &unlocked, name);
        for c in &mut list {
            embed.enforce(&mut c.without);
        }
        list
    })
}

#[component]
pub fn ActiveFilters() -> impl IntoView {
    let ctx = use_ctx();
    let labels = Memo::new(move |_| {
        ctx.query.track();
        // The organisation's chip is named once the organisations are read.
        ctx.data().orgs.value.track();
        removable(ctx).into_iter().map(|c| c.label).collect::<Vec<String>>()
    });
    let any = Memo::new(move |_| labels.with(|l| !l.is_empty()));
    let clear = move |_| {
        let mut cleared = ctx.query.with_untracked(|q| q.cleared());
        use_embed().enforce(&mut cleared);
        ctx.go(cleared, false);
        // The chips are gone: the search box is where a new question starts.
        crate::components::focus("#q");
    };
    move || {
        any.get().then(|| {
            view! {
                <div class="chips" aria-label=t("Filtres actifs") role="group">
                    <ul>
                        <Keyed each=Signal::derive(move || labels.with(|l| l.iter().map(|x| key_of(x)).collect())) child=Arc::new(move |k| {
                            let label = labels.with_untracked(|l| l.iter().find(|x| key_of(x) == k).cloned()).unwrap_or_default();
                            view! { <ChipButton label=label /> }.into_any()
                        }) />
                    </ul>
                    <button type="button" class="link-button" data-testid="clear-filters" on:click=clear>{t("Tout effacer")}</button>
                </div>
            }
        })
    }
}

/// One chip: its label is its identity; what removing it gives is read when it is clicked.
#[component]
fn ChipButton(label: String) -> impl IntoView {
    let ctx = use_ctx();
    let aria = tf("Retirer le filtre {}", &[&label]);
    let key = label.clone();
    let remove = move |_| {
        let chips = removable(ctx);
        if let Some(c) = chips.iter().find(|c| c.label == key) {
            ctx.go(c.without.clone(), false);
            if chips.len() == 1 {
                // The last chip is gone with the row of chips: focus goes to the search box.
                crate::components::focus("#q");
            }
        }
    };
    view! {
        <li>
            <button type="button" class="chip" data-testid="filter-chip" aria-label=aria on:click=remove>
                {label} <span aria-hidden="true">" ×"</span>
            </button>
        </li>
    }
}
