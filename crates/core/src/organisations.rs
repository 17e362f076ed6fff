//! The organisations of the data (`organisations.json`, written by `make data` from the projects'
//! leads and partners, see `org_names`): reading the file, the Organisations tab's rows and an
//! organisation's page. Which projects match is the engine's business; an organisation matches
//! when at least one of its projects does.

use crate::engine::Results;
use crate::json::{self, Value};
use crate::listing::{mask, order_by, order_by_text};
use crate::model::Dataset;
use crate::query::{Query, Sort};
use crate::text::fold;
use std::collections::HashMap;

/// What an organisation is, when its names show it (`kind`; absent: not established).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrgKind {
    Entreprise,
    Recherche,
    Enseignement,
    Collectivite,
    Pole,
    Autre,
}

impl OrgKind {
    pub const ALL: [OrgKind; 6] = [OrgKind::Entreprise, OrgKind::Recherche, OrgKind::Enseignement, OrgKind::Collectivite, OrgKind::Pole, OrgKind::Autre];
    pub fn code(self) -> &'static str {
        ["entreprise", "recherche", "enseignement", "collectivite", "pole", "autre"][self as usize]
    }
    pub fn label_fr(self) -> &'static str {
        ["Entreprise", "Laboratoire ou organisme de recherche", "Université ou école", "Collectivité", "Pôle ou cluster", "Autre"][self as usize]
    }
    pub fn from_code(code: &str) -> Option<OrgKind> {
        OrgKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// An organisation's part in a project: it leads it (porteur) or is a partner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    Porteur,
    Partenaire,
}

impl Role {
    pub fn code(self) -> &'static str {
        ["porteur", "partenaire"][self as usize]
    }
    pub fn label_fr(self) -> &'static str {
        ["Porteur", "Partenaire"][self as usize]
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Org {
    pub id: String,
    pub name: String,
    pub kind: Option<OrgKind>,
    /// The pôle record this organisation is (a pôle named as a partner).
    pub pole: Option<String>,
    /// The names the sources give it, as written.
    pub names: Vec<String>,
    /// Places the sources give for it.
    pub places: Vec<String>,
    /// Its projects (indexes into `Dataset::projects`) and its role in each, most recent first.
    pub projects: Vec<(usize, Role)>,
    /// What its page lists, computed by `make data` (`Orgs::page`): the pôles, co-partners
    /// (organisation ids) and funders of its projects, with their number of projects.
    pub poles: Vec<(String, u32)>,
    pub partners: Vec<(String, u32)>,
    pub funders: Vec<(String, u32)>,
}

/// The organisations of a dataset.
#[derive(Debug, Clone, Default)]
pub struct Orgs {
    pub list: Vec<Org>,
    by_id: HashMap<String, usize>,
    by_name: HashMap<String, usize>,
    /// Every name of each organisation, folded, for the text search.
    folded: Vec<String>,
    /// The organisations of each project (indexes, by `Dataset::projects` index).
    of_project: Vec<Vec<usize>>,
}

/// Reads `organisations.json` against the dataset: projects the dataset does not have are left
/// out (another source's file), records without an id or a name are skipped.
pub fn parse(text: &str, d: &Dataset) -> Result<Orgs, String> {
    let v = json::from_str(text).map_err(|e| format!("organisations.json : {e}"))?;
    let records = v.get("organisations").and_then(Value::as_array).ok_or("organisations.json : liste « organisations » absente")?;
    let strs = |r: &Value, k: &str| -> Vec<String> {
        r.get(k).and_then(Value::as_array).map(|a| a.iter().filter_map(|s| s.as_str().map(str::to_string)).collect()).unwrap_or_default()
    };
    let mut orgs = Orgs { of_project: vec![Vec::new(); d.projects.len()], ..Orgs::default() };
    for r in records {
        let text = |k: &str| r.get(k).and_then(Value::as_str).map(str::to_string);
        let (Some(id), Some(name)) = (text("id"), text("name")) else { continue };
        let projects = r
            .get("projects")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(pair)
                    .filter_map(|(id, role)| Some((d.project_index(id)?, if role.as_str()? == "porteur" { Role::Porteur } else { Role::Partenaire })))
                    .collect()
            })
            .unwrap_or_default();
        let counted = |k: &str| -> Vec<(String, u32)> {
            let pairs = r.get(k).and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
            pairs.iter().filter_map(pair).filter_map(|(id, n)| Some((id.to_string(), n.as_u64()? as u32))).collect()
        };
        let org = Org {
            id,
            name,
            kind: text("kind").and_then(|k| OrgKind::from_code(&k)),
            pole: text("pole"),
            names: strs(r, "names"),
            places: strs(r, "places"),
            projects,
            poles: counted("poles"),
            partners: counted("partners"),
            funders: counted("funders"),
        };
        let i = orgs.list.len();
        orgs.by_id.insert(org.id.clone(), i);
        for n in &org.names {
            orgs.by_name.insert(n.clone(), i);
        }
        orgs.folded.push(fold(&format!("{} {}", org.name, org.names.join(" "))));
        for &(p, _) in &org.projects {
            orgs.of_project[p].push(i);
        }
        orgs.list.push(org);
    }
    Ok(orgs)
}

