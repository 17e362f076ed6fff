//! Pôles Explorer, the Leptos client-side app.
//!
//! Thin layer over `poles_core`: it fetches the data files (`api`), keeps the loaded dataset in
//! a reactive context (`app`), and renders pages (`pages`) from small components (`components`).
//! No domain rule lives here: validation, formatting and lookups come from the core.

mod api;
mod app;
mod boot;
mod components;
mod data;
mod download;
mod embed;
pub mod i18n;
mod keyed;
pub mod lazy_file;
mod list_return;
mod orgs;
mod pages;
mod panic_box;
pub mod paths;
pub mod perf;
mod progressive;

pub use api::{fetch_data_file, load_catalog, load_dataset, Outcome, Source};
pub use app::App;
pub use panic_box::install_panic_box;

/// Talc instead of dlmalloc: a smaller WASM and faster allocation (figures in ARCHITECTURE.md).
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
