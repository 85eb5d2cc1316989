//! The review workflow of an exemplar, as data. [`TRANSITIONS`] says, for each action, which roles
//! may take it, in which record states, and what the record becomes; the stage graph
//! ([`Stage::next`]) and the stage records each stage needs are the guards of the stage moves.
//! Handlers authorise every action through [`authorize`], responses list what the caller may do
//! next ([`allowed_actions`]), and the tests walk the same table.

use serde::Serialize;
use utoipa::ToSchema;

use super::types::{RecordStatus, Stage};
use crate::auth::{Principal, Role, policy};
use crate::error::{AppError, AppResult, ErrorCode, FieldError};
use crate::text_enum;

text_enum!(
    /// Something a person can do to an exemplar.
    pub enum ExemplarAction {
        /// Replace the record's fields.
        Edit = "edit" / "Sửa",
        /// Delete a draft recorded by mistake.
        Delete = "delete" / "Xóa",
        /// The unit head sends the unit's draft to the Office.
        Submit = "submit" / "Gửi hồ sơ",
        /// The Office confirms a submitted record.
        Confirm = "confirm" / "Xác nhận hồ sơ",
        /// The Office returns a submitted record to its unit.
        Return = "return" / "Trả lại",
        /// The unit head proposes a stage move.
        ProposeStage = "propose_stage" / "Gửi đề xuất",
        /// The Office confirms the pending proposal.
        ConfirmStage = "confirm_stage" / "Duyệt đề xuất",
        /// The Office rejects the pending proposal.
        RejectStage = "reject_stage" / "Từ chối đề xuất",
        /// The unit head withdraws the pending proposal.
        WithdrawStage = "withdraw_stage" / "Rút đề xuất",
        /// The Office moves the stage itself.
        MoveStage = "move_stage" / "Chuyển giai đoạn",
        /// Keep the stage records: nurturing plan, summary, replications, attachments.
        EditRecords = "edit_records" / "Cập nhật hồ sơ giai đoạn",
        /// Evaluate against the criteria (unit roles: self-assessment).
        Evaluate = "evaluate" / "Đánh giá",
    }
);

/// Whether an action needs a stage move proposal to be pending, or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProposalRule {
    Any,
    NonePending,
    Pending,
}

/// What the action does to the record's review status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase", tag = "kind", content = "status")]
pub enum RecordChange {
    Keep,
    To(RecordStatus),
}

/// Whether the action takes a note (every workflow's table uses this one rule).
///
/// - `none`: no note.
/// - `optional`: a note may be given.
/// - `required`: a note (the reason) must be given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum NoteRule {
    None,
    Optional,
    Required,
}

/// One row of the workflow: `action` is allowed to `roles` when the record is in one of
/// `records` and the proposal matches; the record then becomes `then`.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Transition {
    pub action: ExemplarAction,
    pub roles: &'static [Role],
    pub records: &'static [RecordStatus],
    pub proposal: ProposalRule,
    pub then: RecordChange,
    pub note: NoteRule,
    /// Why the action is refused when the record is in another state (Vietnamese).
    pub otherwise: &'static str,
}

const REVIEWERS: &[Role] = &[Role::Leader, Role::Office];
const RECORDERS: &[Role] = &[Role::Office, Role::UnitHead, Role::UnitStaff];
const UNIT_HEAD: &[Role] = &[Role::UnitHead];
const ANY_RECORD: &[RecordStatus] = RecordStatus::ALL;
const SENT: &[RecordStatus] = &[RecordStatus::Submitted, RecordStatus::Confirmed];

