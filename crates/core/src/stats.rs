//! Figures for the charts (`vue=stats`), computed over the items that match every filter.
//! Unknown amounts and years are counted apart, never summed as zero.

use crate::engine::Results;
use crate::model::{Dataset, PoleRole};
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
    /// Sum of the published amounts (funders: this funder's; other bars: their projects').
    pub amount: f64,
    /// Projects with a published amount (funders: with one of this funder's).
    pub published: usize,
    /// Funders: funding lines of this funder without a published amount.
    pub unpublished_lines: usize,
}

impl Bar {
    fn new(value: &str, label: &str) -> Bar {
        Bar { value: value.into(), label: label.into(), count: 0, sole: 0, amount: 0.0, published: 0, unpublished_lines: 0 }
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
        Tab::Projets | Tab::Organisations => {
            let mut funders: Vec<Bar> = data.refs.funders.iter().map(|f| Bar::new(&f.id, &f.label)).collect();
            // Count per year, by offset from the first year a project can have (validation keeps
            // years within 1950..=2100); a vector keeps a map type out of the WASM.
            let mut years: Vec<Bar> = (1900..=2100).map(|y: u16| Bar::new(&y.to_string(), &y.to_string())).collect();
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
                for id in &ids {
                    if let Some(b) = funders.iter_mut().find(|b| b.value == *id) {
                        b.published += p.funding.iter().any(|l| l.funder == *id && l.amount_eur.is_some()) as usize;
                    }
                }
                // The project's money, for the other charts: its published amounts, if any.
                let (sum, _) = p.published_funding();
                let published = p.funding.iter().any(|l| l.amount_eur.is_some()) as usize;
                let add = |b: &mut Bar| {
                    b.count += 1;
                    b.amount += sum;
                    b.published += published;
                };
                match p.year {
                    Some(y) if (1900..=2100).contains(&y) => add(&mut years[(y - 1900) as usize]),
                    _ => s.unknown_year += 1,
                }
                for t in &p.themes {
                    if let Some(b) = themes.iter_mut().find(|b| b.value == *t) {
                        add(b);
                    }
                }
                for id in &p.poles {
                    if let Some(b) = poles.iter_mut().find(|b| b.value == *id) {
                        add(b);
                    }
                }
            }
            funders.retain(|b| b.count > 0);
            s.funders = funders;
            years.retain(|b| b.count > 0);
            s.years = years;
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
        // Money per year: the published sums of the year's projects, and how many have one.
        let with_amount = |p: &&&crate::model::Project| p.funding.iter().any(|f| f.amount_eur.is_some());
        for b in &s.years {
            let of_year: Vec<_> = d.projects.iter().filter(|p| p.year.map(|y| y.to_string()) == Some(b.value.clone())).collect();
            assert_eq!(b.published, of_year.iter().filter(with_amount).count(), "{}", b.value);
            assert!((b.amount - of_year.iter().map(|p| p.published_funding().0).sum::<f64>()).abs() < 1e-6);
        }
        assert!(s.years.iter().any(|b| b.published < b.count), "some years have projects without an amount");
        assert_eq!(fui.published, d.projects.iter().filter(|p| p.funding.iter().any(|f| f.funder == "FUI" && f.amount_eur.is_some())).count());
        let q = Query { tab: Tab::Poles, ..Query::default() };
        let s = compute(d, &index.search(&q));
        assert_eq!(
            s.phases.iter().find(|b| b.value == "2023-2026").unwrap().count,
            d.poles.iter().filter(|p| p.phases.iter().any(|x| x == "2023-2026")).count()
        );
    }
}

/// How complete the data is, over a set of projects: published amounts, and where the
/// territories come from (the partners' published locations, or inferred).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Coverage {
    pub projects: usize,
    /// Projects with at least one published amount.
    pub with_amount: usize,
    /// Territory read from the sources (partners' or lead's location, or the source itself).
    pub territory_from_sources: usize,
    /// Territory inferred (from the pôle, the funders, a company's known location).
    pub territory_inferred: usize,
}

impl Coverage {
    pub fn territory_unknown(&self) -> usize {
        self.projects - self.territory_from_sources - self.territory_inferred
    }
}

/// Whole-number percentage, rounded down, of `part` in `whole` (0 when `whole` is 0).
pub fn percent(part: usize, whole: usize) -> usize {
    (part * 100).checked_div(whole).unwrap_or(0)
}

/// Coverage of a set of projects (the explorer computes it for each selection: kept light).
pub fn coverage<'a>(projects: impl IntoIterator<Item = &'a crate::model::Project>) -> Coverage {
    use crate::model::TerritoryBasis as B;
    let mut c = Coverage::default();
    for p in projects {
        c.projects += 1;
        c.with_amount += p.funding.iter().any(|f| f.amount_eur.is_some()) as usize;
        match p.territory.basis {
            Some(B::Partners | B::Lead | B::SourceRegion) => c.territory_from_sources += 1,
            Some(B::PoleHome | B::Funders | B::Inferred) => c.territory_inferred += 1,
            None => {}
        }
    }
    c
}

