//! `/api/v1/units`: the Department's organisation tree.

use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::{HttpResponse, delete, get, post, put, web};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::model::{self, Unit, UnitInput, UnitKind, UnitRow};
use crate::audit::{self, AuditContext};
use crate::auth::Auth;
use crate::auth::roles::{AdminOnly, ReadUnits};
use crate::db::DbConnection;
use crate::db::schema::units;
use crate::db::search;
use crate::error::AppResult;
use crate::http::etag::{IfMatch, json_with_etag};
use crate::http::extract::{Json, Query};
use crate::http::pagination::{Page, PageRequest, parse_sort};
use crate::http::validation::validate_with;
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct UnitQuery {
    /// Search code, name and short name, ignoring case and diacritics.
    pub q: Option<String>,
    pub kind: Option<UnitKind>,
    /// `true`: active units only; `false`: inactive only; omitted: all.
    pub active: Option<bool>,
    pub parent_id: Option<i64>,
    /// `sortOrder` (default), `name` (ignoring case and diacritics), `code`, `shortName`; prefix `-` for descending.
    pub sort: Option<String>,
    #[param(minimum = 1, default = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 100, default = 20)]
    pub page_size: Option<i64>,
}

#[derive(Debug, Clone, Copy)]
enum SortField {
    SortOrder,
    Name,
    Code,
    ShortName,
}

fn filtered<'a>(q: &'a UnitQuery) -> units::BoxedQuery<'a, crate::db::DbBackend> {
    let mut query = units::table.into_boxed();
    for pattern in search::like_patterns(q.q.as_deref().unwrap_or("")) {
        query = query.filter(units::search_text.like(pattern).escape('\\'));
    }
    if let Some(kind) = q.kind {
        query = query.filter(units::kind.eq(kind));
    }
    if let Some(active) = q.active {
        query = query.filter(units::active.eq(active));
    }
    if let Some(parent) = q.parent_id {
        query = query.filter(units::parent_id.eq(parent));
    }
    query
}

fn list(
    conn: &mut DbConnection,
    q: &UnitQuery,
    page: PageRequest,
    sort: (SortField, bool),
) -> AppResult<Page<Unit>> {
    let total: i64 = filtered(q).count().get_result(conn)?;
    let query = filtered(q).select(UnitRow::as_select());
    let query = match sort {
        (SortField::SortOrder, false) => {
            query.order((units::sort_order.asc(), units::sort_name.asc()))
        }
        (SortField::SortOrder, true) => {
            query.order((units::sort_order.desc(), units::sort_name.desc()))
        }
        (SortField::Name, false) => query.order(units::sort_name.asc()),
        (SortField::Name, true) => query.order(units::sort_name.desc()),
        (SortField::Code, false) => query.order(units::code.asc()),
        (SortField::Code, true) => query.order(units::code.desc()),
        (SortField::ShortName, false) => query.order(units::short_name.asc()),
        (SortField::ShortName, true) => query.order(units::short_name.desc()),
    };
    let rows: Vec<UnitRow> = query
        .then_order_by(units::id.asc())
        .offset(page.offset())
        .limit(page.limit())
        .load(conn)?;
    Ok(page.of(rows.into_iter().map(Unit::from).collect(), total))
}

/// Units, filtered, searched and paginated.
///
/// **Quyền:** mọi người dùng; tài khoản tích hợp cần phạm vi `units:read`.
#[utoipa::path(
    tag = "Đơn vị",
    params(UnitQuery),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff", "integration"])),
    responses((status = 200, body = Page<Unit>))
)]
#[get("/units")]
pub async fn list_units(
    _auth: Auth<ReadUnits>,
    state: web::Data<AppState>,
    Query(q): Query<UnitQuery>,
) -> AppResult<web::Json<Page<Unit>>> {
    let page = PageRequest::new(q.page, q.page_size)?;
    let sort = parse_sort(
        q.sort.as_deref(),
        &[
            ("sortOrder", SortField::SortOrder),
            ("name", SortField::Name),
            ("code", SortField::Code),
            ("shortName", SortField::ShortName),
        ],
        (SortField::SortOrder, false),
    )?;
    Ok(web::Json(
        state.db.run(move |conn| list(conn, &q, page, sort)).await?,
    ))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct TreeQuery {
    /// Include inactive units (default: false).
    pub include_inactive: Option<bool>,
}

/// A unit with its subordinate units.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct UnitNode {
    #[serde(flatten)]
    pub unit: Unit,
    #[schema(no_recursion)]
    pub children: Vec<UnitNode>,
}

