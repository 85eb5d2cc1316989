//! The calendar settings the Office keeps (a settings row, versioned), seeded with the plan's
//! dates: units report by 20/10 and the Office by 30/10 each year; the mid-term review 2026–2028
//! before 20/5/2028 (units) and 30/5/2028 (the Office); the final review 2026–2030 before
//! 20/7/2030 and 31/7/2030. The monthly introduction's due day and first month are the programme
//! settings (`crate::settings`).

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::db::DbConnection;
use crate::db::schema::settings;
use crate::error::{AppError, AppResult, FieldError};
use crate::http::etag::{IfMatch, stale};
use crate::text_enum;
use crate::time::Day;
use crate::versioned_update;

const KEY: &str = "calendar";

/// A day of the year (`{ "month": 10, "day": 20 }`), for yearly deadlines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MonthDay {
    #[schema(minimum = 1, maximum = 12, example = 10)]
    pub month: u32,
    /// 1–31 as the month has; 29 February is refused (not every year has it).
    #[schema(minimum = 1, maximum = 31, example = 20)]
    pub day: u32,
}

impl MonthDay {
    pub fn in_year(self, year: i32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(year, self.month, self.day)
    }

    fn error(self, field: &str) -> Option<FieldError> {
        // 2027 has no 29 February: a day valid in it is valid every year.
        self.in_year(2027).is_none().then(|| {
            FieldError::new(field, "invalid_date", "Ngày này không có trong mọi năm.")
        })
    }
}

/// A review of the plan: its years and the units' and the Office's deadlines ("trước ngày …").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Review {
    #[schema(minimum = 2000, maximum = 2100, example = 2026)]
    pub from_year: i32,
    #[schema(minimum = 2000, maximum = 2100, example = 2028)]
    pub to_year: i32,
    /// Units report to the Office before this day.
    pub unit_before: Day,
    /// The Office reports to Sở Nội vụ before this day.
    pub office_before: Day,
}

impl Review {
    /// `2026-2028`.
    pub fn period(&self) -> String {
        format!("{}-{}", self.from_year, self.to_year)
    }

    fn errors(&self, field: &str) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if !(2000..=2100).contains(&self.from_year) || !(2000..=2100).contains(&self.to_year) {
            errors.push(FieldError::new(format!("{field}.fromYear"), "range", "Năm phải từ 2000 đến 2100."));
        } else if self.from_year > self.to_year {
            errors.push(FieldError::new(format!("{field}.toYear"), "before_start", "Năm kết thúc không được trước năm bắt đầu."));
        }
        if self.office_before < self.unit_before {
            errors.push(FieldError::new(
                format!("{field}.officeBefore"),
                "before_units",
                "Hạn của Văn phòng Sở không được trước hạn của các đơn vị.",
            ));
        }
        errors
    }
}

