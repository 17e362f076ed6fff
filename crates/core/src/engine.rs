//! The filtering engine: matches, disjunctive facet counts, totals and sort, in one pass.
//!
//! Semantics (stated in the UI too):
//! - OR within a facet, AND across facets; an excluded value removes every item that has it.
//! - Funders in "tous" mode: an item must have *all* the included funders.
//! - A project matches a region (département) when any of its regions (départements) does; a
//!   pôle when it covers the region, or when its headquarters is in the département.
//! - A year bound keeps only items with a known year within the bounds.
//! - Text: every word of the folded query must occur in the item's folded text.
//! - The count next to a value is the number of items that have the value among those kept by
//!   all the *other* filters (disjunctive faceting). In "tous" mode the funder counts are those
//!   of the items kept by all filters, funders included (what adding the value would give).

use crate::model::{Dataset, Pole, Project};
use crate::query::{Facet, FunderMode, Query, Sort, Tab};
use crate::listing::{order_by, order_by_text, permute};
use crate::text::fold;
use crate::PHASES;
use std::collections::HashMap;
use std::sync::Mutex;

const N_FACETS: usize = 6;
const TEXT_BIT: u8 = 1 << 6;
const YEAR_BIT: u8 = 1 << 7;

/// One searchable item (a project or a pôle), with interned facet values.
#[derive(Debug, Clone)]
struct Row {
    /// Index of the item in `Dataset::projects` or `Dataset::poles`.
    item: u32,
    values: [Vec<u16>; N_FACETS],
    text: String,
    year: Option<u16>,
    /// Position in alphabetical order.
    name_rank: u32,
    /// Sum of published amounts (projects) or number of projects (pôles).
    weight: f64,
    has_published_amount: bool,
    has_unpublished_amount: bool,
}

/// Precomputed search structures over a dataset. Build once per dataset.
#[derive(Debug)]
pub struct Index {
    dicts: [Vec<String>; N_FACETS],
    positions: [HashMap<String, u16>; N_FACETS],
    projects: Vec<Row>,
    poles: Vec<Row>,
    /// Number of projects of each pôle, by `Dataset::poles` index.
    pole_projects: Vec<u32>,
    /// The text matches of the last search, per tab: a facet click does not re-scan the texts.
    text_cache: Mutex<[Option<(String, Vec<bool>)>; 2]>,
}

impl Clone for Index {
    fn clone(&self) -> Self {
        Index {
            dicts: self.dicts.clone(),
            positions: self.positions.clone(),
            projects: self.projects.clone(),
            poles: self.poles.clone(),
            pole_projects: self.pole_projects.clone(),
            text_cache: Mutex::new([None, None]),
        }
    }
}

/// Totals of the current selection.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Totals {
    pub count: usize,
    /// Sum of the published amounts of the matching projects.
    pub amount_published: f64,
    /// Matching projects with at least one published amount.
    pub with_published_amount: usize,
    /// Matching projects with at least one funding line whose amount is not published.
    pub with_unpublished_amount: usize,
}

/// The outcome of a query.
#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    pub tab: Tab,
    /// Indexes into `Dataset::projects` or `Dataset::poles`, sorted.
    pub items: Vec<usize>,
    /// Per facet, the count of each value of `Index::values(facet)`.
    pub counts: [Vec<u32>; N_FACETS],
    /// Per facet and value, over the same items as `counts` (projects tab): sum of the published
    /// amounts, and number of projects with at least one unpublished amount.
    pub amounts: [Vec<f64>; N_FACETS],
    pub unpublished: [Vec<u32>; N_FACETS],
    pub totals: Totals,
    /// Matching items dropped because a year bound is set and their year is unknown.
    pub unknown_year_excluded: usize,
}

/// HQ département from an INSEE commune code ("21231" -> "21", "97411" -> "974", "2A004" -> "2A").
pub fn departement_of_commune(code: &str) -> Option<&str> {
    if code.len() != 5 {
        return None;
    }
    let n = if code.starts_with("97") { 3 } else { 2 };
    code.get(..n)
}

fn push_unique(v: &mut Vec<u16>, x: u16) {
    if !v.contains(&x) {
        v.push(x);
    }
}

