//! Exemplars: individuals or collectives a unit discovered, with their achievements, initiatives
//! and linked movements. The stage records and the timeline live in `records` and `stages`.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::timeline::{self, Step};
use super::types::{Category, Conclusion, RecordStatus, Stage, SubjectKind, TimelineAction};
use super::workflow::{self, ExemplarAction};
use crate::auth::{Principal, Role, policy};
use crate::db::DbConnection;
use crate::db::schema::{exemplar_movements, exemplars, initiatives, movements, units};
use crate::db::search;
use crate::error::{AppError, AppResult, FieldError};
use crate::http::etag::IfMatch;
use crate::time::Day;
use crate::units::UnitRef;
use crate::{versioned_delete, versioned_update};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = exemplars)]
pub struct ExemplarRow {
    pub id: i64,
    pub subject_kind: SubjectKind,
    pub name: String,
    pub position: Option<String>,
    pub title: Option<String>,
    pub member_count: Option<i32>,
    pub unit_id: i64,
    pub category: Category,
    pub field_of_work: String,
    pub achievements: String,
    pub discovered_on: NaiveDate,
    pub discovery_method: Option<String>,
    pub discovered_by: Option<String>,
    pub stage: Stage,
    pub stage_changed_at: NaiveDateTime,
    pub stopped_reason: Option<String>,
    pub record_status: RecordStatus,
    pub proposed_stage: Option<Stage>,
    pub proposed_note: Option<String>,
    pub proposed_by: Option<i64>,
    pub proposed_at: Option<NaiveDateTime>,
    pub current_conclusion: Option<Conclusion>,
    pub created_by: Option<i64>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub photo_attachment_id: Option<i64>,
}

impl ExemplarRow {
    /// Where the exemplar stands in the workflow.
    pub fn state(&self) -> workflow::State {
        workflow::State {
            unit_id: self.unit_id,
            stage: self.stage,
            record_status: self.record_status,
            proposed_stage: self.proposed_stage,
        }
    }

    /// The bytes of its free text, what an export of it costs in memory.
    pub fn text_bytes(&self) -> usize {
        let optional = [
            &self.position,
            &self.title,
            &self.discovery_method,
            &self.discovered_by,
            &self.stopped_reason,
            &self.proposed_note,
        ];
        self.name.len()
            + self.field_of_work.len()
            + self.achievements.len()
            + optional
                .iter()
                .filter_map(|t| t.as_ref())
                .map(String::len)
                .sum::<usize>()
    }
}

/// An initiative ("sáng kiến") of the exemplar.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Initiative {
    #[validate(length(min = 1, max = 500))]
    #[schema(
        min_length = 1,
        max_length = 500,
        example = "Số hóa hồ sơ trợ giúp pháp lý"
    )]
    pub title: String,
    #[validate(range(min = 1990, max = 2100))]
    #[schema(minimum = 1990, maximum = 2100)]
    pub year: Option<i32>,
    /// Who recognised it ("Hội đồng sáng kiến Sở Tư pháp").
    #[validate(length(max = 300))]
    #[schema(max_length = 300)]
    pub recognised_by: Option<String>,
    /// Scope of application ("toàn tỉnh", "trong đơn vị").
    #[validate(length(max = 300))]
    #[schema(max_length = 300)]
    pub scope: Option<String>,
}

