//! `/api/v1/eligibility-rules`, `/title-records`, `/discipline-records`: the eligibility rules
//! as data, and the facts they read, with their spreadsheet imports.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, delete, get, post, put, web};

use super::eligibility::{self, Rule, RuleInput};
use super::facts::{
    self, DisciplineRecord, DisciplineRecordInput, FactQuery, FactSource, TitleRecord,
    TitleRecordInput,
};
use super::facts_import::{
    self, DISCIPLINE_COLUMNS, FactImportReport, FactImportRow, LIMITS, Lookup, TITLE_COLUMNS,
};
use crate::audit::{self, AuditAction, AuditContext, EntityType};
use crate::auth::Auth;
use crate::auth::roles::{AdminOrOffice, CommendationOffice, People, Review};
use crate::db::write_transaction;
use crate::error::{AppError, AppResult};
use crate::files::sheet;
use crate::http::etag::{IfMatch, json_with_etag};
use crate::http::extract::{Json, Query};
use crate::http::pagination::{Page, PageRequest};
use crate::http::upload;
use crate::http::validation::validate_with;
use crate::state::AppState;

/// Các quy tắc điều kiện khen thưởng.
///
/// Every rule: the check it makes, its parameters, the award it applies to, its severity and
/// its legal basis, in the order they are shown.
///
/// **Quyền:** mọi người dùng.
#[utoipa::path(
    tag = "Điều kiện khen thưởng",
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
    responses((status = 200, body = Vec<Rule>))
)]
#[get("/eligibility-rules")]
pub async fn list_rules(
    _auth: Auth<People>,
    state: web::Data<AppState>,
) -> AppResult<web::Json<Vec<Rule>>> {
    Ok(web::Json(state.db.run(eligibility::list).await?))
}

fn checked_rule(input: RuleInput) -> AppResult<RuleInput> {
    let input = input.normalized();
    validate_with(&input, input.extra_errors())?;
    Ok(input)
}

/// Thêm quy tắc điều kiện khen thưởng.
///
/// **Quyền:** admin, office.
#[utoipa::path(
    tag = "Điều kiện khen thưởng",
    request_body = RuleInput,
    security(("bearer" = ["admin", "office"])),
    responses((status = 201, body = Rule, headers(("ETag" = String))), (status = 409, response = crate::openapi::Conflict))
)]
#[post("/eligibility-rules")]
pub async fn create_rule(
    auth: Auth<AdminOrOffice>,
    state: web::Data<AppState>,
    Json(input): Json<RuleInput>,
) -> AppResult<HttpResponse> {
    let input = checked_rule(input)?;
    let ctx = AuditContext::from(&auth);
    let rule = state
        .db
        .transaction(move |conn| {
            let id = eligibility::insert(conn, ctx.at, &input)?;
            let rule = eligibility::find(conn, id)?;
            audit::record(
                conn,
                &ctx,
                AuditAction::Create,
                EntityType::EligibilityRule,
                Some(id),
                None,
                audit::snapshot(&rule),
            )?;
            Ok(rule)
        })
        .await?;
    Ok(json_with_etag(StatusCode::CREATED, rule.version, &rule))
}

/// Sửa (hoặc tắt) quy tắc điều kiện khen thưởng.
///
/// Changes a rule's parameters, severity, legal basis, or turns it off (`active: false`).
/// Requires `If-Match`.
///
/// **Quyền:** admin, office.
#[utoipa::path(
    tag = "Điều kiện khen thưởng",
    request_body = RuleInput,
    params(("id" = i64, Path, description = "Rule id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["admin", "office"])),
    responses((status = 200, body = Rule, headers(("ETag" = String))), (status = 409, response = crate::openapi::Conflict))
)]
#[put("/eligibility-rules/{id}")]
pub async fn update_rule(
    auth: Auth<AdminOrOffice>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(input): Json<RuleInput>,
) -> AppResult<HttpResponse> {
    let input = checked_rule(input)?;
    let id = id.into_inner();
    let ctx = AuditContext::from(&auth);
    let rule = state
        .db
        .transaction(move |conn| {
            let before = eligibility::find(conn, id)?;
            eligibility::update(conn, &before, if_match, ctx.at, &input)?;
            let after = eligibility::find(conn, id)?;
            audit::record(
                conn,
                &ctx,
                AuditAction::Update,
                EntityType::EligibilityRule,
                Some(id),
                audit::snapshot(&before),
                audit::snapshot(&after),
            )?;
            Ok(after)
        })
        .await?;
    Ok(json_with_etag(StatusCode::OK, rule.version, &rule))
}

