//! Eligibility rules as data. Each rule is one of the checks below, with its parameters (a title
//! code, a percentage, a count, a discipline level), the award form it applies to (or all), a
//! severity (a warning is shown; a block stops the review and the decision) and the legal basis
//! it cites. The Office edits them; the checks read the recorded facts ([`super::facts`]) and
//! the proposals, and each result carries its reason in Vietnamese.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::catalogue::AwardFormRow;
use super::facts::{self, DisciplineLevel, DisciplineRecord, TitleRecord};
use super::proposals::{NomineeRow, ProposalRow};
use super::types::{NomineeOutcome, NomineeReview, ProposalState};
use crate::db::DbConnection;
use crate::db::schema::{
    award_forms, commendation_nominees, commendation_proposals, eligibility_rules,
};
use crate::error::{AppError, AppResult, ErrorCode, FieldError};
use crate::exemplars::types::SubjectKind;
use crate::http::etag::IfMatch;
use crate::{text_enum, versioned_update};

text_enum!(
    /// The checks Lan Tỏa knows; a rule picks one and gives its parameters.
    pub enum CheckKind {
        /// The individual holds `titleCode` in the proposal's year.
        RequiresTitleSameYear = "requires_title_same_year" / "Đã đạt danh hiệu trong năm",
        /// The individual held `titleCode` in each of the `minCount` years up to the proposal's.
        RequiresTitleConsecutiveYears =
            "requires_title_consecutive_years" / "Đạt danh hiệu nhiều năm liên tục",
        /// The individual has at least `minCount` recognised initiatives.
        RequiresRecognisedInitiative =
            "requires_recognised_initiative" / "Có sáng kiến được công nhận",
        /// Within a unit and year, the award's holders stay within `percent` % of the holders of
        /// `titleCode` (e.g. CSTĐCS ≤ 15 % of LĐTT).
        UnitShareCap = "unit_share_cap" / "Tỷ lệ trong đơn vị không vượt mức",
        /// The collective's members holding `titleCode` in the year are (more than, when
        /// `strict`) `percent` % of its members.
        CollectiveShareWithTitle = "collective_share_with_title" / "Tỷ lệ thành viên đạt danh hiệu",
        /// The collective's members who completed their tasks are at least `percent` %.
        CollectiveMembersCompleted =
            "collective_members_completed" / "Tỷ lệ thành viên hoàn thành nhiệm vụ",
        /// At least `minCount` of the collective's members hold `titleCode` in the year.
        CollectiveMinWithTitle =
            "collective_min_with_title" / "Số thành viên đạt danh hiệu tối thiểu",
        /// No member of the collective disciplined at `disciplineLevel` or above in the year.
        CollectiveNoDiscipline =
            "collective_no_discipline" / "Tập thể không có thành viên bị kỷ luật",
        /// The individual was not disciplined at `disciplineLevel` or above in the year.
        IndividualNoDiscipline = "individual_no_discipline" / "Cá nhân không bị kỷ luật",
        /// No pending discipline, inspection, complaint or investigation.
        NoPendingCase = "no_pending_case" / "Không đang bị xem xét kỷ luật, thanh tra, khiếu nại",
        /// Đột xuất and chuyên đề awards are not counted as the basis of a higher award for
        /// merit: the title checks of a regular or special proposal ignore them.
        AdHocNotMeritBasis =
            "ad_hoc_not_merit_basis" / "Khen thưởng đột xuất, chuyên đề không làm căn cứ",
        /// The same nominee is not proposed twice for the same occasion (or movement), and does
        /// not already hold the award for the year.
        NoDoubleReward = "no_double_reward" / "Một thành tích không khen thưởng hai lần",
    }
);

impl CheckKind {
    /// The subject kind a check is about (`None`: both).
    fn subject(self) -> Option<SubjectKind> {
        use CheckKind::*;
        match self {
            RequiresTitleSameYear
            | RequiresTitleConsecutiveYears
            | RequiresRecognisedInitiative
            | UnitShareCap
            | IndividualNoDiscipline => Some(SubjectKind::Individual),
            CollectiveShareWithTitle
            | CollectiveMembersCompleted
            | CollectiveMinWithTitle
            | CollectiveNoDiscipline => Some(SubjectKind::Collective),
            NoPendingCase | AdHocNotMeritBasis | NoDoubleReward => None,
        }
    }
}

