//! Evaluations of one exemplar by one evaluator against one criteria set version. Drafts are
//! editable by their evaluator; a final evaluation is immutable and is amended by a new one that
//! supersedes it.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::conclusion::{self, Answer};
use crate::attachments::model::{Attachment, Owner};
use crate::auth::{Principal, Role};
use crate::criteria::model::{self as criteria_model, CriteriaSetRef, CriterionMode, SetStatus};
use crate::db::DbConnection;
use crate::db::schema::{criteria, criteria_sets, evaluation_items, evaluations, exemplars, users};
use crate::error::{AppError, AppResult, ErrorCode, FieldError};
use crate::exemplars::model::{ExemplarRow, touch};
use crate::exemplars::timeline::{self, Step};
use crate::exemplars::types::{Conclusion, TimelineAction};
use crate::http::etag::IfMatch;
use crate::{text_enum, versioned_delete, versioned_update};

text_enum!(
    /// Who evaluates, in what capacity.
    pub enum EvaluatorKind {
        /// The unit's own assessment (unit head or staff).
        SelfAssessment = "self_assessment" / "Đơn vị tự đánh giá",
        /// The Office's review.
        OfficeReview = "office_review" / "Văn phòng Sở thẩm định",
        /// A member of the emulation and commendation council.
        CouncilMember = "council_member" / "Thành viên Hội đồng TĐKT",
    }
);

text_enum!(
    /// Whether an evaluation may still change.
    pub enum EvaluationStatus {
        /// Being written; only its evaluator may change or delete it.
        Draft = "draft" / "Bản nháp",
        /// Immutable; amend it with a new evaluation.
        Final = "final" / "Đã hoàn tất",
    }
);

