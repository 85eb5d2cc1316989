//! Which reminder of an obligation is due on a day: the latest offset whose day has come, if it
//! came at most `catch_up_days` ago (a server that was down sends what it missed lately, not a
//! backlog of old reminders, and never several at once).

use chrono::{Duration, NaiveDate};

pub fn due_offset(due: NaiveDate, today: NaiveDate, offsets: &[i32], catch_up_days: u32) -> Option<i32> {
    offsets
        .iter()
        .copied()
        .filter(|offset| {
            let day = due + Duration::days(i64::from(*offset));
            day <= today && (today - day).num_days() <= i64::from(catch_up_days)
        })
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_latest_reminder_that_has_come() {
        let due = NaiveDate::from_ymd_opt(2026, 10, 20).unwrap();
        let day = |d| NaiveDate::from_ymd_opt(2026, 10, d).unwrap();
        let offsets = [-5, -1, 0, 1, 7];
        assert_eq!(due_offset(due, day(14), &offsets, 3), None);
        assert_eq!(due_offset(due, day(15), &offsets, 3), Some(-5));
        assert_eq!(due_offset(due, day(18), &offsets, 3), Some(-5), "within the catch-up days");
        assert_eq!(due_offset(due, day(19), &offsets, 3), Some(-1));
        assert_eq!(due_offset(due, day(20), &offsets, 3), Some(0));
        assert_eq!(due_offset(due, day(21), &offsets, 3), Some(1));
        assert_eq!(due_offset(due, day(25), &offsets, 3), None, "too late for +1, too early for +7");
        assert_eq!(due_offset(due, day(27), &offsets, 3), Some(7));
        assert_eq!(due_offset(due, day(31), &offsets, 3), None);
        assert_eq!(due_offset(due, day(21), &offsets, 0), Some(1));
        assert_eq!(due_offset(due, day(21), &[], 3), None);
    }
}
