//! The commendation pipeline as data. [`TRANSITIONS`] says, for each action, from which states,
//! by whom, under which routing condition (the form's requirements decide where a step leads),
//! with which guards (what must be true first) and which note, it moves a proposal to which
//! state. Handlers authorise every step through [`authorize`], every response lists what the
//! caller may do next ([`allowed_actions`], a disabled reason when a guard fails), and the tests
//! and the SPA read the same table (`GET /api/v1/commendation-workflow`).

use serde::Serialize;
use utoipa::ToSchema;

use super::types::ProposalState as S;
use crate::auth::{Principal, Role, policy};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::text_enum;

text_enum!(
    /// Something a person can do to a commendation proposal.
    pub enum ProposalAction {
        /// Replace the proposal's fields and nominees.
        Edit = "edit" / "Sửa hồ sơ",
        /// Delete a draft made by mistake.
        Delete = "delete" / "Xóa hồ sơ",
        /// Attach or remove files (tờ trình, biên bản, báo cáo thành tích, minh chứng).
        Attach = "attach" / "Cập nhật tệp đính kèm",
        /// Send the proposal to the Office (again, after a return).
        Submit = "submit" / "Gửi Văn phòng Sở",
        /// The Office acknowledges receipt.
        Receive = "receive" / "Tiếp nhận",
        /// The Office returns it to the unit, saying why.
        Return = "return" / "Trả lại",
        /// The Office finds each nominee eligible or not (at least one eligible).
        Review = "review" / "Thẩm định",
        /// Publish the eligible nominees for comments.
        StartNotice = "start_notice" / "Công khai lấy ý kiến",
        /// Put it on the council's agenda (a vote, no notice).
        SendToCouncil = "send_to_council" / "Trình Hội đồng",
        /// Put it before the leader (neither notice nor vote needed).
        SendToDecision = "send_to_decision" / "Trình lãnh đạo quyết định",
        /// End the notice once its end has passed.
        CloseNotice = "close_notice" / "Kết thúc công khai",
        /// Close the council's ballots (from the meeting).
        CloseBallots = "close_ballots" / "Kết thúc bỏ phiếu",
        /// The leader decides the award (per nominee), with a number from the register.
        Approve = "approve" / "Quyết định khen thưởng",
        /// The leader decides not to award, saying why.
        Reject = "reject" / "Không khen thưởng",
        /// Send it with a tờ trình to the higher authority that decides it.
        Forward = "forward" / "Trình cấp trên",
        /// Record the higher authority's decision (per nominee).
        RecordOutcome = "record_outcome" / "Ghi nhận kết quả cấp trên",
        /// Record that the awards were handed over.
        MarkAwarded = "mark_awarded" / "Xác nhận đã trao tặng",
    }
);

/// Who may take a step: people of some roles, or the council's standing member or chair of the
/// proposal's year (a membership, not a role). Served as `{"kind": "roles", "roles": [...]}` or
/// `{"kind": "councilSecretary"}`; its schema is written by hand (see the `ToSchema` impl) so that
/// each `kind` value carries its description, as every enum of the contract does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "kind", content = "roles")]
pub enum Actor {
    Roles(&'static [Role]),
    CouncilSecretary,
}

const ACTOR_DESCRIPTION: &str = "Who may take a step: people of some roles, or the council's \
    standing member or chair of the proposal's year (a membership, not a role).\n\n\
    - `roles`: people holding one of the listed roles (in `roles`).\n\
    - `councilSecretary`: the council's standing member or chair of the proposal's year.";

impl utoipa::PartialSchema for Actor {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::Ref;
        use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, OneOfBuilder, Type};
        let kind = |value: &str, meaning: &str| {
            ObjectBuilder::new()
                .schema_type(Type::String)
                .enum_values(Some([value.to_owned()]))
                .description(Some(format!("- `{value}`: {meaning}")))
        };
        let by_roles = ObjectBuilder::new()
            .property(
                "kind",
                kind("roles", "people holding one of the listed roles."),
            )
            .required("kind")
            .property(
                "roles",
                ArrayBuilder::new()
                    .items(Ref::from_schema_name(<Role as utoipa::ToSchema>::name())),
            )
            .required("roles")
            .description(Some("People holding one of the listed roles."));
        let secretary = ObjectBuilder::new()
            .property(
                "kind",
                kind(
                    "councilSecretary",
                    "the council's standing member or chair of the proposal's year.",
                ),
            )
            .required("kind")
            .description(Some(
                "The council's standing member or chair of the proposal's year.",
            ));
        OneOfBuilder::new()
            .item(by_roles)
            .item(secretary)
            .description(Some(ACTOR_DESCRIPTION))
            .into()
    }
}

