//! The collaboration network of the pôles (issue 18, part; not drawn by the app yet): two pôles
//! are linked when a project of the selection cites both, the link's weight is the number of such
//! projects.

use crate::model::Project;
use std::collections::HashMap;

/// A link between two pôles (`a` < `b`, their ids) and the projects they share.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    pub a: String,
    pub b: String,
    /// Projects of the selection citing both.
    pub projects: u32,
}

/// The links between the pôles cited by `projects`: every pair of distinct pôles of a project,
/// counted once per project; strongest first, then by ids (a stable order).
pub fn pole_edges<'a>(projects: impl IntoIterator<Item = &'a Project>) -> Vec<Edge> {
    let mut counts: HashMap<(&'a str, &'a str), u32> = HashMap::new();
    for p in projects {
        let mut ids: Vec<&str> = p.poles.iter().map(String::as_str).collect();
        ids.sort_unstable();
        ids.dedup();
        for (i, a) in ids.iter().enumerate() {
            for b in &ids[i + 1..] {
                *counts.entry((a, b)).or_insert(0) += 1;
            }
        }
    }
    let mut edges: Vec<Edge> = counts.into_iter().map(|((a, b), projects)| Edge { a: a.to_string(), b: b.to_string(), projects }).collect();
    edges.sort_unstable_by(|x, y| y.projects.cmp(&x.projects).then_with(|| (&x.a, &x.b).cmp(&(&y.a, &y.b))));
    edges
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> crate::validate::Loaded {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data");
        let read = |f: &str| std::fs::read_to_string(root.join(f)).unwrap();
        crate::validate::load_all(&read("referentiels.json"), &read("poles.json"), &read("projects.json")).unwrap()
    }

    #[test]
    fn pairs_counted_once_per_project() {
        let template = bundled().dataset.projects.remove(0);
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
        let loaded = bundled();
        let edges = pole_edges(&loaded.dataset.projects);
        // Brute force: for every pair of pôles, the projects citing both.
        let mut ids: Vec<&str> = loaded.dataset.projects.iter().flat_map(|p| p.poles.iter().map(String::as_str)).collect();
        ids.sort_unstable();
        ids.dedup();
        let mut expected = 0;
        for (i, a) in ids.iter().enumerate() {
            for b in &ids[i + 1..] {
                let n = loaded.dataset.projects.iter().filter(|p| p.poles.iter().any(|x| x == a) && p.poles.iter().any(|x| x == b)).count() as u32;
                if n > 0 {
                    expected += 1;
                    assert!(edges.contains(&Edge { a: a.to_string(), b: b.to_string(), projects: n }), "{a} {b} {n}");
                }
            }
        }
        assert_eq!(edges.len(), expected);
        assert!(edges.len() > 50, "{} pairs", edges.len());
    }
}
