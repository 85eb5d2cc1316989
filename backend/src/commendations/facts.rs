//! The facts eligibility rules read, recorded by the Office (or imported from a spreadsheet, or
//! written by the Department's own decisions): the titles and awards people and collectives hold
//! by year, and discipline records with pending cases (discipline, inspection, complaint,
//! investigation). A fact names its subject by name and unit, optionally an exemplar; nominees
//! are matched on the exemplar, else on the folded name and unit.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::proposals::subject_key;
use super::types::CommendationType;
use crate::db::schema::{award_forms, discipline_records, exemplars, title_records, units};
use crate::db::{DbConnection, search};
use crate::error::{AppError, AppResult, FieldError};
use crate::exemplars::types::SubjectKind;
use crate::http::etag::IfMatch;
use crate::time::Day;
use crate::{text_enum, versioned_delete, versioned_update};

text_enum!(
    /// Where a title record comes from.
    pub enum FactSource {
        Manual = "manual" / "Nhập tay",
        Import = "import" / "Nhập từ tệp",
        /// Written by a decision recorded in Lan Tỏa.
        Decision = "decision" / "Theo quyết định trong Lan Tỏa",
    }
);

text_enum!(
    /// A discipline record or a pending case.
    pub enum DisciplineKind {
        /// A disciplinary measure in force from `startsOn` to `endsOn`.
        Discipline = "discipline" / "Kỷ luật",
        /// Đang bị xem xét kỷ luật.
        PendingDiscipline = "pending_discipline" / "Đang xem xét kỷ luật",
        /// Đang bị thanh tra, kiểm tra.
        PendingInspection = "pending_inspection" / "Đang thanh tra, kiểm tra",
        /// Đang có đơn thư khiếu nại, tố cáo chưa giải quyết.
        PendingComplaint = "pending_complaint" / "Đang giải quyết khiếu nại, tố cáo",
        /// Đang bị điều tra.
        PendingInvestigation = "pending_investigation" / "Đang điều tra",
    }
);

impl DisciplineKind {
    pub fn is_pending(self) -> bool {
        self != DisciplineKind::Discipline
    }
}

text_enum!(
    /// Disciplinary measures, lightest first.
    pub enum DisciplineLevel {
        KhienTrach = "khien_trach" / "Khiển trách",
        CanhCao = "canh_cao" / "Cảnh cáo",
        HaBacLuong = "ha_bac_luong" / "Hạ bậc lương",
        GiangChuc = "giang_chuc" / "Giáng chức",
        CachChuc = "cach_chuc" / "Cách chức",
        BuocThoiViec = "buoc_thoi_viec" / "Buộc thôi việc",
    }
);

impl DisciplineLevel {
    pub fn rank(self) -> usize {
        DisciplineLevel::ALL
            .iter()
            .position(|l| *l == self)
            .unwrap_or(0)
    }
}

