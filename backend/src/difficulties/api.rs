//! `/api/v1/difficulties`: difficulties units report to the Office, and their handling.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, delete, get, post, put, web};
use serde::Deserialize;
use utoipa::IntoParams;

use super::model::{self, Difficulty, DifficultyInput, DifficultySummaryItem, Filter, StepInput};
use super::summary::{self, DifficultySummary};
use super::workflow::{DifficultyAction, DifficultyStatus};
use crate::audit::{self, AuditAction, AuditContext};
use crate::auth::roles::{
    AnswerDifficulty, Difficulties, DifficultyUnitOrOffice, DirectDifficulty, Oversight,
    RaiseDifficulty,
};
use crate::auth::{Auth, Principal, Rule};
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};
use crate::http::etag::{IfMatch, json_with_etag};
use crate::http::extract::{Json, Query};
use crate::http::pagination::{Page, PageRequest};
use crate::http::validation::validate;
use crate::state::AppState;
use crate::time::Day;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct DifficultyQuery {
    pub status: Option<DifficultyStatus>,
    pub unit_id: Option<i64>,
    /// Words of the subject or text (diacritics ignored).
    #[param(max_length = 200)]
    pub q: Option<String>,
    /// Raised from this day (Vietnam).
    pub from: Option<Day>,
    /// Raised up to this day (Vietnam).
    pub to: Option<Day>,
    #[param(minimum = 1, default = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 100, default = 20)]
    pub page_size: Option<i64>,
}

fn range(from: Option<Day>, to: Option<Day>) -> AppResult<()> {
    if let (Some(from), Some(to)) = (from, to)
        && from > to
    {
        return Err(AppError::field(
            "to",
            "before_from",
            "Ngày kết thúc không được trước ngày bắt đầu.",
        ));
    }
    Ok(())
}

/// Difficulties, newest first.
///
/// **Quyền:** admin, leader, office: mọi đơn vị; unit_head, unit_staff: đơn vị mình.
#[utoipa::path(
    tag = "Khó khăn, vướng mắc",
    params(DifficultyQuery),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
    responses((status = 200, body = Page<DifficultySummaryItem>))
)]
#[get("/difficulties")]
pub async fn list_difficulties(
    auth: Auth<Difficulties>,
    state: web::Data<AppState>,
    Query(q): Query<DifficultyQuery>,
) -> AppResult<web::Json<Page<DifficultySummaryItem>>> {
    let page = PageRequest::new(q.page, q.page_size)?;
    range(q.from, q.to)?;
    if q.q
        .as_deref()
        .is_some_and(|text| text.chars().count() > 200)
    {
        return Err(AppError::field("q", "length", "Tối đa 200 ký tự."));
    }
    let filter = Filter {
        status: q.status,
        unit_id: q.unit_id,
        q: q.q.clone(),
        from: q.from.map(Day::date),
        to: q.to.map(Day::date),
    };
    let principal = auth.principal;
    let result = state
        .db
        .run(move |conn| {
            let (rows, total) =
                model::rows(conn, &principal, &filter, page.offset(), page.limit())?;
            let items = rows
                .into_iter()
                .map(|row| model::summary_item(conn, row))
                .collect::<AppResult<Vec<_>>>()?;
            Ok(page.of(items, total))
        })
        .await?;
    Ok(web::Json(result))
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct SummaryQuery {
    /// First day of the period (Vietnam); default: 1 January of this year.
    pub from: Option<Day>,
    /// Last day of the period; default: today.
    pub to: Option<Day>,
}

/// The difficulties raised in a period, counted by status, with the average time to an answer
/// and the list: for the consolidated report.
///
/// **Quyền:** admin, leader, office.
#[utoipa::path(
    tag = "Khó khăn, vướng mắc",
    params(SummaryQuery),
    security(("bearer" = ["admin", "leader", "office"])),
    responses((status = 200, body = DifficultySummary))
)]
#[get("/difficulties/summary")]
pub async fn difficulty_summary(
    auth: Auth<Oversight>,
    state: web::Data<AppState>,
    Query(q): Query<SummaryQuery>,
) -> AppResult<web::Json<DifficultySummary>> {
    range(q.from, q.to)?;
    let today = state.clock.today();
    let from = q.from.map_or_else(
        || chrono::NaiveDate::from_ymd_opt(chrono::Datelike::year(&today), 1, 1).unwrap_or(today),
        Day::date,
    );
    let to = q.to.map_or(today, Day::date);
    if from > to {
        return Err(AppError::field(
            "from",
            "after_to",
            "Ngày bắt đầu không được sau ngày kết thúc.",
        ));
    }
    let principal = auth.principal;
    Ok(web::Json(
        state
            .db
            .run(move |conn| summary::summary(conn, &principal, from, to))
            .await?,
    ))
}

