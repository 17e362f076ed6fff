//! The explorer's state and its URL form (public contract, see README "URL").
//!
//! Parameters: `onglet` (projets|poles), `vue` (liste|carte|stats), `mesure` (nombre|montant), `region`, `departement`, `theme`, `financeur`,
//! `financeur_mode` (tous), `pole`, `phase`, `lien_pole`, `nature`, `q`, `annee_min`, `annee_max`, `tri`, `page`.
//! Several values are comma-separated; an excluded value is prefixed with `-`.
//!
//! Parsing never fails: a malformed or unknown value is dropped and reported as a `Notice`.
//! `parse(to_query_string(q)) == q` for every state (property-tested).

use crate::model::{Dataset, PoleRole};
use crate::PHASES;

/// The query-string parameters kept on every in-app link and not part of the explorer state: the
/// embedding ones, and the page language (`lang=en`).
pub const EMBED_PARAMS: [&str; 5] = ["embed", "verrou", "couleur", "donnees", "lang"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Projets,
    Poles,
    /// The leads and partners of the matching projects (an organisation matches when one of its
    /// projects does; the text searches the organisations' names).
    Organisations,
}

impl Tab {
    pub fn code(self) -> &'static str {
        ["projets", "poles", "organisations"][self as usize]
    }
    /// Whether the tab's filters apply to projects (projects and organisations tabs).
    pub fn of_projects(self) -> bool {
        self != Tab::Poles
    }
}

/// How the results are shown (`vue`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Liste,
    Carte,
    Stats,
    /// The collaboration network (projects tab).
    Reseau,
}

impl View {
    pub const ALL: [View; 4] = [View::Liste, View::Carte, View::Stats, View::Reseau];
    pub fn code(self) -> &'static str {
        ["liste", "carte", "stats", "reseau"][self as usize]
    }
    pub fn label_fr(self) -> &'static str {
        ["Liste", "Carte", "Statistiques", "Réseau"][self as usize]
    }
    /// Whether the tab shows this view (the organisations tab is a list; the network is drawn
    /// from projects).
    pub fn applies_to(self, tab: Tab) -> bool {
        match tab {
            Tab::Projets => true,
            Tab::Poles => self != View::Reseau,
            Tab::Organisations => self == View::Liste,
        }
    }
}

/// What colours the map (`mesure`): number of items, or sum of published amounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Measure {
    #[default]
    Nombre,
    Montant,
}

/// The facets, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    Region,
    Departement,
    Theme,
    Financeur,
    Pole,
    Phase,
    /// The cited pôles' role in the project (`lien_pole`).
    LienPole,
    /// What kind of record a project is (`nature`: R&D project, platform, collective action, institute).
    Nature,
}

impl Facet {
    pub const ALL: [Facet; 8] = [Facet::Region, Facet::Departement, Facet::Theme, Facet::Financeur, Facet::Pole, Facet::Phase, Facet::LienPole, Facet::Nature];
    /// URL parameter name (also `data-facet`).
    pub fn param(self) -> &'static str {
        match self {
            Facet::Region => "region",
            Facet::Departement => "departement",
            Facet::Theme => "theme",
            Facet::Financeur => "financeur",
            Facet::Pole => "pole",
            Facet::Phase => "phase",
            Facet::LienPole => "lien_pole",
            Facet::Nature => "nature",
        }
    }
    pub fn label_fr(self) -> &'static str {
        match self {
            Facet::Region => "Région",
            Facet::Departement => "Département",
            Facet::Theme => "Thème",
            Facet::Financeur => "Financeur",
            Facet::Pole => "Pôle",
            Facet::Phase => "Phase de labellisation",
            Facet::LienPole => "Rôle du pôle",
            Facet::Nature => "Nature",
        }
    }
    /// Whether the facet filters the given tab.
    pub fn applies_to(self, tab: Tab) -> bool {
        match tab {
            Tab::Projets | Tab::Organisations => !matches!(self, Facet::Phase),
            Tab::Poles if matches!(self, Facet::LienPole | Facet::Nature) => false,
            Tab::Poles => matches!(self, Facet::Region | Facet::Departement | Facet::Theme | Facet::Phase),
        }
    }
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Included and excluded values of one facet (each value once, in the order given).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Selection {
    pub include: Vec<String>,
    pub exclude: Vec<String>,
}