impl ToSchema for Actor {
    fn name() -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed("ProposalActor")
    }

    fn schemas(
        schemas: &mut Vec<(
            String,
            utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>,
        )>,
    ) {
        schemas.push((
            <Role as ToSchema>::name().into_owned(),
            <Role as utoipa::PartialSchema>::schema(),
        ));
        <Role as ToSchema>::schemas(schemas);
    }
}

/// Which row applies when one action leads to different states: decided by the award form and
/// the commendation type (đột xuất skips notice and vote), never by the caller.
///
/// - `always`: the row always applies.
/// - `notice_required`: the form needs a public notice (and the type is not đột xuất).
/// - `vote_without_notice`: a council vote without a public notice.
/// - `neither_notice_nor_vote`: neither a public notice nor a council vote.
/// - `vote_required`: the form needs a council vote.
/// - `no_vote`: no council vote.
/// - `department_decides`: the Giám đốc Sở decides the form.
/// - `higher_decides`: a higher authority decides it.
/// - `some_approved`: the recorded outcome awards at least one nominee.
/// - `none_approved`: the recorded outcome awards no nominee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Route {
    Always,
    /// The form needs a public notice (and the type is not đột xuất).
    NoticeRequired,
    /// A vote without a notice.
    VoteWithoutNotice,
    /// Neither a notice nor a vote.
    NeitherNoticeNorVote,
    /// The form needs a council vote.
    VoteRequired,
    /// No council vote.
    NoVote,
    /// The Giám đốc Sở decides the form.
    DepartmentDecides,
    /// A higher authority decides it.
    HigherDecides,
    /// The recorded outcome awards at least one nominee.
    SomeApproved,
    /// The recorded outcome awards no nominee.
    NoneApproved,
}

/// What must be true before a step can be taken; a failing guard makes the step disabled, with
/// its reason.
///
/// - `has_nominees`: at least one nominee.
/// - `has_to_trinh`: a tờ trình is attached.
/// - `has_report_unless_ad_hoc`: a báo cáo thành tích is attached (not needed for đột xuất).
/// - `has_summary_if_ad_hoc`: a short summary of the achievement is written (đột xuất).
/// - `notice_ended`: the public notice's end has passed.
/// - `eligible_nominees`: at least one nominee found eligible and not failed by the vote.
/// - `ballots_open`: the meeting's ballots are open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Guard {
    /// At least one nominee.
    HasNominees,
    /// A tờ trình is attached.
    HasToTrinh,
    /// A báo cáo thành tích is attached (not needed for đột xuất).
    HasReportUnlessAdHoc,
    /// A short summary of the achievement is written (đột xuất).
    HasSummaryIfAdHoc,
    /// The notice's end has passed by the clock.
    NoticeEnded,
    /// At least one nominee is still in the running: found eligible at review and not failed
    /// by the council's vote.
    EligibleNominees,
    /// The meeting's ballots are open (council steps).
    BallotsOpen,
}

pub use crate::exemplars::workflow::NoteRule;

/// One row of the table: `action` taken by `actor` on a proposal in one of `from`, when `route`
/// holds, leads to `to` (`null`: stays), once every guard holds.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = ProposalTransition)]
pub struct Transition {
    pub action: ProposalAction,
    pub from: &'static [S],
    pub to: Option<S>,
    pub actor: Actor,
    pub route: Route,
    pub guards: &'static [Guard],
    pub note: NoteRule,
}

