//! Importing the facts the Office already keeps in spreadsheets (titles held by year, discipline
//! records and pending cases), like exemplars: the file is read by the bounded reader
//! (`files::sheet`), every row is checked as the form would, a dry run (the default) writes
//! nothing and reports each row's problems by column, and a real import with problems writes
//! nothing unless only the valid rows are asked for.

use chrono::NaiveDate;
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::facts::{DisciplineKind, DisciplineLevel, DisciplineRecordInput, TitleRecordInput};
use super::types::CommendationType;
use crate::db::schema::{award_forms, units};
use crate::db::{DbConnection, search};
use crate::error::{AppError, AppResult, FieldError};
use crate::exemplars::types::SubjectKind;
use crate::files::sheet::{SheetLimits, Table};
use crate::http::text;
use crate::time::Day;

pub const LIMITS: SheetLimits = SheetLimits {
    max_rows: 5000,
    max_columns: 30,
};

/// A column: its Vietnamese header (matched ignoring case and diacritics) and whether every row
/// needs it.
pub struct Column {
    pub header: &'static str,
    pub required: bool,
    pub help: &'static str,
    pub example: &'static str,
}

pub const TITLE_COLUMNS: &[Column] = &[
    Column {
        header: "Họ và tên",
        required: true,
        help: "Họ và tên cá nhân, hoặc tên tập thể.",
        example: "Phạm Thị Thảo",
    },
    Column {
        header: "Đối tượng",
        required: false,
        help: "Cá nhân (mặc định) hoặc Tập thể.",
        example: "Cá nhân",
    },
    Column {
        header: "Mã đơn vị",
        required: false,
        help: "Mã đơn vị trong Lan Tỏa (ví dụ TGPL).",
        example: "TGPL",
    },
    Column {
        header: "Đơn vị công tác",
        required: false,
        help: "Bắt buộc khi không có mã đơn vị.",
        example: "",
    },
    Column {
        header: "Danh hiệu",
        required: true,
        help: "Mã hoặc tên danh hiệu, hình thức trong danh mục (ví dụ LDTT).",
        example: "LDTT",
    },
    Column {
        header: "Năm",
        required: true,
        help: "Năm đạt danh hiệu.",
        example: "2025",
    },
    Column {
        header: "Loại khen thưởng",
        required: false,
        help: "Thường xuyên (mặc định), Đột xuất, Chuyên đề, Đặc biệt.",
        example: "Thường xuyên",
    },
    Column {
        header: "Số quyết định",
        required: false,
        help: "Ví dụ: Quyết định số 15/QĐ-STP.",
        example: "15/QĐ-STP",
    },
    Column {
        header: "Ngày quyết định",
        required: false,
        help: "dd/mm/yyyy.",
        example: "20/12/2025",
    },
];

pub const DISCIPLINE_COLUMNS: &[Column] = &[
    Column {
        header: "Họ và tên",
        required: true,
        help: "Họ và tên cá nhân.",
        example: "Nguyễn Văn Bình",
    },
    Column {
        header: "Mã đơn vị",
        required: false,
        help: "Mã đơn vị trong Lan Tỏa (ví dụ HCTP).",
        example: "HCTP",
    },
    Column {
        header: "Đơn vị công tác",
        required: false,
        help: "Bắt buộc khi không có mã đơn vị.",
        example: "",
    },
    Column {
        header: "Loại",
        required: true,
        help: "Kỷ luật, Đang xem xét kỷ luật, Đang thanh tra, kiểm tra, Đang giải quyết khiếu nại, tố cáo, Đang điều tra.",
        example: "Kỷ luật",
    },
    Column {
        header: "Hình thức kỷ luật",
        required: false,
        help: "Với Kỷ luật: Khiển trách, Cảnh cáo, Hạ bậc lương, Giáng chức, Cách chức, Buộc thôi việc.",
        example: "Khiển trách",
    },
    Column {
        header: "Từ ngày",
        required: true,
        help: "dd/mm/yyyy.",
        example: "01/03/2026",
    },
    Column {
        header: "Đến ngày",
        required: false,
        help: "dd/mm/yyyy; bỏ trống khi còn hiệu lực hoặc chưa giải quyết xong.",
        example: "",
    },
    Column {
        header: "Ghi chú",
        required: false,
        help: "",
        example: "",
    },
];

