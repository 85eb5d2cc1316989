//! Outgoing webhooks for provincial systems: the administrator subscribes a URL to events
//! (reminders of obligations, reports submitted, accepted or returned); each event is stored as a
//! delivery per subscription in the same transaction as what caused it, then posted by the
//! scheduler, signed with HMAC-SHA256 over `timestamp.body`, retried with exponential backoff
//! kept in the table, and logged per subscription. Targets are limited to an allow-list.

pub mod allow_list;
pub mod api;
pub mod config;
pub mod deliveries;
pub mod events;
pub mod model;
pub mod sender;
pub mod signing;
