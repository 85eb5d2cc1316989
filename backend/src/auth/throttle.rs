//! Throttles password guesses (sign-in, password change, client secrets), with the counts in
//! the database so that every server on it shares them.
//!
//! Two keys count each attempt:
//! - the username (or client id) *from this address*: a few failures are free, then each further
//!   failure doubles the wait before the next try (progressive delay). A flood from one address
//!   therefore never locks the account for anyone elsewhere;
//! - the address alone, across usernames: at most so many failures per window.
//!
//! An attempt is counted *before* the password is checked (in one transaction that locks both
//! rows), as if it were going to fail; success takes it back. So N concurrent guesses cannot get
//! past the limit, and a server that dies in between has counted a failure. An attempt that is
//! refused counts nothing. IPv6 addresses count per /64, the block one subscriber gets.

use std::net::IpAddr;
use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Integer, Text, Timestamp};

use super::client_addr::canonical;
use super::tokens::sha256_hex;
use crate::db::schema::login_attempts;
use crate::db::{Backend, Db, DbConnection};
use crate::error::{AppError, AppResult};

#[derive(Debug, Clone)]
pub struct ThrottlePolicy {
    /// Failures of one username from one address answered without delay.
    pub failures_before_delay: u32,
    /// The wait after the first failure past those; it doubles with each further failure.
    pub base_delay_secs: i64,
    /// The longest wait.
    pub max_delay_secs: i64,
    /// Failures from one address, across usernames, within a window.
    pub max_failures_per_address: u32,
    /// The address window, and how long a username's streak is remembered after its last wait.
    pub window_secs: i64,
}

/// Expired rows are deleted at most this often by each server.
const PRUNE_EVERY_SECS: i64 = 60;
/// And at most this many at a time.
const PRUNE_BATCH: i64 = 1_000;

pub struct LoginThrottle {
    policy: ThrottlePolicy,
    last_prune_secs: AtomicI64,
}

/// What one password check is counted against (the keys are hashed: fixed size, no names kept).
#[derive(Debug, Clone)]
pub struct Attempt {
    pair: String,
    address: String,
}

impl Attempt {
    /// A person's password (sign-in or password change) for `username` from `address`.
    pub fn password(username: &str, address: Option<IpAddr>) -> Self {
        Self::new("password", &username.trim().to_lowercase(), address)
    }

    /// A service account's secret for `client_id` from `address`.
    pub fn client_secret(client_id: &str, address: Option<IpAddr>) -> Self {
        Self::new("client", client_id, address)
    }

    fn new(kind: &str, subject: &str, address: Option<IpAddr>) -> Self {
        let address = address_label(address);
        Self {
            pair: sha256_hex(&format!("{kind}\n{address}\n{subject}")),
            address: sha256_hex(&format!("address\n{address}")),
        }
    }

    /// Both keys, always in the same order, so that two transactions lock them alike.
    fn keys(&self) -> [(&str, Rule); 2] {
        let mut keys = [(&*self.pair, Rule::Pair), (&*self.address, Rule::Address)];
        keys.sort_by(|a, b| a.0.cmp(b.0));
        keys
    }
}

