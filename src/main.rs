//! Entry point: installs the panic box, then mounts the app. Everything else is in the library.

fn main() {
    poles_explorer::install_panic_box();
    // The static first paint of index.html (`#boot`) gives way to the app.
    if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(poles_explorer::App);
}
