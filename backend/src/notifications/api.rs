//! `/api/v1/notifications`: the caller's own notifications.

use actix_web::{HttpResponse, get, post, web};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::model::{self, Notification};
use crate::auth::roles::People;
use crate::auth::{Auth, Principal};
use crate::error::{AppError, AppResult};
use crate::http::extract::{Json, Query};
use crate::http::pagination::PageRequest;
use crate::http::validation::validate;
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct NotificationQuery {
    /// `true`: unread ones only.
    pub unread: Option<bool>,
    #[param(minimum = 1, default = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 100, default = 20)]
    pub page_size: Option<i64>,
}

/// A page of notifications, newest first, with the unread count for the bell.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NotificationPage {
    pub items: Vec<Notification>,
    /// Matching notifications across all pages.
    pub total: i64,
    pub unread_count: i64,
    pub page: i64,
    pub page_size: i64,
}

/// How many notifications the caller has not read.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct UnreadCount {
    pub unread_count: i64,
}

fn me(principal: &Principal) -> AppResult<i64> {
    principal.user_id().ok_or_else(AppError::forbidden)
}

/// The caller's notifications.
///
/// **Quyền:** mọi người dùng (thông báo của chính mình).
#[utoipa::path(
    tag = "Thông báo",
    params(NotificationQuery),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
    responses((status = 200, body = NotificationPage))
)]
#[get("/notifications")]
pub async fn list_notifications(
    auth: Auth<People>,
    state: web::Data<AppState>,
    Query(q): Query<NotificationQuery>,
) -> AppResult<web::Json<NotificationPage>> {
    let user = me(&auth.principal)?;
    let page = PageRequest::new(q.page, q.page_size)?;
    let only_unread = q.unread.unwrap_or(false);
    let result = state
        .db
        .run(move |conn| {
            let (items, total) =
                model::inbox(conn, user, only_unread, page.offset(), page.limit())?;
            let unread_count = model::unread_count(conn, user)?;
            Ok(NotificationPage {
                items,
                total,
                unread_count,
                page: page.page,
                page_size: page.page_size,
            })
        })
        .await?;
    Ok(web::Json(result))
}

/// The number on the bell.
///
/// **Quyền:** mọi người dùng.
#[utoipa::path(
    tag = "Thông báo",
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
    responses((status = 200, body = UnreadCount))
)]
#[get("/notifications/unread-count")]
pub async fn notification_count(
    auth: Auth<People>,
    state: web::Data<AppState>,
) -> AppResult<web::Json<UnreadCount>> {
    let user = me(&auth.principal)?;
    let unread_count = state
        .db
        .run(move |conn| model::unread_count(conn, user))
        .await?;
    Ok(web::Json(UnreadCount { unread_count }))
}

/// Which of the caller's notifications to mark read.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MarkRead {
    #[validate(length(min = 1, max = 100, message = "Chọn từ 1 đến 100 thông báo."))]
    #[schema(min_items = 1, max_items = 100)]
    pub ids: Vec<i64>,
}

/// Marks some of the caller's notifications read (those already read keep their time). An id
/// that is not the caller's is not found, and nothing is marked.
///
/// **Quyền:** mọi người dùng (thông báo của chính mình).
#[utoipa::path(
    tag = "Thông báo",
    request_body = MarkRead,
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
    responses(
        (status = 200, body = UnreadCount),
        (status = 404, response = crate::openapi::NotFound),
    )
)]
#[post("/notifications/read")]
pub async fn mark_notifications_read(
    auth: Auth<People>,
    state: web::Data<AppState>,
    Json(input): Json<MarkRead>,
) -> AppResult<web::Json<UnreadCount>> {
    validate(&input)?;
    let user = me(&auth.principal)?;
    let at = state.clock.now_naive();
    let unread_count = state
        .db
        .transaction(move |conn| {
            model::mark_read(conn, user, &input.ids, at)?;
            model::unread_count(conn, user)
        })
        .await?;
    Ok(web::Json(UnreadCount { unread_count }))
}

/// Marks every notification of the caller read.
///
/// **Quyền:** mọi người dùng.
#[utoipa::path(
    tag = "Thông báo",
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
    responses((status = 204, description = "Đã đánh dấu tất cả là đã đọc"))
)]
#[post("/notifications/read-all")]
pub async fn mark_all_notifications_read(
    auth: Auth<People>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let user = me(&auth.principal)?;
    let at = state.clock.now_naive();
    state
        .db
        .transaction(move |conn| model::mark_all_read(conn, user, at))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

pub fn configure(cfg: &mut impl crate::http::routes::Routes) {
    cfg.service(list_notifications)
        .service(notification_count)
        .service(mark_all_notifications_read)
        .service(mark_notifications_read);
}
