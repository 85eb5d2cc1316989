//! Commendation proposals (hồ sơ đề nghị khen thưởng) and their nominees: the rows, the form a
//! unit fills in, its checks, and the one visibility rule every read path applies.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::catalogue::{self, AwardFormRow};
use super::types::{
    CatalogueStatus, CommendationType, NomineeOutcome, NomineeReview, ProposalState, VoteResult,
};
use crate::auth::{Principal, Role, policy};
use crate::db::schema::{
    commendation_nominees, commendation_occasions, commendation_proposals, council_meetings,
    council_members, exemplars, meeting_agenda, movements, units,
};
use crate::db::{DbConnection, search};
use crate::error::{AppError, AppResult, ErrorCode, FieldError};
use crate::exemplars::types::SubjectKind;
use crate::http::etag::IfMatch;
use crate::{versioned_delete, versioned_update};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = commendation_proposals)]
pub struct ProposalRow {
    pub id: i64,
    pub unit_id: i64,
    pub award_form_id: i64,
    pub commendation_type: CommendationType,
    pub occasion_id: Option<i64>,
    pub movement_id: Option<i64>,
    pub year: i32,
    pub title: String,
    pub summary: Option<String>,
    pub state: ProposalState,
    pub return_reason: Option<String>,
    pub notice_starts_at: Option<NaiveDateTime>,
    pub notice_ends_at: Option<NaiveDateTime>,
    pub decision_entry_id: Option<i64>,
    pub decided_on: Option<NaiveDate>,
    pub signer_authority: Option<String>,
    pub signer_title: Option<String>,
    pub signer_name: Option<String>,
    pub rejection_reason: Option<String>,
    pub forward_entry_id: Option<i64>,
    pub forwarded_on: Option<NaiveDate>,
    pub higher_decision_number: Option<String>,
    pub higher_decision_date: Option<NaiveDate>,
    pub awarded_on: Option<NaiveDate>,
    pub created_by: Option<i64>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = commendation_nominees)]
pub struct NomineeRow {
    pub id: i64,
    pub proposal_id: i64,
    pub position: i32,
    pub subject_kind: SubjectKind,
    pub exemplar_id: Option<i64>,
    pub full_name: String,
    pub job_title: Option<String>,
    pub unit_id: Option<i64>,
    pub workplace: String,
    pub member_count: Option<i32>,
    pub members_completed: Option<i32>,
    pub recognised_initiatives: i32,
    pub achievement: String,
    pub subject_key: String,
    pub review: NomineeReview,
    pub review_reason: Option<String>,
    pub vote_result: Option<VoteResult>,
    pub outcome: NomineeOutcome,
    pub outcome_reason: Option<String>,
    pub reward_amount: Option<i64>,
}

impl NomineeRow {
    /// Still in the running: found eligible and not failed by the council.
    pub fn in_running(&self) -> bool {
        self.review == NomineeReview::Eligible && self.vote_result != Some(VoteResult::Failed)
    }
}

/// Who a person or collective is, for matching facts: the folded name and the unit (or, for
/// someone outside the Department's units, the folded workplace).
pub fn subject_key(full_name: &str, unit_id: Option<i64>, workplace: &str) -> String {
    match unit_id {
        Some(unit) => format!("{}|u{unit}", search::fold(full_name)),
        None => format!("{}|{}", search::fold(full_name), search::fold(workplace)),
    }
}

