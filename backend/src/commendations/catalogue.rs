//! The award catalogue: emulation titles and forms of commendation, each with who decides it,
//! whether it needs a public notice and a council vote (threshold and denominator), its reward as
//! a multiple of the base salary, and its legal basis. Versioned like criteria sets: a published
//! version is frozen, changes make a new draft version, publishing it retires the previous one,
//! and a proposal keeps the version it was judged by.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::types::{Authority, AwardKind, AwardSubject, CatalogueStatus, VoteDenominator};
use crate::auth::{Principal, Role};
use crate::db::schema::{award_forms, commendation_proposals};
use crate::db::{DbConnection, search};
use crate::error::{AppError, AppResult, ErrorCode, FieldError};
use crate::exemplars::types::SubjectKind;
use crate::http::etag::IfMatch;
use crate::{versioned_delete, versioned_update};

/// One version of an award form.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AwardForm {
    pub id: i64,
    /// Identifies the award across its versions (`GK-GDS`).
    pub code: String,
    pub version_no: i32,
    pub name: String,
    pub kind: AwardKind,
    pub subject_kind: AwardSubject,
    pub authority: Authority,
    /// Whether the nominees are published for comments before the decision.
    pub requires_notice: bool,
    /// The notice's length in working days; `null`: the setting's default.
    pub notice_working_days: Option<i32>,
    /// Whether the council votes on each nominee by secret ballot.
    pub requires_vote: bool,
    /// The share of approvals a nominee needs, in percent.
    pub vote_threshold_percent: i32,
    /// `true`: more than the percentage ("trên 50%"); `false`: at least it ("từ 70% trở lên").
    pub vote_threshold_strict: bool,
    pub vote_denominator: VoteDenominator,
    /// Reward of an individual, as a multiple of the base salary (0.3 = 0.3 × lương cơ sở);
    /// `null`: no reward or not for individuals.
    #[schema(example = 0.3)]
    pub individual_multiple: Option<f64>,
    /// Reward of a collective, likewise.
    #[schema(example = 0.6)]
    pub collective_multiple: Option<f64>,
    pub legal_basis: String,
    pub description: Option<String>,
    pub status: CatalogueStatus,
    pub published_at: Option<DateTime<Utc>>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A short reference to an award form version.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AwardFormRef {
    pub id: i64,
    pub code: String,
    pub version_no: i32,
    pub name: String,
    pub authority: Authority,
}

/// The fields of an award form version.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AwardFormInput {
    /// A new code starts a new award; an existing code adds its next version.
    #[validate(length(min = 2, max = 30))]
    #[schema(min_length = 2, max_length = 30, example = "GK-GDS")]
    pub code: String,
    #[validate(length(min = 3, max = 300))]
    #[schema(
        min_length = 3,
        max_length = 300,
        example = "Giấy khen của Giám đốc Sở Tư pháp"
    )]
    pub name: String,
    pub kind: AwardKind,
    pub subject_kind: AwardSubject,
    pub authority: Authority,
    pub requires_notice: bool,
    #[validate(range(min = 1, max = 60))]
    #[schema(minimum = 1, maximum = 60)]
    pub notice_working_days: Option<i32>,
    pub requires_vote: bool,
    #[validate(range(min = 1, max = 100))]
    #[schema(minimum = 1, maximum = 100)]
    pub vote_threshold_percent: i32,
    pub vote_threshold_strict: bool,
    pub vote_denominator: VoteDenominator,
    /// 0–100, at most two decimals.
    #[validate(range(min = 0.0, max = 100.0))]
    #[schema(minimum = 0, maximum = 100, example = 0.3)]
    pub individual_multiple: Option<f64>,
    /// 0–100, at most two decimals.
    #[validate(range(min = 0.0, max = 100.0))]
    #[schema(minimum = 0, maximum = 100, example = 0.6)]
    pub collective_multiple: Option<f64>,
    #[validate(length(min = 3, max = 4000))]
    #[schema(min_length = 3, max_length = 4000)]
    pub legal_basis: String,
    #[validate(length(max = 4000))]
    #[schema(max_length = 4000)]
    pub description: Option<String>,
}

