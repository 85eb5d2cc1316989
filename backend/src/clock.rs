//! The one place that reads the system time. Everything else asks the [`Clock`] kept in the
//! application state, so that deadlines, notices, reminders and reports can be tested at any
//! moment and the demo data can be back-dated.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

use crate::time::TIME_ZONE;

/// Marks a clock that follows the system time.
const SYSTEM: i64 = i64::MIN;

/// The current time: the system's (possibly shifted by a constant offset), or a set instant that
/// moves only when told to. Clones share the same time.
#[derive(Debug, Clone)]
pub struct Clock {
    /// Microseconds since the epoch of the set instant, or [`SYSTEM`].
    fixed_micros: Arc<AtomicI64>,
    /// Added to the system time while the clock follows it.
    offset: chrono::Duration,
}

impl Default for Clock {
    fn default() -> Self {
        Self::system()
    }
}

impl Clock {
    /// Follows the system time.
    pub fn system() -> Self {
        Self::shifted(chrono::Duration::zero())
    }

    /// Follows the system time moved by `offset`: a rehearsal or test server that lives some days
    /// ahead (a notice window that has ended, a deadline that has passed) without touching the
    /// machine's time.
    pub fn shifted(offset: chrono::Duration) -> Self {
        Self {
            fixed_micros: Arc::new(AtomicI64::new(SYSTEM)),
            offset,
        }
    }

    /// Stands at `instant` until it is set or advanced.
    pub fn fixed(instant: DateTime<Utc>) -> Self {
        Self {
            fixed_micros: Arc::new(AtomicI64::new(instant.timestamp_micros())),
            offset: chrono::Duration::zero(),
        }
    }

    pub fn now(&self) -> DateTime<Utc> {
        match self.fixed_micros.load(Ordering::Acquire) {
            SYSTEM => Utc::now() + self.offset,
            micros => DateTime::from_timestamp_micros(micros).unwrap_or_default(),
        }
    }

    /// The current instant as stored in the database (UTC, no zone).
    pub fn now_naive(&self) -> NaiveDateTime {
        self.now().naive_utc()
    }

    /// Today's date in Vietnam.
    pub fn today(&self) -> NaiveDate {
        self.now().with_timezone(&TIME_ZONE).date_naive()
    }

    /// Stops the clock at `instant` (tests, the demo seeder).
    pub fn set(&self, instant: DateTime<Utc>) {
        self.fixed_micros
            .store(instant.timestamp_micros(), Ordering::Release);
    }

    /// Moves a stopped clock forward (or back, with a negative duration); a system clock is first
    /// stopped at the current time.
    pub fn advance(&self, by: chrono::Duration) {
        let next = self.now() + by;
        self.set(next);
    }

    /// Lets the clock follow the system time (with its offset) again.
    pub fn follow_system(&self) {
        self.fixed_micros.store(SYSTEM, Ordering::Release);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_fixed_clock_stands_still_until_moved() {
        let start = Utc.with_ymd_and_hms(2026, 10, 20, 16, 59, 59).unwrap();
        let clock = Clock::fixed(start);
        assert_eq!(clock.now(), start);
        // 23:59:59 in Vietnam on the 20th.
        assert_eq!(
            clock.today(),
            NaiveDate::from_ymd_opt(2026, 10, 20).unwrap()
        );
        clock.advance(chrono::Duration::seconds(1));
        assert_eq!(
            clock.today(),
            NaiveDate::from_ymd_opt(2026, 10, 21).unwrap()
        );
        let shared = clock.clone();
        shared.set(start);
        assert_eq!(clock.now(), start);
    }

    #[test]
    fn a_shifted_clock_runs_ahead_of_the_system_time() {
        let ahead = chrono::Duration::days(20);
        let clock = Clock::shifted(ahead);
        let before = Utc::now() + ahead;
        let now = clock.now();
        assert!(now >= before && now <= Utc::now() + ahead);
    }

    #[test]
    fn a_system_clock_follows_the_system_time() {
        let clock = Clock::system();
        let before = Utc::now();
        let now = clock.now();
        assert!(now >= before && now <= Utc::now());
    }
}
