//! A short-lived cache of verified access tokens and the principals behind them, so that most
//! requests neither check a signature nor go to the database. An entry is the outcome of a full
//! check of that exact token (signature, claims, session, account); a token is immutable, so the
//! outcome stays true until the account or the session changes. Entries live a few seconds
//! (monotonic clock) and every change to accounts or sessions made by this process clears the
//! cache at once, so sign-out, password changes, deactivation and role changes take effect
//! immediately here and within the time-to-live on other instances. `exp` and `nbf` are checked
//! again on every hit, against the application's clock.

use std::sync::Arc;
use std::time::Duration;

use moka::sync::Cache;

use super::Principal;
use super::jwt::Claims;

pub const TIME_TO_LIVE: Duration = Duration::from_secs(5);
const MAX_ENTRIES: u64 = 10_000;

/// A verified token: its principal and the validity window its claims state.
#[derive(Clone)]
pub struct Verified {
    pub principal: Arc<Principal>,
    pub not_before: i64,
    pub expires: i64,
}

impl Verified {
    pub fn new(principal: Arc<Principal>, claims: &Claims) -> Self {
        Self {
            principal,
            not_before: claims.nbf,
            expires: claims.exp,
        }
    }
}

pub struct PrincipalCache {
    entries: Cache<Box<str>, Verified>,
}

impl Default for PrincipalCache {
    fn default() -> Self {
        Self {
            entries: Cache::builder()
                .max_capacity(MAX_ENTRIES)
                .time_to_live(TIME_TO_LIVE)
                .build(),
        }
    }
}

impl PrincipalCache {
    pub fn get(&self, token: &str) -> Option<Verified> {
        self.entries.get(token)
    }

    pub fn put(&self, token: &str, verified: Verified) {
        self.entries.insert(token.into(), verified);
    }

    /// Forgets everything: called after any change to accounts, sessions or service accounts.
    pub fn clear(&self) {
        self.entries.invalidate_all();
    }
}
