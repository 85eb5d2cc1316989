//! The obligations list as a file: Excel (a title row, real date cells) or CSV (UTF-8 with a BOM,
//! so that Excel reads the diacritics).

use chrono::NaiveDate;
use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook};

use super::model::Obligation;
use crate::error::{AppError, AppResult};

const HEADERS: [(&str, f64); 11] = [
    ("STT", 6.0),
    ("Nội dung", 48.0),
    ("Đơn vị thực hiện", 34.0),
    ("Nơi nhận", 14.0),
    ("Kỳ", 11.0),
    ("Hạn theo kế hoạch", 14.0),
    ("Hạn cuối", 12.0),
    ("Trạng thái", 22.0),
    ("Ngày thực hiện", 14.0),
    ("Số ngày còn lại", 10.0),
    ("Mã nghĩa vụ", 30.0),
];

fn owner(o: &Obligation) -> String {
    o.unit.as_ref().map_or_else(|| "Văn phòng Sở".to_owned(), |u| u.name.clone())
}

fn fulfilled_on(o: &Obligation) -> Option<NaiveDate> {
    o.fulfilled_at.map(|t| t.with_timezone(&crate::time::TIME_ZONE).date_naive())
}

pub fn csv(rows: &[Obligation]) -> AppResult<Vec<u8>> {
    let mut out = Vec::from("\u{feff}".as_bytes());
    {
        let mut writer = csv::Writer::from_writer(&mut out);
        writer.write_record(HEADERS.map(|(h, _)| h)).map_err(AppError::internal)?;
        for (i, o) in rows.iter().enumerate() {
            let date = |d: NaiveDate| d.format("%d/%m/%Y").to_string();
            writer
                .write_record([
                    (i + 1).to_string(),
                    o.title.clone(),
                    owner(o),
                    o.owed_to.clone(),
                    o.period.clone(),
                    date(o.stated_due),
                    date(o.due_on),
                    o.status.label().to_owned(),
                    fulfilled_on(o).map(date).unwrap_or_default(),
                    if o.status.is_met() { String::new() } else { o.days_left.to_string() },
                    o.key.clone(),
                ])
                .map_err(AppError::internal)?;
        }
        writer.flush().map_err(AppError::internal)?;
    }
    Ok(out)
}

fn excel_date(day: NaiveDate) -> AppResult<ExcelDateTime> {
    use chrono::Datelike;
    ExcelDateTime::from_ymd(
        u16::try_from(day.year()).map_err(AppError::internal)?,
        u8::try_from(day.month()).map_err(AppError::internal)?,
        u8::try_from(day.day()).map_err(AppError::internal)?,
    )
    .map_err(AppError::internal)
}

pub fn workbook(rows: &[Obligation], today: NaiveDate) -> AppResult<Vec<u8>> {
    let err = |e: rust_xlsxwriter::XlsxError| AppError::internal(e);
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Lịch báo cáo").map_err(err)?;
    let title = Format::new().set_bold().set_font_size(14);
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_border(FormatBorder::Thin)
        .set_background_color("#DDEBF7");
    let text = Format::new().set_border(FormatBorder::Thin).set_text_wrap();
    let date = Format::new().set_border(FormatBorder::Thin).set_num_format("dd/mm/yyyy");
    let number = Format::new().set_border(FormatBorder::Thin);
    sheet
        .write_string_with_format(
            0,
            0,
            format!("Lịch báo cáo, giới thiệu điển hình (tính đến ngày {})", today.format("%d/%m/%Y")),
            &title,
        )
        .map_err(err)?;
    for (col, (name, width)) in HEADERS.iter().enumerate() {
        let col = col as u16;
        sheet.write_string_with_format(2, col, *name, &header).map_err(err)?;
        sheet.set_column_width(col, *width).map_err(err)?;
    }
    for (i, o) in rows.iter().enumerate() {
        let row = 3 + i as u32;
        sheet.write_number_with_format(row, 0, (i + 1) as f64, &number).map_err(err)?;
        sheet.write_string_with_format(row, 1, &o.title, &text).map_err(err)?;
        sheet.write_string_with_format(row, 2, owner(o), &text).map_err(err)?;
        sheet.write_string_with_format(row, 3, &o.owed_to, &text).map_err(err)?;
        sheet.write_string_with_format(row, 4, &o.period, &text).map_err(err)?;
        sheet.write_datetime_with_format(row, 5, excel_date(o.stated_due)?, &date).map_err(err)?;
        sheet.write_datetime_with_format(row, 6, excel_date(o.due_on)?, &date).map_err(err)?;
        sheet.write_string_with_format(row, 7, o.status.label(), &text).map_err(err)?;
        match fulfilled_on(o) {
            Some(day) => sheet.write_datetime_with_format(row, 8, excel_date(day)?, &date).map_err(err)?,
            None => sheet.write_blank(row, 8, &text).map_err(err)?,
        };
        if o.status.is_met() {
            sheet.write_blank(row, 9, &number).map_err(err)?;
        } else {
            sheet.write_number_with_format(row, 9, o.days_left as f64, &number).map_err(err)?;
        }
        sheet.write_string_with_format(row, 10, &o.key, &text).map_err(err)?;
    }
    sheet.set_freeze_panes(3, 0).map_err(err)?;
    workbook.save_to_buffer().map_err(err)
}
