//! Monthly introductions: each unit introduces at least one exemplar each month, by the due day
//! (the 10th in the plan), with a short write-up. Being on time is judged in Vietnam time when
//! the introduction is submitted.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::auth::{Principal, policy};
use crate::db::DbConnection;
use crate::db::schema::{exemplars, introduction_exemplars, introductions, units};
use crate::error::{AppError, AppResult, ErrorCode, FieldError};
use crate::exemplars::types::Category;
use crate::http::etag::{IfMatch, stale};
use crate::text_enum;
use crate::units::UnitRef;

text_enum!(
    pub enum IntroductionStatus {
        Draft = "draft" / "Bản nháp",
        Submitted = "submitted" / "Đã gửi",
    }
);

/// A calendar month, `YYYY-MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
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

    /// The deadline of this month's introduction.
    pub fn due_on(self, due_day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, due_day.clamp(1, 28)).unwrap_or_default()
    }
}

/// Whether a submission at `submitted_at` (UTC) meets `month`'s deadline, in Vietnam time.
pub fn on_time(month: Month, due_day: u32, submitted_at: DateTime<Utc>) -> bool {
    submitted_at
        .with_timezone(&crate::time::TIME_ZONE)
        .date_naive()
        <= month.due_on(due_day)
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct IntroducedExemplar {
    pub id: i64,
    pub name: String,
    pub category: Category,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Introduction {
    pub id: i64,
    pub unit: UnitRef,
    /// `YYYY-MM`.
    pub month: String,
    pub title: String,
    pub write_up: String,
    pub exemplars: Vec<IntroducedExemplar>,
    pub status: IntroductionStatus,
    pub submitted_at: Option<DateTime<Utc>>,
    /// Judged at submission against the due day then in force, in Vietnam time.
    pub on_time: Option<bool>,
    pub created_by: Option<i64>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct IntroductionInput {
    pub unit_id: i64,
    /// `YYYY-MM`.
    #[schema(example = "2026-11", pattern = r"^\d{4}-\d{2}$")]
    pub month: String,
    #[validate(length(min = 3, max = 300))]
    #[schema(min_length = 3, max_length = 300)]
    pub title: String,
    /// The short write-up to publish.
    #[validate(length(min = 20, max = 20000))]
    #[schema(min_length = 20, max_length = 20000)]
    pub write_up: String,
    /// The unit's exemplars introduced (1–10).
    #[validate(length(
        min = 1,
        max = 10,
        message = "Chọn từ 1 đến 10 điển hình để giới thiệu."
    ))]
    pub exemplar_ids: Vec<i64>,
}

impl IntroductionInput {
    pub fn normalized(mut self) -> Self {
        self.title = self.title.trim().to_owned();
        self.write_up = self.write_up.trim().to_owned();
        self.month = self.month.trim().to_owned();
        self.exemplar_ids.sort_unstable();
        self.exemplar_ids.dedup();
        self
    }

