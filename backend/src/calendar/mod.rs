//! The plan's reporting calendar: what each unit and the Office owe (kinds, periods), by when
//! (deadlines from the settings, in Vietnam time, optionally moved to the next working day),
//! and the settings the Office keeps. The obligations themselves, with their status, are in
//! `crate::obligations`.

pub mod api;
pub mod deadlines;
pub mod kinds;
pub mod settings;
