//! JSON body and query-string extractors that report problems per field, in Vietnamese, with
//! the JSON path of the field (`items[2].name`), instead of serde's English one-liners.

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};
use futures_util::StreamExt;
use futures_util::future::{LocalBoxFuture, Ready, ready};
use serde::de::DeserializeOwned;

use crate::error::{AppError, AppResult, ErrorCode, FieldError};
use crate::state::AppState;

const DEFAULT_LIMIT: usize = 1_048_576;

/// A JSON request body (`Content-Type: application/json`).
#[derive(Debug)]
pub struct Json<T>(pub T);

impl<T> std::ops::Deref for Json<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: DeserializeOwned + 'static> FromRequest for Json<T> {
    type Error = AppError;
    type Future = LocalBoxFuture<'static, Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let limit = req
            .app_data::<web::Data<AppState>>()
            .map(|s| s.settings.max_json_bytes)
            .unwrap_or(DEFAULT_LIMIT);
        let content_type_ok = is_json(req);
        let declared_length = req
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<usize>().ok());
        let mut payload = payload.take();
        Box::pin(async move {
            if !content_type_ok {
                return Err(AppError::new(ErrorCode::UnsupportedMediaType)
                    .with_detail("Nội dung phải ở dạng JSON (Content-Type: application/json)."));
            }
            if declared_length.is_some_and(|n| n > limit) {
                return Err(too_large(limit));
            }
            let mut body = web::BytesMut::new();
            while let Some(chunk) = payload.next().await {
                let chunk = chunk.map_err(|_| {
                    AppError::new(ErrorCode::MalformedJson)
                        .with_detail("Không đọc được nội dung yêu cầu.")
                })?;
                if body.len() + chunk.len() > limit {
                    return Err(too_large(limit));
                }
                body.extend_from_slice(&chunk);
            }
            if body.is_empty() {
                return Err(
                    AppError::new(ErrorCode::MalformedJson).with_detail("Thiếu nội dung JSON.")
                );
            }
            parse_json(&body).map(Json)
        })
    }
}

fn too_large(limit: usize) -> AppError {
    AppError::new(ErrorCode::PayloadTooLarge)
        .with_detail(format!("Nội dung vượt quá giới hạn {} KB.", limit / 1024))
}

fn is_json(req: &HttpRequest) -> bool {
    let Some(value) = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let essence = value
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

pub fn parse_json<T: DeserializeOwned>(body: &[u8]) -> AppResult<T> {
    if may_hold_control_characters(body)
        && let Ok(value) = serde_json::from_slice::<serde_json::Value>(body)
        && let Some(field) = control_character_path(&value, String::new())
    {
        return Err(AppError::validation(vec![
            crate::http::text::control_character_error(&field, "\0", true).unwrap_or_else(|| {
                FieldError::new(field.clone(), "control_character", "Ký tự không hợp lệ.")
            }),
        ]));
    }
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = error.path().to_string();
        let inner = error.into_inner();
        match inner.classify() {
            serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
                AppError::new(ErrorCode::MalformedJson).with_detail(format!(
                    "JSON sai cú pháp ở dòng {}, cột {}.",
                    inner.line(),
                    inner.column()
                ))
            }
            _ => AppError::validation(vec![field_error(&path, &inner.to_string())]),
        }
    })?;
    deserializer.end().map_err(|_| {
        AppError::new(ErrorCode::MalformedJson).with_detail("Có dữ liệu thừa sau JSON.")
    })?;
    Ok(value)
}

/// A query string, e.g. `?page=2&pageSize=50&q=nguyen`.
#[derive(Debug)]
pub struct Query<T>(pub T);

impl<T> std::ops::Deref for Query<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: DeserializeOwned> FromRequest for Query<T> {
    type Error = AppError;
    type Future = Ready<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(parse_query(req.query_string()).map(Query))
    }
}

/// A cheap look at the raw body for anything that could decode to a refused control character
/// (an escape below U+0020 other than tab, CR and LF, `\b`, `\f`, DEL, C1 controls); only then
/// is the body walked to name the field. False alarms (an escaped backslash before `u00`) only
/// cost the walk.
fn may_hold_control_characters(body: &[u8]) -> bool {
    let escaped_control = |w: &[u8]| {
        matches!(
            w,
            [b'\\', b'u', b'0', b'0', b'0' | b'1' | b'8' | b'9', _]
                | [b'\\', b'u', b'0', b'0', b'7', b'f' | b'F']
        )
    };
    body.contains(&0x7F)
        || body
            .windows(2)
            .any(|w| matches!(w, [b'\\', b'b' | b'f'] | [0xC2, 0x80..=0x9F]))
        || body.windows(6).any(escaped_control)
}