/// Danh hiệu, hình thức khen thưởng đã đạt (theo năm).
///
/// The titles and awards recorded for people and collectives, filtered and paginated.
///
/// **Quyền:** leader, office.
#[utoipa::path(
    tag = "Điều kiện khen thưởng",
    params(FactQuery),
    security(("bearer" = ["leader", "office"])),
    responses((status = 200, body = Page<TitleRecord>))
)]
#[get("/title-records")]
pub async fn list_titles(
    _auth: Auth<Review>,
    state: web::Data<AppState>,
    Query(q): Query<FactQuery>,
) -> AppResult<web::Json<Page<TitleRecord>>> {
    let page = PageRequest::new(q.page, q.page_size)?;
    let (items, total) = state
        .db
        .run(move |conn| facts::list_titles(conn, &q, page.offset(), page.limit()))
        .await?;
    Ok(web::Json(page.of(items, total)))
}

/// Ghi nhận một danh hiệu đã đạt.
///
/// **Quyền:** office.
#[utoipa::path(
    tag = "Điều kiện khen thưởng",
    request_body = TitleRecordInput,
    security(("bearer" = ["office"])),
    responses((status = 201, body = TitleRecord, headers(("ETag" = String))))
)]
#[post("/title-records")]
pub async fn create_title(
    auth: Auth<CommendationOffice>,
    state: web::Data<AppState>,
    Json(input): Json<TitleRecordInput>,
) -> AppResult<HttpResponse> {
    validate_with(&input, input.extra_errors())?;
    let ctx = AuditContext::from(&auth);
    let record = state
        .db
        .transaction(move |conn| {
            let id = facts::insert_title(conn, ctx.at, &input, FactSource::Manual, None)?;
            let record = facts::find_title(conn, id)?;
            audit::record(
                conn,
                &ctx,
                AuditAction::Create,
                EntityType::TitleRecord,
                Some(id),
                None,
                audit::snapshot(&record),
            )?;
            Ok(record)
        })
        .await?;
    Ok(json_with_etag(StatusCode::CREATED, record.version, &record))
}

/// Sửa một danh hiệu đã ghi nhận.
///
/// Requires `If-Match`.
///
/// **Quyền:** office.
#[utoipa::path(
    tag = "Điều kiện khen thưởng",
    request_body = TitleRecordInput,
    params(("id" = i64, Path, description = "Title record id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["office"])),
    responses((status = 200, body = TitleRecord, headers(("ETag" = String))))
)]
#[put("/title-records/{id}")]
pub async fn update_title(
    auth: Auth<CommendationOffice>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(input): Json<TitleRecordInput>,
) -> AppResult<HttpResponse> {
    validate_with(&input, input.extra_errors())?;
    let id = id.into_inner();
    let ctx = AuditContext::from(&auth);
    let record = state
        .db
        .transaction(move |conn| {
            let before = facts::find_title(conn, id)?;
            facts::update_title(conn, &before, if_match, ctx.at, &input)?;
            let after = facts::find_title(conn, id)?;
            audit::record(
                conn,
                &ctx,
                AuditAction::Update,
                EntityType::TitleRecord,
                Some(id),
                audit::snapshot(&before),
                audit::snapshot(&after),
            )?;
            Ok(after)
        })
        .await?;
    Ok(json_with_etag(StatusCode::OK, record.version, &record))
}

