//! A report's figures as tables — the same tables for the DOCX body, the XLSX annex (one sheet
//! per table, Vietnamese headers, frozen header rows, dd/mm/yyyy dates, totals as `SUM`
//! formulas) and the CSV download.

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, FormatBorder, Formula, Workbook};

use super::consolidation::Consolidation;
use super::figures::{Count, Figures};
use crate::commendations::types::Authority;
use crate::error::{AppError, AppResult};

/// How a column is written and whether it is totalled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    /// "STT": a running number, never totalled.
    Index,
    Text,
    /// A count, totalled.
    Count,
    Date,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    Number(i64),
    Date(NaiveDate),
    Empty,
}

impl Cell {
    pub fn text(&self) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Number(n) => n.to_string(),
            Cell::Date(d) => d.format("%d/%m/%Y").to_string(),
            Cell::Empty => String::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureTable {
    /// The sheet's name (at most 31 characters).
    pub sheet: &'static str,
    /// The table's caption: "Biểu 1. Điển hình phát hiện theo giai đoạn".
    pub title: String,
    pub columns: Vec<(&'static str, ColumnKind)>,
    pub rows: Vec<Vec<Cell>>,
    /// Whether a "Tổng cộng" row sums the count columns.
    pub totals: bool,
}

impl FigureTable {
    /// The totals of the count columns (`None` for the others).
    pub fn total_cells(&self) -> Vec<Option<i64>> {
        self.columns
            .iter()
            .enumerate()
            .map(|(i, (_, kind))| {
                (*kind == ColumnKind::Count).then(|| {
                    self.rows
                        .iter()
                        .map(|r| match r.get(i) {
                            Some(Cell::Number(n)) => *n,
                            _ => 0,
                        })
                        .sum()
                })
            })
            .collect()
    }
}

fn counts(
    sheet: &'static str,
    title: String,
    heading: &'static str,
    counts: &[Count],
    totals: bool,
) -> FigureTable {
    FigureTable {
        sheet,
        title,
        columns: vec![
            ("STT", ColumnKind::Index),
            (heading, ColumnKind::Text),
            ("Số lượng", ColumnKind::Count),
        ],
        rows: counts
            .iter()
            .enumerate()
            .map(|(i, c)| {
                vec![
                    Cell::Number(i as i64 + 1),
                    Cell::Text(c.label.clone()),
                    Cell::Number(c.count),
                ]
            })
            .collect(),
        totals,
    }
}

fn optional(value: Option<i64>) -> Cell {
    value.map_or(Cell::Empty, Cell::Number)
}

/// The tables of `figures` (and of the consolidation, for the Office's report), numbered.
pub fn tables(figures: &Figures, consolidation: Option<&Consolidation>) -> Vec<FigureTable> {
    let mut tables = vec![
        counts(
            "Giai đoạn",
            "Điển hình phát hiện trong kỳ theo giai đoạn hiện nay".to_owned(),
            "Giai đoạn",
            &figures.exemplars.by_stage,
            true,
        ),
        counts(
            "Loại điển hình",
            "Điển hình phát hiện trong kỳ theo loại".to_owned(),
            "Loại điển hình",
            &figures.exemplars.by_category,
            true,
        ),
        counts(
            "Phong trào thi đua",
            "Điển hình theo phong trào thi đua (một điển hình có thể thuộc nhiều phong trào)"
                .to_owned(),
            "Phong trào thi đua",
            &figures.exemplars.by_movement,
            false,
        ),
        counts(
            "Lĩnh vực",
            "Điển hình phát hiện trong kỳ theo lĩnh vực".to_owned(),
            "Lĩnh vực",
            &figures.exemplars.by_field,
            true,
        ),
        FigureTable {
            sheet: "Theo đơn vị",
            title: "Điển hình phát hiện trong kỳ theo đơn vị".to_owned(),
            columns: vec![
                ("STT", ColumnKind::Index),
                ("Đơn vị", ColumnKind::Text),
                ("Phát hiện", ColumnKind::Count),
                ("Đang bồi dưỡng", ColumnKind::Count),
                ("Đã tổng kết", ColumnKind::Count),
                ("Đã nhân rộng", ColumnKind::Count),
            ],
            rows: figures
                .exemplars
                .by_unit
                .iter()
                .enumerate()
                .map(|(i, u)| {
                    vec![
                        Cell::Number(i as i64 + 1),
                        Cell::Text(u.unit.name.clone()),
                        Cell::Number(u.discovered),
                        Cell::Number(u.nurturing),
                        Cell::Number(u.summarized),
                        Cell::Number(u.replicated),
                    ]
                })
                .collect(),
            totals: true,
        },
        FigureTable {
            sheet: "Giới thiệu hằng tháng",
            title: "Giới thiệu gương điển hình hằng tháng (số tháng)".to_owned(),
            columns: vec![
                ("STT", ColumnKind::Index),
                ("Đơn vị", ColumnKind::Text),
                ("Đúng hạn", ColumnKind::Count),
                ("Trễ hạn", ColumnKind::Count),
                ("Chưa giới thiệu", ColumnKind::Count),
            ],
            rows: figures
                .introductions
                .by_unit
                .iter()
                .enumerate()
                .map(|(i, u)| {
                    vec![
                        Cell::Number(i as i64 + 1),
                        Cell::Text(u.unit.name.clone()),
                        Cell::Number(u.on_time),
                        Cell::Number(u.late),
                        Cell::Number(u.missing),
                    ]
                })
                .collect(),
            totals: true,
        },
        counts(
            "Kết luận đánh giá",
            "Phiếu đánh giá hoàn tất trong kỳ theo kết luận".to_owned(),
            "Kết luận",
            &figures.evaluations.by_conclusion,
            true,
        ),
        counts(
            "Người đánh giá",
            "Phiếu đánh giá hoàn tất trong kỳ theo người đánh giá".to_owned(),
            "Người đánh giá",
            &figures.evaluations.by_evaluator,
            true,
        ),
        counts(
            "Nhân rộng",
            "Kết quả nhân rộng trong kỳ theo quy mô".to_owned(),
            "Quy mô",
            &figures.replications.by_scale,
            true,
        ),
        FigureTable {
            sheet: "Khó khăn vướng mắc",
            title: "Khó khăn, vướng mắc các đơn vị phản ánh trong kỳ".to_owned(),
            columns: vec![
                ("STT", ColumnKind::Index),
                ("Ngày phản ánh", ColumnKind::Date),
                ("Đơn vị", ColumnKind::Text),
                ("Nội dung", ColumnKind::Text),
                ("Tình trạng", ColumnKind::Text),
            ],
            rows: figures
                .difficulties
                .items
                .iter()
                .enumerate()
                .map(|(i, d)| {
                    vec![
                        Cell::Number(i as i64 + 1),
                        Cell::Date(d.raised_on),
                        Cell::Text(d.unit.name.clone()),
                        Cell::Text(d.subject.clone()),
                        Cell::Text(d.status.label().to_owned()),
                    ]
                })
                .collect(),
            totals: false,
        },
        counts(
            "Hồ sơ đề nghị",
            "Hồ sơ đề nghị khen thưởng gửi trong kỳ theo loại khen thưởng".to_owned(),
            "Loại khen thưởng",
            &figures.commendations.proposals_by_type,
            true,
        ),
        FigureTable {
            sheet: "Khen thưởng",
            title: "Khen thưởng đã quyết định trong kỳ theo hình thức".to_owned(),
            columns: vec![
                ("STT", ColumnKind::Index),
                ("Hình thức khen thưởng", ColumnKind::Text),
                ("Cấp quyết định", ColumnKind::Text),
                ("Số được khen thưởng", ColumnKind::Count),
                ("Tiền thưởng (đồng)", ColumnKind::Count),
            ],
            rows: figures
                .commendations
                .awards_by_form
                .iter()
                .enumerate()
                .map(|(i, a)| {
                    vec![
                        Cell::Number(i as i64 + 1),
                        Cell::Text(a.label.clone()),
                        Cell::Text(
                            Authority::parse(&a.authority)
                                .map_or_else(|| a.authority.clone(), |x| x.label().to_owned()),
                        ),
                        Cell::Number(a.count),
                        Cell::Number(a.reward),
                    ]
                })
                .collect(),
            totals: true,
        },
        FigureTable {
            sheet: "Tuyên truyền",
            title: "Hoạt động tuyên truyền trong kỳ theo kênh".to_owned(),
            columns: vec![
                ("STT", ColumnKind::Index),
                ("Kênh tuyên truyền", ColumnKind::Text),
                ("Số hoạt động", ColumnKind::Count),
                ("Lượt xem", ColumnKind::Count),
                ("Lượt chia sẻ", ColumnKind::Count),
                ("Người tham dự", ColumnKind::Count),
            ],
            rows: figures
                .propagation
                .by_channel
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    vec![
                        Cell::Number(i as i64 + 1),
                        Cell::Text(c.label.clone()),
                        Cell::Number(c.activities),
                        Cell::Number(c.views),
                        Cell::Number(c.shares),
                        Cell::Number(c.attendees),
                    ]
                })
                .collect(),
            totals: true,
        },
    ];
    if let Some(c) = consolidation {
        tables.push(FigureTable {
            sheet: "Báo cáo của đơn vị",
            title: "Báo cáo của các đơn vị (số liệu tại thời điểm gửi)".to_owned(),
            columns: vec![
                ("STT", ColumnKind::Index),
                ("Đơn vị", ColumnKind::Text),
                ("Tình trạng", ColumnKind::Text),
                ("Ngày gửi", ColumnKind::Date),
                ("Đúng hạn", ColumnKind::Text),
                ("Điển hình phát hiện", ColumnKind::Count),
                ("Giới thiệu đúng hạn", ColumnKind::Count),
                ("Giới thiệu trễ hạn", ColumnKind::Count),
                ("Chưa giới thiệu", ColumnKind::Count),
                ("Phiếu đánh giá", ColumnKind::Count),
                ("Lượt nhân rộng", ColumnKind::Count),
                ("Khó khăn phản ánh", ColumnKind::Count),
            ],
            rows: c
                .unit_reports
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    vec![
                        Cell::Number(i as i64 + 1),
                        Cell::Text(r.unit.name.clone()),
                        Cell::Text(r.status.label().to_owned()),
                        Cell::Date(r.submitted_on),
                        Cell::Text(
                            if r.on_time {
                                "Đúng hạn"
                            } else {
                                "Trễ hạn"
                            }
                            .to_owned(),
                        ),
                        optional(r.exemplars_discovered),
                        optional(r.introductions_on_time),
                        optional(r.introductions_late),
                        optional(r.introductions_missing),
                        optional(r.evaluations),
                        optional(r.replications),
                        optional(r.difficulties),
                    ]
                })
                .collect(),
            totals: true,
        });
        tables.push(FigureTable {
            sheet: "Đơn vị chưa gửi",
            title: "Đơn vị chưa gửi báo cáo".to_owned(),
            columns: vec![
                ("STT", ColumnKind::Index),
                ("Mã đơn vị", ColumnKind::Text),
                ("Đơn vị", ColumnKind::Text),
            ],
            rows: c
                .missing_units
                .iter()
                .enumerate()
                .map(|(i, u)| {
                    vec![
                        Cell::Number(i as i64 + 1),
                        Cell::Text(u.code.clone()),
                        Cell::Text(u.name.clone()),
                    ]
                })
                .collect(),
            totals: false,
        });
    }
    tables
}

