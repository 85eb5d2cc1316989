//! A difficulty's files: uploaded here, read, downloaded and removed through the common
//! `/api/v1/attachments/{id}` endpoints, which ask [`ensure_can_read_files`] and
//! [`ensure_can_change_files`] (the difficulty's own visibility and workflow).

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, post, web};

use super::model;
use super::workflow::{self, DifficultyAction};
use crate::attachments::model::{self as attachments, Attachment, NewAttachment, Owner};
use crate::attachments::storage::{self, Storage};
use crate::audit::{self, AuditContext};
use crate::auth::roles::DifficultyUnitOrOffice;
use crate::auth::{Auth, Principal};
use crate::db::DbConnection;
use crate::error::{AppError, AppResult};
use crate::http::etag::json_with_etag;
use crate::http::upload;
use crate::state::AppState;

/// Whoever reads the difficulty reads its files (404 otherwise).
pub fn ensure_can_read_files(
    conn: &mut DbConnection,
    principal: &Principal,
    id: i64,
) -> AppResult<()> {
    let row = model::find_row(conn, id).map_err(|_| AppError::not_found("tệp đính kèm"))?;
    model::ensure_readable(principal, &row).map_err(|_| AppError::not_found("tệp đính kèm"))
}

/// Files are added and removed as the workflow's `attach` step allows.
pub fn ensure_can_change_files(
    conn: &mut DbConnection,
    principal: &Principal,
    id: i64,
) -> AppResult<()> {
    let row = model::find_row(conn, id)?;
    model::ensure_readable(principal, &row)?;
    workflow::authorize(principal, &row.state(), DifficultyAction::Attach).map(|_| ())
}

/// The upload form: the file and an optional caption.
#[derive(Debug, utoipa::ToSchema)]
#[allow(dead_code)]
pub struct DifficultyUploadForm {
    /// PDF, pictures, Word, Excel, PowerPoint or OpenDocument text, recognised by its content;
    /// at most `LANTOA_MAX_UPLOAD_BYTES`.
    #[schema(format = Binary, content_media_type = "application/octet-stream")]
    file: String,
    #[schema(max_length = 300, required = false)]
    caption: Option<String>,
}

/// Attaches a file (a document, a picture) to a difficulty.
///
/// **Quyền:** unit_head, unit_staff (đơn vị mình, khi đang chờ xử lý), office (khi đang xử lý).
#[utoipa::path(
    tag = "Khó khăn, vướng mắc",
    request_body(content = DifficultyUploadForm, content_type = "multipart/form-data"),
    params(("id" = i64, Path, description = "Difficulty id")),
    security(("bearer" = ["office", "unit_head", "unit_staff"])),
    responses((status = 201, body = Attachment), (status = 409, response = crate::openapi::Conflict))
)]
#[post("/difficulties/{id}/attachments")]
pub async fn upload_difficulty_attachment(
    auth: Auth<DifficultyUnitOrOffice>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    req: HttpRequest,
    payload: web::Payload,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let principal = auth.principal.clone();
    state
        .db
        .run(move |conn| ensure_can_change_files(conn, &principal, id))
        .await?;
    let upload = upload::read(&req, payload, state.settings.max_upload_bytes, &["caption"]).await?;
    let content_type = storage::detect(&upload.bytes)?;
    let caption = upload
        .fields
        .get("caption")
        .map(|c| c.trim().chars().take(300).collect::<String>())
        .filter(|c| !c.is_empty());
    let store = Storage::new(&state.settings.data_dir);
    let bytes = upload.bytes;
    let size_bytes = bytes.len() as i64;
    let _decode = storage::DECODES
        .acquire()
        .await
        .map_err(AppError::internal)?;
    let (sha256, has_thumbnail) = web::block(move || -> AppResult<(String, bool)> {
        let sha256 = store.store(&bytes)?;
        let thumbnail = storage::is_image(content_type) && store.make_thumbnail(&sha256, &bytes)?;
        Ok((sha256, thumbnail))
    })
    .await
    .map_err(AppError::internal)??;
    let ctx = AuditContext::from(&auth);
    let principal = auth.principal;
    let file_name = upload.file_name;
    let attachment = state
        .db
        .transaction(move |conn| {
            ensure_can_change_files(conn, &principal, id)?;
            let attachment_id = attachments::insert(
                conn,
                &NewAttachment {
                    owner: Owner::Difficulty(id),
                    file_name: &file_name,
                    content_type,
                    size_bytes,
                    sha256: &sha256,
                    has_thumbnail,
                    caption: caption.as_deref(),
                    uploaded_by: principal.user_id(),
                    created_at: ctx.at,
                },
            )?;
            let attachment = Attachment::from(attachments::find(conn, attachment_id)?);
            audit::record(
                conn,
                &ctx,
                audit::AuditAction::Upload,
                audit::EntityType::Attachment,
                Some(attachment_id),
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

pub fn configure(cfg: &mut impl crate::http::routes::Routes) {
    cfg.service(upload_difficulty_attachment);
}
