//! Opaque random secrets (refresh tokens, service-account secrets, temporary passwords) and the
//! hashes under which they are stored.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::Rng;
use rand::distr::Alphanumeric;
use sha2::{Digest, Sha256};

/// `bytes` random bytes from the OS generator, base64url-encoded.
pub fn random_token(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    rand::rng().fill(&mut buf[..]);
    URL_SAFE_NO_PAD.encode(buf)
}

/// Hex SHA-256. Enough for high-entropy secrets, which cannot be guessed from their hash.
pub fn sha256_hex(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// A temporary password people can type: letters and digits, grouped for reading aloud.
pub fn temporary_password() -> String {
    let mut rng = rand::rng();
    loop {
        let raw: String = (&mut rng)
            .sample_iter(&Alphanumeric)
            .take(12)
            .map(char::from)
            .collect();
        let has_digit = raw.chars().any(|c| c.is_ascii_digit());
        let has_letter = raw.chars().any(|c| c.is_ascii_alphabetic());
        if has_digit && has_letter {
            return format!("{}-{}-{}", &raw[0..4], &raw[4..8], &raw[8..12]);
        }
    }
}
