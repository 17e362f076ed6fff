//! The network's counts against plain readings of the bundled data, its layout, its markup.

use super::*;
use crate::model::Project;
use crate::testdata::{bundled, bundled_orgs};
use std::collections::HashMap;

/// A link between two pôles (`a` < `b`, their ids) and the projects they share.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Edge {
    a: String,
    b: String,
    /// Projects of the selection citing both.
    projects: u32,
}

/// The links between the pôles cited by `projects`: every pair of distinct pôles of a project,
/// counted once per project; strongest first, then by ids. (A plain reading, the reference
/// the network's own counting is tested against; tests only.)
fn pole_edges<'a>(projects: impl IntoIterator<Item = &'a Project>) -> Vec<Edge> {
    let mut counts: HashMap<(String, String), u32> = HashMap::new();
    for p in projects {
        let ids = distinct(p.poles.iter());
        for a in &ids {
            for b in ids.iter().filter(|b| a < *b) {
                *counts.entry((a.to_string(), b.to_string())).or_insert(0) += 1;
            }
        }
    }
    let mut edges: Vec<Edge> = counts.into_iter().map(|((a, b), projects)| Edge { a, b, projects }).collect();
    edges.sort_by(|x, y| y.projects.cmp(&x.projects).then_with(|| (&x.a, &x.b).cmp(&(&y.a, &y.b))));
    edges
}

#[test]
fn pairs_counted_once_per_project() {
    let template = bundled().0.projects[0].clone();
    let project = |poles: &[&str]| Project { poles: poles.iter().map(|s| s.to_string()).collect(), ..template.clone() };
    let ps = [project(&["b", "a"]), project(&["a", "b", "c"]), project(&["c"]), project(&["a", "a", "b"])];
    assert_eq!(
        pole_edges(&ps),
        vec![
            Edge { a: "a".into(), b: "b".into(), projects: 3 },
            Edge { a: "a".into(), b: "c".into(), projects: 1 },
            Edge { a: "b".into(), b: "c".into(), projects: 1 },
        ]
    );
    assert!(pole_edges(&ps[2..3]).is_empty(), "a project citing one pôle links none");
}

#[test]
fn the_bundled_data_links_pairs_of_poles() {
    let (d, _) = bundled();
    let edges = pole_edges(&d.projects);
    // Brute force: for every pair of pôles, the projects citing both.
    let mut ids: Vec<&str> = d.projects.iter().flat_map(|p| p.poles.iter().map(String::as_str)).collect();
    ids.sort_unstable();
    ids.dedup();
    let mut expected = 0;
    for (i, a) in ids.iter().enumerate() {
        for b in &ids[i + 1..] {
            let n = d.projects.iter().filter(|p| p.poles.iter().any(|x| x == a) && p.poles.iter().any(|x| x == b)).count() as u32;
            if n > 0 {
                expected += 1;
                assert!(edges.contains(&Edge { a: a.to_string(), b: b.to_string(), projects: n }), "{a} {b} {n}");
            }
        }
    }
    assert_eq!(edges.len(), expected);
    assert!(edges.len() > 50, "{} pairs", edges.len());
}

fn all(d: &Dataset) -> Vec<usize> {
    (0..d.projects.len()).collect()
}

#[test]
fn the_network_is_the_pairs_of_poles_of_the_selection() {
    let (d, index) = bundled();
    for qs in ["", "region=27", "theme=agroalimentaire"] {
        let (q, _) = crate::query::parse(&crate::query::decode_query_string(qs));
        let items = index.search(&q).items;
        let net = network(d, &items, None, None);
        let edges = pole_edges(items.iter().map(|&i| &d.projects[i]));
        assert_eq!(net.links.len(), edges.len(), "{qs}");
        for l in &net.links {
            let (a, b) = (&net.nodes[l.a].id, &net.nodes[l.b].id);
            let (a, b) = if a < b { (a, b) } else { (b, a) };
            assert!(edges.contains(&Edge { a: a.clone(), b: b.clone(), projects: l.projects }), "{qs}: {a} {b}");
        }
        // Every node is linked; counts are the node's projects in the selection.
        assert!(net.nodes.iter().enumerate().all(|(i, _)| net.links.iter().any(|l| l.a == i || l.b == i)));
    }
}

#[test]
fn the_layout_is_deterministic_and_labels_never_overlap() {
    let (d, _) = bundled();
    let items = all(d);
    let net = network(d, &items, None, None);
    assert_eq!(net, network(d, &items, None, None), "same input, same positions");
    let mut rows: Vec<u32> = net.nodes.iter().map(|n| n.row).collect();
    rows.sort_unstable();
    assert_eq!(rows, (0..net.nodes.len() as u32).collect::<Vec<_>>(), "one row per node: labels on distinct rows, ROW units apart");
    // Linked nodes are close: the strongest link spans few rows.
    let l = net.links[0];
    assert!(net.nodes[l.a].row.abs_diff(net.nodes[l.b].row) <= 3, "{l:?}");
    // Reversing the order of the selection changes nothing.
    let mut rev = items.clone();
    rev.reverse();
    assert_eq!(network(d, &rev, None, None), net);
}

