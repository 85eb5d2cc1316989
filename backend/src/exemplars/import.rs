//! Importing exemplars an office already keeps in a spreadsheet (XLSX or CSV). Every row goes
//! through the same checks as the form. A dry run reports each row's problems and writes
//! nothing; a real import with problems writes nothing either, unless only the valid rows are
//! explicitly requested.

use std::io::Cursor;

use actix_web::{HttpRequest, post, web};
use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::dossiers::detail;
use super::model::{self, ExemplarInput, Initiative};
use super::types::{Category, SubjectKind};
use crate::audit::{self, AuditContext};
use crate::auth::roles::WriteExemplars;
use crate::auth::{Auth, Principal};
use crate::db::schema::{movements, units};
use crate::db::{DbConnection, search, write_transaction};
use crate::error::{AppError, AppResult, ErrorCode, FieldError};
use crate::http::upload;
use crate::state::AppState;

const MAX_ROWS: usize = 5000;

/// A column of the spreadsheet: its Vietnamese header (matched ignoring case and diacritics)
/// and the API field it fills.
struct Column {
    header: &'static str,
    field: &'static str,
    required: bool,
}

const COLUMNS: &[Column] = &[
    Column {
        header: "Tên điển hình",
        field: "name",
        required: true,
    },
    Column {
        header: "Đối tượng",
        field: "subjectKind",
        required: true,
    },
    Column {
        header: "Mã đơn vị",
        field: "unitId",
        required: false,
    },
    Column {
        header: "Phân loại",
        field: "category",
        required: true,
    },
    Column {
        header: "Lĩnh vực",
        field: "fieldOfWork",
        required: true,
    },
    Column {
        header: "Thành tích",
        field: "achievements",
        required: true,
    },
    Column {
        header: "Ngày phát hiện",
        field: "discoveredOn",
        required: true,
    },
    Column {
        header: "Chức vụ",
        field: "position",
        required: false,
    },
    Column {
        header: "Chức danh",
        field: "title",
        required: false,
    },
    Column {
        header: "Số thành viên",
        field: "memberCount",
        required: false,
    },
    Column {
        header: "Cách phát hiện",
        field: "discoveryMethod",
        required: false,
    },
    Column {
        header: "Người phát hiện",
        field: "discoveredBy",
        required: false,
    },
    Column {
        header: "Phong trào thi đua",
        field: "movementIds",
        required: false,
    },
    Column {
        header: "Sáng kiến",
        field: "initiatives",
        required: false,
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

/// Cells of the sheet as text, row by row.
fn read_table(bytes: &[u8]) -> AppResult<Vec<Vec<String>>> {
    let is_zip = bytes.starts_with(b"PK\x03\x04");
    if is_zip {
        let mut workbook: Xlsx<_> =
            calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|_| {
                AppError::new(ErrorCode::UnsupportedFileType)
                    .with_detail("Không đọc được tệp Excel (.xlsx).")
            })?;
        let range = workbook
            .worksheet_range_at(0)
            .ok_or_else(|| {
                AppError::new(ErrorCode::BadRequest)
                    .with_detail("Tệp Excel không có trang tính nào.")
            })?
            .map_err(|_| {
                AppError::new(ErrorCode::BadRequest)
                    .with_detail("Không đọc được trang tính đầu tiên.")
            })?;
        return Ok(range
            .rows()
            .map(|row| row.iter().map(cell_text).collect())
            .collect());
    }
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
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|record| {
            record
                .map(|r| r.iter().map(str::to_owned).collect())
                .map_err(|_| {
                    AppError::new(ErrorCode::BadRequest).with_detail("Tệp CSV sai định dạng.")
                })
        })
        .collect()
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => dt
            .as_datetime()
            .map(|d| d.date().format("%d/%m/%Y").to_string())
            .unwrap_or_default(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(_) => String::new(),
    }
}

fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    NaiveDate::parse_from_str(text, "%d/%m/%Y")
        .or_else(|_| NaiveDate::parse_from_str(text, "%d-%m-%Y"))
        .or_else(|_| NaiveDate::parse_from_str(text, "%Y-%m-%d"))
        .or_else(|_| NaiveDate::parse_from_str(text.get(..10).unwrap_or(""), "%Y-%m-%d"))
        .ok()
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
    let discovered_on = parse_date(get(6));
    if discovered_on.is_none() && !get(6).is_empty() {
        problem(
            6,
            "invalid_format",
            "Ngày phải có dạng dd/mm/yyyy.".to_owned(),
        );
    }
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

