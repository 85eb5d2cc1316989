//! `/api/v1/introductions`: monthly introductions of exemplars and the Office's grid.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, delete, get, post, put, web};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Deserialize;
use utoipa::IntoParams;

use super::grid::{self, IntroductionGrid};
use super::model::{
    self, Introduction, IntroductionInput, IntroductionRow, IntroductionStatus, Month,
};
use super::reminders::{self, ReminderInput, ReminderResult};
use crate::audit::{self, AuditContext};
use crate::auth::roles::{ReadExemplars, Remind, SubmitIntroduction, WriteExemplars};
use crate::auth::{Auth, Principal, Role, Rule, policy};
use crate::db::DbConnection;
use crate::db::schema::{introductions, units};
use crate::error::{AppError, AppResult};
use crate::http::etag::{IfMatch, json_with_etag};
use crate::http::extract::{Json, Query};
use crate::http::pagination::{Page, PageRequest};
use crate::http::validation::validate_with;
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct IntroductionQuery {
    /// `YYYY-MM`.
    pub month: Option<String>,
    pub unit_id: Option<i64>,
    pub status: Option<IntroductionStatus>,
    #[param(minimum = 1, default = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 100, default = 20)]
    pub page_size: Option<i64>,
}

fn readable(principal: &Principal, row: &IntroductionRow) -> AppResult<()> {
    if principal.role == Role::Integration && row.status != IntroductionStatus::Submitted {
        return Err(AppError::not_found("bài giới thiệu"));
    }
    policy::ensure_unit(principal, Some(row.unit_id))
}

fn list(
    conn: &mut DbConnection,
    principal: &Principal,
    q: &IntroductionQuery,
    page: PageRequest,
) -> AppResult<Page<Introduction>> {
    let month = match q.month.as_deref().filter(|m| !m.is_empty()) {
        Some(text) => Some(Month::parse(text).ok_or_else(|| {
            AppError::field("month", "invalid_format", "Tháng phải có dạng YYYY-MM.")
        })?),
        None => None,
    };
    let filtered = || {
        let mut query = introductions::table.into_boxed();
        if let Some(month) = month {
            query = query.filter(introductions::month.eq(month.text()));
        }
        if let Some(unit) = q.unit_id {
            query = query.filter(introductions::unit_id.eq(unit));
        }
        if let Some(unit) = policy::unit_restriction(principal) {
            query = query.filter(introductions::unit_id.eq(unit));
        }
        if principal.role == Role::Integration {
            query = query.filter(introductions::status.eq(IntroductionStatus::Submitted));
        } else if let Some(status) = q.status {
            query = query.filter(introductions::status.eq(status));
        }
        query
    };
    let total: i64 = filtered().count().get_result(conn)?;
    let rows: Vec<IntroductionRow> = filtered()
        .inner_join(units::table)
        .order((
            introductions::month.desc(),
            units::sort_order.asc(),
            introductions::id.asc(),
        ))
        .select(IntroductionRow::as_select())
        .offset(page.offset())
        .limit(page.limit())
        .load(conn)?;
    let items = rows
        .into_iter()
        .map(|row| model::to_dto(conn, principal, row))
        .collect::<AppResult<Vec<_>>>()?;
    Ok(page.of(items, total))
}

/// Introductions, newest month first.
///
/// **Quyền:** admin, leader, office: mọi đơn vị; unit_head, unit_staff: đơn vị mình; tài khoản tích hợp: bài đã gửi.
#[utoipa::path(
    tag = "Giới thiệu hằng tháng",
    params(IntroductionQuery),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff", "integration"])),
    responses((status = 200, body = Page<Introduction>))
)]
#[get("/introductions")]
pub async fn list_introductions(
    auth: Auth<ReadExemplars>,
    state: web::Data<AppState>,
    Query(q): Query<IntroductionQuery>,
) -> AppResult<web::Json<Page<Introduction>>> {
    let page = PageRequest::new(q.page, q.page_size)?;
    let principal = auth.principal;
    Ok(web::Json(
        state
            .db
            .run(move |conn| list(conn, &principal, &q, page))
            .await?,
    ))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct GridQuery {
    /// Default: this year (Vietnam time).
    #[param(minimum = 2000, maximum = 2100)]
    pub year: Option<i32>,
}

impl GridQuery {
    fn year(&self, today: chrono::NaiveDate) -> AppResult<i32> {
        let year = self.year.unwrap_or_else(|| chrono::Datelike::year(&today));
        if (2000..=2100).contains(&year) {
            Ok(year)
        } else {
            Err(AppError::field(
                "year",
                "range",
                "Năm phải từ 2000 đến 2100.",
            ))
        }
    }
}

/// The grid of a year as an Excel workbook: one row per unit, a column per month with the
/// status in words, and the totals.
///
/// **Quyền:** như bảng theo dõi.
#[utoipa::path(
    tag = "Giới thiệu hằng tháng",
    params(GridQuery),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff", "integration"])),
    responses((status = 200, description = "Tệp Excel (.xlsx)", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
)]
#[get("/introductions/grid/export")]
pub async fn export_introduction_grid(
    auth: Auth<ReadExemplars>,
    state: web::Data<AppState>,
    Query(q): Query<GridQuery>,
) -> AppResult<HttpResponse> {
    let today = state.clock.today();
    let year = q.year(today)?;
    let only_unit = policy::unit_restriction(&auth);
    let bytes = state
        .db
        .run(move |conn| {
            let grid = grid::load(conn, year, today, only_unit)?;
            super::grid_workbook::workbook(&grid)
        })
        .await?;
    Ok(HttpResponse::Ok()
        .content_type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"theo-doi-gioi-thieu-{year}.xlsx\""),
        ))
        .body(bytes))
}

