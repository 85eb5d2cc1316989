//! The workflow's steps as HTTP operations: each authorised by the transition table, made by
//! [`super::steps::perform`] and answered with the proposal (and its new `allowedActions`).

use actix_web::{HttpResponse, post, web};

use super::proposals_api::change_proposal;
use super::steps::{
    self, AwardedInput, DecisionInput, ForwardInput, NoticeInput, OutcomeInput, ReviewInput, Step,
    StepNote,
};
use crate::audit::AuditAction;
use crate::auth::Auth;
use crate::auth::roles::{CommendationOffice, DecideCommendations, DraftProposals, Review};
use crate::error::AppResult;
use crate::http::etag::IfMatch;
use crate::http::extract::Json;
use crate::state::AppState;

async fn take<R: crate::auth::Rule>(
    auth: Auth<R>,
    state: web::Data<AppState>,
    id: i64,
    if_match: IfMatch,
    audit: AuditAction,
    step: Step,
) -> AppResult<HttpResponse> {
    change_proposal(auth, state, id, audit, move |conn, principal, row, now| {
        steps::perform(conn, principal, row, if_match, now, &step)
    })
    .await
}

/// Gửi hồ sơ đề nghị khen thưởng cho Văn phòng Sở.
///
/// Sends the proposal to the Office (again, after a return). Needs at least one nominee, a tờ trình attached, a báo cáo thành tích (except đột xuất) and, for đột xuất, a summary. Requires `If-Match`.
///
/// **Quyền:** office, unit_head (đơn vị mình).
#[utoipa::path(
    tag = "Quy trình khen thưởng",
    request_body = StepNote,
    params(("id" = i64, Path, description = "Proposal id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["office", "unit_head"])),
    responses(
        (status = 200, body = super::detail::Proposal, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/commendation-proposals/{id}/submit")]
pub async fn submit_proposal(
    auth: Auth<DraftProposals>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(body): Json<StepNote>,
) -> AppResult<HttpResponse> {
    take(
        auth,
        state,
        id.into_inner(),
        if_match,
        AuditAction::Submit,
        Step::Submit(body),
    )
    .await
}

/// Văn phòng Sở tiếp nhận hồ sơ.
///
/// The Office acknowledges receipt of a submitted proposal. Requires `If-Match`.
///
/// **Quyền:** office.
#[utoipa::path(
    tag = "Quy trình khen thưởng",
    request_body = StepNote,
    params(("id" = i64, Path, description = "Proposal id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["office"])),
    responses(
        (status = 200, body = super::detail::Proposal, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/commendation-proposals/{id}/receive")]
pub async fn receive_proposal(
    auth: Auth<CommendationOffice>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(body): Json<StepNote>,
) -> AppResult<HttpResponse> {
    take(
        auth,
        state,
        id.into_inner(),
        if_match,
        AuditAction::Transition,
        Step::Receive(body),
    )
    .await
}

/// Trả lại hồ sơ cho đơn vị (ghi rõ lý do).
///
/// The Office returns a submitted or received proposal to its unit, saying why (`note` required); the unit edits and resubmits. Requires `If-Match`.
///
/// **Quyền:** office.
#[utoipa::path(
    tag = "Quy trình khen thưởng",
    request_body = StepNote,
    params(("id" = i64, Path, description = "Proposal id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["office"])),
    responses(
        (status = 200, body = super::detail::Proposal, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/commendation-proposals/{id}/return")]
pub async fn return_proposal(
    auth: Auth<CommendationOffice>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(body): Json<StepNote>,
) -> AppResult<HttpResponse> {
    take(
        auth,
        state,
        id.into_inner(),
        if_match,
        AuditAction::Return,
        Step::Return(body),
    )
    .await
}

/// Thẩm định từng tập thể, cá nhân được đề nghị.
///
/// The Office records each nominee as eligible or not (with a reason); at least one must be eligible. Eligible nominees are re-checked against the eligibility rules: a failing blocking rule answers 409 `eligibility_blocked`. Requires `If-Match`.
///
/// **Quyền:** office.
#[utoipa::path(
    tag = "Quy trình khen thưởng",
    request_body = ReviewInput,
    params(("id" = i64, Path, description = "Proposal id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["office"])),
    responses(
        (status = 200, body = super::detail::Proposal, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/commendation-proposals/{id}/review")]
pub async fn review_proposal(
    auth: Auth<CommendationOffice>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(body): Json<ReviewInput>,
) -> AppResult<HttpResponse> {
    take(
        auth,
        state,
        id.into_inner(),
        if_match,
        AuditAction::Transition,
        Step::Review(body),
    )
    .await
}

/// Công khai danh sách đề nghị để lấy ý kiến.
///
/// Publishes the eligible nominees for public comment (forms that require a notice; never đột xuất): from `startsOn` (default now) for the form's working days (skipping weekends and the configured holidays), or until a later `endsOn`. Requires `If-Match`.
///
/// **Quyền:** office.
#[utoipa::path(
    tag = "Quy trình khen thưởng",
    request_body = NoticeInput,
    params(("id" = i64, Path, description = "Proposal id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["office"])),
    responses(
        (status = 200, body = super::detail::Proposal, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/commendation-proposals/{id}/start-notice")]
pub async fn start_notice(
    auth: Auth<CommendationOffice>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(body): Json<NoticeInput>,
) -> AppResult<HttpResponse> {
    take(
        auth,
        state,
        id.into_inner(),
        if_match,
        AuditAction::Transition,
        Step::StartNotice(body),
    )
    .await
}

/// Trình Hội đồng Thi đua – Khen thưởng xét.
///
/// Puts a reviewed proposal on the council's list (forms that need a vote but no notice). Requires `If-Match`.
///
/// **Quyền:** office.
#[utoipa::path(
    tag = "Quy trình khen thưởng",
    request_body = StepNote,
    params(("id" = i64, Path, description = "Proposal id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["office"])),
    responses(
        (status = 200, body = super::detail::Proposal, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/commendation-proposals/{id}/send-to-council")]
pub async fn send_to_council(
    auth: Auth<CommendationOffice>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(body): Json<StepNote>,
) -> AppResult<HttpResponse> {
    take(
        auth,
        state,
        id.into_inner(),
        if_match,
        AuditAction::Transition,
        Step::SendToCouncil(body),
    )
    .await
}

/// Trình lãnh đạo Sở quyết định.
///
/// Puts a reviewed proposal before the leader (forms that need neither a notice nor a vote, and every đột xuất proposal). Requires `If-Match`.
///
/// **Quyền:** office.
#[utoipa::path(
    tag = "Quy trình khen thưởng",
    request_body = StepNote,
    params(("id" = i64, Path, description = "Proposal id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["office"])),
    responses(
        (status = 200, body = super::detail::Proposal, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/commendation-proposals/{id}/send-to-decision")]
pub async fn send_to_decision(
    auth: Auth<CommendationOffice>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(body): Json<StepNote>,
) -> AppResult<HttpResponse> {
    take(
        auth,
        state,
        id.into_inner(),
        if_match,
        AuditAction::Transition,
        Step::SendToDecision(body),
    )
    .await
}

/// Kết thúc thời hạn công khai.
///
/// Ends the notice once its end has passed by the clock (409 `step_not_ready` before): to the council when the form needs a vote, else to the decision. Requires `If-Match`.
///
/// **Quyền:** office.
#[utoipa::path(
    tag = "Quy trình khen thưởng",
    request_body = StepNote,
    params(("id" = i64, Path, description = "Proposal id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["office"])),
    responses(
        (status = 200, body = super::detail::Proposal, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/commendation-proposals/{id}/close-notice")]
pub async fn close_notice(
    auth: Auth<CommendationOffice>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(body): Json<StepNote>,
) -> AppResult<HttpResponse> {
    take(
        auth,
        state,
        id.into_inner(),
        if_match,
        AuditAction::Close,
        Step::CloseNotice(body),
    )
    .await
}

/// Quyết định khen thưởng (cấp số quyết định).
///
/// The leader decides the award (forms decided by the Giám đốc Sở): each nominee still in the running approved or not (with a reason), the date and signer; the number is the next of the year's QĐ register, or a reserved one. Approved nominees are re-checked (409 `eligibility_blocked`), get their reward (base salary in force × the form's multiple) and the title is recorded as a fact. Requires `If-Match`.
///
/// **Quyền:** leader.
#[utoipa::path(
    tag = "Quy trình khen thưởng",
    request_body = DecisionInput,
    params(("id" = i64, Path, description = "Proposal id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["leader"])),
    responses(
        (status = 200, body = super::detail::Proposal, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/commendation-proposals/{id}/approve")]
pub async fn approve_proposal(
    auth: Auth<DecideCommendations>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(body): Json<DecisionInput>,
) -> AppResult<HttpResponse> {
    take(
        auth,
        state,
        id.into_inner(),
        if_match,
        AuditAction::Transition,
        Step::Approve(body),
    )
    .await
}

/// Quyết định không khen thưởng (ghi rõ lý do).
///
/// The leader decides not to award, saying why (`note` required). Requires `If-Match`.
///
/// **Quyền:** leader.
#[utoipa::path(
    tag = "Quy trình khen thưởng",
    request_body = StepNote,
    params(("id" = i64, Path, description = "Proposal id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["leader"])),
    responses(
        (status = 200, body = super::detail::Proposal, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/commendation-proposals/{id}/reject")]
pub async fn reject_proposal(
    auth: Auth<DecideCommendations>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(body): Json<StepNote>,
) -> AppResult<HttpResponse> {
    take(
        auth,
        state,
        id.into_inner(),
        if_match,
        AuditAction::Transition,
        Step::Reject(body),
    )
    .await
}

/// Trình cấp có thẩm quyền quyết định (cấp số tờ trình).
///
/// Sends a proposal decided by a higher authority with the Department's tờ trình, numbered from the year's TTr register (or a reserved number). Requires `If-Match`.
///
/// **Quyền:** leader, office.
#[utoipa::path(
    tag = "Quy trình khen thưởng",
    request_body = ForwardInput,
    params(("id" = i64, Path, description = "Proposal id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["leader", "office"])),
    responses(
        (status = 200, body = super::detail::Proposal, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/commendation-proposals/{id}/forward")]
pub async fn forward_proposal(
    auth: Auth<Review>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(body): Json<ForwardInput>,
) -> AppResult<HttpResponse> {
    take(
        auth,
        state,
        id.into_inner(),
        if_match,
        AuditAction::Transition,
        Step::Forward(body),
    )
    .await
}

/// Ghi nhận quyết định khen thưởng của cấp trên.
///
/// Records the higher authority's decision (number, date, each nominee approved or not): awarded when at least one is, else not awarded. Requires `If-Match`.
///
/// **Quyền:** office.
#[utoipa::path(
    tag = "Quy trình khen thưởng",
    request_body = OutcomeInput,
    params(("id" = i64, Path, description = "Proposal id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["office"])),
    responses(
        (status = 200, body = super::detail::Proposal, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/commendation-proposals/{id}/record-outcome")]
pub async fn record_outcome(
    auth: Auth<CommendationOffice>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(body): Json<OutcomeInput>,
) -> AppResult<HttpResponse> {
    take(
        auth,
        state,
        id.into_inner(),
        if_match,
        AuditAction::Transition,
        Step::RecordOutcome(body),
    )
    .await
}

/// Xác nhận đã trao tặng.
///
/// Records that the awards of a decision were handed over. Requires `If-Match`.
///
/// **Quyền:** office.
#[utoipa::path(
    tag = "Quy trình khen thưởng",
    request_body = AwardedInput,
    params(("id" = i64, Path, description = "Proposal id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["office"])),
    responses(
        (status = 200, body = super::detail::Proposal, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/commendation-proposals/{id}/mark-awarded")]
pub async fn mark_awarded(
    auth: Auth<CommendationOffice>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(body): Json<AwardedInput>,
) -> AppResult<HttpResponse> {
    take(
        auth,
        state,
        id.into_inner(),
        if_match,
        AuditAction::Transition,
        Step::MarkAwarded(body),
    )
    .await
}

pub fn configure(cfg: &mut impl crate::http::routes::Routes) {
    cfg.service(submit_proposal)
        .service(receive_proposal)
        .service(return_proposal)
        .service(review_proposal)
        .service(start_notice)
        .service(send_to_council)
        .service(send_to_decision)
        .service(close_notice)
        .service(approve_proposal)
        .service(reject_proposal)
        .service(forward_proposal)
        .service(record_outcome)
        .service(mark_awarded);
}