impl Selection {
    pub fn is_empty(&self) -> bool {
        self.include.is_empty() && self.exclude.is_empty()
    }
    pub fn state(&self, value: &str) -> ValueState {
        if self.include.iter().any(|v| v == value) {
            ValueState::Included
        } else if self.exclude.iter().any(|v| v == value) {
            ValueState::Excluded
        } else {
            ValueState::Off
        }
    }
    /// Sets a value's state (removing it from the other list).
    pub fn set(&mut self, value: &str, state: ValueState) {
        self.include.retain(|v| v != value);
        self.exclude.retain(|v| v != value);
        match state {
            ValueState::Included => self.include.push(value.to_string()),
            ValueState::Excluded => self.exclude.push(value.to_string()),
            ValueState::Off => {}
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueState {
    Off,
    Included,
    Excluded,
}

impl ValueState {
    /// The `data-state` of a facet option: `off`, `included`, `excluded`.
    pub fn code(self) -> &'static str {
        match self {
            ValueState::Off => "off",
            ValueState::Included => "included",
            ValueState::Excluded => "excluded",
        }
    }
}

/// "au moins un" (any) or "tous" (all) of the included funders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FunderMode {
    #[default]
    Any,
    All,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Alphabetical (acronym or pôle name).
    #[default]
    Nom,
    /// Most recent first, unknown years last.
    AnneeDesc,
    /// Oldest first, unknown years last.
    AnneeAsc,
    /// Largest sum of published amounts first, no published amount last.
    Montant,
    /// Pôles: most projects first.
    Projets,
}

impl Sort {
    pub const ALL: [Sort; 5] = [Sort::Nom, Sort::AnneeDesc, Sort::AnneeAsc, Sort::Montant, Sort::Projets];
    pub fn code(self) -> &'static str {
        match self {
            Sort::Nom => "nom",
            Sort::AnneeDesc => "annee",
            Sort::AnneeAsc => "annee_asc",
            Sort::Montant => "montant",
            Sort::Projets => "projets",
        }
    }
    pub fn label_fr(self) -> &'static str {
        match self {
            Sort::Nom => "Nom (A → Z)",
            Sort::AnneeDesc => "Année (récentes d'abord)",
            Sort::AnneeAsc => "Année (anciennes d'abord)",
            Sort::Montant => "Montant publié (décroissant)",
            Sort::Projets => "Nombre de projets (décroissant)",
        }
    }
    pub fn applies_to(self, tab: Tab) -> bool {
        match tab {
            Tab::Projets => self != Sort::Projets,
            Tab::Poles | Tab::Organisations => matches!(self, Sort::Nom | Sort::Projets),
        }
    }
    pub fn from_code(s: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|x| x.code() == s)
    }
}

/// The whole state of the explorer.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub tab: Tab,
    pub view: View,
    pub measure: Measure,
    /// One selection per facet, indexed by `Facet::index`.
    pub facets: [Selection; 8],
    pub funder_mode: FunderMode,
    /// Free text, as typed (trimmed).
    pub text: String,
    pub year_min: Option<u16>,
    pub year_max: Option<u16>,
    pub sort: Sort,
    /// One organisation's projects only (`organisation=<id>`, projects and organisations tabs;
    /// empty: any). Its projects are read from `organisations.json`, see `engine::Index::search_within`.
    pub organisation: String,
    /// The page of results shown, 0-based (`page=` in the URL is 1-based; see `crate::paging`).
    pub page: usize,
}

impl Query {
    pub fn facet(&self, f: Facet) -> &Selection {
        &self.facets[f.index()]
    }
    pub fn facet_mut(&mut self, f: Facet) -> &mut Selection {
        &mut self.facets[f.index()]
    }
    /// True when no filter of the given tab is active (tab and sort do not count).
    pub fn is_unfiltered(&self, tab: Tab) -> bool {
        Facet::ALL.iter().filter(|f| f.applies_to(tab)).all(|f| self.facet(*f).is_empty())
            && self.text.is_empty()
            && (tab == Tab::Poles || (self.year_min.is_none() && self.year_max.is_none() && self.organisation.is_empty()))
    }
    /// Removes every filter, keeping the tab and the sort.
    pub fn cleared(&self) -> Query {
        Query { tab: self.tab, view: self.view, measure: self.measure, sort: self.sort, ..Query::default() }
    }
}

/// A URL value that was ignored, and why (shown to the visitor).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub param: String,
    pub value: String,
    pub reason: String,
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "« {}={} » ignoré : {}", self.param, self.value, self.reason)
    }
}

const MAX_TEXT: usize = 200;
const MAX_VALUES: usize = 200;
/// Pages beyond this are malformed (100,000 items make 2,000 pages).
const MAX_PAGE: usize = 1_000_000;

fn is_value_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')
}

