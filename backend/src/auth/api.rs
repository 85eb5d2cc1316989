//! `/api/v1/auth`: sign-in, token refresh, sign-out, the caller's identity, and access tokens for
//! service accounts. The refresh token is never in a body: it lives in the refresh cookie
//! ([`super::refresh_cookie`]), and the endpoints it authenticates check [`super::csrf`].

use actix_web::{HttpRequest, HttpResponse, ResponseError, get, post, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::jwt::{Grant, Subject};
use super::roles::AnyPrincipal;
use super::sessions::{self, Rotation};
use super::throttle::{self, Attempt};
use super::{Auth, RequestMeta, Role, csrf, password, refresh_cookie};
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

/// Tokens for a signed-in person. The refresh token comes in the `lantoa_refresh` cookie
/// (`HttpOnly; Secure; SameSite=Strict; Path=/api/v1/auth`), never in the body.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TokenResponse {
    /// Short-lived JWT; send as `Authorization: Bearer <accessToken>`.
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: &'static str,
    /// Seconds until the access token expires.
    pub expires_in: i64,
    /// Until then the refresh cookie gives new tokens at `/auth/refresh`; never beyond the
    /// session's absolute lifetime (`LANTOA_SESSION_MAX_AGE` from sign-in).
    pub refresh_expires_at: chrono::DateTime<chrono::Utc>,
    /// The password is temporary: only the profile and password change are open until it is changed.
    pub must_change_password: bool,
    pub user: User,
}

fn invalid_credentials() -> AppError {
    AppError::new(ErrorCode::InvalidCredentials)
        .with_detail("Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đã bị khóa.")
}

/// Issues an access token for a user's session and answers with a [`TokenResponse`], the
/// refresh cookie and `Cache-Control: no-store`.
pub fn token_response(
    state: &AppState,
    user: User,
    session_id: i64,
    refresh: sessions::RefreshToken,
    now: DateTime<Utc>,
) -> AppResult<HttpResponse> {
    let access = state.jwt.issue(
        Grant {
            subject: Subject::User(user.id),
            role: user.role,
            unit: user.unit.as_ref().map(|u| u.id),
            sid: Some(session_id),
            scope: None,
            generation: None,
        },
        now,
    )?;
    let body = TokenResponse {
        access_token: access.token,
        token_type: "Bearer",
        expires_in: state.jwt.access_ttl_secs,
        refresh_expires_at: refresh.expires_at,
        must_change_password: user.must_change_password,
        user,
    };
    Ok(refresh_cookie::token_response(&body, &refresh, now))
}

