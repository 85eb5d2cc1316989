//! `/api/v1/councils`, `/council-meetings`, `/ballots`: the council of each year, its members,
//! its meetings and their secret ballots.
//!
//! Membership is not a role: these operations admit every signed-in person (`security` lists
//! all roles) and check in the handler that the caller is an active member of the council
//! (403 `not_council_member` otherwise), or runs the meeting (its secretary or chair, or the
//! standing member), or belongs to the Office where the Office may act.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, post, put, web};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::ballot::{self, VoteInput, WrittenVoteInput};
use super::council::{self, AttendanceInput, Council, CouncilInput, MeetingInput, MemberInput};
use super::documents;
use super::meeting_steps;
use super::meeting_view::{self, BallotView, Meeting};
use super::meeting_workflow::{self, MeetingAction, Transition as MeetingTransition};
use super::proposals_api::docx_response;
use super::types::{BallotStatus, MeetingStatus, VoteDenominator, VoteMode};
use crate::audit::{self, AuditAction, AuditContext, EntityType};
use crate::auth::roles::{AdminOrOffice, People};
use crate::auth::{Auth, Principal};
use crate::db::DbConnection;
use crate::error::{AppError, AppResult, ErrorCode, FieldError};
use crate::http::etag::{IfMatch, json_with_etag};
use crate::http::extract::{Json, Query};
use crate::http::validation::validate;
use crate::state::AppState;

/// Danh sách Hội đồng Thi đua – Khen thưởng theo năm.
///
/// The councils the caller reads: every one for admin, leader and office; the ones they are an
/// active member of for everyone else.
///
/// **Quyền:** mọi người dùng (thành viên: Hội đồng của mình).
#[utoipa::path(
    tag = "Hội đồng Thi đua – Khen thưởng",
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
    responses((status = 200, body = Vec<Council>))
)]
#[get("/councils")]
pub async fn list_councils(
    auth: Auth<People>,
    state: web::Data<AppState>,
) -> AppResult<web::Json<Vec<Council>>> {
    let principal = auth.principal;
    Ok(web::Json(
        state
            .db
            .run(move |conn| council::list(conn, &principal))
            .await?,
    ))
}

/// Chi tiết một Hội đồng và thành viên.
///
/// **Quyền:** admin, leader, office; thành viên của Hội đồng.
#[utoipa::path(
    tag = "Hội đồng Thi đua – Khen thưởng",
    params(("id" = i64, Path, description = "Council id")),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
    responses((status = 200, body = Council, headers(("ETag" = String))))
)]
#[get("/councils/{id}")]
pub async fn get_council(
    auth: Auth<People>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let principal = auth.principal;
    let council = state
        .db
        .run(move |conn| {
            let row = council::find_council(conn, id)?;
            council::ensure_readable(conn, &principal, id)?;
            council::to_api(conn, row)
        })
        .await?;
    Ok(json_with_etag(StatusCode::OK, council.version, &council))
}

/// Thành lập Hội đồng của một năm.
///
/// Creates the council of a year (one per year), with its quorum (default: more than half of
/// the members).
///
/// **Quyền:** admin, office.
#[utoipa::path(
    tag = "Hội đồng Thi đua – Khen thưởng",
    request_body = CouncilInput,
    security(("bearer" = ["admin", "office"])),
    responses((status = 201, body = Council, headers(("ETag" = String))))
)]
#[post("/councils")]
pub async fn create_council(
    auth: Auth<AdminOrOffice>,
    state: web::Data<AppState>,
    Json(input): Json<CouncilInput>,
) -> AppResult<HttpResponse> {
    validate(&input)?;
    let ctx = AuditContext::from(&auth);
    let council = state
        .db
        .transaction(move |conn| {
            let id = council::insert_council(conn, ctx.at, &input)?;
            let row = council::find_council(conn, id)?;
            let council = council::to_api(conn, row)?;
            audit::record(
                conn,
                &ctx,
                AuditAction::Create,
                EntityType::Council,
                Some(id),
                None,
                audit::snapshot(&council),
            )?;
            Ok(council)
        })
        .await?;
    Ok(json_with_etag(
        StatusCode::CREATED,
        council.version,
        &council,
    ))
}

