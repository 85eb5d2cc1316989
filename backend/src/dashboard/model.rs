use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use super::timeline::TimelineMonth;
use crate::calendar::deadlines::Calendar;
use crate::db::DbConnection;
use crate::error::AppResult;
use crate::introductions::grid::{self, IntroductionGrid};
use crate::obligations::model::{self as obligations, Obligation};
use crate::obligations::status::ObligationStatus;
use crate::reports::figures::{FigureUnit, Figures, Scope};
use crate::state::AppState;
use crate::time::{Month, local_date};

/// How many obligations of each list the dashboard shows (the totals count them all).
pub const OBLIGATIONS_SHOWN: usize = 10;

/// The open obligations in scope, first by deadline.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct OpenObligations {
    /// Past their deadline and not met.
    pub overdue: Vec<Obligation>,
    /// Within the "due soon" days of the calendar settings.
    pub due_soon: Vec<Obligation>,
    pub overdue_total: i64,
    pub due_soon_total: i64,
}

/// The dashboard of one year, for the Department or one unit.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Dashboard {
    /// Today in Vietnam, against which everything was judged.
    pub today: NaiveDate,
    /// The year shown.
    pub year: i32,
    /// The plan period (calendar settings), e.g. 2026–2030.
    pub first_year: i32,
    pub last_year: i32,
    /// The unit counted; `null`: the whole Department.
    pub unit: Option<FigureUnit>,
    /// The same as `GET /report-figures` from 01/01 to 31/12 of `year`.
    pub year_figures: Figures,
    /// The same as `GET /report-figures` over the plan period.
    pub plan_figures: Figures,
    /// Every month from the plan's first to the current one (at most the plan's last).
    pub timeline: Vec<TimelineMonth>,
    /// The unit × month grid of monthly introductions of `year`.
    pub introductions: IntroductionGrid,
    pub obligations: OpenObligations,
}

fn year_bounds(year: i32) -> (NaiveDate, NaiveDate) {
    (
        NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default(),
        NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or_default(),
    )
}

/// The dashboard of `year` for `unit_id` (`None`: the Department), judged at `now`.
pub fn build(
    conn: &mut DbConnection,
    state: &AppState,
    year: i32,
    unit_id: Option<i64>,
    now: DateTime<Utc>,
) -> AppResult<Dashboard> {
    let calendar = Calendar::load(conn)?;
    let today = local_date(now.naive_utc());
    let (first_year, last_year) = (
        calendar.settings.first_year,
        calendar
            .settings
            .last_year
            .max(calendar.settings.first_year),
    );

    let (from, to) = year_bounds(year);
    let year_figures = state
        .figures
        .get(conn, &calendar, Scope { from, to, unit_id }, now)?;
    let plan = Scope {
        from: year_bounds(first_year).0,
        to: year_bounds(last_year).1,
        unit_id,
    };
    let plan_figures = state.figures.get(conn, &calendar, plan, now)?;

    let first_month = Month::of(plan.from);
    let last_month = Month::of(today).min(Month::of(plan.to));
    let timeline = if last_month < first_month {
        Vec::new()
    } else {
        state
            .timelines
            .get(conn, first_month, last_month, unit_id)?
    };

    let introductions = grid::build(conn, year, &calendar, today, unit_id)?;

    let years: Vec<i32> = (first_year.min(today.year())..=today.year() + 1).collect();
    let open = obligations::compute(
        conn,
        &calendar,
        obligations::Scope { only_unit: unit_id },
        Some(&years),
        now,
    )?;
    let of_status = |status| {
        let all: Vec<&Obligation> = open.iter().filter(|o| o.status == status).collect();
        let total = all.len() as i64;
        let shown = all.into_iter().take(OBLIGATIONS_SHOWN).cloned().collect();
        (shown, total)
    };
    let (overdue, overdue_total) = of_status(ObligationStatus::Missing);
    let (due_soon, due_soon_total) = of_status(ObligationStatus::DueSoon);

    Ok(Dashboard {
        today,
        year,
        first_year,
        last_year,
        unit: year_figures.unit.clone(),
        year_figures,
        plan_figures,
        timeline,
        introductions,
        obligations: OpenObligations {
            overdue,
            due_soon,
            overdue_total,
            due_soon_total,
        },
    })
}
