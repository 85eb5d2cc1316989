//! Answers that no handler gives: unknown API routes, methods a path does not have (405 with
//! `Allow`), malformed path parameters, and a safety net that turns any non-problem error
//! response (from actix itself) into `application/problem+json`.

use actix_web::body::{BoxBody, EitherBody, MessageBody};
use actix_web::dev::{ResourceDef, ServiceRequest, ServiceResponse};
use actix_web::http::header::HeaderValue;
use actix_web::http::{Method, StatusCode, header};
use actix_web::middleware::{ErrorHandlerResponse, Next};
use actix_web::{HttpRequest, HttpResponse, web};

use crate::error::{AppError, ErrorCode, PROBLEM_CONTENT_TYPE};

/// The methods of every API path, read from the OpenAPI document: every route is registered
/// through it, so the two cannot disagree.
pub struct RouteTable {
    routes: Vec<(ResourceDef, Vec<Method>)>,
}

impl RouteTable {
    pub fn from_spec(spec: &utoipa::openapi::OpenApi) -> Self {
        let routes = spec
            .paths
            .paths
            .iter()
            .map(|(path, item)| {
                let methods = [
                    (Method::GET, &item.get),
                    (Method::POST, &item.post),
                    (Method::PUT, &item.put),
                    (Method::PATCH, &item.patch),
                    (Method::DELETE, &item.delete),
                ]
                .into_iter()
                .filter(|(_, operation)| operation.is_some())
                .map(|(method, _)| method)
                .collect();
                (ResourceDef::new(path.as_str()), methods)
            })
            .collect();
        Self { routes }
    }

    /// The methods of the routes matching `path` (several patterns can match one path, e.g.
    /// `/units/tree` and `/units/{id}`); empty when no route does.
    pub fn methods(&self, path: &str) -> Vec<Method> {
        let mut methods: Vec<Method> = Vec::new();
        for (def, route_methods) in &self.routes {
            if def.is_match(path) {
                for method in route_methods {
                    if !methods.contains(method) {
                        methods.push(method.clone());
                    }
                }
            }
        }
        let rank = |m: &Method| {
            ["GET", "POST", "PUT", "PATCH", "DELETE"]
                .iter()
                .position(|r| *r == m.as_str())
        };
        methods.sort_by_key(rank);
        methods
    }
}

/// Middleware, inside every other: a request that no route took (404 `route_not_found`, or the
/// static files' bare 405) on a path that exists with other methods is answered 405 with `Allow`.
/// Only unmatched answers are looked at, so served requests pay nothing.
pub async fn method_not_allowed(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    let response = next.call(req).await?;
    let unmatched = match response.status() {
        StatusCode::NOT_FOUND => response
            .response()
            .error()
            .and_then(|e| e.as_error::<AppError>())
            .is_some_and(|e| e.code == ErrorCode::RouteNotFound),
        StatusCode::METHOD_NOT_ALLOWED => true,
        _ => false,
    };
    let methods = if unmatched {
        super::api_docs::get()
            .routes
            .methods(response.request().path())
    } else {
        Vec::new()
    };
    if methods.is_empty() || methods.contains(response.request().method()) {
        return Ok(response.map_into_left_body());
    }
    let allow = methods
        .iter()
        .map(Method::as_str)
        .collect::<Vec<_>>()
        .join(", ");
    let error = AppError::new(ErrorCode::MethodNotAllowed).with_detail(format!(
        "Đường dẫn này không hỗ trợ phương thức {}; các phương thức được hỗ trợ: {allow}.",
        response.request().method()
    ));
    let mut answer = HttpResponse::from_error(error);
    if let Ok(value) = HeaderValue::from_str(&allow) {
        answer.headers_mut().insert(header::ALLOW, value);
    }
    let (req, _) = response.into_parts();
    Ok(ServiceResponse::new(req, answer).map_into_right_body())
}

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
