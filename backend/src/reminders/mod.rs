//! Reminders of the calendar's obligations: at the offsets of the settings (days before, on the
//! day, after the deadline), to the unit's head and staff (or the Office, for its own) and, as
//! the settings say, to the Office: in the app, by e-mail and as webhook events. Each reminder of
//! an obligation at an offset through a channel is claimed in the database in the transaction
//! that queues it, so it goes out once across servers and restarts.

pub mod messages;
pub mod plan;
pub mod send;