/// A title or award held by a person or a collective in a year.
#[derive(Debug, Clone, Serialize, ToSchema, Queryable, Selectable)]
#[diesel(table_name = title_records)]
#[serde(rename_all = "camelCase")]
pub struct TitleRecord {
    pub id: i64,
    pub subject_kind: SubjectKind,
    pub full_name: String,
    pub unit_id: Option<i64>,
    pub workplace: String,
    pub exemplar_id: Option<i64>,
    #[serde(skip)]
    pub subject_key: String,
    /// The award form's code (`LDTT`, `CSTDCS`…).
    pub title_code: String,
    pub year: i32,
    /// The kind of commendation it came from: đột xuất and chuyên đề awards do not count towards
    /// a higher award for merit.
    pub commendation_type: CommendationType,
    /// "Quyết định số 15/QĐ-STP".
    pub decision_ref: Option<String>,
    pub decided_on: Option<NaiveDate>,
    pub proposal_id: Option<i64>,
    pub source: FactSource,
    pub version: i32,
    #[serde(serialize_with = "crate::time::serialize_utc")]
    #[schema(value_type = chrono::DateTime<chrono::Utc>)]
    pub created_at: NaiveDateTime,
    #[serde(serialize_with = "crate::time::serialize_utc")]
    #[schema(value_type = chrono::DateTime<chrono::Utc>)]
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TitleRecordInput {
    pub subject_kind: SubjectKind,
    #[validate(length(min = 2, max = 300))]
    #[schema(min_length = 2, max_length = 300)]
    pub full_name: String,
    pub unit_id: Option<i64>,
    /// Đơn vị công tác; default: the unit's name.
    #[validate(length(max = 300))]
    #[schema(max_length = 300)]
    pub workplace: Option<String>,
    pub exemplar_id: Option<i64>,
    #[validate(length(min = 2, max = 30))]
    #[schema(min_length = 2, max_length = 30, example = "LDTT")]
    pub title_code: String,
    #[validate(range(min = 1990, max = 2100))]
    #[schema(minimum = 1990, maximum = 2100)]
    pub year: i32,
    pub commendation_type: CommendationType,
    #[validate(length(max = 200))]
    #[schema(max_length = 200)]
    pub decision_ref: Option<String>,
    pub decided_on: Option<Day>,
}

/// A discipline record or a pending case.
#[derive(Debug, Clone, Serialize, ToSchema, Queryable, Selectable)]
#[diesel(table_name = discipline_records)]
#[serde(rename_all = "camelCase")]
pub struct DisciplineRecord {
    pub id: i64,
    pub full_name: String,
    pub unit_id: Option<i64>,
    pub workplace: String,
    pub exemplar_id: Option<i64>,
    #[serde(skip)]
    pub subject_key: String,
    pub kind: DisciplineKind,
    /// For `discipline`.
    pub level: Option<DisciplineLevel>,
    pub starts_on: NaiveDate,
    /// When the measure ends, or the case was closed; `null`: still in force or open.
    pub ends_on: Option<NaiveDate>,
    pub note: Option<String>,
    pub version: i32,
    #[serde(serialize_with = "crate::time::serialize_utc")]
    #[schema(value_type = chrono::DateTime<chrono::Utc>)]
    pub created_at: NaiveDateTime,
    #[serde(serialize_with = "crate::time::serialize_utc")]
    #[schema(value_type = chrono::DateTime<chrono::Utc>)]
    pub updated_at: NaiveDateTime,
}

impl DisciplineRecord {
    /// Whether the record touches the calendar year `year`.
    pub fn overlaps_year(&self, year: i32) -> bool {
        let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default();
        let last = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or_default();
        self.starts_on <= last && self.ends_on.is_none_or(|end| end >= first)
    }

