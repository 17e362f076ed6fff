//! The data model: what the bundled files hold once validated.
//!
//! The same types describe the files on disk (the converter serialises them) and the values the
//! app shows (the validator builds them field by field, see `validate`). Unknown stays `None`.

use serde::Serialize;
use std::collections::HashMap;

/// Header shared by every data file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Meta {
    /// Version of this edition of the data, e.g. "2026-11-26.1".
    pub data_version: String,
    /// Date the data was compiled, ISO `YYYY-MM-DD`.
    pub compiled_at: String,
    /// The editions of the data and what each changed, the current one first
    /// ("2026-12-05.1 : projets : 1 ajouté, 1 modifié ; pôles : inchangés"): `referentiels.json`
    /// holds them (`make data` writes them from `data-src/edition.json`); empty when unknown.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub editions: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FunderKind {
    Etat,
    Operateur,
    Collectivite,
    Europe,
    Autre,
}

impl FunderKind {
    pub const ALL: [FunderKind; 5] = [Self::Etat, Self::Operateur, Self::Collectivite, Self::Europe, Self::Autre];
    pub fn code(self) -> &'static str {
        match self {
            Self::Etat => "etat",
            Self::Operateur => "operateur",
            Self::Collectivite => "collectivite",
            Self::Europe => "europe",
            Self::Autre => "autre",
        }
    }
    pub fn label_fr(self) -> &'static str {
        match self {
            Self::Etat => "État",
            Self::Operateur => "Opérateur de l'État",
            Self::Collectivite => "Collectivité territoriale",
            Self::Europe => "Union européenne",
            Self::Autre => "Autre",
        }
    }
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Funder {
    /// Stable id used in URLs (`financeur=FUI`).
    pub id: String,
    /// Short French label ("FUI", "Région").
    pub label: String,
    /// Long French label.
    pub name: String,
    pub kind: FunderKind,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Theme {
    pub id: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Region {
    /// INSEE code ("27").
    pub code: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Departement {
    /// INSEE code ("21", "2A", "974").
    pub code: String,
    pub name: String,
    /// INSEE code of its region.
    pub region: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HqPrecision {
    /// The commune is named by a source; coordinates are the commune's.
    Commune,
    /// Only the agglomeration is known; coordinates are its main city's, indicative.
    Agglomeration,
    Unknown,
}

impl HqPrecision {
    pub fn code(self) -> &'static str {
        match self {
            Self::Commune => "commune",
            Self::Agglomeration => "agglomeration",
            Self::Unknown => "unknown",
        }
    }
    pub fn from_code(code: &str) -> Option<Self> {
        [Self::Commune, Self::Agglomeration, Self::Unknown].into_iter().find(|p| p.code() == code)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Headquarters {
    pub city: Option<String>,
    /// INSEE commune code.
    pub insee_commune: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub precision: HqPrecision,
}

/// Where a pôle stands today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PoleStatusCode {
    /// Labelled for the current phase (2023-2026).
    Actif,
    /// Merged into or with another pôle.
    Fusionne,
    /// Absorbed by another pôle.
    Absorbe,
    /// Dissolved or label lost.
    FinDeLabel,
    /// Not known after some date.
    Inconnu,
}

impl PoleStatusCode {
    pub const ALL: [PoleStatusCode; 5] = [Self::Actif, Self::Fusionne, Self::Absorbe, Self::FinDeLabel, Self::Inconnu];
    pub fn code(self) -> &'static str {
        match self {
            Self::Actif => "actif",
            Self::Fusionne => "fusionne",
            Self::Absorbe => "absorbe",
            Self::FinDeLabel => "fin_de_label",
            Self::Inconnu => "inconnu",
        }
    }
    pub fn label_fr(self) -> &'static str {
        match self {
            Self::Actif => "Labellisé (2023-2026)",
            Self::Fusionne => "Fusionné",
            Self::Absorbe => "Absorbé",
            Self::FinDeLabel => "Label terminé",
            Self::Inconnu => "Statut inconnu",
        }
    }
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PoleStatus {
    pub code: PoleStatusCode,
    /// The status as the sources word it ("fusionné (2019)").
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Members {
    pub count: u32,
    /// Year of the figure; `None` when the source does not date it.
    pub year: Option<u16>,
    pub source: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pole {
    pub id: String,
    pub name: String,
    pub short_name: Option<String>,
    pub former_names: Vec<String>,
    pub website: Option<String>,
    pub hq: Headquarters,
    /// INSEE region codes covered.
    pub regions: Vec<String>,
    /// Theme ids.
    pub themes: Vec<String>,
    /// Labelling phases (values of `PHASES`).
    pub phases: Vec<String>,
    pub phase_v_status: Option<String>,
    /// `mondial`, `a_vocation_mondiale` or `national` (2013 classification).
    pub category_2013: Option<String>,
    pub status: PoleStatus,
    pub description: Option<String>,
    pub members: Option<Members>,
    pub predecessor_ids: Vec<String>,
    pub successor_id: Option<String>,
    pub sources: Vec<String>,
    pub notes: Option<String>,
}

impl Pole {
    /// Labelled for the current phase.
    pub fn is_labelled(&self) -> bool {
        self.status.code == PoleStatusCode::Actif
    }
    /// Short name if any, else the name.
    pub fn display_short(&self) -> &str {
        self.short_name.as_deref().unwrap_or(&self.name)
    }
}

/// How the cited pôle(s) relate to a project, as the source states it (`pole_role`). Only
/// `Labellisateur` means the pôle labelled the project; unknown is `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PoleRole {
    /// The pôle labelled the project.
    Labellisateur,
    /// The pôle carries or coordinates the action.
    Porteur,
    /// The pôle is one of the consortium's partners, without labelling it.
    Partenaire,
    /// The pôle supported or backed the application.
    Soutien,
}

impl PoleRole {
    pub const ALL: [PoleRole; 4] = [Self::Labellisateur, Self::Porteur, Self::Partenaire, Self::Soutien];
    /// The facet value (`lien_pole`) of a project without a known role.
    pub const UNKNOWN_CODE: &'static str = "inconnu";
    pub fn code(self) -> &'static str {
        match self {
            Self::Labellisateur => "labellisateur",
            Self::Porteur => "porteur",
            Self::Partenaire => "partenaire",
            Self::Soutien => "soutien",
        }
    }
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
    /// The facet value of an optional role (`inconnu` when unknown).
    pub fn code_of(role: Option<PoleRole>) -> &'static str {
        role.map_or(Self::UNKNOWN_CODE, Self::code)
    }
    /// The facet value's label.
    pub fn label_fr(role: Option<PoleRole>) -> &'static str {
        match role {
            Some(Self::Labellisateur) => "Pôle labellisateur",
            Some(Self::Porteur) => "Pôle porteur",
            Some(Self::Partenaire) => "Pôle partenaire",
            Some(Self::Soutien) => "Pôle en soutien",
            None => "Rôle du pôle non précisé",
        }
    }
    /// What introduces the pôle names of a project ("Labellisé par : Vitagora").
    pub fn lead_in_fr(role: Option<PoleRole>, several: bool) -> &'static str {
        match (role, several) {
            (Some(Self::Labellisateur), _) => "Labellisé par",
            (Some(Self::Porteur), _) => "Porté par",
            (Some(Self::Partenaire), false) => "Pôle partenaire",
            (Some(Self::Partenaire), true) => "Pôles partenaires",
            (Some(Self::Soutien), _) => "Soutenu par",
            (None, false) => "Pôle cité (rôle non précisé)",
            (None, true) => "Pôles cités (rôle non précisé)",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProjectKind {
    /// Collaborative R&D project.
    Rd,
    /// Innovation platform.
    Platform,
    /// Collective action of a pôle.
    ClusterAction,
    /// Technological research institute.
    Institute,
}

impl ProjectKind {
    pub const ALL: [ProjectKind; 4] = [Self::Rd, Self::Platform, Self::ClusterAction, Self::Institute];
    pub fn code(self) -> &'static str {
        match self {
            Self::Rd => "rd",
            Self::Platform => "platform",
            Self::ClusterAction => "cluster_action",
            Self::Institute => "institute",
        }
    }
    pub fn label_fr(self) -> &'static str {
        match self {
            Self::Rd => "Projet collaboratif de R&D",
            Self::Platform => "Plateforme d'innovation",
            Self::ClusterAction => "Action collective de pôle",
            Self::Institute => "Institut de recherche technologique",
        }
    }
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
    /// The value of the `nature` URL parameter (French words, like every URL value).
    pub fn param(self) -> &'static str {
        match self {
            Self::Rd => "rd",
            Self::Platform => "plateforme",
            Self::ClusterAction => "action_collective",
            Self::Institute => "institut",
        }
    }
    pub fn from_param(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.param() == value)
    }
}