/// Sửa thông tin Hội đồng.
///
/// Changes a council's name, founding decision and quorum (not its year). Requires `If-Match`.
///
/// **Quyền:** admin, office.
#[utoipa::path(
    tag = "Hội đồng Thi đua – Khen thưởng",
    request_body = CouncilInput,
    params(("id" = i64, Path, description = "Council id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["admin", "office"])),
    responses((status = 200, body = Council, headers(("ETag" = String))))
)]
#[put("/councils/{id}")]
pub async fn update_council(
    auth: Auth<AdminOrOffice>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(input): Json<CouncilInput>,
) -> AppResult<HttpResponse> {
    validate(&input)?;
    let id = id.into_inner();
    let ctx = AuditContext::from(&auth);
    let council = state
        .db
        .transaction(move |conn| {
            let row = council::find_council(conn, id)?;
            let before = council::to_api(conn, row.clone())?;
            council::update_council(conn, &row, if_match, ctx.at, &input)?;
            let fresh = council::find_council(conn, id)?;
            let after = council::to_api(conn, fresh)?;
            audit::record(
                conn,
                &ctx,
                AuditAction::Update,
                EntityType::Council,
                Some(id),
                audit::snapshot(&before),
                audit::snapshot(&after),
            )?;
            Ok(after)
        })
        .await?;
    Ok(json_with_etag(StatusCode::OK, council.version, &council))
}

/// Thêm thành viên Hội đồng.
///
/// Adds a member: a user account of any role, with their place in the council (one chair, one
/// standing member) and their unit (default: the user's), for conflicts of interest.
///
/// **Quyền:** admin, office.
#[utoipa::path(
    tag = "Hội đồng Thi đua – Khen thưởng",
    request_body = MemberInput,
    params(("id" = i64, Path, description = "Council id")),
    security(("bearer" = ["admin", "office"])),
    responses((status = 201, body = Council, headers(("ETag" = String))))
)]
#[post("/councils/{id}/members")]
pub async fn add_member(
    auth: Auth<AdminOrOffice>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    Json(input): Json<MemberInput>,
) -> AppResult<HttpResponse> {
    validate(&input)?;
    let id = id.into_inner();
    let ctx = AuditContext::from(&auth);
    let council = state
        .db
        .transaction(move |conn| {
            let row = council::find_council(conn, id)?;
            let member = council::insert_member(conn, &row, ctx.at, &input)?;
            audit::record(
                conn,
                &ctx,
                AuditAction::Create,
                EntityType::CouncilMember,
                Some(member),
                None,
                audit::snapshot(&input),
            )?;
            council::to_api(conn, row)
        })
        .await?;
    Ok(json_with_etag(
        StatusCode::CREATED,
        council.version,
        &council,
    ))
}

