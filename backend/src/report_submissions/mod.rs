//! Report submissions: the record that fulfils a report obligation (a unit's annual report, the
//! Office's consolidated report, the reviews). Minimal on purpose: kind, unit (none for the
//! Office), period, title and note, who sent it and when, and the Office's (or the leadership's)
//! decision: submitted → accepted, or returned and submitted again. The full reports (figures,
//! documents) will hang from it.

pub mod api;
pub mod effects;
pub mod model;
pub mod workflow;
