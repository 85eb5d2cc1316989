//! The client's address: the peer's, or — when the peer is a configured trusted proxy — the
//! right-most address in `X-Forwarded-For` that is not itself a trusted proxy. Everything left of
//! that hop was written by the client and proves nothing.

use std::fmt;
use std::net::IpAddr;
use std::str::FromStr;

/// One address or a CIDR block (`10.0.0.0/8`, `fd00::/8`, `192.0.2.7`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Network {
    base: IpAddr,
    prefix: u8,
}

impl Network {
    pub fn contains(&self, ip: IpAddr) -> bool {
        match (self.base, canonical(ip)) {
            (IpAddr::V4(base), IpAddr::V4(ip)) => {
                masked(u32::from(base).into(), 32, self.prefix)
                    == masked(u32::from(ip).into(), 32, self.prefix)
            }
            (IpAddr::V6(base), IpAddr::V6(ip)) => {
                masked(u128::from(base), 128, self.prefix)
                    == masked(u128::from(ip), 128, self.prefix)
            }
            _ => false,
        }
    }
}

fn masked(bits: u128, width: u8, prefix: u8) -> u128 {
    let host_bits = u32::from(width - prefix.min(width));
    if host_bits >= 128 {
        0
    } else {
        bits >> host_bits
    }
}

/// IPv4-mapped IPv6 addresses (`::ffff:192.0.2.7`) are the IPv4 address they carry.
pub fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

impl FromStr for Network {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let text = text.trim();
        let (address, prefix) = match text.split_once('/') {
            Some((address, prefix)) => (address, Some(prefix)),
            None => (text, None),
        };
        let base = canonical(
            address
                .parse::<IpAddr>()
                .map_err(|_| format!("`{text}` is not an IP address or CIDR block"))?,
        );
        let width = if base.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            None => width,
            Some(p) => p
                .parse::<u8>()
                .ok()
                .filter(|p| *p <= width)
                .ok_or_else(|| format!("`{text}`: the prefix length must be 0–{width}"))?,
        };
        Ok(Self { base, prefix })
    }
}

impl fmt::Display for Network {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.base, self.prefix)
    }
}

/// The reverse proxies whose `X-Forwarded-For` is believed (`LANTOA_TRUSTED_PROXIES`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<Network>);

/// A comma-separated list; empty entries are ignored, so an empty value trusts no proxy.
impl FromStr for TrustedProxies {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        text.split(',')
            .filter(|entry| !entry.trim().is_empty())
            .map(Network::from_str)
            .collect::<Result<Vec<_>, _>>()
            .map(TrustedProxies)
    }
}

impl TrustedProxies {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        self.0.iter().any(|network| network.contains(ip))
    }

    /// The client's address, given the peer's and every `X-Forwarded-For` header value in order.
    pub fn client_address<'a>(
        &self,
        peer: Option<IpAddr>,
        forwarded_for: impl IntoIterator<Item = &'a str>,
    ) -> Option<IpAddr> {
        let peer = canonical(peer?);
        if !self.contains(peer) {
            return Some(peer);
        }
        let hops: Vec<&str> = forwarded_for
            .into_iter()
            .flat_map(|value| value.split(','))
            .map(str::trim)
            .collect();
        let mut client = peer;
        for hop in hops.iter().rev() {
            // A hop that is not an address cannot be a trusted proxy, and nothing left of it can be
            // believed: the nearest trusted hop is the best that is known.
            let Some(address) = parse_hop(hop) else {
                break;
            };
            client = address;
            if !self.contains(address) {
                break;
            }
        }
        Some(client)
    }
}

/// `192.0.2.7`, `192.0.2.7:4711`, `2001:db8::1` or `[2001:db8::1]:4711`.
fn parse_hop(hop: &str) -> Option<IpAddr> {
    if let Ok(ip) = hop.parse::<IpAddr>() {
        return Some(canonical(ip));
    }
    hop.parse::<std::net::SocketAddr>()
        .ok()
        .map(|socket| canonical(socket.ip()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn networks_parse_and_match() {
        let lan: Network = "10.1.0.0/16".parse().unwrap();
        assert!(lan.contains(ip("10.1.200.3")));
        assert!(!lan.contains(ip("10.2.0.1")));
        assert!(lan.contains(ip("::ffff:10.1.0.9")));
        let one: Network = "192.0.2.7".parse().unwrap();
        assert!(one.contains(ip("192.0.2.7")) && !one.contains(ip("192.0.2.8")));
        let v6: Network = "2001:db8::/32".parse().unwrap();
        assert!(v6.contains(ip("2001:db8:ffff::1")) && !v6.contains(ip("2001:db9::1")));
        let all: Network = "0.0.0.0/0".parse().unwrap();
        assert!(all.contains(ip("203.0.113.1")) && !all.contains(ip("2001:db8::1")));
        assert!("10.0.0.0/33".parse::<Network>().is_err());
        assert!("proxy.local".parse::<Network>().is_err());
        assert_eq!("".parse::<TrustedProxies>(), Ok(TrustedProxies::default()));
        assert_eq!(
            " 10.0.0.1 , ,fd00::/8"
                .parse::<TrustedProxies>()
                .map(|p| p.0.len()),
            Ok(2)
        );
    }

    #[test]
    fn the_right_most_untrusted_hop_is_the_client() {
        let proxies: TrustedProxies = "127.0.0.1,10.0.0.0/8".parse().unwrap();
        let client = |peer: &str, headers: &[&str]| {
            proxies
                .client_address(Some(ip(peer)), headers.iter().copied())
                .map(|a| a.to_string())
        };
        // Not from a proxy: the header is ignored.
        assert_eq!(
            client("198.51.100.9", &["203.0.113.5"]).as_deref(),
            Some("198.51.100.9")
        );
        // From a proxy: the address it saw, not what the client claimed before it.
        assert_eq!(
            client("127.0.0.1", &["1.2.3.4, 203.0.113.5"]).as_deref(),
            Some("203.0.113.5")
        );
        // Through two proxies, with the header split over two lines.
        assert_eq!(
            client("127.0.0.1", &["1.2.3.4, 203.0.113.5", "10.0.0.2"]).as_deref(),
            Some("203.0.113.5")
        );
        assert_eq!(
            client("127.0.0.1", &["[2001:db8::7]:443"]).as_deref(),
            Some("2001:db8::7")
        );
        // Nothing (or only proxies, or garbage) forwarded: the nearest trusted hop.
        assert_eq!(client("127.0.0.1", &[]).as_deref(), Some("127.0.0.1"));
        assert_eq!(
            client("127.0.0.1", &["10.0.0.3"]).as_deref(),
            Some("10.0.0.3")
        );
        assert_eq!(
            client("127.0.0.1", &["unknown, 10.0.0.3"]).as_deref(),
            Some("10.0.0.3")
        );
    }
}