text_enum!(
    /// What a failed rule does.
    pub enum Severity {
        /// Shown on the nominee; the steps go on.
        Warning = "warning" / "Cảnh báo",
        /// Stops the review (as eligible) and the decision for this nominee.
        Block = "block" / "Chặn",
    }
);

/// An eligibility rule.
#[derive(Debug, Clone, Serialize, ToSchema, Queryable, Selectable)]
#[diesel(table_name = eligibility_rules)]
#[serde(rename_all = "camelCase")]
pub struct Rule {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub check_kind: CheckKind,
    /// The award form code it applies to; `null`: every form.
    pub award_form_code: Option<String>,
    pub severity: Severity,
    pub title_code: Option<String>,
    pub percent: Option<i32>,
    /// With `percent`: more than (`true`) or at least (`false`).
    pub strict: bool,
    pub min_count: Option<i32>,
    pub discipline_level: Option<DisciplineLevel>,
    pub legal_basis: String,
    pub active: bool,
    pub position: i32,
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
pub struct RuleInput {
    #[validate(length(min = 2, max = 40))]
    #[schema(min_length = 2, max_length = 40, example = "CSTDCS-TYLE")]
    pub code: String,
    #[validate(length(min = 3, max = 300))]
    #[schema(min_length = 3, max_length = 300)]
    pub name: String,
    pub check_kind: CheckKind,
    #[validate(length(min = 2, max = 30))]
    #[schema(min_length = 2, max_length = 30)]
    pub award_form_code: Option<String>,
    pub severity: Severity,
    #[validate(length(min = 2, max = 30))]
    #[schema(min_length = 2, max_length = 30)]
    pub title_code: Option<String>,
    #[validate(range(min = 0, max = 100))]
    #[schema(minimum = 0, maximum = 100)]
    pub percent: Option<i32>,
    #[serde(default)]
    pub strict: bool,
    #[validate(range(min = 1, max = 20))]
    #[schema(minimum = 1, maximum = 20)]
    pub min_count: Option<i32>,
    pub discipline_level: Option<DisciplineLevel>,
    #[validate(length(min = 3, max = 2000))]
    #[schema(min_length = 3, max_length = 2000)]
    pub legal_basis: String,
    #[serde(default = "yes")]
    #[schema(default = true)]
    pub active: bool,
    #[validate(range(min = 0, max = 10000))]
    #[schema(minimum = 0, maximum = 10000)]
    #[serde(default)]
    pub position: i32,
}

fn yes() -> bool {
    true
}

impl RuleInput {
    pub fn normalized(mut self) -> Self {
        self.code = self.code.trim().to_uppercase();
        self.name = self.name.trim().to_owned();
        self.legal_basis = self.legal_basis.trim().to_owned();
        self.award_form_code = self
            .award_form_code
            .map(|c| c.trim().to_uppercase())
            .filter(|c| !c.is_empty());
        self.title_code = self
            .title_code
            .map(|c| c.trim().to_uppercase())
            .filter(|c| !c.is_empty());
        self
    }