pub const TRANSITIONS: &[Transition] = &[
    Transition {
        action: ExemplarAction::Edit,
        roles: &[Role::UnitHead, Role::UnitStaff],
        records: &[RecordStatus::Draft],
        proposal: ProposalRule::Any,
        then: RecordChange::Keep,
        note: NoteRule::None,
        otherwise: "Hồ sơ đã gửi Văn phòng Sở; chỉ Văn phòng Sở được sửa. Đề nghị Văn phòng trả lại hồ sơ nếu cần sửa.",
    },
    Transition {
        action: ExemplarAction::Edit,
        roles: &[Role::Office],
        records: ANY_RECORD,
        proposal: ProposalRule::Any,
        then: RecordChange::Keep,
        note: NoteRule::None,
        otherwise: "",
    },
    Transition {
        action: ExemplarAction::Delete,
        roles: RECORDERS,
        records: &[RecordStatus::Draft],
        proposal: ProposalRule::Any,
        then: RecordChange::Keep,
        note: NoteRule::None,
        otherwise: "Chỉ xóa được hồ sơ còn là bản nháp; hồ sơ đã gửi hãy chuyển sang Dừng theo dõi hoặc Lưu trữ.",
    },
    Transition {
        action: ExemplarAction::Submit,
        roles: UNIT_HEAD,
        records: &[RecordStatus::Draft],
        proposal: ProposalRule::Any,
        then: RecordChange::To(RecordStatus::Submitted),
        note: NoteRule::None,
        otherwise: "Hồ sơ đã được gửi.",
    },
    Transition {
        action: ExemplarAction::Confirm,
        roles: REVIEWERS,
        records: &[RecordStatus::Submitted],
        proposal: ProposalRule::Any,
        then: RecordChange::To(RecordStatus::Confirmed),
        note: NoteRule::Optional,
        otherwise: "Chỉ xác nhận được hồ sơ đơn vị đã gửi.",
    },
    Transition {
        action: ExemplarAction::Return,
        roles: REVIEWERS,
        records: &[RecordStatus::Submitted],
        proposal: ProposalRule::Any,
        then: RecordChange::To(RecordStatus::Draft),
        note: NoteRule::Required,
        otherwise: "Chỉ trả lại được hồ sơ đơn vị đã gửi và chưa xác nhận.",
    },
    Transition {
        action: ExemplarAction::ProposeStage,
        roles: UNIT_HEAD,
        records: SENT,
        proposal: ProposalRule::NonePending,
        then: RecordChange::Keep,
        note: NoteRule::Optional,
        otherwise: "Hãy gửi hồ sơ điển hình cho Văn phòng Sở trước khi đề xuất chuyển giai đoạn.",
    },
    Transition {
        action: ExemplarAction::ConfirmStage,
        roles: REVIEWERS,
        records: SENT,
        proposal: ProposalRule::Pending,
        then: RecordChange::To(RecordStatus::Confirmed),
        note: NoteRule::Optional,
        otherwise: "Hồ sơ đang được đơn vị sửa lại; chờ đơn vị gửi lại hồ sơ.",
    },
    Transition {
        action: ExemplarAction::RejectStage,
        roles: REVIEWERS,
        records: ANY_RECORD,
        proposal: ProposalRule::Pending,
        then: RecordChange::Keep,
        note: NoteRule::Required,
        otherwise: "",
    },
    Transition {
        action: ExemplarAction::WithdrawStage,
        roles: UNIT_HEAD,
        records: ANY_RECORD,
        proposal: ProposalRule::Pending,
        then: RecordChange::Keep,
        note: NoteRule::None,
        otherwise: "",
    },
    Transition {
        action: ExemplarAction::MoveStage,
        roles: REVIEWERS,
        records: SENT,
        proposal: ProposalRule::Any,
        then: RecordChange::To(RecordStatus::Confirmed),
        note: NoteRule::Optional,
        otherwise: "Hồ sơ còn là bản nháp của đơn vị; đơn vị cần gửi hồ sơ trước.",
    },
    Transition {
        action: ExemplarAction::EditRecords,
        roles: RECORDERS,
        records: ANY_RECORD,
        proposal: ProposalRule::Any,
        then: RecordChange::Keep,
        note: NoteRule::None,
        otherwise: "",
    },
    Transition {
        action: ExemplarAction::Evaluate,
        roles: &[Role::Leader, Role::Office, Role::UnitHead, Role::UnitStaff],
        records: ANY_RECORD,
        proposal: ProposalRule::Any,
        then: RecordChange::Keep,
        note: NoteRule::None,
        otherwise: "",
    },
];