/// The unit × month grid of a year: on time, late, missing, not yet due.
///
/// **Quyền:** admin, leader, office: mọi đơn vị; unit_head, unit_staff: đơn vị mình.
#[utoipa::path(
    tag = "Giới thiệu hằng tháng",
    params(GridQuery),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff", "integration"])),
    responses((status = 200, body = IntroductionGrid))
)]
#[get("/introductions/grid")]
pub async fn introduction_grid(
    auth: Auth<ReadExemplars>,
    state: web::Data<AppState>,
    Query(q): Query<GridQuery>,
) -> AppResult<web::Json<IntroductionGrid>> {
    let today = state.clock.today();
    let year = q.year(today)?;
    let only_unit = policy::unit_restriction(&auth);
    let grid = state
        .db
        .run(move |conn| grid::load(conn, year, today, only_unit))
        .await?;
    Ok(web::Json(grid))
}

/// Reminds units of a month's introduction ("nhắc nhở"): each unit that still owes it (not
/// submitted, due or overdue) gets an in-app notification to its head and staff, at most once
/// a day. Units asked for that owe nothing are listed as skipped.
///
/// **Quyền:** office.
#[utoipa::path(
    tag = "Giới thiệu hằng tháng",
    request_body = ReminderInput,
    security(("bearer" = ["office"])),
    responses((status = 200, body = ReminderResult))
)]
#[post("/introductions/reminders")]
pub async fn remind_units(
    auth: Auth<Remind>,
    state: web::Data<AppState>,
    Json(input): Json<ReminderInput>,
) -> AppResult<web::Json<ReminderResult>> {
    crate::http::validation::validate(&input)?;
    let today = state.clock.today();
    let ctx = AuditContext::from(&auth);
    let result = state
        .db
        .transaction(move |conn| {
            let result = reminders::remind(conn, &input, today, ctx.at)?;
            audit::record(
                conn,
                &ctx,
                audit::AuditAction::Remind,
                audit::EntityType::Introduction,
                None,
                None,
                audit::snapshot(&serde_json::json!({
                    "month": result.month,
                    "remindedUnits": result.reminded.iter().map(|r| &r.unit).collect::<Vec<_>>(),
                    "skippedUnits": result.skipped.iter().map(|s| &s.unit).collect::<Vec<_>>(),
                    "notified": result.notified,
                })),
            )?;
            Ok(result)
        })
        .await?;
    Ok(web::Json(result))
}

/// One introduction.
///
/// **Quyền:** như danh sách.
#[utoipa::path(
    tag = "Giới thiệu hằng tháng",
    params(("id" = i64, Path, description = "Introduction id")),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff", "integration"])),
    responses((status = 200, body = Introduction, headers(("ETag" = String))))
)]
#[get("/introductions/{id}")]
pub async fn get_introduction(
    auth: Auth<ReadExemplars>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let principal = auth.principal;
    let introduction = state
        .db
        .run(move |conn| {
            let row = model::find_row(conn, id)?;
            readable(&principal, &row)?;
            model::to_dto(conn, &principal, row)
        })
        .await?;
    Ok(json_with_etag(
        StatusCode::OK,
        introduction.version,
        &introduction,
    ))
}

fn checked(input: IntroductionInput) -> AppResult<IntroductionInput> {
    let input = input.normalized();
    let month_error = Month::parse(&input.month).is_none().then(|| {
        crate::error::FieldError::new("month", "invalid_format", "Tháng phải có dạng YYYY-MM.")
    });
    validate_with(&input, month_error)?;
    Ok(input)
}

