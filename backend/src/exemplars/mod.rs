//! Exemplars: the record of an individual or a collective a unit discovered, its stage records,
//! timeline and review workflow, and listing and searching them. No HTTP here: the handlers are
//! in `crate::dossiers`.

pub mod list_totals;
pub mod model;
pub mod query;
pub mod records;
pub mod stages;
pub mod timeline;
pub mod types;
pub mod workflow;
