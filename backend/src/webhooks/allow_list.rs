//! Where webhooks may go (`LANTOA_WEBHOOK_ALLOWED_HOSTS`): host names (`hooks.dongthap.gov.vn`,
//! or `*.dongthap.gov.vn` for its subdomains) and IP addresses or CIDR blocks. A URL's host must
//! be listed, at subscription time and again at delivery time; its name is then resolved and
//! every address must be public, unless the address itself is listed (so a provincial server on
//! an internal network is allowed only by naming its address). Deliveries connect to the checked
//! address, never to a second resolution, and follow no redirects.

use std::net::{IpAddr, SocketAddr};
use std::str::FromStr;

use reqwest::Url;

use crate::auth::client_addr::{Network, canonical};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AllowList {
    hosts: Vec<String>,
    networks: Vec<Network>,
}

/// Why a target is refused, in Vietnamese.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal(pub String);

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for AllowList {
    type Err = String;

    /// A comma-separated list; empty entries are ignored (an empty list allows nothing).
    fn from_str(text: &str) -> Result<Self, String> {
        let mut list = AllowList::default();
        for entry in text.split(',').map(str::trim).filter(|e| !e.is_empty()) {
            if let Ok(network) = Network::from_str(entry) {
                list.networks.push(network);
                continue;
            }
            let host = entry.to_ascii_lowercase();
            let name = host.strip_prefix("*.").unwrap_or(&host);
            let valid = !name.is_empty()
                && name.len() <= 253
                && name
                    .split('.')
                    .all(|label| !label.is_empty() && label.len() <= 63 && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
            if !valid {
                return Err(format!("`{entry}` is not a host name, IP address or CIDR block"));
            }
            list.hosts.push(host);
        }
        Ok(list)
    }
}

/// Whether an address is reachable from the internet at large: not loopback, private, link-local,
/// shared (CGNAT), multicast, documentation, benchmarking, reserved or unspecified.
pub fn is_public(ip: IpAddr) -> bool {
    match canonical(ip) {
        IpAddr::V4(v4) => {
            let o = v4.octets();
            !(v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_multicast()
                || v4.is_documentation()
                || o[0] == 0
                || (o[0] == 100 && (64..128).contains(&o[1]))
                || (o[0] == 198 && (o[1] == 18 || o[1] == 19))
                || (o[0] == 192 && o[1] == 0 && o[2] == 0)
                || o[0] >= 240)
        }
        IpAddr::V6(v6) => {
            let first = v6.segments()[0];
            !(v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (first & 0xfe00) == 0xfc00
                || (first & 0xffc0) == 0xfe80
                || (first == 0x2001 && v6.segments()[1] == 0x0db8)
                || first == 0x0064)
        }
    }
}

impl AllowList {
    pub fn is_empty(&self) -> bool {
        self.hosts.is_empty() && self.networks.is_empty()
    }

    fn lists_name(&self, name: &str) -> bool {
        let name = name.trim_end_matches('.').to_ascii_lowercase();
        self.hosts.iter().any(|host| match host.strip_prefix("*.") {
            Some(domain) => name.len() > domain.len() && name.ends_with(&format!(".{domain}")),
            None => *host == name,
        })
    }

    fn lists_address(&self, ip: IpAddr) -> bool {
        self.networks.iter().any(|network| network.contains(ip))
    }

    /// An address a delivery may connect to.
    pub fn permits_address(&self, ip: IpAddr) -> bool {
        self.lists_address(ip) || is_public(ip)
    }

    /// The URL's shape and host, without resolving it.
    pub fn check_url(&self, url: &Url) -> Result<(), Refusal> {
        if !matches!(url.scheme(), "http" | "https") {
            return Err(Refusal("Địa chỉ phải bắt đầu bằng https:// hoặc http://.".into()));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(Refusal("Địa chỉ không được chứa tên đăng nhập, mật khẩu.".into()));
        }
        let listed = match url.host() {
            None => return Err(Refusal("Địa chỉ thiếu tên máy chủ.".into())),
            Some(url::Host::Domain(name)) => self.lists_name(name),
            Some(url::Host::Ipv4(ip)) => self.lists_address(IpAddr::V4(ip)),
            Some(url::Host::Ipv6(ip)) => self.lists_address(IpAddr::V6(ip)),
        };
        if listed {
            Ok(())
        } else {
            Err(Refusal(format!(
                "Máy chủ {} không thuộc danh sách được phép nhận webhook (LANTOA_WEBHOOK_ALLOWED_HOSTS).",
                url.host_str().unwrap_or("")
            )))
        }
    }

    /// Checks the URL, resolves its host and checks every address; returns the addresses to
    /// connect to.
    pub async fn resolve(&self, url: &Url) -> Result<Vec<SocketAddr>, Refusal> {
        self.check_url(url)?;
        let host = url.host_str().unwrap_or("").trim_start_matches('[').trim_end_matches(']').to_owned();
        let port = url.port_or_known_default().unwrap_or(443);
        let addresses: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), port))
            .await
            .map_err(|_| Refusal(format!("Không phân giải được tên máy chủ {host}.")))?
            .collect();
        if addresses.is_empty() {
            return Err(Refusal(format!("Không phân giải được tên máy chủ {host}.")));
        }
        if let Some(refused) = addresses.iter().find(|a| !self.permits_address(a.ip())) {
            return Err(Refusal(format!(
                "Máy chủ {host} trỏ đến địa chỉ nội bộ {} không được phép (chỉ được khi địa chỉ này có trong LANTOA_WEBHOOK_ALLOWED_HOSTS).",
                refused.ip()
            )));
        }
        Ok(addresses)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(text: &str) -> Url {
        Url::parse(text).unwrap()
    }

    #[test]
    fn hosts_wildcards_and_addresses() {
        let list: AllowList = "hooks.dongthap.gov.vn, *.snv.dongthap.gov.vn, 127.0.0.1, 10.1.0.0/16".parse().unwrap();
        assert!(list.check_url(&url("https://hooks.dongthap.gov.vn/lantoa")).is_ok());
        assert!(list.check_url(&url("https://HOOKS.dongthap.gov.vn./x")).is_ok());
        assert!(list.check_url(&url("https://api.snv.dongthap.gov.vn/x")).is_ok());
        assert!(list.check_url(&url("https://snv.dongthap.gov.vn/x")).is_err(), "the wildcard is for subdomains");
        assert!(list.check_url(&url("https://evil.example/x")).is_err());
        assert!(list.check_url(&url("http://127.0.0.1:8080/x")).is_ok());
        assert!(list.check_url(&url("http://10.1.2.3/x")).is_ok());
        assert!(list.check_url(&url("http://10.2.0.1/x")).is_err());
        assert!(list.check_url(&url("ftp://hooks.dongthap.gov.vn/x")).is_err());
        assert!(list.check_url(&url("https://u:p@hooks.dongthap.gov.vn/x")).is_err());
        assert!("not a host!".parse::<AllowList>().is_err());
        assert!(AllowList::default().check_url(&url("https://hooks.dongthap.gov.vn")).is_err());
    }

    #[test]
    fn private_addresses_need_to_be_listed() {
        let list: AllowList = "127.0.0.1".parse().unwrap();
        for private in ["127.0.0.2", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fd00::1", "fe80::1", "::ffff:10.0.0.1"] {
            assert!(!list.permits_address(private.parse().unwrap()), "{private}");
        }
        assert!(list.permits_address("127.0.0.1".parse().unwrap()));
        assert!(list.permits_address("203.113.131.1".parse().unwrap()));
        assert!(list.permits_address("2405:4800::1".parse().unwrap()));
    }
}
