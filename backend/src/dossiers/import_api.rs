//! Importing exemplars an office already keeps in a spreadsheet (XLSX or CSV). Every row goes
//! through the same checks as the form, read-only: a dry run reports each row's problems and
//! never writes. A real import with problems writes nothing either, unless only the valid rows
//! are explicitly requested; the write transaction is entered only once every row is checked, so
//! it holds the write lock for the inserts alone.

use actix_web::{HttpRequest, get, post, web};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::audit::{self, AuditContext};
use crate::auth::roles::WriteExemplars;
use crate::auth::{Auth, Principal};
use crate::db::schema::{movements, units};
use crate::db::{DbConnection, search, write_transaction};
use crate::error::{AppError, AppResult, FieldError};
use crate::exemplars::model::{self, ExemplarInput, Initiative};
use crate::exemplars::types::{Category, SubjectKind};
use crate::files::sheet::{self, SheetLimits, Table};
use crate::http::{text, upload};
use crate::state::AppState;

/// 5,000 data rows; the known columns and as many again for the office's own (STT, ghi chú…).
/// The text fields of the upload form besides `file`.
const FORM_FIELDS: &[&str] = &["dryRun", "onlyValid", "unitId"];

const LIMITS: SheetLimits = SheetLimits {
    max_rows: 5000,
    max_columns: 2 * COLUMNS.len() + 8,
};

/// A column of the spreadsheet: its Vietnamese header (matched ignoring case and diacritics),
/// the API field it fills, whether every row needs it, and what the template says about it.
struct Column {
    header: &'static str,
    field: &'static str,
    required: bool,
    help: &'static str,
    example: &'static str,
}

const COLUMNS: &[Column] = &[
    Column {
        header: "Tên điển hình",
        field: "name",
        required: true,
        help: "Họ và tên cá nhân, hoặc tên tập thể.",
        example: "Nguyễn Thị Thu Trang",
    },
    Column {
        header: "Đối tượng",
        field: "subjectKind",
        required: true,
        help: "Ghi \"Cá nhân\" hoặc \"Tập thể\".",
        example: "Cá nhân",
    },
    Column {
        header: "Mã đơn vị",
        field: "unitId",
        required: false,
        help: "Mã đơn vị ghi nhận (ví dụ TGPL). Bỏ trống: đơn vị chọn khi nhập; cán bộ đơn vị luôn nhập cho đơn vị mình.",
        example: "TGPL",
    },
    Column {
        header: "Phân loại",
        field: "category",
        required: true,
        help: "Một trong: Điển hình tiên tiến, Mô hình mới, Nhân tố mới, Gương người tốt việc tốt.",
        example: "Điển hình tiên tiến",
    },
    Column {
        header: "Lĩnh vực",
        field: "fieldOfWork",
        required: true,
        help: "Lĩnh vực công tác (ví dụ Trợ giúp pháp lý, Hộ tịch).",
        example: "Trợ giúp pháp lý",
    },
    Column {
        header: "Thành tích",
        field: "achievements",
        required: true,
        help: "Thành tích nổi bật, ít nhất 10 ký tự.",
        example: "Tham gia 80 vụ việc tố tụng, bảo vệ quyền lợi người nghèo.",
    },
    Column {
        header: "Ngày phát hiện",
        field: "discoveredOn",
        required: true,
        help: "Ngày dd/mm/yyyy (hoặc ô ngày của Excel), không sau hôm nay.",
        example: "12/05/2026",
    },
    Column {
        header: "Chức vụ",
        field: "position",
        required: false,
        help: "Chỉ với Cá nhân.",
        example: "Trợ giúp viên pháp lý",
    },
    Column {
        header: "Chức danh",
        field: "title",
        required: false,
        help: "Chỉ với Cá nhân.",
        example: "",
    },
    Column {
        header: "Số thành viên",
        field: "memberCount",
        required: false,
        help: "Bắt buộc với Tập thể (số nguyên); bỏ trống với Cá nhân.",
        example: "",
    },
    Column {
        header: "Cách phát hiện",
        field: "discoveryMethod",
        required: false,
        help: "Qua phong trào, báo cáo, phản ánh của người dân…",
        example: "Qua sơ kết phong trào",
    },
    Column {
        header: "Người phát hiện",
        field: "discoveredBy",
        required: false,
        help: "Người hoặc bộ phận phát hiện.",
        example: "",
    },
    Column {
        header: "Phong trào thi đua",
        field: "movementIds",
        required: false,
        help: "Mã hoặc tên phong trào, nhiều phong trào cách nhau bởi dấu ;.",
        example: "DVK",
    },
    Column {
        header: "Sáng kiến",
        field: "initiatives",
        required: false,
        help: "Tên sáng kiến, nhiều sáng kiến cách nhau bởi dấu ;.",
        example: "Tư vấn qua Zalo; Số hóa hồ sơ",
    },
];

