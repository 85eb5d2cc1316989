//! The difficulty workflow, as data ([`TRANSITIONS`]): handlers authorise each step through
//! [`authorize`], responses list [`allowed_actions`], the tests walk the table.

use serde::Serialize;
use utoipa::ToSchema;

use crate::auth::{Principal, Role, policy};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::text_enum;

text_enum!(
    /// Where a difficulty stands.
    pub enum DifficultyStatus {
        /// Raised by the unit, waiting for the Office.
        Open = "open" / "Chờ Văn phòng Sở xử lý",
        /// The Office answered (guidance given).
        Answered = "answered" / "Văn phòng Sở đã trả lời",
        /// The Office referred it to the leadership.
        Referred = "referred" / "Đã báo cáo Lãnh đạo Sở",
        /// The leadership directed how to resolve it.
        Directed = "directed" / "Lãnh đạo Sở đã chỉ đạo",
        /// Settled.
        Closed = "closed" / "Đã kết thúc",
    }
);

text_enum!(
    /// A step on a difficulty.
    pub enum DifficultyAction {
        /// The unit raises it.
        Raise = "raise" / "Gửi phản ánh",
        /// The unit changes what it wrote, while nobody has taken it up.
        Edit = "edit" / "Sửa",
        /// The unit withdraws it, while nobody has taken it up.
        Delete = "delete" / "Xóa",
        /// The Office answers (guidance).
        Answer = "answer" / "Trả lời",
        /// The Office refers it to the leadership.
        Refer = "refer" / "Báo cáo Lãnh đạo Sở",
        /// The leadership directs.
        Direct = "direct" / "Chỉ đạo",
        /// The unit (or the Office) settles it after the answer or the direction.
        Close = "close" / "Kết thúc",
        /// The unit is not satisfied and asks again.
        Reopen = "reopen" / "Phản ánh lại",
        /// Add or remove files.
        Attach = "attach" / "Đính kèm tệp",
    }
);

/// Whether a step takes a note.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum NoteRule {
    None,
    Optional,
    Required,
}

#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Transition {
    pub action: DifficultyAction,
    pub roles: &'static [Role],
    /// The states it is taken from (empty: a new difficulty).
    pub from: &'static [DifficultyStatus],
    /// What it becomes; `null`: unchanged.
    pub to: Option<DifficultyStatus>,
    pub note: NoteRule,
    /// Why it is refused in another state (Vietnamese).
    pub otherwise: &'static str,
}

const UNIT: &[Role] = &[Role::UnitHead, Role::UnitStaff];
const OFFICE: &[Role] = &[Role::Office];
const OPEN: &[DifficultyStatus] = &[DifficultyStatus::Open];
const SETTLED_BY_ANSWER: &[DifficultyStatus] = &[DifficultyStatus::Answered, DifficultyStatus::Directed];