const DRAFTERS: &[Role] = &[Role::Office, Role::UnitHead];
const OFFICE: &[Role] = &[Role::Office];
const LEADER: &[Role] = &[Role::Leader];
const SIGNERS: &[Role] = &[Role::Leader, Role::Office];
const EDITABLE: &[S] = &[S::Draft, S::Returned];
const IN_PROGRESS: &[S] = &[
    S::Submitted,
    S::Received,
    S::Reviewed,
    S::InNotice,
    S::InCouncil,
    S::PendingDecision,
    S::Forwarded,
];

const fn row(
    action: ProposalAction,
    from: &'static [S],
    to: Option<S>,
    actor: Actor,
    route: Route,
    guards: &'static [Guard],
    note: NoteRule,
) -> Transition {
    Transition {
        action,
        from,
        to,
        actor,
        route,
        guards,
        note,
    }
}

use Guard as G;
use ProposalAction as A;
use Route as R;

pub const TRANSITIONS: &[Transition] = &[
    row(
        A::Edit,
        EDITABLE,
        None,
        Actor::Roles(DRAFTERS),
        R::Always,
        &[],
        NoteRule::None,
    ),
    row(
        A::Delete,
        &[S::Draft],
        None,
        Actor::Roles(DRAFTERS),
        R::Always,
        &[],
        NoteRule::None,
    ),
    row(
        A::Attach,
        EDITABLE,
        None,
        Actor::Roles(DRAFTERS),
        R::Always,
        &[],
        NoteRule::None,
    ),
    row(
        A::Attach,
        IN_PROGRESS,
        None,
        Actor::Roles(OFFICE),
        R::Always,
        &[],
        NoteRule::None,
    ),
    row(
        A::Submit,
        EDITABLE,
        Some(S::Submitted),
        Actor::Roles(DRAFTERS),
        R::Always,
        &[
            G::HasNominees,
            G::HasToTrinh,
            G::HasReportUnlessAdHoc,
            G::HasSummaryIfAdHoc,
        ],
        NoteRule::Optional,
    ),
    row(
        A::Receive,
        &[S::Submitted],
        Some(S::Received),
        Actor::Roles(OFFICE),
        R::Always,
        &[],
        NoteRule::Optional,
    ),
    row(
        A::Return,
        &[S::Submitted, S::Received],
        Some(S::Returned),
        Actor::Roles(OFFICE),
        R::Always,
        &[],
        NoteRule::Required,
    ),
    row(
        A::Review,
        &[S::Received],
        Some(S::Reviewed),
        Actor::Roles(OFFICE),
        R::Always,
        &[],
        NoteRule::Optional,
    ),
    row(
        A::StartNotice,
        &[S::Reviewed],
        Some(S::InNotice),
        Actor::Roles(OFFICE),
        R::NoticeRequired,
        &[],
        NoteRule::Optional,
    ),
    row(
        A::SendToCouncil,
        &[S::Reviewed],
        Some(S::InCouncil),
        Actor::Roles(OFFICE),
        R::VoteWithoutNotice,
        &[],
        NoteRule::Optional,
    ),
    row(
        A::SendToDecision,
        &[S::Reviewed],
        Some(S::PendingDecision),
        Actor::Roles(OFFICE),
        R::NeitherNoticeNorVote,
        &[],
        NoteRule::Optional,
    ),
    row(
        A::CloseNotice,
        &[S::InNotice],
        Some(S::InCouncil),
        Actor::Roles(OFFICE),
        R::VoteRequired,
        &[G::NoticeEnded],
        NoteRule::Optional,
    ),
    row(
        A::CloseNotice,
        &[S::InNotice],
        Some(S::PendingDecision),
        Actor::Roles(OFFICE),
        R::NoVote,
        &[G::NoticeEnded],
        NoteRule::Optional,
    ),
    row(
        A::CloseBallots,
        &[S::InCouncil],
        Some(S::PendingDecision),
        Actor::CouncilSecretary,
        R::Always,
        &[G::BallotsOpen],
        NoteRule::None,
    ),
    row(
        A::Approve,
        &[S::PendingDecision],
        Some(S::Approved),
        Actor::Roles(LEADER),
        R::DepartmentDecides,
        &[G::EligibleNominees],
        NoteRule::Optional,
    ),
    row(
        A::Reject,
        &[S::PendingDecision],
        Some(S::Rejected),
        Actor::Roles(LEADER),
        R::Always,
        &[],
        NoteRule::Required,
    ),
    row(
        A::Forward,
        &[S::PendingDecision],
        Some(S::Forwarded),
        Actor::Roles(SIGNERS),
        R::HigherDecides,
        &[G::EligibleNominees],
        NoteRule::Optional,
    ),
    row(
        A::RecordOutcome,
        &[S::Forwarded],
        Some(S::Awarded),
        Actor::Roles(OFFICE),
        R::SomeApproved,
        &[],
        NoteRule::Optional,
    ),
    row(
        A::RecordOutcome,
        &[S::Forwarded],
        Some(S::Rejected),
        Actor::Roles(OFFICE),
        R::NoneApproved,
        &[],
        NoteRule::Optional,
    ),
    row(
        A::MarkAwarded,
        &[S::Approved],
        Some(S::Awarded),
        Actor::Roles(OFFICE),
        R::Always,
        &[],
        NoteRule::Optional,
    ),
];