    pub fn month(&self) -> AppResult<Month> {
        Month::parse(&self.month).ok_or_else(|| {
            AppError::field("month", "invalid_format", "Tháng phải có dạng YYYY-MM.")
        })
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = introductions)]
pub struct IntroductionRow {
    pub id: i64,
    pub unit_id: i64,
    pub month: String,
    pub title: String,
    pub write_up: String,
    pub status: String,
    pub submitted_at: Option<NaiveDateTime>,
    pub on_time: Option<bool>,
    pub created_by: Option<i64>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

pub fn find_row(conn: &mut DbConnection, id: i64) -> AppResult<IntroductionRow> {
    introductions::table
        .find(id)
        .select(IntroductionRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::not_found("bài giới thiệu"))
}

pub fn to_dto(conn: &mut DbConnection, row: IntroductionRow) -> AppResult<Introduction> {
    let introduced: Vec<(i64, String, String)> = introduction_exemplars::table
        .inner_join(exemplars::table)
        .filter(introduction_exemplars::introduction_id.eq(row.id))
        .order(exemplars::sort_name.asc())
        .select((exemplars::id, exemplars::name, exemplars::category))
        .load(conn)?;
    Ok(Introduction {
        unit: crate::exemplars::model::unit_ref(conn, row.unit_id)?,
        exemplars: introduced
            .into_iter()
            .map(|(id, name, category)| {
                Ok(IntroducedExemplar {
                    id,
                    name,
                    category: Category::from_db(&category)?,
                })
            })
            .collect::<AppResult<_>>()?,
        status: IntroductionStatus::from_db(&row.status)?,
        id: row.id,
        month: row.month,
        title: row.title,
        write_up: row.write_up,
        submitted_at: row.submitted_at.map(|t| t.and_utc()),
        on_time: row.on_time,
        created_by: row.created_by,
        version: row.version,
        created_at: row.created_at.and_utc(),
        updated_at: row.updated_at.and_utc(),
    })
}

pub fn load(conn: &mut DbConnection, id: i64) -> AppResult<Introduction> {
    let row = find_row(conn, id)?;
    to_dto(conn, row)
}

fn check(
    conn: &mut DbConnection,
    principal: &Principal,
    input: &IntroductionInput,
) -> AppResult<()> {
    policy::ensure_unit(principal, Some(input.unit_id))?;
    let unit: Option<bool> = units::table
        .find(input.unit_id)
        .select(units::active)
        .first(conn)
        .optional()?;
    match unit {
        None => {
            return Err(AppError::field(
                "unitId",
                "not_found",
                "Đơn vị không tồn tại.",
            ));
        }
        Some(false) => {
            return Err(AppError::field(
                "unitId",
                "inactive",
                "Đơn vị đã ngừng hoạt động.",
            ));
        }
        Some(true) => {}
    }
    input.month()?;
    let owners: Vec<(i64, i64)> = exemplars::table
        .filter(exemplars::id.eq_any(&input.exemplar_ids))
        .select((exemplars::id, exemplars::unit_id))
        .load(conn)?;
    let errors: Vec<FieldError> = input
        .exemplar_ids
        .iter()
        .enumerate()
        .filter_map(|(i, id)| match owners.iter().find(|(e, _)| e == id) {
            None => Some(FieldError::new(
                format!("exemplarIds[{i}]"),
                "not_found",
                "Điển hình không tồn tại.",
            )),
            Some((_, unit)) if *unit != input.unit_id => Some(FieldError::new(
                format!("exemplarIds[{i}]"),
                "other_unit",
                "Chỉ giới thiệu điển hình của đơn vị mình.",
            )),
            Some(_) => None,
        })
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::validation(errors))
    }
}

fn link(conn: &mut DbConnection, id: i64, exemplar_ids: &[i64]) -> AppResult<()> {
    diesel::delete(
        introduction_exemplars::table.filter(introduction_exemplars::introduction_id.eq(id)),
    )
    .execute(conn)?;
    for exemplar_id in exemplar_ids {
        diesel::insert_into(introduction_exemplars::table)
            .values((
                introduction_exemplars::introduction_id.eq(id),
                introduction_exemplars::exemplar_id.eq(exemplar_id),
            ))
            .execute(conn)?;
    }
    Ok(())
}

pub fn insert(
    conn: &mut DbConnection,
    principal: &Principal,
    input: &IntroductionInput,
) -> AppResult<i64> {
    check(conn, principal, input)?;
    let now = Utc::now().naive_utc();
    let id = diesel::insert_into(introductions::table)
        .values((
            introductions::unit_id.eq(input.unit_id),
            introductions::month.eq(input.month()?.text()),
            introductions::title.eq(&input.title),
            introductions::write_up.eq(&input.write_up),
            introductions::status.eq(IntroductionStatus::Draft.as_str()),
            introductions::created_by.eq(principal.user_id()),
            introductions::version.eq(1),
            introductions::created_at.eq(now),
            introductions::updated_at.eq(now),
        ))
        .returning(introductions::id)
        .get_result(conn)?;
    link(conn, id, &input.exemplar_ids)?;
    Ok(id)
}

