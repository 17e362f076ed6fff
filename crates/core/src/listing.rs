//! Orders of the lists shown by the app, and masks of their selections.
//!
//! Every sort in the app goes through `order_by` or `order_by_text`, so that the sorting code is
//! compiled once (each distinct `sort_by` closure would add its own copy to the WASM).

use crate::model::Project;
use crate::text::fold;

/// The one sorting routine of the app: indexes `0..n` ordered by `cmp`, ties in index order.
/// A `dyn` comparator keeps a single copy of the sorting code in the WASM.
fn sort_indexes(n: usize, cmp: &dyn Fn(usize, usize) -> std::cmp::Ordering) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..n).collect();
    idx.sort_unstable_by(|a, b| cmp(*a, *b).then(a.cmp(b)));
    idx
}

/// A mask of `n` items with those of `indexes` set (indexes beyond `n` are ignored).
pub fn mask(n: usize, indexes: &[usize]) -> Vec<bool> {
    let mut m = vec![false; n];
    for &i in indexes {
        if let Some(x) = m.get_mut(i) {
            *x = true;
        }
    }
    m
}

/// Indexes `0..n` ordered by `key` (smallest first), ties in index order.
pub fn order_by(n: usize, key: impl Fn(usize) -> (u64, u64)) -> Vec<usize> {
    let keys: Vec<(u64, u64)> = (0..n).map(key).collect();
    sort_indexes(n, &|a, b| keys[a].cmp(&keys[b]))
}

/// Indexes of `texts` in alphabetical order of their folded form, ties in index order.
pub fn order_by_text(texts: &[String]) -> Vec<usize> {
    let folded: Vec<String> = texts.iter().map(|t| fold(t)).collect();
    sort_indexes(texts.len(), &|a, b| folded[a].cmp(&folded[b]))
}

/// How a table of figures is sorted: by its column `column` (0: the names, then the figures),
/// largest (or Z) first when `descending`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TableSort {
    pub column: usize,
    pub descending: bool,
}

impl TableSort {
    /// The sort after a click on `column`: the same column flips; another starts with the names
    /// from A and the figures from the largest.
    pub fn clicked(current: Option<TableSort>, column: usize) -> TableSort {
        match current {
            Some(s) if s.column == column => TableSort { column, descending: !s.descending },
            _ => TableSort { column, descending: column > 0 },
        }
    }
    /// The `aria-sort` of `column`: "ascending" or "descending" when sorted by it.
    pub fn aria(current: Option<TableSort>, column: usize) -> Option<&'static str> {
        current.filter(|s| s.column == column).map(|s| if s.descending { "descending" } else { "ascending" })
    }
}

/// The order of a table's rows, each a name and its figures (`None`: unknown, listed last
/// whatever the direction), for `sort`; ties in row order.
pub fn order_table(rows: &[(String, Vec<Option<f64>>)], sort: TableSort) -> Vec<usize> {
    if sort.column == 0 {
        let names: Vec<String> = rows.iter().map(|r| r.0.clone()).collect();
        let mut order = order_by_text(&names);
        if sort.descending {
            order.reverse();
        }
        return order;
    }
    let figure = |i: usize| rows[i].1.get(sort.column - 1).copied().flatten();
    sort_indexes(rows.len(), &|a, b| match (figure(a), figure(b)) {
        (Some(x), Some(y)) => {
            let o = x.partial_cmp(&y).unwrap_or(std::cmp::Ordering::Equal);
            if sort.descending {
                o.reverse()
            } else {
                o
            }
        }
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    })
}

/// Reorders `items` by `order` (a permutation of its indexes).
pub fn permute<T>(items: Vec<T>, order: &[usize]) -> Vec<T> {
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.iter().filter_map(|&i| slots.get_mut(i).and_then(Option::take)).collect()
}

/// Projects in French alphabetical order of their acronym.
pub fn projects_by_acronym<'a>(projects: impl IntoIterator<Item = &'a Project>) -> Vec<&'a Project> {
    let v: Vec<&Project> = projects.into_iter().collect();
    let names: Vec<String> = v.iter().map(|p| p.acronym.clone()).collect();
    order_by_text(&names).into_iter().map(|i| v[i]).collect()
}

/// Projects with the most recent year first, unknown years last, then by acronym.
pub fn projects_by_year_desc<'a>(projects: impl IntoIterator<Item = &'a Project>) -> Vec<&'a Project> {
    let by_name = projects_by_acronym(projects);
    let order = order_by(by_name.len(), |i| (u64::from(u16::MAX - by_name[i].year.unwrap_or(0)), 0));
    order.into_iter().map(|i| by_name[i]).collect()
}

/// Selections up to this size are rendered whole (every row in the DOM, findable with Ctrl+F):
/// the bundled data (485 projects) always is; the national scale is virtualised.
pub const RENDER_ALL_UP_TO: usize = 1000;
/// Rows rendered above and below the visible ones when the list is virtualised.
pub const OVERSCAN: usize = 10;
/// The first visible row is rounded down to a multiple of this, so that scrolling re-renders
/// the window every `STEP` rows only.
pub const STEP: usize = 10;

