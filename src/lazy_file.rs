//! The data files read on first use (`geo.json`, `organisations.json`): one loader for both. A
//! file is fetched once whoever asks first (never two fetches of one file), kept for the page's
//! life, and fetched again only by `retry`. Offline, the service worker answers from its cache.

use leptos::prelude::*;
use poles_core::validate::FileError;
use std::future::Future;
use std::sync::Arc;

/// The file once read, or why it could not be (`None` while it is read, or before).
pub type LazyValue<T> = Option<Result<Arc<T>, FileError>>;

pub struct LazyFile<T: Send + Sync + 'static> {
    pub value: RwSignal<LazyValue<T>>,
    started: StoredValue<bool>,
}

impl<T: Send + Sync + 'static> Clone for LazyFile<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for LazyFile<T> {}

impl<T: Send + Sync + 'static> Default for LazyFile<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: Send + Sync + 'static> LazyFile<T> {
    pub fn new() -> Self {
        LazyFile { value: RwSignal::new(None), started: StoredValue::new(false) }
    }

    /// Starts reading the file with `load` (a future does nothing until run), unless it was
    /// started already.
    pub fn ensure(self, load: impl Future<Output = Result<T, FileError>> + 'static) {
        if !self.started.get_value() {
            self.retry(load);
        }
    }

    /// Reads the file (again, after an error: the "Réessayer" button).
    pub fn retry(self, load: impl Future<Output = Result<T, FileError>> + 'static) {
        self.started.set_value(true);
        self.value.set(None);
        leptos::task::spawn_local(async move {
            let r = load.await;
            self.value.try_set(Some(r.map(Arc::new)));
        });
    }

    /// The file's content, if read (tracked).
    pub fn get(&self) -> Option<Arc<T>> {
        self.value.with(|v| v.as_ref().and_then(|r| r.as_ref().ok().cloned()))
    }
}
