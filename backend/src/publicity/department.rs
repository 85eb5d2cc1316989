//! The Department's name as its public texts and cards show it: the root unit's, as the
//! administrator keeps it.

use diesel::prelude::*;

use crate::db::DbConnection;
use crate::db::schema::units;
use crate::error::AppResult;
use crate::units::UnitKind;

/// Used when the organisation has no active root unit (never after the reference data).
pub const FALLBACK: &str = "Sở Tư pháp tỉnh Đồng Tháp";

pub fn name(conn: &mut DbConnection) -> AppResult<String> {
    let name: Option<String> = units::table
        .filter(units::kind.eq(UnitKind::Department.as_str()))
        .filter(units::active.eq(true))
        .order(units::id.asc())
        .select(units::name)
        .first(conn)
        .optional()?;
    Ok(name.unwrap_or_else(|| FALLBACK.to_owned()))
}