/// Drafts a unit's introduction for a month.
///
/// **Quyền:** office, unit_head, unit_staff (đơn vị mình).
#[utoipa::path(
    tag = "Giới thiệu hằng tháng",
    request_body = IntroductionInput,
    security(("bearer" = ["office", "unit_head", "unit_staff"])),
    responses((status = 201, body = Introduction, headers(("ETag" = String))))
)]
#[post("/introductions")]
pub async fn create_introduction(
    auth: Auth<WriteExemplars>,
    state: web::Data<AppState>,
    Json(input): Json<IntroductionInput>,
) -> AppResult<HttpResponse> {
    let input = checked(input)?;
    let ctx = AuditContext::from(&auth);
    let principal = auth.principal;
    let introduction = state
        .db
        .transaction(move |conn| {
            let id = model::insert(conn, &principal, ctx.at, &input)?;
            let introduction = model::load(conn, &principal, id)?;
            audit::record(
                conn,
                &ctx,
                audit::AuditAction::Create,
                audit::EntityType::Introduction,
                Some(id),
                None,
                audit::snapshot(&introduction),
            )?;
            Ok(introduction)
        })
        .await?;
    Ok(json_with_etag(
        StatusCode::CREATED,
        introduction.version,
        &introduction,
    ))
}

async fn change<R, F>(
    auth: Auth<R>,
    state: web::Data<AppState>,
    id: i64,
    action: crate::audit::AuditAction,
    f: F,
) -> AppResult<HttpResponse>
where
    R: Rule,
    F: FnOnce(&mut DbConnection, &Principal, &IntroductionRow, NaiveDateTime) -> AppResult<()>
        + Send
        + 'static,
{
    let ctx = AuditContext::from(&auth);
    let principal = auth.principal;
    let introduction = state
        .db
        .transaction(move |conn| {
            let row = model::find_row(conn, id)?;
            readable(&principal, &row)?;
            let before = model::to_dto(conn, &principal, row.clone())?;
            f(conn, &principal, &row, ctx.at)?;
            let after = model::load(conn, &principal, id)?;
            audit::record(
                conn,
                &ctx,
                action,
                audit::EntityType::Introduction,
                Some(id),
                audit::snapshot(&before),
                audit::snapshot(&after),
            )?;
            Ok(after)
        })
        .await?;
    Ok(json_with_etag(
        StatusCode::OK,
        introduction.version,
        &introduction,
    ))
}

/// Edits a draft introduction. Requires `If-Match`.
///
/// **Quyền:** office, unit_head, unit_staff (đơn vị mình).
#[utoipa::path(
    tag = "Giới thiệu hằng tháng",
    request_body = IntroductionInput,
    params(("id" = i64, Path, description = "Introduction id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["office", "unit_head", "unit_staff"])),
    responses(
        (status = 200, body = Introduction, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[put("/introductions/{id}")]
pub async fn update_introduction(
    auth: Auth<WriteExemplars>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(input): Json<IntroductionInput>,
) -> AppResult<HttpResponse> {
    let input = checked(input)?;
    change(
        auth,
        state,
        id.into_inner(),
        crate::audit::AuditAction::Update,
        move |conn, principal, row, now| model::update(conn, principal, row, if_match, now, &input),
    )
    .await
}

/// Submits the introduction; on time or late is judged now, in Vietnam time, against the due day.
/// Requires `If-Match`.
///
/// **Quyền:** unit_head (đơn vị mình), office.
#[utoipa::path(
    tag = "Giới thiệu hằng tháng",
    params(("id" = i64, Path, description = "Introduction id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["office", "unit_head"])),
    responses(
        (status = 200, body = Introduction, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/introductions/{id}/submit")]
pub async fn submit_introduction(
    auth: Auth<SubmitIntroduction>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
) -> AppResult<HttpResponse> {
    change(
        auth,
        state,
        id.into_inner(),
        crate::audit::AuditAction::Submit,
        move |conn, principal, row, now| {
            let calendar = crate::calendar::deadlines::Calendar::load(conn)?;
            model::submit(conn, principal, row, if_match, now, &calendar)
        },
    )
    .await
}

/// Deletes a draft introduction. Requires `If-Match`.
///
/// **Quyền:** office, unit_head, unit_staff (đơn vị mình).
#[utoipa::path(
    tag = "Giới thiệu hằng tháng",
    params(("id" = i64, Path, description = "Introduction id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["office", "unit_head", "unit_staff"])),
    responses(
        (status = 204, description = "Đã xóa"),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[delete("/introductions/{id}")]
pub async fn delete_introduction(
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
            let row = model::find_row(conn, id)?;
            readable(&principal, &row)?;
            let before = model::to_dto(conn, &principal, row.clone())?;
            model::delete_draft(conn, &principal, &row, if_match)?;
            audit::record(
                conn,
                &ctx,
                audit::AuditAction::Delete,
                audit::EntityType::Introduction,
                Some(id),
                audit::snapshot(&before),
                None,
            )
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

pub fn configure(cfg: &mut impl crate::http::routes::Routes) {
    cfg.service(list_introductions)
        .service(introduction_grid)
        .service(remind_units)
        .service(export_introduction_grid)
        .service(get_introduction)
        .service(create_introduction)
        .service(update_introduction)
        .service(submit_introduction)
        .service(delete_introduction);
}
