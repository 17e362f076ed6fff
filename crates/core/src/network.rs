//! The collaboration network of the selection (the explorer's `vue=reseau`): two pôles are
//! linked when a project of the selection cites both, the link's weight is the number of such
//! projects; when the selection is one pôle's, its organisations are linked to the pôles of their
//! projects. Laid out here, deterministically, as an arc diagram: one node per row (labels never
//! overlap), linked nodes placed near each other, links drawn as arcs on the right.

use crate::listing::order_by;
use crate::model::Dataset;
use crate::organisations::{distinct, Orgs};
use crate::text::escape_html as escape;

/// What a node of the network is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    Pole,
    Organisation,
}

impl NodeKind {
    pub fn code(self) -> &'static str {
        ["pole", "organisation"][self as usize]
    }
}

/// A node: a pôle or an organisation (its id), its label, its row (from the top).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    pub id: String,
    pub kind: NodeKind,
    pub label: String,
    pub row: u32,
    /// Projects of the selection it is in.
    pub projects: u32,
}

/// A link between nodes `a` and `b` (indexes in `Network::nodes`) and the projects they share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    pub a: usize,
    pub b: usize,
    pub projects: u32,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Network {
    pub nodes: Vec<Node>,
    /// Strongest first.
    pub links: Vec<Link>,
    /// Organisations of the selection left out of the drawing (beyond `MAX_ORGS`).
    pub orgs_left_out: usize,
}

/// Organisations drawn at most (the most present in the selection); the table lists them all.
pub const MAX_ORGS: usize = 40;
/// Height of a row (a node and its label), in SVG units.
pub const ROW: u32 = 24;

/// The network of the selected projects (`items`, dataset indexes). With `orgs`, the
/// organisations of those projects are nodes too, linked to the pôles of their projects. (Pairs
/// are counted in tables indexed by pôle and organisation: no hashing, no sorting but the app's
/// one; pôles without a record are left out.)
pub fn network(d: &Dataset, items: &[usize], orgs: Option<&Orgs>) -> Network {
    let np = d.poles.len();
    let no = orgs.map_or(0, |o| o.list.len());
    // Projects per pôle pair (a < b), per pôle, per organisation; (organisation, pôle, projects).
    let mut pairs = vec![0u32; np * np];
    let mut pole_projects = vec![0u32; np];
    let mut org_projects = vec![0u32; no];
    let mut org_pairs: Vec<(usize, usize, u32)> = Vec::new();
    for &i in items {
        let ps: Vec<usize> = distinct(d.projects[i].poles.iter()).into_iter().filter_map(|id| d.pole_position(id)).collect();
        for &a in &ps {
            pole_projects[a] += 1;
            for &b in ps.iter().filter(|&&b| a < b) {
                pairs[a * np + b] += 1;
            }
        }
        for &o in orgs.map_or(&[][..], |x| x.of_project(i)) {
            org_projects[o] += 1;
            for &p in &ps {
                match org_pairs.iter_mut().find(|x| x.0 == o && x.1 == p) {
                    Some(x) => x.2 += 1,
                    None => org_pairs.push((o, p, 1)),
                }
            }
        }
    }
    // The most present organisations (ties: the first in the file).
    // (An organisation that is a pôle of the network is that pôle's node.)
    let is_pole = |o: usize| orgs.and_then(|x| x.list[o].pole.as_deref()).and_then(|p| d.pole_position(p)).is_some_and(|p| pole_projects[p] > 0);
    let linked: Vec<usize> = (0..no).filter(|&o| !is_pole(o) && org_pairs.iter().any(|x| x.0 == o)).collect();
    let mut kept: Vec<usize> =
        order_by(linked.len(), |i| (u64::from(u32::MAX - org_projects[linked[i]]), linked[i] as u64)).into_iter().map(|i| linked[i]).collect();
    let orgs_left_out = kept.len().saturating_sub(MAX_ORGS);
    kept.truncate(MAX_ORGS);
    // Nodes: the pôles linked (in the order of the file), then the organisations kept.
    let mut node_of_pole = vec![usize::MAX; np];
    let mut nodes: Vec<Node> = Vec::new();
    for p in 0..np {
        let linked = (0..np).any(|q| pairs[p.min(q) * np + p.max(q)] > 0) || org_pairs.iter().any(|x| x.1 == p && kept.contains(&x.0));
        if linked {
            node_of_pole[p] = nodes.len();
            let pole = &d.poles[p];
            nodes.push(Node { id: pole.id.clone(), kind: NodeKind::Pole, label: pole.display_short().to_string(), row: 0, projects: pole_projects[p] });
        }
    }
    let mut links: Vec<Link> = Vec::new();
    for (k, &n) in pairs.iter().enumerate().filter(|(_, n)| **n > 0) {
        links.push(Link { a: node_of_pole[k / np], b: node_of_pole[k % np], projects: n });
    }
    if let Some(orgs) = orgs {
        for &o in &kept {
            let org = &orgs.list[o];
            nodes.push(Node { id: org.id.clone(), kind: NodeKind::Organisation, label: org.name.clone(), row: 0, projects: org_projects[o] });
            for x in org_pairs.iter().filter(|x| x.0 == o) {
                links.push(Link { a: node_of_pole[x.1], b: nodes.len() - 1, projects: x.2 });
            }
        }
    }
    let order = order_by(links.len(), |i| (u64::from(u32::MAX - links[i].projects), i as u64));
    let links: Vec<Link> = order.into_iter().map(|i| links[i]).collect();
    let order = arrange(nodes.len(), &links);
    for (row, &n) in order.iter().enumerate() {
        nodes[n].row = row as u32;
    }
    Network { nodes, links, orgs_left_out }
}

