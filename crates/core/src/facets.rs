//! What the filter bar shows: the options of each facet with their counts and states, labels,
//! and the chips of the active filters. Plain data, so the components only render it.

use crate::model::{Dataset, PoleRole};
use crate::query::{Facet, FunderMode, Query, ValueState};

/// The French label of a facet value ("27" -> "Bourgogne-Franche-Comté").
pub fn value_label(data: &Dataset, facet: Facet, value: &str) -> String {
    match facet {
        Facet::Region => data.region_name(value).to_string(),
        Facet::Departement => data.departement(value).map(|d| format!("{} ({})", d.name, d.code)).unwrap_or_else(|| value.to_string()),
        Facet::Theme => data.theme_label(value).to_string(),
        Facet::Financeur => data.funder_label(value).to_string(),
        Facet::Pole => data.pole(value).map(|p| p.name.clone()).unwrap_or_else(|| value.to_string()),
        Facet::Phase => value.to_string(),
        Facet::LienPole => crate::i18n::msg(PoleRole::label_fr(PoleRole::from_code(value))).to_string(),
        Facet::Nature => crate::model::ProjectKind::from_param(value).map_or(value, |k| crate::i18n::msg(k.label_fr())).to_string(),
    }
}

/// Whether a value is offered in the filter bar for this query: départements only for the
/// included regions (plus any chosen département); every other value always.
pub fn offered(data: &Dataset, q: &Query, facet: Facet, value: &str) -> bool {
    facet != Facet::Departement
        || q.facet(facet).state(value) != ValueState::Off
        || data.departement(value).is_some_and(|d| q.facet(Facet::Region).include.contains(&d.region))
}

/// Whether a value can be chosen: it has matching items, or it is chosen already (a chosen value
/// can always be removed).
pub fn enabled(count: u32, state: ValueState) -> bool {
    count > 0 || state != ValueState::Off
}

/// The text a facet's filter box searches for each value: its label and its code, folded.
pub fn haystacks(labels: &[String], values: &[String]) -> Vec<String> {
    labels.iter().zip(values).map(|(l, v)| crate::text::fold(l) + " " + &crate::text::fold(v)).collect()
}

/// Whether the département facet should be shown: a region is chosen, or a département is.
pub fn show_departements(q: &Query) -> bool {
    !q.facet(Facet::Region).include.is_empty() || !q.facet(Facet::Departement).is_empty()
}

/// An active filter, as a removable chip.
#[derive(Debug, Clone, PartialEq)]
pub struct Chip {
    /// What removing the chip gives.
    pub without: Query,
    /// "Région : Bourgogne-Franche-Comté", "Financeur : sauf FEDER", "Recherche : « pôle »".
    pub label: String,
}

/// The chips of the active filters of the query's tab, in facet order, in the page's language;
/// the organisation's is named by `org_name` (its id until the organisations are read).
pub fn chips(data: &Dataset, q: &Query, org_name: Option<&str>) -> Vec<Chip> {
    use crate::i18n::{fill, msg as tr};
    let mut out = Vec::new();
    for facet in Facet::ALL.into_iter().filter(|f| f.applies_to(q.tab)) {
        let sel = q.facet(facet);
        for (v, excluded) in sel.include.iter().map(|v| (v, false)).chain(sel.exclude.iter().map(|v| (v, true))) {
            let mut without = q.clone();
            without.facet_mut(facet).set(v, ValueState::Off);
            let mode = if facet == Facet::Financeur && !excluded && q.funder_mode == FunderMode::All && sel.include.len() > 1 { tr(" (tous)") } else { "" };
            let template = if excluded { tr("{} : sauf {}") } else { tr("{} : {}") };
            let label = fill(template, &[tr(facet.label_fr()), &value_label(data, facet, v)]) + mode;
            out.push(Chip { without, label });
        }
    }
    if !q.text.is_empty() {
        out.push(Chip { without: Query { text: String::new(), ..q.clone() }, label: fill(tr("Recherche : « {} »"), &[&q.text]) });
    }
    if q.tab.of_projects() {
        let label = match (q.year_min, q.year_max) {
            (Some(a), Some(b)) if a == b => Some(fill(tr("Année : {}"), &[&a.to_string()])),
            (Some(a), Some(b)) => Some(fill(tr("Années : {} à {}"), &[&a.to_string(), &b.to_string()])),
            (Some(a), None) => Some(fill(tr("Année : à partir de {}"), &[&a.to_string()])),
            (None, Some(b)) => Some(fill(tr("Année : jusqu'à {}"), &[&b.to_string()])),
            (None, None) => None,
        };
        if let Some(label) = label {
            out.push(Chip { without: Query { year_min: None, year_max: None, ..q.clone() }, label });
        }
        if !q.organisation.is_empty() {
            let label = fill(tr("Organisation : {}"), &[org_name.unwrap_or(&q.organisation)]);
            out.push(Chip { without: Query { organisation: String::new(), ..q.clone() }, label });
        }
    }
    out
}

