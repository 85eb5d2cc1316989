//! Login sessions and their refresh tokens. A session is a family of refresh tokens: each
//! refresh uses up the presented token and issues the next one; presenting a used token again
//! means it was stolen (or replayed), and the whole family is revoked.
//!
//! A session has an absolute end, fixed when it starts (`LANTOA_SESSION_MAX_AGE`): refreshing
//! never moves it, and no refresh token or access token of the session outlives it.

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use diesel::prelude::*;

use super::RequestMeta;
use super::tokens::{random_token, sha256_hex};
use crate::db::DbConnection;
use crate::db::schema::{refresh_tokens, sessions};
use crate::error::{AppError, AppResult, ErrorCode};

pub struct RefreshToken {
    pub token: String,
    /// When this token stops working: its own lifetime, or the session's end if sooner.
    pub expires_at: DateTime<Utc>,
}

/// How long sessions and their refresh tokens live.
#[derive(Debug, Clone, Copy)]
pub struct Lifetimes {
    /// The longest a refresh token stays valid unused.
    pub refresh_token_secs: i64,
    /// The absolute lifetime of a session, from sign-in.
    pub session_secs: i64,
}

fn invalid() -> AppError {
    AppError::new(ErrorCode::InvalidRefreshToken)
        .with_detail("Phiên đăng nhập không còn hiệu lực, vui lòng đăng nhập lại.")
}

/// Opens a session for `user_id` and issues its first refresh token.
pub fn start(
    conn: &mut DbConnection,
    user_id: i64,
    meta: &RequestMeta,
    now: DateTime<Utc>,
    lifetimes: Lifetimes,
) -> AppResult<(i64, RefreshToken)> {
    let ends_at = (now + Duration::seconds(lifetimes.session_secs)).naive_utc();
    let session_id: i64 = diesel::insert_into(sessions::table)
        .values((
            sessions::user_id.eq(user_id),
            sessions::created_at.eq(now.naive_utc()),
            sessions::last_seen_at.eq(now.naive_utc()),
            sessions::expires_at.eq(ends_at),
            sessions::user_agent.eq(meta.user_agent.as_deref()),
            sessions::ip_address.eq(meta.ip.as_deref()),
        ))
        .returning(sessions::id)
        .get_result(conn)?;
    let refresh = issue(conn, session_id, now, ends_at, lifetimes.refresh_token_secs)?;
    Ok((session_id, refresh))
}

fn issue(
    conn: &mut DbConnection,
    session_id: i64,
    now: DateTime<Utc>,
    session_ends_at: NaiveDateTime,
    ttl_secs: i64,
) -> AppResult<RefreshToken> {
    let token = random_token(32);
    let expires_at = (now + Duration::seconds(ttl_secs))
        .naive_utc()
        .min(session_ends_at);
    diesel::insert_into(refresh_tokens::table)
        .values((
            refresh_tokens::session_id.eq(session_id),
            refresh_tokens::token_hash.eq(sha256_hex(&token)),
            refresh_tokens::created_at.eq(now.naive_utc()),
            refresh_tokens::expires_at.eq(expires_at),
        ))
        .execute(conn)?;
    Ok(RefreshToken {
        token,
        expires_at: expires_at.and_utc(),
    })
}

pub enum Rotation {
    /// The token was good: here is the next one.
    Rotated {
        user_id: i64,
        session_id: i64,
        refresh: RefreshToken,
    },
    /// The token had already been used: the session has been revoked. The caller must commit
    /// (the revocation) and then refuse the request.
    Reused,
}

/// Uses up `presented` and issues its successor, which ends no later than the session.
pub fn rotate(
    conn: &mut DbConnection,
    presented: &str,
    now: DateTime<Utc>,
    refresh_token_secs: i64,
) -> AppResult<Rotation> {
    type Found = (
        i64,
        i64,
        NaiveDateTime,
        Option<NaiveDateTime>,
        i64,
        Option<NaiveDateTime>,
        NaiveDateTime,
    );
    let found: Option<Found> = refresh_tokens::table
        .inner_join(sessions::table)
        .filter(refresh_tokens::token_hash.eq(sha256_hex(presented)))
        .select((
            refresh_tokens::id,
            refresh_tokens::session_id,
            refresh_tokens::expires_at,
            refresh_tokens::used_at,
            sessions::user_id,
            sessions::revoked_at,
            sessions::expires_at,
        ))
        .first(conn)
        .optional()?;
    let Some((token_id, session_id, expires_at, used_at, user_id, revoked_at, session_ends_at)) =
        found
    else {
        return Err(invalid());
    };
    if revoked_at.is_some() {
        return Err(invalid());
    }
    let now_naive = now.naive_utc();
    if used_at.is_some() {
        revoke(conn, session_id, "refresh_token_reuse", now_naive)?;
        return Ok(Rotation::Reused);
    }
    if expires_at <= now_naive || session_ends_at <= now_naive {
        return Err(invalid());
    }
    // Conditional: of two concurrent refreshes with the same token, only one wins.
    let claimed = diesel::update(
        refresh_tokens::table
            .find(token_id)
            .filter(refresh_tokens::used_at.is_null()),
    )
    .set(refresh_tokens::used_at.eq(now_naive))
    .execute(conn)?;
    if claimed == 0 {
        revoke(conn, session_id, "refresh_token_reuse", now_naive)?;
        return Ok(Rotation::Reused);
    }
    diesel::update(sessions::table.find(session_id))
        .set(sessions::last_seen_at.eq(now_naive))
        .execute(conn)?;
    let refresh = issue(conn, session_id, now, session_ends_at, refresh_token_secs)?;
    Ok(Rotation::Rotated {
        user_id,
        session_id,
        refresh,
    })
}

pub fn revoke(
    conn: &mut DbConnection,
    session_id: i64,
    reason: &str,
    now: NaiveDateTime,
) -> AppResult<()> {
    diesel::update(
        sessions::table
            .find(session_id)
            .filter(sessions::revoked_at.is_null()),
    )
    .set((
        sessions::revoked_at.eq(now),
        sessions::revoked_reason.eq(reason),
    ))
    .execute(conn)?;
    Ok(())
}

/// Revokes the session of a refresh token; returns `(session id, user id)` when there was one.
pub fn revoke_by_token(
    conn: &mut DbConnection,
    presented: &str,
    now: NaiveDateTime,
) -> AppResult<Option<(i64, i64)>> {
    let found: Option<(i64, i64)> = refresh_tokens::table
        .inner_join(sessions::table)
        .filter(refresh_tokens::token_hash.eq(sha256_hex(presented)))
        .filter(sessions::revoked_at.is_null())
        .select((sessions::id, sessions::user_id))
        .first(conn)
        .optional()?;
    if let Some((session_id, _)) = found {
        revoke(conn, session_id, "logout", now)?;
    }
    Ok(found)
}

/// Ends every session of a user (password change or reset, deactivation).
pub fn revoke_all_for_user(
    conn: &mut DbConnection,
    user_id: i64,
    reason: &str,
    now: NaiveDateTime,
) -> AppResult<usize> {
    Ok(diesel::update(
        sessions::table
            .filter(sessions::user_id.eq(user_id))
            .filter(sessions::revoked_at.is_null()),
    )
    .set((
        sessions::revoked_at.eq(now),
        sessions::revoked_reason.eq(reason),
    ))
    .execute(conn)?)
}
