//! The propagation log as an Excel workbook: a title row, Vietnamese headers, real date cells,
//! the reach in number cells with totals (formulas) under them, frozen headers and a filter.

use chrono::Datelike;
use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, FormatBorder, Formula, Workbook};

use super::detail::PropagationSummary;
use crate::error::{AppError, AppResult};

pub const HEADERS: [(&str, f64); 12] = [
    ("STT", 6.0),
    ("Ngày thực hiện", 14.0),
    ("Đơn vị", 28.0),
    ("Hình thức, kênh tuyên truyền", 30.0),
    ("Tiêu đề", 45.0),
    ("Đường dẫn", 35.0),
    ("Gương điển hình được giới thiệu", 35.0),
    ("Lượt xem", 12.0),
    ("Lượt chia sẻ", 12.0),
    ("Người tham dự", 12.0),
    ("Tệp đính kèm", 10.0),
    ("Ghi chú", 40.0),
];

/// Rows above the header: the title, then a blank row.
const HEADER_ROW: u32 = 2;
/// The reach columns (views, shares, attendees), totalled under the rows.
const REACH: [u16; 3] = [7, 8, 9];

/// A column's letter (A–L here).
fn letter(col: u16) -> char {
    char::from(b'A' + col as u8)
}

pub fn workbook(
    rows: &[PropagationSummary],
    notes: &std::collections::HashMap<i64, String>,
    today: chrono::NaiveDate,
) -> AppResult<Vec<u8>> {
    let err = |e: rust_xlsxwriter::XlsxError| AppError::internal(e);
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Hoạt động tuyên truyền").map_err(err)?;
    let title = Format::new().set_bold().set_font_size(14);
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_border(FormatBorder::Thin)
        .set_background_color("#DDEBF7");
    let wrap = Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin);
    let date = Format::new()
        .set_num_format("dd/mm/yyyy")
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin);
    let number = Format::new()
        .set_num_format("#,##0")
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin);
    let total = Format::new()
        .set_bold()
        .set_num_format("#,##0")
        .set_border(FormatBorder::Thin);
    sheet
        .write_string_with_format(
            0,
            0,
            format!(
                "Nhật ký tuyên truyền gương điển hình tiên tiến – xuất ngày {} ({} hoạt động)",
                today.format("%d/%m/%Y"),
                rows.len()
            ),
            &title,
        )
        .map_err(err)?;
    for (col, (text, width)) in HEADERS.iter().enumerate() {
        sheet
            .write_string_with_format(HEADER_ROW, col as u16, *text, &header)
            .map_err(err)?;
        sheet.set_column_width(col as u16, *width).map_err(err)?;
    }
    sheet.set_freeze_panes(HEADER_ROW + 1, 0).map_err(err)?;
    for (index, row) in rows.iter().enumerate() {
        let r = HEADER_ROW + 1 + index as u32;
        sheet
            .write_number_with_format(r, 0, (index + 1) as f64, &number)
            .map_err(err)?;
        let day = ExcelDateTime::from_ymd(
            row.held_on.year() as u16,
            row.held_on.month() as u8,
            row.held_on.day() as u8,
        )
        .map_err(err)?;
        sheet
            .write_datetime_with_format(r, 1, &day, &date)
            .map_err(err)?;
        let featured: Vec<&str> = row
            .featured_exemplars
            .iter()
            .map(|e| e.name.as_str())
            .collect();
        let texts: [(u16, String); 6] = [
            (2, row.unit.name.clone()),
            (3, row.channel.label().to_owned()),
            (4, row.title.clone()),
            (5, row.url.clone().unwrap_or_default()),
            (6, featured.join("; ")),
            (11, notes.get(&row.id).cloned().unwrap_or_default()),
        ];
        for (col, text) in texts {
            sheet
                .write_string_with_format(r, col, text, &wrap)
                .map_err(err)?;
        }
        for (col, value) in REACH.iter().zip([row.views, row.shares, row.attendees]) {
            match value {
                Some(value) => sheet.write_number_with_format(r, *col, value as f64, &number),
                None => sheet.write_blank(r, *col, &number),
            }
            .map_err(err)?;
        }
        sheet
            .write_number_with_format(r, 10, row.attachment_count as f64, &number)
            .map_err(err)?;
    }
    let last = HEADER_ROW + rows.len() as u32;
    if !rows.is_empty() {
        sheet
            .autofilter(HEADER_ROW, 0, last, (HEADERS.len() - 1) as u16)
            .map_err(err)?;
        let totals = last + 1;
        sheet
            .write_string_with_format(totals, 6, "Tổng cộng", &total)
            .map_err(err)?;
        let sums = [
            rows.iter().filter_map(|r| r.views).sum::<i64>(),
            rows.iter().filter_map(|r| r.shares).sum::<i64>(),
            rows.iter().filter_map(|r| r.attendees).sum::<i64>(),
        ];
        for (col, sum) in REACH.into_iter().zip(sums) {
            let column = letter(col);
            // Excel rows are 1-based: the data run from HEADER_ROW + 2 to last + 1. The sum is
            // also stored as the formula's result, for readers that do not calculate.
            let formula = Formula::new(format!(
                "=SUM({column}{}:{column}{})",
                HEADER_ROW + 2,
                last + 1
            ))
            .set_result(sum.to_string());
            sheet
                .write_formula_with_format(totals, col, formula, &total)
                .map_err(err)?;
        }
    }
    workbook.save_to_buffer().map_err(err)
}
