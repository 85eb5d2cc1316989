//! Demo accounts, one per role, for trying Lan Tỏa out. Never run this on a production database.

use diesel::prelude::*;

use crate::auth::{Role, password};
use crate::db::DbConnection;
use crate::db::schema::{units, users};
use crate::error::AppResult;
use crate::users::model::{self, NewUserInput};

pub const DEMO_PASSWORD: &str = "LanToa@2026";

pub struct DemoAccount {
    pub username: &'static str,
    pub full_name: &'static str,
    pub position: &'static str,
    pub role: Role,
    pub unit_code: &'static str,
}

pub const ACCOUNTS: &[DemoAccount] = &[
    DemoAccount {
        username: "admin",
        full_name: "Võ Minh Quản",
        position: "Quản trị hệ thống",
        role: Role::Admin,
        unit_code: "VP",
    },
    DemoAccount {
        username: "lanhdao",
        full_name: "Nguyễn Tấn Phong",
        position: "Phó Giám đốc Sở",
        role: Role::Leader,
        unit_code: "STP",
    },
    DemoAccount {
        username: "vanphong",
        full_name: "Trần Thị Lan",
        position: "Chuyên viên thi đua – khen thưởng",
        role: Role::Office,
        unit_code: "VP",
    },
    DemoAccount {
        username: "tgpl.truong",
        full_name: "Lê Văn Minh",
        position: "Giám đốc Trung tâm",
        role: Role::UnitHead,
        unit_code: "TGPL",
    },
    DemoAccount {
        username: "tgpl.canbo",
        full_name: "Phạm Thị Thảo",
        position: "Trợ giúp viên pháp lý",
        role: Role::UnitStaff,
        unit_code: "TGPL",
    },
];

/// Creates the demo accounts that do not exist yet (with [`DEMO_PASSWORD`], no forced change).
/// Returns how many were created.
pub fn seed(conn: &mut DbConnection, now: chrono::NaiveDateTime) -> AppResult<usize> {
    let hash = password::hash(DEMO_PASSWORD)?;
    crate::db::write_transaction(conn, |conn| {
        let mut created = 0;
        for account in ACCOUNTS {
            let exists: i64 = users::table
                .filter(users::username.eq(account.username))
                .count()
                .get_result(conn)?;
            if exists > 0 {
                continue;
            }
            let unit_id: Option<i64> = units::table
                .filter(units::code.eq(account.unit_code))
                .select(units::id)
                .first(conn)
                .optional()?;
            let input = NewUserInput {
                username: account.username.to_owned(),
                full_name: account.full_name.to_owned(),
                email: None,
                phone: None,
                position: Some(account.position.to_owned()),
                role: account.role,
                unit_id,
                temporary_password: None,
            };
            model::insert(conn, now, &input, &hash, false)?;
            created += 1;
        }
        Ok(created)
    })
}

/// What to print after seeding: how to sign in as each role.
pub fn describe(created: usize) -> String {
    let mut text = format!(
        "Tài khoản demo ({} tài khoản mới). Mật khẩu chung: {DEMO_PASSWORD}\n",
        created
    );
    for account in ACCOUNTS {
        text.push_str(&format!(
            "  {:<12} {:<18} {} – {} ({})\n",
            account.username,
            account.role.as_str(),
            account.full_name,
            account.position,
            account.role.label_vi()
        ));
    }
    text
}
