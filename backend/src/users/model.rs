//! User accounts. Never deleted: deactivated, which also ends their sessions.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::auth::Role;
use crate::auth::password;
use crate::db::DbConnection;
use crate::db::schema::{units, users};
use crate::db::search;
use crate::error::{AppError, AppResult, ErrorCode, FieldError};
use crate::http::etag::IfMatch;
use crate::units::UnitRef;
use crate::versioned_update;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = users)]
pub struct UserRow {
    pub id: i64,
    pub username: String,
    pub full_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub position: Option<String>,
    pub role: Role,
    pub unit_id: Option<i64>,
    pub must_change_password: bool,
    pub active: bool,
    pub password_changed_at: NaiveDateTime,
    pub last_login_at: Option<NaiveDateTime>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// A person who signs in to Lan Tỏa.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct User {
    pub id: i64,
    pub username: String,
    /// In Vietnamese order: "Nguyễn Văn A".
    pub full_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// Chức vụ.
    pub position: Option<String>,
    pub role: Role,
    pub unit: Option<UnitRef>,
    pub active: bool,
    /// The password is a temporary one that must be changed at the next sign-in.
    pub must_change_password: bool,
    pub password_changed_at: DateTime<Utc>,
    pub last_login_at: Option<DateTime<Utc>>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

type UnitCols = (units::id, units::code, units::short_name, units::name);
const UNIT_COLS: UnitCols = (units::id, units::code, units::short_name, units::name);

fn to_user(row: UserRow, unit: Option<UnitRef>) -> User {
    User {
        id: row.id,
        username: row.username,
        full_name: row.full_name,
        email: row.email,
        phone: row.phone,
        position: row.position,
        role: row.role,
        unit,
        active: row.active,
        must_change_password: row.must_change_password,
        password_changed_at: row.password_changed_at.and_utc(),
        last_login_at: row.last_login_at.map(|t| t.and_utc()),
        version: row.version,
        created_at: row.created_at.and_utc(),
        updated_at: row.updated_at.and_utc(),
    }
}

pub fn find(conn: &mut DbConnection, id: i64) -> AppResult<User> {
    let (row, unit): (UserRow, Option<UnitRef>) = users::table
        .left_join(units::table)
        .filter(users::id.eq(id))
        .select((UserRow::as_select(), UNIT_COLS.nullable()))
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::not_found("người dùng"))?;
    Ok(to_user(row, unit))
}

#[derive(Debug, Clone, Default)]
pub struct UserFilter {
    pub q: Option<String>,
    pub role: Option<Role>,
    pub unit_id: Option<i64>,
    pub active: Option<bool>,
    /// Forced by the caller's scope (unit heads see their own unit only).
    pub restrict_unit: Option<i64>,
}

#[derive(Debug, Clone, Copy)]
pub enum UserSort {
    FullName,
    Username,
    CreatedAt,
    LastLoginAt,
}

fn filtered<'a>(f: &'a UserFilter) -> users::BoxedQuery<'a, crate::db::DbBackend> {
    let mut query = users::table.into_boxed();
    for pattern in search::like_patterns(f.q.as_deref().unwrap_or("")) {
        query = query.filter(users::search_text.like(pattern).escape('\\'));
    }
    if let Some(role) = f.role {
        query = query.filter(users::role.eq(role));
    }
    if let Some(unit) = f.unit_id {
        query = query.filter(users::unit_id.eq(unit));
    }
    if let Some(unit) = f.restrict_unit {
        query = query.filter(users::unit_id.eq(unit));
    }
    if let Some(active) = f.active {
        query = query.filter(users::active.eq(active));
    }
    query
}

