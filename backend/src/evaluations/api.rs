//! Evaluations of exemplars against the criteria.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, delete, get, post, put, web};

use chrono::NaiveDateTime;

use super::model::{self, Evaluation, EvaluationInput, EvaluationSummary, NewEvaluation};
use crate::attachments::model::{self as attachments, Owner};
use crate::audit::{self, AuditContext};
use crate::auth::roles::{Evaluate, ReadExemplars};
use crate::auth::{Auth, Principal};
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};
use crate::exemplars::model::{self as exemplars, ensure_evaluable, ensure_readable};
use crate::http::etag::{IfMatch, json_with_etag};
use crate::http::extract::Json;
use crate::http::validation::validate;
use crate::state::AppState;

/// Loads an evaluation the caller may read: its exemplar is visible, and so is the evaluation
/// ([`model::EvaluationRow::visible_to`]); a hidden one is "not found".
pub fn readable(
    conn: &mut DbConnection,
    principal: &Principal,
    id: i64,
) -> AppResult<model::EvaluationRow> {
    let row = model::find_row(conn, id)?;
    let exemplar = exemplars::find_row(conn, row.exemplar_id)?;
    ensure_readable(principal, &exemplar)?;
    if !row.visible_to(principal) {
        return Err(AppError::not_found("phiếu đánh giá"));
    }
    Ok(row)
}

/// The evaluations of an exemplar, oldest first.
///
/// **Quyền:** như xem điển hình (tài khoản tích hợp: phiếu đã hoàn tất).
#[utoipa::path(
    tag = "Đánh giá",
    params(("id" = i64, Path, description = "Exemplar id")),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff", "integration"])),
    responses((status = 200, body = Vec<EvaluationSummary>))
)]
#[get("/exemplars/{id}/evaluations")]
pub async fn list_evaluations(
    auth: Auth<ReadExemplars>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<web::Json<Vec<EvaluationSummary>>> {
    let id = id.into_inner();
    let principal = auth.principal;
    let list = state
        .db
        .run(move |conn| {
            let exemplar = exemplars::find_row(conn, id)?;
            ensure_readable(&principal, &exemplar)?;
            model::visible_for_exemplar(conn, &principal, &exemplar)
        })
        .await?;
    Ok(web::Json(list))
}

/// Opens a draft evaluation of an exemplar against a published criteria set (default: the
/// current one for its subject kind). Unit roles self-assess their own unit's exemplars; the
/// Office reviews; the leadership and the Office may record a council member's evaluation.
///
/// **Quyền:** leader, office, unit_head, unit_staff (đơn vị mình, tự đánh giá).
#[utoipa::path(
    tag = "Đánh giá",
    request_body = NewEvaluation,
    params(("id" = i64, Path, description = "Exemplar id")),
    security(("bearer" = ["leader", "office", "unit_head", "unit_staff"])),
    responses(
        (status = 201, body = Evaluation, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict)
    )
)]
#[post("/exemplars/{id}/evaluations")]
pub async fn create_evaluation(
    auth: Auth<Evaluate>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    Json(request): Json<NewEvaluation>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let ctx = AuditContext::from(&auth);
    let principal = auth.principal;
    let evaluation = state
        .db
        .transaction(move |conn| {
            let exemplar = exemplars::find_row(conn, id)?;
            ensure_evaluable(&principal, &exemplar)?;
            let new_id = model::create(conn, &principal, &exemplar, &request, ctx.at)?;
            let evaluation = model::load(conn, new_id)?;
            audit::record(
                conn,
                &ctx,
                audit::AuditAction::Create,
                audit::EntityType::Evaluation,
                Some(new_id),
                None,
                audit::snapshot(&evaluation),
            )?;
            Ok(evaluation)
        })
        .await?;
    Ok(json_with_etag(
        StatusCode::CREATED,
        evaluation.version,
        &evaluation,
    ))
}

/// One evaluation with its answers.
///
/// **Quyền:** như xem điển hình (tài khoản tích hợp: phiếu đã hoàn tất).
#[utoipa::path(
    tag = "Đánh giá",
    params(("id" = i64, Path, description = "Evaluation id")),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff", "integration"])),
    responses((status = 200, body = Evaluation, headers(("ETag" = String))))
)]
#[get("/evaluations/{id}")]
pub async fn get_evaluation(
    auth: Auth<ReadExemplars>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let principal = auth.principal;
    let evaluation = state
        .db
        .run(move |conn| {
            readable(conn, &principal, id)?;
            model::load(conn, id)
        })
        .await?;
    Ok(json_with_etag(
        StatusCode::OK,
        evaluation.version,
        &evaluation,
    ))
}

