//! The report workflow, as data. A report is a draft until it is submitted; from then on its
//! state is that of the report submission that fulfils the obligation (submitted → accepted, or
//! returned with comments → resubmitted). The Office's consolidated report is approved by the
//! leader (the submission's acceptance) before it goes to Sở Nội vụ. On-demand reports have no
//! workflow: they are only edited and exported.

use serde::Serialize;
use utoipa::ToSchema;

use crate::auth::{Principal, Role, policy};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::report_submissions::workflow::{SubmissionAction, SubmissionStatus};
use crate::text_enum;

text_enum!(
    /// What a report is.
    pub enum ReportKind {
        /// A unit's annual report (to the Office by 20/10), or the Office's consolidated one.
        AnnualReport = "annual_report" / "Báo cáo định kỳ hằng năm",
        /// The mid-term review (sơ kết 2026–2028).
        MidtermReview = "midterm_review" / "Báo cáo sơ kết",
        /// The final review (tổng kết 2026–2030).
        FinalReview = "final_review" / "Báo cáo tổng kết",
        /// A report for any period, outside the calendar (not submitted).
        OnDemand = "on_demand" / "Báo cáo theo yêu cầu",
    }
);

text_enum!(
    /// Where a report stands.
    pub enum ReportStatus {
        /// Being written; figures are live.
        Draft = "draft" / "Dự thảo",
        /// Submitted (figures frozen), waiting for the Office (a unit's report) or the leader
        /// (the consolidated report).
        Submitted = "submitted" / "Đã gửi",
        /// Accepted by the Office, or approved by the leader (the consolidated report).
        Accepted = "accepted" / "Đã tiếp nhận / phê duyệt",
        /// Returned with comments; editable again until resubmitted.
        Returned = "returned" / "Bị trả lại",
    }
);

text_enum!(
    /// A step on a report.
    pub enum ReportAction {
        /// Change the title and the narrative sections.
        Edit = "edit" / "Sửa",
        /// Submit the report (its figures are frozen).
        Submit = "submit" / "Gửi báo cáo",
        /// Submit a returned report again (its figures are frozen anew).
        Resubmit = "resubmit" / "Gửi lại",
        /// Accept a unit's submitted report.
        Accept = "accept" / "Tiếp nhận",
        /// Approve the Office's consolidated report before it is sent to Sở Nội vụ.
        Approve = "approve" / "Phê duyệt",
        /// Return a submitted report, with comments.
        Return = "return" / "Trả lại",
    }
);

text_enum!(
    /// Whose report.
    pub enum ReportOwner {
        /// A unit's report to the Office.
        Unit = "unit" / "Đơn vị",
        /// The Office's consolidated report.
        Office = "office" / "Văn phòng Sở",
        /// An on-demand report (a unit's or the Department's).
        OnDemand = "on_demand" / "Theo yêu cầu",
    }
);

impl From<SubmissionStatus> for ReportStatus {
    fn from(status: SubmissionStatus) -> Self {
        match status {
            SubmissionStatus::Submitted => ReportStatus::Submitted,
            SubmissionStatus::Accepted => ReportStatus::Accepted,
            SubmissionStatus::Returned => ReportStatus::Returned,
        }
    }
}

#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReportTransition {
    pub action: ReportAction,
    pub owner: ReportOwner,
    pub roles: &'static [Role],
    pub from: &'static [ReportStatus],
    pub to: ReportStatus,
    /// The step on the report submission it takes (`null`: the report alone).
    pub submission: Option<SubmissionAction>,
    /// Whether a note (the comments) is required.
    pub note_required: bool,
    /// Why it is refused in another state (Vietnamese).
    pub otherwise: &'static str,
}

