//! `/api/v1/movements`: the emulation movements exemplars are linked to.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, post, put, web};
use serde::Deserialize;
use utoipa::IntoParams;

use super::model::{self, Movement, MovementInput};
use crate::audit::{self, AuditContext};
use crate::auth::Auth;
use crate::auth::roles::{AdminOrOffice, ReadExemplars};
use crate::error::AppResult;
use crate::http::etag::{IfMatch, json_with_etag};
use crate::http::extract::{Json, Query};
use crate::http::pagination::{Page, PageRequest};
use crate::http::validation::validate_with;
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct MovementQuery {
    /// Search code, name and legal basis, ignoring case and diacritics.
    pub q: Option<String>,
    /// `true`: open movements; `false`: closed ones; omitted: all.
    pub active: Option<bool>,
    #[param(minimum = 1, default = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 100, default = 20)]
    pub page_size: Option<i64>,
}

/// Movements, open ones first, newest first.
///
/// **Quyền:** mọi người dùng; tài khoản tích hợp cần `exemplars:read`.
#[utoipa::path(
    tag = "Phong trào thi đua",
    params(MovementQuery),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff", "integration"])),
    responses((status = 200, body = Page<Movement>))
)]
#[get("/movements")]
pub async fn list_movements(
    _auth: Auth<ReadExemplars>,
    state: web::Data<AppState>,
    Query(q): Query<MovementQuery>,
) -> AppResult<web::Json<Page<Movement>>> {
    let page = PageRequest::new(q.page, q.page_size)?;
    let (items, total) = state
        .db
        .run(move |conn| model::list(conn, q.q.as_deref(), q.active, page.offset(), page.limit()))
        .await?;
    Ok(web::Json(page.of(items, total)))
}

/// One movement.
///
/// **Quyền:** mọi người dùng; tài khoản tích hợp cần `exemplars:read`.
#[utoipa::path(
    tag = "Phong trào thi đua",
    params(("id" = i64, Path, description = "Movement id")),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff", "integration"])),
    responses((status = 200, body = Movement, headers(("ETag" = String))))
)]
#[get("/movements/{id}")]
pub async fn get_movement(
    _auth: Auth<ReadExemplars>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let movement = state.db.run(move |conn| model::find(conn, id)).await?;
    Ok(json_with_etag(StatusCode::OK, movement.version, &movement))
}

fn checked(input: MovementInput) -> AppResult<MovementInput> {
    let input = input.normalized();
    validate_with(&input, input.extra_errors())?;
    Ok(input)
}

/// Creates a movement.
///
/// **Quyền:** admin, office.
#[utoipa::path(
    tag = "Phong trào thi đua",
    request_body = MovementInput,
    security(("bearer" = ["admin", "office"])),
    responses((status = 201, body = Movement, headers(("ETag" = String))), (status = 409, response = crate::openapi::Conflict))
)]
#[post("/movements")]
pub async fn create_movement(
    auth: Auth<AdminOrOffice>,
    state: web::Data<AppState>,
    Json(input): Json<MovementInput>,
) -> AppResult<HttpResponse> {
    let input = checked(input)?;
    let ctx = AuditContext::from(&auth);
    let movement = state
        .db
        .transaction(move |conn| {
            let id = model::insert(conn, ctx.at, &input)?;
            let movement = model::find(conn, id)?;
            audit::record(
                conn,
                &ctx,
                audit::AuditAction::Create,
                audit::EntityType::Movement,
                Some(id),
                None,
                audit::snapshot(&movement),
            )?;
            Ok(movement)
        })
        .await?;
    Ok(json_with_etag(
        StatusCode::CREATED,
        movement.version,
        &movement,
    ))
}

/// Edits a movement. Requires `If-Match`.
///
/// **Quyền:** admin, office.
#[utoipa::path(
    tag = "Phong trào thi đua",
    request_body = MovementInput,
    params(("id" = i64, Path, description = "Movement id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["admin", "office"])),
    responses(
        (status = 200, body = Movement, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[put("/movements/{id}")]
pub async fn update_movement(
    auth: Auth<AdminOrOffice>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(input): Json<MovementInput>,
) -> AppResult<HttpResponse> {
    let input = checked(input)?;
    let id = id.into_inner();
    let ctx = AuditContext::from(&auth);
    let movement = state
        .db
        .transaction(move |conn| {
            let current = model::find(conn, id)?;
            model::update(conn, &current, if_match, ctx.at, &input)?;
            let movement = model::find(conn, id)?;
            audit::record(
                conn,
                &ctx,
                audit::AuditAction::Update,
                audit::EntityType::Movement,
                Some(id),
                audit::snapshot(&current),
                audit::snapshot(&movement),
            )?;
            Ok(movement)
        })
        .await?;
    Ok(json_with_etag(StatusCode::OK, movement.version, &movement))
}

async fn set_active(
    auth: Auth<AdminOrOffice>,
    state: web::Data<AppState>,
    id: i64,
    if_match: IfMatch,
    active: bool,
) -> AppResult<HttpResponse> {
    let ctx = AuditContext::from(&auth);
    let movement = state
        .db
        .transaction(move |conn| {
            let current = model::find(conn, id)?;
            model::set_active(conn, &current, if_match, ctx.at, active)?;
            let movement = model::find(conn, id)?;
            let action = if active {
                crate::audit::AuditAction::Reopen
            } else {
                crate::audit::AuditAction::Close
            };
            audit::record(
                conn,
                &ctx,
                action,
                audit::EntityType::Movement,
                Some(id),
                audit::snapshot(&current),
                audit::snapshot(&movement),
            )?;
            Ok(movement)
        })
        .await?;
    Ok(json_with_etag(StatusCode::OK, movement.version, &movement))
}

/// Closes a movement: exemplars keep their link, new links are refused. Requires `If-Match`.
///
/// **Quyền:** admin, office.
#[utoipa::path(
    tag = "Phong trào thi đua",
    params(("id" = i64, Path, description = "Movement id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["admin", "office"])),
    responses(
        (status = 200, body = Movement, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/movements/{id}/close")]
pub async fn close_movement(
    auth: Auth<AdminOrOffice>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
) -> AppResult<HttpResponse> {
    set_active(auth, state, id.into_inner(), if_match, false).await
}

/// Reopens a closed movement. Requires `If-Match`.
///
/// **Quyền:** admin, office.
#[utoipa::path(
    tag = "Phong trào thi đua",
    params(("id" = i64, Path, description = "Movement id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["admin", "office"])),
    responses(
        (status = 200, body = Movement, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/movements/{id}/reopen")]
pub async fn reopen_movement(
    auth: Auth<AdminOrOffice>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
) -> AppResult<HttpResponse> {
    set_active(auth, state, id.into_inner(), if_match, true).await
}

pub fn configure(cfg: &mut impl crate::http::routes::Routes) {
    cfg.service(list_movements)
        .service(get_movement)
        .service(create_movement)
        .service(update_movement)
        .service(close_movement)
        .service(reopen_movement);
}
