//! `/api/v1/award-forms`, `/base-salaries`, `/commendation-settings`, `/commendation-occasions`:
//! the catalogue and the settings the pipeline runs on, kept by the administrator and the Office.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, delete, get, post, put, web};
use serde::Deserialize;
use utoipa::IntoParams;

use super::catalogue::{self, AwardForm, AwardFormInput};
use super::occasions::{self, Occasion, OccasionInput};
use super::salary::{self, BaseSalary, BaseSalaryInput};
use super::settings::{
    self, CertificateLayoutSetting, CommendationSettings, CommendationSettingsInput,
};
use super::types::CatalogueStatus;
use crate::audit::{self, AuditAction, AuditContext, EntityType};
use crate::auth::Auth;
use crate::auth::roles::{AdminOrOffice, People};
use crate::documents::official::CertificateLayout;
use crate::error::AppResult;
use crate::http::etag::{IfMatch, json_with_etag};
use crate::http::extract::{Json, Query};
use crate::http::validation::{validate, validate_with};
use crate::state::AppState;

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct AwardFormQuery {
    pub status: Option<CatalogueStatus>,
    /// Code or name, ignoring case and diacritics.
    pub q: Option<String>,
}

/// Danh mục danh hiệu thi đua, hình thức khen thưởng.
///
/// Every version of every award form (newest version first within a code). Drafts are listed
/// for admin and office only.
///
/// **Quyền:** mọi người dùng.
#[utoipa::path(
    tag = "Danh mục khen thưởng",
    params(AwardFormQuery),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
    responses((status = 200, body = Vec<AwardForm>))
)]
#[get("/award-forms")]
pub async fn list_award_forms(
    auth: Auth<People>,
    state: web::Data<AppState>,
    Query(q): Query<AwardFormQuery>,
) -> AppResult<web::Json<Vec<AwardForm>>> {
    let principal = auth.principal;
    let rows = state
        .db
        .run(move |conn| catalogue::list(conn, &principal, q.status, q.q.as_deref()))
        .await?;
    Ok(web::Json(rows.iter().map(|r| r.to_api()).collect()))
}

/// Một phiên bản danh hiệu, hình thức khen thưởng.
///
/// **Quyền:** mọi người dùng (bản dự thảo: admin, office).
#[utoipa::path(
    tag = "Danh mục khen thưởng",
    params(("id" = i64, Path, description = "Award form version id")),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
    responses((status = 200, body = AwardForm, headers(("ETag" = String))))
)]
#[get("/award-forms/{id}")]
pub async fn get_award_form(
    auth: Auth<People>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let principal = auth.principal;
    let form = state
        .db
        .run(move |conn| catalogue::find_visible(conn, &principal, id))
        .await?
        .to_api();
    Ok(json_with_etag(StatusCode::OK, form.version, &form))
}

fn checked(input: AwardFormInput) -> AppResult<AwardFormInput> {
    let input = input.normalized();
    validate_with(&input, input.extra_errors())?;
    Ok(input)
}

/// Thêm danh hiệu, hình thức khen thưởng (bản dự thảo).
///
/// Creates a draft: a new award, or (with an existing code) its next version.
///
/// **Quyền:** admin, office.
#[utoipa::path(
    tag = "Danh mục khen thưởng",
    request_body = AwardFormInput,
    security(("bearer" = ["admin", "office"])),
    responses((status = 201, body = AwardForm, headers(("ETag" = String))), (status = 409, response = crate::openapi::Conflict))
)]
#[post("/award-forms")]
pub async fn create_award_form(
    auth: Auth<AdminOrOffice>,
    state: web::Data<AppState>,
    Json(input): Json<AwardFormInput>,
) -> AppResult<HttpResponse> {
    let input = checked(input)?;
    let ctx = AuditContext::from(&auth);
    let form = state
        .db
        .transaction(move |conn| {
            let id = catalogue::insert_draft(conn, ctx.at, &input)?;
            let form = catalogue::find_row(conn, id)?.to_api();
            audit::record(
                conn,
                &ctx,
                AuditAction::Create,
                EntityType::AwardForm,
                Some(id),
                None,
                audit::snapshot(&form),
            )?;
            Ok(form)
        })
        .await?;
    Ok(json_with_etag(StatusCode::CREATED, form.version, &form))
}