/// Signs in with username and password.
///
/// Unknown usernames, wrong passwords and locked accounts get the same answer. Failures are
/// throttled per username and client address (a wait that doubles after a few failures) and per
/// address across usernames: 429 with `Retry-After`, counted on every server alike. The refresh
/// token comes in the `lantoa_refresh` cookie.
#[utoipa::path(
    tag = "Xác thực",
    request_body = LoginRequest,
    security(()),
    responses(
        (status = 200, body = TokenResponse, headers(
            ("Set-Cookie" = String, description = "`lantoa_refresh=…; Path=/api/v1/auth; Max-Age=…; HttpOnly; Secure; SameSite=Strict`"),
            ("Cache-Control" = String, description = "`no-store`")
        )),
        (status = 401, response = crate::openapi::Unauthorized),
        (status = 429, response = crate::openapi::TooManyRequests)
    )
)]
#[post("/auth/login")]
pub async fn login(
    state: web::Data<AppState>,
    meta: RequestMeta,
    Json(body): Json<LoginRequest>,
) -> AppResult<HttpResponse> {
    validate(&body)?;
    let now = state.clock.now();
    let attempt = Attempt::password(&body.username, meta.client);
    state.throttle.reserve(&state.db, &attempt, now).await?;
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
        tracing::info!(ip = ?meta.ip, "failed login");
        return Err(invalid_credentials());
    };
    let lifetimes = state.settings.session_lifetimes;
    let (user, session_id, refresh) = state
        .db
        .transaction(move |conn| {
            throttle::succeeded(conn, &attempt, now)?;
            let (session_id, refresh) = sessions::start(conn, user_id, &meta, now, lifetimes)?;
            users::touch_login(conn, user_id, now.naive_utc())?;
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
    token_response(&state, user, session_id, refresh, now)
}

/// Refused: the problem, and the refresh cookie dropped.
fn refused_clearing_cookie(error: AppError) -> HttpResponse {
    let mut response = error.error_response();
    let _ = response.add_cookie(&refresh_cookie::clear());
    response
}

/// Exchanges the refresh cookie for new tokens and a new cookie. The presented token is used
/// up; presenting it again revokes the whole session. Refreshing never extends the session's
/// absolute lifetime. Needs `X-Lantoa-Csrf: 1` and, when the browser sends `Origin`, this origin.
#[utoipa::path(
    tag = "Xác thực",
    params(
        ("X-Lantoa-Csrf" = String, Header, description = "Luôn là `1`: chống giả mạo yêu cầu từ trang khác (CSRF)", example = "1"),
        ("lantoa_refresh" = Option<String>, Cookie, description = "Mã làm mới phiên, do máy chủ đặt khi đăng nhập (HttpOnly)")
    ),
    security(()),
    responses(
        (status = 200, body = TokenResponse, headers(
            ("Set-Cookie" = String, description = "The next refresh token: `lantoa_refresh=…; Path=/api/v1/auth; Max-Age=…; HttpOnly; Secure; SameSite=Strict`"),
            ("Cache-Control" = String, description = "`no-store`")
        )),
        (status = 401, response = crate::openapi::Unauthorized),
        (status = 403, response = crate::openapi::Forbidden)
    )
)]
#[post("/auth/refresh")]
pub async fn refresh_session(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    csrf::check(&req)?;
    let invalid = || {
        AppError::new(ErrorCode::InvalidRefreshToken)
            .with_detail("Phiên đăng nhập không còn hiệu lực, vui lòng đăng nhập lại.")
    };
    let Some(presented) = refresh_cookie::read(&req) else {
        return Ok(refused_clearing_cookie(invalid()));
    };
    let now = state.clock.now();
    let ttl = state.settings.session_lifetimes.refresh_token_secs;
    let outcome = state
        .db
        .transaction(move |conn| {
            Ok(match sessions::rotate(conn, &presented, now, ttl) {
                Err(error) if error.code == ErrorCode::InvalidRefreshToken => None,
                Err(error) => return Err(error),
                Ok(Rotation::Rotated {
                    user_id,
                    session_id,
                    refresh,
                }) => {
                    let user = users::find(conn, user_id)?;
                    if !user.active {
                        sessions::revoke(conn, session_id, "account_disabled", now.naive_utc())?;
                        None
                    } else {
                        Some((user, session_id, refresh))
                    }
                }
                Ok(Rotation::Reused) => {
                    tracing::warn!("refresh token reused: session revoked");
                    None
                }
            })
        })
        .await?;
    // Sessions or accounts changed: tokens must be checked against the database again.
    state.principals.clear();
    match outcome {
        Some((user, session_id, refresh)) => token_response(&state, user, session_id, refresh, now),
        None => Ok(refused_clearing_cookie(invalid())),
    }
}