    /// A pending case still open on `day`.
    pub fn open_on(&self, day: NaiveDate) -> bool {
        self.kind.is_pending() && self.starts_on <= day && self.ends_on.is_none_or(|end| end >= day)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DisciplineRecordInput {
    #[validate(length(min = 2, max = 300))]
    #[schema(min_length = 2, max_length = 300)]
    pub full_name: String,
    pub unit_id: Option<i64>,
    #[validate(length(max = 300))]
    #[schema(max_length = 300)]
    pub workplace: Option<String>,
    pub exemplar_id: Option<i64>,
    pub kind: DisciplineKind,
    /// Required for `discipline`, empty otherwise.
    pub level: Option<DisciplineLevel>,
    pub starts_on: Day,
    pub ends_on: Option<Day>,
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub note: Option<String>,
}

impl DisciplineRecordInput {
    pub fn extra_errors(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        match (self.kind, self.level) {
            (DisciplineKind::Discipline, None) => errors.push(FieldError::new(
                "level",
                "required",
                "Ghi hình thức kỷ luật.",
            )),
            (kind, Some(_)) if kind.is_pending() => errors.push(FieldError::new(
                "level",
                "not_applicable",
                "Vụ việc đang xem xét chưa có hình thức kỷ luật.",
            )),
            _ => {}
        }
        if let Some(end) = self.ends_on
            && end < self.starts_on
        {
            errors.push(FieldError::new(
                "endsOn",
                "range",
                "Ngày kết thúc không trước ngày bắt đầu.",
            ));
        }
        if self.unit_id.is_none()
            && self
                .workplace
                .as_deref()
                .is_none_or(|w| w.trim().is_empty())
        {
            errors.push(FieldError::new(
                "workplace",
                "required",
                "Ghi đơn vị công tác.",
            ));
        }
        errors
    }
}

impl TitleRecordInput {
    pub fn extra_errors(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if self.unit_id.is_none()
            && self
                .workplace
                .as_deref()
                .is_none_or(|w| w.trim().is_empty())
        {
            errors.push(FieldError::new(
                "workplace",
                "required",
                "Ghi đơn vị công tác.",
            ));
        }
        errors
    }
}

/// Filters of the fact lists.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct FactQuery {
    /// Name, ignoring case and diacritics.
    pub q: Option<String>,
    pub unit_id: Option<i64>,
    pub year: Option<i32>,
    /// Title records: the award form code.
    pub title_code: Option<String>,
    pub page: Option<i64>,
    pub page_size: Option<i64>,
}

/// The subject's unit name, workplace and key; checks the unit, the exemplar and the title code.
fn subject(
    conn: &mut DbConnection,
    full_name: &str,
    unit_id: Option<i64>,
    workplace: Option<&str>,
    exemplar_id: Option<i64>,
) -> AppResult<(String, String)> {
    let workplace = match (workplace.map(str::trim).filter(|w| !w.is_empty()), unit_id) {
        (Some(text), _) => text.to_owned(),
        (None, Some(unit)) => units::table
            .find(unit)
            .select(units::name)
            .first::<String>(conn)
            .optional()?
            .ok_or_else(|| AppError::field("unitId", "not_found", "Không có đơn vị này."))?,
        (None, None) => String::new(),
    };
    if let Some(unit) = unit_id {
        let exists: i64 = units::table.find(unit).count().get_result(conn)?;
        if exists == 0 {
            return Err(AppError::field(
                "unitId",
                "not_found",
                "Không có đơn vị này.",
            ));
        }
    }
    if let Some(exemplar) = exemplar_id {
        let exists: i64 = exemplars::table.find(exemplar).count().get_result(conn)?;
        if exists == 0 {
            return Err(AppError::field(
                "exemplarId",
                "not_found",
                "Không có điển hình này.",
            ));
        }
    }
    let key = subject_key(full_name.trim(), unit_id, &workplace);
    Ok((workplace, key))
}

pub fn check_title_code(conn: &mut DbConnection, code: &str) -> AppResult<()> {
    let known: i64 = award_forms::table
        .filter(award_forms::code.eq(code))
        .count()
        .get_result(conn)?;
    if known == 0 {
        return Err(AppError::field(
            "titleCode",
            "not_found",
            "Không có danh hiệu, hình thức khen thưởng mã này trong danh mục.",
        ));
    }
    Ok(())
}

pub fn insert_title(
    conn: &mut DbConnection,
    now: NaiveDateTime,
    input: &TitleRecordInput,
    source: FactSource,
    proposal_id: Option<i64>,
) -> AppResult<i64> {
    let code = input.title_code.trim().to_uppercase();
    check_title_code(conn, &code)?;
    let (workplace, key) = subject(
        conn,
        &input.full_name,
        input.unit_id,
        input.workplace.as_deref(),
        input.exemplar_id,
    )?;
    Ok(diesel::insert_into(title_records::table)
        .values((
            title_records::subject_kind.eq(input.subject_kind),
            title_records::full_name.eq(input.full_name.trim()),
            title_records::unit_id.eq(input.unit_id),
            title_records::workplace.eq(&workplace),
            title_records::exemplar_id.eq(input.exemplar_id),
            title_records::subject_key.eq(&key),
            title_records::title_code.eq(&code),
            title_records::year.eq(input.year),
            title_records::commendation_type.eq(input.commendation_type),
            title_records::decision_ref.eq(input.decision_ref.as_deref().map(str::trim)),
            title_records::decided_on.eq(input.decided_on.map(|d| d.0)),
            title_records::proposal_id.eq(proposal_id),
            title_records::source.eq(source),
            title_records::search_text.eq(search::document([
                input.full_name.as_str(),
                workplace.as_str(),
            ])),
            title_records::version.eq(1),
            title_records::created_at.eq(now),
            title_records::updated_at.eq(now),
        ))
        .returning(title_records::id)
        .get_result(conn)?)
}

pub fn update_title(
    conn: &mut DbConnection,
    current: &TitleRecord,
    if_match: IfMatch,
    now: NaiveDateTime,
    input: &TitleRecordInput,
) -> AppResult<()> {
    let expected = if_match.expect(current.version)?;
    let code = input.title_code.trim().to_uppercase();
    check_title_code(conn, &code)?;
    let (workplace, key) = subject(
        conn,
        &input.full_name,
        input.unit_id,
        input.workplace.as_deref(),
        input.exemplar_id,
    )?;
    versioned_update!(
        conn,
        title_records,
        current.id,
        expected,
        now,
        (
            title_records::subject_kind.eq(input.subject_kind),
            title_records::full_name.eq(input.full_name.trim()),
            title_records::unit_id.eq(input.unit_id),
            title_records::workplace.eq(&workplace),
            title_records::exemplar_id.eq(input.exemplar_id),
            title_records::subject_key.eq(&key),
            title_records::title_code.eq(&code),
            title_records::year.eq(input.year),
            title_records::commendation_type.eq(input.commendation_type),
            title_records::decision_ref.eq(input.decision_ref.as_deref().map(str::trim)),
            title_records::decided_on.eq(input.decided_on.map(|d| d.0)),
            title_records::search_text.eq(search::document([
                input.full_name.as_str(),
                workplace.as_str()
            ])),
        )
    )?;
    Ok(())
}

pub fn find_title(conn: &mut DbConnection, id: i64) -> AppResult<TitleRecord> {
    title_records::table
        .find(id)
        .select(TitleRecord::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::not_found("danh hiệu đã đạt"))
}

pub fn delete_title(
    conn: &mut DbConnection,
    current: &TitleRecord,
    if_match: IfMatch,
) -> AppResult<()> {
    let expected = if_match.expect(current.version)?;
    versioned_delete!(conn, title_records, current.id, expected)
}

pub fn list_titles(
    conn: &mut DbConnection,
    q: &FactQuery,
    offset: i64,
    limit: i64,
) -> AppResult<(Vec<TitleRecord>, i64)> {
    let filtered = || {
        let mut query = title_records::table.into_boxed();
        for pattern in
            q.q.as_deref()
                .map(search::like_patterns)
                .unwrap_or_default()
        {
            query = query.filter(title_records::search_text.like(pattern).escape('\\'));
        }
        if let Some(unit) = q.unit_id {
            query = query.filter(title_records::unit_id.eq(unit));
        }
        if let Some(year) = q.year {
            query = query.filter(title_records::year.eq(year));
        }
        if let Some(code) = &q.title_code {
            query = query.filter(title_records::title_code.eq(code.trim().to_uppercase()));
        }
        query
    };
    let total: i64 = filtered().count().get_result(conn)?;
    let items = filtered()
        .order((title_records::year.desc(), title_records::id.desc()))
        .offset(offset)
        .limit(limit)
        .select(TitleRecord::as_select())
        .load(conn)?;
    Ok((items, total))
}

pub fn insert_discipline(
    conn: &mut DbConnection,
    now: NaiveDateTime,
    input: &DisciplineRecordInput,
) -> AppResult<i64> {
    let (workplace, key) = subject(
        conn,
        &input.full_name,
        input.unit_id,
        input.workplace.as_deref(),
        input.exemplar_id,
    )?;
    Ok(diesel::insert_into(discipline_records::table)
        .values((
            discipline_records::full_name.eq(input.full_name.trim()),
            discipline_records::unit_id.eq(input.unit_id),
            discipline_records::workplace.eq(&workplace),
            discipline_records::exemplar_id.eq(input.exemplar_id),
            discipline_records::subject_key.eq(&key),
            discipline_records::kind.eq(input.kind),
            discipline_records::level.eq(input.level),
            discipline_records::starts_on.eq(input.starts_on.0),
            discipline_records::ends_on.eq(input.ends_on.map(|d| d.0)),
            discipline_records::note.eq(input.note.as_deref().map(str::trim)),
            discipline_records::search_text.eq(search::document([
                input.full_name.as_str(),
                workplace.as_str(),
            ])),
            discipline_records::version.eq(1),
            discipline_records::created_at.eq(now),
            discipline_records::updated_at.eq(now),
        ))
        .returning(discipline_records::id)
        .get_result(conn)?)
}

pub fn update_discipline(
    conn: &mut DbConnection,
    current: &DisciplineRecord,
    if_match: IfMatch,
    now: NaiveDateTime,
    input: &DisciplineRecordInput,
) -> AppResult<()> {
    let expected = if_match.expect(current.version)?;
    let (workplace, key) = subject(
        conn,
        &input.full_name,
        input.unit_id,
        input.workplace.as_deref(),
        input.exemplar_id,
    )?;
    versioned_update!(
        conn,
        discipline_records,
        current.id,
        expected,
        now,
        (
            discipline_records::full_name.eq(input.full_name.trim()),
            discipline_records::unit_id.eq(input.unit_id),
            discipline_records::workplace.eq(&workplace),
            discipline_records::exemplar_id.eq(input.exemplar_id),
            discipline_records::subject_key.eq(&key),
            discipline_records::kind.eq(input.kind),
            discipline_records::level.eq(input.level),
            discipline_records::starts_on.eq(input.starts_on.0),
            discipline_records::ends_on.eq(input.ends_on.map(|d| d.0)),
            discipline_records::note.eq(input.note.as_deref().map(str::trim)),
            discipline_records::search_text.eq(search::document([
                input.full_name.as_str(),
                workplace.as_str()
            ])),
        )
    )?;
    Ok(())
}

pub fn find_discipline(conn: &mut DbConnection, id: i64) -> AppResult<DisciplineRecord> {
    discipline_records::table
        .find(id)
        .select(DisciplineRecord::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::not_found("hồ sơ kỷ luật"))
}

pub fn delete_discipline(
    conn: &mut DbConnection,
    current: &DisciplineRecord,
    if_match: IfMatch,
) -> AppResult<()> {
    let expected = if_match.expect(current.version)?;
    versioned_delete!(conn, discipline_records, current.id, expected)
}

pub fn list_discipline(
    conn: &mut DbConnection,
    q: &FactQuery,
    offset: i64,
    limit: i64,
) -> AppResult<(Vec<DisciplineRecord>, i64)> {
    let filtered = || {
        let mut query = discipline_records::table.into_boxed();
        for pattern in
            q.q.as_deref()
                .map(search::like_patterns)
                .unwrap_or_default()
        {
            query = query.filter(discipline_records::search_text.like(pattern).escape('\\'));
        }
        if let Some(unit) = q.unit_id {
            query = query.filter(discipline_records::unit_id.eq(unit));
        }
        if let Some(year) = q.year {
            let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default();
            let last = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or_default();
            query = query.filter(discipline_records::starts_on.le(last)).filter(
                discipline_records::ends_on
                    .is_null()
                    .or(discipline_records::ends_on.ge(first)),
            );
        }
        query
    };
    let total: i64 = filtered().count().get_result(conn)?;
    let items = filtered()
        .order((
            discipline_records::starts_on.desc(),
            discipline_records::id.desc(),
        ))
        .offset(offset)
        .limit(limit)
        .select(DisciplineRecord::as_select())
        .load(conn)?;
    Ok((items, total))
}

/// The titles of a subject (by exemplar or by key).
pub fn titles_of(
    conn: &mut DbConnection,
    key: &str,
    exemplar_id: Option<i64>,
) -> AppResult<Vec<TitleRecord>> {
    let mut query = title_records::table
        .select(TitleRecord::as_select())
        .into_boxed();
    query = match exemplar_id {
        Some(exemplar) => query.filter(
            title_records::subject_key
                .eq(key.to_owned())
                .or(title_records::exemplar_id.eq(exemplar)),
        ),
        None => query.filter(title_records::subject_key.eq(key.to_owned())),
    };
    Ok(query.load(conn)?)
}

/// The discipline records of a subject (by exemplar or by key).
pub fn discipline_of(
    conn: &mut DbConnection,
    key: &str,
    exemplar_id: Option<i64>,
) -> AppResult<Vec<DisciplineRecord>> {
    let mut query = discipline_records::table
        .select(DisciplineRecord::as_select())
        .into_boxed();
    query = match exemplar_id {
        Some(exemplar) => query.filter(
            discipline_records::subject_key
                .eq(key.to_owned())
                .or(discipline_records::exemplar_id.eq(exemplar)),
        ),
        None => query.filter(discipline_records::subject_key.eq(key.to_owned())),
    };
    Ok(query.load(conn)?)
}

/// Individuals of a unit holding `title_code` in `year` (distinct people).
pub fn unit_title_holders(
    conn: &mut DbConnection,
    unit_id: i64,
    year: i32,
    title_code: &str,
) -> AppResult<Vec<TitleRecord>> {
    let mut rows: Vec<TitleRecord> = title_records::table
        .filter(title_records::unit_id.eq(unit_id))
        .filter(title_records::year.eq(year))
        .filter(title_records::title_code.eq(title_code))
        .filter(title_records::subject_kind.eq(SubjectKind::Individual))
        .select(TitleRecord::as_select())
        .load(conn)?;
    rows.sort_by(|a, b| a.subject_key.cmp(&b.subject_key));
    rows.dedup_by(|a, b| a.subject_key == b.subject_key);
    Ok(rows)
}

/// Discipline records of the people of a unit.
pub fn unit_discipline(conn: &mut DbConnection, unit_id: i64) -> AppResult<Vec<DisciplineRecord>> {
    Ok(discipline_records::table
        .filter(discipline_records::unit_id.eq(unit_id))
        .select(DisciplineRecord::as_select())
        .load(conn)?)
}