/// One spreadsheet row's outcome.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ImportRow {
    /// The row number in the spreadsheet (the header is row 1).
    pub row: usize,
    pub name: Option<String>,
    /// Problems, `field` naming the column header.
    pub errors: Vec<FieldError>,
    /// The exemplar created from it, when the import was committed.
    pub created_id: Option<i64>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    pub dry_run: bool,
    /// Whether anything was written.
    pub committed: bool,
    pub total_rows: usize,
    pub valid_rows: usize,
    pub error_rows: usize,
    pub created: usize,
    pub rows: Vec<ImportRow>,
}

/// The upload: `file` (XLSX or CSV, first sheet, header row first), `dryRun` (default `true`),
/// `onlyValid` (default `false`), `unitId` (default for rows without "Mã đơn vị"; unit roles:
/// always their own unit).
#[derive(Debug, ToSchema)]
#[schema(rename_all = "camelCase")]
#[allow(dead_code)]
pub struct ImportForm {
    #[schema(format = Binary, content_media_type = "application/octet-stream")]
    file: String,
    #[schema(default = true, required = false)]
    dry_run: Option<bool>,
    #[schema(default = false, required = false)]
    only_valid: Option<bool>,
    #[schema(required = false)]
    unit_id: Option<i64>,
}

/// A date cell: a day, or why it is not one.
#[derive(Debug, PartialEq, Eq)]
enum DateCell {
    Day(NaiveDate),
    /// Written like a date, but no such day exists (31/02/2026).
    NoSuchDay,
    NotADate,
}

fn parse_date(text: &str) -> DateCell {
    let text = text.trim();
    let parsed = NaiveDate::parse_from_str(text, "%d/%m/%Y")
        .or_else(|_| NaiveDate::parse_from_str(text, "%d-%m-%Y"))
        .or_else(|_| NaiveDate::parse_from_str(text, "%Y-%m-%d"))
        .or_else(|_| NaiveDate::parse_from_str(text.get(..10).unwrap_or(""), "%Y-%m-%d"));
    if let Ok(day) = parsed {
        return DateCell::Day(day);
    }
    let parts: Vec<&str> = text.split(['/', '-']).collect();
    let numbers = parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
    let year_at_either_end = numbers && (parts[0].len() == 4 || parts[2].len() == 4);
    if year_at_either_end {
        DateCell::NoSuchDay
    } else {
        DateCell::NotADate
    }
}