/// Sửa hoặc cho thôi một thành viên Hội đồng.
///
/// Changes a member's place, title, unit, or ends their membership (`active: false`); members
/// are kept for the meetings they sat in. Requires `If-Match` with the member's version.
///
/// **Quyền:** admin, office.
#[utoipa::path(
    tag = "Hội đồng Thi đua – Khen thưởng",
    request_body = MemberInput,
    params(("id" = i64, Path, description = "Member id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["admin", "office"])),
    responses((status = 200, body = Council, headers(("ETag" = String))))
)]
#[put("/council-members/{id}")]
pub async fn update_member(
    auth: Auth<AdminOrOffice>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(input): Json<MemberInput>,
) -> AppResult<HttpResponse> {
    validate(&input)?;
    let id = id.into_inner();
    let ctx = AuditContext::from(&auth);
    let council = state
        .db
        .transaction(move |conn| {
            let member = council::find_member(conn, id)?;
            council::update_member(conn, &member, if_match, ctx.at, &input)?;
            audit::record(
                conn,
                &ctx,
                AuditAction::Update,
                EntityType::CouncilMember,
                Some(id),
                None,
                audit::snapshot(&input),
            )?;
            let fresh = council::find_council(conn, member.council_id)?;
            council::to_api(conn, fresh)
        })
        .await?;
    Ok(json_with_etag(StatusCode::OK, council.version, &council))
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct MeetingQuery {
    pub council_id: Option<i64>,
}

/// Danh sách cuộc họp Hội đồng.
///
/// **Quyền:** admin, leader, office: mọi cuộc họp; thành viên: cuộc họp của Hội đồng mình.
#[utoipa::path(
    tag = "Hội đồng Thi đua – Khen thưởng",
    params(MeetingQuery),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
    responses((status = 200, body = Vec<Meeting>))
)]
#[get("/council-meetings")]
pub async fn list_meetings(
    auth: Auth<People>,
    state: web::Data<AppState>,
    Query(q): Query<MeetingQuery>,
) -> AppResult<web::Json<Vec<Meeting>>> {
    let principal = auth.principal;
    Ok(web::Json(
        state
            .db
            .run(move |conn| {
                let rows = council::meetings(conn, &principal, q.council_id)?;
                rows.iter()
                    .map(|row| meeting_view::meeting(conn, &principal, row))
                    .collect()
            })
            .await?,
    ))
}

fn readable_meeting(
    conn: &mut DbConnection,
    principal: &Principal,
    id: i64,
) -> AppResult<council::MeetingRow> {
    let row = council::find_meeting(conn, id)?;
    council::ensure_readable(conn, principal, row.council_id)?;
    Ok(row)
}

/// Chi tiết cuộc họp: chương trình, thành phần, phiếu bầu.
///
/// The agenda, the attendance and quorum, and each ballot: who has voted (never how), and the
/// tally once closed.
///
/// **Quyền:** admin, leader, office; thành viên của Hội đồng.
#[utoipa::path(
    tag = "Hội đồng Thi đua – Khen thưởng",
    params(("id" = i64, Path, description = "Meeting id")),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
    responses((status = 200, body = Meeting, headers(("ETag" = String))))
)]
#[get("/council-meetings/{id}")]
pub async fn get_meeting(
    auth: Auth<People>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let principal = auth.principal;
    let meeting = state
        .db
        .run(move |conn| {
            let row = readable_meeting(conn, &principal, id)?;
            meeting_view::meeting(conn, &principal, &row)
        })
        .await?;
    Ok(json_with_etag(StatusCode::OK, meeting.version, &meeting))
}

/// Lets the caller take `action` on the meeting when the workflow table allows it now.
fn authorize_step(
    conn: &mut DbConnection,
    principal: &Principal,
    row: &council::MeetingRow,
    action: MeetingAction,
) -> AppResult<()> {
    meeting_workflow::authorize(&meeting_view::facts(conn, principal, row)?, action).map(|_| ())
}

/// Bảng quy trình cuộc họp Hội đồng.
///
/// A council meeting's steps as data: action, from-statuses, to-status, who (the meeting's
/// managers or those who run its ballots) and guards. Each meeting's `allowedActions` says what
/// its caller may do now.
///
/// **Quyền:** mọi người dùng.
#[utoipa::path(
    tag = "Hội đồng Thi đua – Khen thưởng",
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
    responses((status = 200, body = Vec<MeetingTransition>))
)]
#[get("/council-meeting-workflow")]
pub async fn meeting_workflow_table(
    _auth: Auth<People>,
) -> AppResult<web::Json<&'static [MeetingTransition]>> {
    Ok(web::Json(meeting_workflow::TRANSITIONS))
}

