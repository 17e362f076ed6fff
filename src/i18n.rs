//! The page's language (`lang=en`) and the message lookup of the UI. French strings are the
//! message ids (see `poles_core::i18n`); the English catalog is fetched before the app mounts.

use poles_core::i18n::{fill, Catalog, Lang};
use std::cell::Cell;

thread_local! {
    static CATALOG: Cell<Option<&'static Catalog>> = const { Cell::new(None) };
    static ERROR: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Remembers why the asked-for catalog could not be used (shown with the data notices).
pub fn note_error(e: String) {
    ERROR.with(|x| *x.borrow_mut() = Some(e));
}

/// The notice for a catalog that could not be read, in both languages (the visitor asked for
/// one and gets the other).
pub fn error_notice() -> Option<String> {
    ERROR.with(|x| x.borrow().clone()).map(|e| {
        format!("English translation unavailable ({e}): the explorer is shown in French. / Traduction anglaise indisponible : l'explorateur est affiché en français.")
    })
}

/// The language asked for by the page URL (`lang=en`), French otherwise.
pub fn requested() -> Lang {
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    poles_core::query::decode_query_string(&search).into_iter().find(|(k, _)| k == "lang").and_then(|(_, v)| Lang::from_param(&v)).unwrap_or_default()
}

/// Makes `lang` the page's language with its catalog (kept for the page's life).
pub fn install(lang: Lang, catalog: Catalog) {
    poles_core::i18n::set_current(lang);
    poles_core::i18n::set_translator(t);
    CATALOG.with(|c| c.set(Some(Box::leak(Box::new(catalog)))));
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        if let Some(root) = doc.document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
        // The short title, as every page sets it (its own parts come when it is drawn).
        doc.set_title(&poles_core::format::page_title(&[]));
    }
}

/// The translation of a French UI string (the string itself in French or when untranslated).
pub fn t(fr: &'static str) -> &'static str {
    lookup(fr).unwrap_or(fr)
}

fn lookup(fr: &str) -> Option<&'static str> {
    CATALOG.with(|c| c.get().and_then(|c| c.get(fr)))
}

/// A translated template with its `{}` filled in order.
pub fn tf(fr: &'static str, args: &[&str]) -> String {
    fill(t(fr), args)
}

/// A count with its translated noun: `count(2, "projet", "projets")`.
pub fn count(n: usize, singular: &'static str, plural: &'static str) -> String {
    poles_core::format::count(n, t(singular), t(plural))
}

/// The translation of a message known only at run time (notices built by the core).
pub fn tr(fr: &str) -> String {
    lookup(fr).unwrap_or(fr).to_string()
}
