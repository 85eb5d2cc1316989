//! `/api/v1/webhooks`: subscriptions of provincial systems, their delivery log, pings and
//! redeliveries. Administrators only.

use actix_web::http::StatusCode;
use actix_web::http::header::{CACHE_CONTROL, HeaderValue};
use actix_web::{HttpResponse, get, post, put, web};
use serde::Deserialize;
use utoipa::IntoParams;

use super::deliveries::{self, Delivery, DeliveryStatus};
use super::model::{self, Subscription, SubscriptionInput, SubscriptionWithSecret};
use crate::audit::{self, AuditContext};
use crate::auth::Auth;
use crate::auth::roles::AdminOnly;
use crate::error::{AppError, AppResult};
use crate::http::etag::{IfMatch, json_with_etag};
use crate::http::extract::{Json, Query};
use crate::http::pagination::{Page, PageRequest};
use crate::http::validation::validate_with;
use crate::state::AppState;

/// Validates the body, then checks the URL against the allow-list and resolves it (outside any
/// transaction: a slow name server holds no connection).
async fn checked(state: &AppState, input: SubscriptionInput) -> AppResult<SubscriptionInput> {
    let input = input.normalized();
    let allow_list = &state.settings.delivery.webhooks.allow_list;
    let (url, errors) = match input.checked_url(allow_list) {
        Ok(url) => (Some(url), Vec::new()),
        Err(errors) => (None, errors),
    };
    validate_with(&input, errors)?;
    if let Some(url) = url
        && input.active
        && let Err(refusal) = allow_list.resolve(&url).await
    {
        return Err(AppError::field("url", "host_not_allowed", refusal.0));
    }
    Ok(input)
}

fn with_secret(status: StatusCode, body: &SubscriptionWithSecret) -> HttpResponse {
    let mut response = json_with_etag(status, body.subscription.version, body);
    response
        .headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Every subscription with its delivery counts (the secret is never shown again).
///
/// **Quyền:** admin.
#[utoipa::path(
    tag = "Webhook",
    security(("bearer" = ["admin"])),
    responses((status = 200, body = Vec<Subscription>))
)]
#[get("/webhooks")]
pub async fn list_webhooks(
    _auth: Auth<AdminOnly>,
    state: web::Data<AppState>,
) -> AppResult<web::Json<Vec<Subscription>>> {
    Ok(web::Json(state.db.run(model::list).await?))
}

/// Subscribes a URL to events. The answer carries the signing secret, shown this once. The URL's
/// host must be allowed (`LANTOA_WEBHOOK_ALLOWED_HOSTS`) and, for an active subscription, resolve
/// to public addresses or to addresses the list names.
///
/// **Quyền:** admin.
#[utoipa::path(
    tag = "Webhook",
    request_body = SubscriptionInput,
    security(("bearer" = ["admin"])),
    responses((status = 201, body = SubscriptionWithSecret, headers(("ETag" = String))))
)]
#[post("/webhooks")]
pub async fn create_webhook(
    auth: Auth<AdminOnly>,
    state: web::Data<AppState>,
    Json(input): Json<SubscriptionInput>,
) -> AppResult<HttpResponse> {
    let input = checked(&state, input).await?;
    let ctx = AuditContext::from(&auth);
    let created_by = auth.principal.user_id();
    let created = state
        .db
        .transaction(move |conn| {
            let (id, secret) = model::insert(conn, &input, created_by, ctx.at)?;
            let subscription = model::load(conn, id)?;
            audit::record(
                conn,
                &ctx,
                audit::AuditAction::Create,
                audit::EntityType::WebhookSubscription,
                Some(id),
                None,
                audit::snapshot(&subscription),
            )?;
            Ok(SubscriptionWithSecret {
                subscription,
                secret,
            })
        })
        .await?;
    Ok(with_secret(StatusCode::CREATED, &created))
}

/// One subscription.
///
/// **Quyền:** admin.
#[utoipa::path(
    tag = "Webhook",
    params(("id" = i64, Path, description = "Subscription id")),
    security(("bearer" = ["admin"])),
    responses((status = 200, body = Subscription, headers(("ETag" = String))))
)]
#[get("/webhooks/{id}")]
pub async fn get_webhook(
    _auth: Auth<AdminOnly>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let subscription = state.db.run(move |conn| model::load(conn, id)).await?;
    Ok(json_with_etag(
        StatusCode::OK,
        subscription.version,
        &subscription,
    ))
}

/// Changes a subscription (name, URL, events, active). Requires `If-Match`.
///
/// **Quyền:** admin.
#[utoipa::path(
    tag = "Webhook",
    request_body = SubscriptionInput,
    params(("id" = i64, Path, description = "Subscription id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["admin"])),
    responses((status = 200, body = Subscription, headers(("ETag" = String))))
)]
#[put("/webhooks/{id}")]
pub async fn update_webhook(
    auth: Auth<AdminOnly>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(input): Json<SubscriptionInput>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    // An unknown subscription is a 404 before any complaint about the body.
    state
        .db
        .run(move |conn| model::find_row(conn, id).map(|_| ()))
        .await?;
    let input = checked(&state, input).await?;
    let ctx = AuditContext::from(&auth);
    let subscription = state
        .db
        .transaction(move |conn| {
            let row = model::find_row(conn, id)?;
            let before = model::to_dto(conn, row.clone())?;
            model::update(conn, &row, if_match, ctx.at, &input)?;
            let after = model::load(conn, id)?;
            audit::record(
                conn,
                &ctx,
                audit::AuditAction::Update,
                audit::EntityType::WebhookSubscription,
                Some(id),
                audit::snapshot(&before),
                audit::snapshot(&after),
            )?;
            Ok(after)
        })
        .await?;
    Ok(json_with_etag(
        StatusCode::OK,
        subscription.version,
        &subscription,
    ))
}

