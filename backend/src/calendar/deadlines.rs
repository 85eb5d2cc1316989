//! When an obligation is due. Deadlines are Vietnam days: "by the 20th" is met until 23:59:59 on
//! the 20th in Asia/Ho_Chi_Minh; "before 20/5" until the end of 19/5, or of 20/5 when the settings
//! read "before" inclusively. A deadline on a weekend or public holiday keeps its day unless the
//! settings move it to the next working day. The monthly introduction's deadline follows the same
//! rules, so the introduction grid, the submission's on-time flag and the calendar agree.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::kinds::{ObligationKey, ObligationKind};
use super::settings::{self, CalendarSettingsInput};
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};
use crate::time::{Month, TIME_ZONE};
use crate::working_days::WorkingDays;

/// A deadline as the plan states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stated {
    /// Met on that day ("vào ngày 20/10", "by the 10th").
    By(NaiveDate),
    /// Met before that day ("trước ngày 20/5/2028").
    Before(NaiveDate),
}

impl Stated {
    pub fn day(self) -> NaiveDate {
        match self {
            Stated::By(day) | Stated::Before(day) => day,
        }
    }
}

/// How stated deadlines are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    pub before_inclusive: bool,
    pub move_to_next_working_day: bool,
}

/// The last day on which `stated` is met.
pub fn last_day(stated: Stated, reading: Reading, days: &WorkingDays) -> NaiveDate {
    let day = match stated {
        Stated::By(day) => day,
        Stated::Before(day) if reading.before_inclusive => day,
        Stated::Before(day) => day - Duration::days(1),
    };
    if reading.move_to_next_working_day {
        days.on_or_after(day)
    } else {
        day
    }
}

/// The last instant of a Vietnam day (23:59:59), in UTC.
pub fn end_of_day(day: NaiveDate) -> DateTime<Utc> {
    (crate::time::local_day_start_utc(day + Duration::days(1)) - Duration::seconds(1)).and_utc()
}

/// Whether something done at `at` meets a deadline whose last day is `due`.
pub fn met(at: DateTime<Utc>, due: NaiveDate) -> bool {
    at.with_timezone(&TIME_ZONE).date_naive() <= due
}

/// Everything that decides deadlines, loaded once: the calendar and programme settings and the
/// working days.
#[derive(Debug, Clone)]
pub struct Calendar {
    pub settings: CalendarSettingsInput,
    /// The monthly introduction's due day (programme settings).
    pub introduction_due_day: u32,
    /// The first month an introduction is owed (programme settings).
    pub introductions_start: Month,
    pub working_days: WorkingDays,
}

impl Calendar {
    pub fn load(conn: &mut DbConnection) -> AppResult<Self> {
        let programme = crate::settings::load(conn)?;
        let introductions_start = Month::parse(&programme.introductions_start)
            .ok_or_else(|| AppError::internal("stored start month malformed"))?;
        Ok(Self {
            settings: settings::load(conn)?.values,
            introduction_due_day: programme.introduction_due_day,
            introductions_start,
            working_days: WorkingDays::load(conn)?,
        })
    }

    pub fn reading(&self) -> Reading {
        Reading {
            before_inclusive: self.settings.before_inclusive,
            move_to_next_working_day: self.settings.move_to_next_working_day,
        }
    }

    /// The last day of `month`'s introduction.
    pub fn introduction_due(&self, month: Month) -> NaiveDate {
        last_day(
            Stated::By(month.due_on(self.introduction_due_day)),
            self.reading(),
            &self.working_days,
        )
    }

    /// The months of the plan in which an introduction is owed, in `year`.
    pub fn introduction_months(&self, year: i32) -> Vec<Month> {
        if year < self.introductions_start.year || year > self.settings.last_year {
            return Vec::new();
        }
        (1..=12)
            .map(|month| Month { year, month })
            .filter(|m| *m >= self.introductions_start)
            .collect()
    }

    /// The periods of a kind, in order (`2026-04` … for introductions, `2026` … for annual
    /// reports, the review's years for the reviews).
    pub fn periods(&self, kind: ObligationKind) -> Vec<String> {
        let years = self.settings.first_year..=self.settings.last_year;
        match kind {
            ObligationKind::MonthlyIntroduction => (self.introductions_start.year..=self.settings.last_year)
                .flat_map(|year| self.introduction_months(year))
                .map(Month::text)
                .collect(),
            ObligationKind::AnnualReport => years.map(|y| y.to_string()).collect(),
            ObligationKind::MidtermReview => vec![self.settings.midterm_review.period()],
            ObligationKind::FinalReview => vec![self.settings.final_review.period()],
        }
    }