#[test]
fn one_poles_organisations_join_the_network() {
    let (d, index) = bundled();
    let orgs = bundled_orgs();
    let (q, _) = crate::query::parse(&crate::query::decode_query_string("pole=techtera"));
    let items = index.search(&q).items;
    let net = network(d, &items, Some(orgs), None);
    let org_nodes: Vec<&Node> = net.nodes.iter().filter(|n| n.kind == NodeKind::Organisation).collect();
    assert!(!org_nodes.is_empty() && org_nodes.len() <= MAX_ORGS);
    // An organisation's link to Techtera counts the selected projects naming both.
    let techtera = net.nodes.iter().position(|n| n.id == "techtera").unwrap();
    for l in net.links.iter().filter(|l| l.a == techtera || l.b == techtera) {
        let other = &net.nodes[if l.a == techtera { l.b } else { l.a }];
        if other.kind == NodeKind::Organisation {
            let org = &orgs.list[orgs.by_id(&other.id).unwrap()];
            let n = org.projects.iter().filter(|(p, _)| items.contains(p) && d.projects[*p].poles.iter().any(|x| x == "techtera")).count();
            assert_eq!(l.projects as usize, n, "{}", other.id);
        }
    }
    assert_eq!(net, network(d, &items, Some(orgs), None));
}

#[test]
fn one_organisations_partners_are_linked_to_it() {
    let (d, index) = bundled();
    let orgs = bundled_orgs();
    let cnrs = orgs.by_id("cnrs").unwrap();
    let within = orgs.projects_of("cnrs").unwrap();
    let (q, _) = crate::query::parse(&crate::query::decode_query_string("organisation=cnrs"));
    let items = index.search_within(&q, Some(&within)).items;
    assert_eq!(items.len(), orgs.list[cnrs].projects.len());
    let net = network(d, &items, Some(orgs), Some(cnrs));
    let centre = net.nodes.iter().position(|n| n.id == "cnrs").unwrap();
    // Each co-partner drawn is linked to it by the projects they share, read from its own list.
    let partners: Vec<&Link> = net.links.iter().filter(|l| l.a == centre && net.nodes[l.b].kind == NodeKind::Organisation).collect();
    assert_eq!(partners.len(), net.nodes.iter().filter(|n| n.kind == NodeKind::Organisation).count() - 1);
    assert!(partners.len() > 3, "{}", partners.len());
    for l in partners {
        let other = &orgs.list[orgs.by_id(&net.nodes[l.b].id).unwrap()];
        let n = other.projects.iter().filter(|(p, _)| within.contains(p)).count();
        assert_eq!(l.projects as usize, n, "{}", other.id);
    }
    // The pôles of its projects are there, and no organisation is linked to another but the centre.
    assert!(net.nodes.iter().any(|n| n.kind == NodeKind::Pole));
    assert!(net.links.iter().all(|l| l.a == centre || net.nodes[l.a].kind == NodeKind::Pole));
    assert_eq!(net, network(d, &items, Some(orgs), Some(cnrs)));
}

#[test]
fn the_drawing_escapes_every_text() {
    let net = Network {
        nodes: vec![
            Node { id: "a".into(), kind: NodeKind::Pole, label: "R&D <x>".into(), row: 0, projects: 2 },
            Node { id: "b\"".into(), kind: NodeKind::Organisation, label: "B".into(), row: 1, projects: 1 },
        ],
        links: vec![Link { a: 0, b: 1, projects: 2 }],
        orgs_left_out: 0,
        links_left_out: 0,
    };
    let s = svg(&net, &|n| format!("{} !", n.label));
    assert!(s.contains(r#"clip-path="url(#network-labels)">R&amp;D &lt;x&gt;</text>"#) && s.contains(r#"aria-label="R&amp;D &lt;x&gt; !""#), "{s}");
    assert!(s.contains(r#"data-id="b&quot;""#) && s.contains(r#"stroke-width="6.0""#));
    assert_eq!(s.matches("data-testid=\"network-node\"").count(), 2);
    assert!(s.contains(r#"id="network-organisation-b&quot;" data-testid="network-node" data-id="b&quot;" data-kind="organisation""#), "{s}");
    assert!(s.contains("<circle") && s.contains("network-node organisation"));
}

#[test]
fn arcs_grow_with_the_distance() {
    assert_eq!(arc_path(100, 0, 1, 200), "M100 12C126 12 126 36 100 36");
    assert!(arc_path(100, 0, 40, 200).contains("C366 "), "capped at 200 wide");
}

#[test]
fn a_national_selection_draws_its_strongest_links_only() {
    // Synthetic projects citing many pôles: most pairs are linked.
    let [r, p, j] = crate::synthetic::files(&bundled().0.refs, 20_000, 7);
    let d = crate::validate::load_all(&r, &p, &j).unwrap().dataset;
    let items: Vec<usize> = (0..d.projects.len()).collect();
    let net = network(&d, &items, None, None);
    let all = pole_edges(&d.projects);
    assert!(all.len() > MAX_LINKS, "the scenario links more pairs than are drawn ({})", all.len());
    assert_eq!(net.links.len(), MAX_LINKS);
    assert_eq!(net.links_left_out, all.len() - MAX_LINKS);
    // The strongest, with their counts; every node drawn has a link, every link two nodes.
    let weakest_kept = net.links.last().unwrap().projects;
    assert!(net.links.windows(2).all(|w| w[0].projects >= w[1].projects));
    assert_eq!(all.iter().filter(|e| e.projects > weakest_kept).count(), net.links.iter().filter(|l| l.projects > weakest_kept).count());
    let mut linked = vec![false; net.nodes.len()];
    for l in &net.links {
        linked[l.a] = true;
        linked[l.b] = true;
    }
    assert!(linked.iter().all(|&x| x));
    let mut rows: Vec<u32> = net.nodes.iter().map(|n| n.row).collect();
    rows.sort_unstable();
    assert_eq!(rows, (0..net.nodes.len() as u32).collect::<Vec<_>>(), "one row a node");
}
