//! The bundled data, loaded once, for the tests of the core.

use crate::engine::Index;
use crate::model::Dataset;
use crate::validate::load_all;
use std::sync::OnceLock;

/// The bundled dataset (`public/data/`) and its index.
pub fn bundled() -> &'static (Dataset, Index) {
    static D: OnceLock<(Dataset, Index)> = OnceLock::new();
    D.get_or_init(|| {
        let l = load_all(
            include_str!("../../../public/data/referentiels.json"),
            include_str!("../../../public/data/poles.json"),
            include_str!("../../../public/data/projects.json"),
        )
        .expect("the bundled data loads");
        let index = Index::new(&l.dataset);
        (l.dataset, index)
    })
}

/// The bundled organisations (`public/data/organisations.json`) of the bundled dataset.
pub fn bundled_orgs() -> &'static crate::organisations::Orgs {
    static O: OnceLock<crate::organisations::Orgs> = OnceLock::new();
    O.get_or_init(|| {
        crate::organisations::parse(include_str!("../../../public/data/organisations.json"), &bundled().0).expect("the bundled organisations load")
    })
}
