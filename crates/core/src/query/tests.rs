use super::*;
use proptest::prelude::*;

fn pairs(qs: &str) -> Vec<(String, String)> {
    decode_query_string(qs)
}

#[test]
fn parses_the_documented_contract() {
    let (q, n) = parse(&pairs("?onglet=projets&vue=carte&mesure=montant&region=27&departement=21&theme=agroalimentaire&financeur=FUI,ANR,-FEDER&pole=vitagora&q=s%C3%A9curit%C3%A9&annee_min=2010&annee_max=2020&tri=montant&financeur_mode=tous"));
    assert!(n.is_empty(), "{n:?}");
    assert_eq!(q.tab, Tab::Projets);
    assert_eq!((q.view, q.measure), (View::Carte, Measure::Montant));
    assert_eq!(q.facet(Facet::Region).include, ["27"]);
    assert_eq!(q.facet(Facet::Departement).include, ["21"]);
    assert_eq!(q.facet(Facet::Financeur).include, ["FUI", "ANR"]);
    assert_eq!(q.facet(Facet::Financeur).exclude, ["FEDER"]);
    assert_eq!(q.funder_mode, FunderMode::All);
    assert_eq!(q.text, "sécurité");
    assert_eq!((q.year_min, q.year_max), (Some(2010), Some(2020)));
    assert_eq!(q.sort, Sort::Montant);
}

#[test]
fn malformed_values_are_ignored_with_a_notice() {
    let (q, n) = parse(&pairs("?onglet=cartes&region=27,<script>,,-&annee_min=deux&tri=hasard&foo=bar&financeur_mode=parfois"));
    assert_eq!(q.tab, Tab::Projets);
    assert_eq!(q.facet(Facet::Region).include, ["27"]);
    assert_eq!(q.year_min, None);
    assert_eq!(q.sort, Sort::Nom);
    let params: Vec<&str> = n.iter().map(|x| x.param.as_str()).collect();
    assert_eq!(params, ["onglet", "region", "region", "annee_min", "tri", "foo", "financeur_mode"]);
    assert!(n[1].to_string().contains("<script>"));
}

#[test]
fn inverted_years_are_swapped_and_said() {
    let (q, n) = parse(&pairs("annee_min=2020&annee_max=2010"));
    assert_eq!((q.year_min, q.year_max), (Some(2010), Some(2020)));
    assert_eq!(n.len(), 1);
}

#[test]
fn a_value_both_included_and_excluded_keeps_the_first() {
    let (q, _) = parse(&pairs("financeur=FUI,-FUI,FUI"));
    assert_eq!(q.facet(Facet::Financeur).include, ["FUI"]);
    assert!(q.facet(Facet::Financeur).exclude.is_empty());
}

#[test]
fn sort_must_fit_the_tab() {
    let (q, _) = parse(&pairs("onglet=poles&tri=montant"));
    assert_eq!(q.sort, Sort::Nom);
    let (q, _) = parse(&pairs("onglet=poles&tri=projets"));
    assert_eq!(q.sort, Sort::Projets);
}

#[test]
fn decoding_is_lenient() {
    assert_eq!(
        pairs("?a=%ZZ&b=%E9&c&d=x+y"),
        vec![("a".into(), "%ZZ".into()), ("b".into(), "\u{FFFD}".into()), ("c".into(), "".into()), ("d".into(), "x y".into()),]
    );
    assert_eq!(pairs("?q=%"), vec![("q".into(), "%".into())]);
}

#[test]
fn default_state_formats_to_nothing() {
    assert_eq!(to_query_string(&Query::default()), "");
    let mut q = Query::default();
    q.facet_mut(Facet::Financeur).set("FEDER", ValueState::Excluded);
    q.facet_mut(Facet::Financeur).set("FUI", ValueState::Included);
    q.text = "pôle eau".into();
    assert_eq!(to_query_string(&q), "?financeur=FUI,-FEDER&q=p%C3%B4le+eau");
}

fn value() -> impl Strategy<Value = String> {
    "[A-Za-z0-9_.][A-Za-z0-9_.-]{0,10}"
}

fn selection() -> impl Strategy<Value = Selection> {
    (prop::collection::vec(value(), 0..4), prop::collection::vec(value(), 0..3)).prop_map(|(inc, exc)| {
        let mut s = Selection::default();
        for v in exc {
            s.set(&v, ValueState::Excluded);
        }
        for v in inc {
            if s.state(&v) == ValueState::Off {
                s.set(&v, ValueState::Included);
            }
        }
        s
    })
}

