//! Number registers (sổ đăng ký văn bản): for each document kind and year, numbers are handed out
//! in order, each exactly once. A number is taken by incrementing the register's counter inside
//! the writer's transaction (a row lock on PostgreSQL, the write lock on SQLite), so concurrent
//! decisions on any number of servers get distinct, consecutive numbers, and a rolled-back
//! decision gives its number back with everything else. A number can be reserved ahead and later
//! used, or cancelled with a reason; it is never handed out again.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::db::schema::{number_registers, register_entries};
use crate::db::{Backend, DbConnection};
use crate::documents::official::DocumentKind;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::http::etag::IfMatch;
use crate::{text_enum, versioned_update};

text_enum!(
    /// A kind of document numbered in its own register.
    pub enum RegisterKind {
        /// Quyết định.
        Qd = "qd" / "Quyết định (QĐ)",
        /// Tờ trình.
        Ttr = "ttr" / "Tờ trình (TTr)",
        /// Biên bản.
        Bb = "bb" / "Biên bản (BB)",
    }
);

impl RegisterKind {
    pub fn document_kind(self) -> DocumentKind {
        match self {
            RegisterKind::Qd => DocumentKind::QuyetDinh,
            RegisterKind::Ttr => DocumentKind::ToTrinh,
            RegisterKind::Bb => DocumentKind::BienBan,
        }
    }

    /// The symbol after the number: "QĐ-STP", "TTr-STP", "BB-HĐTĐKT".
    pub fn symbol(self) -> &'static str {
        match self {
            RegisterKind::Qd => "QĐ-STP",
            RegisterKind::Ttr => "TTr-STP",
            RegisterKind::Bb => "BB-HĐTĐKT",
        }
    }
}

text_enum!(
    /// What became of a number.
    pub enum EntryStatus {
        /// Held for a document not yet signed.
        Reserved = "reserved" / "Đã giữ số",
        /// Given to a document.
        Issued = "issued" / "Đã cấp",
        /// Cancelled with a reason; never given again.
        Cancelled = "cancelled" / "Đã hủy",
    }
);

/// A number of a register.
#[derive(Debug, Clone, Serialize, ToSchema, Queryable, Selectable)]
#[diesel(table_name = register_entries)]
#[serde(rename_all = "camelCase")]
pub struct RegisterEntry {
    pub id: i64,
    pub kind: RegisterKind,
    pub year: i32,
    pub number: i32,
    pub status: EntryStatus,
    /// What the number is for.
    pub purpose: String,
    pub document_date: Option<NaiveDate>,
    pub cancel_reason: Option<String>,
    pub created_by: Option<i64>,
    pub cancelled_by: Option<i64>,
    #[serde(serialize_with = "serialize_opt_utc")]
    #[schema(value_type = Option<chrono::DateTime<chrono::Utc>>)]
    pub cancelled_at: Option<NaiveDateTime>,
    pub version: i32,
    #[serde(serialize_with = "crate::time::serialize_utc")]
    #[schema(value_type = chrono::DateTime<chrono::Utc>)]
    pub created_at: NaiveDateTime,
    #[serde(serialize_with = "crate::time::serialize_utc")]
    #[schema(value_type = chrono::DateTime<chrono::Utc>)]
    pub updated_at: NaiveDateTime,
}

fn serialize_opt_utc<S: serde::Serializer>(
    value: &Option<NaiveDateTime>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serde::Serialize::serialize(&value.map(|v| v.and_utc()), serializer)
}

impl RegisterEntry {
    /// "05/QĐ-STP".
    pub fn text(&self) -> String {
        format!(
            "{}/{}",
            crate::documents::official::number_text(u32::try_from(self.number).unwrap_or(0)),
            self.kind.symbol()
        )
    }
}

/// A reservation request.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReserveNumber {
    pub kind: RegisterKind,
    /// The register's year; default: this year (Vietnam time).
    #[validate(range(min = 2000, max = 2100))]
    #[schema(minimum = 2000, maximum = 2100)]
    pub year: Option<i32>,
    #[validate(length(min = 3, max = 500))]
    #[schema(
        min_length = 3,
        max_length = 500,
        example = "Quyết định tặng Giấy khen dịp 28/8"
    )]
    pub purpose: String,
}

/// A cancellation, with its reason.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CancelNumber {
    #[validate(length(min = 3, max = 1000))]
    #[schema(min_length = 3, max_length = 1000)]
    pub reason: String,
}

/// Takes the next number of `kind`/`year` in the caller's transaction.
fn next_number(conn: &mut DbConnection, kind: RegisterKind, year: i32) -> AppResult<i32> {
    let ensure = match conn.backend() {
        Backend::Sqlite => {
            "INSERT INTO number_registers (kind, year, last_number) VALUES (?, ?, 0) \
             ON CONFLICT (kind, year) DO NOTHING"
        }
        Backend::Postgres => {
            "INSERT INTO number_registers (kind, year, last_number) VALUES ($1, $2, 0) \
             ON CONFLICT (kind, year) DO NOTHING"
        }
    };
    diesel::sql_query(ensure)
        .bind::<diesel::sql_types::Text, _>(kind.as_str())
        .bind::<diesel::sql_types::Integer, _>(year)
        .execute(conn)?;
    // The increment locks the register's row until commit: the next writer waits for it.
    let changed = diesel::update(
        number_registers::table
            .filter(number_registers::kind.eq(kind.as_str()))
            .filter(number_registers::year.eq(year)),
    )
    .set(number_registers::last_number.eq(number_registers::last_number + 1))
    .execute(conn)?;
    if changed != 1 {
        return Err(AppError::internal("the number register row is missing"));
    }
    Ok(number_registers::table
        .filter(number_registers::kind.eq(kind.as_str()))
        .filter(number_registers::year.eq(year))
        .select(number_registers::last_number)
        .first(conn)?)
}

