//! The first sheet of an XLSX workbook or a UTF-8 CSV file as rows of text, bounded: an XLSX is
//! checked as a ZIP ([`super::zip_bounds`]) and its declared dimensions before it is opened, its
//! cells are streamed and only non-empty rows within the limits are kept; a CSV's cells are
//! counted before it is split. Nothing is ever allocated for the declared range of a sheet.

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use super::zip_bounds::{self, ZipProblem};
use crate::error::{AppError, AppResult, ErrorCode};

#[derive(Debug, Clone, Copy)]
pub struct SheetLimits {
    /// Non-empty rows after the header.
    pub max_rows: usize,
    /// Columns that may hold values (the first ones, A, B, …).
    pub max_columns: usize,
}

impl SheetLimits {
    /// Every cell a file may present, empty ones included, before reading stops: bounds the work
    /// done on a sheet of blank formatted cells.
    fn max_cells_seen(&self) -> usize {
        (self.max_rows + 1) * self.max_columns * 4
    }
}

/// A non-empty row: its number in the file (1 = first row) and its cells as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub number: usize,
    pub cells: Vec<String>,
}

/// The file's non-empty rows in order; the first is the header.
pub type Table = Vec<Row>;

pub fn read(bytes: &[u8], limits: SheetLimits) -> AppResult<Table> {
    if bytes.starts_with(b"PK\x03\x04") {
        read_xlsx(bytes, limits)
    } else {
        read_csv(bytes, limits)
    }
}

fn too_many_rows(limits: SheetLimits) -> AppError {
    AppError::new(ErrorCode::PayloadTooLarge).with_detail(format!(
        "Mỗi lần nhập tối đa {} dòng dữ liệu.",
        limits.max_rows
    ))
}

fn too_many_columns(limits: SheetLimits) -> AppError {
    AppError::new(ErrorCode::PayloadTooLarge).with_detail(format!(
        "Trang tính có dữ liệu ngoài {} cột đầu tiên.",
        limits.max_columns
    ))
}

fn unreadable_xlsx() -> AppError {
    AppError::new(ErrorCode::UnsupportedFileType).with_detail("Không đọc được tệp Excel (.xlsx).")
}

/// Non-empty cells by row, kept within the limits.
struct Rows {
    limits: SheetLimits,
    rows: BTreeMap<usize, Vec<String>>,
}

impl Rows {
    fn new(limits: SheetLimits) -> Self {
        Self {
            limits,
            rows: BTreeMap::new(),
        }
    }

    fn put(&mut self, row: usize, column: usize, text: String) -> AppResult<()> {
        if text.trim().is_empty() {
            return Ok(());
        }
        if column >= self.limits.max_columns {
            return Err(too_many_columns(self.limits));
        }
        if !self.rows.contains_key(&row) && self.rows.len() > self.limits.max_rows {
            return Err(too_many_rows(self.limits));
        }
        let cells = self.rows.entry(row).or_default();
        if cells.len() <= column {
            cells.resize(column + 1, String::new());
        }
        cells[column] = text;
        Ok(())
    }

    fn into_table(self) -> Table {
        self.rows
            .into_iter()
            .map(|(number, cells)| Row { number, cells })
            .collect()
    }
}

fn read_xlsx(bytes: &[u8], limits: SheetLimits) -> AppResult<Table> {
    zip_bounds::check(bytes, &zip_bounds::OFFICE_DOCUMENT).map_err(|problem| match problem {
        ZipProblem::Unreadable => unreadable_xlsx(),
        ZipProblem::TooManyEntries | ZipProblem::TooLarge => {
            AppError::new(ErrorCode::PayloadTooLarge)
                .with_detail("Tệp Excel giải nén ra quá lớn so với một bảng nhập liệu.")
        }
    })?;
    let mut workbook: Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|_| unreadable_xlsx())?;
    let Some(first) = workbook.sheet_names().into_iter().next() else {
        return Err(
            AppError::new(ErrorCode::BadRequest).with_detail("Tệp Excel không có trang tính nào.")
        );
    };
    let unreadable_sheet =
        || AppError::new(ErrorCode::BadRequest).with_detail("Không đọc được trang tính đầu tiên.");
    let mut cells = workbook
        .worksheet_cells_reader(&first)
        .map_err(|_| unreadable_sheet())?;
    // A declared range far beyond the limits is refused before a single cell is read; blank
    // formatted rows and columns below and right of the data are tolerated up to as many again.
    let declared = cells.dimensions();
    if declared.end.0 as usize >= 2 * (limits.max_rows + 1) {
        return Err(too_many_rows(limits));
    }
    if declared.end.1 as usize >= 2 * limits.max_columns {
        return Err(too_many_columns(limits));
    }
    let mut rows = Rows::new(limits);
    let mut seen = 0usize;
    while let Some(cell) = cells.next_cell().map_err(|_| unreadable_sheet())? {
        seen += 1;
        if seen > limits.max_cells_seen() {
            return Err(too_many_rows(limits));
        }
        let (row, column) = cell.get_position();
        let text = cell_text(&Data::from(cell.get_value().clone()));
        rows.put(row as usize + 1, column as usize, text)?;
    }
    Ok(rows.into_table())
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => dt
            .as_datetime()
            .map(|d| d.date().format("%d/%m/%Y").to_string())
            .unwrap_or_default(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
    }
}