fn build_tree(rows: Vec<UnitRow>) -> Vec<UnitNode> {
    let ids: std::collections::HashSet<i64> = rows.iter().map(|r| r.id).collect();
    let mut by_parent: std::collections::HashMap<Option<i64>, Vec<Unit>> =
        std::collections::HashMap::new();
    for row in rows {
        // A unit whose parent is filtered out (inactive) is shown at the top level.
        let parent = row.parent_id.filter(|p| ids.contains(p));
        by_parent.entry(parent).or_default().push(Unit::from(row));
    }
    fn attach(
        parent: Option<i64>,
        by_parent: &mut std::collections::HashMap<Option<i64>, Vec<Unit>>,
    ) -> Vec<UnitNode> {
        let units = by_parent.remove(&parent).unwrap_or_default();
        units
            .into_iter()
            .map(|unit| {
                let children = attach(Some(unit.id), by_parent);
                UnitNode { unit, children }
            })
            .collect()
    }
    attach(None, &mut by_parent)
}

/// The organisation tree: the Department at the root, ordered by `sortOrder` then name.
///
/// **Quyền:** mọi người dùng; tài khoản tích hợp cần phạm vi `units:read`.
#[utoipa::path(
    tag = "Đơn vị",
    params(TreeQuery),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff", "integration"])),
    responses((status = 200, body = Vec<UnitNode>))
)]
#[get("/units/tree")]
pub async fn unit_tree(
    _auth: Auth<ReadUnits>,
    state: web::Data<AppState>,
    Query(q): Query<TreeQuery>,
) -> AppResult<web::Json<Vec<UnitNode>>> {
    let include_inactive = q.include_inactive.unwrap_or(false);
    let rows = state
        .db
        .run(move |conn| model::all(conn, include_inactive))
        .await?;
    Ok(web::Json(build_tree(rows)))
}

/// One unit, with its `ETag`.
///
/// **Quyền:** mọi người dùng; tài khoản tích hợp cần phạm vi `units:read`.
#[utoipa::path(
    tag = "Đơn vị",
    params(("id" = i64, Path, description = "Unit id")),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff", "integration"])),
    responses(
        (status = 200, body = Unit, headers(("ETag" = String, description = "Phiên bản; gửi lại trong If-Match khi cập nhật"))),
    )
)]
#[get("/units/{id}")]
pub async fn get_unit(
    _auth: Auth<ReadUnits>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let unit = Unit::from(state.db.lookup(move |conn| model::find(conn, id)).await?);
    Ok(json_with_etag(StatusCode::OK, unit.version, &unit))
}

fn checked(input: UnitInput) -> AppResult<UnitInput> {
    let input = input.normalized();
    validate_with(&input, input.check_code())?;
    Ok(input)
}

/// Creates a unit.
///
/// **Quyền:** admin.
#[utoipa::path(
    tag = "Đơn vị",
    request_body = UnitInput,
    security(("bearer" = ["admin"])),
    responses(
        (status = 201, body = Unit, headers(("ETag" = String), ("Location" = String))),
        (status = 409, response = crate::openapi::Conflict)
    )
)]
#[post("/units")]
pub async fn create_unit(
    auth: Auth<AdminOnly>,
    state: web::Data<AppState>,
    Json(input): Json<UnitInput>,
) -> AppResult<HttpResponse> {
    let input = checked(input)?;
    let ctx = AuditContext::from(&auth);
    let unit = state
        .db
        .transaction(move |conn| {
            let id = model::insert(conn, ctx.at, &input)?;
            let unit = Unit::from(model::find(conn, id)?);
            audit::record(
                conn,
                &ctx,
                audit::AuditAction::Create,
                audit::EntityType::Unit,
                Some(id),
                None,
                audit::snapshot(&unit),
            )?;
            Ok(unit)
        })
        .await?;
    let mut response = json_with_etag(StatusCode::CREATED, unit.version, &unit);
    if let Ok(location) = header::HeaderValue::from_str(&format!("/api/v1/units/{}", unit.id)) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}

