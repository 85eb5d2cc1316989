//! Time rules: everything is stored in UTC; days, deadlines and displays follow Vietnam time.

use chrono::{Datelike, NaiveDate, NaiveDateTime, TimeZone};
use chrono_tz::Asia::Ho_Chi_Minh;
use serde::{Deserialize, Serialize};

pub const TIME_ZONE: chrono_tz::Tz = Ho_Chi_Minh;

/// The years a client may name: anything else is a typing mistake or an attack (chrono accepts
/// years up to ±262 143, which overflow date arithmetic and compare wrongly as text on SQLite).
pub const FIRST_YEAR: i32 = 1900;
pub const LAST_YEAR: i32 = 2200;

/// A calendar day sent by a client (`YYYY-MM-DD`, a year from 1900 to 2200). Every date in a
/// request body or query is one: out of range it is a 422 naming the field.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    diesel::expression::AsExpression,
)]
#[diesel(sql_type = diesel::sql_types::Date)]
#[serde(transparent)]
pub struct Day(pub NaiveDate);

impl diesel::serialize::ToSql<diesel::sql_types::Date, crate::db::DbBackend> for Day {
    fn to_sql<'b>(
        &'b self,
        out: &mut diesel::serialize::Output<'b, '_, crate::db::DbBackend>,
    ) -> diesel::serialize::Result {
        <NaiveDate as diesel::serialize::ToSql<diesel::sql_types::Date, crate::db::DbBackend>>::to_sql(
            &self.0, out,
        )
    }
}

impl Day {
    pub fn date(self) -> NaiveDate {
        self.0
    }
}

impl From<NaiveDate> for Day {
    fn from(date: NaiveDate) -> Self {
        Day(date)
    }
}

impl std::ops::Deref for Day {
    type Target = NaiveDate;
    fn deref(&self) -> &NaiveDate {
        &self.0
    }
}

/// Whether `year` is one a client may name.
pub fn year_in_range(year: i32) -> bool {
    (FIRST_YEAR..=LAST_YEAR).contains(&year)
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        let text = text.trim();
        let shaped = {
            let digits = text.trim_start_matches(['+', '-']);
            let parts: Vec<&str> = digits.split('-').collect();
            parts.len() == 3
                && parts[0].len() >= 4
                && parts[1].len() == 2
                && parts[2].len() == 2
                && parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit()))
        };
        if !shaped {
            // Not a date at all: the same answer as any value of the wrong form.
            return Err(D::Error::custom("input contains invalid characters"));
        }
        let out_of_range = || {
            D::Error::custom(crate::http::extract::field_problem(
                "range",
                &format!("Năm phải từ {FIRST_YEAR} đến {LAST_YEAR}."),
            ))
        };
        let year_digits = text
            .trim_start_matches(['+', '-'])
            .split('-')
            .next()
            .unwrap_or("");
        if year_digits.len() > 4 || text.starts_with(['+', '-']) {
            return Err(out_of_range());
        }
        let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
            D::Error::custom(crate::http::extract::field_problem(
                "invalid_date",
                "Ngày này không có trên lịch.",
            ))
        })?;
        if !year_in_range(date.year()) {
            return Err(D::Error::custom(crate::http::extract::field_problem(
                "range",
                &format!("Năm phải từ {FIRST_YEAR} đến {LAST_YEAR}."),
            )));
        }
        Ok(Day(date))
    }
}

impl utoipa::PartialSchema for Day {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, SchemaFormat, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)))
            .description(Some(format!(
                "A calendar day, `YYYY-MM-DD`, years {FIRST_YEAR}–{LAST_YEAR}."
            )))
            .examples(["2026-10-20"])
            .into()
    }
}

impl utoipa::ToSchema for Day {}

/// The UTC instant at which `day` starts in Asia/Ho_Chi_Minh.
pub fn local_day_start_utc(day: NaiveDate) -> NaiveDateTime {
    let midnight = day.and_hms_opt(0, 0, 0).unwrap_or_default();
    TIME_ZONE
        .from_local_datetime(&midnight)
        .earliest()
        .map(|t| t.naive_utc())
        .unwrap_or(midnight - chrono::Duration::hours(7))
}

/// The Vietnam date of a stored UTC instant.
pub fn local_date(utc: NaiveDateTime) -> NaiveDate {
    utc.and_utc().with_timezone(&TIME_ZONE).date_naive()
}

/// Serialises a stored UTC instant as ISO 8601 with its zone (`2026-11-27T08:30:00Z`), for rows
/// read straight from the database into response types.
pub fn serialize_utc<S: serde::Serializer>(
    value: &NaiveDateTime,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serde::Serialize::serialize(&value.and_utc(), serializer)
}

/// A calendar month, `YYYY-MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

impl Month {
    pub fn parse(text: &str) -> Option<Month> {
        let (year, month) = text.split_once('-')?;
        if year.len() != 4 || month.len() != 2 {
            return None;
        }
        let month = Month {
            year: year.parse().ok()?,
            month: month.parse().ok()?,
        };
        ((2000..=2100).contains(&month.year) && (1..=12).contains(&month.month)).then_some(month)
    }

    pub fn of(day: NaiveDate) -> Month {
        Month {
            year: day.year(),
            month: day.month(),
        }
    }

    pub fn text(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }

    pub fn next(self) -> Month {
        if self.month == 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    /// The month's first day.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or_default()
    }

    /// The deadline of this month's introduction.
    pub fn due_on(self, due_day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, due_day.clamp(1, 28)).unwrap_or_default()
    }
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
