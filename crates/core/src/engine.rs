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

use crate::listing::{mask, order_by, order_by_text, permute};
use crate::model::{Dataset, Pole, PoleRole, Project, ProjectKind};
use crate::query::{Facet, FunderMode, Query, Sort, Tab};
use crate::text::fold;
use crate::PHASES;
use std::collections::HashMap;
use std::sync::Mutex;

const N_FACETS: usize = 8;

/// One searchable item (a project or a pôle), with interned facet values.
#[derive(Debug, Clone)]
struct Row {
    /// Index of the item in `Dataset::projects` or `Dataset::poles`.
    item: u32,
    text: String,
    year: Option<u16>,
    /// Sum of published amounts (projects) or number of projects (pôles).
    weight: f64,
    has_published_amount: bool,
    has_unpublished_amount: bool,
}

/// For each value of a facet, the rows (positions in name order) that have it: the rows of value
/// `v` are `rows[start[v]..start[v + 1]]`, ascending.
#[derive(Debug, Clone, Default)]
struct Postings {
    start: Vec<u32>,
    rows: Vec<u32>,
}

impl Postings {
    fn new(n_values: usize, values: &[[Vec<u16>; N_FACETS]], fi: usize) -> Postings {
        let per_row = values.iter().map(|v| &v[fi]);
        let mut start = vec![0u32; n_values + 1];
        for vals in per_row.clone() {
            for &v in vals {
                start[v as usize + 1] += 1;
            }
        }
        for k in 0..n_values {
            start[k + 1] += start[k];
        }
        let mut fill = start.clone();
        let mut rows = vec![0u32; start[n_values] as usize];
        for (r, vals) in per_row.enumerate() {
            for &v in vals {
                rows[fill[v as usize] as usize] = r as u32;
                fill[v as usize] += 1;
            }
        }
        Postings { start, rows }
    }

    fn of(&self, v: usize) -> &[u32] {
        match (self.start.get(v), self.start.get(v + 1)) {
            (Some(&a), Some(&b)) => &self.rows[a as usize..b as usize],
            _ => &[],
        }
    }
}

/// A set of rows, one bit per row.
#[derive(Debug, Clone, PartialEq)]
struct Bits(Vec<u64>);

impl Bits {
    fn empty(n: usize) -> Bits {
        Bits(vec![0; n.div_ceil(64)])
    }
    fn full(n: usize) -> Bits {
        let mut b = Bits(vec![u64::MAX; n.div_ceil(64)]);
        if n % 64 != 0 {
            if let Some(last) = b.0.last_mut() {
                *last = (1u64 << (n % 64)) - 1;
            }
        }
        b
    }
    fn set(&mut self, r: u32) {
        self.0[(r / 64) as usize] |= 1 << (r % 64);
    }
    fn clear(&mut self, r: u32) {
        self.0[(r / 64) as usize] &= !(1 << (r % 64));
    }
    #[inline]
    fn get(&self, r: u32) -> bool {
        self.0[(r / 64) as usize] >> (r % 64) & 1 == 1
    }
    fn and(&mut self, other: &Bits) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a &= b;
        }
    }
    fn of_rows(n: usize, rows: &[u32]) -> Bits {
        let mut b = Bits::empty(n);
        for &r in rows {
            b.set(r);
        }
        b
    }
    fn ones(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().flat_map(|(w, &word)| {
            let mut word = word;
            std::iter::from_fn(move || {
                (word != 0).then(|| {
                    let t = word.trailing_zeros() as usize;
                    word &= word - 1;
                    w * 64 + t
                })
            })
        })
    }
}

/// The rows of one tab with their postings and the figures of the whole tab (no filter).
#[derive(Debug, Clone, Default)]
struct Side {
    rows: Vec<Row>,
    postings: [Postings; N_FACETS],
    /// Per facet and value: (count, sum of published amounts, rows with an unpublished amount,
    /// rows with a published amount).
    base: [Vec<(u32, f64, u32, u32)>; N_FACETS],
}