pub fn ensure_draft_of_unit(principal: &Principal, row: &IntroductionRow) -> AppResult<()> {
    policy::ensure_unit(principal, Some(row.unit_id))?;
    if row.status != IntroductionStatus::Draft.as_str() {
        return Err(AppError::new(ErrorCode::Conflict)
            .with_detail("Bài giới thiệu đã gửi, không sửa được."));
    }
    Ok(())
}

pub fn update(
    conn: &mut DbConnection,
    principal: &Principal,
    current: &IntroductionRow,
    if_match: IfMatch,
    input: &IntroductionInput,
) -> AppResult<()> {
    if_match.check(current.version)?;
    ensure_draft_of_unit(principal, current)?;
    check(conn, principal, input)?;
    let changed = diesel::update(
        introductions::table
            .find(current.id)
            .filter(introductions::version.eq(current.version)),
    )
    .set((
        introductions::unit_id.eq(input.unit_id),
        introductions::month.eq(input.month()?.text()),
        introductions::title.eq(&input.title),
        introductions::write_up.eq(&input.write_up),
        introductions::version.eq(current.version + 1),
        introductions::updated_at.eq(Utc::now().naive_utc()),
    ))
    .execute(conn)?;
    if changed == 0 {
        return Err(stale());
    }
    link(conn, current.id, &input.exemplar_ids)
}

pub fn submit(
    conn: &mut DbConnection,
    principal: &Principal,
    current: &IntroductionRow,
    if_match: IfMatch,
    due_day: u32,
) -> AppResult<()> {
    if_match.check(current.version)?;
    ensure_draft_of_unit(principal, current)?;
    let month =
        Month::parse(&current.month).ok_or_else(|| AppError::internal("stored month malformed"))?;
    let now = Utc::now();
    let changed = diesel::update(
        introductions::table
            .find(current.id)
            .filter(introductions::version.eq(current.version)),
    )
    .set((
        introductions::status.eq(IntroductionStatus::Submitted.as_str()),
        introductions::submitted_at.eq(now.naive_utc()),
        introductions::on_time.eq(on_time(month, due_day, now)),
        introductions::version.eq(current.version + 1),
        introductions::updated_at.eq(now.naive_utc()),
    ))
    .execute(conn)?;
    if changed == 0 { Err(stale()) } else { Ok(()) }
}

pub fn delete_draft(
    conn: &mut DbConnection,
    principal: &Principal,
    current: &IntroductionRow,
    if_match: IfMatch,
) -> AppResult<()> {
    if_match.check(current.version)?;
    ensure_draft_of_unit(principal, current)?;
    diesel::delete(
        introduction_exemplars::table
            .filter(introduction_exemplars::introduction_id.eq(current.id)),
    )
    .execute(conn)?;
    diesel::delete(introductions::table.find(current.id)).execute(conn)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn months_parse_strictly() {
        assert_eq!(
            Month::parse("2026-11"),
            Some(Month {
                year: 2026,
                month: 11
            })
        );
        for bad in ["2026-13", "2026-1", "26-11", "2026/11", "abcd-ef"] {
            assert_eq!(Month::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn deadlines_are_vietnam_days() {
        let november = Month {
            year: 2026,
            month: 11,
        };
        // 10/11 23:30 in Vietnam is 16:30 UTC: on time.
        assert!(on_time(
            november,
            10,
            Utc.with_ymd_and_hms(2026, 11, 10, 16, 30, 0).unwrap()
        ));
        // 11/11 00:30 in Vietnam is still 10/11 in UTC: late.
        assert!(!on_time(
            november,
            10,
            Utc.with_ymd_and_hms(2026, 11, 10, 17, 30, 0).unwrap()
        ));
        assert!(
            on_time(
                november,
                10,
                Utc.with_ymd_and_hms(2026, 10, 28, 8, 0, 0).unwrap()
            ),
            "early is on time"
        );
    }
}
