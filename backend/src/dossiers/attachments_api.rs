//! Uploading and downloading attachments. Every download is authorised like its parent record.

use actix_files::NamedFile;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, delete, get, post, put, web};
use utoipa::ToSchema;

use crate::attachments::model::{self, Attachment, NewAttachment, Owner};
use crate::attachments::receive::{self, UploadForm};
use crate::attachments::storage::{self, Storage};
use crate::audit::{self, AuditContext};
use crate::auth::roles::{Evaluate, ReadExemplars, WriteExemplars};
use crate::auth::{Auth, Principal, Rule};
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};
use crate::evaluations::model as evaluations;
use crate::exemplars::model::{
    self as exemplars, ensure_evaluable, ensure_readable, ensure_workable,
};
use crate::exemplars::records;
use crate::exemplars::timeline::{self, Step};
use crate::exemplars::types::TimelineAction;
use crate::http::etag::{IfMatch, json_with_etag};
use crate::http::extract::Json;
use crate::http::security_headers::DOWNLOAD_POLICY;
use crate::state::AppState;

/// The exemplar an owner hangs from.
fn exemplar_of(conn: &mut DbConnection, owner: Owner) -> AppResult<exemplars::ExemplarRow> {
    let exemplar_id = match owner {
        Owner::Exemplar(id) => id,
        Owner::Evaluation(id) => evaluations::find_row(conn, id)?.exemplar_id,
        Owner::Replication(id) => records::find_replication(conn, id)?.exemplar_id,
        Owner::Difficulty(_) => {
            return Err(AppError::internal("a difficulty's file has no exemplar"));
        }
        // Served by the propagation log's own endpoints, under its own rule.
        Owner::Propagation(_) => return Err(AppError::not_found("tệp đính kèm")),
        // A proposal's files are served by its own endpoints, authorised like the proposal.
        Owner::Proposal(_) => return Err(AppError::not_found("tệp đính kèm")),
    };
    exemplars::find_row(conn, exemplar_id)
}

fn ensure_can_read(conn: &mut DbConnection, principal: &Principal, owner: Owner) -> AppResult<()> {
    if let Owner::Difficulty(id) = owner {
        return crate::difficulties::attachments_api::ensure_can_read_files(conn, principal, id);
    }
    let exemplar = exemplar_of(conn, owner)?;
    ensure_readable(principal, &exemplar)?;
    if let Owner::Evaluation(id) = owner
        && !evaluations::find_row(conn, id)?.visible_to(principal)
    {
        return Err(AppError::not_found("tệp đính kèm"));
    }
    Ok(())
}

/// Files of the record and of its replications show on the exemplar's timeline; an evaluation's
/// evidence stays with the evaluation (a draft's is not for everyone who reads the timeline).
fn on_timeline(
    conn: &mut DbConnection,
    principal: &Principal,
    owner: Owner,
    action: TimelineAction,
    file_name: &str,
    at: chrono::NaiveDateTime,
) -> AppResult<()> {
    if matches!(owner, Owner::Evaluation(_) | Owner::Difficulty(_)) {
        return Ok(());
    }
    let exemplar = exemplar_of(conn, owner)?;
    timeline::record(
        conn,
        exemplar.id,
        principal,
        at,
        Step::new(action).note(Some(file_name)),
    )
}

/// Adding or removing files: the parent must be workable; an evaluation's files only on a draft,
/// by its evaluator.
fn ensure_can_change(
    conn: &mut DbConnection,
    principal: &Principal,
    owner: Owner,
) -> AppResult<()> {
    if let Owner::Difficulty(id) = owner {
        return crate::difficulties::attachments_api::ensure_can_change_files(conn, principal, id);
    }
    let exemplar = exemplar_of(conn, owner)?;
    ensure_readable(principal, &exemplar)?;
    if let Owner::Evaluation(id) = owner {
        ensure_evaluable(principal, &exemplar)?;
        evaluations::ensure_editable(principal, &evaluations::find_row(conn, id)?)?;
    } else {
        ensure_workable(principal, &exemplar)?;
    }
    Ok(())
}

