//! The five movements named in the plan (section III.2), created on first start.

use chrono::NaiveDate;
use diesel::prelude::*;

use crate::time::Day;

use super::model::{self, MovementInput};
use crate::db::DbConnection;
use crate::db::schema::movements;
use crate::error::AppResult;

fn date(y: i32, m: u32, d: u32) -> Day {
    Day(NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default())
}

fn seeds() -> Vec<MovementInput> {
    let movement = |code: &str,
                    name: &str,
                    legal_basis: Option<&str>,
                    legal_basis_date: Option<Day>,
                    starts_on,
                    ends_on| MovementInput {
        code: code.to_owned(),
        name: name.to_owned(),
        description: None,
        legal_basis: legal_basis.map(str::to_owned),
        legal_basis_date,
        starts_on,
        ends_on,
    };
    vec![
        movement(
            "KTXH-2030",
            "Thi đua thực hiện mục tiêu, nhiệm vụ phát triển kinh tế - xã hội của tỉnh Đồng Tháp năm 2026 và giai đoạn 2026 - 2030 gắn với thực hiện mục tiêu tăng trưởng kinh tế đến năm 2030 đạt hai con số",
            None,
            None,
            date(2026, 1, 1),
            Some(date(2030, 12, 31)),
        ),
        movement(
            "BDHVS",
            "Bình dân học vụ số",
            Some("Kế hoạch số 01-KH/BCĐTW"),
            Some(date(2025, 3, 21)),
            date(2025, 3, 21),
            None,
        ),
        movement(
            "DMST-CDS",
            "Cả nước thi đua đổi mới sáng tạo và chuyển đổi số",
            Some("Quyết định số 923/QĐ-TTg"),
            Some(date(2025, 5, 14)),
            date(2025, 5, 14),
            Some(date(2030, 12, 31)),
        ),
        movement(
            "BVANTQ",
            "Toàn dân bảo vệ an ninh Tổ quốc",
            None,
            None,
            date(2026, 1, 1),
            None,
        ),
        movement("DVK", "Dân vận khéo", None, None, date(2026, 1, 1), None),
    ]
}

/// Creates the plan's movements when there are none. Returns whether it did.
pub fn ensure(conn: &mut DbConnection, now: chrono::NaiveDateTime) -> AppResult<bool> {
    let existing: i64 = movements::table.count().get_result(conn)?;
    if existing > 0 {
        return Ok(false);
    }
    for input in seeds() {
        model::insert(conn, now, &input)?;
    }
    Ok(true)
}
