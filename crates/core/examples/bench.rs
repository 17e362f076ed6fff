//! Native benchmark of the engine: `cargo run --release -p poles-core --features synthetic --example bench`
//! (run by `make bench`). Prints, per dataset, parse+validation and index build times, and the
//! median / p95 / max time of one filter change (filter + all facet counts + totals + sort).

use poles_core::bench::{measure, HEADER};
use poles_core::validate::load_referentiels;
use std::time::Instant;

fn main() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data/");
    let read = |f: &str| std::fs::read_to_string(format!("{root}{f}")).expect("bundled data");
    let bundled = [read("referentiels.json"), read("poles.json"), read("projects.json")];
    let (refs, _) = load_referentiels(&bundled[0], &mut Vec::new()).expect("referentiels");
    let clock = Instant::now();
    let now = move || clock.elapsed().as_secs_f64() * 1000.0;
    println!("== native (release, x86_64) ==");
    println!("{HEADER}");
    println!("{}", measure("bundled", &bundled, 1, &now));
    for n in [1_000, 10_000, 100_000] {
        println!("{}", measure(&format!("synthetic {n}"), &poles_core::synthetic::files(&refs, n, 2026), 1, &now));
    }
}
