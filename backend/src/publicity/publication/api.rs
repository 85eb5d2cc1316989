//! `/api/v1/exemplars/{id}/publication`: what the public reads of an exemplar, the subject's
//! consent, publishing and taking down.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, post, put, web};

use super::model::{self, Publication, PublicationInput, PublishRequest, UnpublishRequest};
use crate::audit::{self, AuditAction, AuditContext, EntityType};
use crate::auth::roles::{Publish, ReadPublicity, Unpublish};
use crate::auth::{Auth, Principal, Rule};
use crate::db::DbConnection;
use crate::error::AppResult;
use crate::exemplars::model::{self as exemplars, ExemplarRow};
use crate::http::etag::{IfMatch, json_with_etag};
use crate::http::extract::Json;
use crate::http::validation::validate_with;
use crate::state::AppState;

/// The exemplar, if the caller may see it (the exemplars' visibility rule), and its publication.
fn load(
    conn: &mut DbConnection,
    principal: &Principal,
    id: i64,
    state: &AppState,
) -> AppResult<(ExemplarRow, Publication)> {
    let exemplar = exemplars::find_row(conn, id)?;
    exemplars::ensure_readable(principal, &exemplar)?;
    let row = model::find(conn, id)?;
    let publication = model::view(
        principal,
        &exemplar,
        row.as_ref(),
        &state.settings.publicity,
    );
    Ok((exemplar, publication))
}

/// The audit snapshot: the publication without what the caller may do.
fn snapshot(publication: &Publication) -> Option<serde_json::Value> {
    let mut value = audit::snapshot(publication)?;
    if let Some(object) = value.as_object_mut() {
        object.remove("allowedActions");
    }
    Some(value)
}

/// Runs `change` on exemplar `id`'s publication in a transaction, audits it on the exemplar,
/// and answers the publication with its ETag.
async fn change<R, F>(
    auth: Auth<R>,
    state: web::Data<AppState>,
    id: i64,
    action: AuditAction,
    change: F,
) -> AppResult<HttpResponse>
where
    R: Rule,
    F: FnOnce(&mut DbConnection, &Principal, &ExemplarRow, chrono::NaiveDateTime) -> AppResult<()>
        + Send
        + 'static,
{
    let ctx = AuditContext::from(&auth);
    let principal = auth.principal;
    let shared = state.clone();
    let publication = state
        .db
        .transaction(move |conn| {
            let (exemplar, before) = load(conn, &principal, id, &shared)?;
            change(conn, &principal, &exemplar, ctx.at)?;
            let (_, after) = load(conn, &principal, id, &shared)?;
            audit::record(
                conn,
                &ctx,
                action,
                EntityType::Exemplar,
                Some(id),
                snapshot(&before),
                snapshot(&after),
            )?;
            Ok(after)
        })
        .await?;
    Ok(json_with_etag(
        StatusCode::OK,
        publication.version,
        &publication,
    ))
}

/// Xem tình trạng công bố của điển hình.
///
/// Whether the exemplar is published, the text the public reads (until one is saved: the
/// achievements), the subject's consent, the public addresses while public, and what the caller
/// may do (`allowedActions`, with the reason publishing is not possible yet). `version` is 0
/// (ETag `"0"`) until the Office first saves or publishes.
///
/// **Quyền:** admin, leader, office; unit_head, unit_staff: điển hình của đơn vị mình.
#[utoipa::path(
    tag = "Công bố điển hình",
    params(("id" = i64, Path, description = "Exemplar id")),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
    responses((status = 200, body = Publication, headers(("ETag" = String))))
)]
#[get("/exemplars/{id}/publication")]
pub async fn get_publication(
    auth: Auth<ReadPublicity>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let principal = auth.principal;
    let shared = state.clone();
    let (_, publication) = state
        .db
        .run(move |conn| load(conn, &principal, id, &shared))
        .await?;
    Ok(json_with_etag(
        StatusCode::OK,
        publication.version,
        &publication,
    ))
}

/// Lưu nội dung công bố và sự đồng ý của cá nhân.
///
/// Saves the text the public reads and the subject's consent, without publishing; while
/// published, the public page changes at once. The consent of a published individual cannot be
/// removed (409): take the publication down instead. Requires `If-Match` (`"0"` before the first
/// save).
///
/// **Quyền:** office.
#[utoipa::path(
    tag = "Công bố điển hình",
    request_body = PublicationInput,
    params(("id" = i64, Path, description = "Exemplar id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc (\"0\" khi chưa có)")),
    security(("bearer" = ["office"])),
    responses(
        (status = 200, body = Publication, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[put("/exemplars/{id}/publication")]
pub async fn save_publication(
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
        move |conn, principal, exemplar, now| {
            model::save(conn, principal, exemplar, if_match, now, &input)
        },
    )
    .await
}

/// Công bố điển hình trên cổng thông tin công khai.
///
/// Publishes the exemplar: its record must be confirmed by the Office (409 otherwise) and never
/// stopped (409), and an individual's consent must be recorded, now in `consent` or before
/// (422 on `consent` otherwise; collectives need none). The text is `publicSummary`, else the
/// saved one, else the achievements. From then on the exemplar is in the public gallery, its
/// page, photo, card, the Atom feed and the embeddable list. Requires `If-Match` (`"0"` before
/// the first save).
///
/// **Quyền:** office.
#[utoipa::path(
    tag = "Công bố điển hình",
    request_body = PublishRequest,
    params(("id" = i64, Path, description = "Exemplar id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc (\"0\" khi chưa có)")),
    security(("bearer" = ["office"])),
    responses(
        (status = 200, body = Publication, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/exemplars/{id}/publication/publish")]
pub async fn publish_exemplar(
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
        move |conn, principal, exemplar, now| {
            model::publish(conn, principal, exemplar, if_match, now, &request)
        },
    )
    .await
}

/// Gỡ công bố điển hình ngay lập tức.
///
/// Takes the publication down at once, with a reason: from this request on, the gallery, the
/// page, the photo, the card, the feed and the embeddable list answer as if it had never been
/// published. It may be published again later. Requires `If-Match`.
///
/// **Quyền:** office, leader.
#[utoipa::path(
    tag = "Công bố điển hình",
    request_body = UnpublishRequest,
    params(("id" = i64, Path, description = "Exemplar id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["leader", "office"])),
    responses(
        (status = 200, body = Publication, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/exemplars/{id}/publication/unpublish")]
pub async fn unpublish_exemplar(
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
        move |conn, principal, exemplar, now| {
            model::unpublish(conn, principal, exemplar, if_match, now, &request)
        },
    )
    .await
}

pub fn configure(cfg: &mut impl crate::http::routes::Routes) {
    cfg.service(get_publication)
        .service(save_publication)
        .service(publish_exemplar)
        .service(unpublish_exemplar)
        .service(crate::publicity::share::api::share_kit);
}
