//! Performance marks read by the browser benchmark (`make bench`): `pe-indexed` (its start time is
//! the time from navigation to the data fetched, validated and indexed), `pe-index` (index build),
//! `pe-search` (engine time of one filter change) and `pe-filter-to-paint` (filter change to the
//! results painted). Each measure clears its marks and itself once recorded, so nothing
//! accumulates; the benchmark reads them with a `PerformanceObserver`.

use wasm_bindgen::prelude::*;

fn performance() -> Option<web_sys::Performance> {
    web_sys::window()?.performance()
}

pub fn mark(name: &str) {
    if let Some(p) = performance() {
        let _ = p.mark(name);
    }
}

/// Records the measure `name` from `start` to `end`, then clears the two marks and the measure
/// from the timeline (observers have seen it).
pub fn measure(name: &str, start: &str, end: &str) {
    if let Some(p) = performance() {
        let _ = p.measure_with_start_mark_and_end_mark(name, start, end);
        p.clear_marks_with_mark_name(start);
        p.clear_marks_with_mark_name(end);
        p.clear_measures_with_measure_name(name);
    }
}

/// Marks the end of a filter change once the browser has painted the new results, and measures
/// it from the last `pe-filter-start`: a task queued from the next animation frame runs right
/// after that frame's style, layout and paint (the usual "after next paint" measure).
pub fn after_paint_measure() {
    crate::progressive::after_next_paint(|| {
        mark("pe-results-painted");
        measure("pe-filter-to-paint", "pe-filter-start", "pe-results-painted");
    });
}

/// Bytes of WASM linear memory, for the benchmark's memory figure.
#[wasm_bindgen(js_name = wasmMemoryBytes)]
pub fn wasm_memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map(|m| m.buffer().dyn_into::<js_sys::ArrayBuffer>().map(|b| b.byte_length() as f64).unwrap_or(0.0))
        .unwrap_or(0.0)
}
