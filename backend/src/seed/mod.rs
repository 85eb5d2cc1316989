//! Reference data every installation needs (the Department's units) and the demo accounts.

pub mod admin;
pub mod demo;
pub mod reference;
