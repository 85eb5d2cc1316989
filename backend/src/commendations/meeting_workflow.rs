//! A council meeting's steps as data: [`TRANSITIONS`] says, for each action, from which status,
//! by whom (the people who manage the meeting, or those who run its ballots), with which guards
//! it moves the meeting to which status. The handlers authorise through [`authorize`], every
//! meeting lists what its caller may do ([`allowed_actions`], with the reason when a guard still
//! fails), and the tests and the SPA read the same table.

use serde::Serialize;
use utoipa::ToSchema;

use super::types::MeetingStatus as M;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::text_enum;

text_enum!(
    /// Something a person can do to a council meeting.
    pub enum MeetingAction {
        /// Change the time, place, chair, secretary or agenda.
        Update = "update" / "Sửa cuộc họp",
        /// Record who is present and who is absent (with a reason).
        RecordAttendance = "record_attendance" / "Ghi thành phần dự họp",
        /// Open a secret ballot for each nominee on the agenda.
        OpenBallots = "open_ballots" / "Mở phiếu bầu",
        /// Enter the written vote of an absent member.
        RecordWrittenVote = "record_written_vote" / "Nhập phiếu bằng văn bản",
        /// Close and count the ballots, number the minutes and end the meeting.
        CloseBallots = "close_ballots" / "Kết thúc bỏ phiếu",
    }
);

/// Who may take a step of a meeting.
///
/// - `managers`: the Office, or the council's chair or standing member.
/// - `ballot_runners`: the meeting's secretary or chair, or the council's standing member.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = MeetingActor)]
pub enum Actor {
    /// The Office, or the council's chair or standing member.
    Managers,
    /// The meeting's secretary or chair, or the council's standing member.
    BallotRunners,
}

/// What must hold before a step, beyond the status.
///
/// - `attendance_recorded`: the attendance has been recorded.
/// - `quorum_met`: those present make the council's quorum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = MeetingGuard)]
pub enum Guard {
    /// The attendance has been recorded.
    AttendanceRecorded,
    /// Those present make the council's quorum.
    QuorumMet,
}

/// One row of the meeting workflow.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = MeetingTransition)]
pub struct Transition {
    pub action: MeetingAction,
    pub from: &'static [M],
    /// The status afterwards (`None`: unchanged).
    pub to: Option<M>,
    pub actor: Actor,
    pub guards: &'static [Guard],
    /// Why a council member who is not the actor is refused (Vietnamese).
    #[serde(skip)]
    pub refused: &'static str,
    /// Why the step is refused from another status (Vietnamese).
    #[serde(skip)]
    pub otherwise: &'static str,
}

const PLANNED_ONLY: &str = "Cuộc họp đã mở phiếu bầu; không sửa được chương trình và thành phần.";
const MANAGERS_ONLY: &str =
    "Chỉ Văn phòng Sở, Chủ tịch hoặc Ủy viên thường trực Hội đồng được quản lý cuộc họp.";

pub const TRANSITIONS: &[Transition] = &[
    Transition {
        action: MeetingAction::Update,
        from: &[M::Planned],
        to: None,
        actor: Actor::Managers,
        guards: &[],
        refused: MANAGERS_ONLY,
        otherwise: PLANNED_ONLY,
    },
    Transition {
        action: MeetingAction::RecordAttendance,
        from: &[M::Planned],
        to: None,
        actor: Actor::Managers,
        guards: &[],
        refused: MANAGERS_ONLY,
        otherwise: PLANNED_ONLY,
    },
    Transition {
        action: MeetingAction::OpenBallots,
        from: &[M::Planned],
        to: Some(M::Voting),
        actor: Actor::Managers,
        guards: &[Guard::AttendanceRecorded, Guard::QuorumMet],
        refused: MANAGERS_ONLY,
        otherwise: "Cuộc họp đã mở phiếu bầu.",
    },
    Transition {
        action: MeetingAction::RecordWrittenVote,
        from: &[M::Voting],
        to: None,
        actor: Actor::BallotRunners,
        guards: &[],
        refused: "Chỉ thư ký Hội đồng nhập phiếu bằng văn bản.",
        otherwise: "Phiếu bầu của cuộc họp này không mở.",
    },
    Transition {
        action: MeetingAction::CloseBallots,
        from: &[M::Voting],
        to: Some(M::Closed),
        actor: Actor::BallotRunners,
        guards: &[],
        refused: "Chỉ thư ký, chủ trì cuộc họp hoặc Ủy viên thường trực kết thúc bỏ phiếu.",
        otherwise: "Cuộc họp không có phiếu bầu đang mở.",
    },
];

