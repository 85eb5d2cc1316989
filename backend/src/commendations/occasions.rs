//! Commendation occasions (dịp khen thưởng): year ends, the plan's mid-term and final reviews,
//! the sector's days (28/8, 9/11), a movement's review. Data the Office keeps; a regular
//! proposal names one.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::types::OccasionKind;
use crate::db::DbConnection;
use crate::db::schema::{commendation_occasions, commendation_proposals, movements};
use crate::error::{AppError, AppResult, ErrorCode, FieldError};
use crate::http::etag::IfMatch;
use crate::time::Day;
use crate::{versioned_delete, versioned_update};

#[derive(Debug, Clone, Serialize, ToSchema, Queryable, Selectable)]
#[diesel(table_name = commendation_occasions)]
#[serde(rename_all = "camelCase")]
pub struct Occasion {
    pub id: i64,
    /// `TK-2026`, `NTT-2026`.
    pub code: String,
    pub name: String,
    pub kind: OccasionKind,
    /// The year it sums up, if one.
    pub year: Option<i32>,
    /// When it takes place.
    pub occurs_on: Option<NaiveDate>,
    /// For a movement's review: the movement.
    pub movement_id: Option<i64>,
    pub description: Option<String>,
    /// Inactive occasions are kept for their proposals but not offered for new ones.
    pub active: bool,
    pub version: i32,
    #[serde(serialize_with = "crate::time::serialize_utc")]
    #[schema(value_type = chrono::DateTime<chrono::Utc>)]
    pub created_at: NaiveDateTime,
    #[serde(serialize_with = "crate::time::serialize_utc")]
    #[schema(value_type = chrono::DateTime<chrono::Utc>)]
    pub updated_at: NaiveDateTime,
}

/// A short reference to an occasion.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OccasionRef {
    pub id: i64,
    pub code: String,
    pub name: String,
}

impl Occasion {
    pub fn reference(&self) -> OccasionRef {
        OccasionRef {
            id: self.id,
            code: self.code.clone(),
            name: self.name.clone(),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OccasionInput {
    #[validate(length(min = 2, max = 30))]
    #[schema(min_length = 2, max_length = 30, example = "TK-2026")]
    pub code: String,
    #[validate(length(min = 3, max = 300))]
    #[schema(
        min_length = 3,
        max_length = 300,
        example = "Tổng kết công tác năm 2026"
    )]
    pub name: String,
    pub kind: OccasionKind,
    #[validate(range(min = 2000, max = 2100))]
    #[schema(minimum = 2000, maximum = 2100)]
    pub year: Option<i32>,
    pub occurs_on: Option<Day>,
    /// Required for a movement's review.
    pub movement_id: Option<i64>,
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub description: Option<String>,
    #[serde(default = "yes")]
    #[schema(default = true)]
    pub active: bool,
}

fn yes() -> bool {
    true
}

impl OccasionInput {
    pub fn normalized(mut self) -> Self {
        self.code = self.code.trim().to_uppercase();
        self.name = self.name.trim().to_owned();
        self.description = self
            .description
            .map(|d| d.trim().to_owned())
            .filter(|d| !d.is_empty());
        self
    }