/// A nominee as the unit proposes it: an exemplar of the unit (its name, position and unit are
/// copied), or another individual or collective with the minimum of personal data.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct NomineeInput {
    /// An exemplar of the proposal's unit; its name, kind, position and unit are copied.
    pub exemplar_id: Option<i64>,
    /// Required without an exemplar.
    pub subject_kind: Option<SubjectKind>,
    /// "Nguyễn Văn A" or the collective's name; required without an exemplar.
    #[validate(length(min = 2, max = 300))]
    #[schema(min_length = 2, max_length = 300)]
    pub full_name: Option<String>,
    /// Chức vụ (individuals).
    #[validate(length(max = 200))]
    #[schema(max_length = 200)]
    pub job_title: Option<String>,
    /// The Department's unit the nominee works in (or is), when it is one.
    pub unit_id: Option<i64>,
    /// Đơn vị công tác as written; default: the unit's name.
    #[validate(length(max = 300))]
    #[schema(max_length = 300)]
    pub workplace: Option<String>,
    /// Collectives: number of members.
    #[validate(range(min = 2, max = 100000))]
    #[schema(minimum = 2, maximum = 100000)]
    pub member_count: Option<i32>,
    /// Collectives: members who completed their tasks in the year (báo cáo thành tích).
    #[validate(range(min = 0, max = 100000))]
    #[schema(minimum = 0, maximum = 100000)]
    pub members_completed: Option<i32>,
    /// Recognised initiatives (sáng kiến được công nhận); default for an exemplar: its
    /// initiatives with a recognising body.
    #[validate(range(min = 0, max = 100))]
    #[schema(minimum = 0, maximum = 100)]
    pub recognised_initiatives: Option<i32>,
    /// The achievement in a few sentences (shown in the public notice and the documents);
    /// default for an exemplar: its achievements.
    #[validate(length(min = 10, max = 4000))]
    #[schema(min_length = 10, max_length = 4000)]
    pub achievement: Option<String>,
}

/// The fields of a proposal, for creating or replacing it.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ProposalInput {
    pub unit_id: i64,
    /// A published version of an award form.
    pub award_form_id: i64,
    pub commendation_type: CommendationType,
    /// Required for `regular`; optional for `ad_hoc` and `special`.
    pub occasion_id: Option<i64>,
    /// Required for `thematic`.
    pub movement_id: Option<i64>,
    /// The year of the achievements (the titles it is judged against).
    #[validate(range(min = 2000, max = 2100))]
    #[schema(minimum = 2000, maximum = 2100, example = 2026)]
    pub year: i32,
    /// Trích yếu: "Đề nghị tặng Giấy khen cho tập thể, cá nhân có thành tích năm 2026".
    #[validate(length(min = 5, max = 500))]
    #[schema(min_length = 5, max_length = 500)]
    pub title: String,
    /// A short summary of the achievements; required for `ad_hoc` (thủ tục đơn giản).
    #[validate(length(max = 4000))]
    #[schema(max_length = 4000)]
    pub summary: Option<String>,
    #[validate(length(min = 1, max = 100), nested)]
    #[schema(min_items = 1, max_items = 100)]
    pub nominees: Vec<NomineeInput>,
}

fn trim_opt(value: &mut Option<String>) {
    *value = value
        .take()
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty());
}

impl ProposalInput {
    pub fn normalized(mut self) -> Self {
        self.title = self.title.trim().to_owned();
        trim_opt(&mut self.summary);
        for n in &mut self.nominees {
            trim_opt(&mut n.full_name);
            trim_opt(&mut n.job_title);
            trim_opt(&mut n.workplace);
            trim_opt(&mut n.achievement);
        }
        self
    }

