//! The Hội đồng Thi đua – Khen thưởng: one per year, its members (user accounts of any role, with
//! their place in the council and their unit, for conflicts of interest), its meetings with the
//! agenda (proposals waiting for its vote) and the attendance that makes the quorum.
//!
//! Membership is not a role: it is checked in the handlers ([`Membership`]). A member reads the
//! meetings of their council and the proposals on their agenda, and votes; the standing member
//! (thường trực) and the chair run the meetings; the Office manages councils and meetings too.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::types::{CouncilRole, MeetingStatus, ProposalState, VoteDenominator};
use crate::auth::{Principal, Role};
use crate::db::DbConnection;
use crate::db::schema::{
    award_forms, commendation_proposals, council_meetings, council_members, councils,
    meeting_agenda, meeting_attendance, units, users,
};
use crate::error::{AppError, AppResult, ErrorCode, FieldError};
use crate::http::etag::IfMatch;
use crate::versioned_update;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = councils)]
pub struct CouncilRow {
    pub id: i64,
    pub year: i32,
    pub name: String,
    pub established_by: Option<String>,
    pub quorum_percent: i32,
    pub quorum_strict: bool,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = council_members)]
pub struct MemberRow {
    pub id: i64,
    pub council_id: i64,
    pub user_id: i64,
    pub role: CouncilRole,
    pub title: String,
    pub unit_id: Option<i64>,
    pub active: bool,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// A member of a council.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CouncilMember {
    pub id: i64,
    pub council_id: i64,
    pub user_id: i64,
    pub full_name: String,
    pub username: String,
    pub role: CouncilRole,
    /// "Giám đốc Sở", "Chánh Văn phòng Sở".
    pub title: String,
    /// The member's unit: they abstain on its nominees.
    pub unit_id: Option<i64>,
    pub active: bool,
    pub version: i32,
}

/// A council with its members.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Council {
    pub id: i64,
    pub year: i32,
    pub name: String,
    /// "Quyết định số 12/QĐ-STP ngày 05/01/2026".
    pub established_by: Option<String>,
    /// The share of the active members that must be present.
    pub quorum_percent: i32,
    /// `true`: more than `quorumPercent` (the default: more than half).
    pub quorum_strict: bool,
    pub members: Vec<CouncilMember>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CouncilInput {
    #[validate(range(min = 2000, max = 2100))]
    #[schema(minimum = 2000, maximum = 2100, example = 2026)]
    pub year: i32,
    #[validate(length(min = 3, max = 300))]
    #[schema(
        min_length = 3,
        max_length = 300,
        example = "Hội đồng Thi đua - Khen thưởng Sở Tư pháp năm 2026"
    )]
    pub name: String,
    #[validate(length(max = 300))]
    #[schema(max_length = 300)]
    pub established_by: Option<String>,
    /// Default 50 (with `quorumStrict`: more than half).
    #[validate(range(min = 1, max = 100))]
    #[schema(minimum = 1, maximum = 100, default = 50)]
    #[serde(default = "half")]
    pub quorum_percent: i32,
    #[serde(default = "yes")]
    #[schema(default = true)]
    pub quorum_strict: bool,
}

fn half() -> i32 {
    50
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MemberInput {
    pub user_id: i64,
    pub role: CouncilRole,
    #[validate(length(min = 2, max = 200))]
    #[schema(
        min_length = 2,
        max_length = 200,
        example = "Trưởng phòng Hành chính tư pháp"
    )]
    pub title: String,
    /// Default: the user's unit.
    pub unit_id: Option<i64>,
    #[serde(default = "yes")]
    #[schema(default = true)]
    pub active: bool,
}

pub fn find_council(conn: &mut DbConnection, id: i64) -> AppResult<CouncilRow> {
    councils::table
        .find(id)
        .select(CouncilRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::not_found("Hội đồng"))
}

