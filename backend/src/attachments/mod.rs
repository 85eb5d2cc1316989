pub mod model;
pub mod receive;
pub mod storage;
