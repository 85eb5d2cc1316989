//! `/api/v1/report-submissions`: the records that fulfil report obligations.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, post, web};
use serde::Deserialize;
use utoipa::IntoParams;

use super::effects;
use super::model::{
    self, DecisionInput, Filter, ReportSubmission, ResubmissionInput, SubmissionInput,
};
use super::workflow::{SubmissionAction, SubmissionStatus};
use crate::audit::{self, AuditContext};
use crate::auth::Auth;
use crate::auth::roles::{DecideReport, ReadReports, SubmitReport};
use crate::calendar::kinds::{ObligationKind, Responsible};
use crate::error::AppResult;
use crate::http::etag::{IfMatch, json_with_etag};
use crate::http::extract::{Json, Query};
use crate::http::pagination::{Page, PageRequest};
use crate::http::validation::validate;
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct SubmissionQuery {
    pub kind: Option<ObligationKind>,
    pub unit_id: Option<i64>,
    /// `unit`: units' reports; `office`: the Office's own.
    pub responsible: Option<Responsible>,
    /// `2026`, `2026-2028` …
    #[param(max_length = 20)]
    pub period: Option<String>,
    pub status: Option<SubmissionStatus>,
    #[param(minimum = 1, default = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 100, default = 20)]
    pub page_size: Option<i64>,
}

/// Reports submitted for obligations, newest first.
///
/// **Quyền:** admin, leader, office: tất cả; unit_head, unit_staff: báo cáo của đơn vị mình;
/// tài khoản tích hợp cần `reports:read`.
#[utoipa::path(
    tag = "Lịch báo cáo",
    params(SubmissionQuery),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff", "integration"])),
    responses((status = 200, body = Page<ReportSubmission>))
)]
#[get("/report-submissions")]
pub async fn list_report_submissions(
    auth: Auth<ReadReports>,
    state: web::Data<AppState>,
    Query(q): Query<SubmissionQuery>,
) -> AppResult<web::Json<Page<ReportSubmission>>> {
    let page = PageRequest::new(q.page, q.page_size)?;
    let filter = Filter {
        kind: q.kind,
        unit_id: q.unit_id,
        responsible: q.responsible,
        period: q
            .period
            .map(|p| p.trim().to_owned())
            .filter(|p| !p.is_empty()),
        status: q.status,
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

/// One report.
///
/// **Quyền:** như danh sách.
#[utoipa::path(
    tag = "Lịch báo cáo",
    params(("id" = i64, Path, description = "Report submission id")),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff", "integration"])),
    responses((status = 200, body = ReportSubmission, headers(("ETag" = String))))
)]
#[get("/report-submissions/{id}")]
pub async fn get_report_submission(
    auth: Auth<ReadReports>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let principal = auth.principal;
    let report = state
        .db
        .run(move |conn| model::load(conn, &principal, id))
        .await?;
    Ok(json_with_etag(StatusCode::OK, report.version, &report))
}