/// Replaces a unit's fields. Requires `If-Match`.
///
/// **Quyền:** admin.
#[utoipa::path(
    tag = "Đơn vị",
    request_body = UnitInput,
    params(
        ("id" = i64, Path, description = "Unit id"),
        ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")
    ),
    security(("bearer" = ["admin"])),
    responses(
        (status = 200, body = Unit, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[put("/units/{id}")]
pub async fn update_unit(
    auth: Auth<AdminOnly>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(input): Json<UnitInput>,
) -> AppResult<HttpResponse> {
    let input = checked(input)?;
    let id = id.into_inner();
    let ctx = AuditContext::from(&auth);
    let unit = state
        .db
        .transaction(move |conn| {
            let current = model::find(conn, id)?;
            model::update(conn, &current, if_match, ctx.at, &input)?;
            let unit = Unit::from(model::find(conn, id)?);
            audit::record(
                conn,
                &ctx,
                audit::AuditAction::Update,
                audit::EntityType::Unit,
                Some(id),
                audit::snapshot(&Unit::from(current)),
                audit::snapshot(&unit),
            )?;
            Ok(unit)
        })
        .await?;
    Ok(json_with_etag(StatusCode::OK, unit.version, &unit))
}

async fn set_active(
    auth: Auth<AdminOnly>,
    state: web::Data<AppState>,
    id: i64,
    if_match: IfMatch,
    active: bool,
) -> AppResult<HttpResponse> {
    let ctx = AuditContext::from(&auth);
    let unit = state
        .db
        .transaction(move |conn| {
            let current = model::find(conn, id)?;
            model::set_active(conn, &current, if_match, ctx.at, active)?;
            let unit = Unit::from(model::find(conn, id)?);
            let action = if active {
                crate::audit::AuditAction::Activate
            } else {
                crate::audit::AuditAction::Deactivate
            };
            audit::record(
                conn,
                &ctx,
                action,
                audit::EntityType::Unit,
                Some(id),
                audit::snapshot(&Unit::from(current)),
                audit::snapshot(&unit),
            )?;
            Ok(unit)
        })
        .await?;
    Ok(json_with_etag(StatusCode::OK, unit.version, &unit))
}

/// Deactivates a unit (instead of deleting it). Refused while it has active subordinate units or
/// active users. Requires `If-Match`.
///
/// **Quyền:** admin.
#[utoipa::path(
    tag = "Đơn vị",
    params(
        ("id" = i64, Path, description = "Unit id"),
        ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")
    ),
    security(("bearer" = ["admin"])),
    responses(
        (status = 200, body = Unit, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/units/{id}/deactivate")]
pub async fn deactivate_unit(
    auth: Auth<AdminOnly>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
) -> AppResult<HttpResponse> {
    set_active(auth, state, id.into_inner(), if_match, false).await
}

/// Reactivates a unit whose parent is active. Requires `If-Match`.
///
/// **Quyền:** admin.
#[utoipa::path(
    tag = "Đơn vị",
    params(
        ("id" = i64, Path, description = "Unit id"),
        ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")
    ),
    security(("bearer" = ["admin"])),
    responses(
        (status = 200, body = Unit, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/units/{id}/activate")]
pub async fn activate_unit(
    auth: Auth<AdminOnly>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
) -> AppResult<HttpResponse> {
    set_active(auth, state, id.into_inner(), if_match, true).await
}

/// Deletes a unit that nothing refers to (created by mistake). A unit in use must be
/// deactivated instead (409 `unit_in_use`). Requires `If-Match`.
///
/// **Quyền:** admin.
#[utoipa::path(
    tag = "Đơn vị",
    params(
        ("id" = i64, Path, description = "Unit id"),
        ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")
    ),
    security(("bearer" = ["admin"])),
    responses(
        (status = 204, description = "Đã xóa"),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[delete("/units/{id}")]
pub async fn delete_unit(
    auth: Auth<AdminOnly>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let ctx = AuditContext::from(&auth);
    state
        .db
        .transaction(move |conn| {
            let current = model::find(conn, id)?;
            model::delete(conn, &current, if_match)?;
            audit::record(
                conn,
                &ctx,
                audit::AuditAction::Delete,
                audit::EntityType::Unit,
                Some(id),
                audit::snapshot(&Unit::from(current)),
                None,
            )
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

pub fn configure(cfg: &mut impl crate::http::routes::Routes) {
    cfg.service(list_units)
        .service(unit_tree)
        .service(get_unit)
        .service(create_unit)
        .service(update_unit)
        .service(deactivate_unit)
        .service(activate_unit)
        .service(delete_unit);
}
