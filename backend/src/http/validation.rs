//! Turns `validator` errors into per-field problems with Vietnamese messages.

use std::borrow::Cow;

use validator::{ValidationError, ValidationErrors, ValidationErrorsKind};

use crate::error::{AppError, FieldError};

impl From<ValidationErrors> for AppError {
    fn from(errors: ValidationErrors) -> Self {
        let mut fields = Vec::new();
        collect(&errors, "", &mut fields);
        AppError::validation(fields)
    }
}

/// Validates `value` and maps the errors, for handler bodies: `validate(&body)?`.
pub fn validate<T: validator::Validate>(value: &T) -> Result<(), AppError> {
    value.validate().map_err(AppError::from)
}

/// Validates `value` and adds the cross-field problems the derive cannot express, so that the
/// client hears about every problem of the body at once.
pub fn validate_with<T: validator::Validate>(
    value: &T,
    extra: impl IntoIterator<Item = FieldError>,
) -> Result<(), AppError> {
    let mut errors = validate(value).err().map(|e| e.errors).unwrap_or_default();
    errors.extend(extra);
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::validation(errors))
    }
}

fn collect(errors: &ValidationErrors, prefix: &str, out: &mut Vec<FieldError>) {
    for (field, kind) in errors.errors() {
        let path = join(prefix, &camel_case(field));
        match kind {
            ValidationErrorsKind::Field(list) => {
                out.extend(
                    list.iter()
                        .map(|e| FieldError::new(path.clone(), e.code.to_string(), message(e))),
                );
            }
            ValidationErrorsKind::Struct(inner) => collect(inner, &path, out),
            ValidationErrorsKind::List(items) => {
                for (index, inner) in items {
                    collect(inner, &format!("{path}[{index}]"), out);
                }
            }
        }
    }
}

fn join(prefix: &str, field: &str) -> String {
    if prefix.is_empty() {
        field.to_owned()
    } else {
        format!("{prefix}.{field}")
    }
}

pub fn camel_case(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

fn param(error: &ValidationError, name: &str) -> Option<String> {
    error
        .params
        .get(name)
        .map(|v| v.to_string().trim_matches('"').to_owned())
}

fn message(error: &ValidationError) -> String {
    if let Some(message) = &error.message {
        return message.to_string();
    }
    let text: Cow<'static, str> = match error.code.as_ref() {
        "length" => match (
            param(error, "min"),
            param(error, "max"),
            param(error, "equal"),
        ) {
            (_, _, Some(n)) => format!("Phải có đúng {n} ký tự.").into(),
            (Some(min), Some(max), _) if min == "1" => {
                format!("Không được để trống và tối đa {max} ký tự.").into()
            }
            (Some(min), Some(max), _) => format!("Độ dài phải từ {min} đến {max} ký tự.").into(),
            (Some(min), None, _) => format!("Phải có ít nhất {min} ký tự.").into(),
            (None, Some(max), _) => format!("Tối đa {max} ký tự.").into(),
            _ => "Độ dài không hợp lệ.".into(),
        },
        "range" => match (param(error, "min"), param(error, "max")) {
            (Some(min), Some(max)) => format!("Giá trị phải từ {min} đến {max}.").into(),
            (Some(min), None) => format!("Giá trị phải từ {min} trở lên.").into(),
            (None, Some(max)) => format!("Giá trị tối đa là {max}.").into(),
            _ => "Giá trị nằm ngoài khoảng cho phép.".into(),
        },
        "email" => "Địa chỉ email không hợp lệ.".into(),
        "url" => "Địa chỉ web không hợp lệ.".into(),
        "required" => "Trường này là bắt buộc.".into(),
        "regex" => "Định dạng không hợp lệ.".into(),
        _ => "Giá trị không hợp lệ.".into(),
    };
    text.into_owned()
}
