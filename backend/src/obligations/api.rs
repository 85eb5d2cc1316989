//! `/api/v1/obligations`: the reporting calendar with each obligation's status, as JSON pages or
//! as a CSV or Excel download.

use actix_web::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use actix_web::{HttpResponse, get, web};
use chrono::Datelike;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use super::export;
use super::model::{self, Obligation, Scope};
use super::status::ObligationStatus;
use crate::auth::roles::ReadReports;
use crate::auth::{Auth, Principal, policy};
use crate::calendar::deadlines::Calendar;
use crate::calendar::kinds::{ObligationKind, Responsible};
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};
use crate::http::extract::Query;
use crate::http::pagination::{Page, PageRequest};
use crate::state::AppState;
use crate::time::Day;

/// The list's filters (also the export's).
#[derive(Debug, Clone, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct ObligationQuery {
    /// A unit's obligations (unit roles: their own unit whatever is asked).
    pub unit_id: Option<i64>,
    /// `unit`: the units'; `office`: the Office's own.
    pub responsible: Option<Responsible>,
    pub kind: Option<ObligationKind>,
    /// `2026-11`, `2026`, `2026-2028` …
    #[param(max_length = 20)]
    pub period: Option<String>,
    pub status: Option<ObligationStatus>,
    /// Deadlines (`dueOn`) from this day.
    pub from: Option<Day>,
    /// Deadlines (`dueOn`) up to this day.
    pub to: Option<Day>,
    #[param(minimum = 1, default = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 100, default = 20)]
    pub page_size: Option<i64>,
}

impl ObligationQuery {
    fn check(&self) -> AppResult<()> {
        if let (Some(from), Some(to)) = (self.from, self.to)
            && from > to
        {
            return Err(AppError::field(
                "to",
                "before_from",
                "Ngày kết thúc không được trước ngày bắt đầu.",
            ));
        }
        Ok(())
    }

    /// The years that can hold a match (a narrower computation).
    fn years(&self) -> Option<Vec<i32>> {
        if let Some(year) = self
            .period
            .as_deref()
            .and_then(|p| p.get(..4))
            .and_then(|y| y.parse::<i32>().ok())
            && self.period.as_deref().is_some_and(|p| p.len() <= 7)
        {
            return Some(vec![year]);
        }
        match (self.from, self.to) {
            (Some(from), Some(to)) => Some((from.year()..=to.year()).take(300).collect()),
            _ => None,
        }
    }

    fn matches(&self, obligation: &Obligation) -> bool {
        self.unit_id
            .is_none_or(|unit| obligation.unit.as_ref().is_some_and(|u| u.id == unit))
            && self.responsible.is_none_or(|r| obligation.responsible == r)
            && self.kind.is_none_or(|k| obligation.kind == k)
            && self
                .period
                .as_deref()
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .is_none_or(|p| obligation.period == p)
            && self.status.is_none_or(|s| obligation.status == s)
            && self
                .from
                .is_none_or(|from| obligation.due_on >= from.date())
            && self.to.is_none_or(|to| obligation.due_on <= to.date())
    }
}

/// The obligations `principal` may see that match `q`, as of `now`.
pub fn matching(
    conn: &mut DbConnection,
    principal: &Principal,
    q: &ObligationQuery,
    now: chrono::DateTime<chrono::Utc>,
) -> AppResult<Vec<Obligation>> {
    let calendar = Calendar::load(conn)?;
    let only_unit = policy::unit_restriction(principal);
    let scope = Scope {
        only_unit: only_unit.or(q.unit_id),
    };
    let years = q.years();
    Ok(
        model::compute(conn, &calendar, scope, years.as_deref(), now)?
            .into_iter()
            .filter(|o| q.matches(o))
            .collect(),
    )
}

