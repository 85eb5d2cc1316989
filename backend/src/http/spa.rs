//! Serves the built SPA at `/`, with every unknown non-API path answered by `index.html` so that
//! client-side routes survive a reload. Hashed assets are cached for a year; everything else
//! (`index.html` above all, which names the current assets) is revalidated on every use.

use std::path::{Path, PathBuf};

use actix_files::{Files, NamedFile};
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse, fn_service};
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{HttpResponse, Responder};

const IMMUTABLE: HeaderValue = HeaderValue::from_static("public, max-age=31536000, immutable");
const REVALIDATE: HeaderValue = HeaderValue::from_static("no-cache");

const NOT_BUILT: &str = "<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\"><title>Lan Tỏa</title>\
<body style=\"font-family:sans-serif;max-width:40em;margin:3em auto\"><h1>Lan Tỏa</h1>\
<p>Giao diện web chưa được build. Chạy <code>npm --prefix frontend ci &amp;&amp; npm --prefix frontend run build</code> \
rồi khởi động lại máy chủ. API vẫn hoạt động tại <a href=\"/api/docs\">/api/docs</a>.</p></body></html>";

pub fn service(static_dir: &Path) -> Files {
    let index: PathBuf = static_dir.join("index.html");
    Files::new("/", static_dir)
        .index_file("index.html")
        .prefer_utf8(true)
        .default_handler(fn_service(move |req: ServiceRequest| {
            let index = index.clone();
            async move {
                let (req, _) = req.into_parts();
                // A missing asset (a page from an older build asking for its files) is not a page.
                if req.path().starts_with("/assets/") {
                    return Ok(ServiceResponse::new(req, HttpResponse::NotFound().finish()));
                }
                let response = match NamedFile::open_async(&index).await {
                    Ok(file) => file.into_response(&req),
                    Err(_) => HttpResponse::Ok()
                        .content_type("text/html; charset=utf-8")
                        .body(NOT_BUILT),
                };
                Ok(ServiceResponse::new(req, response))
            }
        }))
}

/// When the SPA directory does not exist at all.
pub async fn not_built(req: actix_web::HttpRequest) -> impl Responder {
    if !matches!(
        *req.method(),
        actix_web::http::Method::GET | actix_web::http::Method::HEAD
    ) {
        return HttpResponse::MethodNotAllowed()
            .insert_header((header::ALLOW, "GET, HEAD"))
            .finish();
    }
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(NOT_BUILT)
}

/// Middleware: `Cache-Control` of the SPA's answers (paths outside `/api`).
pub async fn cache_control(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let path = req.path();
    let value = if path.starts_with("/api/") || path == "/api" {
        None
    } else if is_hashed_asset(path) {
        Some(IMMUTABLE)
    } else {
        Some(REVALIDATE)
    };
    let mut response = next.call(req).await?;
    let served = response.status().is_success() || response.status().as_u16() == 304;
    if let Some(value) = value.filter(|_| served)
        && !response.headers().contains_key(header::CACHE_CONTROL)
    {
        response.headers_mut().insert(header::CACHE_CONTROL, value);
    }
    Ok(response)
}

/// A file Vite emitted with a content hash: `/assets/<name>-<8 characters>.<ext>`, so its content
/// never changes under that name.
fn is_hashed_asset(path: &str) -> bool {
    let Some(file) = path.strip_prefix("/assets/") else {
        return false;
    };
    let stem = match file.split_once('.') {
        Some((stem, ext)) if !ext.is_empty() && !stem.contains('/') => stem,
        _ => return false,
    };
    let Some(split) = stem.len().checked_sub(9) else {
        return false;
    };
    let (name, hash) = stem.split_at(split);
    !name.is_empty()
        && hash.starts_with('-')
        && hash[1..]
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::is_hashed_asset;

    #[test]
    fn only_vite_hashed_assets_are_immutable() {
        assert!(is_hashed_asset("/assets/index-DiwrgTda.js"));
        assert!(is_hashed_asset("/assets/index-BaM1cL_e.css"));
        assert!(is_hashed_asset("/assets/vendor-antd-C-z1d2_P.js"));
        assert!(!is_hashed_asset("/index.html"));
        assert!(!is_hashed_asset("/favicon.svg"));
        assert!(!is_hashed_asset("/assets/logo.svg"));
        assert!(!is_hashed_asset("/assets/-DiwrgTda.js"));
        assert!(!is_hashed_asset("/assets/sub/index-DiwrgTda.js"));
        assert!(!is_hashed_asset("/assets/index-Diwrg.Tda.js"));
        assert!(!is_hashed_asset("/don-vi/12"));
    }
}