fn excel_date(day: NaiveDate) -> AppResult<ExcelDateTime> {
    ExcelDateTime::from_ymd(
        u16::try_from(day.year()).map_err(AppError::internal)?,
        u8::try_from(day.month()).map_err(AppError::internal)?,
        u8::try_from(day.day()).map_err(AppError::internal)?,
    )
    .map_err(AppError::internal)
}

/// Column letters of a 0-based index (A … Z, AA …).
fn column_name(mut index: u16) -> String {
    let mut name = String::new();
    loop {
        name.insert(0, char::from(b'A' + (index % 26) as u8));
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    name
}

/// The header row's index: a title, the table's caption, then the headers.
pub const HEADER_ROW: u32 = 2;

/// The annex: one sheet per table.
pub fn workbook(title: &str, tables: &[FigureTable]) -> AppResult<Vec<u8>> {
    let err = |e: rust_xlsxwriter::XlsxError| AppError::internal(e);
    let mut workbook = Workbook::new();
    let font = |f: Format| f.set_font_name("Times New Roman").set_font_size(12);
    let heading = font(Format::new()).set_bold().set_font_size(13);
    let caption = font(Format::new()).set_italic();
    let header = font(Format::new())
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_border(FormatBorder::Thin)
        .set_background_color("#DDEBF7");
    let text = font(Format::new())
        .set_border(FormatBorder::Thin)
        .set_text_wrap();
    let number = font(Format::new())
        .set_border(FormatBorder::Thin)
        .set_num_format("#,##0");
    let index = font(Format::new())
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center);
    let date = font(Format::new())
        .set_border(FormatBorder::Thin)
        .set_num_format("dd/mm/yyyy")
        .set_align(FormatAlign::Center);
    let total_label = font(Format::new())
        .set_bold()
        .set_border(FormatBorder::Thin);
    let total_number = font(Format::new())
        .set_bold()
        .set_border(FormatBorder::Thin)
        .set_num_format("#,##0");
    for (n, table) in tables.iter().enumerate() {
        let sheet = workbook.add_worksheet();
        sheet.set_name(table.sheet).map_err(err)?;
        sheet
            .write_string_with_format(0, 0, title, &heading)
            .map_err(err)?;
        sheet
            .write_string_with_format(1, 0, format!("Biểu {}. {}", n + 1, table.title), &caption)
            .map_err(err)?;
        for (col, (name, kind)) in table.columns.iter().enumerate() {
            let col = col as u16;
            sheet
                .write_string_with_format(HEADER_ROW, col, *name, &header)
                .map_err(err)?;
            let width = match kind {
                ColumnKind::Index => 6.0,
                ColumnKind::Count => 14.0,
                ColumnKind::Date => 13.0,
                ColumnKind::Text => 40.0,
            };
            sheet.set_column_width(col, width).map_err(err)?;
        }
        let first = HEADER_ROW + 1;
        for (i, cells) in table.rows.iter().enumerate() {
            let row = first + i as u32;
            for (col, cell) in cells.iter().enumerate() {
                let col = col as u16;
                let kind = table
                    .columns
                    .get(usize::from(col))
                    .map_or(ColumnKind::Text, |c| c.1);
                match cell {
                    Cell::Text(t) => sheet
                        .write_string_with_format(row, col, t, &text)
                        .map_err(err)?,
                    Cell::Number(v) => {
                        let f = if kind == ColumnKind::Index {
                            &index
                        } else {
                            &number
                        };
                        sheet
                            .write_number_with_format(row, col, *v as f64, f)
                            .map_err(err)?
                    }
                    Cell::Date(d) => sheet
                        .write_datetime_with_format(row, col, excel_date(*d)?, &date)
                        .map_err(err)?,
                    Cell::Empty => sheet.write_blank(row, col, &text).map_err(err)?,
                };
            }
        }
        if table.totals && !table.rows.is_empty() {
            let row = first + table.rows.len() as u32;
            let last = row; // 1-based number of the last data row
            let label_col = table
                .columns
                .iter()
                .position(|c| c.1 == ColumnKind::Text)
                .unwrap_or(0) as u16;
            for col in 0..table.columns.len() as u16 {
                sheet.write_blank(row, col, &total_label).map_err(err)?;
            }
            sheet
                .write_string_with_format(row, label_col, "Tổng cộng", &total_label)
                .map_err(err)?;
            for (col, total) in table.total_cells().into_iter().enumerate() {
                let Some(total) = total else { continue };
                let letter = column_name(col as u16);
                let formula = Formula::new(format!("=SUM({letter}{}:{letter}{last})", first + 1))
                    .set_result(total.to_string());
                sheet
                    .write_formula_with_format(row, col as u16, formula, &total_number)
                    .map_err(err)?;
            }
        }
        sheet.set_freeze_panes(HEADER_ROW + 1, 0).map_err(err)?;
    }
    workbook.save_to_buffer().map_err(err)
}