/// Parses query parameters (already percent-decoded, in order). Syntax only: values are checked
/// against the data by `check_against`.
pub fn parse(params: &[(String, String)]) -> (Query, Vec<Notice>) {
    let mut q = Query::default();
    let mut notices = Vec::new();
    let mut note = |param: &str, value: &str, reason: &str| {
        let shown: String = value.chars().take(60).collect();
        notices.push(Notice { param: param.into(), value: shown, reason: reason.into() })
    };
    for (key, value) in params {
        let value = value.trim();
        match key.as_str() {
            "onglet" => match value {
                "projets" | "" => q.tab = Tab::Projets,
                "poles" => q.tab = Tab::Poles,
                "organisations" => q.tab = Tab::Organisations,
                _ => note(key, value, "onglet inconnu (projets, poles ou organisations)"),
            },
            "vue" => match View::ALL.into_iter().find(|v| v.code() == value) {
                Some(v) => q.view = v,
                None if value.is_empty() => {}
                None => note(key, value, "vue inconnue (liste, carte ou stats)"),
            },
            "mesure" => match value {
                "montant" => q.measure = Measure::Montant,
                "" | "nombre" => q.measure = Measure::Nombre,
                _ => note(key, value, "mesure inconnue (nombre ou montant)"),
            },
            "q" => {
                if value.chars().count() > MAX_TEXT {
                    note(key, value, "recherche trop longue (200 caractères au plus) ; tronquée");
                }
                q.text = value.chars().take(MAX_TEXT).collect::<String>().trim().to_string();
            }
            "annee_min" | "annee_max" => {
                if value.is_empty() {
                    continue;
                }
                match value.parse::<u16>() {
                    Ok(y) if (1950..=2100).contains(&y) => {
                        if key == "annee_min" {
                            q.year_min = Some(y)
                        } else {
                            q.year_max = Some(y)
                        }
                    }
                    _ => note(key, value, "année invalide (attendu : 4 chiffres entre 1950 et 2100)"),
                }
            }
            "tri" => match Sort::from_code(value) {
                Some(s) => q.sort = s,
                None if value.is_empty() => {}
                None => note(key, value, "tri inconnu"),
            },
            "financeur_mode" => match value {
                "tous" => q.funder_mode = FunderMode::All,
                "" | "au_moins_un" => q.funder_mode = FunderMode::Any,
                _ => note(key, value, "mode inconnu (tous ou au_moins_un)"),
            },
            "organisation" => {
                if value.len() > 64 || !value.chars().all(is_value_char) {
                    note(key, value, "valeur mal formée");
                } else {
                    q.organisation = value.to_string();
                }
            }
            "page" => match value.parse::<usize>() {
                Ok(n) if (1..=MAX_PAGE).contains(&n) => q.page = n - 1,
                _ if value.is_empty() => {}
                _ => note(key, value, "page invalide (attendu : un nombre à partir de 1)"),
            },
            // Embedding parameters are read by `embed::parse_embed`.
            k if EMBED_PARAMS.contains(&k) => {}
            _ => {
                let Some(facet) = Facet::ALL.into_iter().find(|f| f.param() == key) else {
                    note(key, value, "paramètre inconnu");
                    continue;
                };
                let sel = q.facet_mut(facet);
                for raw in value.split(',') {
                    let raw = raw.trim();
                    if raw.is_empty() {
                        continue;
                    }
                    let (excluded, v) = match raw.strip_prefix('-') {
                        Some(rest) => (true, rest),
                        None => (false, raw),
                    };
                    if v.is_empty() || v.len() > 64 || !v.chars().all(is_value_char) {
                        note(key, raw, "valeur mal formée");
                        continue;
                    }
                    if sel.include.len() + sel.exclude.len() >= MAX_VALUES {
                        note(key, raw, "trop de valeurs");
                        break;
                    }
                    if sel.state(v) != ValueState::Off {
                        continue;
                    }
                    sel.set(v, if excluded { ValueState::Excluded } else { ValueState::Included });
                }
            }
        }
    }
    if let (Some(a), Some(b)) = (q.year_min, q.year_max) {
        if a > b {
            q.year_min = Some(b);
            q.year_max = Some(a);
            notices.push(Notice {
                param: "annee_min".into(),
                value: a.to_string(),
                reason: "supérieure à annee_max : les deux bornes ont été inversées".into(),
            });
        }
    }
    if !q.sort.applies_to(q.tab) {
        q.sort = Sort::Nom;
    }
    if !q.view.applies_to(q.tab) {
        notices.push(Notice { param: "vue".into(), value: q.view.code().into(), reason: "vue non proposée sur cet onglet : la liste est affichée".into() });
        q.view = View::Liste;
    }
    (q, notices)
}

