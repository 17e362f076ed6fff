//! One module a page.

mod explorer;
mod not_found;
mod pole;
mod project;

pub use explorer::Explorer;
pub use not_found::NotFound;
pub use pole::PolePage;
pub use project::ProjectPage;
