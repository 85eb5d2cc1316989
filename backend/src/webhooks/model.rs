//! Webhook subscriptions: a URL, the events it wants, a secret to sign with, and whether it is
//! active. The secret is shown once, when it is made.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::allow_list::AllowList;
use super::events::WebhookEvent;
use crate::db::DbConnection;
use crate::db::schema::{webhook_deliveries, webhook_subscriptions};
use crate::error::{AppError, AppResult, FieldError};
use crate::http::etag::IfMatch;
use crate::versioned_update;

#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SubscriptionInput {
    /// Who receives it (`Hệ thống báo cáo của Sở Nội vụ`).
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200, example = "Hệ thống báo cáo Sở Nội vụ")]
    pub name: String,
    /// `https://…` (or `http://`), on a host of `LANTOA_WEBHOOK_ALLOWED_HOSTS`.
    #[validate(length(min = 1, max = 2000))]
    #[schema(min_length = 1, max_length = 2000, example = "https://hooks.snv.dongthap.gov.vn/lantoa")]
    pub url: String,
    /// The events to receive (not `ping`, which is sent on demand).
    #[validate(length(min = 1, max = 10, message = "Chọn từ 1 đến 10 sự kiện."))]
    #[schema(min_items = 1, max_items = 10)]
    pub events: Vec<WebhookEvent>,
    /// Inactive subscriptions receive nothing.
    pub active: bool,
}

impl SubscriptionInput {
    pub fn normalized(mut self) -> Self {
        self.name = self.name.trim().to_owned();
        self.url = self.url.trim().to_owned();
        self.events.sort_by_key(|e| e.as_str());
        self.events.dedup();
        self
    }

    /// The URL parsed and checked against the allow-list (without resolving it), and the other
    /// cross-field problems.
    pub fn checked_url(&self, allow_list: &AllowList) -> Result<reqwest::Url, Vec<FieldError>> {
        let mut errors: Vec<FieldError> = self
            .events
            .iter()
            .enumerate()
            .filter(|(_, e)| !e.subscribable())
            .map(|(i, _)| FieldError::new(format!("events[{i}]"), "not_subscribable", "Sự kiện ping chỉ gửi khi thử kết nối."))
            .collect();
        let url = match reqwest::Url::parse(&self.url) {
            Ok(url) => match allow_list.check_url(&url) {
                Ok(()) => Some(url),
                Err(refusal) => {
                    errors.push(FieldError::new("url", "host_not_allowed", refusal.0));
                    None
                }
            },
            Err(_) => {
                errors.push(FieldError::new("url", "invalid_url", "Địa chỉ web không hợp lệ."));
                None
            }
        };
        match url {
            Some(url) if errors.is_empty() => Ok(url),
            _ => Err(errors),
        }
    }
}