/// Xóa một danh hiệu ghi nhận nhầm.
///
/// Requires `If-Match`.
///
/// **Quyền:** office.
#[utoipa::path(
    tag = "Điều kiện khen thưởng",
    params(("id" = i64, Path, description = "Title record id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["office"])),
    responses((status = 204, description = "Đã xóa"))
)]
#[delete("/title-records/{id}")]
pub async fn delete_title(
    auth: Auth<CommendationOffice>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let ctx = AuditContext::from(&auth);
    state
        .db
        .transaction(move |conn| {
            let before = facts::find_title(conn, id)?;
            facts::delete_title(conn, &before, if_match)?;
            audit::record(
                conn,
                &ctx,
                AuditAction::Delete,
                EntityType::TitleRecord,
                Some(id),
                audit::snapshot(&before),
                None,
            )
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Hồ sơ kỷ luật và vụ việc đang xem xét.
///
/// Discipline records and pending cases (discipline, inspection, complaint, investigation),
/// filtered and paginated. Personal data: the leadership and the Office only.
///
/// **Quyền:** leader, office.
#[utoipa::path(
    tag = "Điều kiện khen thưởng",
    params(FactQuery),
    security(("bearer" = ["leader", "office"])),
    responses((status = 200, body = Page<DisciplineRecord>))
)]
#[get("/discipline-records")]
pub async fn list_discipline(
    _auth: Auth<Review>,
    state: web::Data<AppState>,
    Query(q): Query<FactQuery>,
) -> AppResult<web::Json<Page<DisciplineRecord>>> {
    let page = PageRequest::new(q.page, q.page_size)?;
    let (items, total) = state
        .db
        .run(move |conn| facts::list_discipline(conn, &q, page.offset(), page.limit()))
        .await?;
    Ok(web::Json(page.of(items, total)))
}

/// Ghi nhận kỷ luật hoặc vụ việc đang xem xét.
///
/// **Quyền:** office.
#[utoipa::path(
    tag = "Điều kiện khen thưởng",
    request_body = DisciplineRecordInput,
    security(("bearer" = ["office"])),
    responses((status = 201, body = DisciplineRecord, headers(("ETag" = String))))
)]
#[post("/discipline-records")]
pub async fn create_discipline(
    auth: Auth<CommendationOffice>,
    state: web::Data<AppState>,
    Json(input): Json<DisciplineRecordInput>,
) -> AppResult<HttpResponse> {
    validate_with(&input, input.extra_errors())?;
    let ctx = AuditContext::from(&auth);
    let record = state
        .db
        .transaction(move |conn| {
            let id = facts::insert_discipline(conn, ctx.at, &input)?;
            let record = facts::find_discipline(conn, id)?;
            audit::record(
                conn,
                &ctx,
                AuditAction::Create,
                EntityType::DisciplineRecord,
                Some(id),
                None,
                audit::snapshot(&record),
            )?;
            Ok(record)
        })
        .await?;
    Ok(json_with_etag(StatusCode::CREATED, record.version, &record))
}

/// Sửa hồ sơ kỷ luật (ví dụ ghi ngày kết thúc, kết quả xem xét).
///
/// Requires `If-Match`.
///
/// **Quyền:** office.
#[utoipa::path(
    tag = "Điều kiện khen thưởng",
    request_body = DisciplineRecordInput,
    params(("id" = i64, Path, description = "Discipline record id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["office"])),
    responses((status = 200, body = DisciplineRecord, headers(("ETag" = String))))
)]
#[put("/discipline-records/{id}")]
pub async fn update_discipline(
    auth: Auth<CommendationOffice>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(input): Json<DisciplineRecordInput>,
) -> AppResult<HttpResponse> {
    validate_with(&input, input.extra_errors())?;
    let id = id.into_inner();
    let ctx = AuditContext::from(&auth);
    let record = state
        .db
        .transaction(move |conn| {
            let before = facts::find_discipline(conn, id)?;
            facts::update_discipline(conn, &before, if_match, ctx.at, &input)?;
            let after = facts::find_discipline(conn, id)?;
            audit::record(
                conn,
                &ctx,
                AuditAction::Update,
                EntityType::DisciplineRecord,
                Some(id),
                audit::snapshot(&before),
                audit::snapshot(&after),
            )?;
            Ok(after)
        })
        .await?;
    Ok(json_with_etag(StatusCode::OK, record.version, &record))
}