fn address_label(address: Option<IpAddr>) -> String {
    match address.map(canonical) {
        None => "unknown".to_owned(),
        Some(IpAddr::V4(v4)) => v4.to_string(),
        Some(IpAddr::V6(v6)) => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rule {
    Pair,
    Address,
}

#[derive(Debug, Clone, QueryableByName)]
struct Count {
    #[diesel(sql_type = Integer)]
    failures: i32,
    #[diesel(sql_type = Timestamp)]
    window_started_at: NaiveDateTime,
    /// Pairs: the earliest next attempt. Addresses: the window's end once the cap is reached.
    #[diesel(sql_type = Timestamp)]
    blocked_until: NaiveDateTime,
    #[diesel(sql_type = Timestamp)]
    expires_at: NaiveDateTime,
}

impl LoginThrottle {
    pub fn new(policy: ThrottlePolicy) -> Self {
        Self {
            policy,
            last_prune_secs: AtomicI64::new(i64::MIN),
        }
    }

    pub fn policy(&self) -> &ThrottlePolicy {
        &self.policy
    }

    /// Counts `attempt` as a failure before its password is checked, or refuses it with 429 and
    /// `Retry-After` (counting nothing). Call [`succeeded`] when it succeeds.
    pub async fn reserve(&self, db: &Db, attempt: &Attempt, now: DateTime<Utc>) -> AppResult<()> {
        let reservation = {
            let attempt = attempt.clone();
            let this = Reserver {
                policy: self.policy.clone(),
            };
            db.transaction(move |conn| this.reserve(conn, &attempt, now.naive_utc()))
                .await
        };
        // Pruning waits for a reservation that reached the database: during an outage the
        // request's own 503 says it all.
        if reservation.is_ok() && self.prune_due(now) {
            let pruned = db
                .run(move |conn| prune(conn, now.naive_utc()).map_err(AppError::from))
                .await;
            if let Err(error) = pruned {
                tracing::warn!(%error, "pruning expired login attempts failed");
            }
        }
        reservation
    }

    /// Whether this server should delete expired rows now (at most once a minute).
    fn prune_due(&self, now: DateTime<Utc>) -> bool {
        let now = now.timestamp();
        let last = self.last_prune_secs.load(Ordering::Acquire);
        last.checked_add(PRUNE_EVERY_SECS)
            .is_none_or(|due| now >= due)
            && self
                .last_prune_secs
                .compare_exchange(last, now, Ordering::AcqRel, Ordering::Acquire)
                .is_ok()
    }
}

/// The attempt succeeded: the username's streak from this address is cleared and the address's
/// count gets this attempt back. Runs in the caller's transaction.
pub fn succeeded(conn: &mut DbConnection, attempt: &Attempt, now: DateTime<Utc>) -> AppResult<()> {
    use login_attempts::dsl;
    for (key, rule) in attempt.keys() {
        match rule {
            Rule::Pair => {
                diesel::delete(dsl::login_attempts.find(key)).execute(conn)?;
            }
            Rule::Address => {
                diesel::update(
                    dsl::login_attempts
                        .find(key)
                        .filter(dsl::failures.gt(0))
                        .filter(dsl::expires_at.gt(now.naive_utc())),
                )
                .set(dsl::failures.eq(dsl::failures - 1))
                .execute(conn)?;
            }
        }
    }
    Ok(())
}

struct Reserver {
    policy: ThrottlePolicy,
}

impl Reserver {
    fn reserve(
        &self,
        conn: &mut DbConnection,
        attempt: &Attempt,
        now: NaiveDateTime,
    ) -> AppResult<()> {
        let mut next = Vec::with_capacity(2);
        let mut blocked_until: Option<NaiveDateTime> = None;
        for (key, rule) in attempt.keys() {
            let current = lock(conn, key, now)?;
            match self.decide(rule, current, now) {
                Ok(count) => next.push((key, count)),
                Err(until) => blocked_until = blocked_until.max(Some(until)),
            }
        }
        if let Some(until) = blocked_until {
            // The caller's transaction rolls back: a refused attempt counts nothing.
            return Err(AppError::too_many_requests(seconds_until(until, now)));
        }
        use login_attempts::dsl;
        for (key, count) in next {
            diesel::update(dsl::login_attempts.find(key))
                .set((
                    dsl::failures.eq(count.failures),
                    dsl::window_started_at.eq(count.window_started_at),
                    dsl::blocked_until.eq(count.blocked_until),
                    dsl::expires_at.eq(count.expires_at),
                ))
                .execute(conn)?;
        }
        Ok(())
    }

    /// The count after one more failure, or the time until which the key is blocked.
    fn decide(
        &self,
        rule: Rule,
        current: Count,
        now: NaiveDateTime,
    ) -> Result<Count, NaiveDateTime> {
        let window = Duration::seconds(self.policy.window_secs);
        let current = if current.expires_at <= now {
            Count {
                failures: 0,
                window_started_at: now,
                blocked_until: now,
                expires_at: now,
            }
        } else {
            current
        };
        match rule {
            Rule::Pair => {
                // Only a failure past the free ones blocks: a concurrent attempt that arrived a
                // moment earlier but is counted later (its `now` is older) is not refused.
                if current.blocked_until > now && !self.delay(current.failures).is_zero() {
                    return Err(current.blocked_until);
                }
                let failures = current.failures.saturating_add(1);
                let blocked_until = now + self.delay(failures);
                Ok(Count {
                    failures,
                    window_started_at: current.window_started_at,
                    blocked_until,
                    expires_at: blocked_until + window,
                })
            }
            Rule::Address => {
                let window_end = current.window_started_at + window;
                let cap = i32::try_from(self.policy.max_failures_per_address).unwrap_or(i32::MAX);
                if current.failures >= cap {
                    return Err(window_end);
                }
                let failures = current.failures + 1;
                Ok(Count {
                    failures,
                    window_started_at: current.window_started_at,
                    blocked_until: if failures >= cap { window_end } else { now },
                    expires_at: window_end,
                })
            }
        }
    }

    /// The wait after the `failures`-th consecutive failure: none for the free ones, then the
    /// base delay doubling each time, up to the maximum.
    fn delay(&self, failures: i32) -> Duration {
        let free = i64::from(self.policy.failures_before_delay);
        let over = i64::from(failures) - free;
        if over < 0 {
            return Duration::zero();
        }
        let factor = 1i64
            .checked_shl(u32::try_from(over.min(62)).unwrap_or(62))
            .unwrap_or(i64::MAX);
        Duration::seconds(
            self.policy
                .base_delay_secs
                .saturating_mul(factor)
                .min(self.policy.max_delay_secs),
        )
    }
}

fn seconds_until(until: NaiveDateTime, now: NaiveDateTime) -> u64 {
    let millis = (until - now).num_milliseconds().max(0);
    u64::try_from((millis + 999) / 1000).unwrap_or(1).max(1)
}

/// `?` placeholders as the backend wants them.
fn numbered(conn: &DbConnection, sql: &str) -> String {
    match conn.backend() {
        Backend::Sqlite => sql.to_owned(),
        Backend::Postgres => {
            let mut out = String::with_capacity(sql.len() + 8);
            let mut index = 0;
            for c in sql.chars() {
                if c == '?' {
                    index += 1;
                    out.push_str(&format!("${index}"));
                } else {
                    out.push(c);
                }
            }
            out
        }
    }
}

/// The key's row, created if missing and locked until the transaction ends (PostgreSQL row lock;
/// SQLite's write transaction holds the whole database).
fn lock(conn: &mut DbConnection, key: &str, now: NaiveDateTime) -> AppResult<Count> {
    // One statement creates the row if needed and locks it (the no-op update takes the row lock
    // on PostgreSQL), so a row that a concurrent success deletes between two statements cannot
    // vanish under us.
    let upsert = numbered(
        conn,
        "INSERT INTO login_attempts (throttle_key, failures, window_started_at, blocked_until, expires_at) \
         VALUES (?, 0, ?, ?, ?) ON CONFLICT (throttle_key) DO UPDATE SET throttle_key = excluded.throttle_key \
         RETURNING failures, window_started_at, blocked_until, expires_at",
    );
    Ok(diesel::sql_query(upsert)
        .bind::<Text, _>(key)
        .bind::<Timestamp, _>(now)
        .bind::<Timestamp, _>(now)
        .bind::<Timestamp, _>(now)
        .get_result::<Count>(conn)?)
}

/// Deletes a batch of expired rows, skipping (on PostgreSQL) rows another transaction holds.
fn prune(conn: &mut DbConnection, now: NaiveDateTime) -> QueryResult<usize> {
    let skip_locked = match conn.backend() {
        Backend::Sqlite => "",
        Backend::Postgres => " FOR UPDATE SKIP LOCKED",
    };
    let sql = numbered(
        conn,
        &format!(
            "DELETE FROM login_attempts WHERE throttle_key IN (SELECT throttle_key FROM login_attempts \
             WHERE expires_at <= ? LIMIT {PRUNE_BATCH}{skip_locked})"
        ),
    );
    diesel::sql_query(sql)
        .bind::<Timestamp, _>(now)
        .execute(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy() -> Reserver {
        Reserver {
            policy: ThrottlePolicy {
                failures_before_delay: 3,
                base_delay_secs: 30,
                max_delay_secs: 300,
                max_failures_per_address: 4,
                window_secs: 900,
            },
        }
    }

    fn at(secs: i64) -> NaiveDateTime {
        DateTime::from_timestamp(1_800_000_000 + secs, 0)
            .unwrap()
            .naive_utc()
    }

    fn fresh() -> Count {
        Count {
            failures: 0,
            window_started_at: at(0),
            blocked_until: at(0),
            expires_at: at(0),
        }
    }

    #[test]
    fn the_delay_grows_with_each_failure_up_to_the_maximum() {
        let r = policy();
        let delays: Vec<i64> = (1..=9).map(|n| r.delay(n).num_seconds()).collect();
        assert_eq!(delays, [0, 0, 30, 60, 120, 240, 300, 300, 300]);
        assert_eq!(r.delay(i32::MAX).num_seconds(), 300);
    }

    #[test]
    fn a_free_failure_does_not_block_an_attempt_that_arrived_earlier() {
        let r = policy();
        // Two sign-ins at once: the one that arrived at 5 s is counted first.
        let first = r.decide(Rule::Pair, fresh(), at(5)).unwrap();
        let second = r.decide(Rule::Pair, first, at(4));
        assert!(
            second.is_ok(),
            "a free failure blocked a concurrent attempt"
        );
    }

    #[test]
    fn a_pair_waits_after_its_free_failures_and_is_forgotten_after_the_window() {
        let r = policy();
        let mut count = fresh();
        for _ in 0..2 {
            count = r.decide(Rule::Pair, count, at(1)).unwrap();
        }
        count = r.decide(Rule::Pair, count, at(1)).unwrap();
        assert_eq!((count.failures, count.blocked_until), (3, at(31)));
        assert_eq!(
            r.decide(Rule::Pair, count.clone(), at(30)).unwrap_err(),
            at(31)
        );
        let count = r.decide(Rule::Pair, count, at(31)).unwrap();
        assert_eq!((count.failures, count.blocked_until), (4, at(91)));
        // Quiet for a window after the last wait: a fresh start.
        let count = r.decide(Rule::Pair, count, at(91 + 900)).unwrap();
        assert_eq!(count.failures, 1);
    }

    #[test]
    fn an_address_is_capped_within_its_window() {
        let r = policy();
        let mut count = fresh();
        for second in 0..4 {
            count = r.decide(Rule::Address, count, at(second)).unwrap();
        }
        assert_eq!(
            r.decide(Rule::Address, count.clone(), at(10)).unwrap_err(),
            at(900)
        );
        assert_eq!(r.decide(Rule::Address, count, at(900)).unwrap().failures, 1);
        assert_eq!(seconds_until(at(900), at(10)), 890);
        assert_eq!(seconds_until(at(10), at(10)), 1);
    }

    #[test]
    fn keys_depend_on_the_address_and_the_normalised_username() {
        let a: IpAddr = "203.0.113.5".parse().unwrap();
        let b: IpAddr = "198.51.100.7".parse().unwrap();
        assert_eq!(
            Attempt::password(" Admin", Some(a)).pair,
            Attempt::password("admin", Some(a)).pair
        );
        assert_ne!(
            Attempt::password("admin", Some(a)).pair,
            Attempt::password("admin", Some(b)).pair
        );
        assert_eq!(
            Attempt::password("admin", Some(a)).address,
            Attempt::password("lan", Some(a)).address
        );
        assert_ne!(
            Attempt::password("admin", Some(a)).pair,
            Attempt::client_secret("admin", Some(a)).pair
        );
        let v6a: IpAddr = "2001:db8:1:2::1".parse().unwrap();
        let v6b: IpAddr = "2001:db8:1:2:ffff::9".parse().unwrap();
        assert_eq!(
            Attempt::password("x", Some(v6a)).address,
            Attempt::password("x", Some(v6b)).address
        );
    }
}
