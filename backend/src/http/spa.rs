//! Serves the built SPA at `/`, with every unknown non-API path answered by `index.html` so that
//! client-side routes survive a reload.

use std::path::{Path, PathBuf};

use actix_files::{Files, NamedFile};
use actix_web::dev::{ServiceRequest, ServiceResponse, fn_service};
use actix_web::http::header;
use actix_web::{HttpResponse, Responder};

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
                let response = match NamedFile::open_async(&index).await {
                    Ok(file) => {
                        let mut response = file.into_response(&req);
                        response.headers_mut().insert(
                            header::CACHE_CONTROL,
                            header::HeaderValue::from_static("no-cache"),
                        );
                        response
                    }
                    Err(_) => HttpResponse::Ok()
                        .content_type("text/html; charset=utf-8")
                        .body(NOT_BUILT),
                };
                Ok(ServiceResponse::new(req, response))
            }
        }))
}

/// When the SPA directory does not exist at all.
pub async fn not_built() -> impl Responder {
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(NOT_BUILT)
}
