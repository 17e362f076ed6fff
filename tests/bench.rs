//! Browser benchmark of the engine in headless Chromium (run by `make bench`, not by `make test`):
//! `cargo test --release --target wasm32-unknown-unknown -p poles-explorer --test bench -- --nocapture`.
#![cfg(target_arch = "wasm32")]

use poles_core::bench::{measure, HEADER};
use poles_core::validate::load_referentiels;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn engine_latency_in_chromium() {
    let perf = web_sys::window().and_then(|w| w.performance()).expect("performance API");
    let now = move || perf.now();
    let bundled = [
        include_str!("../public/data/referentiels.json").to_string(),
        include_str!("../public/data/poles.json").to_string(),
        include_str!("../public/data/projects.json").to_string(),
    ];
    let (refs, _) = load_referentiels(&bundled[0], &mut Vec::new()).expect("referentiels");
    console_log!("== Chromium (wasm, release) ==");
    console_log!("{HEADER}");
    console_log!("{}", measure("bundled", &bundled, 20, &now));
    for n in [1_000, 10_000] {
        console_log!("{}", measure(&format!("synthetic {n}"), &poles_core::synthetic::files(&refs, n, 2026), if n > 5_000 { 3 } else { 10 }, &now));
    }
}