    /// The parameters each check needs.
    pub fn extra_errors(&self) -> Vec<FieldError> {
        use CheckKind::*;
        let mut errors = Vec::new();
        let mut need = |present: bool, field: &str, message: &str| {
            if !present {
                errors.push(FieldError::new(field, "required", message));
            }
        };
        match self.check_kind {
            RequiresTitleSameYear => need(
                self.title_code.is_some(),
                "titleCode",
                "Chọn danh hiệu cần có.",
            ),
            RequiresTitleConsecutiveYears | CollectiveMinWithTitle => {
                need(
                    self.title_code.is_some(),
                    "titleCode",
                    "Chọn danh hiệu cần có.",
                );
                need(
                    self.min_count.is_some(),
                    "minCount",
                    "Ghi số năm hoặc số thành viên tối thiểu.",
                );
            }
            RequiresRecognisedInitiative => need(
                self.min_count.is_some(),
                "minCount",
                "Ghi số sáng kiến tối thiểu.",
            ),
            UnitShareCap | CollectiveShareWithTitle => {
                need(
                    self.title_code.is_some(),
                    "titleCode",
                    "Chọn danh hiệu làm căn cứ tính tỷ lệ.",
                );
                need(self.percent.is_some(), "percent", "Ghi tỷ lệ phần trăm.");
            }
            CollectiveMembersCompleted => {
                need(self.percent.is_some(), "percent", "Ghi tỷ lệ phần trăm.")
            }
            CollectiveNoDiscipline | IndividualNoDiscipline => need(
                self.discipline_level.is_some(),
                "disciplineLevel",
                "Chọn mức kỷ luật tính từ.",
            ),
            NoPendingCase | AdHocNotMeritBasis | NoDoubleReward => {}
        }
        errors
    }
}

pub fn list(conn: &mut DbConnection) -> AppResult<Vec<Rule>> {
    Ok(eligibility_rules::table
        .order((
            eligibility_rules::position.asc(),
            eligibility_rules::id.asc(),
        ))
        .select(Rule::as_select())
        .load(conn)?)
}

pub fn find(conn: &mut DbConnection, id: i64) -> AppResult<Rule> {
    eligibility_rules::table
        .find(id)
        .select(Rule::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::not_found("quy tắc điều kiện"))
}

fn check_codes(conn: &mut DbConnection, input: &RuleInput, id: Option<i64>) -> AppResult<()> {
    for (field, code) in [
        ("awardFormCode", &input.award_form_code),
        ("titleCode", &input.title_code),
    ] {
        if let Some(code) = code {
            let known: i64 = award_forms::table
                .filter(award_forms::code.eq(code))
                .count()
                .get_result(conn)?;
            if known == 0 {
                return Err(AppError::field(
                    field,
                    "not_found",
                    "Không có danh hiệu, hình thức mã này.",
                ));
            }
        }
    }
    let mut same = eligibility_rules::table
        .filter(eligibility_rules::code.eq(&input.code))
        .into_boxed();
    if let Some(id) = id {
        same = same.filter(eligibility_rules::id.ne(id));
    }
    if same.count().get_result::<i64>(conn)? > 0 {
        return Err(AppError::new(ErrorCode::DuplicateCode)
            .with_detail("Mã quy tắc đã được dùng.")
            .with_field(FieldError::new("code", "taken", "Mã đã được dùng.")));
    }
    Ok(())
}

pub fn insert(conn: &mut DbConnection, now: NaiveDateTime, input: &RuleInput) -> AppResult<i64> {
    check_codes(conn, input, None)?;
    Ok(diesel::insert_into(eligibility_rules::table)
        .values((
            eligibility_rules::code.eq(&input.code),
            eligibility_rules::name.eq(&input.name),
            eligibility_rules::check_kind.eq(input.check_kind),
            eligibility_rules::award_form_code.eq(&input.award_form_code),
            eligibility_rules::severity.eq(input.severity),
            eligibility_rules::title_code.eq(&input.title_code),
            eligibility_rules::percent.eq(input.percent),
            eligibility_rules::strict.eq(input.strict),
            eligibility_rules::min_count.eq(input.min_count),
            eligibility_rules::discipline_level.eq(input.discipline_level),
            eligibility_rules::legal_basis.eq(&input.legal_basis),
            eligibility_rules::active.eq(input.active),
            eligibility_rules::position.eq(input.position),
            eligibility_rules::version.eq(1),
            eligibility_rules::created_at.eq(now),
            eligibility_rules::updated_at.eq(now),
        ))
        .returning(eligibility_rules::id)
        .get_result(conn)?)
}

pub fn update(
    conn: &mut DbConnection,
    current: &Rule,
    if_match: IfMatch,
    now: NaiveDateTime,
    input: &RuleInput,
) -> AppResult<()> {
    let expected = if_match.expect(current.version)?;
    check_codes(conn, input, Some(current.id))?;
    versioned_update!(
        conn,
        eligibility_rules,
        current.id,
        expected,
        now,
        (
            eligibility_rules::code.eq(&input.code),
            eligibility_rules::name.eq(&input.name),
            eligibility_rules::check_kind.eq(input.check_kind),
            eligibility_rules::award_form_code.eq(&input.award_form_code),
            eligibility_rules::severity.eq(input.severity),
            eligibility_rules::title_code.eq(&input.title_code),
            eligibility_rules::percent.eq(input.percent),
            eligibility_rules::strict.eq(input.strict),
            eligibility_rules::min_count.eq(input.min_count),
            eligibility_rules::discipline_level.eq(input.discipline_level),
            eligibility_rules::legal_basis.eq(&input.legal_basis),
            eligibility_rules::active.eq(input.active),
            eligibility_rules::position.eq(input.position),
        )
    )?;
    Ok(())
}

/// The outcome of one rule for one nominee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CheckResult {
    pub rule_code: String,
    pub rule_name: String,
    pub severity: Severity,
    pub passed: bool,
    /// What was found, in Vietnamese.
    pub reason: String,
    pub legal_basis: String,
}

