//! `/api/v1/propagation-activities`: the propagation log, listed, exported, recorded, changed.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, delete, get, post, put, web};

use super::detail::{self, PropagationActivity, PropagationSummary};
use super::model::{self, PropagationInput};
use super::query::{self, PropagationQuery};
use super::workbook;
use crate::audit::{self, AuditAction, AuditContext, EntityType};
use crate::auth::Auth;
use crate::auth::roles::{ReadPublicity, WritePropagation};
use crate::error::AppResult;
use crate::http::etag::{IfMatch, json_with_etag};
use crate::http::extract::{Json, Query};
use crate::http::pagination::{Page, PageRequest};
use crate::http::validation::validate_with;
use crate::state::AppState;

/// Danh sách hoạt động tuyên truyền (lọc, tìm kiếm không dấu, phân trang).
///
/// Activities of the propagation log, newest first by default, filtered by unit, channel, days,
/// featured exemplar and words (ignoring case and diacritics).
///
/// **Quyền:** admin, leader, office: mọi đơn vị; unit_head, unit_staff: đơn vị mình.
#[utoipa::path(
    tag = "Tuyên truyền",
    params(PropagationQuery),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
    responses((status = 200, body = Page<PropagationSummary>))
)]
#[get("/propagation-activities")]
pub async fn list_activities(
    auth: Auth<ReadPublicity>,
    state: web::Data<AppState>,
    Query(q): Query<PropagationQuery>,
) -> AppResult<web::Json<Page<PropagationSummary>>> {
    let page = PageRequest::new(q.page, q.page_size)?;
    let sort = query::sort_of(&q)?;
    let principal = auth.principal;
    let (items, total) = state
        .db
        .run(move |conn| {
            let (rows, total) = query::page(conn, &principal, &q, page, sort)?;
            Ok((detail::summaries(conn, &principal, rows)?, total))
        })
        .await?;
    Ok(web::Json(page.of(items, total)))
}

/// Xuất nhật ký tuyên truyền ra Excel.
///
/// The current list (same filters and order, every page: `page` and `pageSize` are not used)
/// as an Excel file with the reach totalled, up to 50 000 rows and 64 MB of text; beyond that
/// 422 `export_too_large` asks for narrower filters.
///
/// **Quyền:** như danh sách hoạt động tuyên truyền.
#[utoipa::path(
    tag = "Tuyên truyền",
    params(PropagationQuery),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
    responses((status = 200, description = "Tệp Excel (.xlsx)", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
)]
#[get("/propagation-activities/export")]
pub async fn export_activities(
    auth: Auth<ReadPublicity>,
    state: web::Data<AppState>,
    Query(q): Query<PropagationQuery>,
) -> AppResult<HttpResponse> {
    let sort = query::sort_of(&q)?;
    let principal = auth.principal;
    let limits = state.settings.export_limits;
    let today = state.clock.today();
    let bytes = state
        .db
        .run(move |conn| {
            let rows = query::all(conn, &principal, &q, sort, limits)?;
            let notes = rows
                .iter()
                .filter_map(|r| r.note.clone().map(|note| (r.id, note)))
                .collect();
            let items = detail::summaries(conn, &principal, rows)?;
            workbook::workbook(&items, &notes, today)
        })
        .await?;
    let name = format!("nhat-ky-tuyen-truyen-{}.xlsx", today.format("%Y-%m-%d"));
    Ok(HttpResponse::Ok()
        .content_type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}\""),
        ))
        .body(bytes))
}

/// Xem một hoạt động tuyên truyền.
///
/// One activity with its featured exemplars (those the caller may see), its files and what the
/// caller may do (`allowedActions`).
///
/// **Quyền:** như danh sách hoạt động tuyên truyền; hoạt động của đơn vị khác: 403.
#[utoipa::path(
    tag = "Tuyên truyền",
    params(("id" = i64, Path, description = "Propagation activity id")),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
    responses((status = 200, body = PropagationActivity, headers(("ETag" = String))))
)]
#[get("/propagation-activities/{id}")]
pub async fn get_activity(
    auth: Auth<ReadPublicity>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let principal = auth.principal;
    let activity = state
        .db
        .run(move |conn| detail::load(conn, &principal, id))
        .await?;
    Ok(json_with_etag(StatusCode::OK, activity.version, &activity))
}

fn checked(input: PropagationInput, today: chrono::NaiveDate) -> AppResult<PropagationInput> {
    let input = input.normalized();
    validate_with(&input, input.extra_errors(today))?;
    Ok(input)
}

