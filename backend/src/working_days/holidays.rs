//! The public holidays list (a setting the Office and the administrator keep): the days off that
//! fall outside weekends. Seeded with the fixed-date holidays of the Labour Code for the plan's
//! years; the lunar ones (Tết Nguyên đán, Giỗ Tổ Hùng Vương) and the days moved by each year's
//! Government notice are added as they are announced.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::db::DbConnection;
use crate::db::schema::settings;
use crate::error::{AppError, AppResult, FieldError};
use crate::http::etag::{IfMatch, stale};
use crate::time::Day;
use crate::versioned_update;

const KEY: &str = "public_holidays";

/// One day off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Holiday {
    pub date: Day,
    /// What it is (`Quốc khánh`).
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200, example = "Quốc khánh")]
    pub name: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct HolidaysInput {
    /// Each date once, in any order (stored sorted).
    #[validate(length(max = 500, message = "Tối đa 500 ngày nghỉ."), nested)]
    #[schema(max_items = 500)]
    pub days: Vec<Holiday>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Holidays {
    pub days: Vec<Holiday>,
    /// 0: the defaults, never saved.
    pub version: i32,
    pub updated_at: Option<DateTime<Utc>>,
}

impl HolidaysInput {
    pub fn normalized(mut self) -> Self {
        for day in &mut self.days {
            day.name = day.name.trim().to_owned();
        }
        self.days.sort_by_key(|d| d.date);
        self
    }

    /// Problems the derive cannot see: the same date twice.
    pub fn extra_errors(&self) -> Vec<FieldError> {
        self.days
            .windows(2)
            .enumerate()
            .filter(|(_, pair)| pair[0].date == pair[1].date)
            .map(|(i, _)| {
                FieldError::new(
                    format!("days[{}].date", i + 1),
                    "duplicate",
                    "Ngày này đã có trong danh sách.",
                )
            })
            .collect()
    }
}

/// The fixed-date public holidays (Bộ luật Lao động 2019, Điều 112) of 2026–2030, with the day
/// next to Quốc khánh as the Government has set it each year.
fn defaults() -> Vec<Holiday> {
    let mut days = Vec::new();
    for year in 2026..=2030 {
        for (month, day, name) in [
            (1, 1, "Tết Dương lịch"),
            (4, 30, "Ngày Chiến thắng"),
            (5, 1, "Ngày Quốc tế lao động"),
            (9, 2, "Quốc khánh"),
        ] {
            if let Some(date) = NaiveDate::from_ymd_opt(year, month, day) {
                days.push(Holiday {
                    date: Day(date),
                    name: name.to_owned(),
                });
            }
        }
    }
    days
}

pub fn load(conn: &mut DbConnection) -> AppResult<Holidays> {
    let row: Option<(String, i32, NaiveDateTime)> = settings::table
        .find(KEY)
        .select((settings::value, settings::version, settings::updated_at))
        .first(conn)
        .optional()?;
    Ok(match row {
        Some((value, version, updated_at)) => {
            let input: HolidaysInput = serde_json::from_str(&value).map_err(AppError::internal)?;
            Holidays {
                days: input.days,
                version,
                updated_at: Some(updated_at.and_utc()),
            }
        }
        None => Holidays {
            days: defaults(),
            version: 0,
            updated_at: None,
        },
    })
}

pub fn save(
    conn: &mut DbConnection,
    current: &Holidays,
    if_match: IfMatch,
    now: NaiveDateTime,
    input: &HolidaysInput,
) -> AppResult<()> {
    let expected = if_match.expect(current.version)?;
    let value = serde_json::to_string(input).map_err(AppError::internal)?;
    if current.version == 0 {
        diesel::insert_into(settings::table)
            .values((
                settings::key.eq(KEY),
                settings::value.eq(value),
                settings::version.eq(1),
                settings::updated_at.eq(now),
            ))
            .execute(conn)
            .map_err(|error| match error {
                diesel::result::Error::DatabaseError(
                    diesel::result::DatabaseErrorKind::UniqueViolation,
                    _,
                ) => stale(),
                other => other.into(),
            })?;
        return Ok(());
    }
    versioned_update!(conn, settings, KEY, expected, now, (settings::value.eq(value)))?;
    Ok(())
}