    pub fn extra_errors(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        match self.commendation_type {
            CommendationType::Regular if self.occasion_id.is_none() => {
                errors.push(FieldError::new(
                    "occasionId",
                    "required",
                    "Khen thưởng thường xuyên cần chọn dịp khen thưởng.",
                ))
            }
            CommendationType::Thematic if self.movement_id.is_none() => {
                errors.push(FieldError::new(
                    "movementId",
                    "required",
                    "Khen thưởng chuyên đề cần chọn phong trào thi đua.",
                ))
            }
            CommendationType::AdHoc if self.summary.is_none() => errors.push(FieldError::new(
                "summary",
                "required",
                "Khen thưởng đột xuất cần bản tóm tắt thành tích.",
            )),
            _ => {}
        }
        for (i, n) in self.nominees.iter().enumerate() {
            let field = |name: &str| format!("nominees[{i}].{name}");
            if n.exemplar_id.is_none() {
                if n.full_name.is_none() {
                    errors.push(FieldError::new(
                        field("fullName"),
                        "required",
                        "Ghi họ và tên hoặc tên tập thể.",
                    ));
                }
                if n.subject_kind.is_none() {
                    errors.push(FieldError::new(
                        field("subjectKind"),
                        "required",
                        "Chọn cá nhân hoặc tập thể.",
                    ));
                }
                if n.achievement.is_none() {
                    errors.push(FieldError::new(
                        field("achievement"),
                        "required",
                        "Tóm tắt thành tích.",
                    ));
                }
                if n.unit_id.is_none() && n.workplace.is_none() {
                    errors.push(FieldError::new(
                        field("workplace"),
                        "required",
                        "Ghi đơn vị công tác.",
                    ));
                }
            }
            if n.subject_kind == Some(SubjectKind::Individual)
                && (n.member_count.is_some() || n.members_completed.is_some())
            {
                errors.push(FieldError::new(
                    field("memberCount"),
                    "not_applicable",
                    "Cá nhân không có số thành viên.",
                ));
            }
            if n.subject_kind == Some(SubjectKind::Collective)
                && n.exemplar_id.is_none()
                && n.member_count.is_none()
            {
                errors.push(FieldError::new(
                    field("memberCount"),
                    "required",
                    "Tập thể cần số thành viên.",
                ));
            }
            if let (Some(total), Some(done)) = (n.member_count, n.members_completed)
                && done > total
            {
                errors.push(FieldError::new(
                    field("membersCompleted"),
                    "range",
                    "Số thành viên hoàn thành nhiệm vụ không vượt quá số thành viên.",
                ));
            }
        }
        errors
    }
}

/// The visibility rule of proposals, applied by every read path (list, detail, files,
/// documents, comments): admin, leader and office see every proposal; unit roles their unit's;
/// and anyone who is an active member of a council sees the proposals on the agenda of that
/// council's meetings.
pub fn readable(
    conn: &mut DbConnection,
    principal: &Principal,
    row: &ProposalRow,
) -> AppResult<()> {
    if policy::unit_restriction(principal).is_none_or(|unit| unit == row.unit_id) {
        return Ok(());
    }
    if on_agenda_for(conn, principal, row.id)? {
        return Ok(());
    }
    Err(AppError::outside_unit())
}

fn on_agenda_for(
    conn: &mut DbConnection,
    principal: &Principal,
    proposal_id: i64,
) -> AppResult<bool> {
    let Some(user) = principal.user_id() else {
        return Ok(false);
    };
    let count: i64 = meeting_agenda::table
        .inner_join(council_meetings::table)
        .filter(meeting_agenda::proposal_id.eq(proposal_id))
        .filter(
            council_meetings::council_id.eq_any(
                council_members::table
                    .filter(council_members::user_id.eq(user))
                    .filter(council_members::active.eq(true))
                    .select(council_members::council_id),
            ),
        )
        .count()
        .get_result(conn)?;
    Ok(count > 0)
}

/// The ids of the proposals a unit-scoped principal reads through a council membership.
pub fn council_proposal_ids(conn: &mut DbConnection, principal: &Principal) -> AppResult<Vec<i64>> {
    let Some(user) = principal.user_id() else {
        return Ok(Vec::new());
    };
    Ok(meeting_agenda::table
        .inner_join(council_meetings::table)
        .filter(
            council_meetings::council_id.eq_any(
                council_members::table
                    .filter(council_members::user_id.eq(user))
                    .filter(council_members::active.eq(true))
                    .select(council_members::council_id),
            ),
        )
        .select(meeting_agenda::proposal_id)
        .distinct()
        .load(conn)?)
}

pub fn find_row(conn: &mut DbConnection, id: i64) -> AppResult<ProposalRow> {
    commendation_proposals::table
        .find(id)
        .select(ProposalRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::not_found("hồ sơ đề nghị khen thưởng"))
}

/// A proposal `principal` may read.
pub fn find_readable(
    conn: &mut DbConnection,
    principal: &Principal,
    id: i64,
) -> AppResult<ProposalRow> {
    let row = find_row(conn, id)?;
    readable(conn, principal, &row)?;
    Ok(row)
}

pub fn nominees_of(conn: &mut DbConnection, proposal_id: i64) -> AppResult<Vec<NomineeRow>> {
    Ok(commendation_nominees::table
        .filter(commendation_nominees::proposal_id.eq(proposal_id))
        .order(commendation_nominees::position.asc())
        .select(NomineeRow::as_select())
        .load(conn)?)
}

