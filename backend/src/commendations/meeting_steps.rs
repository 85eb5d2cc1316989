//! The effects of a council meeting's steps: opening its ballots (one per nominee still in the
//! running, once the attendance makes the quorum) and closing them (the count, each proposal
//! moved on, the minutes numbered). The handlers check who may act; the demo seeder takes the
//! same steps.

use chrono::{Datelike, NaiveDateTime};

use super::ballot::{self, NewBallot};
use super::catalogue;
use super::council::{self, MeetingRow, MemberRow};
use super::detail;
use super::meeting_view::in_conflict;
use super::proposals;
use super::registers::{self, EntryStatus, NewEntry, RegisterKind};
use super::steps;
use super::types::{MeetingStatus, ProposalState, VoteResult};
use crate::audit::{self, AuditAction, AuditContext, EntityType};
use crate::auth::Principal;
use crate::db::DbConnection;
use crate::db::schema::council_meetings;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::versioned_update;

/// Opens a ballot for each nominee still in the running on the agenda of a planned meeting
/// whose attendance makes the quorum; returns how many it opened.
pub fn open_ballots(
    conn: &mut DbConnection,
    meeting: &MeetingRow,
    expected: i32,
    now: NaiveDateTime,
) -> AppResult<usize> {
    council::ensure_planned(meeting)?;
    let council_row = council::find_council(conn, meeting.council_id)?;
    let active = council::active_members(conn, meeting.council_id)?;
    let attendance = council::attendance_of(conn, meeting.id)?;
    if attendance.is_empty() {
        return Err(AppError::new(ErrorCode::StepNotReady)
            .with_detail("Cần ghi thành phần dự họp trước khi mở phiếu bầu."));
    }
    let present = attendance
        .iter()
        .filter(|(id, present, _)| *present && active.iter().any(|m| m.id == *id))
        .count();
    if !ballot::quorum_met(&council_row, present, active.len()) {
        return Err(ballot::quorum_error(&council_row, present, active.len()));
    }
    let mut opened = 0;
    for proposal_id in council::agenda_of(conn, meeting.id)? {
        let proposal = proposals::find_row(conn, proposal_id)?;
        if proposal.state != ProposalState::InCouncil {
            return Err(AppError::new(ErrorCode::Conflict).with_detail(format!(
                "Hồ sơ số {proposal_id} không còn chờ Hội đồng xét."
            )));
        }
        let form = catalogue::find_row(conn, proposal.award_form_id)?;
        for nominee in proposals::nominees_of(conn, proposal_id)?
            .iter()
            .filter(|n| n.in_running())
        {
            ballot::insert(
                conn,
                meeting,
                &NewBallot {
                    proposal_id,
                    nominee_id: nominee.id,
                    threshold_percent: form.vote_threshold_percent,
                    threshold_strict: form.vote_threshold_strict,
                    denominator: form.vote_denominator,
                },
                active.len(),
                present,
                now,
            )?;
            opened += 1;
        }
    }
    if opened == 0 {
        return Err(AppError::new(ErrorCode::StepNotReady)
            .with_detail("Chương trình họp không có ai để bỏ phiếu."));
    }
    versioned_update!(
        conn,
        council_meetings,
        meeting.id,
        expected,
        now,
        (council_meetings::status.eq(MeetingStatus::Voting))
    )?;
    Ok(opened)
}

/// What the minutes add when the ballots close (trimmed; empty is none).
pub struct Minutes<'a> {
    pub content: Option<&'a str>,
    pub conclusions: Option<&'a str>,
}

fn given(text: Option<&str>) -> Option<String> {
    text.map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}

/// Closes and counts every ballot of a meeting, moves each proposal on its agenda to
/// `pending_decision` with its nominees' results (audited with `audit` when given), numbers the
/// minutes from the year's BB register and ends the meeting.
pub fn close_ballots(
    conn: &mut DbConnection,
    actor: &Principal,
    meeting: &MeetingRow,
    expected: i32,
    now: NaiveDateTime,
    minutes: &Minutes<'_>,
    audit: Option<&AuditContext>,
) -> AppResult<()> {
    let ballots = ballot::close_all(conn, meeting, now)?;
    let council_row = council::find_council(conn, meeting.council_id)?;
    let present = ballots.first().map(|b| b.members_present).unwrap_or(0);
    let total = ballots.first().map(|b| b.members_total).unwrap_or(0);
    if !ballot::quorum_met(&council_row, present.max(0) as usize, total.max(0) as usize) {
        return Err(ballot::quorum_error(
            &council_row,
            present.max(0) as usize,
            total.max(0) as usize,
        ));
    }
    for proposal_id in council::agenda_of(conn, meeting.id)? {
        let proposal = proposals::find_row(conn, proposal_id)?;
        let before = match audit {
            Some(_) => Some(detail::build(conn, actor, proposal.clone(), now)?),
            None => None,
        };
        let results: Vec<(i64, VoteResult)> = ballots
            .iter()
            .filter(|b| b.proposal_id == proposal_id)
            .filter_map(|b| b.result.map(|r| (b.nominee_id, r)))
            .collect();
        steps::after_ballots(conn, actor, &proposal, &results, now)?;
        if let (Some(ctx), Some(before)) = (audit, before) {
            let fresh = proposals::find_row(conn, proposal_id)?;
            let after = detail::build(conn, actor, fresh, now)?;
            audit::record(
                conn,
                ctx,
                AuditAction::Transition,
                EntityType::CommendationProposal,
                Some(proposal_id),
                detail::audit_snapshot(&before),
                detail::audit_snapshot(&after),
            )?;
        }
    }
    let day = crate::time::local_date(meeting.meets_at);
    let entry = registers::take(
        conn,
        NewEntry {
            kind: RegisterKind::Bb,
            year: day.year(),
            status: EntryStatus::Issued,
            purpose: &format!("Biên bản họp Hội đồng: {}", meeting.subject),
            document_date: Some(day),
            by: actor.user_id(),
        },
        now,
    )?;
    let content = given(minutes.content).or(meeting.content.clone());
    let conclusions = given(minutes.conclusions);
    versioned_update!(
        conn,
        council_meetings,
        meeting.id,
        expected,
        now,
        (
            council_meetings::status.eq(MeetingStatus::Closed),
            council_meetings::ended_at.eq(Some(now)),
            council_meetings::content.eq(content),
            council_meetings::conclusions.eq(conclusions),
            council_meetings::minutes_entry_id.eq(Some(entry.id)),
        )
    )?;
    Ok(())
}

/// Whether `member` must abstain on the ballot's nominee (a member of the nominee's unit).
pub fn conflict_of(
    conn: &mut DbConnection,
    row: &ballot::BallotRow,
    member: &MemberRow,
) -> AppResult<bool> {
    let nominee = proposals::find_nominee(conn, row.nominee_id)?;
    let proposal = proposals::find_row(conn, row.proposal_id)?;
    Ok(in_conflict(member, nominee.unit_id, proposal.unit_id))
}
