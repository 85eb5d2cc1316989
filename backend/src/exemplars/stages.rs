//! The effects of the workflow's steps: the review of the record (submit, confirm, return) and
//! the four stages (propose, confirm or reject a proposal, move). [`super::workflow`] decides
//! whether a step is allowed; this module makes it, in one compare-and-set on the exemplar,
//! and writes it on the timeline.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

use super::model::ExemplarRow;
use super::records;
use super::timeline::{self, Step};
use super::types::{Stage, TimelineAction};
use super::workflow::{self, ExemplarAction, NoteRule, RecordChange};
use crate::auth::Principal;
use crate::db::DbConnection;
use crate::db::schema::exemplars;
use crate::error::{AppError, AppResult};
use crate::http::etag::IfMatch;
use crate::versioned_update;

/// A requested stage move.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct StageMove {
    pub to_stage: Stage,
    /// Why, or what was done; required when stopping.
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub note: Option<String>,
}

/// A decision with an optional note (confirm), or a required one (reject, return).
#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Decision {
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub note: Option<String>,
}

fn trimmed(note: &Option<String>) -> Option<&str> {
    note.as_deref().map(str::trim).filter(|n| !n.is_empty())
}

impl Decision {
    pub fn note(&self) -> Option<&str> {
        trimmed(&self.note)
    }
}

/// One step of the workflow as requested: the action, its note, and for a stage move the
/// stage it leads to.
#[derive(Debug, Clone, Copy)]
pub struct StepRequest<'a> {
    pub action: ExemplarAction,
    pub note: Option<&'a str>,
    pub to_stage: Option<Stage>,
}

impl<'a> StepRequest<'a> {
    pub fn plain(action: ExemplarAction) -> Self {
        Self {
            action,
            note: None,
            to_stage: None,
        }
    }

    pub fn decision(action: ExemplarAction, decision: &'a Decision) -> Self {
        Self {
            action,
            note: decision.note(),
            to_stage: None,
        }
    }

    pub fn stage_move(action: ExemplarAction, request: &'a StageMove) -> Self {
        Self {
            action,
            note: trimmed(&request.note),
            to_stage: Some(request.to_stage),
        }
    }
}

fn timeline_action(action: ExemplarAction) -> AppResult<TimelineAction> {
    Ok(match action {
        ExemplarAction::Submit => TimelineAction::Submitted,
        ExemplarAction::Confirm => TimelineAction::Confirmed,
        ExemplarAction::Return => TimelineAction::Returned,
        ExemplarAction::ProposeStage => TimelineAction::Proposed,
        ExemplarAction::ConfirmStage | ExemplarAction::MoveStage => TimelineAction::Moved,
        ExemplarAction::RejectStage => TimelineAction::Rejected,
        ExemplarAction::WithdrawStage => TimelineAction::Withdrawn,
        other => {
            return Err(AppError::internal(format!(
                "{other:?} is not a workflow step"
            )));
        }
    })
}

/// Checks that the exemplar may move to `to` now: the stage graph, the record the target stage
/// needs, a reason for stopping.
fn check_move(
    conn: &mut DbConnection,
    row: &ExemplarRow,
    to: Stage,
    note: Option<&str>,
) -> AppResult<()> {
    let facts = records::facts(conn, row.id)?;
    if let Some(blocker) = workflow::stage_blocker(&row.state(), to, &facts) {
        return Err(blocker.error(row.stage));
    }
    if to == Stage::Stopped && note.is_none() {
        return Err(AppError::field(
            "note",
            "required",
            "Ghi rõ lý do dừng theo dõi.",
        ));
    }
    Ok(())
}

/// Takes one workflow step on `row`, which the caller read in this transaction: authorised by
/// the transition table, applied with one compare-and-set on the version `if_match` names.
pub fn perform(
    conn: &mut DbConnection,
    actor: &Principal,
    row: &ExemplarRow,
    if_match: IfMatch,
    now: NaiveDateTime,
    request: StepRequest<'_>,
) -> AppResult<()> {
    let transition = workflow::authorize(actor, &row.state(), request.action)?;
    let expected = if_match.expect(row.version)?;
    if transition.note == NoteRule::Required && request.note.is_none() {
        return Err(AppError::field("note", "required", "Ghi rõ lý do."));
    }
    let status = match transition.then {
        RecordChange::Keep => row.record_status,
        RecordChange::To(status) => status,
    };
    let none_stage: Option<Stage> = None;
    let none_text: Option<String> = None;
    let none_id: Option<i64> = None;
    let none_time: Option<NaiveDateTime> = None;
    let clear_proposal = (
        exemplars::proposed_stage.eq(none_stage),
        exemplars::proposed_note.eq(none_text),
        exemplars::proposed_by.eq(none_id),
        exemplars::proposed_at.eq(none_time),
    );
    let mut step = Step::new(timeline_action(request.action)?).note(request.note);
    match request.action {
        ExemplarAction::Submit | ExemplarAction::Confirm => {
            versioned_update!(
                conn,
                exemplars,
                row.id,
                expected,
                now,
                (exemplars::record_status.eq(status))
            )?;
        }
        // A returned record goes back to the unit whole: any proposal it carried is withdrawn.
        ExemplarAction::Return | ExemplarAction::RejectStage | ExemplarAction::WithdrawStage => {
            versioned_update!(
                conn,
                exemplars,
                row.id,
                expected,
                now,
                (exemplars::record_status.eq(status), clear_proposal)
            )?;
            if request.action != ExemplarAction::Return {
                step = step.stages(Some(row.stage), row.proposed_stage);
            }
        }
        ExemplarAction::ProposeStage => {
            let to = request
                .to_stage
                .ok_or_else(|| AppError::field("toStage", "required", "Chọn giai đoạn."))?;
            check_move(conn, row, to, request.note)?;
            versioned_update!(
                conn,
                exemplars,
                row.id,
                expected,
                now,
                (
                    exemplars::proposed_stage.eq(Some(to)),
                    exemplars::proposed_note.eq(request.note),
                    exemplars::proposed_by.eq(actor.user_id()),
                    exemplars::proposed_at.eq(Some(now)),
                )
            )?;
            step = step.stages(Some(row.stage), Some(to));
        }
        ExemplarAction::ConfirmStage | ExemplarAction::MoveStage => {
            let to = match request.action {
                ExemplarAction::ConfirmStage => row.proposed_stage,
                _ => request.to_stage,
            }
            .ok_or_else(|| AppError::field("toStage", "required", "Chọn giai đoạn."))?;
            let reason = request.note.or(row.proposed_note.as_deref());
            check_move(conn, row, to, reason)?;
            let stopped_reason = if to == Stage::Stopped {
                reason
            } else {
                row.stopped_reason.as_deref()
            };
            versioned_update!(
                conn,
                exemplars,
                row.id,
                expected,
                now,
                (
                    exemplars::stage.eq(to),
                    exemplars::stage_changed_at.eq(now),
                    exemplars::stopped_reason.eq(stopped_reason),
                    exemplars::record_status.eq(status),
                    clear_proposal,
                )
            )?;
            step = step.stages(Some(row.stage), Some(to));
        }
        ExemplarAction::Edit
        | ExemplarAction::Delete
        | ExemplarAction::EditRecords
        | ExemplarAction::Evaluate => {
            return Err(AppError::internal("not a workflow step"));
        }
    }
    timeline::record(conn, row.id, actor, now, step)
}