/// One spreadsheet row's outcome.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct FactImportRow {
    /// The row number in the spreadsheet (the header is row 1).
    pub row: usize,
    pub name: Option<String>,
    /// Problems, `field` naming the column header.
    pub errors: Vec<FieldError>,
    /// The record created from it, when the import was committed.
    pub created_id: Option<i64>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct FactImportReport {
    pub dry_run: bool,
    pub committed: bool,
    pub total_rows: usize,
    pub valid_rows: usize,
    pub error_rows: usize,
    pub created: usize,
    pub rows: Vec<FactImportRow>,
}

/// The index of each column among the header's cells; 422 naming the missing required ones.
pub fn header_index(table: &Table, columns: &[Column]) -> AppResult<Vec<Option<usize>>> {
    let headers: Vec<String> = table
        .first()
        .map(|row| row.cells.iter().map(|h| search::fold(h)).collect())
        .unwrap_or_default();
    let index: Vec<Option<usize>> = columns
        .iter()
        .map(|c| headers.iter().position(|h| *h == search::fold(c.header)))
        .collect();
    let missing: Vec<FieldError> = columns
        .iter()
        .zip(&index)
        .filter(|(c, i)| c.required && i.is_none())
        .map(|(c, _)| FieldError::new(c.header, "missing_column", "Thiếu cột này ở dòng tiêu đề."))
        .collect();
    if missing.is_empty() {
        Ok(index)
    } else {
        Err(AppError::validation(missing)
            .with_detail("Dòng đầu tiên phải là tiêu đề cột theo mẫu."))
    }
}

fn parse_date(value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    NaiveDate::parse_from_str(value, "%d/%m/%Y")
        .or_else(|_| NaiveDate::parse_from_str(value, "%d-%m-%Y"))
        .or_else(|_| NaiveDate::parse_from_str(value, "%Y-%m-%d"))
        .or_else(|_| NaiveDate::parse_from_str(value.get(..10).unwrap_or(""), "%Y-%m-%d"))
        .ok()
        .filter(|d| crate::time::year_in_range(chrono::Datelike::year(d)))
}

/// What the rows are read against.
pub struct Lookup {
    units: Vec<(String, i64)>,
    /// (folded code, folded name, code) of award forms.
    forms: Vec<(String, String, String)>,
}

impl Lookup {
    pub fn load(conn: &mut DbConnection) -> AppResult<Self> {
        let units = units::table
            .select((units::code, units::id))
            .load::<(String, i64)>(conn)?;
        let forms = award_forms::table
            .select((award_forms::code, award_forms::name))
            .distinct()
            .load::<(String, String)>(conn)?
            .into_iter()
            .map(|(code, name)| (search::fold(&code), search::fold(&name), code))
            .collect();
        Ok(Self { units, forms })
    }
}

struct Cells<'a> {
    cells: &'a [String],
    index: &'a [Option<usize>],
    columns: &'a [Column],
    errors: Vec<FieldError>,
}

impl<'a> Cells<'a> {
    fn new(cells: &'a [String], index: &'a [Option<usize>], columns: &'a [Column]) -> Self {
        let mut this = Self {
            cells,
            index,
            columns,
            errors: Vec::new(),
        };
        for (i, column) in columns.iter().enumerate() {
            let value = this.get(i).to_owned();
            if column.required && value.is_empty() {
                this.problem(i, "required", "Thiếu giá trị.");
            }
            if text::control_character_error(column.header, &value, true).is_some() {
                this.problem(
                    i,
                    "control_character",
                    "Có ký tự điều khiển (ví dụ NUL) không được phép.",
                );
            }
        }
        this
    }