/// What the table looks at: the meeting and the caller's place in it.
#[derive(Debug, Clone)]
pub struct Facts {
    pub status: M,
    /// The caller is an active member of the meeting's council.
    pub is_member: bool,
    /// The caller may manage the meeting (see [`Actor::Managers`]).
    pub manages: bool,
    /// The caller may run the ballots (see [`Actor::BallotRunners`]).
    pub runs_ballots: bool,
    pub attendance_recorded: bool,
    /// Why those present do not make the quorum, when they do not.
    pub quorum_shortfall: Option<String>,
}

impl Facts {
    fn admits(&self, actor: Actor) -> bool {
        match actor {
            Actor::Managers => self.manages,
            Actor::BallotRunners => self.runs_ballots,
        }
    }

    fn guard_error(&self, guard: Guard) -> Option<AppError> {
        match guard {
            Guard::AttendanceRecorded if !self.attendance_recorded => Some(
                AppError::new(ErrorCode::StepNotReady)
                    .with_detail("Cần ghi thành phần dự họp trước khi mở phiếu bầu."),
            ),
            Guard::QuorumMet if self.attendance_recorded => self
                .quorum_shortfall
                .as_ref()
                .map(|detail| AppError::new(ErrorCode::QuorumNotMet).with_detail(detail.clone())),
            _ => None,
        }
    }
}

fn row(action: MeetingAction) -> &'static Transition {
    TRANSITIONS
        .iter()
        .find(|t| t.action == action)
        .unwrap_or(&TRANSITIONS[0])
}

/// The row that lets the caller take `action` now: 403 for someone else (`not_council_member`
/// when not a member at all), 409 from another status, and the first failing guard's error.
pub fn authorize(facts: &Facts, action: MeetingAction) -> AppResult<&'static Transition> {
    let transition = row(action);
    if !facts.admits(transition.actor) {
        return Err(if facts.is_member || facts.manages {
            AppError::forbidden().with_detail(transition.refused)
        } else {
            super::council::not_member()
        });
    }
    if !transition.from.contains(&facts.status) {
        return Err(AppError::new(ErrorCode::Conflict).with_detail(transition.otherwise));
    }
    match transition.guards.iter().find_map(|g| facts.guard_error(*g)) {
        Some(error) => Err(error),
        None => Ok(transition),
    }
}

/// A step the caller may take now, or could once `disabledReason` is resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = MeetingAllowedAction)]
pub struct AllowedAction {
    pub action: MeetingAction,
    /// The status it leads to (`null`: the meeting stays where it is).
    pub to_status: Option<M>,
    /// Why it cannot be done yet, in Vietnamese.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disabled_reason: Option<String>,
}

/// What the caller may do to the meeting in its current status, in the table's order.
pub fn allowed_actions(facts: &Facts) -> Vec<AllowedAction> {
    TRANSITIONS
        .iter()
        .filter(|t| facts.admits(t.actor) && t.from.contains(&facts.status))
        .map(|t| AllowedAction {
            action: t.action,
            to_status: t.to,
            disabled_reason: t
                .guards
                .iter()
                .find_map(|g| facts.guard_error(*g))
                .and_then(|e| e.detail.map(|d| d.into_owned())),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(status: M) -> Facts {
        Facts {
            status,
            is_member: true,
            manages: true,
            runs_ballots: false,
            attendance_recorded: true,
            quorum_shortfall: None,
        }
    }

    #[test]
    fn every_action_has_exactly_one_row() {
        for action in MeetingAction::ALL {
            assert_eq!(
                TRANSITIONS.iter().filter(|t| t.action == *action).count(),
                1,
                "{action:?}"
            );
        }
    }

    #[test]
    fn opening_the_ballots_waits_for_the_attendance_and_the_quorum() {
        let mut planned = facts(M::Planned);
        planned.attendance_recorded = false;
        let open = |f: &Facts| {
            allowed_actions(f)
                .into_iter()
                .find(|a| a.action == MeetingAction::OpenBallots)
        };
        assert!(open(&planned).and_then(|a| a.disabled_reason).is_some());
        planned.attendance_recorded = true;
        planned.quorum_shortfall = Some("Có mặt 2/6 thành viên".into());
        assert_eq!(
            open(&planned).and_then(|a| a.disabled_reason).as_deref(),
            Some("Có mặt 2/6 thành viên")
        );
        planned.quorum_shortfall = None;
        assert_eq!(open(&planned).map(|a| a.disabled_reason), Some(None));
    }

    #[test]
    fn a_manager_who_does_not_run_the_ballots_cannot_close_them() {
        let voting = facts(M::Voting);
        assert!(allowed_actions(&voting).is_empty());
        assert!(authorize(&voting, MeetingAction::CloseBallots).is_err());
        let runner = Facts {
            runs_ballots: true,
            ..voting
        };
        let actions: Vec<MeetingAction> = allowed_actions(&runner)
            .into_iter()
            .map(|a| a.action)
            .collect();
        assert_eq!(
            actions,
            [
                MeetingAction::RecordWrittenVote,
                MeetingAction::CloseBallots
            ]
        );
    }
}
