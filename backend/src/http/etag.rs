//! Optimistic concurrency: single resources carry an `ETag` built from their version, and every
//! update must send it back in `If-Match`. A stale version is answered 412, a missing one 428.

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, HttpResponse};
use futures_util::future::{Ready, ready};
use serde::Serialize;

use crate::error::{AppError, AppResult, ErrorCode};

pub fn etag(version: i32) -> String {
    format!("\"{version}\"")
}

/// A JSON response with the resource's `ETag`.
pub fn json_with_etag<T: Serialize>(
    status: actix_web::http::StatusCode,
    version: i32,
    body: &T,
) -> HttpResponse {
    HttpResponse::build(status)
        .insert_header((header::ETAG, etag(version)))
        .json(body)
}

/// The version the client last saw, from `If-Match`: an ETag, or `*` (any current version).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IfMatch {
    Any,
    Version(i32),
}

impl IfMatch {
    /// The version a compare-and-set expects: the client's, once it matches the stored one
    /// (412 when the stored version has moved on); with `*`, the stored one.
    pub fn expect(self, current: i32) -> AppResult<i32> {
        match self {
            IfMatch::Any => Ok(current),
            IfMatch::Version(seen) if seen == current => Ok(seen),
            IfMatch::Version(_) => Err(stale()),
        }
    }

    /// Fails with 412 when the stored version has moved on.
    pub fn check(self, current: i32) -> AppResult<()> {
        self.expect(current).map(|_| ())
    }
}

pub fn stale() -> AppError {
    AppError::new(ErrorCode::VersionMismatch)
        .with_detail("Bản ghi đã được người khác cập nhật. Vui lòng tải lại để xem thay đổi mới nhất rồi thực hiện lại.")
}

impl FromRequest for IfMatch {
    type Error = AppError;
    type Future = Ready<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(parse(req))
    }
}

fn parse(req: &HttpRequest) -> AppResult<IfMatch> {
    let Some(value) = req.headers().get(header::IF_MATCH) else {
        return Err(AppError::new(ErrorCode::PreconditionRequired)
            .with_detail("Cập nhật cần tiêu đề If-Match chứa ETag của phiên bản đã đọc."));
    };
    let text = value.to_str().unwrap_or("").trim();
    if text == "*" {
        return Ok(IfMatch::Any);
    }
    let text = text.strip_prefix("W/").unwrap_or(text);
    text.trim_matches('"')
        .parse::<i32>()
        .map(IfMatch::Version)
        .map_err(|_| {
            AppError::new(ErrorCode::VersionMismatch)
                .with_detail("Giá trị If-Match không khớp phiên bản nào.")
        })
}