    fn get(&self, i: usize) -> &'a str {
        self.index[i]
            .and_then(|c| self.cells.get(c))
            .map(|s| s.trim())
            .unwrap_or("")
    }

    fn opt(&self, i: usize) -> Option<String> {
        Some(self.get(i).to_owned()).filter(|s| !s.is_empty())
    }

    fn problem(&mut self, i: usize, code: &str, message: impl Into<String>) {
        self.errors
            .push(FieldError::new(self.columns[i].header, code, message));
    }

    fn unit(&mut self, i: usize, lookup: &Lookup) -> Option<i64> {
        let code = self.get(i);
        if code.is_empty() {
            return None;
        }
        let found = lookup
            .units
            .iter()
            .find(|(c, _)| c.eq_ignore_ascii_case(code))
            .map(|(_, id)| *id);
        if found.is_none() {
            self.problem(i, "not_found", format!("Không có đơn vị mã {code}."));
        }
        found
    }

    fn date(&mut self, i: usize) -> Option<NaiveDate> {
        let value = self.get(i);
        if value.is_empty() {
            return None;
        }
        let day = parse_date(value);
        if day.is_none() {
            self.problem(
                i,
                "invalid_date",
                "Ngày phải có dạng dd/mm/yyyy và có trên lịch.",
            );
        }
        day
    }
}

/// Maps a form error (API field names) to the columns of the sheet.
fn to_columns(error: AppError, columns: &[Column], map: &[(&str, usize)]) -> Vec<FieldError> {
    if error.errors.is_empty() {
        return vec![FieldError::new(
            columns[0].header,
            error.code.to_string(),
            error.detail.unwrap_or_default(),
        )];
    }
    error
        .errors
        .into_iter()
        .map(|mut e| {
            if let Some((_, i)) = map.iter().find(|(field, _)| e.field == *field) {
                e.field = columns[*i].header.to_owned();
            }
            e
        })
        .collect()
}

/// A title row read into the form's input and its problems.
pub fn title_row(
    cells: &[String],
    index: &[Option<usize>],
    lookup: &Lookup,
) -> (Option<TitleRecordInput>, Vec<FieldError>) {
    let mut row = Cells::new(cells, index, TITLE_COLUMNS);
    let kind = match row.get(1) {
        "" => Some(SubjectKind::Individual),
        text => SubjectKind::from_label(text),
    };
    if kind.is_none() {
        row.problem(1, "invalid_choice", "Ghi \"Cá nhân\" hoặc \"Tập thể\".");
    }
    let unit_id = row.unit(2, lookup);
    if unit_id.is_none() && row.get(2).is_empty() && row.get(3).is_empty() {
        row.problem(3, "required", "Ghi mã đơn vị hoặc đơn vị công tác.");
    }
    let folded = search::fold(row.get(4));
    let title = lookup
        .forms
        .iter()
        .find(|(code, name, _)| *code == folded || *name == folded)
        .map(|(_, _, code)| code.clone());
    if title.is_none() && !row.get(4).is_empty() {
        row.problem(
            4,
            "not_found",
            format!(
                "Không có danh hiệu, hình thức \"{}\" trong danh mục.",
                row.get(4)
            ),
        );
    }
    let year = row.get(5).parse::<i32>().ok();
    if year.is_none() && !row.get(5).is_empty() {
        row.problem(5, "invalid_type", "Năm phải là số (ví dụ 2025).");
    }
    let kind_of_award = match row.get(6) {
        "" => Some(CommendationType::Regular),
        text => CommendationType::from_label(text),
    };
    if kind_of_award.is_none() {
        row.problem(
            6,
            "invalid_choice",
            "Chọn Thường xuyên, Đột xuất, Chuyên đề hoặc Đặc biệt.",
        );
    }
    let decided_on = row.date(8);
    let input = TitleRecordInput {
        subject_kind: kind.unwrap_or(SubjectKind::Individual),
        full_name: row.get(0).to_owned(),
        unit_id,
        workplace: row.opt(3),
        exemplar_id: None,
        title_code: title.unwrap_or_default(),
        year: year.unwrap_or(0),
        commendation_type: kind_of_award.unwrap_or(CommendationType::Regular),
        decision_ref: row.opt(7),
        decided_on: decided_on.map(Day),
    };
    if row.errors.is_empty() {
        let checked = crate::http::validation::validate_with(&input, input.extra_errors());
        if let Err(error) = checked {
            let map = [
                ("fullName", 0),
                ("workplace", 3),
                ("titleCode", 4),
                ("year", 5),
                ("decisionRef", 7),
            ];
            row.errors.extend(to_columns(error, TITLE_COLUMNS, &map));
        }
    }
    let ok = row.errors.is_empty();
    (ok.then_some(input), row.errors)
}

