//! The converter on the real reference data (data-src/reference, or $POLES_REFERENCE).

use poles_core::model::PoleRole;
use poles_core::validate::load_all;
use poles_databuild::{convert, Inputs};
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn output() -> poles_databuild::Output {
    let reference = std::env::var_os("POLES_REFERENCE").map(PathBuf::from).unwrap_or_else(|| root().join("data-src/reference"));
    let inputs =
        Inputs::read(&reference, &root().join("data-src")).unwrap_or_else(|e| panic!("the reference data is in the repository (data-src/reference): {e}"));
    convert(&inputs).expect("conversion succeeds")
}

#[test]
fn converts_every_real_record_without_problem() {
    let out = output();
    let r = &out.report;
    assert!(r.is_clean(), "{}", r.render());
    assert!(r.unresolved_poles.is_empty(), "every cited pôle name maps to a pôle: {:?}", r.unresolved_poles);
    // Every name not among a pôle's current names is listed with the pôle it maps to.
    assert_eq!(r.renamed_poles.get("Lyon Urban Truck & Bus (LUTB)").map(String::as_str), Some("cara"));
    assert!(r.render().contains("« Lyon Urban Truck & Bus (LUTB) » -> cara"));
    let loaded = load_all(&out.files[0].1, &out.files[1].1, &out.files[2].1).unwrap();
    let d = &loaded.dataset;
    assert_eq!(d.poles.len(), 83, "every reference pôle is kept");
    assert_eq!(d.projects.len(), 486, "every reference project is kept (edition of 5 December 2026)");
    assert_eq!(out.files[2].1.matches("\"compiled_at\": \"2026-12-05\"").count(), 1, "the edition's date");
    let role_of = |id: &str| d.projects.iter().find(|p| p.id == id).map(|p| p.pole_role);
    assert_eq!(role_of("doseo-plateforme-radiotherapie"), Some(Some(PoleRole::Soutien)), "DOSEO: supported by Medicen");
    assert_eq!(role_of("microplastic-2"), Some(Some(PoleRole::Labellisateur)), "MICROPLASTIC: labelled, not a partner");
    let phase_v = d.poles.iter().filter(|p| p.phases.iter().any(|x| x == "2023-2026")).count();
    assert_eq!(phase_v, 57, "the 55 pôles of March 2023 and the two water pôles of January 2024");
    assert_eq!(d.pole("tes").map(|p| p.is_labelled()), Some(true), "TES is labelled for 2023-2026 and active");
    let roles = |r| d.projects.iter().filter(|p| p.pole_role == r).count();
    assert_eq!(roles(Some(PoleRole::Labellisateur)), 352);
    assert_eq!(roles(Some(PoleRole::Partenaire)), 27);
    assert_eq!(roles(Some(PoleRole::Porteur)), 25);
    assert_eq!(roles(Some(PoleRole::Soutien)), 7);
    assert_eq!(roles(None), 75, "unknown stays unknown");
    assert!(d.projects.iter().filter(|p| p.poles.is_empty()).all(|p| p.pole_role.is_none()), "no role without a pôle");
    assert_eq!(d.refs.regions.len(), 18);
    assert_eq!(d.refs.departements.len(), 101);
    assert!(d.poles.iter().all(|p| !p.sources.is_empty()), "every pôle has a source");
    assert!(d.projects.iter().all(|p| !p.sources.is_empty()), "every project has a source");
}

#[test]
fn keeps_known_facts_as_published() {
    let out = output();
    let d = load_all(&out.files[0].1, &out.files[1].1, &out.files[2].1).unwrap().dataset;
    // 2BIMULCH: Axelera, FUI 23, amount not published.
    let p = d.project("2bimulch").unwrap();
    assert_eq!(p.poles, ["axelera"]);
    assert_eq!(p.pole_role, Some(PoleRole::Labellisateur));
    assert_eq!(p.call.as_deref(), Some("FUI AAP 23"));
    assert_eq!(p.funding.len(), 1);
    assert_eq!(p.funding[0].funder, "FUI");
    assert_eq!(p.funding[0].amount_eur, None, "unknown stays unknown");
    assert!(p.themes.contains(&"chimie-materiaux".to_string()));
    // Named by a former name in the reference: LUTB is today's CARA.
    assert!(d.projects.iter().any(|p| p.poles.contains(&"cara".to_string())));
    // A département read from a partner location.
    assert!(d.projects.iter().any(|p| p.territory.departements.contains(&"21".to_string())));
    let v = d.pole("vitagora").unwrap();
    assert!(v.is_labelled());
    assert!(v.regions.contains(&"27".to_string()));
    assert!(d.projects_of_pole("vitagora").count() >= 10);
}

#[test]
fn bundled_data_is_the_converters_output() {
    let out = output();
    for (name, text) in &out.files {
        let on_disk = std::fs::read_to_string(root().join("public/data").join(name)).unwrap_or_default();
        assert!(on_disk == *text, "public/data/{name} is stale: run `make data`");
    }
}

#[test]
fn conversion_is_deterministic() {
    let a = output();
    let b = output();
    for (x, y) in a.files.iter().zip(&b.files) {
        assert_eq!(x.1, y.1);
    }
}
