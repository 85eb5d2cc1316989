//! The stage records of an exemplar: nurturing plan, summary, replications.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, delete, post, put, web};

use crate::attachments::model::{self as attachments, Owner};
use crate::audit::{self, AuditContext};
use crate::auth::Auth;
use crate::auth::roles::WriteExemplars;
use crate::error::{AppError, AppResult};
use crate::exemplars::model::{self, ensure_workable};
use crate::exemplars::records::{
    self, NurturingPlan, NurturingPlanInput, Replication, ReplicationInput, Summary, SummaryInput,
};
use crate::exemplars::types::Stage;
use crate::http::etag::{IfMatch, json_with_etag};
use crate::http::extract::Json;
use crate::http::validation::{validate, validate_with};
use crate::state::AppState;

/// Creates or replaces the nurturing plan and its milestones. Replacing needs `If-Match` with
/// the plan's `version`.
///
/// **Quyền:** office, unit_head, unit_staff (đơn vị mình).
#[utoipa::path(
    tag = "Hồ sơ giai đoạn",
    request_body = NurturingPlanInput,
    params(("id" = i64, Path, description = "Exemplar id"), ("If-Match" = Option<String>, Header, description = "ETag (phiên bản) của kế hoạch khi đã có")),
    security(("bearer" = ["office", "unit_head", "unit_staff"])),
    responses(
        (status = 200, body = NurturingPlan, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[put("/exemplars/{id}/nurturing-plan")]
pub async fn save_nurturing_plan(
    auth: Auth<WriteExemplars>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: Option<IfMatch>,
    Json(input): Json<NurturingPlanInput>,
) -> AppResult<HttpResponse> {
    let input = input.normalized();
    validate(&input)?;
    let id = id.into_inner();
    let ctx = AuditContext::from(&auth);
    let principal = auth.principal;
    let plan = state
        .db
        .transaction(move |conn| {
            let row = model::find_row(conn, id)?;
            ensure_workable(&principal, &row)?;
            let before = records::plan(conn, id)?;
            records::save_plan(conn, &principal, &row, if_match, ctx.at, &input)?;
            let plan =
                records::plan(conn, id)?.ok_or_else(|| AppError::internal("plan vanished"))?;
            audit::record(
                conn,
                &ctx,
                audit::AuditAction::SavePlan,
                audit::EntityType::Exemplar,
                Some(id),
                before.as_ref().and_then(audit::snapshot),
                audit::snapshot(&plan),
            )?;
            Ok(plan)
        })
        .await?;
    Ok(json_with_etag(StatusCode::OK, plan.version, &plan))
}

/// Creates or replaces the summary of the good practice. Replacing needs `If-Match` with the
/// summary's `version`.
///
/// **Quyền:** office, unit_head, unit_staff (đơn vị mình).
#[utoipa::path(
    tag = "Hồ sơ giai đoạn",
    request_body = SummaryInput,
    params(("id" = i64, Path, description = "Exemplar id"), ("If-Match" = Option<String>, Header, description = "ETag (phiên bản) của bản tổng kết khi đã có")),
    security(("bearer" = ["office", "unit_head", "unit_staff"])),
    responses(
        (status = 200, body = Summary, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[put("/exemplars/{id}/summary")]
pub async fn save_summary(
    auth: Auth<WriteExemplars>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: Option<IfMatch>,
    Json(input): Json<SummaryInput>,
) -> AppResult<HttpResponse> {
    let input = input.normalized();
    validate_with(&input, input.extra_errors())?;
    let id = id.into_inner();
    let ctx = AuditContext::from(&auth);
    let principal = auth.principal;
    let summary = state
        .db
        .transaction(move |conn| {
            let row = model::find_row(conn, id)?;
            ensure_workable(&principal, &row)?;
            let before = records::summary(conn, id)?;
            records::save_summary(conn, &principal, &row, if_match, ctx.at, &input)?;
            let summary = records::summary(conn, id)?
                .ok_or_else(|| AppError::internal("summary vanished"))?;
            audit::record(
                conn,
                &ctx,
                audit::AuditAction::SaveSummary,
                audit::EntityType::Exemplar,
                Some(id),
                before.as_ref().and_then(audit::snapshot),
                audit::snapshot(&summary),
            )?;
            Ok(summary)
        })
        .await?;
    Ok(json_with_etag(StatusCode::OK, summary.version, &summary))
}

fn checked(
    input: ReplicationInput,
    discovered_on: chrono::NaiveDate,
    today: chrono::NaiveDate,
) -> AppResult<ReplicationInput> {
    let input = input.normalized();
    validate_with(&input, input.extra_errors(discovered_on, today))?;
    Ok(input)
}

/// Records where the model was replicated.
///
/// **Quyền:** office, unit_head, unit_staff (đơn vị mình).
#[utoipa::path(
    tag = "Hồ sơ giai đoạn",
    request_body = ReplicationInput,
    params(("id" = i64, Path, description = "Exemplar id")),
    security(("bearer" = ["office", "unit_head", "unit_staff"])),
    responses(
        (status = 201, body = Replication, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict)
    )
)]
#[post("/exemplars/{id}/replications")]
pub async fn add_replication(
    auth: Auth<WriteExemplars>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    Json(input): Json<ReplicationInput>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let ctx = AuditContext::from(&auth);
    let today = state.clock.today();
    let principal = auth.principal;
    let replication = state
        .db
        .transaction(move |conn| {
            let row = model::find_row(conn, id)?;
            ensure_workable(&principal, &row)?;
            let input = checked(input, row.discovered_on, today)?;
            let new_id = records::add_replication(conn, &principal, &row, ctx.at, &input)?;
            let replication = records::find_replication(conn, new_id)?;
            audit::record(
                conn,
                &ctx,
                audit::AuditAction::Create,
                audit::EntityType::Replication,
                Some(new_id),
                None,
                audit::snapshot(&replication),
            )?;
            Ok(replication)
        })
        .await?;
    Ok(json_with_etag(
        StatusCode::CREATED,
        replication.version,
        &replication,
    ))
}

/// Edits a replication record. Requires `If-Match`.
///
/// **Quyền:** office, unit_head, unit_staff (đơn vị của điển hình).
#[utoipa::path(
    tag = "Hồ sơ giai đoạn",
    request_body = ReplicationInput,
    params(("id" = i64, Path, description = "Replication id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["office", "unit_head", "unit_staff"])),
    responses(
        (status = 200, body = Replication, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[put("/replications/{id}")]
pub async fn update_replication(
    auth: Auth<WriteExemplars>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(input): Json<ReplicationInput>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let ctx = AuditContext::from(&auth);
    let today = state.clock.today();
    let principal = auth.principal;
    let replication = state
        .db
        .transaction(move |conn| {
            let current = records::find_replication(conn, id)?;
            let row = model::find_row(conn, current.exemplar_id)?;
            ensure_workable(&principal, &row)?;
            let input = checked(input, row.discovered_on, today)?;
            records::update_replication(conn, &principal, &current, if_match, ctx.at, &input)?;
            let replication = records::find_replication(conn, id)?;
            audit::record(
                conn,
                &ctx,
                audit::AuditAction::Update,
                audit::EntityType::Replication,
                Some(id),
                audit::snapshot(&current),
                audit::snapshot(&replication),
            )?;
            Ok(replication)
        })
        .await?;
    Ok(json_with_etag(
        StatusCode::OK,
        replication.version,
        &replication,
    ))
}

/// Deletes a replication record. Requires `If-Match`.
///
/// **Quyền:** office, unit_head, unit_staff (đơn vị của điển hình).
#[utoipa::path(
    tag = "Hồ sơ giai đoạn",
    params(("id" = i64, Path, description = "Replication id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["office", "unit_head", "unit_staff"])),
    responses(
        (status = 204, description = "Đã xóa"),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[delete("/replications/{id}")]
pub async fn delete_replication(
    auth: Auth<WriteExemplars>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let ctx = AuditContext::from(&auth);
    let principal = auth.principal;
    state
        .db
        .transaction(move |conn| {
            let current = records::find_replication(conn, id)?;
            let row = model::find_row(conn, current.exemplar_id)?;
            ensure_workable(&principal, &row)?;
            if row.stage == Stage::Replicated {
                let count = records::replication_count(conn, row.id)?;
                if count <= 1 {
                    return Err(
                        AppError::new(crate::error::ErrorCode::Conflict).with_detail(
                            "Điển hình đang ở giai đoạn Nhân rộng cần ít nhất một nơi nhân rộng.",
                        ),
                    );
                }
            }
            records::delete_replication(conn, &principal, &current, if_match, ctx.at, |conn| {
                attachments::delete_for_owner(conn, Owner::Replication(id))
            })?;
            audit::record(
                conn,
                &ctx,
                audit::AuditAction::Delete,
                audit::EntityType::Replication,
                Some(id),
                audit::snapshot(&current),
                None,
            )
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

pub fn configure(cfg: &mut impl crate::http::routes::Routes) {
    cfg.service(save_nurturing_plan)
        .service(save_summary)
        .service(add_replication)
        .service(update_replication)
        .service(delete_replication);
}
