//! The rows behind an exemplar's dossier, read in two statements whatever the dossier holds: the
//! head (the exemplar with its unit, nurturing plan and summary) and every child row (movements,
//! initiatives, milestones, timeline, replications with their adopting unit, the attachments of
//! the exemplar and of its replications, evaluations with their evaluator and criteria set) in one
//! `UNION ALL`. One statement per kind of child, or worse per replication, made the dossier the
//! slowest read of the API, above all on PostgreSQL where every statement is a round trip.
//!
//! The union's branches share one row shape: a `kind` tag, the row's `id`, and typed slots
//! (`n1`–`n5` integers, `s1`–`s7` texts, a date, three timestamps, a boolean) that each branch
//! fills in its own way, documented at [`CHILDREN_SQL`] and read back in [`Children::from_rows`].
//! The SQL is the same on both databases; only the bind placeholders differ (diesel writes them).

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::sql_types::{BigInt, Bool, Date, Integer, Nullable, Text, Timestamp};

use crate::attachments::model::AttachmentRow;
use crate::auth::Principal;
use crate::criteria::model::CriteriaSetRef;
use crate::db::schema::{
    exemplar_publications, exemplars, introduction_exemplars, nurturing_plans, summaries, units,
};
use crate::db::{DbBackend, DbConnection};
use crate::error::{AppError, AppResult};
use crate::evaluations::model::{
    self as evaluations, EvaluationStatus, EvaluationSummary, EvaluatorKind,
};
use crate::exemplars::model::{ExemplarRow, Initiative};
use crate::exemplars::records::{Milestone, NurturingPlan, Replication, Summary};
use crate::exemplars::timeline::TimelineEvent;
use crate::exemplars::types::{Conclusion, MilestoneStatus, Stage, TimelineAction};
use crate::movements::model::MovementRef;
use crate::units::UnitRef;

type PlanColumns = (
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    i32,
    NaiveDateTime,
    NaiveDateTime,
);
type SummaryColumns = (
    String,
    String,
    String,
    String,
    i32,
    NaiveDateTime,
    NaiveDateTime,
);

/// The exemplar's own row and what has at most one row per exemplar.
pub struct Head {
    pub row: ExemplarRow,
    pub unit: UnitRef,
    plan: Option<PlanColumns>,
    pub summary: Option<Summary>,
    /// A monthly introduction presents it.
    pub introduced: bool,
    /// Since when the Office's publication on the public portal is in force, if it is.
    pub published_at: Option<NaiveDateTime>,
}