/// A `[text, value]` pair of the file.
fn pair(v: &Value) -> Option<(&str, &Value)> {
    let a = v.as_array()?;
    Some((a.first()?.as_str()?, a.get(1)?))
}

/// A row of the Organisations tab: figures over the projects of the selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct OrgRow {
    pub org: usize,
    pub projects: u32,
    pub poles: u32,
    pub regions: u32,
}

/// The figures of an organisation's page.
#[derive(Debug, Clone, PartialEq)]
pub struct OrgPage<'a> {
    /// Its projects, most recent first.
    pub projects: Vec<(usize, Role)>,
    /// Pôle ids cited by its projects, with the number of its projects citing each.
    pub poles: Vec<(&'a str, u32)>,
    /// Organisations of its projects (indexes), with the number of projects shared.
    pub partners: Vec<(usize, u32)>,
    /// Funder ids of its projects, with the number of projects.
    pub funders: Vec<(&'a str, u32)>,
}

/// Counts by key, largest first then in the order met.
fn tally<K: PartialEq + Copy>(keys: impl IntoIterator<Item = K>) -> Vec<(K, u32)> {
    let mut out: Vec<(K, u32)> = Vec::new();
    for k in keys {
        match out.iter_mut().find(|(x, _)| *x == k) {
            Some((_, n)) => *n += 1,
            None => out.push((k, 1)),
        }
    }
    order_by(out.len(), |i| (u64::from(u32::MAX - out[i].1), 0)).into_iter().map(|i| out[i]).collect()
}

/// The distinct values, in the order met (short lists: no hashing, no sorting).
pub fn distinct<'a>(values: impl Iterator<Item = &'a String>) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for v in values {
        if !out.contains(&v.as_str()) {
            out.push(v);
        }
    }
    out
}