pub fn list(
    conn: &mut DbConnection,
    f: &UserFilter,
    offset: i64,
    limit: i64,
    sort: (UserSort, bool),
) -> AppResult<(Vec<User>, i64)> {
    let total: i64 = filtered(f).count().get_result(conn)?;
    let ids_query = filtered(f).select(users::id);
    let ids_query = match sort {
        (UserSort::FullName, false) => ids_query.order(users::sort_name.asc()),
        (UserSort::FullName, true) => ids_query.order(users::sort_name.desc()),
        (UserSort::Username, false) => ids_query.order(users::username.asc()),
        (UserSort::Username, true) => ids_query.order(users::username.desc()),
        (UserSort::CreatedAt, false) => ids_query.order(users::created_at.asc()),
        (UserSort::CreatedAt, true) => ids_query.order(users::created_at.desc()),
        (UserSort::LastLoginAt, false) => ids_query.order(users::last_login_at.asc()),
        (UserSort::LastLoginAt, true) => ids_query.order(users::last_login_at.desc()),
    };
    let ids: Vec<i64> = ids_query
        .then_order_by(users::id.asc())
        .offset(offset)
        .limit(limit)
        .load(conn)?;
    let rows: Vec<(UserRow, Option<UnitRef>)> = users::table
        .left_join(units::table)
        .filter(users::id.eq_any(&ids))
        .select((UserRow::as_select(), UNIT_COLS.nullable()))
        .load(conn)?;
    let mut by_id: std::collections::HashMap<i64, User> = rows
        .into_iter()
        .map(|(row, unit)| (row.id, to_user(row, unit)))
        .collect();
    Ok((
        ids.iter().filter_map(|id| by_id.remove(id)).collect(),
        total,
    ))
}

/// Fields an administrator sets on a user.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct UserInput {
    #[validate(length(min = 1, max = 150))]
    #[schema(min_length = 1, max_length = 150, example = "Phạm Thị Thảo")]
    pub full_name: String,
    #[validate(email)]
    #[schema(format = "email")]
    pub email: Option<String>,
    #[validate(length(max = 30))]
    #[schema(max_length = 30)]
    pub phone: Option<String>,
    #[validate(length(max = 150))]
    #[schema(max_length = 150, example = "Trợ giúp viên pháp lý")]
    pub position: Option<String>,
    /// Any role except `integration` (service accounts are separate).
    pub role: Role,
    /// Required for `unit_head` and `unit_staff`.
    pub unit_id: Option<i64>,
}

/// A new user. Without `temporaryPassword` one is generated; either way it must be changed at
/// the first sign-in.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NewUserInput {
    /// 3–50 characters: lower-case letters, digits, `.`, `_`, `-`.
    #[validate(length(min = 3, max = 50))]
    #[schema(min_length = 3, max_length = 50, example = "thao.pt")]
    pub username: String,
    #[validate(length(min = 1, max = 150))]
    #[schema(min_length = 1, max_length = 150, example = "Phạm Thị Thảo")]
    pub full_name: String,
    #[validate(email)]
    #[schema(format = "email")]
    pub email: Option<String>,
    #[validate(length(max = 30))]
    #[schema(max_length = 30)]
    pub phone: Option<String>,
    #[validate(length(max = 150))]
    #[schema(max_length = 150)]
    pub position: Option<String>,
    /// Any role except `integration`.
    pub role: Role,
    /// Required for `unit_head` and `unit_staff`.
    pub unit_id: Option<i64>,
    #[schema(min_length = 10, max_length = 128)]
    pub temporary_password: Option<String>,
}

/// The fields a person edits on their own profile.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ProfileInput {
    #[validate(length(min = 1, max = 150))]
    #[schema(min_length = 1, max_length = 150)]
    pub full_name: String,
    #[validate(email)]
    #[schema(format = "email")]
    pub email: Option<String>,
    #[validate(length(max = 30))]
    #[schema(max_length = 30)]
    pub phone: Option<String>,
    #[validate(length(max = 150))]
    #[schema(max_length = 150)]
    pub position: Option<String>,
}

fn opt(value: &mut Option<String>) {
    *value = value
        .take()
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty());
}

impl ProfileInput {
    pub fn normalized(mut self) -> Self {
        self.full_name = self.full_name.trim().to_owned();
        opt(&mut self.email);
        opt(&mut self.phone);
        opt(&mut self.position);
        self
    }
}

