pub mod api;
pub mod grid;
pub mod model;
