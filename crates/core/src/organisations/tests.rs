use super::*;
use crate::query::{decode_query_string, parse as parse_query};
use crate::testdata::{bundled, bundled_orgs};

fn selection(qs: &str) -> Vec<usize> {
    let (d, index) = bundled();
    let (q, _) = parse_query(&decode_query_string(qs));
    let _ = d;
    index.search(&q).items
}

#[test]
fn every_organisation_has_projects_and_an_own_id() {
    let (d, _) = bundled();
    let orgs = bundled_orgs();
    assert!(orgs.list.len() > 700, "{}", orgs.list.len());
    let mut ids: Vec<&str> = orgs.list.iter().map(|o| o.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), orgs.list.len());
    assert!(orgs.list.iter().all(|o| !o.projects.is_empty() && !o.names.is_empty()));
    // Every lead and partner name is an organisation or a description; names map back.
    for p in &d.projects {
        for n in p.lead.iter().chain(&p.partners) {
            if let Some(o) = orgs.of_name(n) {
                let i = d.project_index(&p.id).unwrap();
                assert!(o.projects.iter().any(|(x, _)| *x == i), "{n} in {}", p.id);
            }
        }
    }
    assert_eq!(orgs.of_name("IFP").map(|o| o.name.as_str()), Some("IFP Énergies nouvelles"));
    assert_eq!(orgs.of_name("trois laboratoires (non nommés)"), None);
}

#[test]
fn rows_follow_the_selection_through_the_projects() {
    let (d, _) = bundled();
    let orgs = bundled_orgs();
    let all = orgs.rows(d, &selection(""), "", Sort::Nom);
    assert_eq!(all.len(), orgs.list.len());
    let names: Vec<String> = all.iter().map(|r| fold(&orgs.list[r.org].name)).collect();
    assert!(names.windows(2).all(|w| w[0] <= w[1]), "by name");
    let by_count = orgs.rows(d, &selection(""), "", Sort::Projets);
    assert!(by_count.windows(2).all(|w| w[0].projects >= w[1].projects));
    assert_eq!(orgs.list[by_count[0].org].projects.len() as u32, by_count[0].projects);
    // Bourgogne-Franche-Comté: an organisation is listed when one of its projects is there.
    let items = selection("region=27");
    let rows = orgs.rows(d, &items, "", Sort::Nom);
    let expected = orgs.list.iter().filter(|o| o.projects.iter().any(|(p, _)| d.projects[*p].territory.regions.iter().any(|r| r == "27"))).count();
    assert_eq!(rows.len(), expected);
    for r in &rows {
        let n = orgs.list[r.org].projects.iter().filter(|(p, _)| items.contains(p)).count();
        assert_eq!(r.projects as usize, n);
    }
    // Text search over every name it is cited under.
    let found = orgs.rows(d, &selection(""), "IFP énergies nouvelles", Sort::Nom);
    assert_eq!(found.len(), 1);
    assert_eq!(orgs.list[found[0].org].names, ["IFP Énergies nouvelles", "IFP Energies nouvelles", "IFP"]);
    assert_eq!(orgs.rows(d, &selection(""), "ifremer", Sort::Nom).len(), 1);
}

#[test]
fn a_page_gathers_projects_poles_partners_and_funders() {
    let (d, _) = bundled();
    let orgs = bundled_orgs();
    let o = orgs.by_id("cnrs").unwrap();
    let page = orgs.page(d, o);
    assert_eq!(page.projects.len(), orgs.list[o].projects.len());
    assert!(page.projects.windows(2).all(|w| d.projects[w[0].0].year >= d.projects[w[1].0].year));
    // Co-partners: the other organisations of its projects, counted per shared project.
    for &(p, n) in &page.partners {
        let shared = page.projects.iter().filter(|(x, _)| orgs.of_project(*x).contains(&p)).count();
        assert_eq!(n as usize, shared);
    }
    assert!(!page.partners.iter().any(|(p, _)| *p == o));
    let poles_total: u32 = page.poles.iter().map(|p| p.1).sum();
    assert_eq!(poles_total as usize, page.projects.iter().map(|(p, _)| d.projects[*p].poles.len()).sum::<usize>());
}

#[test]
fn the_export_has_a_row_per_listed_organisation() {
    let (d, _) = bundled();
    let orgs = bundled_orgs();
    let items = selection("region=27");
    let rows = orgs.rows(d, &items, "", Sort::Projets);
    let (q, _) = parse_query(&decode_query_string("onglet=organisations&region=27&tri=projets"));
    let mut r = bundled().1.search(&q);
    orgs.select(d, &mut r, &q);
    assert_eq!(r.items, rows.iter().map(|x| x.org).collect::<Vec<_>>());
    let (header, table) = orgs.table(d, &r.items, &r.figures, &items);
    assert_eq!(header[0], "id");
    assert_eq!(table.len(), rows.len());
    for (r, line) in rows.iter().zip(&table) {
        assert_eq!(line[0], orgs.list[r.org].id);
        assert_eq!(line[7].split(" ; ").count() as u32, r.projects, "{line:?}");
    }
}

#[test]
fn a_broken_file_is_an_error_and_unknown_projects_are_left_out() {
    let (d, _) = bundled();
    assert!(parse("{", d).is_err());
    assert!(parse("{}", d).is_err());
    let one = r#"{"organisations":[{"id":"x","name":"X","kind":"nimporte","projects":[["absent","porteur"],["2bimulch","porteur"]]},{"name":"sans id"}]}"#;
    let orgs = parse(one, d).unwrap();
    assert_eq!(orgs.list.len(), 1);
    assert_eq!(orgs.list[0].kind, None);
    assert_eq!(orgs.list[0].projects, vec![(d.project_index("2bimulch").unwrap(), Role::Porteur)]);
}