async fn upload_to<R: Rule>(
    auth: Auth<R>,
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
    owner: Owner,
) -> AppResult<HttpResponse> {
    let principal = auth.principal.clone();
    state
        .db
        .run(move |conn| ensure_can_change(conn, &principal, owner))
        .await?;
    let received = receive::receive(&req, payload, &state).await?;
    let ctx = AuditContext::from(&auth);
    let principal = auth.principal;
    let file_name = received.file_name;
    let attachment = state
        .db
        .transaction(move |conn| {
            ensure_can_change(conn, &principal, owner)?;
            let id = model::insert(
                conn,
                &NewAttachment {
                    owner,
                    file_name: &file_name,
                    content_type: received.content_type,
                    size_bytes: received.size_bytes,
                    sha256: &received.sha256,
                    has_thumbnail: received.has_thumbnail,
                    caption: received.caption.as_deref(),
                    uploaded_by: principal.user_id(),
                    created_at: ctx.at,
                },
            )?;
            let attachment = Attachment::from(model::find(conn, id)?);
            on_timeline(
                conn,
                &principal,
                owner,
                TimelineAction::FileAdded,
                &file_name,
                ctx.at,
            )?;
            audit::record(
                conn,
                &ctx,
                audit::AuditAction::Upload,
                audit::EntityType::Attachment,
                Some(id),
                None,
                audit::snapshot(&attachment),
            )?;
            Ok(attachment)
        })
        .await?;
    Ok(json_with_etag(
        StatusCode::CREATED,
        attachment.version,
        &attachment,
    ))
}

/// Attaches a file (evidence, photo) to an exemplar.
///
/// **Quyền:** office, unit_head, unit_staff (đơn vị mình).
#[utoipa::path(
    tag = "Tệp đính kèm",
    request_body(content = UploadForm, content_type = "multipart/form-data"),
    params(("id" = i64, Path, description = "Exemplar id")),
    security(("bearer" = ["office", "unit_head", "unit_staff"])),
    responses((status = 201, body = Attachment), (status = 409, response = crate::openapi::Conflict))
)]
#[post("/exemplars/{id}/attachments")]
pub async fn upload_exemplar_attachment(
    auth: Auth<WriteExemplars>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    req: HttpRequest,
    payload: web::Payload,
) -> AppResult<HttpResponse> {
    upload_to(auth, state, req, payload, Owner::Exemplar(id.into_inner())).await
}

/// Attaches evidence to a replication record.
///
/// **Quyền:** office, unit_head, unit_staff (đơn vị của điển hình).
#[utoipa::path(
    tag = "Tệp đính kèm",
    request_body(content = UploadForm, content_type = "multipart/form-data"),
    params(("id" = i64, Path, description = "Replication id")),
    security(("bearer" = ["office", "unit_head", "unit_staff"])),
    responses((status = 201, body = Attachment), (status = 409, response = crate::openapi::Conflict))
)]
#[post("/replications/{id}/attachments")]
pub async fn upload_replication_attachment(
    auth: Auth<WriteExemplars>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    req: HttpRequest,
    payload: web::Payload,
) -> AppResult<HttpResponse> {
    upload_to(
        auth,
        state,
        req,
        payload,
        Owner::Replication(id.into_inner()),
    )
    .await
}

/// Attaches evidence to a draft evaluation (by its evaluator).
///
/// **Quyền:** người lập phiếu.
#[utoipa::path(
    tag = "Tệp đính kèm",
    request_body(content = UploadForm, content_type = "multipart/form-data"),
    params(("id" = i64, Path, description = "Evaluation id")),
    security(("bearer" = ["leader", "office", "unit_head", "unit_staff"])),
    responses((status = 201, body = Attachment), (status = 409, response = crate::openapi::Conflict))
)]
#[post("/evaluations/{id}/attachments")]
pub async fn upload_evaluation_attachment(
    auth: Auth<Evaluate>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    req: HttpRequest,
    payload: web::Payload,
) -> AppResult<HttpResponse> {
    upload_to(
        auth,
        state,
        req,
        payload,
        Owner::Evaluation(id.into_inner()),
    )
    .await
}