/// What the table needs to know about one proposal and its caller.
#[derive(Debug, Clone, Copy, Default)]
pub struct Facts {
    pub unit_id: i64,
    pub state: Option<S>,
    /// The form requires a notice and the type is not đột xuất.
    pub notice_required: bool,
    /// The form requires a vote and the type is not đột xuất.
    pub vote_required: bool,
    pub department_decides: bool,
    pub ad_hoc: bool,
    pub nominees: usize,
    /// Nominees found eligible at review (and not failed by the council).
    pub eligible: usize,
    pub has_to_trinh: bool,
    pub has_report: bool,
    pub has_summary: bool,
    pub notice_ended: bool,
    pub ballots_open: bool,
    /// The caller is the standing member or the chair of the council of the proposal's year.
    pub caller_is_secretary: bool,
    /// Whether the outcome being recorded awards someone (`None`: not known yet, any row).
    pub some_approved: Option<bool>,
}

impl Facts {
    fn state(&self) -> S {
        self.state.unwrap_or(S::Draft)
    }
}

fn route_holds(route: Route, facts: &Facts) -> bool {
    match route {
        R::Always => true,
        R::NoticeRequired => facts.notice_required,
        R::VoteWithoutNotice => facts.vote_required && !facts.notice_required,
        R::NeitherNoticeNorVote => !facts.vote_required && !facts.notice_required,
        R::VoteRequired => facts.vote_required,
        R::NoVote => !facts.vote_required,
        R::DepartmentDecides => facts.department_decides,
        R::HigherDecides => !facts.department_decides,
        R::SomeApproved => facts.some_approved != Some(false),
        R::NoneApproved => facts.some_approved != Some(true),
    }
}

/// Why a guard fails, in Vietnamese, or `None` when it holds.
pub fn guard_failure(guard: Guard, facts: &Facts) -> Option<&'static str> {
    let failed = match guard {
        G::HasNominees => facts.nominees == 0,
        G::HasToTrinh => !facts.has_to_trinh,
        G::HasReportUnlessAdHoc => !facts.ad_hoc && !facts.has_report,
        G::HasSummaryIfAdHoc => facts.ad_hoc && !facts.has_summary,
        G::NoticeEnded => !facts.notice_ended,
        G::EligibleNominees => facts.eligible == 0,
        G::BallotsOpen => !facts.ballots_open,
    };
    failed.then_some(match guard {
        G::HasNominees => "Hồ sơ chưa có tập thể, cá nhân nào được đề nghị.",
        G::HasToTrinh => "Cần đính kèm tờ trình đề nghị khen thưởng của đơn vị.",
        G::HasReportUnlessAdHoc => {
            "Cần đính kèm báo cáo thành tích của tập thể, cá nhân được đề nghị."
        }
        G::HasSummaryIfAdHoc => "Khen thưởng đột xuất cần bản tóm tắt thành tích.",
        G::NoticeEnded => "Chưa hết thời hạn công khai lấy ý kiến.",
        G::EligibleNominees => {
            "Không còn tập thể, cá nhân nào đủ điều kiện (qua thẩm định và kết quả bỏ phiếu)."
        }
        G::BallotsOpen => "Chưa mở phiếu bầu cho hồ sơ này tại cuộc họp của Hội đồng.",
    })
}