impl Side {
    fn new(rows: Vec<Row>, values: Vec<[Vec<u16>; N_FACETS]>, dicts: &[Vec<String>; N_FACETS]) -> Side {
        let postings: [Postings; N_FACETS] = std::array::from_fn(|fi| Postings::new(dicts[fi].len(), &values, fi));
        // The figures with no filter, used as they are whenever a facet's counts are unrestricted.
        let base = std::array::from_fn(|fi| {
            (0..dicts[fi].len())
                .map(|v| {
                    let mut fig = (0u32, 0.0f64, 0u32, 0u32);
                    for &r in postings[fi].of(v) {
                        let row = &rows[r as usize];
                        fig.0 += 1;
                        fig.1 += row.weight;
                        fig.2 += row.has_unpublished_amount as u32;
                        fig.3 += row.has_published_amount as u32;
                    }
                    fig
                })
                .collect()
        });
        Side { rows, postings, base }
    }
}

/// Precomputed search structures over a dataset. Build once per dataset.
#[derive(Debug)]
pub struct Index {
    dicts: [Vec<String>; N_FACETS],
    positions: [HashMap<String, u16>; N_FACETS],
    projects: Side,
    poles: Side,
    /// Number of projects of each pôle, by `Dataset::poles` index.
    pole_projects: Vec<u32>,
    /// The text matches of the last search, per tab: a facet click does not re-scan the texts.
    text_cache: Mutex<[Option<(String, Bits)>; 2]>,
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
    /// Per facet and value (projects tab): projects with at least one published amount.
    pub published: [Vec<u32>; N_FACETS],
    pub totals: Totals,
    /// Matching items dropped because a year bound is set and their year is unknown.
    pub unknown_year_excluded: usize,
    /// The organisations tab (`organisations::Orgs::select`): per organisation (by index), its
    /// projects, pôles and regions in the selection. Empty on the other tabs.
    pub figures: Vec<[u32; 3]>,
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
        // Pôles by name, then any id cited by a project that no pôle record has (when
        // `poles.json` could not be read, the projects keep their pôle ids; shown as they are).
        let mut pole_dict: Vec<(String, String)> = data.poles.iter().map(|p| (p.id.clone(), p.name.clone())).collect();
        for id in data.projects.iter().flat_map(|p| &p.poles) {
            if data.pole(id).is_none() && !pole_dict.iter().any(|(x, _)| x == id) {
                pole_dict.push((id.clone(), id.clone()));
            }
        }
        dicts[Facet::Pole.index()] = by_label(pole_dict);
        dicts[Facet::Phase.index()] = PHASES.iter().map(|s| s.to_string()).collect();
        dicts[Facet::LienPole.index()] = PoleRole::ALL.iter().map(|r| r.code()).chain([PoleRole::UNKNOWN_CODE]).map(str::to_string).collect();
        dicts[Facet::Nature.index()] = ProjectKind::ALL.iter().map(|k| k.param().to_string()).collect();
        let positions: [HashMap<String, u16>; N_FACETS] = std::array::from_fn(|i| dicts[i].iter().enumerate().map(|(k, v)| (v.clone(), k as u16)).collect());

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

