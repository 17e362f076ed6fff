//! Performance marks read by the browser benchmark (`make bench`): `pe-indexed` (its start time is
//! the time from navigation to the data fetched, validated and indexed), `pe-index` (index build),
//! `pe-search` (engine time of one filter change) and `pe-filter-to-paint` (filter change to the
//! results painted).

use wasm_bindgen::prelude::*;

fn performance() -> Option<web_sys::Performance> {
    web_sys::window()?.performance()
}

pub fn mark(name: &str) {
    if let Some(p) = performance() {
        let _ = p.mark(name);
    }
}

pub fn measure(name: &str, start: &str, end: &str) {
    if let Some(p) = performance() {
        let _ = p.measure_with_start_mark_and_end_mark(name, start, end);
    }
}

/// Marks the end of a filter change once the browser has painted the new results, and measures
/// it from the last `pe-filter-start`: a task queued from the next animation frame runs right
/// after that frame's style, layout and paint (the usual "after next paint" measure).
pub fn after_paint_measure() {
    let Some(w) = web_sys::window() else { return };
    let inner = Closure::once_into_js(move || {
        if let Some(w) = web_sys::window() {
            let done = Closure::once_into_js(move || {
                mark("pe-results-painted");
                measure("pe-filter-to-paint", "pe-filter-start", "pe-results-painted");
            });
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(done.unchecked_ref(), 0);
        }
    });
    let _ = w.request_animation_frame(inner.unchecked_ref());
}

/// Bytes of WASM linear memory, for the benchmark's memory figure.
#[wasm_bindgen(js_name = wasmMemoryBytes)]
pub fn wasm_memory_bytes() -> f64 {
    wasm_bindgen::memory().dyn_into::<js_sys::WebAssembly::Memory>().map(|m| m.buffer().dyn_into::<js_sys::ArrayBuffer>().map(|b| b.byte_length() as f64).unwrap_or(0.0)).unwrap_or(0.0)
}