fn actor_admits(actor: Actor, principal: &Principal, facts: &Facts) -> bool {
    match actor {
        Actor::Roles(roles) => roles.contains(&principal.role),
        Actor::CouncilSecretary => facts.caller_is_secretary,
    }
}

/// The row that lets `principal` take `action` now, or why not: 403 for a caller the action is
/// not for, 403 outside the unit, 409 in another state or when the form does not lead there,
/// 409 `step_not_ready` when a guard fails.
pub fn authorize(
    principal: &Principal,
    facts: &Facts,
    action: ProposalAction,
) -> AppResult<&'static Transition> {
    let transition = applicable(principal, facts, action)?;
    if let Some(reason) = transition
        .guards
        .iter()
        .find_map(|g| guard_failure(*g, facts))
    {
        return Err(AppError::new(ErrorCode::StepNotReady).with_detail(reason));
    }
    Ok(transition)
}

/// The row for `action` whatever its guards say (see [`authorize`]).
pub fn applicable(
    principal: &Principal,
    facts: &Facts,
    action: ProposalAction,
) -> AppResult<&'static Transition> {
    let for_caller: Vec<&'static Transition> = TRANSITIONS
        .iter()
        .filter(|t| t.action == action && actor_admits(t.actor, principal, facts))
        .collect();
    if for_caller.is_empty() {
        return Err(AppError::forbidden());
    }
    let by_role = for_caller
        .iter()
        .any(|t| matches!(t.actor, Actor::Roles(_)));
    if by_role {
        policy::ensure_unit(principal, Some(facts.unit_id))?;
    }
    let state = facts.state();
    let in_state: Vec<&'static Transition> = for_caller
        .into_iter()
        .filter(|t| t.from.contains(&state))
        .collect();
    if in_state.is_empty() {
        return Err(AppError::new(ErrorCode::Conflict).with_detail(format!(
            "Hồ sơ đang ở trạng thái \"{}\"; không thể {}.",
            state.label(),
            action.label().to_lowercase()
        )));
    }
    in_state
        .into_iter()
        .find(|t| route_holds(t.route, facts))
        .ok_or_else(|| {
            AppError::new(ErrorCode::Conflict).with_detail(format!(
                "Bước \"{}\" không áp dụng cho hồ sơ này: {}",
                action.label(),
                route_explanation(action, facts)
            ))
        })
}

fn route_explanation(action: ProposalAction, facts: &Facts) -> &'static str {
    match action {
        A::StartNotice if facts.ad_hoc => "khen thưởng đột xuất không công khai lấy ý kiến.",
        A::StartNotice => "hình thức khen thưởng này không yêu cầu công khai.",
        A::SendToCouncil if facts.notice_required => {
            "hồ sơ phải công khai lấy ý kiến trước khi trình Hội đồng."
        }
        A::SendToCouncil => {
            "hình thức khen thưởng này (hoặc khen thưởng đột xuất) không cần Hội đồng bỏ phiếu."
        }
        A::SendToDecision => "hồ sơ còn phải công khai hoặc được Hội đồng bỏ phiếu trước.",
        A::Approve => "hình thức này do cấp trên quyết định; hãy trình cấp trên.",
        A::Forward => "hình thức này do Giám đốc Sở quyết định.",
        _ => "điều kiện của hình thức khen thưởng không phù hợp.",
    }
}