/// How a project's territory was determined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TerritoryBasis {
    /// Published locations of the partners.
    Partners,
    /// Location of the lead partner.
    Lead,
    /// The source ties the project to a region.
    SourceRegion,
    /// Deduced from the published funders (a Région's money).
    Funders,
    /// Deduced from the territory of the labelling pôle(s): not checked at partner level.
    PoleHome,
    /// Deduced from a company's known location.
    Inferred,
}

impl TerritoryBasis {
    pub const ALL: [TerritoryBasis; 6] = [Self::Partners, Self::Lead, Self::SourceRegion, Self::Funders, Self::PoleHome, Self::Inferred];
    pub fn code(self) -> &'static str {
        match self {
            Self::Partners => "partners",
            Self::Lead => "lead",
            Self::SourceRegion => "source_region",
            Self::Funders => "funders",
            Self::PoleHome => "pole_home",
            Self::Inferred => "inferred",
        }
    }
    pub fn label_fr(self) -> &'static str {
        match self {
            Self::Partners => "d'après la localisation publiée des partenaires",
            Self::Lead => "d'après la localisation du porteur",
            Self::SourceRegion => "la source rattache le projet à cette région",
            Self::Funders => "déduit des financeurs publiés",
            Self::PoleHome => "déduit du territoire du pôle (non vérifié au niveau des partenaires)",
            Self::Inferred => "déduit de la localisation connue d'une entreprise",
        }
    }
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|b| b.code() == code)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Territory {
    /// INSEE region codes.
    pub regions: Vec<String>,
    /// INSEE département codes, read from the published partner locations ("Dijon (21)").
    pub departements: Vec<String>,
    /// How the regions were determined; `None` when unknown.
    pub basis: Option<TerritoryBasis>,
}

