//! Entry point: installs the panic box, reads the language catalog when another language is asked
//! for, then mounts the app. Everything else is in the library.

fn main() {
    // The benchmark's and the tests' sign that the WebAssembly runs (the first paint came before).
    poles_explorer::perf::mark("pe-wasm-start");
    poles_explorer::install_panic_box();
    // Another language: its catalog first (a small bundled file), so that every string renders
    // translated. If it cannot be read, the explorer stays in French and says why.
    let lang = poles_explorer::i18n::requested();
    if lang == poles_core::i18n::Lang::Fr {
        mount();
        return;
    }
    // Leptos' executor is set up by the mount, which comes after the catalog here.
    wasm_bindgen_futures::spawn_local(async move {
        match poles_explorer::load_catalog(lang).await {
            Ok(catalog) => poles_explorer::i18n::install(lang, catalog),
            Err(e) => poles_explorer::i18n::note_error(e),
        }
        mount();
    });
}

/// Mounts the app (one call site: the app's view code is instantiated once). The static first
/// paint of index.html (`#boot`) stays until the data is read (`poles_explorer::boot`).
#[inline(never)]
fn mount() {
    leptos::mount::mount_to_body(poles_explorer::App);
}