impl EvaluatorKind {
    /// The capacities a role may evaluate in.
    pub fn allowed_for(role: Role) -> &'static [EvaluatorKind] {
        match role {
            Role::UnitHead | Role::UnitStaff => &[EvaluatorKind::SelfAssessment],
            Role::Office => &[EvaluatorKind::OfficeReview, EvaluatorKind::CouncilMember],
            Role::Leader => &[EvaluatorKind::CouncilMember, EvaluatorKind::OfficeReview],
            Role::Admin | Role::Integration => &[],
        }
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = evaluations)]
pub struct EvaluationRow {
    pub id: i64,
    pub exemplar_id: i64,
    pub criteria_set_id: i64,
    pub evaluator_user_id: i64,
    pub evaluator_kind: EvaluatorKind,
    pub status: EvaluationStatus,
    pub score_percent: Option<i32>,
    pub computed_conclusion: Option<Conclusion>,
    pub conclusion_override: Option<Conclusion>,
    pub override_reason: Option<String>,
    pub conclusion: Option<Conclusion>,
    pub comment: Option<String>,
    pub supersedes_id: Option<i64>,
    pub superseded_at: Option<NaiveDateTime>,
    pub finalised_at: Option<NaiveDateTime>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl EvaluationRow {
    /// The visibility rule of evaluations, for every read path (the exemplar's dossier, the
    /// list, the evaluation itself, its attachments), on top of the exemplar's own: a final
    /// evaluation is seen by whoever sees the exemplar (service accounts see nothing else); a
    /// draft by its evaluator, and by the colleagues who share its capacity: the unit's roles for
    /// a self-assessment, the Office for an Office review. A council member's draft is the
    /// member's alone.
    pub fn visible_to(&self, principal: &Principal) -> bool {
        visible(
            self.status,
            self.evaluator_kind,
            self.evaluator_user_id,
            principal,
        )
    }
}

/// [`EvaluationRow::visible_to`] from the fields the rule reads.
pub fn visible(
    status: EvaluationStatus,
    kind: EvaluatorKind,
    evaluator_user_id: i64,
    principal: &Principal,
) -> bool {
    if status == EvaluationStatus::Final || principal.user_id() == Some(evaluator_user_id) {
        return true;
    }
    match kind {
        EvaluatorKind::SelfAssessment => principal.role.is_unit_scoped(),
        EvaluatorKind::OfficeReview => principal.role == Role::Office,
        EvaluatorKind::CouncilMember => false,
    }
}

/// The answer to one criterion.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct EvaluationItem {
    pub criterion_id: i64,
    pub position: i32,
    pub criterion_text: String,
    pub guidance: Option<String>,
    pub weight: i32,
    pub mode: CriterionMode,
    pub max_score: Option<i32>,
    /// For pass/fail criteria.
    pub met: Option<bool>,
    /// For scored criteria.
    pub score: Option<i32>,
    pub evidence: Option<String>,
    pub comment: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Evaluator {
    pub id: i64,
    pub full_name: String,
}

/// An evaluation with its answers.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Evaluation {
    pub id: i64,
    pub exemplar_id: i64,
    pub exemplar_name: String,
    /// The criteria set version used, kept for good.
    pub criteria_set: CriteriaSetRef,
    pub pass_threshold: i32,
    pub nurture_threshold: i32,
    pub evaluator: Evaluator,
    pub evaluator_kind: EvaluatorKind,
    pub status: EvaluationStatus,
    pub items: Vec<EvaluationItem>,
    /// Weighted score in percent, once every criterion is answered.
    pub score_percent: Option<i32>,
    /// What the documented rule concludes.
    pub computed_conclusion: Option<Conclusion>,
    /// The evaluator's own conclusion, when it differs, with the reason.
    pub conclusion_override: Option<Conclusion>,
    pub override_reason: Option<String>,
    /// The effective conclusion (override, else computed).
    pub conclusion: Option<Conclusion>,
    pub comment: Option<String>,
    /// The final evaluation this one amends.
    pub supersedes_id: Option<i64>,
    /// Set when a newer final evaluation amended this one.
    pub superseded_at: Option<DateTime<Utc>>,
    pub finalised_at: Option<DateTime<Utc>>,
    pub attachments: Vec<Attachment>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// An evaluation as listed on its exemplar.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct EvaluationSummary {
    pub id: i64,
    pub evaluator_kind: EvaluatorKind,
    pub evaluator_name: String,
    pub status: EvaluationStatus,
    pub criteria_set: CriteriaSetRef,
    pub score_percent: Option<i32>,
    pub conclusion: Option<Conclusion>,
    pub supersedes_id: Option<i64>,
    pub superseded_at: Option<DateTime<Utc>>,
    pub finalised_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

/// A new evaluation.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NewEvaluation {
    pub evaluator_kind: EvaluatorKind,
    /// A published criteria set for the exemplar's subject kind; default: the current one.
    pub criteria_set_id: Option<i64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ItemInput {
    pub criterion_id: i64,
    pub met: Option<bool>,
    pub score: Option<i32>,
    #[validate(length(max = 10000))]
    #[schema(max_length = 10000)]
    pub evidence: Option<String>,
    #[validate(length(max = 4000))]
    #[schema(max_length = 4000)]
    pub comment: Option<String>,
}

/// The evaluator's answers (a draft may be saved incomplete).
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct EvaluationInput {
    #[validate(length(max = 100), nested)]
    #[schema(max_items = 100)]
    pub items: Vec<ItemInput>,
    #[validate(length(max = 10000))]
    #[schema(max_length = 10000)]
    pub comment: Option<String>,
    /// To conclude otherwise than the rule; needs `overrideReason`.
    pub conclusion_override: Option<Conclusion>,
    #[validate(length(max = 4000))]
    #[schema(max_length = 4000)]
    pub override_reason: Option<String>,
}

fn clean(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

pub fn find_row(conn: &mut DbConnection, id: i64) -> AppResult<EvaluationRow> {
    evaluations::table
        .find(id)
        .select(EvaluationRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::not_found("phiếu đánh giá"))
}

type ItemRow = (
    i64,
    i32,
    String,
    Option<String>,
    i32,
    CriterionMode,
    Option<i32>,
    Option<bool>,
    Option<i32>,
    Option<String>,
    Option<String>,
);

fn items_of(conn: &mut DbConnection, evaluation_id: i64) -> AppResult<Vec<EvaluationItem>> {
    let rows: Vec<ItemRow> = evaluation_items::table
        .inner_join(criteria::table)
        .filter(evaluation_items::evaluation_id.eq(evaluation_id))
        .order(criteria::position.asc())
        .select((
            criteria::id,
            criteria::position,
            criteria::text,
            criteria::guidance,
            criteria::weight,
            criteria::mode,
            criteria::max_score,
            evaluation_items::met,
            evaluation_items::score,
            evaluation_items::evidence,
            evaluation_items::comment,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(|r| {
            Ok(EvaluationItem {
                criterion_id: r.0,
                position: r.1,
                criterion_text: r.2,
                guidance: r.3,
                weight: r.4,
                mode: r.5,
                max_score: r.6,
                met: r.7,
                score: r.8,
                evidence: r.9,
                comment: r.10,
            })
        })
        .collect()
}

pub fn load(conn: &mut DbConnection, id: i64) -> AppResult<Evaluation> {
    let row = find_row(conn, id)?;
    let set = criteria_model::find_row(conn, row.criteria_set_id)?;
    let full_name: String = users::table
        .find(row.evaluator_user_id)
        .select(users::full_name)
        .first(conn)?;
    let exemplar_name: String = exemplars::table
        .find(row.exemplar_id)
        .select(exemplars::name)
        .first(conn)?;
    Ok(Evaluation {
        exemplar_name,
        items: items_of(conn, row.id)?,
        attachments: crate::attachments::model::list(conn, Owner::Evaluation(row.id))?,
        id: row.id,
        exemplar_id: row.exemplar_id,
        criteria_set: set.reference(),
        pass_threshold: set.pass_threshold,
        nurture_threshold: set.nurture_threshold,
        evaluator: Evaluator {
            id: row.evaluator_user_id,
            full_name,
        },
        evaluator_kind: row.evaluator_kind,
        status: row.status,
        score_percent: row.score_percent,
        computed_conclusion: row.computed_conclusion,
        conclusion_override: row.conclusion_override,
        override_reason: row.override_reason,
        conclusion: row.conclusion,
        comment: row.comment,
        supersedes_id: row.supersedes_id,
        superseded_at: row.superseded_at.map(|t| t.and_utc()),
        finalised_at: row.finalised_at.map(|t| t.and_utc()),
        version: row.version,
        created_at: row.created_at.and_utc(),
        updated_at: row.updated_at.and_utc(),
    })
}

/// The evaluations of `exemplar` that `principal` may see, oldest first. The caller has checked
/// that the exemplar itself is visible.
pub fn visible_for_exemplar(
    conn: &mut DbConnection,
    principal: &Principal,
    exemplar: &ExemplarRow,
) -> AppResult<Vec<EvaluationSummary>> {
    let rows: Vec<(EvaluationRow, String, (i64, String, i32, String))> = evaluations::table
        .inner_join(users::table)
        .inner_join(criteria_sets::table)
        .filter(evaluations::exemplar_id.eq(exemplar.id))
        .order((evaluations::created_at.asc(), evaluations::id.asc()))
        .select((
            EvaluationRow::as_select(),
            users::full_name,
            (
                criteria_sets::id,
                criteria_sets::code,
                criteria_sets::version_no,
                criteria_sets::name,
            ),
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter(|(row, _, _)| row.visible_to(principal))
        .map(
            |(row, evaluator_name, (id, code, version_no, name))| EvaluationSummary {
                id: row.id,
                evaluator_kind: row.evaluator_kind,
                evaluator_name,
                status: row.status,
                criteria_set: CriteriaSetRef {
                    id,
                    code,
                    version_no,
                    name,
                },
                score_percent: row.score_percent,
                conclusion: row.conclusion,
                supersedes_id: row.supersedes_id,
                superseded_at: row.superseded_at.map(|t| t.and_utc()),
                finalised_at: row.finalised_at.map(|t| t.and_utc()),
                created_at: row.created_at.and_utc(),
            },
        )
        .collect())
}

fn check_kind(actor: &Principal, kind: EvaluatorKind) -> AppResult<()> {
    if EvaluatorKind::allowed_for(actor.role).contains(&kind) {
        return Ok(());
    }
    let allowed: Vec<&str> = EvaluatorKind::allowed_for(actor.role)
        .iter()
        .map(|k| k.label())
        .collect();
    Err(AppError::field(
        "evaluatorKind",
        "not_allowed",
        format!(
            "Với vai trò của bạn, chỉ được đánh giá với tư cách: {}.",
            allowed.join(", ")
        ),
    ))
}

fn insert_with_items(
    conn: &mut DbConnection,
    actor: &Principal,
    exemplar_id: i64,
    set_id: i64,
    kind: EvaluatorKind,
    supersedes: Option<&EvaluationRow>,
    now: NaiveDateTime,
) -> AppResult<i64> {
    let evaluator = actor.user_id().ok_or_else(AppError::forbidden)?;
    let id: i64 = diesel::insert_into(evaluations::table)
        .values((
            evaluations::exemplar_id.eq(exemplar_id),
            evaluations::criteria_set_id.eq(set_id),
            evaluations::evaluator_user_id.eq(evaluator),
            evaluations::evaluator_kind.eq(kind),
            evaluations::status.eq(EvaluationStatus::Draft),
            evaluations::comment.eq(supersedes.and_then(|s| s.comment.clone())),
            evaluations::supersedes_id.eq(supersedes.map(|s| s.id)),
            evaluations::version.eq(1),
            evaluations::created_at.eq(now),
            evaluations::updated_at.eq(now),
        ))
        .returning(evaluations::id)
        .get_result(conn)?;
    let previous: Vec<(
        i64,
        Option<bool>,
        Option<i32>,
        Option<String>,
        Option<String>,
    )> = match supersedes {
        Some(old) => evaluation_items::table
            .filter(evaluation_items::evaluation_id.eq(old.id))
            .select((
                evaluation_items::criterion_id,
                evaluation_items::met,
                evaluation_items::score,
                evaluation_items::evidence,
                evaluation_items::comment,
            ))
            .load(conn)?,
        None => Vec::new(),
    };
    let criterion_ids: Vec<i64> = criteria::table
        .filter(criteria::set_id.eq(set_id))
        .select(criteria::id)
        .load(conn)?;
    for criterion_id in criterion_ids {
        let old = previous.iter().find(|p| p.0 == criterion_id);
        diesel::insert_into(evaluation_items::table)
            .values((
                evaluation_items::evaluation_id.eq(id),
                evaluation_items::criterion_id.eq(criterion_id),
                evaluation_items::met.eq(old.and_then(|o| o.1)),
                evaluation_items::score.eq(old.and_then(|o| o.2)),
                evaluation_items::evidence.eq(old.and_then(|o| o.3.clone())),
                evaluation_items::comment.eq(old.and_then(|o| o.4.clone())),
            ))
            .execute(conn)?;
    }
    Ok(id)
}

/// Opens a draft evaluation of `exemplar`.
pub fn create(
    conn: &mut DbConnection,
    actor: &Principal,
    exemplar: &ExemplarRow,
    request: &NewEvaluation,
    now: NaiveDateTime,
) -> AppResult<i64> {
    check_kind(actor, request.evaluator_kind)?;
    let subject = exemplar.subject_kind;
    let set = match request.criteria_set_id {
        None => criteria_model::current_for(conn, subject)?,
        Some(id) => {
            let set = criteria_model::find_row(conn, id).map_err(|_| {
                AppError::field("criteriaSetId", "not_found", "Bộ tiêu chí không tồn tại.")
            })?;
            if set.status != SetStatus::Published {
                return Err(AppError::field(
                    "criteriaSetId",
                    "not_published",
                    "Chỉ đánh giá theo bộ tiêu chí đang áp dụng.",
                ));
            }
            if set.subject_kind != exemplar.subject_kind {
                return Err(AppError::field(
                    "criteriaSetId",
                    "mismatch",
                    "Bộ tiêu chí không dành cho loại đối tượng này.",
                ));
            }
            set
        }
    };
    insert_with_items(
        conn,
        actor,
        exemplar.id,
        set.id,
        request.evaluator_kind,
        None,
        now,
    )
}

/// Only the evaluator edits a draft; nobody edits a final evaluation.
pub fn ensure_editable(actor: &Principal, row: &EvaluationRow) -> AppResult<()> {
    if row.status == EvaluationStatus::Final {
        return Err(AppError::new(ErrorCode::EvaluationFinalised).with_detail(
            "Phiếu đánh giá đã hoàn tất và không sửa được; hãy lập phiếu điều chỉnh thay thế.",
        ));
    }
    if actor.user_id() != Some(row.evaluator_user_id) {
        return Err(AppError::new(ErrorCode::Conflict)
            .with_detail("Chỉ người lập phiếu được sửa phiếu đánh giá nháp."));
    }
    Ok(())
}

pub fn save(
    conn: &mut DbConnection,
    actor: &Principal,
    row: &EvaluationRow,
    if_match: IfMatch,
    now: NaiveDateTime,
    input: &EvaluationInput,
) -> AppResult<()> {
    ensure_editable(actor, row)?;
    let expected = if_match.expect(row.version)?;
    let items = items_of(conn, row.id)?;
    let mut errors = Vec::new();
    for (index, answer) in input.items.iter().enumerate() {
        let path = |field: &str| format!("items[{index}].{field}");
        let Some(item) = items.iter().find(|i| i.criterion_id == answer.criterion_id) else {
            errors.push(FieldError::new(
                path("criterionId"),
                "unknown",
                "Tiêu chí không thuộc bộ tiêu chí của phiếu.",
            ));
            continue;
        };
        match item.mode {
            CriterionMode::PassFail if answer.score.is_some() => errors.push(FieldError::new(
                path("score"),
                "not_applicable",
                "Tiêu chí này chỉ đánh giá đạt/không đạt.",
            )),
            CriterionMode::Score if answer.met.is_some() => errors.push(FieldError::new(
                path("met"),
                "not_applicable",
                "Tiêu chí này được chấm điểm.",
            )),
            CriterionMode::Score => {
                if let (Some(score), Some(max)) = (answer.score, item.max_score)
                    && !(0..=max).contains(&score)
                {
                    errors.push(FieldError::new(
                        path("score"),
                        "range",
                        format!("Điểm phải từ 0 đến {max}."),
                    ));
                }
            }
            CriterionMode::PassFail => {}
        }
    }
    if input.conclusion_override.is_some()
        && clean(&input.override_reason).is_none_or(|r| r.chars().count() < 10)
    {
        errors.push(FieldError::new(
            "overrideReason",
            "required",
            "Ghi rõ lý do (ít nhất 10 ký tự) khi kết luận khác với kết quả tính.",
        ));
    }
    if !errors.is_empty() {
        return Err(AppError::validation(errors));
    }
    // Claim the evaluation first: its answers change only once its own version did.
    versioned_update!(
        conn,
        evaluations,
        row.id,
        expected,
        now,
        (
            evaluations::comment.eq(clean(&input.comment)),
            evaluations::conclusion_override.eq(input.conclusion_override),
            evaluations::override_reason
                .eq(input.conclusion_override.and(clean(&input.override_reason))),
        )
    )?;
    for answer in &input.items {
        diesel::update(
            evaluation_items::table
                .filter(evaluation_items::evaluation_id.eq(row.id))
                .filter(evaluation_items::criterion_id.eq(answer.criterion_id)),
        )
        .set((
            evaluation_items::met.eq(answer.met),
            evaluation_items::score.eq(answer.score),
            evaluation_items::evidence.eq(clean(&answer.evidence)),
            evaluation_items::comment.eq(clean(&answer.comment)),
        ))
        .execute(conn)?;
    }
    let answers: Vec<Answer> = items_of(conn, row.id)?
        .iter()
        .map(|i| Answer {
            weight: i.weight,
            mode: i.mode,
            max_score: i.max_score,
            met: i.met,
            score: i.score,
        })
        .collect();
    let set = criteria_model::find_row(conn, row.criteria_set_id)?;
    let computed = conclusion::conclude(&answers, set.pass_threshold, set.nurture_threshold);
    // The outcome of the answers just written, on the row this transaction holds.
    diesel::update(evaluations::table.find(row.id))
        .set((
            evaluations::score_percent.eq(computed.map(|c| c.0)),
            evaluations::computed_conclusion.eq(computed.map(|c| c.1)),
            evaluations::conclusion.eq(input.conclusion_override.or(computed.map(|c| c.1))),
        ))
        .execute(conn)?;
    Ok(())
}

/// Makes a draft final (immutable), supersedes what it amends, and updates the exemplar's
/// current conclusion and timeline.
pub fn finalise(
    conn: &mut DbConnection,
    actor: &Principal,
    row: &EvaluationRow,
    if_match: IfMatch,
    now: NaiveDateTime,
    exemplar: &ExemplarRow,
) -> AppResult<()> {
    ensure_editable(actor, row)?;
    let expected = if_match.expect(row.version)?;
    let items = items_of(conn, row.id)?;
    let missing: Vec<FieldError> = items
        .iter()
        .enumerate()
        .filter(|(_, i)| match i.mode {
            CriterionMode::PassFail => i.met.is_none(),
            CriterionMode::Score => i.score.is_none(),
        })
        .map(|(index, i)| {
            let field = if i.mode == CriterionMode::PassFail {
                "met"
            } else {
                "score"
            };
            FieldError::new(
                format!("items[{index}].{field}"),
                "required",
                format!("Chưa đánh giá tiêu chí {}.", i.position),
            )
        })
        .collect();
    if !missing.is_empty() {
        let mut error = AppError::new(ErrorCode::IncompleteEvaluation)
            .with_detail("Cần đánh giá đủ mọi tiêu chí trước khi hoàn tất.");
        error.errors = missing;
        return Err(error);
    }
    // Every criterion is answered, so the answers conclude, unless the set they were given
    // against cannot score them (a scored criterion without a maximum): a client's problem to
    // fix, not a server error.
    let answers: Vec<Answer> = items
        .iter()
        .map(|i| Answer {
            weight: i.weight,
            mode: i.mode,
            max_score: i.max_score,
            met: i.met,
            score: i.score,
        })
        .collect();
    let set = criteria_model::find_row(conn, row.criteria_set_id)?;
    let computed = conclusion::conclude(&answers, set.pass_threshold, set.nurture_threshold);
    let Some(conclusion) = row.conclusion.or(computed.map(|c| c.1)) else {
        return Err(AppError::new(ErrorCode::IncompleteEvaluation).with_detail(
            "Chưa tính được kết luận từ các câu trả lời; hãy lưu lại phiếu rồi hoàn tất.",
        ));
    };
    versioned_update!(
        conn,
        evaluations,
        row.id,
        expected,
        now,
        (
            evaluations::status.eq(EvaluationStatus::Final),
            evaluations::finalised_at.eq(Some(now)),
            evaluations::conclusion.eq(Some(conclusion)),
            evaluations::score_percent.eq(row.score_percent.or(computed.map(|c| c.0))),
        )
    )?;
    if let Some(old) = row.supersedes_id {
        let amended = find_row(conn, old)?;
        if amended.superseded_at.is_none() {
            versioned_update!(
                conn,
                evaluations,
                old,
                amended.version,
                now,
                (evaluations::superseded_at.eq(Some(now)))
            )?;
        }
    }
    refresh_current_conclusion(conn, exemplar, now)?;
    let score = row
        .score_percent
        .or(computed.map(|c| c.0))
        .map(|s| format!(" ({s}%)"))
        .unwrap_or_default();
    let note = format!(
        "{}: {}{score}",
        row.evaluator_kind.label(),
        conclusion.label()
    );
    timeline::record(
        conn,
        exemplar.id,
        actor,
        now,
        Step::new(TimelineAction::Evaluated).note(Some(&note)),
    )
}

/// The exemplar's current conclusion: the latest live final evaluation by the Office or the
/// council, else the latest live self-assessment.
fn refresh_current_conclusion(
    conn: &mut DbConnection,
    exemplar: &ExemplarRow,
    now: NaiveDateTime,
) -> AppResult<()> {
    let live: Vec<(EvaluatorKind, Option<Conclusion>)> = evaluations::table
        .filter(evaluations::exemplar_id.eq(exemplar.id))
        .filter(evaluations::status.eq(EvaluationStatus::Final))
        .filter(evaluations::superseded_at.is_null())
        .order((evaluations::finalised_at.desc(), evaluations::id.desc()))
        .select((evaluations::evaluator_kind, evaluations::conclusion))
        .load(conn)?;
    let reviewed = live
        .iter()
        .find(|(kind, _)| *kind != EvaluatorKind::SelfAssessment);
    let current = reviewed.or(live.first()).and_then(|(_, c)| *c);
    touch(conn, exemplar, now)?;
    diesel::update(exemplars::table.find(exemplar.id))
        .set(exemplars::current_conclusion.eq(current))
        .execute(conn)?;
    Ok(())
}

/// Opens a draft that amends a final evaluation (copying its answers). The final evaluation is
/// claimed by its version, so of concurrent requests one amends and the others are stale.
pub fn amend(
    conn: &mut DbConnection,
    actor: &Principal,
    row: &EvaluationRow,
    if_match: IfMatch,
    now: NaiveDateTime,
) -> AppResult<i64> {
    if row.status != EvaluationStatus::Final {
        return Err(AppError::new(ErrorCode::Conflict)
            .with_detail("Phiếu nháp thì sửa trực tiếp, không cần lập phiếu điều chỉnh."));
    }
    if row.superseded_at.is_some() {
        return Err(AppError::new(ErrorCode::Conflict)
            .with_detail("Phiếu này đã được thay thế bởi một phiếu điều chỉnh."));
    }
    let is_evaluator = actor.user_id() == Some(row.evaluator_user_id);
    if !is_evaluator && actor.role != Role::Office {
        return Err(AppError::new(ErrorCode::Conflict)
            .with_detail("Chỉ người lập phiếu hoặc Văn phòng Sở được điều chỉnh phiếu đánh giá."));
    }
    check_kind(actor, row.evaluator_kind)?;
    let expected = if_match.expect(row.version)?;
    versioned_update!(conn, evaluations, row.id, expected, now)?;
    let pending: i64 = evaluations::table
        .filter(evaluations::supersedes_id.eq(row.id))
        .filter(evaluations::status.eq(EvaluationStatus::Draft))
        .count()
        .get_result(conn)?;
    if pending > 0 {
        return Err(AppError::new(ErrorCode::Conflict)
            .with_detail("Đã có một phiếu điều chỉnh nháp cho phiếu này."));
    }
    insert_with_items(
        conn,
        actor,
        row.exemplar_id,
        row.criteria_set_id,
        row.evaluator_kind,
        Some(row),
        now,
    )
}

/// Deletes a draft (by its evaluator): claimed first, then `remove_files` drops its attachments,
/// then its answers go with it.
pub fn delete_draft(
    conn: &mut DbConnection,
    actor: &Principal,
    row: &EvaluationRow,
    if_match: IfMatch,
    now: NaiveDateTime,
    remove_files: impl FnOnce(&mut DbConnection) -> AppResult<()>,
) -> AppResult<()> {
    ensure_editable(actor, row)?;
    let expected = if_match.expect(row.version)?;
    let claimed = versioned_update!(conn, evaluations, row.id, expected, now)?;
    remove_files(conn)?;
    versioned_delete!(conn, evaluations, row.id, claimed)
}
