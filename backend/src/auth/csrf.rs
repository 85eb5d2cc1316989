//! Cross-site request forgery defence for the endpoints that a cookie authenticates (refresh,
//! sign-out). Besides `SameSite=Strict` on the cookie, such a request must carry the header
//! `X-Lantoa-Csrf: 1` — a page of another origin cannot add a custom header without the server's
//! CORS consent — and, when the browser says where it comes from (`Origin`, `Sec-Fetch-Site`),
//! come from this origin.

use actix_web::HttpRequest;
use actix_web::http::header;
use actix_web::web;

use crate::error::{AppError, AppResult, ErrorCode};
use crate::state::AppState;

pub const HEADER: &str = "X-Lantoa-Csrf";

fn refused() -> AppError {
    AppError::new(ErrorCode::CsrfCheckFailed).with_detail(
        "Yêu cầu bị từ chối: phiên đăng nhập chỉ được làm mới hoặc kết thúc từ chính ứng dụng Lan Tỏa (cần tiêu đề X-Lantoa-Csrf: 1).",
    )
}

pub fn check(req: &HttpRequest) -> AppResult<()> {
    let headers = req.headers();
    if headers.get(HEADER).and_then(|v| v.to_str().ok()) != Some("1") {
        return Err(refused());
    }
    if headers
        .get("sec-fetch-site")
        .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"cross-site"))
    {
        return Err(refused());
    }
    if let Some(origin) = headers.get(header::ORIGIN) {
        let origin = origin.to_str().map_err(|_| refused())?;
        let authority = origin_authority(origin).ok_or_else(refused)?;
        if !own_authorities(req)
            .iter()
            .any(|own| own.eq_ignore_ascii_case(authority))
        {
            return Err(refused());
        }
    }
    Ok(())
}

/// `host[:port]` of an origin (`https://lantoa.example.vn` → `lantoa.example.vn`); `None` for
/// `null` and anything that is not an origin.
fn origin_authority(origin: &str) -> Option<&str> {
    let (scheme, rest) = origin.split_once("://")?;
    if !matches!(scheme, "http" | "https") || rest.is_empty() || rest.contains(['/', '@', '?', '#'])
    {
        return None;
    }
    Some(rest)
}

/// The names this server is reached under: the `Host` header, and `X-Forwarded-Host` when the
/// peer is a trusted proxy (which may have rewritten `Host`).
fn own_authorities(req: &HttpRequest) -> Vec<String> {
    let mut own = Vec::with_capacity(2);
    if let Some(host) = req
        .headers()
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
    {
        own.push(host.to_owned());
    } else if let Some(host) = req.uri().authority() {
        own.push(host.to_string());
    }
    let behind_proxy = req.app_data::<web::Data<AppState>>().is_some_and(|state| {
        req.peer_addr()
            .is_some_and(|peer| state.settings.trusted_proxies.contains(peer.ip()))
    });
    if behind_proxy
        && let Some(forwarded) = req
            .headers()
            .get("x-forwarded-host")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
    {
        own.push(forwarded.trim().to_owned());
    }
    own
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_give_their_authority() {
        assert_eq!(
            origin_authority("http://127.0.0.1:8080"),
            Some("127.0.0.1:8080")
        );
        assert_eq!(
            origin_authority("https://lantoa.example.vn"),
            Some("lantoa.example.vn")
        );
        assert_eq!(origin_authority("null"), None);
        assert_eq!(origin_authority("https://evil.example/x"), None);
        assert_eq!(origin_authority("ftp://127.0.0.1"), None);
    }
}
