//! `/api/v1/auth`: sign-in, token refresh, sign-out, the caller's identity, and access tokens for
//! service accounts.

use actix_web::{HttpResponse, get, post, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::jwt::Subject;
use super::roles::AnyPrincipal;
use super::sessions::{self, Rotation};
use super::{Auth, RequestMeta, Role, password};
use crate::audit::{self, AuditContext};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::http::extract::Json;
use crate::http::validation::validate;
use crate::service_accounts::model as service_accounts;
use crate::state::AppState;
use crate::users::model::{self as users, User};

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct LoginRequest {
    #[validate(length(min = 1, max = 100, message = "Nhập tên đăng nhập."))]
    #[schema(min_length = 1, max_length = 100, example = "admin")]
    pub username: String,
    #[validate(length(min = 1, max = 256, message = "Nhập mật khẩu."))]
    #[schema(min_length = 1, max_length = 256, format = Password)]
    pub password: String,
}

/// Tokens for a signed-in person.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TokenResponse {
    /// Short-lived JWT; send as `Authorization: Bearer <accessToken>`.
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: &'static str,
    /// Seconds until the access token expires.
    pub expires_in: i64,
    /// Opaque, single use: exchange it at `/auth/refresh` for new tokens.
    pub refresh_token: String,
    pub refresh_expires_at: chrono::DateTime<chrono::Utc>,
    /// The password is temporary: only the profile and password change are open until it is changed.
    pub must_change_password: bool,
    pub user: User,
}

fn invalid_credentials() -> AppError {
    AppError::new(ErrorCode::InvalidCredentials)
        .with_detail("Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đã bị khóa.")
}

/// Issues an access token for a user's session and wraps everything in a [`TokenResponse`].
pub fn token_response(
    state: &AppState,
    user: User,
    session_id: i64,
    refresh: sessions::RefreshToken,
) -> AppResult<TokenResponse> {
    let access = state.jwt.issue(
        Subject::User(user.id),
        user.role,
        user.unit.as_ref().map(|u| u.id),
        Some(session_id),
        None,
    )?;
    Ok(TokenResponse {
        access_token: access.token,
        token_type: "Bearer",
        expires_in: state.jwt.access_ttl_secs,
        refresh_token: refresh.token,
        refresh_expires_at: refresh.expires_at,
        must_change_password: user.must_change_password,
        user,
    })
}

/// Signs in with username and password.
///
/// Unknown usernames, wrong passwords and locked accounts get the same answer. Repeated failures
/// for a username or from an address are throttled (429 with `Retry-After`).
#[utoipa::path(
    tag = "Xác thực",
    request_body = LoginRequest,
    security(()),
    responses(
        (status = 200, body = TokenResponse),
        (status = 401, response = crate::openapi::Unauthorized),
        (status = 429, response = crate::openapi::TooManyRequests)
    )
)]
#[post("/auth/login")]
pub async fn login(
    state: web::Data<AppState>,
    meta: RequestMeta,
    Json(body): Json<LoginRequest>,
) -> AppResult<web::Json<TokenResponse>> {
    validate(&body)?;
    let ip = meta.ip.clone();
    if let Err(wait) = state.throttle.check(&body.username, ip.as_deref()) {
        return Err(AppError::too_many_requests(wait));
    }
    let username = body.username.clone();
    let found = state
        .db
        .run(move |conn| users::credentials(conn, &username))
        .await?;
    let password = body.password.clone();
    let verified = web::block(move || match &found {
        Some((id, username, hash, active)) => {
            (password::verify(&password, hash) && *active).then(|| (*id, username.clone()))
        }
        None => {
            password::verify_dummy(&password);
            None
        }
    })
    .await
    .map_err(AppError::internal)?;
    let Some((user_id, username)) = verified else {
        state.throttle.record_failure(&body.username, ip.as_deref());
        tracing::warn!(username = %body.username, ip = ?ip, "failed login");
        return Err(invalid_credentials());
    };
    state.throttle.record_success(&username);
    let ttl = state.settings.refresh_token_ttl_secs;
    let (user, session_id, refresh) = state
        .db
        .transaction(move |conn| {
            let (session_id, refresh) = sessions::start(conn, user_id, &meta, ttl)?;
            users::touch_login(conn, user_id, meta.at)?;
            let ctx = AuditContext::user(user_id, &username, &meta);
            audit::record(
                conn,
                &ctx,
                audit::AuditAction::Login,
                audit::EntityType::Session,
                Some(session_id),
                None,
                None,
            )?;
            Ok((users::find(conn, user_id)?, session_id, refresh))
        })
        .await?;
    Ok(web::Json(token_response(
        &state, user, session_id, refresh,
    )?))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RefreshRequest {
    pub refresh_token: String,
}

/// Exchanges a refresh token for new tokens. The presented token is used up; presenting it again
/// revokes the whole session.
#[utoipa::path(
    tag = "Xác thực",
    request_body = RefreshRequest,
    security(()),
    responses((status = 200, body = TokenResponse), (status = 401, response = crate::openapi::Unauthorized))
)]
#[post("/auth/refresh")]
pub async fn refresh_session(
    state: web::Data<AppState>,
    Json(body): Json<RefreshRequest>,
) -> AppResult<web::Json<TokenResponse>> {
    let ttl = state.settings.refresh_token_ttl_secs;
    let outcome = state
        .db
        .transaction(move |conn| {
            Ok(match sessions::rotate(conn, &body.refresh_token, ttl)? {
                Rotation::Rotated {
                    user_id,
                    session_id,
                    refresh,
                } => {
                    let user = users::find(conn, user_id)?;
                    if !user.active {
                        sessions::revoke(conn, session_id, "account_disabled")?;
                        None
                    } else {
                        Some((user, session_id, refresh))
                    }
                }
                Rotation::Reused => {
                    tracing::warn!("refresh token reused: session revoked");
                    None
                }
            })
        })
        .await?;
    // Sessions or accounts changed: tokens must be checked against the database again.
    state.principals.clear();
    let (user, session_id, refresh) = outcome.ok_or_else(|| {
        AppError::new(ErrorCode::InvalidRefreshToken)
            .with_detail("Phiên đăng nhập không còn hiệu lực, vui lòng đăng nhập lại.")
    })?;
    Ok(web::Json(token_response(
        &state, user, session_id, refresh,
    )?))
}

