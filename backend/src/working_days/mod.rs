//! Working days, in one place for every feature that counts them (deadlines moved off weekends
//! and public holidays, "10 working days" notices): Saturdays, Sundays and the public holidays of
//! the list the Office keeps ([`holidays`]) are not working days.

pub mod api;
pub mod holidays;

use std::collections::BTreeSet;

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::db::DbConnection;
use crate::error::AppResult;

/// The days off to count with: weekends and a list of public holidays.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WorkingDays {
    holidays: BTreeSet<NaiveDate>,
}

impl WorkingDays {
    pub fn new(holidays: impl IntoIterator<Item = NaiveDate>) -> Self {
        Self {
            holidays: holidays.into_iter().collect(),
        }
    }

    /// The calendar as configured now.
    pub fn load(conn: &mut DbConnection) -> AppResult<Self> {
        Ok(Self::new(
            holidays::load(conn)?.days.into_iter().map(|d| d.date.date()),
        ))
    }

    pub fn is_holiday(&self, day: NaiveDate) -> bool {
        self.holidays.contains(&day)
    }

    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) && !self.is_holiday(day)
    }

    /// `day` itself when it is a working day, else the first working day after it.
    pub fn on_or_after(&self, day: NaiveDate) -> NaiveDate {
        let mut day = day;
        // A year has at most a few dozen days off in a row; the bound only guards bad data.
        for _ in 0..366 {
            if self.is_working_day(day) {
                return day;
            }
            day += Duration::days(1);
        }
        day
    }

    /// The working day `count` working days after `day` (`count` = 0: [`Self::on_or_after`]).
    pub fn add(&self, day: NaiveDate, count: u32) -> NaiveDate {
        let mut day = self.on_or_after(day);
        for _ in 0..count {
            day = self.on_or_after(day + Duration::days(1));
        }
        day
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn weekends_and_holidays_are_skipped() {
        let days = WorkingDays::new([d(2026, 9, 2)]);
        // Sunday 19/7/2026 → Monday 20/7.
        assert_eq!(days.on_or_after(d(2026, 7, 19)), d(2026, 7, 20));
        assert_eq!(days.on_or_after(d(2026, 7, 20)), d(2026, 7, 20));
        // Wednesday 2/9/2026 is a holiday.
        assert_eq!(days.on_or_after(d(2026, 9, 2)), d(2026, 9, 3));
        // Saturday 28/2/2026 crosses the month end to Monday 2/3.
        assert_eq!(days.on_or_after(d(2026, 2, 28)), d(2026, 3, 2));
        // Ten working days from Friday 28/8/2026, over a weekend and the holiday.
        assert_eq!(days.add(d(2026, 8, 28), 10), d(2026, 9, 14));
    }
}
