//! Secret ballots of the council, one per nominee at a meeting.
//!
//! Secrecy by construction: who has voted is in `ballot_voters` (member, in person or in
//! writing, a declared conflict), what was chosen is in `ballot_choices` (a random id, the
//! ballot, the choice), with no member, no time and no order linking the two. No endpoint lists
//! choices, the audit says only that a vote was cast, and counts are computed and shown only
//! once the ballot is closed. A member whose unit is the nominee's must abstain (conflict of
//! interest, recorded); a written vote of an absent member is entered by the meeting's secretary
//! and counts like any other, where the share is counted on the whole membership.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

use super::council::{CouncilRow, MeetingRow, MemberRow};
use super::types::{
    BallotChoice, BallotStatus, MeetingStatus, VoteDenominator, VoteMode, VoteResult,
};
use crate::db::DbConnection;
use crate::db::schema::{ballot_choices, ballot_voters, ballots, meeting_attendance};
use crate::documents::official::Threshold;
use crate::error::{AppError, AppResult, ErrorCode};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = ballots)]
pub struct BallotRow {
    pub id: i64,
    pub meeting_id: i64,
    pub proposal_id: i64,
    pub nominee_id: i64,
    pub status: BallotStatus,
    pub threshold_percent: i32,
    pub threshold_strict: bool,
    pub denominator: VoteDenominator,
    pub members_total: i32,
    pub members_present: i32,
    pub approve: Option<i32>,
    pub reject: Option<i32>,
    pub abstain: Option<i32>,
    pub result: Option<VoteResult>,
    pub opened_at: NaiveDateTime,
    pub closed_at: Option<NaiveDateTime>,
}

impl BallotRow {
    pub fn threshold(&self) -> Threshold {
        Threshold {
            percent: u32::try_from(self.threshold_percent).unwrap_or(100),
            strict: self.threshold_strict,
        }
    }

    /// What the share of approvals is counted on.
    pub fn base(&self) -> u64 {
        let base = match self.denominator {
            VoteDenominator::AllMembers => self.members_total,
            VoteDenominator::MembersPresent => self.members_present,
        };
        u64::try_from(base).unwrap_or(0)
    }
}

/// A vote as a member casts it.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct VoteInput {
    pub choice: BallotChoice,
    /// The member declares a conflict of interest (and so must abstain). A member of the
    /// nominee's unit is in conflict whatever they declare.
    #[serde(default)]
    pub declare_conflict: bool,
}

/// An absent member's written vote, entered by the meeting's secretary.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct WrittenVoteInput {
    pub member_id: i64,
    pub choice: BallotChoice,
    #[serde(default)]
    pub declare_conflict: bool,
}

/// Whether `present` of `total` members make the council's quorum.
pub fn quorum_met(council: &CouncilRow, present: usize, total: usize) -> bool {
    Threshold {
        percent: u32::try_from(council.quorum_percent).unwrap_or(100),
        strict: council.quorum_strict,
    }
    .met(present as u64, total as u64)
}

pub fn quorum_error(council: &CouncilRow, present: usize, total: usize) -> AppError {
    AppError::new(ErrorCode::QuorumNotMet).with_detail(format!(
        "Có mặt {present}/{total} thành viên; cần {} {}% tổng số thành viên Hội đồng.",
        if council.quorum_strict {
            "trên"
        } else {
            "từ"
        },
        council.quorum_percent
    ))
}

pub fn of_meeting(conn: &mut DbConnection, meeting_id: i64) -> AppResult<Vec<BallotRow>> {
    Ok(ballots::table
        .filter(ballots::meeting_id.eq(meeting_id))
        .order(ballots::id.asc())
        .select(BallotRow::as_select())
        .load(conn)?)
}

pub fn of_proposal(conn: &mut DbConnection, proposal_id: i64) -> AppResult<Vec<BallotRow>> {
    Ok(ballots::table
        .filter(ballots::proposal_id.eq(proposal_id))
        .order(ballots::id.asc())
        .select(BallotRow::as_select())
        .load(conn)?)
}

pub fn find(conn: &mut DbConnection, id: i64) -> AppResult<BallotRow> {
    ballots::table
        .find(id)
        .select(BallotRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::not_found("phiếu bầu"))
}

/// A ballot opened for one nominee.
pub struct NewBallot {
    pub proposal_id: i64,
    pub nominee_id: i64,
    pub threshold_percent: i32,
    pub threshold_strict: bool,
    pub denominator: VoteDenominator,
}

