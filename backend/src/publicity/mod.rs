//! Publicity ("tuyên truyền, nhân rộng", sections II and III of the plan).

pub mod propagation;
pub mod settings;
pub mod share;

pub use settings::PublicitySettings;