/// Drops values that the data does not know (unknown region code, funder id…), with a notice.
pub fn check_against(q: &mut Query, data: &Dataset) -> Vec<Notice> {
    let mut notices = Vec::new();
    for facet in Facet::ALL {
        let known = |v: &str| match facet {
            Facet::Region => data.region(v).is_some(),
            Facet::Departement => data.departement(v).is_some(),
            Facet::Theme => data.theme(v).is_some(),
            Facet::Financeur => data.funder(v).is_some(),
            Facet::Pole => data.pole(v).is_some(),
            Facet::Phase => PHASES.contains(&v),
            Facet::LienPole => v == PoleRole::UNKNOWN_CODE || PoleRole::from_code(v).is_some(),
            Facet::Nature => crate::model::ProjectKind::from_param(v).is_some(),
        };
        let sel = q.facet_mut(facet);
        for list in [&mut sel.include, &mut sel.exclude] {
            list.retain(|v| {
                let ok = known(v);
                if !ok {
                    notices.push(Notice { param: facet.param().into(), value: v.clone(), reason: "valeur inconnue dans les données".into() });
                }
                ok
            });
        }
    }
    notices
}

fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The same query string with `key` set to `value` (or removed with `None`), other parameters
/// kept in order: the language switch uses it. Returns "" or "?…".
pub fn with_param(qs: &str, key: &str, value: Option<&str>) -> String {
    let mut parts: Vec<String> = decode_query_string(qs)
        .into_iter()
        .filter(|(k, _)| k != key)
        .map(|(k, v)| if v.is_empty() { encode(&k) } else { format!("{}={}", encode(&k), encode(&v)) })
        .collect();
    if let Some(v) = value {
        parts.push(format!("{}={}", encode(key), encode(v)));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// Decodes an `application/x-www-form-urlencoded` query string ("?a=1&b=x%20y") into pairs.
/// Invalid percent escapes are kept literally; invalid UTF-8 is replaced.
pub fn decode_query_string(qs: &str) -> Vec<(String, String)> {
    fn dec(s: &str) -> String {
        let bytes = s.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'+' => out.push(b' '),
                b'%' if i + 2 < bytes.len() => {
                    let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok());
                    match hex {
                        Some(b) => {
                            out.push(b);
                            i += 2;
                        }
                        None => out.push(b'%'),
                    }
                }
                b => out.push(b),
            }
            i += 1;
        }
        String::from_utf8_lossy(&out).into_owned()
    }
    qs.trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (dec(k), dec(v)),
            None => (dec(p), String::new()),
        })
        .collect()
}

/// The query string of a state ("?onglet=poles&region=27"), parameters in a fixed order,
/// defaults omitted; empty when everything is default.
pub fn to_query_string(q: &Query) -> String {
    let mut parts: Vec<String> = Vec::new();
    if q.tab != Tab::Projets {
        parts.push(format!("onglet={}", q.tab.code()));
    }
    if q.view != View::Liste {
        parts.push(format!("vue={}", q.view.code()));
    }
    if q.measure == Measure::Montant {
        parts.push("mesure=montant".into());
    }
    for facet in Facet::ALL {
        let sel = q.facet(facet);
        if sel.is_empty() {
            continue;
        }
        let values: Vec<String> = sel.include.iter().map(|v| encode(v)).chain(sel.exclude.iter().map(|v| format!("-{}", encode(v)))).collect();
        parts.push(format!("{}={}", facet.param(), values.join(",")));
        if facet == Facet::Financeur && q.funder_mode == FunderMode::All {
            parts.push("financeur_mode=tous".into());
        }
    }
    if q.funder_mode == FunderMode::All && q.facet(Facet::Financeur).is_empty() {
        parts.push("financeur_mode=tous".into());
    }
    if !q.organisation.is_empty() {
        parts.push(format!("organisation={}", q.organisation));
    }
    if !q.text.is_empty() {
        parts.push(format!("q={}", encode(&q.text)));
    }
    if let Some(y) = q.year_min {
        parts.push(format!("annee_min={y}"));
    }
    if let Some(y) = q.year_max {
        parts.push(format!("annee_max={y}"));
    }
    if q.sort != Sort::Nom {
        parts.push(format!("tri={}", q.sort.code()));
    }
    if q.page > 0 {
        parts.push(format!("page={}", q.page + 1));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

#[cfg(test)]
mod tests;