pub fn members_of(conn: &mut DbConnection, council_id: i64) -> AppResult<Vec<CouncilMember>> {
    let rows: Vec<(MemberRow, String, String)> = council_members::table
        .inner_join(users::table)
        .filter(council_members::council_id.eq(council_id))
        .order(council_members::id.asc())
        .select((MemberRow::as_select(), users::full_name, users::username))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(m, full_name, username)| CouncilMember {
            id: m.id,
            council_id: m.council_id,
            user_id: m.user_id,
            full_name,
            username,
            role: m.role,
            title: m.title,
            unit_id: m.unit_id,
            active: m.active,
            version: m.version,
        })
        .collect())
}

pub fn to_api(conn: &mut DbConnection, row: CouncilRow) -> AppResult<Council> {
    Ok(Council {
        members: members_of(conn, row.id)?,
        id: row.id,
        year: row.year,
        name: row.name,
        established_by: row.established_by,
        quorum_percent: row.quorum_percent,
        quorum_strict: row.quorum_strict,
        version: row.version,
        created_at: row.created_at.and_utc(),
        updated_at: row.updated_at.and_utc(),
    })
}

/// Whether the principal manages councils and meetings by role.
pub fn manages(principal: &Principal) -> bool {
    principal.role == Role::Office
}

/// Whether the principal reads every council by role.
pub fn reads_all(principal: &Principal) -> bool {
    matches!(principal.role, Role::Admin | Role::Leader | Role::Office)
}

