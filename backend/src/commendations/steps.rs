//! The effects of the workflow's steps. [`super::workflow`] decides whether a step is allowed;
//! this module checks the step's own input, makes it in one compare-and-set on the proposal
//! (children after it), and writes it on the timeline. Numbers come from the registers inside the
//! same transaction, before the compare-and-set: a step that loses the race gives its number back
//! with its rollback, so numbers stay consecutive.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::catalogue::{self, AwardFormRow};
use super::detail;
use super::eligibility;
use super::facts::{self, FactSource, TitleRecordInput};
use super::proposals::{self, NomineeRow, ProposalRow};
use super::registers::{self, EntryStatus, NewEntry, RegisterKind};
use super::salary;
use super::settings;
use super::timeline;
use super::types::{NomineeOutcome, NomineeReview, ProposalState};
use super::workflow::{self, NoteRule, ProposalAction};
use crate::auth::Principal;
use crate::db::DbConnection;
use crate::db::schema::{commendation_nominees, commendation_proposals};
use crate::error::{AppError, AppResult, FieldError};
use crate::http::etag::IfMatch;
use crate::time::{Day, local_date, local_day_start_utc};
use crate::versioned_update;

/// A step with an optional note (required to return or reject).
#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct StepNote {
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub note: Option<String>,
}

/// The Office's verdict on one nominee.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NomineeVerdict {
    pub nominee_id: i64,
    pub eligible: bool,
    /// Required when not eligible.
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub reason: Option<String>,
}

/// The review: every nominee found eligible or not (with a reason); at least one eligible.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReviewInput {
    #[validate(length(min = 1, max = 100), nested)]
    #[schema(min_items = 1, max_items = 100)]
    pub nominees: Vec<NomineeVerdict>,
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub note: Option<String>,
}

/// When the notice runs. Default: from now for the form's (or the settings') number of working
/// days; a later end may be chosen, never an earlier one.
#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NoticeInput {
    /// Today or later (Vietnam time); default today.
    pub starts_on: Option<Day>,
    /// The last day of the notice; at least the required working days after the start.
    pub ends_on: Option<Day>,
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub note: Option<String>,
}

/// The decision on one nominee.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NomineeDecision {
    pub nominee_id: i64,
    pub approved: bool,
    /// Required when not approved.
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub reason: Option<String>,
}

/// The leader's decision: who is awarded, the date and signer; the number comes from the
/// register (a reserved one, or the next).
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = ProposalDecisionInput)]
pub struct DecisionInput {
    /// Not after today.
    pub decided_on: Day,
    /// "KT. GIÁM ĐỐC" when a deputy signs.
    #[validate(length(max = 100))]
    #[schema(max_length = 100)]
    pub signer_authority: Option<String>,
    #[validate(length(min = 2, max = 100))]
    #[schema(min_length = 2, max_length = 100, example = "PHÓ GIÁM ĐỐC")]
    pub signer_title: String,
    #[validate(length(min = 2, max = 200))]
    #[schema(min_length = 2, max_length = 200, example = "Nguyễn Tấn Phong")]
    pub signer_name: String,
    /// A number reserved in the QĐ register of the decision's year.
    pub reserved_number_id: Option<i64>,
    /// Every nominee still in the running, approved or not.
    #[validate(length(min = 1, max = 100), nested)]
    #[schema(min_items = 1, max_items = 100)]
    pub nominees: Vec<NomineeDecision>,
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub note: Option<String>,
}

/// Forwarding to the higher authority with the Department's tờ trình.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ForwardInput {
    /// The tờ trình's date; not after today.
    pub forwarded_on: Day,
    /// A number reserved in the TTr register of that year.
    pub reserved_number_id: Option<i64>,
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub note: Option<String>,
}

/// The higher authority's decision, per nominee.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OutcomeInput {
    /// "1234/QĐ-UBND".
    #[validate(length(min = 2, max = 100))]
    #[schema(min_length = 2, max_length = 100, example = "1234/QĐ-UBND")]
    pub decision_number: String,
    /// Not after today.
    pub decision_date: Day,
    #[validate(length(min = 1, max = 100), nested)]
    #[schema(min_items = 1, max_items = 100)]
    pub nominees: Vec<NomineeDecision>,
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub note: Option<String>,
}

