//! `/api/v1/service-accounts`: credentials for provincial systems and scripts (admin only).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, post, put, web};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::model::{self, ServiceAccount, ServiceAccountInput};
use crate::audit::{self, AuditContext};
use crate::auth::roles::AdminOnly;
use crate::auth::{Auth, refresh_cookie};
use crate::error::AppResult;
use crate::http::etag::{IfMatch, json_with_etag};
use crate::http::extract::{Json, Query};
use crate::http::pagination::{Page, PageRequest};
use crate::http::validation::validate;
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct ServiceAccountQuery {
    #[param(minimum = 1, default = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 100, default = 20)]
    pub page_size: Option<i64>,
}

/// A service account with its secret, shown only in this response (`Cache-Control: no-store`).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ServiceAccountWithSecret {
    pub account: ServiceAccount,
    /// Keep it safe: it cannot be shown again (rotate it if lost).
    pub client_secret: String,
}

/// Service accounts, by name.
///
/// **Quyền:** admin.
#[utoipa::path(
    tag = "Tài khoản tích hợp",
    params(ServiceAccountQuery),
    security(("bearer" = ["admin"])),
    responses((status = 200, body = Page<ServiceAccount>))
)]
#[get("/service-accounts")]
pub async fn list_service_accounts(
    _auth: Auth<AdminOnly>,
    state: web::Data<AppState>,
    Query(q): Query<ServiceAccountQuery>,
) -> AppResult<web::Json<Page<ServiceAccount>>> {
    let page = PageRequest::new(q.page, q.page_size)?;
    let (items, total) = state
        .db
        .run(move |conn| model::list(conn, page.offset(), page.limit()))
        .await?;
    Ok(web::Json(page.of(items, total)))
}

/// Creates a service account and returns its secret (once).
///
/// **Quyền:** admin.
#[utoipa::path(
    tag = "Tài khoản tích hợp",
    request_body = ServiceAccountInput,
    security(("bearer" = ["admin"])),
    responses((status = 201, body = ServiceAccountWithSecret), (status = 409, response = crate::openapi::Conflict))
)]
#[post("/service-accounts")]
pub async fn create_service_account(
    auth: Auth<AdminOnly>,
    state: web::Data<AppState>,
    Json(input): Json<ServiceAccountInput>,
) -> AppResult<HttpResponse> {
    let input = input.normalized();
    validate(&input)?;
    let ctx = AuditContext::from(&auth);
    let created_by = auth.user_id();
    let now = state.clock.now_naive();
    let result = state
        .db
        .transaction(move |conn| {
            let (id, secret) = model::insert(conn, &input, created_by, now)?;
            let account = model::find(conn, id)?;
            audit::record(
                conn,
                &ctx,
                audit::AuditAction::Create,
                audit::EntityType::ServiceAccount,
                Some(id),
                None,
                audit::snapshot(&account),
            )?;
            Ok(ServiceAccountWithSecret {
                account,
                client_secret: secret,
            })
        })
        .await?;
    let mut response = json_with_etag(StatusCode::CREATED, result.account.version, &result);
    refresh_cookie::mark_no_store(&mut response);
    Ok(response)
}

/// One service account.
///
/// **Quyền:** admin.
#[utoipa::path(
    tag = "Tài khoản tích hợp",
    params(("id" = i64, Path, description = "Service account id")),
    security(("bearer" = ["admin"])),
    responses((status = 200, body = ServiceAccount, headers(("ETag" = String))))
)]
#[get("/service-accounts/{id}")]
pub async fn get_service_account(
    _auth: Auth<AdminOnly>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let account = state.db.run(move |conn| model::find(conn, id)).await?;
    Ok(json_with_etag(StatusCode::OK, account.version, &account))
}

