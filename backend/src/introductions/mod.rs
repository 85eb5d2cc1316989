pub mod api;
pub mod grid;
pub mod model;
pub mod reminders;
pub mod grid_workbook;
