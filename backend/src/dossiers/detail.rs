//! The whole of one exemplar, as its page shows it.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use super::detail_rows;
use crate::attachments::model::{self as attachments, Attachment};
use crate::auth::Principal;
use crate::db::DbConnection;
use crate::error::AppResult;
use crate::evaluations::model::{EvaluationSummary, EvaluatorKind};
use crate::exemplars::model::{self, ExemplarRow, Initiative};
use crate::exemplars::records::{NurturingPlan, Replication, Summary};
use crate::exemplars::timeline::TimelineEvent;
use crate::exemplars::types::{Category, Conclusion, RecordStatus, Stage, SubjectKind};
use crate::exemplars::workflow::{self, AllowedAction, ExemplarAction, Facts};
use crate::movements::model::MovementRef;
use crate::units::UnitRef;

/// A stage move proposed by the unit head, waiting for the Office.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct StageProposal {
    pub to_stage: Stage,
    pub note: Option<String>,
    pub proposed_by: Option<i64>,
    pub proposed_at: Option<DateTime<Utc>>,
}

/// An exemplar with its stage records, timeline, evaluations and attachments.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Exemplar {
    pub id: i64,
    pub subject_kind: SubjectKind,
    pub name: String,
    pub position: Option<String>,
    pub title: Option<String>,
    pub member_count: Option<i32>,
    pub unit: UnitRef,
    pub category: Category,
    pub field_of_work: String,
    pub achievements: String,
    pub discovered_on: NaiveDate,
    pub discovery_method: Option<String>,
    pub discovered_by: Option<String>,
    pub movements: Vec<MovementRef>,
    pub initiatives: Vec<Initiative>,
    pub stage: Stage,
    pub stage_changed_at: DateTime<Utc>,
    pub stopped_reason: Option<String>,
    /// The stages the plan allows next from the current one.
    pub next_stages: Vec<Stage>,
    pub record_status: RecordStatus,
    pub proposal: Option<StageProposal>,
    pub current_conclusion: Option<Conclusion>,
    /// The Office published it on the public portal (see `GET /exemplars/{id}/publication`; the
    /// portal shows it while the record is confirmed and was never stopped).
    pub published: bool,
    /// Since when it is published.
    pub published_at: Option<DateTime<Utc>>,
    pub nurturing_plan: Option<NurturingPlan>,
    pub summary: Option<Summary>,
    pub replications: Vec<Replication>,
    /// Every step, oldest first.
    pub timeline: Vec<TimelineEvent>,
    pub evaluations: Vec<EvaluationSummary>,
    pub attachments: Vec<Attachment>,
    /// Its picture: the image attachment chosen with `PUT /exemplars/{id}/photo`, else the
    /// first image uploaded; none without images.
    pub photo: Option<Attachment>,
    /// What the caller may do now, the step the record waits for first.
    pub allowed_actions: Vec<AllowedAction>,
    /// The capacities the caller may evaluate in now (empty: no evaluation).
    pub evaluator_kinds: Vec<EvaluatorKind>,
    pub created_by: Option<i64>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The dossier of exemplar `id` as `principal` may see it (two statements, see [`detail_rows`]).
pub fn load(conn: &mut DbConnection, principal: &Principal, id: i64) -> AppResult<Exemplar> {
    load_with_row(conn, principal, id).map(|(_, exemplar)| exemplar)
}

/// [`load`], with the exemplar's row (for a change that starts from it).
pub fn load_with_row(
    conn: &mut DbConnection,
    principal: &Principal,
    id: i64,
) -> AppResult<(ExemplarRow, Exemplar)> {
    let mut head = detail_rows::head(conn, id)?;
    model::ensure_readable(principal, &head.row)?;
    let mut children = detail_rows::children(conn, id)?;
    let nurturing_plan = children.plan(&mut head);
    let replications = children.replications(id);
    let facts = Facts {
        has_plan: nurturing_plan.is_some(),
        has_summary: head.summary.is_some(),
        replications: replications.len(),
        referenced: children.evaluated() || head.introduced,
    };
    let row = head.row;
    let actions = workflow::allowed_actions(principal, &row.state(), &facts);
    let attachments = children.exemplar_attachments();
    let photo = attachments::photo_among(
        row.photo_attachment_id,
        attachments
            .iter()
            .filter(|a| a.thumbnail_url.is_some())
            .map(|a| a.id),
    )
    .and_then(|photo| attachments.iter().find(|a| a.id == photo).cloned());
    let evaluations = children.visible_evaluations(principal);
    let exemplar = Exemplar {
        unit: head.unit,
        movements: children.movements,
        initiatives: children.initiatives,
        evaluator_kinds: if actions.iter().any(|a| a.action == ExemplarAction::Evaluate) {
            EvaluatorKind::allowed_for(principal.role).to_vec()
        } else {
            Vec::new()
        },
        allowed_actions: actions,
        nurturing_plan,
        summary: head.summary,
        replications,
        timeline: children.timeline,
        evaluations,
        attachments,
        photo,
        subject_kind: row.subject_kind,
        category: row.category,
        record_status: row.record_status,
        proposal: row.proposed_stage.map(|to_stage| StageProposal {
            to_stage,
            note: row.proposed_note.clone(),
            proposed_by: row.proposed_by,
            proposed_at: row.proposed_at.map(|t| t.and_utc()),
        }),
        current_conclusion: row.current_conclusion,
        published: head.published_at.is_some(),
        published_at: head.published_at.map(|t| t.and_utc()),
        next_stages: row.stage.next().to_vec(),
        stage: row.stage,
        id: row.id,
        name: row.name.clone(),
        position: row.position.clone(),
        title: row.title.clone(),
        member_count: row.member_count,
        field_of_work: row.field_of_work.clone(),
        achievements: row.achievements.clone(),
        discovered_on: row.discovered_on,
        discovery_method: row.discovery_method.clone(),
        discovered_by: row.discovered_by.clone(),
        stage_changed_at: row.stage_changed_at.and_utc(),
        stopped_reason: row.stopped_reason.clone(),
        created_by: row.created_by,
        version: row.version,
        created_at: row.created_at.and_utc(),
        updated_at: row.updated_at.and_utc(),
    };
    Ok((row, exemplar))
}
