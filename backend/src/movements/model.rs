//! Emulation movements ("phong trào thi đua") that exemplars are linked to.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::db::DbConnection;
use crate::db::schema::movements;
use crate::db::search;
use crate::error::{AppError, AppResult, ErrorCode, FieldError};
use crate::http::etag::IfMatch;
use crate::time::Day;
use crate::versioned_update;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = movements)]
struct Row {
    id: i64,
    code: String,
    name: String,
    description: Option<String>,
    legal_basis: Option<String>,
    legal_basis_date: Option<NaiveDate>,
    starts_on: NaiveDate,
    ends_on: Option<NaiveDate>,
    active: bool,
    closed_at: Option<NaiveDateTime>,
    version: i32,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

/// An emulation movement.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Movement {
    pub id: i64,
    /// Short code (`BDHVS`).
    pub code: String,
    pub name: String,
    pub description: Option<String>,
    /// The document that launched it ("Quyết định số 923/QĐ-TTg").
    pub legal_basis: Option<String>,
    pub legal_basis_date: Option<NaiveDate>,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
    /// Closed movements keep their links but take no new exemplars.
    pub active: bool,
    pub closed_at: Option<DateTime<Utc>>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<Row> for Movement {
    fn from(r: Row) -> Self {
        Movement {
            id: r.id,
            code: r.code,
            name: r.name,
            description: r.description,
            legal_basis: r.legal_basis,
            legal_basis_date: r.legal_basis_date,
            starts_on: r.starts_on,
            ends_on: r.ends_on,
            active: r.active,
            closed_at: r.closed_at.map(|t| t.and_utc()),
            version: r.version,
            created_at: r.created_at.and_utc(),
            updated_at: r.updated_at.and_utc(),
        }
    }
}

/// A short reference to a movement.
#[derive(Debug, Clone, Serialize, ToSchema, Queryable)]
#[serde(rename_all = "camelCase")]
pub struct MovementRef {
    pub id: i64,
    pub code: String,
    pub name: String,
}

#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MovementInput {
    /// 2–20 characters: capital letters, digits, `_`, `-`.
    #[validate(length(min = 2, max = 20))]
    #[schema(min_length = 2, max_length = 20, example = "BDHVS")]
    pub code: String,
    #[validate(length(min = 3, max = 500))]
    #[schema(min_length = 3, max_length = 500, example = "Bình dân học vụ số")]
    pub name: String,
    #[validate(length(max = 5000))]
    #[schema(max_length = 5000)]
    pub description: Option<String>,
    #[validate(length(max = 300))]
    #[schema(max_length = 300, example = "Kế hoạch số 01-KH/BCĐTW")]
    pub legal_basis: Option<String>,
    pub legal_basis_date: Option<Day>,
    pub starts_on: Day,
    pub ends_on: Option<Day>,
}

impl MovementInput {
    pub fn normalized(mut self) -> Self {
        let opt = |v: Option<String>| v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
        self.code = self.code.trim().to_uppercase();
        self.name = self.name.trim().to_owned();
        self.description = opt(self.description);
        self.legal_basis = opt(self.legal_basis);
        self
    }

    pub fn extra_errors(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if !self
            .code
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_' || c == '-')
        {
            errors.push(FieldError::new(
                "code",
                "invalid_format",
                "Mã chỉ gồm chữ cái không dấu, chữ số, dấu _ hoặc -.",
            ));
        }
        if self.ends_on.is_some_and(|end| end < self.starts_on) {
            errors.push(FieldError::new(
                "endsOn",
                "range",
                "Ngày kết thúc phải sau ngày bắt đầu.",
            ));
        }
        errors
    }
}

pub fn find(conn: &mut DbConnection, id: i64) -> AppResult<Movement> {
    movements::table
        .find(id)
        .select(Row::as_select())
        .first(conn)
        .optional()?
        .map(Movement::from)
        .ok_or_else(|| AppError::not_found("phong trào thi đua"))
}

