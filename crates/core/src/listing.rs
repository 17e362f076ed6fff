//! Orders of the lists shown by the app.
//!
//! Every sort in the app goes through `order_by` or `order_by_text`, so that the sorting code is
//! compiled once (each distinct `sort_by` closure would add its own copy to the WASM).

use crate::model::Project;
use crate::text::fold;

/// Indexes `0..n` ordered by `key` (smallest first), ties in index order.
pub fn order_by(n: usize, key: impl Fn(usize) -> (u64, u64)) -> Vec<usize> {
    let mut keys: Vec<(u64, u64, u32)> = (0..n).map(|i| {
        let (a, b) = key(i);
        (a, b, i as u32)
    }).collect();
    keys.sort_unstable();
    keys.into_iter().map(|k| k.2 as usize).collect()
}

/// Indexes of `texts` in alphabetical order of their folded form, ties in index order.
pub fn order_by_text(texts: &[String]) -> Vec<usize> {
    let folded: Vec<String> = texts.iter().map(|t| fold(t)).collect();
    let mut idx: Vec<usize> = (0..texts.len()).collect();
    idx.sort_unstable_by(|a, b| folded[*a].cmp(&folded[*b]).then(a.cmp(b)));
    idx
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
