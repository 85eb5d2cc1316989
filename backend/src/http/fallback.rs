//! Answers that no handler gives: unknown API routes, malformed path parameters, and a safety net
//! that turns any non-problem error response (from actix itself) into `application/problem+json`.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::ServiceResponse;
use actix_web::http::{Method, StatusCode, header};
use actix_web::middleware::ErrorHandlerResponse;
use actix_web::{HttpRequest, HttpResponse, web};

use crate::error::{AppError, ErrorCode, PROBLEM_CONTENT_TYPE};

/// Default service under `/api`: a problem instead of the SPA or an empty 404.
pub async fn api_not_found(req: HttpRequest) -> Result<HttpResponse, AppError> {
    if req.method() == Method::OPTIONS {
        return Err(AppError::new(ErrorCode::MethodNotAllowed));
    }
    Err(AppError::new(ErrorCode::RouteNotFound).with_detail(format!(
        "Không có API {} {}. Xem tài liệu tại /api/docs.",
        req.method(),
        req.path()
    )))
}

pub fn path_config() -> web::PathConfig {
    web::PathConfig::default().error_handler(|_, _| {
        AppError::new(ErrorCode::InvalidPath)
            .with_detail("Mã định danh trong đường dẫn không hợp lệ.")
            .into()
    })
}

pub fn json_config() -> web::JsonConfig {
    web::JsonConfig::default().error_handler(|_, _| {
        AppError::new(ErrorCode::MalformedJson)
            .with_detail("Nội dung JSON không hợp lệ.")
            .into()
    })
}

pub fn query_config() -> web::QueryConfig {
    web::QueryConfig::default().error_handler(|_, _| {
        AppError::new(ErrorCode::InvalidQuery)
            .with_detail("Tham số truy vấn không hợp lệ.")
            .into()
    })
}

/// `ErrorHandlers` default handler: any 4xx/5xx that is not already a problem becomes one.
pub fn ensure_problem<B: MessageBody + 'static>(
    res: ServiceResponse<B>,
) -> actix_web::Result<ErrorHandlerResponse<B>> {
    let is_problem = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with(PROBLEM_CONTENT_TYPE));
    if is_problem || !res.request().path().starts_with("/api") {
        return Ok(ErrorHandlerResponse::Response(res.map_into_left_body()));
    }
    let code = code_for(res.status());
    let (req, original) = res.into_parts();
    // Keep the original error as the cause, for the request's log line.
    let cause = original.error().map(|e| e.to_string());
    let error = match cause {
        Some(cause) if code == ErrorCode::InternalError => AppError::internal(cause),
        Some(cause) => AppError::new(code).with_internal(&cause),
        None => AppError::new(code),
    };
    let mut replacement: HttpResponse<BoxBody> = HttpResponse::from_error(error);
    for (name, value) in original.headers() {
        if name == header::ALLOW || name == header::RETRY_AFTER {
            replacement
                .headers_mut()
                .insert(name.clone(), value.clone());
        }
    }
    Ok(ErrorHandlerResponse::Response(
        ServiceResponse::new(req, replacement).map_into_right_body::<B>(),
    ))
}

fn code_for(status: StatusCode) -> ErrorCode {
    match status.as_u16() {
        401 => ErrorCode::Unauthenticated,
        403 => ErrorCode::Forbidden,
        404 => ErrorCode::RouteNotFound,
        405 => ErrorCode::MethodNotAllowed,
        412 => ErrorCode::VersionMismatch,
        413 => ErrorCode::PayloadTooLarge,
        415 => ErrorCode::UnsupportedMediaType,
        422 => ErrorCode::ValidationFailed,
        428 => ErrorCode::PreconditionRequired,
        429 => ErrorCode::TooManyRequests,
        503 => ErrorCode::ServiceUnavailable,
        400..=499 => ErrorCode::BadRequest,
        _ => ErrorCode::InternalError,
    }
}