impl Index {
    pub fn new(data: &Dataset) -> Index {
        let mut dicts: [Vec<String>; N_FACETS] = Default::default();
        let by_label = |v: Vec<(String, String)>| {
            let labels: Vec<String> = v.iter().map(|(_, l)| l.clone()).collect();
            order_by_text(&labels).into_iter().map(|i| v[i].0.clone()).collect::<Vec<_>>()
        };
        dicts[Facet::Region.index()] = by_label(data.refs.regions.iter().map(|r| (r.code.clone(), r.name.clone())).collect());
        dicts[Facet::Departement.index()] = data.refs.departements.iter().map(|d| d.code.clone()).collect();
        dicts[Facet::Theme.index()] = by_label(data.refs.themes.iter().map(|t| (t.id.clone(), t.label.clone())).collect());
        dicts[Facet::Financeur.index()] = data.refs.funders.iter().map(|f| f.id.clone()).collect();
        dicts[Facet::Pole.index()] = by_label(data.poles.iter().map(|p| (p.id.clone(), p.name.clone())).collect());
        dicts[Facet::Phase.index()] = PHASES.iter().map(|s| s.to_string()).collect();
        let positions: [HashMap<String, u16>; N_FACETS] =
            std::array::from_fn(|i| dicts[i].iter().enumerate().map(|(k, v)| (v.clone(), k as u16)).collect());

        let intern = |facet: Facet, vals: &mut dyn Iterator<Item = &str>| -> Vec<u16> {
            let mut out = Vec::new();
            for v in vals {
                if let Some(&k) = positions[facet.index()].get(v) {
                    push_unique(&mut out, k);
                }
            }
            out
        };

        let pole_names: HashMap<&str, String> = data
            .poles
            .iter()
            .map(|p| {
                let mut s = p.name.clone();
                for n in p.short_name.iter().chain(&p.former_names) {
                    s.push(' ');
                    s.push_str(n);
                }
                (p.id.as_str(), s)
            })
            .collect();

        let mut projects: Vec<Row> = data
            .projects
            .iter()
            .enumerate()
            .map(|(item, p)| {
                let mut values: [Vec<u16>; N_FACETS] = Default::default();
                values[Facet::Region.index()] = intern(Facet::Region, &mut p.territory.regions.iter().map(String::as_str));
                values[Facet::Departement.index()] = intern(Facet::Departement, &mut p.territory.departements.iter().map(String::as_str));
                values[Facet::Theme.index()] = intern(Facet::Theme, &mut p.themes.iter().map(String::as_str));
                values[Facet::Financeur.index()] = intern(Facet::Financeur, &mut p.funding.iter().map(|f| f.funder.as_str()));
                values[Facet::Pole.index()] = intern(Facet::Pole, &mut p.poles.iter().map(String::as_str));
                let (sum, unknown) = p.published_funding();
                Row {
                    item: item as u32,
                    values,
                    text: project_text(p, &pole_names),
                    year: p.year,
                    name_rank: 0,
                    weight: sum,
                    has_published_amount: p.funding.iter().any(|f| f.amount_eur.is_some()),
                    has_unpublished_amount: unknown > 0,
                }
            })
            .collect();
        let project_order = rank(&mut projects, data.projects.iter().map(|p| p.acronym.clone()).collect());

        let mut project_count: HashMap<&str, usize> = HashMap::new();
        for p in &data.projects {
            for id in &p.poles {
                *project_count.entry(id.as_str()).or_default() += 1;
            }
        }
        let mut poles: Vec<Row> = data
            .poles
            .iter()
            .enumerate()
            .map(|(item, p)| {
                let mut values: [Vec<u16>; N_FACETS] = Default::default();
                values[Facet::Region.index()] = intern(Facet::Region, &mut p.regions.iter().map(String::as_str));
                values[Facet::Departement.index()] =
                    intern(Facet::Departement, &mut p.hq.insee_commune.as_deref().and_then(departement_of_commune).into_iter());
                values[Facet::Theme.index()] = intern(Facet::Theme, &mut p.themes.iter().map(String::as_str));
                values[Facet::Phase.index()] = intern(Facet::Phase, &mut p.phases.iter().map(String::as_str));
                Row {
                    item: item as u32,
                    values,
                    text: pole_text(p),
                    year: None,
                    name_rank: 0,
                    weight: project_count.get(p.id.as_str()).copied().unwrap_or(0) as f64,
                    has_published_amount: false,
                    has_unpublished_amount: false,
                }
            })
            .collect();
        let pole_projects: Vec<u32> = poles.iter().map(|r| r.weight as u32).collect();
        let pole_order = rank(&mut poles, data.poles.iter().map(|p| p.name.clone()).collect());
        // Rows are stored in alphabetical order: a sequential scan yields the default sort.
        let projects = permute(projects, &project_order);
        let poles = permute(poles, &pole_order);
        Index { dicts, positions, projects, poles, pole_projects, text_cache: Mutex::new([None, None]) }
    }

