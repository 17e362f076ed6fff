//! Keyboard use of a facet's list, or of a chart's bars: the list is one tab stop (a roving
//! focus). Tab lands on the value last focused in it (or its first value that can be chosen);
//! arrows move between values, Home and End go to the ends, Space (or Enter) checks a value, `-`
//! or Delete excludes a facet's value. The list's own `tabindex` is 0 only while the focus is
//! outside it, so Shift+Tab leaves it too. Written on the DOM directly: the values' rows
//! subscribe to nothing shared.

use leptos::ev::{FocusEvent, KeyboardEvent};
use wasm_bindgen::JsCast;

/// The focusable part of an item: a facet value's button (`.option`; the exclusion toggle is the
/// `li`'s last child), or a chart bar's row (`.hit`, an SVG rectangle).
fn option_of(li: Option<web_sys::Element>) -> Option<web_sys::Element> {
    li?.query_selector(".option,.hit").ok().flatten()
}

fn usable(b: &web_sys::Element) -> bool {
    !b.has_attribute("disabled")
}

/// The first usable value after (`forward`) or before `from` (`from` itself when `inclusive`).
fn step(from: Option<web_sys::Element>, forward: bool, inclusive: bool) -> Option<web_sys::Element> {
    let next = |li: &web_sys::Element| if forward { li.next_element_sibling() } else { li.previous_element_sibling() };
    let mut li = if inclusive { from } else { from.as_ref().and_then(next) };
    while let Some(item) = li {
        if let Some(b) = option_of(Some(item.clone())).filter(usable) {
            return Some(b);
        }
        li = next(&item);
    }
    None
}

fn list_of(ev: &web_sys::Event) -> Option<web_sys::Element> {
    ev.current_target()?.dyn_into().ok()
}

/// The list itself got the focus (Tab): it goes on to the last focused value, or the first usable.
pub fn enter(ev: FocusEvent) {
    let Some(list) = list_of(&ev) else { return };
    if ev.target().map(|t| t.unchecked_into::<web_sys::Element>()) != Some(list.clone()) {
        return;
    }
    let last = list.query_selector("[data-last-focused]").ok().flatten().filter(usable);
    if let Some(b) = last.or_else(|| step(list.first_element_child(), true, true)) {
        crate::components::focus_element(&b);
    }
}

/// A value got the focus: it is the one Tab comes back to; the list stops being a tab stop.
pub fn inside(ev: FocusEvent) {
    let Some(list) = list_of(&ev) else { return };
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    if target == list {
        return;
    }
    let _ = list.set_attribute("tabindex", "-1");
    if target.matches(".option,.hit").unwrap_or(false) {
        if let Ok(Some(old)) = list.query_selector("[data-last-focused]") {
            let _ = old.remove_attribute("data-last-focused");
        }
        let _ = target.set_attribute("data-last-focused", "");
    }
}

/// The focus left the list: it is a tab stop again.
pub fn leave(ev: FocusEvent) {
    let Some(list) = list_of(&ev) else { return };
    if crate::components::focus_went_outside(&ev, &list) != Some(false) {
        let _ = list.set_attribute("tabindex", "0");
    }
}

/// Arrows, Home, End move between values; `-` or Delete toggles the exclusion of the focused one.
pub fn keys(ev: KeyboardEvent) {
    let Some(list) = list_of(&ev) else { return };
    let Some(li) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|t| t.closest("li,.bar").ok().flatten()) else { return };
    let target = match ev.key().as_str() {
        "ArrowDown" | "ArrowRight" => step(Some(li), true, false),
        "ArrowUp" | "ArrowLeft" => step(Some(li), false, false),
        "Home" => step(list.first_element_child(), true, true),
        "End" => step(list.last_element_child(), false, true),
        "-" | "Delete" if li.tag_name() == "LI" => {
            ev.prevent_default();
            if let Some(exclude) = li.last_element_child().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                exclude.click();
            }
            return;
        }
        _ => return,
    };
    ev.prevent_default();
    if let Some(b) = target {
        crate::components::focus_element(&b);
    }
}