/// The first statement: the exemplar, its unit, plan and summary, whether an introduction
/// presents it, and since when it is published.
pub fn head(conn: &mut DbConnection, id: i64) -> AppResult<Head> {
    let found: Option<(
        ExemplarRow,
        (i64, String, String, String),
        Option<PlanColumns>,
        Option<SummaryColumns>,
        bool,
        Option<NaiveDateTime>,
    )> = exemplars::table
        .inner_join(units::table)
        .left_join(nurturing_plans::table.on(nurturing_plans::exemplar_id.eq(exemplars::id)))
        .left_join(summaries::table.on(summaries::exemplar_id.eq(exemplars::id)))
        .left_join(
            exemplar_publications::table.on(exemplar_publications::exemplar_id.eq(exemplars::id)),
        )
        .filter(exemplars::id.eq(id))
        .select((
            ExemplarRow::as_select(),
            (units::id, units::code, units::short_name, units::name),
            (
                nurturing_plans::strengths,
                nurturing_plans::shortcomings,
                nurturing_plans::measures,
                nurturing_plans::support,
                nurturing_plans::mentor,
                nurturing_plans::version,
                nurturing_plans::created_at,
                nurturing_plans::updated_at,
            )
                .nullable(),
            (
                summaries::good_practice,
                summaries::lessons,
                summaries::results,
                summaries::figures,
                summaries::version,
                summaries::created_at,
                summaries::updated_at,
            )
                .nullable(),
            diesel::dsl::exists(
                introduction_exemplars::table
                    .filter(introduction_exemplars::exemplar_id.eq(exemplars::id)),
            ),
            exemplar_publications::published_at.nullable(),
        ))
        .first(conn)
        .optional()?;
    let (row, (unit_id, code, short_name, name), plan, summary, introduced, published_at) =
        found.ok_or_else(|| AppError::not_found("điển hình"))?;
    let summary = summary
        .map(
            |(good_practice, lessons, results, figures, version, created_at, updated_at)| {
                Ok::<_, AppError>(Summary {
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
        .transpose()?;
    Ok(Head {
        row,
        unit: UnitRef {
            id: unit_id,
            code,
            short_name,
            name,
        },
        plan,
        summary,
        introduced,
        published_at,
    })
}

/// Every child row of an exemplar, by kind (the `kind` tag of the union).
const MOVEMENT: i32 = 1;
const INITIATIVE: i32 = 2;
const MILESTONE: i32 = 3;
const TIMELINE: i32 = 4;
const REPLICATION: i32 = 5;
const ATTACHMENT: i32 = 6;
const EVALUATION: i32 = 7;

/// The second statement. Each `?` is the exemplar's id. Slots per kind:
/// - 1 movement: s1 code, s2 name;
/// - 2 initiative: n1 position, n2 year, s1 title, s2 recognised by, s3 scope;
/// - 3 milestone: n1 position, s1 title, s2 status, s3 note, d1 due on;
/// - 4 timeline: n1 actor, s1 action, s2 from stage, s3 to stage, s4 note, s5 actor's name,
///   t1 occurred at;
/// - 5 replication: n1 adopting unit, n2 version, s1–s3 the unit's code, short name and name,
///   s4 adopter's name, s5 scale, s6 outcome, s7 evidence, d1 adopted on, t1 created, t2 updated;
/// - 6 attachment (of the exemplar or of one of its replications): n1 owner id, n2 size,
///   n3 uploader, n4 version, s1 owner type, s2 file name, s3 content type, s4 sha256, s5 caption,
///   b1 has a thumbnail, t1 created;
/// - 7 evaluation: n1 score, n2 supersedes, n3 evaluator, n4 criteria set, n5 its version number,
///   s1 evaluator kind, s2 status, s3 conclusion, s4 evaluator's name, s5 set code, s6 set name,
///   t1 superseded at, t2 finalised at, t3 created.
const CHILDREN_SQL: &str = "\
SELECT 1 AS kind, m.id AS id, CAST(NULL AS BIGINT) AS n1, CAST(NULL AS BIGINT) AS n2, \
CAST(NULL AS BIGINT) AS n3, CAST(NULL AS BIGINT) AS n4, CAST(NULL AS BIGINT) AS n5, \
m.code AS s1, m.name AS s2, CAST(NULL AS TEXT) AS s3, CAST(NULL AS TEXT) AS s4, \
CAST(NULL AS TEXT) AS s5, CAST(NULL AS TEXT) AS s6, CAST(NULL AS TEXT) AS s7, \
CAST(NULL AS DATE) AS d1, CAST(NULL AS TIMESTAMP) AS t1, CAST(NULL AS TIMESTAMP) AS t2, \
CAST(NULL AS TIMESTAMP) AS t3, CAST(NULL AS BOOLEAN) AS b1 \
FROM exemplar_movements em JOIN movements m ON m.id = em.movement_id WHERE em.exemplar_id = ? \
UNION ALL \
SELECT 2, i.id, CAST(i.position AS BIGINT), CAST(i.year AS BIGINT), NULL, NULL, NULL, \
i.title, i.recognised_by, i.scope, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL \
FROM initiatives i WHERE i.exemplar_id = ? \
UNION ALL \
SELECT 3, ms.id, CAST(ms.position AS BIGINT), NULL, NULL, NULL, NULL, \
ms.title, ms.status, ms.note, NULL, NULL, NULL, NULL, ms.due_on, NULL, NULL, NULL, NULL \
FROM milestones ms WHERE ms.exemplar_id = ? \
UNION ALL \
SELECT 4, se.id, se.actor_user_id, NULL, NULL, NULL, NULL, \
se.action, se.from_stage, se.to_stage, se.note, se.actor_name, NULL, NULL, \
NULL, se.occurred_at, NULL, NULL, NULL \
FROM stage_events se WHERE se.exemplar_id = ? \
UNION ALL \
SELECT 5, r.id, r.adopter_unit_id, CAST(r.version AS BIGINT), NULL, NULL, NULL, \
u.code, u.short_name, u.name, r.adopter_name, r.scale, r.outcome, r.evidence, \
r.adopted_on, r.created_at, r.updated_at, NULL, NULL \
FROM replications r LEFT JOIN units u ON u.id = r.adopter_unit_id WHERE r.exemplar_id = ? \
UNION ALL \
SELECT 6, a.id, a.owner_id, a.size_bytes, a.uploaded_by, CAST(a.version AS BIGINT), NULL, \
a.owner_type, a.file_name, a.content_type, a.sha256, a.caption, NULL, NULL, \
NULL, a.created_at, NULL, NULL, a.has_thumbnail \
FROM attachments a WHERE (a.owner_type = 'exemplar' AND a.owner_id = ?) \
OR (a.owner_type = 'replication' AND a.owner_id IN (SELECT r2.id FROM replications r2 WHERE r2.exemplar_id = ?)) \
UNION ALL \
SELECT 7, e.id, CAST(e.score_percent AS BIGINT), e.supersedes_id, e.evaluator_user_id, cs.id, \
CAST(cs.version_no AS BIGINT), e.evaluator_kind, e.status, e.conclusion, us.full_name, cs.code, \
cs.name, NULL, NULL, e.superseded_at, e.finalised_at, e.created_at, NULL \
FROM evaluations e JOIN users us ON us.id = e.evaluator_user_id \
JOIN criteria_sets cs ON cs.id = e.criteria_set_id WHERE e.exemplar_id = ?";

/// [`CHILDREN_SQL`] for one exemplar: a statement diesel can cache (its text never changes).
#[derive(Debug, Clone, Copy, QueryId)]
struct ChildrenOf {
    exemplar: i64,
}

/// The union's columns, read by position (no lookup by name for every field of every row).
type ChildSql = (
    Integer,
    BigInt,
    Nullable<BigInt>,
    Nullable<BigInt>,
    Nullable<BigInt>,
    Nullable<BigInt>,
    Nullable<BigInt>,
    Nullable<Text>,
    Nullable<Text>,
    Nullable<Text>,
    Nullable<Text>,
    Nullable<Text>,
    Nullable<Text>,
    Nullable<Text>,
    Nullable<Date>,
    Nullable<Timestamp>,
    Nullable<Timestamp>,
    Nullable<Timestamp>,
    Nullable<Bool>,
);

impl Query for ChildrenOf {
    type SqlType = ChildSql;
}

impl QueryFragment<DbBackend> for ChildrenOf {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, DbBackend>) -> QueryResult<()> {
        for (i, part) in CHILDREN_SQL.split('?').enumerate() {
            if i > 0 {
                out.push_bind_param::<BigInt, i64>(&self.exemplar)?;
            }
            out.push_sql(part);
        }
        Ok(())
    }
}

impl RunQueryDsl<DbConnection> for ChildrenOf {}

/// One row of the union, its fields in [`CHILDREN_SQL`]'s column order.
#[derive(Debug, Queryable)]
struct ChildRow {
    kind: i32,
    id: i64,
    n1: Option<i64>,
    n2: Option<i64>,
    n3: Option<i64>,
    n4: Option<i64>,
    n5: Option<i64>,
    s1: Option<String>,
    s2: Option<String>,
    s3: Option<String>,
    s4: Option<String>,
    s5: Option<String>,
    s6: Option<String>,
    s7: Option<String>,
    d1: Option<NaiveDate>,
    t1: Option<NaiveDateTime>,
    t2: Option<NaiveDateTime>,
    t3: Option<NaiveDateTime>,
    b1: Option<bool>,
}

/// A slot the branch always fills came back empty: the query and this reader disagree.
fn filled<T>(value: Option<T>, slot: &str, kind: i32) -> AppResult<T> {
    value.ok_or_else(|| AppError::internal(format!("dossier row of kind {kind} has no {slot}")))
}

fn int(value: Option<i64>, slot: &str, kind: i32) -> AppResult<i32> {
    i32::try_from(filled(value, slot, kind)?).map_err(AppError::internal)
}

fn optional_int(value: Option<i64>) -> AppResult<Option<i32>> {
    value
        .map(i32::try_from)
        .transpose()
        .map_err(AppError::internal)
}

fn optional_stage(value: Option<String>) -> AppResult<Option<Stage>> {
    value.as_deref().map(Stage::from_db).transpose()
}

/// The child rows of one exemplar, each list in its page's order.
pub struct Children {
    pub movements: Vec<MovementRef>,
    pub initiatives: Vec<Initiative>,
    milestones: Vec<(i32, Milestone)>,
    pub timeline: Vec<TimelineEvent>,
    /// Replications without their attachments (see [`Children::replications`]).
    replications: Vec<Replication>,
    attachments: Vec<AttachmentRow>,
    /// Every evaluation, with the fields its visibility rule needs.
    evaluations: Vec<(EvaluationSummary, i64)>,
}

/// The second statement: every child row of exemplar `id`.
pub fn children(conn: &mut DbConnection, id: i64) -> AppResult<Children> {
    let rows: Vec<ChildRow> = ChildrenOf { exemplar: id }.load(conn)?;
    Children::from_rows(rows)
}

impl Children {
    fn from_rows(rows: Vec<ChildRow>) -> AppResult<Self> {
        let mut children = Children {
            movements: Vec::new(),
            initiatives: Vec::new(),
            milestones: Vec::new(),
            timeline: Vec::new(),
            replications: Vec::new(),
            attachments: Vec::new(),
            evaluations: Vec::new(),
        };
        let mut initiatives = Vec::new();
        for r in rows {
            let k = r.kind;
            match k {
                MOVEMENT => children.movements.push(MovementRef {
                    id: r.id,
                    code: filled(r.s1, "code", k)?,
                    name: filled(r.s2, "name", k)?,
                }),
                INITIATIVE => initiatives.push((
                    int(r.n1, "position", k)?,
                    Initiative {
                        title: filled(r.s1, "title", k)?,
                        year: optional_int(r.n2)?,
                        recognised_by: r.s2,
                        scope: r.s3,
                    },
                )),
                MILESTONE => children.milestones.push((
                    int(r.n1, "position", k)?,
                    Milestone {
                        title: filled(r.s1, "title", k)?,
                        status: MilestoneStatus::from_db(&filled(r.s2, "status", k)?)?,
                        note: r.s3,
                        due_on: filled(r.d1, "due date", k)?.into(),
                    },
                )),
                TIMELINE => children.timeline.push(TimelineEvent {
                    id: r.id,
                    action: TimelineAction::from_db(&filled(r.s1, "action", k)?)?,
                    from_stage: optional_stage(r.s2)?,
                    to_stage: optional_stage(r.s3)?,
                    note: r.s4,
                    actor_user_id: r.n1,
                    actor_name: filled(r.s5, "actor", k)?,
                    occurred_at: filled(r.t1, "time", k)?,
                }),
                REPLICATION => children.replications.push(Replication {
                    id: r.id,
                    exemplar_id: 0, // set by the caller, which knows it
                    adopter_unit: match (r.n1, r.s1, r.s2, r.s3) {
                        (Some(id), Some(code), Some(short_name), Some(name)) => Some(UnitRef {
                            id,
                            code,
                            short_name,
                            name,
                        }),
                        _ => None,
                    },
                    adopter_name: filled(r.s4, "adopter", k)?,
                    adopted_on: filled(r.d1, "adoption date", k)?,
                    scale: filled(r.s5, "scale", k)?,
                    outcome: filled(r.s6, "outcome", k)?,
                    evidence: r.s7,
                    attachments: Vec::new(),
                    version: int(r.n2, "version", k)?,
                    created_at: filled(r.t1, "creation", k)?.and_utc(),
                    updated_at: filled(r.t2, "update", k)?.and_utc(),
                }),
                ATTACHMENT => children.attachments.push(AttachmentRow {
                    id: r.id,
                    owner_id: filled(r.n1, "owner", k)?,
                    size_bytes: filled(r.n2, "size", k)?,
                    uploaded_by: r.n3,
                    version: int(r.n4, "version", k)?,
                    owner_type: filled(r.s1, "owner type", k)?,
                    file_name: filled(r.s2, "file name", k)?,
                    content_type: filled(r.s3, "content type", k)?,
                    sha256: filled(r.s4, "digest", k)?,
                    caption: r.s5,
                    has_thumbnail: filled(r.b1, "thumbnail flag", k)?,
                    created_at: filled(r.t1, "creation", k)?,
                }),
                EVALUATION => children.evaluations.push((
                    EvaluationSummary {
                        id: r.id,
                        score_percent: optional_int(r.n1)?,
                        supersedes_id: r.n2,
                        criteria_set: CriteriaSetRef {
                            id: filled(r.n4, "criteria set", k)?,
                            version_no: int(r.n5, "criteria set version", k)?,
                            code: filled(r.s5, "criteria set code", k)?,
                            name: filled(r.s6, "criteria set name", k)?,
                        },
                        evaluator_kind: EvaluatorKind::from_db(&filled(
                            r.s1,
                            "evaluator kind",
                            k,
                        )?)?,
                        status: EvaluationStatus::from_db(&filled(r.s2, "status", k)?)?,
                        conclusion: r.s3.as_deref().map(Conclusion::from_db).transpose()?,
                        evaluator_name: filled(r.s4, "evaluator", k)?,
                        superseded_at: r.t1.map(|t| t.and_utc()),
                        finalised_at: r.t2.map(|t| t.and_utc()),
                        created_at: filled(r.t3, "creation", k)?.and_utc(),
                    },
                    filled(r.n3, "evaluator id", k)?,
                )),
                other => {
                    return Err(AppError::internal(format!(
                        "dossier row of unknown kind {other}"
                    )));
                }
            }
        }
        initiatives.sort_by_key(|(position, _)| *position);
        children.initiatives = initiatives.into_iter().map(|(_, i)| i).collect();
        children.movements.sort_by_key(|m| m.id);
        children.milestones.sort_by_key(|(position, _)| *position);
        children.timeline.sort_by_key(|e| (e.occurred_at, e.id));
        children.replications.sort_by_key(|r| (r.adopted_on, r.id));
        children.attachments.sort_by_key(|a| a.id);
        children
            .evaluations
            .sort_by_key(|(e, _)| (e.created_at, e.id));
        Ok(children)
    }

    /// Whether anything refers to the exemplar (then it cannot be deleted): an evaluation, even
    /// one the caller does not see, or an introduction.
    pub fn evaluated(&self) -> bool {
        !self.evaluations.is_empty()
    }

    /// The evaluations `principal` may see.
    pub fn visible_evaluations(&mut self, principal: &Principal) -> Vec<EvaluationSummary> {
        std::mem::take(&mut self.evaluations)
            .into_iter()
            .filter(|(e, evaluator)| {
                evaluations::visible(e.status, e.evaluator_kind, *evaluator, principal)
            })
            .map(|(e, _)| e)
            .collect()
    }

    /// The replications of exemplar `exemplar_id`, each with its attachments.
    pub fn replications(&mut self, exemplar_id: i64) -> Vec<Replication> {
        let attachments = &self.attachments;
        std::mem::take(&mut self.replications)
            .into_iter()
            .map(|mut r| {
                r.exemplar_id = exemplar_id;
                r.attachments = attachments
                    .iter()
                    .filter(|a| a.owner_type == "replication" && a.owner_id == r.id)
                    .cloned()
                    .map(Into::into)
                    .collect();
                r
            })
            .collect()
    }

    /// The exemplar's own attachments.
    pub fn exemplar_attachments(&self) -> Vec<crate::attachments::model::Attachment> {
        self.attachments
            .iter()
            .filter(|a| a.owner_type == "exemplar")
            .cloned()
            .map(Into::into)
            .collect()
    }

    /// The nurturing plan, when the head has one, with its milestones.
    pub fn plan(&mut self, head: &mut Head) -> Option<NurturingPlan> {
        let (strengths, shortcomings, measures, support, mentor, version, created_at, updated_at) =
            head.plan.take()?;
        Some(NurturingPlan {
            strengths,
            shortcomings,
            measures,
            support,
            mentor,
            milestones: std::mem::take(&mut self.milestones)
                .into_iter()
                .map(|(_, m)| m)
                .collect(),
            version,
            created_at: created_at.and_utc(),
            updated_at: updated_at.and_utc(),
        })
    }
}