/// Per funder (id, label) with funding lines: number of lines, lines with a published amount.
pub fn funder_coverage<'a>(data: &Dataset, projects: impl IntoIterator<Item = &'a crate::model::Project>) -> Vec<(String, String, usize, usize)> {
    let mut funders: Vec<(String, String, usize, usize)> = data.refs.funders.iter().map(|f| (f.id.clone(), f.label.clone(), 0, 0)).collect();
    for f in projects.into_iter().flat_map(|p| &p.funding) {
        if let Some(x) = funders.iter_mut().find(|x| x.0 == f.funder) {
            x.2 += 1;
            x.3 += f.amount_eur.is_some() as usize;
        }
    }
    funders.retain(|x| x.2 > 0);
    funders
}

/// One funder's money in a selection of projects.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct FunderMoney {
    /// Sum of the funder's published amounts.
    pub amount: f64,
    /// Projects where at least one of the funder's amounts is published.
    pub with_amount: usize,
    /// Projects funded by it where none of its amounts is published.
    pub without_amount: usize,
}

/// What `funder` gives to the projects, as published: each project it funds counts once, with a
/// published amount or without one (never as zero).
pub fn funder_money<'a>(funder: &str, projects: impl IntoIterator<Item = &'a crate::model::Project>) -> FunderMoney {
    let mut m = FunderMoney::default();
    for p in projects {
        let mut lines = p.funding.iter().filter(|f| f.funder == funder).peekable();
        if lines.peek().is_none() {
            continue;
        }
        let amounts: Vec<f64> = lines.filter_map(|f| f.amount_eur).collect();
        if amounts.is_empty() {
            m.without_amount += 1;
        } else {
            m.with_amount += 1;
            m.amount += amounts.iter().sum::<f64>();
        }
    }
    m
}

/// How many projects have each pôle role (the four roles, then unknown).
pub fn role_counts<'a>(projects: impl IntoIterator<Item = &'a crate::model::Project>) -> [(Option<PoleRole>, usize); 5] {
    let mut out = [Some(PoleRole::Labellisateur), Some(PoleRole::Porteur), Some(PoleRole::Partenaire), Some(PoleRole::Soutien), None].map(|r| (r, 0));
    for p in projects {
        if let Some(slot) = out.iter_mut().find(|(r, _)| *r == p.pole_role) {
            slot.1 += 1;
        }
    }
    out
}

#[cfg(test)]
mod coverage_tests {
    use super::*;

    #[test]
    fn coverage_counts_add_up() {
        let (d, _) = crate::testdata::bundled();
        let c = coverage(&d.projects);
        assert_eq!(c.projects, d.projects.len());
        assert_eq!(c.with_amount, d.projects.iter().filter(|p| p.funding.iter().any(|f| f.amount_eur.is_some())).count());
        assert_eq!(c.territory_from_sources + c.territory_inferred + c.territory_unknown(), c.projects);
        assert!(c.territory_inferred >= 178, "pôle-home territories are inferred");
        let lines: usize = funder_coverage(d, &d.projects).iter().map(|f| f.2).sum();
        assert_eq!(lines, d.projects.iter().map(|p| p.funding.len()).sum::<usize>());
        assert_eq!(percent(1, 3), 33);
        assert_eq!(percent(0, 0), 0);
        let roles = role_counts(&d.projects);
        assert_eq!(roles.iter().map(|r| r.1).sum::<usize>(), d.projects.len());
        assert_eq!(roles[0], (Some(PoleRole::Labellisateur), d.projects.iter().filter(|p| p.pole_role == Some(PoleRole::Labellisateur)).count()));
        assert!(roles[2].1 > 0 && roles[4].1 > 0, "the bundled data has partners and unknown roles");
    }

    #[test]
    fn funder_money_counts_each_project_once_with_or_without_an_amount() {
        let (d, _) = crate::testdata::bundled();
        for funder in ["FUI", "Region", "Bpifrance", "FEDER", "NOPE"] {
            let funded: Vec<_> = d.projects.iter().filter(|p| p.funding.iter().any(|f| f.funder == funder)).collect();
            let m = funder_money(funder, &d.projects);
            assert_eq!(m.with_amount + m.without_amount, funded.len(), "{funder}: every funded project once");
            let sum: f64 = funded.iter().flat_map(|p| &p.funding).filter(|f| f.funder == funder).filter_map(|f| f.amount_eur).sum();
            assert_eq!(m.amount, sum, "{funder}");
        }
        let fui = funder_money("FUI", &d.projects);
        assert!(fui.with_amount > 0 && fui.without_amount > 0 && fui.amount > 0.0, "the bundled FUI lines are partly published");
        assert_eq!(funder_money("NOPE", &d.projects), FunderMoney::default());
    }
}