/// Cells per line of a CSV, quotes respected, before anything is split: the number of cells is
/// bounded by the file itself, not by what a parser would allocate for it.
fn count_cells(text: &str, delimiter: u8, limits: SheetLimits) -> AppResult<()> {
    let mut quoted = false;
    let mut in_line = 1usize;
    let mut total = 0usize;
    for byte in text.bytes() {
        match byte {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => {
                total += in_line;
                in_line = 1;
            }
            b if b == delimiter && !quoted => {
                in_line += 1;
                if in_line > limits.max_columns * 4 {
                    return Err(too_many_columns(limits));
                }
            }
            _ => {}
        }
        if total > limits.max_cells_seen() {
            return Err(too_many_rows(limits));
        }
    }
    Ok(())
}

fn read_csv(bytes: &[u8], limits: SheetLimits) -> AppResult<Table> {
    let not_a_sheet = || {
        AppError::new(ErrorCode::UnsupportedFileType)
            .with_detail("Chỉ nhập được tệp Excel (.xlsx) hoặc CSV mã hóa UTF-8.")
    };
    let text = std::str::from_utf8(bytes).map_err(|_| not_a_sheet())?;
    if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\r' | '\n'))
    {
        return Err(not_a_sheet());
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_line = text.lines().next().unwrap_or("");
    let delimiter = if first_line.matches(';').count() > first_line.matches(',').count() {
        b';'
    } else {
        b','
    };
    count_cells(text, delimiter, limits)?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Rows::new(limits);
    let mut record = csv::StringRecord::new();
    let mut number = 0usize;
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                number += 1;
                for (column, value) in record.iter().enumerate() {
                    rows.put(number, column, value.to_owned())?;
                }
            }
            Err(_) => {
                return Err(AppError::new(ErrorCode::BadRequest)
                    .with_detail(format!("Tệp CSV sai định dạng ở dòng {}.", number + 1)));
            }
        }
    }
    Ok(rows.into_table())
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: SheetLimits = SheetLimits {
        max_rows: 3,
        max_columns: 4,
    };

    fn texts(table: &Table) -> Vec<(usize, Vec<&str>)> {
        table
            .iter()
            .map(|r| (r.number, r.cells.iter().map(String::as_str).collect()))
            .collect()
    }

    #[test]
    fn csv_with_semicolons_bom_and_blank_lines() {
        let table = read(
            "\u{feff}Tên điển hình;Đối tượng\n\n;\nNguyễn Văn An;Cá nhân\n".as_bytes(),
            LIMITS,
        )
        .unwrap();
        assert_eq!(
            texts(&table),
            vec![
                (1, vec!["Tên điển hình", "Đối tượng"]),
                (3, vec!["Nguyễn Văn An", "Cá nhân"])
            ]
        );
    }

    #[test]
    fn csv_over_the_limits_is_refused_before_it_is_split() {
        let rows = "a,b\n".repeat(5);
        let error = read(rows.as_bytes(), LIMITS).unwrap_err();
        assert_eq!(error.code, ErrorCode::PayloadTooLarge);
        let wide = format!("a{}\n", ",".repeat(100));
        let error = read(wide.as_bytes(), LIMITS).unwrap_err();
        assert_eq!(error.code, ErrorCode::PayloadTooLarge);
        let data_in_column_five = "a,b,c,d,e\n";
        let error = read(data_in_column_five.as_bytes(), LIMITS).unwrap_err();
        assert_eq!(error.code, ErrorCode::PayloadTooLarge);
        // Commas inside quotes are text, not cells.
        let quoted = format!("\"{}\",b\n", ",".repeat(100));
        assert_eq!(read(quoted.as_bytes(), LIMITS).unwrap().len(), 1);
    }

    #[test]
    fn binary_that_is_not_a_sheet_is_refused() {
        let error = read(b"\x00\x01\x02", LIMITS).unwrap_err();
        assert_eq!(error.code, ErrorCode::UnsupportedFileType);
        let error = read(b"PK\x03\x04 broken", LIMITS).unwrap_err();
        assert_eq!(error.code, ErrorCode::UnsupportedFileType);
    }
}