/// The obligations of the reporting calendar, by deadline: each unit's monthly introduction and
/// reports, and the Office's reports to Sở Nội vụ, with their status now (Vietnam time), their
/// deadline and what fulfils them.
///
/// **Quyền:** admin, leader, office: tất cả; unit_head, unit_staff: của đơn vị mình; tài khoản
/// tích hợp cần `reports:read`.
#[utoipa::path(
    tag = "Lịch báo cáo",
    params(ObligationQuery),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff", "integration"])),
    responses((status = 200, body = Page<Obligation>))
)]
#[get("/obligations")]
pub async fn list_obligations(
    auth: Auth<ReadReports>,
    state: web::Data<AppState>,
    Query(q): Query<ObligationQuery>,
) -> AppResult<web::Json<Page<Obligation>>> {
    let page = PageRequest::new(q.page, q.page_size)?;
    q.check()?;
    let now = state.clock.now();
    let principal = auth.principal;
    let all = state
        .db
        .run(move |conn| matching(conn, &principal, &q, now))
        .await?;
    let total = all.len() as i64;
    let items = all
        .into_iter()
        .skip(usize::try_from(page.offset()).unwrap_or(usize::MAX))
        .take(usize::try_from(page.limit()).unwrap_or(0))
        .collect();
    Ok(web::Json(page.of(items, total)))
}

/// The download's format.
///
/// - `xlsx`: an Excel workbook (the default).
/// - `csv`: UTF-8 with BOM, comma-separated.
#[derive(Debug, Clone, Copy, Default, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(
    description = "Định dạng tệp tải về.\n\n- `xlsx`: Excel (mặc định)\n- `csv`: CSV UTF-8 có BOM"
)]
pub enum ExportFormat {
    #[default]
    Xlsx,
    Csv,
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    /// `xlsx` (default) or `csv` (UTF-8 with BOM, comma-separated).
    #[param(inline)]
    pub format: Option<ExportFormat>,
    pub unit_id: Option<i64>,
    pub responsible: Option<Responsible>,
    pub kind: Option<ObligationKind>,
    #[param(max_length = 20)]
    pub period: Option<String>,
    pub status: Option<ObligationStatus>,
    pub from: Option<Day>,
    pub to: Option<Day>,
}

/// The filtered obligations (every page) as an Excel workbook or a CSV file.
///
/// **Quyền:** như danh sách.
#[utoipa::path(
    tag = "Lịch báo cáo",
    params(ExportQuery),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff", "integration"])),
    responses((status = 200, description = "Tệp Excel (.xlsx) hoặc CSV", content(
        ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("text/csv"),
    )))
)]
#[get("/obligations/export")]
pub async fn export_obligations(
    auth: Auth<ReadReports>,
    state: web::Data<AppState>,
    Query(q): Query<ExportQuery>,
) -> AppResult<HttpResponse> {
    let format = q.format.unwrap_or_default();
    let filters = ObligationQuery {
        unit_id: q.unit_id,
        responsible: q.responsible,
        kind: q.kind,
        period: q.period,
        status: q.status,
        from: q.from,
        to: q.to,
        page: None,
        page_size: None,
    };
    filters.check()?;
    let now = state.clock.now();
    let principal = auth.principal;
    let (bytes, content_type, extension) = state
        .db
        .run(move |conn| {
            let rows = matching(conn, &principal, &filters, now)?;
            let today = now.with_timezone(&crate::time::TIME_ZONE).date_naive();
            Ok(match format {
                ExportFormat::Xlsx => (
                    export::workbook(&rows, today)?,
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    "xlsx",
                ),
                ExportFormat::Csv => (export::csv(&rows)?, "text/csv; charset=utf-8", "csv"),
            })
        })
        .await?;
    let today = state.clock.today().format("%Y%m%d");
    Ok(HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, content_type))
        .insert_header((
            CONTENT_DISPOSITION,
            format!("attachment; filename=\"lich-bao-cao-{today}.{extension}\""),
        ))
        .body(bytes))
}

pub fn configure(cfg: &mut impl crate::http::routes::Routes) {
    cfg.service(export_obligations).service(list_obligations);
}
