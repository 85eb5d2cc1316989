//! `/api/v1/exemplars`: recording, listing, searching, exporting exemplars.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, delete, get, post, put, web};
use chrono::{NaiveDate, NaiveDateTime};

use super::detail::{self, Exemplar};
use crate::attachments::model::{self as attachments, Owner};
use crate::audit::{self, AuditContext};
use crate::auth::roles::{ReadExemplars, WriteExemplars};
use crate::auth::{Auth, Principal, Rule};
use crate::db::DbConnection;
use crate::error::AppResult;
use crate::exemplars::model::{self, ExemplarInput, ExemplarSummary};
use crate::exemplars::query::{self, ExemplarQuery};
use crate::http::etag::{IfMatch, json_with_etag};
use crate::http::extract::{Json, Query};
use crate::http::pagination::{Page, PageRequest};
use crate::http::validation::validate_with;
use crate::state::AppState;

/// The audit snapshot of an exemplar: its own fields, without the lists that have their own trail.
pub fn audit_snapshot(exemplar: &Exemplar) -> Option<serde_json::Value> {
    let mut value = audit::snapshot(exemplar)?;
    if let Some(object) = value.as_object_mut() {
        // The lists keep their own trail; what the caller may do is not part of the record.
        for key in [
            "timeline",
            "evaluations",
            "attachments",
            "replications",
            "allowedActions",
            "evaluatorKinds",
        ] {
            object.remove(key);
        }
        // The picture by its file name: the attachment itself has its own trail.
        if let Some(photo) = object.get_mut("photo") {
            *photo = photo
                .get("fileName")
                .cloned()
                .unwrap_or(serde_json::Value::Null);
        }
    }
    Some(value)
}

/// Runs `change` on one exemplar in a transaction, at the clock's current time, audits it, and
/// answers the exemplar.
pub async fn change_exemplar<R, F>(
    auth: Auth<R>,
    state: web::Data<AppState>,
    id: i64,
    action: crate::audit::AuditAction,
    change: F,
) -> AppResult<HttpResponse>
where
    R: Rule,
    F: FnOnce(&mut DbConnection, &Principal, &model::ExemplarRow, NaiveDateTime) -> AppResult<()>
        + Send
        + 'static,
{
    let ctx = AuditContext::from(&auth);
    let principal = auth.principal;
    let exemplar = state
        .db
        .transaction(move |conn| {
            let (row, before) = detail::load_with_row(conn, &principal, id)?;
            change(conn, &principal, &row, ctx.at)?;
            let after = detail::load(conn, &principal, id)?;
            audit::record(
                conn,
                &ctx,
                action,
                audit::EntityType::Exemplar,
                Some(id),
                audit_snapshot(&before),
                audit_snapshot(&after),
            )?;
            Ok(after)
        })
        .await?;
    Ok(json_with_etag(StatusCode::OK, exemplar.version, &exemplar))
}

/// Exemplars, filtered, searched and paginated.
///
/// **Quyền:** admin, leader, office: mọi đơn vị; unit_head, unit_staff: đơn vị mình; tài khoản tích hợp
/// (`exemplars:read`): hồ sơ đã xác nhận.
#[utoipa::path(
    tag = "Điển hình",
    params(ExemplarQuery),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff", "integration"])),
    responses((status = 200, body = Page<ExemplarSummary>))
)]
#[get("/exemplars")]
pub async fn list_exemplars(
    auth: Auth<ReadExemplars>,
    state: web::Data<AppState>,
    Query(q): Query<ExemplarQuery>,
) -> AppResult<web::Json<Page<ExemplarSummary>>> {
    let page = PageRequest::new(q.page, q.page_size)?;
    let sort = query::sort_of(&q)?;
    let principal = auth.principal;
    let totals = state.clone();
    let today = state.clock.today();
    let (items, total, capped) = state
        .db
        .run(move |conn| {
            query::page(
                conn,
                &totals.exemplar_totals,
                &principal,
                &q,
                page,
                sort,
                today,
            )
        })
        .await?;
    Ok(web::Json(page.of_capped(items, total, capped)))
}

/// The current list (same filters and order as the list, every page: `page` and `pageSize` are
/// not used) as an Excel file, up to 50 000 rows and 64 MB of text; beyond that 422
/// `export_too_large` asks for narrower filters.
///
/// **Quyền:** như danh sách điển hình.
#[utoipa::path(
    tag = "Điển hình",
    params(ExemplarQuery),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff", "integration"])),
    responses((status = 200, description = "Tệp Excel (.xlsx)", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
)]
#[get("/exemplars/export")]
pub async fn export_exemplars(
    auth: Auth<ReadExemplars>,
    state: web::Data<AppState>,
    Query(q): Query<ExemplarQuery>,
) -> AppResult<HttpResponse> {
    let sort = query::sort_of(&q)?;
    let principal = auth.principal;
    let limits = state.settings.export_limits;
    let today = state.clock.today();
    let bytes = state
        .db
        .run(move |conn| {
            let rows = query::all(conn, &principal, &q, sort, limits, today)?;
            crate::documents::exemplar_list::workbook(conn, &rows, today)
        })
        .await?;
    let name = format!(
        "diem-hinh-tien-tien-{}.xlsx",
        state.clock.today().format("%Y-%m-%d")
    );
    Ok(HttpResponse::Ok()
        .content_type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}\""),
        ))
        .body(bytes))
}

