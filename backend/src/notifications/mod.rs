//! In-app notifications: the bell in the header. Senders (reminders, decisions) add them with
//! [`model::send`]; each person reads and marks their own.

pub mod api;
pub mod model;
pub mod recipients;