/// The awards were handed over.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AwardedInput {
    /// Not after today, not before the decision.
    pub awarded_on: Day,
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub note: Option<String>,
}

/// One requested step.
#[derive(Debug, Clone)]
pub enum Step {
    Submit(StepNote),
    Receive(StepNote),
    Return(StepNote),
    Review(ReviewInput),
    StartNotice(NoticeInput),
    SendToCouncil(StepNote),
    SendToDecision(StepNote),
    CloseNotice(StepNote),
    Approve(DecisionInput),
    Reject(StepNote),
    Forward(ForwardInput),
    RecordOutcome(OutcomeInput),
    MarkAwarded(AwardedInput),
}

fn clean(note: &Option<String>) -> Option<&str> {
    note.as_deref().map(str::trim).filter(|n| !n.is_empty())
}

impl Step {
    pub fn action(&self) -> ProposalAction {
        match self {
            Step::Submit(_) => ProposalAction::Submit,
            Step::Receive(_) => ProposalAction::Receive,
            Step::Return(_) => ProposalAction::Return,
            Step::Review(_) => ProposalAction::Review,
            Step::StartNotice(_) => ProposalAction::StartNotice,
            Step::SendToCouncil(_) => ProposalAction::SendToCouncil,
            Step::SendToDecision(_) => ProposalAction::SendToDecision,
            Step::CloseNotice(_) => ProposalAction::CloseNotice,
            Step::Approve(_) => ProposalAction::Approve,
            Step::Reject(_) => ProposalAction::Reject,
            Step::Forward(_) => ProposalAction::Forward,
            Step::RecordOutcome(_) => ProposalAction::RecordOutcome,
            Step::MarkAwarded(_) => ProposalAction::MarkAwarded,
        }
    }

    pub fn note(&self) -> Option<&str> {
        match self {
            Step::Submit(n)
            | Step::Receive(n)
            | Step::Return(n)
            | Step::SendToCouncil(n)
            | Step::SendToDecision(n)
            | Step::CloseNotice(n)
            | Step::Reject(n) => clean(&n.note),
            Step::Review(r) => clean(&r.note),
            Step::StartNotice(n) => clean(&n.note),
            Step::Approve(d) => clean(&d.note),
            Step::Forward(f) => clean(&f.note),
            Step::RecordOutcome(o) => clean(&o.note),
            Step::MarkAwarded(a) => clean(&a.note),
        }
    }

    pub fn validate(&self) -> AppResult<()> {
        let result = match self {
            Step::Submit(n)
            | Step::Receive(n)
            | Step::Return(n)
            | Step::SendToCouncil(n)
            | Step::SendToDecision(n)
            | Step::CloseNotice(n)
            | Step::Reject(n) => n.validate(),
            Step::Review(r) => r.validate(),
            Step::StartNotice(n) => n.validate(),
            Step::Approve(d) => d.validate(),
            Step::Forward(f) => f.validate(),
            Step::RecordOutcome(o) => o.validate(),
            Step::MarkAwarded(a) => a.validate(),
        };
        result.map_err(AppError::from)
    }
}

fn not_after_today(field: &str, day: NaiveDate, today: NaiveDate) -> AppResult<()> {
    if day > today {
        return Err(AppError::field(
            field,
            "range",
            "Ngày không được sau hôm nay.",
        ));
    }
    Ok(())
}

/// Checks that `listed` names each of `expected` exactly once and nothing else.
fn covers(field: &str, listed: &[i64], expected: &[i64]) -> AppResult<()> {
    let mut errors = Vec::new();
    for (index, id) in listed.iter().enumerate() {
        if !expected.contains(id) {
            errors.push(FieldError::new(
                format!("{field}[{index}].nomineeId"),
                "unknown",
                "Không phải tập thể, cá nhân cần quyết định của hồ sơ này.",
            ));
        } else if listed.iter().filter(|x| *x == id).count() > 1 {
            errors.push(FieldError::new(
                format!("{field}[{index}].nomineeId"),
                "duplicate",
                "Ghi mỗi người một lần.",
            ));
        }
    }
    if expected.iter().any(|id| !listed.contains(id)) {
        errors.push(FieldError::new(
            field,
            "incomplete",
            "Cần ghi kết quả cho từng tập thể, cá nhân.",
        ));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::validation(errors))
    }
}

