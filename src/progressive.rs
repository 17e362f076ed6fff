//! Lists drawn a chunk at a time while the page first loads: a first paint bounded by the screen,
//! then the rest after it (`poles_core::listing::grow_end` decides how far; keys already drawn
//! are free). Once everything has been drawn whole (`Drawing::ready`), later changes are drawn at
//! once: the keyed lists only create the items that enter.

use leptos::prelude::*;
use poles_core::listing::grow_end;
use wasm_bindgen::prelude::*;

/// Runs `f` in a task of its own, as soon as the tasks already queued have run.
pub fn next_task(f: impl FnOnce() + 'static) {
    if let Some(w) = web_sys::window() {
        let task = Closure::once_into_js(f);
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(task.unchecked_ref(), 0);
    }
}

/// Runs `f` in a task of its own after the next frame is painted (an animation frame, then a
/// zero timeout), so that work done there never delays what the visitor is waiting to see. A
/// page that gets no frames (hidden, or throttled) is not stalled: a 100 ms timeout runs it too,
/// whichever comes first.
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    let Some(w) = web_sys::window() else { return };
    let once = std::rc::Rc::new(std::cell::Cell::new(Some(f)));
    let run = move || {
        if let Some(f) = once.take() {
            next_task(f)
        }
    };
    let _ = w.request_animation_frame(Closure::once_into_js(run.clone()).unchecked_ref());
    let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(Closure::once_into_js(run).unchecked_ref(), 100);
}

/// Lets the browser run what is waiting (input, a paint) before going on: a task boundary in an
/// async load, so that parsing, indexing and the first render are not one long task.
pub async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The state of the first drawing of a page: how many lists are still growing, and whether the
/// page has been drawn whole once (from then on, lists are drawn at once).
#[derive(Clone, Copy)]
pub struct Drawing {
    pub growing: RwSignal<u32>,
    pub ready: RwSignal<bool>,
}

impl Drawing {
    pub fn new() -> Self {
        Drawing { growing: RwSignal::new(0), ready: RwSignal::new(false) }
    }
}

/// The prefix of `keys` to render now: until the page is ready, at most `budget` keys not drawn
/// yet per task (the first part with the first paint, then a task per chunk right after it);
/// once ready, the whole list. (Chunks doubling up to 96 were tried: the page was complete
/// sooner but Lighthouse's total blocking time went from 1.1 s to 2.8 s.)
pub fn progressive(keys: Memo<Vec<u64>>, budget: usize, drawing: Drawing) -> Memo<Vec<u64>> {
    let tick = RwSignal::new(0u32);
    let pending = StoredValue::new(false);
    // Whether the last growth came from a tick (then the next one needs no paint first).
    let grew = StoredValue::new(false);
    let counted = StoredValue::new(false);
    let shown = Memo::new(move |prev: Option<&Vec<u64>>| {
        tick.track();
        let whole = drawing.ready.get_untracked();
        let prev = prev.map(Vec::as_slice).unwrap_or(&[]);
        keys.with(|next| if whole { next.clone() } else { next[..grow_end(prev, next, budget)].to_vec() })
    });
    Effect::new(move |_| {
        let incomplete = shown.with(Vec::len) < keys.with(Vec::len);
        if incomplete != counted.get_value() {
            counted.set_value(incomplete);
            drawing.growing.update(|g| *g = if incomplete { *g + 1 } else { g.saturating_sub(1) });
        }
        let after_tick = grew.get_value();
        grew.set_value(false);
        if incomplete && !pending.get_value() {
            pending.set_value(true);
            let grow = move || {
                pending.try_set_value(false);
                grew.try_set_value(true);
                tick.try_update(|t| *t = t.wrapping_add(1));
            };
            if after_tick {
                next_task(grow);
            } else {
                after_next_paint(grow);
            }
        }
    });
    on_cleanup(move || {
        if counted.try_get_value() == Some(true) {
            drawing.growing.try_update(|g| *g = g.saturating_sub(1));
        }
    });
    shown
}