/// A discipline row read into the form's input and its problems.
pub fn discipline_row(
    cells: &[String],
    index: &[Option<usize>],
    lookup: &Lookup,
) -> (Option<DisciplineRecordInput>, Vec<FieldError>) {
    let mut row = Cells::new(cells, index, DISCIPLINE_COLUMNS);
    let unit_id = row.unit(1, lookup);
    let kind = DisciplineKind::from_label(row.get(3));
    if kind.is_none() && !row.get(3).is_empty() {
        let labels: Vec<&str> = DisciplineKind::ALL.iter().map(|k| k.label()).collect();
        row.problem(
            3,
            "invalid_choice",
            format!("Chọn một trong: {}.", labels.join("; ")),
        );
    }
    let level = match row.get(4) {
        "" => None,
        text => {
            let level = DisciplineLevel::from_label(text);
            if level.is_none() {
                let labels: Vec<&str> = DisciplineLevel::ALL.iter().map(|l| l.label()).collect();
                row.problem(
                    4,
                    "invalid_choice",
                    format!("Chọn một trong: {}.", labels.join(", ")),
                );
            }
            level
        }
    };
    let starts_on = row.date(5);
    let ends_on = row.date(6);
    let input = DisciplineRecordInput {
        full_name: row.get(0).to_owned(),
        unit_id,
        workplace: row.opt(2),
        exemplar_id: None,
        kind: kind.unwrap_or(DisciplineKind::Discipline),
        level,
        starts_on: Day(starts_on.unwrap_or_default()),
        ends_on: ends_on.map(Day),
        note: row.opt(7),
    };
    if row.errors.is_empty() {
        let checked = crate::http::validation::validate_with(&input, input.extra_errors());
        if let Err(error) = checked {
            let map = [
                ("fullName", 0),
                ("workplace", 2),
                ("level", 4),
                ("endsOn", 6),
                ("note", 7),
            ];
            row.errors
                .extend(to_columns(error, DISCIPLINE_COLUMNS, &map));
        }
    }
    let ok = row.errors.is_empty();
    (ok.then_some(input), row.errors)
}

/// The template workbook: the columns with an example row, and a sheet saying what each takes.
pub fn template(name: &str, columns: &[Column]) -> AppResult<Vec<u8>> {
    use rust_xlsxwriter::{Format, Workbook};
    let err = |e: rust_xlsxwriter::XlsxError| AppError::internal(e);
    let mut workbook = Workbook::new();
    let bold = Format::new()
        .set_bold()
        .set_background_color("#DDEBF7")
        .set_text_wrap();
    let required = bold.clone().set_font_color("#C00000");
    let sheet = workbook.add_worksheet();
    sheet.set_name(name).map_err(err)?;
    for (col, column) in columns.iter().enumerate() {
        let format = if column.required { &required } else { &bold };
        sheet
            .write_string_with_format(0, col as u16, column.header, format)
            .map_err(err)?;
        sheet
            .write_string(1, col as u16, column.example)
            .map_err(err)?;
        sheet.set_column_width(col as u16, 22).map_err(err)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(err)?;
    let help = workbook.add_worksheet();
    help.set_name("Hướng dẫn").map_err(err)?;
    for (col, title) in ["Cột", "Bắt buộc", "Cách ghi"].iter().enumerate() {
        help.write_string_with_format(0, col as u16, *title, &bold)
            .map_err(err)?;
    }
    for (index, column) in columns.iter().enumerate() {
        let row = 1 + index as u32;
        help.write_string(row, 0, column.header).map_err(err)?;
        help.write_string(row, 1, if column.required { "Có" } else { "Không" })
            .map_err(err)?;
        help.write_string(row, 2, column.help).map_err(err)?;
    }
    help.set_column_width(0, 22).map_err(err)?;
    help.set_column_width(2, 90).map_err(err)?;
    workbook.save_to_buffer().map_err(err)
}

pub fn report(rows: Vec<FactImportRow>, dry_run: bool, committed: bool) -> FactImportReport {
    let error_rows = rows.iter().filter(|r| !r.errors.is_empty()).count();
    FactImportReport {
        dry_run,
        committed,
        total_rows: rows.len(),
        valid_rows: rows.len() - error_rows,
        error_rows,
        created: rows.iter().filter(|r| r.created_id.is_some()).count(),
        rows,
    }
}
