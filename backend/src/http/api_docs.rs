//! The OpenAPI document as the running server uses it: built once per process, on first use, and
//! shared by every worker. Building it walks every schema of the API, so doing it at start-up (or
//! once per worker) costs start-up time and megabytes that most processes never need.

use std::sync::OnceLock;

use actix_web::{HttpResponse, web};

use super::fallback::RouteTable;

pub struct ApiDocs {
    /// `/api/openapi.json`, serialised once.
    pub json: web::Bytes,
    /// The methods of every API path, for 405 answers.
    pub routes: RouteTable,
}

static DOCS: OnceLock<ApiDocs> = OnceLock::new();

pub fn get() -> &'static ApiDocs {
    DOCS.get_or_init(|| {
        let spec = crate::openapi();
        ApiDocs {
            json: serde_json::to_vec(&spec).unwrap_or_default().into(),
            routes: RouteTable::from_spec(&spec),
        }
    })
}

/// `GET /api/openapi.json`: the document Swagger UI (`/api/docs/`) reads.
pub async fn openapi_json() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .body(get().json.clone())
}
