//! Authentication and authorisation. A handler that takes [`Auth<R>`] cannot run without a valid
//! access token whose principal satisfies the rule `R`; the policy helpers in [`policy`] add the
//! per-unit scoping.

pub mod api;
pub mod client_addr;
pub mod csrf;
pub mod jwt;
pub mod password;
pub mod policy;
pub mod principal_cache;
pub mod refresh_cookie;
pub mod roles;
pub mod sessions;
pub mod throttle;
pub mod tokens;

use std::marker::PhantomData;
use std::net::IpAddr;
use std::sync::Arc;

use actix_web::body::MessageBody;
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::Next;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use futures_util::future::{Ready, ready};

use crate::db::DbConnection;
use crate::db::schema::{service_accounts, sessions as sessions_t, users};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::http::request_id;
use crate::state::AppState;
use jwt::{Claims, Subject};
pub use roles::{Role, Rule, Scope};

/// Who is calling, as known from the database at the time of the request.
#[derive(Debug, Clone)]
pub struct Principal {
    pub subject: Subject,
    pub role: Role,
    pub unit_id: Option<i64>,
    /// Username, or the service account's name.
    pub name: String,
    /// Full name for people ("Nguyễn Văn A"), the name for service accounts.
    pub display_name: String,
    pub scopes: Vec<Scope>,
    pub session_id: Option<i64>,
    pub must_change_password: bool,
}

impl Principal {
    pub fn user_id(&self) -> Option<i64> {
        match self.subject {
            Subject::User(id) => Some(id),
            Subject::Service(_) => None,
        }
    }

    pub fn service_account_id(&self) -> Option<i64> {
        match self.subject {
            Subject::Service(id) => Some(id),
            Subject::User(_) => None,
        }
    }
}

/// Facts about the request kept in the audit log.
#[derive(Debug, Clone, Default)]
pub struct RequestMeta {
    pub request_id: Option<String>,
    /// The client's address (see [`client_addr`]).
    pub client: Option<IpAddr>,
    /// The same, as text for the audit log.
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    /// When the request arrived, by the application's clock: the time of everything it writes.
    pub at: chrono::NaiveDateTime,
}

impl RequestMeta {
    pub fn of(req: &HttpRequest) -> Self {
        let state = req.app_data::<web::Data<AppState>>();
        let peer = req.peer_addr().map(|a| a.ip());
        let client = match state {
            Some(state) if !state.settings.trusted_proxies.is_empty() => {
                let forwarded = req
                    .headers()
                    .get_all("x-forwarded-for")
                    .filter_map(|v| v.to_str().ok());
                state
                    .settings
                    .trusted_proxies
                    .client_address(peer, forwarded)
            }
            _ => peer.map(client_addr::canonical),
        };
        Self {
            request_id: request_id::current(),
            client,
            ip: client.map(|ip| ip.to_string()),
            user_agent: req
                .headers()
                .get(header::USER_AGENT)
                .and_then(|v| v.to_str().ok())
                .map(|s| s.chars().take(300).collect()),
            at: state.map(|s| s.clock.now_naive()).unwrap_or_default(),
        }
    }
}

impl FromRequest for RequestMeta {
    type Error = AppError;
    type Future = Ready<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(RequestMeta::of(req)))
    }
}

/// The authenticated caller, admitted by rule `R`.
#[derive(Debug)]
pub struct Auth<R: Rule = roles::AnyPrincipal> {
    pub principal: Arc<Principal>,
    request: HttpRequest,
    rule: PhantomData<R>,
}

impl<R: Rule> Auth<R> {
    /// Facts about the request for the audit log (computed when asked: most requests only read).
    pub fn meta(&self) -> RequestMeta {
        RequestMeta::of(&self.request)
    }
}

impl<R: Rule> std::ops::Deref for Auth<R> {
    type Target = Principal;
    fn deref(&self) -> &Principal {
        &self.principal
    }
}

impl<R: Rule + 'static> FromRequest for Auth<R> {
    type Error = AppError;
    type Future = Ready<Result<Self, AppError>>;

    /// Synchronous, so that with `Auth` as a handler's first argument its answer (401/403) comes
    /// before any complaint about the body, the path or `If-Match`.
    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let outcome = match req.extensions().get::<Authentication>() {
            None => Err(AppError::new(ErrorCode::Unauthenticated).with_detail(
                "Cần đăng nhập: gửi mã truy cập trong tiêu đề Authorization: Bearer <token>.",
            )),
            Some(Authentication(Err(error))) => Err(error.clone()),
            Some(Authentication(Ok(principal))) => admit::<R>(principal).map(|()| Auth {
                principal: principal.clone(),
                request: req.clone(),
                rule: PhantomData,
            }),
        };
        ready(outcome)
    }
}

/// The outcome of checking the request's bearer token, left in the request's extensions by
/// [`authenticate`] for the [`Auth`] extractor.
#[derive(Clone)]
struct Authentication(Result<Arc<Principal>, AppError>);

