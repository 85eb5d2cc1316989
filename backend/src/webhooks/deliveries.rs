//! The delivery log, which is also the queue: each event becomes one row per subscription,
//! written in the transaction of what caused it; the scheduler leases due rows, posts them and
//! records the outcome. Failures are retried with exponential backoff, the next attempt kept in
//! the row, until the attempts run out; the administrator may redeliver any delivery (a new row).

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::config::WebhookSettings;
use super::events::WebhookEvent;
use crate::db::DbConnection;
use crate::db::queue::{self, Queue};
use crate::db::schema::{webhook_deliveries, webhook_subscriptions};
use crate::error::{AppError, AppResult};
use crate::text_enum;

text_enum!(
    /// Where a delivery stands.
    pub enum DeliveryStatus {
        /// Waiting for its (next) attempt.
        Pending = "pending" / "Đang chờ gửi",
        /// Answered with a 2xx status.
        Delivered = "delivered" / "Đã gửi thành công",
        /// Given up: the attempts ran out, or the target is not allowed.
        Failed = "failed" / "Thất bại",
    }
);

/// How long a worker holds a delivery it is posting; past it another worker may try again.
const LEASE_SECS: i64 = 120;

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Delivery {
    pub id: i64,
    pub subscription_id: i64,
    pub event: WebhookEvent,
    pub status: DeliveryStatus,
    pub attempts: i32,
    /// When it will be tried next (pending deliveries).
    pub next_attempt_at: Option<DateTime<Utc>>,
    /// The HTTP status of the last answer, if there was one.
    pub last_status_code: Option<i32>,
    /// What went wrong last (Vietnamese), without the answer's body beyond 200 characters.
    pub last_error: Option<String>,
    pub delivered_at: Option<DateTime<Utc>>,
    /// The delivery this one repeats.
    pub redelivery_of: Option<i64>,
    /// The JSON body that is (or was) posted.
    pub payload: serde_json::Value,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = webhook_deliveries)]
pub struct DeliveryRow {
    pub id: i64,
    pub subscription_id: i64,
    pub event: WebhookEvent,
    pub payload: String,
    pub status: DeliveryStatus,
    pub attempts: i32,
    pub next_attempt_at: Option<NaiveDateTime>,
    pub locked_until: Option<NaiveDateTime>,
    pub last_status_code: Option<i32>,
    pub last_error: Option<String>,
    pub delivered_at: Option<NaiveDateTime>,
    pub redelivery_of: Option<i64>,
    pub created_at: NaiveDateTime,
}

impl From<DeliveryRow> for Delivery {
    fn from(r: DeliveryRow) -> Self {
        Delivery {
            id: r.id,
            subscription_id: r.subscription_id,
            event: r.event,
            status: r.status,
            attempts: r.attempts,
            next_attempt_at: r.next_attempt_at.map(|t| t.and_utc()),
            last_status_code: r.last_status_code,
            last_error: r.last_error,
            delivered_at: r.delivered_at.map(|t| t.and_utc()),
            redelivery_of: r.redelivery_of,
            payload: serde_json::from_str(&r.payload).unwrap_or(serde_json::Value::Null),
            created_at: r.created_at.and_utc(),
        }
    }
}

/// The body posted: `{ "id", "event", "occurredAt", "data" }` (the id is the same on every
/// attempt, so receivers can drop repeats).
fn payload(event: WebhookEvent, data: &serde_json::Value, now: NaiveDateTime) -> String {
    serde_json::json!({
        "id": uuid::Uuid::new_v4().to_string(),
        "event": event.as_str(),
        "occurredAt": now.and_utc(),
        "data": data,
    })
    .to_string()
}

fn insert(
    conn: &mut DbConnection,
    subscription_id: i64,
    event: WebhookEvent,
    body: &str,
    redelivery_of: Option<i64>,
    now: NaiveDateTime,
) -> AppResult<i64> {
    Ok(diesel::insert_into(webhook_deliveries::table)
        .values((
            webhook_deliveries::subscription_id.eq(subscription_id),
            webhook_deliveries::event.eq(event),
            webhook_deliveries::payload.eq(body),
            webhook_deliveries::status.eq(DeliveryStatus::Pending),
            webhook_deliveries::attempts.eq(0),
            webhook_deliveries::next_attempt_at.eq(Some(now)),
            webhook_deliveries::redelivery_of.eq(redelivery_of),
            webhook_deliveries::created_at.eq(now),
        ))
        .returning(webhook_deliveries::id)
        .get_result(conn)?)
}

/// Queues `event` for every active subscription that asked for it; returns how many.
pub fn enqueue(
    conn: &mut DbConnection,
    event: WebhookEvent,
    data: &serde_json::Value,
    now: NaiveDateTime,
) -> AppResult<usize> {
    let subscribers: Vec<(i64, String)> = webhook_subscriptions::table
        .filter(webhook_subscriptions::active.eq(true))
        .select((webhook_subscriptions::id, webhook_subscriptions::events))
        .load(conn)?;
    let mut queued = 0;
    for (id, events) in subscribers {
        if WebhookEvent::parse_list(&events).contains(&event) {
            insert(conn, id, event, &payload(event, data, now), None, now)?;
            queued += 1;
        }
    }
    Ok(queued)
}

/// Queues a ping to one subscription.
pub fn ping(conn: &mut DbConnection, subscription_id: i64, now: NaiveDateTime) -> AppResult<i64> {
    let data = serde_json::json!({ "message": "Lan Tỏa thử kết nối webhook." });
    insert(conn, subscription_id, WebhookEvent::Ping, &payload(WebhookEvent::Ping, &data, now), None, now)
}