impl UserInput {
    pub fn normalized(mut self) -> Self {
        self.full_name = self.full_name.trim().to_owned();
        opt(&mut self.email);
        opt(&mut self.phone);
        opt(&mut self.position);
        self
    }

    /// Role and unit rules that need the database.
    fn check(&self, conn: &mut DbConnection) -> AppResult<()> {
        if self.role == Role::Integration {
            return Err(AppError::field(
                "role",
                "invalid",
                "Vai trò tích hợp chỉ dành cho tài khoản tích hợp.",
            ));
        }
        match self.unit_id {
            None if self.role.is_unit_scoped() => Err(AppError::field(
                "unitId",
                "required",
                "Vai trò này cần chọn đơn vị.",
            )),
            None => Ok(()),
            Some(unit_id) => {
                let active: Option<bool> = units::table
                    .find(unit_id)
                    .select(units::active)
                    .first(conn)
                    .optional()?;
                match active {
                    None => Err(AppError::field(
                        "unitId",
                        "not_found",
                        "Đơn vị không tồn tại.",
                    )),
                    Some(false) => Err(AppError::field(
                        "unitId",
                        "inactive",
                        "Đơn vị đã ngừng hoạt động.",
                    )),
                    Some(true) => Ok(()),
                }
            }
        }
    }
}

impl NewUserInput {
    pub fn normalized(mut self) -> Self {
        self.username = self.username.trim().to_lowercase();
        self.full_name = self.full_name.trim().to_owned();
        opt(&mut self.email);
        opt(&mut self.phone);
        opt(&mut self.position);
        self
    }

    pub fn fields(&self) -> UserInput {
        UserInput {
            full_name: self.full_name.clone(),
            email: self.email.clone(),
            phone: self.phone.clone(),
            position: self.position.clone(),
            role: self.role,
            unit_id: self.unit_id,
        }
    }

    /// Field rules the derive cannot express.
    pub fn extra_errors(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let valid =
            |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-');
        if !self.username.chars().all(valid) {
            errors.push(FieldError::new(
                "username",
                "invalid_format",
                "Tên đăng nhập chỉ gồm chữ thường không dấu, chữ số và các dấu . _ -",
            ));
        }
        if let Some(password) = &self.temporary_password {
            errors.extend(password::check_policy(
                "temporaryPassword",
                password,
                &self.username,
            ));
        }
        errors
    }
}

fn search_text(username: &str, full_name: &str, email: Option<&str>) -> String {
    search::document([username, full_name, email.unwrap_or("")])
}

/// Creates a user; `must_change_password`: the password is a temporary one.
pub fn insert(
    conn: &mut DbConnection,
    now: NaiveDateTime,
    input: &NewUserInput,
    password_hash: &str,
    must_change_password: bool,
) -> AppResult<i64> {
    let f = input.fields();
    f.check(conn)?;
    let taken: i64 = users::table
        .filter(users::username.eq(&input.username))
        .count()
        .get_result(conn)?;
    if taken > 0 {
        return Err(AppError::new(ErrorCode::DuplicateUsername)
            .with_detail(format!(
                "Tên đăng nhập {} đã có người dùng.",
                input.username
            ))
            .with_field(FieldError::new(
                "username",
                "taken",
                "Tên đăng nhập đã có người dùng.",
            )));
    }
    let id = diesel::insert_into(users::table)
        .values((
            users::username.eq(&input.username),
            users::full_name.eq(&f.full_name),
            users::email.eq(&f.email),
            users::phone.eq(&f.phone),
            users::position.eq(&f.position),
            users::role.eq(f.role),
            users::unit_id.eq(f.unit_id),
            users::password_hash.eq(password_hash),
            users::must_change_password.eq(must_change_password),
            users::active.eq(true),
            users::password_changed_at.eq(now),
            users::search_text.eq(search_text(
                &input.username,
                &f.full_name,
                f.email.as_deref(),
            )),
            users::sort_name.eq(search::person_sort_key(&f.full_name)),
            users::version.eq(1),
            users::created_at.eq(now),
            users::updated_at.eq(now),
        ))
        .returning(users::id)
        .get_result(conn)?;
    Ok(id)
}