/// One difficulty with its steps (and the time each took), files and what the caller may do.
///
/// **Quyền:** như danh sách.
#[utoipa::path(
    tag = "Khó khăn, vướng mắc",
    params(("id" = i64, Path, description = "Difficulty id")),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
    responses((status = 200, body = Difficulty, headers(("ETag" = String))))
)]
#[get("/difficulties/{id}")]
pub async fn get_difficulty(
    auth: Auth<Difficulties>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let principal = auth.principal;
    let difficulty = state
        .db
        .run(move |conn| model::load(conn, &principal, id))
        .await?;
    Ok(json_with_etag(
        StatusCode::OK,
        difficulty.version,
        &difficulty,
    ))
}

fn checked(input: DifficultyInput) -> AppResult<DifficultyInput> {
    let input = input.normalized();
    validate(&input)?;
    Ok(input)
}

/// Raises a difficulty for the caller's unit ("phản ánh khó khăn, vướng mắc"); the Office is
/// told in the app.
///
/// **Quyền:** unit_head, unit_staff.
#[utoipa::path(
    tag = "Khó khăn, vướng mắc",
    request_body = DifficultyInput,
    security(("bearer" = ["unit_head", "unit_staff"])),
    responses((status = 201, body = Difficulty, headers(("ETag" = String))))
)]
#[post("/difficulties")]
pub async fn raise_difficulty(
    auth: Auth<RaiseDifficulty>,
    state: web::Data<AppState>,
    Json(input): Json<DifficultyInput>,
) -> AppResult<HttpResponse> {
    let input = checked(input)?;
    let ctx = AuditContext::from(&auth);
    let principal = auth.principal;
    let difficulty = state
        .db
        .transaction(move |conn| {
            let id = model::raise(conn, &principal, &input, ctx.at)?;
            let difficulty = model::load(conn, &principal, id)?;
            audit::record(
                conn,
                &ctx,
                AuditAction::Create,
                audit::EntityType::Difficulty,
                Some(id),
                None,
                audit::snapshot(&difficulty),
            )?;
            Ok(difficulty)
        })
        .await?;
    Ok(json_with_etag(
        StatusCode::CREATED,
        difficulty.version,
        &difficulty,
    ))
}

/// Runs a change of a difficulty in one transaction, audited, and answers it as it is after.
async fn change<R, F>(
    auth: Auth<R>,
    state: web::Data<AppState>,
    id: i64,
    action: AuditAction,
    f: F,
) -> AppResult<HttpResponse>
where
    R: Rule,
    F: FnOnce(
            &mut DbConnection,
            &Principal,
            &model::DifficultyRow,
            chrono::NaiveDateTime,
        ) -> AppResult<()>
        + Send
        + 'static,
{
    let ctx = AuditContext::from(&auth);
    let principal = auth.principal;
    let difficulty = state
        .db
        .transaction(move |conn| {
            let row = model::find_row(conn, id)?;
            model::ensure_readable(&principal, &row)?;
            let before = model::to_dto(conn, &principal, row.clone())?;
            f(conn, &principal, &row, ctx.at)?;
            let after = model::load(conn, &principal, id)?;
            audit::record(
                conn,
                &ctx,
                action,
                audit::EntityType::Difficulty,
                Some(id),
                audit::snapshot(&before),
                audit::snapshot(&after),
            )?;
            Ok(after)
        })
        .await?;
    Ok(json_with_etag(
        StatusCode::OK,
        difficulty.version,
        &difficulty,
    ))
}