pub fn find_row(conn: &mut DbConnection, id: i64) -> AppResult<DeliveryRow> {
    webhook_deliveries::table
        .find(id)
        .select(DeliveryRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::not_found("lần gửi webhook"))
}

/// Queues the same body again, as a new delivery; returns its id.
pub fn redeliver(conn: &mut DbConnection, original: &DeliveryRow, now: NaiveDateTime) -> AppResult<i64> {
    insert(conn, original.subscription_id, original.event, &original.payload, Some(original.id), now)
}

/// A page of a subscription's deliveries, newest first, and their total.
pub fn log(
    conn: &mut DbConnection,
    subscription_id: i64,
    status: Option<DeliveryStatus>,
    offset: i64,
    limit: i64,
) -> AppResult<(Vec<Delivery>, i64)> {
    let filtered = || {
        let mut query = webhook_deliveries::table
            .filter(webhook_deliveries::subscription_id.eq(subscription_id))
            .into_boxed();
        if let Some(status) = status {
            query = query.filter(webhook_deliveries::status.eq(status));
        }
        query
    };
    let total = filtered().count().get_result(conn)?;
    let rows: Vec<DeliveryRow> = filtered()
        .order(webhook_deliveries::id.desc())
        .offset(offset)
        .limit(limit)
        .select(DeliveryRow::as_select())
        .load(conn)?;
    Ok((rows.into_iter().map(Delivery::from).collect(), total))
}

/// One delivery leased for posting, with what is needed to post it.
#[derive(Debug, Clone)]
pub struct Leased {
    pub id: i64,
    pub event: WebhookEvent,
    pub payload: String,
    pub url: String,
    pub secret: String,
    /// Counting this one.
    pub attempts: i32,
    pub subscription_active: bool,
}

/// Leases up to `limit` due deliveries: each is counted as attempted and held for
/// [`LEASE_SECS`], so no other worker posts it meanwhile. Run it in a short write transaction of
/// its own, and post after it commits.
pub fn lease_due(conn: &mut DbConnection, now: NaiveDateTime, limit: i64) -> AppResult<Vec<Leased>> {
    {
        let ids = queue::pick_due(conn, Queue::WebhookDeliveries, now, limit)?;
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        diesel::update(webhook_deliveries::table.filter(webhook_deliveries::id.eq_any(&ids)))
            .set((
                webhook_deliveries::attempts.eq(webhook_deliveries::attempts + 1),
                webhook_deliveries::locked_until.eq(Some(now + Duration::seconds(LEASE_SECS))),
            ))
            .execute(conn)?;
        let rows: Vec<(i64, WebhookEvent, String, i32, String, String, bool)> = webhook_deliveries::table
            .inner_join(webhook_subscriptions::table)
            .filter(webhook_deliveries::id.eq_any(&ids))
            .order(webhook_deliveries::id.asc())
            .select((
                webhook_deliveries::id,
                webhook_deliveries::event,
                webhook_deliveries::payload,
                webhook_deliveries::attempts,
                webhook_subscriptions::url,
                webhook_subscriptions::secret,
                webhook_subscriptions::active,
            ))
            .load(conn)?;
        Ok(rows
            .into_iter()
            .map(|(id, event, payload, attempts, url, secret, subscription_active)| Leased {
                id,
                event,
                payload,
                url,
                secret,
                attempts,
                subscription_active,
            })
            .collect())
    }
}

/// What came of one attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Delivered { status_code: u16 },
    /// Worth trying again later (an error status, a timeout, a refused connection).
    Failed { status_code: Option<u16>, error: String },
    /// Not worth trying again by itself (the target is not allowed, the subscription is off).
    Refused { error: String },
}

/// Records an attempt's outcome and releases the lease.
pub fn record(
    conn: &mut DbConnection,
    leased: &Leased,
    outcome: &Outcome,
    settings: &WebhookSettings,
    now: NaiveDateTime,
) -> AppResult<()> {
    let target = webhook_deliveries::table.find(leased.id);
    match outcome {
        Outcome::Delivered { status_code } => diesel::update(target)
            .set((
                webhook_deliveries::status.eq(DeliveryStatus::Delivered),
                webhook_deliveries::last_status_code.eq(Some(i32::from(*status_code))),
                webhook_deliveries::last_error.eq(None::<String>),
                webhook_deliveries::delivered_at.eq(Some(now)),
                webhook_deliveries::next_attempt_at.eq(None::<NaiveDateTime>),
                webhook_deliveries::locked_until.eq(None::<NaiveDateTime>),
            ))
            .execute(conn)?,
        Outcome::Failed { status_code, error } => {
            let attempts = u32::try_from(leased.attempts).unwrap_or(u32::MAX);
            let exhausted = attempts >= settings.max_attempts;
            let (status, next) = if exhausted {
                (DeliveryStatus::Failed, None)
            } else {
                (DeliveryStatus::Pending, Some(now + settings.backoff(attempts)))
            };
            diesel::update(target)
                .set((
                    webhook_deliveries::status.eq(status),
                    webhook_deliveries::last_status_code.eq(status_code.map(i32::from)),
                    webhook_deliveries::last_error.eq(Some(error)),
                    webhook_deliveries::next_attempt_at.eq(next),
                    webhook_deliveries::locked_until.eq(None::<NaiveDateTime>),
                ))
                .execute(conn)?
        }
        Outcome::Refused { error } => diesel::update(target)
            .set((
                webhook_deliveries::status.eq(DeliveryStatus::Failed),
                webhook_deliveries::last_status_code.eq(None::<i32>),
                webhook_deliveries::last_error.eq(Some(error)),
                webhook_deliveries::next_attempt_at.eq(None::<NaiveDateTime>),
                webhook_deliveries::locked_until.eq(None::<NaiveDateTime>),
            ))
            .execute(conn)?,
    };
    Ok(())
}