/// Runs `change` on an award form version, audits it and answers it.
async fn change_form<F>(
    auth: Auth<AdminOrOffice>,
    state: web::Data<AppState>,
    id: i64,
    action: AuditAction,
    change: F,
) -> AppResult<HttpResponse>
where
    F: FnOnce(
            &mut crate::db::DbConnection,
            &catalogue::AwardFormRow,
            chrono::NaiveDateTime,
        ) -> AppResult<()>
        + Send
        + 'static,
{
    let ctx = AuditContext::from(&auth);
    let form = state
        .db
        .transaction(move |conn| {
            let row = catalogue::find_row(conn, id)?;
            change(conn, &row, ctx.at)?;
            let after = catalogue::find_row(conn, id)?.to_api();
            audit::record(
                conn,
                &ctx,
                action,
                EntityType::AwardForm,
                Some(id),
                audit::snapshot(&row.to_api()),
                audit::snapshot(&after),
            )?;
            Ok(after)
        })
        .await?;
    Ok(json_with_etag(StatusCode::OK, form.version, &form))
}

/// Sửa bản dự thảo danh hiệu, hình thức khen thưởng.
///
/// Replaces a draft's fields (the code stays). Requires `If-Match`.
///
/// **Quyền:** admin, office.
#[utoipa::path(
    tag = "Danh mục khen thưởng",
    request_body = AwardFormInput,
    params(("id" = i64, Path, description = "Award form version id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["admin", "office"])),
    responses((status = 200, body = AwardForm, headers(("ETag" = String))), (status = 409, response = crate::openapi::Conflict))
)]
#[put("/award-forms/{id}")]
pub async fn update_award_form(
    auth: Auth<AdminOrOffice>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(input): Json<AwardFormInput>,
) -> AppResult<HttpResponse> {
    let input = checked(input)?;
    change_form(
        auth,
        state,
        id.into_inner(),
        AuditAction::Update,
        move |conn, row, now| catalogue::update_draft(conn, row, if_match, now, &input),
    )
    .await
}

/// Công bố bản dự thảo (bản đang áp dụng trước đó hết hiệu lực).
///
/// Publishes a draft; the version it replaces is retired (its proposals keep it). Requires
/// `If-Match`.
///
/// **Quyền:** admin, office.
#[utoipa::path(
    tag = "Danh mục khen thưởng",
    params(("id" = i64, Path, description = "Award form version id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["admin", "office"])),
    responses((status = 200, body = AwardForm, headers(("ETag" = String))), (status = 409, response = crate::openapi::Conflict))
)]
#[post("/award-forms/{id}/publish")]
pub async fn publish_award_form(
    auth: Auth<AdminOrOffice>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
) -> AppResult<HttpResponse> {
    change_form(
        auth,
        state,
        id.into_inner(),
        AuditAction::Publish,
        move |conn, row, now| catalogue::publish(conn, row, if_match, now),
    )
    .await
}

/// Đưa một phiên bản hết hiệu lực.
///
/// Retires a published version without a replacement: no new proposal can use it. Requires
/// `If-Match`.
///
/// **Quyền:** admin, office.
#[utoipa::path(
    tag = "Danh mục khen thưởng",
    params(("id" = i64, Path, description = "Award form version id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["admin", "office"])),
    responses((status = 200, body = AwardForm, headers(("ETag" = String))), (status = 409, response = crate::openapi::Conflict))
)]
#[post("/award-forms/{id}/retire")]
pub async fn retire_award_form(
    auth: Auth<AdminOrOffice>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
) -> AppResult<HttpResponse> {
    change_form(
        auth,
        state,
        id.into_inner(),
        AuditAction::Retire,
        move |conn, row, now| catalogue::retire(conn, row, if_match, now),
    )
    .await
}

