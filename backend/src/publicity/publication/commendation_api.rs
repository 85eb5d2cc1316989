//! `/api/v1/commendation-nominees/{id}/publication`: what the public reads of a decided
//! commendation, the subject's consent, publishing and taking down.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, post, put, web};

use super::commendation::{self as publication, CommendationPublication, Subject};
use crate::audit::{self, AuditAction, AuditContext, EntityType};
use crate::auth::roles::{Publish, ReadPublicity, Unpublish};
use crate::auth::{Auth, Principal, Rule};
use crate::commendations::proposals::{self, NomineeRow, ProposalRow};
use crate::db::DbConnection;
use crate::error::AppResult;
use crate::http::etag::{IfMatch, json_with_etag};
use crate::http::extract::Json;
use crate::http::validation::validate_with;
use crate::publicity::publication::model::{PublicationInput, PublishRequest, UnpublishRequest};
use crate::state::AppState;

/// The nominee and its proposal, if the caller may read the proposal (the proposals' visibility
/// rule), and the publication.
fn load(
    conn: &mut DbConnection,
    principal: &Principal,
    nominee_id: i64,
    state: &AppState,
) -> AppResult<(ProposalRow, NomineeRow, CommendationPublication)> {
    let nominee = proposals::find_nominee(conn, nominee_id)?;
    let proposal = proposals::find_readable(conn, principal, nominee.proposal_id)?;
    let row = publication::find(conn, nominee_id)?;
    let view = publication::view(
        principal,
        &proposal,
        &nominee,
        row.as_ref(),
        &state.settings.publicity,
    );
    Ok((proposal, nominee, view))
}

/// The audit snapshot: the publication without what the caller may do.
fn snapshot(view: &CommendationPublication) -> Option<serde_json::Value> {
    let mut value = audit::snapshot(view)?;
    if let Some(object) = value.as_object_mut() {
        object.remove("allowedActions");
    }
    Some(value)
}

/// Runs `change` on nominee `id`'s publication in a transaction, audits it on the proposal, and
/// answers the publication with its ETag.
async fn change<R, F>(
    auth: Auth<R>,
    state: web::Data<AppState>,
    id: i64,
    action: AuditAction,
    change: F,
) -> AppResult<HttpResponse>
where
    R: Rule,
    F: FnOnce(&mut DbConnection, &Principal, &Subject<'_>, chrono::NaiveDateTime) -> AppResult<()>
        + Send
        + 'static,
{
    let ctx = AuditContext::from(&auth);
    let principal = auth.principal;
    let shared = state.clone();
    let view = state
        .db
        .transaction(move |conn| {
            let (proposal, nominee, before) = load(conn, &principal, id, &shared)?;
            let subject = Subject {
                proposal: &proposal,
                nominee: &nominee,
            };
            change(conn, &principal, &subject, ctx.at)?;
            let (_, _, after) = load(conn, &principal, id, &shared)?;
            audit::record(
                conn,
                &ctx,
                action,
                EntityType::CommendationProposal,
                Some(proposal.id),
                snapshot(&before),
                snapshot(&after),
            )?;
            Ok(after)
        })
        .await?;
    Ok(json_with_etag(StatusCode::OK, view.version, &view))
}

/// Xem tình trạng công bố khen thưởng của một cá nhân, tập thể.
///
/// Whether the decided commendation of this nominee is published on the portal, the text the
/// public reads (until one is saved: the achievement), the subject's consent, the public page
/// while public, and what the caller may do (`allowedActions`, with the reason publishing is not
/// possible yet: no decision in force, or an individual's consent missing). `version` is 0 (ETag
/// `"0"`) until the Office first saves or publishes.
///
/// **Quyền:** như hồ sơ đề nghị (admin, leader, office; đơn vị: hồ sơ của đơn vị mình).
#[utoipa::path(
    tag = "Công bố khen thưởng",
    params(("id" = i64, Path, description = "Nominee id")),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
    responses((status = 200, body = CommendationPublication, headers(("ETag" = String))))
)]
#[get("/commendation-nominees/{id}/publication")]
pub async fn get_commendation_publication(
    auth: Auth<ReadPublicity>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let principal = auth.principal;
    let shared = state.clone();
    let (_, _, view) = state
        .db
        .run(move |conn| load(conn, &principal, id, &shared))
        .await?;
    Ok(json_with_etag(StatusCode::OK, view.version, &view))
}

