//! The consolidated part of the Office's report: each unit's report for the same kind and
//! period (status, when, on time or late, its frozen headline figures), the totals of the
//! submitted ones, and the units that owed a report and did not submit. Three queries.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::figures::FigureUnit;
use super::model::ReportFigures;
use crate::calendar::deadlines::{self, Calendar};
use crate::calendar::kinds::{ObligationKey, ObligationKind};
use crate::db::DbConnection;
use crate::db::schema::{report_submissions, reports, units};
use crate::error::AppResult;
use crate::introductions::grid::owed_from;
use crate::report_submissions::workflow::SubmissionStatus;
use crate::time::{Month, local_date};
use crate::units::UnitKind;

/// A unit's report as the consolidated report sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct UnitReportEntry {
    pub unit: FigureUnit,
    pub status: SubmissionStatus,
    /// The day it was (last) submitted, Vietnam time.
    pub submitted_on: NaiveDate,
    pub on_time: bool,
    /// The report written in Lan Tỏa, when there is one.
    pub report_id: Option<i64>,
    /// Its frozen figures (none for a submission made without a report).
    pub exemplars_discovered: Option<i64>,
    pub introductions_on_time: Option<i64>,
    pub introductions_late: Option<i64>,
    pub introductions_missing: Option<i64>,
    pub evaluations: Option<i64>,
    pub replications: Option<i64>,
    pub difficulties: Option<i64>,
}

/// The sums over the units' submitted (or accepted) reports' frozen figures.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct UnitReportTotals {
    /// Reports submitted or accepted (not returned).
    pub reports: i64,
    pub on_time: i64,
    pub late: i64,
    pub exemplars_discovered: i64,
    pub introductions_on_time: i64,
    pub introductions_late: i64,
    pub introductions_missing: i64,
    pub evaluations: i64,
    pub replications: i64,
    pub difficulties: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Consolidation {
    /// The units' reports, in the units' order.
    pub unit_reports: Vec<UnitReportEntry>,
    pub totals: UnitReportTotals,
    /// Units that owed the report and did not submit it.
    pub missing_units: Vec<FigureUnit>,
}

type UnitRow = (i64, String, String, String, Option<NaiveDateTime>);

/// The units' side of the Office's `kind` report for `period`.
pub fn build(
    conn: &mut DbConnection,
    calendar: &Calendar,
    kind: ObligationKind,
    period: &str,
) -> AppResult<Consolidation> {
    let unit_rows: Vec<UnitRow> = units::table
        .filter(units::kind.ne(UnitKind::Department.as_str()))
        .filter(units::active.eq(true))
        .select((
            units::id,
            units::code,
            units::short_name,
            units::name,
            units::active_since,
        ))
        .order((units::sort_order.asc(), units::sort_name.asc()))
        .load(conn)?;
    let sent: Vec<(i64, Option<i64>, String, NaiveDateTime)> = report_submissions::table
        .filter(report_submissions::kind.eq(kind))
        .filter(report_submissions::period.eq(period))
        .filter(report_submissions::unit_id.is_not_null())
        .select((
            report_submissions::id,
            report_submissions::unit_id,
            report_submissions::status,
            report_submissions::submitted_at,
        ))
        .load(conn)?;
    let ids: Vec<i64> = sent.iter().map(|s| s.0).collect();
    let written: Vec<(i64, Option<i64>, Option<String>)> = if ids.is_empty() {
        Vec::new()
    } else {
        reports::table
            .filter(reports::submission_id.eq_any(&ids))
            .select((reports::id, reports::submission_id, reports::figures))
            .load(conn)?
    };
    let by_submission: HashMap<i64, (i64, Option<ReportFigures>)> = written
        .into_iter()
        .filter_map(|(id, submission, json)| {
            let figures = json.and_then(|j| serde_json::from_str::<ReportFigures>(&j).ok());
            Some((submission?, (id, figures)))
        })
        .collect();
    let by_unit: HashMap<i64, &(i64, Option<i64>, String, NaiveDateTime)> =
        sent.iter().filter_map(|s| Some((s.1?, s))).collect();
    let start = Month {
        year: calendar.settings.first_year,
        month: 1,
    };
    let mut unit_reports = Vec::new();
    let mut missing_units = Vec::new();
    let mut totals = UnitReportTotals::default();
    for row in &unit_rows {
        let unit = FigureUnit {
            id: row.0,
            code: row.1.clone(),
            short_name: row.2.clone(),
            name: row.3.clone(),
        };
        let key = ObligationKey {
            kind,
            period: period.to_owned(),
            unit_id: Some(row.0),
        };
        let due = calendar.due(&key);
        match by_unit.get(&row.0) {
            Some((submission_id, _, status, submitted_at)) => {
                let Some(status) = SubmissionStatus::parse(status) else {
                    continue;
                };
                let on_time = due.is_some_and(|due| deadlines::met(submitted_at.and_utc(), due));
                let (report_id, figures) = match by_submission.get(submission_id) {
                    Some((id, figures)) => (Some(*id), figures.as_ref().map(|f| &f.figures)),
                    None => (None, None),
                };
                let entry = UnitReportEntry {
                    unit,
                    status,
                    submitted_on: local_date(*submitted_at),
                    on_time,
                    report_id,
                    exemplars_discovered: figures.map(|f| f.exemplars.discovered),
                    introductions_on_time: figures.map(|f| f.introductions.on_time),
                    introductions_late: figures.map(|f| f.introductions.late),
                    introductions_missing: figures.map(|f| f.introductions.missing),
                    evaluations: figures.map(|f| f.evaluations.total),
                    replications: figures.map(|f| f.replications.total),
                    difficulties: figures.map(|f| f.difficulties.total),
                };
                if status != SubmissionStatus::Returned {
                    totals.reports += 1;
                    if on_time {
                        totals.on_time += 1;
                    } else {
                        totals.late += 1;
                    }
                    let add = |v: Option<i64>| v.unwrap_or(0);
                    totals.exemplars_discovered += add(entry.exemplars_discovered);
                    totals.introductions_on_time += add(entry.introductions_on_time);
                    totals.introductions_late += add(entry.introductions_late);
                    totals.introductions_missing += add(entry.introductions_missing);
                    totals.evaluations += add(entry.evaluations);
                    totals.replications += add(entry.replications);
                    totals.difficulties += add(entry.difficulties);
                }
                unit_reports.push(entry);
            }
            None => {
                let owes = due.is_some_and(|due| Month::of(due) >= owed_from(row.4, start));
                if owes {
                    missing_units.push(unit);
                }
            }
        }
    }
    Ok(Consolidation {
        unit_reports,
        totals,
        missing_units,
    })
}
