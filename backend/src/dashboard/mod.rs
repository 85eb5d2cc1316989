//! The dashboard: the year's and the plan period's figures (the reports' own computation, so a
//! chart and a report of the same period agree), the exemplars discovered month by month, the
//! unit × month grid of monthly introductions and the open obligations, for the Department or
//! one unit.

pub mod api;
pub mod model;
pub mod timeline;
