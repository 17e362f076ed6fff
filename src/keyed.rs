//! The one `<For/>` of the app: every list (facet values, chips, map areas, chart bars, the page
//! of result rows) is a `<For/>` over `u64` keys through `Keyed`,
//! so that the keyed diff is compiled once into the WASM. A key names an item for its whole life (an index into a fixed
//! list, or `key_of` a stable text); `child` builds the item's component once.

use leptos::prelude::*;
use std::sync::Arc;

/// Builds the view of the item with this key (called once per item entering the list).
pub type Child = Arc<dyn Fn(u64) -> AnyView + Send + Sync>;

#[component]
pub fn Keyed(#[prop(into)] each: Signal<Vec<u64>>, child: Child) -> impl IntoView {
    view! { <For each=move || each.get() key=|k| *k children=move |k| child(k) /> }
}

/// A key for an item named by a text (a chip's label, a chart bar's value): FNV-1a.
pub fn key_of(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// Keys for positions `0..n` of a fixed list.
pub fn keys(idx: impl IntoIterator<Item = usize>) -> Vec<u64> {
    idx.into_iter().map(|i| i as u64).collect()
}
