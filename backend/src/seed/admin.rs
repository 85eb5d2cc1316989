//! `lantoa create-admin`: the first administrator, or a locked-out one's reset.

use diesel::prelude::*;

use crate::auth::{Role, password, sessions, tokens};
use crate::db::DbConnection;
use crate::db::schema::users;
use crate::error::{AppError, AppResult};
use crate::users::model::{self, NewUserInput};

/// Creates the administrator, or resets the password of an existing one. With no password given a
/// temporary one is generated (to be changed at first sign-in). Returns a message for the console.
pub fn create_or_reset(
    conn: &mut DbConnection,
    username: &str,
    full_name: &str,
    given: Option<&str>,
    now: chrono::NaiveDateTime,
) -> AppResult<String> {
    let username = username.trim().to_lowercase();
    if let Some(password) = given {
        let problems = password::check_policy("password", password, &username);
        if !problems.is_empty() {
            return Err(AppError::validation(problems));
        }
    }
    let secret = given
        .map(str::to_owned)
        .unwrap_or_else(tokens::temporary_password);
    let temporary = given.is_none();
    let hash = password::hash(&secret)?;
    crate::db::write_transaction(conn, |conn| {
        let existing: Option<(i64, Role, i32)> = users::table
            .filter(users::username.eq(&username))
            .select((users::id, users::role, users::version))
            .first(conn)
            .optional()?;
        match existing {
            Some((id, role, version)) => {
                if role != Role::Admin {
                    return Err(AppError::field(
                        "username",
                        "taken",
                        "Tên đăng nhập này thuộc một người dùng không phải quản trị.",
                    ));
                }
                let version = model::set_password(conn, id, version, now, &hash, temporary)?;
                crate::versioned_update!(conn, users, id, version, now, (users::active.eq(true)))?;
                sessions::revoke_all_for_user(conn, id, "password_reset", now)?;
            }
            None => {
                let input = NewUserInput {
                    username: username.clone(),
                    full_name: full_name.to_owned(),
                    email: None,
                    phone: None,
                    position: Some("Quản trị hệ thống".to_owned()),
                    role: Role::Admin,
                    unit_id: None,
                    temporary_password: None,
                };
                model::insert(conn, now, &input, &hash, temporary)?;
            }
        }
        Ok(())
    })?;
    Ok(if temporary {
        format!(
            "Quản trị viên {username}: mật khẩu tạm thời {secret} (phải đổi khi đăng nhập lần đầu)."
        )
    } else {
        format!("Quản trị viên {username}: đã đặt mật khẩu.")
    })
}
