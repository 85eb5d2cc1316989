//! The whole of one proposal, as its page shows it: the form version it is judged by, the
//! nominees with their eligibility checks, review, vote and outcome, the files, the timeline,
//! the meetings, and what the caller may do next.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::ballot;
use super::catalogue::{self, AwardForm, AwardFormRow};
use super::council::{self, MeetingRow};
use super::eligibility::{self, CheckResult};
use super::files::{self, ProposalFile};
use super::occasions::{self, OccasionRef};
use super::proposals::{self, NomineeRow, ProposalRow};
use super::registers;
use super::timeline::{self, ProposalEvent};
use super::types::{
    CommendationType, CouncilRole, MeetingStatus, NomineeOutcome, NomineeReview, ProposalFileKind,
    ProposalState, VoteResult,
};
use super::workflow::{self, AllowedAction, Facts};
use crate::auth::Principal;
use crate::db::DbConnection;
use crate::db::schema::{movements, notice_comments};
use crate::error::AppResult;
use crate::exemplars::types::SubjectKind;
use crate::movements::model::MovementRef;
use crate::units::UnitRef;

/// A nominee of a proposal.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Nominee {
    pub id: i64,
    pub position: i32,
    pub subject_kind: SubjectKind,
    /// The exemplar it was proposed from, if any.
    pub exemplar_id: Option<i64>,
    pub full_name: String,
    pub job_title: Option<String>,
    pub unit_id: Option<i64>,
    pub workplace: String,
    pub member_count: Option<i32>,
    pub members_completed: Option<i32>,
    pub recognised_initiatives: i32,
    pub achievement: String,
    pub review: NomineeReview,
    pub review_reason: Option<String>,
    /// The council's result, once its ballot is closed.
    pub vote_result: Option<VoteResult>,
    pub outcome: NomineeOutcome,
    pub outcome_reason: Option<String>,
    /// Tiền thưởng in đồng, set by the decision (base salary × the form's multiple).
    pub reward_amount: Option<i64>,
    /// The eligibility rules that apply, each with its result and reason (computed now).
    pub checks: Vec<CheckResult>,
}

/// The public notice of a proposal.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NoticeInfo {
    pub starts_at: DateTime<Utc>,
    /// The first instant after the notice (comments are taken until then).
    pub ends_at: DateTime<Utc>,
    /// Whether the end has passed.
    pub ended: bool,
    pub comments_pending: i64,
    pub comments_approved: i64,
    pub comments_rejected: i64,
}

/// The leader's decision.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DecisionInfo {
    /// "05/QĐ-STP".
    pub number: String,
    pub register_entry_id: i64,
    pub decided_on: NaiveDate,
    pub signer_authority: Option<String>,
    pub signer_title: String,
    pub signer_name: String,
    /// The sum of the rewards, in đồng.
    pub total_reward: i64,
}

/// The forwarding to a higher authority and its outcome.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ForwardInfo {
    /// The Department's tờ trình: "12/TTr-STP".
    pub to_trinh_number: String,
    pub register_entry_id: i64,
    pub forwarded_on: Option<NaiveDate>,
    /// The higher authority's decision, once recorded.
    pub higher_decision_number: Option<String>,
    pub higher_decision_date: Option<NaiveDate>,
}

/// A council meeting the proposal is or was on.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MeetingRef {
    pub id: i64,
    pub subject: String,
    pub meets_at: DateTime<Utc>,
    pub status: MeetingStatus,
}

/// A proposal with everything about it.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Proposal {
    pub id: i64,
    pub unit: UnitRef,
    /// The version of the award form it is judged by.
    pub award_form: AwardForm,
    pub commendation_type: CommendationType,
    pub occasion: Option<OccasionRef>,
    pub movement: Option<MovementRef>,
    pub year: i32,
    pub title: String,
    pub summary: Option<String>,
    pub state: ProposalState,
    /// Whether a public notice is part of its procedure (the form's, never for đột xuất).
    pub notice_required: bool,
    /// Whether a council vote is part of its procedure (likewise).
    pub vote_required: bool,
    pub return_reason: Option<String>,
    pub notice: Option<NoticeInfo>,
    pub decision: Option<DecisionInfo>,
    pub rejection_reason: Option<String>,
    pub forward: Option<ForwardInfo>,
    pub awarded_on: Option<NaiveDate>,
    pub nominees: Vec<Nominee>,
    pub attachments: Vec<ProposalFile>,
    pub meetings: Vec<MeetingRef>,
    pub timeline: Vec<ProposalEvent>,
    /// What the caller may do now, in the workflow's order.
    pub allowed_actions: Vec<AllowedAction>,
    pub created_by: Option<i64>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The workflow's facts about a proposal, for `principal` at `now`.
