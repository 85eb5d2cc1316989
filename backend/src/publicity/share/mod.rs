//! The share kit of a published exemplar: ready-to-post texts for Zalo and Facebook and a
//! 1200×630 PNG card drawn on the server with the fonts compiled into it.

pub mod api;
pub mod cache;
pub mod card;
pub mod fonts;
pub mod layout;
pub mod text;