pub fn update(
    conn: &mut DbConnection,
    current: &User,
    if_match: IfMatch,
    now: NaiveDateTime,
    input: &UserInput,
) -> AppResult<()> {
    let expected = if_match.expect(current.version)?;
    input.check(conn)?;
    versioned_update!(
        conn,
        users,
        current.id,
        expected,
        now,
        (
            users::full_name.eq(&input.full_name),
            users::email.eq(&input.email),
            users::phone.eq(&input.phone),
            users::position.eq(&input.position),
            users::role.eq(input.role),
            users::unit_id.eq(input.unit_id),
            users::search_text.eq(search_text(
                &current.username,
                &input.full_name,
                input.email.as_deref(),
            )),
            users::sort_name.eq(search::person_sort_key(&input.full_name)),
        )
    )?;
    Ok(())
}

pub fn update_profile(
    conn: &mut DbConnection,
    current: &User,
    if_match: IfMatch,
    now: NaiveDateTime,
    input: &ProfileInput,
) -> AppResult<()> {
    let expected = if_match.expect(current.version)?;
    versioned_update!(
        conn,
        users,
        current.id,
        expected,
        now,
        (
            users::full_name.eq(&input.full_name),
            users::email.eq(&input.email),
            users::phone.eq(&input.phone),
            users::position.eq(&input.position),
            users::search_text.eq(search_text(
                &current.username,
                &input.full_name,
                input.email.as_deref(),
            )),
            users::sort_name.eq(search::person_sort_key(&input.full_name)),
        )
    )?;
    Ok(())
}

pub fn set_active(
    conn: &mut DbConnection,
    current: &User,
    if_match: IfMatch,
    now: NaiveDateTime,
    active: bool,
) -> AppResult<()> {
    let expected = if_match.expect(current.version)?;
    if active && let Some(unit) = &current.unit {
        let unit_active: bool = units::table
            .find(unit.id)
            .select(units::active)
            .first(conn)?;
        if !unit_active {
            return Err(AppError::new(ErrorCode::InactiveUnit)
                .with_detail("Đơn vị của người dùng đã ngừng hoạt động; hãy chuyển người dùng sang đơn vị khác trước."));
        }
    }
    versioned_update!(
        conn,
        users,
        current.id,
        expected,
        now,
        (users::active.eq(active))
    )?;
    Ok(())
}

/// Stores a new password hash for the user read at `expected`. `temporary`: it must be changed
/// at the next sign-in.
pub fn set_password(
    conn: &mut DbConnection,
    id: i64,
    expected: i32,
    now: NaiveDateTime,
    hash: &str,
    temporary: bool,
) -> AppResult<i32> {
    versioned_update!(
        conn,
        users,
        id,
        expected,
        now,
        (
            users::password_hash.eq(hash),
            users::must_change_password.eq(temporary),
            users::password_changed_at.eq(now),
        )
    )
}

/// Credentials for sign-in: id, username, hash, active.
pub fn credentials(
    conn: &mut DbConnection,
    username: &str,
) -> AppResult<Option<(i64, String, String, bool)>> {
    Ok(users::table
        .filter(users::username.eq(username.trim().to_lowercase()))
        .select((
            users::id,
            users::username,
            users::password_hash,
            users::active,
        ))
        .first(conn)
        .optional()?)
}

pub fn password_hash(conn: &mut DbConnection, id: i64) -> AppResult<String> {
    Ok(users::table
        .find(id)
        .select(users::password_hash)
        .first(conn)?)
}

pub fn touch_login(conn: &mut DbConnection, id: i64, now: NaiveDateTime) -> AppResult<()> {
    diesel::update(users::table.find(id))
        .set(users::last_login_at.eq(Some(now)))
        .execute(conn)?;
    Ok(())
}
