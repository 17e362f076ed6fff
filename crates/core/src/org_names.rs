//! Organisations named as leads and partners of the projects (issue 18, first part): how a name
//! as the sources write it is read — an organisation (its normalised key, its acronym) or a
//! description that names none ("trois laboratoires (non nommés)", "14 partenaires au total").
//! Plain rules, tested on real names of the data; what rules cannot decide goes to an alias file
//! of the source data (each alias says why).

use crate::text::fold_words;

/// What a lead or partner name of the sources is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameRead {
    /// An organisation: `key` identifies it (case, accents, punctuation, legal forms and
    /// qualifiers left out), `acronym` is the one the name gives in brackets ("(CITVB)"), `name`
    /// the name without its qualifiers.
    Organisation { key: String, acronym: Option<String>, name: String },
    /// A description naming no organisation (a count, "non nommés", a group of unnamed partners).
    Description,
}

/// Legal forms, left out of the key ("Roquette SA" and "Roquette" are one).
const LEGAL_FORMS: [&str; 18] =
    ["sa", "sas", "sasu", "sarl", "eurl", "sca", "scop", "gie", "gmbh", "ag", "ltd", "limited", "inc", "spa", "srl", "bv", "nv", "plc"];

/// Words with which a description of unnamed partners begins.
const QUANTITIES: [&str; 17] =
    ["un", "une", "des", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "plusieurs", "et", "autres", "d", "quelques"];

/// Generic plural nouns that begin a description ("laboratoires français et néerlandais").
const GROUPS: [&str; 10] = ["laboratoires", "entreprises", "universites", "partenaires", "tpe", "pme", "industriels", "acteurs", "structures", "membres"];

/// Reads a lead or partner name as the sources write it.
pub fn read_name(raw: &str) -> NameRead {
    let raw = raw.trim();
    // "Pôle Véhicule du Futur (coordinateur) et 12 autres partenaires non nommés dans la source":
    // the organisation before " et " followed by a description.
    if let Some((first, rest)) = raw.split_once(" et ") {
        if is_description(rest) && !is_description(first) {
            return read_name(first);
        }
    }
    if is_description(raw) {
        return NameRead::Description;
    }
    let (name, acronym) = without_brackets(raw);
    let key = key_of(&name);
    if key.is_empty() {
        return NameRead::Description;
    }
    NameRead::Organisation { key, acronym, name }
}

/// Whether a text names no organisation.
fn is_description(text: &str) -> bool {
    let folded = fold_words(text);
    let first = folded.split(' ').next().unwrap_or_default();
    folded.contains("non nomme")
        || folded.contains("au total")
        || first.chars().next().is_some_and(|c| c.is_ascii_digit())
        || QUANTITIES.contains(&first)
        || (GROUPS.contains(&first) && (matches!(first, "tpe" | "pme") || text.trim_start().starts_with(|c: char| c.is_lowercase())))
}

/// The name without its bracketed parts, and the acronym one of them gives: a bracket holding
/// one word of capitals (3 letters or more, digits and dashes allowed) that the name is not
/// already — "Centre interprofessionnel technique des vins de Bourgogne (CITVB)". Two-letter
/// capitals are country codes ("DAC (IT)"); other brackets qualify the name ("(coordinateur)",
/// "(Dijon)", "(groupe Vinci)") and are left out.
fn without_brackets(raw: &str) -> (String, Option<String>) {
    let mut name = String::new();
    let mut acronym = None;
    let mut rest = raw;
    while let Some(open) = rest.find('(') {
        name.push_str(&rest[..open]);
        let Some(close) = rest[open..].find(')') else {
            rest = &rest[open..];
            break;
        };
        let inside = rest[open + 1..open + close].trim();
        let is_acronym = inside.len() >= 3
            && !inside.contains(' ')
            && inside.chars().any(|c| c.is_ascii_uppercase())
            && inside.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-' || c == '&');
        if is_acronym && acronym.is_none() && abbreviates(inside, &name) {
            acronym = Some(inside.to_string());
        }
        rest = &rest[open + close + 1..];
    }
    name.push_str(rest);
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    (name, acronym)
}

/// Whether an acronym's letters are initials of the name's words, in order ("CITVB": Centre
/// Interprofessionnel Technique des Vins de Bourgogne). A bracket naming another body ("Cofely
/// (ENGIE)", "IRTES (UTBM)") is no acronym of the name.
fn abbreviates(acronym: &str, name: &str) -> bool {
    let folded = fold_words(name);
    let mut initials = folded.split(' ').filter_map(|w| w.chars().next());
    acronym.chars().filter(char::is_ascii_alphabetic).all(|c| initials.any(|i| i == c.to_ascii_lowercase()))
}