/// Signs out: revokes the session of the refresh cookie (and every access token issued for it)
/// and drops the cookie. Answers 204 whether or not the session was still valid. Needs
/// `X-Lantoa-Csrf: 1` and, when the browser sends `Origin`, this origin.
#[utoipa::path(
    tag = "Xác thực",
    params(
        ("X-Lantoa-Csrf" = String, Header, description = "Luôn là `1`: chống giả mạo yêu cầu từ trang khác (CSRF)", example = "1"),
        ("lantoa_refresh" = Option<String>, Cookie, description = "Mã làm mới phiên, do máy chủ đặt khi đăng nhập (HttpOnly)")
    ),
    security(()),
    responses(
        (status = 204, description = "Đã đăng xuất", headers(
            ("Set-Cookie" = String, description = "Drops the refresh cookie (`Max-Age=0`)")
        )),
        (status = 403, response = crate::openapi::Forbidden)
    )
)]
#[post("/auth/logout")]
pub async fn logout(
    req: HttpRequest,
    state: web::Data<AppState>,
    meta: RequestMeta,
) -> AppResult<HttpResponse> {
    csrf::check(&req)?;
    if let Some(presented) = refresh_cookie::read(&req) {
        let now = state.clock.now_naive();
        state
            .db
            .transaction(move |conn| {
                if let Some((session_id, user_id)) =
                    sessions::revoke_by_token(conn, &presented, now)?
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
    }
    Ok(refresh_cookie::no_store(HttpResponse::NoContent())
        .cookie(refresh_cookie::clear())
        .finish())
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
    /// Only `client_credentials` (the default).
    #[serde(default)]
    pub grant_type: GrantType,
    pub client_id: String,
    pub client_secret: String,
}

/// How a service account signs in.
///
/// - `client_credentials`: with its client id and secret (OAuth 2.0 client credentials).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum GrantType {
    #[default]
    ClientCredentials,
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
/// There is no refresh token: ask again when it expires. Rotating the secret ends every token
/// issued before. Failures are throttled like sign-ins.
#[utoipa::path(
    tag = "Xác thực",
    request_body = ClientCredentialsRequest,
    security(()),
    responses(
        (status = 200, body = ServiceTokenResponse, headers(("Cache-Control" = String, description = "`no-store`"))),
        (status = 401, response = crate::openapi::Unauthorized),
        (status = 429, response = crate::openapi::TooManyRequests)
    )
)]
#[post("/auth/token")]
pub async fn service_token(
    state: web::Data<AppState>,
    meta: RequestMeta,
    Json(body): Json<ClientCredentialsRequest>,
) -> AppResult<HttpResponse> {
    // The only grant; any other value is refused by the extractor (422 `invalid_choice`).
    let GrantType::ClientCredentials = body.grant_type;
    let now = state.clock.now();
    let attempt = Attempt::client_secret(&body.client_id, meta.client);
    state.throttle.reserve(&state.db, &attempt, now).await?;
    let (client_id, secret) = (body.client_id, body.client_secret);
    let account = state
        .db
        .transaction(move |conn| {
            let found = service_accounts::authenticate(conn, &client_id, &secret, now.naive_utc())?;
            if found.is_some() {
                throttle::succeeded(conn, &attempt, now)?;
            }
            Ok(found)
        })
        .await?;
    let Some((account, generation)) = account else {
        return Err(
            AppError::new(ErrorCode::InvalidClientCredentials).with_detail(
                "Mã tài khoản tích hợp hoặc khóa bí mật không đúng, hoặc tài khoản đã bị thu hồi.",
            ),
        );
    };
    let scope = super::Scope::join(&account.scopes);
    let access = state.jwt.issue(
        Grant {
            subject: Subject::Service(account.id),
            role: Role::Integration,
            unit: None,
            sid: None,
            scope: Some(scope.clone()),
            generation: Some(generation),
        },
        now,
    )?;
    Ok(
        refresh_cookie::no_store(HttpResponse::Ok()).json(ServiceTokenResponse {
            access_token: access.token,
            token_type: "Bearer",
            expires_in: state.jwt.access_ttl_secs,
            scope,
        }),
    )
}

pub fn configure(cfg: &mut impl crate::http::routes::Routes) {
    cfg.service(login)
        .service(refresh_session)
        .service(logout)
        .service(me)
        .service(service_token);
}
