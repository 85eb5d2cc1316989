//! The Office's "nhắc nhở": reminding units that have not introduced anyone for a month. Each
//! unit's head and staff get an in-app notification, at most once a day per unit and month.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::grid::{self, CellStatus};
use crate::auth::Role;
use crate::db::DbConnection;
use crate::db::schema::users;
use crate::error::{AppError, AppResult};
use crate::notifications::model::{self as notifications, Message, NotificationKind};
use crate::time::Month;
use crate::units::UnitRef;

/// Which units to remind of which month.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReminderInput {
    /// `YYYY-MM`: the current month or an earlier one of the programme.
    #[schema(example = "2026-11")]
    pub month: String,
    /// The units to remind; omitted: every unit that still owes the month.
    #[validate(length(min = 1, max = 200, message = "Chọn từ 1 đến 200 đơn vị."))]
    #[schema(min_items = 1, max_items = 200)]
    pub unit_ids: Option<Vec<i64>>,
}

/// A unit reminded, and how many of its people were told now (0: already reminded today).
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RemindedUnit {
    pub unit: UnitRef,
    /// `missing` (overdue) or `pending` (not due yet).
    pub status: CellStatus,
    pub notified: i64,
}

/// A unit asked for that owes nothing for the month (it introduced, or is not counted).
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SkippedUnit {
    pub unit: UnitRef,
    pub status: CellStatus,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReminderResult {
    pub month: String,
    pub reminded: Vec<RemindedUnit>,
    pub skipped: Vec<SkippedUnit>,
    /// People notified now, across the units.
    pub notified: i64,
}

/// Whether a unit in this state is reminded.
pub fn owes(status: CellStatus) -> bool {
    matches!(status, CellStatus::Missing | CellStatus::Pending)
}

fn month_of(input: &ReminderInput, today: NaiveDate) -> AppResult<Month> {
    let month = Month::parse(input.month.trim())
        .ok_or_else(|| AppError::field("month", "invalid_format", "Tháng phải có dạng YYYY-MM."))?;
    if month > Month::of(today) {
        return Err(AppError::field(
            "month",
            "future_month",
            "Chỉ nhắc được tháng hiện tại hoặc các tháng đã qua.",
        ));
    }
    Ok(month)
}

fn message_text(unit: &UnitRef, month: Month, status: CellStatus, due: NaiveDate) -> (String, String) {
    let label = format!("{:02}/{}", month.month, month.year);
    let due = due.format("%d/%m/%Y");
    let title = format!("Nhắc giới thiệu điển hình tháng {label}");
    let body = if status == CellStatus::Missing {
        format!(
            "Văn phòng Sở nhắc {}: chưa gửi bài giới thiệu điển hình tháng {label}, đã quá hạn ngày {due}. Đề nghị đơn vị gửi sớm.",
            unit.name
        )
    } else {
        format!(
            "Văn phòng Sở nhắc {}: đơn vị chưa gửi bài giới thiệu điển hình tháng {label}; hạn gửi là ngày {due}.",
            unit.name
        )
    };
    (title, body)
}

/// The active heads and staff of a unit.
fn people_of(conn: &mut DbConnection, unit_id: i64) -> AppResult<Vec<i64>> {
    Ok(users::table
        .filter(users::unit_id.eq(unit_id))
        .filter(users::active.eq(true))
        .filter(users::role.eq_any([Role::UnitHead.as_str(), Role::UnitStaff.as_str()]))
        .order(users::id.asc())
        .select(users::id)
        .load(conn)?)
}

/// Reminds the units of `input` that still owe its month.
pub fn remind(
    conn: &mut DbConnection,
    input: &ReminderInput,
    today: NaiveDate,
    at: NaiveDateTime,
) -> AppResult<ReminderResult> {
    let month = month_of(input, today)?;
    let grid = grid::load(conn, month.year, today, None)?;
    let column = grid
        .months
        .iter()
        .position(|m| *m == month.text())
        .ok_or_else(|| AppError::internal("the grid of a year lacks one of its months"))?;
    if let Some(asked) = &input.unit_ids
        && let Some(unknown) = asked
            .iter()
            .find(|id| !grid.rows.iter().any(|row| row.unit.id == **id))
    {
        return Err(AppError::field(
            "unitIds",
            "unknown_unit",
            format!("Đơn vị {unknown} không có trong bảng theo dõi (không tồn tại hoặc đã ngừng hoạt động)."),
        ));
    }
    let mut result = ReminderResult {
        month: month.text(),
        reminded: Vec::new(),
        skipped: Vec::new(),
        notified: 0,
    };
    for row in &grid.rows {
        if input.unit_ids.as_ref().is_some_and(|ids| !ids.contains(&row.unit.id)) {
            continue;
        }
        let status = row.cells[column].status;
        if !owes(status) {
            if input.unit_ids.is_some() {
                result.skipped.push(SkippedUnit { unit: row.unit.clone(), status });
            }
            continue;
        }
        let (title, body) = message_text(&row.unit, month, status, row.cells[column].due_on);
        let link = format!("/gioi-thieu?month={}", month.text());
        let key = format!("introduction_reminder:{}:{}:{today}", row.unit.id, month.text());
        let people = people_of(conn, row.unit.id)?;
        let sent = notifications::send(
            conn,
            &people,
            &Message {
                kind: NotificationKind::IntroductionReminder,
                title: &title,
                body: &body,
                link: Some(&link),
                dedupe_key: &key,
                at,
            },
        )?;
        result.notified += sent.len() as i64;
        result.reminded.push(RemindedUnit {
            unit: row.unit.clone(),
            status,
            notified: sent.len() as i64,
        });
    }
    Ok(result)
}
