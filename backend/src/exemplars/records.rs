//! The record each stage keeps: the nurturing plan with its milestones, the summary of the good
//! practice with its figures, and the places where the model was replicated.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::model::ExemplarRow;
use super::timeline::{self, Step};
use super::types::{MilestoneStatus, TimelineAction};
use super::workflow::Facts;
use crate::attachments::model::{Attachment, Owner};
use crate::auth::Principal;
use crate::db::DbConnection;
use crate::db::schema::{milestones, nurturing_plans, replications, summaries, units};
use crate::error::{AppError, AppResult, ErrorCode, FieldError};
use crate::http::etag::IfMatch;
use crate::time::Day;
use crate::units::UnitRef;
use crate::{versioned_delete, versioned_update};

/// A step of the nurturing plan.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Milestone {
    #[validate(length(min = 1, max = 500))]
    #[schema(min_length = 1, max_length = 500)]
    pub title: String,
    pub due_on: Day,
    pub status: MilestoneStatus,
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub note: Option<String>,
}

/// How the unit will nurture the exemplar (bồi dưỡng).
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NurturingPlanInput {
    /// Strengths to build on.
    #[validate(length(min = 1, max = 10000))]
    #[schema(min_length = 1, max_length = 10000)]
    pub strengths: String,
    /// Shortcomings to overcome.
    #[validate(length(min = 1, max = 10000))]
    #[schema(min_length = 1, max_length = 10000)]
    pub shortcomings: String,
    /// Concrete measures.
    #[validate(length(min = 1, max = 10000))]
    #[schema(min_length = 1, max_length = 10000)]
    pub measures: String,
    /// Material and moral support.
    #[validate(length(max = 10000))]
    #[schema(max_length = 10000)]
    pub support: Option<String>,
    /// Who guides the exemplar.
    #[validate(length(max = 200))]
    #[schema(max_length = 200)]
    pub mentor: Option<String>,
    #[serde(default)]
    #[validate(length(max = 50), nested)]
    #[schema(max_items = 50)]
    pub milestones: Vec<Milestone>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NurturingPlan {
    pub strengths: String,
    pub shortcomings: String,
    pub measures: String,
    pub support: Option<String>,
    pub mentor: Option<String>,
    pub milestones: Vec<Milestone>,
    /// Send it back in `If-Match` to replace the plan.
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A figure of the results ("Số vụ việc trợ giúp": 124 "vụ").
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Figure {
    #[validate(length(min = 1, max = 300))]
    #[schema(min_length = 1, max_length = 300)]
    pub label: String,
    pub value: f64,
    #[validate(length(max = 50))]
    #[schema(max_length = 50)]
    pub unit: Option<String>,
}

/// The summing-up of the good practice (tổng kết).
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SummaryInput {
    /// The good practice, the way of working worth replicating.
    #[validate(length(min = 1, max = 20000))]
    #[schema(min_length = 1, max_length = 20000)]
    pub good_practice: String,
    #[validate(length(min = 1, max = 20000))]
    #[schema(min_length = 1, max_length = 20000)]
    pub lessons: String,
    #[validate(length(min = 1, max = 20000))]
    #[schema(min_length = 1, max_length = 20000)]
    pub results: String,
    #[serde(default)]
    #[validate(length(max = 50), nested)]
    #[schema(max_items = 50)]
    pub figures: Vec<Figure>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    pub good_practice: String,
    pub lessons: String,
    pub results: String,
    pub figures: Vec<Figure>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Where, when and how the model was adopted (nhân rộng).
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReplicationInput {
    /// The Department's unit that adopted it, if it is one.
    pub adopter_unit_id: Option<i64>,
    /// Who adopted it: the unit's or the commune's name ("UBND xã Mỹ Hiệp").
    #[validate(length(min = 2, max = 300))]
    #[schema(min_length = 2, max_length = 300)]
    pub adopter_name: String,
    pub adopted_on: Day,
    /// At what scale ("3 tổ hòa giải, 45 hòa giải viên").
    #[validate(length(min = 1, max = 2000))]
    #[schema(min_length = 1, max_length = 2000)]
    pub scale: String,
    #[validate(length(min = 1, max = 10000))]
    #[schema(min_length = 1, max_length = 10000)]
    pub outcome: String,
    /// Evidence (documents, links); files go in the replication's attachments.
    #[validate(length(max = 5000))]
    #[schema(max_length = 5000)]
    pub evidence: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Replication {
    pub id: i64,
    pub exemplar_id: i64,
    pub adopter_unit: Option<UnitRef>,
    pub adopter_name: String,
    pub adopted_on: NaiveDate,
    pub scale: String,
    pub outcome: String,
    pub evidence: Option<String>,
    pub attachments: Vec<Attachment>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

fn trim(value: &mut String) {
    *value = value.trim().to_owned();
}

fn trim_opt(value: &mut Option<String>) {
    *value = value
        .take()
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty());
}

impl NurturingPlanInput {
    pub fn normalized(mut self) -> Self {
        trim(&mut self.strengths);
        trim(&mut self.shortcomings);
        trim(&mut self.measures);
        trim_opt(&mut self.support);
        trim_opt(&mut self.mentor);
        for m in &mut self.milestones {
            trim(&mut m.title);
            trim_opt(&mut m.note);
        }
        self
    }
}

impl SummaryInput {
    pub fn normalized(mut self) -> Self {
        trim(&mut self.good_practice);
        trim(&mut self.lessons);
        trim(&mut self.results);
        for f in &mut self.figures {
            trim(&mut f.label);
            trim_opt(&mut f.unit);
        }
        self
    }

    pub fn extra_errors(&self) -> Vec<FieldError> {
        self.figures
            .iter()
            .enumerate()
            .filter(|(_, f)| !f.value.is_finite())
            .map(|(i, _)| {
                FieldError::new(
                    format!("figures[{i}].value"),
                    "invalid",
                    "Giá trị phải là một số.",
                )
            })
            .collect()
    }
}

impl ReplicationInput {
    pub fn normalized(mut self) -> Self {
        trim(&mut self.adopter_name);
        trim(&mut self.scale);
        trim(&mut self.outcome);
        trim_opt(&mut self.evidence);
        self
    }

    pub fn extra_errors(&self, discovered_on: NaiveDate, today: NaiveDate) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if *self.adopted_on > today {
            errors.push(FieldError::new(
                "adoptedOn",
                "future",
                "Ngày áp dụng không được sau hôm nay.",
            ));
        }
        if *self.adopted_on < discovered_on {
            errors.push(FieldError::new(
                "adoptedOn",
                "range",
                "Ngày áp dụng không được trước ngày phát hiện điển hình.",
            ));
        }
        errors
    }
}

/// The version to replace a record at: one that exists needs `If-Match`, one that does not is
/// created without (an `If-Match` for a record that is not there is stale).
fn expected_version(current: Option<i32>, if_match: Option<IfMatch>) -> AppResult<Option<i32>> {
    match (current, if_match) {
        (Some(version), Some(m)) => m.expect(version).map(Some),
        (Some(_), None) => Err(already_exists()),
        (None, Some(_)) => Err(crate::http::etag::stale()),
        (None, None) => Ok(None),
    }
}

fn already_exists() -> AppError {
    AppError::new(ErrorCode::PreconditionRequired)
        .with_detail("Bản ghi đã tồn tại: gửi If-Match với phiên bản đã đọc để thay thế.")
}

/// A concurrent writer created the record first: the same answer as when it was already there.
fn created_meanwhile(error: diesel::result::Error) -> AppError {
    match error {
        diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        ) => already_exists(),
        other => other.into(),
    }
}

/// What the workflow's guards need to know about the stage records.
pub fn facts(conn: &mut DbConnection, exemplar_id: i64) -> AppResult<Facts> {
    let has_plan: i64 = nurturing_plans::table
        .filter(nurturing_plans::exemplar_id.eq(exemplar_id))
        .count()
        .get_result(conn)?;
    let has_summary: i64 = summaries::table
        .filter(summaries::exemplar_id.eq(exemplar_id))
        .count()
        .get_result(conn)?;
    let replications: i64 = replications::table
        .filter(replications::exemplar_id.eq(exemplar_id))
        .count()
        .get_result(conn)?;
    Ok(Facts {
        has_plan: has_plan > 0,
        has_summary: has_summary > 0,
        replications: usize::try_from(replications).unwrap_or(0),
        referenced: false,
    })
}

pub fn plan(conn: &mut DbConnection, exemplar_id: i64) -> AppResult<Option<NurturingPlan>> {
    type Row = (
        String,
        String,
        String,
        Option<String>,
        Option<String>,
        i32,
        NaiveDateTime,
        NaiveDateTime,
    );
    let row: Option<Row> = nurturing_plans::table
        .find(exemplar_id)
        .select((
            nurturing_plans::strengths,
            nurturing_plans::shortcomings,
            nurturing_plans::measures,
            nurturing_plans::support,
            nurturing_plans::mentor,
            nurturing_plans::version,
            nurturing_plans::created_at,
            nurturing_plans::updated_at,
        ))
        .first(conn)
        .optional()?;
    let Some((strengths, shortcomings, measures, support, mentor, version, created_at, updated_at)) =
        row
    else {
        return Ok(None);
    };
    let steps: Vec<(String, NaiveDate, MilestoneStatus, Option<String>)> = milestones::table
        .filter(milestones::exemplar_id.eq(exemplar_id))
        .order(milestones::position.asc())
        .select((
            milestones::title,
            milestones::due_on,
            milestones::status,
            milestones::note,
        ))
        .load(conn)?;
    let milestones = steps
        .into_iter()
        .map(|(title, due_on, status, note)| {
            Ok(Milestone {
                title,
                due_on: due_on.into(),
                status,
                note,
            })
        })
        .collect::<AppResult<Vec<_>>>()?;
    Ok(Some(NurturingPlan {
        strengths,
        shortcomings,
        measures,
        support,
        mentor,
        milestones,
        version,
        created_at: created_at.and_utc(),
        updated_at: updated_at.and_utc(),
    }))
}

/// Creates or replaces the nurturing plan; its milestones are replaced once the plan itself
/// was written.
pub fn save_plan(
    conn: &mut DbConnection,
    actor: &Principal,
    row: &ExemplarRow,
    if_match: Option<IfMatch>,
    now: NaiveDateTime,
    input: &NurturingPlanInput,
) -> AppResult<()> {
    let current: Option<i32> = nurturing_plans::table
        .find(row.id)
        .select(nurturing_plans::version)
        .first(conn)
        .optional()?;
    match expected_version(current, if_match)? {
        Some(expected) => {
            versioned_update!(
                conn,
                nurturing_plans,
                row.id,
                expected,
                now,
                (
                    nurturing_plans::strengths.eq(&input.strengths),
                    nurturing_plans::shortcomings.eq(&input.shortcomings),
                    nurturing_plans::measures.eq(&input.measures),
                    nurturing_plans::support.eq(&input.support),
                    nurturing_plans::mentor.eq(&input.mentor),
                )
            )?;
            timeline::record(
                conn,
                row.id,
                actor,
                now,
                Step::new(TimelineAction::PlanUpdated),
            )?;
        }
        None => {
            diesel::insert_into(nurturing_plans::table)
                .values((
                    nurturing_plans::exemplar_id.eq(row.id),
                    nurturing_plans::strengths.eq(&input.strengths),
                    nurturing_plans::shortcomings.eq(&input.shortcomings),
                    nurturing_plans::measures.eq(&input.measures),
                    nurturing_plans::support.eq(&input.support),
                    nurturing_plans::mentor.eq(&input.mentor),
                    nurturing_plans::version.eq(1),
                    nurturing_plans::created_at.eq(now),
                    nurturing_plans::updated_at.eq(now),
                ))
                .execute(conn)
                .map_err(created_meanwhile)?;
            timeline::record(
                conn,
                row.id,
                actor,
                now,
                Step::new(TimelineAction::PlanSaved),
            )?;
        }
    }
    diesel::delete(milestones::table.filter(milestones::exemplar_id.eq(row.id))).execute(conn)?;
    for (position, m) in input.milestones.iter().enumerate() {
        diesel::insert_into(milestones::table)
            .values((
                milestones::exemplar_id.eq(row.id),
                milestones::position.eq(position as i32),
                milestones::title.eq(&m.title),
                milestones::due_on.eq(m.due_on),
                milestones::status.eq(m.status),
                milestones::note.eq(&m.note),
            ))
            .execute(conn)?;
    }
    Ok(())
}

pub fn summary(conn: &mut DbConnection, exemplar_id: i64) -> AppResult<Option<Summary>> {
    type Row = (
        String,
        String,
        String,
        String,
        i32,
        NaiveDateTime,
        NaiveDateTime,
    );
    let row: Option<Row> = summaries::table
        .find(exemplar_id)
        .select((
            summaries::good_practice,
            summaries::lessons,
            summaries::results,
            summaries::figures,
            summaries::version,
            summaries::created_at,
            summaries::updated_at,
        ))
        .first(conn)
        .optional()?;
    row.map(
        |(good_practice, lessons, results, figures, version, created_at, updated_at)| {
            Ok(Summary {
                good_practice,
                lessons,
                results,
                figures: serde_json::from_str(&figures).map_err(AppError::internal)?,
                version,
                created_at: created_at.and_utc(),
                updated_at: updated_at.and_utc(),
            })
        },
    )
    .transpose()
}

/// Creates or replaces the summary.
pub fn save_summary(
    conn: &mut DbConnection,
    actor: &Principal,
    row: &ExemplarRow,
    if_match: Option<IfMatch>,
    now: NaiveDateTime,
    input: &SummaryInput,
) -> AppResult<()> {
    let current: Option<i32> = summaries::table
        .find(row.id)
        .select(summaries::version)
        .first(conn)
        .optional()?;
    let figures = serde_json::to_string(&input.figures).map_err(AppError::internal)?;
    match expected_version(current, if_match)? {
        Some(expected) => {
            versioned_update!(
                conn,
                summaries,
                row.id,
                expected,
                now,
                (
                    summaries::good_practice.eq(&input.good_practice),
                    summaries::lessons.eq(&input.lessons),
                    summaries::results.eq(&input.results),
                    summaries::figures.eq(&figures),
                )
            )?;
            timeline::record(
                conn,
                row.id,
                actor,
                now,
                Step::new(TimelineAction::SummaryUpdated),
            )?;
        }
        None => {
            diesel::insert_into(summaries::table)
                .values((
                    summaries::exemplar_id.eq(row.id),
                    summaries::good_practice.eq(&input.good_practice),
                    summaries::lessons.eq(&input.lessons),
                    summaries::results.eq(&input.results),
                    summaries::figures.eq(&figures),
                    summaries::version.eq(1),
                    summaries::created_at.eq(now),
                    summaries::updated_at.eq(now),
                ))
                .execute(conn)
                .map_err(created_meanwhile)?;
            timeline::record(
                conn,
                row.id,
                actor,
                now,
                Step::new(TimelineAction::SummarySaved),
            )?;
        }
    }
    Ok(())
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = replications)]
struct ReplicationRow {
    id: i64,
    exemplar_id: i64,
    adopter_unit_id: Option<i64>,
    adopter_name: String,
    adopted_on: NaiveDate,
    scale: String,
    outcome: String,
    evidence: Option<String>,
    version: i32,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

fn to_replication(conn: &mut DbConnection, r: ReplicationRow) -> AppResult<Replication> {
    let adopter_unit = match r.adopter_unit_id {
        Some(unit) => crate::units::model::unit_ref(conn, unit)?,
        None => None,
    };
    Ok(Replication {
        id: r.id,
        exemplar_id: r.exemplar_id,
        adopter_unit,
        adopter_name: r.adopter_name,
        adopted_on: r.adopted_on,
        scale: r.scale,
        outcome: r.outcome,
        evidence: r.evidence,
        attachments: crate::attachments::model::list(conn, Owner::Replication(r.id))?,
        version: r.version,
        created_at: r.created_at.and_utc(),
        updated_at: r.updated_at.and_utc(),
    })
}

/// How many replications an exemplar has.
pub fn replication_count(conn: &mut DbConnection, exemplar_id: i64) -> AppResult<i64> {
    Ok(replications::table
        .filter(replications::exemplar_id.eq(exemplar_id))
        .count()
        .get_result(conn)?)
}

pub fn find_replication(conn: &mut DbConnection, id: i64) -> AppResult<Replication> {
    let row: ReplicationRow = replications::table
        .find(id)
        .select(ReplicationRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::not_found("bản ghi nhân rộng"))?;
    to_replication(conn, row)
}

fn check_adopter(conn: &mut DbConnection, input: &ReplicationInput) -> AppResult<()> {
    if let Some(unit) = input.adopter_unit_id {
        let found: i64 = units::table
            .filter(units::id.eq(unit))
            .count()
            .get_result(conn)?;
        if found == 0 {
            return Err(AppError::field(
                "adopterUnitId",
                "not_found",
                "Đơn vị không tồn tại.",
            ));
        }
    }
    Ok(())
}

pub fn add_replication(
    conn: &mut DbConnection,
    actor: &Principal,
    row: &ExemplarRow,
    now: NaiveDateTime,
    input: &ReplicationInput,
) -> AppResult<i64> {
    check_adopter(conn, input)?;
    let id = diesel::insert_into(replications::table)
        .values((
            replications::exemplar_id.eq(row.id),
            replications::adopter_unit_id.eq(input.adopter_unit_id),
            replications::adopter_name.eq(&input.adopter_name),
            replications::adopted_on.eq(input.adopted_on),
            replications::scale.eq(&input.scale),
            replications::outcome.eq(&input.outcome),
            replications::evidence.eq(&input.evidence),
            replications::version.eq(1),
            replications::created_at.eq(now),
            replications::updated_at.eq(now),
        ))
        .returning(replications::id)
        .get_result(conn)?;
    timeline::record(
        conn,
        row.id,
        actor,
        now,
        Step::new(TimelineAction::ReplicationAdded).note(Some(&input.adopter_name)),
    )?;
    Ok(id)
}

pub fn update_replication(
    conn: &mut DbConnection,
    actor: &Principal,
    current: &Replication,
    if_match: IfMatch,
    now: NaiveDateTime,
    input: &ReplicationInput,
) -> AppResult<()> {
    let expected = if_match.expect(current.version)?;
    check_adopter(conn, input)?;
    versioned_update!(
        conn,
        replications,
        current.id,
        expected,
        now,
        (
            replications::adopter_unit_id.eq(input.adopter_unit_id),
            replications::adopter_name.eq(&input.adopter_name),
            replications::adopted_on.eq(input.adopted_on),
            replications::scale.eq(&input.scale),
            replications::outcome.eq(&input.outcome),
            replications::evidence.eq(&input.evidence),
        )
    )?;
    timeline::record(
        conn,
        current.exemplar_id,
        actor,
        now,
        Step::new(TimelineAction::ReplicationUpdated).note(Some(&input.adopter_name)),
    )
}

/// Deletes a replication: claimed first, then `remove_files` drops its attachments, then the row.
pub fn delete_replication(
    conn: &mut DbConnection,
    actor: &Principal,
    current: &Replication,
    if_match: IfMatch,
    now: NaiveDateTime,
    remove_files: impl FnOnce(&mut DbConnection) -> AppResult<()>,
) -> AppResult<()> {
    let expected = if_match.expect(current.version)?;
    let claimed = versioned_update!(conn, replications, current.id, expected, now)?;
    remove_files(conn)?;
    versioned_delete!(conn, replications, current.id, claimed)?;
    timeline::record(
        conn,
        current.exemplar_id,
        actor,
        now,
        Step::new(TimelineAction::ReplicationRemoved).note(Some(&current.adopter_name)),
    )
}
