//! Every request gets an id: in the span around the request (so every log line of the request
//! carries `request_id`), in a task-local for code that has no access to the request (such as
//! [`crate::error::AppError`]'s rendering and the audit log), and in the `X-Request-Id` header.

use std::time::Instant;

use actix_web::Error;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::Next;
use tracing::Instrument;

use crate::http::access_log;

pub const HEADER: HeaderName = HeaderName::from_static("x-request-id");

tokio::task_local! {
    static REQUEST_ID: String;
}

/// The id of the request being served, if any.
pub fn current() -> Option<String> {
    REQUEST_ID.try_with(Clone::clone).ok()
}

/// Middleware (use with `actix_web::middleware::from_fn`): assigns the id, runs the request in
/// its span and writes the request's log line.
pub async fn scope(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, Error> {
    let id = uuid::Uuid::new_v4().to_string();
    let span = tracing::info_span!("request", request_id = %id);
    let started = Instant::now();
    let method = req.method().clone();
    let outcome = REQUEST_ID
        .scope(id.clone(), next.call(req))
        .instrument(span.clone())
        .await;
    match outcome {
        Ok(mut response) => {
            if let Ok(value) = HeaderValue::from_str(&id) {
                response.headers_mut().insert(HEADER, value);
            }
            span.in_scope(|| access_log::finished(&response, started.elapsed()));
            Ok(response)
        }
        // Handlers' errors are responses by now; this is a middleware's, which actix renders.
        Err(error) => {
            span.in_scope(|| access_log::failed(&method, &error, started.elapsed()));
            Err(error)
        }
    }
}
