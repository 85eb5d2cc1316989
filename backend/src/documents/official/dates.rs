//! The number and date lines of the decree: "Số: 05/QĐ-STP" and
//! "Đồng Tháp, ngày 05 tháng 01 năm 2026", including their blank forms for drafts.
//!
//! NĐ 30/2020, Phụ lục I: numbers below 10 take a leading zero; in dates, days below 10 and the
//! months 1 and 2 take a leading zero (so "tháng 01", "tháng 02", but "tháng 3" … "tháng 9").

use chrono::{Datelike, NaiveDate};

/// The space left for a number or a day the văn thư writes in by hand.
const BLANK: &str = "     ";

/// "05" for 5, "12" for 12, "125" for 125.
pub fn number_text(number: u32) -> String {
    format!("{number:02}")
}

/// "05" for the 5th, "15" for the 15th.
pub fn day_text(day: u32) -> String {
    format!("{day:02}")
}

/// "01" and "02" for January and February, "3" … "12" for the others.
pub fn month_text(month: u32) -> String {
    if month <= 2 {
        format!("{month:02}")
    } else {
        month.to_string()
    }
}

/// "Số: 05/QĐ-STP"; unnumbered: "Số:      /QĐ-STP".
pub fn number_line(number: Option<u32>, symbol: &str) -> String {
    match number {
        Some(n) => format!("Số: {}/{symbol}", number_text(n)),
        None => format!("Số: {BLANK}/{symbol}"),
    }
}

/// "ngày 05 tháng 01 năm 2026"; undated: "ngày      tháng      năm 20..".
pub(crate) fn date_phrase(date: Option<NaiveDate>) -> String {
    match date {
        Some(d) => format!(
            "ngày {} tháng {} năm {}",
            day_text(d.day()),
            month_text(d.month()),
            d.year()
        ),
        None => format!("ngày {BLANK} tháng {BLANK} năm 20.."),
    }
}

/// "Đồng Tháp, ngày 05 tháng 01 năm 2026"; undated: "Đồng Tháp, ngày      tháng      năm 20..".
pub fn date_line(place: &str, date: Option<NaiveDate>) -> String {
    let place = place.trim();
    if place.is_empty() {
        super::text::capitalize(&date_phrase(date))
    } else {
        format!("{place}, {}", date_phrase(date))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn days_below_ten_and_january_february_take_a_leading_zero() {
        assert_eq!(
            date_line("Đồng Tháp", date(2026, 1, 5)),
            "Đồng Tháp, ngày 05 tháng 01 năm 2026"
        );
        assert_eq!(
            date_line("Đồng Tháp", date(2026, 2, 9)),
            "Đồng Tháp, ngày 09 tháng 02 năm 2026"
        );
        assert_eq!(
            date_line("Đồng Tháp", date(2026, 3, 10)),
            "Đồng Tháp, ngày 10 tháng 3 năm 2026"
        );
        assert_eq!(
            date_line("Đồng Tháp", date(2026, 9, 1)),
            "Đồng Tháp, ngày 01 tháng 9 năm 2026"
        );
        assert_eq!(
            date_line("Đồng Tháp", date(2026, 12, 31)),
            "Đồng Tháp, ngày 31 tháng 12 năm 2026"
        );
        assert_eq!(month_text(10), "10");
    }

    #[test]
    fn an_undated_draft_leaves_day_and_month_blank() {
        assert_eq!(
            date_line("Đồng Tháp", None),
            "Đồng Tháp, ngày       tháng       năm 20.."
        );
        assert_eq!(date_line("", date(2026, 1, 5)), "Ngày 05 tháng 01 năm 2026");
    }

    #[test]
    fn numbers_below_ten_take_a_leading_zero() {
        assert_eq!(number_line(Some(5), "QĐ-STP"), "Số: 05/QĐ-STP");
        assert_eq!(number_line(Some(125), "QĐ-STP"), "Số: 125/QĐ-STP");
        assert_eq!(number_line(None, "TTr-VP"), "Số:      /TTr-VP");
    }
}
