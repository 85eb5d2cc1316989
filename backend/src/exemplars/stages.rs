//! The review workflow and the four stages. Unit heads submit records and propose stage moves;
//! the Office (or the leadership) confirms or rejects them, or moves a stage itself. Every step is
//! kept on the exemplar's timeline with its actor, time and note.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::model::{ExemplarRow, ensure_workable};
use super::types::{RecordStatus, Stage, TimelineAction};
use crate::auth::Principal;
use crate::db::DbConnection;
use crate::db::schema::{exemplars, nurturing_plans, replications, stage_events, summaries};
use crate::error::{AppError, AppResult, ErrorCode, FieldError};
use crate::http::etag::{IfMatch, stale};

/// One step on an exemplar's timeline.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TimelineEvent {
    pub id: i64,
    pub action: TimelineAction,
    pub from_stage: Option<Stage>,
    pub to_stage: Option<Stage>,
    pub note: Option<String>,
    pub actor_user_id: Option<i64>,
    pub actor_name: String,
    pub occurred_at: DateTime<Utc>,
}

pub fn record_event(
    conn: &mut DbConnection,
    exemplar_id: i64,
    actor: &Principal,
    action: TimelineAction,
    from: Option<Stage>,
    to: Option<Stage>,
    note: Option<&str>,
) -> AppResult<()> {
    diesel::insert_into(stage_events::table)
        .values((
            stage_events::exemplar_id.eq(exemplar_id),
            stage_events::action.eq(action.as_str()),
            stage_events::from_stage.eq(from.map(Stage::as_str)),
            stage_events::to_stage.eq(to.map(Stage::as_str)),
            stage_events::note.eq(note),
            stage_events::actor_user_id.eq(actor.user_id()),
            stage_events::actor_name.eq(&actor.display_name),
            stage_events::occurred_at.eq(Utc::now().naive_utc()),
        ))
        .execute(conn)?;
    Ok(())
}

type EventRow = (
    i64,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<i64>,
    String,
    NaiveDateTime,
);

