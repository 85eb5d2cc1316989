//! `/api/v1/reports`: reports written in Lan Tỏa (figures, narrative, workflow, DOCX and XLSX),
//! `/api/v1/report-figures` (the same figures for any period, for provincial systems) and
//! `/api/v1/reports/compendium` (the compiled document of selected exemplars).

use actix_web::http::StatusCode;
use actix_web::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use actix_web::{HttpResponse, get, post, put, web};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use super::compendium::{self, CompendiumInput};
use super::figures::{Figures, Scope};
use super::model::{self, Filter, NewReportInput, Report, ReportInput, ReportSummary};
use super::workflow::{ReportAction, ReportKind};
use super::{docx, xlsx};
use crate::audit::{self, AuditAction, AuditContext, EntityType};
use crate::auth::roles::{ApproveReport, DecideReport, DraftReport, ReadReports, SubmitReport};
use crate::auth::{Auth, Principal, policy};
use crate::calendar::deadlines::Calendar;
use crate::error::{AppError, AppResult};
use crate::http::etag::{IfMatch, json_with_etag};
use crate::http::extract::{Json, Query};
use crate::http::pagination::{Page, PageRequest};
use crate::http::validation::validate;
use crate::report_submissions::effects;
use crate::report_submissions::model::{DecisionInput, find_row as find_submission};
use crate::report_submissions::workflow::SubmissionAction;
use crate::state::AppState;
use crate::time::Day;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct ReportQuery {
    pub kind: Option<ReportKind>,
    pub unit_id: Option<i64>,
    /// `2026`, `2026-2028` …
    #[param(max_length = 30)]
    pub period: Option<String>,
    /// `draft`, `submitted`, `accepted`, `returned`.
    pub status: Option<super::workflow::ReportStatus>,
    #[param(minimum = 1, default = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 100, default = 20)]
    pub page_size: Option<i64>,
}

/// Reports, most recently changed first.
///
/// **Quyền:** admin, leader, office: tất cả; unit_head, unit_staff: báo cáo của đơn vị mình;
/// tài khoản tích hợp cần `reports:read`.
#[utoipa::path(
    tag = "Lịch báo cáo",
    params(ReportQuery),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff", "integration"])),
    responses((status = 200, body = Page<ReportSummary>))
)]
#[get("/reports")]
pub async fn list_reports(
    auth: Auth<ReadReports>,
    state: web::Data<AppState>,
    Query(q): Query<ReportQuery>,
) -> AppResult<web::Json<Page<ReportSummary>>> {
    let page = PageRequest::new(q.page, q.page_size)?;
    let filter = Filter {
        kind: q.kind,
        unit_id: q.unit_id,
        status: q.status,
        period: q
            .period
            .map(|p| p.trim().to_owned())
            .filter(|p| !p.is_empty()),
    };
    let principal = auth.principal;
    let result = state
        .db
        .run(move |conn| {
            let (items, total) =
                model::list(conn, &principal, &filter, page.offset(), page.limit())?;
            Ok(page.of(items, total))
        })
        .await?;
    Ok(web::Json(result))
}

/// Starts a report (a draft with live figures): a unit's annual report or review, the Office's
/// consolidated report (`unitId` omitted), or an on-demand report for any period (`from`, `to`).
/// One calendar report per kind, unit and period.
///
/// **Quyền:** office; unit_head, unit_staff (đơn vị mình; báo cáo tổng hợp: chỉ office).
#[utoipa::path(
    tag = "Lịch báo cáo",
    request_body = NewReportInput,
    security(("bearer" = ["office", "unit_head", "unit_staff"])),
    responses(
        (status = 201, body = Report, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/reports")]
pub async fn create_report(
    auth: Auth<DraftReport>,
    state: web::Data<AppState>,
    Json(input): Json<NewReportInput>,
) -> AppResult<HttpResponse> {
    validate(&input)?;
    let ctx = AuditContext::from(&auth);
    let principal = auth.principal;
    let now = state.clock.now();
    let caches = state.clone();
    let report = state
        .db
        .transaction(move |conn| {
            let id = model::create(conn, &principal, &input, ctx.at)?;
            let report = model::load(conn, &caches.figures, &principal, id, now)?;
            audit::record(
                conn,
                &ctx,
                AuditAction::Create,
                EntityType::Report,
                Some(id),
                None,
                audit::snapshot(&summary_of(&report)),
            )?;
            Ok(report)
        })
        .await?;
    Ok(json_with_etag(StatusCode::CREATED, report.version, &report))
}

/// The audited part of a report (not its figures).
fn summary_of(report: &Report) -> serde_json::Value {
    serde_json::json!({
        "id": report.id,
        "kind": report.kind,
        "unitId": report.unit.as_ref().map(|u| u.id),
        "period": report.period,
        "title": report.title,
        "narrative": report.narrative,
        "status": report.status,
        "version": report.version,
    })
}

/// One report with its figures (frozen once submitted) and what the caller may do.
///
/// **Quyền:** như danh sách.
#[utoipa::path(
    tag = "Lịch báo cáo",
    params(("id" = i64, Path, description = "Report id")),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff", "integration"])),
    responses((status = 200, body = Report, headers(("ETag" = String))))
)]
#[get("/reports/{id}")]
pub async fn get_report(
    auth: Auth<ReadReports>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let principal = auth.principal;
    let now = state.clock.now();
    let caches = state.clone();
    let report = state
        .db
        .run(move |conn| model::load(conn, &caches.figures, &principal, id, now))
        .await?;
    Ok(json_with_etag(StatusCode::OK, report.version, &report))
}

