//! The introduction grid as an Excel workbook, for the Office's follow-up ("theo dõi, đôn đốc"):
//! a title row, one row per unit, the status of each month in words (coloured), and the totals.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook};

use super::grid::{CellStatus, IntroductionGrid};
use crate::error::{AppError, AppResult};

fn fill(status: CellStatus) -> Color {
    match status {
        CellStatus::OnTime => Color::RGB(0xC6EFCE),
        CellStatus::Late => Color::RGB(0xFFEB9C),
        CellStatus::Missing => Color::RGB(0xFFC7CE),
        CellStatus::Pending | CellStatus::Upcoming | CellStatus::NotApplicable => Color::White,
    }
}

pub fn workbook(grid: &IntroductionGrid) -> AppResult<Vec<u8>> {
    let err = |e: rust_xlsxwriter::XlsxError| AppError::internal(e);
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet
        .set_name(format!("Giới thiệu {}", grid.year))
        .map_err(err)?;
    let title = Format::new().set_bold().set_font_size(14);
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_border(FormatBorder::Thin)
        .set_background_color("#DDEBF7");
    let cell = |status: CellStatus| {
        Format::new()
            .set_align(FormatAlign::Center)
            .set_border(FormatBorder::Thin)
            .set_background_color(fill(status))
    };
    let plain = Format::new().set_border(FormatBorder::Thin);
    sheet
        .write_string_with_format(
            0,
            0,
            format!(
                "Theo dõi giới thiệu điển hình hằng tháng năm {} (hạn ngày {} hằng tháng; tính đến {})",
                grid.year,
                grid.due_day,
                grid.today.format("%d/%m/%Y")
            ),
            &title,
        )
        .map_err(err)?;
    let mut headers = vec!["Đơn vị".to_owned()];
    headers.extend(
        grid.months
            .iter()
            .map(|m| format!("Tháng {}", m.get(5..).unwrap_or(m))),
    );
    headers.extend(["Đúng hạn", "Trễ hạn", "Chưa giới thiệu"].map(str::to_owned));
    for (col, text) in headers.iter().enumerate() {
        sheet
            .write_string_with_format(2, col as u16, text, &header)
            .map_err(err)?;
    }
    sheet.set_column_width(0, 40).map_err(err)?;
    for col in 1..headers.len() as u16 {
        sheet.set_column_width(col, 13).map_err(err)?;
    }
    for (index, row) in grid.rows.iter().enumerate() {
        let r = 3 + index as u32;
        sheet
            .write_string_with_format(r, 0, &row.unit.name, &plain)
            .map_err(err)?;
        for (col, month) in row.cells.iter().enumerate() {
            sheet
                .write_string_with_format(
                    r,
                    1 + col as u16,
                    month.status.label(),
                    &cell(month.status),
                )
                .map_err(err)?;
        }
        let first_total = 1 + row.cells.len() as u16;
        for (offset, value) in [row.on_time, row.late, row.missing].iter().enumerate() {
            sheet
                .write_number_with_format(r, first_total + offset as u16, *value as f64, &plain)
                .map_err(err)?;
        }
    }
    sheet.set_freeze_panes(3, 1).map_err(err)?;
    workbook.save_to_buffer().map_err(err)
}
