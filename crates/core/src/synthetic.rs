//! Deterministic synthetic data for tests and benchmarks only (feature `synthetic`).
//! Never shipped as bundled data: the app does not enable this feature.
//!
//! Distributions imitate the real data: 1 to 4 funders per project (FUI and the Région most
//! often), 1 to 3 regions, one or two pôles, long titles with accents, a third of the years and
//! most amounts unknown.

use crate::model::*;

/// A small seeded PRNG (SplitMix64): same seed, same data, on every platform.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
    /// Index with a skewed (roughly Zipf-like) distribution: low indexes are more frequent.
    pub fn skewed(&mut self, n: usize) -> usize {
        let a = self.below(n);
        let b = self.below(n);
        a.min(b)
    }
    pub fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }
}

const WORDS: &[&str] = &[
    "système",
    "intelligent",
    "énergie",
    "matériaux",
    "procédé",
    "sécurité",
    "réseau",
    "capteur",
    "santé",
    "numérique",
    "agroalimentaire",
    "hydrogène",
    "véhicule",
    "données",
    "plateforme",
    "recyclage",
    "biosourcé",
    "diagnostic",
    "qualité",
    "éco-conception",
    "optique",
    "industrialisation",
    "fabrication",
    "maritime",
    "télécommunications",
    "logiciel",
    "efficacité",
    "thérapie",
    "céréales",
    "fromagère",
];

const COMPANIES: &[&str] = &[
    "Société Générale d'Études",
    "Établissements Durand",
    "Laboratoire Pasteur-Côté",
    "Université de Bourgogne",
    "CNRS",
    "CEA",
    "Thalès Électronique",
    "PME Innov'Ouest",
    "Agro Comté",
    "Institut Mines-Télécom",
];

fn title(rng: &mut Rng) -> String {
    let n = 6 + rng.below(12);
    let mut words: Vec<&str> = (0..n).map(|_| *rng.pick(WORDS)).collect();
    words[0] = "Développement";
    let mut s = words.join(" ");
    s.push_str(" pour l'industrie française");
    s
}

