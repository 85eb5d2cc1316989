//! The exemplar list as an Excel workbook, with Vietnamese headers and dates as dd/mm/yyyy.

use std::collections::HashMap;

use diesel::prelude::*;
use rust_xlsxwriter::{Format, FormatAlign, Workbook};

use crate::db::DbConnection;
use crate::db::schema::{exemplar_movements, initiatives, movements, units};
use crate::error::{AppError, AppResult};
use crate::exemplars::model::ExemplarRow;

pub const HEADERS: [(&str, f64); 16] = [
    ("STT", 6.0),
    ("Tên điển hình", 30.0),
    ("Đối tượng", 10.0),
    ("Chức vụ", 20.0),
    ("Chức danh", 20.0),
    ("Số thành viên", 10.0),
    ("Đơn vị", 28.0),
    ("Phân loại", 22.0),
    ("Lĩnh vực", 20.0),
    ("Ngày phát hiện", 14.0),
    ("Giai đoạn", 14.0),
    ("Trạng thái hồ sơ", 14.0),
    ("Kết luận đánh giá", 18.0),
    ("Phong trào thi đua", 30.0),
    ("Thành tích", 60.0),
    ("Sáng kiến", 40.0),
];

fn grouped(
    conn: &mut DbConnection,
    ids: &[i64],
) -> AppResult<(HashMap<i64, Vec<String>>, HashMap<i64, Vec<String>>)> {
    let mut movement_names: HashMap<i64, Vec<String>> = HashMap::new();
    let mut initiative_titles: HashMap<i64, Vec<String>> = HashMap::new();
    for chunk in ids.chunks(900) {
        let links: Vec<(i64, String)> = exemplar_movements::table
            .inner_join(movements::table)
            .filter(exemplar_movements::exemplar_id.eq_any(chunk))
            .select((exemplar_movements::exemplar_id, movements::name))
            .load(conn)?;
        for (id, name) in links {
            movement_names.entry(id).or_default().push(name);
        }
        let titles: Vec<(i64, String)> = initiatives::table
            .filter(initiatives::exemplar_id.eq_any(chunk))
            .order((initiatives::exemplar_id.asc(), initiatives::position.asc()))
            .select((initiatives::exemplar_id, initiatives::title))
            .load(conn)?;
        for (id, title) in titles {
            initiative_titles.entry(id).or_default().push(title);
        }
    }
    Ok((movement_names, initiative_titles))
}

/// Rows above the header: the title, then a blank row.
const HEADER_ROW: u32 = 2;

pub fn workbook(
    conn: &mut DbConnection,
    rows: &[ExemplarRow],
    today: chrono::NaiveDate,
) -> AppResult<Vec<u8>> {
    let unit_names: HashMap<i64, String> = units::table
        .select((units::id, units::name))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .collect();
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let (movement_names, initiative_titles) = grouped(conn, &ids)?;

    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    let err = |e: rust_xlsxwriter::XlsxError| AppError::internal(e);
    sheet.set_name("Điển hình tiên tiến").map_err(err)?;
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_background_color("#DDEBF7");
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let date = Format::new()
        .set_num_format("dd/mm/yyyy")
        .set_align(FormatAlign::Top);
    let title = Format::new().set_bold().set_font_size(14);
    sheet
        .write_string_with_format(
            0,
            0,
            format!(
                "Danh sách điển hình tiên tiến – xuất ngày {} ({} hồ sơ)",
                today.format("%d/%m/%Y"),
                rows.len()
            ),
            &title,
        )
        .map_err(err)?;
    for (col, (title, width)) in HEADERS.iter().enumerate() {
        sheet
            .write_string_with_format(HEADER_ROW, col as u16, *title, &header)
            .map_err(err)?;
        sheet.set_column_width(col as u16, *width).map_err(err)?;
    }
    sheet.set_freeze_panes(HEADER_ROW + 1, 0).map_err(err)?;
    for (index, row) in rows.iter().enumerate() {
        let r = HEADER_ROW + 1 + index as u32;
        let cells: [String; 16] = [
            (index + 1).to_string(),
            row.name.clone(),
            row.subject_kind.label().to_owned(),
            row.position.clone().unwrap_or_default(),
            row.title.clone().unwrap_or_default(),
            row.member_count.map(|n| n.to_string()).unwrap_or_default(),
            unit_names.get(&row.unit_id).cloned().unwrap_or_default(),
            row.category.label().to_owned(),
            row.field_of_work.clone(),
            row.discovered_on.format("%d/%m/%Y").to_string(),
            row.stage.label().to_owned(),
            row.record_status.label().to_owned(),
            row.current_conclusion
                .map(|c| c.label())
                .unwrap_or("")
                .to_owned(),
            movement_names
                .get(&row.id)
                .map(|v| v.join("; "))
                .unwrap_or_default(),
            row.achievements.clone(),
            initiative_titles
                .get(&row.id)
                .map(|v| v.join("; "))
                .unwrap_or_default(),
        ];
        for (col, value) in cells.iter().enumerate() {
            if col == 9 {
                use chrono::Datelike;
                let day = &row.discovered_on;
                let excel = rust_xlsxwriter::ExcelDateTime::from_ymd(
                    day.year() as u16,
                    day.month() as u8,
                    day.day() as u8,
                )
                .map_err(err)?;
                sheet
                    .write_datetime_with_format(r, col as u16, &excel, &date)
                    .map_err(err)?;
            } else if col == 0 || col == 5 {
                if let Ok(number) = value.parse::<f64>() {
                    sheet.write_number(r, col as u16, number).map_err(err)?;
                }
            } else {
                sheet
                    .write_string_with_format(r, col as u16, value, &wrap)
                    .map_err(err)?;
            }
        }
    }
    if !rows.is_empty() {
        sheet
            .autofilter(
                HEADER_ROW,
                0,
                HEADER_ROW + rows.len() as u32,
                (HEADERS.len() - 1) as u16,
            )
            .map_err(err)?;
    }
    workbook.save_to_buffer().map_err(err)
}
