//! Throttles failed logins per username and per client address (sliding window, in memory).
//! A blocked attempt is answered 429 with `Retry-After` before the password is even checked.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub struct LoginThrottle {
    max_per_user: u32,
    max_per_ip: u32,
    window: Duration,
    failures: Mutex<HashMap<String, VecDeque<Instant>>>,
}

impl LoginThrottle {
    pub fn new(max_per_user: u32, max_per_ip: u32, window: Duration) -> Self {
        Self {
            max_per_user,
            max_per_ip,
            window,
            failures: Mutex::new(HashMap::new()),
        }
    }

    fn keys(username: &str, ip: Option<&str>) -> [(Option<String>, bool); 2] {
        [
            (
                Some(format!("user:{}", username.trim().to_lowercase())),
                true,
            ),
            (ip.map(|ip| format!("ip:{ip}")), false),
        ]
    }

    /// `Err(seconds)` when the username or the address has too many recent failures.
    pub fn check(&self, username: &str, ip: Option<&str>) -> Result<(), u64> {
        let now = Instant::now();
        let mut failures = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        let mut wait = 0u64;
        for (key, is_user) in Self::keys(username, ip) {
            let Some(key) = key else { continue };
            let limit = if is_user {
                self.max_per_user
            } else {
                self.max_per_ip
            } as usize;
            if let Some(times) = failures.get_mut(&key) {
                prune(times, now, self.window);
                if times.len() >= limit
                    && let Some(oldest) = times.front()
                {
                    let until = *oldest + self.window;
                    wait = wait.max(until.saturating_duration_since(now).as_secs().max(1));
                }
            }
        }
        if wait > 0 { Err(wait) } else { Ok(()) }
    }

    pub fn record_failure(&self, username: &str, ip: Option<&str>) {
        let now = Instant::now();
        let mut failures = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        if failures.len() > 50_000 {
            failures.retain(|_, times| {
                prune(times, now, self.window);
                !times.is_empty()
            });
        }
        for (key, _) in Self::keys(username, ip) {
            if let Some(key) = key {
                failures.entry(key).or_default().push_back(now);
            }
        }
    }

    /// A successful login clears the username's failures (not the address's).
    pub fn record_success(&self, username: &str) {
        let mut failures = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        failures.remove(&format!("user:{}", username.trim().to_lowercase()));
    }
}

fn prune(times: &mut VecDeque<Instant>, now: Instant, window: Duration) {
    while times
        .front()
        .is_some_and(|t| now.duration_since(*t) >= window)
    {
        times.pop_front();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_after_limit_per_user_and_per_ip() {
        let throttle = LoginThrottle::new(2, 3, Duration::from_secs(60));
        assert!(throttle.check("thao", Some("1.1.1.1")).is_ok());
        throttle.record_failure("thao", Some("1.1.1.1"));
        throttle.record_failure("Thao", Some("1.1.1.1"));
        let wait = throttle.check("thao", Some("2.2.2.2"));
        assert!(matches!(wait, Err(s) if (1..=60).contains(&s)));
        // Another user from the same address is still allowed until the address limit.
        assert!(throttle.check("minh", Some("1.1.1.1")).is_ok());
        throttle.record_failure("minh", Some("1.1.1.1"));
        assert!(throttle.check("lan", Some("1.1.1.1")).is_err());
        throttle.record_success("thao");
        assert!(throttle.check("thao", Some("9.9.9.9")).is_ok());
    }
}
