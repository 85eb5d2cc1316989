//! The organisation of Sở Tư pháp tỉnh Đồng Tháp after the 2025 restructuring (NĐ 150/2025,
//! TT 09/2025/TT-BTP): created on first start, then maintained by the administrator.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConnection;
use crate::db::schema::units;
use crate::error::AppResult;
use crate::units::UnitKind;
use crate::units::model::{self, UnitInput};

struct Seed {
    code: &'static str,
    name: &'static str,
    short_name: &'static str,
    kind: UnitKind,
    parent: Option<&'static str>,
    active: bool,
}

const DEPARTMENT: &str = "STP";

const UNITS: &[Seed] = &[
    Seed {
        code: DEPARTMENT,
        name: "Sở Tư pháp tỉnh Đồng Tháp",
        short_name: "Sở Tư pháp",
        kind: UnitKind::Department,
        parent: None,
        active: true,
    },
    Seed {
        code: "VP",
        name: "Văn phòng Sở",
        short_name: "Văn phòng",
        kind: UnitKind::Internal,
        parent: Some(DEPARTMENT),
        active: true,
    },
    Seed {
        code: "XDKTVB",
        name: "Phòng Xây dựng và Kiểm tra văn bản quy phạm pháp luật",
        short_name: "Phòng XD&KTVB",
        kind: UnitKind::Internal,
        parent: Some(DEPARTMENT),
        active: true,
    },
    Seed {
        code: "PBGDPL",
        name: "Phòng Phổ biến, giáo dục pháp luật",
        short_name: "Phòng PBGDPL",
        kind: UnitKind::Internal,
        parent: Some(DEPARTMENT),
        active: true,
    },
    Seed {
        code: "HCTP",
        name: "Phòng Hành chính tư pháp",
        short_name: "Phòng HCTP",
        kind: UnitKind::Internal,
        parent: Some(DEPARTMENT),
        active: true,
    },
    Seed {
        code: "BTTP",
        name: "Phòng Bổ trợ tư pháp",
        short_name: "Phòng BTTP",
        kind: UnitKind::Internal,
        parent: Some(DEPARTMENT),
        active: true,
    },
    // Abolished by the 2025 inspection reform; kept for history.
    Seed {
        code: "TTR",
        name: "Thanh tra Sở",
        short_name: "Thanh tra",
        kind: UnitKind::Internal,
        parent: Some(DEPARTMENT),
        active: false,
    },
    Seed {
        code: "TGPL",
        name: "Trung tâm Trợ giúp pháp lý nhà nước tỉnh Đồng Tháp",
        short_name: "Trung tâm TGPL",
        kind: UnitKind::Affiliated,
        parent: Some(DEPARTMENT),
        active: true,
    },
    Seed {
        code: "PCC1",
        name: "Phòng Công chứng số 1",
        short_name: "PCC số 1",
        kind: UnitKind::Affiliated,
        parent: Some(DEPARTMENT),
        active: true,
    },
    Seed {
        code: "PCC2",
        name: "Phòng Công chứng số 2",
        short_name: "PCC số 2",
        kind: UnitKind::Affiliated,
        parent: Some(DEPARTMENT),
        active: true,
    },
    Seed {
        code: "DGTS",
        name: "Trung tâm Dịch vụ đấu giá tài sản tỉnh Đồng Tháp",
        short_name: "Trung tâm DVĐGTS",
        kind: UnitKind::Affiliated,
        parent: Some(DEPARTMENT),
        active: true,
    },
];

/// Creates whatever reference data is missing: the Department's units, the plan's movements,
/// the four general standards. Returns what it created.
pub fn ensure(conn: &mut DbConnection, now: NaiveDateTime) -> AppResult<Vec<&'static str>> {
    let mut created = Vec::new();
    if ensure_units(conn, now)? {
        created.push("units");
    }
    if crate::movements::seed::ensure(conn, now)? {
        created.push("movements");
    }
    if crate::criteria::seed::ensure(conn, now)? {
        created.push("criteria sets");
    }
    if crate::commendations::seed::ensure(conn, now)? {
        created.push("commendation catalogue");
    }
    Ok(created)
}

/// Creates the Department's units when there are none. Returns whether it did.
pub fn ensure_units(conn: &mut DbConnection, now: NaiveDateTime) -> AppResult<bool> {
    let existing: i64 = units::table.count().get_result(conn)?;
    if existing > 0 {
        return Ok(false);
    }
    crate::db::write_transaction(conn, |conn| {
        for (index, seed) in UNITS.iter().enumerate() {
            let parent_id = match seed.parent {
                Some(code) => Some(
                    units::table
                        .filter(units::code.eq(code))
                        .select(units::id)
                        .first::<i64>(conn)?,
                ),
                None => None,
            };
            let input = UnitInput {
                code: seed.code.to_owned(),
                name: seed.name.to_owned(),
                short_name: seed.short_name.to_owned(),
                kind: seed.kind,
                parent_id,
                sort_order: (index as i32) * 10,
                head_name: None,
                head_title: None,
                email: None,
                phone: None,
            };
            let id = model::insert(conn, now, &input)?;
            // The Department's units existed before the programme: they owe from its start.
            diesel::update(units::table.find(id))
                .set(units::active_since.eq(None::<NaiveDateTime>))
                .execute(conn)?;
            if !seed.active {
                crate::versioned_update!(conn, units, id, 1, now, (units::active.eq(false)))?;
            }
        }
        Ok(true)
    })
}
