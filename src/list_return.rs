//! The way back from a record page to the list the visitor came from: the list's address, the
//! row whose link was followed and the scroll position then. Record pages' "back to the list"
//! link (`data-testid="back-to-list"`) goes to that address (or the default list when the visitor
//! arrived on the record); once the list is drawn again, by that link or by the browser's Back,
//! the scroll position comes back and the row's link has the focus.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A record opened from a list: the list's address (its page included), the row of the followed
/// link (its `data-testid`, its `data-id` and its top in the viewport, when the link was in a
/// result row) and the window's scroll position then.
#[derive(Clone, Debug)]
struct Opened {
    list: String,
    row: Option<(String, String, f64)>,
    scroll_y: f64,
}

/// Provided by the app shell, read by the explorer and the record pages.
#[derive(Clone, Copy)]
pub struct ListReturn(StoredValue<Option<Opened>>);

pub fn provide() {
    provide_context(ListReturn(StoredValue::new(None)));
    // The app puts the scroll position back itself, once the list is drawn again: the browser's
    // own restoration comes too early (the list is not there yet) and would undo it.
    if let Ok(history) = js_sys::Reflect::get(&window(), &"history".into()) {
        let _ = js_sys::Reflect::set(&history, &"scrollRestoration".into(), &"manual".into());
    }
}

fn use_list_return() -> Option<ListReturn> {
    use_context::<ListReturn>()
}

/// To be called on a click in the results: when it follows a link, the list (`list`, the
/// explorer's address) is remembered, with the result row the link was in.
pub fn remember_click(ev: &leptos::ev::MouseEvent, list: impl FnOnce() -> String) {
    let Some(ret) = use_list_return() else { return };
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    if target.closest("a").ok().flatten().is_none() {
        return;
    }
    let row = target.closest("tr[data-id]").ok().flatten();
    let row = row.and_then(|r| Some((r.get_attribute("data-testid")?, r.get_attribute("data-id")?, r.get_bounding_client_rect().top())));
    let scroll_y = window().scroll_y().unwrap_or(0.0);
    ret.0.set_value(Some(Opened { list: list(), row, scroll_y }));
}

/// The way back, read where the context is (a component), for `restore` run later.
pub fn handle() -> Option<ListReturn> {
    use_list_return()
}

/// Once the list at `list` is drawn: if a row was opened from this same list, the scroll
/// position comes back and the row's link gets the focus (then the memory is spent).
pub fn restore(ret: Option<ListReturn>, list: &str) {
    let Some(ret) = ret else { return };
    let Some(opened) = ret.0.with_value(|o| o.clone()).filter(|o| o.list == list) else { return };
    ret.0.set_value(None);
    window().scroll_to_with_x_and_y(0.0, opened.scroll_y);
    let Some((testid, id, top)) = &opened.row else { return };
    let id = id.replace('\\', "\\\\").replace('"', "\\\"");
    let Some(row) = document().query_selector(&format!("[data-testid={testid}][data-id=\"{id}\"]")).ok().flatten() else { return };
    if let Some(link) = row.query_selector("a").ok().flatten().and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = link.focus();
    }
    // The row where it was in the viewport (the page above it may have grown or shrunk).
    settle(row, *top, 30, 0);
}

/// Puts `row` back at `top` in the viewport, then again in the next frames until it has not
/// moved for two frames (at most `frames_left` more).
fn settle(row: web_sys::Element, top: f64, frames_left: u32, still: u32) {
    let delta = row.get_bounding_client_rect().top() - top;
    if delta.abs() >= 1.0 {
        window().scroll_by_with_x_and_y(0.0, delta);
    }
    let still = if delta.abs() < 1.0 { still + 1 } else { 0 };
    if frames_left > 0 && still < 2 {
        request_animation_frame(move || settle(row, top, frames_left - 1, still));
    }
}

/// The record pages' link back to the list: the list the record was opened from ("← Retour à la
/// liste"), or `default_path` with its label when the visitor arrived on the record.
pub fn back_link(default_path: &str, default_label: &'static str) -> impl IntoView {
    let remembered = use_list_return().and_then(|r| r.0.with_value(|o| o.as_ref().map(|o| o.list.clone())));
    let label = if remembered.is_some() { "← Retour à la liste" } else { default_label };
    let to = remembered.unwrap_or_else(|| crate::paths::href(default_path));
    view! { <p class="breadcrumb"><a href=to data-testid="back-to-list">{crate::i18n::t(label)}</a></p> }
}