/// Why a pôle matches a search that its current name does not: the former name that matches
/// ("Plastipolis" finds Polymeris, "anciennement Plastipolis"). None when the name matches.
pub fn former_name_match<'a>(p: &'a crate::model::Pole, text: &str) -> Option<&'a str> {
    let words: Vec<String> = crate::text::fold(text).split_whitespace().map(str::to_string).collect();
    if words.is_empty() {
        return None;
    }
    let all_in = |s: &str| {
        let f = crate::text::fold(s);
        words.iter().all(|w| f.contains(w.as_str()))
    };
    if all_in(&p.name) || p.short_name.as_deref().is_some_and(all_in) {
        return None;
    }
    p.former_names.iter().map(String::as_str).find(|n| all_in(n))
}

/// Facets with more values than this get a box to filter their list by text.
pub const FILTERABLE_FROM: usize = 15;
/// Unchosen values listed at most in one facet (the others are reached by filtering the list),
/// so that a facet of thousands of values does not weigh on every filter change.
pub const LISTED_AT_MOST: usize = 150;

/// Which values of a facet to list (their positions in `Index::values`), given the text typed
/// in its filter box: every chosen (included or excluded) value, then the other offered ones
/// whose label or code contains every word of the text (accents and case ignored), in display
/// order, up to `LISTED_AT_MOST`. Also returns how many matching values are left out.
/// `hay` comes from `haystacks`; `state` and `offered` describe each value for the query.
pub fn listed(hay: &[String], state: impl Fn(usize) -> ValueState, offered: impl Fn(usize) -> bool, filter: &str) -> (Vec<usize>, usize) {
    let words: Vec<String> = crate::text::fold(filter).split_whitespace().map(str::to_string).collect();
    let mut out = Vec::new();
    let mut left_out = 0;
    let mut unchosen = 0;
    for (k, h) in hay.iter().enumerate() {
        if state(k) != ValueState::Off {
            out.push(k);
            continue;
        }
        if !offered(k) || !words.iter().all(|w| h.contains(w.as_str())) {
            continue;
        }
        if unchosen < LISTED_AT_MOST {
            unchosen += 1;
            out.push(k);
        } else {
            left_out += 1;
        }
    }
    (out, left_out)
}

/// How many of the results have no value at all for `facet` (projects tab: regions,
/// départements, themes, funders; else 0): a value counting 0 may only mean that the records do
/// not say it ("département non renseigné pour 12 projets"). Meaningful when the facet has no
/// chosen value (otherwise the results hold only items having one).
pub fn unstated(data: &Dataset, r: &crate::engine::Results, facet: Facet) -> usize {
    if r.tab != crate::query::Tab::Projets {
        return 0;
    }
    let missing = |p: &crate::model::Project| match facet {
        Facet::Region => p.territory.regions.is_empty(),
        Facet::Departement => p.territory.departements.is_empty(),
        Facet::Theme => p.themes.is_empty(),
        Facet::Financeur => p.funding.is_empty(),
        _ => false,
    };
    r.items.iter().filter_map(|&i| data.projects.get(i)).filter(|p| missing(p)).count()
}

/// Facets with more values than this are folded: the chosen values and the `FOLDED_SHOWN`
/// largest counts, then a button that lists them all (`data-testid="facet-more"`).
pub const FOLD_ABOVE: usize = 12;
/// Unchosen values a folded facet lists.
pub const FOLDED_SHOWN: usize = 10;

