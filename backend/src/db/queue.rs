//! The raw SQL of the work queues, in one place: claiming a reminder once (whichever server or
//! pass gets there first) and picking the rows that are due for sending, each by one worker.
//! PostgreSQL skips rows another worker holds (`FOR UPDATE SKIP LOCKED`); SQLite's write
//! transaction (`BEGIN IMMEDIATE`) holds the whole database, so there is nothing to skip.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Integer, Text, Timestamp};

use super::{Backend, DbConnection};
use crate::error::AppResult;

/// `?` placeholders as the backend wants them.
fn numbered(conn: &DbConnection, sql: &str) -> String {
    match conn.backend() {
        Backend::Sqlite => sql.to_owned(),
        Backend::Postgres => {
            let mut out = String::with_capacity(sql.len() + 8);
            let mut index = 0;
            for c in sql.chars() {
                if c == '?' {
                    index += 1;
                    out.push_str(&format!("${index}"));
                } else {
                    out.push(c);
                }
            }
            out
        }
    }
}

/// Records that the reminder of `obligation_key` at `offset_days` through `channel` is being
/// sent; `false` when it was claimed before. Call it in the transaction that enqueues the
/// reminder: the claim and the messages land together or not at all.
pub fn claim_once(
    conn: &mut DbConnection,
    obligation_key: &str,
    offset_days: i32,
    channel: &str,
    recipients: i32,
    now: NaiveDateTime,
) -> AppResult<bool> {
    let sql = numbered(
        conn,
        "INSERT INTO reminder_claims (obligation_key, offset_days, channel, recipients, claimed_at) \
         VALUES (?, ?, ?, ?, ?) ON CONFLICT (obligation_key, offset_days, channel) DO NOTHING",
    );
    let inserted = diesel::sql_query(sql)
        .bind::<Text, _>(obligation_key)
        .bind::<Integer, _>(offset_days)
        .bind::<Text, _>(channel)
        .bind::<Integer, _>(recipients)
        .bind::<Timestamp, _>(now)
        .execute(conn)?;
    Ok(inserted == 1)
}

/// A queue table whose rows have `status`, `next_attempt_at` and `locked_until`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Queue {
    Emails,
    WebhookDeliveries,
}

impl Queue {
    fn table(self) -> &'static str {
        match self {
            Queue::Emails => "email_outbox",
            Queue::WebhookDeliveries => "webhook_deliveries",
        }
    }
}

#[derive(QueryableByName)]
struct Id {
    #[diesel(sql_type = BigInt)]
    id: i64,
}

/// Up to `limit` pending rows of `queue` due at `now` and not leased to another worker, oldest
/// first, locked until the transaction ends. The caller leases them (sets `locked_until`) in the
/// same transaction and sends after it commits.
pub fn pick_due(
    conn: &mut DbConnection,
    queue: Queue,
    now: NaiveDateTime,
    limit: i64,
) -> AppResult<Vec<i64>> {
    let lock = match conn.backend() {
        Backend::Sqlite => "",
        Backend::Postgres => " FOR UPDATE SKIP LOCKED",
    };
    let sql = numbered(
        conn,
        &format!(
            "SELECT id FROM {} WHERE status = 'pending' AND next_attempt_at <= ? \
             AND (locked_until IS NULL OR locked_until <= ?) ORDER BY next_attempt_at, id LIMIT ?{lock}",
            queue.table()
        ),
    );
    Ok(diesel::sql_query(sql)
        .bind::<Timestamp, _>(now)
        .bind::<Timestamp, _>(now)
        .bind::<BigInt, _>(limit)
        .load::<Id>(conn)?
        .into_iter()
        .map(|row| row.id)
        .collect())
}
