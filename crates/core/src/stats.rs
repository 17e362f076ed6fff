//! Figures for the charts (`vue=stats`), computed over the items that match every filter.
//! Unknown amounts and years are counted apart, never summed as zero.

use crate::engine::Results;
use crate::model::Dataset;
use crate::query::Tab;

/// One bar: a value id (for the click-to-filter), its label and figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub value: String,
    pub label: String,
    /// Number of items.
    pub count: usize,
    /// Funders: projects where this funder is the only published funder (the rest are co-funded).
    pub sole: usize,
    /// Funders: sum of this funder's published amounts.
    pub amount: f64,
    /// Funders: funding lines of this funder without a published amount.
    pub unpublished_lines: usize,
}

impl Bar {
    fn new(value: &str, label: &str) -> Bar {
        Bar { value: value.into(), label: label.into(), count: 0, sole: 0, amount: 0.0, unpublished_lines: 0 }
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Stats {
    pub items: usize,
    /// Projects: per funder, in the reference order, funders with no project left out.
    pub funders: Vec<Bar>,
    /// Projects: per year, oldest first.
    pub years: Vec<Bar>,
    pub unknown_year: usize,
    /// Per theme, most frequent first.
    pub themes: Vec<Bar>,
    /// Projects: the 10 pôles with the most projects.
    pub top_poles: Vec<Bar>,
    /// Pôles: per labelling phase.
    pub phases: Vec<Bar>,
    /// Pôles: per region, most frequent first.
    pub regions: Vec<Bar>,
}

/// Bars with items, most first (ties in reference order).
fn sorted_desc(mut bars: Vec<Bar>) -> Vec<Bar> {
    bars.retain(|b| b.count > 0);
    let order = crate::listing::order_by(bars.len(), |i| (u64::MAX - bars[i].count as u64, 0));
    crate::listing::permute(bars, &order)
}

pub fn compute(data: &Dataset, results: &Results) -> Stats {
    let mut s = Stats { items: results.items.len(), ..Stats::default() };
    match results.tab {
        Tab::Projets => {
            let mut funders: Vec<Bar> = data.refs.funders.iter().map(|f| Bar::new(&f.id, &f.label)).collect();
            // Count per year, by offset from the first year a project can have (validation keeps
            // years within 1950..=2100); a vector keeps a map type out of the WASM.
            let mut years: Vec<usize> = vec![0; 201];
            let mut themes: Vec<Bar> = data.refs.themes.iter().map(|t| Bar::new(&t.id, &t.label)).collect();
            let mut poles: Vec<Bar> = data.poles.iter().map(|p| Bar::new(&p.id, p.display_short())).collect();
            for p in results.items.iter().filter_map(|&i| data.projects.get(i)) {
                let ids = p.funder_ids();
                for id in &ids {
                    if let Some(b) = funders.iter_mut().find(|b| b.value == *id) {
                        b.count += 1;
                        b.sole += (ids.len() == 1) as usize;
                    }
                }
                for line in &p.funding {
                    if let Some(b) = funders.iter_mut().find(|b| b.value == line.funder) {
                        match line.amount_eur {
                            Some(a) => b.amount += a,
                            None => b.unpublished_lines += 1,
                        }
                    }
                }
                match p.year {
                    Some(y) if (1900..=2100).contains(&y) => years[(y - 1900) as usize] += 1,
                    Some(_) => s.unknown_year += 1,
                    None => s.unknown_year += 1,
                }
                for t in &p.themes {
                    if let Some(b) = themes.iter_mut().find(|b| b.value == *t) {
                        b.count += 1;
                    }
                }
                for id in &p.poles {
                    if let Some(b) = poles.iter_mut().find(|b| b.value == *id) {
                        b.count += 1;
                    }
                }
            }
            funders.retain(|b| b.count > 0);
            s.funders = funders;
            s.years = years
                .into_iter()
                .enumerate()
                .filter(|(_, n)| *n > 0)
                .map(|(k, n)| {
                    let y = (1900 + k).to_string();
                    Bar { count: n, ..Bar::new(&y, &y) }
                })
                .collect();
            s.themes = sorted_desc(themes);
            s.top_poles = sorted_desc(poles).into_iter().take(10).collect();
        }
        Tab::Poles => {
            let mut themes: Vec<Bar> = data.refs.themes.iter().map(|t| Bar::new(&t.id, &t.label)).collect();
            let mut phases: Vec<Bar> = crate::PHASES.iter().map(|p| Bar::new(p, p)).collect();
            let mut regions: Vec<Bar> = data.refs.regions.iter().map(|r| Bar::new(&r.code, &r.name)).collect();
            for p in results.items.iter().filter_map(|&i| data.poles.get(i)) {
                for (list, vals) in [(&mut themes, &p.themes), (&mut phases, &p.phases), (&mut regions, &p.regions)] {
                    for v in vals {
                        if let Some(b) = list.iter_mut().find(|b| b.value == *v) {
                            b.count += 1;
                        }
                    }
                }
            }
            s.themes = sorted_desc(themes);
            phases.retain(|b| b.count > 0);
            s.phases = phases;
            s.regions = sorted_desc(regions);
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::Query;

    #[test]
    fn figures_add_up_to_the_list() {
        let (d, index) = crate::testdata::bundled();
        let r = index.search(&Query::default());
        let s = compute(d, &r);
        assert_eq!(s.items, d.projects.len());
        assert_eq!(s.years.iter().map(|b| b.count).sum::<usize>() + s.unknown_year, d.projects.len());
        let published: f64 = d.projects.iter().flat_map(|p| &p.funding).filter_map(|f| f.amount_eur).sum();
        assert!((s.funders.iter().map(|b| b.amount).sum::<f64>() - published).abs() < 1e-6);
        let unpublished = d.projects.iter().flat_map(|p| &p.funding).filter(|f| f.amount_eur.is_none()).count();
        assert_eq!(s.funders.iter().map(|b| b.unpublished_lines).sum::<usize>(), unpublished);
        let fui = s.funders.iter().find(|b| b.value == "FUI").unwrap();
        assert_eq!(fui.count, d.projects.iter().filter(|p| p.funder_ids().contains(&"FUI")).count());
        assert!(fui.sole <= fui.count);
        assert!(s.top_poles.len() <= 10 && s.top_poles.windows(2).all(|w| w[0].count >= w[1].count));
        let mut q = Query::default();
        q.tab = Tab::Poles;
        let s = compute(d, &index.search(&q));
        assert_eq!(s.phases.iter().find(|b| b.value == "2023-2026").unwrap().count, d.poles.iter().filter(|p| p.phases.iter().any(|x| x == "2023-2026")).count());
    }
}