    pub fn extra_errors(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if self.kind == OccasionKind::MovementReview && self.movement_id.is_none() {
            errors.push(FieldError::new(
                "movementId",
                "required",
                "Sơ kết, tổng kết phong trào cần chọn phong trào thi đua.",
            ));
        }
        if !self
            .code
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-' || c == '_')
        {
            errors.push(FieldError::new(
                "code",
                "invalid_format",
                "Mã chỉ gồm chữ in hoa không dấu, chữ số, dấu - và _.",
            ));
        }
        errors
    }
}

pub fn list(
    conn: &mut DbConnection,
    active: Option<bool>,
    year: Option<i32>,
) -> AppResult<Vec<Occasion>> {
    let mut query = commendation_occasions::table
        .select(Occasion::as_select())
        .into_boxed();
    if let Some(active) = active {
        query = query.filter(commendation_occasions::active.eq(active));
    }
    if let Some(year) = year {
        query = query.filter(commendation_occasions::year.eq(year));
    }
    Ok(query
        .order((
            commendation_occasions::occurs_on.desc(),
            commendation_occasions::code.asc(),
        ))
        .load(conn)?)
}

pub fn find(conn: &mut DbConnection, id: i64) -> AppResult<Occasion> {
    commendation_occasions::table
        .find(id)
        .select(Occasion::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::not_found("dịp khen thưởng"))
}

fn check_refs(conn: &mut DbConnection, input: &OccasionInput, id: Option<i64>) -> AppResult<()> {
    let mut same = commendation_occasions::table
        .filter(commendation_occasions::code.eq(&input.code))
        .into_boxed();
    if let Some(id) = id {
        same = same.filter(commendation_occasions::id.ne(id));
    }
    let taken: i64 = same.count().get_result(conn)?;
    if taken > 0 {
        return Err(AppError::new(ErrorCode::DuplicateCode)
            .with_detail("Mã dịp khen thưởng đã được dùng.")
            .with_field(FieldError::new("code", "taken", "Mã đã được dùng.")));
    }
    if let Some(movement) = input.movement_id {
        let exists: i64 = movements::table.find(movement).count().get_result(conn)?;
        if exists == 0 {
            return Err(AppError::field(
                "movementId",
                "not_found",
                "Không có phong trào thi đua này.",
            ));
        }
    }
    Ok(())
}

fn map_unique(error: diesel::result::Error) -> AppError {
    match error {
        diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        ) => {
            AppError::new(ErrorCode::DuplicateCode).with_detail("Mã dịp khen thưởng đã được dùng.")
        }
        other => other.into(),
    }
}

pub fn insert(
    conn: &mut DbConnection,
    now: NaiveDateTime,
    input: &OccasionInput,
) -> AppResult<i64> {
    check_refs(conn, input, None)?;
    diesel::insert_into(commendation_occasions::table)
        .values((
            commendation_occasions::code.eq(&input.code),
            commendation_occasions::name.eq(&input.name),
            commendation_occasions::kind.eq(input.kind),
            commendation_occasions::year.eq(input.year),
            commendation_occasions::occurs_on.eq(input.occurs_on.map(|d| d.0)),
            commendation_occasions::movement_id.eq(input.movement_id),
            commendation_occasions::description.eq(&input.description),
            commendation_occasions::active.eq(input.active),
            commendation_occasions::version.eq(1),
            commendation_occasions::created_at.eq(now),
            commendation_occasions::updated_at.eq(now),
        ))
        .returning(commendation_occasions::id)
        .get_result(conn)
        .map_err(map_unique)
}

pub fn update(
    conn: &mut DbConnection,
    current: &Occasion,
    if_match: IfMatch,
    now: NaiveDateTime,
    input: &OccasionInput,
) -> AppResult<()> {
    let expected = if_match.expect(current.version)?;
    check_refs(conn, input, Some(current.id))?;
    versioned_update!(
        conn,
        commendation_occasions,
        current.id,
        expected,
        now,
        (
            commendation_occasions::code.eq(&input.code),
            commendation_occasions::name.eq(&input.name),
            commendation_occasions::kind.eq(input.kind),
            commendation_occasions::year.eq(input.year),
            commendation_occasions::occurs_on.eq(input.occurs_on.map(|d| d.0)),
            commendation_occasions::movement_id.eq(input.movement_id),
            commendation_occasions::description.eq(&input.description),
            commendation_occasions::active.eq(input.active),
        )
    )?;
    Ok(())
}

/// Deletes an occasion no proposal names (otherwise deactivate it).
pub fn delete(conn: &mut DbConnection, current: &Occasion, if_match: IfMatch) -> AppResult<()> {
    let expected = if_match.expect(current.version)?;
    let used: i64 = commendation_proposals::table
        .filter(commendation_proposals::occasion_id.eq(current.id))
        .count()
        .get_result(conn)?;
    if used > 0 {
        return Err(AppError::new(ErrorCode::Conflict).with_detail(
            "Dịp khen thưởng đã có hồ sơ đề nghị; hãy chuyển sang ngừng sử dụng thay vì xóa.",
        ));
    }
    versioned_delete!(conn, commendation_occasions, current.id, expected)
}