impl CheckResult {
    pub fn blocks(&self) -> bool {
        !self.passed && self.severity == Severity::Block
    }
}

/// Everything the checks of one nominee read.
pub struct NomineeFacts {
    pub titles: Vec<TitleRecord>,
    pub discipline: Vec<DisciplineRecord>,
    /// For collectives with a unit: its members' titles and discipline.
    pub unit_titles: Vec<(String, Vec<TitleRecord>)>,
    pub unit_discipline: Vec<DisciplineRecord>,
    /// For unit caps: (holders of the award in the unit and year, holders of the base title).
    pub unit_share: Option<(usize, usize)>,
    /// Other proposals with this nominee for the same occasion or movement.
    pub same_occasion: Vec<String>,
}

fn pct(part: usize, whole: usize) -> String {
    if whole == 0 {
        return "0%".to_owned();
    }
    crate::documents::official::format_percent(part as u64, whole as u64)
}

fn reaches(part: usize, whole: usize, percent: i32, strict: bool) -> bool {
    if whole == 0 {
        return false;
    }
    let (part, needed) = (part as i128 * 100, i128::from(percent) * whole as i128);
    if strict {
        part > needed
    } else {
        part >= needed
    }
}

fn title_held(titles: &[TitleRecord], code: &str, year: i32, merit_only: bool) -> bool {
    titles.iter().any(|t| {
        t.title_code == code
            && t.year == year
            && (!merit_only || t.commendation_type.counts_for_merit())
    })
}

/// Whether a rule applies to a nominee of `form`.
fn applies(rule: &Rule, form: &AwardFormRow, nominee: &NomineeRow) -> bool {
    rule.active
        && rule
            .award_form_code
            .as_ref()
            .is_none_or(|code| *code == form.code)
        && rule
            .check_kind
            .subject()
            .is_none_or(|kind| kind == nominee.subject_kind)
}

