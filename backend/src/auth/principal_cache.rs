//! A short-lived cache of the principals behind access tokens, so that most requests need no
//! database round trip to check their session. Entries live a few seconds (measured on the
//! monotonic clock: the age of an entry, not a time of day); every change to
//! accounts or sessions made by this process clears the cache at once, so sign-out, password
//! changes, deactivation and role changes take effect immediately here (and within the
//! time-to-live on other instances).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::Principal;
use super::jwt::Claims;

pub const TIME_TO_LIVE: Duration = Duration::from_secs(5);
const MAX_ENTRIES: usize = 10_000;

#[derive(Default)]
pub struct PrincipalCache {
    entries: Mutex<HashMap<String, (Principal, Instant)>>,
}

impl PrincipalCache {
    /// The key of a token's principal: its subject, session and (service accounts) secret
    /// generation, so that a token of an old secret never finds the principal of a new one.
    pub fn key(claims: &Claims) -> String {
        format!(
            "{}/{}/{}",
            claims.sub,
            claims.sid.unwrap_or(0),
            claims.generation.unwrap_or(0)
        )
    }

    pub fn get(&self, key: &str) -> Option<Principal> {
        let entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        entries
            .get(key)
            .filter(|(_, at)| at.elapsed() < TIME_TO_LIVE)
            .map(|(principal, _)| principal.clone())
    }

    pub fn put(&self, key: String, principal: Principal) {
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        if entries.len() >= MAX_ENTRIES {
            entries.retain(|_, (_, at)| at.elapsed() < TIME_TO_LIVE);
            if entries.len() >= MAX_ENTRIES {
                entries.clear();
            }
        }
        entries.insert(key, (principal, Instant::now()));
    }

    /// Forgets everything: called after any change to accounts, sessions or service accounts.
    pub fn clear(&self) {
        self.entries
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clear();
    }
}