/// Signs out: revokes the session of the refresh token (and every access token issued for it).
/// Answers 204 whether or not the token was still valid.
#[utoipa::path(
    tag = "Xác thực",
    request_body = RefreshRequest,
    security(()),
    responses((status = 204, description = "Đã đăng xuất"))
)]
#[post("/auth/logout")]
pub async fn logout(
    state: web::Data<AppState>,
    meta: RequestMeta,
    Json(body): Json<RefreshRequest>,
) -> AppResult<HttpResponse> {
    state
        .db
        .transaction(move |conn| {
            if let Some((session_id, user_id)) =
                sessions::revoke_by_token(conn, &body.refresh_token)?
            {
                let username = users::find(conn, user_id)?.username;
                audit::record(
                    conn,
                    &AuditContext::user(user_id, &username, &meta),
                    audit::AuditAction::Logout,
                    audit::EntityType::Session,
                    Some(session_id),
                    None,
                    None,
                )?;
            }
            Ok(())
        })
        .await?;
    // Sessions or accounts changed: tokens must be checked against the database again.
    state.principals.clear();
    Ok(HttpResponse::NoContent().finish())
}

/// The caller: a person (with their account) or a service account.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Me {
    pub role: Role,
    /// Present for people.
    pub user: Option<User>,
    /// Present for service accounts.
    pub service_account: Option<service_accounts::ServiceAccount>,
}

/// Who the access token belongs to.
///
/// **Quyền:** mọi người dùng và tài khoản tích hợp (kể cả khi đang phải đổi mật khẩu tạm thời).
#[utoipa::path(
    tag = "Xác thực",
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff", "integration"])),
    responses((status = 200, body = Me))
)]
#[get("/auth/me")]
pub async fn me(auth: Auth<AnyPrincipal>, state: web::Data<AppState>) -> AppResult<web::Json<Me>> {
    let subject = auth.subject;
    let role = auth.role;
    let me = state
        .db
        .run(move |conn| {
            Ok(match subject {
                Subject::User(id) => Me {
                    role,
                    user: Some(users::find(conn, id)?),
                    service_account: None,
                },
                Subject::Service(id) => Me {
                    role,
                    user: None,
                    service_account: Some(service_accounts::find(conn, id)?),
                },
            })
        })
        .await?;
    Ok(web::Json(me))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ClientCredentialsRequest {
    /// Only `client_credentials`.
    #[serde(default = "client_credentials")]
    #[schema(example = "client_credentials")]
    pub grant_type: String,
    pub client_id: String,
    pub client_secret: String,
}

fn client_credentials() -> String {
    "client_credentials".to_owned()
}

/// An access token for a service account.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ServiceTokenResponse {
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: &'static str,
    pub expires_in: i64,
    /// Space-separated scopes granted.
    pub scope: String,
}

/// Client-credentials sign-in for provincial systems and scripts: a service account's client id
/// and secret give an access token with the role `integration` and the account's scopes.
/// There is no refresh token: ask again when it expires.
#[utoipa::path(
    tag = "Xác thực",
    request_body = ClientCredentialsRequest,
    security(()),
    responses(
        (status = 200, body = ServiceTokenResponse),
        (status = 401, response = crate::openapi::Unauthorized),
        (status = 429, response = crate::openapi::TooManyRequests)
    )
)]
#[post("/auth/token")]
pub async fn service_token(
    state: web::Data<AppState>,
    meta: RequestMeta,
    Json(body): Json<ClientCredentialsRequest>,
) -> AppResult<web::Json<ServiceTokenResponse>> {
    if body.grant_type != "client_credentials" {
        return Err(AppError::field(
            "grantType",
            "invalid_choice",
            "Chỉ hỗ trợ grantType = client_credentials.",
        ));
    }
    let throttle_key = format!("client:{}", body.client_id);
    if let Err(wait) = state.throttle.check(&throttle_key, meta.ip.as_deref()) {
        return Err(AppError::too_many_requests(wait));
    }
    let client_id = body.client_id.clone();
    let secret = body.client_secret.clone();
    let account = state
        .db
        .run(move |conn| service_accounts::authenticate(conn, &client_id, &secret))
        .await?;
    let Some(account) = account else {
        state
            .throttle
            .record_failure(&throttle_key, meta.ip.as_deref());
        return Err(
            AppError::new(ErrorCode::InvalidClientCredentials).with_detail(
                "Mã tài khoản tích hợp hoặc khóa bí mật không đúng, hoặc tài khoản đã bị thu hồi.",
            ),
        );
    };
    let scope = super::Scope::join(&account.scopes);
    let access = state.jwt.issue(
        Subject::Service(account.id),
        Role::Integration,
        None,
        None,
        Some(scope.clone()),
    )?;
    Ok(web::Json(ServiceTokenResponse {
        access_token: access.token,
        token_type: "Bearer",
        expires_in: state.jwt.access_ttl_secs,
        scope,
    }))
}

pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(login)
        .service(refresh_session)
        .service(logout)
        .service(me)
        .service(service_token);
}