/// Evaluates the rules that apply to `nominee` of `proposal`, in the rules' order.
pub fn evaluate(
    rules: &[Rule],
    form: &AwardFormRow,
    proposal: &ProposalRow,
    nominee: &NomineeRow,
    facts: &NomineeFacts,
    today: NaiveDate,
) -> Vec<CheckResult> {
    let year = proposal.year;
    let merit = proposal.commendation_type.counts_for_merit();
    // The ad hoc rule, when active and applicable, makes the title checks count merit awards only.
    let merit_only = merit
        && rules
            .iter()
            .any(|r| r.check_kind == CheckKind::AdHocNotMeritBasis && applies(r, form, nominee));
    let mut out = Vec::new();
    let mut excluded_titles: Vec<String> = Vec::new();
    for rule in rules.iter().filter(|r| applies(r, form, nominee)) {
        let title = rule.title_code.as_deref().unwrap_or("");
        let (passed, reason) = match rule.check_kind {
            CheckKind::RequiresTitleSameYear => {
                let held = title_held(&facts.titles, title, year, merit_only);
                if !held && title_held(&facts.titles, title, year, false) {
                    excluded_titles.push(format!("{title} năm {year}"));
                }
                if held {
                    (true, format!("Đã đạt {title} năm {year}."))
                } else {
                    (
                        false,
                        format!("Chưa có danh hiệu {title} năm {year} được ghi nhận."),
                    )
                }
            }
            CheckKind::RequiresTitleConsecutiveYears => {
                let years = rule.min_count.unwrap_or(1).max(1);
                let missing: Vec<i32> = ((year - years + 1)..=year)
                    .filter(|y| !title_held(&facts.titles, title, *y, merit_only))
                    .collect();
                for y in &missing {
                    if title_held(&facts.titles, title, *y, false) {
                        excluded_titles.push(format!("{title} năm {y}"));
                    }
                }
                if missing.is_empty() {
                    (
                        true,
                        format!(
                            "Đạt {title} {years} năm liên tục ({}–{year}).",
                            year - years + 1
                        ),
                    )
                } else {
                    let list: Vec<String> = missing.iter().map(i32::to_string).collect();
                    (
                        false,
                        format!(
                            "Cần {title} {years} năm liên tục; thiếu năm {}.",
                            list.join(", ")
                        ),
                    )
                }
            }
            CheckKind::RequiresRecognisedInitiative => {
                let needed = rule.min_count.unwrap_or(1);
                if nominee.recognised_initiatives >= needed {
                    (
                        true,
                        format!(
                            "Có {} sáng kiến được công nhận.",
                            nominee.recognised_initiatives
                        ),
                    )
                } else {
                    (
                        false,
                        format!(
                            "Cần ít nhất {needed} sáng kiến được công nhận; hồ sơ ghi {}.",
                            nominee.recognised_initiatives
                        ),
                    )
                }
            }
            CheckKind::UnitShareCap => match facts.unit_share {
                Some((holders, base)) => {
                    let percent = rule.percent.unwrap_or(0);
                    let cap = (base as i64 * i64::from(percent)) / 100;
                    if (holders as i64) <= cap {
                        (
                            true,
                            format!(
                                "{holders}/{base} cá nhân đạt {title} của đơn vị ({}); mức tối đa {percent}% là {cap}.",
                                pct(holders, base)
                            ),
                        )
                    } else {
                        (
                            false,
                            format!(
                                "Đơn vị có {holders} đề nghị, đã đạt trên tổng {base} cá nhân đạt {title} năm {year} ({}); vượt mức tối đa {percent}% ({cap}).",
                                pct(holders, base)
                            ),
                        )
                    }
                }
                None => (
                    false,
                    "Không xác định được đơn vị của cá nhân để tính tỷ lệ.".to_owned(),
                ),
            },
            CheckKind::CollectiveShareWithTitle => {
                let holders = facts
                    .unit_titles
                    .iter()
                    .find(|(code, _)| code == title)
                    .map(|(_, list)| list.len())
                    .unwrap_or(0);
                match (nominee.unit_id, nominee.member_count) {
                    (Some(_), Some(members)) => {
                        let members = members.max(0) as usize;
                        let percent = rule.percent.unwrap_or(0);
                        let word = if rule.strict { "trên" } else { "từ" };
                        let ok = reaches(holders, members, percent, rule.strict);
                        (
                            ok,
                            format!(
                                "{holders}/{members} thành viên đạt {title} năm {year} ({}); yêu cầu {word} {percent}%.",
                                pct(holders, members)
                            ),
                        )
                    }
                    _ => (false, "Tập thể chưa gắn với đơn vị trong Lan Tỏa hoặc thiếu số thành viên; không kiểm tra được.".to_owned()),
                }
            }
            CheckKind::CollectiveMembersCompleted => {
                match (nominee.members_completed, nominee.member_count) {
                    (Some(done), Some(members)) => {
                        let percent = rule.percent.unwrap_or(100);
                        let ok = reaches(
                            done.max(0) as usize,
                            members.max(0) as usize,
                            percent,
                            rule.strict,
                        );
                        (
                            ok,
                            format!(
                                "{done}/{members} thành viên hoàn thành nhiệm vụ ({}); yêu cầu từ {percent}%.",
                                pct(done.max(0) as usize, members.max(0) as usize)
                            ),
                        )
                    }
                    _ => (
                        false,
                        "Chưa khai số thành viên hoàn thành nhiệm vụ.".to_owned(),
                    ),
                }
            }
            CheckKind::CollectiveMinWithTitle => {
                let needed = rule.min_count.unwrap_or(1).max(0) as usize;
                let holders = facts
                    .unit_titles
                    .iter()
                    .find(|(code, _)| code == title)
                    .map(|(_, list)| list.len())
                    .unwrap_or(0);
                if nominee.unit_id.is_none() {
                    (
                        false,
                        "Tập thể chưa gắn với đơn vị trong Lan Tỏa; không kiểm tra được."
                            .to_owned(),
                    )
                } else if holders >= needed {
                    (
                        true,
                        format!("Có {holders} thành viên đạt {title} năm {year}."),
                    )
                } else {
                    (
                        false,
                        format!(
                            "Cần ít nhất {needed} thành viên đạt {title} năm {year}; có {holders}."
                        ),
                    )
                }
            }
            CheckKind::CollectiveNoDiscipline | CheckKind::IndividualNoDiscipline => {
                let level = rule.discipline_level.unwrap_or(DisciplineLevel::KhienTrach);
                let records = if rule.check_kind == CheckKind::CollectiveNoDiscipline {
                    &facts.unit_discipline
                } else {
                    &facts.discipline
                };
                if rule.check_kind == CheckKind::CollectiveNoDiscipline && nominee.unit_id.is_none()
                {
                    (
                        false,
                        "Tập thể chưa gắn với đơn vị trong Lan Tỏa; không kiểm tra được."
                            .to_owned(),
                    )
                } else {
                    let found: Vec<String> = records
                        .iter()
                        .filter(|d| {
                            d.kind == facts::DisciplineKind::Discipline
                                && d.level.is_some_and(|l| l.rank() >= level.rank())
                                && d.overlaps_year(year)
                        })
                        .map(|d| {
                            format!(
                                "{} ({}, từ {})",
                                d.full_name,
                                d.level.map(|l| l.label()).unwrap_or(""),
                                d.starts_on.format("%d/%m/%Y")
                            )
                        })
                        .collect();
                    if found.is_empty() {
                        (
                            true,
                            format!(
                                "Không có kỷ luật từ mức {} trong năm {year}.",
                                level.label().to_lowercase()
                            ),
                        )
                    } else {
                        (
                            false,
                            format!(
                                "Có kỷ luật từ mức {} trong năm {year}: {}.",
                                level.label().to_lowercase(),
                                found.join("; ")
                            ),
                        )
                    }
                }
            }
            CheckKind::NoPendingCase => {
                let open: Vec<String> = facts
                    .discipline
                    .iter()
                    .filter(|d| d.open_on(today))
                    .map(|d| {
                        format!(
                            "{} từ {}",
                            d.kind.label().to_lowercase(),
                            d.starts_on.format("%d/%m/%Y")
                        )
                    })
                    .collect();
                if open.is_empty() {
                    (true, "Không có vụ việc đang xem xét.".to_owned())
                } else {
                    (false, format!("Tạm hoãn: {}.", open.join("; ")))
                }
            }
            CheckKind::AdHocNotMeritBasis => (true, String::new()),
            CheckKind::NoDoubleReward => {
                if !facts.same_occasion.is_empty() {
                    (
                        false,
                        format!(
                            "Đã được đề nghị cho cùng dịp, cùng thành tích trong hồ sơ: {}.",
                            facts.same_occasion.join("; ")
                        ),
                    )
                } else if title_held(&facts.titles, &form.code, year, false)
                    && !facts.titles.iter().any(|t| {
                        t.title_code == form.code
                            && t.year == year
                            && t.proposal_id == Some(proposal.id)
                    })
                {
                    (false, format!("Đã được tặng {} năm {year}.", form.name))
                } else {
                    (true, "Chưa được khen thưởng cho thành tích này.".to_owned())
                }
            }
        };
        out.push(CheckResult {
            rule_code: rule.code.clone(),
            rule_name: rule.name.clone(),
            severity: rule.severity,
            passed,
            reason,
            legal_basis: rule.legal_basis.clone(),
        });
    }
    // The ad hoc rule's own line says what it excluded.
    if let Some(line) = out.iter_mut().find(|c| {
        rules
            .iter()
            .any(|r| r.code == c.rule_code && r.check_kind == CheckKind::AdHocNotMeritBasis)
    }) {
        if !merit {
            line.reason = format!(
                "Khen thưởng {} không làm căn cứ đề nghị khen thưởng cao hơn.",
                proposal.commendation_type.label().to_lowercase()
            );
        } else if excluded_titles.is_empty() {
            line.reason = "Không dùng khen thưởng đột xuất, chuyên đề làm căn cứ.".to_owned();
        } else {
            line.passed = false;
            line.reason = format!(
                "Danh hiệu {} là khen thưởng đột xuất hoặc chuyên đề, không được dùng làm căn cứ.",
                excluded_titles.join(", ")
            );
        }
    }
    out
}

