//! `page`/`pageSize` pagination. Every list endpoint answers `{ items, total, page, pageSize }`.

use serde::Serialize;
use utoipa::ToSchema;

use crate::error::{AppError, AppResult, FieldError};

pub const DEFAULT_PAGE_SIZE: i64 = 20;
pub const MAX_PAGE_SIZE: i64 = 100;

#[derive(Debug, Clone, Copy)]
pub struct PageRequest {
    pub page: i64,
    pub page_size: i64,
}

impl PageRequest {
    /// Checks the bounds: `page` ≥ 1, 1 ≤ `pageSize` ≤ 100.
    pub fn new(page: Option<i64>, page_size: Option<i64>) -> AppResult<Self> {
        let page = page.unwrap_or(1);
        let page_size = page_size.unwrap_or(DEFAULT_PAGE_SIZE);
        let mut errors = Vec::new();
        if !(1..=1_000_000).contains(&page) {
            errors.push(FieldError::new(
                "page",
                "range",
                "Số trang phải từ 1 trở lên.",
            ));
        }
        if !(1..=MAX_PAGE_SIZE).contains(&page_size) {
            errors.push(FieldError::new(
                "pageSize",
                "range",
                format!("Số dòng mỗi trang phải từ 1 đến {MAX_PAGE_SIZE}."),
            ));
        }
        if errors.is_empty() {
            Ok(Self { page, page_size })
        } else {
            Err(AppError::validation(errors))
        }
    }

    pub fn offset(self) -> i64 {
        (self.page - 1) * self.page_size
    }

    pub fn limit(self) -> i64 {
        self.page_size
    }

    pub fn of<T: ToSchema>(self, items: Vec<T>, total: i64) -> Page<T> {
        Page {
            items,
            total,
            total_capped: false,
            page: self.page,
            page_size: self.page_size,
        }
    }

    /// A page whose total may have been capped (searches count their matches up to a limit).
    pub fn of_capped<T: ToSchema>(self, items: Vec<T>, total: i64, capped: bool) -> Page<T> {
        Page {
            total_capped: capped,
            ..self.of(items, total)
        }
    }
}

/// One page of a list.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Page<T: ToSchema> {
    pub items: Vec<T>,
    /// Number of matching records across all pages.
    pub total: i64,
    /// `true` when there are more matches than `total` (a search stopped counting there).
    pub total_capped: bool,
    pub page: i64,
    pub page_size: i64,
}

/// Parses a `sort` parameter (`field` or `-field`) against the allowed fields.
pub fn parse_sort<F: Copy>(
    value: Option<&str>,
    allowed: &[(&str, F)],
    default: (F, bool),
) -> AppResult<(F, bool)> {
    let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(default);
    };
    let (name, descending) = match value.strip_prefix('-') {
        Some(rest) => (rest, true),
        None => (value, false),
    };
    allowed
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, f)| (*f, descending))
        .ok_or_else(|| {
            let names: Vec<&str> = allowed.iter().map(|(n, _)| *n).collect();
            AppError::field(
                "sort",
                "invalid",
                format!(
                    "Chỉ sắp xếp được theo: {} (thêm dấu - để sắp giảm dần).",
                    names.join(", ")
                ),
            )
        })
}