/// Runs `change` on a meeting the caller may manage, audits it and answers the meeting.
async fn change_meeting<F>(
    auth: Auth<People>,
    state: web::Data<AppState>,
    id: i64,
    action: AuditAction,
    change: F,
) -> AppResult<HttpResponse>
where
    F: FnOnce(&mut DbConnection, &Principal, &council::MeetingRow, &AuditContext) -> AppResult<()>
        + Send
        + 'static,
{
    let ctx = AuditContext::from(&auth);
    let principal = auth.principal;
    let meeting = state
        .db
        .transaction(move |conn| {
            let row = council::find_meeting(conn, id)?;
            council::ensure_readable(conn, &principal, row.council_id)?;
            change(conn, &principal, &row, &ctx)?;
            let after = council::find_meeting(conn, id)?;
            let view = meeting_view::meeting(conn, &principal, &after)?;
            audit::record(
                conn,
                &ctx,
                action,
                EntityType::CouncilMeeting,
                Some(id),
                Some(serde_json::json!({ "status": row.status, "version": row.version })),
                Some(serde_json::json!({
                    "status": after.status,
                    "subject": after.subject,
                    "agenda": view.agenda.iter().map(|a| a.proposal_id).collect::<Vec<_>>(),
                    "attendance": view.attendance.iter().map(|a| (a.member_id, a.present)).collect::<Vec<_>>(),
                })),
            )?;
            Ok(view)
        })
        .await?;
    Ok(json_with_etag(StatusCode::OK, meeting.version, &meeting))
}

/// Lên lịch cuộc họp Hội đồng.
///
/// Schedules a meeting with its agenda (proposals waiting for the council), its chair and its
/// secretary.
///
/// **Quyền:** office; Chủ tịch, Ủy viên thường trực của Hội đồng.
#[utoipa::path(
    tag = "Hội đồng Thi đua – Khen thưởng",
    request_body = MeetingInput,
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
    responses((status = 201, body = Meeting, headers(("ETag" = String))))
)]
#[post("/council-meetings")]
pub async fn create_meeting(
    auth: Auth<People>,
    state: web::Data<AppState>,
    Json(input): Json<MeetingInput>,
) -> AppResult<HttpResponse> {
    validate(&input)?;
    let ctx = AuditContext::from(&auth);
    let principal = auth.principal;
    let meeting = state
        .db
        .transaction(move |conn| {
            council::find_council(conn, input.council_id)
                .map_err(|_| AppError::field("councilId", "not_found", "Không có Hội đồng này."))?;
            council::ensure_runs(conn, &principal, input.council_id)?;
            let id = council::insert_meeting(conn, ctx.at, &input)?;
            let row = council::find_meeting(conn, id)?;
            let view = meeting_view::meeting(conn, &principal, &row)?;
            audit::record(
                conn,
                &ctx,
                AuditAction::Create,
                EntityType::CouncilMeeting,
                Some(id),
                None,
                audit::snapshot(&input),
            )?;
            Ok(view)
        })
        .await?;
    Ok(json_with_etag(
        StatusCode::CREATED,
        meeting.version,
        &meeting,
    ))
}

/// Sửa cuộc họp chưa mở phiếu.
///
/// Changes a planned meeting (time, place, chair, secretary, agenda). Requires `If-Match`.
///
/// **Quyền:** office; Chủ tịch, Ủy viên thường trực của Hội đồng.
#[utoipa::path(
    tag = "Hội đồng Thi đua – Khen thưởng",
    request_body = MeetingInput,
    params(("id" = i64, Path, description = "Meeting id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
    responses((status = 200, body = Meeting, headers(("ETag" = String))), (status = 409, response = crate::openapi::Conflict))
)]
#[put("/council-meetings/{id}")]
pub async fn update_meeting(
    auth: Auth<People>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(input): Json<MeetingInput>,
) -> AppResult<HttpResponse> {
    validate(&input)?;
    change_meeting(
        auth,
        state,
        id.into_inner(),
        AuditAction::Update,
        move |conn, principal, row, ctx| {
            authorize_step(conn, principal, row, MeetingAction::Update)?;
            council::update_meeting(conn, row, if_match, ctx.at, &input)
        },
    )
    .await
}

