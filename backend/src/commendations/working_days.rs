//! Counting working days for a public notice: Monday to Friday, less the configured public
//! holidays.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

pub fn is_working_day(day: NaiveDate, holidays: &[NaiveDate]) -> bool {
    !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) && !holidays.contains(&day)
}

/// The last day of a notice that runs `days` working days from `start` (counted when it is a
/// working day itself). `days` of 0 counts as 1.
pub fn last_day(start: NaiveDate, days: u32, holidays: &[NaiveDate]) -> NaiveDate {
    let mut day = start;
    let mut counted = 0;
    // A year of holidays cannot stall the count: stop after a generous bound.
    for _ in 0..(days.max(1) * 7 + 400) {
        if is_working_day(day, holidays) {
            counted += 1;
            if counted >= days.max(1) {
                return day;
            }
        }
        day += Duration::days(1);
    }
    day
}

/// The working days from `start` to `end`, both included.
pub fn count(start: NaiveDate, end: NaiveDate, holidays: &[NaiveDate]) -> u32 {
    let mut day = start;
    let mut counted = 0;
    while day <= end {
        if is_working_day(day, holidays) {
            counted += 1;
        }
        day += Duration::days(1);
    }
    counted
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap_or_default()
    }

    #[test]
    fn weekends_and_holidays_are_skipped() {
        // Monday 7 December 2026: five working days end on Friday the 11th.
        assert_eq!(last_day(d(12, 7), 5, &[]), d(12, 11));
        // Starting on a Saturday, the count begins on Monday.
        assert_eq!(last_day(d(12, 5), 5, &[]), d(12, 11));
        // Ten working days over a weekend.
        assert_eq!(last_day(d(12, 7), 10, &[]), d(12, 18));
        // Quốc khánh (1–2/9/2026, Tuesday and Wednesday) pushes the end by two days.
        let holidays = [d(9, 1), d(9, 2)];
        assert_eq!(last_day(d(8, 31), 5, &holidays), d(9, 8));
        assert_eq!(count(d(8, 31), d(9, 8), &holidays), 5);
        assert_eq!(count(d(12, 5), d(12, 6), &[]), 0);
    }
}
