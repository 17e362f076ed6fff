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
}
