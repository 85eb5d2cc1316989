//! Time rules: everything is stored in UTC; days, deadlines and displays follow Vietnam time.

use chrono::{NaiveDate, NaiveDateTime, TimeZone};
use chrono_tz::Asia::Ho_Chi_Minh;

pub const TIME_ZONE: chrono_tz::Tz = Ho_Chi_Minh;

/// The UTC instant at which `day` starts in Asia/Ho_Chi_Minh.
pub fn local_day_start_utc(day: NaiveDate) -> NaiveDateTime {
    let midnight = day.and_hms_opt(0, 0, 0).unwrap_or_default();
    TIME_ZONE
        .from_local_datetime(&midnight)
        .earliest()
        .map(|t| t.naive_utc())
        .unwrap_or(midnight - chrono::Duration::hours(7))
}

/// Today's date in Vietnam.
pub fn today() -> NaiveDate {
    chrono::Utc::now().with_timezone(&TIME_ZONE).date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnam_midnight_is_17h_utc_the_day_before() {
        let day = NaiveDate::from_ymd_opt(2026, 10, 20).unwrap_or_default();
        assert_eq!(local_day_start_utc(day).to_string(), "2026-10-19 17:00:00");
    }
}