        let (projects, project_values): (Vec<Row>, Vec<[Vec<u16>; N_FACETS]>) = data
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
                values[Facet::LienPole.index()] = intern(Facet::LienPole, &mut std::iter::once(PoleRole::code_of(p.pole_role)));
                values[Facet::Nature.index()] = intern(Facet::Nature, &mut std::iter::once(p.kind.param()));
                let (sum, unknown) = p.published_funding();
                (
                    Row {
                        item: item as u32,
                        text: project_text(p, &pole_names),
                        year: p.year,
                        weight: sum,
                        has_published_amount: p.funding.iter().any(|f| f.amount_eur.is_some()),
                        has_unpublished_amount: unknown > 0,
                    },
                    values,
                )
            })
            .unzip();
        let project_order = order_by_text(&data.projects.iter().map(|p| p.acronym.clone()).collect::<Vec<_>>());

        let mut project_count: HashMap<&str, usize> = HashMap::new();
        for p in &data.projects {
            for id in &p.poles {
                *project_count.entry(id.as_str()).or_default() += 1;
            }
        }
        let (poles, pole_values): (Vec<Row>, Vec<[Vec<u16>; N_FACETS]>) = data
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
                (
                    Row {
                        item: item as u32,
                        text: pole_text(p),
                        year: None,
                        weight: project_count.get(p.id.as_str()).copied().unwrap_or(0) as f64,
                        has_published_amount: false,
                        has_unpublished_amount: false,
                    },
                    values,
                )
            })
            .unzip();
        let pole_projects: Vec<u32> = poles.iter().map(|r| r.weight as u32).collect();
        let pole_order = order_by_text(&data.poles.iter().map(|p| p.name.clone()).collect::<Vec<_>>());
        // Rows are stored in alphabetical order: a sequential scan yields the default sort.
        let projects = Side::new(permute(projects, &project_order), permute(project_values, &project_order), &dicts);
        let poles = Side::new(permute(poles, &pole_order), permute(pole_values, &pole_order), &dicts);
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
    ///
    /// Each active filter (a facet's selection, the text, the year bounds) becomes a set of rows;
    /// the items are the intersection of all of them, and the counts of a facet's values are
    /// taken over the intersection of the *other* filters, by walking each value's postings.
    pub fn search(&self, q: &Query) -> Results {
        self.search_within(q, None)
    }

    /// `search`, the projects kept to `within` (`Dataset::projects` indexes; the organisation
    /// filter, `Query::organisation`, gives its projects) on the projects and organisations tabs:
    /// a filter like the others, so the facet counts follow it.
    // One copy in the WASM whatever the number of callers (it is large).
    #[inline(never)]
    pub fn search_within(&self, q: &Query, within: Option<&[usize]>) -> Results {
        let side = if q.tab.of_projects() { &self.projects } else { &self.poles };
        let rows = &side.rows;
        let n = rows.len();
        let projects_tab = q.tab.of_projects();
        let all_mode = q.funder_mode == FunderMode::All && projects_tab;

        // The filters: (facet index, or N_FACETS for the text, N_FACETS + 1 for the years and
        // N_FACETS + 2 for `within`).
        let mut filters: Vec<(usize, Bits)> = Vec::new();
        for f in Facet::ALL.iter().filter(|f| f.applies_to(q.tab)).filter(|f| !q.facet(**f).is_empty()) {
            filters.push((f.index(), self.facet_rows(side, *f, q)));
        }
        // On the organisations tab the text searches the organisations (`organisations::Orgs::rows`).
        if let Some(m) = self.text_matches(rows, q).filter(|_| q.tab != Tab::Organisations) {
            filters.push((N_FACETS, m));
        }
        if let Some(within) = within.filter(|_| projects_tab) {
            let kept = mask(self.projects.rows.len(), within);
            let mut b = Bits::empty(n);
            for (r, _) in rows.iter().enumerate().filter(|(_, row)| kept[row.item as usize]) {
                b.set(r as u32);
            }
            filters.push((N_FACETS + 2, b));
        }
        let year_filter = projects_tab && (q.year_min.is_some() || q.year_max.is_some());
        if year_filter {
            let mut b = Bits::empty(n);
            for (r, row) in rows.iter().enumerate() {
                if row.year.is_some_and(|y| q.year_min.is_none_or(|m| y >= m) && q.year_max.is_none_or(|m| y <= m)) {
                    b.set(r as u32);
                }
            }
            filters.push((N_FACETS + 1, b));
        }
        // All filters but `skip` (None when every filter is `skip`: no restriction).
        let all_but = |skip: usize| -> Option<Bits> {
            let mut out: Option<Bits> = None;
            for (_, b) in filters.iter().filter(|(k, _)| *k != skip) {
                match &mut out {
                    None => out = Some(b.clone()),
                    Some(o) => o.and(b),
                }
            }
            out
        };
        let matched = all_but(usize::MAX);

        let mut counts: [Vec<u32>; N_FACETS] = std::array::from_fn(|i| vec![0; self.dicts[i].len()]);
        let mut amounts: [Vec<f64>; N_FACETS] = std::array::from_fn(|i| vec![0.0; self.dicts[i].len()]);
        let mut unpublished: [Vec<u32>; N_FACETS] = std::array::from_fn(|i| vec![0; self.dicts[i].len()]);
        let mut published: [Vec<u32>; N_FACETS] = std::array::from_fn(|i| vec![0; self.dicts[i].len()]);
        for f in Facet::ALL.iter().filter(|f| f.applies_to(q.tab)) {
            let fi = f.index();
            let over = if *f == Facet::Financeur && all_mode { matched.clone() } else { all_but(fi) };
            for v in 0..self.dicts[fi].len() {
                let (mut c, mut sum, mut unp, mut publ) = (0u32, 0.0f64, 0u32, 0u32);
                match &over {
                    None => (c, sum, unp, publ) = side.base[fi].get(v).copied().unwrap_or_default(),
                    Some(b) => {
                        for &r in side.postings[fi].of(v) {
                            if b.get(r) {
                                let row = &rows[r as usize];
                                c += 1;
                                sum += row.weight;
                                unp += row.has_unpublished_amount as u32;
                                publ += row.has_published_amount as u32;
                            }
                        }
                    }
                }
                counts[fi][v] = c;
                if projects_tab {
                    amounts[fi][v] = sum;
                    unpublished[fi][v] = unp;
                    published[fi][v] = publ;
                }
            }
        }

        let mut items: Vec<usize> = match &matched {
            Some(b) => b.ones().collect(),
            None => (0..n).collect(),
        };
        let mut totals = Totals::default();
        for &i in &items {
            let row = &rows[i];
            totals.count += 1;
            if projects_tab {
                totals.amount_published += row.weight;
            }
            totals.with_published_amount += row.has_published_amount as usize;
            totals.with_unpublished_amount += row.has_unpublished_amount as usize;
        }
        // Items kept by every other filter, dropped only because their year is unknown.
        let unknown_year_excluded = if year_filter {
            let others = all_but(N_FACETS + 1);
            rows.iter().enumerate().filter(|(r, row)| row.year.is_none() && others.as_ref().is_none_or(|b| b.get(*r as u32))).count()
        } else {
            0
        };
        self.sort(rows, &mut items, q);
        let items = items.into_iter().map(|pos| rows[pos].item as usize).collect();
        Results { tab: q.tab, items, counts, amounts, unpublished, published, totals, unknown_year_excluded, figures: Vec::new() }
    }

    /// The rows kept by a facet's selection: any (or, for funders in "tous" mode, every) included
    /// value, and none of the excluded ones. An included value that is unknown matches nothing.
    fn facet_rows(&self, side: &Side, facet: Facet, q: &Query) -> Bits {
        let n = side.rows.len();
        let sel = q.facet(facet);
        let post = &side.postings[facet.index()];
        let all = facet == Facet::Financeur && q.funder_mode == FunderMode::All;
        let mut b = if sel.include.is_empty() {
            Bits::full(n)
        } else if all {
            let mut b = Bits::full(n);
            for v in &sel.include {
                match self.position(facet, v) {
                    Some(k) => b.and(&Bits::of_rows(n, post.of(k))),
                    None => return Bits::empty(n),
                }
            }
            b
        } else {
            let mut b = Bits::empty(n);
            for k in sel.include.iter().filter_map(|v| self.position(facet, v)) {
                for &r in post.of(k) {
                    b.set(r);
                }
            }
            b
        };
        for k in sel.exclude.iter().filter_map(|v| self.position(facet, v)) {
            for &r in post.of(k) {
                b.clear(r);
            }
        }
        b
    }

    /// Which rows match the text (None: no text). Reuses the last result when the text is unchanged.
    fn text_matches(&self, rows: &[Row], q: &Query) -> Option<Bits> {
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
        let mut m = Bits::empty(rows.len());
        for (r, row) in rows.iter().enumerate() {
            if words.iter().all(|w| row.text.contains(w)) {
                m.set(r as u32);
            }
        }
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
        if q.sort != Sort::Nom && q.tab != Tab::Organisations {
            let order = order_by(items.len(), |i| key(&rows[items[i]]));
            *items = order.into_iter().map(|i| items[i]).collect();
        }
    }
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

#[cfg(test)]
mod tests;