/// How a project's themes were determined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ThemesBasis {
    /// Mapped from the project's published keywords.
    Keywords,
    /// No keyword mapped: the themes of its pôles.
    Poles,
}

impl ThemesBasis {
    pub fn code(self) -> &'static str {
        match self {
            Self::Keywords => "keywords",
            Self::Poles => "poles",
        }
    }
    pub fn from_code(code: &str) -> Option<Self> {
        [Self::Keywords, Self::Poles].into_iter().find(|b| b.code() == code)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FundingLine {
    /// Funder id (see `Funder`).
    pub funder: String,
    /// Amount in euros; `None` when not published.
    pub amount_eur: Option<f64>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Project {
    pub id: String,
    pub acronym: String,
    pub title: Option<String>,
    pub summary: Option<String>,
    pub kind: ProjectKind,
    /// Ids of the pôles the source cites; how they relate to the project is `pole_role`.
    pub poles: Vec<String>,
    /// The cited pôles' role (schema 2; `None` when unknown and in files of schema 1).
    pub pole_role: Option<PoleRole>,
    /// Pôle names cited by the source that could not be matched to a pôle record.
    pub unresolved_poles: Vec<String>,
    pub lead: Option<String>,
    pub partners: Vec<String>,
    pub partner_locations: Vec<String>,
    pub territory: Territory,
    /// Free keywords as published.
    pub keywords: Vec<String>,
    /// Theme ids.
    pub themes: Vec<String>,
    pub themes_basis: Option<ThemesBasis>,
    pub year: Option<u16>,
    pub call: Option<String>,
    pub funding: Vec<FundingLine>,
    pub total_budget_eur: Option<f64>,
    pub status: Option<String>,
    pub sources: Vec<String>,
    pub notes: Option<String>,
}

impl Project {
    /// Sum of the published amounts, and how many funding lines have no published amount.
    pub fn published_funding(&self) -> (f64, usize) {
        let sum = self.funding.iter().filter_map(|f| f.amount_eur).sum();
        let unknown = self.funding.iter().filter(|f| f.amount_eur.is_none()).count();
        (sum, unknown)
    }
    /// Distinct funder ids, in order of first appearance.
    pub fn funder_ids(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = Vec::new();
        for f in &self.funding {
            if !ids.contains(&f.funder.as_str()) {
                ids.push(&f.funder);
            }
        }
        ids
    }
}

/// Reference lists.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Referentiels {
    pub funders: Vec<Funder>,
    pub themes: Vec<Theme>,
    pub regions: Vec<Region>,
    pub departements: Vec<Departement>,
}

/// Everything the app shows, validated, with lookup indexes.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    pub meta: Option<Meta>,
    pub refs: Referentiels,
    pub poles: Vec<Pole>,
    pub projects: Vec<Project>,
    pole_index: HashMap<String, usize>,
    project_index: HashMap<String, usize>,
}