/// Tạo phiên bản mới từ phiên bản này.
///
/// Starts a new draft version from this one (the way to change a published award). Requires
/// `If-Match`.
///
/// **Quyền:** admin, office.
#[utoipa::path(
    tag = "Danh mục khen thưởng",
    params(("id" = i64, Path, description = "Award form version id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["admin", "office"])),
    responses((status = 201, body = AwardForm, headers(("ETag" = String))), (status = 409, response = crate::openapi::Conflict))
)]
#[post("/award-forms/{id}/new-version")]
pub async fn new_award_form_version(
    auth: Auth<AdminOrOffice>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let ctx = AuditContext::from(&auth);
    let form = state
        .db
        .transaction(move |conn| {
            let row = catalogue::find_row(conn, id)?;
            // Claimed by its version: of concurrent requests one starts the draft.
            let expected = if_match.expect(row.version)?;
            crate::versioned_update!(conn, award_forms, id, expected, ctx.at)?;
            let new_id = catalogue::new_version(conn, &row, ctx.at)?;
            let form = catalogue::find_row(conn, new_id)?.to_api();
            audit::record(
                conn,
                &ctx,
                AuditAction::Create,
                EntityType::AwardForm,
                Some(new_id),
                None,
                audit::snapshot(&form),
            )?;
            Ok(form)
        })
        .await?;
    Ok(json_with_etag(StatusCode::CREATED, form.version, &form))
}

/// Xóa bản dự thảo chưa dùng.
///
/// Deletes a draft no proposal used. Requires `If-Match`.
///
/// **Quyền:** admin, office.
#[utoipa::path(
    tag = "Danh mục khen thưởng",
    params(("id" = i64, Path, description = "Award form version id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["admin", "office"])),
    responses((status = 204, description = "Đã xóa"), (status = 409, response = crate::openapi::Conflict))
)]
#[delete("/award-forms/{id}")]
pub async fn delete_award_form(
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
            let row = catalogue::find_row(conn, id)?;
            catalogue::delete_draft(conn, &row, if_match)?;
            audit::record(
                conn,
                &ctx,
                AuditAction::Delete,
                EntityType::AwardForm,
                Some(id),
                audit::snapshot(&row.to_api()),
                None,
            )
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Mức lương cơ sở theo thời gian.
///
/// The base salaries and the days they apply from, newest first; rewards use the one in force
/// on the decision's date.
///
/// **Quyền:** mọi người dùng.
#[utoipa::path(
    tag = "Danh mục khen thưởng",
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
    responses((status = 200, body = Vec<BaseSalary>))
)]
#[get("/base-salaries")]
pub async fn list_base_salaries(
    _auth: Auth<People>,
    state: web::Data<AppState>,
) -> AppResult<web::Json<Vec<BaseSalary>>> {
    Ok(web::Json(state.db.run(salary::list).await?))
}

/// Khai báo mức lương cơ sở mới.
///
/// **Quyền:** admin, office.
#[utoipa::path(
    tag = "Danh mục khen thưởng",
    request_body = BaseSalaryInput,
    security(("bearer" = ["admin", "office"])),
    responses((status = 201, body = BaseSalary, headers(("ETag" = String))))
)]
#[post("/base-salaries")]
pub async fn create_base_salary(
    auth: Auth<AdminOrOffice>,
    state: web::Data<AppState>,
    Json(input): Json<BaseSalaryInput>,
) -> AppResult<HttpResponse> {
    validate(&input)?;
    let ctx = AuditContext::from(&auth);
    let row = state
        .db
        .transaction(move |conn| {
            let id = salary::insert(conn, ctx.at, &input)?;
            let row = salary::find(conn, id)?;
            audit::record(
                conn,
                &ctx,
                AuditAction::Create,
                EntityType::BaseSalary,
                Some(id),
                None,
                audit::snapshot(&row),
            )?;
            Ok(row)
        })
        .await?;
    Ok(json_with_etag(StatusCode::CREATED, row.version, &row))
}