/// The fields of an exemplar, for creating or replacing it. Keep personal data minimal: a name,
/// a position and a title for individuals, a member count for collectives.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ExemplarInput {
    pub subject_kind: SubjectKind,
    /// Person's full name ("Nguyễn Văn A") or the collective's name.
    #[validate(length(min = 2, max = 300))]
    #[schema(min_length = 2, max_length = 300)]
    pub name: String,
    /// Individuals: position (chức vụ).
    #[validate(length(max = 200))]
    #[schema(max_length = 200)]
    pub position: Option<String>,
    /// Individuals: professional title (chức danh).
    #[validate(length(max = 200))]
    #[schema(max_length = 200)]
    pub title: Option<String>,
    /// Collectives: number of members.
    #[validate(range(min = 2, max = 100000))]
    #[schema(minimum = 2, maximum = 100000)]
    pub member_count: Option<i32>,
    pub unit_id: i64,
    pub category: Category,
    /// Field of work ("Trợ giúp pháp lý", "Hộ tịch").
    #[validate(length(min = 2, max = 200))]
    #[schema(min_length = 2, max_length = 200)]
    pub field_of_work: String,
    #[validate(length(min = 10, max = 20000))]
    #[schema(min_length = 10, max_length = 20000)]
    pub achievements: String,
    pub discovered_on: Day,
    /// How it was discovered ("qua phong trào thi đua", "qua phản ánh của người dân").
    #[validate(length(max = 500))]
    #[schema(max_length = 500)]
    pub discovery_method: Option<String>,
    /// By whom.
    #[validate(length(max = 200))]
    #[schema(max_length = 200)]
    pub discovered_by: Option<String>,
    #[serde(default)]
    #[validate(length(max = 20))]
    #[schema(max_items = 20)]
    pub movement_ids: Vec<i64>,
    #[serde(default)]
    #[validate(length(max = 50), nested)]
    #[schema(max_items = 50)]
    pub initiatives: Vec<Initiative>,
}

fn trim_opt(value: &mut Option<String>) {
    *value = value
        .take()
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty());
}

impl ExemplarInput {
    pub fn normalized(mut self) -> Self {
        self.name = self.name.trim().to_owned();
        self.field_of_work = self.field_of_work.trim().to_owned();
        self.achievements = self.achievements.trim().to_owned();
        trim_opt(&mut self.position);
        trim_opt(&mut self.title);
        trim_opt(&mut self.discovery_method);
        trim_opt(&mut self.discovered_by);
        for initiative in &mut self.initiatives {
            initiative.title = initiative.title.trim().to_owned();
            trim_opt(&mut initiative.recognised_by);
            trim_opt(&mut initiative.scope);
        }
        self.movement_ids.sort_unstable();
        self.movement_ids.dedup();
        self
    }

    /// Rules between fields that the derive cannot express.
    pub fn extra_errors(&self, today: NaiveDate) -> Vec<FieldError> {
        let mut errors = Vec::new();
        match self.subject_kind {
            SubjectKind::Individual => {
                if self.member_count.is_some() {
                    errors.push(FieldError::new(
                        "memberCount",
                        "not_applicable",
                        "Cá nhân không có số thành viên.",
                    ));
                }
            }
            SubjectKind::Collective => {
                if self.member_count.is_none() {
                    errors.push(FieldError::new(
                        "memberCount",
                        "required",
                        "Nhập số thành viên của tập thể.",
                    ));
                }
                for (field, value) in [("position", &self.position), ("title", &self.title)] {
                    if value.is_some() {
                        errors.push(FieldError::new(
                            field,
                            "not_applicable",
                            "Chỉ áp dụng cho cá nhân.",
                        ));
                    }
                }
            }
        }
        if *self.discovered_on > today {
            errors.push(FieldError::new(
                "discoveredOn",
                "future",
                "Ngày phát hiện không được sau hôm nay.",
            ));
        }
        if self.discovered_on.year() < 2000 {
            errors.push(FieldError::new(
                "discoveredOn",
                "range",
                "Ngày phát hiện phải từ năm 2000.",
            ));
        }
        errors
    }

    fn search_text(&self, unit_name: &str) -> String {
        let initiatives: Vec<&str> = self.initiatives.iter().map(|i| i.title.as_str()).collect();
        search::document(
            [
                self.name.as_str(),
                self.position.as_deref().unwrap_or(""),
                self.title.as_deref().unwrap_or(""),
                self.field_of_work.as_str(),
                unit_name,
                self.achievements.as_str(),
            ]
            .into_iter()
            .chain(initiatives),
        )
    }
}

/// An exemplar in a list.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ExemplarSummary {
    pub id: i64,
    pub subject_kind: SubjectKind,
    pub name: String,
    pub position: Option<String>,
    pub member_count: Option<i32>,
    pub unit: UnitRef,
    pub category: Category,
    pub field_of_work: String,
    pub discovered_on: NaiveDate,
    pub stage: Stage,
    pub record_status: RecordStatus,
    /// A stage move the unit head proposed, waiting for the Office.
    pub proposed_stage: Option<Stage>,
    /// The conclusion of the latest final evaluation (Office or council over self-assessment).
    pub current_conclusion: Option<Conclusion>,
    /// The thumbnail of its picture (the chosen image attachment, else its first image).
    pub photo_url: Option<String>,
    /// The Office published it on the public portal.
    pub published: bool,
    /// Since when it is published.
    pub published_at: Option<DateTime<Utc>>,
    pub version: i32,
    pub updated_at: DateTime<Utc>,
}

