//! `organisations.json` (issue 18): the leads and partners of the projects gathered into
//! organisations (`poles_core::org_names`), each with an id, the kind its names show, the pôle it
//! is (a pôle named as a partner), the places the sources give and its projects with its role.
//! Computed here rather than in the app: the app only reads the result.

use crate::PoleMatcher;
use poles_core::model::Project;
use poles_core::org_names::{organisations, Alias, Organisation};
use poles_core::organisations::OrgKind;
use poles_core::text::fold_words;
use serde_json::{json, Value};
use std::collections::HashMap;

/// What the build gives: the organisation records, and what the report lists for review.
pub struct Built {
    pub records: Vec<Value>,
    /// Organisations gathered from several names.
    pub merged: Vec<Organisation>,
    /// Pairs of organisations left apart whose names look alike (one name is the other's
    /// beginning): an alias joins them if they are one.
    pub apart: Vec<(String, String)>,
    /// Lead and partner names describing unnamed partners.
    pub descriptions: usize,
}

/// The id of an organisation: the words of its key joined by dashes ("cnrs",
/// "centre-interprofessionnel-technique-des-vins-de-bourgogne").
pub fn id_of(key: &str) -> String {
    key.replace(' ', "-")
}

/// Words (and phrases) of a name that show what the organisation is. The first one met in the
/// name decides ("Laboratoire X de l'Université Y" is a laboratory).
const KIND_WORDS: [(&str, OrgKind); 64] = [
    ("pole", OrgKind::Pole),
    ("cluster", OrgKind::Pole),
    ("region", OrgKind::Collectivite),
    ("conseil regional", OrgKind::Collectivite),
    ("conseil departemental", OrgKind::Collectivite),
    ("conseil general", OrgKind::Collectivite),
    ("departement", OrgKind::Collectivite),
    ("metropole", OrgKind::Collectivite),
    ("communaute d agglomeration", OrgKind::Collectivite),
    ("communaute de communes", OrgKind::Collectivite),
    ("communaute urbaine", OrgKind::Collectivite),
    ("ville", OrgKind::Collectivite),
    ("commune", OrgKind::Collectivite),
    ("universite", OrgKind::Enseignement),
    ("university", OrgKind::Enseignement),
    ("universita", OrgKind::Enseignement),
    ("universidad", OrgKind::Enseignement),
    ("universitat", OrgKind::Enseignement),
    ("ecole", OrgKind::Enseignement),
    ("school", OrgKind::Enseignement),
    ("insa", OrgKind::Enseignement),
    ("iut", OrgKind::Enseignement),
    ("lycee", OrgKind::Enseignement),
    ("agrosup", OrgKind::Enseignement),
    ("institut agro", OrgKind::Enseignement),
    ("arts et metiers", OrgKind::Enseignement),
    ("ensam", OrgKind::Enseignement),
    ("utbm", OrgKind::Enseignement),
    ("utc", OrgKind::Enseignement),
    ("cnrs", OrgKind::Recherche),
    ("inrae", OrgKind::Recherche),
    ("inra", OrgKind::Recherche),
    ("inserm", OrgKind::Recherche),
    ("cea", OrgKind::Recherche),
    ("ifremer", OrgKind::Recherche),
    ("inria", OrgKind::Recherche),
    ("ird", OrgKind::Recherche),
    ("brgm", OrgKind::Recherche),
    ("onera", OrgKind::Recherche),
    ("cirad", OrgKind::Recherche),
    ("irstea", OrgKind::Recherche),
    ("cnes", OrgKind::Recherche),
    ("ineris", OrgKind::Recherche),
    ("ifp", OrgKind::Recherche),
    ("laboratoire", OrgKind::Recherche),
    ("umr", OrgKind::Recherche),
    ("institut national", OrgKind::Recherche),
    ("institut de recherche", OrgKind::Recherche),
    ("centre de recherche", OrgKind::Recherche),
    ("research", OrgKind::Recherche),
    ("association", OrgKind::Autre),
    ("chambre", OrgKind::Autre),
    ("cci", OrgKind::Autre),
    ("chu", OrgKind::Autre),
    ("hopital", OrgKind::Autre),
    ("centre hospitalier", OrgKind::Autre),
    ("centre technique", OrgKind::Autre),
    ("interprofessionnel", OrgKind::Autre),
    ("critt", OrgKind::Autre),
    ("fondation", OrgKind::Autre),
    ("federation", OrgKind::Autre),
    ("syndicat", OrgKind::Autre),
    ("groupe", OrgKind::Entreprise),
    ("group", OrgKind::Entreprise),
];