/// An action the caller may take now, or could take once `disabledReason` is resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = ProposalAllowedAction)]
pub struct AllowedAction {
    pub action: ProposalAction,
    /// The state it leads to (`null`: the proposal stays where it is).
    pub to_state: Option<S>,
    /// Why it cannot be done yet, in Vietnamese.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disabled_reason: Option<String>,
}

/// What `principal` may do to the proposal now, in the table's order, each action once.
pub fn allowed_actions(principal: &Principal, facts: &Facts) -> Vec<AllowedAction> {
    let mut out: Vec<AllowedAction> = Vec::new();
    for action in ProposalAction::ALL.iter().copied() {
        let Ok(transition) = applicable(principal, facts, action) else {
            continue;
        };
        if out.iter().any(|a| a.action == action) {
            continue;
        }
        // Where a recorded outcome leads depends on the outcome: say nothing yet.
        let to_state = match action {
            A::RecordOutcome => None,
            _ => transition.to,
        };
        out.push(AllowedAction {
            action,
            to_state,
            disabled_reason: transition
                .guards
                .iter()
                .find_map(|g| guard_failure(*g, facts))
                .map(str::to_owned),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::Rule;
    use crate::auth::roles::{
        CommendationOffice, DecideCommendations, DraftProposals, People, Review,
    };
    use crate::commendations::types::ProposalState;

    /// The endpoint's `Auth<Rule>` admits at least the roles the table names for its action.
    #[test]
    fn the_table_agrees_with_the_endpoint_rules() {
        let rule_of = |action: ProposalAction| -> &'static [Role] {
            match action {
                A::Edit | A::Delete | A::Submit => DraftProposals::ROLES,
                A::Attach => DraftProposals::ROLES,
                A::Receive
                | A::Return
                | A::Review
                | A::StartNotice
                | A::SendToCouncil
                | A::SendToDecision
                | A::CloseNotice
                | A::RecordOutcome
                | A::MarkAwarded => CommendationOffice::ROLES,
                A::Approve | A::Reject => DecideCommendations::ROLES,
                A::Forward => Review::ROLES,
                A::CloseBallots => People::ROLES,
            }
        };
        for transition in TRANSITIONS {
            if let Actor::Roles(roles) = transition.actor {
                for role in roles {
                    assert!(
                        rule_of(transition.action).contains(role),
                        "{:?} lists {:?}, which its endpoint does not admit",
                        transition.action,
                        role
                    );
                }
            }
        }
        for action in ProposalAction::ALL {
            assert!(
                TRANSITIONS.iter().any(|t| t.action == *action),
                "{action:?} has no transition"
            );
        }
    }

    /// Every state but the ends has a way on, and the ends have none.
    #[test]
    fn every_state_leads_somewhere_until_the_end() {
        for state in ProposalState::ALL {
            let moves = TRANSITIONS
                .iter()
                .any(|t| t.from.contains(state) && t.to.is_some());
            let end = matches!(state, S::Rejected | S::Awarded);
            assert_eq!(moves, !end, "{state:?}");
        }
    }

    /// For each combination of requirements, each state has exactly one way on per action.
    #[test]
    fn routes_never_overlap() {
        for notice in [false, true] {
            for vote in [false, true] {
                for department in [false, true] {
                    for approved in [Some(true), Some(false)] {
                        let facts = Facts {
                            notice_required: notice,
                            vote_required: vote,
                            department_decides: department,
                            some_approved: approved,
                            ..Facts::default()
                        };
                        for state in ProposalState::ALL {
                            for action in ProposalAction::ALL {
                                let rows = TRANSITIONS
                                    .iter()
                                    .filter(|t| {
                                        t.action == *action
                                            && t.from.contains(state)
                                            && route_holds(t.route, &facts)
                                            && t.to.is_some()
                                    })
                                    .count();
                                assert!(rows <= 1, "{state:?} {action:?}");
                            }
                        }
                    }
                }
            }
        }
    }
}