/// Ghi thành phần dự họp.
///
/// Records who is present and who is absent (with a reason) before the ballots open. Requires
/// `If-Match`.
///
/// **Quyền:** office; Chủ tịch, Ủy viên thường trực của Hội đồng.
#[utoipa::path(
    tag = "Hội đồng Thi đua – Khen thưởng",
    request_body = AttendanceInput,
    params(("id" = i64, Path, description = "Meeting id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
    responses((status = 200, body = Meeting, headers(("ETag" = String))), (status = 409, response = crate::openapi::Conflict))
)]
#[put("/council-meetings/{id}/attendance")]
pub async fn set_attendance(
    auth: Auth<People>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(input): Json<AttendanceInput>,
) -> AppResult<HttpResponse> {
    validate(&input)?;
    change_meeting(
        auth,
        state,
        id.into_inner(),
        AuditAction::Update,
        move |conn, principal, row, ctx| {
            authorize_step(conn, principal, row, MeetingAction::RecordAttendance)?;
            council::set_attendance(conn, row, if_match, ctx.at, &input)
        },
    )
    .await
}

/// Mở phiếu bầu kín.
///
/// Opens a secret ballot for each nominee still in the running of every proposal on the agenda,
/// with the threshold and denominator of the proposal's award form version. Needs the
/// attendance and the quorum (409 `quorum_not_met`). Requires `If-Match`.
///
/// **Quyền:** office; Chủ tịch, Ủy viên thường trực của Hội đồng.
#[utoipa::path(
    tag = "Hội đồng Thi đua – Khen thưởng",
    params(("id" = i64, Path, description = "Meeting id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
    responses((status = 200, body = Meeting, headers(("ETag" = String))), (status = 409, response = crate::openapi::Conflict))
)]
#[post("/council-meetings/{id}/open-ballots")]
pub async fn open_ballots(
    auth: Auth<People>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
) -> AppResult<HttpResponse> {
    change_meeting(
        auth,
        state,
        id.into_inner(),
        AuditAction::Transition,
        move |conn, principal, row, ctx| {
            authorize_step(conn, principal, row, MeetingAction::OpenBallots)?;
            let expected = if_match.expect(row.version)?;
            meeting_steps::open_ballots(conn, row, expected, ctx.at).map(|_| ())
        },
    )
    .await
}

/// What the minutes add when the ballots close.
#[derive(Debug, Clone, Default, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CloseInput {
    /// What was presented and discussed (replaces the meeting's content when given).
    #[validate(length(max = 8000))]
    #[schema(max_length = 8000)]
    pub content: Option<String>,
    /// Further conclusions for the minutes.
    #[validate(length(max = 8000))]
    #[schema(max_length = 8000)]
    pub conclusions: Option<String>,
}

/// Kết thúc bỏ phiếu, kiểm phiếu và chuyển hồ sơ trình quyết định.
///
/// Closes every ballot of the meeting and counts it against its form's threshold and
/// denominator; writes each nominee's result, moves each proposal on the agenda to
/// `pending_decision`, numbers the minutes from the year's BB register and ends the meeting.
/// Requires `If-Match`.
///
/// **Quyền:** thư ký hoặc chủ trì cuộc họp, Ủy viên thường trực Hội đồng.
#[utoipa::path(
    tag = "Hội đồng Thi đua – Khen thưởng",
    request_body = CloseInput,
    params(("id" = i64, Path, description = "Meeting id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
    responses((status = 200, body = Meeting, headers(("ETag" = String))), (status = 409, response = crate::openapi::Conflict))
)]
#[post("/council-meetings/{id}/close-ballots")]
pub async fn close_ballots(
    auth: Auth<People>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(input): Json<CloseInput>,
) -> AppResult<HttpResponse> {
    validate(&input)?;
    change_meeting(
        auth,
        state,
        id.into_inner(),
        AuditAction::Close,
        move |conn, principal, row, ctx| {
            authorize_step(conn, principal, row, MeetingAction::CloseBallots)?;
            let expected = if_match.expect(row.version)?;
            let minutes = meeting_steps::Minutes {
                content: input.content.as_deref(),
                conclusions: input.conclusions.as_deref(),
            };
            meeting_steps::close_ballots(
                conn,
                principal,
                row,
                expected,
                ctx.at,
                &minutes,
                Some(ctx),
            )
        },
    )
    .await
}