/// `n_projects` projects and `n_projects / 100` pôles (at least 80), using the given reference
/// lists (typically the bundled `referentiels.json`).
pub fn generate(refs: &Referentiels, n_projects: usize, seed: u64) -> (Vec<Pole>, Vec<Project>) {
    let mut rng = Rng::new(seed);
    let n_poles = (n_projects / 100).max(80);
    let regions: Vec<&str> = refs.regions.iter().map(|r| r.code.as_str()).collect();
    let themes: Vec<&str> = refs.themes.iter().map(|t| t.id.as_str()).collect();
    let funders: Vec<&str> = refs.funders.iter().map(|f| f.id.as_str()).collect();
    let poles: Vec<Pole> = (0..n_poles)
        .map(|i| {
            let region = regions[rng.skewed(regions.len())].to_string();
            let deps: Vec<&Departement> = refs.departements.iter().filter(|d| d.region == region).collect();
            let hq_dep = if deps.is_empty() { None } else { Some(rng.pick(&deps).code.clone()) };
            let phases: Vec<String> = crate::PHASES.iter().filter(|_| rng.chance(70)).map(|s| s.to_string()).collect();
            Pole {
                id: format!("pole-{i}"),
                name: format!("Pôle {} {}", rng.pick(WORDS), i),
                short_name: rng.chance(40).then(|| format!("P{i}")),
                former_names: if rng.chance(20) { vec![format!("Ancien pôle {i}")] } else { vec![] },
                website: None,
                hq: Headquarters {
                    city: Some(format!("Ville {i}")),
                    insee_commune: hq_dep.map(|d| format!("{d:0<5}").chars().take(5).collect()),
                    lat: None,
                    lon: None,
                    precision: HqPrecision::Commune,
                },
                regions: vec![region],
                themes: (0..1 + rng.below(3))
                    .map(|_| themes[rng.skewed(themes.len())].to_string())
                    .collect::<std::collections::BTreeSet<_>>()
                    .into_iter()
                    .collect(),
                phases,
                phase_v_status: None,
                category_2013: None,
                status: PoleStatus { code: if rng.chance(66) { PoleStatusCode::Actif } else { PoleStatusCode::Fusionne }, label: "synthétique".into() },
                description: None,
                members: None,
                predecessor_ids: vec![],
                successor_id: None,
                sources: vec!["https://example.org/synthetique".into()],
                notes: None,
            }
        })
        .collect();
    let projects = (0..n_projects)
        .map(|i| {
            let n_regions = 1 + rng.skewed(3);
            let mut regs: Vec<String> = Vec::new();
            for _ in 0..n_regions {
                let r = regions[rng.skewed(regions.len())].to_string();
                if !regs.contains(&r) {
                    regs.push(r);
                }
            }
            let deps: Vec<String> =
                refs.departements.iter().filter(|d| regs.contains(&d.region)).filter(|_| rng.chance(8)).map(|d| d.code.clone()).take(3).collect();
            let n_funders = 1 + rng.skewed(4);
            let mut funding: Vec<FundingLine> = Vec::new();
            for _ in 0..n_funders {
                let f = funders[rng.skewed(funders.len())].to_string();
                if funding.iter().all(|x| x.funder != f) {
                    let amount = rng.chance(20).then(|| (10_000 + rng.below(5_000_000)) as f64);
                    funding.push(FundingLine { funder: f, amount_eur: amount, note: None });
                }
            }
            let mut pole_ids = vec![format!("pole-{}", rng.skewed(n_poles))];
            if rng.chance(25) {
                let other = format!("pole-{}", rng.below(n_poles));
                if !pole_ids.contains(&other) {
                    pole_ids.push(other);
                }
            }
            Project {
                id: format!("projet-{i}"),
                acronym: format!("{}{}", rng.pick(WORDS).to_uppercase(), i),
                title: Some(title(&mut rng)),
                summary: rng.chance(60).then(|| title(&mut rng)),
                kind: ProjectKind::Rd,
                poles: pole_ids,
                pole_role: [Some(PoleRole::Labellisateur), None, Some(PoleRole::Partenaire), Some(PoleRole::Porteur), Some(PoleRole::Soutien)][rng.skewed(5)],
                unresolved_poles: vec![],
                lead: rng.chance(30).then(|| rng.pick(COMPANIES).to_string()),
                partners: (0..rng.below(5)).map(|_| rng.pick(COMPANIES).to_string()).collect(),
                partner_locations: vec![],
                territory: Territory { regions: regs, departements: deps, basis: Some(TerritoryBasis::PoleHome) },
                keywords: vec![],
                themes: (0..1 + rng.below(3))
                    .map(|_| themes[rng.skewed(themes.len())].to_string())
                    .collect::<std::collections::BTreeSet<_>>()
                    .into_iter()
                    .collect(),
                themes_basis: Some(ThemesBasis::Keywords),
                year: rng.chance(75).then(|| 2005 + rng.below(21) as u16),
                call: Some(format!("FUI AAP {}", 1 + rng.below(25))),
                funding,
                total_budget_eur: None,
                status: None,
                sources: vec!["https://example.org/synthetique".into()],
                notes: None,
            }
        })
        .collect();
    (poles, projects)
}

/// The synthetic data as the three data files' texts (referentiels, poles, projects).
pub fn files(refs: &Referentiels, n_projects: usize, seed: u64) -> [String; 3] {
    let (poles, projects) = generate(refs, n_projects, seed);
    let head = |schema: &str| serde_json::json!({"schema": format!("poles-explorer/{schema}"), "schema_version": crate::SCHEMA_VERSION, "data_version": "synthetique", "compiled_at": "2026-11-26"});
    let mut r = head("referentiels");
    r["funders"] = serde_json::to_value(&refs.funders).unwrap_or_default();
    r["themes"] = serde_json::to_value(&refs.themes).unwrap_or_default();
    r["regions"] = serde_json::to_value(&refs.regions).unwrap_or_default();
    r["departements"] = serde_json::to_value(&refs.departements).unwrap_or_default();
    let mut p = head("poles");
    p["poles"] = serde_json::to_value(&poles).unwrap_or_default();
    let mut j = head("projects");
    j["projects"] = serde_json::to_value(&projects).unwrap_or_default();
    [r.to_string(), p.to_string(), j.to_string()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::load_all;

    #[test]
    fn synthetic_data_is_valid_and_deterministic() {
        let refs_text = include_str!("../../../public/data/referentiels.json");
        let mut problems = Vec::new();
        let (refs, _) = crate::validate::load_referentiels(refs_text, &mut problems).unwrap();
        let a = files(&refs, 1000, 7);
        let b = files(&refs, 1000, 7);
        assert_eq!(a, b);
        let loaded = load_all(&a[0], &a[1], &a[2]).unwrap();
        assert!(loaded.problems.is_empty(), "{:?}", &loaded.problems[..loaded.problems.len().min(5)]);
        assert_eq!(loaded.dataset.projects.len(), 1000);
        assert_eq!(loaded.dataset.poles.len(), 80);
    }
}
