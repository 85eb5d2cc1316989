//! Password hashing (argon2id) and the password policy.

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};

use crate::db::search::fold;
use crate::error::{AppError, FieldError};

pub const MIN_LENGTH: usize = 10;
pub const MAX_LENGTH: usize = 128;

pub fn hash(password: &str) -> Result<String, AppError> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(AppError::internal)
}

pub fn verify(password: &str, stored_hash: &str) -> bool {
    match PasswordHash::new(stored_hash) {
        Ok(parsed) => Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

/// Spends the same time as a real verification, so that an unknown username cannot be told
/// apart from a wrong password by timing.
pub fn verify_dummy(password: &str) {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let dummy = DUMMY.get_or_init(|| hash("lan-toa-dummy-password").unwrap_or_default());
    let _ = verify(password, dummy);
}

const COMMON: &[&str] = &[
    "1234567890",
    "12345678910",
    "0123456789",
    "password",
    "password1",
    "password123",
    "matkhau",
    "matkhau123",
    "qwertyuiop",
    "abcdefghij",
    "abc1234567",
    "123456789a",
    "admin12345",
    "iloveyou12",
];

/// The policy: 10–128 characters, at least one letter and one digit, not the username, not a
/// well-known password. Returns the problems with the `field` named.
pub fn check_policy(field: &str, password: &str, username: &str) -> Vec<FieldError> {
    let mut problems = Vec::new();
    let length = password.chars().count();
    if !(MIN_LENGTH..=MAX_LENGTH).contains(&length) {
        problems.push(FieldError::new(
            field,
            "password_length",
            format!("Mật khẩu phải có từ {MIN_LENGTH} đến {MAX_LENGTH} ký tự."),
        ));
    }
    if !password.chars().any(char::is_alphabetic) || !password.chars().any(|c| c.is_ascii_digit()) {
        problems.push(FieldError::new(
            field,
            "password_weak",
            "Mật khẩu phải có cả chữ cái và chữ số.",
        ));
    }
    let folded = fold(password);
    if !username.is_empty() && folded.contains(&fold(username)) {
        problems.push(FieldError::new(
            field,
            "password_contains_username",
            "Mật khẩu không được chứa tên đăng nhập.",
        ));
    }
    if COMMON.contains(&folded.as_str()) {
        problems.push(FieldError::new(
            field,
            "password_common",
            "Mật khẩu quá phổ biến, dễ bị đoán.",
        ));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_and_verifies() {
        let hashed = hash("Mat-khau-2026").unwrap_or_default();
        assert!(hashed.starts_with("$argon2id$"));
        assert!(verify("Mat-khau-2026", &hashed));
        assert!(!verify("mat-khau-2026", &hashed));
        assert!(!verify("anything", "not a hash"));
    }

    #[test]
    fn policy() {
        assert!(check_policy("p", "Lantoa-2026!", "thao").is_empty());
        let codes = |p: &str| {
            check_policy("p", p, "thao")
                .into_iter()
                .map(|e| e.code)
                .collect::<Vec<_>>()
        };
        assert_eq!(codes("short1"), ["password_length"]);
        assert_eq!(codes("onlyletters"), ["password_weak"]);
        assert_eq!(codes("thao12345678"), ["password_contains_username"]);
        assert_eq!(codes("Password123"), ["password_common"]);
    }
}