    /// Number of projects labelled by the pôle at `Dataset::poles[pole]` (computed once, here).
    pub fn projects_of_pole(&self, pole: usize) -> usize {
        self.pole_projects.get(pole).copied().unwrap_or(0) as usize
    }

    /// The values of a facet, in display order (ids or INSEE codes).
    pub fn values(&self, facet: Facet) -> &[String] {
        &self.dicts[facet.index()]
    }

    /// Position of a value in `values(facet)`.
    pub fn position(&self, facet: Facet, value: &str) -> Option<usize> {
        self.positions[facet.index()].get(value).map(|&k| k as usize)
    }

    /// Runs a query: matching items (sorted), facet counts and totals.
    pub fn search(&self, q: &Query) -> Results {
        let rows = match q.tab {
            Tab::Projets => &self.projects,
            Tab::Poles => &self.poles,
        };
        let filters: Vec<(usize, FacetFilter)> = Facet::ALL
            .iter()
            .filter(|f| f.applies_to(q.tab))
            .filter(|f| !q.facet(**f).is_empty())
            .map(|&f| (f.index(), FacetFilter::new(self, f, q)))
            .collect();
        let text_match = self.text_matches(rows, q);
        let year_filter = q.tab == Tab::Projets && (q.year_min.is_some() || q.year_max.is_some());
        let all_mode = q.funder_mode == FunderMode::All && q.tab == Tab::Projets;
        const FULL: u8 = 0xFF;

        let mut counts: [Vec<u32>; N_FACETS] = std::array::from_fn(|i| vec![0; self.dicts[i].len()]);
        let mut amounts: [Vec<f64>; N_FACETS] = std::array::from_fn(|i| vec![0.0; self.dicts[i].len()]);
        let mut unpublished: [Vec<u32>; N_FACETS] = std::array::from_fn(|i| vec![0; self.dicts[i].len()]);
        let projects_tab = q.tab == Tab::Projets;
        let mut items = Vec::new();
        let mut totals = Totals::default();
        let mut unknown_year_excluded = 0;
        let active_facets: Vec<usize> = Facet::ALL.iter().filter(|f| f.applies_to(q.tab)).map(|f| f.index()).collect();

        for (i, row) in rows.iter().enumerate() {
            let mut mask: u8 = FULL;
            for (fi, filter) in &filters {
                if !filter.matches(&row.values[*fi]) {
                    mask &= !(1 << fi);
                }
            }
            if let Some(m) = &text_match {
                if !m[i] {
                    mask &= !TEXT_BIT;
                }
            }
            let mut year_unknown = false;
            if year_filter {
                let ok = match row.year {
                    Some(y) => q.year_min.is_none_or(|m| y >= m) && q.year_max.is_none_or(|m| y <= m),
                    None => {
                        year_unknown = true;
                        false
                    }
                };
                if !ok {
                    mask &= !YEAR_BIT;
                }
            }
            if mask == FULL {
                items.push(i);
                totals.count += 1;
                totals.amount_published += row.weight * (q.tab == Tab::Projets) as u8 as f64;
                totals.with_published_amount += row.has_published_amount as usize;
                totals.with_unpublished_amount += row.has_unpublished_amount as usize;
            } else if year_unknown && (mask | YEAR_BIT) == FULL {
                unknown_year_excluded += 1;
            }
            for &fi in &active_facets {
                let bit = 1u8 << fi;
                let counted = if fi == Facet::Financeur.index() && all_mode { mask == FULL } else { (mask | bit) == FULL };
                if counted {
                    for &v in &row.values[fi] {
                        counts[fi][v as usize] += 1;
                        if projects_tab {
                            amounts[fi][v as usize] += row.weight;
                            unpublished[fi][v as usize] += row.has_unpublished_amount as u32;
                        }
                    }
                }
            }
        }
        self.sort(rows, &mut items, q);
        let items = items.into_iter().map(|pos| rows[pos].item as usize).collect();
        Results { tab: q.tab, items, counts, amounts, unpublished, totals, unknown_year_excluded }
    }