pub fn summary(
    row: &ExemplarRow,
    unit: UnitRef,
    photo: Option<i64>,
    published_at: Option<NaiveDateTime>,
) -> ExemplarSummary {
    ExemplarSummary {
        id: row.id,
        subject_kind: row.subject_kind,
        name: row.name.clone(),
        position: row.position.clone(),
        member_count: row.member_count,
        unit,
        category: row.category,
        field_of_work: row.field_of_work.clone(),
        discovered_on: row.discovered_on,
        stage: row.stage,
        record_status: row.record_status,
        proposed_stage: row.proposed_stage,
        current_conclusion: row.current_conclusion,
        photo_url: photo.map(crate::attachments::model::thumbnail_url),
        published: published_at.is_some(),
        published_at: published_at.map(|t| t.and_utc()),
        version: row.version,
        updated_at: row.updated_at.and_utc(),
    }
}

pub fn find_row(conn: &mut DbConnection, id: i64) -> AppResult<ExemplarRow> {
    exemplars::table
        .find(id)
        .select(ExemplarRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::not_found("điển hình"))
}

/// The visibility rule of exemplars, the one every read path applies (lists, search, detail,
/// export, fields of work, attachments, evaluations, introductions): unit roles see their own
/// unit's exemplars, service accounts confirmed records only, everyone else every exemplar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Visibility {
    /// Only this unit's exemplars (`-1` for a unit role without a unit: nothing).
    pub unit: Option<i64>,
    /// Only confirmed records.
    pub confirmed_only: bool,
}

impl Visibility {
    pub fn of(principal: &Principal) -> Self {
        Self {
            unit: policy::unit_restriction(principal),
            confirmed_only: principal.role == Role::Integration,
        }
    }
}

/// One exemplar, by [`Visibility`]: another unit's is 403 for unit roles; an unconfirmed one is
/// "not found" for service accounts, so its existence does not leak.
pub fn ensure_readable(principal: &Principal, row: &ExemplarRow) -> AppResult<()> {
    let visibility = Visibility::of(principal);
    if visibility.confirmed_only && row.record_status != RecordStatus::Confirmed {
        return Err(AppError::not_found("điển hình"));
    }
    if visibility.unit.is_some_and(|unit| unit != row.unit_id) {
        return Err(AppError::outside_unit());
    }
    Ok(())
}

/// Working on the stage records (plan, summary, replications, attachments, evaluations' files):
/// the workflow's `edit_records` step.
pub fn ensure_workable(principal: &Principal, row: &ExemplarRow) -> AppResult<()> {
    workflow::authorize(principal, &row.state(), ExemplarAction::EditRecords).map(|_| ())
}

/// Evaluating the exemplar, or keeping an evaluation's files: the workflow's `evaluate` step.
pub fn ensure_evaluable(principal: &Principal, row: &ExemplarRow) -> AppResult<()> {
    workflow::authorize(principal, &row.state(), ExemplarAction::Evaluate).map(|_| ())
}

/// The unit an exemplar is recorded in must be one the caller may write to and still active;
/// answers its name.
pub fn check_unit(
    conn: &mut DbConnection,
    principal: &Principal,
    unit_id: i64,
) -> AppResult<String> {
    policy::ensure_unit(principal, Some(unit_id))?;
    let unit: Option<(String, bool, String)> = units::table
        .find(unit_id)
        .select((units::name, units::active, units::kind))
        .first(conn)
        .optional()?;
    match unit {
        None => Err(AppError::field(
            "unitId",
            "not_found",
            "Đơn vị không tồn tại.",
        )),
        Some((_, false, _)) => Err(AppError::field(
            "unitId",
            "inactive",
            "Đơn vị đã ngừng hoạt động.",
        )),
        Some((name, true, _)) => Ok(name),
    }
}

