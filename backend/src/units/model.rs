//! Units: the Department (root), its internal units ("đơn vị thuộc Sở") and its affiliated
//! public-service units ("đơn vị trực thuộc"). Units are deactivated, never deleted once used.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::db::DbConnection;
use crate::db::schema::{units, users};
use crate::db::search;
use crate::error::{AppError, AppResult, ErrorCode, FieldError};
use crate::http::etag::IfMatch;
use crate::{text_enum, versioned_delete, versioned_update};

text_enum!(
    /// Where a unit stands in the Department.
    pub enum UnitKind {
        /// Sở Tư pháp: the root.
        Department = "department" / "Sở Tư pháp",
        /// Đơn vị thuộc Sở (Văn phòng, các phòng).
        Internal = "internal" / "Đơn vị thuộc Sở",
        /// Đơn vị sự nghiệp trực thuộc (trung tâm, phòng công chứng, chi nhánh).
        Affiliated = "affiliated" / "Đơn vị trực thuộc",
    }
);

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = units)]
pub struct UnitRow {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub short_name: String,
    pub kind: UnitKind,
    pub parent_id: Option<i64>,
    pub sort_order: i32,
    pub active: bool,
    pub head_name: Option<String>,
    pub head_title: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// A unit of the Department.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Unit {
    pub id: i64,
    /// Unique short code, upper case (`VP`, `TGPL`).
    pub code: String,
    pub name: String,
    pub short_name: String,
    pub kind: UnitKind,
    pub parent_id: Option<i64>,
    pub sort_order: i32,
    pub active: bool,
    /// Thủ trưởng đơn vị.
    pub head_name: Option<String>,
    pub head_title: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// Also sent as the `ETag`; send it back in `If-Match` to update.
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<UnitRow> for Unit {
    fn from(row: UnitRow) -> Self {
        Unit {
            id: row.id,
            code: row.code,
            name: row.name,
            short_name: row.short_name,
            kind: row.kind,
            parent_id: row.parent_id,
            sort_order: row.sort_order,
            active: row.active,
            head_name: row.head_name,
            head_title: row.head_title,
            email: row.email,
            phone: row.phone,
            version: row.version,
            created_at: row.created_at.and_utc(),
            updated_at: row.updated_at.and_utc(),
        }
    }
}

/// A short reference to a unit, embedded in other resources.
#[derive(Debug, Clone, Serialize, ToSchema, Queryable)]
#[serde(rename_all = "camelCase")]
pub struct UnitRef {
    pub id: i64,
    pub code: String,
    pub short_name: String,
    pub name: String,
}

/// The fields of a unit, for creating or replacing it.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct UnitInput {
    /// 2–20 characters: capital letters, digits, `_` or `-` (lower case is upper-cased).
    #[validate(length(min = 2, max = 20))]
    #[schema(min_length = 2, max_length = 20, example = "TGPL")]
    pub code: String,
    #[validate(length(min = 1, max = 255))]
    #[schema(min_length = 1, max_length = 255)]
    pub name: String,
    #[validate(length(min = 1, max = 100))]
    #[schema(min_length = 1, max_length = 100)]
    pub short_name: String,
    pub kind: UnitKind,
    /// Required for every kind except `department`.
    pub parent_id: Option<i64>,
    #[serde(default)]
    #[validate(range(min = 0, max = 100000))]
    #[schema(minimum = 0, maximum = 100000)]
    pub sort_order: i32,
    #[validate(length(max = 150))]
    #[schema(max_length = 150)]
    pub head_name: Option<String>,
    #[validate(length(max = 150))]
    #[schema(max_length = 150)]
    pub head_title: Option<String>,
    #[validate(email)]
    #[schema(format = "email")]
    pub email: Option<String>,
    #[validate(length(max = 30))]
    #[schema(max_length = 30)]
    pub phone: Option<String>,
}

impl UnitInput {
    /// Trims text, upper-cases the code, turns blank optional fields into `None`.
    pub fn normalized(mut self) -> Self {
        fn opt(value: Option<String>) -> Option<String> {
            value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
        }
        self.code = self.code.trim().to_uppercase();
        self.name = self.name.trim().to_owned();
        self.short_name = self.short_name.trim().to_owned();
        self.head_name = opt(self.head_name);
        self.head_title = opt(self.head_title);
        self.email = opt(self.email);
        self.phone = opt(self.phone);
        self
    }

    pub fn check_code(&self) -> Vec<FieldError> {
        if self
            .code
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_' || c == '-')
        {
            Vec::new()
        } else {
            vec![FieldError::new(
                "code",
                "invalid_format",
                "Mã chỉ gồm chữ cái không dấu, chữ số, dấu _ hoặc -.",
            )]
        }
    }

    fn search_text(&self) -> String {
        search::document([
            self.code.as_str(),
            self.name.as_str(),
            self.short_name.as_str(),
        ])
    }
}