/// Xóa hồ sơ kỷ luật ghi nhận nhầm.
///
/// Requires `If-Match`.
///
/// **Quyền:** office.
#[utoipa::path(
    tag = "Điều kiện khen thưởng",
    params(("id" = i64, Path, description = "Discipline record id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["office"])),
    responses((status = 204, description = "Đã xóa"))
)]
#[delete("/discipline-records/{id}")]
pub async fn delete_discipline(
    auth: Auth<CommendationOffice>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let ctx = AuditContext::from(&auth);
    state
        .db
        .transaction(move |conn| {
            let before = facts::find_discipline(conn, id)?;
            facts::delete_discipline(conn, &before, if_match)?;
            audit::record(
                conn,
                &ctx,
                AuditAction::Delete,
                EntityType::DisciplineRecord,
                Some(id),
                audit::snapshot(&before),
                None,
            )
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The upload: `file` (XLSX or CSV, first sheet, header row first), `dryRun` (default `true`),
/// `onlyValid` (default `false`).
#[derive(Debug, utoipa::ToSchema)]
#[schema(rename_all = "camelCase")]
#[allow(dead_code)]
pub struct FactImportForm {
    #[schema(format = Binary, content_media_type = "application/octet-stream")]
    file: String,
    #[schema(default = true, required = false)]
    dry_run: Option<bool>,
    #[schema(default = false, required = false)]
    only_valid: Option<bool>,
}

const FORM_FIELDS: &[&str] = &["dryRun", "onlyValid"];

struct Flags {
    dry_run: bool,
    only_valid: bool,
}

fn flags(fields: &std::collections::HashMap<String, String>) -> AppResult<Flags> {
    let flag = |name: &str, default: bool| -> AppResult<bool> {
        match fields.get(name).map(|v| v.trim().to_ascii_lowercase()) {
            None => Ok(default),
            Some(v) if v.is_empty() => Ok(default),
            Some(v) if v == "true" || v == "1" => Ok(true),
            Some(v) if v == "false" || v == "0" => Ok(false),
            Some(_) => Err(AppError::field(
                name,
                "invalid_type",
                "Giá trị phải là true hoặc false.",
            )),
        }
    };
    Ok(Flags {
        dry_run: flag("dryRun", true)?,
        only_valid: flag("onlyValid", false)?,
    })
}

/// Refuses a committed import with problems, naming each row's.
fn refuse(report: &FactImportReport) -> AppResult<()> {
    if report.dry_run || report.committed || report.error_rows == 0 {
        return Ok(());
    }
    let errors = report
        .rows
        .iter()
        .flat_map(|row| {
            row.errors.iter().map(move |e| {
                crate::error::FieldError::new(
                    format!("rows[{}].{}", row.row, e.field),
                    e.code.clone(),
                    e.message.clone(),
                )
            })
        })
        .collect();
    Err(AppError::validation(errors).with_detail(format!(
        "{} dòng có lỗi nên chưa nhập dòng nào. Sửa tệp, hoặc chọn chỉ nhập các dòng hợp lệ.",
        report.error_rows
    )))
}

/// Nhập danh hiệu đã đạt từ tệp Excel/CSV.
///
/// Columns: Họ và tên, Đối tượng, Mã đơn vị, Đơn vị công tác, Danh hiệu (mã hoặc tên), Năm,
/// Loại khen thưởng, Số quyết định, Ngày quyết định (dd/mm/yyyy). With `dryRun` (the default)
/// nothing is written and every row's problems are reported; a real import with problems writes
/// nothing (422) unless `onlyValid`.
///
/// **Quyền:** office.
#[utoipa::path(
    tag = "Điều kiện khen thưởng",
    request_body(content = FactImportForm, content_type = "multipart/form-data"),
    security(("bearer" = ["office"])),
    responses((status = 200, body = FactImportReport))
)]
#[post("/title-records/import")]
pub async fn import_titles(
    auth: Auth<CommendationOffice>,
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> AppResult<web::Json<FactImportReport>> {
    let upload = upload::read(&req, payload, state.settings.max_upload_bytes, FORM_FIELDS).await?;
    let flags = flags(&upload.fields)?;
    let table = web::block(move || sheet::read(&upload.bytes, LIMITS))
        .await
        .map_err(AppError::internal)??;
    let ctx = AuditContext::from(&auth);
    let report = state
        .db
        .run(move |conn| {
            let index = facts_import::header_index(&table, TITLE_COLUMNS)?;
            let lookup = Lookup::load(conn)?;
            let mut rows = Vec::new();
            let mut inputs = Vec::new();
            for row in table.iter().skip(1) {
                let (input, errors) = facts_import::title_row(&row.cells, &index, &lookup);
                let name = input.as_ref().map(|i| i.full_name.clone());
                rows.push(FactImportRow {
                    row: row.number,
                    name,
                    errors,
                    created_id: None,
                });
                inputs.push(input);
            }
            let valid = inputs.iter().filter(|i| i.is_some()).count();
            let errors = rows.len() - valid;
            if flags.dry_run || valid == 0 || (errors > 0 && !flags.only_valid) {
                return Ok(facts_import::report(rows, flags.dry_run, false));
            }
            write_transaction(conn, |conn| {
                for (row, input) in rows.iter_mut().zip(&inputs) {
                    let Some(input) = input else { continue };
                    let id = facts::insert_title(conn, ctx.at, input, FactSource::Import, None)?;
                    audit::record(
                        conn,
                        &ctx,
                        AuditAction::Import,
                        EntityType::TitleRecord,
                        Some(id),
                        None,
                        audit::snapshot(input),
                    )?;
                    row.created_id = Some(id);
                }
                Ok(())
            })?;
            Ok(facts_import::report(rows, false, true))
        })
        .await?;
    refuse(&report)?;
    Ok(web::Json(report))
}

/// Nhập hồ sơ kỷ luật từ tệp Excel/CSV.
///
/// Columns: Họ và tên, Mã đơn vị, Đơn vị công tác, Loại, Hình thức kỷ luật, Từ ngày, Đến ngày,
/// Ghi chú. Dry run and `onlyValid` as for titles.
///
/// **Quyền:** office.
#[utoipa::path(
    tag = "Điều kiện khen thưởng",
    request_body(content = FactImportForm, content_type = "multipart/form-data"),
    security(("bearer" = ["office"])),
    responses((status = 200, body = FactImportReport))
)]
#[post("/discipline-records/import")]
pub async fn import_discipline(
    auth: Auth<CommendationOffice>,
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> AppResult<web::Json<FactImportReport>> {
    let upload = upload::read(&req, payload, state.settings.max_upload_bytes, FORM_FIELDS).await?;
    let flags = flags(&upload.fields)?;
    let table = web::block(move || sheet::read(&upload.bytes, LIMITS))
        .await
        .map_err(AppError::internal)??;
    let ctx = AuditContext::from(&auth);
    let report = state
        .db
        .run(move |conn| {
            let index = facts_import::header_index(&table, DISCIPLINE_COLUMNS)?;
            let lookup = Lookup::load(conn)?;
            let mut rows = Vec::new();
            let mut inputs = Vec::new();
            for row in table.iter().skip(1) {
                let (input, errors) = facts_import::discipline_row(&row.cells, &index, &lookup);
                let name = input.as_ref().map(|i| i.full_name.clone());
                rows.push(FactImportRow {
                    row: row.number,
                    name,
                    errors,
                    created_id: None,
                });
                inputs.push(input);
            }
            let valid = inputs.iter().filter(|i| i.is_some()).count();
            let errors = rows.len() - valid;
            if flags.dry_run || valid == 0 || (errors > 0 && !flags.only_valid) {
                return Ok(facts_import::report(rows, flags.dry_run, false));
            }
            write_transaction(conn, |conn| {
                for (row, input) in rows.iter_mut().zip(&inputs) {
                    let Some(input) = input else { continue };
                    let id = facts::insert_discipline(conn, ctx.at, input)?;
                    audit::record(
                        conn,
                        &ctx,
                        AuditAction::Import,
                        EntityType::DisciplineRecord,
                        Some(id),
                        None,
                        audit::snapshot(input),
                    )?;
                    row.created_id = Some(id);
                }
                Ok(())
            })?;
            Ok(facts_import::report(rows, false, true))
        })
        .await?;
    refuse(&report)?;
    Ok(web::Json(report))
}

fn xlsx(bytes: Vec<u8>, name: &str) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}\""),
        ))
        .body(bytes)
}

