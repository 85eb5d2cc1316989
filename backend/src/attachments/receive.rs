//! Receiving an uploaded file for any owner: the form read within the size limit, the kind
//! detected from the content, the bytes stored under their hash and, for an image, a thumbnail
//! made (a few decodes at a time). What the new attachment row needs comes back.

use actix_web::{HttpRequest, web};
use utoipa::ToSchema;

use super::storage::{self, Storage};
use crate::error::{AppError, AppResult};
use crate::http::upload;
use crate::state::AppState;

/// The text fields of the upload form besides `file`.
pub const FORM_FIELDS: &[&str] = &["caption"];

/// An upload: the file and an optional caption.
#[derive(Debug, ToSchema)]
#[allow(dead_code)]
pub struct UploadForm {
    /// The file: PDF, JPEG, PNG, WebP, GIF, Word, Excel, PowerPoint or OpenDocument text; recognised
    /// by its content. At most `LANTOA_MAX_UPLOAD_BYTES` (20 MB by default).
    #[schema(format = Binary, content_media_type = "application/octet-stream")]
    file: String,
    #[schema(max_length = 300, required = false)]
    caption: Option<String>,
}

/// A stored upload, not yet attached to anything.
pub struct Received {
    pub file_name: String,
    pub content_type: &'static str,
    pub size_bytes: i64,
    pub sha256: String,
    pub has_thumbnail: bool,
    pub caption: Option<String>,
}

/// Reads, checks and stores the upload of `req` (form fields `file` and `caption`).
pub async fn receive(
    req: &HttpRequest,
    payload: web::Payload,
    state: &AppState,
) -> AppResult<Received> {
    let upload = upload::read(req, payload, state.settings.max_upload_bytes, FORM_FIELDS).await?;
    let content_type = storage::detect(&upload.bytes)?;
    let caption = upload
        .fields
        .get("caption")
        .map(|c| c.trim().chars().take(300).collect::<String>())
        .filter(|c| !c.is_empty());
    let store = Storage::new(&state.settings.data_dir);
    let bytes = upload.bytes;
    let size_bytes = bytes.len() as i64;
    // Decoding an image for its thumbnail is the costly part: a few at a time.
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
    Ok(Received {
        file_name: upload.file_name,
        content_type,
        size_bytes,
        sha256,
        has_thumbnail,
        caption,
    })
}