fn set_nominee(
    conn: &mut DbConnection,
    id: i64,
    outcome: NomineeOutcome,
    reason: Option<&str>,
    reward: Option<i64>,
) -> AppResult<()> {
    diesel::update(commendation_nominees::table.find(id))
        .set((
            commendation_nominees::outcome.eq(outcome),
            commendation_nominees::outcome_reason.eq(reason),
            commendation_nominees::reward_amount.eq(reward),
        ))
        .execute(conn)?;
    Ok(())
}

/// Records the titles a decision awarded, as facts for later eligibility checks.
fn record_titles(
    conn: &mut DbConnection,
    row: &ProposalRow,
    form: &AwardFormRow,
    nominees: &[&NomineeRow],
    decision_ref: &str,
    decided_on: NaiveDate,
    now: NaiveDateTime,
) -> AppResult<()> {
    for n in nominees {
        let input = TitleRecordInput {
            subject_kind: n.subject_kind,
            full_name: n.full_name.clone(),
            unit_id: n.unit_id,
            workplace: Some(n.workplace.clone()),
            exemplar_id: n.exemplar_id,
            title_code: form.code.clone(),
            year: row.year,
            commendation_type: row.commendation_type,
            decision_ref: Some(decision_ref.to_owned()),
            decided_on: Some(Day(decided_on)),
        };
        facts::insert_title(conn, now, &input, FactSource::Decision, Some(row.id))?;
    }
    Ok(())
}

/// The outcome of each nominee decided by `decisions`; those not in the running are rejected
/// with the reason they dropped out. Answers the approved rows.
fn decide_nominees<'a>(
    conn: &mut DbConnection,
    nominees: &'a [NomineeRow],
    decisions: &[NomineeDecision],
    reward: impl Fn(&NomineeRow) -> Option<i64>,
) -> AppResult<Vec<&'a NomineeRow>> {
    let mut approved = Vec::new();
    for nominee in nominees {
        if !nominee.in_running() {
            let reason = if nominee.review == NomineeReview::NotEligible {
                "Không đủ điều kiện khi thẩm định."
            } else {
                "Không đạt tỷ lệ phiếu đồng ý của Hội đồng."
            };
            set_nominee(
                conn,
                nominee.id,
                NomineeOutcome::Rejected,
                Some(reason),
                None,
            )?;
            continue;
        }
        let Some(decision) = decisions.iter().find(|d| d.nominee_id == nominee.id) else {
            continue;
        };
        if decision.approved {
            set_nominee(
                conn,
                nominee.id,
                NomineeOutcome::Approved,
                None,
                reward(nominee),
            )?;
            approved.push(nominee);
        } else {
            set_nominee(
                conn,
                nominee.id,
                NomineeOutcome::Rejected,
                clean(&decision.reason),
                None,
            )?;
        }
    }
    Ok(approved)
}

fn check_decisions(
    field: &str,
    nominees: &[NomineeRow],
    decisions: &[NomineeDecision],
) -> AppResult<()> {
    let running: Vec<i64> = nominees
        .iter()
        .filter(|n| n.in_running())
        .map(|n| n.id)
        .collect();
    let listed: Vec<i64> = decisions.iter().map(|d| d.nominee_id).collect();
    covers(field, &listed, &running)?;
    let mut errors = Vec::new();
    for (index, d) in decisions.iter().enumerate() {
        if !d.approved && clean(&d.reason).is_none() {
            errors.push(FieldError::new(
                format!("{field}[{index}].reason"),
                "required",
                "Ghi lý do không khen thưởng.",
            ));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::validation(errors))
    }
}