pub fn find_nominee(conn: &mut DbConnection, id: i64) -> AppResult<NomineeRow> {
    commendation_nominees::table
        .find(id)
        .select(NomineeRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::not_found("tập thể, cá nhân được đề nghị"))
}

/// A nominee ready to be written.
struct NewNominee {
    subject_kind: SubjectKind,
    exemplar_id: Option<i64>,
    full_name: String,
    job_title: Option<String>,
    unit_id: Option<i64>,
    workplace: String,
    member_count: Option<i32>,
    members_completed: Option<i32>,
    recognised_initiatives: i32,
    achievement: String,
}

/// Checks everything the input refers to, and resolves the nominees (copying exemplars).
fn resolve(
    conn: &mut DbConnection,
    principal: &Principal,
    input: &ProposalInput,
    keep_form: Option<i64>,
) -> AppResult<(AwardFormRow, Vec<NewNominee>)> {
    policy::ensure_unit(principal, Some(input.unit_id))?;
    let unit: Option<(String, bool)> = units::table
        .find(input.unit_id)
        .select((units::name, units::active))
        .first(conn)
        .optional()?;
    match unit {
        None => {
            return Err(AppError::field(
                "unitId",
                "not_found",
                "Không có đơn vị này.",
            ));
        }
        Some((_, false)) => {
            return Err(AppError::new(ErrorCode::InactiveUnit)
                .with_detail("Đơn vị đã ngừng hoạt động.")
                .with_field(FieldError::new(
                    "unitId",
                    "inactive",
                    "Đơn vị đã ngừng hoạt động.",
                )));
        }
        _ => {}
    }
    let form = catalogue::find_row(conn, input.award_form_id).map_err(|_| {
        AppError::field(
            "awardFormId",
            "not_found",
            "Không có danh hiệu, hình thức này.",
        )
    })?;
    // A proposal keeps the version it was made with even after a newer one is published.
    if form.status != CatalogueStatus::Published && keep_form != Some(form.id) {
        return Err(AppError::field(
            "awardFormId",
            "not_published",
            "Chỉ đề nghị được danh hiệu, hình thức đang áp dụng.",
        ));
    }
    if let Some(occasion) = input.occasion_id {
        let active: Option<bool> = commendation_occasions::table
            .find(occasion)
            .select(commendation_occasions::active)
            .first(conn)
            .optional()?;
        match active {
            None => {
                return Err(AppError::field(
                    "occasionId",
                    "not_found",
                    "Không có dịp khen thưởng này.",
                ));
            }
            Some(false) => {
                return Err(AppError::field(
                    "occasionId",
                    "inactive",
                    "Dịp khen thưởng đã ngừng sử dụng.",
                ));
            }
            Some(true) => {}
        }
    }
    if let Some(movement) = input.movement_id {
        let exists: i64 = movements::table.find(movement).count().get_result(conn)?;
        if exists == 0 {
            return Err(AppError::field(
                "movementId",
                "not_found",
                "Không có phong trào thi đua này.",
            ));
        }
    }
    let mut errors = Vec::new();
    let mut nominees = Vec::with_capacity(input.nominees.len());
    for (i, n) in input.nominees.iter().enumerate() {
        let field = |name: &str| format!("nominees[{i}].{name}");
        let resolved = if let Some(exemplar_id) = n.exemplar_id {
            type Ex = (
                SubjectKind,
                String,
                Option<String>,
                i64,
                Option<i32>,
                String,
            );
            let exemplar: Option<Ex> = exemplars::table
                .find(exemplar_id)
                .select((
                    exemplars::subject_kind,
                    exemplars::name,
                    exemplars::position,
                    exemplars::unit_id,
                    exemplars::member_count,
                    exemplars::achievements,
                ))
                .first(conn)
                .optional()?;
            match exemplar {
                Some((kind, name, position, unit_id, members, achievements))
                    if unit_id == input.unit_id =>
                {
                    let recognised: i64 = crate::db::schema::initiatives::table
                        .filter(crate::db::schema::initiatives::exemplar_id.eq(exemplar_id))
                        .filter(crate::db::schema::initiatives::recognised_by.is_not_null())
                        .count()
                        .get_result(conn)?;
                    let unit_name: String =
                        units::table.find(unit_id).select(units::name).first(conn)?;
                    if n.subject_kind.is_some_and(|k| k != kind) {
                        errors.push(FieldError::new(
                            field("subjectKind"),
                            "mismatch",
                            "Khác đối tượng của điển hình.",
                        ));
                    }
                    Some(NewNominee {
                        subject_kind: kind,
                        exemplar_id: Some(exemplar_id),
                        full_name: name,
                        job_title: n.job_title.clone().or(position),
                        unit_id: Some(unit_id),
                        workplace: n.workplace.clone().unwrap_or(unit_name),
                        member_count: n.member_count.or(members),
                        members_completed: n.members_completed,
                        recognised_initiatives: n
                            .recognised_initiatives
                            .unwrap_or(i32::try_from(recognised).unwrap_or(0)),
                        achievement: n
                            .achievement
                            .clone()
                            .unwrap_or_else(|| achievements.chars().take(4000).collect()),
                    })
                }
                Some(_) => {
                    errors.push(FieldError::new(
                        field("exemplarId"),
                        "other_unit",
                        "Chỉ đề nghị được điển hình của đơn vị lập hồ sơ.",
                    ));
                    None
                }
                None => {
                    errors.push(FieldError::new(
                        field("exemplarId"),
                        "not_found",
                        "Không có điển hình này.",
                    ));
                    None
                }
            }
        } else {
            let workplace = match (n.unit_id, &n.workplace) {
                (_, Some(text)) => Some(text.clone()),
                (Some(unit), None) => units::table
                    .find(unit)
                    .select(units::name)
                    .first::<String>(conn)
                    .optional()?,
                (None, None) => None,
            };
            if n.unit_id.is_some() && workplace.is_none() {
                errors.push(FieldError::new(
                    field("unitId"),
                    "not_found",
                    "Không có đơn vị này.",
                ));
            }
            match (n.subject_kind, &n.full_name, workplace, &n.achievement) {
                (Some(kind), Some(name), Some(workplace), Some(achievement)) => Some(NewNominee {
                    subject_kind: kind,
                    exemplar_id: None,
                    full_name: name.clone(),
                    job_title: n.job_title.clone(),
                    unit_id: n.unit_id,
                    workplace,
                    member_count: n.member_count,
                    members_completed: n.members_completed,
                    recognised_initiatives: n.recognised_initiatives.unwrap_or(0),
                    achievement: achievement.clone(),
                }),
                _ => None,
            }
        };
        if let Some(nominee) = resolved {
            if !form.admits(nominee.subject_kind) {
                errors.push(FieldError::new(
                    field("subjectKind"),
                    "not_admitted",
                    format!(
                        "{} chỉ dành cho {}.",
                        form.name,
                        form.subject_kind.label().to_lowercase()
                    ),
                ));
            }
            if nominee.subject_kind == SubjectKind::Collective && nominee.member_count.is_none() {
                errors.push(FieldError::new(
                    field("memberCount"),
                    "required",
                    "Tập thể cần số thành viên.",
                ));
            }
            let key = subject_key(&nominee.full_name, nominee.unit_id, &nominee.workplace);
            if nominees.iter().any(|other: &NewNominee| {
                subject_key(&other.full_name, other.unit_id, &other.workplace) == key
            }) {
                errors.push(FieldError::new(
                    field("fullName"),
                    "duplicate",
                    "Đã có trong danh sách đề nghị.",
                ));
            }
            nominees.push(nominee);
        }
    }
    if errors.is_empty() {
        Ok((form, nominees))
    } else {
        Err(AppError::validation(errors))
    }
}

