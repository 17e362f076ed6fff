//! The converter on the real reference data (../shared/reference, or $POLES_REFERENCE).

use poles_core::validate::load_all;
use poles_databuild::{convert, Inputs};
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn output() -> poles_databuild::Output {
    let reference = std::env::var_os("POLES_REFERENCE").map(PathBuf::from).unwrap_or_else(|| root().join("../shared/reference"));
    let inputs = Inputs::read(&reference, &root().join("data-src"))
        .unwrap_or_else(|e| panic!("the reference data must be beside the repository (../shared/reference): {e}"));
    convert(&inputs).expect("conversion succeeds")
}

#[test]
fn converts_every_real_record_without_problem() {
    let out = output();
    let r = &out.report;
    assert!(r.is_clean(), "{}", r.render());
    assert!(r.unresolved_poles.is_empty(), "every cited pôle name maps to a pôle: {:?}", r.unresolved_poles);
    let loaded = load_all(&out.files[0].1, &out.files[1].1, &out.files[2].1).unwrap();
    let d = &loaded.dataset;
    assert_eq!(d.poles.len(), 83, "every reference pôle is kept");
    assert_eq!(d.projects.len(), 323, "every reference project is kept");
    assert!(d.poles.iter().filter(|p| p.is_labelled()).count() >= 55);
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
