//! The obligations of the reporting calendar with their status: one per unit and period (and the
//! Office's own), computed from the calendar settings, the units (who owes what, from when) and
//! what fulfils each one: a submitted monthly introduction, or a report submission.

pub mod api;
pub mod export;
pub mod model;
pub mod status;