/// The rows of a long list that are in the DOM: `start..end`, with the estimated heights of the
/// rows left out above and below (drawn as two spacers so that the scroll bar stays true).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Window {
    pub start: usize,
    pub end: usize,
    pub before_px: f64,
    pub after_px: f64,
}

/// The window of a list of `total` rows when `offset_px` of it is scrolled above the top of a
/// viewport `viewport_px` high, rows being about `row_px` high. At most
/// `max(RENDER_ALL_UP_TO, visible rows + 2 × OVERSCAN + STEP)` rows, whatever `total` is.
pub fn window(total: usize, offset_px: f64, viewport_px: f64, row_px: f64) -> Window {
    if total <= RENDER_ALL_UP_TO {
        return Window { start: 0, end: total, before_px: 0.0, after_px: 0.0 };
    }
    // Guard against nonsense measures (NaN, zero, negative, huge): rows are at least 8 px and
    // the viewport at most 4,000 px, so the window stays bounded.
    let row = if row_px.is_finite() && row_px >= 8.0 { row_px } else { 8.0 };
    let viewport = if viewport_px.is_finite() { viewport_px.clamp(0.0, 4000.0) } else { 1000.0 };
    let offset = if offset_px.is_finite() { offset_px.max(0.0) } else { 0.0 };
    let first = ((offset / row) as usize).min(total);
    let first = first - first % STEP;
    let visible = (viewport / row).ceil() as usize + STEP;
    let start = first.saturating_sub(OVERSCAN);
    let end = (first + visible + OVERSCAN).min(total);
    let start = start.min(end);
    Window { start, end, before_px: start as f64 * row, after_px: (total - end) as f64 * row }
}

/// New items rendered at most in one task (one animation frame) when a list appears or changes:
/// a first paint bounded by the screen, then the rest in chunks of this size.
pub const CHUNK: usize = 12;

/// How far into `next` a list may be rendered in one task: the longest prefix of `next` holding
/// at most `budget` keys that are not already rendered (`prev`, in any order). Keys already in
/// the DOM cost nothing (keyed rendering keeps them), so only the new ones are bounded; the rest
/// of the list is rendered by the following tasks.
pub fn grow_end<K: Ord + Copy>(prev: &[K], next: &[K], budget: usize) -> usize {
    // Sorted through the app's one sorting routine (a `sort_unstable` here was a second copy).
    let sorted: Vec<K> = sort_indexes(prev.len(), &|a, b| prev[a].cmp(&prev[b])).into_iter().map(|i| prev[i]).collect();
    let mut new = 0;
    for (k, key) in next.iter().enumerate() {
        if sorted.binary_search(key).is_err() {
            if new == budget {
                return k;
            }
            new += 1;
        }
    }
    next.len()
}

#[cfg(test)]
mod table_tests {
    use super::*;

    #[test]
    fn tables_sort_by_any_column_unknown_last() {
        let rows: Vec<(String, Vec<Option<f64>>)> = vec![
            ("Île-de-France".into(), vec![Some(3.0), None]),
            ("Bretagne".into(), vec![Some(10.0), Some(5.0)]),
            ("Occitanie".into(), vec![Some(3.0), Some(50.0)]),
            ("Corse".into(), vec![Some(0.0), None]),
        ];
        let by = |column, descending| order_table(&rows, TableSort { column, descending });
        assert_eq!(by(0, false), [1, 3, 0, 2], "names ignore accents");
        assert_eq!(by(0, true), [2, 0, 3, 1]);
        assert_eq!(by(1, true), [1, 0, 2, 3], "ties in row order");
        assert_eq!(by(1, false), [3, 0, 2, 1]);
        assert_eq!(by(2, true), [2, 1, 0, 3], "unknown last");
        assert_eq!(by(2, false), [1, 2, 0, 3], "unknown last either way");
        let first = TableSort::clicked(None, 2);
        assert_eq!(first, TableSort { column: 2, descending: true });
        assert_eq!(TableSort::clicked(Some(first), 2), TableSort { column: 2, descending: false });
        assert_eq!(TableSort::clicked(Some(first), 0), TableSort { column: 0, descending: false });
        assert_eq!(TableSort::aria(Some(first), 2), Some("descending"));
        assert_eq!(TableSort::aria(Some(first), 1), None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn project(id: &str, acronym: &str, year: Option<u16>) -> Project {
        Project {
            id: id.into(),
            acronym: acronym.into(),
            title: None,
            summary: None,
            kind: ProjectKind::Rd,
            poles: vec![],
            pole_role: None,
            unresolved_poles: vec![],
            lead: None,
            partners: vec![],
            partner_locations: vec![],
            territory: Territory { regions: vec![], departements: vec![], basis: None },
            keywords: vec![],
            themes: vec![],
            themes_basis: None,
            year,
            call: None,
            funding: vec![],
            total_budget_eur: None,
            status: None,
            sources: vec![],
            notes: None,
        }
    }

    #[test]
    fn acronyms_sort_without_regard_to_accents_or_case() {
        let ps = [project("c", "ÉCLAIR", None), project("a", "zeta", None), project("b", "Alpha", None)];
        let ids: Vec<&str> = projects_by_acronym(&ps).iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["b", "c", "a"]);
    }

    #[test]
    fn orders() {
        assert_eq!(order_by(4, |i| ([3, 1, 3, 0][i], 0)), [3, 1, 0, 2]);
        assert_eq!(order_by_text(&["b".into(), "Â".into(), "a".into()]), [1, 2, 0]);
        assert_eq!(permute(vec!['a', 'b', 'c'], &[2, 0, 1]), ['c', 'a', 'b']);
    }

    #[test]
    fn unknown_years_go_last() {
        let ps = [project("a", "A", None), project("b", "B", Some(2010)), project("c", "C", Some(2020))];
        let ids: Vec<&str> = projects_by_year_desc(&ps).iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["c", "b", "a"]);
    }