impl Dataset {
    pub fn new(meta: Option<Meta>, refs: Referentiels, poles: Vec<Pole>, projects: Vec<Project>) -> Self {
        let pole_index = poles.iter().enumerate().map(|(i, p)| (p.id.clone(), i)).collect();
        let project_index = projects.iter().enumerate().map(|(i, p)| (p.id.clone(), i)).collect();
        Dataset { meta, refs, poles, projects, pole_index, project_index }
    }
    pub fn pole(&self, id: &str) -> Option<&Pole> {
        self.pole_index.get(id).map(|&i| &self.poles[i])
    }
    /// The index in `poles` of a pôle id.
    pub fn pole_position(&self, id: &str) -> Option<usize> {
        self.pole_index.get(id).copied()
    }
    pub fn project(&self, id: &str) -> Option<&Project> {
        self.project_index.get(id).map(|&i| &self.projects[i])
    }
    /// The index in `projects` of a project id.
    pub fn project_index(&self, id: &str) -> Option<usize> {
        self.project_index.get(id).copied()
    }
    pub fn funder(&self, id: &str) -> Option<&Funder> {
        self.refs.funders.iter().find(|f| f.id == id)
    }
    pub fn theme(&self, id: &str) -> Option<&Theme> {
        self.refs.themes.iter().find(|t| t.id == id)
    }
    pub fn region(&self, code: &str) -> Option<&Region> {
        self.refs.regions.iter().find(|r| r.code == code)
    }
    pub fn departement(&self, code: &str) -> Option<&Departement> {
        self.refs.departements.iter().find(|d| d.code == code)
    }
    /// Label of a theme id, or the id itself when unknown.
    pub fn theme_label<'a>(&'a self, id: &'a str) -> &'a str {
        self.theme(id).map(|t| t.label.as_str()).unwrap_or(id)
    }
    pub fn region_name<'a>(&'a self, code: &'a str) -> &'a str {
        self.region(code).map(|r| r.name.as_str()).unwrap_or(code)
    }
    pub fn funder_label<'a>(&'a self, id: &'a str) -> &'a str {
        self.funder(id).map(|f| f.label.as_str()).unwrap_or(id)
    }
    /// Projects labelled by a pôle.
    pub fn projects_of_pole<'a>(&'a self, pole_id: &'a str) -> impl Iterator<Item = &'a Project> + 'a {
        self.projects.iter().filter(move |p| p.poles.iter().any(|id| id == pole_id))
    }
}
