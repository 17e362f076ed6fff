//! Orders of the lists shown by the app.

use crate::model::{Dataset, Pole, Project};
use crate::text::fold;

/// Pôles in French alphabetical order of their name (accents and case ignored).
pub fn poles_by_name(data: &Dataset) -> Vec<&Pole> {
    let mut v: Vec<&Pole> = data.poles.iter().collect();
    v.sort_by_cached_key(|p| (fold(&p.name), p.id.clone()));
    v
}

/// Projects in French alphabetical order of their acronym.
pub fn projects_by_acronym<'a>(projects: impl IntoIterator<Item = &'a Project>) -> Vec<&'a Project> {
    let mut v: Vec<&Project> = projects.into_iter().collect();
    v.sort_by_cached_key(|p| (fold(&p.acronym), p.id.clone()));
    v
}

/// Projects with the most recent year first, unknown years last, then by acronym.
pub fn projects_by_year_desc<'a>(projects: impl IntoIterator<Item = &'a Project>) -> Vec<&'a Project> {
    let mut v: Vec<&Project> = projects.into_iter().collect();
    v.sort_by_cached_key(|p| (std::cmp::Reverse(p.year.unwrap_or(0)), fold(&p.acronym), p.id.clone()));
    v
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
    fn unknown_years_go_last() {
        let ps = [project("a", "A", None), project("b", "B", Some(2010)), project("c", "C", Some(2020))];
        let ids: Vec<&str> = projects_by_year_desc(&ps).iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["c", "b", "a"]);
    }
}