/// States in which a proposal still counts towards caps and double rewards.
const LIVE: &[ProposalState] = &[
    ProposalState::Submitted,
    ProposalState::Received,
    ProposalState::Reviewed,
    ProposalState::InNotice,
    ProposalState::InCouncil,
    ProposalState::PendingDecision,
    ProposalState::Forwarded,
];

/// Loads what the checks of `nominee` read.
pub fn facts_for(
    conn: &mut DbConnection,
    rules: &[Rule],
    form: &AwardFormRow,
    proposal: &ProposalRow,
    nominee: &NomineeRow,
    siblings: &[NomineeRow],
) -> AppResult<NomineeFacts> {
    let relevant: Vec<&Rule> = rules.iter().filter(|r| applies(r, form, nominee)).collect();
    let wants = |kind: CheckKind| relevant.iter().any(|r| r.check_kind == kind);
    let titles = facts::titles_of(conn, &nominee.subject_key, nominee.exemplar_id)?;
    let discipline = facts::discipline_of(conn, &nominee.subject_key, nominee.exemplar_id)?;
    let mut unit_titles = Vec::new();
    let mut unit_discipline = Vec::new();
    if let Some(unit) = nominee.unit_id
        && nominee.subject_kind == SubjectKind::Collective
    {
        for rule in &relevant {
            if let Some(code) = &rule.title_code
                && !unit_titles
                    .iter()
                    .any(|(c, _): &(String, Vec<TitleRecord>)| c == code)
            {
                unit_titles.push((
                    code.clone(),
                    facts::unit_title_holders(conn, unit, proposal.year, code)?,
                ));
            }
        }
        if wants(CheckKind::CollectiveNoDiscipline) {
            unit_discipline = facts::unit_discipline(conn, unit)?;
        }
    }
    let mut unit_share = None;
    if let Some(rule) = relevant
        .iter()
        .find(|r| r.check_kind == CheckKind::UnitShareCap)
    {
        let unit = nominee.unit_id.unwrap_or(proposal.unit_id);
        let base_code = rule.title_code.clone().unwrap_or_default();
        let base = facts::unit_title_holders(conn, unit, proposal.year, &base_code)?.len();
        let mut holders: Vec<String> =
            facts::unit_title_holders(conn, unit, proposal.year, &form.code)?
                .into_iter()
                .filter(|t| t.proposal_id != Some(proposal.id))
                .map(|t| t.subject_key)
                .collect();
        // This proposal's nominees of the unit that are still in the running, and those of the
        // other live proposals for the same award and year.
        for sibling in siblings {
            let counted = match proposal.state {
                ProposalState::Draft
                | ProposalState::Submitted
                | ProposalState::Received
                | ProposalState::Returned => sibling.review != NomineeReview::NotEligible,
                _ => sibling.in_running() && sibling.outcome != NomineeOutcome::Rejected,
            };
            if counted && sibling.unit_id.unwrap_or(proposal.unit_id) == unit {
                holders.push(sibling.subject_key.clone());
            }
        }
        let others: Vec<(String, Option<i64>)> = commendation_nominees::table
            .inner_join(commendation_proposals::table.inner_join(award_forms::table))
            .filter(commendation_proposals::id.ne(proposal.id))
            .filter(commendation_proposals::year.eq(proposal.year))
            .filter(award_forms::code.eq(&form.code))
            .filter(
                commendation_proposals::state
                    .eq_any(LIVE.iter().map(|s| s.as_str()).collect::<Vec<_>>()),
            )
            .filter(commendation_nominees::review.ne(NomineeReview::NotEligible))
            .filter(commendation_nominees::outcome.ne(NomineeOutcome::Rejected))
            .select((
                commendation_nominees::subject_key,
                commendation_nominees::unit_id,
            ))
            .load(conn)?;
        holders.extend(
            others
                .into_iter()
                .filter(|(_, u)| u.is_some_and(|u| u == unit))
                .map(|(key, _)| key),
        );
        holders.sort();
        holders.dedup();
        unit_share = Some((holders.len(), base));
    }
    let mut same_occasion = Vec::new();
    if wants(CheckKind::NoDoubleReward)
        && (proposal.occasion_id.is_some() || proposal.movement_id.is_some())
    {
        let mut query = commendation_nominees::table
            .inner_join(commendation_proposals::table)
            .filter(commendation_proposals::id.ne(proposal.id))
            .filter(commendation_proposals::state.ne(ProposalState::Rejected))
            .filter(commendation_proposals::state.ne(ProposalState::Draft))
            .filter(commendation_nominees::outcome.ne(NomineeOutcome::Rejected))
            .filter(commendation_nominees::review.ne(NomineeReview::NotEligible))
            .into_boxed();
        query = match nominee.exemplar_id {
            Some(exemplar) => query.filter(
                commendation_nominees::subject_key
                    .eq(nominee.subject_key.clone())
                    .or(commendation_nominees::exemplar_id.eq(exemplar)),
            ),
            None => {
                query.filter(commendation_nominees::subject_key.eq(nominee.subject_key.clone()))
            }
        };
        query = match (proposal.occasion_id, proposal.movement_id) {
            (Some(occasion), _) => query.filter(commendation_proposals::occasion_id.eq(occasion)),
            (None, Some(movement)) => {
                query.filter(commendation_proposals::movement_id.eq(movement))
            }
            (None, None) => query,
        };
        let found: Vec<(i64, String)> = query
            .select((commendation_proposals::id, commendation_proposals::title))
            .load(conn)?;
        same_occasion = found
            .into_iter()
            .map(|(id, title)| format!("#{id} {title}"))
            .collect();
    }
    Ok(NomineeFacts {
        titles,
        discipline,
        unit_titles,
        unit_discipline,
        unit_share,
        same_occasion,
    })
}

