//! HTTP plumbing shared by every resource: error handlers for malformed requests, pagination,
//! ETags, the request id and log line, security headers, health checks and the SPA.

pub mod access_log;
pub mod api_docs;
pub mod etag;
pub mod extract;
pub mod fallback;
pub mod health;
pub mod pagination;
pub mod request_id;
pub mod routes;
pub mod security_headers;
pub mod spa;
pub mod text;
pub mod upload;
pub mod validation;
