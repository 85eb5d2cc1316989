//! The exemplar's dossier ("hồ sơ điển hình") as the API serves it: the record with its stage
//! records, timeline, evaluations and attachments, and the HTTP handlers that read and change it.
//! It sits above the resources it composes (`exemplars`, `evaluations`, `attachments`), which
//! never depend on it or on each other in a cycle.

pub mod api;
pub mod attachments_api;
pub mod detail;
pub mod detail_rows;
pub mod import_api;
pub mod records_api;
pub mod workflow_api;
