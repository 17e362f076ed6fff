//! The static first paint (`#boot` in index.html, written by `make data`): painted before the
//! WebAssembly starts, kept while the data is read (the inline script of its head marks `<html>` with
//! `booting`, and style/main.css hides the app's own nodes meanwhile), removed by `done` in the
//! task that draws the first page with data (or its error, or the panic box): the page goes from
//! the one to the other without a frame in between.

/// Removes the static first paint and shows the app.
pub fn done() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(boot) = doc.get_element_by_id("boot") {
        boot.remove();
    }
    if let Some(root) = doc.document_element() {
        let _ = root.class_list().remove_1("booting");
    }
}