pub const TRANSITIONS: &[Transition] = &[
    Transition {
        action: DifficultyAction::Raise,
        roles: UNIT,
        from: &[],
        to: Some(DifficultyStatus::Open),
        note: NoteRule::None,
        otherwise: "",
    },
    Transition {
        action: DifficultyAction::Edit,
        roles: UNIT,
        from: OPEN,
        to: None,
        note: NoteRule::None,
        otherwise: "Phản ánh đã được xử lý; hãy phản ánh lại nếu cần bổ sung.",
    },
    Transition {
        action: DifficultyAction::Delete,
        roles: UNIT,
        from: OPEN,
        to: None,
        note: NoteRule::None,
        otherwise: "Phản ánh đã được xử lý nên không xóa được.",
    },
    Transition {
        action: DifficultyAction::Answer,
        roles: OFFICE,
        from: OPEN,
        to: Some(DifficultyStatus::Answered),
        note: NoteRule::Required,
        otherwise: "Chỉ trả lời được phản ánh đang chờ Văn phòng Sở xử lý.",
    },
    Transition {
        action: DifficultyAction::Refer,
        roles: OFFICE,
        from: OPEN,
        to: Some(DifficultyStatus::Referred),
        note: NoteRule::Required,
        otherwise: "Chỉ báo cáo Lãnh đạo Sở được phản ánh đang chờ Văn phòng Sở xử lý.",
    },
    Transition {
        action: DifficultyAction::Direct,
        roles: &[Role::Leader],
        from: &[DifficultyStatus::Referred],
        to: Some(DifficultyStatus::Directed),
        note: NoteRule::Required,
        otherwise: "Chỉ chỉ đạo được phản ánh Văn phòng Sở đã báo cáo Lãnh đạo Sở.",
    },
    Transition {
        action: DifficultyAction::Close,
        roles: &[Role::UnitHead, Role::UnitStaff, Role::Office],
        from: SETTLED_BY_ANSWER,
        to: Some(DifficultyStatus::Closed),
        note: NoteRule::Optional,
        otherwise: "Chỉ kết thúc được phản ánh đã được trả lời hoặc chỉ đạo.",
    },
    Transition {
        action: DifficultyAction::Reopen,
        roles: UNIT,
        from: SETTLED_BY_ANSWER,
        to: Some(DifficultyStatus::Open),
        note: NoteRule::Required,
        otherwise: "Chỉ phản ánh lại được khi đã có trả lời hoặc chỉ đạo.",
    },
    Transition {
        action: DifficultyAction::Attach,
        roles: UNIT,
        from: OPEN,
        to: None,
        note: NoteRule::None,
        otherwise: "Chỉ đính kèm tệp khi phản ánh đang chờ xử lý.",
    },
    Transition {
        action: DifficultyAction::Attach,
        roles: OFFICE,
        from: &[DifficultyStatus::Open, DifficultyStatus::Referred],
        to: None,
        note: NoteRule::None,
        otherwise: "Văn phòng Sở chỉ đính kèm tệp khi đang xử lý phản ánh.",
    },
];

/// Where a difficulty stands in the workflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct State {
    pub unit_id: i64,
    pub status: DifficultyStatus,
}

/// The transition that lets `principal` take `action` on a difficulty in `state`, or why not:
/// 403 for a role the step is not for or another unit's difficulty, 409 in another state.
pub fn authorize(principal: &Principal, state: &State, action: DifficultyAction) -> AppResult<&'static Transition> {
    let for_role: Vec<&'static Transition> = TRANSITIONS
        .iter()
        .filter(|t| t.action == action && !t.from.is_empty() && t.roles.contains(&principal.role))
        .collect();
    if for_role.is_empty() {
        return Err(AppError::forbidden());
    }
    policy::ensure_unit(principal, Some(state.unit_id))?;
    for_role
        .iter()
        .find(|t| t.from.contains(&state.status))
        .copied()
        .ok_or_else(|| AppError::new(ErrorCode::Conflict).with_detail(for_role[0].otherwise))
}

/// What `principal` may do to a difficulty in `state` now.
pub fn allowed_actions(principal: &Principal, state: &State) -> Vec<DifficultyAction> {
    DifficultyAction::ALL
        .iter()
        .copied()
        .filter(|action| *action != DifficultyAction::Raise && authorize(principal, state, *action).is_ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::Rule;
    use crate::auth::roles::{AnswerDifficulty, DifficultyUnitOrOffice, DirectDifficulty, RaiseDifficulty};

    #[test]
    fn the_table_agrees_with_the_endpoint_rules() {
        for transition in TRANSITIONS {
            let admitted = match transition.action {
                DifficultyAction::Raise
                | DifficultyAction::Edit
                | DifficultyAction::Delete
                | DifficultyAction::Reopen => RaiseDifficulty::ROLES,
                DifficultyAction::Answer | DifficultyAction::Refer => AnswerDifficulty::ROLES,
                DifficultyAction::Direct => DirectDifficulty::ROLES,
                DifficultyAction::Close | DifficultyAction::Attach => DifficultyUnitOrOffice::ROLES,
            };
            for role in transition.roles {
                assert!(admitted.contains(role), "{:?} lists {role:?}", transition.action);
            }
        }
        for action in DifficultyAction::ALL {
            assert!(TRANSITIONS.iter().any(|t| t.action == *action), "{action:?} has no transition");
        }
    }
}