/// Submits the report of an obligation: a unit's (by its head, or the Office on its behalf) or
/// the Office's own to Sở Nội vụ (`unitId` null). One per obligation: a returned report is sent
/// again with `resubmit`. Whether it is on time is judged now, in Vietnam time.
///
/// **Quyền:** unit_head (đơn vị mình), office.
#[utoipa::path(
    tag = "Lịch báo cáo",
    request_body = SubmissionInput,
    security(("bearer" = ["office", "unit_head"])),
    responses(
        (status = 201, body = ReportSubmission, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/report-submissions")]
pub async fn submit_report(
    auth: Auth<SubmitReport>,
    state: web::Data<AppState>,
    Json(input): Json<SubmissionInput>,
) -> AppResult<HttpResponse> {
    let input = input.normalized();
    validate(&input)?;
    let ctx = AuditContext::from(&auth);
    let principal = auth.principal;
    let report = state
        .db
        .transaction(move |conn| {
            let id = model::submit(conn, &principal, &input, ctx.at)?;
            let row = model::find_row(conn, id)?;
            effects::announce(conn, &row, SubmissionAction::Submit, ctx.at)?;
            let report = model::load(conn, &principal, id)?;
            audit::record(
                conn,
                &ctx,
                audit::AuditAction::Submit,
                audit::EntityType::ReportSubmission,
                Some(id),
                None,
                audit::snapshot(&report),
            )?;
            Ok(report)
        })
        .await?;
    Ok(json_with_etag(StatusCode::CREATED, report.version, &report))
}

async fn step<F>(
    ctx: AuditContext,
    principal: std::sync::Arc<crate::auth::Principal>,
    state: web::Data<AppState>,
    id: i64,
    action: SubmissionAction,
    f: F,
) -> AppResult<HttpResponse>
where
    F: FnOnce(
            &mut crate::db::DbConnection,
            &crate::auth::Principal,
            &model::SubmissionRow,
            chrono::NaiveDateTime,
        ) -> AppResult<()>
        + Send
        + 'static,
{
    let report = state
        .db
        .transaction(move |conn| {
            let row = model::find_row(conn, id)?;
            model::ensure_readable(&principal, &row)?;
            let before = model::load(conn, &principal, id)?;
            f(conn, &principal, &row, ctx.at)?;
            let after_row = model::find_row(conn, id)?;
            effects::announce(conn, &after_row, action, ctx.at)?;
            let after = model::load(conn, &principal, id)?;
            let audit_action = match action {
                SubmissionAction::Submit => audit::AuditAction::Submit,
                SubmissionAction::Resubmit => audit::AuditAction::Resubmit,
                SubmissionAction::Accept => audit::AuditAction::Accept,
                SubmissionAction::Return => audit::AuditAction::Return,
            };
            audit::record(
                conn,
                &ctx,
                audit_action,
                audit::EntityType::ReportSubmission,
                Some(id),
                audit::snapshot(&before),
                audit::snapshot(&after),
            )?;
            Ok(after)
        })
        .await?;
    Ok(json_with_etag(StatusCode::OK, report.version, &report))
}

/// Sends a returned report again (optionally with a new title and note). Requires `If-Match`.
///
/// **Quyền:** unit_head (đơn vị mình), office; báo cáo của Văn phòng Sở: office.
#[utoipa::path(
    tag = "Lịch báo cáo",
    request_body = ResubmissionInput,
    params(("id" = i64, Path, description = "Report submission id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["office", "unit_head"])),
    responses(
        (status = 200, body = ReportSubmission, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/report-submissions/{id}/resubmit")]
pub async fn resubmit_report(
    auth: Auth<SubmitReport>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(input): Json<ResubmissionInput>,
) -> AppResult<HttpResponse> {
    validate(&input)?;
    let ctx = AuditContext::from(&auth);
    step(
        ctx,
        auth.principal,
        state,
        id.into_inner(),
        SubmissionAction::Resubmit,
        move |conn, principal, row, now| {
            model::resubmit(conn, principal, row, if_match, now, &input)
        },
    )
    .await
}

/// Accepts a submitted report: the obligation is met. Requires `If-Match`.
///
/// **Quyền:** office, leader (báo cáo của đơn vị); leader (báo cáo của Văn phòng Sở).
#[utoipa::path(
    tag = "Lịch báo cáo",
    request_body = DecisionInput,
    params(("id" = i64, Path, description = "Report submission id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["leader", "office"])),
    responses(
        (status = 200, body = ReportSubmission, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/report-submissions/{id}/accept")]
pub async fn accept_report(
    auth: Auth<DecideReport>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(input): Json<DecisionInput>,
) -> AppResult<HttpResponse> {
    validate(&input)?;
    let ctx = AuditContext::from(&auth);
    step(
        ctx,
        auth.principal,
        state,
        id.into_inner(),
        SubmissionAction::Accept,
        move |conn, principal, row, now| {
            model::decide(
                conn,
                principal,
                row,
                SubmissionAction::Accept,
                if_match,
                now,
                input.note(),
            )
        },
    )
    .await
}

/// Returns a submitted report for revision, with the reason (`note`, required). Requires
/// `If-Match`.
///
/// **Quyền:** office, leader (báo cáo của đơn vị); leader (báo cáo của Văn phòng Sở).
#[utoipa::path(
    tag = "Lịch báo cáo",
    request_body = DecisionInput,
    params(("id" = i64, Path, description = "Report submission id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["leader", "office"])),
    responses(
        (status = 200, body = ReportSubmission, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/report-submissions/{id}/return")]
pub async fn return_report(
    auth: Auth<DecideReport>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(input): Json<DecisionInput>,
) -> AppResult<HttpResponse> {
    validate(&input)?;
    let ctx = AuditContext::from(&auth);
    step(
        ctx,
        auth.principal,
        state,
        id.into_inner(),
        SubmissionAction::Return,
        move |conn, principal, row, now| {
            model::decide(
                conn,
                principal,
                row,
                SubmissionAction::Return,
                if_match,
                now,
                input.note(),
            )
        },
    )
    .await
}

pub fn configure(cfg: &mut impl crate::http::routes::Routes) {
    cfg.service(list_report_submissions)
        .service(get_report_submission)
        .service(submit_report)
        .service(resubmit_report)
        .service(accept_report)
        .service(return_report);
}