fn write_nominees(
    conn: &mut DbConnection,
    proposal_id: i64,
    nominees: &[NewNominee],
) -> AppResult<()> {
    diesel::delete(
        commendation_nominees::table.filter(commendation_nominees::proposal_id.eq(proposal_id)),
    )
    .execute(conn)?;
    for (position, n) in nominees.iter().enumerate() {
        diesel::insert_into(commendation_nominees::table)
            .values((
                commendation_nominees::proposal_id.eq(proposal_id),
                commendation_nominees::position.eq(position as i32 + 1),
                commendation_nominees::subject_kind.eq(n.subject_kind),
                commendation_nominees::exemplar_id.eq(n.exemplar_id),
                commendation_nominees::full_name.eq(&n.full_name),
                commendation_nominees::job_title.eq(&n.job_title),
                commendation_nominees::unit_id.eq(n.unit_id),
                commendation_nominees::workplace.eq(&n.workplace),
                commendation_nominees::member_count.eq(n.member_count),
                commendation_nominees::members_completed.eq(n.members_completed),
                commendation_nominees::recognised_initiatives.eq(n.recognised_initiatives),
                commendation_nominees::achievement.eq(&n.achievement),
                commendation_nominees::subject_key.eq(subject_key(
                    &n.full_name,
                    n.unit_id,
                    &n.workplace,
                )),
                commendation_nominees::review.eq(NomineeReview::Pending),
                commendation_nominees::outcome.eq(NomineeOutcome::Pending),
            ))
            .execute(conn)?;
    }
    Ok(())
}