prop_compose! {
    fn query()(
        tab in prop::sample::select(vec![Tab::Projets, Tab::Poles, Tab::Organisations]),
        view in prop::sample::select(View::ALL.to_vec()),
        amount in any::<bool>(),
        facets in prop::array::uniform8(selection()),
        all in any::<bool>(),
        text in "[a-zA-Zàéèôç'&=+%#?,0-9 -]{0,30}",
        y1 in prop::option::of(1950u16..=2100),
        y2 in prop::option::of(1950u16..=2100),
        sort in prop::sample::select(Sort::ALL.to_vec()),
        organisation in "([a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3})?",
        page in prop::option::of(1usize..5000),
    ) -> Query {
        let view = if view.applies_to(tab) { view } else { View::Liste };
        let (year_min, year_max) = match (y1, y2) {
            (Some(a), Some(b)) if a > b => (Some(b), Some(a)),
            other => other,
        };
        Query {
            tab,
            view,
            measure: if amount { Measure::Montant } else { Measure::Nombre },
            facets,
            funder_mode: if all { FunderMode::All } else { FunderMode::Any },
            text: text.trim().to_string(),
            year_min,
            year_max,
            sort: if sort.applies_to(tab) { sort } else { Sort::Nom },
            organisation,
            page: page.unwrap_or(0),
        }
    }
}

proptest! {
    #[test]
    fn parse_format_round_trips(q in query()) {
        let (back, notices) = parse(&decode_query_string(&to_query_string(&q)));
        prop_assert!(notices.is_empty(), "{:?}", notices);
        prop_assert_eq!(back, q);
    }

    #[test]
    fn parsing_any_text_never_panics(s in ".{0,120}") {
        let (q, _) = parse(&decode_query_string(&s));
        // and what it gives is a valid state
        let (again, notices) = parse(&decode_query_string(&to_query_string(&q)));
        prop_assert!(notices.is_empty());
        prop_assert_eq!(again, q);
    }
}

#[test]
fn the_organisations_tab_and_the_network_view() {
    let (q, notices) = parse(&decode_query_string("?onglet=organisations&tri=projets&q=cnrs"));
    assert!(notices.is_empty());
    assert_eq!((q.tab, q.sort, q.text.as_str()), (Tab::Organisations, Sort::Projets, "cnrs"));
    assert_eq!(to_query_string(&q), "?onglet=organisations&q=cnrs&tri=projets");
    // The organisations tab is a list; the network is drawn from projects.
    let (q, notices) = parse(&decode_query_string("?onglet=organisations&vue=carte"));
    assert_eq!((q.view, notices.len()), (View::Liste, 1));
    let (q, notices) = parse(&decode_query_string("?onglet=poles&vue=reseau"));
    assert_eq!((q.view, notices[0].param.as_str()), (View::Liste, "vue"));
    let (q, notices) = parse(&decode_query_string("?vue=reseau&region=27"));
    assert!(notices.is_empty());
    assert_eq!(q.view, View::Reseau);
    assert!(Facet::ALL.iter().all(|f| f.applies_to(Tab::Organisations) == f.applies_to(Tab::Projets)));
}

#[test]
fn one_organisations_projects() {
    let (q, notices) = parse(&decode_query_string("?vue=reseau&organisation=ifp-energies-nouvelles&region=84"));
    assert!(notices.is_empty());
    assert_eq!(q.organisation, "ifp-energies-nouvelles");
    assert_eq!(to_query_string(&q), "?vue=reseau&region=84&organisation=ifp-energies-nouvelles");
    assert!(!q.is_unfiltered(Tab::Projets) && !q.is_unfiltered(Tab::Organisations));
    assert!(parse(&decode_query_string("organisation=cnrs")).0.is_unfiltered(Tab::Poles), "not a filter of the pôles");
    assert!(q.cleared().organisation.is_empty());
    let (q, notices) = parse(&decode_query_string("?organisation=%3Cscript%3E"));
    assert_eq!((q.organisation.as_str(), notices[0].param.as_str(), notices[0].reason.as_str()), ("", "organisation", "valeur mal formée"));
}

#[test]
fn the_language_switch_keeps_every_other_parameter() {
    assert_eq!(with_param("?region=27&q=vigne%20bio", "lang", Some("en")), "?region=27&q=vigne+bio&lang=en");
    assert_eq!(with_param("?lang=en&region=27", "lang", None), "?region=27");
    assert_eq!(with_param("", "lang", Some("en")), "?lang=en");
    assert_eq!(with_param("?lang=en", "lang", None), "");
}

#[test]
fn the_page_is_one_based_and_the_first_is_not_written() {
    let (q, n) = parse(&pairs("?region=27&page=3"));
    assert!(n.is_empty());
    assert_eq!(q.page, 2);
    assert_eq!(to_query_string(&q), "?region=27&page=3");
    let (q, n) = parse(&pairs("page=1"));
    assert!(n.is_empty());
    assert_eq!((q.page, to_query_string(&q).as_str()), (0, ""));
    for bad in ["0", "-2", "deux", "2.5", "99999999999999999999"] {
        let (q, n) = parse(&pairs(&format!("page={bad}")));
        assert_eq!((q.page, n.len(), n[0].param.as_str()), (0, 1, "page"), "{bad}");
    }
}