/// Ghi nhận một hoạt động tuyên truyền.
///
/// Records an activity: channel, title, day, link, reach and the exemplars it featured (ones
/// the caller may see; an unknown or unseen one is a 422 on `exemplarIds[i]`).
///
/// **Quyền:** office (mọi đơn vị), unit_head, unit_staff (đơn vị mình).
#[utoipa::path(
    tag = "Tuyên truyền",
    request_body = PropagationInput,
    security(("bearer" = ["office", "unit_head", "unit_staff"])),
    responses((status = 201, body = PropagationActivity, headers(("ETag" = String), ("Location" = String))))
)]
#[post("/propagation-activities")]
pub async fn create_activity(
    auth: Auth<WritePropagation>,
    state: web::Data<AppState>,
    Json(input): Json<PropagationInput>,
) -> AppResult<HttpResponse> {
    let input = checked(input, state.clock.today())?;
    let ctx = AuditContext::from(&auth);
    let principal = auth.principal;
    let activity = state
        .db
        .transaction(move |conn| {
            let id = model::insert(conn, &principal, ctx.at, &input)?;
            let activity = detail::load(conn, &principal, id)?;
            audit::record(
                conn,
                &ctx,
                AuditAction::Create,
                EntityType::PropagationActivity,
                Some(id),
                None,
                snapshot(&activity),
            )?;
            Ok(activity)
        })
        .await?;
    let mut response = json_with_etag(StatusCode::CREATED, activity.version, &activity);
    if let Ok(location) =
        header::HeaderValue::from_str(&format!("/api/v1/propagation-activities/{}", activity.id))
    {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}

/// The audit snapshot: the record, without what the caller may do and without the files
/// (which have their own trail).
fn snapshot(activity: &PropagationActivity) -> Option<serde_json::Value> {
    let mut value = audit::snapshot(activity)?;
    if let Some(object) = value.as_object_mut() {
        object.remove("allowedActions");
        object.remove("attachments");
    }
    Some(value)
}

/// Sửa một hoạt động tuyên truyền.
///
/// Replaces the activity's fields. Featured exemplars of another unit that the caller cannot
/// see stay linked. Requires `If-Match`.
///
/// **Quyền:** office, unit_head, unit_staff (đơn vị mình).
#[utoipa::path(
    tag = "Tuyên truyền",
    request_body = PropagationInput,
    params(("id" = i64, Path, description = "Propagation activity id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["office", "unit_head", "unit_staff"])),
    responses((status = 200, body = PropagationActivity, headers(("ETag" = String))))
)]
#[put("/propagation-activities/{id}")]
pub async fn update_activity(
    auth: Auth<WritePropagation>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(input): Json<PropagationInput>,
) -> AppResult<HttpResponse> {
    let input = checked(input, state.clock.today())?;
    let id = id.into_inner();
    let ctx = AuditContext::from(&auth);
    let principal = auth.principal;
    let activity = state
        .db
        .transaction(move |conn| {
            let before = detail::load(conn, &principal, id)?;
            let row = model::find_row(conn, id)?;
            model::update(conn, &principal, &row, if_match, ctx.at, &input)?;
            let after = detail::load(conn, &principal, id)?;
            audit::record(
                conn,
                &ctx,
                AuditAction::Update,
                EntityType::PropagationActivity,
                Some(id),
                snapshot(&before),
                snapshot(&after),
            )?;
            Ok(after)
        })
        .await?;
    Ok(json_with_etag(StatusCode::OK, activity.version, &activity))
}

/// Xóa một hoạt động tuyên truyền.
///
/// Deletes the activity with its links and attachment rows (the stored files stay for the
/// audit trail). Requires `If-Match`.
///
/// **Quyền:** office, unit_head, unit_staff (đơn vị mình).
#[utoipa::path(
    tag = "Tuyên truyền",
    params(("id" = i64, Path, description = "Propagation activity id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["office", "unit_head", "unit_staff"])),
    responses((status = 204, description = "Đã xóa"))
)]
#[delete("/propagation-activities/{id}")]
pub async fn delete_activity(
    auth: Auth<WritePropagation>,
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
            let before = detail::load(conn, &principal, id)?;
            let row = model::find_row(conn, id)?;
            model::delete(conn, &principal, &row, if_match)?;
            audit::record(
                conn,
                &ctx,
                AuditAction::Delete,
                EntityType::PropagationActivity,
                Some(id),
                snapshot(&before),
                None,
            )
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

pub fn configure(cfg: &mut impl crate::http::routes::Routes) {
    cfg.service(list_activities)
        .service(export_activities)
        .service(get_activity)
        .service(create_activity)
        .service(update_activity)
        .service(delete_activity)
        .service(super::attachments_api::upload_attachment)
        .service(super::attachments_api::download_attachment)
        .service(super::attachments_api::attachment_thumbnail)
        .service(super::attachments_api::delete_attachment);
}
