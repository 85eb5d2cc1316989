//! Who is told: the active people of a unit (its head and staff), or everyone of a role.

use diesel::prelude::*;

use crate::auth::Role;
use crate::db::DbConnection;
use crate::db::schema::users;
use crate::error::AppResult;

/// A person to tell, with their e-mail address if they gave one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    pub user_id: i64,
    pub full_name: String,
    pub email: Option<String>,
}

fn load(conn: &mut DbConnection, unit: Option<i64>, roles: &[Role]) -> AppResult<Vec<Recipient>> {
    let mut query = users::table
        .filter(users::active.eq(true))
        .filter(users::role.eq_any(roles.iter().map(|r| r.as_str()).collect::<Vec<_>>()))
        .into_boxed();
    if let Some(unit) = unit {
        query = query.filter(users::unit_id.eq(unit));
    }
    let rows: Vec<(i64, String, Option<String>)> = query
        .order(users::id.asc())
        .select((users::id, users::full_name, users::email))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(user_id, full_name, email)| Recipient {
            user_id,
            full_name,
            email: email.map(|e| e.trim().to_owned()).filter(|e| !e.is_empty()),
        })
        .collect())
}

/// The active head(s) and staff of a unit.
pub fn unit_people(conn: &mut DbConnection, unit_id: i64) -> AppResult<Vec<Recipient>> {
    load(conn, Some(unit_id), &[Role::UnitHead, Role::UnitStaff])
}

/// Everyone active with `role` (the Office: `office`; the leadership: `leader`).
pub fn with_role(conn: &mut DbConnection, role: Role) -> AppResult<Vec<Recipient>> {
    load(conn, None, &[role])
}

pub fn ids(recipients: &[Recipient]) -> Vec<i64> {
    recipients.iter().map(|r| r.user_id).collect()
}