/// Biên bản họp Hội đồng (Word), có kết quả kiểm phiếu.
///
/// The minutes of a closed meeting with the tallies of its ballots.
///
/// **Quyền:** admin, leader, office; thành viên của Hội đồng.
#[utoipa::path(
    tag = "Hội đồng Thi đua – Khen thưởng",
    params(("id" = i64, Path, description = "Meeting id")),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
    responses(
        (status = 200, description = "Biên bản (.docx)", content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[get("/council-meetings/{id}/minutes")]
pub async fn meeting_minutes(
    auth: Auth<People>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let principal = auth.principal;
    let (bytes, name) = state
        .db
        .run(move |conn| {
            let row = readable_meeting(conn, &principal, id)?;
            documents::minutes_docx(conn, &row)
        })
        .await?;
    Ok(docx_response(bytes, &name))
}

/// Một phiếu bầu: ai đã bỏ phiếu, kết quả khi đã kiểm phiếu.
///
/// Who has voted (never how); the tally only once the ballot is closed.
///
/// **Quyền:** admin, leader, office; thành viên của Hội đồng.
#[utoipa::path(
    tag = "Hội đồng Thi đua – Khen thưởng",
    params(("id" = i64, Path, description = "Ballot id")),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
    responses((status = 200, body = BallotView))
)]
#[get("/ballots/{id}")]
pub async fn get_ballot(
    auth: Auth<People>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<web::Json<BallotView>> {
    let id = id.into_inner();
    let principal = auth.principal;
    Ok(web::Json(
        state
            .db
            .run(move |conn| {
                let row = ballot::find(conn, id)?;
                let meeting = council::find_meeting(conn, row.meeting_id)?;
                council::ensure_readable(conn, &principal, meeting.council_id)?;
                meeting_view::ballot(conn, &principal, &row)
            })
            .await?,
    ))
}

fn ensure_open(meeting: &council::MeetingRow, row: &ballot::BallotRow) -> AppResult<()> {
    if meeting.status != MeetingStatus::Voting || row.status != BallotStatus::Open {
        return Err(
            AppError::new(ErrorCode::Conflict).with_detail("Phiếu bầu chưa mở hoặc đã đóng.")
        );
    }
    Ok(())
}

/// Bỏ phiếu kín.
///
/// A member present at the meeting votes once per ballot: approve, reject or abstain. A member
/// of the nominee's unit (or who declares a conflict) must abstain (409 `conflict_of_interest`
/// otherwise). The answer says that the vote was counted, never what it was; the audit records
/// only that a vote was cast.
///
/// **Quyền:** thành viên Hội đồng có mặt tại cuộc họp.
#[utoipa::path(
    tag = "Hội đồng Thi đua – Khen thưởng",
    request_body = VoteInput,
    params(("id" = i64, Path, description = "Ballot id")),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
    responses((status = 200, body = BallotView), (status = 409, response = crate::openapi::Conflict))
)]
#[post("/ballots/{id}/vote")]
pub async fn vote(
    auth: Auth<People>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    Json(input): Json<VoteInput>,
) -> AppResult<web::Json<BallotView>> {
    validate(&input)?;
    let id = id.into_inner();
    let ctx = AuditContext::from(&auth);
    let principal = auth.principal;
    Ok(web::Json(
        state
            .db
            .transaction(move |conn| {
                let row = ballot::find(conn, id)?;
                let meeting = council::find_meeting(conn, row.meeting_id)?;
                let member = council::membership(conn, &principal, meeting.council_id)?.ok_or_else(council::not_member)?;
                ensure_open(&meeting, &row)?;
                if ballot::present_at(conn, meeting.id, member.id)? != Some(true) {
                    return Err(AppError::new(ErrorCode::StepNotReady).with_detail(
                        "Chỉ thành viên có mặt bỏ phiếu trực tiếp; thành viên vắng mặt gửi phiếu bằng văn bản qua thư ký Hội đồng.",
                    ));
                }
                let conflict = input.declare_conflict || meeting_steps::conflict_of(conn, &row, &member)?;
                ballot::cast(conn, &row, &member, conflict, input.choice, VoteMode::InPerson)?;
                audit::record(conn, &ctx, AuditAction::Vote, EntityType::Ballot, Some(id), None, Some(serde_json::json!({ "ballotId": id, "mode": VoteMode::InPerson })))?;
                meeting_view::ballot(conn, &principal, &row)
            })
            .await?,
    ))
}

