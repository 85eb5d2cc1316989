//! `/api/v1/users`: accounts, managed by the administrator.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, get, post, put, web};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::model::{self, NewUserInput, User, UserFilter, UserInput, UserSort};
use crate::audit::{self, AuditContext};
use crate::auth::roles::{AdminOnly, ReadUsers};
use crate::auth::{Auth, Role, password, policy, sessions, tokens};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::http::etag::{IfMatch, json_with_etag};
use crate::http::extract::{Json, Query};
use crate::http::pagination::{Page, PageRequest, parse_sort};
use crate::http::validation::{validate, validate_with};
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct UserQuery {
    /// Search username, full name and email, ignoring case and diacritics.
    pub q: Option<String>,
    pub role: Option<Role>,
    pub unit_id: Option<i64>,
    /// `true`: active only; `false`: deactivated only; omitted: all.
    pub active: Option<bool>,
    /// `fullName` (default: by given name, then full name, ignoring case and diacritics, as in
    /// Vietnamese lists), `username`, `createdAt`, `lastLoginAt`; prefix `-` for descending.
    pub sort: Option<String>,
    #[param(minimum = 1, default = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 100, default = 20)]
    pub page_size: Option<i64>,
}

/// Users, filtered, searched and paginated.
///
/// **Quyền:** admin, leader, office: mọi đơn vị; unit_head: đơn vị mình; tài khoản tích hợp cần phạm vi `users:read`.
#[utoipa::path(
    tag = "Người dùng",
    params(UserQuery),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "integration"])),
    responses((status = 200, body = Page<User>))
)]
#[get("/users")]
pub async fn list_users(
    auth: Auth<ReadUsers>,
    state: web::Data<AppState>,
    Query(q): Query<UserQuery>,
) -> AppResult<web::Json<Page<User>>> {
    let page = PageRequest::new(q.page, q.page_size)?;
    let sort = parse_sort(
        q.sort.as_deref(),
        &[
            ("fullName", UserSort::FullName),
            ("username", UserSort::Username),
            ("createdAt", UserSort::CreatedAt),
            ("lastLoginAt", UserSort::LastLoginAt),
        ],
        (UserSort::FullName, false),
    )?;
    let filter = UserFilter {
        q: q.q,
        role: q.role,
        unit_id: q.unit_id,
        active: q.active,
        restrict_unit: policy::unit_restriction(&auth),
    };
    let (items, total) = state
        .db
        .run(move |conn| model::list(conn, &filter, page.offset(), page.limit(), sort))
        .await?;
    Ok(web::Json(page.of(items, total)))
}

/// One user.
///
/// **Quyền:** admin, leader, office; unit_head: người dùng đơn vị mình; tài khoản tích hợp cần `users:read`.
#[utoipa::path(
    tag = "Người dùng",
    params(("id" = i64, Path, description = "User id")),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "integration"])),
    responses((status = 200, body = User, headers(("ETag" = String))))
)]
#[get("/users/{id}")]
pub async fn get_user(
    auth: Auth<ReadUsers>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let user = state.db.run(move |conn| model::find(conn, id)).await?;
    policy::ensure_unit(&auth, user.unit.as_ref().map(|u| u.id))?;
    Ok(json_with_etag(StatusCode::OK, user.version, &user))
}

/// A new user and the temporary password to give them (shown once).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct UserWithPassword {
    pub user: User,
    /// Must be changed at the first sign-in.
    pub temporary_password: String,
}

async fn hash_blocking(password: String) -> AppResult<String> {
    web::block(move || password::hash(&password))
        .await
        .map_err(AppError::internal)?
}

/// Creates a user with a temporary password (given, or generated and returned once).
///
/// **Quyền:** admin.
#[utoipa::path(
    tag = "Người dùng",
    request_body = NewUserInput,
    security(("bearer" = ["admin"])),
    responses(
        (status = 201, body = UserWithPassword, headers(("ETag" = String), ("Location" = String))),
        (status = 409, response = crate::openapi::Conflict)
    )
)]
#[post("/users")]
pub async fn create_user(
    auth: Auth<AdminOnly>,
    state: web::Data<AppState>,
    Json(input): Json<NewUserInput>,
) -> AppResult<HttpResponse> {
    let input = input.normalized();
    validate_with(&input, input.extra_errors())?;
    let temporary = input
        .temporary_password
        .clone()
        .unwrap_or_else(tokens::temporary_password);
    let hash = hash_blocking(temporary.clone()).await?;
    let ctx = AuditContext::from(&auth);
    let user = state
        .db
        .transaction(move |conn| {
            let id = model::insert(conn, ctx.at, &input, &hash, true)?;
            let user = model::find(conn, id)?;
            audit::record(
                conn,
                &ctx,
                audit::AuditAction::Create,
                audit::EntityType::User,
                Some(id),
                None,
                audit::snapshot(&user),
            )?;
            Ok(user)
        })
        .await?;
    let mut response = json_with_etag(
        StatusCode::CREATED,
        user.version,
        &UserWithPassword {
            user: user.clone(),
            temporary_password: temporary,
        },
    );
    if let Ok(location) = header::HeaderValue::from_str(&format!("/api/v1/users/{}", user.id)) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}