#[derive(Insertable, AsChangeset)]
#[diesel(table_name = units, treat_none_as_null = true)]
struct UnitChanges<'a> {
    code: &'a str,
    name: &'a str,
    short_name: &'a str,
    // Text: a derived `Insertable` on the multi-backend connection binds plain types only.
    kind: &'a str,
    parent_id: Option<i64>,
    sort_order: i32,
    head_name: Option<&'a str>,
    head_title: Option<&'a str>,
    email: Option<&'a str>,
    phone: Option<&'a str>,
    search_text: String,
    sort_name: String,
}

impl<'a> UnitChanges<'a> {
    fn from(input: &'a UnitInput) -> Self {
        UnitChanges {
            code: &input.code,
            name: &input.name,
            short_name: &input.short_name,
            kind: input.kind.as_str(),
            parent_id: input.parent_id,
            sort_order: input.sort_order,
            head_name: input.head_name.as_deref(),
            head_title: input.head_title.as_deref(),
            email: input.email.as_deref(),
            phone: input.phone.as_deref(),
            search_text: input.search_text(),
            sort_name: search::fold(&input.name),
        }
    }
}

pub fn find(conn: &mut DbConnection, id: i64) -> AppResult<UnitRow> {
    units::table
        .find(id)
        .select(UnitRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::not_found("đơn vị"))
}

pub fn all(conn: &mut DbConnection, include_inactive: bool) -> AppResult<Vec<UnitRow>> {
    let mut query = units::table.select(UnitRow::as_select()).into_boxed();
    if !include_inactive {
        query = query.filter(units::active.eq(true));
    }
    Ok(query
        .order((units::sort_order.asc(), units::sort_name.asc()))
        .load(conn)?)
}

pub fn unit_ref(conn: &mut DbConnection, id: i64) -> AppResult<Option<UnitRef>> {
    Ok(units::table
        .find(id)
        .select((units::id, units::code, units::short_name, units::name))
        .first(conn)
        .optional()?)
}

/// Checks the tree rules for `input` (as a new unit, or replacing unit `id`).
fn check_placement(conn: &mut DbConnection, input: &UnitInput, id: Option<i64>) -> AppResult<()> {
    let code_owner: Option<i64> = units::table
        .filter(units::code.eq(&input.code))
        .select(units::id)
        .first(conn)
        .optional()?;
    if code_owner.is_some_and(|owner| Some(owner) != id) {
        return Err(AppError::new(ErrorCode::DuplicateCode)
            .with_detail(format!("Mã đơn vị {} đã được dùng.", input.code))
            .with_field(FieldError::new(
                "code",
                "taken",
                "Mã này đã được dùng cho đơn vị khác.",
            )));
    }
    if input.kind == UnitKind::Department {
        if input.parent_id.is_some() {
            return Err(AppError::field(
                "parentId",
                "invalid",
                "Sở là đơn vị gốc, không có đơn vị cấp trên.",
            ));
        }
        let other_root: Option<i64> = units::table
            .filter(units::kind.eq(UnitKind::Department.as_str()))
            .select(units::id)
            .first(conn)
            .optional()?;
        if other_root.is_some_and(|root| Some(root) != id) {
            return Err(AppError::field(
                "kind",
                "invalid",
                "Hệ thống chỉ có một Sở ở gốc cây đơn vị.",
            ));
        }
        return Ok(());
    }
    let Some(parent_id) = input.parent_id else {
        return Err(AppError::field(
            "parentId",
            "required",
            "Chọn đơn vị cấp trên.",
        ));
    };
    if Some(parent_id) == id {
        return Err(AppError::field(
            "parentId",
            "invalid",
            "Đơn vị không thể là cấp trên của chính nó.",
        ));
    }
    let parent: Option<(String, bool)> = units::table
        .find(parent_id)
        .select((units::kind, units::active))
        .first(conn)
        .optional()?;
    let Some((parent_kind, parent_active)) = parent else {
        return Err(AppError::field(
            "parentId",
            "not_found",
            "Đơn vị cấp trên không tồn tại.",
        ));
    };
    if !parent_active {
        return Err(AppError::field(
            "parentId",
            "inactive",
            "Đơn vị cấp trên đã ngừng hoạt động.",
        ));
    }
    let parent_kind = UnitKind::parse(&parent_kind);
    let allowed = match input.kind {
        UnitKind::Internal => parent_kind == Some(UnitKind::Department),
        UnitKind::Affiliated => matches!(
            parent_kind,
            Some(UnitKind::Department | UnitKind::Affiliated)
        ),
        UnitKind::Department => false,
    };
    if !allowed {
        return Err(AppError::field(
            "parentId",
            "invalid",
            "Đơn vị thuộc Sở phải trực thuộc Sở; đơn vị trực thuộc phải thuộc Sở hoặc một đơn vị trực thuộc khác.",
        ));
    }
    if let Some(id) = id {
        // The new parent must not be one of the unit's own descendants.
        let mut cursor = Some(parent_id);
        let mut steps = 0;
        while let Some(current) = cursor {
            if current == id || steps > 64 {
                return Err(AppError::field(
                    "parentId",
                    "cycle",
                    "Không thể chọn đơn vị cấp dưới làm cấp trên.",
                ));
            }
            cursor = units::table
                .find(current)
                .select(units::parent_id)
                .first::<Option<i64>>(conn)
                .optional()?
                .flatten();
            steps += 1;
        }
    }
    Ok(())
}