const UNIT_WRITERS: &[Role] = &[Role::Office, Role::UnitHead, Role::UnitStaff];
const UNIT_SENDERS: &[Role] = &[Role::UnitHead, Role::Office];
const UNIT_DECIDERS: &[Role] = &[Role::Office, Role::Leader];
const OFFICE: &[Role] = &[Role::Office];
const LEADER: &[Role] = &[Role::Leader];
const EDITABLE: &[ReportStatus] = &[ReportStatus::Draft, ReportStatus::Returned];
const DRAFT: &[ReportStatus] = &[ReportStatus::Draft];
const SENT: &[ReportStatus] = &[ReportStatus::Submitted];
const RETURNED: &[ReportStatus] = &[ReportStatus::Returned];
const NOT_EDITABLE: &str =
    "Báo cáo đã gửi không sửa được; chỉ sửa được dự thảo hoặc báo cáo bị trả lại.";

pub const TRANSITIONS: &[ReportTransition] = &[
    ReportTransition {
        action: ReportAction::Edit,
        owner: ReportOwner::Unit,
        roles: UNIT_WRITERS,
        from: EDITABLE,
        to: ReportStatus::Draft,
        submission: None,
        note_required: false,
        otherwise: NOT_EDITABLE,
    },
    ReportTransition {
        action: ReportAction::Edit,
        owner: ReportOwner::Office,
        roles: OFFICE,
        from: EDITABLE,
        to: ReportStatus::Draft,
        submission: None,
        note_required: false,
        otherwise: NOT_EDITABLE,
    },
    ReportTransition {
        action: ReportAction::Edit,
        owner: ReportOwner::OnDemand,
        roles: UNIT_WRITERS,
        from: DRAFT,
        to: ReportStatus::Draft,
        submission: None,
        note_required: false,
        otherwise: NOT_EDITABLE,
    },
    ReportTransition {
        action: ReportAction::Submit,
        owner: ReportOwner::Unit,
        roles: UNIT_SENDERS,
        from: DRAFT,
        to: ReportStatus::Submitted,
        submission: Some(SubmissionAction::Submit),
        note_required: false,
        otherwise: "Báo cáo đã được gửi; nếu bị trả lại, hãy gửi lại.",
    },
    ReportTransition {
        action: ReportAction::Submit,
        owner: ReportOwner::Office,
        roles: OFFICE,
        from: DRAFT,
        to: ReportStatus::Submitted,
        submission: Some(SubmissionAction::Submit),
        note_required: false,
        otherwise: "Báo cáo đã được gửi; nếu bị trả lại, hãy gửi lại.",
    },
    ReportTransition {
        action: ReportAction::Resubmit,
        owner: ReportOwner::Unit,
        roles: UNIT_SENDERS,
        from: RETURNED,
        to: ReportStatus::Submitted,
        submission: Some(SubmissionAction::Resubmit),
        note_required: false,
        otherwise: "Chỉ gửi lại được báo cáo đã bị trả lại.",
    },
    ReportTransition {
        action: ReportAction::Resubmit,
        owner: ReportOwner::Office,
        roles: OFFICE,
        from: RETURNED,
        to: ReportStatus::Submitted,
        submission: Some(SubmissionAction::Resubmit),
        note_required: false,
        otherwise: "Chỉ gửi lại được báo cáo đã bị trả lại.",
    },
    ReportTransition {
        action: ReportAction::Accept,
        owner: ReportOwner::Unit,
        roles: UNIT_DECIDERS,
        from: SENT,
        to: ReportStatus::Accepted,
        submission: Some(SubmissionAction::Accept),
        note_required: false,
        otherwise: "Chỉ tiếp nhận được báo cáo đang chờ xem xét.",
    },
    ReportTransition {
        action: ReportAction::Approve,
        owner: ReportOwner::Office,
        roles: LEADER,
        from: SENT,
        to: ReportStatus::Accepted,
        submission: Some(SubmissionAction::Accept),
        note_required: false,
        otherwise: "Chỉ phê duyệt được báo cáo tổng hợp đang chờ phê duyệt.",
    },
    ReportTransition {
        action: ReportAction::Return,
        owner: ReportOwner::Unit,
        roles: UNIT_DECIDERS,
        from: SENT,
        to: ReportStatus::Returned,
        submission: Some(SubmissionAction::Return),
        note_required: true,
        otherwise: "Chỉ trả lại được báo cáo đang chờ xem xét.",
    },
    ReportTransition {
        action: ReportAction::Return,
        owner: ReportOwner::Office,
        roles: LEADER,
        from: SENT,
        to: ReportStatus::Returned,
        submission: Some(SubmissionAction::Return),
        note_required: true,
        otherwise: "Chỉ trả lại được báo cáo đang chờ xem xét.",
    },
];

