//! Pure domain core of Pôles Explorer.
//!
//! Architecture invariant: this crate never touches the DOM, the network or the file system.
//! It takes text in and gives plain values out, so `cargo test -p poles-core` exercises it
//! natively. The Leptos app (`src/`) and the data converter (`crates/databuild`) both build on it.

#![forbid(unsafe_code)]

#[cfg(any(test, feature = "synthetic"))]
pub mod bench;
pub mod config;
pub mod embed;
pub mod engine;
pub mod export;
pub mod export_people;
pub mod facets;
pub mod format;
pub mod geo;
pub mod i18n;
pub mod json;
pub mod listing;
pub mod model;
pub mod network;
#[cfg(feature = "orgs")]
pub mod org_names;
pub mod organisations;
pub mod paging;
pub mod query;
pub mod result_rows;
pub mod stats;
#[cfg(any(test, feature = "synthetic"))]
pub mod synthetic;
#[cfg(test)]
mod testdata;
pub mod text;
pub mod validate;

/// Version of the bundled data format (`schema_version` in every data file).
/// Bump it on any incompatible change and document it in `docs/data-format.md`.
pub const SCHEMA_VERSION: u32 = 2;
/// The oldest format the app still reads (schema 1: projects without `pole_role`).
pub const OLDEST_SCHEMA_VERSION: u32 = 1;

/// The data files, in load order (cross references point to earlier files).
pub const DATA_FILES: [&str; 3] = ["referentiels.json", "poles.json", "projects.json"];

/// The labelling phases of the pôles de compétitivité, oldest first.
pub const PHASES: [&str; 5] = ["2005-2008", "2009-2012", "2013-2018", "2019-2022", "2023-2026"];