pub fn facts(
    conn: &mut DbConnection,
    principal: &Principal,
    row: &ProposalRow,
    form: &AwardFormRow,
    nominees: &[NomineeRow],
    now: NaiveDateTime,
) -> AppResult<Facts> {
    let kinds: Vec<ProposalFileKind> = files::of(conn, row.id)?
        .into_iter()
        .map(|f| f.kind)
        .collect();
    let ad_hoc = row.commendation_type == CommendationType::AdHoc;
    let voting: Option<MeetingRow> = council::voting_meeting_of(conn, row.id)?;
    let (ballots_open, caller_is_secretary) = match &voting {
        Some(meeting) => {
            let member = council::membership(conn, principal, meeting.council_id)?;
            let runs = meeting.run_by(member.as_ref())
                || member
                    .as_ref()
                    .is_some_and(|m| m.role == CouncilRole::Standing);
            let open = ballot::of_proposal(conn, row.id)?
                .iter()
                .any(|b| b.meeting_id == meeting.id);
            (open, runs)
        }
        None => (false, false),
    };
    Ok(Facts {
        unit_id: row.unit_id,
        state: Some(row.state),
        notice_required: form.requires_notice && !ad_hoc,
        vote_required: form.requires_vote && !ad_hoc,
        department_decides: form.authority.is_department(),
        ad_hoc,
        nominees: nominees.len(),
        eligible: nominees.iter().filter(|n| n.in_running()).count(),
        has_to_trinh: kinds.contains(&ProposalFileKind::ToTrinh),
        has_report: kinds.contains(&ProposalFileKind::BaoCaoThanhTich),
        has_summary: row.summary.as_deref().is_some_and(|s| !s.trim().is_empty()),
        notice_ended: row.notice_ends_at.is_some_and(|end| now >= end),
        ballots_open,
        caller_is_secretary,
        some_approved: None,
    })
}

fn notice_info(
    conn: &mut DbConnection,
    row: &ProposalRow,
    now: NaiveDateTime,
) -> AppResult<Option<NoticeInfo>> {
    let (Some(starts), Some(ends)) = (row.notice_starts_at, row.notice_ends_at) else {
        return Ok(None);
    };
    let counts: Vec<(String, i64)> = notice_comments::table
        .filter(notice_comments::proposal_id.eq(row.id))
        .group_by(notice_comments::status)
        .select((notice_comments::status, diesel::dsl::count_star()))
        .load(conn)?;
    let count = |status: &str| {
        counts
            .iter()
            .find(|(s, _)| s == status)
            .map(|(_, n)| *n)
            .unwrap_or(0)
    };
    Ok(Some(NoticeInfo {
        starts_at: starts.and_utc(),
        ends_at: ends.and_utc(),
        ended: now >= ends,
        comments_pending: count("pending"),
        comments_approved: count("approved"),
        comments_rejected: count("rejected"),
    }))
}

pub fn nominee_view(row: NomineeRow, checks: Vec<CheckResult>) -> Nominee {
    Nominee {
        id: row.id,
        position: row.position,
        subject_kind: row.subject_kind,
        exemplar_id: row.exemplar_id,
        full_name: row.full_name,
        job_title: row.job_title,
        unit_id: row.unit_id,
        workplace: row.workplace,
        member_count: row.member_count,
        members_completed: row.members_completed,
        recognised_initiatives: row.recognised_initiatives,
        achievement: row.achievement,
        review: row.review,
        review_reason: row.review_reason,
        vote_result: row.vote_result,
        outcome: row.outcome,
        outcome_reason: row.outcome_reason,
        reward_amount: row.reward_amount,
        checks,
    }
}

/// One proposal as `principal` may read it, at `now` (the clock's).
pub fn load(
    conn: &mut DbConnection,
    principal: &Principal,
    id: i64,
    now: NaiveDateTime,
) -> AppResult<Proposal> {
    let row = proposals::find_readable(conn, principal, id)?;
    build(conn, principal, row, now)
}