/// Every table in one CSV (UTF-8 with a BOM, so that Excel reads the diacritics): the caption,
/// the headers, the rows, the totals, a blank line.
pub fn csv(tables: &[FigureTable]) -> AppResult<Vec<u8>> {
    let mut out = Vec::from("\u{feff}".as_bytes());
    {
        let mut writer = csv::WriterBuilder::new()
            .flexible(true)
            .from_writer(&mut out);
        for (n, table) in tables.iter().enumerate() {
            writer
                .write_record([format!("Biểu {}. {}", n + 1, table.title)])
                .map_err(AppError::internal)?;
            writer
                .write_record(table.columns.iter().map(|c| c.0))
                .map_err(AppError::internal)?;
            for row in &table.rows {
                writer
                    .write_record(row.iter().map(Cell::text))
                    .map_err(AppError::internal)?;
            }
            if table.totals && !table.rows.is_empty() {
                let label_col = table
                    .columns
                    .iter()
                    .position(|c| c.1 == ColumnKind::Text)
                    .unwrap_or(0);
                let record: Vec<String> = table
                    .total_cells()
                    .into_iter()
                    .enumerate()
                    .map(|(i, t)| match t {
                        Some(v) => v.to_string(),
                        None if i == label_col => "Tổng cộng".to_owned(),
                        None => String::new(),
                    })
                    .collect();
                writer.write_record(record).map_err(AppError::internal)?;
            }
            writer.write_record([""]).map_err(AppError::internal)?;
        }
        writer.flush().map_err(AppError::internal)?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::column_name;

    #[test]
    fn column_letters() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(11), "L");
        assert_eq!(column_name(26), "AA");
    }
}
