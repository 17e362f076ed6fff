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
