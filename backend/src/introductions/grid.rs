//! The unit × month grid the Office watches: who introduced an exemplar on time, late, or not yet.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::model::{IntroductionStatus, Month};
use crate::calendar::deadlines::Calendar;
use crate::db::DbConnection;
use crate::db::schema::{introductions, units};
use crate::error::AppResult;
use crate::text_enum;
use crate::units::{UnitKind, UnitRef};

text_enum!(
    /// Where one unit stands for one month of the monthly introductions (Vietnam time, the due
    /// day of the settings).
    pub enum CellStatus {
        /// An introduction was submitted by the month's due day.
        OnTime = "on_time" / "Đúng hạn",
        /// Introductions were submitted, all after the due day.
        Late = "late" / "Trễ hạn",
        /// The due day has passed and nothing was submitted (drafts do not count).
        Missing = "missing" / "Chưa giới thiệu",
        /// The current month, its due day not passed yet, nothing submitted so far.
        Pending = "pending" / "Chưa đến hạn",
        /// A month still to come.
        Upcoming = "upcoming" / "Tháng tới",
        /// Not owed: before the programme's first month, or before the month after the unit was
        /// created or reactivated.
        NotApplicable = "not_applicable" / "Chưa áp dụng",
    }
);

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct GridCell {
    /// `YYYY-MM`.
    pub month: String,
    pub status: CellStatus,
    /// The month's deadline (the due day, moved to the next working day when the calendar
    /// settings say so).
    pub due_on: NaiveDate,
    /// Submitted introductions.
    pub submitted: i64,
    /// Drafts not yet submitted.
    pub drafts: i64,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct GridRow {
    pub unit: UnitRef,
    pub cells: Vec<GridCell>,
    pub on_time: i64,
    pub late: i64,
    pub missing: i64,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct IntroductionGrid {
    pub year: i32,
    pub due_day: u32,
    /// The first month counted (`YYYY-MM`).
    pub start_month: String,
    /// Today in Vietnam, against which deadlines were judged.
    pub today: NaiveDate,
    pub months: Vec<String>,
    pub rows: Vec<GridRow>,
}

/// The first month a unit owes: the programme's start, or the month after the unit was created
/// or last reactivated (`units.active_since`) if later.
pub fn owed_from(active_since: Option<NaiveDateTime>, start: Month) -> Month {
    active_since
        .map(|at| Month::of(crate::time::local_date(at)).next())
        .map_or(start, |month| month.max(start))
}

/// The status of one cell from its introductions (`(submitted, on_time)` pairs), `due` being the
/// month's deadline. A unit owes from `owed_from` ([`owed_from`]); months before the programme
/// are never counted, and an earlier month of a new unit counts only when it introduced someone
/// anyway.
pub fn cell_status(
    month: Month,
    start: Month,
    owed_from: Month,
    due: NaiveDate,
    today: NaiveDate,
    submitted_on_time: &[bool],
) -> CellStatus {
    if month < start {
        return CellStatus::NotApplicable;
    }
    if !submitted_on_time.is_empty() {
        return if submitted_on_time.iter().any(|on_time| *on_time) {
            CellStatus::OnTime
        } else {
            CellStatus::Late
        };
    }
    if month < owed_from {
        return CellStatus::NotApplicable;
    }
    if month > Month::of(today) {
        CellStatus::Upcoming
    } else if today <= due {
        CellStatus::Pending
    } else {
        CellStatus::Missing
    }
}

/// The grid of `year` with the programme's settings (start month, due day) and the calendar's
/// deadline rules.
pub fn load(
    conn: &mut DbConnection,
    year: i32,
    today: NaiveDate,
    only_unit: Option<i64>,
) -> AppResult<IntroductionGrid> {
    let calendar = Calendar::load(conn)?;
    build(conn, year, &calendar, today, only_unit)
}

/// The grid of `year` for the active units (all of them, or only `only_unit`).
pub fn build(
    conn: &mut DbConnection,
    year: i32,
    calendar: &Calendar,
    today: NaiveDate,
    only_unit: Option<i64>,
) -> AppResult<IntroductionGrid> {
    let due_day = calendar.introduction_due_day;
    let start = calendar.introductions_start;
    let mut unit_query = units::table
        .filter(units::active.eq(true))
        .filter(units::kind.ne(UnitKind::Department.as_str()))
        .select((
            (units::id, units::code, units::short_name, units::name),
            units::active_since,
        ))
        .order((units::sort_order.asc(), units::sort_name.asc()))
        .into_boxed();
    if let Some(unit) = only_unit {
        unit_query = unit_query.filter(units::id.eq(unit));
    }
    let unit_refs: Vec<(UnitRef, Option<NaiveDateTime>)> = unit_query.load(conn)?;
    let entries: Vec<(i64, String, String, Option<bool>)> = introductions::table
        .filter(introductions::month.like(format!("{year:04}-%")))
        .select((
            introductions::unit_id,
            introductions::month,
            introductions::status,
            introductions::on_time,
        ))
        .load(conn)?;
    let months: Vec<Month> = (1..=12).map(|month| Month { year, month }).collect();
    let rows = unit_refs
        .into_iter()
        .map(|(unit, active_since)| {
            let owed_from = owed_from(active_since, start);
            let cells: Vec<GridCell> = months
                .iter()
                .map(|month| {
                    let text = month.text();
                    let here: Vec<&(i64, String, String, Option<bool>)> = entries
                        .iter()
                        .filter(|e| e.0 == unit.id && e.1 == text)
                        .collect();
                    let submitted: Vec<bool> = here
                        .iter()
                        .filter(|e| e.2 == IntroductionStatus::Submitted.as_str())
                        .map(|e| e.3.unwrap_or(false))
                        .collect();
                    let due_on = calendar.introduction_due(*month);
                    GridCell {
                        status: cell_status(*month, start, owed_from, due_on, today, &submitted),
                        due_on,
                        submitted: submitted.len() as i64,
                        drafts: (here.len() - submitted.len()) as i64,
                        month: text,
                    }
                })
                .collect();
            let count =
                |status: CellStatus| cells.iter().filter(|c| c.status == status).count() as i64;
            GridRow {
                on_time: count(CellStatus::OnTime),
                late: count(CellStatus::Late),
                missing: count(CellStatus::Missing),
                cells,
                unit,
            }
        })
        .collect();
    Ok(IntroductionGrid {
        year,
        due_day,
        start_month: start.text(),
        today,
        months: months.iter().map(|m| m.text()).collect(),
        rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_follow_the_calendar() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let month = |m| Month {
            year: 2026,
            month: m,
        };
        let start = month(4);
        let due = |m: Month| m.due_on(10);
        assert_eq!(
            cell_status(month(3), start, start, due(month(3)), today, &[]),
            CellStatus::NotApplicable
        );
        assert_eq!(
            cell_status(month(10), start, start, due(month(10)), today, &[]),
            CellStatus::Missing
        );
        assert_eq!(
            cell_status(month(11), start, start, due(month(11)), today, &[]),
            CellStatus::Missing,
            "the 10th has passed"
        );
        assert_eq!(
            cell_status(month(12), start, start, due(month(12)), today, &[]),
            CellStatus::Upcoming
        );
        let early = NaiveDate::from_ymd_opt(2026, 11, 5).unwrap();
        assert_eq!(
            cell_status(month(11), start, start, due(month(11)), early, &[]),
            CellStatus::Pending
        );
        assert_eq!(
            cell_status(month(9), start, start, due(month(9)), today, &[false, true]),
            CellStatus::OnTime
        );
        assert_eq!(
            cell_status(month(9), start, start, due(month(9)), today, &[false]),
            CellStatus::Late
        );
        // Before the programme, even a submitted introduction is not counted.
        assert_eq!(
            cell_status(month(3), start, start, due(month(3)), today, &[true]),
            CellStatus::NotApplicable
        );
        // A unit created in November owes from December: earlier months are not held against it,
        // but count when it introduced someone anyway.
        let owed_from = month(12);
        assert_eq!(
            cell_status(month(10), start, owed_from, due(month(10)), today, &[]),
            CellStatus::NotApplicable
        );
        assert_eq!(
            cell_status(month(11), start, owed_from, due(month(11)), today, &[true]),
            CellStatus::OnTime
        );
    }
}