/// Middleware: when a bearer token is present, verifies it and loads its principal (or finds
/// both in the cache of recently verified tokens).
pub async fn authenticate(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    if let Some(token) = bearer_token(req.request()) {
        let outcome = match (req.app_data::<web::Data<AppState>>(), token) {
            (None, _) => Err(AppError::internal("application state is not configured")),
            (_, Err(error)) => Err(error),
            (Some(state), Ok(token)) => verify(state, token).await,
        };
        req.extensions_mut().insert(Authentication(outcome));
    }
    next.call(req).await
}

async fn verify(state: &web::Data<AppState>, token: &str) -> AppResult<Arc<Principal>> {
    let now = state.clock.now();
    if let Some(known) = state.principals.get(token) {
        jwt::check_window(known.not_before, known.expires, now)?;
        return Ok(known.principal);
    }
    let claims = state.jwt.verify(token, now)?;
    let at = state.clock.now_naive();
    let loaded = state
        .db
        .run(move |conn| {
            let principal = load_principal(conn, &claims, at)?;
            Ok(principal_cache::Verified::new(Arc::new(principal), &claims))
        })
        .await?;
    state.principals.put(token, loaded.clone());
    Ok(loaded.principal)
}

/// `None` without an `Authorization` header; an error when the header is not a bearer token.
fn bearer_token(req: &HttpRequest) -> Option<AppResult<&str>> {
    let value = req.headers().get(header::AUTHORIZATION)?;
    let malformed = || {
        AppError::new(ErrorCode::Unauthenticated).with_detail(
            "Cần đăng nhập: gửi mã truy cập trong tiêu đề Authorization: Bearer <token>.",
        )
    };
    let Some((scheme, token)) = value.to_str().ok().and_then(|v| v.split_once(' ')) else {
        return Some(Err(malformed()));
    };
    if !scheme.eq_ignore_ascii_case("bearer") || token.trim().is_empty() {
        return Some(Err(malformed()));
    }
    Some(Ok(token.trim()))
}

fn revoked() -> AppError {
    AppError::new(ErrorCode::SessionRevoked)
        .with_detail("Phiên đăng nhập đã kết thúc, vui lòng đăng nhập lại.")
}

/// Checks the token against the database: the session is live and within its lifetime, the
/// account active; a service account's token is of its current secret.
fn load_principal(
    conn: &mut DbConnection,
    claims: &Claims,
    now: NaiveDateTime,
) -> AppResult<Principal> {
    let subject = Subject::decode(&claims.sub).ok_or_else(revoked)?;
    match subject {
        Subject::User(user_id) => {
            if claims.role == Role::Integration {
                return Err(revoked());
            }
            let sid = claims.sid.ok_or_else(revoked)?;
            let row: Option<(String, String, String, Option<i64>, bool, bool)> = users::table
                .inner_join(sessions_t::table)
                .filter(users::id.eq(user_id))
                .filter(sessions_t::id.eq(sid))
                .filter(sessions_t::revoked_at.is_null())
                .filter(sessions_t::expires_at.gt(now))
                .select((
                    users::username,
                    users::full_name,
                    users::role,
                    users::unit_id,
                    users::active,
                    users::must_change_password,
                ))
                .first(conn)
                .optional()?;
            let (username, full_name, role, unit_id, active, must_change_password) =
                row.ok_or_else(revoked)?;
            if !active {
                return Err(revoked());
            }
            let role = Role::parse(&role)
                .ok_or_else(|| AppError::internal(format!("unknown role {role}")))?;
            Ok(Principal {
                subject,
                role,
                unit_id,
                name: username,
                display_name: full_name,
                scopes: Vec::new(),
                session_id: Some(sid),
                must_change_password,
            })
        }
        Subject::Service(account_id) => {
            if claims.role != Role::Integration {
                return Err(revoked());
            }
            let generation = claims
                .generation
                .and_then(|g| i32::try_from(g).ok())
                .ok_or_else(revoked)?;
            let row: Option<(String, String)> = service_accounts::table
                .filter(service_accounts::id.eq(account_id))
                .filter(service_accounts::revoked_at.is_null())
                .filter(service_accounts::secret_generation.eq(generation))
                .select((service_accounts::name, service_accounts::scopes))
                .first(conn)
                .optional()?;
            let (name, scopes) = row.ok_or_else(revoked)?;
            Ok(Principal {
                subject,
                role: Role::Integration,
                unit_id: None,
                display_name: name.clone(),
                name,
                scopes: Scope::parse_list(&scopes),
                session_id: None,
                must_change_password: false,
            })
        }
    }
}

/// Applies the endpoint's rule to the principal.
fn admit<R: Rule>(principal: &Principal) -> AppResult<()> {
    if !R::ROLES.contains(&principal.role) {
        return Err(AppError::forbidden());
    }
    if principal.role == Role::Integration
        && let Some(scope) = R::SCOPE
        && !principal.scopes.contains(&scope)
    {
        return Err(AppError::new(ErrorCode::Forbidden).with_detail(format!(
            "Tài khoản tích hợp chưa được cấp phạm vi {}.",
            scope.as_str()
        )));
    }
    if principal.must_change_password && !R::DURING_PASSWORD_CHANGE {
        return Err(AppError::new(ErrorCode::PasswordChangeRequired)
            .with_detail("Bạn đang dùng mật khẩu tạm thời. Vui lòng đổi mật khẩu để tiếp tục."));
    }
    Ok(())
}
