//! Where the public finds Lan Tỏa (`LANTOA_PUBLIC_BASE_URL`) and who may frame the embeddable
//! list (`LANTOA_EMBED_FRAME_ANCESTORS`), checked once at start-up; the addresses built from them.

/// The SPA's public page of a published exemplar, under the public base URL: `…/{id}`.
pub const EXEMPLAR_PAGE_PATH: &str = "/cong-khai/guong-dien-hinh";
/// The SPA's public pages of decided commendations.
pub const COMMENDATION_PAGE_PATH: &str = "/cong-khai/khen-thuong";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicitySettings {
    /// Scheme, host, optional port and path prefix, without a trailing slash
    /// (`https://stp.dongthap.gov.vn/lantoa`).
    base_url: String,
    /// The host of the base URL: the authority of the Atom feed's `tag:` ids.
    host: String,
    /// The CSP `frame-ancestors` sources of the embeddable list (`*` or origins).
    frame_ancestors: String,
}

impl Default for PublicitySettings {
    fn default() -> Self {
        Self {
            base_url: "http://127.0.0.1:8080".to_owned(),
            host: "127.0.0.1".to_owned(),
            frame_ancestors: "*".to_owned(),
        }
    }
}

impl PublicitySettings {
    /// Checks both settings: an absolute http(s) URL without credentials, query or fragment, and
    /// `*` or a list of http(s) origins (separated by spaces or commas).
    pub fn new(base_url: &str, frame_ancestors: &str) -> Result<Self, String> {
        let parsed = url::Url::parse(base_url.trim())
            .map_err(|e| format!("LANTOA_PUBLIC_BASE_URL is not a URL ({e}): {base_url}"))?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(format!(
                "LANTOA_PUBLIC_BASE_URL must start with http:// or https://: {base_url}"
            ));
        }
        let host = parsed
            .host_str()
            .filter(|h| !h.is_empty())
            .ok_or_else(|| format!("LANTOA_PUBLIC_BASE_URL has no host: {base_url}"))?
            .to_owned();
        if !parsed.username().is_empty()
            || parsed.password().is_some()
            || parsed.query().is_some()
            || parsed.fragment().is_some()
        {
            return Err(format!(
                "LANTOA_PUBLIC_BASE_URL may not hold credentials, a query or a fragment: {base_url}"
            ));
        }
        let base_url = parsed.as_str().trim_end_matches('/').to_owned();
        Ok(Self {
            base_url,
            host,
            frame_ancestors: parse_ancestors(frame_ancestors)?,
        })
    }

    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The public page of exemplar `id` (a page of the SPA, no sign-in).
    pub fn exemplar_page(&self, id: i64) -> String {
        format!("{}{EXEMPLAR_PAGE_PATH}/{id}", self.base_url)
    }

    /// The public page of decided commendation `id` (a nominee; a page of the SPA, no sign-in).
    pub fn commendation_page(&self, id: i64) -> String {
        format!("{}{COMMENDATION_PAGE_PATH}/{id}", self.base_url)
    }

    /// An absolute address for a path of this server (`/api/v1/public/…`).
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }

    /// A stable Atom id (RFC 4151 `tag:` URI) for `specific` (`exemplar:12`).
    pub fn tag(&self, specific: &str) -> String {
        format!("tag:{},2026:{specific}", self.host)
    }

    /// The `frame-ancestors` sources of the embeddable list.
    pub fn frame_ancestors(&self) -> &str {
        &self.frame_ancestors
    }
}

/// `*`, or http(s) origins (`https://stp.dongthap.gov.vn`), normalised to one space apart. Only
/// characters of a URL's origin pass, so nothing can end the CSP directive.
fn parse_ancestors(value: &str) -> Result<String, String> {
    let sources: Vec<&str> = value
        .split([' ', ','])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if sources.is_empty() || sources == ["*"] {
        return Ok("*".to_owned());
    }
    let mut checked = Vec::with_capacity(sources.len());
    for source in sources {
        let origin_like = source
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | ':' | '/' | '-' | '*'));
        let parsed = url::Url::parse(source).ok();
        let is_origin = parsed.as_ref().is_some_and(|u| {
            matches!(u.scheme(), "http" | "https")
                && u.host_str().is_some()
                && u.path() == "/"
                && u.query().is_none()
        });
        if !origin_like || !is_origin || source.matches("://").count() != 1 {
            return Err(format!(
                "LANTOA_EMBED_FRAME_ANCESTORS takes * or http(s) origins such as https://stp.dongthap.gov.vn: {source}"
            ));
        }
        checked.push(source.trim_end_matches('/').to_owned());
    }
    Ok(checked.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_base_url_builds_public_addresses() {
        let settings =
            PublicitySettings::new("https://stp.dongthap.gov.vn/lantoa/", "*").unwrap_or_default();
        assert_eq!(settings.base_url(), "https://stp.dongthap.gov.vn/lantoa");
        assert_eq!(
            settings.exemplar_page(12),
            "https://stp.dongthap.gov.vn/lantoa/cong-khai/guong-dien-hinh/12"
        );
        assert_eq!(
            settings.tag("exemplar:12"),
            "tag:stp.dongthap.gov.vn,2026:exemplar:12"
        );
        assert_eq!(settings.frame_ancestors(), "*");
    }

    #[test]
    fn bad_base_urls_are_refused() {
        for bad in [
            "stp.dongthap.gov.vn",
            "ftp://x.vn",
            "https://a:b@x.vn",
            "https://x.vn/?a=1",
            "https://x.vn/#top",
            "",
        ] {
            assert!(PublicitySettings::new(bad, "*").is_err(), "{bad}");
        }
    }

    #[test]
    fn frame_ancestors_are_origins_or_star() {
        let ok = PublicitySettings::new(
            "http://localhost:8080",
            "https://stp.dongthap.gov.vn, http://localhost:3000/",
        );
        assert_eq!(
            ok.map(|s| s.frame_ancestors().to_owned()).ok().as_deref(),
            Some("https://stp.dongthap.gov.vn http://localhost:3000")
        );
        for bad in [
            "'none'; script-src *",
            "https://x.vn/path",
            "javascript:alert(1)",
            "x.vn",
        ] {
            assert!(
                PublicitySettings::new("http://localhost", bad).is_err(),
                "{bad}"
            );
        }
        assert_eq!(
            PublicitySettings::new("http://localhost", " ")
                .map(|s| s.frame_ancestors().to_owned())
                .ok()
                .as_deref(),
            Some("*")
        );
    }
}
