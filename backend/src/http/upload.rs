//! Reads a `multipart/form-data` upload: one file (field `file`) and the few text fields the
//! form declares, with the size limits enforced before and while streaming.

use std::collections::HashMap;

use actix_multipart::Multipart;
use actix_web::http::header;
use actix_web::{HttpRequest, web};
use futures_util::StreamExt;

use super::text;
use crate::error::{AppError, AppResult, ErrorCode, FieldError};

pub struct Upload {
    pub file_name: String,
    pub bytes: Vec<u8>,
    /// The other (text) fields.
    pub fields: HashMap<String, String>,
}

const MAX_TEXT_FIELD: usize = 4096;

/// The file name without any directory part or control characters, at most 200 characters.
pub fn clean_file_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = base.chars().filter(|c| !c.is_control()).take(200).collect();
    let cleaned = cleaned.trim().to_owned();
    if cleaned.is_empty() || cleaned == "." || cleaned == ".." {
        "tep-dinh-kem".to_owned()
    } else {
        cleaned
    }
}

/// Room for the multipart framing and the text fields on top of the file itself.
const FRAMING_ALLOWANCE: usize = 64 * 1024;

fn too_large(limit: usize) -> AppError {
    AppError::new(ErrorCode::FileTooLarge).with_detail(format!(
        "Tệp vượt quá giới hạn {} MB.",
        limit / (1024 * 1024)
    ))
}

/// Reads the upload: the file in the part named `file` (at most `limit` bytes) and the text
/// fields named in `fields`, each at most once. The whole body is bounded (by `Content-Length`
/// before anything is read, and while streaming); unknown, repeated or extra parts are refused.
pub async fn read(
    req: &HttpRequest,
    payload: web::Payload,
    limit: usize,
    fields: &[&str],
) -> AppResult<Upload> {
    let is_multipart = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.to_ascii_lowercase().starts_with("multipart/form-data"));
    if !is_multipart {
        return Err(AppError::new(ErrorCode::UnsupportedMediaType)
            .with_detail("Tải tệp lên bằng multipart/form-data, trường tên \"file\"."));
    }
    let body_limit = limit + FRAMING_ALLOWANCE;
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|length| length > body_limit) {
        return Err(too_large(limit));
    }
    let malformed = |_| {
        AppError::new(ErrorCode::BadRequest)
            .with_detail("Không đọc được nội dung tải lên (multipart).")
    };
    let mut multipart = Multipart::new(req.headers(), payload);
    let mut file: Option<(String, Vec<u8>)> = None;
    let mut values: HashMap<String, String> = HashMap::new();
    let mut received = 0usize;
    while let Some(field) = multipart.next().await {
        let mut field = field.map_err(malformed)?;
        let name = field.name().unwrap_or("").to_owned();
        let is_file = name == "file";
        if !is_file && !fields.contains(&name.as_str()) {
            let shown: String = name.chars().filter(|c| !c.is_control()).take(64).collect();
            return Err(AppError::field(
                &shown,
                "unknown_field",
                "Trường này không thuộc biểu mẫu tải lên.",
            ));
        }
        if (is_file && file.is_some()) || values.contains_key(&name) {
            return Err(AppError::field(
                &name,
                "duplicate",
                "Trường này được gửi nhiều lần.",
            ));
        }
        let file_name = field
            .content_disposition()
            .and_then(|cd| cd.get_filename())
            .map(str::to_owned);
        let cap = if is_file { limit } else { MAX_TEXT_FIELD };
        let mut bytes = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(malformed)?;
            received += chunk.len();
            if bytes.len() + chunk.len() > cap || received > body_limit {
                return Err(if is_file || received > body_limit {
                    too_large(limit)
                } else {
                    AppError::field(&name, "length", "Giá trị quá dài.")
                });
            }
            bytes.extend_from_slice(&chunk);
        }
        if is_file {
            file = Some((clean_file_name(file_name.as_deref().unwrap_or("")), bytes));
        } else {
            let value = String::from_utf8(bytes).map_err(|_| {
                AppError::field(&name, "invalid", "Giá trị không phải văn bản UTF-8.")
            })?;
            if let Some(error) = text::control_character_error(&name, &value, true) {
                return Err(AppError::validation(vec![error]));
            }
            values.insert(name, value);
        }
    }
    let Some((file_name, bytes)) = file else {
        return Err(AppError::validation(vec![FieldError::new(
            "file",
            "required",
            "Chọn tệp để tải lên.",
        )]));
    };
    if bytes.is_empty() {
        return Err(AppError::validation(vec![FieldError::new(
            "file",
            "empty",
            "Tệp rỗng.",
        )]));
    }
    Ok(Upload {
        file_name,
        bytes,
        fields: values,
    })
}

#[cfg(test)]
mod tests {
    use super::clean_file_name;

    #[test]
    fn file_names_lose_their_directories() {
        assert_eq!(clean_file_name("../../etc/passwd"), "passwd");
        assert_eq!(
            clean_file_name("C:\\Users\\Thảo\\Ảnh chụp.png"),
            "Ảnh chụp.png"
        );
        assert_eq!(clean_file_name(".."), "tep-dinh-kem");
        assert_eq!(clean_file_name("bao\u{0}cao.pdf"), "baocao.pdf");
    }
}
