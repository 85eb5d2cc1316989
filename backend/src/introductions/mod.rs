pub mod api;
pub mod grid;
pub mod grid_workbook;
pub mod model;
pub mod reminders;
