//! Reference data every installation needs (the Department's units), the demo accounts and the
//! demo year.

pub mod admin;
pub mod demo;
pub mod demo_calendar;
pub mod demo_commendations;
pub mod demo_publicity;
pub mod demo_year;
pub mod reference;
