//! Who may see and change which propagation activities: the log's one visibility rule, applied
//! by the list, the export, the detail and the files alike, and what the caller may do next.

use crate::auth::roles::WritePropagation;
use crate::auth::{Principal, Rule, policy};
use crate::error::AppResult;
use crate::text_enum;

text_enum!(
    /// Something a person can do to a propagation activity.
    pub enum PropagationAction {
        Edit = "edit" / "Sửa",
        Delete = "delete" / "Xóa",
        /// Attach or remove files.
        Attach = "attach" / "Đính kèm tệp",
    }
);

/// The unit whose activities the principal may read, or `None` for every unit: unit roles read
/// their own unit's; the leadership, the administrator and the Office every unit's.
pub fn unit_restriction(principal: &Principal) -> Option<i64> {
    policy::unit_restriction(principal)
}

/// Reading one activity: another unit's is 403 for unit roles.
pub fn ensure_readable(principal: &Principal, unit_id: i64) -> AppResult<()> {
    policy::ensure_unit(principal, Some(unit_id))
}

/// Changing one activity (or its files): the Office any unit's, unit roles their own; the
/// role itself is checked by the endpoint's rule ([`WritePropagation`]).
pub fn ensure_writable(principal: &Principal, unit_id: i64) -> AppResult<()> {
    if !WritePropagation::ROLES.contains(&principal.role) {
        return Err(crate::error::AppError::forbidden());
    }
    policy::ensure_unit(principal, Some(unit_id))
}

/// What `principal` may do to an activity of `unit_id`.
pub fn allowed_actions(principal: &Principal, unit_id: i64) -> Vec<PropagationAction> {
    if ensure_writable(principal, unit_id).is_ok() {
        PropagationAction::ALL.to_vec()
    } else {
        Vec::new()
    }
}
