//! `/api/v1/profile`: every person reads and edits their own profile and changes their password.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, post, put, web};
use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

use crate::audit::{self, AuditContext};
use crate::auth::api::{TokenResponse, token_response};
use crate::auth::roles::SelfService;
use crate::auth::throttle::{self, Attempt};
use crate::auth::{Auth, password, sessions};
use crate::error::{AppError, AppResult, ErrorCode, FieldError};
use crate::http::etag::{IfMatch, json_with_etag};
use crate::http::extract::Json;
use crate::http::validation::validate;
use crate::state::AppState;
use crate::users::model::{self, ProfileInput, User};

fn own_id(auth: &Auth<SelfService>) -> AppResult<i64> {
    auth.user_id().ok_or_else(AppError::forbidden)
}

/// The caller's own account.
///
/// **Quyền:** mọi người dùng (kể cả khi đang phải đổi mật khẩu tạm thời).
#[utoipa::path(
    tag = "Hồ sơ cá nhân",
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
    responses((status = 200, body = User, headers(("ETag" = String))))
)]
#[get("/profile")]
pub async fn get_profile(
    auth: Auth<SelfService>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let id = own_id(&auth)?;
    let user = state.db.run(move |conn| model::find(conn, id)).await?;
    Ok(json_with_etag(StatusCode::OK, user.version, &user))
}

/// Edits the caller's name and contacts. Requires `If-Match`.
///
/// **Quyền:** mọi người dùng.
#[utoipa::path(
    tag = "Hồ sơ cá nhân",
    request_body = ProfileInput,
    params(("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
    responses(
        (status = 200, body = User, headers(("ETag" = String))),
    )
)]
#[put("/profile")]
pub async fn update_profile(
    auth: Auth<SelfService>,
    state: web::Data<AppState>,
    if_match: IfMatch,
    Json(input): Json<ProfileInput>,
) -> AppResult<HttpResponse> {
    let input = input.normalized();
    validate(&input)?;
    let id = own_id(&auth)?;
    let ctx = AuditContext::from(&auth);
    let user = state
        .db
        .transaction(move |conn| {
            let current = model::find(conn, id)?;
            model::update_profile(conn, &current, if_match, ctx.at, &input)?;
            let user = model::find(conn, id)?;
            audit::record(
                conn,
                &ctx,
                audit::AuditAction::UpdateProfile,
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

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PasswordChange {
    #[validate(length(min = 1, max = 256, message = "Nhập mật khẩu hiện tại."))]
    #[schema(format = Password)]
    pub current_password: String,
    /// 10–128 characters with letters and digits, not containing the username.
    #[schema(format = Password, min_length = 10, max_length = 128)]
    pub new_password: String,
}

/// Changes the caller's password. Every other session of the caller is signed out; the answer
/// carries fresh tokens for a new session (the refresh token in the `lantoa_refresh` cookie).
/// Wrong current passwords are throttled like sign-ins, and count with them (429 with
/// `Retry-After`).
///
/// **Quyền:** mọi người dùng (kể cả khi đang dùng mật khẩu tạm thời).
#[utoipa::path(
    tag = "Hồ sơ cá nhân",
    request_body = PasswordChange,
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
    responses(
        (status = 200, body = TokenResponse, headers(
            ("Set-Cookie" = String, description = "`lantoa_refresh=…; Path=/api/v1/auth; Max-Age=…; HttpOnly; Secure; SameSite=Strict`"),
            ("Cache-Control" = String, description = "`no-store`")
        )),
        (status = 429, response = crate::openapi::TooManyRequests)
    )
)]
#[post("/profile/password")]
pub async fn change_password(
    auth: Auth<SelfService>,
    state: web::Data<AppState>,
    Json(body): Json<PasswordChange>,
) -> AppResult<HttpResponse> {
    validate(&body)?;
    let id = own_id(&auth)?;
    let mut problems = password::check_policy("newPassword", &body.new_password, &auth.name);
    if body.new_password == body.current_password {
        problems.push(FieldError::new(
            "newPassword",
            "password_unchanged",
            "Mật khẩu mới phải khác mật khẩu hiện tại.",
        ));
    }
    if !problems.is_empty() {
        return Err(AppError::validation(problems));
    }
    let now = state.clock.now();
    let attempt = Attempt::password(&auth.name, auth.meta().client);
    state.throttle.reserve(&state.db, &attempt, now).await?;
    let stored = state
        .db
        .run(move |conn| model::password_hash(conn, id))
        .await?;
    let (current, new) = (body.current_password, body.new_password);
    let new_hash = web::block(move || {
        if password::verify(&current, &stored) {
            password::hash(&new).map(Some)
        } else {
            Ok(None)
        }
    })
    .await
    .map_err(AppError::internal)??;
    let Some(new_hash) = new_hash else {
        return Err(
            AppError::new(ErrorCode::WrongPassword).with_field(FieldError::new(
                "currentPassword",
                "wrong_password",
                "Mật khẩu hiện tại không đúng.",
            )),
        );
    };
    let ctx = AuditContext::from(&auth);
    let meta = auth.meta();
    let lifetimes = state.settings.session_lifetimes;
    let (user, session_id, refresh) = state
        .db
        .transaction(move |conn| {
            throttle::succeeded(conn, &attempt, now)?;
            let version = model::find(conn, id)?.version;
            model::set_password(conn, id, version, now.naive_utc(), &new_hash, false)?;
            sessions::revoke_all_for_user(conn, id, "password_change", now.naive_utc())?;
            let (session_id, refresh) = sessions::start(conn, id, &meta, now, lifetimes)?;
            audit::record(
                conn,
                &ctx,
                audit::AuditAction::PasswordChange,
                audit::EntityType::User,
                Some(id),
                None,
                None,
            )?;
            Ok((model::find(conn, id)?, session_id, refresh))
        })
        .await?;
    // Sessions or accounts changed: tokens must be checked against the database again.
    state.principals.clear();
    token_response(&state, user, session_id, refresh, now)
}

pub fn configure(cfg: &mut impl crate::http::routes::Routes) {
    cfg.service(get_profile)
        .service(update_profile)
        .service(change_password);
}
