//! A benchmark scenario shared by the native and the browser benchmarks (feature `synthetic`):
//! a seeded sequence of filter changes like a visitor's clicks, timed by the caller's clock.

use crate::engine::Index;
use crate::query::{Facet, Query, ValueState};
use crate::synthetic::Rng;

/// `n` successive states on the projects tab (the large one): each toggles one facet value, sets a
/// search text, toggles a year bound, or clears all.
pub fn scenario(index: &Index, n: usize, seed: u64) -> Vec<Query> {
    let mut rng = Rng::new(seed);
    let mut q = Query::default();
    let mut out = Vec::with_capacity(n);
    let texts = ["", "pole", "énergie", "securite", "systeme intelligent", "a"];
    for _ in 0..n {
        match rng.below(10) {
            0 => q = q.cleared(),
            1 => q.text = texts[rng.below(texts.len())].to_string(),
            2 => {
                q.year_min = if q.year_min.is_some() { None } else { Some(2010 + rng.below(8) as u16) };
            }
            _ => {
                let f = [Facet::Region, Facet::Theme, Facet::Financeur, Facet::Pole, Facet::Departement][rng.below(5)];
                let vals = index.values(f);
                if !vals.is_empty() {
                    let v = vals[rng.skewed(vals.len())].clone();
                    let next = match q.facet(f).state(&v) {
                        ValueState::Off if rng.chance(20) => ValueState::Excluded,
                        ValueState::Off => ValueState::Included,
                        _ => ValueState::Off,
                    };
                    q.facet_mut(f).set(&v, next);
                }
            }
        }
        out.push(q.clone());
    }
    out
}

/// Times every state of the scenario `rounds` times with `now` (milliseconds) and returns the
/// durations in milliseconds of one search (filter + facet counts + totals + sort). Each timing
/// averages `reps` identical searches, for clocks of coarse resolution (browsers: 0.1 ms).
pub fn run(index: &Index, states: &[Query], rounds: usize, reps: usize, now: &dyn Fn() -> f64) -> Vec<f64> {
    let reps = reps.max(1);
    let mut out = Vec::with_capacity(states.len() * rounds);
    let mut sink = 0usize;
    for _ in 0..rounds {
        for q in states {
            let t0 = now();
            for _ in 0..reps {
                sink = sink.wrapping_add(index.search(q).items.len());
            }
            out.push((now() - t0) / reps as f64);
        }
    }
    assert!(sink < usize::MAX);
    out
}

/// (median, p95, max) of durations.
pub fn stats(mut d: Vec<f64>) -> (f64, f64, f64) {
    if d.is_empty() {
        return (0.0, 0.0, 0.0);
    }
    d.sort_by(f64::total_cmp);
    let at = |p: f64| d[((d.len() - 1) as f64 * p).round() as usize];
    (at(0.5), at(0.95), d[d.len() - 1])
}

/// Runs the whole benchmark on one dataset (the three files' texts) and returns a table row:
/// name, projects, parse+validate ms, index ms, median, p95 and max ms per filter change.
pub fn measure(name: &str, files: &[String; 3], reps: usize, now: &dyn Fn() -> f64) -> String {
    let t0 = now();
    let loaded = match crate::validate::load_all(&files[0], &files[1], &files[2]) {
        Ok(l) => l,
        Err(e) => return format!("{name}: {e}"),
    };
    let t1 = now();
    let index = Index::new(&loaded.dataset);
    let t2 = now();
    let states = scenario(&index, 60, 7);
    let n = loaded.dataset.projects.len();
    let rounds = if n > 50_000 { 2 } else { 5 };
    let (median, p95, max) = stats(run(&index, &states, rounds, reps, now));
    format!("{name:<18} {n:>9} {:>12.1} {:>12.1} {median:>10.3} {p95:>10.3} {max:>10.3}", t1 - t0, t2 - t1)
}

/// The header of `measure`'s rows.
pub const HEADER: &str = "dataset             projects  parse+valid  index build  median ms     p95 ms     max ms";

#[cfg(test)]
mod tests {
    #[test]
    fn stats_are_order_statistics() {
        let (m, p, x) = super::stats((1..=100).map(|i| i as f64).collect());
        assert_eq!((m, p, x), (51.0, 95.0, 100.0));
    }
}