/// Sửa mức lương cơ sở.
///
/// Rewards already decided keep their amounts. Requires `If-Match`.
///
/// **Quyền:** admin, office.
#[utoipa::path(
    tag = "Danh mục khen thưởng",
    request_body = BaseSalaryInput,
    params(("id" = i64, Path, description = "Base salary id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["admin", "office"])),
    responses((status = 200, body = BaseSalary, headers(("ETag" = String))))
)]
#[put("/base-salaries/{id}")]
pub async fn update_base_salary(
    auth: Auth<AdminOrOffice>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(input): Json<BaseSalaryInput>,
) -> AppResult<HttpResponse> {
    validate(&input)?;
    let id = id.into_inner();
    let ctx = AuditContext::from(&auth);
    let row = state
        .db
        .transaction(move |conn| {
            let before = salary::find(conn, id)?;
            salary::update(conn, &before, if_match, ctx.at, &input)?;
            let after = salary::find(conn, id)?;
            audit::record(
                conn,
                &ctx,
                AuditAction::Update,
                EntityType::BaseSalary,
                Some(id),
                audit::snapshot(&before),
                audit::snapshot(&after),
            )?;
            Ok(after)
        })
        .await?;
    Ok(json_with_etag(StatusCode::OK, row.version, &row))
}

/// Xóa một mức lương cơ sở khai báo nhầm.
///
/// Rewards already decided keep their amounts. Requires `If-Match`.
///
/// **Quyền:** admin, office.
#[utoipa::path(
    tag = "Danh mục khen thưởng",
    params(("id" = i64, Path, description = "Base salary id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["admin", "office"])),
    responses((status = 204, description = "Đã xóa"))
)]
#[delete("/base-salaries/{id}")]
pub async fn delete_base_salary(
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
            let before = salary::find(conn, id)?;
            salary::delete(conn, &before, if_match)?;
            audit::record(
                conn,
                &ctx,
                AuditAction::Delete,
                EntityType::BaseSalary,
                Some(id),
                audit::snapshot(&before),
                None,
            )
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Thiết lập khen thưởng: số ngày công khai, ngày nghỉ lễ, giới hạn góp ý.
///
/// A `version` of 0 means the defaults were never changed.
///
/// **Quyền:** mọi người dùng.
#[utoipa::path(
    tag = "Danh mục khen thưởng",
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
    responses((status = 200, body = CommendationSettings, headers(("ETag" = String))))
)]
#[get("/commendation-settings")]
pub async fn get_commendation_settings(
    _auth: Auth<People>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let settings = state.db.run(settings::load).await?;
    Ok(json_with_etag(StatusCode::OK, settings.version, &settings))
}

/// Sửa thiết lập khen thưởng.
///
/// Requires `If-Match` (`"0"` or `*` the first time).
///
/// **Quyền:** admin, office.
#[utoipa::path(
    tag = "Danh mục khen thưởng",
    request_body = CommendationSettingsInput,
    params(("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["admin", "office"])),
    responses((status = 200, body = CommendationSettings, headers(("ETag" = String))))
)]
#[put("/commendation-settings")]
pub async fn update_commendation_settings(
    auth: Auth<AdminOrOffice>,
    state: web::Data<AppState>,
    if_match: IfMatch,
    Json(input): Json<CommendationSettingsInput>,
) -> AppResult<HttpResponse> {
    validate(&input)?;
    let ctx = AuditContext::from(&auth);
    let settings = state
        .db
        .transaction(move |conn| {
            let before = settings::load(conn)?;
            settings::save(conn, &before, if_match, ctx.at, &input)?;
            let after = settings::load(conn)?;
            audit::record(
                conn,
                &ctx,
                AuditAction::Update,
                EntityType::Settings,
                None,
                audit::snapshot(&before),
                audit::snapshot(&after),
            )?;
            Ok(after)
        })
        .await?;
    Ok(json_with_etag(StatusCode::OK, settings.version, &settings))
}