/// Replaces the title and the narrative sections of a draft or returned report. Requires
/// `If-Match`.
///
/// **Quyền:** office; unit_head, unit_staff (đơn vị mình).
#[utoipa::path(
    tag = "Lịch báo cáo",
    request_body = ReportInput,
    params(("id" = i64, Path, description = "Report id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["office", "unit_head", "unit_staff"])),
    responses(
        (status = 200, body = Report, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[put("/reports/{id}")]
pub async fn update_report(
    auth: Auth<DraftReport>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(input): Json<ReportInput>,
) -> AppResult<HttpResponse> {
    validate(&input)?;
    let id = id.into_inner();
    let ctx = AuditContext::from(&auth);
    let principal = auth.principal;
    let now = state.clock.now();
    let caches = state.clone();
    let report = state
        .db
        .transaction(move |conn| {
            let row = model::find_row(conn, id)?;
            model::ensure_readable(&principal, &row)?;
            let before = model::load(conn, &caches.figures, &principal, id, now)?;
            model::update(conn, &principal, &row, if_match, &input, ctx.at)?;
            let after = model::load(conn, &caches.figures, &principal, id, now)?;
            audit::record(
                conn,
                &ctx,
                AuditAction::Update,
                EntityType::Report,
                Some(id),
                Some(summary_of(&before)),
                Some(summary_of(&after)),
            )?;
            Ok(after)
        })
        .await?;
    Ok(json_with_etag(StatusCode::OK, report.version, &report))
}

/// Runs a workflow step on report `id` in one transaction: the step, the notification and
/// webhook of its submission, the audit record.
async fn step<F>(
    ctx: AuditContext,
    principal: std::sync::Arc<Principal>,
    state: web::Data<AppState>,
    id: i64,
    action: ReportAction,
    f: F,
) -> AppResult<HttpResponse>
where
    F: FnOnce(
            &mut crate::db::DbConnection,
            &Principal,
            &model::ReportRow,
        ) -> AppResult<(i64, SubmissionAction)>
        + Send
        + 'static,
{
    let now = state.clock.now();
    let caches = state.clone();
    let report = state
        .db
        .transaction(move |conn| {
            let row = model::find_row(conn, id)?;
            model::ensure_readable(&principal, &row)?;
            let before = model::load(conn, &caches.figures, &principal, id, now)?;
            let (submission_id, submission_action) = f(conn, &principal, &row)?;
            let submission = find_submission(conn, submission_id)?;
            effects::announce(conn, &submission, submission_action, ctx.at)?;
            let after = model::load(conn, &caches.figures, &principal, id, now)?;
            let audit_action = match action {
                ReportAction::Submit => AuditAction::Submit,
                ReportAction::Resubmit => AuditAction::Resubmit,
                ReportAction::Accept | ReportAction::Approve => AuditAction::Accept,
                ReportAction::Return => AuditAction::Return,
                ReportAction::Edit => AuditAction::Update,
            };
            audit::record(
                conn,
                &ctx,
                audit_action,
                EntityType::Report,
                Some(id),
                Some(summary_of(&before)),
                Some(summary_of(&after)),
            )?;
            Ok(after)
        })
        .await?;
    Ok(json_with_etag(StatusCode::OK, report.version, &report))
}

/// Submits the report — or submits a returned one again — through the report submission of its
/// obligation (judged on time or late now, in Vietnam time). Its figures are frozen from now on.
/// Requires `If-Match`. On-demand reports are not submitted (409).
///
/// **Quyền:** unit_head (đơn vị mình), office; báo cáo tổng hợp: office.
#[utoipa::path(
    operation_id = "submit_written_report",
    tag = "Lịch báo cáo",
    params(("id" = i64, Path, description = "Report id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["office", "unit_head"])),
    responses(
        (status = 200, body = Report, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/reports/{id}/submit")]
pub async fn submit_report(
    auth: Auth<SubmitReport>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
) -> AppResult<HttpResponse> {
    let ctx = AuditContext::from(&auth);
    let now = state.clock.now();
    step(
        ctx,
        auth.principal,
        state,
        id.into_inner(),
        ReportAction::Submit,
        move |conn, principal, row| {
            let resubmitting = row.submission_id.is_some();
            let submission = model::submit(conn, principal, row, if_match, now)?;
            Ok((
                submission,
                if resubmitting {
                    SubmissionAction::Resubmit
                } else {
                    SubmissionAction::Submit
                },
            ))
        },
    )
    .await
}

async fn decision(
    auth_principal: std::sync::Arc<Principal>,
    ctx: AuditContext,
    state: web::Data<AppState>,
    id: i64,
    action: ReportAction,
    if_match: IfMatch,
    input: DecisionInput,
) -> AppResult<HttpResponse> {
    validate(&input)?;
    step(
        ctx.clone(),
        auth_principal,
        state,
        id,
        action,
        move |conn, principal, row| {
            let submission = model::decide(conn, principal, row, action, if_match, &input, ctx.at)?;
            let done = if action == ReportAction::Return {
                SubmissionAction::Return
            } else {
                SubmissionAction::Accept
            };
            Ok((submission, done))
        },
    )
    .await
}

/// Accepts a unit's submitted report. Requires `If-Match`.
///
/// **Quyền:** office, leader.
#[utoipa::path(
    operation_id = "accept_written_report",
    tag = "Lịch báo cáo",
    request_body = DecisionInput,
    params(("id" = i64, Path, description = "Report id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["leader", "office"])),
    responses(
        (status = 200, body = Report, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/reports/{id}/accept")]
pub async fn accept_report(
    auth: Auth<DecideReport>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(input): Json<DecisionInput>,
) -> AppResult<HttpResponse> {
    let ctx = AuditContext::from(&auth);
    decision(
        auth.principal,
        ctx,
        state,
        id.into_inner(),
        ReportAction::Accept,
        if_match,
        input,
    )
    .await
}

/// Approves the Office's consolidated report before it is sent to Sở Nội vụ. Requires
/// `If-Match`.
///
/// **Quyền:** leader.
#[utoipa::path(
    tag = "Lịch báo cáo",
    request_body = DecisionInput,
    params(("id" = i64, Path, description = "Report id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["leader"])),
    responses(
        (status = 200, body = Report, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/reports/{id}/approve")]
pub async fn approve_report(
    auth: Auth<ApproveReport>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(input): Json<DecisionInput>,
) -> AppResult<HttpResponse> {
    let ctx = AuditContext::from(&auth);
    decision(
        auth.principal,
        ctx,
        state,
        id.into_inner(),
        ReportAction::Approve,
        if_match,
        input,
    )
    .await
}

/// Returns a submitted report with comments (`note`, required). Requires `If-Match`.
///
/// **Quyền:** office, leader (báo cáo của đơn vị); leader (báo cáo tổng hợp).
#[utoipa::path(
    operation_id = "return_written_report",
    tag = "Lịch báo cáo",
    request_body = DecisionInput,
    params(("id" = i64, Path, description = "Report id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["leader", "office"])),
    responses(
        (status = 200, body = Report, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/reports/{id}/return")]
pub async fn return_report(
    auth: Auth<DecideReport>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(input): Json<DecisionInput>,
) -> AppResult<HttpResponse> {
    let ctx = AuditContext::from(&auth);
    decision(
        auth.principal,
        ctx,
        state,
        id.into_inner(),
        ReportAction::Return,
        if_match,
        input,
    )
    .await
}

fn download(bytes: Vec<u8>, content_type: &str, file_name: &str) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((CONTENT_TYPE, content_type))
        .insert_header((
            CONTENT_DISPOSITION,
            format!("attachment; filename=\"{file_name}\""),
        ))
        .body(bytes)
}

/// The report as an official document (Nghị định 30/2020): DOCX.
///
/// **Quyền:** như danh sách.
#[utoipa::path(
    tag = "Lịch báo cáo",
    params(("id" = i64, Path, description = "Report id")),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff", "integration"])),
    responses((status = 200, description = "Văn bản Word (.docx)", content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
)]
#[get("/reports/{id}/docx")]
pub async fn report_docx(
    auth: Auth<ReadReports>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let principal = auth.principal;
    let now = state.clock.now();
    let caches = state.clone();
    let (report, context) = state
        .db
        .run(move |conn| {
            let report = model::load(conn, &caches.figures, &principal, id, now)?;
            let context = docx::context(conn, &report)?;
            Ok((report, context))
        })
        .await?;
    let bytes = web::block(move || docx::render(&report, &context))
        .await
        .map_err(AppError::internal)??;
    Ok(download(bytes, DOCX, &format!("bao-cao-{id}.docx")))
}

/// The download's format.
#[derive(Debug, Clone, Copy, Default, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(
    description = "Định dạng tệp tải về.\n\n- `xlsx`: Excel, mỗi biểu một trang tính, dòng tổng cộng là công thức (mặc định)\n- `csv`: mọi biểu trong một tệp CSV UTF-8 có BOM"
)]
pub enum FiguresFormat {
    #[default]
    Xlsx,
    Csv,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct AnnexQuery {
    /// `xlsx` (default: one sheet per table, totals as formulas) or `csv` (every table in one
    /// UTF-8 file with a BOM).
    #[param(inline)]
    pub format: Option<FiguresFormat>,
}

/// The report's figure tables (phụ lục) as an Excel workbook or a CSV file.
///
/// **Quyền:** như danh sách.
#[utoipa::path(
    tag = "Lịch báo cáo",
    params(("id" = i64, Path, description = "Report id"), AnnexQuery),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff", "integration"])),
    responses((status = 200, description = "Tệp Excel (.xlsx) hoặc CSV", content(
        ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("text/csv"),
    )))
)]
#[get("/reports/{id}/annex")]
pub async fn report_annex(
    auth: Auth<ReadReports>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    Query(q): Query<AnnexQuery>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let principal = auth.principal;
    let now = state.clock.now();
    let caches = state.clone();
    let report = state
        .db
        .run(move |conn| model::load(conn, &caches.figures, &principal, id, now))
        .await?;
    let tables = xlsx::tables(
        &report.figures.figures,
        report.figures.consolidation.as_ref(),
    );
    Ok(match q.format.unwrap_or_default() {
        FiguresFormat::Xlsx => download(
            xlsx::workbook(&report.title, &tables)?,
            XLSX,
            &format!("phu-luc-bao-cao-{id}.xlsx"),
        ),
        FiguresFormat::Csv => download(
            xlsx::csv(&tables)?,
            "text/csv; charset=utf-8",
            &format!("phu-luc-bao-cao-{id}.csv"),
        ),
    })
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct FiguresQuery {
    /// First day of the period (inclusive, Vietnam time), `YYYY-MM-DD`.
    pub from: Day,
    /// Last day of the period (inclusive), `YYYY-MM-DD`.
    pub to: Day,
    /// One unit; omitted: the whole Department (unit roles: their unit, always).
    pub unit_id: Option<i64>,
}

fn figures_scope(principal: &Principal, q: &FiguresQuery) -> AppResult<Scope> {
    let (from, to) = (q.from.date(), q.to.date());
    if to < from {
        return Err(AppError::field(
            "to",
            "before_start",
            "Ngày kết thúc không được trước ngày bắt đầu.",
        ));
    }
    if (to - from).num_days() > 366 * 11 {
        return Err(AppError::field(
            "to",
            "too_long",
            "Kỳ báo cáo dài tối đa 10 năm.",
        ));
    }
    let unit_id = match policy::unit_restriction(principal) {
        Some(own) => {
            if q.unit_id.is_some_and(|u| u != own) {
                return Err(AppError::outside_unit());
            }
            Some(own)
        }
        None => q.unit_id,
    };
    Ok(Scope { from, to, unit_id })
}

/// The figures of any period, computed now: exemplars discovered by stage, category, movement,
/// field and unit; monthly introductions on time / late / missing; evaluations and
/// conclusions; replications; difficulties. For provincial systems (`reports:read`) and
/// dashboards.
///
/// **Quyền:** admin, leader, office, tài khoản tích hợp (`reports:read`): toàn Sở hoặc một đơn
/// vị; unit_head, unit_staff: đơn vị mình.
#[utoipa::path(
    tag = "Lịch báo cáo",
    params(FiguresQuery),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff", "integration"])),
    responses((status = 200, body = Figures))
)]
#[get("/report-figures")]
pub async fn get_figures(
    auth: Auth<ReadReports>,
    state: web::Data<AppState>,
    Query(q): Query<FiguresQuery>,
) -> AppResult<web::Json<Figures>> {
    let scope = figures_scope(&auth.principal, &q)?;
    let now = state.clock.now();
    let caches = state.clone();
    let result = state
        .db
        .run(move |conn| {
            let calendar = Calendar::load(conn)?;
            caches.figures.get(conn, &calendar, scope, now)
        })
        .await?;
    Ok(web::Json(result))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct FiguresExportQuery {
    /// First day of the period (inclusive, Vietnam time), `YYYY-MM-DD`.
    pub from: Day,
    /// Last day of the period (inclusive), `YYYY-MM-DD`.
    pub to: Day,
    pub unit_id: Option<i64>,
    /// `xlsx` (default) or `csv`.
    #[param(inline)]
    pub format: Option<FiguresFormat>,
}

/// The figures of any period as an Excel workbook (one sheet per table, totals as formulas) or
/// a CSV file.
///
/// **Quyền:** như `GET /report-figures`.
#[utoipa::path(
    tag = "Lịch báo cáo",
    params(FiguresExportQuery),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff", "integration"])),
    responses((status = 200, description = "Tệp Excel (.xlsx) hoặc CSV", content(
        ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("text/csv"),
    )))
)]
#[get("/report-figures/export")]
pub async fn export_figures(
    auth: Auth<ReadReports>,
    state: web::Data<AppState>,
    Query(q): Query<FiguresExportQuery>,
) -> AppResult<HttpResponse> {
    let format = q.format.unwrap_or_default();
    let scope = figures_scope(
        &auth.principal,
        &FiguresQuery {
            from: q.from,
            to: q.to,
            unit_id: q.unit_id,
        },
    )?;
    let now = state.clock.now();
    let caches = state.clone();
    let result = state
        .db
        .run(move |conn| {
            let calendar = Calendar::load(conn)?;
            caches.figures.get(conn, &calendar, scope, now)
        })
        .await?;
    let tables = xlsx::tables(&result, None);
    let stem = format!(
        "so-lieu-{}-{}",
        scope.from.format("%Y%m%d"),
        scope.to.format("%Y%m%d")
    );
    let title = format!(
        "Số liệu điển hình tiên tiến từ ngày {} đến ngày {}",
        scope.from.format("%d/%m/%Y"),
        scope.to.format("%d/%m/%Y")
    );
    Ok(match format {
        FiguresFormat::Xlsx => download(
            xlsx::workbook(&title, &tables)?,
            XLSX,
            &format!("{stem}.xlsx"),
        ),
        FiguresFormat::Csv => download(
            xlsx::csv(&tables)?,
            "text/csv; charset=utf-8",
            &format!("{stem}.csv"),
        ),
    })
}

/// "Tài liệu gương điển hình tiên tiến": the selected exemplars (confirmed records) of a period
/// compiled into one DOCX — cover, table of contents, one section per exemplar with its photo.
///
/// **Quyền:** admin, leader, office: mọi điển hình; unit_head, unit_staff: điển hình của đơn vị
/// mình; tài khoản tích hợp cần `reports:read`.
#[utoipa::path(
    tag = "Lịch báo cáo",
    request_body = CompendiumInput,
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff", "integration"])),
    responses((status = 200, description = "Văn bản Word (.docx)", content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
)]
#[post("/reports/compendium")]
pub async fn compendium_docx(
    auth: Auth<ReadReports>,
    state: web::Data<AppState>,
    Json(input): Json<CompendiumInput>,
) -> AppResult<HttpResponse> {
    validate(&input)?;
    input.check()?;
    let principal = auth.principal;
    let data_dir = state.settings.data_dir.clone();
    let entries = state
        .db
        .run(move |conn| compendium::load(conn, &principal, &input, &data_dir))
        .await?;
    let bytes = web::block(move || compendium::render(&entries))
        .await
        .map_err(AppError::internal)??;
    Ok(download(
        bytes,
        DOCX,
        "tai-lieu-guong-dien-hinh-tien-tien.docx",
    ))
}

pub fn configure(cfg: &mut impl crate::http::routes::Routes) {
    cfg.service(list_reports)
        .service(create_report)
        .service(compendium_docx)
        .service(get_report)
        .service(update_report)
        .service(submit_report)
        .service(accept_report)
        .service(approve_report)
        .service(return_report)
        .service(report_docx)
        .service(report_annex)
        .service(export_figures)
        .service(get_figures);
}