fn search_text(input: &ProposalInput, nominees: &[NewNominee]) -> String {
    let mut parts: Vec<&str> = vec![input.title.as_str()];
    parts.extend(nominees.iter().map(|n| n.full_name.as_str()));
    search::document(parts)
}

/// Creates a draft; returns its id.
pub fn insert(
    conn: &mut DbConnection,
    principal: &Principal,
    now: NaiveDateTime,
    input: &ProposalInput,
) -> AppResult<i64> {
    if principal.role == Role::UnitStaff {
        return Err(AppError::forbidden());
    }
    let (_, nominees) = resolve(conn, principal, input, None)?;
    let id = diesel::insert_into(commendation_proposals::table)
        .values((
            commendation_proposals::unit_id.eq(input.unit_id),
            commendation_proposals::award_form_id.eq(input.award_form_id),
            commendation_proposals::commendation_type.eq(input.commendation_type),
            commendation_proposals::occasion_id.eq(input.occasion_id),
            commendation_proposals::movement_id.eq(input.movement_id),
            commendation_proposals::year.eq(input.year),
            commendation_proposals::title.eq(&input.title),
            commendation_proposals::summary.eq(&input.summary),
            commendation_proposals::state.eq(ProposalState::Draft),
            commendation_proposals::search_text.eq(search_text(input, &nominees)),
            commendation_proposals::created_by.eq(principal.user_id()),
            commendation_proposals::version.eq(1),
            commendation_proposals::created_at.eq(now),
            commendation_proposals::updated_at.eq(now),
        ))
        .returning(commendation_proposals::id)
        .get_result(conn)?;
    write_nominees(conn, id, &nominees)?;
    Ok(id)
}

/// Replaces a draft's (or a returned proposal's) fields and nominees: the proposal's
/// compare-and-set first, then the nominees.
pub fn update(
    conn: &mut DbConnection,
    principal: &Principal,
    row: &ProposalRow,
    expected: i32,
    now: NaiveDateTime,
    input: &ProposalInput,
) -> AppResult<()> {
    let (_, nominees) = resolve(conn, principal, input, Some(row.award_form_id))?;
    versioned_update!(
        conn,
        commendation_proposals,
        row.id,
        expected,
        now,
        (
            commendation_proposals::unit_id.eq(input.unit_id),
            commendation_proposals::award_form_id.eq(input.award_form_id),
            commendation_proposals::commendation_type.eq(input.commendation_type),
            commendation_proposals::occasion_id.eq(input.occasion_id),
            commendation_proposals::movement_id.eq(input.movement_id),
            commendation_proposals::year.eq(input.year),
            commendation_proposals::title.eq(&input.title),
            commendation_proposals::summary.eq(&input.summary),
            commendation_proposals::search_text.eq(search_text(input, &nominees)),
        )
    )?;
    write_nominees(conn, row.id, &nominees)
}

/// Deletes a draft (its nominees, events and file links go with it).
pub fn delete(conn: &mut DbConnection, row: &ProposalRow, if_match: IfMatch) -> AppResult<()> {
    let expected = if_match.expect(row.version)?;
    versioned_delete!(conn, commendation_proposals, row.id, expected)
}
