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
    /// The weakest links left out of the drawing and its table (beyond `MAX_LINKS`).
    pub links_left_out: usize,
}

/// Organisations drawn at most (the most present in the selection); the table lists them all.
pub const MAX_ORGS: usize = 40;
/// Links drawn and listed at most (the strongest): a national selection links most pairs of pôles
/// (thousands of arcs and rows, redrawn on every change); the bundled data has 132 at most.
pub const MAX_LINKS: usize = 150;
/// Height of a row (a node and its label), in SVG units.
pub const ROW: u32 = 24;

/// The network of the selected projects (`items`, dataset indexes). With `orgs`, the
/// organisations of those projects are nodes too, linked to the pôles of their projects; with a
/// `centre` (an organisation chosen, its index), it is linked to each of them by the projects
/// they share. (Pairs are counted in tables indexed by pôle and organisation: no hashing, no
/// sorting but the app's one; pôles without a record are left out.)
pub fn network(d: &Dataset, items: &[usize], orgs: Option<&Orgs>, centre: Option<usize>) -> Network {
    let np = d.poles.len();
    let no = orgs.map_or(0, |o| o.list.len());
    // Projects per pôle pair (a < b), per pôle, per organisation; (organisation, pôle, projects).
    let mut pairs = vec![0u32; np * np];
    let mut pole_projects = vec![0u32; np];
    let mut org_projects = vec![0u32; no];
    // Projects shared with the centre.
    let mut shared = vec![0u32; no];
    let mut org_linked = vec![false; no];
    let mut org_pairs: Vec<(usize, usize, u32)> = Vec::new();
    for &i in items {
        let ps: Vec<usize> = distinct(d.projects[i].poles.iter()).into_iter().filter_map(|id| d.pole_position(id)).collect();
        for &a in &ps {
            pole_projects[a] += 1;
            for &b in ps.iter().filter(|&&b| a < b) {
                pairs[a * np + b] += 1;
            }
        }
        let of_project = orgs.map_or(&[][..], |x| x.of_project(i));
        let with_centre = centre.is_some_and(|c| of_project.contains(&c));
        for &o in of_project {
            org_projects[o] += 1;
            shared[o] += with_centre as u32;
            // Linked to a pôle of the network (the pairs below are not empty).
            org_linked[o] |= !ps.is_empty();
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
    let linked: Vec<usize> = (0..no).filter(|&o| org_linked[o] && !is_pole(o)).collect();
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
        let mut node_of_org = vec![usize::MAX; no];
        for &o in &kept {
            let org = &orgs.list[o];
            node_of_org[o] = nodes.len();
            nodes.push(Node { id: org.id.clone(), kind: NodeKind::Organisation, label: org.name.clone(), row: 0, projects: org_projects[o] });
            for x in org_pairs.iter().filter(|x| x.0 == o) {
                links.push(Link { a: node_of_pole[x.1], b: nodes.len() - 1, projects: x.2 });
            }
        }
        // The centre's node: its own, or the pôle it is.
        let centre_node = centre.map(|c| match orgs.list[c].pole.as_deref().and_then(|p| d.pole_position(p)) {
            Some(p) if is_pole(c) => node_of_pole[p],
            _ => node_of_org[c],
        });
        if let Some(c) = centre_node.filter(|&c| c != usize::MAX) {
            for &o in kept.iter().filter(|&&o| shared[o] > 0 && node_of_org[o] != c) {
                links.push(Link { a: c, b: node_of_org[o], projects: shared[o] });
            }
        }
    }
    let order = order_by(links.len(), |i| (u64::from(u32::MAX - links[i].projects), i as u64));
    let mut links: Vec<Link> = order.into_iter().map(|i| links[i]).collect();
    // The strongest links only; the nodes they leave without a link go too.
    let links_left_out = links.len().saturating_sub(MAX_LINKS);
    if links_left_out > 0 {
        links.truncate(MAX_LINKS);
        let mut new_index = vec![usize::MAX; nodes.len()];
        for l in &links {
            new_index[l.a] = 0;
            new_index[l.b] = 0;
        }
        let mut kept_nodes = Vec::new();
        for (k, node) in nodes.into_iter().enumerate() {
            if new_index[k] == 0 {
                new_index[k] = kept_nodes.len();
                kept_nodes.push(node);
            }
        }
        nodes = kept_nodes;
        for l in &mut links {
            (l.a, l.b) = (new_index[l.a], new_index[l.b]);
        }
    }
    let order = arrange(nodes.len(), &links);
    for (row, &n) in order.iter().enumerate() {
        nodes[n].row = row as u32;
    }
    Network { nodes, links, orgs_left_out, links_left_out }
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
mod tests;
