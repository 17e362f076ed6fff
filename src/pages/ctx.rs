//! The explorer's context: what every part of the explorer and its views (list, map, charts,
//! network) read. A module of its own, so that the views import it and not the explorer page
//! (no import cycle between `explorer` and the views).

use crate::data::Data;
use crate::paths::href;
use leptos::prelude::*;
use poles_core::engine::Results;
use poles_core::paging::Page;
use poles_core::query::{to_query_string, Query};

/// What every part of the explorer reads: the data, the query of the URL, its results, the page
/// of them shown, and the way to a new query. `Copy`, so components take nothing else.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub(super) data: StoredValue<Data>,
    /// The query of the address, its page included.
    pub query: Memo<Query>,
    /// The query without its page: what the results, the facets and the views depend on (a page
    /// link changes none of them).
    pub filters: Memo<Query>,
    pub results: Memo<Results>,
    /// The page of the results shown (a page past the end is the last one).
    pub page: Memo<Page>,
    pub(super) go: Callback<(Query, bool)>,
    /// The organisation filter waits for the organisations (its results are not known yet).
    pub waiting_orgs: Memo<bool>,
}

impl Ctx {
    /// The loaded data and its index (shared, cheap to clone).
    pub fn data(&self) -> Data {
        self.data.get_value()
    }

    /// Navigates to `q` (a new history entry, or a replaced one when `replace`); any change but
    /// the page goes back to the first page (`poles_core::paging::follow`).
    pub fn go(&self, q: Query, replace: bool) {
        self.go.run((q, replace));
    }

    /// Navigates to the current query changed by `f` (a new history entry).
    pub fn update(&self, f: impl FnOnce(&mut Query)) {
        let mut q = self.query.get_untracked();
        f(&mut q);
        self.go(q, false);
    }
}

pub fn use_ctx() -> Ctx {
    expect_context::<Ctx>()
}

/// The address of the explorer for a query (with the embedding parameters kept).
pub fn explorer_href(q: &Query) -> String {
    href(&format!("/{}", to_query_string(q)))
}