fn readable_row(
    conn: &mut DbConnection,
    principal: &Principal,
    id: i64,
) -> AppResult<model::AttachmentRow> {
    let row = model::find(conn, id)?;
    ensure_can_read(conn, principal, row.owner()?)?;
    Ok(row)
}

/// An attachment's details.
///
/// **Quyền:** như bản ghi chứa tệp.
#[utoipa::path(
    tag = "Tệp đính kèm",
    params(("id" = i64, Path, description = "Attachment id")),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff", "integration"])),
    responses((status = 200, body = Attachment, headers(("ETag" = String))))
)]
#[get("/attachments/{id}")]
pub async fn get_attachment(
    auth: Auth<ReadExemplars>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let principal = auth.principal;
    let row = state
        .db
        .run(move |conn| readable_row(conn, &principal, id))
        .await?;
    let attachment = Attachment::from(row);
    Ok(json_with_etag(
        StatusCode::OK,
        attachment.version,
        &attachment,
    ))
}

/// A stored file is served as inert content: opened directly, it can run nothing and frame
/// nothing, whatever it holds.
fn sandboxed(response: &mut HttpResponse) {
    use actix_web::http::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY, HeaderValue};
    let headers = response.headers_mut();
    headers.insert(
        CACHE_CONTROL,
        HeaderValue::from_static("private, max-age=3600"),
    );
    headers.insert(
        CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(DOWNLOAD_POLICY),
    );
}

/// The file itself (images and PDFs inline, other kinds as a download).
///
/// **Quyền:** như bản ghi chứa tệp.
#[utoipa::path(
    tag = "Tệp đính kèm",
    params(("id" = i64, Path, description = "Attachment id")),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff", "integration"])),
    // The stored kind (storage::ALLOWED), as detected from the content at upload.
    responses((status = 200, description = "Nội dung tệp", content(
        ("application/pdf"),
        ("image/jpeg"),
        ("image/png"),
        ("image/webp"),
        ("image/gif"),
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("application/vnd.openxmlformats-officedocument.presentationml.presentation"),
        ("application/msword"),
        ("application/vnd.ms-excel"),
        ("application/vnd.oasis.opendocument.text"),
    )))
)]
#[get("/attachments/{id}/content")]
pub async fn download_attachment(
    auth: Auth<ReadExemplars>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    req: HttpRequest,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let principal = auth.principal;
    let row = state
        .db
        .run(move |conn| readable_row(conn, &principal, id))
        .await?;
    let path = Storage::new(&state.settings.data_dir).file_path(&row.sha256)?;
    let inline = storage::is_image(&row.content_type) || row.content_type == "application/pdf";
    let mime: mime_guess::Mime = row.content_type.parse().map_err(AppError::internal)?;
    let file = NamedFile::open_async(&path)
        .await
        .map_err(|e| AppError::internal(format!("stored file missing: {e}")))?;
    let mut response = file
        .set_content_type(mime)
        .set_content_disposition(model::content_disposition(inline, &row.file_name))
        .into_response(&req);
    sandboxed(&mut response);
    Ok(response)
}

/// A PNG thumbnail (at most 320 px) of an image attachment.
///
/// **Quyền:** như bản ghi chứa tệp.
#[utoipa::path(
    tag = "Tệp đính kèm",
    params(("id" = i64, Path, description = "Attachment id")),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff", "integration"])),
    responses((status = 200, description = "Ảnh thu nhỏ", content_type = "image/png"))
)]
#[get("/attachments/{id}/thumbnail")]
pub async fn attachment_thumbnail(
    auth: Auth<ReadExemplars>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    req: HttpRequest,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let principal = auth.principal;
    let row = state
        .db
        .run(move |conn| readable_row(conn, &principal, id))
        .await?;
    if !row.has_thumbnail {
        return Err(AppError::not_found("ảnh thu nhỏ"));
    }
    let path = Storage::new(&state.settings.data_dir).thumbnail_path(&row.sha256)?;
    let file = NamedFile::open_async(&path)
        .await
        .map_err(|e| AppError::internal(format!("thumbnail missing: {e}")))?;
    let mut response = file
        .set_content_type(mime_guess::mime::IMAGE_PNG)
        .into_response(&req);
    sandboxed(&mut response);
    Ok(response)
}