text_enum!(
    /// Which reminders of the units' obligations the Office also gets (its own, always).
    pub enum OfficeCopies {
        /// Every reminder of every unit.
        All = "all" / "Mọi lời nhắc",
        /// Only once a unit's obligation is overdue.
        Overdue = "overdue" / "Khi đơn vị quá hạn",
        /// None.
        None = "none" / "Không nhận",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CalendarSettingsInput {
    /// The plan's first year: annual reports are owed from it.
    #[schema(minimum = 2000, maximum = 2100, example = 2026)]
    pub first_year: i32,
    /// The plan's last year: annual reports and monthly introductions are owed until it ends.
    #[schema(minimum = 2000, maximum = 2100, example = 2030)]
    pub last_year: i32,
    /// Units report each year by this day ("vào ngày 20/10 hằng năm").
    pub unit_annual_report: MonthDay,
    /// The Office's consolidated report to Sở Nội vụ, by this day each year (30/10).
    pub office_annual_report: MonthDay,
    pub midterm_review: Review,
    pub final_review: Review,
    /// Whether "before a day" still allows that day. The plan reads it strictly: `false`.
    pub before_inclusive: bool,
    /// Whether a deadline on a weekend or public holiday moves to the next working day.
    pub move_to_next_working_day: bool,
    /// An obligation not yet met is "due soon" this many days before its deadline.
    #[validate(range(min = 0, max = 60))]
    #[schema(minimum = 0, maximum = 60, example = 7)]
    pub due_soon_days: u32,
    /// When to remind, in days from the deadline: negative before, 0 on the day, positive after
    /// (the plan's defaults: 5 and 1 days before, on the day, 1 and 7 days after).
    #[validate(length(min = 0, max = 10, message = "Tối đa 10 mốc nhắc."))]
    #[schema(max_items = 10, example = json!([-5, -1, 0, 1, 7]))]
    pub reminder_offsets: Vec<i32>,
    /// A reminder missed (the server was down) is still sent this many days late; older ones
    /// are skipped, and only the latest one due is sent.
    #[validate(range(min = 0, max = 30))]
    #[schema(minimum = 0, maximum = 30, example = 3)]
    pub reminder_catch_up_days: u32,
    pub office_copies: OfficeCopies,
}

impl Default for CalendarSettingsInput {
    fn default() -> Self {
        let day = |y, m, d| Day(NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default());
        Self {
            first_year: 2026,
            last_year: 2030,
            unit_annual_report: MonthDay { month: 10, day: 20 },
            office_annual_report: MonthDay { month: 10, day: 30 },
            midterm_review: Review {
                from_year: 2026,
                to_year: 2028,
                unit_before: day(2028, 5, 20),
                office_before: day(2028, 5, 30),
            },
            final_review: Review {
                from_year: 2026,
                to_year: 2030,
                unit_before: day(2030, 7, 20),
                office_before: day(2030, 7, 31),
            },
            before_inclusive: false,
            move_to_next_working_day: false,
            due_soon_days: 7,
            reminder_offsets: vec![-5, -1, 0, 1, 7],
            reminder_catch_up_days: 3,
            office_copies: OfficeCopies::Overdue,
        }
    }
}

impl CalendarSettingsInput {
    pub fn normalized(mut self) -> Self {
        self.reminder_offsets.sort_unstable();
        self
    }

    /// Problems across fields.
    pub fn extra_errors(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if !(2000..=2100).contains(&self.first_year) {
            errors.push(FieldError::new("firstYear", "range", "Năm phải từ 2000 đến 2100."));
        }
        if !(2000..=2100).contains(&self.last_year) {
            errors.push(FieldError::new("lastYear", "range", "Năm phải từ 2000 đến 2100."));
        } else if self.last_year < self.first_year || self.last_year - self.first_year > 20 {
            errors.push(FieldError::new(
                "lastYear",
                "range",
                "Năm kết thúc phải từ năm bắt đầu đến tối đa 20 năm sau.",
            ));
        }
        for (field, value) in [
            ("unitAnnualReport", self.unit_annual_report),
            ("officeAnnualReport", self.office_annual_report),
        ] {
            errors.extend(value.error(field));
        }
        if self.office_annual_report.in_year(2027) < self.unit_annual_report.in_year(2027) {
            errors.push(FieldError::new(
                "officeAnnualReport",
                "before_units",
                "Hạn của Văn phòng Sở không được trước hạn của các đơn vị.",
            ));
        }
        errors.extend(self.midterm_review.errors("midtermReview"));
        errors.extend(self.final_review.errors("finalReview"));
        if self.midterm_review.period() == self.final_review.period() {
            errors.push(FieldError::new(
                "finalReview.toYear",
                "duplicate",
                "Kỳ tổng kết phải khác kỳ sơ kết.",
            ));
        }
        for (i, offset) in self.reminder_offsets.iter().enumerate() {
            if !(-60..=60).contains(offset) {
                errors.push(FieldError::new(
                    format!("reminderOffsets[{i}]"),
                    "range",
                    "Mốc nhắc phải từ 60 ngày trước đến 60 ngày sau hạn.",
                ));
            }
        }
        if self.reminder_offsets.windows(2).any(|w| w[0] == w[1]) {
            errors.push(FieldError::new(
                "reminderOffsets",
                "duplicate",
                "Mỗi mốc nhắc chỉ ghi một lần.",
            ));
        }
        errors
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CalendarSettings {
    #[serde(flatten)]
    pub values: CalendarSettingsInput,
    /// 0: the plan's defaults, never saved.
    pub version: i32,
    pub updated_at: Option<DateTime<Utc>>,
}

pub fn load(conn: &mut DbConnection) -> AppResult<CalendarSettings> {
    let row: Option<(String, i32, NaiveDateTime)> = settings::table
        .find(KEY)
        .select((settings::value, settings::version, settings::updated_at))
        .first(conn)
        .optional()?;
    Ok(match row {
        Some((value, version, updated_at)) => CalendarSettings {
            values: serde_json::from_str(&value).map_err(AppError::internal)?,
            version,
            updated_at: Some(updated_at.and_utc()),
        },
        None => CalendarSettings {
            values: CalendarSettingsInput::default(),
            version: 0,
            updated_at: None,
        },
    })
}

pub fn save(
    conn: &mut DbConnection,
    current: &CalendarSettings,
    if_match: IfMatch,
    now: NaiveDateTime,
    input: &CalendarSettingsInput,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_are_the_plan_and_valid() {
        let plan = CalendarSettingsInput::default();
        assert!(plan.validate().is_ok());
        assert!(plan.extra_errors().is_empty(), "{:?}", plan.extra_errors());
        assert_eq!(plan.midterm_review.period(), "2026-2028");
        let mut bad = plan.clone();
        bad.unit_annual_report = MonthDay { month: 2, day: 29 };
        bad.reminder_offsets = vec![-90, 1, 1];
        let codes: Vec<String> = bad.extra_errors().into_iter().map(|e| format!("{}:{}", e.field, e.code)).collect();
        assert!(codes.contains(&"unitAnnualReport:invalid_date".to_owned()), "{codes:?}");
        assert!(codes.contains(&"reminderOffsets[0]:range".to_owned()), "{codes:?}");
        assert!(codes.contains(&"reminderOffsets:duplicate".to_owned()), "{codes:?}");
    }
}