/// The key of a name: folded words (no accents, case or punctuation), legal forms left out.
pub fn key_of(name: &str) -> String {
    fold_words(name).split(' ').filter(|w| !w.is_empty() && !LEGAL_FORMS.contains(w)).collect::<Vec<_>>().join(" ")
}

/// One organisation: the names the sources give it, gathered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organisation {
    /// Its key (`key_of` of its name).
    pub key: String,
    /// The name shown: the first one met without its qualifiers (a bare acronym gives way to
    /// the name it stands for).
    pub name: String,
    pub acronym: Option<String>,
    /// Every name the sources write for it, as written, in the order met.
    pub names: Vec<String>,
}

/// Whether a name carries a bracket of three words or more (its own expansion, a description).
fn spells_out(name: &str) -> bool {
    name.split('(').skip(1).any(|b| b.split(')').next().unwrap_or_default().split_whitespace().count() >= 3)
}

/// An alias of the source data: `name` is the same organisation as `same_as`, for the reason
/// `why` (cases the rules cannot decide).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    pub name: String,
    pub same_as: String,
    pub why: String,
}

/// The organisations of a list of lead and partner names (in the order met): names with one key
/// are one; a name that is the acronym another gives in brackets ("CITVB", "Centre
/// interprofessionnel technique des vins de Bourgogne (CITVB)") is that one; aliases join the
/// rest. Descriptions naming no organisation are counted apart (the second value).
pub fn organisations<'a>(names: impl IntoIterator<Item = &'a str>, aliases: &[Alias]) -> (Vec<Organisation>, usize) {
    let mut orgs: Vec<Organisation> = Vec::new();
    let mut descriptions = 0;
    for raw in names {
        match read_name(raw) {
            NameRead::Description => descriptions += 1,
            NameRead::Organisation { key, acronym, name } => match orgs.iter_mut().find(|o| o.key == key) {
                Some(o) => {
                    if !o.names.iter().any(|n| n == raw) {
                        o.names.push(raw.to_string());
                    }
                    o.acronym = o.acronym.take().or(acronym);
                }
                None => orgs.push(Organisation { key, name, acronym, names: vec![raw.to_string()] }),
            },
        }
    }
    // A bare acronym joins the organisation that gives it; then the aliases.
    let joins: Vec<(String, String)> = orgs
        .iter()
        .filter_map(|o| o.acronym.as_ref().map(|a| (key_of(a), o.key.clone())))
        // "ARD (Agro-industrie Recherches et Développements)" spells out another ARD: not joined.
        .filter(|(from, _)| !orgs.iter().any(|o| o.key == *from && o.names.iter().any(|n| spells_out(n))))
        .chain(aliases.iter().filter_map(|a| match (read_name(&a.name), read_name(&a.same_as)) {
            (NameRead::Organisation { key: from, .. }, NameRead::Organisation { key: to, .. }) => Some((from, to)),
            _ => None,
        }))
        .collect();
    for (from, to) in joins {
        if from == to {
            continue;
        }
        let (Some(f), Some(_)) = (orgs.iter().position(|o| o.key == from), orgs.iter().position(|o| o.key == to)) else { continue };
        let gone = orgs.remove(f);
        let target = orgs.iter_mut().find(|o| o.key == to).expect("still there");
        for n in gone.names {
            if !target.names.contains(&n) {
                target.names.push(n);
            }
        }
        target.acronym = target.acronym.take().or(gone.acronym);
    }
    (orgs, descriptions)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(raw: &str) -> Option<String> {
        match read_name(raw) {
            NameRead::Organisation { key, .. } => Some(key),
            NameRead::Description => None,
        }
    }

    #[test]
    fn descriptions_name_no_organisation() {
        for raw in [
            "trois laboratoires (non nommés)",
            "9 partenaires (Espagne, Portugal, France, Irlande, Royaume-Uni)",
            "14 partenaires au total",
            "une dizaine d'entreprises (non nommées)",
            "entreprises de la filière (17 partenaires au total)",
            "universités et entreprises espagnoles, britanniques et allemandes (non nommées)",
            "21 autres actionnaires privés",
            "une entreprise papetière",
            "et autres (21 partenaires au total)",
            "laboratoires français et néerlandais (non nommés)",
            "TPE et réseaux d'acteurs locaux (non nommés)",
        ] {
            assert_eq!(read_name(raw), NameRead::Description, "{raw}");
        }
    }

    #[test]
    fn one_organisation_whatever_the_writing() {
        // Qualifiers in brackets, case, accents, punctuation and legal forms do not count.
        assert_eq!(key("Polymeris (France)"), key("Polymeris (partenaire)"));
        assert_eq!(key("Centre gériatrique de Champmaillot (CHU de Dijon)"), key("Centre gériatrique de Champmaillot (Dijon)"));
        assert_eq!(key("Foncalieu (cave coopérative)"), key("FONCALIEU"));
        assert_eq!(key("Roquette SA"), key("Roquette"));
        assert_eq!(key("Telemotive AG (Allemagne)"), key("Telemotive"));
        assert_eq!(key("Aerospace Valley (FR)"), key("Aerospace Valley"));
        // An organisation followed by a description keeps the organisation.
        assert_eq!(key("Pôle Véhicule du Futur (coordinateur) et 12 autres partenaires non nommés dans la source"), key("Pôle Véhicule du Futur"));
        // The acronym in brackets is kept beside the name (the two then are one: see `databuild`).
        assert_eq!(
            read_name("Centre interprofessionnel technique des vins de Bourgogne (CITVB)"),
            NameRead::Organisation {
                key: "centre interprofessionnel technique des vins de bourgogne".into(),
                acronym: Some("CITVB".into()),
                name: "Centre interprofessionnel technique des vins de Bourgogne".into(),
            }
        );
        assert_eq!(key("CITVB"), Some("citvb".into()));
        // A bracket naming another body is no acronym of the name.
        for raw in ["Cofely (ENGIE)", "Hynamics (EDF)", "IRTES (UTBM)", "LIVIC (IFSTTAR)", "CEA (CEA-LITEN)"] {
            assert!(matches!(read_name(raw), NameRead::Organisation { acronym: None, .. }), "{raw}");
        }
        // A country code is not an acronym.
        assert!(matches!(read_name("DAC (IT)"), NameRead::Organisation { acronym: None, .. }));
    }

    #[test]
    fn different_organisations_stay_apart() {
        // A common word is not a common organisation.
        assert_ne!(key("Université de La Réunion"), key("Université d'Angers"));
        assert_ne!(key("Suez Environnement"), key("Veolia Environnement"));
        assert_ne!(key("Pôle Mer Bretagne"), key("Pôle Mer Méditerranée"));
        assert_ne!(key("CNRS"), key("INRA"));
        // Words that only look like legal forms inside a name stay.
        assert_ne!(key("SA Holding Ouest"), key("Holding Ouest Bretagne"));
    }

    #[test]
    fn acronyms_and_aliases_join_names() {
        let names = [
            "CITVB",
            "Centre interprofessionnel technique des vins de Bourgogne (CITVB)",
            "DAC (IT)",
            "Distretto Aerospaziale della Campania (DAC)",
            "INRA",
            "INRAE",
            "trois laboratoires (non nommés)",
            "Ifremer",
            "IFREMER (Brest)",
            "Agence régionale de développement économique (ARD)",
            "ARD (Agro-industrie Recherches et Développements)",
            "Cofely (ENGIE)",
            "ENGIE",
        ];
        let alias = Alias { name: "INRA".into(), same_as: "INRAE".into(), why: "test".into() };
        let (orgs, descriptions) = organisations(names, &[]);
        assert_eq!(descriptions, 1);
        let citvb = orgs.iter().find(|o| o.acronym.as_deref() == Some("CITVB")).unwrap();
        assert_eq!(citvb.names, vec!["Centre interprofessionnel technique des vins de Bourgogne (CITVB)".to_string(), "CITVB".to_string()]);
        assert_eq!(citvb.name, "Centre interprofessionnel technique des vins de Bourgogne");
        assert!(orgs.iter().any(|o| o.key == "distretto aerospaziale della campania" && o.names.len() == 2));
        assert!(orgs.iter().any(|o| o.key == "ifremer" && o.names.len() == 2));
        // Two ARD (the second spells itself out), a company and its group stay apart.
        assert!(orgs.iter().any(|o| o.key == "ard" && o.names.len() == 1));
        assert!(orgs.iter().any(|o| o.key == "engie" && o.names.len() == 1));
        // INRA and INRAE stay apart without an alias, and are one with it.
        assert_eq!(orgs.len(), 9);
        let (with_alias, _) = organisations(names, &[alias]);
        assert_eq!(with_alias.len(), 8);
        assert!(with_alias.iter().any(|o| o.key == "inrae" && o.names == ["INRAE", "INRA"]));
    }
}