/// Legal forms of companies, as written (upper or title case) in a name: "Roquette SA".
const COMPANY_FORMS: [&str; 12] = ["SA", "SAS", "SASU", "SARL", "EURL", "GmbH", "AG", "Ltd", "Inc", "SpA", "Srl", "BV"];

/// The kind an organisation's names show, if any (the first telling word of its first name
/// that tells; a legal form of company in any name).
pub fn kind_of(names: &[String]) -> Option<OrgKind> {
    for name in names {
        let folded = fold_words(name);
        let words: Vec<&str> = folded.split(' ').collect();
        for i in 0..words.len() {
            for (phrase, kind) in KIND_WORDS {
                let p: Vec<&str> = phrase.split(' ').collect();
                if words[i..].starts_with(&p) {
                    return Some(kind);
                }
            }
        }
    }
    names.iter().any(|n| n.split(|c: char| !c.is_alphanumeric()).any(|w| COMPANY_FORMS.contains(&w))).then_some(OrgKind::Entreprise)
}

/// Builds the organisations of the projects.
pub fn build(projects: &[Project], matcher: &PoleMatcher, aliases: &[Alias]) -> Built {
    let names = projects.iter().flat_map(|p| p.lead.iter().chain(&p.partners)).map(String::as_str);
    let (mut orgs, descriptions) = organisations(names, aliases);
    orgs.sort_by(|a, b| a.key.cmp(&b.key));
    // A pôle is one organisation whatever the name it is cited under (Plastipolis is Polymeris).
    let mut poles: Vec<Option<String>> = orgs.iter().map(|o| o.names.iter().find_map(|n| matcher.resolve(n)).map(|(id, _)| id)).collect();
    let mut i = 0;
    while i < orgs.len() {
        match (0..i).find(|&j| poles[i].is_some() && poles[j] == poles[i]) {
            Some(j) => {
                let gone = orgs.remove(i);
                poles.remove(i);
                orgs[j].names.extend(gone.names);
            }
            None => i += 1,
        }
    }
    let of_name: HashMap<&str, usize> = orgs.iter().enumerate().flat_map(|(i, o)| o.names.iter().map(move |n| (n.as_str(), i))).collect();
    let mut roles: Vec<Vec<(String, &str)>> = vec![Vec::new(); orgs.len()];
    let mut places: Vec<Vec<String>> = vec![Vec::new(); orgs.len()];
    for p in projects {
        let named: Vec<(usize, &str, bool)> = p
            .lead
            .iter()
            .map(|n| (n, true))
            .chain(p.partners.iter().map(|n| (n, false)))
            .filter_map(|(n, lead)| of_name.get(n.as_str()).map(|&o| (o, n.as_str(), lead)))
            .collect();
        let mut distinct: Vec<usize> = named.iter().map(|x| x.0).collect();
        distinct.sort_unstable();
        distinct.dedup();
        for &(o, raw, lead) in &named {
            match roles[o].iter_mut().find(|(id, _)| *id == p.id) {
                Some(r) if lead => r.1 = "porteur",
                Some(_) => {}
                None => roles[o].push((p.id.clone(), if lead { "porteur" } else { "partenaire" })),
            }
            // A place the name gives in brackets ("IFREMER (Brest)") that the project's locations confirm.
            let qualifiers = raw.split('(').skip(1).filter_map(|q| q.split(')').next()).map(fold_words);
            for q in qualifiers.filter(|q| !q.is_empty()) {
                for loc in p.partner_locations.iter().filter(|l| fold_words(l).starts_with(&q)) {
                    push_new(&mut places[o], loc);
                }
            }
        }
        // The only organisation named by a project: the project's locations are its own.
        if let [o] = distinct[..] {
            for loc in &p.partner_locations {
                push_new(&mut places[o], loc);
            }
        }
    }
    let records = orgs
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let pole = poles[i].clone();
            let kind = if pole.is_some() { Some(OrgKind::Pole) } else { kind_of(&o.names) };
            json!({
                "id": id_of(&o.key),
                "name": o.name,
                "acronym": o.acronym,
                "kind": kind.map(OrgKind::code),
                "pole": pole,
                "names": o.names,
                "places": places[i],
                "projects": roles[i].iter().map(|(p, r)| json!([p, r])).collect::<Vec<_>>(),
            })
        })
        .collect();
    let mut apart = Vec::new();
    for a in &orgs {
        for b in &orgs {
            let prefix = b.key.len() > a.key.len() && b.key.starts_with(&format!("{} ", a.key)) && !a.key.contains(' ');
            let near = !a.key.contains(' ') && !b.key.contains(' ') && a.key.len() >= 3 && b.key.len() == a.key.len() + 1 && b.key.starts_with(&a.key);
            if prefix || near {
                apart.push((a.name.clone(), b.name.clone()));
            }
        }
    }
    let merged = orgs.into_iter().filter(|o| o.names.len() > 1).collect();
    Built { records, merged, apart, descriptions }
}