/// The fields of work recorded on the exemplars the caller may see (for suggestions and the
/// `field` filter), alphabetically.
///
/// **Quyền:** như danh sách điển hình.
#[utoipa::path(
    tag = "Điển hình",
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff", "integration"])),
    responses((status = 200, body = Vec<String>))
)]
#[get("/exemplars/fields")]
pub async fn list_fields(
    auth: Auth<ReadExemplars>,
    state: web::Data<AppState>,
) -> AppResult<web::Json<Vec<String>>> {
    let principal = auth.principal;
    let fields = state
        .db
        .run(move |conn| query::fields_of_work(conn, &principal))
        .await?;
    Ok(web::Json(fields))
}

/// One exemplar with its stage records, timeline, evaluations and attachments.
///
/// **Quyền:** như danh sách điển hình.
#[utoipa::path(
    tag = "Điển hình",
    params(("id" = i64, Path, description = "Exemplar id")),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff", "integration"])),
    responses((status = 200, body = Exemplar, headers(("ETag" = String))))
)]
#[get("/exemplars/{id}")]
pub async fn get_exemplar(
    auth: Auth<ReadExemplars>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let principal = auth.principal;
    let exemplar = state
        .db
        .lookup(move |conn| detail::load(conn, &principal, id))
        .await?;
    Ok(json_with_etag(StatusCode::OK, exemplar.version, &exemplar))
}

pub fn checked(input: ExemplarInput, today: NaiveDate) -> AppResult<ExemplarInput> {
    let input = input.normalized();
    validate_with(&input, input.extra_errors(today))?;
    Ok(input)
}

/// Records a newly discovered exemplar (stage "phát hiện", a draft of the unit).
///
/// **Quyền:** office (mọi đơn vị), unit_head, unit_staff (đơn vị mình).
#[utoipa::path(
    tag = "Điển hình",
    request_body = ExemplarInput,
    security(("bearer" = ["office", "unit_head", "unit_staff"])),
    responses((status = 201, body = Exemplar, headers(("ETag" = String), ("Location" = String))))
)]
#[post("/exemplars")]
pub async fn create_exemplar(
    auth: Auth<WriteExemplars>,
    state: web::Data<AppState>,
    Json(input): Json<ExemplarInput>,
) -> AppResult<HttpResponse> {
    let input = checked(input, state.clock.today())?;
    let ctx = AuditContext::from(&auth);
    let principal = auth.principal;
    let exemplar = state
        .db
        .transaction(move |conn| {
            let id = model::insert(conn, &principal, ctx.at, &input)?;
            let exemplar = detail::load(conn, &principal, id)?;
            audit::record(
                conn,
                &ctx,
                audit::AuditAction::Create,
                audit::EntityType::Exemplar,
                Some(id),
                None,
                audit_snapshot(&exemplar),
            )?;
            Ok(exemplar)
        })
        .await?;
    let mut response = json_with_etag(StatusCode::CREATED, exemplar.version, &exemplar);
    if let Ok(location) =
        header::HeaderValue::from_str(&format!("/api/v1/exemplars/{}", exemplar.id))
    {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}

/// Replaces an exemplar's fields. Unit roles edit only their unit's drafts; the Office any
/// record that is not archived. Requires `If-Match`.
///
/// **Quyền:** office, unit_head, unit_staff (đơn vị mình, hồ sơ nháp).
#[utoipa::path(
    tag = "Điển hình",
    request_body = ExemplarInput,
    params(("id" = i64, Path, description = "Exemplar id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["office", "unit_head", "unit_staff"])),
    responses(
        (status = 200, body = Exemplar, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[put("/exemplars/{id}")]
pub async fn update_exemplar(
    auth: Auth<WriteExemplars>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(input): Json<ExemplarInput>,
) -> AppResult<HttpResponse> {
    let input = checked(input, state.clock.today())?;
    change_exemplar(
        auth,
        state,
        id.into_inner(),
        crate::audit::AuditAction::Update,
        move |conn, principal, row, now| model::update(conn, principal, row, if_match, now, &input),
    )
    .await
}

/// Deletes a draft recorded by mistake (never evaluated nor introduced). Requires `If-Match`.
///
/// **Quyền:** office, unit_head, unit_staff (đơn vị mình).
#[utoipa::path(
    tag = "Điển hình",
    params(("id" = i64, Path, description = "Exemplar id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["office", "unit_head", "unit_staff"])),
    responses(
        (status = 204, description = "Đã xóa"),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[delete("/exemplars/{id}")]
pub async fn delete_exemplar(
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
            let (row, before) = detail::load_with_row(conn, &principal, id)?;
            let replications: Vec<i64> = before.replications.iter().map(|r| r.id).collect();
            model::delete_draft(conn, &principal, &row, if_match, ctx.at, |conn| {
                attachments::delete_for_owner(conn, Owner::Exemplar(id))?;
                for replication in replications {
                    attachments::delete_for_owner(conn, Owner::Replication(replication))?;
                }
                Ok(())
            })?;
            audit::record(
                conn,
                &ctx,
                audit::AuditAction::Delete,
                audit::EntityType::Exemplar,
                Some(id),
                audit_snapshot(&before),
                None,
            )
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

pub fn configure(cfg: &mut impl crate::http::routes::Routes) {
    cfg.service(list_exemplars)
        .service(super::import_api::import_template)
        .service(export_exemplars)
        .service(super::import_api::import_exemplars)
        .service(list_fields)
        .service(get_exemplar)
        .service(create_exemplar)
        .service(update_exemplar)
        .service(delete_exemplar);
}