/// A multiple in hundredths, when it has at most two decimals.
fn hundredths(value: f64) -> Option<i32> {
    let scaled = (value * 100.0).round();
    ((value * 100.0 - scaled).abs() < 1e-6 && (0.0..=10_000.0).contains(&scaled))
        .then_some(scaled as i32)
}

fn from_hundredths(value: Option<i32>) -> Option<f64> {
    value.map(|v| f64::from(v) / 100.0)
}

impl AwardFormInput {
    pub fn normalized(mut self) -> Self {
        self.code = self.code.trim().to_uppercase();
        self.name = self.name.trim().to_owned();
        self.legal_basis = self.legal_basis.trim().to_owned();
        self.description = self
            .description
            .map(|d| d.trim().to_owned())
            .filter(|d| !d.is_empty());
        self
    }

    pub fn extra_errors(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if !self
            .code
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-' || c == '_')
        {
            errors.push(FieldError::new(
                "code",
                "invalid_format",
                "Mã chỉ gồm chữ in hoa không dấu, chữ số, dấu - và _.",
            ));
        }
        for (field, value) in [
            ("individualMultiple", self.individual_multiple),
            ("collectiveMultiple", self.collective_multiple),
        ] {
            if let Some(value) = value
                && hundredths(value).is_none()
            {
                errors.push(FieldError::new(
                    field,
                    "invalid_format",
                    "Hệ số là số từ 0 đến 100, tối đa hai chữ số thập phân.",
                ));
            }
        }
        let individual = matches!(
            self.subject_kind,
            AwardSubject::Individual | AwardSubject::Both
        );
        let collective = matches!(
            self.subject_kind,
            AwardSubject::Collective | AwardSubject::Both
        );
        if !individual && self.individual_multiple.is_some() {
            errors.push(FieldError::new(
                "individualMultiple",
                "not_applicable",
                "Danh hiệu, hình thức chỉ dành cho tập thể không có mức thưởng cá nhân.",
            ));
        }
        if !collective && self.collective_multiple.is_some() {
            errors.push(FieldError::new(
                "collectiveMultiple",
                "not_applicable",
                "Danh hiệu, hình thức chỉ dành cho cá nhân không có mức thưởng tập thể.",
            ));
        }
        if !self.requires_notice && self.notice_working_days.is_some() {
            errors.push(FieldError::new(
                "noticeWorkingDays",
                "not_applicable",
                "Chỉ ghi số ngày công khai khi hình thức yêu cầu công khai.",
            ));
        }
        errors
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = award_forms)]
pub struct AwardFormRow {
    pub id: i64,
    pub code: String,
    pub version_no: i32,
    pub name: String,
    pub kind: AwardKind,
    pub subject_kind: AwardSubject,
    pub authority: Authority,
    pub requires_notice: bool,
    pub notice_working_days: Option<i32>,
    pub requires_vote: bool,
    pub vote_threshold_percent: i32,
    pub vote_threshold_strict: bool,
    pub vote_denominator: VoteDenominator,
    pub individual_multiple: Option<i32>,
    pub collective_multiple: Option<i32>,
    pub legal_basis: String,
    pub description: Option<String>,
    pub status: CatalogueStatus,
    pub published_at: Option<NaiveDateTime>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl AwardFormRow {
    /// The visibility rule of the catalogue: drafts are seen by their editors (admin and the
    /// Office); everyone else sees published and retired versions.
    pub fn visible_to(&self, principal: &Principal) -> bool {
        self.status != CatalogueStatus::Draft || sees_drafts(principal)
    }

    pub fn reference(&self) -> AwardFormRef {
        AwardFormRef {
            id: self.id,
            code: self.code.clone(),
            version_no: self.version_no,
            name: self.name.clone(),
            authority: self.authority,
        }
    }

    /// Whether the award is for subjects of `kind`.
    pub fn admits(&self, kind: SubjectKind) -> bool {
        match self.subject_kind {
            AwardSubject::Both => true,
            AwardSubject::Individual => kind == SubjectKind::Individual,
            AwardSubject::Collective => kind == SubjectKind::Collective,
        }
    }

    /// The reward multiple, in hundredths, for a subject of `kind`.
    pub fn multiple_for(&self, kind: SubjectKind) -> Option<i32> {
        match kind {
            SubjectKind::Individual => self.individual_multiple,
            SubjectKind::Collective => self.collective_multiple,
        }
    }

    pub fn to_api(&self) -> AwardForm {
        AwardForm {
            id: self.id,
            code: self.code.clone(),
            version_no: self.version_no,
            name: self.name.clone(),
            kind: self.kind,
            subject_kind: self.subject_kind,
            authority: self.authority,
            requires_notice: self.requires_notice,
            notice_working_days: self.notice_working_days,
            requires_vote: self.requires_vote,
            vote_threshold_percent: self.vote_threshold_percent,
            vote_threshold_strict: self.vote_threshold_strict,
            vote_denominator: self.vote_denominator,
            individual_multiple: from_hundredths(self.individual_multiple),
            collective_multiple: from_hundredths(self.collective_multiple),
            legal_basis: self.legal_basis.clone(),
            description: self.description.clone(),
            status: self.status,
            published_at: self.published_at.map(|t| t.and_utc()),
            version: self.version,
            created_at: self.created_at.and_utc(),
            updated_at: self.updated_at.and_utc(),
        }
    }

    fn to_input(&self) -> AwardFormInput {
        AwardFormInput {
            code: self.code.clone(),
            name: self.name.clone(),
            kind: self.kind,
            subject_kind: self.subject_kind,
            authority: self.authority,
            requires_notice: self.requires_notice,
            notice_working_days: self.notice_working_days,
            requires_vote: self.requires_vote,
            vote_threshold_percent: self.vote_threshold_percent,
            vote_threshold_strict: self.vote_threshold_strict,
            vote_denominator: self.vote_denominator,
            individual_multiple: from_hundredths(self.individual_multiple),
            collective_multiple: from_hundredths(self.collective_multiple),
            legal_basis: self.legal_basis.clone(),
            description: self.description.clone(),
        }
    }
}

/// The reward in đồng: `base × hundredths / 100`, rounded half up (no float on money).
pub fn reward_amount(base_salary: i64, multiple_hundredths: i32) -> i64 {
    let product = i128::from(base_salary) * i128::from(multiple_hundredths);
    i64::try_from((product + 50) / 100).unwrap_or(i64::MAX)
}

fn sees_drafts(principal: &Principal) -> bool {
    matches!(principal.role, Role::Admin | Role::Office)
}

pub fn find_row(conn: &mut DbConnection, id: i64) -> AppResult<AwardFormRow> {
    award_forms::table
        .find(id)
        .select(AwardFormRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::not_found("danh hiệu, hình thức khen thưởng"))
}

/// A version `principal` may read (a hidden draft is "not found").
pub fn find_visible(
    conn: &mut DbConnection,
    principal: &Principal,
    id: i64,
) -> AppResult<AwardFormRow> {
    let row = find_row(conn, id)?;
    if !row.visible_to(principal) {
        return Err(AppError::not_found("danh hiệu, hình thức khen thưởng"));
    }
    Ok(row)
}

/// The versions `principal` may read, newest version first within a code.
pub fn list(
    conn: &mut DbConnection,
    principal: &Principal,
    status: Option<CatalogueStatus>,
    q: Option<&str>,
) -> AppResult<Vec<AwardFormRow>> {
    let mut query = award_forms::table
        .select(AwardFormRow::as_select())
        .into_boxed();
    if let Some(status) = status {
        query = query.filter(award_forms::status.eq(status));
    }
    if !sees_drafts(principal) {
        query = query.filter(award_forms::status.ne(CatalogueStatus::Draft));
    }
    for pattern in q.map(search::like_patterns).unwrap_or_default() {
        query = query.filter(award_forms::search_text.like(pattern).escape('\\'));
    }
    Ok(query
        .order((award_forms::code.asc(), award_forms::version_no.desc()))
        .load(conn)?)
}

fn search_text(input: &AwardFormInput) -> String {
    search::document([input.code.as_str(), input.name.as_str()])
}

/// Creates a draft: version 1 of a new code, or the next version of an existing one.
pub fn insert_draft(
    conn: &mut DbConnection,
    now: NaiveDateTime,
    input: &AwardFormInput,
) -> AppResult<i64> {
    let latest: Option<i32> = award_forms::table
        .filter(award_forms::code.eq(&input.code))
        .order(award_forms::version_no.desc())
        .select(award_forms::version_no)
        .first(conn)
        .optional()?;
    let drafts: i64 = award_forms::table
        .filter(award_forms::code.eq(&input.code))
        .filter(award_forms::status.eq(CatalogueStatus::Draft))
        .count()
        .get_result(conn)?;
    if drafts > 0 {
        return Err(AppError::new(ErrorCode::Conflict).with_detail(
            "Danh hiệu, hình thức này đang có một bản dự thảo; hãy sửa hoặc công bố bản đó.",
        ));
    }
    let id = diesel::insert_into(award_forms::table)
        .values((
            award_forms::code.eq(&input.code),
            award_forms::version_no.eq(latest.map(|v| v + 1).unwrap_or(1)),
            award_forms::name.eq(&input.name),
            award_forms::kind.eq(input.kind),
            award_forms::subject_kind.eq(input.subject_kind),
            award_forms::authority.eq(input.authority),
            award_forms::requires_notice.eq(input.requires_notice),
            award_forms::notice_working_days.eq(input.notice_working_days),
            award_forms::requires_vote.eq(input.requires_vote),
            award_forms::vote_threshold_percent.eq(input.vote_threshold_percent),
            award_forms::vote_threshold_strict.eq(input.vote_threshold_strict),
            award_forms::vote_denominator.eq(input.vote_denominator),
            award_forms::individual_multiple.eq(input.individual_multiple.and_then(hundredths)),
            award_forms::collective_multiple.eq(input.collective_multiple.and_then(hundredths)),
            award_forms::legal_basis.eq(&input.legal_basis),
            award_forms::description.eq(&input.description),
            award_forms::status.eq(CatalogueStatus::Draft),
            award_forms::search_text.eq(search_text(input)),
            award_forms::version.eq(1),
            award_forms::created_at.eq(now),
            award_forms::updated_at.eq(now),
        ))
        .returning(award_forms::id)
        .get_result(conn)?;
    Ok(id)
}

fn ensure_draft(row: &AwardFormRow) -> AppResult<()> {
    if row.status != CatalogueStatus::Draft {
        return Err(AppError::new(ErrorCode::Conflict).with_detail(
            "Phiên bản đã công bố không sửa được; hãy tạo phiên bản mới từ phiên bản này.",
        ));
    }
    Ok(())
}

pub fn update_draft(
    conn: &mut DbConnection,
    current: &AwardFormRow,
    if_match: IfMatch,
    now: NaiveDateTime,
    input: &AwardFormInput,
) -> AppResult<()> {
    ensure_draft(current)?;
    let expected = if_match.expect(current.version)?;
    if input.code != current.code {
        return Err(AppError::field(
            "code",
            "immutable",
            "Không đổi được mã của một phiên bản; hãy tạo danh hiệu, hình thức mới.",
        ));
    }
    versioned_update!(
        conn,
        award_forms,
        current.id,
        expected,
        now,
        (
            award_forms::name.eq(&input.name),
            award_forms::kind.eq(input.kind),
            award_forms::subject_kind.eq(input.subject_kind),
            award_forms::authority.eq(input.authority),
            award_forms::requires_notice.eq(input.requires_notice),
            award_forms::notice_working_days.eq(input.notice_working_days),
            award_forms::requires_vote.eq(input.requires_vote),
            award_forms::vote_threshold_percent.eq(input.vote_threshold_percent),
            award_forms::vote_threshold_strict.eq(input.vote_threshold_strict),
            award_forms::vote_denominator.eq(input.vote_denominator),
            award_forms::individual_multiple.eq(input.individual_multiple.and_then(hundredths)),
            award_forms::collective_multiple.eq(input.collective_multiple.and_then(hundredths)),
            award_forms::legal_basis.eq(&input.legal_basis),
            award_forms::description.eq(&input.description),
            award_forms::search_text.eq(search_text(input)),
        )
    )?;
    Ok(())
}

/// Publishes a draft; the previously published version of the same code is retired.
pub fn publish(
    conn: &mut DbConnection,
    current: &AwardFormRow,
    if_match: IfMatch,
    now: NaiveDateTime,
) -> AppResult<()> {
    ensure_draft(current)?;
    let expected = if_match.expect(current.version)?;
    versioned_update!(
        conn,
        award_forms,
        current.id,
        expected,
        now,
        (
            award_forms::status.eq(CatalogueStatus::Published),
            award_forms::published_at.eq(Some(now)),
        )
    )?;
    let previous: Vec<(i64, i32)> = award_forms::table
        .filter(award_forms::code.eq(&current.code))
        .filter(award_forms::status.eq(CatalogueStatus::Published))
        .filter(award_forms::id.ne(current.id))
        .select((award_forms::id, award_forms::version))
        .load(conn)?;
    for (id, version) in previous {
        versioned_update!(
            conn,
            award_forms,
            id,
            version,
            now,
            (award_forms::status.eq(CatalogueStatus::Retired))
        )?;
    }
    Ok(())
}

/// Retires a published version without a replacement: no new proposal can use it; the
/// proposals judged by it keep it.
pub fn retire(
    conn: &mut DbConnection,
    current: &AwardFormRow,
    if_match: IfMatch,
    now: NaiveDateTime,
) -> AppResult<()> {
    if current.status != CatalogueStatus::Published {
        return Err(AppError::new(ErrorCode::Conflict)
            .with_detail("Chỉ đưa hết hiệu lực được phiên bản đang áp dụng."));
    }
    let expected = if_match.expect(current.version)?;
    versioned_update!(
        conn,
        award_forms,
        current.id,
        expected,
        now,
        (award_forms::status.eq(CatalogueStatus::Retired))
    )?;
    Ok(())
}

/// Deletes a draft no proposal used.
pub fn delete_draft(
    conn: &mut DbConnection,
    current: &AwardFormRow,
    if_match: IfMatch,
) -> AppResult<()> {
    ensure_draft(current)?;
    let expected = if_match.expect(current.version)?;
    let used: i64 = commendation_proposals::table
        .filter(commendation_proposals::award_form_id.eq(current.id))
        .count()
        .get_result(conn)?;
    if used > 0 {
        return Err(AppError::new(ErrorCode::Conflict)
            .with_detail("Phiên bản này đã được dùng trong hồ sơ đề nghị khen thưởng."));
    }
    versioned_delete!(conn, award_forms, current.id, expected)
}

/// Copies a version into a new draft (the usual way to amend a published award).
pub fn new_version(
    conn: &mut DbConnection,
    current: &AwardFormRow,
    now: NaiveDateTime,
) -> AppResult<i64> {
    insert_draft(conn, now, &current.to_input())
}

/// The published version of `code`, if any.
pub fn published(conn: &mut DbConnection, code: &str) -> AppResult<Option<AwardFormRow>> {
    Ok(award_forms::table
        .filter(award_forms::code.eq(code))
        .filter(award_forms::status.eq(CatalogueStatus::Published))
        .select(AwardFormRow::as_select())
        .first(conn)
        .optional()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multiples_keep_two_decimals_and_money_is_exact() {
        assert_eq!(hundredths(0.3), Some(30));
        assert_eq!(hundredths(1.5), Some(150));
        assert_eq!(hundredths(8.0), Some(800));
        assert_eq!(hundredths(0.305), None);
        assert_eq!(hundredths(-1.0), None);
        assert_eq!(reward_amount(2_340_000, 30), 702_000);
        assert_eq!(reward_amount(2_340_000, 150), 3_510_000);
        assert_eq!(reward_amount(2_340_000, 800), 18_720_000);
        // Half a đồng rounds up.
        assert_eq!(reward_amount(5, 30), 2);
    }
}
