//! Difficulties the units report to the Office ("phản ánh khó khăn, vướng mắc", the plan's
//! closing paragraph): a unit raises one (subject, text, files, optionally the obligation or the
//! exemplar it concerns); the Office answers it or refers it to the leadership, which directs;
//! the unit closes it or reopens it. Every step is kept with its time, and the unit is told of
//! each answer in the app.

pub mod api;
pub mod attachments_api;
pub mod model;
pub mod summary;
pub mod workflow;