/// The order of the nodes: the most linked first, then, one at a time, the node most linked to
/// those already placed (ties: the most linked overall, then the first met). Linked nodes end up
/// near each other, so most arcs are short.
fn arrange(n: usize, links: &[Link]) -> Vec<usize> {
    let mut strength = vec![0u32; n];
    for l in links {
        strength[l.a] += l.projects;
        strength[l.b] += l.projects;
    }
    let mut placed = vec![false; n];
    let mut pull = vec![0u32; n];
    let mut order = Vec::with_capacity(n);
    while order.len() < n {
        let next = (0..n).filter(|&i| !placed[i]).max_by(|&x, &y| (pull[x], strength[x]).cmp(&(pull[y], strength[y])).then(y.cmp(&x))).expect("a node left");
        placed[next] = true;
        order.push(next);
        for l in links {
            if l.a == next {
                pull[l.b] += l.projects;
            } else if l.b == next {
                pull[l.a] += l.projects;
            }
        }
    }
    order
}

/// The SVG path of a link's arc between two rows, drawn right of `x`: the further apart the
/// rows, the wider the arc (at most `max_width`).
pub fn arc_path(x: u32, row_a: u32, row_b: u32, max_width: u32) -> String {
    let (ya, yb) = (row_a * ROW + ROW / 2, row_b * ROW + ROW / 2);
    let w = (ya.abs_diff(yb) / 2 + 8).min(max_width);
    format!("M{x} {ya}C{} {ya} {} {yb} {x} {yb}", x + w * 4 / 3, x + w * 4 / 3)
}

/// Where the labels end (a longer one is clipped there: its text stays whole, for the node's
/// accessible name and its tooltip), the nodes sit and the arcs start; the arcs' widest reach.
const LABEL_END: u32 = 246;
const NODE_X: u32 = 254;
const ARC_X: u32 = 262;
const ARC_MAX: u32 = 400;

/// The drawing as SVG markup (every text escaped): the arcs (hidden from assistive technology:
/// the table says the same), then one focusable node per row, named by `name_of`
/// (`data-testid="network-node"`, `data-id`, `data-kind`); a pôle is a circle, an organisation a
/// diamond, sized by its projects; an arc's width follows its projects.
pub fn svg(net: &Network, name_of: &dyn Fn(&Node) -> String) -> String {
    let width = ARC_X + ARC_MAX + 8;
    let height = (net.nodes.len() as u32 * ROW).max(ROW);
    let max = net.links.first().map_or(1, |l| l.projects).max(1);
    let mut out = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="network" data-testid="network" role="group" aria-labelledby="network-title" width="{width}" height="{height}" viewBox="0 0 {width} {height}"><clipPath id="network-labels"><rect width="{LABEL_END}" height="{height}"/></clipPath><g aria-hidden="true">"#
    );
    for l in &net.links {
        let (a, b) = (&net.nodes[l.a], &net.nodes[l.b]);
        // In tenths of a unit, from 1 to 6.
        let tenths = 10 + 50 * l.projects / max;
        out.push_str(&format!(
            r#"<path class="network-link" d="{}" stroke-width="{}.{}" data-a="{}" data-b="{}" data-count="{}"/>"#,
            arc_path(ARC_X, a.row, b.row, ARC_MAX),
            tenths / 10,
            tenths % 10,
            escape(&a.id),
            escape(&b.id),
            l.projects
        ));
    }
    out.push_str("</g>");
    for n in &net.nodes {
        let y = n.row * ROW + ROW / 2;
        let r = 3 + n.projects.min(20) / 4;
        let shape = match n.kind {
            NodeKind::Pole => format!(r#"<circle cx="{NODE_X}" cy="{y}" r="{r}"/>"#),
            NodeKind::Organisation => format!(r#"<path d="M{NODE_X} {}l{r} {r}l-{r} {r}l-{r} -{r}z"/>"#, y - r),
        };
        out.push_str(&format!(
            r#"<g class="network-node {0}" id="network-{0}-{1}" data-testid="network-node" data-id="{1}" data-kind="{0}" tabindex="0" role="link" aria-label="{2}"><title>{3}</title><text x="0" y="{4}" clip-path="url(#network-labels)">{3}</text>{shape}</g>"#,
            n.kind.code(),
            escape(&n.id),
            escape(&name_of(n)),
            escape(&n.label),
            y + 4,
        ));
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
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
            let net = network(d, &items, None);
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
        let net = network(d, &items, None);
        assert_eq!(net, network(d, &items, None), "same input, same positions");
        let mut rows: Vec<u32> = net.nodes.iter().map(|n| n.row).collect();
        rows.sort_unstable();
        assert_eq!(rows, (0..net.nodes.len() as u32).collect::<Vec<_>>(), "one row per node: labels on distinct rows, ROW units apart");
        // Linked nodes are close: the strongest link spans few rows.
        let l = net.links[0];
        assert!(net.nodes[l.a].row.abs_diff(net.nodes[l.b].row) <= 3, "{l:?}");
        // Reversing the order of the selection changes nothing.
        let mut rev = items.clone();
        rev.reverse();
        assert_eq!(network(d, &rev, None), net);
    }

    #[test]
    fn one_poles_organisations_join_the_network() {
        let (d, index) = bundled();
        let orgs = bundled_orgs();
        let (q, _) = crate::query::parse(&crate::query::decode_query_string("pole=techtera"));
        let items = index.search(&q).items;
        let net = network(d, &items, Some(orgs));
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
        assert_eq!(net, network(d, &items, Some(orgs)));
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
}
