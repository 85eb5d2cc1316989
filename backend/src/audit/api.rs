//! `GET /api/v1/audit`: the audit log, for administrators and the Office.

use actix_web::{get, web};
use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{AuditAction, EntityType};
use crate::auth::Auth;
use crate::auth::roles::AdminOrOffice;
use crate::db::DbConnection;
use crate::db::schema::audit_log;
use crate::error::{AppError, AppResult};
use crate::http::extract::Query;
use crate::http::pagination::{Page, PageRequest, parse_sort};
use crate::state::AppState;
use crate::time;
use crate::time::Day;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// Only this user's actions.
    pub actor_user_id: Option<i64>,
    /// Only this kind of record.
    pub entity_type: Option<EntityType>,
    /// Only this record (with `entityType`).
    pub entity_id: Option<String>,
    /// Only this action.
    pub action: Option<AuditAction>,
    /// From this day (inclusive, Asia/Ho_Chi_Minh), `YYYY-MM-DD`.
    pub from: Option<Day>,
    /// Up to this day (inclusive, Asia/Ho_Chi_Minh), `YYYY-MM-DD`.
    pub to: Option<Day>,
    /// `occurredAt` or `-occurredAt` (default: newest first).
    pub sort: Option<String>,
    #[param(minimum = 1, default = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 100, default = 20)]
    pub page_size: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AuditEntry {
    pub id: i64,
    pub occurred_at: DateTime<Utc>,
    pub actor_user_id: Option<i64>,
    pub actor_service_account_id: Option<i64>,
    /// Username (or service account name) at the time.
    pub actor_name: String,
    pub action: AuditAction,
    pub entity_type: EntityType,
    pub entity_id: Option<String>,
    /// The record before the change (JSON), when there was one.
    #[schema(value_type = Option<Object>)]
    pub before: Option<serde_json::Value>,
    /// The record after the change (JSON), when there is one.
    #[schema(value_type = Option<Object>)]
    pub after: Option<serde_json::Value>,
    pub request_id: Option<String>,
    pub ip_address: Option<String>,
}

type Row = (
    i64,
    NaiveDateTime,
    Option<i64>,
    Option<i64>,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn filtered<'a>(q: &'a AuditQuery) -> AppResult<audit_log::BoxedQuery<'a, crate::db::DbBackend>> {
    let mut query = audit_log::table.into_boxed();
    if let Some(id) = q.actor_user_id {
        query = query.filter(audit_log::actor_user_id.eq(id));
    }
    if let Some(kind) = q.entity_type {
        query = query.filter(audit_log::entity_type.eq(kind.as_str()));
    }
    if let Some(id) = q.entity_id.as_deref().filter(|s| !s.is_empty()) {
        query = query.filter(audit_log::entity_id.eq(id));
    }
    if let Some(action) = q.action {
        query = query.filter(audit_log::action.eq(action.as_str()));
    }
    if let (Some(from), Some(to)) = (q.from, q.to)
        && from > to
    {
        return Err(AppError::field(
            "from",
            "range",
            "Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.",
        ));
    }
    if let Some(from) = q.from {
        query = query.filter(audit_log::occurred_at.ge(time::local_day_start_utc(*from)));
    }
    if let Some(to) = q.to {
        query = query.filter(
            audit_log::occurred_at.lt(time::local_day_start_utc(*to + chrono::Days::new(1))),
        );
    }
    Ok(query)
}

fn list(
    conn: &mut DbConnection,
    q: &AuditQuery,
    page: PageRequest,
    newest_first: bool,
) -> AppResult<Page<AuditEntry>> {
    let total: i64 = filtered(q)?.count().get_result(conn)?;
    let mut query = filtered(q)?;
    query = if newest_first {
        query.order((audit_log::occurred_at.desc(), audit_log::id.desc()))
    } else {
        query.order((audit_log::occurred_at.asc(), audit_log::id.asc()))
    };
    let rows: Vec<Row> = query.offset(page.offset()).limit(page.limit()).load(conn)?;
    let parse = |text: Option<String>| text.and_then(|t| serde_json::from_str(&t).ok());
    let items = rows
        .into_iter()
        .map(|r| {
            Ok(AuditEntry {
                id: r.0,
                occurred_at: r.1.and_utc(),
                actor_user_id: r.2,
                actor_service_account_id: r.3,
                actor_name: r.4,
                action: AuditAction::from_db(&r.5)?,
                entity_type: EntityType::from_db(&r.6)?,
                entity_id: r.7,
                before: parse(r.8),
                after: parse(r.9),
                request_id: r.10,
                ip_address: r.11,
            })
        })
        .collect::<AppResult<Vec<_>>>()?;
    Ok(page.of(items, total))
}

/// The audit log, newest first, with filters.
///
/// **Quyền:** admin, office.
#[utoipa::path(
    tag = "Nhật ký",
    params(AuditQuery),
    security(("bearer" = ["admin", "office"])),
    responses((status = 200, body = Page<AuditEntry>))
)]
#[get("/audit")]
pub async fn list_audit(
    _auth: Auth<AdminOrOffice>,
    state: web::Data<AppState>,
    Query(q): Query<AuditQuery>,
) -> AppResult<web::Json<Page<AuditEntry>>> {
    let page = PageRequest::new(q.page, q.page_size)?;
    let (_, descending) = parse_sort(q.sort.as_deref(), &[("occurredAt", ())], ((), true))?;
    let page = state
        .db
        .run(move |conn| list(conn, &q, page, descending))
        .await?;
    Ok(web::Json(page))
}