    /// The stated deadline of an obligation, or `None` when the calendar has no such period.
    pub fn stated(&self, key: &ObligationKey) -> Option<Stated> {
        let office = key.unit_id.is_none();
        match key.kind {
            ObligationKind::MonthlyIntroduction => {
                if office {
                    return None;
                }
                let month = Month::parse(&key.period)?;
                self.introduction_months(month.year)
                    .contains(&month)
                    .then(|| Stated::By(month.due_on(self.introduction_due_day)))
            }
            ObligationKind::AnnualReport => {
                let year: i32 = key.period.parse().ok()?;
                if key.period.len() != 4
                    || !(self.settings.first_year..=self.settings.last_year).contains(&year)
                {
                    return None;
                }
                let day = if office {
                    self.settings.office_annual_report
                } else {
                    self.settings.unit_annual_report
                };
                day.in_year(year).map(Stated::By)
            }
            ObligationKind::MidtermReview | ObligationKind::FinalReview => {
                let review = if key.kind == ObligationKind::MidtermReview {
                    &self.settings.midterm_review
                } else {
                    &self.settings.final_review
                };
                (key.period == review.period()).then(|| {
                    Stated::Before(if office {
                        review.office_before.date()
                    } else {
                        review.unit_before.date()
                    })
                })
            }
        }
    }

    /// The last day an obligation is met on, or `None` when the calendar has no such period.
    pub fn due(&self, key: &ObligationKey) -> Option<NaiveDate> {
        self.stated(key)
            .map(|stated| last_day(stated, self.reading(), &self.working_days))
    }

    /// The first day of a period (reports cannot be sent for a period not yet begun).
    pub fn period_start(&self, key: &ObligationKey) -> Option<NaiveDate> {
        match key.kind {
            ObligationKind::MonthlyIntroduction => {
                let month = Month::parse(&key.period)?;
                NaiveDate::from_ymd_opt(month.year, month.month, 1)
            }
            ObligationKind::AnnualReport => NaiveDate::from_ymd_opt(key.period.parse().ok()?, 1, 1),
            ObligationKind::MidtermReview => {
                NaiveDate::from_ymd_opt(self.settings.midterm_review.from_year, 1, 1)
            }
            ObligationKind::FinalReview => {
                NaiveDate::from_ymd_opt(self.settings.final_review.from_year, 1, 1)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    const PLAN: Reading = Reading {
        before_inclusive: false,
        move_to_next_working_day: false,
    };

    #[test]
    fn by_and_before() {
        let days = WorkingDays::default();
        assert_eq!(last_day(Stated::By(d(2026, 10, 20)), PLAN, &days), d(2026, 10, 20));
        assert_eq!(last_day(Stated::Before(d(2028, 5, 20)), PLAN, &days), d(2028, 5, 19));
        let inclusive = Reading { before_inclusive: true, ..PLAN };
        assert_eq!(last_day(Stated::Before(d(2028, 5, 20)), inclusive, &days), d(2028, 5, 20));
        // Before 1 March of a leap year: 29 February.
        assert_eq!(last_day(Stated::Before(d(2028, 3, 1)), PLAN, &days), d(2028, 2, 29));
    }

    #[test]
    fn a_sunday_deadline_moves_only_when_asked() {
        let days = WorkingDays::default();
        // 20/10/2030 is a Sunday.
        assert_eq!(last_day(Stated::By(d(2030, 10, 20)), PLAN, &days), d(2030, 10, 20));
        let moving = Reading { move_to_next_working_day: true, ..PLAN };
        assert_eq!(last_day(Stated::By(d(2030, 10, 20)), moving, &days), d(2030, 10, 21));
    }

    #[test]
    fn the_day_ends_at_midnight_in_vietnam() {
        assert_eq!(end_of_day(d(2026, 11, 10)), Utc.with_ymd_and_hms(2026, 11, 10, 16, 59, 59).unwrap());
        assert!(met(Utc.with_ymd_and_hms(2026, 11, 10, 16, 59, 59).unwrap(), d(2026, 11, 10)));
        assert!(!met(Utc.with_ymd_and_hms(2026, 11, 10, 17, 0, 0).unwrap(), d(2026, 11, 10)));
    }
}
