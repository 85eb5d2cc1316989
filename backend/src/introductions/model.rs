//! Monthly introductions: each unit introduces at least one exemplar each month, by the due day
//! (the 10th in the plan), with a short write-up. Being on time is judged in Vietnam time when
//! the introduction is submitted.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::auth::{Principal, policy};
use crate::db::DbConnection;
use crate::db::schema::{exemplars, introduction_exemplars, introductions, units};
use crate::error::{AppError, AppResult, ErrorCode, FieldError};
use crate::exemplars::model::Visibility;
use crate::exemplars::types::{Category, RecordStatus, TimelineAction};
use crate::http::etag::IfMatch;
pub use crate::time::Month;
use crate::{text_enum, versioned_delete, versioned_update};
use crate::units::UnitRef;

text_enum!(
    /// How far a monthly introduction has gone.
    pub enum IntroductionStatus {
        /// Being written by the unit; editable, not yet counted in the grid.
        Draft = "draft" / "Bản nháp",
        /// Submitted (by the unit head or the Office); counts for its month, on time or late.
        Submitted = "submitted" / "Đã gửi",
    }
);

/// Whether a submission at `submitted_at` (UTC) meets the month's deadline `due` (its last day,
/// `crate::calendar::deadlines::Calendar::introduction_due`), in Vietnam time.
pub fn on_time(due: chrono::NaiveDate, submitted_at: DateTime<Utc>) -> bool {
    crate::calendar::deadlines::met(submitted_at, due)
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
    #[schema(min_items = 1, max_items = 10)]
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
    pub status: IntroductionStatus,
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

/// The introduction as `principal` may read it: the exemplars it introduces are listed by the
/// exemplars' own visibility rule (a service account sees the confirmed ones only).
pub fn to_dto(
    conn: &mut DbConnection,
    principal: &Principal,
    row: IntroductionRow,
) -> AppResult<Introduction> {
    let visibility = Visibility::of(principal);
    let mut query = introduction_exemplars::table
        .inner_join(exemplars::table)
        .filter(introduction_exemplars::introduction_id.eq(row.id))
        .order(exemplars::sort_name.asc())
        .select((exemplars::id, exemplars::name, exemplars::category))
        .into_boxed();
    if visibility.confirmed_only {
        query = query.filter(exemplars::record_status.eq(RecordStatus::Confirmed));
    }
    if let Some(unit) = visibility.unit {
        query = query.filter(exemplars::unit_id.eq(unit));
    }
    let introduced: Vec<(i64, String, Category)> = query.load(conn)?;
    Ok(Introduction {
        unit: crate::exemplars::model::unit_ref(conn, row.unit_id)?,
        exemplars: introduced
            .into_iter()
            .map(|(id, name, category)| IntroducedExemplar { id, name, category })
            .collect(),
        status: row.status,
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

pub fn load(conn: &mut DbConnection, principal: &Principal, id: i64) -> AppResult<Introduction> {
    let row = find_row(conn, id)?;
    to_dto(conn, principal, row)
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
    now: NaiveDateTime,
    input: &IntroductionInput,
) -> AppResult<i64> {
    check(conn, principal, input)?;
    let id = diesel::insert_into(introductions::table)
        .values((
            introductions::unit_id.eq(input.unit_id),
            introductions::month.eq(input.month()?.text()),
            introductions::title.eq(&input.title),
            introductions::write_up.eq(&input.write_up),
            introductions::status.eq(IntroductionStatus::Draft),
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
    if row.status != IntroductionStatus::Draft {
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
    now: NaiveDateTime,
    input: &IntroductionInput,
) -> AppResult<()> {
    ensure_draft_of_unit(principal, current)?;
    let expected = if_match.expect(current.version)?;
    check(conn, principal, input)?;
    versioned_update!(
        conn,
        introductions,
        current.id,
        expected,
        now,
        (
            introductions::unit_id.eq(input.unit_id),
            introductions::month.eq(input.month()?.text()),
            introductions::title.eq(&input.title),
            introductions::write_up.eq(&input.write_up),
        )
    )?;
    link(conn, current.id, &input.exemplar_ids)
}

pub fn submit(
    conn: &mut DbConnection,
    principal: &Principal,
    current: &IntroductionRow,
    if_match: IfMatch,
    now: NaiveDateTime,
    calendar: &crate::calendar::deadlines::Calendar,
) -> AppResult<()> {
    ensure_draft_of_unit(principal, current)?;
    let expected = if_match.expect(current.version)?;
    let month =
        Month::parse(&current.month).ok_or_else(|| AppError::internal("stored month malformed"))?;
    versioned_update!(
        conn,
        introductions,
        current.id,
        expected,
        now,
        (
            introductions::status.eq(IntroductionStatus::Submitted),
            introductions::submitted_at.eq(Some(now)),
            introductions::on_time.eq(Some(on_time(calendar.introduction_due(month), now.and_utc()))),
        )
    )?;
    let presented: Vec<i64> = introduction_exemplars::table
        .filter(introduction_exemplars::introduction_id.eq(current.id))
        .select(introduction_exemplars::exemplar_id)
        .load(conn)?;
    let note = format!("Tháng {:02}/{}: {}", month.month, month.year, current.title);
    for exemplar_id in presented {
        crate::exemplars::timeline::record(
            conn,
            exemplar_id,
            principal,
            now,
            crate::exemplars::timeline::Step::new(TimelineAction::Introduced).note(Some(&note)),
        )?;
    }
    Ok(())
}

/// Deletes a draft; its links go with it (ON DELETE CASCADE).
pub fn delete_draft(
    conn: &mut DbConnection,
    principal: &Principal,
    current: &IntroductionRow,
    if_match: IfMatch,
) -> AppResult<()> {
    ensure_draft_of_unit(principal, current)?;
    let expected = if_match.expect(current.version)?;
    versioned_delete!(conn, introductions, current.id, expected)
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
        let due = november.due_on(10);
        // 10/11 23:30 in Vietnam is 16:30 UTC: on time.
        assert!(on_time(
            due,
            Utc.with_ymd_and_hms(2026, 11, 10, 16, 30, 0).unwrap()
        ));
        // 11/11 00:30 in Vietnam is still 10/11 in UTC: late.
        assert!(!on_time(
            due,
            Utc.with_ymd_and_hms(2026, 11, 10, 17, 30, 0).unwrap()
        ));
        assert!(
            on_time(
                due,
                Utc.with_ymd_and_hms(2026, 10, 28, 8, 0, 0).unwrap()
            ),
            "early is on time"
        );
    }
}
