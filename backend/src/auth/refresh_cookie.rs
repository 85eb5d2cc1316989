//! The refresh token travels only in an `HttpOnly; Secure; SameSite=Strict` cookie scoped to
//! `/api/v1/auth`: no script on the origin (Swagger UI included) can read it, and no other site
//! can make the browser send it. Browsers accept `Secure` cookies from `http://localhost` and
//! `http://127.0.0.1`, so local use over plain HTTP keeps working.

use actix_web::cookie::{Cookie, SameSite, time};
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, HttpResponseBuilder};
use chrono::{DateTime, Utc};

use super::sessions::RefreshToken;

pub const NAME: &str = "lantoa_refresh";
pub const PATH: &str = "/api/v1/auth";

fn build(value: String, max_age_secs: i64) -> Cookie<'static> {
    Cookie::build(NAME, value)
        .path(PATH)
        .http_only(true)
        .secure(true)
        .same_site(SameSite::Strict)
        .max_age(time::Duration::seconds(max_age_secs.max(0)))
        .finish()
}

/// The cookie carrying `refresh`, kept by the browser until the token expires.
pub fn set(refresh: &RefreshToken, now: DateTime<Utc>) -> Cookie<'static> {
    build(
        refresh.token.clone(),
        (refresh.expires_at - now).num_seconds(),
    )
}

/// Tells the browser to drop the cookie.
pub fn clear() -> Cookie<'static> {
    build(String::new(), 0)
}

/// The refresh token the request carries, if any.
pub fn read(req: &HttpRequest) -> Option<String> {
    req.cookie(NAME)
        .map(|c| c.value().to_owned())
        .filter(|v| !v.is_empty())
}

/// A response that no cache may keep (every answer carrying tokens).
pub fn no_store(mut builder: HttpResponseBuilder) -> HttpResponseBuilder {
    builder
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .insert_header((header::PRAGMA, "no-cache"));
    builder
}

/// Marks a built response as one no cache may keep (answers showing a secret).
pub fn mark_no_store(response: &mut HttpResponse) {
    let headers = response.headers_mut();
    headers.insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    headers.insert(header::PRAGMA, header::HeaderValue::from_static("no-cache"));
}

/// `200` with `body`, no-store, setting the refresh cookie.
pub fn token_response<T: serde::Serialize>(
    body: &T,
    refresh: &RefreshToken,
    now: DateTime<Utc>,
) -> HttpResponse {
    no_store(HttpResponse::Ok())
        .cookie(set(refresh, now))
        .json(body)
}