/// Takes one workflow step on `row`, which the caller read in this transaction.
pub fn perform(
    conn: &mut DbConnection,
    actor: &Principal,
    row: &ProposalRow,
    if_match: IfMatch,
    now: NaiveDateTime,
    step: &Step,
) -> AppResult<()> {
    let form = catalogue::find_row(conn, row.award_form_id)?;
    let nominees = proposals::nominees_of(conn, row.id)?;
    let mut facts = detail::facts(conn, actor, row, &form, &nominees, now)?;
    if let Step::RecordOutcome(outcome) = step {
        facts.some_approved = Some(outcome.nominees.iter().any(|n| n.approved));
    }
    let transition = workflow::authorize(actor, &facts, step.action())?;
    step.validate()?;
    let expected = if_match.expect(row.version)?;
    let note = step.note();
    if transition.note == NoteRule::Required && note.is_none() {
        return Err(AppError::field("note", "required", "Ghi rõ lý do."));
    }
    let to = transition.to.unwrap_or(row.state);
    let today = local_date(now);
    let id = row.id;
    match step {
        Step::Submit(_) => {
            versioned_update!(
                conn,
                commendation_proposals,
                id,
                expected,
                now,
                (
                    commendation_proposals::state.eq(to),
                    commendation_proposals::return_reason.eq(None::<String>),
                )
            )?;
        }
        Step::Receive(_)
        | Step::SendToCouncil(_)
        | Step::SendToDecision(_)
        | Step::CloseNotice(_) => {
            versioned_update!(
                conn,
                commendation_proposals,
                id,
                expected,
                now,
                (commendation_proposals::state.eq(to))
            )?;
        }
        Step::Return(_) => {
            versioned_update!(
                conn,
                commendation_proposals,
                id,
                expected,
                now,
                (
                    commendation_proposals::state.eq(to),
                    commendation_proposals::return_reason.eq(note)
                )
            )?;
        }
        Step::Review(review) => {
            let all: Vec<i64> = nominees.iter().map(|n| n.id).collect();
            let listed: Vec<i64> = review.nominees.iter().map(|v| v.nominee_id).collect();
            covers("nominees", &listed, &all)?;
            let mut errors = Vec::new();
            for (index, verdict) in review.nominees.iter().enumerate() {
                if !verdict.eligible && clean(&verdict.reason).is_none() {
                    errors.push(FieldError::new(
                        format!("nominees[{index}].reason"),
                        "required",
                        "Ghi lý do không đủ điều kiện.",
                    ));
                }
            }
            if !review.nominees.iter().any(|v| v.eligible) {
                errors.push(FieldError::new(
                    "nominees",
                    "none_eligible",
                    "Cần ít nhất một tập thể, cá nhân đủ điều kiện; nếu không, hãy trả lại hồ sơ.",
                ));
            }
            if !errors.is_empty() {
                return Err(AppError::validation(errors));
            }
            let checks = eligibility::check_proposal(conn, &form, row, &nominees, today)?;
            let eligible: Vec<i64> = review
                .nominees
                .iter()
                .filter(|v| v.eligible)
                .map(|v| v.nominee_id)
                .collect();
            eligibility::ensure_not_blocked(&nominees, &checks, &eligible)?;
            versioned_update!(
                conn,
                commendation_proposals,
                id,
                expected,
                now,
                (commendation_proposals::state.eq(to))
            )?;
            for verdict in &review.nominees {
                diesel::update(commendation_nominees::table.find(verdict.nominee_id))
                    .set((
                        commendation_nominees::review.eq(if verdict.eligible {
                            NomineeReview::Eligible
                        } else {
                            NomineeReview::NotEligible
                        }),
                        commendation_nominees::review_reason.eq(clean(&verdict.reason)),
                    ))
                    .execute(conn)?;
            }
        }
        Step::StartNotice(notice) => {
            let start = notice.starts_on.map(|d| d.0).unwrap_or(today);
            if start < today {
                return Err(AppError::field(
                    "startsOn",
                    "range",
                    "Ngày bắt đầu công khai không trước hôm nay.",
                ));
            }
            let settings = settings::load(conn)?;
            let days = form
                .notice_working_days
                .and_then(|d| u32::try_from(d).ok())
                .unwrap_or(settings.notice_working_days);
            // The start counts when it is a working day itself: N working days end N − 1 after it.
            let earliest_end =
                crate::working_days::WorkingDays::load(conn)?.add(start, days.max(1) - 1);
            let end = match notice.ends_on.map(|d| d.0) {
                Some(end) if end < earliest_end => {
                    return Err(AppError::field(
                        "endsOn",
                        "too_short",
                        format!(
                            "Thời gian công khai tối thiểu {days} ngày làm việc: kết thúc sớm nhất ngày {}.",
                            earliest_end.format("%d/%m/%Y")
                        ),
                    ));
                }
                Some(end) if end > start + Duration::days(366) => {
                    return Err(AppError::field(
                        "endsOn",
                        "range",
                        "Thời gian công khai không quá một năm.",
                    ));
                }
                Some(end) => end,
                None => earliest_end,
            };
            let starts_at = if start == today {
                now
            } else {
                local_day_start_utc(start)
            };
            let ends_at = local_day_start_utc(end + Duration::days(1));
            versioned_update!(
                conn,
                commendation_proposals,
                id,
                expected,
                now,
                (
                    commendation_proposals::state.eq(to),
                    commendation_proposals::notice_starts_at.eq(Some(starts_at)),
                    commendation_proposals::notice_ends_at.eq(Some(ends_at)),
                )
            )?;
        }
        Step::Approve(decision) => {
            let day = decision.decided_on.0;
            not_after_today("decidedOn", day, today)?;
            if day < local_date(row.created_at) {
                return Err(AppError::field(
                    "decidedOn",
                    "range",
                    "Ngày quyết định không trước ngày lập hồ sơ.",
                ));
            }
            check_decisions("nominees", &nominees, &decision.nominees)?;
            let approved_ids: Vec<i64> = decision
                .nominees
                .iter()
                .filter(|d| d.approved)
                .map(|d| d.nominee_id)
                .collect();
            if approved_ids.is_empty() {
                return Err(AppError::field(
                    "nominees",
                    "none_approved",
                    "Quyết định cần khen thưởng ít nhất một tập thể, cá nhân; nếu không, hãy chọn không khen thưởng.",
                ));
            }
            let checks = eligibility::check_proposal(conn, &form, row, &nominees, today)?;
            eligibility::ensure_not_blocked(&nominees, &checks, &approved_ids)?;
            let base = salary::on(conn, day)?;
            let purpose = format!(
                "Quyết định tặng {} (hồ sơ đề nghị số {})",
                form.name, row.id
            );
            let entry = match decision.reserved_number_id {
                Some(reserved) => registers::issue_reserved(
                    conn,
                    reserved,
                    RegisterKind::Qd,
                    day.year(),
                    &purpose,
                    day,
                    now,
                )?,
                None => registers::take(
                    conn,
                    NewEntry {
                        kind: RegisterKind::Qd,
                        year: day.year(),
                        status: EntryStatus::Issued,
                        purpose: &purpose,
                        document_date: Some(day),
                        by: actor.user_id(),
                    },
                    now,
                )?,
            };
            versioned_update!(
                conn,
                commendation_proposals,
                id,
                expected,
                now,
                (
                    commendation_proposals::state.eq(to),
                    commendation_proposals::decision_entry_id.eq(Some(entry.id)),
                    commendation_proposals::decided_on.eq(Some(day)),
                    commendation_proposals::signer_authority.eq(decision
                        .signer_authority
                        .as_deref()
                        .map(str::trim)
                        .filter(|s| !s.is_empty())),
                    commendation_proposals::signer_title.eq(Some(decision.signer_title.trim())),
                    commendation_proposals::signer_name.eq(Some(decision.signer_name.trim())),
                )
            )?;
            let approved = decide_nominees(conn, &nominees, &decision.nominees, |n| {
                form.multiple_for(n.subject_kind)
                    .map(|m| catalogue::reward_amount(base, m))
            })?;
            let reference = format!("Quyết định số {}", entry.text());
            record_titles(conn, row, &form, &approved, &reference, day, now)?;
        }
        Step::Reject(_) => {
            versioned_update!(
                conn,
                commendation_proposals,
                id,
                expected,
                now,
                (
                    commendation_proposals::state.eq(to),
                    commendation_proposals::rejection_reason.eq(note)
                )
            )?;
            for nominee in &nominees {
                set_nominee(conn, nominee.id, NomineeOutcome::Rejected, note, None)?;
            }
        }
        Step::Forward(forward) => {
            let day = forward.forwarded_on.0;
            not_after_today("forwardedOn", day, today)?;
            let purpose = format!(
                "Tờ trình đề nghị tặng {} (hồ sơ đề nghị số {})",
                form.name, row.id
            );
            let entry = match forward.reserved_number_id {
                Some(reserved) => registers::issue_reserved(
                    conn,
                    reserved,
                    RegisterKind::Ttr,
                    day.year(),
                    &purpose,
                    day,
                    now,
                )?,
                None => registers::take(
                    conn,
                    NewEntry {
                        kind: RegisterKind::Ttr,
                        year: day.year(),
                        status: EntryStatus::Issued,
                        purpose: &purpose,
                        document_date: Some(day),
                        by: actor.user_id(),
                    },
                    now,
                )?,
            };
            versioned_update!(
                conn,
                commendation_proposals,
                id,
                expected,
                now,
                (
                    commendation_proposals::state.eq(to),
                    commendation_proposals::forward_entry_id.eq(Some(entry.id)),
                    commendation_proposals::forwarded_on.eq(Some(day)),
                )
            )?;
        }
        Step::RecordOutcome(outcome) => {
            let day = outcome.decision_date.0;
            not_after_today("decisionDate", day, today)?;
            if row.forwarded_on.is_some_and(|f| day < f) {
                return Err(AppError::field(
                    "decisionDate",
                    "range",
                    "Quyết định của cấp trên không trước ngày trình.",
                ));
            }
            check_decisions("nominees", &nominees, &outcome.nominees)?;
            versioned_update!(
                conn,
                commendation_proposals,
                id,
                expected,
                now,
                (
                    commendation_proposals::state.eq(to),
                    commendation_proposals::higher_decision_number
                        .eq(Some(outcome.decision_number.trim())),
                    commendation_proposals::higher_decision_date.eq(Some(day)),
                )
            )?;
            let approved = decide_nominees(conn, &nominees, &outcome.nominees, |_| None)?;
            let reference = format!(
                "Quyết định số {} của {}",
                outcome.decision_number.trim(),
                form.authority.label()
            );
            record_titles(conn, row, &form, &approved, &reference, day, now)?;
        }
        Step::MarkAwarded(awarded) => {
            let day = awarded.awarded_on.0;
            not_after_today("awardedOn", day, today)?;
            if row.decided_on.is_some_and(|d| day < d) {
                return Err(AppError::field(
                    "awardedOn",
                    "range",
                    "Ngày trao tặng không trước ngày quyết định.",
                ));
            }
            versioned_update!(
                conn,
                commendation_proposals,
                id,
                expected,
                now,
                (
                    commendation_proposals::state.eq(to),
                    commendation_proposals::awarded_on.eq(Some(day))
                )
            )?;
        }
    }
    timeline::record(
        conn,
        id,
        actor,
        now,
        step.action().as_str(),
        (Some(row.state), Some(to)),
        note,
    )
}

