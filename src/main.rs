//! Entry point: installs the panic box, then mounts the app. Everything else is in the library.

fn main() {
    poles_explorer::install_panic_box();
    leptos::mount::mount_to_body(poles_explorer::App);
}