async fn change<F>(
    auth: Auth<Evaluate>,
    state: web::Data<AppState>,
    id: i64,
    action: crate::audit::AuditAction,
    status: StatusCode,
    f: F,
) -> AppResult<HttpResponse>
where
    F: FnOnce(
            &mut DbConnection,
            &Principal,
            &model::EvaluationRow,
            NaiveDateTime,
        ) -> AppResult<i64>
        + Send
        + 'static,
{
    let ctx = AuditContext::from(&auth);
    let principal = auth.principal;
    let evaluation = state
        .db
        .transaction(move |conn| {
            let row = readable(conn, &principal, id)?;
            let before = model::load(conn, id)?;
            let result_id = f(conn, &principal, &row, ctx.at)?;
            let after = model::load(conn, result_id)?;
            let before = if result_id == id {
                audit::snapshot(&before)
            } else {
                None
            };
            audit::record(
                conn,
                &ctx,
                action,
                audit::EntityType::Evaluation,
                Some(result_id),
                before,
                audit::snapshot(&after),
            )?;
            Ok(after)
        })
        .await?;
    Ok(json_with_etag(status, evaluation.version, &evaluation))
}

/// Saves the evaluator's answers on a draft (it may stay incomplete); the score and the computed
/// conclusion are recalculated. Requires `If-Match`.
///
/// **Quyền:** người lập phiếu (leader, office, unit_head, unit_staff).
#[utoipa::path(
    tag = "Đánh giá",
    request_body = EvaluationInput,
    params(("id" = i64, Path, description = "Evaluation id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["leader", "office", "unit_head", "unit_staff"])),
    responses(
        (status = 200, body = Evaluation, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[put("/evaluations/{id}")]
pub async fn save_evaluation(
    auth: Auth<Evaluate>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(input): Json<EvaluationInput>,
) -> AppResult<HttpResponse> {
    validate(&input)?;
    change(
        auth,
        state,
        id.into_inner(),
        crate::audit::AuditAction::Update,
        StatusCode::OK,
        move |conn, principal, row, now| {
            model::save(conn, principal, row, if_match, now, &input).map(|()| row.id)
        },
    )
    .await
}

/// Finalises a draft: every criterion must be answered; the evaluation becomes immutable, the
/// one it amends is superseded, and the exemplar's current conclusion and timeline are updated.
/// Requires `If-Match`.
///
/// **Quyền:** người lập phiếu.
#[utoipa::path(
    tag = "Đánh giá",
    params(("id" = i64, Path, description = "Evaluation id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["leader", "office", "unit_head", "unit_staff"])),
    responses(
        (status = 200, body = Evaluation, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/evaluations/{id}/finalise")]
pub async fn finalise_evaluation(
    auth: Auth<Evaluate>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
) -> AppResult<HttpResponse> {
    change(
        auth,
        state,
        id.into_inner(),
        crate::audit::AuditAction::Finalise,
        StatusCode::OK,
        move |conn, principal, row, now| {
            let exemplar = exemplars::find_row(conn, row.exemplar_id)?;
            ensure_evaluable(principal, &exemplar)?;
            model::finalise(conn, principal, row, if_match, now, &exemplar).map(|()| row.id)
        },
    )
    .await
}

/// Opens a draft that amends a final evaluation, starting from its answers; when finalised it
/// supersedes the original. Requires `If-Match` with the original's version.
///
/// **Quyền:** người lập phiếu gốc hoặc office.
#[utoipa::path(
    tag = "Đánh giá",
    params(("id" = i64, Path, description = "Evaluation id"), ("If-Match" = String, Header, description = "ETag của phiếu gốc")),
    security(("bearer" = ["leader", "office", "unit_head", "unit_staff"])),
    responses(
        (status = 201, body = Evaluation, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/evaluations/{id}/amend")]
pub async fn amend_evaluation(
    auth: Auth<Evaluate>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
) -> AppResult<HttpResponse> {
    change(
        auth,
        state,
        id.into_inner(),
        crate::audit::AuditAction::Create,
        StatusCode::CREATED,
        move |conn, principal, row, now| {
            let exemplar = exemplars::find_row(conn, row.exemplar_id)?;
            ensure_evaluable(principal, &exemplar)?;
            model::amend(conn, principal, row, if_match, now)
        },
    )
    .await
}

/// Deletes a draft evaluation. Requires `If-Match`.
///
/// **Quyền:** người lập phiếu.
#[utoipa::path(
    tag = "Đánh giá",
    params(("id" = i64, Path, description = "Evaluation id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["leader", "office", "unit_head", "unit_staff"])),
    responses(
        (status = 204, description = "Đã xóa"),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[delete("/evaluations/{id}")]
pub async fn delete_evaluation(
    auth: Auth<Evaluate>,
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
            let row = readable(conn, &principal, id)?;
            let before = model::load(conn, id)?;
            model::delete_draft(conn, &principal, &row, if_match, ctx.at, |conn| {
                attachments::delete_for_owner(conn, Owner::Evaluation(id))
            })?;
            audit::record(
                conn,
                &ctx,
                audit::AuditAction::Delete,
                audit::EntityType::Evaluation,
                Some(id),
                audit::snapshot(&before),
                None,
            )
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

pub fn configure(cfg: &mut impl crate::http::routes::Routes) {
    cfg.service(list_evaluations)
        .service(create_evaluation)
        .service(get_evaluation)
        .service(save_evaluation)
        .service(finalise_evaluation)
        .service(amend_evaluation)
        .service(delete_evaluation);
}
