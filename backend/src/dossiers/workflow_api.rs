//! The review workflow and stage moves of an exemplar.

use actix_web::{HttpResponse, post, web};

use super::api::change_exemplar;
use crate::auth::Auth;
use crate::auth::roles::{Review, UnitHeadOnly};
use crate::error::AppResult;
use crate::exemplars::stages::{self, Decision, StageMove, StepRequest};
use crate::exemplars::workflow::ExemplarAction;
use crate::http::etag::IfMatch;
use crate::http::extract::Json;
use crate::http::validation::validate;
use crate::state::AppState;

/// The unit head submits the unit's draft to the Office. Requires `If-Match`.
///
/// **Quyền:** unit_head (đơn vị mình).
#[utoipa::path(
    tag = "Quy trình điển hình",
    params(("id" = i64, Path, description = "Exemplar id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["unit_head"])),
    responses(
        (status = 200, body = super::detail::Exemplar, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/exemplars/{id}/submit")]
pub async fn submit_exemplar(
    auth: Auth<UnitHeadOnly>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
) -> AppResult<HttpResponse> {
    change_exemplar(
        auth,
        state,
        id.into_inner(),
        crate::audit::AuditAction::Submit,
        move |conn, principal, row, now| {
            stages::perform(
                conn,
                principal,
                row,
                if_match,
                now,
                StepRequest::plain(ExemplarAction::Submit),
            )
        },
    )
    .await
}

/// The Office (or the leadership) confirms a submitted record. Requires `If-Match`.
///
/// **Quyền:** office, leader.
#[utoipa::path(
    tag = "Quy trình điển hình",
    request_body = Decision,
    params(("id" = i64, Path, description = "Exemplar id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["leader", "office"])),
    responses(
        (status = 200, body = super::detail::Exemplar, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/exemplars/{id}/confirm")]
pub async fn confirm_exemplar(
    auth: Auth<Review>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(decision): Json<Decision>,
) -> AppResult<HttpResponse> {
    validate(&decision)?;
    change_exemplar(
        auth,
        state,
        id.into_inner(),
        crate::audit::AuditAction::Confirm,
        move |conn, principal, row, now| {
            stages::perform(
                conn,
                principal,
                row,
                if_match,
                now,
                StepRequest::decision(ExemplarAction::Confirm, &decision),
            )
        },
    )
    .await
}

/// The Office (or the leadership) returns a submitted record to its unit, saying why. Requires `If-Match`.
///
/// **Quyền:** office, leader.
#[utoipa::path(
    tag = "Quy trình điển hình",
    request_body = Decision,
    params(("id" = i64, Path, description = "Exemplar id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["leader", "office"])),
    responses(
        (status = 200, body = super::detail::Exemplar, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/exemplars/{id}/return")]
pub async fn return_exemplar(
    auth: Auth<Review>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(decision): Json<Decision>,
) -> AppResult<HttpResponse> {
    validate(&decision)?;
    change_exemplar(
        auth,
        state,
        id.into_inner(),
        crate::audit::AuditAction::Return,
        move |conn, principal, row, now| {
            stages::perform(
                conn,
                principal,
                row,
                if_match,
                now,
                StepRequest::decision(ExemplarAction::Return, &decision),
            )
        },
    )
    .await
}

/// The unit head proposes a stage move (the record must have been submitted). Moving to
/// "bồi dưỡng" needs a nurturing plan, to "tổng kết" a summary, to "nhân rộng" a replication;
/// stopping needs a reason. Requires `If-Match`.
///
/// **Quyền:** unit_head (đơn vị mình).
#[utoipa::path(
    tag = "Quy trình điển hình",
    request_body = StageMove,
    params(("id" = i64, Path, description = "Exemplar id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["unit_head"])),
    responses(
        (status = 200, body = super::detail::Exemplar, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/exemplars/{id}/stage-proposal")]
pub async fn propose_stage(
    auth: Auth<UnitHeadOnly>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(request): Json<StageMove>,
) -> AppResult<HttpResponse> {
    validate(&request)?;
    change_exemplar(
        auth,
        state,
        id.into_inner(),
        crate::audit::AuditAction::ProposeStage,
        move |conn, principal, row, now| {
            stages::perform(
                conn,
                principal,
                row,
                if_match,
                now,
                StepRequest::stage_move(ExemplarAction::ProposeStage, &request),
            )
        },
    )
    .await
}

/// The Office (or the leadership) confirms the pending proposal: the stage moves. Requires `If-Match`.
///
/// **Quyền:** office, leader.
#[utoipa::path(
    tag = "Quy trình điển hình",
    request_body = Decision,
    params(("id" = i64, Path, description = "Exemplar id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["leader", "office"])),
    responses(
        (status = 200, body = super::detail::Exemplar, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/exemplars/{id}/stage-proposal/confirm")]
pub async fn confirm_stage_proposal(
    auth: Auth<Review>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(decision): Json<Decision>,
) -> AppResult<HttpResponse> {
    validate(&decision)?;
    change_exemplar(
        auth,
        state,
        id.into_inner(),
        crate::audit::AuditAction::ConfirmStage,
        move |conn, principal, row, now| {
            stages::perform(
                conn,
                principal,
                row,
                if_match,
                now,
                StepRequest::decision(ExemplarAction::ConfirmStage, &decision),
            )
        },
    )
    .await
}

/// The Office (or the leadership) rejects the pending proposal, saying why. Requires `If-Match`.
///
/// **Quyền:** office, leader.
#[utoipa::path(
    tag = "Quy trình điển hình",
    request_body = Decision,
    params(("id" = i64, Path, description = "Exemplar id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["leader", "office"])),
    responses(
        (status = 200, body = super::detail::Exemplar, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/exemplars/{id}/stage-proposal/reject")]
pub async fn reject_stage_proposal(
    auth: Auth<Review>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(decision): Json<Decision>,
) -> AppResult<HttpResponse> {
    validate(&decision)?;
    change_exemplar(
        auth,
        state,
        id.into_inner(),
        crate::audit::AuditAction::RejectStage,
        move |conn, principal, row, now| {
            stages::perform(
                conn,
                principal,
                row,
                if_match,
                now,
                StepRequest::decision(ExemplarAction::RejectStage, &decision),
            )
        },
    )
    .await
}

/// The unit head withdraws the unit's pending proposal. Requires `If-Match`.
///
/// **Quyền:** unit_head (đơn vị mình).
#[utoipa::path(
    tag = "Quy trình điển hình",
    params(("id" = i64, Path, description = "Exemplar id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["unit_head"])),
    responses(
        (status = 200, body = super::detail::Exemplar, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/exemplars/{id}/stage-proposal/withdraw")]
pub async fn withdraw_stage_proposal(
    auth: Auth<UnitHeadOnly>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
) -> AppResult<HttpResponse> {
    change_exemplar(
        auth,
        state,
        id.into_inner(),
        crate::audit::AuditAction::WithdrawStage,
        move |conn, principal, row, now| {
            stages::perform(
                conn,
                principal,
                row,
                if_match,
                now,
                StepRequest::plain(ExemplarAction::WithdrawStage),
            )
        },
    )
    .await
}

/// The Office (or the leadership) moves the stage directly. Requires `If-Match`.
///
/// **Quyền:** office, leader.
#[utoipa::path(
    tag = "Quy trình điển hình",
    request_body = StageMove,
    params(("id" = i64, Path, description = "Exemplar id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["leader", "office"])),
    responses(
        (status = 200, body = super::detail::Exemplar, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/exemplars/{id}/stage")]
pub async fn move_stage(
    auth: Auth<Review>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(request): Json<StageMove>,
) -> AppResult<HttpResponse> {
    validate(&request)?;
    change_exemplar(
        auth,
        state,
        id.into_inner(),
        crate::audit::AuditAction::MoveStage,
        move |conn, principal, row, now| {
            stages::perform(
                conn,
                principal,
                row,
                if_match,
                now,
                StepRequest::stage_move(ExemplarAction::MoveStage, &request),
            )
        },
    )
    .await
}

pub fn configure(cfg: &mut impl crate::http::routes::Routes) {
    cfg.service(submit_exemplar)
        .service(confirm_exemplar)
        .service(return_exemplar)
        .service(propose_stage)
        .service(confirm_stage_proposal)
        .service(reject_stage_proposal)
        .service(withdraw_stage_proposal)
        .service(move_stage);
}
