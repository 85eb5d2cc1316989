//! Criteria sets: versioned rubrics exemplars are evaluated against. A published version is
//! frozen; changes make a new draft version. An evaluation keeps the version it used.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::auth::{Principal, Role};
use crate::db::DbConnection;
use crate::db::schema::{criteria, criteria_sets, evaluations};
use crate::error::{AppError, AppResult, ErrorCode, FieldError};
use crate::exemplars::types::SubjectKind;
use crate::http::etag::IfMatch;
use crate::{text_enum, versioned_delete, versioned_update};

text_enum!(
    /// How a criterion is judged.
    pub enum CriterionMode {
        /// Met or not met.
        PassFail = "pass_fail" / "Đạt / Không đạt",
        /// A score from 0 to `maxScore`.
        Score = "score" / "Chấm điểm",
    }
);

text_enum!(
    /// The life of a criteria set version.
    pub enum SetStatus {
        /// Being prepared; editable, not yet usable for evaluations.
        Draft = "draft" / "Dự thảo",
        /// In use; frozen.
        Published = "published" / "Đang áp dụng",
        /// Replaced by a newer version; kept for the evaluations that used it.
        Retired = "retired" / "Hết hiệu lực",
    }
);

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Criterion {
    pub id: i64,
    pub position: i32,
    pub text: String,
    /// What evidence to look for.
    pub guidance: Option<String>,
    pub weight: i32,
    pub mode: CriterionMode,
    /// For `score` mode.
    pub max_score: Option<i32>,
}

/// One version of a criteria set.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CriteriaSet {
    pub id: i64,
    /// Identifies the set across its versions (`TCC-CN`).
    pub code: String,
    pub version_no: i32,
    pub name: String,
    pub subject_kind: SubjectKind,
    pub description: Option<String>,
    pub status: SetStatus,
    /// Percentage at or above which (with every pass/fail criterion met) the conclusion is "đạt".
    pub pass_threshold: i32,
    /// Percentage at or above which an exemplar that has not passed "cần bồi dưỡng thêm".
    pub nurture_threshold: i32,
    pub published_at: Option<DateTime<Utc>>,
    pub criteria: Vec<Criterion>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A short reference to a criteria set version.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CriteriaSetRef {
    pub id: i64,
    pub code: String,
    pub version_no: i32,
    pub name: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CriterionInput {
    #[validate(length(min = 3, max = 2000))]
    #[schema(min_length = 3, max_length = 2000)]
    pub text: String,
    #[validate(length(max = 4000))]
    #[schema(max_length = 4000)]
    pub guidance: Option<String>,
    #[validate(range(min = 1, max = 100))]
    #[schema(minimum = 1, maximum = 100)]
    pub weight: i32,
    pub mode: CriterionMode,
    /// Required for `score` mode (1–100); empty for `pass_fail`.
    #[validate(range(min = 1, max = 100))]
    #[schema(minimum = 1, maximum = 100)]
    pub max_score: Option<i32>,
}

#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CriteriaSetInput {
    /// A new code starts a new set; an existing code adds a new version of it.
    #[validate(length(min = 2, max = 30))]
    #[schema(min_length = 2, max_length = 30, example = "TCC-CN")]
    pub code: String,
    #[validate(length(min = 3, max = 300))]
    #[schema(min_length = 3, max_length = 300)]
    pub name: String,
    pub subject_kind: SubjectKind,
    #[validate(length(max = 4000))]
    #[schema(max_length = 4000)]
    pub description: Option<String>,
    #[validate(range(min = 1, max = 100))]
    #[schema(minimum = 1, maximum = 100)]
    pub pass_threshold: i32,
    #[validate(range(min = 0, max = 100))]
    #[schema(minimum = 0, maximum = 100)]
    pub nurture_threshold: i32,
    #[validate(length(min = 1, max = 30), nested)]
    #[schema(min_items = 1, max_items = 30)]
    pub criteria: Vec<CriterionInput>,
}

impl CriteriaSetInput {
    pub fn normalized(mut self) -> Self {
        self.code = self.code.trim().to_uppercase();
        self.name = self.name.trim().to_owned();
        self.description = self
            .description
            .map(|d| d.trim().to_owned())
            .filter(|d| !d.is_empty());
        for c in &mut self.criteria {
            c.text = c.text.trim().to_owned();
            c.guidance = c
                .guidance
                .take()
                .map(|g| g.trim().to_owned())
                .filter(|g| !g.is_empty());
        }
        self
    }

