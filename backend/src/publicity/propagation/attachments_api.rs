//! The files of a propagation activity (the article as PDF, screenshots, photos of the event):
//! uploaded, served and removed under the log's own rule, never through `/attachments/{id}`.

use actix_files::NamedFile;
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpRequest, HttpResponse, delete, get, post, web};

use super::{access, model};
use crate::attachments::model::{
    self as attachments, Attachment, AttachmentRow, NewAttachment, Owner,
};
use crate::attachments::receive::{self, UploadForm};
use crate::attachments::storage::{self, Storage};
use crate::audit::{self, AuditAction, AuditContext, EntityType};
use crate::auth::roles::{ReadPublicity, WritePropagation};
use crate::auth::{Auth, Principal};
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};
use crate::http::etag::{IfMatch, json_with_etag};
use crate::http::security_headers::DOWNLOAD_POLICY;
use crate::state::AppState;

/// Attachment `id` of a propagation activity and that activity's unit; any other attachment is
/// "not found" here.
fn propagation_file(conn: &mut DbConnection, id: i64) -> AppResult<(AttachmentRow, i64)> {
    let row = attachments::find(conn, id)?;
    let Owner::Propagation(activity) = row.owner()? else {
        return Err(AppError::not_found("tệp đính kèm"));
    };
    let unit = model::find_row(conn, activity)?.unit_id;
    Ok((row, unit))
}

fn readable_file(
    conn: &mut DbConnection,
    principal: &Principal,
    id: i64,
) -> AppResult<AttachmentRow> {
    let (row, unit) = propagation_file(conn, id)?;
    access::ensure_readable(principal, unit)?;
    Ok(row)
}

/// Đính kèm tệp vào hoạt động tuyên truyền.
///
/// Attaches a file (the article as PDF, a screenshot, a photo of the event): PDF, images and
/// office documents, recognised by their content.
///
/// **Quyền:** office (mọi đơn vị), unit_head, unit_staff (đơn vị mình).
#[utoipa::path(
    tag = "Tuyên truyền",
    request_body(content = UploadForm, content_type = "multipart/form-data"),
    params(("id" = i64, Path, description = "Propagation activity id")),
    security(("bearer" = ["office", "unit_head", "unit_staff"])),
    responses((status = 201, body = Attachment, headers(("ETag" = String))))
)]
#[post("/propagation-activities/{id}/attachments")]
pub async fn upload_attachment(
    auth: Auth<WritePropagation>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    req: HttpRequest,
    payload: web::Payload,
) -> AppResult<HttpResponse> {
    let activity = id.into_inner();
    let principal = auth.principal.clone();
    let check = move |conn: &mut DbConnection, principal: &Principal| {
        let row = model::find_row(conn, activity)?;
        access::ensure_readable(principal, row.unit_id)?;
        access::ensure_writable(principal, row.unit_id)
    };
    state.db.run(move |conn| check(conn, &principal)).await?;
    let received = receive::receive(&req, payload, &state).await?;
    let ctx = AuditContext::from(&auth);
    let principal = auth.principal;
    let attachment = state
        .db
        .transaction(move |conn| {
            check(conn, &principal)?;
            let id = attachments::insert(
                conn,
                &NewAttachment {
                    owner: Owner::Propagation(activity),
                    file_name: &received.file_name,
                    content_type: received.content_type,
                    size_bytes: received.size_bytes,
                    sha256: &received.sha256,
                    has_thumbnail: received.has_thumbnail,
                    caption: received.caption.as_deref(),
                    uploaded_by: principal.user_id(),
                    created_at: ctx.at,
                },
            )?;
            let attachment = Attachment::from(attachments::find(conn, id)?);
            audit::record(
                conn,
                &ctx,
                AuditAction::Upload,
                EntityType::Attachment,
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

/// Inert content: opened directly, a stored file runs nothing and frames nothing.
fn sandboxed(response: &mut HttpResponse) {
    let headers = response.headers_mut();
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, max-age=3600"),
    );
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(DOWNLOAD_POLICY),
    );
}

/// Tải tệp đính kèm của hoạt động tuyên truyền.
///
/// The file itself: images and PDFs inline, other kinds as a download.
///
/// **Quyền:** như khi xem hoạt động tuyên truyền.
#[utoipa::path(
    operation_id = "download_propagation_attachment",
    tag = "Tuyên truyền",
    params(("id" = i64, Path, description = "Attachment id")),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
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
#[get("/propagation-attachments/{id}/content")]
pub async fn download_attachment(
    auth: Auth<ReadPublicity>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    req: HttpRequest,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let principal = auth.principal;
    let row = state
        .db
        .run(move |conn| readable_file(conn, &principal, id))
        .await?;
    let path = Storage::new(&state.settings.data_dir).file_path(&row.sha256)?;
    let inline = storage::is_image(&row.content_type) || row.content_type == "application/pdf";
    let mime: mime_guess::Mime = row.content_type.parse().map_err(AppError::internal)?;
    let file = NamedFile::open_async(&path)
        .await
        .map_err(|e| AppError::internal(format!("stored file missing: {e}")))?;
    let disposition = crate::attachments::model::content_disposition(inline, &row.file_name);
    let mut response = file
        .set_content_type(mime)
        .set_content_disposition(disposition)
        .into_response(&req);
    sandboxed(&mut response);
    Ok(response)
}

/// Ảnh thu nhỏ của tệp ảnh đính kèm hoạt động tuyên truyền.
///
/// A PNG thumbnail (at most 320 px) of an image attachment.
///
/// **Quyền:** như khi xem hoạt động tuyên truyền.
#[utoipa::path(
    operation_id = "propagation_attachment_thumbnail",
    tag = "Tuyên truyền",
    params(("id" = i64, Path, description = "Attachment id")),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
    responses((status = 200, description = "Ảnh thu nhỏ", content_type = "image/png"))
)]
#[get("/propagation-attachments/{id}/thumbnail")]
pub async fn attachment_thumbnail(
    auth: Auth<ReadPublicity>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    req: HttpRequest,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let principal = auth.principal;
    let row = state
        .db
        .run(move |conn| readable_file(conn, &principal, id))
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

/// Gỡ tệp đính kèm khỏi hoạt động tuyên truyền.
///
/// Removes an attachment (the stored bytes stay for the audit trail). Requires `If-Match` with
/// the attachment's ETag.
///
/// **Quyền:** office, unit_head, unit_staff (đơn vị mình).
#[utoipa::path(
    operation_id = "delete_propagation_attachment",
    tag = "Tuyên truyền",
    params(
        ("id" = i64, Path, description = "Attachment id"),
        ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc"),
    ),
    security(("bearer" = ["office", "unit_head", "unit_staff"])),
    responses((status = 204, description = "Đã xóa"))
)]
#[delete("/propagation-attachments/{id}")]
pub async fn delete_attachment(
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
            let (row, unit) = propagation_file(conn, id)?;
            access::ensure_readable(&principal, unit)?;
            access::ensure_writable(&principal, unit)?;
            attachments::delete(conn, id, if_match.expect(row.version)?)?;
            audit::record(
                conn,
                &ctx,
                AuditAction::Delete,
                EntityType::Attachment,
                Some(id),
                audit::snapshot(&Attachment::from(row)),
                None,
            )
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