/// Renames a service account or changes its scopes. Requires `If-Match`.
///
/// **Quyền:** admin.
#[utoipa::path(
    tag = "Tài khoản tích hợp",
    request_body = ServiceAccountInput,
    params(("id" = i64, Path, description = "Service account id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["admin"])),
    responses(
        (status = 200, body = ServiceAccount, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[put("/service-accounts/{id}")]
pub async fn update_service_account(
    auth: Auth<AdminOnly>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(input): Json<ServiceAccountInput>,
) -> AppResult<HttpResponse> {
    let input = input.normalized();
    validate(&input)?;
    let id = id.into_inner();
    let ctx = AuditContext::from(&auth);
    let now = state.clock.now_naive();
    let account = state
        .db
        .transaction(move |conn| {
            let current = model::find(conn, id)?;
            model::update(conn, &current, if_match, &input, now)?;
            let account = model::find(conn, id)?;
            audit::record(
                conn,
                &ctx,
                audit::AuditAction::Update,
                audit::EntityType::ServiceAccount,
                Some(id),
                audit::snapshot(&current),
                audit::snapshot(&account),
            )?;
            Ok(account)
        })
        .await?;
    // Sessions or accounts changed: tokens must be checked against the database again.
    state.principals.clear();
    Ok(json_with_etag(StatusCode::OK, account.version, &account))
}

/// Revokes a service account: no new tokens, and its current tokens stop working. Requires `If-Match`.
///
/// **Quyền:** admin.
#[utoipa::path(
    tag = "Tài khoản tích hợp",
    params(("id" = i64, Path, description = "Service account id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["admin"])),
    responses(
        (status = 200, body = ServiceAccount, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/service-accounts/{id}/revoke")]
pub async fn revoke_service_account(
    auth: Auth<AdminOnly>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let ctx = AuditContext::from(&auth);
    let now = state.clock.now_naive();
    let account = state
        .db
        .transaction(move |conn| {
            let current = model::find(conn, id)?;
            model::revoke(conn, &current, if_match, now)?;
            let account = model::find(conn, id)?;
            audit::record(
                conn,
                &ctx,
                audit::AuditAction::Revoke,
                audit::EntityType::ServiceAccount,
                Some(id),
                audit::snapshot(&current),
                audit::snapshot(&account),
            )?;
            Ok(account)
        })
        .await?;
    // Sessions or accounts changed: tokens must be checked against the database again.
    state.principals.clear();
    Ok(json_with_etag(StatusCode::OK, account.version, &account))
}

/// Issues a new secret (shown once); the old one and every access token issued with it stop
/// working at once (on other servers within 5 s). Requires `If-Match`.
///
/// **Quyền:** admin.
#[utoipa::path(
    tag = "Tài khoản tích hợp",
    params(("id" = i64, Path, description = "Service account id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["admin"])),
    responses(
        (status = 200, body = ServiceAccountWithSecret),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/service-accounts/{id}/rotate-secret")]
pub async fn rotate_service_account_secret(
    auth: Auth<AdminOnly>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let ctx = AuditContext::from(&auth);
    let now = state.clock.now_naive();
    let result = state
        .db
        .transaction(move |conn| {
            let current = model::find(conn, id)?;
            let secret = model::rotate_secret(conn, &current, if_match, now)?;
            let account = model::find(conn, id)?;
            audit::record(
                conn,
                &ctx,
                audit::AuditAction::RotateSecret,
                audit::EntityType::ServiceAccount,
                Some(id),
                None,
                None,
            )?;
            Ok(ServiceAccountWithSecret {
                account,
                client_secret: secret,
            })
        })
        .await?;
    // Sessions or accounts changed: tokens must be checked against the database again.
    state.principals.clear();
    let mut response = json_with_etag(StatusCode::OK, result.account.version, &result);
    refresh_cookie::mark_no_store(&mut response);
    Ok(response)
}

pub fn configure(cfg: &mut impl crate::http::routes::Routes) {
    cfg.service(list_service_accounts)
        .service(create_service_account)
        .service(get_service_account)
        .service(update_service_account)
        .service(revoke_service_account)
        .service(rotate_service_account_secret);
}