pub fn timeline(conn: &mut DbConnection, exemplar_id: i64) -> AppResult<Vec<TimelineEvent>> {
    let rows: Vec<EventRow> = stage_events::table
        .filter(stage_events::exemplar_id.eq(exemplar_id))
        .order((stage_events::occurred_at.asc(), stage_events::id.asc()))
        .select((
            stage_events::id,
            stage_events::action,
            stage_events::from_stage,
            stage_events::to_stage,
            stage_events::note,
            stage_events::actor_user_id,
            stage_events::actor_name,
            stage_events::occurred_at,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(
            |(id, action, from, to, note, actor_user_id, actor_name, at)| {
                Ok(TimelineEvent {
                    id,
                    action: TimelineAction::from_db(&action)?,
                    from_stage: from.as_deref().map(Stage::from_db).transpose()?,
                    to_stage: to.as_deref().map(Stage::from_db).transpose()?,
                    note,
                    actor_user_id,
                    actor_name,
                    occurred_at: at.and_utc(),
                })
            },
        )
        .collect()
}

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

impl Decision {
    pub fn note(&self) -> Option<&str> {
        self.note
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
    }

    pub fn required_note(&self) -> AppResult<&str> {
        self.note()
            .ok_or_else(|| AppError::field("note", "required", "Ghi rõ lý do."))
    }
}

impl StageMove {
    fn note(&self) -> Option<&str> {
        self.note
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
    }
}

/// Checks that `from → to` is allowed and that the record the target stage needs exists.
fn check_move(
    conn: &mut DbConnection,
    row: &ExemplarRow,
    to: Stage,
    note: Option<&str>,
) -> AppResult<()> {
    let from = row.stage()?;
    if !from.can_move_to(to) {
        let allowed: Vec<&str> = from.next().iter().map(|s| s.label()).collect();
        let detail = if allowed.is_empty() {
            format!(
                "Điển hình đang ở giai đoạn {}, không chuyển tiếp được.",
                from.label()
            )
        } else {
            format!(
                "Từ giai đoạn {} chỉ chuyển được sang: {}.",
                from.label(),
                allowed.join(", ")
            )
        };
        return Err(AppError::new(ErrorCode::InvalidTransition)
            .with_detail(detail)
            .with_field(FieldError::new(
                "toStage",
                "invalid_transition",
                "Không được chuyển sang giai đoạn này.",
            )));
    }
    let missing = match to {
        Stage::Nurturing => {
            let plans: i64 = nurturing_plans::table
                .filter(nurturing_plans::exemplar_id.eq(row.id))
                .count()
                .get_result(conn)?;
            (plans == 0)
                .then_some("Cần lập kế hoạch bồi dưỡng trước khi chuyển sang giai đoạn Bồi dưỡng.")
        }
        Stage::Summarized => {
            let found: i64 = summaries::table
                .filter(summaries::exemplar_id.eq(row.id))
                .count()
                .get_result(conn)?;
            (found == 0)
                .then_some("Cần nhập kết quả tổng kết trước khi chuyển sang giai đoạn Tổng kết.")
        }
        Stage::Replicated => {
            let found: i64 = replications::table
                .filter(replications::exemplar_id.eq(row.id))
                .count()
                .get_result(conn)?;
            (found == 0).then_some(
                "Cần ghi nhận ít nhất một nơi nhân rộng trước khi chuyển sang giai đoạn Nhân rộng.",
            )
        }
        Stage::Stopped if note.is_none() => {
            return Err(AppError::field(
                "note",
                "required",
                "Ghi rõ lý do dừng theo dõi.",
            ));
        }
        _ => None,
    };
    match missing {
        Some(detail) => Err(AppError::new(ErrorCode::StageRecordMissing).with_detail(detail)),
        None => Ok(()),
    }
}

fn applied(changed: usize) -> AppResult<()> {
    if changed == 0 { Err(stale()) } else { Ok(()) }
}

/// Applies a move (the Office's own, or a confirmed proposal). A submitted record the Office
/// acts on is thereby confirmed.
fn apply_move(
    conn: &mut DbConnection,
    row: &ExemplarRow,
    to: Stage,
    note: Option<&str>,
) -> AppResult<()> {
    let now = Utc::now().naive_utc();
    let status = match row.record_status()? {
        RecordStatus::Submitted => RecordStatus::Confirmed,
        other => other,
    };
    let changed = diesel::update(
        exemplars::table
            .find(row.id)
            .filter(exemplars::version.eq(row.version)),
    )
    .set((
        exemplars::stage.eq(to.as_str()),
        exemplars::stage_changed_at.eq(now),
        exemplars::stopped_reason.eq(if to == Stage::Stopped {
            note
        } else {
            row.stopped_reason.as_deref()
        }),
        exemplars::record_status.eq(status.as_str()),
        exemplars::proposed_stage.eq(None::<String>),
        exemplars::proposed_note.eq(None::<String>),
        exemplars::proposed_by.eq(None::<i64>),
        exemplars::proposed_at.eq(None::<NaiveDateTime>),
        exemplars::version.eq(row.version + 1),
        exemplars::updated_at.eq(now),
    ))
    .execute(conn)?;
    applied(changed)
}

/// The unit head proposes a move; the record must have been submitted.
pub fn propose(
    conn: &mut DbConnection,
    actor: &Principal,
    row: &ExemplarRow,
    if_match: IfMatch,
    request: &StageMove,
) -> AppResult<()> {
    if_match.check(row.version)?;
    ensure_workable(actor, row)?;
    if row.record_status()? == RecordStatus::Draft {
        return Err(AppError::new(ErrorCode::Conflict).with_detail(
            "Hãy gửi hồ sơ điển hình cho Văn phòng Sở trước khi đề xuất chuyển giai đoạn.",
        ));
    }
    if row.proposed_stage.is_some() {
        return Err(AppError::new(ErrorCode::Conflict).with_detail(
            "Đã có một đề xuất đang chờ Văn phòng Sở xem xét; hãy rút đề xuất đó trước.",
        ));
    }
    check_move(conn, row, request.to_stage, request.note())?;
    let now = Utc::now().naive_utc();
    let changed = diesel::update(
        exemplars::table
            .find(row.id)
            .filter(exemplars::version.eq(row.version)),
    )
    .set((
        exemplars::proposed_stage.eq(request.to_stage.as_str()),
        exemplars::proposed_note.eq(request.note()),
        exemplars::proposed_by.eq(actor.user_id()),
        exemplars::proposed_at.eq(now),
        exemplars::version.eq(row.version + 1),
        exemplars::updated_at.eq(now),
    ))
    .execute(conn)?;
    applied(changed)?;
    record_event(
        conn,
        row.id,
        actor,
        TimelineAction::Proposed,
        Some(row.stage()?),
        Some(request.to_stage),
        request.note(),
    )
}

fn pending(row: &ExemplarRow) -> AppResult<Stage> {
    let proposed = row.proposed_stage.as_deref().ok_or_else(|| {
        AppError::new(ErrorCode::Conflict)
            .with_detail("Không có đề xuất chuyển giai đoạn nào đang chờ.")
    })?;
    Stage::from_db(proposed)
}

/// The Office or the leadership confirms the pending proposal.
pub fn confirm_proposal(
    conn: &mut DbConnection,
    actor: &Principal,
    row: &ExemplarRow,
    if_match: IfMatch,
    decision: &Decision,
) -> AppResult<()> {
    if_match.check(row.version)?;
    ensure_workable(actor, row)?;
    let to = pending(row)?;
    if row.record_status()? == RecordStatus::Draft {
        return Err(AppError::new(ErrorCode::Conflict)
            .with_detail("Hồ sơ đang được đơn vị sửa lại; chờ đơn vị gửi lại hồ sơ."));
    }
    let note = decision.note().or(row.proposed_note.as_deref());
    check_move(conn, row, to, note)?;
    let from = row.stage()?;
    apply_move(conn, row, to, note)?;
    record_event(
        conn,
        row.id,
        actor,
        TimelineAction::Moved,
        Some(from),
        Some(to),
        decision.note(),
    )
}

/// The Office or the leadership rejects the pending proposal, saying why.
pub fn reject_proposal(
    conn: &mut DbConnection,
    actor: &Principal,
    row: &ExemplarRow,
    if_match: IfMatch,
    decision: &Decision,
) -> AppResult<()> {
    if_match.check(row.version)?;
    ensure_workable(actor, row)?;
    let to = pending(row)?;
    let note = decision.required_note()?;
    clear_proposal(conn, row)?;
    record_event(
        conn,
        row.id,
        actor,
        TimelineAction::Rejected,
        Some(row.stage()?),
        Some(to),
        Some(note),
    )
}

/// The unit head withdraws the unit's pending proposal.
pub fn withdraw_proposal(
    conn: &mut DbConnection,
    actor: &Principal,
    row: &ExemplarRow,
    if_match: IfMatch,
) -> AppResult<()> {
    if_match.check(row.version)?;
    ensure_workable(actor, row)?;
    let to = pending(row)?;
    clear_proposal(conn, row)?;
    record_event(
        conn,
        row.id,
        actor,
        TimelineAction::Withdrawn,
        Some(row.stage()?),
        Some(to),
        None,
    )
}

fn clear_proposal(conn: &mut DbConnection, row: &ExemplarRow) -> AppResult<()> {
    let changed = diesel::update(
        exemplars::table
            .find(row.id)
            .filter(exemplars::version.eq(row.version)),
    )
    .set((
        exemplars::proposed_stage.eq(None::<String>),
        exemplars::proposed_note.eq(None::<String>),
        exemplars::proposed_by.eq(None::<i64>),
        exemplars::proposed_at.eq(None::<NaiveDateTime>),
        exemplars::version.eq(row.version + 1),
        exemplars::updated_at.eq(Utc::now().naive_utc()),
    ))
    .execute(conn)?;
    applied(changed)
}

/// The Office moves a stage itself (any pending proposal is superseded).
pub fn move_directly(
    conn: &mut DbConnection,
    actor: &Principal,
    row: &ExemplarRow,
    if_match: IfMatch,
    request: &StageMove,
) -> AppResult<()> {
    if_match.check(row.version)?;
    ensure_workable(actor, row)?;
    if row.record_status()? == RecordStatus::Draft {
        return Err(AppError::new(ErrorCode::Conflict)
            .with_detail("Hồ sơ còn là bản nháp của đơn vị; đơn vị cần gửi hồ sơ trước."));
    }
    check_move(conn, row, request.to_stage, request.note())?;
    let from = row.stage()?;
    apply_move(conn, row, request.to_stage, request.note())?;
    record_event(
        conn,
        row.id,
        actor,
        TimelineAction::Moved,
        Some(from),
        Some(request.to_stage),
        request.note(),
    )
}

fn set_status(conn: &mut DbConnection, row: &ExemplarRow, status: RecordStatus) -> AppResult<()> {
    let changed = diesel::update(
        exemplars::table
            .find(row.id)
            .filter(exemplars::version.eq(row.version)),
    )
    .set((
        exemplars::record_status.eq(status.as_str()),
        exemplars::version.eq(row.version + 1),
        exemplars::updated_at.eq(Utc::now().naive_utc()),
    ))
    .execute(conn)?;
    applied(changed)
}

fn expect_status(row: &ExemplarRow, expected: RecordStatus, detail: &'static str) -> AppResult<()> {
    if row.record_status()? == expected {
        Ok(())
    } else {
        Err(AppError::new(ErrorCode::Conflict).with_detail(detail))
    }
}

/// The unit head submits the unit's draft to the Office.
pub fn submit(
    conn: &mut DbConnection,
    actor: &Principal,
    row: &ExemplarRow,
    if_match: IfMatch,
) -> AppResult<()> {
    if_match.check(row.version)?;
    ensure_workable(actor, row)?;
    expect_status(row, RecordStatus::Draft, "Hồ sơ đã được gửi.")?;
    set_status(conn, row, RecordStatus::Submitted)?;
    record_event(
        conn,
        row.id,
        actor,
        TimelineAction::Submitted,
        None,
        None,
        None,
    )
}

/// The Office confirms a submitted record.
pub fn confirm(
    conn: &mut DbConnection,
    actor: &Principal,
    row: &ExemplarRow,
    if_match: IfMatch,
    decision: &Decision,
) -> AppResult<()> {
    if_match.check(row.version)?;
    ensure_workable(actor, row)?;
    expect_status(
        row,
        RecordStatus::Submitted,
        "Chỉ xác nhận được hồ sơ đơn vị đã gửi.",
    )?;
    set_status(conn, row, RecordStatus::Confirmed)?;
    record_event(
        conn,
        row.id,
        actor,
        TimelineAction::Confirmed,
        None,
        None,
        decision.note(),
    )
}

/// The Office returns a submitted record to the unit for correction, saying why.
pub fn return_to_unit(
    conn: &mut DbConnection,
    actor: &Principal,
    row: &ExemplarRow,
    if_match: IfMatch,
    decision: &Decision,
) -> AppResult<()> {
    if_match.check(row.version)?;
    ensure_workable(actor, row)?;
    let note = decision.required_note()?;
    expect_status(
        row,
        RecordStatus::Submitted,
        "Chỉ trả lại được hồ sơ đơn vị đã gửi và chưa xác nhận.",
    )?;
    // A returned record goes back to the unit whole: any proposal it carried is withdrawn.
    let changed = diesel::update(
        exemplars::table
            .find(row.id)
            .filter(exemplars::version.eq(row.version)),
    )
    .set((
        exemplars::record_status.eq(RecordStatus::Draft.as_str()),
        exemplars::proposed_stage.eq(None::<String>),
        exemplars::proposed_note.eq(None::<String>),
        exemplars::proposed_by.eq(None::<i64>),
        exemplars::proposed_at.eq(None::<NaiveDateTime>),
        exemplars::version.eq(row.version + 1),
        exemplars::updated_at.eq(Utc::now().naive_utc()),
    ))
    .execute(conn)?;
    applied(changed)?;
    record_event(
        conn,
        row.id,
        actor,
        TimelineAction::Returned,
        None,
        None,
        Some(note),
    )
}