/// Bố cục in Giấy khen trên phôi.
///
/// Where each variable field of a Giấy khen goes on the Office's pre-printed blanks (mm from the
/// top-left corner); a `version` of 0 means the default layout.
///
/// **Quyền:** mọi người dùng.
#[utoipa::path(
    tag = "Danh mục khen thưởng",
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
    responses((status = 200, body = CertificateLayoutSetting, headers(("ETag" = String))))
)]
#[get("/commendation-settings/certificate-layout")]
pub async fn get_certificate_layout(
    _auth: Auth<People>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let layout = state.db.run(settings::load_layout).await?;
    Ok(json_with_etag(StatusCode::OK, layout.version, &layout))
}

/// Sửa bố cục in Giấy khen trên phôi.
///
/// Every box must start on the sheet, fit its width, and have a printable size (422 otherwise).
/// Requires `If-Match` (`"0"` or `*` the first time).
///
/// **Quyền:** admin, office.
#[utoipa::path(
    tag = "Danh mục khen thưởng",
    request_body = CertificateLayout,
    params(("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["admin", "office"])),
    responses((status = 200, body = CertificateLayoutSetting, headers(("ETag" = String))))
)]
#[put("/commendation-settings/certificate-layout")]
pub async fn update_certificate_layout(
    auth: Auth<AdminOrOffice>,
    state: web::Data<AppState>,
    if_match: IfMatch,
    Json(layout): Json<CertificateLayout>,
) -> AppResult<HttpResponse> {
    settings::check_layout(&layout)?;
    let ctx = AuditContext::from(&auth);
    let saved = state
        .db
        .transaction(move |conn| {
            let before = settings::load_layout(conn)?;
            settings::save_layout(conn, &before, if_match, ctx.at, &layout)?;
            let after = settings::load_layout(conn)?;
            audit::record(
                conn,
                &ctx,
                AuditAction::Update,
                EntityType::Settings,
                None,
                audit::snapshot(&before),
                audit::snapshot(&after),
            )?;
            Ok(after)
        })
        .await?;
    Ok(json_with_etag(StatusCode::OK, saved.version, &saved))
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct OccasionQuery {
    pub active: Option<bool>,
    pub year: Option<i32>,
}

/// Danh sách dịp khen thưởng.
///
/// **Quyền:** mọi người dùng.
#[utoipa::path(
    tag = "Danh mục khen thưởng",
    params(OccasionQuery),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
    responses((status = 200, body = Vec<Occasion>))
)]
#[get("/commendation-occasions")]
pub async fn list_occasions(
    _auth: Auth<People>,
    state: web::Data<AppState>,
    Query(q): Query<OccasionQuery>,
) -> AppResult<web::Json<Vec<Occasion>>> {
    Ok(web::Json(
        state
            .db
            .run(move |conn| occasions::list(conn, q.active, q.year))
            .await?,
    ))
}

/// Một dịp khen thưởng.
///
/// **Quyền:** mọi người dùng.
#[utoipa::path(
    tag = "Danh mục khen thưởng",
    params(("id" = i64, Path, description = "Occasion id")),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
    responses((status = 200, body = Occasion, headers(("ETag" = String))))
)]
#[get("/commendation-occasions/{id}")]
pub async fn get_occasion(
    _auth: Auth<People>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let occasion = state.db.run(move |conn| occasions::find(conn, id)).await?;
    Ok(json_with_etag(StatusCode::OK, occasion.version, &occasion))
}

fn checked_occasion(input: OccasionInput) -> AppResult<OccasionInput> {
    let input = input.normalized();
    validate_with(&input, input.extra_errors())?;
    Ok(input)
}