fn import_rows(
    conn: &mut DbConnection,
    principal: &Principal,
    ctx: &AuditContext,
    table: &[Vec<String>],
    default_unit: Option<i64>,
    write: bool,
) -> AppResult<ImportReport> {
    let headers: Vec<String> = table
        .first()
        .map(|row| row.iter().map(|h| search::fold(h)).collect())
        .unwrap_or_default();
    let header_index: Vec<Option<usize>> = COLUMNS
        .iter()
        .map(|c| headers.iter().position(|h| *h == search::fold(c.header)))
        .collect();
    let missing: Vec<FieldError> = COLUMNS
        .iter()
        .zip(&header_index)
        .filter(|(c, index)| c.required && index.is_none())
        .map(|(c, _)| FieldError::new(c.header, "missing_column", "Thiếu cột này ở dòng tiêu đề."))
        .collect();
    if !missing.is_empty() {
        return Err(AppError::validation(missing)
            .with_detail("Dòng đầu tiên phải là tiêu đề cột theo mẫu."));
    }
    let body: Vec<(usize, &Vec<String>)> = table
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(_, row)| row.iter().any(|c| !c.trim().is_empty()))
        .map(|(i, r)| (i + 1, r))
        .collect();
    if body.len() > MAX_ROWS {
        return Err(AppError::new(ErrorCode::PayloadTooLarge)
            .with_detail(format!("Mỗi lần nhập tối đa {MAX_ROWS} dòng.")));
    }
    let lookup = Lookup::load(conn)?;
    let mut rows = Vec::with_capacity(body.len());
    for (number, cells) in body {
        let name = Some(
            cells
                .get(header_index[0].unwrap_or(0))
                .map(|s| s.trim().to_owned())
                .unwrap_or_default(),
        )
        .filter(|s| !s.is_empty());
        let mut outcome = ImportRow {
            row: number,
            name,
            errors: Vec::new(),
            created_id: None,
        };
        let (input, read_errors) = to_input(cells, &header_index, &lookup, default_unit);
        let unreadable: Vec<&str> = read_errors.iter().map(|e| e.field.as_str()).collect();
        let kind_unreadable = unreadable.contains(&COLUMNS[1].header);
        let checked = crate::dossiers::api::checked(input, crate::time::local_date(ctx.at));
        if !read_errors.is_empty() {
            // Report what the form would say too, except about the cells already reported (and
            // about the fields that depend on an unreadable subject kind).
            let dependent = [COLUMNS[7].header, COLUMNS[8].header, COLUMNS[9].header];
            outcome.errors = read_errors.clone();
            if let Err(more) = checked {
                let already_said = |field: &str| {
                    unreadable.contains(&field) || (kind_unreadable && dependent.contains(&field))
                };
                outcome.errors.extend(
                    more.errors
                        .into_iter()
                        .map(to_column)
                        .filter(|e| !already_said(&e.field)),
                );
            }
        } else {
            let inserted = checked.map_err(|e| e.errors).and_then(|input| {
                conn.transaction(|conn| {
                    let id = model::insert(conn, principal, ctx.at, &input)?;
                    if write {
                        let exemplar = detail::load(conn, principal, id)?;
                        audit::record(
                            conn,
                            ctx,
                            audit::AuditAction::Import,
                            audit::EntityType::Exemplar,
                            Some(id),
                            None,
                            crate::dossiers::api::audit_snapshot(&exemplar),
                        )?;
                    }
                    Ok::<i64, AppError>(id)
                })
                .map_err(|e| {
                    if e.errors.is_empty() {
                        vec![FieldError::new(
                            "",
                            e.code.to_string(),
                            e.detail.unwrap_or_default(),
                        )]
                    } else {
                        e.errors
                    }
                })
            });
            match inserted {
                Ok(id) => outcome.created_id = Some(id),
                Err(errors) => outcome.errors = errors.into_iter().map(to_column).collect(),
            }
        }
        rows.push(outcome);
    }
    let error_rows = rows.iter().filter(|r| !r.errors.is_empty()).count();
    Ok(ImportReport {
        dry_run: !write,
        committed: false,
        total_rows: rows.len(),
        valid_rows: rows.len() - error_rows,
        error_rows,
        created: 0,
        rows,
    })
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
    let upload = upload::read(&req, payload, state.settings.max_upload_bytes).await?;
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
    let table = web::block(move || read_table(&upload.bytes))
        .await
        .map_err(AppError::internal)??;
    let ctx = AuditContext::from(&auth);
    let principal = auth.principal;
    let report = state
        .db
        .run(move |conn| {
            let mut kept: Option<ImportReport> = None;
            let outcome = write_transaction(conn, |conn| {
                let mut report =
                    import_rows(conn, &principal, &ctx, &table, default_unit, !dry_run)?;
                let commit =
                    !dry_run && (report.error_rows == 0 || only_valid) && report.valid_rows > 0;
                if commit {
                    report.committed = true;
                    report.created = report.valid_rows;
                    Ok(report)
                } else {
                    for row in &mut report.rows {
                        row.created_id = None;
                    }
                    kept = Some(report);
                    // Roll back everything the checks wrote.
                    Err(AppError::new(ErrorCode::Conflict))
                }
            });
            match (outcome, kept) {
                (Ok(report), _) => Ok(report),
                (Err(_), Some(report)) => Ok(report),
                (Err(error), None) => Err(error),
            }
        })
        .await?;
    if !report.dry_run && !report.committed && report.error_rows > 0 {
        let errors = report
            .rows
            .iter()
            .flat_map(|row| {
                row.errors.iter().map(move |e| {
                    FieldError::new(
                        format!("rows[{}].{}", row.row, e.field),
                        e.code.clone(),
                        e.message.clone(),
                    )
                })
            })
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
        let day = NaiveDate::from_ymd_opt(2026, 3, 5);
        assert_eq!(parse_date("05/03/2026"), day);
        assert_eq!(parse_date("5/3/2026"), day);
        assert_eq!(parse_date("2026-03-05"), day);
        assert_eq!(parse_date("2026-03-05T00:00:00"), day);
        assert_eq!(parse_date("ngày 5"), None);
    }

    #[test]
    fn csv_with_semicolons_and_bom() {
        let table =
            read_table("\u{feff}Tên điển hình;Đối tượng\nNguyễn Văn An;Cá nhân\n".as_bytes())
                .unwrap();
        assert_eq!(
            table,
            vec![
                vec!["Tên điển hình", "Đối tượng"],
                vec!["Nguyễn Văn An", "Cá nhân"]
            ]
        );
    }
}