impl Orgs {
    pub fn by_id(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The projects (`Dataset::projects` indexes) of the organisation with this id: what the
    /// organisation filter keeps (`engine::Index::search_within`).
    pub fn projects_of(&self, id: &str) -> Option<Vec<usize>> {
        self.by_id(id).map(|o| self.list[o].projects.iter().map(|p| p.0).collect())
    }

    /// The organisation a lead or partner name of a project stands for (none for a description).
    pub fn of_name(&self, name: &str) -> Option<&Org> {
        self.by_name.get(name).map(|&i| &self.list[i])
    }

    /// The organisations (indexes) of the project at this `Dataset::projects` index.
    pub fn of_project(&self, p: usize) -> &[usize] {
        self.of_project.get(p).map_or(&[], Vec::as_slice)
    }

    /// The Organisations tab: the organisations with at least one project among `matched`
    /// (dataset indexes) whose names contain `text` (folded), in the order `sort` asks.
    pub fn rows(&self, d: &Dataset, matched: &[usize], text: &str, sort: Sort) -> Vec<OrgRow> {
        let is_matched = mask(d.projects.len(), matched);
        let needle = fold(text.trim());
        let mut rows: Vec<OrgRow> = Vec::new();
        for (o, org) in self.list.iter().enumerate() {
            if !needle.is_empty() && !self.folded[o].contains(&needle) {
                continue;
            }
            let mine: Vec<usize> = org.projects.iter().map(|p| p.0).filter(|&p| is_matched[p]).collect();
            if mine.is_empty() {
                continue;
            }
            let poles = distinct(mine.iter().flat_map(|&p| &d.projects[p].poles)).len() as u32;
            let regions = distinct(mine.iter().flat_map(|&p| &d.projects[p].territory.regions)).len() as u32;
            rows.push(OrgRow { org: o, projects: mine.len() as u32, poles, regions });
        }
        let by_name = order_by_text(&rows.iter().map(|r| self.list[r.org].name.clone()).collect::<Vec<_>>());
        let order = if sort == Sort::Projets {
            let rank: Vec<u64> = {
                let mut r = vec![0; rows.len()];
                for (pos, &i) in by_name.iter().enumerate() {
                    r[i] = pos as u64;
                }
                r
            };
            order_by(rows.len(), |i| (u64::MAX - rows[i].projects as u64, rank[i]))
        } else {
            by_name
        };
        order.into_iter().map(|i| rows[i]).collect()
    }

    /// The Organisations tab as a table (the exports): its figures, then the projects of the
    /// selection with the role ("id (porteur)"), the names cited and the places, joined by " ; ".
    /// `items` and `figures` are the tab's results (`select`).
    pub fn table(&self, d: &Dataset, items: &[usize], figures: &[[u32; 3]], matched: &[usize]) -> (Vec<String>, Vec<Vec<String>>) {
        let header = ["id", "nom", "nature", "pole", "projets", "poles", "regions", "projets_ids", "noms_cites", "lieux"].map(String::from).to_vec();
        let is_matched = mask(d.projects.len(), matched);
        let out = items
            .iter()
            .map(|&i| {
                let o = &self.list[i];
                let projects: Vec<String> =
                    o.projects.iter().filter(|(p, _)| is_matched[*p]).map(|(p, role)| format!("{} ({})", d.projects[*p].id, role.code())).collect();
                vec![
                    o.id.clone(),
                    o.name.clone(),
                    o.kind.map(OrgKind::code).unwrap_or_default().to_string(),
                    o.pole.clone().unwrap_or_default(),
                    figures[i][0].to_string(),
                    figures[i][1].to_string(),
                    figures[i][2].to_string(),
                    projects.join(" ; "),
                    o.names.join(" ; "),
                    o.places.join(" ; "),
                ]
            })
            .collect();
        (header, out)
    }

    /// Turns the results of the organisations tab (the matching projects, as the engine gives
    /// them) into its list: the organisations of those projects, their figures, their count.
    pub fn select(&self, d: &Dataset, r: &mut Results, q: &Query) {
        let rows = self.rows(d, &r.items, &q.text, q.sort);
        r.figures = vec![[0; 3]; self.list.len()];
        for x in &rows {
            r.figures[x.org] = [x.projects, x.poles, x.regions];
        }
        r.items = rows.iter().map(|x| x.org).collect();
        r.totals.count = r.items.len();
    }

    /// An organisation's page.
    pub fn page<'a>(&self, d: &'a Dataset, o: usize) -> OrgPage<'a> {
        let org = &self.list[o];
        let by_acronym = order_by_text(&org.projects.iter().map(|p| d.projects[p.0].acronym.clone()).collect::<Vec<_>>());
        let mut rank = vec![0u64; by_acronym.len()];
        for (r, &i) in by_acronym.iter().enumerate() {
            rank[i] = r as u64;
        }
        let recent = order_by(org.projects.len(), |i| (u64::from(u16::MAX - d.projects[org.projects[i].0].year.unwrap_or(0)), rank[i]));
        let projects: Vec<(usize, Role)> = recent.into_iter().map(|i| org.projects[i]).collect();
        let ps = || projects.iter().map(|&(p, _)| &d.projects[p]);
        let poles = tally(ps().flat_map(|p| p.poles.iter().map(String::as_str)));
        let funders = tally(ps().flat_map(|p| p.funder_ids()));
        let partners = tally(projects.iter().flat_map(|&(p, _)| self.of_project(p).iter().copied().filter(|&x| x != o)));
        OrgPage { projects, poles, partners, funders }
    }
}

mod page;
pub use page::page_html;

#[cfg(test)]
mod tests;