/// Thêm dịp khen thưởng.
///
/// **Quyền:** admin, office.
#[utoipa::path(
    tag = "Danh mục khen thưởng",
    request_body = OccasionInput,
    security(("bearer" = ["admin", "office"])),
    responses((status = 201, body = Occasion, headers(("ETag" = String))), (status = 409, response = crate::openapi::Conflict))
)]
#[post("/commendation-occasions")]
pub async fn create_occasion(
    auth: Auth<AdminOrOffice>,
    state: web::Data<AppState>,
    Json(input): Json<OccasionInput>,
) -> AppResult<HttpResponse> {
    let input = checked_occasion(input)?;
    let ctx = AuditContext::from(&auth);
    let occasion = state
        .db
        .transaction(move |conn| {
            let id = occasions::insert(conn, ctx.at, &input)?;
            let occasion = occasions::find(conn, id)?;
            audit::record(
                conn,
                &ctx,
                AuditAction::Create,
                EntityType::CommendationOccasion,
                Some(id),
                None,
                audit::snapshot(&occasion),
            )?;
            Ok(occasion)
        })
        .await?;
    Ok(json_with_etag(
        StatusCode::CREATED,
        occasion.version,
        &occasion,
    ))
}

/// Sửa (hoặc ngừng sử dụng) dịp khen thưởng.
///
/// Requires `If-Match`.
///
/// **Quyền:** admin, office.
#[utoipa::path(
    tag = "Danh mục khen thưởng",
    request_body = OccasionInput,
    params(("id" = i64, Path, description = "Occasion id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["admin", "office"])),
    responses((status = 200, body = Occasion, headers(("ETag" = String))), (status = 409, response = crate::openapi::Conflict))
)]
#[put("/commendation-occasions/{id}")]
pub async fn update_occasion(
    auth: Auth<AdminOrOffice>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(input): Json<OccasionInput>,
) -> AppResult<HttpResponse> {
    let input = checked_occasion(input)?;
    let id = id.into_inner();
    let ctx = AuditContext::from(&auth);
    let occasion = state
        .db
        .transaction(move |conn| {
            let before = occasions::find(conn, id)?;
            occasions::update(conn, &before, if_match, ctx.at, &input)?;
            let after = occasions::find(conn, id)?;
            audit::record(
                conn,
                &ctx,
                AuditAction::Update,
                EntityType::CommendationOccasion,
                Some(id),
                audit::snapshot(&before),
                audit::snapshot(&after),
            )?;
            Ok(after)
        })
        .await?;
    Ok(json_with_etag(StatusCode::OK, occasion.version, &occasion))
}

/// Xóa dịp khen thưởng chưa có hồ sơ.
///
/// An occasion with proposals is deactivated instead (409). Requires `If-Match`.
///
/// **Quyền:** admin, office.
#[utoipa::path(
    tag = "Danh mục khen thưởng",
    params(("id" = i64, Path, description = "Occasion id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["admin", "office"])),
    responses((status = 204, description = "Đã xóa"), (status = 409, response = crate::openapi::Conflict))
)]
#[delete("/commendation-occasions/{id}")]
pub async fn delete_occasion(
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
            let before = occasions::find(conn, id)?;
            occasions::delete(conn, &before, if_match)?;
            audit::record(
                conn,
                &ctx,
                AuditAction::Delete,
                EntityType::CommendationOccasion,
                Some(id),
                audit::snapshot(&before),
                None,
            )
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

pub fn configure(cfg: &mut impl crate::http::routes::Routes) {
    cfg.service(list_award_forms)
        .service(get_award_form)
        .service(create_award_form)
        .service(update_award_form)
        .service(publish_award_form)
        .service(retire_award_form)
        .service(new_award_form_version)
        .service(delete_award_form)
        .service(list_base_salaries)
        .service(create_base_salary)
        .service(update_base_salary)
        .service(delete_base_salary)
        .service(get_commendation_settings)
        .service(update_commendation_settings)
        .service(get_certificate_layout)
        .service(update_certificate_layout)
        .service(list_occasions)
        .service(get_occasion)
        .service(create_occasion)
        .service(update_occasion)
        .service(delete_occasion);
}