/// Movements must exist; new links need an open movement.
pub fn check_movements(
    conn: &mut DbConnection,
    ids: &[i64],
    already_linked: &[i64],
) -> AppResult<()> {
    if ids.is_empty() {
        return Ok(());
    }
    let found: Vec<(i64, bool)> = movements::table
        .filter(movements::id.eq_any(ids))
        .select((movements::id, movements::active))
        .load(conn)?;
    let mut errors = Vec::new();
    for (index, id) in ids.iter().enumerate() {
        match found.iter().find(|(f, _)| f == id) {
            None => errors.push(FieldError::new(
                format!("movementIds[{index}]"),
                "not_found",
                "Phong trào không tồn tại.",
            )),
            Some((_, false)) if !already_linked.contains(id) => errors.push(FieldError::new(
                format!("movementIds[{index}]"),
                "inactive",
                "Phong trào đã đóng.",
            )),
            Some(_) => {}
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::validation(errors))
    }
}

fn replace_links(conn: &mut DbConnection, id: i64, input: &ExemplarInput) -> AppResult<()> {
    diesel::delete(exemplar_movements::table.filter(exemplar_movements::exemplar_id.eq(id)))
        .execute(conn)?;
    for movement_id in &input.movement_ids {
        diesel::insert_into(exemplar_movements::table)
            .values((
                exemplar_movements::exemplar_id.eq(id),
                exemplar_movements::movement_id.eq(movement_id),
                exemplar_movements::unit_id.eq(input.unit_id),
            ))
            .execute(conn)?;
    }
    diesel::delete(initiatives::table.filter(initiatives::exemplar_id.eq(id))).execute(conn)?;
    for (position, initiative) in input.initiatives.iter().enumerate() {
        diesel::insert_into(initiatives::table)
            .values((
                initiatives::exemplar_id.eq(id),
                initiatives::position.eq(position as i32),
                initiatives::title.eq(&initiative.title),
                initiatives::year.eq(initiative.year),
                initiatives::recognised_by.eq(&initiative.recognised_by),
                initiatives::scope.eq(&initiative.scope),
            ))
            .execute(conn)?;
    }
    Ok(())
}

pub fn insert(
    conn: &mut DbConnection,
    principal: &Principal,
    now: NaiveDateTime,
    input: &ExemplarInput,
) -> AppResult<i64> {
    let unit_name = check_unit(conn, principal, input.unit_id)?;
    check_movements(conn, &input.movement_ids, &[])?;
    let id: i64 = diesel::insert_into(exemplars::table)
        .values((
            exemplars::subject_kind.eq(input.subject_kind),
            exemplars::name.eq(&input.name),
            exemplars::position.eq(&input.position),
            exemplars::title.eq(&input.title),
            exemplars::member_count.eq(input.member_count),
            exemplars::unit_id.eq(input.unit_id),
            exemplars::category.eq(input.category),
            exemplars::field_of_work.eq(&input.field_of_work),
            exemplars::achievements.eq(&input.achievements),
            exemplars::discovered_on.eq(input.discovered_on),
            exemplars::discovery_method.eq(&input.discovery_method),
            exemplars::discovered_by.eq(&input.discovered_by),
            exemplars::stage.eq(Stage::Discovered),
            exemplars::stage_changed_at.eq(now),
            exemplars::record_status.eq(RecordStatus::Draft),
            exemplars::discovery_year.eq(input.discovered_on.year()),
            exemplars::search_text.eq(input.search_text(&unit_name)),
            exemplars::sort_name.eq(search::fold(&input.name)),
            exemplars::created_by.eq(principal.user_id()),
            exemplars::version.eq(1),
            exemplars::created_at.eq(now),
            exemplars::updated_at.eq(now),
        ))
        .returning(exemplars::id)
        .get_result(conn)?;
    replace_links(conn, id, input)?;
    timeline::record(
        conn,
        id,
        principal,
        now,
        Step::new(TimelineAction::Created).stages(None, Some(Stage::Discovered)),
    )?;
    Ok(id)
}

