//! The engine against an independent brute-force implementation, on the bundled data and on
//! synthetic data, plus the OR / AND / NOT laws.

use super::*;
use crate::query::{Selection, ValueState};
use crate::text::fold;
use crate::validate::load_all;
use proptest::prelude::*;
use std::sync::OnceLock;

use crate::testdata::bundled;

fn synthetic() -> &'static (Dataset, Index) {
    static D: OnceLock<(Dataset, Index)> = OnceLock::new();
    D.get_or_init(|| {
        let refs = &bundled().0.refs;
        let [r, p, j] = crate::synthetic::files(refs, 2000, 42);
        let l = load_all(&r, &p, &j).unwrap();
        let index = Index::new(&l.dataset);
        (l.dataset, index)
    })
}

// ---- brute force: strings, no interning, no masks --------------------------------------

fn values_of_project(p: &Project, f: Facet) -> Vec<String> {
    match f {
        Facet::Region => p.territory.regions.clone(),
        Facet::Departement => p.territory.departements.clone(),
        Facet::Theme => p.themes.clone(),
        Facet::Financeur => p.funding.iter().map(|x| x.funder.clone()).collect(),
        Facet::Pole => p.poles.clone(),
        Facet::Phase => vec![],
        Facet::LienPole => vec![PoleRole::code_of(p.pole_role).to_string()],
        Facet::Nature => vec![p.kind.param().to_string()],
    }
}

fn values_of_pole(p: &Pole, f: Facet) -> Vec<String> {
    match f {
        Facet::Region => p.regions.clone(),
        Facet::Departement => p.hq.insee_commune.as_deref().and_then(departement_of_commune).map(|d| vec![d.to_string()]).unwrap_or_default(),
        Facet::Theme => p.themes.clone(),
        Facet::Phase => p.phases.clone(),
        _ => vec![],
    }
}

fn sel_matches(sel: &Selection, vals: &[String], all: bool) -> bool {
    if sel.exclude.iter().any(|x| vals.contains(x)) {
        return false;
    }
    if sel.include.is_empty() {
        return true;
    }
    if all {
        sel.include.iter().all(|x| vals.contains(x))
    } else {
        sel.include.iter().any(|x| vals.contains(x))
    }
}

fn text_of_project(d: &Dataset, p: &Project) -> String {
    let mut parts: Vec<String> = vec![p.acronym.clone()];
    parts.extend(p.title.clone());
    parts.extend(p.summary.clone());
    parts.extend(p.lead.clone());
    parts.extend(p.partners.clone());
    parts.extend(p.unresolved_poles.clone());
    parts.extend(p.keywords.clone());
    for id in &p.poles {
        if let Some(pole) = d.pole(id) {
            parts.push(pole.name.clone());
            parts.extend(pole.short_name.clone());
            parts.extend(pole.former_names.clone());
        }
    }
    fold(&parts.join(" "))
}

fn text_of_pole(p: &Pole) -> String {
    let mut parts = vec![p.name.clone()];
    parts.extend(p.short_name.clone());
    parts.extend(p.former_names.clone());
    parts.extend(p.hq.city.clone());
    fold(&parts.join(" "))
}

/// Does item `i` pass every filter except `skip`?
fn brute_match(d: &Dataset, q: &Query, i: usize, skip: Option<Facet>) -> bool {
    // On the organisations tab the text searches organisations, not projects.
    let words: Vec<String> = if q.tab == Tab::Organisations { Vec::new() } else { fold(&q.text).split_whitespace().map(String::from).collect() };
    let (text, year) = match q.tab {
        Tab::Projets | Tab::Organisations => (text_of_project(d, &d.projects[i]), d.projects[i].year),
        Tab::Poles => (text_of_pole(&d.poles[i]), None),
    };
    if !words.iter().all(|w| text.contains(w.as_str())) {
        return false;
    }
    if q.tab.of_projects() && (q.year_min.is_some() || q.year_max.is_some()) {
        match year {
            Some(y) if q.year_min.is_none_or(|m| y >= m) && q.year_max.is_none_or(|m| y <= m) => {}
            _ => return false,
        }
    }
    Facet::ALL.iter().filter(|f| f.applies_to(q.tab) && Some(**f) != skip).all(|&f| {
        let vals = match q.tab {
            Tab::Projets | Tab::Organisations => values_of_project(&d.projects[i], f),
            Tab::Poles => values_of_pole(&d.poles[i], f),
        };
        sel_matches(q.facet(f), &vals, f == Facet::Financeur && q.funder_mode == FunderMode::All)
    })
}