/// The JSON path of the first string or key holding a refused control character.
fn control_character_path(value: &serde_json::Value, path: String) -> Option<String> {
    use crate::http::text::is_refused;
    use serde_json::Value;
    let refused = |s: &str| s.chars().any(|c| is_refused(c, true));
    match value {
        Value::String(s) => refused(s).then_some(path),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, item)| control_character_path(item, format!("{path}[{i}]"))),
        Value::Object(map) => map.iter().find_map(|(key, item)| {
            let child = if path.is_empty() {
                key.clone()
            } else {
                format!("{path}.{key}")
            };
            if refused(key) {
                Some(child)
            } else {
                control_character_path(item, child)
            }
        }),
        _ => None,
    }
}

pub fn parse_query<T: DeserializeOwned>(query: &str) -> AppResult<T> {
    let controls: Vec<FieldError> = form_urlencoded::parse(query.as_bytes())
        .filter_map(|(key, value)| {
            crate::http::text::control_character_error(&key, &value, false)
                .or_else(|| crate::http::text::control_character_error(&key, &key, false))
        })
        .collect();
    if !controls.is_empty() {
        return Err(AppError::validation(controls));
    }
    let deserializer =
        serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
    serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let path = error.path().to_string();
        let message = error.into_inner().to_string();
        let field = field_error(&path, &message);
        // A value of the right form that is out of range is a 422, like in a body.
        if message.starts_with(MARK) {
            return AppError::validation(vec![field]);
        }
        let mut problem =
            AppError::new(ErrorCode::InvalidQuery).with_detail("Tham số truy vấn không hợp lệ.");
        problem.errors.push(field);
        problem
    })
}

/// Starts a deserialisation error that already is a field problem (code and Vietnamese
/// message), written by [`field_problem`].
const MARK: &str = "\u{1e}";

/// The error text a `Deserialize` impl gives for a value of the right type it refuses; the
/// extractors turn it into a field error with this code and message.
pub fn field_problem(code: &str, message: &str) -> String {
    format!("{MARK}{code}\u{1f}{message}\u{1f}")
}

/// Maps serde's message for one field to a Vietnamese field error.
fn field_error(path: &str, message: &str) -> FieldError {
    let path = if path == "." {
        String::new()
    } else {
        path.to_owned()
    };
    if let Some(rest) = message.strip_prefix(MARK) {
        let mut parts = rest.split('\u{1f}');
        let code = parts.next().unwrap_or("invalid");
        let text = parts.next().unwrap_or("Giá trị không hợp lệ.");
        return FieldError::new(path, code, text);
    }
    let between_backticks = |m: &str| m.split('`').nth(1).map(str::to_owned);
    let join = |name: &str| {
        if path.is_empty() {
            name.to_owned()
        } else {
            format!("{path}.{name}")
        }
    };
    if let Some(rest) = message.strip_prefix("missing field ") {
        let name = between_backticks(rest).unwrap_or_default();
        return FieldError::new(join(&name), "required", "Trường này là bắt buộc.");
    }
    if message.starts_with("unknown variant") {
        let allowed = message
            .split("expected ")
            .nth(1)
            .map(|s| {
                s.replace("one of ", "")
                    .replace('`', "")
                    .split(" at line")
                    .next()
                    .unwrap_or("")
                    .to_owned()
            })
            .unwrap_or_default();
        return FieldError::new(
            path,
            "invalid_choice",
            format!("Giá trị không hợp lệ. Chấp nhận: {allowed}."),
        );
    }
    if message.starts_with("unknown field") {
        return FieldError::new(path, "unknown", "Trường này không được hỗ trợ.");
    }
    if message.starts_with("invalid type") {
        let expected = message
            .split("expected ")
            .nth(1)
            .unwrap_or("")
            .split(" at line")
            .next()
            .unwrap_or("");
        return FieldError::new(
            path,
            "invalid_type",
            format!("Sai kiểu dữ liệu (cần: {}).", expected_vi(expected)),
        );
    }
    if message.contains("premature end of input")
        || message.contains("input contains invalid characters")
    {
        return FieldError::new(path, "invalid_format", "Định dạng không hợp lệ.");
    }
    FieldError::new(path, "invalid", "Giá trị không hợp lệ.")
}

fn expected_vi(expected: &str) -> &'static str {
    let e = expected.to_ascii_lowercase();
    if e.contains("i64")
        || e.contains("i32")
        || e.contains("u32")
        || e.contains("u64")
        || e.contains("integer")
    {
        "số nguyên"
    } else if e.contains("bool") {
        "true hoặc false"
    } else if e.contains("string") || e.contains("str") {
        "chuỗi ký tự"
    } else if e.contains("sequence") {
        "danh sách"
    } else if e.contains("map") || e.contains("struct") {
        "đối tượng"
    } else if e.contains("f64") || e.contains("float") {
        "số"
    } else {
        "giá trị đúng kiểu"
    }
}