/// Removes an attachment from its record (the stored bytes stay for the audit trail). Requires
/// `If-Match` with the attachment's ETag.
///
/// **Quyền:** office, unit_head, unit_staff (đơn vị của điển hình); phiếu đánh giá: người lập phiếu;
/// phản ánh khó khăn: đơn vị khi đang chờ xử lý, Văn phòng Sở khi đang xử lý.
#[utoipa::path(
    tag = "Tệp đính kèm",
    params(
        ("id" = i64, Path, description = "Attachment id"),
        ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc"),
    ),
    security(("bearer" = ["leader", "office", "unit_head", "unit_staff"])),
    responses((status = 204, description = "Đã xóa"), (status = 409, response = crate::openapi::Conflict))
)]
#[delete("/attachments/{id}")]
pub async fn delete_attachment(
    auth: Auth<Evaluate>,
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
            let row = model::find(conn, id)?;
            ensure_can_change(conn, &principal, row.owner()?)?;
            model::delete(conn, id, if_match.expect(row.version)?)?;
            on_timeline(
                conn,
                &principal,
                row.owner()?,
                TimelineAction::FileRemoved,
                &row.file_name,
                ctx.at,
            )?;
            audit::record(
                conn,
                &ctx,
                audit::AuditAction::Delete,
                audit::EntityType::Attachment,
                Some(id),
                audit::snapshot(&Attachment::from(row)),
                None,
            )
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The image attachment to show as an exemplar's picture.
#[derive(Debug, serde::Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PhotoChoice {
    /// One of the exemplar's own image attachments.
    pub attachment_id: i64,
}

/// Chooses which of an exemplar's images is its picture (in lists and on its page). Without a
/// choice its first image is shown. Requires `If-Match` with the exemplar's ETag.
///
/// **Quyền:** office, unit_head, unit_staff (đơn vị mình, như khi đính kèm tệp).
#[utoipa::path(
    tag = "Tệp đính kèm",
    request_body = PhotoChoice,
    params(
        ("id" = i64, Path, description = "Exemplar id"),
        ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc"),
    ),
    security(("bearer" = ["office", "unit_head", "unit_staff"])),
    responses(
        (status = 200, body = super::detail::Exemplar, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[put("/exemplars/{id}/photo")]
pub async fn choose_exemplar_photo(
    auth: Auth<WriteExemplars>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(choice): Json<PhotoChoice>,
) -> AppResult<HttpResponse> {
    super::api::change_exemplar(
        auth,
        state,
        id.into_inner(),
        audit::AuditAction::Update,
        move |conn, principal, row, now| {
            let owner = Owner::Exemplar(row.id);
            ensure_can_change(conn, principal, owner)?;
            let expected = if_match.expect(row.version)?;
            let image = model::find(conn, choice.attachment_id)
                .ok()
                .filter(|a| a.owner().ok() == Some(owner) && a.has_thumbnail)
                .ok_or_else(|| {
                    AppError::field(
                        "attachmentId",
                        "not_an_image_of_exemplar",
                        "Chỉ chọn được một ảnh đã đính kèm vào hồ sơ điển hình này.",
                    )
                })?;
            exemplars::choose_photo(conn, row, expected, image.id, now)?;
            timeline::record(
                conn,
                row.id,
                principal,
                now,
                Step::new(TimelineAction::PhotoChosen).note(Some(&image.file_name)),
            )
        },
    )
    .await
}

pub fn configure(cfg: &mut impl crate::http::routes::Routes) {
    cfg.service(upload_exemplar_attachment)
        .service(upload_replication_attachment)
        .service(upload_evaluation_attachment)
        .service(get_attachment)
        .service(download_attachment)
        .service(attachment_thumbnail)
        .service(delete_attachment)
        .service(choose_exemplar_photo);
}
