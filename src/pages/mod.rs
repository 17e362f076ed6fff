//! One module a page.

mod about;
mod charts;
pub(crate) mod ctx;
mod embed_builder;
mod explorer;
mod map;
mod map_table;
mod network;
mod not_found;
pub(crate) mod organisation;
mod pole;
mod project;
pub(crate) mod roving;

pub use about::{about_href, understand_href, AboutPage, UnderstandPage};
pub use embed_builder::EmbedBuilder;
pub use explorer::Explorer;
pub use not_found::NotFound;
pub use organisation::OrganisationPage;
pub use pole::PolePage;
pub use project::ProjectPage;
