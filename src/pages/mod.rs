//! One module a page.

mod charts;
mod explorer;
mod map;
mod not_found;
mod pole;
mod project;

pub use explorer::Explorer;
pub use map::GeoState;
pub use not_found::NotFound;
pub use pole::PolePage;
pub use project::ProjectPage;