/// Moves the proposals of a closed meeting on: each from `in_council` to `pending_decision`,
/// its nominees' vote results written, on its timeline.
pub fn after_ballots(
    conn: &mut DbConnection,
    actor: &Principal,
    row: &ProposalRow,
    results: &[(i64, super::types::VoteResult)],
    now: NaiveDateTime,
) -> AppResult<()> {
    if row.state != ProposalState::InCouncil {
        return Err(AppError::new(crate::error::ErrorCode::Conflict)
            .with_detail(format!("Hồ sơ số {} không còn chờ Hội đồng xét.", row.id)));
    }
    versioned_update!(
        conn,
        commendation_proposals,
        row.id,
        row.version,
        now,
        (commendation_proposals::state.eq(ProposalState::PendingDecision))
    )?;
    for (nominee, result) in results {
        diesel::update(commendation_nominees::table.find(nominee))
            .set(commendation_nominees::vote_result.eq(Some(*result)))
            .execute(conn)?;
    }
    let passed = results
        .iter()
        .filter(|(_, r)| *r == super::types::VoteResult::Passed)
        .count();
    let note = format!(
        "Hội đồng đã bỏ phiếu kín: {passed}/{} đạt tỷ lệ đồng ý.",
        results.len()
    );
    timeline::record(
        conn,
        row.id,
        actor,
        now,
        ProposalAction::CloseBallots.as_str(),
        (
            Some(ProposalState::InCouncil),
            Some(ProposalState::PendingDecision),
        ),
        Some(&note),
    )
}