/// Tệp mẫu nhập danh hiệu đã đạt.
///
/// **Quyền:** office.
#[utoipa::path(
    tag = "Điều kiện khen thưởng",
    security(("bearer" = ["office"])),
    responses((status = 200, description = "Tệp Excel mẫu (.xlsx)", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
)]
#[get("/title-records/import/template")]
pub async fn titles_template(_auth: Auth<CommendationOffice>) -> AppResult<HttpResponse> {
    let bytes = web::block(|| facts_import::template("Danh hiệu", TITLE_COLUMNS))
        .await
        .map_err(AppError::internal)??;
    Ok(xlsx(bytes, "mau-nhap-danh-hieu.xlsx"))
}

/// Tệp mẫu nhập hồ sơ kỷ luật.
///
/// **Quyền:** office.
#[utoipa::path(
    tag = "Điều kiện khen thưởng",
    security(("bearer" = ["office"])),
    responses((status = 200, description = "Tệp Excel mẫu (.xlsx)", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
)]
#[get("/discipline-records/import/template")]
pub async fn discipline_template(_auth: Auth<CommendationOffice>) -> AppResult<HttpResponse> {
    let bytes = web::block(|| facts_import::template("Kỷ luật", DISCIPLINE_COLUMNS))
        .await
        .map_err(AppError::internal)??;
    Ok(xlsx(bytes, "mau-nhap-ky-luat.xlsx"))
}

pub fn configure(cfg: &mut impl crate::http::routes::Routes) {
    cfg.service(list_rules)
        .service(create_rule)
        .service(update_rule)
        .service(list_titles)
        .service(titles_template)
        .service(import_titles)
        .service(create_title)
        .service(update_title)
        .service(delete_title)
        .service(list_discipline)
        .service(discipline_template)
        .service(import_discipline)
        .service(create_discipline)
        .service(update_discipline)
        .service(delete_discipline);
}