fn brute(d: &Dataset, index: &Index, q: &Query) -> (Vec<usize>, [Vec<u32>; 8]) {
    let n = match q.tab {
        Tab::Projets | Tab::Organisations => d.projects.len(),
        Tab::Poles => d.poles.len(),
    };
    let mut items: Vec<usize> = (0..n).filter(|&i| brute_match(d, q, i, None)).collect();
    items.sort();
    let counts = std::array::from_fn(|fi| {
        let f = Facet::ALL[fi];
        if !f.applies_to(q.tab) {
            return vec![0; index.values(f).len()];
        }
        let all_mode = f == Facet::Financeur && q.funder_mode == FunderMode::All;
        // Items kept by the other filters (or by all of them in "tous" mode).
        let kept: Vec<usize> = (0..n).filter(|&i| brute_match(d, q, i, if all_mode { None } else { Some(f) })).collect();
        index
            .values(f)
            .iter()
            .map(|v| {
                kept.iter()
                    .filter(|&&i| match q.tab {
                        Tab::Projets | Tab::Organisations => values_of_project(&d.projects[i], f).contains(v),
                        Tab::Poles => values_of_pole(&d.poles[i], f).contains(v),
                    })
                    .count() as u32
            })
            .collect()
    });
    (items, counts)
}

// ---- strategies --------------------------------------------------------------------------

fn selection_from(values: &[String], picks: &[(usize, u8)]) -> Selection {
    let mut s = Selection::default();
    for &(k, kind) in picks {
        let v = &values[k % values.len()];
        if s.state(v) == ValueState::Off {
            s.set(v, if kind % 4 == 0 { ValueState::Excluded } else { ValueState::Included });
        }
    }
    s
}

fn random_query(index: &Index, seed: &QuerySeed) -> Query {
    let mut q = Query {
        tab: if seed.poles {
            Tab::Poles
        } else if seed.orgs {
            Tab::Organisations
        } else {
            Tab::Projets
        },
        ..Query::default()
    };
    for (fi, picks) in seed.picks.iter().enumerate() {
        let f = Facet::ALL[fi];
        q.facets[fi] = selection_from(index.values(f), picks);
    }
    q.funder_mode = if seed.all { FunderMode::All } else { FunderMode::Any };
    q.text = seed.text.clone();
    q.year_min = seed.years.0;
    q.year_max = seed.years.1;
    q
}

#[derive(Debug, Clone)]
struct QuerySeed {
    poles: bool,
    orgs: bool,
    picks: [Vec<(usize, u8)>; 8],
    all: bool,
    text: String,
    years: (Option<u16>, Option<u16>),
}

fn query_seed() -> impl Strategy<Value = QuerySeed> {
    let picks = prop::collection::vec((0usize..200, any::<u8>()), 0..3);
    (
        (prop::bool::weighted(0.25), prop::bool::weighted(0.2)),
        prop::array::uniform8(picks),
        any::<bool>(),
        prop::sample::select(vec!["", "", "", "pole", "securite", "Sécurité", "vitagora", "énergie", "fui", "a", "plastipolis", "système intelligent"]),
        (prop::option::weighted(0.2, 2005u16..2020), prop::option::weighted(0.2, 2010u16..2026)),
    )
        .prop_map(|((poles, orgs), picks, all, text, (a, b))| {
            let years = match (a, b) {
                (Some(x), Some(y)) if x > y => (Some(y), Some(x)),
                o => o,
            };
            QuerySeed { poles, orgs, picks, all, text: text.to_string(), years }
        })
}

