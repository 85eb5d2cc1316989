//! The Office's publication of an exemplar, or of a decided commendation (`commendation`), on the
//! public portal: the text the public reads (defaults to the achievements), the subject's consent
//! (individuals), publishing and taking it down, as a workflow table with the caller's
//! `allowedActions`.

pub mod api;
pub mod commendation;
pub mod commendation_api;
pub mod model;
pub mod rule;
pub mod types;
pub mod workflow;