pub fn insert(
    conn: &mut DbConnection,
    meeting: &MeetingRow,
    new: &NewBallot,
    members_total: usize,
    members_present: usize,
    now: NaiveDateTime,
) -> AppResult<()> {
    diesel::insert_into(ballots::table)
        .values((
            ballots::meeting_id.eq(meeting.id),
            ballots::proposal_id.eq(new.proposal_id),
            ballots::nominee_id.eq(new.nominee_id),
            ballots::status.eq(BallotStatus::Open),
            ballots::threshold_percent.eq(new.threshold_percent),
            ballots::threshold_strict.eq(new.threshold_strict),
            ballots::denominator.eq(new.denominator),
            ballots::members_total.eq(i32::try_from(members_total).unwrap_or(i32::MAX)),
            ballots::members_present.eq(i32::try_from(members_present).unwrap_or(i32::MAX)),
            ballots::opened_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// Whether `member` was present at the meeting.
pub fn present_at(
    conn: &mut DbConnection,
    meeting_id: i64,
    member_id: i64,
) -> AppResult<Option<bool>> {
    Ok(meeting_attendance::table
        .find((meeting_id, member_id))
        .select(meeting_attendance::present)
        .first(conn)
        .optional()?)
}

/// Records one vote: that `member` voted (and how it reached the ballot), and, unlinked, the
/// choice. The ballot's row is locked first and must still be open, so that a vote never lands
/// after the count.
pub fn cast(
    conn: &mut DbConnection,
    ballot: &BallotRow,
    member: &MemberRow,
    conflict: bool,
    choice: BallotChoice,
    mode: VoteMode,
) -> AppResult<()> {
    if conflict && choice != BallotChoice::Abstain {
        return Err(AppError::new(ErrorCode::ConflictOfInterest).with_detail(
            "Thành viên thuộc đơn vị của người được đề nghị (hoặc đã khai xung đột lợi ích) phải chọn không biểu quyết.",
        ));
    }
    let still_open = diesel::update(
        ballots::table
            .filter(ballots::id.eq(ballot.id))
            .filter(ballots::status.eq(BallotStatus::Open)),
    )
    .set(ballots::status.eq(BallotStatus::Open))
    .execute(conn)?;
    if still_open == 0 {
        return Err(AppError::new(ErrorCode::Conflict).with_detail("Phiếu bầu đã đóng."));
    }
    diesel::insert_into(ballot_voters::table)
        .values((
            ballot_voters::ballot_id.eq(ballot.id),
            ballot_voters::member_id.eq(member.id),
            ballot_voters::mode.eq(mode),
            ballot_voters::conflict_declared.eq(conflict),
        ))
        .execute(conn)
        .map_err(|error| match error {
            diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                _,
            ) => already_voted(),
            other => other.into(),
        })?;
    diesel::insert_into(ballot_choices::table)
        .values((
            ballot_choices::id.eq(uuid::Uuid::new_v4().to_string()),
            ballot_choices::ballot_id.eq(ballot.id),
            ballot_choices::choice.eq(choice),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn already_voted() -> AppError {
    AppError::new(ErrorCode::AlreadyVoted)
        .with_detail("Thành viên này đã bỏ phiếu cho người được đề nghị này.")
}

/// Who has voted on a ballot: (member id, mode, conflict declared).
pub fn voters(conn: &mut DbConnection, ballot_id: i64) -> AppResult<Vec<(i64, VoteMode, bool)>> {
    Ok(ballot_voters::table
        .filter(ballot_voters::ballot_id.eq(ballot_id))
        .order(ballot_voters::member_id.asc())
        .select((
            ballot_voters::member_id,
            ballot_voters::mode,
            ballot_voters::conflict_declared,
        ))
        .load(conn)?)
}

/// Closes every open ballot of a meeting and counts it: the rows are locked (and marked closed)
/// before the count, so a vote either landed before or is refused.
pub fn close_all(
    conn: &mut DbConnection,
    meeting: &MeetingRow,
    now: NaiveDateTime,
) -> AppResult<Vec<BallotRow>> {
    if meeting.status != MeetingStatus::Voting {
        return Err(AppError::new(ErrorCode::Conflict)
            .with_detail("Cuộc họp chưa mở phiếu bầu hoặc đã kết thúc."));
    }
    diesel::update(
        ballots::table
            .filter(ballots::meeting_id.eq(meeting.id))
            .filter(ballots::status.eq(BallotStatus::Open)),
    )
    .set((
        ballots::status.eq(BallotStatus::Closed),
        ballots::closed_at.eq(Some(now)),
    ))
    .execute(conn)?;
    let rows = of_meeting(conn, meeting.id)?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let counts: Vec<(BallotChoice, i64)> = ballot_choices::table
            .filter(ballot_choices::ballot_id.eq(row.id))
            .group_by(ballot_choices::choice)
            .select((ballot_choices::choice, diesel::dsl::count_star()))
            .load(conn)?;
        let count = |choice: BallotChoice| {
            counts
                .iter()
                .find(|(c, _)| *c == choice)
                .map(|(_, n)| i32::try_from(*n).unwrap_or(i32::MAX))
                .unwrap_or(0)
        };
        let (approve, reject, abstain) = (
            count(BallotChoice::Approve),
            count(BallotChoice::Reject),
            count(BallotChoice::Abstain),
        );
        let passed = row
            .threshold()
            .met(u64::try_from(approve).unwrap_or(0), row.base());
        let result = if passed {
            VoteResult::Passed
        } else {
            VoteResult::Failed
        };
        diesel::update(ballots::table.find(row.id))
            .set((
                ballots::approve.eq(Some(approve)),
                ballots::reject.eq(Some(reject)),
                ballots::abstain.eq(Some(abstain)),
                ballots::result.eq(Some(result)),
            ))
            .execute(conn)?;
        out.push(BallotRow {
            approve: Some(approve),
            reject: Some(reject),
            abstain: Some(abstain),
            result: Some(result),
            status: BallotStatus::Closed,
            closed_at: Some(now),
            ..row
        });
    }
    Ok(out)
}