/// A report's owner and state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct State {
    pub owner: ReportOwner,
    pub unit_id: Option<i64>,
    pub status: ReportStatus,
}

/// The transition that lets `principal` take `action` on a report in `state`: 403 for a role it
/// is not for (or another unit's report), 409 in another state.
pub fn authorize(
    principal: &Principal,
    state: &State,
    action: ReportAction,
) -> AppResult<&'static ReportTransition> {
    let for_role: Vec<&'static ReportTransition> = TRANSITIONS
        .iter()
        .filter(|t| {
            t.action == action && t.owner == state.owner && t.roles.contains(&principal.role)
        })
        .collect();
    if for_role.is_empty() {
        return Err(AppError::forbidden());
    }
    if state.unit_id.is_some() || principal.role.is_unit_scoped() {
        policy::ensure_unit(principal, state.unit_id)?;
    }
    for_role
        .iter()
        .find(|t| t.from.contains(&state.status))
        .copied()
        .ok_or_else(|| AppError::new(ErrorCode::Conflict).with_detail(for_role[0].otherwise))
}

/// What `principal` may do to a report in `state` now.
pub fn allowed_actions(principal: &Principal, state: &State) -> Vec<ReportAction> {
    ReportAction::ALL
        .iter()
        .copied()
        .filter(|action| authorize(principal, state, *action).is_ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::kinds::Responsible;
    use crate::report_submissions::workflow::TRANSITIONS as SUBMISSION_TRANSITIONS;

    #[test]
    fn the_table_agrees_with_the_endpoint_rules() {
        use crate::auth::Rule;
        use crate::auth::roles::{ApproveReport, DecideReport, DraftReport, SubmitReport};
        for t in TRANSITIONS {
            let admitted = match t.action {
                ReportAction::Edit => DraftReport::ROLES,
                ReportAction::Submit | ReportAction::Resubmit => SubmitReport::ROLES,
                ReportAction::Accept | ReportAction::Return => DecideReport::ROLES,
                ReportAction::Approve => ApproveReport::ROLES,
            };
            for role in t.roles {
                assert!(admitted.contains(role), "{:?} lists {role:?}", t.action);
            }
        }
    }

    /// Every step that moves a submission is one the submission's own table allows to the same
    /// roles, from the same state, to the same state.
    #[test]
    fn steps_on_submissions_agree_with_their_table() {
        for t in TRANSITIONS {
            let Some(action) = t.submission else { continue };
            let responsible = match t.owner {
                ReportOwner::Unit => Responsible::Unit,
                ReportOwner::Office => Responsible::Office,
                ReportOwner::OnDemand => panic!("on-demand reports are not submitted"),
            };
            let theirs = SUBMISSION_TRANSITIONS
                .iter()
                .find(|s| s.action == action && s.responsible == responsible)
                .expect("a submission transition");
            for role in t.roles {
                assert!(
                    theirs.roles.contains(role),
                    "{:?} {:?} {role:?}",
                    t.action,
                    t.owner
                );
            }
            assert_eq!(ReportStatus::from(theirs.to), t.to);
            for from in theirs.from {
                assert!(t.from.contains(&ReportStatus::from(*from)));
            }
        }
    }
}
