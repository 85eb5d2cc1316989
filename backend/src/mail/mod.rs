//! E-mail over SMTP (lettre, tokio, rustls), off unless `LANTOA_SMTP_HOST` is set. Messages are
//! queued in `email_outbox` in the transaction of what caused them, one per recipient, and sent
//! by the scheduler, retried a few times on failure.

pub mod config;
pub mod outbox;
pub mod smtp;
