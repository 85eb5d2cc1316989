//! The home page's content for the caller: the worklist of what waits for them today, their
//! unit's introduction of the month, and, for the Department's leadership and Office, the
//! Department's picture of the year. Every figure carries the list filters behind it, and every
//! count goes through the exemplar list's own query, so it obeys the same visibility rule.

pub mod api;
pub mod model;