fn split_list(text: &str) -> Vec<String> {
    text.split([';', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

struct Lookup {
    /// (code, id) of active units.
    units: Vec<(String, i64)>,
    /// (folded code, folded name, id) of movements.
    movements: Vec<(String, String, i64)>,
}

impl Lookup {
    fn load(conn: &mut DbConnection) -> AppResult<Self> {
        let units = units::table
            .select((units::code, units::id))
            .load::<(String, i64)>(conn)?;
        let movements = movements::table
            .select((movements::code, movements::name, movements::id))
            .load::<(String, String, i64)>(conn)?
            .into_iter()
            .map(|(code, name, id)| (search::fold(&code), search::fold(&name), id))
            .collect();
        Ok(Self { units, movements })
    }
}

/// Turns one row into the form's input and the problems found reading it. Cells that cannot be
/// read get a stand-in value, so that the row's other fields are still checked and every
/// problem of the row is reported at once.
fn to_input(
    cells: &[String],
    header_index: &[Option<usize>],
    lookup: &Lookup,
    default_unit: Option<i64>,
) -> (ExemplarInput, Vec<FieldError>) {
    let get = |i: usize| {
        header_index[i]
            .and_then(|c| cells.get(c))
            .map(|s| s.trim())
            .unwrap_or("")
    };
    let mut errors = Vec::new();
    let mut problem = |i: usize, code: &str, message: String| {
        errors.push(FieldError::new(COLUMNS[i].header, code, message))
    };
    for (i, column) in COLUMNS.iter().enumerate() {
        if column.required && get(i).is_empty() {
            problem(i, "required", "Thiếu giá trị.".to_owned());
        }
        if text::control_character_error(column.header, get(i), true).is_some() {
            problem(
                i,
                "control_character",
                "Có ký tự điều khiển (ví dụ NUL) không được phép.".to_owned(),
            );
        }
    }
    let subject_kind = SubjectKind::from_label(get(1));
    if subject_kind.is_none() && !get(1).is_empty() {
        problem(
            1,
            "invalid_choice",
            "Ghi \"Cá nhân\" hoặc \"Tập thể\".".to_owned(),
        );
    }
    let unit_id = match get(2) {
        "" => default_unit,
        code => lookup
            .units
            .iter()
            .find(|(c, _)| c.eq_ignore_ascii_case(code))
            .map(|(_, id)| *id),
    };
    if unit_id.is_none() {
        let message = if get(2).is_empty() {
            "Ghi mã đơn vị (ví dụ TGPL).".to_owned()
        } else {
            format!("Không có đơn vị mã {}.", get(2))
        };
        problem(2, "not_found", message);
    }
    let category = Category::from_label(get(3));
    if category.is_none() && !get(3).is_empty() {
        let labels: Vec<&str> = Category::ALL.iter().map(|c| c.label()).collect();
        problem(
            3,
            "invalid_choice",
            format!("Chọn một trong: {}.", labels.join(", ")),
        );
    }
    let discovered_on = match parse_date(get(6)) {
        DateCell::Day(day) => Some(day),
        _ if get(6).is_empty() => None,
        DateCell::NoSuchDay => {
            problem(6, "invalid_date", format!("Ngày {} không tồn tại.", get(6)));
            None
        }
        DateCell::NotADate => {
            problem(
                6,
                "invalid_format",
                "Ngày phải có dạng dd/mm/yyyy.".to_owned(),
            );
            None
        }
    };
    let member_count = match get(9) {
        "" => None,
        text => match text.parse::<i32>() {
            Ok(n) => Some(n),
            Err(_) => {
                problem(
                    9,
                    "invalid_type",
                    "Số thành viên phải là số nguyên.".to_owned(),
                );
                None
            }
        },
    };
    let mut movement_ids = Vec::new();
    for name in split_list(get(12)) {
        let folded = search::fold(&name);
        match lookup
            .movements
            .iter()
            .find(|(code, full, _)| *code == folded || *full == folded)
        {
            Some((_, _, id)) => movement_ids.push(*id),
            None => problem(12, "not_found", format!("Không có phong trào \"{name}\".")),
        }
    }
    let initiatives = split_list(get(13))
        .into_iter()
        .map(|title| Initiative {
            title,
            year: None,
            recognised_by: None,
            scope: None,
        })
        .collect();
    let opt = |i: usize| Some(get(i).to_owned()).filter(|s| !s.is_empty());
    let input = ExemplarInput {
        subject_kind: subject_kind.unwrap_or(SubjectKind::Individual),
        name: get(0).to_owned(),
        position: opt(7),
        title: opt(8),
        member_count,
        unit_id: unit_id.unwrap_or(0),
        category: category.unwrap_or(Category::Advanced),
        field_of_work: get(4).to_owned(),
        achievements: get(5).to_owned(),
        // Unread dates are reported; the row is never written.
        discovered_on: discovered_on.unwrap_or_default().into(),
        discovery_method: opt(10),
        discovered_by: opt(11),
        movement_ids,
        initiatives,
    };
    (input, errors)
}

/// Maps an API field error back to the column header people see.
fn to_column(mut error: FieldError) -> FieldError {
    let root = error.field.split(['.', '[']).next().unwrap_or("");
    if let Some(column) = COLUMNS.iter().find(|c| c.field == root) {
        error.field = column.header.to_owned();
    }
    error
}

/// The index of each known column among the header's cells; 422 naming the missing ones.
fn header_index(table: &Table) -> AppResult<Vec<Option<usize>>> {
    let headers: Vec<String> = table
        .first()
        .map(|row| row.cells.iter().map(|h| search::fold(h)).collect())
        .unwrap_or_default();
    let index: Vec<Option<usize>> = COLUMNS
        .iter()
        .map(|c| headers.iter().position(|h| *h == search::fold(c.header)))
        .collect();
    let missing: Vec<FieldError> = COLUMNS
        .iter()
        .zip(&index)
        .filter(|(c, index)| c.required && index.is_none())
        .map(|(c, _)| FieldError::new(c.header, "missing_column", "Thiếu cột này ở dòng tiêu đề."))
        .collect();
    if missing.is_empty() {
        Ok(index)
    } else {
        Err(AppError::validation(missing)
            .with_detail("Dòng đầu tiên phải là tiêu đề cột theo mẫu."))
    }
}

/// An error of the model as the problems of one row, named by column.
fn row_errors(error: AppError) -> Vec<FieldError> {
    if error.errors.is_empty() {
        vec![FieldError::new(
            COLUMNS[2].header,
            error.code.to_string(),
            error.detail.unwrap_or_default(),
        )]
    } else {
        error.errors.into_iter().map(to_column).collect()
    }
}

/// A checked row: its outcome so far and, when it has no problem, what to insert.
struct CheckedRow {
    outcome: ImportRow,
    input: Option<ExemplarInput>,
}

/// Checks every row as the form would, the unit and movements included, reading only.
fn check_rows(
    conn: &mut DbConnection,
    principal: &Principal,
    table: &Table,
    default_unit: Option<i64>,
    today: NaiveDate,
) -> AppResult<Vec<CheckedRow>> {
    let header_index = header_index(table)?;
    let lookup = Lookup::load(conn)?;
    let mut rows = Vec::with_capacity(table.len().saturating_sub(1));
    for row in table.iter().skip(1) {
        let cells = &row.cells;
        let name = header_index[0]
            .and_then(|c| cells.get(c))
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty());
        let mut outcome = ImportRow {
            row: row.number,
            name,
            errors: Vec::new(),
            created_id: None,
        };
        let (input, read_errors) = to_input(cells, &header_index, &lookup, default_unit);
        let checked = super::api::checked(input, today);
        let input = if read_errors.is_empty() {
            match checked {
                Ok(input) => {
                    let linked = model::check_unit(conn, principal, input.unit_id)
                        .and_then(|_| model::check_movements(conn, &input.movement_ids, &[]));
                    match linked {
                        Ok(()) => Some(input),
                        Err(error) => {
                            outcome.errors = row_errors(error);
                            None
                        }
                    }
                }
                Err(error) => {
                    outcome.errors = error.errors.into_iter().map(to_column).collect();
                    None
                }
            }
        } else {
            // Report what the form would say too, except about the cells already reported (and
            // about the fields that depend on an unreadable subject kind).
            let unreadable: Vec<&str> = read_errors.iter().map(|e| e.field.as_str()).collect();
            let kind_unreadable = unreadable.contains(&COLUMNS[1].header);
            let dependent = [COLUMNS[7].header, COLUMNS[8].header, COLUMNS[9].header];
            let already_said = |field: &str| {
                unreadable.contains(&field) || (kind_unreadable && dependent.contains(&field))
            };
            let mut errors = read_errors.clone();
            if let Err(more) = checked {
                errors.extend(
                    more.errors
                        .into_iter()
                        .map(to_column)
                        .filter(|e| !already_said(&e.field)),
                );
            }
            outcome.errors = errors;
            None
        };
        rows.push(CheckedRow { outcome, input });
    }
    Ok(rows)
}

/// Inserts the checked rows in one transaction; the model checks each unit and movement again,
/// so a unit closed meanwhile fails the whole import rather than slipping in.
fn write_rows(
    conn: &mut DbConnection,
    principal: &Principal,
    ctx: &AuditContext,
    rows: &mut [CheckedRow],
) -> AppResult<()> {
    write_transaction(conn, |conn| {
        for row in rows.iter_mut() {
            let Some(input) = &row.input else { continue };
            let id = model::insert(conn, principal, ctx.at, input).map_err(|error| {
                AppError::validation(
                    row_errors(error)
                        .into_iter()
                        .map(|e| in_row(row.outcome.row, e))
                        .collect(),
                )
                .with_detail("Dữ liệu đã thay đổi trong lúc nhập; chưa nhập dòng nào.")
            })?;
            audit::record(
                conn,
                ctx,
                audit::AuditAction::Import,
                audit::EntityType::Exemplar,
                Some(id),
                None,
                imported_snapshot(id, ctx.at, input),
            )?;
            row.outcome.created_id = Some(id);
        }
        Ok(())
    })
}

/// What the audit trail keeps of an imported exemplar: its id and the fields it was created with.
fn imported_snapshot(
    id: i64,
    at: NaiveDateTime,
    input: &ExemplarInput,
) -> Option<serde_json::Value> {
    let mut value = audit::snapshot(input)?;
    if let Some(object) = value.as_object_mut() {
        object.insert("id".into(), id.into());
        object.insert("stage".into(), "discovered".into());
        object.insert("recordStatus".into(), "draft".into());
        object.insert("createdAt".into(), serde_json::to_value(at.and_utc()).ok()?);
    }
    Some(value)
}

fn in_row(row: usize, error: FieldError) -> FieldError {
    FieldError::new(
        format!("rows[{row}].{}", error.field),
        error.code,
        error.message,
    )
}

fn report(rows: Vec<CheckedRow>, dry_run: bool, committed: bool) -> ImportReport {
    let rows: Vec<ImportRow> = rows.into_iter().map(|r| r.outcome).collect();
    let error_rows = rows.iter().filter(|r| !r.errors.is_empty()).count();
    let created = rows.iter().filter(|r| r.created_id.is_some()).count();
    ImportReport {
        dry_run,
        committed,
        total_rows: rows.len(),
        valid_rows: rows.len() - error_rows,
        error_rows,
        created,
        rows,
    }
}

/// The template workbook: the columns on the first sheet with an example row, and a second sheet
/// saying what each column takes.
fn template() -> AppResult<Vec<u8>> {
    use rust_xlsxwriter::{Format, Workbook};
    let err = |e: rust_xlsxwriter::XlsxError| AppError::internal(e);
    let mut workbook = Workbook::new();
    let bold = Format::new()
        .set_bold()
        .set_background_color("#DDEBF7")
        .set_text_wrap();
    let required = bold.clone().set_font_color("#C00000");
    let sheet = workbook.add_worksheet();
    sheet.set_name("Nhập điển hình").map_err(err)?;
    for (col, column) in COLUMNS.iter().enumerate() {
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
    for (col, title) in ["Cột", "Bắt buộc", "Cách ghi", "Ví dụ"].iter().enumerate() {
        help.write_string_with_format(0, col as u16, *title, &bold)
            .map_err(err)?;
    }
    let categories: Vec<&str> = Category::ALL.iter().map(|c| c.label()).collect();
    let category_help = format!("Một trong: {}.", categories.join(", "));
    for (index, column) in COLUMNS.iter().enumerate() {
        let row = 1 + index as u32;
        let needed = match column.field {
            "memberCount" => "Với Tập thể",
            _ if column.required => "Có",
            _ => "Không",
        };
        let how = if column.field == "category" {
            category_help.as_str()
        } else {
            column.help
        };
        help.write_string(row, 0, column.header).map_err(err)?;
        help.write_string(row, 1, needed).map_err(err)?;
        help.write_string(row, 2, how).map_err(err)?;
        help.write_string(row, 3, column.example).map_err(err)?;
    }
    let notes = 2 + COLUMNS.len() as u32;
    help.write_string(
        notes,
        0,
        format!(
            "Dòng 1 của trang \"Nhập điển hình\" là tiêu đề cột; mỗi dòng sau là một điển hình (tối đa {} dòng). Xóa dòng ví dụ trước khi nhập.",
            LIMITS.max_rows
        ),
    )
    .map_err(err)?;
    help.set_column_width(0, 22).map_err(err)?;
    help.set_column_width(1, 12).map_err(err)?;
    help.set_column_width(2, 80).map_err(err)?;
    help.set_column_width(3, 40).map_err(err)?;
    workbook.save_to_buffer().map_err(err)
}

/// The import template as an Excel file: the columns with an example row, and a sheet
/// explaining each column (which are required, and for which subject kind).
///
/// **Quyền:** office, unit_head, unit_staff.
#[utoipa::path(
    tag = "Điển hình",
    security(("bearer" = ["office", "unit_head", "unit_staff"])),
    responses((status = 200, description = "Tệp Excel mẫu (.xlsx)", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
)]
#[get("/exemplars/import/template")]
pub async fn import_template(_auth: Auth<WriteExemplars>) -> AppResult<actix_web::HttpResponse> {
    let bytes = web::block(template).await.map_err(AppError::internal)??;
    Ok(actix_web::HttpResponse::Ok()
        .content_type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            "attachment; filename=\"mau-nhap-diem-hinh.xlsx\"",
        ))
        .body(bytes))
}

/// Imports exemplars from an XLSX or CSV file (columns: Tên điển hình, Đối tượng, Mã đơn vị,
/// Phân loại, Lĩnh vực, Thành tích, Ngày phát hiện (dd/mm/yyyy), Chức vụ, Chức danh, Số thành
/// viên, Cách phát hiện, Người phát hiện, Phong trào thi đua (mã hoặc tên, cách nhau bởi ;),
/// Sáng kiến (cách nhau bởi ;)). With `dryRun` (the default) nothing is written and every row's
/// problems are reported. A real import with problems writes nothing (422) unless `onlyValid`
/// asks for the valid rows alone.
///
/// **Quyền:** office (mọi đơn vị), unit_head, unit_staff (đơn vị mình).
#[utoipa::path(
    tag = "Điển hình",
    request_body(content = ImportForm, content_type = "multipart/form-data"),
    security(("bearer" = ["office", "unit_head", "unit_staff"])),
    responses((status = 200, body = ImportReport))
)]
#[post("/exemplars/import")]
pub async fn import_exemplars(
    auth: Auth<WriteExemplars>,
    state: web::Data<AppState>,
    req: HttpRequest,
    payload: web::Payload,
) -> AppResult<web::Json<ImportReport>> {
    let upload = upload::read(&req, payload, state.settings.max_upload_bytes, FORM_FIELDS).await?;
    let flag = |name: &str, default: bool| -> AppResult<bool> {
        match upload
            .fields
            .get(name)
            .map(|v| v.trim().to_ascii_lowercase())
        {
            None => Ok(default),
            Some(v) if v.is_empty() => Ok(default),
            Some(v) if v == "true" || v == "1" => Ok(true),
            Some(v) if v == "false" || v == "0" => Ok(false),
            Some(_) => Err(AppError::field(
                name,
                "invalid_type",
                "Giá trị phải là true hoặc false.",
            )),
        }
    };
    let dry_run = flag("dryRun", true)?;
    let only_valid = flag("onlyValid", false)?;
    let requested_unit = match upload
        .fields
        .get("unitId")
        .map(|v| v.trim())
        .filter(|v| !v.is_empty())
    {
        Some(v) => Some(
            v.parse::<i64>()
                .map_err(|_| AppError::field("unitId", "invalid_type", "Mã đơn vị phải là số."))?,
        ),
        None => None,
    };
    let default_unit = if auth.role.is_unit_scoped() {
        auth.unit_id
    } else {
        requested_unit
    };
    let table = web::block(move || sheet::read(&upload.bytes, LIMITS))
        .await
        .map_err(AppError::internal)??;
    let ctx = AuditContext::from(&auth);
    let today = crate::time::local_date(ctx.at);
    let principal = auth.principal;
    let report = state
        .db
        .run(move |conn| {
            let mut rows = check_rows(conn, &principal, &table, default_unit, today)?;
            let valid = rows.iter().filter(|r| r.input.is_some()).count();
            let errors = rows.len() - valid;
            if dry_run || valid == 0 || (errors > 0 && !only_valid) {
                return Ok(report(rows, dry_run, false));
            }
            write_rows(conn, &principal, &ctx, &mut rows)?;
            Ok(report(rows, false, true))
        })
        .await?;
    if !report.dry_run && !report.committed && report.error_rows > 0 {
        let errors = report
            .rows
            .iter()
            .flat_map(|row| row.errors.iter().map(|e| in_row(row.row, e.clone())))
            .collect();
        return Err(AppError::validation(errors).with_detail(format!(
            "{} dòng có lỗi nên chưa nhập dòng nào. Sửa tệp, hoặc chọn chỉ nhập các dòng hợp lệ.",
            report.error_rows
        )));
    }
    Ok(web::Json(report))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_usual_forms() {
        let day = DateCell::Day(NaiveDate::from_ymd_opt(2026, 3, 5).unwrap());
        assert_eq!(parse_date("05/03/2026"), day);
        assert_eq!(parse_date("5/3/2026"), day);
        assert_eq!(parse_date("2026-03-05"), day);
        assert_eq!(parse_date("2026-03-05T00:00:00"), day);
        assert_eq!(parse_date("ngày 5"), DateCell::NotADate);
        assert_eq!(parse_date("31/02/2026"), DateCell::NoSuchDay);
        assert_eq!(parse_date("2026-13-01"), DateCell::NoSuchDay);
        assert_eq!(parse_date("12/2026"), DateCell::NotADate);
    }
}
