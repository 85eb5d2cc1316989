use chrono::{Datelike, NaiveDate};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::auth::{Principal, Role};
use crate::db::DbConnection;
use crate::db::schema::{exemplars, replications, units};
use crate::error::AppResult;
use crate::exemplars::list_totals::ListTotals;
use crate::exemplars::model::Visibility;
use crate::exemplars::query::{self, ExemplarQuery, MilestoneWindow};
use crate::exemplars::types::{Conclusion, RecordStatus, Stage};
use crate::http::pagination::PageRequest;
use crate::introductions::grid::{self, CellStatus};
use crate::text_enum;
use crate::time::Month;
use crate::units::UnitRef;

text_enum!(
    /// Something waiting for the caller.
    pub enum TaskKind {
        /// Unit roles: drafts of the unit not yet sent to the Office.
        Drafts = "drafts" / "Hồ sơ nháp chưa gửi",
        /// Unit roles: records the Office returned for completion.
        Returned = "returned" / "Hồ sơ bị trả lại",
        /// Unit heads and the Office: nurturing milestones due in the next 30 days.
        MilestonesDueSoon = "milestones_due_soon" / "Mốc bồi dưỡng sắp đến hạn",
        /// The Office: nurturing milestones past their day, across units.
        MilestonesOverdue = "milestones_overdue" / "Mốc bồi dưỡng quá hạn",
        /// The Office: records units sent for confirmation.
        ToConfirm = "to_confirm" / "Hồ sơ chờ xác nhận",
        /// The Office and the leader: stage moves units proposed.
        ProposalsToDecide = "proposals_to_decide" / "Đề xuất chuyển giai đoạn chờ duyệt",
        /// The Office: units that have not introduced an exemplar this month, past the due day.
        IntroductionsMissing =
            "introductions_missing" / "Đơn vị chưa giới thiệu điển hình tháng này",
    }
);

/// Query parameters of `GET /api/v1/exemplars` that list the records behind a figure.
#[derive(Debug, Clone, Default, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ExemplarFilters {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record_status: Option<RecordStatus>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub returned: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub milestones: Option<MilestoneWindow>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub has_proposal: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stage: Option<Stage>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conclusion: Option<Conclusion>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year_from: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year_to: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exclude_drafts: Option<bool>,
}

