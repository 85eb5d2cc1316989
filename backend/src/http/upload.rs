//! Reads a `multipart/form-data` upload: one file (field `file`) and small text fields, with the
//! size limit enforced while streaming.

use std::collections::HashMap;

use actix_multipart::Multipart;
use actix_web::http::header;
use actix_web::{HttpRequest, web};
use futures_util::StreamExt;

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

pub async fn read(req: &HttpRequest, payload: web::Payload, limit: usize) -> AppResult<Upload> {
    let is_multipart = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.to_ascii_lowercase().starts_with("multipart/form-data"));
    if !is_multipart {
        return Err(AppError::new(ErrorCode::UnsupportedMediaType)
            .with_detail("Tải tệp lên bằng multipart/form-data, trường tên \"file\"."));
    }
    let malformed = |_| {
        AppError::new(ErrorCode::BadRequest)
            .with_detail("Không đọc được nội dung tải lên (multipart).")
    };
    let mut multipart = Multipart::new(req.headers(), payload);
    let mut file: Option<(String, Vec<u8>)> = None;
    let mut fields = HashMap::new();
    while let Some(field) = multipart.next().await {
        let mut field = field.map_err(malformed)?;
        let name = field.name().unwrap_or("").to_owned();
        let file_name = field
            .content_disposition()
            .and_then(|cd| cd.get_filename())
            .map(str::to_owned);
        let mut bytes = Vec::new();
        let cap = if name == "file" {
            limit
        } else {
            MAX_TEXT_FIELD
        };
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(malformed)?;
            if bytes.len() + chunk.len() > cap {
                return Err(if name == "file" {
                    AppError::new(ErrorCode::FileTooLarge).with_detail(format!(
                        "Tệp vượt quá giới hạn {} MB.",
                        limit / (1024 * 1024)
                    ))
                } else {
                    AppError::field(&name, "length", "Giá trị quá dài.")
                });
            }
            bytes.extend_from_slice(&chunk);
        }
        if name == "file" {
            file = Some((clean_file_name(file_name.as_deref().unwrap_or("")), bytes));
        } else if !name.is_empty() {
            let text = String::from_utf8(bytes).map_err(|_| {
                AppError::field(&name, "invalid", "Giá trị không phải văn bản UTF-8.")
            })?;
            fields.insert(name, text);
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
        fields,
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
