//! The signature of a delivery: `X-LanToa-Signature: sha256=<hex>`, the HMAC-SHA256 with the
//! subscription's secret of `<timestamp>.<body>`, where the timestamp (Unix seconds) is sent in
//! `X-LanToa-Timestamp`. Receivers recompute it over the raw body, compare in constant time and
//! refuse timestamps far from their clock (replays).

use hmac::{Hmac, Mac};
use sha2::Sha256;

pub const SIGNATURE_HEADER: &str = "X-LanToa-Signature";
pub const TIMESTAMP_HEADER: &str = "X-LanToa-Timestamp";
pub const EVENT_HEADER: &str = "X-LanToa-Event";
pub const DELIVERY_HEADER: &str = "X-LanToa-Delivery";

/// `sha256=<hex of HMAC-SHA256(secret, "<timestamp>.<body>")>`.
pub fn sign(secret: &str, timestamp: i64, body: &[u8]) -> String {
    // HMAC accepts keys of any length: this cannot fail.
    let mut mac = match Hmac::<Sha256>::new_from_slice(secret.as_bytes()) {
        Ok(mac) => mac,
        Err(_) => return String::new(),
    };
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_known_signature() {
        // printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test
        assert_eq!(
            sign("whsec_test", 1_700_000_000, br#"{"a":1}"#),
            "sha256=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789"
        );
        assert_ne!(
            sign("whsec_test", 1_700_000_001, br#"{"a":1}"#),
            sign("whsec_test", 1_700_000_000, br#"{"a":1}"#)
        );
    }
}