fn check(d: &Dataset, index: &Index, q: &Query) -> Result<(), TestCaseError> {
    let r = index.search(q);
    let (items, counts) = brute(d, index, q);
    let mut got = r.items.clone();
    got.sort();
    prop_assert_eq!(&got, &items, "items for {:?}", q);
    prop_assert_eq!(r.totals.count, items.len());
    for f in Facet::ALL {
        prop_assert_eq!(&r.counts[f.index()], &counts[f.index()], "counts of {:?} for {:?}", f, q);
    }
    // Map figures: the sum of published amounts per region over the same items as the counts.
    if q.tab == Tab::Projets {
        for (k, code) in index.values(Facet::Region).iter().enumerate() {
            let want: f64 = (0..d.projects.len())
                .filter(|&i| d.projects[i].territory.regions.contains(code) && brute_match(d, q, i, Some(Facet::Region)))
                .map(|i| d.projects[i].published_funding().0)
                .sum();
            prop_assert!((r.amounts[Facet::Region.index()][k] - want).abs() < 1e-6, "amount of region {} for {:?}", code, q);
            let with_amount = (0..d.projects.len())
                .filter(|&i| d.projects[i].territory.regions.contains(code) && brute_match(d, q, i, Some(Facet::Region)))
                .filter(|&i| d.projects[i].funding.iter().any(|f| f.amount_eur.is_some()))
                .count() as u32;
            prop_assert_eq!(r.published[Facet::Region.index()][k], with_amount, "projects with a published amount in region {} for {:?}", code, q);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn counts_equal_brute_force_on_bundled_data(seed in query_seed()) {
        let (d, index) = bundled();
        check(d, index, &random_query(index, &seed))?;
    }

    #[test]
    fn counts_equal_brute_force_on_synthetic_data(seed in query_seed()) {
        let (d, index) = synthetic();
        check(d, index, &random_query(index, &seed))?;
    }

    /// OR within a facet: selecting A and B gives the union of A alone and B alone.
    #[test]
    fn or_within_a_facet(fi in 0usize..5, a in 0usize..200, b in 0usize..200) {
        let (_, index) = bundled();
        let f = Facet::ALL[fi];
        let vals = index.values(f);
        let (va, vb) = (&vals[a % vals.len()], &vals[b % vals.len()]);
        let run = |vs: &[&String]| {
            let mut q = Query::default();
            for v in vs { q.facet_mut(f).set(v, ValueState::Included); }
            let mut items = index.search(&q).items; items.sort(); items
        };
        let mut union = run(&[va]);
        union.extend(run(&[vb]));
        union.sort(); union.dedup();
        prop_assert_eq!(run(&[va, vb]), union);
    }

    /// AND across facets: two facets together give the intersection of each alone.
    #[test]
    fn and_across_facets(a in 0usize..200, b in 0usize..200) {
        let (_, index) = bundled();
        let ra = &index.values(Facet::Region)[a % 18];
        let fb = &index.values(Facet::Financeur)[b % index.values(Facet::Financeur).len()];
        let search = |q: &Query| { let mut i = index.search(q).items; i.sort(); i };
        let mut qa = Query::default(); qa.facet_mut(Facet::Region).set(ra, ValueState::Included);
        let mut qb = Query::default(); qb.facet_mut(Facet::Financeur).set(fb, ValueState::Included);
        let mut qab = qa.clone(); qab.facet_mut(Facet::Financeur).set(fb, ValueState::Included);
        let (ia, ib) = (search(&qa), search(&qb));
        let inter: Vec<usize> = ia.iter().copied().filter(|x| ib.contains(x)).collect();
        prop_assert_eq!(search(&qab), inter);
    }

    /// NOT: excluding a value gives the complement of including it.
    #[test]
    fn not_is_the_complement(fi in 0usize..5, a in 0usize..200) {
        let (d, index) = bundled();
        let f = Facet::ALL[fi];
        let v = &index.values(f)[a % index.values(f).len()];
        let mut inc = Query::default(); inc.facet_mut(f).set(v, ValueState::Included);
        let mut exc = Query::default(); exc.facet_mut(f).set(v, ValueState::Excluded);
        let (ri, re) = (index.search(&inc), index.search(&exc));
        prop_assert_eq!(ri.items.len() + re.items.len(), d.projects.len());
        prop_assert!(ri.items.iter().all(|x| !re.items.contains(x)));
    }
}

#[test]
fn funders_all_mode_requires_every_funder() {
    let (d, index) = bundled();
    let mut q = Query::default();
    q.facet_mut(Facet::Financeur).set("FUI", ValueState::Included);
    q.facet_mut(Facet::Financeur).set("Region", ValueState::Included);
    let any = index.search(&q);
    q.funder_mode = FunderMode::All;
    let all = index.search(&q);
    assert!(all.items.len() < any.items.len());
    for i in &all.items {
        let ids = d.projects[*i].funder_ids();
        assert!(ids.contains(&"FUI") && ids.contains(&"Region"));
    }
}

#[test]
fn accent_and_case_insensitive_search() {
    let (d, index) = bundled();
    let mut q = Query { text: "securite".into(), ..Query::default() };
    let a = index.search(&q).items;
    q.text = "SÉCURITÉ".into();
    assert_eq!(index.search(&q).items, a);
    assert!(!a.is_empty());
    q.text = "pole".into();
    assert!(!index.search(&q).items.is_empty());
    // A former pôle name finds the projects of the pôle that now carries it.
    q.tab = Tab::Poles;
    q.text = "Plastipolis".into();
    let poles: Vec<&str> = index.search(&q).items.iter().map(|i| d.poles[*i].id.as_str()).collect();
    assert!(poles.contains(&"polymeris") && poles.contains(&"plastipolis"), "{poles:?}");
}

#[test]
fn bourgogne_franche_comte_agrifood_fui() {
    // The question from the product brief: agri-food projects in Bourgogne-Franche-Comté with FUI money.
    let (d, index) = bundled();
    let mut q = Query::default();
    q.facet_mut(Facet::Region).set("27", ValueState::Included);
    q.facet_mut(Facet::Theme).set("agroalimentaire", ValueState::Included);
    q.facet_mut(Facet::Financeur).set("FUI", ValueState::Included);
    let r = index.search(&q);
    assert!(!r.items.is_empty());
    for i in &r.items {
        let p = &d.projects[*i];
        assert!(p.territory.regions.contains(&"27".to_string()));
        assert!(p.themes.contains(&"agroalimentaire".to_string()));
    }
    assert_eq!(r.totals.count, r.items.len());
    assert!(r.totals.with_unpublished_amount <= r.items.len());
}

#[test]
fn sorts() {
    let (d, index) = bundled();
    let mut q = Query { sort: Sort::AnneeDesc, ..Query::default() };
    let r = index.search(&q);
    let years: Vec<Option<u16>> = r.items.iter().map(|i| d.projects[*i].year).collect();
    let known: Vec<u16> = years.iter().flatten().copied().collect();
    assert!(known.windows(2).all(|w| w[0] >= w[1]));
    assert!(years.iter().skip_while(|y| y.is_some()).all(|y| y.is_none()), "unknown years last");
    q.sort = Sort::Montant;
    let r = index.search(&q);
    let sums: Vec<f64> =
        r.items.iter().take_while(|i| d.projects[**i].funding.iter().any(|f| f.amount_eur.is_some())).map(|i| d.projects[*i].published_funding().0).collect();
    assert!(!sums.is_empty() && sums.windows(2).all(|w| w[0] >= w[1]));
    q.tab = Tab::Poles;
    q.sort = Sort::Projets;
    let r = index.search(&q);
    let n: Vec<usize> = r.items.iter().map(|i| d.projects_of_pole(&d.poles[*i].id).count()).collect();
    assert!(r.items.iter().all(|&i| index.projects_of_pole(i) == d.projects_of_pole(&d.poles[i].id).count()));
    assert!(n.windows(2).all(|w| w[0] >= w[1]));
}

#[test]
fn unknown_values_match_nothing_when_included() {
    let (_, index) = bundled();
    let mut q = Query::default();
    q.facet_mut(Facet::Region).set("99", ValueState::Included);
    assert!(index.search(&q).items.is_empty());
}

#[test]
fn hq_departement() {
    assert_eq!(departement_of_commune("21231"), Some("21"));
    assert_eq!(departement_of_commune("97411"), Some("974"));
    assert_eq!(departement_of_commune("2A004"), Some("2A"));
    assert_eq!(departement_of_commune("123"), None);
}

#[test]
fn the_organisation_filter_keeps_its_projects_and_the_counts_follow() {
    let (d, index) = bundled();
    let within = crate::testdata::bundled_orgs().projects_of("cnrs").unwrap();
    let (q, _) = crate::query::parse(&crate::query::decode_query_string("organisation=cnrs&theme=energie"));
    let r = index.search_within(&q, Some(&within));
    let want: Vec<usize> = (0..d.projects.len()).filter(|i| within.contains(i) && brute_match(d, &q, *i, None)).collect();
    let mut got = r.items.clone();
    got.sort();
    assert_eq!(got, want);
    assert!(!want.is_empty() && want.len() < within.len(), "{} of {}", want.len(), within.len());
    // A facet's counts: its projects kept by every other filter, the organisation's included.
    for f in [Facet::Theme, Facet::Region] {
        for (k, v) in index.values(f).iter().enumerate() {
            let n = within.iter().filter(|&&i| brute_match(d, &q, i, Some(f)) && values_of_project(&d.projects[i], f).contains(v)).count();
            assert_eq!(r.counts[f.index()][k] as usize, n, "{f:?} {v}");
        }
    }
    // Not a filter of the pôles; no project at all keeps none.
    assert_eq!(index.search_within(&Query { tab: Tab::Poles, ..Query::default() }, Some(&[])).items.len(), d.poles.len());
    assert!(index.search_within(&Query::default(), Some(&[])).items.is_empty());
}