/// Nhập phiếu bằng văn bản của thành viên vắng mặt.
///
/// The meeting's secretary (or chair, or the standing member) enters an absent member's written
/// vote; it counts like any other. Only where the share is counted on the whole membership
/// (409 otherwise); the conflict rule applies to the absent member too.
///
/// **Quyền:** thư ký hoặc chủ trì cuộc họp, Ủy viên thường trực Hội đồng.
#[utoipa::path(
    tag = "Hội đồng Thi đua – Khen thưởng",
    request_body = WrittenVoteInput,
    params(("id" = i64, Path, description = "Ballot id")),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
    responses((status = 200, body = BallotView), (status = 409, response = crate::openapi::Conflict))
)]
#[post("/ballots/{id}/written-votes")]
pub async fn written_vote(
    auth: Auth<People>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    Json(input): Json<WrittenVoteInput>,
) -> AppResult<web::Json<BallotView>> {
    validate(&input)?;
    let id = id.into_inner();
    let ctx = AuditContext::from(&auth);
    let principal = auth.principal;
    Ok(web::Json(
        state
            .db
            .transaction(move |conn| {
                let row = ballot::find(conn, id)?;
                let meeting = council::find_meeting(conn, row.meeting_id)?;
                authorize_step(conn, &principal, &meeting, MeetingAction::RecordWrittenVote)?;
                ensure_open(&meeting, &row)?;
                if row.denominator != VoteDenominator::AllMembers {
                    return Err(AppError::new(ErrorCode::Conflict).with_detail(
                        "Hình thức này tính tỷ lệ trên số thành viên có mặt: không nhận phiếu bằng văn bản.",
                    ));
                }
                let member = council::find_member(conn, input.member_id)
                    .ok()
                    .filter(|m| m.council_id == meeting.council_id && m.active)
                    .ok_or_else(|| AppError::field("memberId", "not_member", "Không phải thành viên đang hoạt động của Hội đồng."))?;
                if ballot::present_at(conn, meeting.id, member.id)? != Some(false) {
                    return Err(AppError::validation(vec![FieldError::new(
                        "memberId",
                        "not_absent",
                        "Chỉ nhận phiếu bằng văn bản của thành viên vắng mặt.",
                    )]));
                }
                let conflict = input.declare_conflict || meeting_steps::conflict_of(conn, &row, &member)?;
                ballot::cast(conn, &row, &member, conflict, input.choice, VoteMode::Written)?;
                audit::record(
                    conn,
                    &ctx,
                    AuditAction::Vote,
                    EntityType::Ballot,
                    Some(id),
                    None,
                    Some(serde_json::json!({ "ballotId": id, "mode": VoteMode::Written, "memberId": member.id })),
                )?;
                meeting_view::ballot(conn, &principal, &row)
            })
            .await?,
    ))
}

pub fn configure(cfg: &mut impl crate::http::routes::Routes) {
    cfg.service(list_councils)
        .service(get_council)
        .service(create_council)
        .service(update_council)
        .service(add_member)
        .service(update_member)
        .service(list_meetings)
        .service(get_meeting)
        .service(meeting_workflow_table)
        .service(create_meeting)
        .service(update_meeting)
        .service(set_attendance)
        .service(open_ballots)
        .service(close_ballots)
        .service(meeting_minutes)
        .service(get_ballot)
        .service(vote)
        .service(written_vote);
}