/// Where an exemplar stands in the workflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct State {
    pub unit_id: i64,
    pub stage: Stage,
    pub record_status: RecordStatus,
    pub proposed_stage: Option<Stage>,
}

/// What the guards need to know beyond the exemplar's own row.
#[derive(Debug, Clone, Copy, Default)]
pub struct Facts {
    pub has_plan: bool,
    pub has_summary: bool,
    pub replications: usize,
    /// Evaluated or introduced: such a record is kept, never deleted.
    pub referenced: bool,
}

/// An action the caller may take now, or could take once `disabledReason` is resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AllowedAction {
    pub action: ExemplarAction,
    /// For stage moves: the stage it leads to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to_stage: Option<Stage>,
    /// Why it cannot be done yet (e.g. the stage record is missing), in Vietnamese.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disabled_reason: Option<String>,
}

fn proposal_matches(rule: ProposalRule, row: &State) -> bool {
    match rule {
        ProposalRule::Any => true,
        ProposalRule::NonePending => row.proposed_stage.is_none(),
        ProposalRule::Pending => row.proposed_stage.is_some(),
    }
}

fn applies(transition: &Transition, row: &State) -> bool {
    transition.records.contains(&row.record_status) && proposal_matches(transition.proposal, row)
}

/// The transition that lets `principal` take `action` on `row`, or why not: 403 for a role the
/// action is not for, 403 outside the unit, 409 for an archived exemplar or a record in another
/// state.
pub fn authorize(
    principal: &Principal,
    row: &State,
    action: ExemplarAction,
) -> AppResult<&'static Transition> {
    let for_role: Vec<&'static Transition> = TRANSITIONS
        .iter()
        .filter(|t| t.action == action && t.roles.contains(&principal.role))
        .collect();
    if for_role.is_empty() {
        return Err(AppError::forbidden());
    }
    policy::ensure_unit(principal, Some(row.unit_id))?;
    if row.stage == Stage::Archived {
        return Err(AppError::new(ErrorCode::Conflict)
            .with_detail("Điển hình đã được lưu trữ, không thể thay đổi."));
    }
    if let Some(transition) = for_role.iter().find(|t| applies(t, row)) {
        return Ok(transition);
    }
    let pending_wrong = for_role.iter().all(|t| !proposal_matches(t.proposal, row));
    let detail = match (pending_wrong, row.proposed_stage.is_some()) {
        (true, true) => {
            "Đã có một đề xuất đang chờ Văn phòng Sở xem xét; hãy rút đề xuất đó trước."
        }
        (true, false) => "Không có đề xuất chuyển giai đoạn nào đang chờ.",
        _ => for_role[0].otherwise,
    };
    Err(AppError::new(ErrorCode::Conflict).with_detail(detail))
}

