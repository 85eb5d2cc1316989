pub mod api;
pub mod grid;
pub mod model;
pub mod grid_workbook;
