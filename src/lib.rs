//! Pôles Explorer, the Leptos client-side app.
//!
//! Thin layer over `poles_core`: it fetches the data files (`api`), keeps the loaded dataset in
//! a reactive context (`app`), and renders pages (`pages`) from small components (`components`).
//! No domain rule lives here: validation, formatting and lookups come from the core.

mod api;
mod app;
mod components;
mod embed;
mod pages;
pub mod paths;
mod panic_box;
pub mod perf;

pub use api::{fetch_data_file, load_dataset, Outcome, Source};
pub use app::App;
pub use panic_box::install_panic_box;
