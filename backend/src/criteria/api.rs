//! `/api/v1/criteria-sets`: the versioned rubrics.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, delete, get, post, put, web};
use serde::Deserialize;
use utoipa::IntoParams;

use super::model::{self, CriteriaSet, CriteriaSetInput, SetStatus};
use crate::audit::{self, AuditContext};
use crate::auth::Auth;
use crate::auth::roles::{AdminOrOffice, ReadExemplars};
use crate::error::AppResult;
use crate::exemplars::types::SubjectKind;
use crate::http::etag::{IfMatch, json_with_etag};
use crate::http::extract::{Json, Query};
use crate::http::validation::validate_with;
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct CriteriaSetQuery {
    pub subject_kind: Option<SubjectKind>,
    pub status: Option<SetStatus>,
}

/// Every version of every criteria set (newest version first within a code), with its criteria.
///
/// **Quyền:** mọi người dùng; tài khoản tích hợp cần `exemplars:read`.
#[utoipa::path(
    tag = "Tiêu chí",
    params(CriteriaSetQuery),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff", "integration"])),
    responses((status = 200, body = Vec<CriteriaSet>))
)]
#[get("/criteria-sets")]
pub async fn list_criteria_sets(
    auth: Auth<ReadExemplars>,
    state: web::Data<AppState>,
    Query(q): Query<CriteriaSetQuery>,
) -> AppResult<web::Json<Vec<CriteriaSet>>> {
    let principal = auth.principal;
    Ok(web::Json(
        state
            .db
            .run(move |conn| model::list(conn, &principal, q.subject_kind, q.status))
            .await?,
    ))
}

/// One version of a criteria set.
///
/// **Quyền:** mọi người dùng; tài khoản tích hợp cần `exemplars:read`.
#[utoipa::path(
    tag = "Tiêu chí",
    params(("id" = i64, Path, description = "Criteria set version id")),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff", "integration"])),
    responses((status = 200, body = CriteriaSet, headers(("ETag" = String))))
)]
#[get("/criteria-sets/{id}")]
pub async fn get_criteria_set(
    auth: Auth<ReadExemplars>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let principal = auth.principal;
    let set = state
        .db
        .run(move |conn| model::find_visible(conn, &principal, id))
        .await?;
    Ok(json_with_etag(StatusCode::OK, set.version, &set))
}

fn checked(input: CriteriaSetInput) -> AppResult<CriteriaSetInput> {
    let input = input.normalized();
    validate_with(&input, input.extra_errors())?;
    Ok(input)
}

/// Creates a draft: a new set, or (with an existing code) its next version.
///
/// **Quyền:** admin, office.
#[utoipa::path(
    tag = "Tiêu chí",
    request_body = CriteriaSetInput,
    security(("bearer" = ["admin", "office"])),
    responses((status = 201, body = CriteriaSet, headers(("ETag" = String))), (status = 409, response = crate::openapi::Conflict))
)]
#[post("/criteria-sets")]
pub async fn create_criteria_set(
    auth: Auth<AdminOrOffice>,
    state: web::Data<AppState>,
    Json(input): Json<CriteriaSetInput>,
) -> AppResult<HttpResponse> {
    let input = checked(input)?;
    let ctx = AuditContext::from(&auth);
    let set = state
        .db
        .transaction(move |conn| {
            let id = model::insert_draft(conn, ctx.at, &input)?;
            let set = model::find(conn, id)?;
            audit::record(
                conn,
                &ctx,
                audit::AuditAction::Create,
                audit::EntityType::CriteriaSet,
                Some(id),
                None,
                audit::snapshot(&set),
            )?;
            Ok(set)
        })
        .await?;
    Ok(json_with_etag(StatusCode::CREATED, set.version, &set))
}