/// Lưu nội dung công bố khen thưởng và sự đồng ý của cá nhân.
///
/// Saves the text the public reads and the subject's consent, without publishing; while
/// published, the public page changes at once. The consent of a published individual cannot be
/// removed (409): take the publication down instead. Requires `If-Match` (`"0"` before the first
/// save).
///
/// **Quyền:** office.
#[utoipa::path(
    tag = "Công bố khen thưởng",
    request_body = PublicationInput,
    params(("id" = i64, Path, description = "Nominee id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc (\"0\" khi chưa có)")),
    security(("bearer" = ["office"])),
    responses(
        (status = 200, body = CommendationPublication, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[put("/commendation-nominees/{id}/publication")]
pub async fn save_commendation_publication(
    auth: Auth<Publish>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(input): Json<PublicationInput>,
) -> AppResult<HttpResponse> {
    let input = input.normalized();
    validate_with(&input, input.extra_errors(state.clock.today()))?;
    change(
        auth,
        state,
        id.into_inner(),
        AuditAction::UpdatePublication,
        move |conn, principal, subject, now| {
            publication::save(conn, principal, subject, if_match, now, &input)
        },
    )
    .await
}

/// Công bố khen thưởng trên cổng thông tin công khai.
///
/// Publishes the decided commendation of this nominee: the nominee must be approved by a
/// decision in force (the proposal approved or awarded; 409 otherwise), and an individual's
/// consent must be recorded, now in `consent` or before (422 on `consent` otherwise; collectives
/// need none). The text is `publicSummary`, else the saved one, else the achievement. From then
/// on it is in the portal's list of decided commendations, its page and the Atom feed. Requires
/// `If-Match` (`"0"` before the first save).
///
/// **Quyền:** office.
#[utoipa::path(
    tag = "Công bố khen thưởng",
    request_body = PublishRequest,
    params(("id" = i64, Path, description = "Nominee id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc (\"0\" khi chưa có)")),
    security(("bearer" = ["office"])),
    responses(
        (status = 200, body = CommendationPublication, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/commendation-nominees/{id}/publication/publish")]
pub async fn publish_commendation(
    auth: Auth<Publish>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(request): Json<PublishRequest>,
) -> AppResult<HttpResponse> {
    let request = request.normalized();
    validate_with(&request, request.extra_errors(state.clock.today()))?;
    change(
        auth,
        state,
        id.into_inner(),
        AuditAction::Publish,
        move |conn, principal, subject, now| {
            publication::publish(conn, principal, subject, if_match, now, &request)
        },
    )
    .await
}

/// Gỡ công bố khen thưởng ngay lập tức.
///
/// Takes the publication down at once, with a reason: from this request on, the portal's list,
/// the page and the feed answer as if it had never been published. It may be published again
/// later. Requires `If-Match`.
///
/// **Quyền:** office, leader.
#[utoipa::path(
    tag = "Công bố khen thưởng",
    request_body = UnpublishRequest,
    params(("id" = i64, Path, description = "Nominee id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["leader", "office"])),
    responses(
        (status = 200, body = CommendationPublication, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/commendation-nominees/{id}/publication/unpublish")]
pub async fn unpublish_commendation(
    auth: Auth<Unpublish>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(request): Json<UnpublishRequest>,
) -> AppResult<HttpResponse> {
    let request = request.normalized();
    validate_with(&request, std::iter::empty())?;
    change(
        auth,
        state,
        id.into_inner(),
        AuditAction::Unpublish,
        move |conn, principal, subject, now| {
            publication::unpublish(conn, principal, subject, if_match, now, &request)
        },
    )
    .await
}

pub fn configure(cfg: &mut impl crate::http::routes::Routes) {
    cfg.service(get_commendation_publication)
        .service(save_commendation_publication)
        .service(publish_commendation)
        .service(unpublish_commendation);
}