    #[test]
    fn short_lists_are_rendered_whole() {
        assert_eq!(window(323, 5000.0, 800.0, 40.0), Window { start: 0, end: 323, before_px: 0.0, after_px: 0.0 });
        assert_eq!(window(0, 0.0, 800.0, 40.0).end, 0);
    }

    #[test]
    fn long_lists_render_the_visible_rows_and_some_around() {
        // 100 px rows, 1,000 px viewport, 10,000 px scrolled: rows 100..110 are visible.
        let w = window(100_000, 10_000.0, 1000.0, 100.0);
        assert!(w.start <= 100 && w.end >= 110, "{w:?}");
        assert_eq!(w.start, 100 - OVERSCAN);
        assert_eq!(w.before_px, w.start as f64 * 100.0);
        assert_eq!(w.after_px, (100_000 - w.end) as f64 * 100.0);
        // Scrolling less than STEP rows keeps the same window (no re-render).
        assert_eq!(window(100_000, 10_050.0, 1000.0, 100.0), w);
        // At the very end the window is clamped.
        let w = window(1000, 1e9, 1000.0, 50.0);
        assert_eq!(w.end, 1000);
        assert_eq!(w.after_px, 0.0);
        assert!(w.start < w.end);
    }

    proptest::proptest! {
        #[test]
        fn the_window_is_bounded_and_covers_the_viewport(total in 0usize..300_000, offset in -1e7f64..1e8,
                viewport in -10f64..5000.0, row in -5f64..400.0) {
            let w = window(total, offset, viewport, row);
            proptest::prop_assert!(w.start <= w.end && w.end <= total);
            proptest::prop_assert!(w.end - w.start <= RENDER_ALL_UP_TO.max(4000 / 8 + 2 * OVERSCAN + 2 * STEP));
            proptest::prop_assert!(w.before_px >= 0.0 && w.after_px >= 0.0);
            if total > RENDER_ALL_UP_TO && row >= 8.0 && viewport >= 0.0 {
                // The rows at the top of the viewport are rendered (or the list ended above it).
                let first = ((offset.max(0.0) / row) as usize).min(total);
                proptest::prop_assert!(w.start <= first);
                let last = (((offset.max(0.0) + viewport.min(4000.0)) / row) as usize).min(total);
                proptest::prop_assert!(w.end >= last.min(total), "{:?} last {}", w, last);
            }
        }
    }

    #[test]
    fn a_list_grows_by_new_keys_only() {
        let next: Vec<usize> = (0..100).collect();
        // First paint: nothing rendered yet, one chunk.
        assert_eq!(grow_end(&[], &next, 30), 30);
        // The next task adds one more chunk.
        assert_eq!(grow_end(&next[..30], &next, 30), 60);
        assert_eq!(grow_end(&next[..90], &next, 30), 100);
        // Keys already rendered do not count, wherever they were.
        let prev: Vec<usize> = (0..100).rev().collect();
        assert_eq!(grow_end(&prev, &next, 0), 100);
        assert_eq!(grow_end(&[5, 7], &[1, 5, 7, 2, 3], 1), 3);
        assert_eq!(grow_end::<usize>(&[], &[], 30), 0);
    }

    proptest::proptest! {
        #[test]
        fn growth_renders_at_most_the_budget_of_new_keys(prev in proptest::collection::vec(0u32..200, 0..100),
                next in proptest::collection::vec(0u32..200, 0..300), budget in 0usize..50) {
            let end = grow_end(&prev, &next, budget);
            proptest::prop_assert!(end <= next.len());
            let new = next[..end].iter().filter(|k| !prev.contains(k)).count();
            proptest::prop_assert!(new <= budget);
            // Maximal: the next key would exceed the budget.
            if end < next.len() {
                proptest::prop_assert!(new == budget && !prev.contains(&next[end]));
            }
        }
    }
}