/// Why the exemplar cannot move to `to` now, or `None` when it can. Stopping needs a reason,
/// which the request carries: it is checked when the move is made.
pub fn stage_blocker(row: &State, to: Stage, facts: &Facts) -> Option<StageBlocker> {
    if !row.stage.can_move_to(to) {
        return Some(StageBlocker::NotNext);
    }
    let missing = match to {
        Stage::Nurturing => !facts.has_plan,
        Stage::Summarized => !facts.has_summary,
        Stage::Replicated => facts.replications == 0,
        _ => false,
    };
    missing.then_some(StageBlocker::RecordMissing(to))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StageBlocker {
    NotNext,
    RecordMissing(Stage),
}

impl StageBlocker {
    pub fn message(self, from: Stage) -> String {
        match self {
            StageBlocker::NotNext => {
                let allowed: Vec<&str> = from.next().iter().map(|s| s.label()).collect();
                if allowed.is_empty() {
                    format!(
                        "Điển hình đang ở giai đoạn {}, không chuyển tiếp được.",
                        from.label()
                    )
                } else {
                    format!(
                        "Từ giai đoạn {} chỉ chuyển được sang: {}.",
                        from.label(),
                        allowed.join(", ")
                    )
                }
            }
            StageBlocker::RecordMissing(Stage::Nurturing) => {
                "Cần lập kế hoạch bồi dưỡng trước khi chuyển sang giai đoạn Bồi dưỡng.".to_owned()
            }
            StageBlocker::RecordMissing(Stage::Summarized) => {
                "Cần nhập kết quả tổng kết trước khi chuyển sang giai đoạn Tổng kết.".to_owned()
            }
            StageBlocker::RecordMissing(_) => {
                "Cần ghi nhận ít nhất một nơi nhân rộng trước khi chuyển sang giai đoạn Nhân rộng."
                    .to_owned()
            }
        }
    }

    pub fn error(self, from: Stage) -> AppError {
        match self {
            StageBlocker::NotNext => AppError::new(ErrorCode::InvalidTransition)
                .with_detail(self.message(from))
                .with_field(FieldError::new(
                    "toStage",
                    "invalid_transition",
                    "Không được chuyển sang giai đoạn này.",
                )),
            StageBlocker::RecordMissing(_) => {
                AppError::new(ErrorCode::StageRecordMissing).with_detail(self.message(from))
            }
        }
    }
}

const DELETE_REFERENCED: &str =
    "Điển hình đã được đánh giá hoặc giới thiệu; không thể xóa, hãy chuyển sang Dừng theo dõi.";

/// What `principal` may do to `row` now, in the table's order (the first is the step the
/// record is waiting for when there is one), each stage move once per target stage.
pub fn allowed_actions(principal: &Principal, row: &State, facts: &Facts) -> Vec<AllowedAction> {
    let mut out = Vec::new();
    for action in ExemplarAction::ALL.iter().copied() {
        if authorize(principal, row, action).is_err() {
            continue;
        }
        let stage_targets: Vec<Stage> = match action {
            ExemplarAction::ProposeStage | ExemplarAction::MoveStage => row.stage.next().to_vec(),
            ExemplarAction::ConfirmStage => row.proposed_stage.into_iter().collect(),
            _ => Vec::new(),
        };
        if stage_targets.is_empty() {
            if matches!(
                action,
                ExemplarAction::ProposeStage | ExemplarAction::MoveStage
            ) {
                continue;
            }
            let disabled_reason = (action == ExemplarAction::Delete && facts.referenced)
                .then(|| DELETE_REFERENCED.to_owned());
            out.push(AllowedAction {
                action,
                to_stage: None,
                disabled_reason,
            });
        }
        for to in stage_targets {
            out.push(AllowedAction {
                action,
                to_stage: Some(to),
                disabled_reason: stage_blocker(row, to, facts).map(|b| b.message(row.stage)),
            });
        }
    }
    out
}

/// A refusal to delete a referenced record.
pub fn referenced_error() -> AppError {
    AppError::new(ErrorCode::Conflict).with_detail(DELETE_REFERENCED)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::Rule;
    use crate::auth::roles::{Evaluate, Review, UnitHeadOnly, WriteExemplars};

    /// The endpoint's `Auth<Rule>` admits at least the roles the table names for its action.
    #[test]
    fn the_table_agrees_with_the_endpoint_rules() {
        let rule_of = |action: ExemplarAction| -> &'static [Role] {
            match action {
                ExemplarAction::Edit | ExemplarAction::Delete | ExemplarAction::EditRecords => {
                    WriteExemplars::ROLES
                }
                ExemplarAction::Submit
                | ExemplarAction::ProposeStage
                | ExemplarAction::WithdrawStage => UnitHeadOnly::ROLES,
                ExemplarAction::Confirm
                | ExemplarAction::Return
                | ExemplarAction::ConfirmStage
                | ExemplarAction::RejectStage
                | ExemplarAction::MoveStage => Review::ROLES,
                ExemplarAction::Evaluate => Evaluate::ROLES,
            }
        };
        for transition in TRANSITIONS {
            for role in transition.roles {
                assert!(
                    rule_of(transition.action).contains(role),
                    "{:?} lists {:?}, which its endpoint does not admit",
                    transition.action,
                    role
                );
            }
        }
        for action in ExemplarAction::ALL {
            assert!(
                TRANSITIONS.iter().any(|t| t.action == *action),
                "{action:?} has no transition"
            );
        }
    }
}
