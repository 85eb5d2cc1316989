//! The embeddable list: a small self-contained HTML page of public items for an `<iframe>` on
//! the Department's website. No script, styles inline, every text escaped, links opening in a
//! new tab; served with a policy that lets only the configured sites frame it.

use std::fmt::Write as _;

use super::PublicItem;
use crate::publicity::share::text::clip_words;

/// Items an embed shows by default, and at most.
pub const DEFAULT_ITEMS: i64 = 6;
pub const MAX_ITEMS: i64 = 20;
const SUMMARY: usize = 160;

/// The policy of the embed (the rest of the API keeps `frame-ancestors 'none'`): nothing but
/// its own inline styles and this server's images, no script, no form, framed by `ancestors`.
pub fn content_security_policy(ancestors: &str) -> String {
    format!(
        "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; \
form-action 'none'; frame-ancestors {ancestors}"
    )
}

/// Text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && !matches!(c, '\n' | '\t') => {}
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "*{box-sizing:border-box}body{margin:0;font-family:'Noto Sans',Roboto,Arial,sans-serif;\
color:#1f1f1f;background:#fff;font-size:14px;line-height:1.45}header{padding:10px 12px;background:#0b5394;\
color:#fff;font-weight:700;font-size:15px}ul{list-style:none;margin:0;padding:0}li{border-bottom:1px solid #eee}\
a{display:flex;gap:12px;padding:10px 12px;color:inherit;text-decoration:none}a:hover{background:#f5f8fc}\
img,.ph{flex:none;width:72px;height:72px;object-fit:cover;border-radius:6px;background:#e6eef8}\
.k{font-size:12px;color:#c4320a;font-weight:700;text-transform:uppercase}.n{font-weight:700;color:#0b5394}\
.t span{display:block}.u{font-size:12px;color:#595959}.s{margin-top:2px}p.e{padding:16px 12px;color:#595959}\
footer{padding:8px 12px;font-size:12px;color:#8c8c8c}";

/// The page: a heading, the items (or a line saying there are none), a footer naming the source.
pub fn page(heading: &str, department: &str, items: &[PublicItem]) -> String {
    let mut html = format!(
        "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" \
content=\"width=device-width,initial-scale=1\"><meta name=\"robots\" content=\"noindex\"><title>{}</title>\
<style>{STYLE}</style></head><body><header>{}</header>",
        escape(heading),
        escape(heading)
    );
    if items.is_empty() {
        html.push_str("<p class=\"e\">Chưa có nội dung nào được công bố.</p>");
    } else {
        html.push_str("<ul>");
        for item in items {
            let picture = match &item.image_path {
                Some(path) => format!(
                    "<img src=\"{}\" alt=\"{}\" loading=\"lazy\">",
                    escape(path),
                    escape(&item.title)
                ),
                None => "<span class=\"ph\"></span>".to_owned(),
            };
            let _ = write!(
                html,
                "<li><a href=\"{href}\" target=\"_blank\" rel=\"noopener noreferrer\">{picture}<span class=\"t\">\
<span class=\"k\">{label}</span><span class=\"n\">{title}</span><span class=\"u\">{subtitle}</span>\
<span class=\"s\">{summary}</span></span></a></li>",
                href = escape(&item.page_url),
                label = escape(&item.label),
                title = escape(&item.title),
                subtitle = escape(&item.subtitle),
                summary = escape(&clip_words(&item.summary, SUMMARY)),
            );
        }
        html.push_str("</ul>");
    }
    let _ = write!(
        html,
        "<footer>Nguồn: {} – Lan Tỏa</footer></body></html>",
        escape(department)
    );
    html
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::publicity::portal::PublicKind;

    #[test]
    fn the_page_escapes_everything_and_runs_nothing() {
        let item = PublicItem {
            kind: PublicKind::Exemplar,
            id: 1,
            title: "<script>alert('x')</script>".into(),
            subtitle: "Phòng \"Hành chính\" & tư pháp".into(),
            label: "Mô hình mới".into(),
            summary: "<img src=x onerror=alert(1)>".into(),
            page_url: "http://127.0.0.1:8080/cong-khai/guong-dien-hinh/1\"><script>".into(),
            image_url: None,
            image_path: Some("/api/v1/public/exemplars/1/photo".into()),
            published: chrono::NaiveDateTime::default(),
            updated: chrono::NaiveDateTime::default(),
        };
        let html = page("Gương điển hình", "Sở Tư pháp tỉnh Đồng Tháp", &[item]);
        assert!(!html.contains("<script"));
        assert!(!html.contains("<img src=x"));
        assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
        assert!(html.contains("Phòng &quot;Hành chính&quot; &amp; tư pháp"));
        assert!(html.contains("<img src=\"/api/v1/public/exemplars/1/photo\""));
        assert!(page("Gương điển hình", "Sở", &[]).contains("Chưa có nội dung nào được công bố."));
        assert_eq!(
            content_security_policy("https://stp.dongthap.gov.vn"),
            "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors https://stp.dongthap.gov.vn"
        );
    }
}
