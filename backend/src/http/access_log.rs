//! The one log line of a finished request, written inside the request's span (so it carries the
//! `request_id`). Sized so that a client cannot make the log grow much faster than its traffic:
//! client errors are one short line at `info`, with the route pattern rather than the raw path
//! and header values clipped; server errors are one line at `error` with their cause; other
//! requests are logged at `debug` only (`RUST_LOG=info,lantoa::http::access_log=debug`).

use std::borrow::Cow;
use std::time::Duration;

use actix_web::dev::ServiceResponse;
use actix_web::http::header;
use tracing::Level;

use crate::error::AppError;

/// Longest raw path logged when no route matched.
const MAX_PATH_CHARS: usize = 40;
/// Longest method logged (clients may send any token).
const MAX_METHOD_CHARS: usize = 16;
/// Longest `User-Agent` logged.
const MAX_USER_AGENT_CHARS: usize = 40;

pub fn finished<B>(response: &ServiceResponse<B>, elapsed: Duration) {
    let status = response.status();
    let ms = millis(elapsed);
    if status.is_server_error() {
        let error = response.response().error();
        let app_error = error.and_then(|e| e.as_error::<AppError>());
        let cause = match app_error {
            Some(e) => e.internal_cause().map(Cow::Borrowed),
            None => error.map(|e| Cow::Owned(e.to_string())),
        };
        tracing::error!(
            method = %clip(response.request().method().as_str(), MAX_METHOD_CHARS),
            route = %Route(response),
            status = status.as_u16(),
            code = app_error.map(|e| tracing::field::display(e.code)),
            ms,
            cause = cause.as_deref().unwrap_or("unknown"),
            "request failed"
        );
    } else if status.is_client_error() {
        let req = response.request();
        let code = response
            .response()
            .error()
            .and_then(|e| e.as_error::<AppError>())
            .map(|e| tracing::field::display(e.code));
        let user_agent = req.headers().get(header::USER_AGENT).map(|v| {
            // Decode only the head of a long value; clipping then marks the cut.
            let bytes = v.as_bytes();
            let head = &bytes[..bytes.len().min(4 * MAX_USER_AGENT_CHARS + 4)];
            clip(&String::from_utf8_lossy(head), MAX_USER_AGENT_CHARS).into_owned()
        });
        tracing::info!(
            method = %clip(req.method().as_str(), MAX_METHOD_CHARS),
            route = %Route(response),
            status = status.as_u16(),
            code,
            ms,
            peer = req.peer_addr().map(|a| tracing::field::display(a.ip())),
            user_agent = user_agent.as_deref(),
            "request rejected"
        );
    } else if tracing::enabled!(Level::DEBUG) {
        tracing::debug!(
            method = %clip(response.request().method().as_str(), MAX_METHOD_CHARS),
            route = %Route(response),
            status = status.as_u16(),
            ms,
            "request"
        );
    }
}

/// A request that ended in an error no handler rendered (a middleware's).
pub fn failed(method: &actix_web::http::Method, error: &actix_web::Error, elapsed: Duration) {
    let status = error.as_response_error().status_code();
    let code = error
        .as_error::<AppError>()
        .map(|e| tracing::field::display(e.code));
    let ms = millis(elapsed);
    if status.is_server_error() {
        let cause = match error.as_error::<AppError>() {
            Some(e) => e.internal_cause().map(Cow::Borrowed),
            None => Some(Cow::Owned(error.to_string())),
        };
        tracing::error!(
            method = %clip(method.as_str(), MAX_METHOD_CHARS),
            status = status.as_u16(),
            code,
            ms,
            cause = cause.as_deref().unwrap_or("unknown"),
            "request failed"
        );
    } else {
        tracing::info!(method = %clip(method.as_str(), MAX_METHOD_CHARS), status = status.as_u16(), code, ms, "request rejected");
    }
}

fn millis(elapsed: Duration) -> f64 {
    (elapsed.as_secs_f64() * 10_000.0).round() / 10.0
}

/// The matched route pattern (`/api/v1/units/{id}`), else the path, clipped.
struct Route<'a, B>(&'a ServiceResponse<B>);

impl<B> std::fmt::Display for Route<'_, B> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let req = self.0.request();
        match req.match_pattern() {
            Some(pattern) if !pattern.is_empty() => f.write_str(&pattern),
            _ => write!(f, "{:?}", clip(req.path(), MAX_PATH_CHARS)),
        }
    }
}

/// At most `max` characters of `text`, with `…` when cut.
pub fn clip(text: &str, max: usize) -> Cow<'_, str> {
    match text.char_indices().nth(max) {
        None => Cow::Borrowed(text),
        Some((end, _)) => Cow::Owned(format!("{}…", &text[..end])),
    }
}

#[cfg(test)]
mod tests {
    use super::clip;

    #[test]
    fn clips_on_character_boundaries() {
        assert_eq!(clip("abc", 3), "abc");
        assert_eq!(clip("abcd", 3), "abc…");
        assert_eq!(clip("Nguyễn Văn", 5), "Nguyễ…");
        assert_eq!(clip("", 0), "");
    }
}
