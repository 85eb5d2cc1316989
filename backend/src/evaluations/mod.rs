pub mod api;
pub mod conclusion;
pub mod model;