    /// Which rows match the text (None: no text). Reuses the last result when the text is unchanged.
    fn text_matches(&self, rows: &[Row], q: &Query) -> Option<Vec<bool>> {
        let folded = fold(q.text.trim());
        let words: Vec<&str> = folded.split_whitespace().collect();
        if words.is_empty() {
            return None;
        }
        let slot = (q.tab == Tab::Poles) as usize;
        if let Ok(cache) = self.text_cache.lock() {
            if let Some((t, m)) = &cache[slot] {
                if *t == folded {
                    return Some(m.clone());
                }
            }
        }
        let m: Vec<bool> = rows.iter().map(|r| words.iter().all(|w| r.text.contains(w))).collect();
        if let Ok(mut cache) = self.text_cache.lock() {
            cache[slot] = Some((folded, m.clone()));
        }
        Some(m)
    }

    /// Sorts row positions; rows are stored in name order, so ties stay in name order.
    fn sort(&self, rows: &[Row], items: &mut Vec<usize>, q: &Query) {
        let key = |r: &Row| -> (u64, u64) {
            match q.sort {
                Sort::Nom => (0, 0),
                Sort::AnneeDesc => (r.year.is_none() as u64, u64::from(u16::MAX - r.year.unwrap_or(0))),
                Sort::AnneeAsc => (r.year.is_none() as u64, u64::from(r.year.unwrap_or(0))),
                // Weights are finite and non-negative: their bits order like the numbers.
                Sort::Montant | Sort::Projets => {
                    let known = q.tab == Tab::Poles || r.has_published_amount;
                    (!known as u64, u64::MAX - r.weight.max(0.0).to_bits())
                }
            }
        };
        if q.sort != Sort::Nom {
            let order = order_by(items.len(), |i| key(&rows[items[i]]));
            *items = order.into_iter().map(|i| items[i]).collect();
        }
    }
}

/// Sets each row's alphabetical rank and returns the alphabetical order of the rows.
fn rank(rows: &mut [Row], keys: Vec<String>) -> Vec<usize> {
    let order = order_by_text(&keys);
    for (r, &i) in order.iter().enumerate() {
        rows[i].name_rank = r as u32;
    }
    order
}

fn project_text(p: &Project, pole_names: &HashMap<&str, String>) -> String {
    let mut s = String::with_capacity(256);
    for part in [Some(&p.acronym), p.title.as_ref(), p.summary.as_ref(), p.lead.as_ref()].into_iter().flatten() {
        s.push_str(part);
        s.push(' ');
    }
    for part in p.partners.iter().chain(&p.unresolved_poles).chain(&p.keywords) {
        s.push_str(part);
        s.push(' ');
    }
    for id in &p.poles {
        if let Some(n) = pole_names.get(id.as_str()) {
            s.push_str(n);
            s.push(' ');
        }
    }
    fold(&s)
}

fn pole_text(p: &Pole) -> String {
    let mut s = p.name.clone();
    for n in p.short_name.iter().chain(&p.former_names).chain(p.hq.city.iter()) {
        s.push(' ');
        s.push_str(n);
    }
    fold(&s)
}

/// A compiled facet selection: bitmaps over the facet's dictionary.
struct FacetFilter {
    include: Vec<bool>,
    include_list: Vec<u16>,
    exclude: Vec<bool>,
    any_exclude: bool,
    all: bool,
    /// Some values were included but none is known: nothing can match.
    impossible: bool,
}

impl FacetFilter {
    fn new(index: &Index, facet: Facet, q: &Query) -> FacetFilter {
        let n = index.dicts[facet.index()].len();
        let sel = q.facet(facet);
        let mut include = vec![false; n];
        let mut exclude = vec![false; n];
        let mut include_list = Vec::new();
        for v in &sel.include {
            if let Some(k) = index.position(facet, v) {
                include[k] = true;
                include_list.push(k as u16);
            }
        }
        for v in &sel.exclude {
            if let Some(k) = index.position(facet, v) {
                exclude[k] = true;
            }
        }
        FacetFilter {
            impossible: !sel.include.is_empty() && include_list.is_empty(),
            any_exclude: exclude.iter().any(|x| *x),
            include,
            include_list,
            exclude,
            all: facet == Facet::Financeur && q.funder_mode == FunderMode::All,
        }
    }

    fn matches(&self, values: &[u16]) -> bool {
        if self.impossible {
            return false;
        }
        if self.any_exclude && values.iter().any(|&v| self.exclude[v as usize]) {
            return false;
        }
        if self.include_list.is_empty() {
            return true;
        }
        if self.all {
            self.include_list.iter().all(|v| values.contains(v))
        } else {
            values.iter().any(|&v| self.include[v as usize])
        }
    }
}

#[cfg(test)]
mod tests;
