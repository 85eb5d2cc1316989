//! Headers every answer carries unless its handler set its own (`DefaultHeaders` adds only what
//! is missing, so an attachment download keeps its `Content-Security-Policy: sandbox`).

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::{DefaultHeaders, Next};

/// One policy for the SPA, Swagger UI (`/api/docs/`) and the API: scripts, styles, images and
/// calls only from this origin; no plug-ins, no `<base>` elsewhere, no framing. Inline styles are
/// allowed because Ant Design and Swagger UI write their styles at run time (CSS-in-JS, React
/// `style` attributes); inline scripts are not. `data:` images are Swagger UI's and Ant Design's
/// icons, `blob:` images are attachment previews fetched with the access token.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; \
style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; \
connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/// Downloaded files: a document opened straight from the API runs no script, submits no form and
/// is framed by no one, whatever its bytes (an HTML or SVG disguised as a picture included).
pub const DOWNLOAD_POLICY: &str = "sandbox; default-src 'none'; img-src 'self'; \
style-src 'unsafe-inline'; frame-ancestors 'none'";

pub const STRICT_TRANSPORT_SECURITY: &str = "max-age=31536000; includeSubDomains";

/// `hsts`: the site is reached over HTTPS only (`LANTOA_HSTS`, see the README).
pub fn default_headers(hsts: bool) -> DefaultHeaders {
    let headers = DefaultHeaders::new()
        .add(("X-Content-Type-Options", "nosniff"))
        .add(("X-Frame-Options", "DENY"))
        .add(("Referrer-Policy", "same-origin"))
        .add(("Content-Security-Policy", CONTENT_SECURITY_POLICY));
    if hsts {
        headers.add(("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY))
    } else {
        headers
    }
}

/// Middleware, outside [`default_headers`]: an answer whose own policy lets others frame it (the
/// public embeddable list, `frame-ancestors` other than `'none'`) loses the `X-Frame-Options:
/// DENY` added to every answer, which older browsers would obey instead. Nothing else is framed.
pub async fn framing(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let mut response = next.call(req).await?;
    let frameable = response
        .headers()
        .get(header::CONTENT_SECURITY_POLICY)
        .and_then(|v| v.to_str().ok())
        .and_then(|csp| {
            csp.split(';')
                .map(str::trim)
                .find_map(|directive| directive.strip_prefix("frame-ancestors "))
        })
        .is_some_and(|sources| sources.trim() != "'none'");
    if frameable {
        response.headers_mut().remove(header::X_FRAME_OPTIONS);
    }
    Ok(response)
}
