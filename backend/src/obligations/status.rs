//! Where an obligation stands at a given moment.

use chrono::{Duration, NaiveDate};

use crate::text_enum;

text_enum!(
    /// Where an obligation stands, judged in Vietnam time.
    pub enum ObligationStatus {
        /// Not met, and its deadline is further away than the "due soon" days.
        Upcoming = "upcoming" / "Chưa đến hạn",
        /// Not met, and its deadline is within the "due soon" days (today included).
        DueSoon = "due_soon" / "Sắp đến hạn",
        /// Met by its deadline.
        DoneOnTime = "done_on_time" / "Hoàn thành đúng hạn",
        /// Met after its deadline.
        DoneLate = "done_late" / "Hoàn thành trễ hạn",
        /// Its deadline has passed and it is not met.
        Missing = "missing" / "Quá hạn, chưa thực hiện",
    }
);

impl ObligationStatus {
    pub fn is_met(self) -> bool {
        matches!(self, ObligationStatus::DoneOnTime | ObligationStatus::DoneLate)
    }
}

/// The status of an obligation not met (yet), whose last day is `due`.
pub fn open(due: NaiveDate, today: NaiveDate, due_soon_days: u32) -> ObligationStatus {
    if today > due {
        ObligationStatus::Missing
    } else if today >= due - Duration::days(i64::from(due_soon_days)) {
        ObligationStatus::DueSoon
    } else {
        ObligationStatus::Upcoming
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_obligations_over_time() {
        let due = NaiveDate::from_ymd_opt(2026, 10, 20).unwrap();
        let day = |d| NaiveDate::from_ymd_opt(2026, 10, d).unwrap();
        assert_eq!(open(due, day(12), 7), ObligationStatus::Upcoming);
        assert_eq!(open(due, day(13), 7), ObligationStatus::DueSoon);
        assert_eq!(open(due, day(20), 7), ObligationStatus::DueSoon);
        assert_eq!(open(due, day(21), 7), ObligationStatus::Missing);
        assert_eq!(open(due, day(20), 0), ObligationStatus::DueSoon, "on the day itself");
    }
}
