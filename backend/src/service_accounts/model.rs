//! Service accounts: credentials for provincial systems and scripts. The secret is shown once
//! at creation (or rotation) and stored only as a hash. Each rotation moves the secret's
//! generation on; access tokens carry the generation they were issued for, so rotating ends them.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use subtle::ConstantTimeEq;
use utoipa::ToSchema;
use validator::Validate;

use crate::auth::Scope;
use crate::auth::tokens::{random_token, sha256_hex};
use crate::db::DbConnection;
use crate::db::schema::service_accounts;
use crate::error::{AppError, AppResult, ErrorCode, FieldError};
use crate::http::etag::IfMatch;
use crate::versioned_update;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = service_accounts)]
struct Row {
    id: i64,
    name: String,
    description: Option<String>,
    client_id: String,
    scopes: String,
    revoked_at: Option<NaiveDateTime>,
    created_by: Option<i64>,
    last_used_at: Option<NaiveDateTime>,
    version: i32,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

/// A service account (its secret is never shown again after creation or rotation).
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ServiceAccount {
    pub id: i64,
    pub name: String,
    pub description: Option<String>,
    /// Public identifier sent with the secret to `/auth/token`.
    pub client_id: String,
    pub scopes: Vec<Scope>,
    /// Revoked accounts can no longer obtain tokens; their tokens stop working at once.
    pub revoked_at: Option<DateTime<Utc>>,
    pub created_by: Option<i64>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<Row> for ServiceAccount {
    fn from(row: Row) -> Self {
        ServiceAccount {
            id: row.id,
            name: row.name,
            description: row.description,
            client_id: row.client_id,
            scopes: Scope::parse_list(&row.scopes),
            revoked_at: row.revoked_at.map(|t| t.and_utc()),
            created_by: row.created_by,
            last_used_at: row.last_used_at.map(|t| t.and_utc()),
            version: row.version,
            created_at: row.created_at.and_utc(),
            updated_at: row.updated_at.and_utc(),
        }
    }
}

#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ServiceAccountInput {
    #[validate(length(min = 3, max = 100))]
    #[schema(min_length = 3, max_length = 100, example = "Cổng thông tin tỉnh")]
    pub name: String,
    #[validate(length(max = 500))]
    #[schema(max_length = 500)]
    pub description: Option<String>,
    /// At least one scope.
    #[validate(length(min = 1, message = "Chọn ít nhất một phạm vi."))]
    #[schema(min_items = 1)]
    pub scopes: Vec<Scope>,
}

impl ServiceAccountInput {
    pub fn normalized(mut self) -> Self {
        self.name = self.name.trim().to_owned();
        self.description = self
            .description
            .map(|d| d.trim().to_owned())
            .filter(|d| !d.is_empty());
        self.scopes.sort_by_key(|s| s.as_str());
        self.scopes.dedup();
        self
    }
}

pub fn find(conn: &mut DbConnection, id: i64) -> AppResult<ServiceAccount> {
    service_accounts::table
        .find(id)
        .select(Row::as_select())
        .first(conn)
        .optional()?
        .map(ServiceAccount::from)
        .ok_or_else(|| AppError::not_found("tài khoản tích hợp"))
}

pub fn list(
    conn: &mut DbConnection,
    offset: i64,
    limit: i64,
) -> AppResult<(Vec<ServiceAccount>, i64)> {
    let total = service_accounts::table.count().get_result(conn)?;
    let rows: Vec<Row> = service_accounts::table
        .select(Row::as_select())
        .order((service_accounts::name.asc(), service_accounts::id.asc()))
        .offset(offset)
        .limit(limit)
        .load(conn)?;
    Ok((rows.into_iter().map(ServiceAccount::from).collect(), total))
}

fn name_taken(conn: &mut DbConnection, name: &str, except: Option<i64>) -> AppResult<()> {
    let owner: Option<i64> = service_accounts::table
        .filter(service_accounts::name.eq(name))
        .select(service_accounts::id)
        .first(conn)
        .optional()?;
    if owner.is_some_and(|o| Some(o) != except) {
        return Err(
            AppError::new(ErrorCode::DuplicateName).with_field(FieldError::new(
                "name",
                "taken",
                "Tên này đã được dùng cho tài khoản tích hợp khác.",
            )),
        );
    }
    Ok(())
}

/// Creates an account; returns its id and the secret (shown once).
pub fn insert(
    conn: &mut DbConnection,
    input: &ServiceAccountInput,
    created_by: Option<i64>,
    now: NaiveDateTime,
) -> AppResult<(i64, String)> {
    name_taken(conn, &input.name, None)?;
    let secret = random_token(32);
    let id = diesel::insert_into(service_accounts::table)
        .values((
            service_accounts::name.eq(&input.name),
            service_accounts::description.eq(&input.description),
            service_accounts::client_id.eq(format!(
                "lt_{}",
                random_token(12).to_lowercase().replace(['-', '_'], "x")
            )),
            service_accounts::secret_hash.eq(sha256_hex(&secret)),
            service_accounts::scopes.eq(Scope::join(&input.scopes)),
            service_accounts::created_by.eq(created_by),
            service_accounts::version.eq(1),
            service_accounts::created_at.eq(now),
            service_accounts::updated_at.eq(now),
        ))
        .returning(service_accounts::id)
        .get_result(conn)?;
    Ok((id, secret))
}

pub fn update(
    conn: &mut DbConnection,
    current: &ServiceAccount,
    if_match: IfMatch,
    input: &ServiceAccountInput,
    now: NaiveDateTime,
) -> AppResult<()> {
    let expected = if_match.expect(current.version)?;
    name_taken(conn, &input.name, Some(current.id))?;
    versioned_update!(
        conn,
        service_accounts,
        current.id,
        expected,
        now,
        (
            service_accounts::name.eq(&input.name),
            service_accounts::description.eq(&input.description),
            service_accounts::scopes.eq(Scope::join(&input.scopes)),
        )
    )?;
    Ok(())
}

pub fn revoke(
    conn: &mut DbConnection,
    current: &ServiceAccount,
    if_match: IfMatch,
    now: NaiveDateTime,
) -> AppResult<()> {
    let expected = if_match.expect(current.version)?;
    if current.revoked_at.is_some() {
        return Err(AppError::new(ErrorCode::Conflict)
            .with_detail("Tài khoản tích hợp đã bị thu hồi trước đó."));
    }
    versioned_update!(
        conn,
        service_accounts,
        current.id,
        expected,
        now,
        (service_accounts::revoked_at.eq(now))
    )?;
    Ok(())
}

/// Replaces the secret and moves its generation on: the old secret and every access token
/// issued with it stop working at once. Returns the new secret.
pub fn rotate_secret(
    conn: &mut DbConnection,
    current: &ServiceAccount,
    if_match: IfMatch,
    now: NaiveDateTime,
) -> AppResult<String> {
    let expected = if_match.expect(current.version)?;
    if current.revoked_at.is_some() {
        return Err(
            AppError::new(ErrorCode::Conflict).with_detail("Tài khoản tích hợp đã bị thu hồi.")
        );
    }
    let secret = random_token(32);
    versioned_update!(
        conn,
        service_accounts,
        current.id,
        expected,
        now,
        (
            service_accounts::secret_hash.eq(sha256_hex(&secret)),
            service_accounts::secret_generation.eq(service_accounts::secret_generation + 1),
        )
    )?;
    Ok(secret)
}

/// The live account with this client id and secret, if any, with its secret's generation;
/// records its use.
pub fn authenticate(
    conn: &mut DbConnection,
    client_id: &str,
    secret: &str,
    now: NaiveDateTime,
) -> AppResult<Option<(ServiceAccount, i64)>> {
    let found: Option<(i64, String, i32)> = service_accounts::table
        .filter(service_accounts::client_id.eq(client_id))
        .filter(service_accounts::revoked_at.is_null())
        .select((
            service_accounts::id,
            service_accounts::secret_hash,
            service_accounts::secret_generation,
        ))
        .first(conn)
        .optional()?;
    let Some((id, stored, generation)) = found else {
        return Ok(None);
    };
    if !bool::from(stored.as_bytes().ct_eq(sha256_hex(secret).as_bytes())) {
        return Ok(None);
    }
    diesel::update(service_accounts::table.find(id))
        .set(service_accounts::last_used_at.eq(now))
        .execute(conn)?;
    Ok(Some((find(conn, id)?, i64::from(generation))))
}