/// Changes a user's name, contacts, role or unit. Requires `If-Match`.
///
/// **Quyền:** admin.
#[utoipa::path(
    tag = "Người dùng",
    request_body = UserInput,
    params(("id" = i64, Path, description = "User id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["admin"])),
    responses(
        (status = 200, body = User, headers(("ETag" = String))),
    )
)]
#[put("/users/{id}")]
pub async fn update_user(
    auth: Auth<AdminOnly>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(input): Json<UserInput>,
) -> AppResult<HttpResponse> {
    let input = input.normalized();
    validate(&input)?;
    let id = id.into_inner();
    if auth.user_id() == Some(id) && input.role != Role::Admin {
        return Err(AppError::field(
            "role",
            "self",
            "Không thể tự bỏ vai trò quản trị của mình.",
        ));
    }
    let ctx = AuditContext::from(&auth);
    let user = state
        .db
        .transaction(move |conn| {
            let current = model::find(conn, id)?;
            model::update(conn, &current, if_match, ctx.at, &input)?;
            let user = model::find(conn, id)?;
            audit::record(
                conn,
                &ctx,
                audit::AuditAction::Update,
                audit::EntityType::User,
                Some(id),
                audit::snapshot(&current),
                audit::snapshot(&user),
            )?;
            Ok(user)
        })
        .await?;
    // Sessions or accounts changed: tokens must be checked against the database again.
    state.principals.clear();
    Ok(json_with_etag(StatusCode::OK, user.version, &user))
}

async fn set_active(
    auth: Auth<AdminOnly>,
    state: web::Data<AppState>,
    id: i64,
    if_match: IfMatch,
    active: bool,
) -> AppResult<HttpResponse> {
    if !active && auth.user_id() == Some(id) {
        return Err(AppError::new(ErrorCode::CannotDeactivateSelf)
            .with_detail("Bạn không thể tự khóa tài khoản của mình."));
    }
    let ctx = AuditContext::from(&auth);
    let now = state.clock.now_naive();
    let user = state
        .db
        .transaction(move |conn| {
            let current = model::find(conn, id)?;
            model::set_active(conn, &current, if_match, ctx.at, active)?;
            if !active {
                sessions::revoke_all_for_user(conn, id, "account_disabled", now)?;
            }
            let user = model::find(conn, id)?;
            let action = if active {
                crate::audit::AuditAction::Activate
            } else {
                crate::audit::AuditAction::Deactivate
            };
            audit::record(
                conn,
                &ctx,
                action,
                audit::EntityType::User,
                Some(id),
                audit::snapshot(&current),
                audit::snapshot(&user),
            )?;
            Ok(user)
        })
        .await?;
    // Sessions or accounts changed: tokens must be checked against the database again.
    state.principals.clear();
    Ok(json_with_etag(StatusCode::OK, user.version, &user))
}

/// Locks an account and ends its sessions at once. Requires `If-Match`.
///
/// **Quyền:** admin (not on themselves).
#[utoipa::path(
    tag = "Người dùng",
    params(("id" = i64, Path, description = "User id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["admin"])),
    responses(
        (status = 200, body = User, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/users/{id}/deactivate")]
pub async fn deactivate_user(
    auth: Auth<AdminOnly>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
) -> AppResult<HttpResponse> {
    set_active(auth, state, id.into_inner(), if_match, false).await
}

/// Unlocks an account (its unit must be active). Requires `If-Match`.
///
/// **Quyền:** admin.
#[utoipa::path(
    tag = "Người dùng",
    params(("id" = i64, Path, description = "User id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["admin"])),
    responses(
        (status = 200, body = User, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/users/{id}/activate")]
pub async fn activate_user(
    auth: Auth<AdminOnly>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
) -> AppResult<HttpResponse> {
    set_active(auth, state, id.into_inner(), if_match, true).await
}

/// The new temporary password (shown once).
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TemporaryPassword {
    pub temporary_password: String,
}

/// Resets a user's password to a generated temporary one that must be changed at the next
/// sign-in, and ends the user's sessions.
///
/// **Quyền:** admin.
#[utoipa::path(
    tag = "Người dùng",
    params(("id" = i64, Path, description = "User id")),
    security(("bearer" = ["admin"])),
    responses((status = 200, body = TemporaryPassword))
)]
#[post("/users/{id}/reset-password")]
pub async fn reset_password(
    auth: Auth<AdminOnly>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<web::Json<TemporaryPassword>> {
    let id = id.into_inner();
    let temporary = tokens::temporary_password();
    let hash = hash_blocking(temporary.clone()).await?;
    let ctx = AuditContext::from(&auth);
    let now = state.clock.now_naive();
    state
        .db
        .transaction(move |conn| {
            let current = model::find(conn, id)?;
            // Deliberately without If-Match: the newest reset wins.
            model::set_password(conn, id, current.version, now, &hash, true)?;
            sessions::revoke_all_for_user(conn, id, "password_reset", now)?;
            audit::record(
                conn,
                &ctx,
                audit::AuditAction::PasswordReset,
                audit::EntityType::User,
                Some(id),
                None,
                None,
            )
        })
        .await?;
    // Sessions or accounts changed: tokens must be checked against the database again.
    state.principals.clear();
    Ok(web::Json(TemporaryPassword {
        temporary_password: temporary,
    }))
}

pub fn configure(cfg: &mut impl crate::http::routes::Routes) {
    cfg.service(list_users)
        .service(get_user)
        .service(create_user)
        .service(update_user)
        .service(deactivate_user)
        .service(activate_user)
        .service(reset_password);
}