/// A number to hand out.
pub struct NewEntry<'a> {
    pub kind: RegisterKind,
    pub year: i32,
    pub status: EntryStatus,
    pub purpose: &'a str,
    pub document_date: Option<NaiveDate>,
    pub by: Option<i64>,
}

/// Hands out the next number of a register as an entry.
pub fn take(
    conn: &mut DbConnection,
    new: NewEntry<'_>,
    now: NaiveDateTime,
) -> AppResult<RegisterEntry> {
    let NewEntry {
        kind,
        year,
        status,
        purpose,
        document_date,
        by,
    } = new;
    let number = next_number(conn, kind, year)?;
    let id: i64 = diesel::insert_into(register_entries::table)
        .values((
            register_entries::kind.eq(kind),
            register_entries::year.eq(year),
            register_entries::number.eq(number),
            register_entries::status.eq(status),
            register_entries::purpose.eq(purpose),
            register_entries::document_date.eq(document_date),
            register_entries::created_by.eq(by),
            register_entries::version.eq(1),
            register_entries::created_at.eq(now),
            register_entries::updated_at.eq(now),
        ))
        .returning(register_entries::id)
        .get_result(conn)?;
    find(conn, id)
}

pub fn find(conn: &mut DbConnection, id: i64) -> AppResult<RegisterEntry> {
    register_entries::table
        .find(id)
        .select(RegisterEntry::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::not_found("số văn bản"))
}

pub fn find_opt(conn: &mut DbConnection, id: Option<i64>) -> AppResult<Option<RegisterEntry>> {
    id.map(|id| find(conn, id)).transpose()
}

/// Gives a reserved number to a document: it must be of the right kind and year and still
/// reserved; concurrent users of the same reservation are told it moved on.
pub fn issue_reserved(
    conn: &mut DbConnection,
    id: i64,
    kind: RegisterKind,
    year: i32,
    purpose: &str,
    document_date: NaiveDate,
    now: NaiveDateTime,
) -> AppResult<RegisterEntry> {
    let entry = find(conn, id)
        .map_err(|_| AppError::field("reservedNumberId", "not_found", "Không có số đã giữ này."))?;
    if entry.kind != kind || entry.year != year {
        return Err(AppError::field(
            "reservedNumberId",
            "mismatch",
            format!(
                "Số đã giữ thuộc sổ {} năm {}, không dùng được cho văn bản này.",
                entry.kind.label(),
                entry.year
            ),
        ));
    }
    if entry.status != EntryStatus::Reserved {
        return Err(AppError::new(ErrorCode::Conflict).with_detail(format!(
            "Số {} không còn ở trạng thái giữ số.",
            entry.text()
        )));
    }
    versioned_update!(
        conn,
        register_entries,
        entry.id,
        entry.version,
        now,
        (
            register_entries::status.eq(EntryStatus::Issued),
            register_entries::purpose.eq(purpose),
            register_entries::document_date.eq(Some(document_date)),
        )
    )?;
    find(conn, id)
}

/// Cancels a reserved number (an issued one belongs to its document).
pub fn cancel(
    conn: &mut DbConnection,
    current: &RegisterEntry,
    if_match: IfMatch,
    reason: &str,
    by: Option<i64>,
    now: NaiveDateTime,
) -> AppResult<()> {
    if current.status != EntryStatus::Reserved {
        return Err(
            AppError::new(ErrorCode::Conflict).with_detail(match current.status {
                EntryStatus::Issued => "Số đã cấp cho văn bản; không hủy được.",
                _ => "Số này đã bị hủy.",
            }),
        );
    }
    let expected = if_match.expect(current.version)?;
    versioned_update!(
        conn,
        register_entries,
        current.id,
        expected,
        now,
        (
            register_entries::status.eq(EntryStatus::Cancelled),
            register_entries::cancel_reason.eq(Some(reason)),
            register_entries::cancelled_by.eq(by),
            register_entries::cancelled_at.eq(Some(now)),
        )
    )?;
    Ok(())
}

pub fn list(
    conn: &mut DbConnection,
    kind: Option<RegisterKind>,
    year: Option<i32>,
    status: Option<EntryStatus>,
) -> AppResult<Vec<RegisterEntry>> {
    let mut query = register_entries::table
        .select(RegisterEntry::as_select())
        .into_boxed();
    if let Some(kind) = kind {
        query = query.filter(register_entries::kind.eq(kind));
    }
    if let Some(year) = year {
        query = query.filter(register_entries::year.eq(year));
    }
    if let Some(status) = status {
        query = query.filter(register_entries::status.eq(status));
    }
    Ok(query
        .order((
            register_entries::year.desc(),
            register_entries::kind.asc(),
            register_entries::number.desc(),
        ))
        .limit(1000)
        .load(conn)?)
}