/// The caller's active membership of a council, if any.
pub fn membership(
    conn: &mut DbConnection,
    principal: &Principal,
    council_id: i64,
) -> AppResult<Option<MemberRow>> {
    let Some(user) = principal.user_id() else {
        return Ok(None);
    };
    Ok(council_members::table
        .filter(council_members::council_id.eq(council_id))
        .filter(council_members::user_id.eq(user))
        .filter(council_members::active.eq(true))
        .select(MemberRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn not_member() -> AppError {
    AppError::new(ErrorCode::NotCouncilMember).with_detail(
        "Chỉ thành viên Hội đồng Thi đua – Khen thưởng của năm này mới được thực hiện.",
    )
}

/// The council rule: read by admin, leader, office, or an active member of it.
pub fn ensure_readable(
    conn: &mut DbConnection,
    principal: &Principal,
    council_id: i64,
) -> AppResult<Option<MemberRow>> {
    let member = membership(conn, principal, council_id)?;
    if member.is_none() && !reads_all(principal) {
        return Err(not_member());
    }
    Ok(member)
}

/// The councils the caller reads: all for admin, leader and office; their own otherwise.
pub fn list(conn: &mut DbConnection, principal: &Principal) -> AppResult<Vec<Council>> {
    let mut query = councils::table.select(CouncilRow::as_select()).into_boxed();
    if !reads_all(principal) {
        let user = principal.user_id().unwrap_or(-1);
        query = query.filter(
            councils::id.eq_any(
                council_members::table
                    .filter(council_members::user_id.eq(user))
                    .filter(council_members::active.eq(true))
                    .select(council_members::council_id),
            ),
        );
    }
    let rows: Vec<CouncilRow> = query.order(councils::year.desc()).load(conn)?;
    rows.into_iter().map(|row| to_api(conn, row)).collect()
}

pub fn insert_council(
    conn: &mut DbConnection,
    now: NaiveDateTime,
    input: &CouncilInput,
) -> AppResult<i64> {
    let taken: i64 = councils::table
        .filter(councils::year.eq(input.year))
        .count()
        .get_result(conn)?;
    if taken > 0 {
        return Err(AppError::field("year", "taken", "Năm này đã có Hội đồng."));
    }
    diesel::insert_into(councils::table)
        .values((
            councils::year.eq(input.year),
            councils::name.eq(input.name.trim()),
            councils::established_by.eq(input.established_by.as_deref().map(str::trim)),
            councils::quorum_percent.eq(input.quorum_percent),
            councils::quorum_strict.eq(input.quorum_strict),
            councils::version.eq(1),
            councils::created_at.eq(now),
            councils::updated_at.eq(now),
        ))
        .returning(councils::id)
        .get_result(conn)
        .map_err(|error| match error {
            diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                _,
            ) => AppError::field("year", "taken", "Năm này đã có Hội đồng."),
            other => other.into(),
        })
}

pub fn update_council(
    conn: &mut DbConnection,
    current: &CouncilRow,
    if_match: IfMatch,
    now: NaiveDateTime,
    input: &CouncilInput,
) -> AppResult<()> {
    let expected = if_match.expect(current.version)?;
    if input.year != current.year {
        return Err(AppError::field(
            "year",
            "immutable",
            "Không đổi được năm của Hội đồng.",
        ));
    }
    versioned_update!(
        conn,
        councils,
        current.id,
        expected,
        now,
        (
            councils::name.eq(input.name.trim()),
            councils::established_by.eq(input.established_by.as_deref().map(str::trim)),
            councils::quorum_percent.eq(input.quorum_percent),
            councils::quorum_strict.eq(input.quorum_strict),
        )
    )?;
    Ok(())
}

fn check_member(
    conn: &mut DbConnection,
    council_id: i64,
    input: &MemberInput,
    id: Option<i64>,
) -> AppResult<Option<i64>> {
    let user: Option<(Option<i64>, bool)> = users::table
        .find(input.user_id)
        .select((users::unit_id, users::active))
        .first(conn)
        .optional()?;
    let Some((user_unit, active)) = user else {
        return Err(AppError::field(
            "userId",
            "not_found",
            "Không có tài khoản này.",
        ));
    };
    if !active && input.active {
        return Err(AppError::field(
            "userId",
            "inactive",
            "Tài khoản đã bị khóa.",
        ));
    }
    if let Some(unit) = input.unit_id {
        let exists: i64 = units::table.find(unit).count().get_result(conn)?;
        if exists == 0 {
            return Err(AppError::field(
                "unitId",
                "not_found",
                "Không có đơn vị này.",
            ));
        }
    }
    let mut same = council_members::table
        .filter(council_members::council_id.eq(council_id))
        .filter(council_members::user_id.eq(input.user_id))
        .into_boxed();
    if let Some(id) = id {
        same = same.filter(council_members::id.ne(id));
    }
    if same.count().get_result::<i64>(conn)? > 0 {
        return Err(AppError::field(
            "userId",
            "taken",
            "Người này đã là thành viên Hội đồng.",
        ));
    }
    if input.active && matches!(input.role, CouncilRole::Chair | CouncilRole::Standing) {
        let mut holder = council_members::table
            .filter(council_members::council_id.eq(council_id))
            .filter(council_members::role.eq(input.role))
            .filter(council_members::active.eq(true))
            .into_boxed();
        if let Some(id) = id {
            holder = holder.filter(council_members::id.ne(id));
        }
        if holder.count().get_result::<i64>(conn)? > 0 {
            return Err(AppError::field(
                "role",
                "taken",
                format!("Hội đồng đã có {}.", input.role.label().to_lowercase()),
            ));
        }
    }
    Ok(input.unit_id.or(user_unit))
}

pub fn insert_member(
    conn: &mut DbConnection,
    council: &CouncilRow,
    now: NaiveDateTime,
    input: &MemberInput,
) -> AppResult<i64> {
    let unit = check_member(conn, council.id, input, None)?;
    Ok(diesel::insert_into(council_members::table)
        .values((
            council_members::council_id.eq(council.id),
            council_members::user_id.eq(input.user_id),
            council_members::role.eq(input.role),
            council_members::title.eq(input.title.trim()),
            council_members::unit_id.eq(unit),
            council_members::active.eq(input.active),
            council_members::version.eq(1),
            council_members::created_at.eq(now),
            council_members::updated_at.eq(now),
        ))
        .returning(council_members::id)
        .get_result(conn)?)
}

pub fn find_member(conn: &mut DbConnection, id: i64) -> AppResult<MemberRow> {
    council_members::table
        .find(id)
        .select(MemberRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::not_found("thành viên Hội đồng"))
}

pub fn update_member(
    conn: &mut DbConnection,
    current: &MemberRow,
    if_match: IfMatch,
    now: NaiveDateTime,
    input: &MemberInput,
) -> AppResult<()> {
    let expected = if_match.expect(current.version)?;
    if input.user_id != current.user_id {
        return Err(AppError::field(
            "userId",
            "immutable",
            "Không đổi được người của một thành viên; hãy thêm thành viên mới.",
        ));
    }
    let unit = check_member(conn, current.council_id, input, Some(current.id))?;
    versioned_update!(
        conn,
        council_members,
        current.id,
        expected,
        now,
        (
            council_members::role.eq(input.role),
            council_members::title.eq(input.title.trim()),
            council_members::unit_id.eq(unit),
            council_members::active.eq(input.active),
        )
    )?;
    Ok(())
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = council_meetings)]
pub struct MeetingRow {
    pub id: i64,
    pub council_id: i64,
    pub subject: String,
    pub meets_at: NaiveDateTime,
    pub venue: String,
    pub chair_member_id: i64,
    pub secretary_member_id: i64,
    pub status: MeetingStatus,
    pub content: Option<String>,
    pub conclusions: Option<String>,
    pub minutes_entry_id: Option<i64>,
    pub ended_at: Option<NaiveDateTime>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl MeetingRow {
    /// Whether `member` runs this meeting (its secretary or its chair).
    pub fn run_by(&self, member: Option<&MemberRow>) -> bool {
        member.is_some_and(|m| m.id == self.secretary_member_id || m.id == self.chair_member_id)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct MeetingInput {
    pub council_id: i64,
    #[validate(length(min = 3, max = 300))]
    #[schema(
        min_length = 3,
        max_length = 300,
        example = "Họp xét đề nghị khen thưởng tổng kết năm 2026"
    )]
    pub subject: String,
    pub meets_at: DateTime<Utc>,
    #[validate(length(min = 2, max = 300))]
    #[schema(min_length = 2, max_length = 300, example = "Phòng họp Sở Tư pháp")]
    pub venue: String,
    /// Who chairs it (chủ trì): a member of the council.
    pub chair_member_id: i64,
    /// Who keeps the minutes (thư ký): a member of the council.
    pub secretary_member_id: i64,
    /// Proposals waiting for the council's vote (`in_council`).
    #[validate(length(min = 1, max = 50))]
    #[schema(min_items = 1, max_items = 50)]
    pub proposal_ids: Vec<i64>,
    /// What was presented and discussed (for the minutes).
    #[validate(length(max = 8000))]
    #[schema(max_length = 8000)]
    pub content: Option<String>,
}

/// One member's attendance.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AttendanceEntry {
    pub member_id: i64,
    pub present: bool,
    #[validate(length(max = 300))]
    #[schema(max_length = 300)]
    pub absence_reason: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AttendanceInput {
    #[validate(length(min = 1, max = 100), nested)]
    #[schema(min_items = 1, max_items = 100)]
    pub entries: Vec<AttendanceEntry>,
}

pub fn find_meeting(conn: &mut DbConnection, id: i64) -> AppResult<MeetingRow> {
    council_meetings::table
        .find(id)
        .select(MeetingRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::not_found("cuộc họp Hội đồng"))
}

pub fn agenda_of(conn: &mut DbConnection, meeting_id: i64) -> AppResult<Vec<i64>> {
    Ok(meeting_agenda::table
        .filter(meeting_agenda::meeting_id.eq(meeting_id))
        .order(meeting_agenda::position.asc())
        .select(meeting_agenda::proposal_id)
        .load(conn)?)
}

/// (member id, present, absence reason) of a meeting.
pub fn attendance_of(
    conn: &mut DbConnection,
    meeting_id: i64,
) -> AppResult<Vec<(i64, bool, Option<String>)>> {
    Ok(meeting_attendance::table
        .filter(meeting_attendance::meeting_id.eq(meeting_id))
        .select((
            meeting_attendance::member_id,
            meeting_attendance::present,
            meeting_attendance::absence_reason,
        ))
        .load(conn)?)
}

/// Who may manage a meeting of `council_id`: the Office, or the council's standing member or chair.
pub fn ensure_runs(
    conn: &mut DbConnection,
    principal: &Principal,
    council_id: i64,
) -> AppResult<Option<MemberRow>> {
    let member = membership(conn, principal, council_id)?;
    let runs = member
        .as_ref()
        .is_some_and(|m| matches!(m.role, CouncilRole::Chair | CouncilRole::Standing));
    if !runs && !manages(principal) {
        return Err(match member {
            Some(_) => AppError::forbidden().with_detail(
                "Chỉ Văn phòng Sở, Chủ tịch hoặc Ủy viên thường trực Hội đồng được quản lý cuộc họp.",
            ),
            None => not_member(),
        });
    }
    Ok(member)
}

fn check_meeting(
    conn: &mut DbConnection,
    input: &MeetingInput,
    meeting: Option<i64>,
) -> AppResult<()> {
    let mut errors = Vec::new();
    for (field, id) in [
        ("chairMemberId", input.chair_member_id),
        ("secretaryMemberId", input.secretary_member_id),
    ] {
        let ok: i64 = council_members::table
            .filter(council_members::id.eq(id))
            .filter(council_members::council_id.eq(input.council_id))
            .filter(council_members::active.eq(true))
            .count()
            .get_result(conn)?;
        if ok == 0 {
            errors.push(FieldError::new(
                field,
                "not_member",
                "Chọn một thành viên đang hoạt động của Hội đồng.",
            ));
        }
    }
    let mut ids = input.proposal_ids.clone();
    ids.sort_unstable();
    ids.dedup();
    if ids.len() != input.proposal_ids.len() {
        errors.push(FieldError::new(
            "proposalIds",
            "duplicate",
            "Mỗi hồ sơ chỉ ghi một lần.",
        ));
    }
    let mut rules: Vec<(i32, bool, VoteDenominator)> = Vec::new();
    for (index, id) in input.proposal_ids.iter().enumerate() {
        let found: Option<(ProposalState, i32, bool, VoteDenominator)> =
            commendation_proposals::table
                .inner_join(award_forms::table)
                .filter(commendation_proposals::id.eq(id))
                .select((
                    commendation_proposals::state,
                    award_forms::vote_threshold_percent,
                    award_forms::vote_threshold_strict,
                    award_forms::vote_denominator,
                ))
                .first(conn)
                .optional()?;
        if let Some((_, percent, strict, denominator)) = found {
            rules.push((percent, strict, denominator));
        }
        match found.map(|f| f.0) {
            None => errors.push(FieldError::new(
                format!("proposalIds[{index}]"),
                "not_found",
                "Không có hồ sơ này.",
            )),
            Some(ProposalState::InCouncil) => {
                let mut elsewhere = meeting_agenda::table
                    .inner_join(council_meetings::table)
                    .filter(meeting_agenda::proposal_id.eq(id))
                    .filter(council_meetings::status.ne(MeetingStatus::Closed))
                    .into_boxed();
                if let Some(meeting) = meeting {
                    elsewhere = elsewhere.filter(council_meetings::id.ne(meeting));
                }
                if elsewhere.count().get_result::<i64>(conn)? > 0 {
                    errors.push(FieldError::new(
                        format!("proposalIds[{index}]"),
                        "scheduled",
                        "Hồ sơ đã có trong chương trình một cuộc họp khác chưa kết thúc.",
                    ));
                }
            }
            Some(state) => errors.push(FieldError::new(
                format!("proposalIds[{index}]"),
                "wrong_state",
                format!(
                    "Hồ sơ đang ở trạng thái \"{}\", chưa chờ Hội đồng xét.",
                    state.label()
                ),
            )),
        }
    }
    rules.dedup();
    if rules.len() > 1 {
        // One biên bản states one way of counting: meetings keep to one.
        errors.push(FieldError::new(
            "proposalIds",
            "mixed_vote_rules",
            "Các hồ sơ trong một cuộc họp phải cùng cách tính tỷ lệ phiếu (ngưỡng và mẫu số); hãy xét riêng ở cuộc họp khác.",
        ));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::validation(errors))
    }
}

fn write_agenda(conn: &mut DbConnection, meeting_id: i64, ids: &[i64]) -> AppResult<()> {
    diesel::delete(meeting_agenda::table.filter(meeting_agenda::meeting_id.eq(meeting_id)))
        .execute(conn)?;
    for (position, id) in ids.iter().enumerate() {
        diesel::insert_into(meeting_agenda::table)
            .values((
                meeting_agenda::meeting_id.eq(meeting_id),
                meeting_agenda::proposal_id.eq(id),
                meeting_agenda::position.eq(position as i32 + 1),
            ))
            .execute(conn)?;
    }
    Ok(())
}

pub fn insert_meeting(
    conn: &mut DbConnection,
    now: NaiveDateTime,
    input: &MeetingInput,
) -> AppResult<i64> {
    check_meeting(conn, input, None)?;
    let id = diesel::insert_into(council_meetings::table)
        .values((
            council_meetings::council_id.eq(input.council_id),
            council_meetings::subject.eq(input.subject.trim()),
            council_meetings::meets_at.eq(input.meets_at.naive_utc()),
            council_meetings::venue.eq(input.venue.trim()),
            council_meetings::chair_member_id.eq(input.chair_member_id),
            council_meetings::secretary_member_id.eq(input.secretary_member_id),
            council_meetings::status.eq(MeetingStatus::Planned),
            council_meetings::content.eq(input.content.as_deref().map(str::trim)),
            council_meetings::version.eq(1),
            council_meetings::created_at.eq(now),
            council_meetings::updated_at.eq(now),
        ))
        .returning(council_meetings::id)
        .get_result(conn)?;
    write_agenda(conn, id, &input.proposal_ids)?;
    Ok(id)
}

pub fn ensure_planned(meeting: &MeetingRow) -> AppResult<()> {
    if meeting.status != MeetingStatus::Planned {
        return Err(AppError::new(ErrorCode::Conflict)
            .with_detail("Cuộc họp đã mở phiếu bầu; không sửa được chương trình và thành phần."));
    }
    Ok(())
}

pub fn update_meeting(
    conn: &mut DbConnection,
    current: &MeetingRow,
    if_match: IfMatch,
    now: NaiveDateTime,
    input: &MeetingInput,
) -> AppResult<()> {
    ensure_planned(current)?;
    let expected = if_match.expect(current.version)?;
    if input.council_id != current.council_id {
        return Err(AppError::field(
            "councilId",
            "immutable",
            "Không chuyển cuộc họp sang Hội đồng khác.",
        ));
    }
    check_meeting(conn, input, Some(current.id))?;
    versioned_update!(
        conn,
        council_meetings,
        current.id,
        expected,
        now,
        (
            council_meetings::subject.eq(input.subject.trim()),
            council_meetings::meets_at.eq(input.meets_at.naive_utc()),
            council_meetings::venue.eq(input.venue.trim()),
            council_meetings::chair_member_id.eq(input.chair_member_id),
            council_meetings::secretary_member_id.eq(input.secretary_member_id),
            council_meetings::content.eq(input.content.as_deref().map(str::trim)),
        )
    )?;
    write_agenda(conn, current.id, &input.proposal_ids)
}

/// Records the attendance (a planned meeting): after the meeting's compare-and-set.
pub fn set_attendance(
    conn: &mut DbConnection,
    current: &MeetingRow,
    if_match: IfMatch,
    now: NaiveDateTime,
    input: &AttendanceInput,
) -> AppResult<()> {
    ensure_planned(current)?;
    let expected = if_match.expect(current.version)?;
    let members: Vec<i64> = council_members::table
        .filter(council_members::council_id.eq(current.council_id))
        .filter(council_members::active.eq(true))
        .select(council_members::id)
        .load(conn)?;
    let mut errors = Vec::new();
    for (index, entry) in input.entries.iter().enumerate() {
        if !members.contains(&entry.member_id) {
            errors.push(FieldError::new(
                format!("entries[{index}].memberId"),
                "not_member",
                "Không phải thành viên đang hoạt động của Hội đồng.",
            ));
        }
        if input
            .entries
            .iter()
            .filter(|e| e.member_id == entry.member_id)
            .count()
            > 1
        {
            errors.push(FieldError::new(
                format!("entries[{index}].memberId"),
                "duplicate",
                "Mỗi thành viên chỉ ghi một lần.",
            ));
        }
    }
    if !errors.is_empty() {
        return Err(AppError::validation(errors));
    }
    versioned_update!(conn, council_meetings, current.id, expected, now)?;
    diesel::delete(meeting_attendance::table.filter(meeting_attendance::meeting_id.eq(current.id)))
        .execute(conn)?;
    for entry in &input.entries {
        diesel::insert_into(meeting_attendance::table)
            .values((
                meeting_attendance::meeting_id.eq(current.id),
                meeting_attendance::member_id.eq(entry.member_id),
                meeting_attendance::present.eq(entry.present),
                meeting_attendance::absence_reason.eq(entry
                    .absence_reason
                    .as_deref()
                    .map(str::trim)
                    .filter(|r| !r.is_empty() && !entry.present)),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Active members of a council.
pub fn active_members(conn: &mut DbConnection, council_id: i64) -> AppResult<Vec<MemberRow>> {
    Ok(council_members::table
        .filter(council_members::council_id.eq(council_id))
        .filter(council_members::active.eq(true))
        .select(MemberRow::as_select())
        .load(conn)?)
}

/// The meetings of a council (or of every council the caller reads).
pub fn meetings(
    conn: &mut DbConnection,
    principal: &Principal,
    council_id: Option<i64>,
) -> AppResult<Vec<MeetingRow>> {
    let mut query = council_meetings::table
        .select(MeetingRow::as_select())
        .into_boxed();
    if let Some(council) = council_id {
        query = query.filter(council_meetings::council_id.eq(council));
    }
    if !reads_all(principal) {
        let user = principal.user_id().unwrap_or(-1);
        query = query.filter(
            council_meetings::council_id.eq_any(
                council_members::table
                    .filter(council_members::user_id.eq(user))
                    .filter(council_members::active.eq(true))
                    .select(council_members::council_id),
            ),
        );
    }
    Ok(query
        .order(council_meetings::meets_at.desc())
        .limit(500)
        .load(conn)?)
}

/// The open meeting (voting) a proposal is on, if any.
pub fn voting_meeting_of(
    conn: &mut DbConnection,
    proposal_id: i64,
) -> AppResult<Option<MeetingRow>> {
    Ok(meeting_agenda::table
        .inner_join(council_meetings::table)
        .filter(meeting_agenda::proposal_id.eq(proposal_id))
        .filter(council_meetings::status.eq(MeetingStatus::Voting))
        .select(MeetingRow::as_select())
        .first(conn)
        .optional()?)
}

/// The meetings a proposal is or was on (id, time, status).
pub fn meetings_of(conn: &mut DbConnection, proposal_id: i64) -> AppResult<Vec<MeetingRow>> {
    Ok(meeting_agenda::table
        .inner_join(council_meetings::table)
        .filter(meeting_agenda::proposal_id.eq(proposal_id))
        .order(council_meetings::meets_at.asc())
        .select(MeetingRow::as_select())
        .load(conn)?)
}
