//! The base salary (lương cơ sở) rewards are multiples of, as a dated setting: the amount in
//! force on a day is the one with the latest `effectiveFrom` not after it.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::db::DbConnection;
use crate::db::schema::base_salaries;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::http::etag::IfMatch;
use crate::time::Day;
use crate::{versioned_delete, versioned_update};

/// A base salary and the day it applies from.
#[derive(Debug, Clone, Serialize, ToSchema, Queryable, Selectable)]
#[diesel(table_name = base_salaries)]
#[serde(rename_all = "camelCase")]
pub struct BaseSalary {
    pub id: i64,
    /// In đồng per month.
    #[schema(example = 2_340_000)]
    pub amount: i64,
    pub effective_from: NaiveDate,
    /// "Nghị định số 73/2024/NĐ-CP ngày 30/6/2024".
    pub legal_basis: String,
    pub version: i32,
    #[serde(serialize_with = "crate::time::serialize_utc")]
    #[schema(value_type = chrono::DateTime<chrono::Utc>)]
    pub created_at: NaiveDateTime,
    #[serde(serialize_with = "crate::time::serialize_utc")]
    #[schema(value_type = chrono::DateTime<chrono::Utc>)]
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct BaseSalaryInput {
    /// In đồng per month.
    #[validate(range(min = 1, max = 1_000_000_000))]
    #[schema(minimum = 1, maximum = 1_000_000_000, example = 2_340_000)]
    pub amount: i64,
    pub effective_from: Day,
    #[validate(length(min = 3, max = 1000))]
    #[schema(min_length = 3, max_length = 1000)]
    pub legal_basis: String,
}

pub fn list(conn: &mut DbConnection) -> AppResult<Vec<BaseSalary>> {
    Ok(base_salaries::table
        .order(base_salaries::effective_from.desc())
        .select(BaseSalary::as_select())
        .load(conn)?)
}

pub fn find(conn: &mut DbConnection, id: i64) -> AppResult<BaseSalary> {
    base_salaries::table
        .find(id)
        .select(BaseSalary::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::not_found("mức lương cơ sở"))
}

/// The base salary in force on `day`, or 409 when none is recorded for it.
pub fn on(conn: &mut DbConnection, day: NaiveDate) -> AppResult<i64> {
    base_salaries::table
        .filter(base_salaries::effective_from.le(day))
        .order(base_salaries::effective_from.desc())
        .select(base_salaries::amount)
        .first(conn)
        .optional()?
        .ok_or_else(|| {
            AppError::new(ErrorCode::Conflict).with_detail(format!(
                "Chưa có mức lương cơ sở áp dụng cho ngày {}; hãy khai báo trong thiết lập khen thưởng.",
                day.format("%d/%m/%Y")
            ))
        })
}

fn taken() -> AppError {
    AppError::field(
        "effectiveFrom",
        "taken",
        "Đã có mức lương cơ sở áp dụng từ ngày này.",
    )
}

fn map_unique(error: diesel::result::Error) -> AppError {
    match error {
        diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        ) => taken(),
        other => other.into(),
    }
}

pub fn insert(
    conn: &mut DbConnection,
    now: NaiveDateTime,
    input: &BaseSalaryInput,
) -> AppResult<i64> {
    let exists: i64 = base_salaries::table
        .filter(base_salaries::effective_from.eq(input.effective_from.0))
        .count()
        .get_result(conn)?;
    if exists > 0 {
        return Err(taken());
    }
    diesel::insert_into(base_salaries::table)
        .values((
            base_salaries::amount.eq(input.amount),
            base_salaries::effective_from.eq(input.effective_from.0),
            base_salaries::legal_basis.eq(input.legal_basis.trim()),
            base_salaries::version.eq(1),
            base_salaries::created_at.eq(now),
            base_salaries::updated_at.eq(now),
        ))
        .returning(base_salaries::id)
        .get_result(conn)
        .map_err(map_unique)
}

pub fn update(
    conn: &mut DbConnection,
    current: &BaseSalary,
    if_match: IfMatch,
    now: NaiveDateTime,
    input: &BaseSalaryInput,
) -> AppResult<()> {
    let expected = if_match.expect(current.version)?;
    let clash: i64 = base_salaries::table
        .filter(base_salaries::effective_from.eq(input.effective_from.0))
        .filter(base_salaries::id.ne(current.id))
        .count()
        .get_result(conn)?;
    if clash > 0 {
        return Err(taken());
    }
    versioned_update!(
        conn,
        base_salaries,
        current.id,
        expected,
        now,
        (
            base_salaries::amount.eq(input.amount),
            base_salaries::effective_from.eq(input.effective_from.0),
            base_salaries::legal_basis.eq(input.legal_basis.trim()),
        )
    )
    .map(|_| ())
}

/// Rewards already computed keep their amount: removing a base salary changes only future ones.
pub fn delete(conn: &mut DbConnection, current: &BaseSalary, if_match: IfMatch) -> AppResult<()> {
    let expected = if_match.expect(current.version)?;
    versioned_delete!(conn, base_salaries, current.id, expected)
}
