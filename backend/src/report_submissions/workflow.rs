//! The report workflow, as data: who may submit, resubmit, accept or return a report, for a unit
//! or for the Office, in which state. Handlers authorise through [`authorize`], responses list
//! [`allowed_actions`], the tests walk [`TRANSITIONS`].

use serde::Serialize;
use utoipa::ToSchema;

use crate::auth::{Principal, Role, policy};
use crate::calendar::kinds::Responsible;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::text_enum;

text_enum!(
    /// Where a submitted report stands.
    pub enum SubmissionStatus {
        /// Sent, waiting for the Office (a unit's report) or the leadership (the Office's).
        Submitted = "submitted" / "Đã gửi",
        /// Accepted: the obligation is met.
        Accepted = "accepted" / "Đã tiếp nhận",
        /// Returned for revision, with the reason: the obligation is not met until it is sent again.
        Returned = "returned" / "Bị trả lại",
    }
);

text_enum!(
    /// A step on a report.
    pub enum SubmissionAction {
        /// Send the report of an obligation (once per obligation).
        Submit = "submit" / "Gửi báo cáo",
        /// Send a returned report again.
        Resubmit = "resubmit" / "Gửi lại",
        /// Accept a submitted report.
        Accept = "accept" / "Tiếp nhận",
        /// Return a submitted report, with the reason.
        Return = "return" / "Trả lại",
    }
);

pub use crate::exemplars::workflow::NoteRule;

#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = SubmissionTransition)]
pub struct Transition {
    pub action: SubmissionAction,
    /// Whose report: a unit's or the Office's.
    pub responsible: Responsible,
    pub roles: &'static [Role],
    /// The states it is taken from; empty: no report sent yet.
    pub from: &'static [SubmissionStatus],
    pub to: SubmissionStatus,
    pub note: NoteRule,
    /// Why it is refused in another state (Vietnamese).
    pub otherwise: &'static str,
}

const UNIT_SENDERS: &[Role] = &[Role::UnitHead, Role::Office];
const UNIT_DECIDERS: &[Role] = &[Role::Office, Role::Leader];
const OFFICE: &[Role] = &[Role::Office];
const LEADER: &[Role] = &[Role::Leader];
const SENT: &[SubmissionStatus] = &[SubmissionStatus::Submitted];
const RETURNED: &[SubmissionStatus] = &[SubmissionStatus::Returned];

pub const TRANSITIONS: &[Transition] = &[
    Transition {
        action: SubmissionAction::Submit,
        responsible: Responsible::Unit,
        roles: UNIT_SENDERS,
        from: &[],
        to: SubmissionStatus::Submitted,
        note: NoteRule::Optional,
        otherwise: "Báo cáo của kỳ này đã được gửi; nếu bị trả lại, hãy gửi lại báo cáo đó.",
    },
    Transition {
        action: SubmissionAction::Submit,
        responsible: Responsible::Office,
        roles: OFFICE,
        from: &[],
        to: SubmissionStatus::Submitted,
        note: NoteRule::Optional,
        otherwise: "Báo cáo của kỳ này đã được gửi; nếu bị trả lại, hãy gửi lại báo cáo đó.",
    },
    Transition {
        action: SubmissionAction::Resubmit,
        responsible: Responsible::Unit,
        roles: UNIT_SENDERS,
        from: RETURNED,
        to: SubmissionStatus::Submitted,
        note: NoteRule::Optional,
        otherwise: "Chỉ gửi lại được báo cáo đã bị trả lại.",
    },
    Transition {
        action: SubmissionAction::Resubmit,
        responsible: Responsible::Office,
        roles: OFFICE,
        from: RETURNED,
        to: SubmissionStatus::Submitted,
        note: NoteRule::Optional,
        otherwise: "Chỉ gửi lại được báo cáo đã bị trả lại.",
    },
    Transition {
        action: SubmissionAction::Accept,
        responsible: Responsible::Unit,
        roles: UNIT_DECIDERS,
        from: SENT,
        to: SubmissionStatus::Accepted,
        note: NoteRule::Optional,
        otherwise: "Chỉ tiếp nhận được báo cáo đang chờ xem xét.",
    },
    Transition {
        action: SubmissionAction::Accept,
        responsible: Responsible::Office,
        roles: LEADER,
        from: SENT,
        to: SubmissionStatus::Accepted,
        note: NoteRule::Optional,
        otherwise: "Chỉ tiếp nhận được báo cáo đang chờ xem xét.",
    },
    Transition {
        action: SubmissionAction::Return,
        responsible: Responsible::Unit,
        roles: UNIT_DECIDERS,
        from: SENT,
        to: SubmissionStatus::Returned,
        note: NoteRule::Required,
        otherwise: "Chỉ trả lại được báo cáo đang chờ xem xét.",
    },
    Transition {
        action: SubmissionAction::Return,
        responsible: Responsible::Office,
        roles: LEADER,
        from: SENT,
        to: SubmissionStatus::Returned,
        note: NoteRule::Required,
        otherwise: "Chỉ trả lại được báo cáo đang chờ xem xét.",
    },
];

/// Where a report stands: whose it is and its state (`None`: not sent yet).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct State {
    pub unit_id: Option<i64>,
    pub status: Option<SubmissionStatus>,
}

impl State {
    pub fn responsible(&self) -> Responsible {
        if self.unit_id.is_some() {
            Responsible::Unit
        } else {
            Responsible::Office
        }
    }
}

fn applies(transition: &Transition, state: &State) -> bool {
    match state.status {
        None => transition.from.is_empty(),
        Some(status) => transition.from.contains(&status),
    }
}

/// The transition that lets `principal` take `action` on a report in `state`, or why not: 403 for
/// a role the step is not for (or another unit's report), 409 in another state.
pub fn authorize(
    principal: &Principal,
    state: &State,
    action: SubmissionAction,
) -> AppResult<&'static Transition> {
    let responsible = state.responsible();
    let for_role: Vec<&'static Transition> = TRANSITIONS
        .iter()
        .filter(|t| {
            t.action == action && t.responsible == responsible && t.roles.contains(&principal.role)
        })
        .collect();
    if for_role.is_empty() {
        return Err(AppError::forbidden());
    }
    if responsible == Responsible::Unit {
        policy::ensure_unit(principal, state.unit_id)?;
    }
    for_role
        .iter()
        .find(|t| applies(t, state))
        .copied()
        .ok_or_else(|| AppError::new(ErrorCode::Conflict).with_detail(for_role[0].otherwise))
}

/// What `principal` may do to a report in `state` now.
pub fn allowed_actions(principal: &Principal, state: &State) -> Vec<SubmissionAction> {
    SubmissionAction::ALL
        .iter()
        .copied()
        .filter(|action| authorize(principal, state, *action).is_ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::Rule;
    use crate::auth::roles::{DecideReport, SubmitReport};

    #[test]
    fn the_table_agrees_with_the_endpoint_rules() {
        for transition in TRANSITIONS {
            let admitted = match transition.action {
                SubmissionAction::Submit | SubmissionAction::Resubmit => SubmitReport::ROLES,
                SubmissionAction::Accept | SubmissionAction::Return => DecideReport::ROLES,
            };
            for role in transition.roles {
                assert!(
                    admitted.contains(role),
                    "{:?} lists {role:?}",
                    transition.action
                );
            }
        }
        for action in SubmissionAction::ALL {
            for responsible in Responsible::ALL {
                assert!(
                    TRANSITIONS
                        .iter()
                        .any(|t| t.action == *action && t.responsible == *responsible),
                    "{action:?} of {responsible:?} has no transition"
                );
            }
        }
    }
}