pub fn insert(conn: &mut DbConnection, now: NaiveDateTime, input: &UnitInput) -> AppResult<i64> {
    check_placement(conn, input, None)?;
    let id = diesel::insert_into(units::table)
        .values((
            UnitChanges::from(input),
            units::active.eq(true),
            units::active_since.eq(Some(now)),
            units::version.eq(1),
            units::created_at.eq(now),
            units::updated_at.eq(now),
        ))
        .returning(units::id)
        .get_result(conn)?;
    Ok(id)
}

pub fn update(
    conn: &mut DbConnection,
    current: &UnitRow,
    if_match: IfMatch,
    now: NaiveDateTime,
    input: &UnitInput,
) -> AppResult<()> {
    let expected = if_match.expect(current.version)?;
    if (current.kind == UnitKind::Department) != (input.kind == UnitKind::Department) {
        return Err(AppError::field(
            "kind",
            "invalid",
            "Không thể đổi loại của Sở hoặc biến đơn vị khác thành Sở.",
        ));
    }
    check_placement(conn, input, Some(current.id))?;
    if input.parent_id != current.parent_id && !current.active {
        return Err(AppError::new(ErrorCode::InactiveUnit)
            .with_detail("Kích hoạt lại đơn vị trước khi chuyển đơn vị cấp trên."));
    }
    versioned_update!(
        conn,
        units,
        current.id,
        expected,
        now,
        (UnitChanges::from(input))
    )?;
    Ok(())
}

pub fn set_active(
    conn: &mut DbConnection,
    current: &UnitRow,
    if_match: IfMatch,
    now: NaiveDateTime,
    active: bool,
) -> AppResult<()> {
    let expected = if_match.expect(current.version)?;
    if active {
        if let Some(parent_id) = current.parent_id {
            let parent_active: bool = units::table
                .find(parent_id)
                .select(units::active)
                .first(conn)?;
            if !parent_active {
                return Err(AppError::new(ErrorCode::InactiveUnit).with_detail(
                    "Đơn vị cấp trên đang ngừng hoạt động; hãy kích hoạt đơn vị cấp trên trước.",
                ));
            }
        }
    } else {
        if current.parent_id.is_none() {
            return Err(AppError::new(ErrorCode::Conflict)
                .with_detail("Không thể ngừng hoạt động Sở (đơn vị gốc)."));
        }
        let active_children: i64 = units::table
            .filter(units::parent_id.eq(current.id))
            .filter(units::active.eq(true))
            .count()
            .get_result(conn)?;
        if active_children > 0 {
            return Err(AppError::new(ErrorCode::UnitHasActiveChildren).with_detail(format!(
                "Đơn vị còn {active_children} đơn vị cấp dưới đang hoạt động; hãy ngừng hoạt động các đơn vị đó trước."
            )));
        }
        let active_users: i64 = users::table
            .filter(users::unit_id.eq(current.id))
            .filter(users::active.eq(true))
            .count()
            .get_result(conn)?;
        if active_users > 0 {
            return Err(AppError::new(ErrorCode::UnitHasActiveUsers).with_detail(format!(
                "Đơn vị còn {active_users} tài khoản người dùng đang hoạt động; hãy khóa hoặc chuyển các tài khoản đó trước."
            )));
        }
    }
    if active {
        // Reactivated: the unit owes introductions again from the next month on.
        versioned_update!(
            conn,
            units,
            current.id,
            expected,
            now,
            (units::active.eq(true), units::active_since.eq(Some(now)))
        )?;
    } else {
        versioned_update!(
            conn,
            units,
            current.id,
            expected,
            now,
            (units::active.eq(false))
        )?;
    }
    Ok(())
}

/// Deletes a unit that nothing refers to (one created by mistake); otherwise 409.
pub fn delete(conn: &mut DbConnection, current: &UnitRow, if_match: IfMatch) -> AppResult<()> {
    let expected = if_match.expect(current.version)?;
    let children: i64 = units::table
        .filter(units::parent_id.eq(current.id))
        .count()
        .get_result(conn)?;
    let members: i64 = users::table
        .filter(users::unit_id.eq(current.id))
        .count()
        .get_result(conn)?;
    if current.parent_id.is_none() || children > 0 || members > 0 {
        return Err(AppError::new(ErrorCode::UnitInUse)
            .with_detail("Đơn vị đã có dữ liệu liên quan (đơn vị cấp dưới hoặc người dùng); hãy ngừng hoạt động thay vì xóa."));
    }
    versioned_delete!(conn, units, current.id, expected)
}
