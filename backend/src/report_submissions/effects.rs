//! What a step on a report tells others, in the step's transaction: an in-app notification to
//! those who act next (or to the senders, of a decision) and a webhook event.

use chrono::NaiveDateTime;

use super::model::SubmissionRow;
use super::workflow::SubmissionAction;
use crate::auth::Role;
use crate::db::DbConnection;
use crate::error::AppResult;
use crate::notifications::model::{self as notifications, Message, NotificationKind};
use crate::notifications::recipients;
use crate::webhooks::deliveries;
use crate::webhooks::events::WebhookEvent;

/// `Báo cáo định kỳ năm 2026`, `Báo cáo sơ kết 2026-2028`.
pub fn describe(row: &SubmissionRow) -> String {
    format!("{} {}", row.kind.label(), row.period)
}

fn owner_name(conn: &mut DbConnection, row: &SubmissionRow) -> AppResult<String> {
    Ok(match row.unit_id {
        Some(unit) => crate::units::model::unit_ref(conn, unit)?
            .map_or_else(|| format!("Đơn vị {unit}"), |u| u.name),
        None => "Văn phòng Sở".to_owned(),
    })
}

/// Tells about `action` just taken on `row` (as it is now) at `now`.
pub fn announce(
    conn: &mut DbConnection,
    row: &SubmissionRow,
    action: SubmissionAction,
    now: NaiveDateTime,
) -> AppResult<()> {
    let what = describe(row);
    let owner = owner_name(conn, row)?;
    let link = format!("/lich-bao-cao/bao-cao/{}", row.id);
    let (audience, title, body) = match action {
        SubmissionAction::Submit | SubmissionAction::Resubmit => {
            let again = if action == SubmissionAction::Resubmit { " lại" } else { "" };
            let audience = if row.unit_id.is_some() {
                recipients::with_role(conn, Role::Office)?
            } else {
                recipients::with_role(conn, Role::Leader)?
            };
            (
                audience,
                format!("{owner} đã gửi{again} {}", what.to_lowercase()),
                format!("{owner} đã gửi{again} «{}». Đề nghị xem xét, tiếp nhận hoặc trả lại.", row.title),
            )
        }
        SubmissionAction::Accept | SubmissionAction::Return => {
            let audience = match row.unit_id {
                Some(unit) => recipients::unit_people(conn, unit)?,
                None => recipients::with_role(conn, Role::Office)?,
            };
            let note = row.decision_note.as_deref().map(|n| format!(" Ý kiến: {n}")).unwrap_or_default();
            if action == SubmissionAction::Accept {
                (audience, format!("{what} đã được tiếp nhận"), format!("«{}» của {owner} đã được tiếp nhận.{note}", row.title))
            } else {
                (audience, format!("{what} bị trả lại"), format!("«{}» của {owner} bị trả lại để hoàn thiện.{note}", row.title))
            }
        }
    };
    notifications::send(
        conn,
        &recipients::ids(&audience),
        &Message {
            kind: NotificationKind::ReportUpdate,
            title: &title,
            body: &body,
            link: Some(&link),
            dedupe_key: &format!("report:{}:{}:{}", row.id, action.as_str(), row.version),
            at: now,
        },
    )?;
    let event = match action {
        SubmissionAction::Submit | SubmissionAction::Resubmit => WebhookEvent::ReportSubmitted,
        SubmissionAction::Accept => WebhookEvent::ReportAccepted,
        SubmissionAction::Return => WebhookEvent::ReportReturned,
    };
    let data = serde_json::json!({
        "reportId": row.id,
        "obligationKey": row.key().text(),
        "kind": row.kind.as_str(),
        "period": row.period,
        "unit": row.unit_id.map(|_| serde_json::json!({ "id": row.unit_id, "name": owner })),
        "status": row.status.as_str(),
        "title": row.title,
        "submittedAt": row.submitted_at.and_utc(),
        "decidedAt": row.decided_at.map(|t| t.and_utc()),
        "decisionNote": row.decision_note,
    });
    deliveries::enqueue(conn, event, &data, now)?;
    Ok(())
}