pub fn update(
    conn: &mut DbConnection,
    principal: &Principal,
    current: &ExemplarRow,
    if_match: IfMatch,
    now: NaiveDateTime,
    input: &ExemplarInput,
) -> AppResult<()> {
    workflow::authorize(principal, &current.state(), ExemplarAction::Edit)?;
    let expected = if_match.expect(current.version)?;
    let unit_name = check_unit(conn, principal, input.unit_id)?;
    let linked: Vec<i64> = exemplar_movements::table
        .filter(exemplar_movements::exemplar_id.eq(current.id))
        .select(exemplar_movements::movement_id)
        .load(conn)?;
    check_movements(conn, &input.movement_ids, &linked)?;
    versioned_update!(
        conn,
        exemplars,
        current.id,
        expected,
        now,
        (
            exemplars::subject_kind.eq(input.subject_kind),
            exemplars::name.eq(&input.name),
            exemplars::position.eq(&input.position),
            exemplars::title.eq(&input.title),
            exemplars::member_count.eq(input.member_count),
            exemplars::unit_id.eq(input.unit_id),
            exemplars::category.eq(input.category),
            exemplars::field_of_work.eq(&input.field_of_work),
            exemplars::achievements.eq(&input.achievements),
            exemplars::discovered_on.eq(input.discovered_on),
            exemplars::discovery_method.eq(&input.discovery_method),
            exemplars::discovered_by.eq(&input.discovered_by),
            exemplars::discovery_year.eq(input.discovered_on.year()),
            exemplars::search_text.eq(input.search_text(&unit_name)),
            exemplars::sort_name.eq(search::fold(&input.name)),
        )
    )?;
    replace_links(conn, current.id, input)?;
    timeline::record(
        conn,
        current.id,
        principal,
        now,
        Step::new(TimelineAction::Edited),
    )
}

/// Makes image attachment `attachment_id` the exemplar's picture, if nobody changed the
/// exemplar since version `expected` (412 otherwise).
pub fn choose_photo(
    conn: &mut DbConnection,
    current: &ExemplarRow,
    expected: i32,
    attachment_id: i64,
    now: NaiveDateTime,
) -> AppResult<i32> {
    versioned_update!(
        conn,
        exemplars,
        current.id,
        expected,
        now,
        (exemplars::photo_attachment_id.eq(Some(attachment_id)),)
    )
}

/// Bumps the version (and `updated_at`) after a change to a part of the exemplar, checking that
/// nobody else changed it meanwhile; returns the new version.
pub fn touch(conn: &mut DbConnection, current: &ExemplarRow, now: NaiveDateTime) -> AppResult<i32> {
    versioned_update!(conn, exemplars, current.id, current.version, now)
}

/// Whether anything that must be kept refers to the exemplar (an evaluation, an introduction).
pub fn is_referenced(conn: &mut DbConnection, id: i64) -> AppResult<bool> {
    use crate::db::schema::{evaluations, introduction_exemplars};
    let evaluated: i64 = evaluations::table
        .filter(evaluations::exemplar_id.eq(id))
        .count()
        .get_result(conn)?;
    if evaluated > 0 {
        return Ok(true);
    }
    let introduced: i64 = introduction_exemplars::table
        .filter(introduction_exemplars::exemplar_id.eq(id))
        .count()
        .get_result(conn)?;
    Ok(introduced > 0)
}

/// Deletes a draft recorded by mistake, with everything hanging off it: the exemplar is first
/// claimed (compare-and-set), then `remove_files` drops what the database does not cascade,
/// then the row goes.
pub fn delete_draft(
    conn: &mut DbConnection,
    principal: &Principal,
    current: &ExemplarRow,
    if_match: IfMatch,
    now: NaiveDateTime,
    remove_files: impl FnOnce(&mut DbConnection) -> AppResult<()>,
) -> AppResult<()> {
    workflow::authorize(principal, &current.state(), ExemplarAction::Delete)?;
    let expected = if_match.expect(current.version)?;
    if is_referenced(conn, current.id)? {
        return Err(workflow::referenced_error());
    }
    let claimed = versioned_update!(conn, exemplars, current.id, expected, now)?;
    remove_files(conn)?;
    versioned_delete!(conn, exemplars, current.id, claimed)
}

pub fn unit_ref(conn: &mut DbConnection, unit_id: i64) -> AppResult<UnitRef> {
    crate::units::model::unit_ref(conn, unit_id)?
        .ok_or_else(|| AppError::internal(format!("unit {unit_id} vanished")))
}