/// The checks of every nominee of a proposal, in the nominees' order.
pub fn check_proposal(
    conn: &mut DbConnection,
    form: &AwardFormRow,
    proposal: &ProposalRow,
    nominees: &[NomineeRow],
    today: NaiveDate,
) -> AppResult<Vec<Vec<CheckResult>>> {
    let rules: Vec<Rule> = list(conn)?.into_iter().filter(|r| r.active).collect();
    let mut out = Vec::with_capacity(nominees.len());
    for nominee in nominees {
        let facts = facts_for(conn, &rules, form, proposal, nominee, nominees)?;
        out.push(evaluate(&rules, form, proposal, nominee, &facts, today));
    }
    Ok(out)
}

/// 409 `eligibility_blocked` naming each nominee among `ids` that a blocking rule fails.
pub fn ensure_not_blocked(
    nominees: &[NomineeRow],
    checks: &[Vec<CheckResult>],
    ids: &[i64],
) -> AppResult<()> {
    let mut errors = Vec::new();
    for (index, (nominee, results)) in nominees.iter().zip(checks).enumerate() {
        if !ids.contains(&nominee.id) {
            continue;
        }
        for result in results.iter().filter(|r| r.blocks()) {
            errors.push(FieldError::new(
                format!("nominees[{index}]"),
                result.rule_code.clone(),
                format!(
                    "{}: {} ({})",
                    nominee.full_name, result.reason, result.legal_basis
                ),
            ));
        }
    }
    if errors.is_empty() {
        return Ok(());
    }
    let mut error = AppError::new(ErrorCode::EligibilityBlocked).with_detail(
        "Có tập thể, cá nhân chưa đủ điều kiện theo quy định; xem chi tiết từng quy tắc.",
    );
    error.errors = errors;
    Err(error)
}