    pub fn extra_errors(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if self.nurture_threshold > self.pass_threshold {
            errors.push(FieldError::new(
                "nurtureThreshold",
                "range",
                "Ngưỡng cần bồi dưỡng phải thấp hơn ngưỡng đạt.",
            ));
        }
        for (i, c) in self.criteria.iter().enumerate() {
            match (c.mode, c.max_score) {
                (CriterionMode::Score, None) => errors.push(FieldError::new(
                    format!("criteria[{i}].maxScore"),
                    "required",
                    "Tiêu chí chấm điểm cần điểm tối đa.",
                )),
                (CriterionMode::PassFail, Some(_)) => errors.push(FieldError::new(
                    format!("criteria[{i}].maxScore"),
                    "not_applicable",
                    "Tiêu chí đạt/không đạt không có điểm tối đa.",
                )),
                _ => {}
            }
        }
        errors
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = criteria_sets)]
pub struct SetRow {
    pub id: i64,
    pub code: String,
    pub version_no: i32,
    pub name: String,
    pub subject_kind: SubjectKind,
    pub description: Option<String>,
    pub status: SetStatus,
    pub pass_threshold: i32,
    pub nurture_threshold: i32,
    pub published_at: Option<NaiveDateTime>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl SetRow {
    /// The visibility rule of criteria sets: drafts are seen by those who edit them (admin and
    /// the Office); everyone else sees published and retired versions only.
    pub fn visible_to(&self, principal: &Principal) -> bool {
        self.status != SetStatus::Draft || sees_drafts(principal)
    }

    pub fn reference(&self) -> CriteriaSetRef {
        CriteriaSetRef {
            id: self.id,
            code: self.code.clone(),
            version_no: self.version_no,
            name: self.name.clone(),
        }
    }
}

pub fn criteria_of(conn: &mut DbConnection, set_id: i64) -> AppResult<Vec<Criterion>> {
    type Row = (
        i64,
        i32,
        String,
        Option<String>,
        i32,
        CriterionMode,
        Option<i32>,
    );
    let rows: Vec<Row> = criteria::table
        .filter(criteria::set_id.eq(set_id))
        .order(criteria::position.asc())
        .select((
            criteria::id,
            criteria::position,
            criteria::text,
            criteria::guidance,
            criteria::weight,
            criteria::mode,
            criteria::max_score,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(id, position, text, guidance, weight, mode, max_score)| Criterion {
                id,
                position,
                text,
                guidance,
                weight,
                mode,
                max_score,
            },
        )
        .collect())
}

fn to_set(conn: &mut DbConnection, row: SetRow) -> AppResult<CriteriaSet> {
    Ok(CriteriaSet {
        criteria: criteria_of(conn, row.id)?,
        id: row.id,
        subject_kind: row.subject_kind,
        status: row.status,
        code: row.code,
        version_no: row.version_no,
        name: row.name,
        description: row.description,
        pass_threshold: row.pass_threshold,
        nurture_threshold: row.nurture_threshold,
        published_at: row.published_at.map(|t| t.and_utc()),
        version: row.version,
        created_at: row.created_at.and_utc(),
        updated_at: row.updated_at.and_utc(),
    })
}

pub fn find_row(conn: &mut DbConnection, id: i64) -> AppResult<SetRow> {
    criteria_sets::table
        .find(id)
        .select(SetRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::not_found("bộ tiêu chí"))
}

pub fn find(conn: &mut DbConnection, id: i64) -> AppResult<CriteriaSet> {
    let row = find_row(conn, id)?;
    to_set(conn, row)
}

fn sees_drafts(principal: &Principal) -> bool {
    matches!(principal.role, Role::Admin | Role::Office)
}

/// A set `principal` may read (a hidden draft is "not found").
pub fn find_visible(
    conn: &mut DbConnection,
    principal: &Principal,
    id: i64,
) -> AppResult<CriteriaSet> {
    let row = find_row(conn, id)?;
    if !row.visible_to(principal) {
        return Err(AppError::not_found("bộ tiêu chí"));
    }
    to_set(conn, row)
}

/// The sets `principal` may read, by [`SetRow::visible_to`].
pub fn list(
    conn: &mut DbConnection,
    principal: &Principal,
    subject_kind: Option<SubjectKind>,
    status: Option<SetStatus>,
) -> AppResult<Vec<CriteriaSet>> {
    let mut query = criteria_sets::table
        .select(SetRow::as_select())
        .into_boxed();
    if let Some(kind) = subject_kind {
        query = query.filter(criteria_sets::subject_kind.eq(kind));
    }
    if let Some(status) = status {
        query = query.filter(criteria_sets::status.eq(status));
    }
    if !sees_drafts(principal) {
        query = query.filter(criteria_sets::status.ne(SetStatus::Draft));
    }
    let rows: Vec<SetRow> = query
        .order((criteria_sets::code.asc(), criteria_sets::version_no.desc()))
        .load(conn)?;
    rows.into_iter().map(|row| to_set(conn, row)).collect()
}

/// The set used when an evaluation names none: the most recently published for the subject kind.
pub fn current_for(conn: &mut DbConnection, subject_kind: SubjectKind) -> AppResult<SetRow> {
    criteria_sets::table
        .filter(criteria_sets::subject_kind.eq(subject_kind))
        .filter(criteria_sets::status.eq(SetStatus::Published))
        .order((criteria_sets::published_at.desc(), criteria_sets::id.desc()))
        .select(SetRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| {
            AppError::new(ErrorCode::Conflict).with_detail(format!(
                "Chưa có bộ tiêu chí nào đang áp dụng cho đối tượng {}.",
                subject_kind.label().to_lowercase()
            ))
        })
}

fn write_criteria(conn: &mut DbConnection, set_id: i64, items: &[CriterionInput]) -> AppResult<()> {
    diesel::delete(criteria::table.filter(criteria::set_id.eq(set_id))).execute(conn)?;
    for (position, c) in items.iter().enumerate() {
        diesel::insert_into(criteria::table)
            .values((
                criteria::set_id.eq(set_id),
                criteria::position.eq(position as i32 + 1),
                criteria::text.eq(&c.text),
                criteria::guidance.eq(&c.guidance),
                criteria::weight.eq(c.weight),
                criteria::mode.eq(c.mode),
                criteria::max_score.eq(c.max_score),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Creates a draft: version 1 of a new code, or the next version of an existing one.
pub fn insert_draft(
    conn: &mut DbConnection,
    now: NaiveDateTime,
    input: &CriteriaSetInput,
) -> AppResult<i64> {
    let latest: Option<(i32, SubjectKind)> = criteria_sets::table
        .filter(criteria_sets::code.eq(&input.code))
        .order(criteria_sets::version_no.desc())
        .select((criteria_sets::version_no, criteria_sets::subject_kind))
        .first(conn)
        .optional()?;
    if let Some((_, kind)) = latest
        && kind != input.subject_kind
    {
        return Err(AppError::field(
            "subjectKind",
            "mismatch",
            "Các phiên bản của cùng một bộ tiêu chí phải cùng đối tượng.",
        ));
    }
    let drafts: i64 = criteria_sets::table
        .filter(criteria_sets::code.eq(&input.code))
        .filter(criteria_sets::status.eq(SetStatus::Draft))
        .count()
        .get_result(conn)?;
    if drafts > 0 {
        return Err(AppError::new(ErrorCode::Conflict)
            .with_detail("Bộ tiêu chí này đang có một bản dự thảo; hãy sửa hoặc công bố bản đó."));
    }
    let id = diesel::insert_into(criteria_sets::table)
        .values((
            criteria_sets::code.eq(&input.code),
            criteria_sets::version_no.eq(latest.map(|(v, _)| v + 1).unwrap_or(1)),
            criteria_sets::name.eq(&input.name),
            criteria_sets::subject_kind.eq(input.subject_kind),
            criteria_sets::description.eq(&input.description),
            criteria_sets::status.eq(SetStatus::Draft),
            criteria_sets::pass_threshold.eq(input.pass_threshold),
            criteria_sets::nurture_threshold.eq(input.nurture_threshold),
            criteria_sets::version.eq(1),
            criteria_sets::created_at.eq(now),
            criteria_sets::updated_at.eq(now),
        ))
        .returning(criteria_sets::id)
        .get_result(conn)?;
    write_criteria(conn, id, &input.criteria)?;
    Ok(id)
}

fn ensure_draft(row: &SetRow) -> AppResult<()> {
    if row.status != SetStatus::Draft {
        return Err(AppError::new(ErrorCode::Conflict)
            .with_detail("Bộ tiêu chí đã công bố không sửa được; hãy tạo phiên bản mới."));
    }
    Ok(())
}

pub fn update_draft(
    conn: &mut DbConnection,
    current: &SetRow,
    if_match: IfMatch,
    now: NaiveDateTime,
    input: &CriteriaSetInput,
) -> AppResult<()> {
    ensure_draft(current)?;
    let expected = if_match.expect(current.version)?;
    if input.code != current.code || input.subject_kind != current.subject_kind {
        return Err(AppError::field(
            "code",
            "immutable",
            "Không đổi được mã và đối tượng của một phiên bản; hãy tạo bộ tiêu chí mới.",
        ));
    }
    versioned_update!(
        conn,
        criteria_sets,
        current.id,
        expected,
        now,
        (
            criteria_sets::name.eq(&input.name),
            criteria_sets::description.eq(&input.description),
            criteria_sets::pass_threshold.eq(input.pass_threshold),
            criteria_sets::nurture_threshold.eq(input.nurture_threshold),
        )
    )?;
    write_criteria(conn, current.id, &input.criteria)
}

/// Publishes a draft; the previously published version of the same code is retired.
pub fn publish(
    conn: &mut DbConnection,
    current: &SetRow,
    if_match: IfMatch,
    now: NaiveDateTime,
) -> AppResult<()> {
    ensure_draft(current)?;
    let expected = if_match.expect(current.version)?;
    versioned_update!(
        conn,
        criteria_sets,
        current.id,
        expected,
        now,
        (
            criteria_sets::status.eq(SetStatus::Published),
            criteria_sets::published_at.eq(Some(now)),
        )
    )?;
    let previous: Vec<(i64, i32)> = criteria_sets::table
        .filter(criteria_sets::code.eq(&current.code))
        .filter(criteria_sets::status.eq(SetStatus::Published))
        .filter(criteria_sets::id.ne(current.id))
        .select((criteria_sets::id, criteria_sets::version))
        .load(conn)?;
    for (id, version) in previous {
        versioned_update!(
            conn,
            criteria_sets,
            id,
            version,
            now,
            (criteria_sets::status.eq(SetStatus::Retired))
        )?;
    }
    Ok(())
}

/// Deletes a draft no evaluation used.
pub fn delete_draft(conn: &mut DbConnection, current: &SetRow, if_match: IfMatch) -> AppResult<()> {
    ensure_draft(current)?;
    let expected = if_match.expect(current.version)?;
    let used: i64 = evaluations::table
        .filter(evaluations::criteria_set_id.eq(current.id))
        .count()
        .get_result(conn)?;
    if used > 0 {
        return Err(
            AppError::new(ErrorCode::Conflict).with_detail("Bộ tiêu chí đã được dùng để đánh giá.")
        );
    }
    // The criteria go with the set (ON DELETE CASCADE).
    versioned_delete!(conn, criteria_sets, current.id, expected)
}

/// Copies a version into a new draft (the usual way to amend a published set).
pub fn new_version(
    conn: &mut DbConnection,
    current: &SetRow,
    now: NaiveDateTime,
) -> AppResult<i64> {
    let items = criteria_of(conn, current.id)?;
    let input = CriteriaSetInput {
        code: current.code.clone(),
        name: current.name.clone(),
        subject_kind: current.subject_kind,
        description: current.description.clone(),
        pass_threshold: current.pass_threshold,
        nurture_threshold: current.nurture_threshold,
        criteria: items
            .into_iter()
            .map(|c| CriterionInput {
                text: c.text,
                guidance: c.guidance,
                weight: c.weight,
                mode: c.mode,
                max_score: c.max_score,
            })
            .collect(),
    };
    insert_draft(conn, now, &input)
}
