//! The propagation log ("tuyên truyền"): each activity a unit carried out to make its exemplars
//! known (a post on the Department's website, on Zalo or Facebook, an article, a conference, a
//! compiled booklet), with its date, link, reach, the exemplars it featured and its files.

pub mod access;
pub mod api;
pub mod attachments_api;
pub mod channel;
pub mod detail;
pub mod model;
pub mod query;
pub mod workbook;