/// Whether a facet of `n` values is folded (unless the visitor unfolded it or filters its list).
pub fn foldable(n: usize) -> bool {
    n > FOLD_ABOVE
}

/// The values a folded facet lists (positions in `Index::values`): the `FOLDED_SHOWN` offered
/// values with the largest counts that are not chosen, and every chosen (included or excluded)
/// value, all in the order of their counts, largest first (ties in display order; values at zero
/// come last). A value keeps its place when it is chosen (a facet's own counts do not depend on
/// its choice), so the focus and the eye stay on it.
pub fn folded(n: usize, state: impl Fn(usize) -> ValueState, offered: impl Fn(usize) -> bool, counts: &[u32]) -> Vec<usize> {
    let count = |k: usize| counts.get(k).copied().unwrap_or(0);
    let by_count = crate::listing::order_by(n, |k| (u64::from(u32::MAX - count(k)), 0));
    let mut unchosen = 0;
    by_count
        .into_iter()
        .filter(|&k| {
            if state(k) != ValueState::Off {
                return true;
            }
            let shown = offered(k) && unchosen < FOLDED_SHOWN;
            unchosen += usize::from(shown);
            shown
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> (&'static Dataset, &'static crate::engine::Index) {
        let (d, i) = crate::testdata::bundled();
        (d, i)
    }

    #[test]
    fn counts_states_and_offered_values() {
        let (d, index) = data();
        let mut q = Query::default();
        q.facet_mut(Facet::Region).set("27", ValueState::Included);
        let r = index.search(&q);
        let regions = index.values(Facet::Region);
        assert_eq!(regions.len(), 18, "every region stays visible");
        let k = index.position(Facet::Region, "27").unwrap();
        assert_eq!(value_label(d, Facet::Region, "27"), "Bourgogne-Franche-Comté");
        let count = r.counts[Facet::Region.index()][k];
        assert!(count > 0 && enabled(count, q.facet(Facet::Region).state("27")));
        assert!(r.counts[Facet::Region.index()].iter().any(|&c| !enabled(c, ValueState::Off)), "an overseas region has no project");
        let deps: Vec<&String> = index.values(Facet::Departement).iter().filter(|v| offered(d, &q, Facet::Departement, v)).collect();
        assert_eq!(deps.len(), 8, "the 8 départements of Bourgogne-Franche-Comté");
        assert_eq!(value_label(d, Facet::Departement, "21"), "Côte-d'Or (21)");
        assert!(enabled(0, ValueState::Excluded), "a chosen value can always be removed");
    }

    #[test]
    fn chips_remove_one_filter_each() {
        let (d, _) = data();
        let mut q = Query::default();
        q.facet_mut(Facet::Region).set("27", ValueState::Included);
        q.facet_mut(Facet::Financeur).set("FEDER", ValueState::Excluded);
        q.text = "pôle".into();
        q.year_min = Some(2010);
        q.organisation = "cnrs".into();
        let c = chips(d, &q, Some("Centre national de la recherche scientifique"));
        let labels: Vec<&str> = c.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Région : Bourgogne-Franche-Comté",
                "Financeur : sauf FEDER",
                "Recherche : « pôle »",
                "Année : à partir de 2010",
                "Organisation : Centre national de la recherche scientifique"
            ]
        );
        assert!(c[0].without.facet(Facet::Region).is_empty());
        assert_eq!(c[0].without.facet(Facet::Financeur).exclude, ["FEDER"]);
        assert!(c[3].without.year_min.is_none() && c[3].without.organisation == "cnrs");
        assert!(c[4].without.organisation.is_empty() && c[4].without.year_min == Some(2010));
        assert_eq!(chips(d, &q, None)[4].label, "Organisation : cnrs");
        assert!(q.cleared().is_unfiltered(crate::query::Tab::Projets));
    }

    #[test]
    fn long_facets_list_chosen_values_then_matching_ones_up_to_a_bound() {
        let mut values: Vec<String> = (0..1000).map(|i| format!("p{i}")).collect();
        let mut labels: Vec<String> = (0..1000).map(|i| format!("Pôle numéro {i}")).collect();
        values.push("vitagora".into());
        labels.push("Vitagora Goût Nutrition Santé".into());
        let hay = haystacks(&labels, &values);
        let state = |k: usize| if k == 999 { ValueState::Excluded } else { ValueState::Off };
        let all = |_: usize| true;
        let (shown, left) = listed(&hay, state, all, "");
        assert_eq!(shown.len(), LISTED_AT_MOST + 1);
        assert!(shown.contains(&999), "a chosen value is always listed");
        assert_eq!(left, 1001 - 1 - LISTED_AT_MOST);
        // Accents and case are ignored; codes match too.
        let (shown, left) = listed(&hay, state, all, "GOUT nutrition");
        assert_eq!((shown, left), (vec![999, 1000], 0));
        assert_eq!(listed(&hay, state, all, "p12").0, vec![12, 120, 121, 122, 123, 124, 125, 126, 127, 128, 129, 999]);
        assert_eq!(listed(&hay, state, all, "zzz"), (vec![999], 0));
        // Values not offered are left out unless chosen.
        assert_eq!(listed(&hay, state, |k| k == 3, "").0, vec![3, 999]);
        // Short lists are listed whole.
        let (d, index) = data();
        let values = index.values(Facet::Pole);
        let labels: Vec<String> = values.iter().map(|v| value_label(d, Facet::Pole, v)).collect();
        assert_eq!(listed(&haystacks(&labels, values), |_| ValueState::Off, all, "").0.len(), values.len());
    }

    #[test]
    fn a_former_name_says_why_the_current_pole_matches() {
        let (d, _) = data();
        let polymeris = d.pole("polymeris").unwrap();
        assert_eq!(former_name_match(polymeris, "plastipolis"), Some("Plastipolis"));
        assert_eq!(former_name_match(polymeris, "ELASTOPOLE"), Some("Elastopôle"));
        assert_eq!(former_name_match(polymeris, "polymeris"), None);
        assert_eq!(former_name_match(polymeris, ""), None);
    }

    #[test]
    fn a_long_facet_folds_to_the_chosen_values_and_the_ten_largest_counts() {
        let counts: Vec<u32> = (0..20).map(|k| [5, 0, 9, 9, 1, 3, 7, 2, 8, 0, 4, 6, 10, 0, 0, 0, 1, 2, 3, 4][k]).collect();
        let state = |k: usize| match k {
            1 => ValueState::Included,
            15 => ValueState::Excluded,
            _ => ValueState::Off,
        };
        let all = folded(20, state, |_| true, &counts);
        assert_eq!(all, [12, 2, 3, 8, 6, 11, 0, 10, 19, 5, 1, 15], "by count, ties in display order, the chosen ones in their place");
        let not_8 = folded(20, state, |k| k != 8, &counts);
        assert!(!not_8.contains(&8) && not_8.len() == 12, "values not offered are not listed");
        // Choosing a listed value keeps its place; the next largest count joins the list.
        let chosen_2 = |k: usize| if k == 2 { ValueState::Included } else { ValueState::Off };
        let after = folded(20, chosen_2, |_| true, &counts);
        assert_eq!(after.iter().position(|&k| k == 2), Some(1));
        assert_eq!(after.len(), 11);
        let few = folded(3, |_| ValueState::Off, |_| true, &[0, 2, 0]);
        assert_eq!(few, [1, 0, 2], "zeros last");
        assert!(!foldable(12) && foldable(13));
    }

    #[test]
    fn items_without_a_value_are_counted_apart() {
        let (d, index) = data();
        let mut q = Query::default();
        q.facet_mut(Facet::Region).set("27", ValueState::Included);
        let r = index.search(&q);
        let brute = r.items.iter().filter(|&&i| d.projects[i].territory.departements.is_empty()).count();
        assert!(brute > 0, "some projects of Bourgogne-Franche-Comté name no département");
        assert_eq!(unstated(d, &r, Facet::Departement), brute);
        assert_eq!(unstated(d, &r, Facet::Region), 0, "every one has its region");
        assert_eq!(unstated(d, &r, Facet::Pole), 0);
        q.tab = crate::query::Tab::Poles;
        assert_eq!(unstated(d, &index.search(&q), Facet::Departement), 0);
    }
}