/// How a subscription's deliveries stand.
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DeliveryCounts {
    pub pending: i64,
    pub delivered: i64,
    pub failed: i64,
    pub last_delivered_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Subscription {
    pub id: i64,
    pub name: String,
    pub url: String,
    pub events: Vec<WebhookEvent>,
    pub active: bool,
    pub created_by: Option<i64>,
    pub deliveries: DeliveryCounts,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A new subscription or a new secret: the only time the secret is shown.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SubscriptionWithSecret {
    pub subscription: Subscription,
    /// Keep it: it is never shown again. Verify `X-LanToa-Signature` with it.
    pub secret: String,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = webhook_subscriptions)]
pub struct SubscriptionRow {
    pub id: i64,
    pub name: String,
    pub url: String,
    pub events: String,
    pub secret: String,
    pub active: bool,
    pub created_by: Option<i64>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

fn new_secret() -> String {
    format!("whsec_{}", crate::auth::tokens::random_token(32))
}

fn counts(conn: &mut DbConnection, id: i64) -> AppResult<DeliveryCounts> {
    let rows: Vec<(String, Option<NaiveDateTime>)> = webhook_deliveries::table
        .filter(webhook_deliveries::subscription_id.eq(id))
        .select((webhook_deliveries::status, webhook_deliveries::delivered_at))
        .load(conn)?;
    let mut out = DeliveryCounts::default();
    for (status, delivered_at) in rows {
        match status.as_str() {
            "pending" => out.pending += 1,
            "delivered" => out.delivered += 1,
            _ => out.failed += 1,
        }
        if let Some(at) = delivered_at {
            let at = at.and_utc();
            out.last_delivered_at = Some(out.last_delivered_at.map_or(at, |t| t.max(at)));
        }
    }
    Ok(out)
}

pub fn to_dto(conn: &mut DbConnection, row: SubscriptionRow) -> AppResult<Subscription> {
    Ok(Subscription {
        deliveries: counts(conn, row.id)?,
        id: row.id,
        name: row.name,
        url: row.url,
        events: WebhookEvent::parse_list(&row.events),
        active: row.active,
        created_by: row.created_by,
        version: row.version,
        created_at: row.created_at.and_utc(),
        updated_at: row.updated_at.and_utc(),
    })
}

pub fn find_row(conn: &mut DbConnection, id: i64) -> AppResult<SubscriptionRow> {
    webhook_subscriptions::table
        .find(id)
        .select(SubscriptionRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::not_found("đăng ký webhook"))
}

pub fn load(conn: &mut DbConnection, id: i64) -> AppResult<Subscription> {
    let row = find_row(conn, id)?;
    to_dto(conn, row)
}

pub fn list(conn: &mut DbConnection) -> AppResult<Vec<Subscription>> {
    let rows: Vec<SubscriptionRow> = webhook_subscriptions::table
        .order(webhook_subscriptions::id.asc())
        .select(SubscriptionRow::as_select())
        .load(conn)?;
    rows.into_iter().map(|row| to_dto(conn, row)).collect()
}

/// Creates a subscription; returns its id and its secret.
pub fn insert(
    conn: &mut DbConnection,
    input: &SubscriptionInput,
    created_by: Option<i64>,
    now: NaiveDateTime,
) -> AppResult<(i64, String)> {
    let secret = new_secret();
    let id = diesel::insert_into(webhook_subscriptions::table)
        .values((
            webhook_subscriptions::name.eq(&input.name),
            webhook_subscriptions::url.eq(&input.url),
            webhook_subscriptions::events.eq(WebhookEvent::join(&input.events)),
            webhook_subscriptions::secret.eq(&secret),
            webhook_subscriptions::active.eq(input.active),
            webhook_subscriptions::created_by.eq(created_by),
            webhook_subscriptions::version.eq(1),
            webhook_subscriptions::created_at.eq(now),
            webhook_subscriptions::updated_at.eq(now),
        ))
        .returning(webhook_subscriptions::id)
        .get_result(conn)?;
    Ok((id, secret))
}

pub fn update(
    conn: &mut DbConnection,
    current: &SubscriptionRow,
    if_match: IfMatch,
    now: NaiveDateTime,
    input: &SubscriptionInput,
) -> AppResult<()> {
    let expected = if_match.expect(current.version)?;
    versioned_update!(
        conn,
        webhook_subscriptions,
        current.id,
        expected,
        now,
        (
            webhook_subscriptions::name.eq(&input.name),
            webhook_subscriptions::url.eq(&input.url),
            webhook_subscriptions::events.eq(WebhookEvent::join(&input.events)),
            webhook_subscriptions::active.eq(input.active),
        )
    )?;
    Ok(())
}

/// Replaces the secret; returns the new one.
pub fn rotate_secret(
    conn: &mut DbConnection,
    current: &SubscriptionRow,
    if_match: IfMatch,
    now: NaiveDateTime,
) -> AppResult<String> {
    let expected = if_match.expect(current.version)?;
    let secret = new_secret();
    versioned_update!(
        conn,
        webhook_subscriptions,
        current.id,
        expected,
        now,
        (webhook_subscriptions::secret.eq(&secret))
    )?;
    Ok(secret)
}