pub fn build(
    conn: &mut DbConnection,
    principal: &Principal,
    row: ProposalRow,
    now: NaiveDateTime,
) -> AppResult<Proposal> {
    let form = catalogue::find_row(conn, row.award_form_id)?;
    let nominee_rows = proposals::nominees_of(conn, row.id)?;
    let today = crate::time::local_date(now);
    let checks = eligibility::check_proposal(conn, &form, &row, &nominee_rows, today)?;
    let facts = facts(conn, principal, &row, &form, &nominee_rows, now)?;
    let unit = crate::units::model::unit_ref(conn, row.unit_id)?
        .ok_or_else(|| crate::error::AppError::internal("the proposal's unit is missing"))?;
    let occasion = match row.occasion_id {
        Some(id) => Some(occasions::find(conn, id)?.reference()),
        None => None,
    };
    let movement = match row.movement_id {
        Some(id) => movements::table
            .find(id)
            .select((movements::id, movements::code, movements::name))
            .first::<(i64, String, String)>(conn)
            .optional()?
            .map(|(id, code, name)| MovementRef { id, code, name }),
        None => None,
    };
    let total_reward: i64 = nominee_rows.iter().filter_map(|n| n.reward_amount).sum();
    let decision = match (
        registers::find_opt(conn, row.decision_entry_id)?,
        row.decided_on,
    ) {
        (Some(entry), Some(decided_on)) => Some(DecisionInfo {
            number: entry.text(),
            register_entry_id: entry.id,
            decided_on,
            signer_authority: row.signer_authority.clone(),
            signer_title: row.signer_title.clone().unwrap_or_default(),
            signer_name: row.signer_name.clone().unwrap_or_default(),
            total_reward,
        }),
        _ => None,
    };
    let forward = registers::find_opt(conn, row.forward_entry_id)?.map(|entry| ForwardInfo {
        to_trinh_number: entry.text(),
        register_entry_id: entry.id,
        forwarded_on: row.forwarded_on,
        higher_decision_number: row.higher_decision_number.clone(),
        higher_decision_date: row.higher_decision_date,
    });
    let meetings = council::meetings_of(conn, row.id)?
        .into_iter()
        .map(|m| MeetingRef {
            id: m.id,
            subject: m.subject,
            meets_at: m.meets_at.and_utc(),
            status: m.status,
        })
        .collect();
    let nominees = nominee_rows
        .into_iter()
        .zip(checks)
        .map(|(n, c)| nominee_view(n, c))
        .collect();
    Ok(Proposal {
        id: row.id,
        unit,
        award_form: form.to_api(),
        commendation_type: row.commendation_type,
        occasion,
        movement,
        year: row.year,
        title: row.title.clone(),
        summary: row.summary.clone(),
        state: row.state,
        notice_required: facts.notice_required,
        vote_required: facts.vote_required,
        return_reason: row.return_reason.clone(),
        notice: notice_info(conn, &row, now)?,
        decision,
        rejection_reason: row.rejection_reason.clone(),
        forward,
        awarded_on: row.awarded_on,
        nominees,
        attachments: files::of(conn, row.id)?,
        meetings,
        timeline: timeline::of(conn, row.id)?,
        allowed_actions: workflow::allowed_actions(principal, &facts),
        created_by: row.created_by,
        version: row.version,
        created_at: row.created_at.and_utc(),
        updated_at: row.updated_at.and_utc(),
    })
}

/// The audit snapshot of a proposal: its fields and nominees, without what the caller may do,
/// the timeline and the computed checks.
pub fn audit_snapshot(proposal: &Proposal) -> Option<serde_json::Value> {
    let mut value = crate::audit::snapshot(proposal)?;
    if let Some(object) = value.as_object_mut() {
        for key in [
            "timeline",
            "allowedActions",
            "attachments",
            "meetings",
            "awardForm",
        ] {
            object.remove(key);
        }
        object.insert("awardFormId".into(), proposal.award_form.id.into());
        if let Some(nominees) = object.get_mut("nominees").and_then(|n| n.as_array_mut()) {
            for nominee in nominees {
                if let Some(n) = nominee.as_object_mut() {
                    n.remove("checks");
                }
            }
        }
    }
    Some(value)
}
