//! A council meeting as its members and the Office see it: the agenda, the attendance and the
//! quorum, and each ballot with who has voted (never how) and, once closed, its tally.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::ballot::{self, BallotRow};
use super::council::{self, MeetingRow, MemberRow};
use super::meeting_workflow::{AllowedAction, Facts, allowed_actions};
use super::proposals;
use super::registers;
use super::types::{
    BallotStatus, CouncilRole, MeetingStatus, ProposalState, VoteDenominator, VoteMode, VoteResult,
};
use crate::auth::Principal;
use crate::db::DbConnection;
use crate::db::schema::{award_forms, commendation_proposals, units};
use crate::error::AppResult;

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AgendaItem {
    pub proposal_id: i64,
    pub title: String,
    pub unit_name: String,
    pub award_form_name: String,
    pub state: ProposalState,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AttendanceView {
    pub member_id: i64,
    pub full_name: String,
    pub role: CouncilRole,
    pub title: String,
    /// `null`: not recorded yet.
    pub present: Option<bool>,
    pub absence_reason: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct QuorumView {
    pub percent: i32,
    pub strict: bool,
    pub present: usize,
    pub total: usize,
    pub met: bool,
}

/// Who has voted on a ballot (how they voted is never shown).
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct VoterView {
    pub member_id: i64,
    pub full_name: String,
    pub mode: VoteMode,
    /// A conflict of interest was declared (the member abstained, as the rules require).
    pub conflict_declared: bool,
}

/// The count of a closed ballot.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TallyView {
    pub approve: i32,
    pub reject: i32,
    pub abstain: i32,
    /// What the share is counted on (members, or members present).
    pub base: u64,
    /// "77,78%".
    pub approval_share: String,
    pub result: VoteResult,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct BallotView {
    pub id: i64,
    pub proposal_id: i64,
    pub nominee_id: i64,
    pub nominee_name: String,
    pub workplace: String,
    pub status: BallotStatus,
    pub threshold_percent: i32,
    pub threshold_strict: bool,
    pub denominator: VoteDenominator,
    pub members_total: i32,
    pub members_present: i32,
    pub voters_count: usize,
    pub voters: Vec<VoterView>,
    /// Only once the ballot is closed.
    pub tally: Option<TallyView>,
    /// The caller has voted on it.
    pub caller_has_voted: bool,
    /// The caller belongs to the nominee's unit and must abstain.
    pub caller_must_abstain: bool,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CouncilRef {
    pub id: i64,
    pub year: i32,
    pub name: String,
}

/// The caller's place at the meeting.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CallerView {
    /// The caller's membership of the council, if any.
    pub member_id: Option<i64>,
    /// The caller may manage the meeting (Office, chair, standing member).
    pub manages: bool,
    /// The caller may close the ballots and enter written votes (the meeting's secretary or
    /// chair, or the standing member).
    pub runs_ballots: bool,
    pub present: Option<bool>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Meeting {
    pub id: i64,
    pub council: CouncilRef,
    pub subject: String,
    pub meets_at: DateTime<Utc>,
    pub venue: String,
    pub chair_member_id: i64,
    pub secretary_member_id: i64,
    pub status: MeetingStatus,
    pub content: Option<String>,
    pub conclusions: Option<String>,
    /// The minutes' number: "03/BB-HĐTĐKT".
    pub minutes_number: Option<String>,
    pub ended_at: Option<DateTime<Utc>>,
    pub agenda: Vec<AgendaItem>,
    pub attendance: Vec<AttendanceView>,
    pub quorum: QuorumView,
    pub ballots: Vec<BallotView>,
    pub caller: CallerView,
    /// What the caller may do to the meeting now (`GET /api/v1/council-meeting-workflow` has the
    /// whole table).
    pub allowed_actions: Vec<AllowedAction>,
    pub version: i32,
}

/// The meeting and the caller's place in it, as the workflow table reads them.
pub fn facts(conn: &mut DbConnection, principal: &Principal, row: &MeetingRow) -> AppResult<Facts> {
    let council_row = council::find_council(conn, row.council_id)?;
    let member = council::membership(conn, principal, row.council_id)?;
    let active = council::active_members(conn, row.council_id)?;
    let attendance = council::attendance_of(conn, row.id)?;
    let present = attendance
        .iter()
        .filter(|(id, present, _)| *present && active.iter().any(|m| m.id == *id))
        .count();
    Ok(facts_of(
        principal,
        row,
        member.as_ref(),
        &council_row,
        (present, active.len()),
        !attendance.is_empty(),
    ))
}

/// [`Facts`] from what is already loaded: the caller's membership, the council, how many active
/// members are present of how many, and whether the attendance is recorded.
fn facts_of(
    principal: &Principal,
    row: &MeetingRow,
    member: Option<&MemberRow>,
    council_row: &council::CouncilRow,
    (present, total): (usize, usize),
    attendance_recorded: bool,
) -> Facts {
    let chair_or_standing =
        member.is_some_and(|m| matches!(m.role, CouncilRole::Chair | CouncilRole::Standing));
    Facts {
        status: row.status,
        is_member: member.is_some(),
        manages: chair_or_standing || council::manages(principal),
        runs_ballots: runs_ballots(row, member),
        attendance_recorded,
        quorum_shortfall: (!ballot::quorum_met(council_row, present, total)).then(|| {
            ballot::quorum_error(council_row, present, total)
                .detail
                .map(|d| d.into_owned())
                .unwrap_or_default()
        }),
    }
}

/// Whether the caller may close this meeting's ballots and enter written votes.
pub fn runs_ballots(meeting: &MeetingRow, member: Option<&MemberRow>) -> bool {
    meeting.run_by(member) || member.is_some_and(|m| m.role == CouncilRole::Standing)
}

/// The conflict rule: a member abstains on nominees of their own unit.
pub fn in_conflict(member: &MemberRow, nominee_unit: Option<i64>, proposal_unit: i64) -> bool {
    member
        .unit_id
        .is_some_and(|unit| unit == nominee_unit.unwrap_or(proposal_unit))
}

fn ballot_view(
    conn: &mut DbConnection,
    row: &BallotRow,
    members: &[council::CouncilMember],
    caller: Option<&MemberRow>,
) -> AppResult<BallotView> {
    let nominee = proposals::find_nominee(conn, row.nominee_id)?;
    let proposal_unit: i64 = commendation_proposals::table
        .find(row.proposal_id)
        .select(commendation_proposals::unit_id)
        .first(conn)?;
    let voters: Vec<VoterView> = ballot::voters(conn, row.id)?
        .into_iter()
        .map(|(member_id, mode, conflict_declared)| VoterView {
            member_id,
            full_name: members
                .iter()
                .find(|m| m.id == member_id)
                .map(|m| m.full_name.clone())
                .unwrap_or_default(),
            mode,
            conflict_declared,
        })
        .collect();
    let tally = match (row.status, row.approve, row.reject, row.abstain, row.result) {
        (BallotStatus::Closed, Some(approve), Some(reject), Some(abstain), Some(result)) => {
            Some(TallyView {
                approve,
                reject,
                abstain,
                base: row.base(),
                approval_share: crate::documents::official::format_percent(
                    u64::try_from(approve).unwrap_or(0),
                    row.base(),
                ),
                result,
            })
        }
        _ => None,
    };
    Ok(BallotView {
        id: row.id,
        proposal_id: row.proposal_id,
        nominee_id: row.nominee_id,
        caller_has_voted: caller.is_some_and(|m| voters.iter().any(|v| v.member_id == m.id)),
        caller_must_abstain: caller.is_some_and(|m| in_conflict(m, nominee.unit_id, proposal_unit)),
        nominee_name: nominee.full_name,
        workplace: nominee.workplace,
        status: row.status,
        threshold_percent: row.threshold_percent,
        threshold_strict: row.threshold_strict,
        denominator: row.denominator,
        members_total: row.members_total,
        members_present: row.members_present,
        voters_count: voters.len(),
        voters,
        tally,
    })
}

pub fn ballot(
    conn: &mut DbConnection,
    principal: &Principal,
    row: &BallotRow,
) -> AppResult<BallotView> {
    let meeting = council::find_meeting(conn, row.meeting_id)?;
    let member = council::membership(conn, principal, meeting.council_id)?;
    let members = council::members_of(conn, meeting.council_id)?;
    ballot_view(conn, row, &members, member.as_ref())
}

pub fn meeting(
    conn: &mut DbConnection,
    principal: &Principal,
    row: &MeetingRow,
) -> AppResult<Meeting> {
    let council_row = council::find_council(conn, row.council_id)?;
    let member = council::membership(conn, principal, row.council_id)?;
    let members = council::members_of(conn, row.council_id)?;
    let attendance_rows = council::attendance_of(conn, row.id)?;
    let active: Vec<&council::CouncilMember> = members.iter().filter(|m| m.active).collect();
    let attendance: Vec<AttendanceView> = active
        .iter()
        .map(|m| {
            let record = attendance_rows.iter().find(|(id, _, _)| *id == m.id);
            AttendanceView {
                member_id: m.id,
                full_name: m.full_name.clone(),
                role: m.role,
                title: m.title.clone(),
                present: record.map(|(_, p, _)| *p),
                absence_reason: record.and_then(|(_, _, r)| r.clone()),
            }
        })
        .collect();
    let present = attendance
        .iter()
        .filter(|a| a.present == Some(true))
        .count();
    let total = active.len();
    let agenda_ids = council::agenda_of(conn, row.id)?;
    let agenda_rows: Vec<(i64, String, ProposalState, String, String)> =
        commendation_proposals::table
            .inner_join(units::table)
            .inner_join(award_forms::table)
            .filter(commendation_proposals::id.eq_any(&agenda_ids))
            .select((
                commendation_proposals::id,
                commendation_proposals::title,
                commendation_proposals::state,
                units::name,
                award_forms::name,
            ))
            .load(conn)?;
    // In the agenda's order.
    let agenda: Vec<AgendaItem> = agenda_ids
        .iter()
        .filter_map(|id| agenda_rows.iter().find(|r| r.0 == *id))
        .map(
            |(proposal_id, title, state, unit_name, form_name)| AgendaItem {
                proposal_id: *proposal_id,
                title: title.clone(),
                unit_name: unit_name.clone(),
                award_form_name: form_name.clone(),
                state: *state,
            },
        )
        .collect();
    let mut ballots = Vec::new();
    for b in ballot::of_meeting(conn, row.id)? {
        ballots.push(ballot_view(conn, &b, &members, member.as_ref())?);
    }
    let minutes_number = registers::find_opt(conn, row.minutes_entry_id)?.map(|e| e.text());
    let facts = facts_of(
        principal,
        row,
        member.as_ref(),
        &council_row,
        (present, total),
        !attendance_rows.is_empty(),
    );
    Ok(Meeting {
        id: row.id,
        council: CouncilRef {
            id: council_row.id,
            year: council_row.year,
            name: council_row.name.clone(),
        },
        subject: row.subject.clone(),
        meets_at: row.meets_at.and_utc(),
        venue: row.venue.clone(),
        chair_member_id: row.chair_member_id,
        secretary_member_id: row.secretary_member_id,
        status: row.status,
        content: row.content.clone(),
        conclusions: row.conclusions.clone(),
        minutes_number,
        ended_at: row.ended_at.map(|t| t.and_utc()),
        agenda,
        quorum: QuorumView {
            percent: council_row.quorum_percent,
            strict: council_row.quorum_strict,
            present,
            total,
            met: ballot::quorum_met(&council_row, present, total),
        },
        attendance: attendance.clone(),
        ballots,
        caller: CallerView {
            member_id: member.as_ref().map(|m| m.id),
            manages: facts.manages,
            runs_ballots: facts.runs_ballots,
            present: member.as_ref().and_then(|m| {
                attendance
                    .iter()
                    .find(|a| a.member_id == m.id)
                    .and_then(|a| a.present)
            }),
        },
        allowed_actions: allowed_actions(&facts),
        version: row.version,
    })
}