/// Replaces the signing secret; the new one is shown this once. Requires `If-Match`.
///
/// **Quyền:** admin.
#[utoipa::path(
    tag = "Webhook",
    params(("id" = i64, Path, description = "Subscription id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["admin"])),
    responses((status = 200, body = SubscriptionWithSecret, headers(("ETag" = String))))
)]
#[post("/webhooks/{id}/rotate-secret")]
pub async fn rotate_webhook_secret(
    auth: Auth<AdminOnly>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let ctx = AuditContext::from(&auth);
    let rotated = state
        .db
        .transaction(move |conn| {
            let row = model::find_row(conn, id)?;
            let secret = model::rotate_secret(conn, &row, if_match, ctx.at)?;
            let subscription = model::load(conn, id)?;
            audit::record(
                conn,
                &ctx,
                audit::AuditAction::RotateSecret,
                audit::EntityType::WebhookSubscription,
                Some(id),
                None,
                audit::snapshot(&subscription),
            )?;
            Ok(SubscriptionWithSecret {
                subscription,
                secret,
            })
        })
        .await?;
    Ok(with_secret(StatusCode::OK, &rotated))
}

/// Queues a `ping` to an active subscription (sent by the next scheduler pass); follow it in the
/// delivery log.
///
/// **Quyền:** admin.
#[utoipa::path(
    tag = "Webhook",
    params(("id" = i64, Path, description = "Subscription id")),
    security(("bearer" = ["admin"])),
    responses(
        (status = 202, body = Delivery),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/webhooks/{id}/ping")]
pub async fn ping_webhook(
    auth: Auth<AdminOnly>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let ctx = AuditContext::from(&auth);
    let delivery = state
        .db
        .transaction(move |conn| {
            let row = model::find_row(conn, id)?;
            if !row.active {
                return Err(AppError::new(crate::error::ErrorCode::Conflict)
                    .with_detail("Đăng ký webhook đang tắt; hãy bật lại trước khi thử kết nối."));
            }
            let delivery = deliveries::ping(conn, id, ctx.at)?;
            audit::record(
                conn,
                &ctx,
                audit::AuditAction::Ping,
                audit::EntityType::WebhookSubscription,
                Some(id),
                None,
                None,
            )?;
            Ok(Delivery::from(deliveries::find_row(conn, delivery)?))
        })
        .await?;
    Ok(HttpResponse::Accepted().json(delivery))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct DeliveryQuery {
    pub status: Option<DeliveryStatus>,
    #[param(minimum = 1, default = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 100, default = 20)]
    pub page_size: Option<i64>,
}

/// A subscription's delivery log, newest first: status, attempts, next attempt, last answer or
/// error.
///
/// **Quyền:** admin.
#[utoipa::path(
    tag = "Webhook",
    params(("id" = i64, Path, description = "Subscription id"), DeliveryQuery),
    security(("bearer" = ["admin"])),
    responses((status = 200, body = Page<Delivery>))
)]
#[get("/webhooks/{id}/deliveries")]
pub async fn list_webhook_deliveries(
    _auth: Auth<AdminOnly>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    Query(q): Query<DeliveryQuery>,
) -> AppResult<web::Json<Page<Delivery>>> {
    let id = id.into_inner();
    let page = PageRequest::new(q.page, q.page_size)?;
    let result = state
        .db
        .run(move |conn| {
            model::find_row(conn, id)?;
            let (items, total) = deliveries::log(conn, id, q.status, page.offset(), page.limit())?;
            Ok(page.of(items, total))
        })
        .await?;
    Ok(web::Json(result))
}

/// Sends a delivery's body again, as a new delivery (its `redeliveryOf` names the original).
///
/// **Quyền:** admin.
#[utoipa::path(
    tag = "Webhook",
    params(("id" = i64, Path, description = "Delivery id")),
    security(("bearer" = ["admin"])),
    responses((status = 201, body = Delivery))
)]
#[post("/webhook-deliveries/{id}/redeliver")]
pub async fn redeliver_webhook(
    auth: Auth<AdminOnly>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let ctx = AuditContext::from(&auth);
    let delivery = state
        .db
        .transaction(move |conn| {
            let original = deliveries::find_row(conn, id)?;
            let again = deliveries::redeliver(conn, &original, ctx.at)?;
            audit::record(
                conn,
                &ctx,
                audit::AuditAction::Redeliver,
                audit::EntityType::WebhookSubscription,
                Some(original.subscription_id),
                None,
                audit::snapshot(&serde_json::json!({ "delivery": id, "redelivery": again })),
            )?;
            Ok(Delivery::from(deliveries::find_row(conn, again)?))
        })
        .await?;
    Ok(HttpResponse::Created().json(delivery))
}

pub fn configure(cfg: &mut impl crate::http::routes::Routes) {
    cfg.service(list_webhooks)
        .service(create_webhook)
        .service(get_webhook)
        .service(update_webhook)
        .service(rotate_webhook_secret)
        .service(ping_webhook)
        .service(list_webhook_deliveries)
        .service(redeliver_webhook);
}