pub fn list(
    conn: &mut DbConnection,
    q: Option<&str>,
    active: Option<bool>,
    offset: i64,
    limit: i64,
) -> AppResult<(Vec<Movement>, i64)> {
    let filtered = || {
        let mut query = movements::table.into_boxed();
        for pattern in search::like_patterns(q.unwrap_or("")) {
            query = query.filter(movements::search_text.like(pattern).escape('\\'));
        }
        if let Some(active) = active {
            query = query.filter(movements::active.eq(active));
        }
        query
    };
    let total = filtered().count().get_result(conn)?;
    let rows: Vec<Row> = filtered()
        .select(Row::as_select())
        .order((
            movements::active.desc(),
            movements::starts_on.desc(),
            movements::id.asc(),
        ))
        .offset(offset)
        .limit(limit)
        .load(conn)?;
    Ok((rows.into_iter().map(Movement::from).collect(), total))
}

fn code_taken(conn: &mut DbConnection, code: &str, except: Option<i64>) -> AppResult<()> {
    let owner: Option<i64> = movements::table
        .filter(movements::code.eq(code))
        .select(movements::id)
        .first(conn)
        .optional()?;
    if owner.is_some_and(|o| Some(o) != except) {
        return Err(
            AppError::new(ErrorCode::DuplicateCode).with_field(FieldError::new(
                "code",
                "taken",
                "Mã này đã được dùng cho phong trào khác.",
            )),
        );
    }
    Ok(())
}

fn search_text(input: &MovementInput) -> String {
    search::document([
        input.code.as_str(),
        input.name.as_str(),
        input.legal_basis.as_deref().unwrap_or(""),
    ])
}

pub fn insert(
    conn: &mut DbConnection,
    now: NaiveDateTime,
    input: &MovementInput,
) -> AppResult<i64> {
    code_taken(conn, &input.code, None)?;
    Ok(diesel::insert_into(movements::table)
        .values((
            movements::code.eq(&input.code),
            movements::name.eq(&input.name),
            movements::description.eq(&input.description),
            movements::legal_basis.eq(&input.legal_basis),
            movements::legal_basis_date.eq(input.legal_basis_date),
            movements::starts_on.eq(input.starts_on),
            movements::ends_on.eq(input.ends_on),
            movements::active.eq(true),
            movements::search_text.eq(search_text(input)),
            movements::version.eq(1),
            movements::created_at.eq(now),
            movements::updated_at.eq(now),
        ))
        .returning(movements::id)
        .get_result(conn)?)
}

pub fn update(
    conn: &mut DbConnection,
    current: &Movement,
    if_match: IfMatch,
    now: NaiveDateTime,
    input: &MovementInput,
) -> AppResult<()> {
    let expected = if_match.expect(current.version)?;
    code_taken(conn, &input.code, Some(current.id))?;
    versioned_update!(
        conn,
        movements,
        current.id,
        expected,
        now,
        (
            movements::code.eq(&input.code),
            movements::name.eq(&input.name),
            movements::description.eq(&input.description),
            movements::legal_basis.eq(&input.legal_basis),
            movements::legal_basis_date.eq(input.legal_basis_date),
            movements::starts_on.eq(input.starts_on),
            movements::ends_on.eq(input.ends_on),
            movements::search_text.eq(search_text(input)),
        )
    )?;
    Ok(())
}

/// Closes (or reopens) a movement.
pub fn set_active(
    conn: &mut DbConnection,
    current: &Movement,
    if_match: IfMatch,
    now: NaiveDateTime,
    active: bool,
) -> AppResult<()> {
    let expected = if_match.expect(current.version)?;
    if current.active == active {
        let detail = if active {
            "Phong trào đang mở."
        } else {
            "Phong trào đã đóng."
        };
        return Err(AppError::new(ErrorCode::Conflict).with_detail(detail));
    }
    versioned_update!(
        conn,
        movements,
        current.id,
        expected,
        now,
        (
            movements::active.eq(active),
            movements::closed_at.eq(if active { None } else { Some(now) }),
        )
    )?;
    Ok(())
}
