//! Headers every answer carries unless its handler set its own (`DefaultHeaders` adds only what
//! is missing, so an attachment download keeps its `Content-Security-Policy: sandbox`).

use actix_web::middleware::DefaultHeaders;

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