/// Edits a difficulty nobody has taken up yet. Requires `If-Match`.
///
/// **Quyền:** unit_head, unit_staff (đơn vị mình).
#[utoipa::path(
    tag = "Khó khăn, vướng mắc",
    request_body = DifficultyInput,
    params(("id" = i64, Path, description = "Difficulty id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["unit_head", "unit_staff"])),
    responses(
        (status = 200, body = Difficulty, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[put("/difficulties/{id}")]
pub async fn update_difficulty(
    auth: Auth<RaiseDifficulty>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(input): Json<DifficultyInput>,
) -> AppResult<HttpResponse> {
    let input = checked(input)?;
    change(
        auth,
        state,
        id.into_inner(),
        AuditAction::Update,
        move |conn, principal, row, now| model::edit(conn, principal, row, if_match, now, &input),
    )
    .await
}

/// Withdraws a difficulty nobody has taken up yet (its files go with it). Requires `If-Match`.
///
/// **Quyền:** unit_head, unit_staff (đơn vị mình).
#[utoipa::path(
    tag = "Khó khăn, vướng mắc",
    params(("id" = i64, Path, description = "Difficulty id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["unit_head", "unit_staff"])),
    responses((status = 204, description = "Đã xóa"), (status = 409, response = crate::openapi::Conflict))
)]
#[delete("/difficulties/{id}")]
pub async fn delete_difficulty(
    auth: Auth<RaiseDifficulty>,
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
            model::ensure_readable(&principal, &row)?;
            let before = model::to_dto(conn, &principal, row.clone())?;
            model::delete(conn, &principal, &row, if_match)?;
            audit::record(
                conn,
                &ctx,
                AuditAction::Delete,
                audit::EntityType::Difficulty,
                Some(id),
                audit::snapshot(&before),
                None,
            )
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

async fn step<R: Rule>(
    auth: Auth<R>,
    state: web::Data<AppState>,
    id: i64,
    if_match: IfMatch,
    input: StepInput,
    action: DifficultyAction,
    audit_action: AuditAction,
) -> AppResult<HttpResponse> {
    validate(&input)?;
    change(
        auth,
        state,
        id,
        audit_action,
        move |conn, principal, row, now| {
            model::step(conn, principal, row, action, if_match, now, input.note())
        },
    )
    .await
}

/// The Office answers (`note`: the answer, required); the unit is told in the app. Requires
/// `If-Match`.
///
/// **Quyền:** office.
#[utoipa::path(
    tag = "Khó khăn, vướng mắc",
    request_body = StepInput,
    params(("id" = i64, Path, description = "Difficulty id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["office"])),
    responses((status = 200, body = Difficulty, headers(("ETag" = String))), (status = 409, response = crate::openapi::Conflict))
)]
#[post("/difficulties/{id}/answer")]
pub async fn answer_difficulty(
    auth: Auth<AnswerDifficulty>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(input): Json<StepInput>,
) -> AppResult<HttpResponse> {
    step(
        auth,
        state,
        id.into_inner(),
        if_match,
        input,
        DifficultyAction::Answer,
        AuditAction::Answer,
    )
    .await
}

/// The Office refers it to the leadership (`note`: the Office's report, required). Requires
/// `If-Match`.
///
/// **Quyền:** office.
#[utoipa::path(
    tag = "Khó khăn, vướng mắc",
    request_body = StepInput,
    params(("id" = i64, Path, description = "Difficulty id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["office"])),
    responses((status = 200, body = Difficulty, headers(("ETag" = String))), (status = 409, response = crate::openapi::Conflict))
)]
#[post("/difficulties/{id}/refer")]
pub async fn refer_difficulty(
    auth: Auth<AnswerDifficulty>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(input): Json<StepInput>,
) -> AppResult<HttpResponse> {
    step(
        auth,
        state,
        id.into_inner(),
        if_match,
        input,
        DifficultyAction::Refer,
        AuditAction::Refer,
    )
    .await
}

/// The leadership directs (`note`: the direction, required); the unit and the Office are told.
/// Requires `If-Match`.
///
/// **Quyền:** leader.
#[utoipa::path(
    tag = "Khó khăn, vướng mắc",
    request_body = StepInput,
    params(("id" = i64, Path, description = "Difficulty id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["leader"])),
    responses((status = 200, body = Difficulty, headers(("ETag" = String))), (status = 409, response = crate::openapi::Conflict))
)]
#[post("/difficulties/{id}/direct")]
pub async fn direct_difficulty(
    auth: Auth<DirectDifficulty>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(input): Json<StepInput>,
) -> AppResult<HttpResponse> {
    step(
        auth,
        state,
        id.into_inner(),
        if_match,
        input,
        DifficultyAction::Direct,
        AuditAction::Direct,
    )
    .await
}

/// Closes a difficulty that was answered or directed (`note` optional). Requires `If-Match`.
///
/// **Quyền:** unit_head, unit_staff (đơn vị mình), office.
#[utoipa::path(
    tag = "Khó khăn, vướng mắc",
    request_body = StepInput,
    params(("id" = i64, Path, description = "Difficulty id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["office", "unit_head", "unit_staff"])),
    responses((status = 200, body = Difficulty, headers(("ETag" = String))), (status = 409, response = crate::openapi::Conflict))
)]
#[post("/difficulties/{id}/close")]
pub async fn close_difficulty(
    auth: Auth<DifficultyUnitOrOffice>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(input): Json<StepInput>,
) -> AppResult<HttpResponse> {
    step(
        auth,
        state,
        id.into_inner(),
        if_match,
        input,
        DifficultyAction::Close,
        AuditAction::Close,
    )
    .await
}

/// The unit asks again after an answer or a direction (`note`: why, required). Requires
/// `If-Match`.
///
/// **Quyền:** unit_head, unit_staff (đơn vị mình).
#[utoipa::path(
    tag = "Khó khăn, vướng mắc",
    request_body = StepInput,
    params(("id" = i64, Path, description = "Difficulty id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["unit_head", "unit_staff"])),
    responses((status = 200, body = Difficulty, headers(("ETag" = String))), (status = 409, response = crate::openapi::Conflict))
)]
#[post("/difficulties/{id}/reopen")]
pub async fn reopen_difficulty(
    auth: Auth<RaiseDifficulty>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(input): Json<StepInput>,
) -> AppResult<HttpResponse> {
    step(
        auth,
        state,
        id.into_inner(),
        if_match,
        input,
        DifficultyAction::Reopen,
        AuditAction::Reopen,
    )
    .await
}

pub fn configure(cfg: &mut impl crate::http::routes::Routes) {
    cfg.service(list_difficulties)
        .service(difficulty_summary)
        .service(get_difficulty)
        .service(raise_difficulty)
        .service(update_difficulty)
        .service(delete_difficulty)
        .service(answer_difficulty)
        .service(refer_difficulty)
        .service(direct_difficulty)
        .service(close_difficulty)
        .service(reopen_difficulty);
}
