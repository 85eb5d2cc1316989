//! Per-unit scoping, in one place. Roles are checked by the extractor; these helpers decide
//! which units' data a principal may touch.

use super::Principal;
use crate::error::{AppError, AppResult};

/// Unit roles may act only on their own unit; every other role on any unit.
pub fn ensure_unit(principal: &Principal, unit_id: Option<i64>) -> AppResult<()> {
    if principal.role.is_unit_scoped() && (unit_id.is_none() || principal.unit_id != unit_id) {
        return Err(AppError::outside_unit());
    }
    Ok(())
}

/// The only unit whose records the principal may list, or `None` for all units.
pub fn unit_restriction(principal: &Principal) -> Option<i64> {
    if principal.role.is_unit_scoped() {
        // A unit role without a unit sees nothing: -1 matches no row.
        Some(principal.unit_id.unwrap_or(-1))
    } else {
        None
    }
}