/// The records with what an organisation's page lists, computed once here by the core
/// (`Orgs::page`): its projects most recent first, and the pôles, co-partners and funders of its
/// projects with their number of projects (`[id, n]`, most first).
pub fn with_pages(records: Vec<Value>, d: &poles_core::model::Dataset) -> Result<Vec<Value>, String> {
    let orgs = poles_core::organisations::parse(&json!({ "organisations": records }).to_string(), d)?;
    let mut records = records;
    for (o, r) in records.iter_mut().enumerate() {
        let page = orgs.page(d, o);
        r["projects"] = json!(page.projects.iter().map(|&(p, role)| json!([d.projects[p].id, role.code()])).collect::<Vec<_>>());
        r["poles"] = json!(page.poles.iter().map(|(id, n)| json!([id, n])).collect::<Vec<_>>());
        r["partners"] = json!(page.partners.iter().map(|&(p, n)| json!([orgs.list[p].id, n])).collect::<Vec<_>>());
        r["funders"] = json!(page.funders.iter().map(|(id, n)| json!([id, n])).collect::<Vec<_>>());
    }
    Ok(records)
}

fn push_new(v: &mut Vec<String>, s: &str) {
    if !v.iter().any(|x| x == s) {
        v.push(s.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use poles_core::org_names::key_of;

    fn kind(name: &str) -> Option<OrgKind> {
        kind_of(&[name.to_string()])
    }

    #[test]
    fn kinds_the_names_show() {
        assert_eq!(kind("Université de Bourgogne"), Some(OrgKind::Enseignement));
        assert_eq!(kind("Laboratoire Chrono-environnement (Université de Franche-Comté)"), Some(OrgKind::Recherche));
        assert_eq!(kind("INRAE (UMR Agroécologie)"), Some(OrgKind::Recherche));
        assert_eq!(kind("Région Bourgogne-Franche-Comté"), Some(OrgKind::Collectivite));
        assert_eq!(kind("Roquette SA"), Some(OrgKind::Entreprise));
        assert_eq!(kind("CHU de Dijon"), Some(OrgKind::Autre));
        assert_eq!(kind("Centre interprofessionnel technique des vins de Bourgogne (CITVB)"), Some(OrgKind::Autre));
        // Nothing in the name says what it is: unknown, not guessed.
        assert_eq!(kind("SilMach"), None);
        assert_eq!(kind("Percipio Robotics"), None);
        // "sa" inside a word or a lower-case "sa" is no legal form.
        assert_eq!(kind("Salsa Santé"), None);
    }

    #[test]
    fn ids_are_the_key_words() {
        assert_eq!(id_of(&key_of("Centre interprofessionnel technique des vins de Bourgogne")), "centre-interprofessionnel-technique-des-vins-de-bourgogne");
        assert_eq!(id_of(&key_of("Roquette SA")), "roquette");
        assert_eq!(id_of(&key_of("L'Oréal")), "l-oreal");
    }
}
