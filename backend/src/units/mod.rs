pub mod api;
pub mod model;

pub use model::{Unit, UnitKind, UnitRef};
