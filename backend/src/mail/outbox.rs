//! The e-mail outbox: one row per message and recipient, queued in the transaction of what caused
//! it, leased by one worker at a time, retried with a doubling wait.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use crate::db::DbConnection;
use crate::db::queue::{self, Queue};
use crate::db::schema::email_outbox;
use crate::error::AppResult;
use crate::text_enum;

text_enum!(
    /// Where a queued e-mail stands.
    pub enum EmailStatus {
        Pending = "pending" / "Đang chờ gửi",
        Sent = "sent" / "Đã gửi",
        Failed = "failed" / "Gửi không được",
    }
);

/// Attempts before an e-mail is given up.
pub const MAX_ATTEMPTS: i32 = 5;
/// Wait before the first retry; it doubles each time.
const RETRY_BASE_SECS: i64 = 120;
/// How long a worker holds a message it is sending.
const LEASE_SECS: i64 = 120;

pub struct NewEmail<'a> {
    pub user_id: Option<i64>,
    pub to_address: &'a str,
    pub to_name: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
    /// What it is about (`reminder:annual_report:2026:12:-5`), for the log.
    pub source: &'a str,
}

pub fn enqueue(conn: &mut DbConnection, email: &NewEmail<'_>, now: NaiveDateTime) -> AppResult<i64> {
    Ok(diesel::insert_into(email_outbox::table)
        .values((
            email_outbox::user_id.eq(email.user_id),
            email_outbox::to_address.eq(email.to_address),
            email_outbox::to_name.eq(email.to_name),
            email_outbox::subject.eq(email.subject),
            email_outbox::body.eq(email.body),
            email_outbox::source.eq(email.source),
            email_outbox::status.eq(EmailStatus::Pending),
            email_outbox::attempts.eq(0),
            email_outbox::next_attempt_at.eq(now),
            email_outbox::created_at.eq(now),
        ))
        .returning(email_outbox::id)
        .get_result(conn)?)
}

#[derive(Debug, Clone, Queryable)]
pub struct LeasedEmail {
    pub id: i64,
    pub to_address: String,
    pub to_name: String,
    pub subject: String,
    pub body: String,
    /// Counting this one.
    pub attempts: i32,
}

/// Leases up to `limit` due messages. Run it in a short write transaction of its own and send
/// after it commits.
pub fn lease_due(conn: &mut DbConnection, now: NaiveDateTime, limit: i64) -> AppResult<Vec<LeasedEmail>> {
    let ids = queue::pick_due(conn, Queue::Emails, now, limit)?;
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    diesel::update(email_outbox::table.filter(email_outbox::id.eq_any(&ids)))
        .set((
            email_outbox::attempts.eq(email_outbox::attempts + 1),
            email_outbox::locked_until.eq(Some(now + Duration::seconds(LEASE_SECS))),
        ))
        .execute(conn)?;
    Ok(email_outbox::table
        .filter(email_outbox::id.eq_any(&ids))
        .order(email_outbox::id.asc())
        .select((
            email_outbox::id,
            email_outbox::to_address,
            email_outbox::to_name,
            email_outbox::subject,
            email_outbox::body,
            email_outbox::attempts,
        ))
        .load(conn)?)
}

/// Records a sending's outcome (`Err` with the reason) and releases the lease.
pub fn record(
    conn: &mut DbConnection,
    leased: &LeasedEmail,
    outcome: Result<(), String>,
    now: NaiveDateTime,
) -> AppResult<()> {
    let target = email_outbox::table.find(leased.id);
    match outcome {
        Ok(()) => diesel::update(target)
            .set((
                email_outbox::status.eq(EmailStatus::Sent),
                email_outbox::sent_at.eq(Some(now)),
                email_outbox::last_error.eq(None::<String>),
                email_outbox::locked_until.eq(None::<NaiveDateTime>),
            ))
            .execute(conn)?,
        Err(error) => {
            let exhausted = leased.attempts >= MAX_ATTEMPTS;
            let wait = RETRY_BASE_SECS * (1_i64 << (leased.attempts - 1).clamp(0, 10));
            diesel::update(target)
                .set((
                    email_outbox::status.eq(if exhausted { EmailStatus::Failed } else { EmailStatus::Pending }),
                    email_outbox::next_attempt_at.eq(now + Duration::seconds(wait)),
                    email_outbox::last_error.eq(Some(error.chars().take(500).collect::<String>())),
                    email_outbox::locked_until.eq(None::<NaiveDateTime>),
                ))
                .execute(conn)?
        }
    };
    Ok(())
}
