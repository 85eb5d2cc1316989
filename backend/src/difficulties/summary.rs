//! The difficulties of a period for the consolidated report: counts by status and the list.

use chrono::NaiveDate;
use serde::Serialize;
use utoipa::ToSchema;

use super::model::{self, DifficultySummaryItem, Filter};
use super::workflow::DifficultyStatus;
use crate::auth::Principal;
use crate::db::DbConnection;
use crate::error::AppResult;

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct StatusCount {
    pub status: DifficultyStatus,
    /// In Vietnamese.
    pub label: String,
    pub count: i64,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DifficultySummary {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Raised in the period.
    pub total: i64,
    /// Every status, with how many of the period's difficulties stand in it now.
    pub by_status: Vec<StatusCount>,
    /// Average time from raising to the Office's (latest) answer or referral, in hours.
    pub average_first_response_hours: Option<f64>,
    /// The period's difficulties, newest first.
    pub items: Vec<DifficultySummaryItem>,
}

/// A bound on one period's list (a Department raises a few dozen a year).
const LISTED: i64 = 10_000;

/// The difficulties raised from `from` to `to` (Vietnam days) that `principal` may read.
pub fn summary(conn: &mut DbConnection, principal: &Principal, from: NaiveDate, to: NaiveDate) -> AppResult<DifficultySummary> {
    let filter = Filter {
        from: Some(from),
        to: Some(to),
        ..Filter::default()
    };
    let (rows, total) = model::rows(conn, principal, &filter, 0, LISTED)?;
    let by_status = DifficultyStatus::ALL
        .iter()
        .map(|status| StatusCount {
            status: *status,
            label: status.label().to_owned(),
            count: rows.iter().filter(|r| r.status == *status).count() as i64,
        })
        .collect();
    let responses: Vec<i64> = rows
        .iter()
        .filter_map(|r| {
            let first = match (r.answered_at, r.referred_at) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            }?;
            Some((first - r.raised_at).num_seconds())
        })
        .collect();
    let average_first_response_hours = (!responses.is_empty())
        .then(|| responses.iter().sum::<i64>() as f64 / responses.len() as f64 / 3600.0)
        .map(|h| (h * 10.0).round() / 10.0);
    let items = rows
        .into_iter()
        .map(|row| model::summary_item(conn, row))
        .collect::<AppResult<Vec<_>>>()?;
    Ok(DifficultySummary {
        from,
        to,
        total,
        by_status,
        average_first_response_hours,
        items,
    })
}
