//! The loaded data every page reads: the dataset, its search index, where it came from, and the
//! files read on first use (the organisations, the map's outlines). Provided as a context by the
//! app shell once loading succeeded.

use crate::api::Source;
use crate::lazy_file::LazyFile;
use leptos::prelude::*;
use poles_core::engine::{Index, Results};
use poles_core::organisations::Orgs;
use poles_core::query::Query;
use poles_core::validate::{FileError, GeoData, Loaded};
use std::sync::Arc;

/// The loaded data and its search index, provided to every page once loading succeeded.
#[derive(Clone)]
pub struct Data {
    pub loaded: Arc<Loaded>,
    pub index: Arc<Index>,
    /// Where the data came from (bundled files or an API).
    pub source: Source,
    /// Fallbacks and ignored settings to tell the visitor.
    pub notices: Arc<Vec<String>>,
    /// Data files that could not be used (their records are absent); shown where they are missed.
    pub file_errors: Arc<Vec<FileError>>,
    /// Loads the data again (the "Réessayer" button of a file error).
    pub retry: Callback<()>,
    /// The organisations of this data, read on first use (`crate::orgs`, `ensure_orgs`).
    pub orgs: LazyFile<Orgs>,
    /// The map outlines of this data, read on first use of the map.
    pub geo: LazyFile<GeoData>,
}

impl Data {
    /// The error of a data file that could not be used (`poles.json`, `projects.json`).
    pub fn file_error(&self, file: &str) -> Option<FileError> {
        self.file_errors.iter().find(|e| e.file == file).cloned()
    }

    /// Starts reading the organisations, if not yet done.
    pub fn ensure_orgs(&self) {
        let (source, loaded) = (self.source.clone(), self.loaded.clone());
        self.orgs.ensure(async move { crate::api::load_orgs(&source, &loaded.dataset).await });
    }

    /// The engine's results for `q`, its organisation filter applied: that organisation's
    /// projects once the organisations are read (none before, nor for an unknown id).
    pub fn search(&self, q: &Query) -> Results {
        let within = (!q.organisation.is_empty()).then(|| {
            self.ensure_orgs();
            self.orgs.get().and_then(|o| o.projects_of(&q.organisation)).unwrap_or_default()
        });
        self.index.search_within(q, within.as_deref())
    }
}

/// The loaded dataset. Pages are only rendered once the data is there.
pub fn use_data() -> Option<Arc<Loaded>> {
    use_context::<Data>().map(|d| d.loaded)
}

/// The loaded dataset with its search index.
pub fn use_index() -> Option<Data> {
    use_context::<Data>()
}
