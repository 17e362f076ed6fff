//! Task boundaries: work after the next paint, in a task of its own, or a yield in an async load.

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