impl ExemplarFilters {
    fn query(&self) -> ExemplarQuery {
        ExemplarQuery {
            record_status: self.record_status,
            returned: self.returned,
            milestones: self.milestones,
            has_proposal: self.has_proposal,
            stage: self.stage,
            unit_id: self.unit_id,
            conclusion: self.conclusion,
            year: self.year,
            year_from: self.year_from,
            year_to: self.year_to,
            exclude_drafts: self.exclude_drafts,
            ..ExemplarQuery::default()
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Task {
    pub kind: TaskKind,
    pub count: i64,
    /// The exemplar list behind the count; absent for `introductions_missing` (the monthly grid).
    pub filters: Option<ExemplarFilters>,
}

/// A unit's introduction of the current month.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MonthIntroduction {
    /// `YYYY-MM`.
    pub month: String,
    pub due_on: NaiveDate,
    pub status: CellStatus,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct StageCount {
    pub stage: Stage,
    pub count: i64,
    pub filters: ExemplarFilters,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct UnitCount {
    pub unit: UnitRef,
    pub count: i64,
    pub filters: ExemplarFilters,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ConclusionCount {
    pub conclusion: Conclusion,
    pub count: i64,
    pub filters: ExemplarFilters,
}

/// This year's monthly introductions over every unit and month owed so far.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct IntroductionTally {
    pub year: i32,
    pub on_time: i64,
    pub late: i64,
    pub missing: i64,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct RecentReplication {
    pub exemplar_id: i64,
    pub exemplar_name: String,
    pub adopter_name: String,
    pub adopted_on: NaiveDate,
}

/// The Department's picture for the leadership and the Office.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DepartmentPicture {
    /// Exemplars discovered this year, by stage.
    pub by_stage: Vec<StageCount>,
    /// Exemplars discovered this year, by unit (units with none are listed with 0).
    pub by_unit: Vec<UnitCount>,
    /// Current conclusions of this year's exemplars.
    pub conclusions: Vec<ConclusionCount>,
    pub introductions: IntroductionTally,
    /// The five latest replications.
    pub recent_replications: Vec<RecentReplication>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Home {
    /// Today in Vietnam, against which everything due was judged.
    pub today: NaiveDate,
    /// What waits for the caller, in the order to take it.
    pub tasks: Vec<Task>,
    /// Unit roles: their unit's introduction of this month.
    pub introduction: Option<MonthIntroduction>,
    /// Leader, office and admin: the Department's picture of this year.
    pub picture: Option<DepartmentPicture>,
}

struct Counter<'a> {
    totals: &'a ListTotals,
    principal: &'a Principal,
    today: NaiveDate,
}

impl Counter<'_> {
    fn count(&self, conn: &mut DbConnection, filters: &ExemplarFilters) -> AppResult<i64> {
        let q = filters.query();
        let sort = query::sort_of(&q)?;
        let one = PageRequest::new(Some(1), Some(1))?;
        let (_, total, _) =
            query::page(conn, self.totals, self.principal, &q, one, sort, self.today)?;
        Ok(total)
    }

    fn task(
        &self,
        conn: &mut DbConnection,
        kind: TaskKind,
        filters: ExemplarFilters,
    ) -> AppResult<Task> {
        Ok(Task {
            kind,
            count: self.count(conn, &filters)?,
            filters: Some(filters),
        })
    }
}

pub fn build(
    conn: &mut DbConnection,
    totals: &ListTotals,
    principal: &Principal,
    today: NaiveDate,
) -> AppResult<Home> {
    let counter = Counter {
        totals,
        principal,
        today,
    };
    let draft = || ExemplarFilters {
        record_status: Some(RecordStatus::Draft),
        ..ExemplarFilters::default()
    };
    let returned = || ExemplarFilters {
        returned: Some(true),
        ..ExemplarFilters::default()
    };
    let milestones = |window| ExemplarFilters {
        milestones: Some(window),
        ..ExemplarFilters::default()
    };
    let mut tasks = Vec::new();
    let mut introduction = None;
    let mut picture = None;
    match principal.role {
        Role::UnitStaff | Role::UnitHead => {
            tasks.push(counter.task(conn, TaskKind::Returned, returned())?);
            tasks.push(counter.task(conn, TaskKind::Drafts, draft())?);
            if principal.role == Role::UnitHead {
                tasks.push(counter.task(
                    conn,
                    TaskKind::MilestonesDueSoon,
                    milestones(MilestoneWindow::DueSoon),
                )?);
            }
            introduction = own_introduction(conn, principal, today)?;
        }
        Role::Office => {
            tasks.push(counter.task(
                conn,
                TaskKind::ToConfirm,
                ExemplarFilters {
                    record_status: Some(RecordStatus::Submitted),
                    ..ExemplarFilters::default()
                },
            )?);
            tasks.push(counter.task(
                conn,
                TaskKind::ProposalsToDecide,
                ExemplarFilters {
                    has_proposal: Some(true),
                    ..ExemplarFilters::default()
                },
            )?);
            tasks.push(counter.task(
                conn,
                TaskKind::MilestonesOverdue,
                milestones(MilestoneWindow::Overdue),
            )?);
            tasks.push(Task {
                kind: TaskKind::IntroductionsMissing,
                count: units_missing_this_month(conn, today)?,
                filters: None,
            });
            picture = Some(department_picture(conn, &counter)?);
        }
        Role::Leader => {
            tasks.push(counter.task(
                conn,
                TaskKind::ProposalsToDecide,
                ExemplarFilters {
                    has_proposal: Some(true),
                    ..ExemplarFilters::default()
                },
            )?);
            picture = Some(department_picture(conn, &counter)?);
        }
        Role::Admin => picture = Some(department_picture(conn, &counter)?),
        Role::Integration => {}
    }
    Ok(Home {
        today,
        tasks,
        introduction,
        picture,
    })
}

fn own_introduction(
    conn: &mut DbConnection,
    principal: &Principal,
    today: NaiveDate,
) -> AppResult<Option<MonthIntroduction>> {
    let Some(unit) = principal.unit_id else {
        return Ok(None);
    };
    let month = Month::of(today);
    let grid = grid::load(conn, today.year(), today, Some(unit))?;
    let cell = grid
        .rows
        .first()
        .and_then(|row| row.cells.iter().find(|c| c.month == month.text()));
    Ok(cell.map(|cell| MonthIntroduction {
        month: cell.month.clone(),
        due_on: cell.due_on,
        status: cell.status,
    }))
}

fn units_missing_this_month(conn: &mut DbConnection, today: NaiveDate) -> AppResult<i64> {
    let month = Month::of(today).text();
    let grid = grid::load(conn, today.year(), today, None)?;
    Ok(grid
        .rows
        .iter()
        .filter(|row| {
            row.cells
                .iter()
                .any(|c| c.month == month && c.status == CellStatus::Missing)
        })
        .count() as i64)
}

fn department_picture(
    conn: &mut DbConnection,
    counter: &Counter<'_>,
) -> AppResult<DepartmentPicture> {
    let year = counter.today.year();
    let this_year = || ExemplarFilters {
        year: Some(year),
        ..ExemplarFilters::default()
    };
    let visibility = Visibility::of(counter.principal);
    let mut scoped = exemplars::table
        .filter(exemplars::discovery_year.eq(year))
        .into_boxed();
    if let Some(unit) = visibility.unit {
        scoped = scoped.filter(exemplars::unit_id.eq(unit));
    }
    if visibility.confirmed_only {
        scoped = scoped.filter(exemplars::record_status.eq(RecordStatus::Confirmed));
    }
    let rows: Vec<(i64, Stage, Option<Conclusion>)> = scoped
        .select((
            exemplars::unit_id,
            exemplars::stage,
            exemplars::current_conclusion,
        ))
        .load(conn)?;
    let by_stage = Stage::ALL
        .iter()
        .map(|stage| StageCount {
            stage: *stage,
            count: rows.iter().filter(|r| r.1 == *stage).count() as i64,
            filters: ExemplarFilters {
                stage: Some(*stage),
                ..this_year()
            },
        })
        .collect();
    let conclusions = Conclusion::ALL
        .iter()
        .map(|conclusion| ConclusionCount {
            conclusion: *conclusion,
            count: rows.iter().filter(|r| r.2 == Some(*conclusion)).count() as i64,
            filters: ExemplarFilters {
                conclusion: Some(*conclusion),
                ..this_year()
            },
        })
        .collect();
    let unit_refs: Vec<UnitRef> = units::table
        .filter(units::active.eq(true))
        .filter(units::kind.ne(crate::units::UnitKind::Department.as_str()))
        .order((units::sort_order.asc(), units::sort_name.asc()))
        .select((units::id, units::code, units::short_name, units::name))
        .load(conn)?;
    let by_unit = unit_refs
        .into_iter()
        .filter(|unit| visibility.unit.is_none_or(|only| only == unit.id))
        .map(|unit| UnitCount {
            count: rows.iter().filter(|r| r.0 == unit.id).count() as i64,
            filters: ExemplarFilters {
                unit_id: Some(unit.id),
                ..this_year()
            },
            unit,
        })
        .collect();
    let grid = grid::load(conn, year, counter.today, visibility.unit)?;
    let introductions = IntroductionTally {
        year,
        on_time: grid.rows.iter().map(|r| r.on_time).sum(),
        late: grid.rows.iter().map(|r| r.late).sum(),
        missing: grid.rows.iter().map(|r| r.missing).sum(),
    };
    let mut recent = replications::table
        .inner_join(exemplars::table)
        .order((replications::adopted_on.desc(), replications::id.desc()))
        .select((
            exemplars::id,
            exemplars::name,
            replications::adopter_name,
            replications::adopted_on,
        ))
        .limit(5)
        .into_boxed();
    if let Some(unit) = visibility.unit {
        recent = recent.filter(exemplars::unit_id.eq(unit));
    }
    if visibility.confirmed_only {
        recent = recent.filter(exemplars::record_status.eq(RecordStatus::Confirmed));
    }
    let recent_replications = recent
        .load::<(i64, String, String, NaiveDate)>(conn)?
        .into_iter()
        .map(
            |(exemplar_id, exemplar_name, adopter_name, adopted_on)| RecentReplication {
                exemplar_id,
                exemplar_name,
                adopter_name,
                adopted_on,
            },
        )
        .collect();
    Ok(DepartmentPicture {
        by_stage,
        by_unit,
        conclusions,
        introductions,
        recent_replications,
    })
}