/// Replaces a draft's fields and criteria. Requires `If-Match`.
///
/// **Quyền:** admin, office.
#[utoipa::path(
    tag = "Tiêu chí",
    request_body = CriteriaSetInput,
    params(("id" = i64, Path, description = "Criteria set version id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["admin", "office"])),
    responses(
        (status = 200, body = CriteriaSet, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[put("/criteria-sets/{id}")]
pub async fn update_criteria_set(
    auth: Auth<AdminOrOffice>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(input): Json<CriteriaSetInput>,
) -> AppResult<HttpResponse> {
    let input = checked(input)?;
    let id = id.into_inner();
    let ctx = AuditContext::from(&auth);
    let set = state
        .db
        .transaction(move |conn| {
            let before = model::find(conn, id)?;
            let row = model::find_row(conn, id)?;
            model::update_draft(conn, &row, if_match, ctx.at, &input)?;
            let set = model::find(conn, id)?;
            audit::record(
                conn,
                &ctx,
                audit::AuditAction::Update,
                audit::EntityType::CriteriaSet,
                Some(id),
                audit::snapshot(&before),
                audit::snapshot(&set),
            )?;
            Ok(set)
        })
        .await?;
    Ok(json_with_etag(StatusCode::OK, set.version, &set))
}

/// Publishes a draft; the version it replaces is retired (evaluations keep using it). Requires `If-Match`.
///
/// **Quyền:** admin, office.
#[utoipa::path(
    tag = "Tiêu chí",
    params(("id" = i64, Path, description = "Criteria set version id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["admin", "office"])),
    responses(
        (status = 200, body = CriteriaSet, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/criteria-sets/{id}/publish")]
pub async fn publish_criteria_set(
    auth: Auth<AdminOrOffice>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let ctx = AuditContext::from(&auth);
    let set = state
        .db
        .transaction(move |conn| {
            let row = model::find_row(conn, id)?;
            model::publish(conn, &row, if_match, ctx.at)?;
            let set = model::find(conn, id)?;
            audit::record(
                conn,
                &ctx,
                audit::AuditAction::Publish,
                audit::EntityType::CriteriaSet,
                Some(id),
                None,
                audit::snapshot(&set),
            )?;
            Ok(set)
        })
        .await?;
    Ok(json_with_etag(StatusCode::OK, set.version, &set))
}

/// Starts a new draft version from this one (the way to change a published set). Requires `If-Match`.
///
/// **Quyền:** admin, office.
#[utoipa::path(
    tag = "Tiêu chí",
    params(("id" = i64, Path, description = "Criteria set version id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["admin", "office"])),
    responses(
        (status = 201, body = CriteriaSet, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/criteria-sets/{id}/new-version")]
pub async fn new_criteria_set_version(
    auth: Auth<AdminOrOffice>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let ctx = AuditContext::from(&auth);
    let set = state
        .db
        .transaction(move |conn| {
            let row = model::find_row(conn, id)?;
            // Claimed by its version: of concurrent requests one starts the draft.
            let expected = if_match.expect(row.version)?;
            crate::versioned_update!(conn, criteria_sets, id, expected, ctx.at)?;
            let new_id = model::new_version(conn, &row, ctx.at)?;
            let set = model::find(conn, new_id)?;
            audit::record(
                conn,
                &ctx,
                audit::AuditAction::Create,
                audit::EntityType::CriteriaSet,
                Some(new_id),
                None,
                audit::snapshot(&set),
            )?;
            Ok(set)
        })
        .await?;
    Ok(json_with_etag(StatusCode::CREATED, set.version, &set))
}

/// Deletes a draft that no evaluation used. Requires `If-Match`.
///
/// **Quyền:** admin, office.
#[utoipa::path(
    tag = "Tiêu chí",
    params(("id" = i64, Path, description = "Criteria set version id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["admin", "office"])),
    responses(
        (status = 204, description = "Đã xóa"),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[delete("/criteria-sets/{id}")]
pub async fn delete_criteria_set(
    auth: Auth<AdminOrOffice>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let ctx = AuditContext::from(&auth);
    state
        .db
        .transaction(move |conn| {
            let before = model::find(conn, id)?;
            let row = model::find_row(conn, id)?;
            model::delete_draft(conn, &row, if_match)?;
            audit::record(
                conn,
                &ctx,
                audit::AuditAction::Delete,
                audit::EntityType::CriteriaSet,
                Some(id),
                audit::snapshot(&before),
                None,
            )
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

pub fn configure(cfg: &mut impl crate::http::routes::Routes) {
    cfg.service(list_criteria_sets)
        .service(get_criteria_set)
        .service(create_criteria_set)
        .service(update_criteria_set)
        .service(publish_criteria_set)
        .service(new_criteria_set_version)
        .service(delete_criteria_set);
}
