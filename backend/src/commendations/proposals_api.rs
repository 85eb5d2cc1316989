//! `/api/v1/commendation-proposals`: drafting, listing and reading proposals, the workflow table,
//! their files and their documents.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, delete, get, post, put, web};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::catalogue::AwardFormRef;
use super::detail::{self, Proposal};
use super::documents;
use super::files::{self, ProposalFile};
use super::occasions::OccasionRef;
use super::proposals::{self, ProposalInput, ProposalRow};
use super::settings;
use super::types::{CommendationType, ProposalFileKind, ProposalState};
use super::workflow::{self, ProposalAction, Transition};
use crate::attachments::model::{self as attachments, NewAttachment, Owner};
use crate::attachments::storage::{self, Storage};
use crate::audit::{self, AuditAction, AuditContext, EntityType};
use crate::auth::roles::{DraftProposals, People};
use crate::auth::{Auth, Principal, Rule, policy};
use crate::db::schema::{
    award_forms, commendation_nominees, commendation_occasions, commendation_proposals, units,
};
use crate::db::{DbConnection, search};
use crate::documents::official::CertificateMode;
use crate::error::{AppError, AppResult};
use crate::http::etag::{IfMatch, json_with_etag};
use crate::http::extract::{Json, Query};
use crate::http::pagination::{Page, PageRequest, parse_sort};
use crate::http::security_headers::DOWNLOAD_POLICY;
use crate::http::upload;
use crate::http::validation::validate_with;
use crate::state::AppState;
use crate::units::UnitRef;

/// Runs `change` on one proposal in a transaction at the request's time, audits it with its
/// before and after, and answers the proposal.
pub async fn change_proposal<R, F>(
    auth: Auth<R>,
    state: web::Data<AppState>,
    id: i64,
    action: AuditAction,
    change: F,
) -> AppResult<HttpResponse>
where
    R: Rule,
    F: FnOnce(&mut DbConnection, &Principal, &ProposalRow, NaiveDateTime) -> AppResult<()>
        + Send
        + 'static,
{
    let ctx = AuditContext::from(&auth);
    let principal = auth.principal;
    let proposal = state
        .db
        .transaction(move |conn| {
            let row = proposals::find_readable(conn, &principal, id)?;
            let before = detail::build(conn, &principal, row.clone(), ctx.at)?;
            change(conn, &principal, &row, ctx.at)?;
            let after = detail::load(conn, &principal, id, ctx.at)?;
            audit::record(
                conn,
                &ctx,
                action,
                EntityType::CommendationProposal,
                Some(id),
                detail::audit_snapshot(&before),
                detail::audit_snapshot(&after),
            )?;
            Ok(after)
        })
        .await?;
    Ok(json_with_etag(StatusCode::OK, proposal.version, &proposal))
}

/// A proposal in a list.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ProposalSummary {
    pub id: i64,
    pub unit: UnitRef,
    pub award_form: AwardFormRef,
    pub commendation_type: CommendationType,
    pub occasion: Option<OccasionRef>,
    pub year: i32,
    pub title: String,
    pub state: ProposalState,
    pub nominee_count: i64,
    pub notice_ends_at: Option<chrono::DateTime<chrono::Utc>>,
    pub version: i32,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct ProposalQuery {
    /// Title or nominee name, ignoring case and diacritics.
    pub q: Option<String>,
    pub state: Option<ProposalState>,
    pub unit_id: Option<i64>,
    /// The award form code (any version).
    pub award_form_code: Option<String>,
    pub commendation_type: Option<CommendationType>,
    pub occasion_id: Option<i64>,
    pub year: Option<i32>,
    pub page: Option<i64>,
    pub page_size: Option<i64>,
    /// `updatedAt` (default, newest first: `-updatedAt`), `year`, `title`, `state`.
    pub sort: Option<String>,
}

#[derive(Debug, Clone, Copy)]
enum SortField {
    UpdatedAt,
    Year,
    Title,
    State,
}

type SummaryRow = (
    (
        i64,
        i32,
        CommendationType,
        Option<i64>,
        i32,
        String,
        ProposalState,
        Option<NaiveDateTime>,
        i32,
        NaiveDateTime,
    ),
    (i64, String, String, String),
    (i64, String, i32, String, super::types::Authority),
    Option<(i64, String, String)>,
);

fn list_page(
    conn: &mut DbConnection,
    principal: &Principal,
    q: &ProposalQuery,
    page: PageRequest,
    sort: (SortField, bool),
) -> AppResult<(Vec<ProposalSummary>, i64)> {
    let restriction = policy::unit_restriction(principal);
    let via_council = match restriction {
        Some(_) => proposals::council_proposal_ids(conn, principal)?,
        None => Vec::new(),
    };
    let patterns =
        q.q.as_deref()
            .map(search::like_patterns)
            .unwrap_or_default();
    let filtered = || {
        let mut query = commendation_proposals::table
            .inner_join(units::table)
            .inner_join(award_forms::table)
            .left_join(commendation_occasions::table)
            .into_boxed();
        if let Some(unit) = restriction {
            query = query.filter(
                commendation_proposals::unit_id
                    .eq(unit)
                    .or(commendation_proposals::id.eq_any(via_council.clone())),
            );
        }
        if let Some(state) = q.state {
            query = query.filter(commendation_proposals::state.eq(state));
        }
        if let Some(unit) = q.unit_id {
            query = query.filter(commendation_proposals::unit_id.eq(unit));
        }
        if let Some(code) = &q.award_form_code {
            query = query.filter(award_forms::code.eq(code.trim().to_uppercase()));
        }
        if let Some(kind) = q.commendation_type {
            query = query.filter(commendation_proposals::commendation_type.eq(kind));
        }
        if let Some(occasion) = q.occasion_id {
            query = query.filter(commendation_proposals::occasion_id.eq(occasion));
        }
        if let Some(year) = q.year {
            query = query.filter(commendation_proposals::year.eq(year));
        }
        for pattern in &patterns {
            query = query.filter(
                commendation_proposals::search_text
                    .like(pattern.clone())
                    .escape('\\'),
            );
        }
        query
    };
    let total: i64 = filtered().count().get_result(conn)?;
    let mut query = filtered();
    query = match sort {
        (SortField::UpdatedAt, true) => query.order((
            commendation_proposals::updated_at.desc(),
            commendation_proposals::id.desc(),
        )),
        (SortField::UpdatedAt, false) => query.order((
            commendation_proposals::updated_at.asc(),
            commendation_proposals::id.asc(),
        )),
        (SortField::Year, true) => query.order((
            commendation_proposals::year.desc(),
            commendation_proposals::id.desc(),
        )),
        (SortField::Year, false) => query.order((
            commendation_proposals::year.asc(),
            commendation_proposals::id.asc(),
        )),
        (SortField::Title, true) => query.order((
            commendation_proposals::title.desc(),
            commendation_proposals::id.desc(),
        )),
        (SortField::Title, false) => query.order((
            commendation_proposals::title.asc(),
            commendation_proposals::id.asc(),
        )),
        (SortField::State, true) => query.order((
            commendation_proposals::state.desc(),
            commendation_proposals::id.desc(),
        )),
        (SortField::State, false) => query.order((
            commendation_proposals::state.asc(),
            commendation_proposals::id.asc(),
        )),
    };
    let rows: Vec<SummaryRow> = query
        .offset(page.offset())
        .limit(page.limit())
        .select((
            (
                commendation_proposals::id,
                commendation_proposals::version,
                commendation_proposals::commendation_type,
                commendation_proposals::occasion_id,
                commendation_proposals::year,
                commendation_proposals::title,
                commendation_proposals::state,
                commendation_proposals::notice_ends_at,
                award_forms::version_no,
                commendation_proposals::updated_at,
            ),
            (units::id, units::code, units::short_name, units::name),
            (
                award_forms::id,
                award_forms::code,
                award_forms::version_no,
                award_forms::name,
                award_forms::authority,
            ),
            (
                commendation_occasions::id,
                commendation_occasions::code,
                commendation_occasions::name,
            )
                .nullable(),
        ))
        .load(conn)?;
    let ids: Vec<i64> = rows.iter().map(|r| r.0.0).collect();
    let counts: Vec<(i64, i64)> = commendation_nominees::table
        .filter(commendation_nominees::proposal_id.eq_any(&ids))
        .group_by(commendation_nominees::proposal_id)
        .select((
            commendation_nominees::proposal_id,
            diesel::dsl::count_star(),
        ))
        .load(conn)?;
    let items = rows
        .into_iter()
        .map(|(p, u, f, o)| ProposalSummary {
            id: p.0,
            unit: UnitRef {
                id: u.0,
                code: u.1,
                short_name: u.2,
                name: u.3,
            },
            award_form: AwardFormRef {
                id: f.0,
                code: f.1,
                version_no: f.2,
                name: f.3,
                authority: f.4,
            },
            commendation_type: p.2,
            occasion: o.map(|(id, code, name)| OccasionRef { id, code, name }),
            year: p.4,
            title: p.5,
            state: p.6,
            nominee_count: counts
                .iter()
                .find(|(id, _)| *id == p.0)
                .map(|(_, n)| *n)
                .unwrap_or(0),
            notice_ends_at: p.7.map(|t| t.and_utc()),
            version: p.1,
            updated_at: p.9.and_utc(),
        })
        .collect();
    Ok((items, total))
}

/// Danh sách hồ sơ đề nghị khen thưởng.
///
/// Proposals the caller may read, filtered, searched and paginated.
///
/// **Quyền:** admin, leader, office: mọi hồ sơ; unit_head, unit_staff: hồ sơ của đơn vị mình; thành
/// viên Hội đồng (mọi vai trò): thêm các hồ sơ trong chương trình họp của Hội đồng mình.
#[utoipa::path(
    tag = "Đề nghị khen thưởng",
    params(ProposalQuery),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
    responses((status = 200, body = Page<ProposalSummary>))
)]
#[get("/commendation-proposals")]
pub async fn list_proposals(
    auth: Auth<People>,
    state: web::Data<AppState>,
    Query(q): Query<ProposalQuery>,
) -> AppResult<web::Json<Page<ProposalSummary>>> {
    let page = PageRequest::new(q.page, q.page_size)?;
    let sort = parse_sort(
        q.sort.as_deref(),
        &[
            ("updatedAt", SortField::UpdatedAt),
            ("year", SortField::Year),
            ("title", SortField::Title),
            ("state", SortField::State),
        ],
        (SortField::UpdatedAt, true),
    )?;
    if let Some(year) = q.year
        && !crate::time::year_in_range(year)
    {
        return Err(AppError::field(
            "year",
            "range",
            "Năm phải từ 1900 đến 2200.",
        ));
    }
    let principal = auth.principal;
    let (items, total) = state
        .db
        .run(move |conn| list_page(conn, &principal, &q, page, sort))
        .await?;
    Ok(web::Json(page.of(items, total)))
}

/// Chi tiết hồ sơ đề nghị khen thưởng.
///
/// One proposal with its nominees (and their eligibility checks), files, timeline, meetings
/// and the caller's `allowedActions`.
///
/// **Quyền:** như danh sách hồ sơ.
#[utoipa::path(
    tag = "Đề nghị khen thưởng",
    params(("id" = i64, Path, description = "Proposal id")),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
    responses((status = 200, body = Proposal, headers(("ETag" = String))))
)]
#[get("/commendation-proposals/{id}")]
pub async fn get_proposal(
    auth: Auth<People>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let principal = auth.principal;
    let now = state.clock.now_naive();
    let proposal = state
        .db
        .run(move |conn| detail::load(conn, &principal, id, now))
        .await?;
    Ok(json_with_etag(StatusCode::OK, proposal.version, &proposal))
}

fn checked(input: ProposalInput) -> AppResult<ProposalInput> {
    let input = input.normalized();
    validate_with(&input, input.extra_errors())?;
    Ok(input)
}

/// Lập hồ sơ đề nghị khen thưởng.
///
/// Drafts a proposal for one award form version, a type and an occasion (or a movement for a
/// thematic one), with its nominees: exemplars of the unit (copied) or other individuals and
/// collectives (minimal data).
///
/// **Quyền:** office (mọi đơn vị), unit_head (đơn vị mình).
#[utoipa::path(
    tag = "Đề nghị khen thưởng",
    request_body = ProposalInput,
    security(("bearer" = ["office", "unit_head"])),
    responses(
        (status = 201, body = Proposal, headers(("ETag" = String), ("Location" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[post("/commendation-proposals")]
pub async fn create_proposal(
    auth: Auth<DraftProposals>,
    state: web::Data<AppState>,
    Json(input): Json<ProposalInput>,
) -> AppResult<HttpResponse> {
    let input = checked(input)?;
    let ctx = AuditContext::from(&auth);
    let principal = auth.principal;
    let proposal = state
        .db
        .transaction(move |conn| {
            let id = proposals::insert(conn, &principal, ctx.at, &input)?;
            super::timeline::record(
                conn,
                id,
                &principal,
                ctx.at,
                "create",
                (None, Some(ProposalState::Draft)),
                None,
            )?;
            let proposal = detail::load(conn, &principal, id, ctx.at)?;
            audit::record(
                conn,
                &ctx,
                AuditAction::Create,
                EntityType::CommendationProposal,
                Some(id),
                None,
                detail::audit_snapshot(&proposal),
            )?;
            Ok(proposal)
        })
        .await?;
    let mut response = json_with_etag(StatusCode::CREATED, proposal.version, &proposal);
    if let Ok(location) =
        header::HeaderValue::from_str(&format!("/api/v1/commendation-proposals/{}", proposal.id))
    {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}

/// Sửa hồ sơ đề nghị khen thưởng.
///
/// Replaces a draft's (or a returned proposal's) fields and nominees. Requires `If-Match`.
///
/// **Quyền:** office, unit_head (đơn vị mình); hồ sơ nháp hoặc bị trả lại.
#[utoipa::path(
    tag = "Đề nghị khen thưởng",
    request_body = ProposalInput,
    params(("id" = i64, Path, description = "Proposal id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["office", "unit_head"])),
    responses(
        (status = 200, body = Proposal, headers(("ETag" = String))),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[put("/commendation-proposals/{id}")]
pub async fn update_proposal(
    auth: Auth<DraftProposals>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(input): Json<ProposalInput>,
) -> AppResult<HttpResponse> {
    let input = checked(input)?;
    change_proposal(
        auth,
        state,
        id.into_inner(),
        AuditAction::Update,
        move |conn, principal, row, now| {
            authorize_on(conn, principal, row, now, ProposalAction::Edit)?;
            let expected = if_match.expect(row.version)?;
            proposals::update(conn, principal, row, expected, now, &input)
        },
    )
    .await
}

/// Authorises a non-moving action (edit, delete, attach) on `row` through the table.
pub fn authorize_on(
    conn: &mut DbConnection,
    principal: &Principal,
    row: &ProposalRow,
    now: NaiveDateTime,
    action: ProposalAction,
) -> AppResult<&'static Transition> {
    let form = super::catalogue::find_row(conn, row.award_form_id)?;
    let nominees = proposals::nominees_of(conn, row.id)?;
    let facts = detail::facts(conn, principal, row, &form, &nominees, now)?;
    workflow::authorize(principal, &facts, action)
}

/// Xóa hồ sơ nháp.
///
/// Deletes a draft made by mistake, with its files. Requires `If-Match`.
///
/// **Quyền:** office, unit_head (đơn vị mình); chỉ hồ sơ nháp.
#[utoipa::path(
    tag = "Đề nghị khen thưởng",
    params(("id" = i64, Path, description = "Proposal id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["office", "unit_head"])),
    responses((status = 204, description = "Đã xóa"), (status = 409, response = crate::openapi::Conflict))
)]
#[delete("/commendation-proposals/{id}")]
pub async fn delete_proposal(
    auth: Auth<DraftProposals>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let ctx = AuditContext::from(&auth);
    let principal = auth.principal;
    state
        .db
        .transaction(move |conn| {
            let row = proposals::find_readable(conn, &principal, id)?;
            authorize_on(conn, &principal, &row, ctx.at, ProposalAction::Delete)?;
            let before = detail::build(conn, &principal, row.clone(), ctx.at)?;
            if_match.check(row.version)?;
            files::delete_for(conn, id)?;
            proposals::delete(conn, &row, if_match)?;
            audit::record(
                conn,
                &ctx,
                AuditAction::Delete,
                EntityType::CommendationProposal,
                Some(id),
                detail::audit_snapshot(&before),
                None,
            )
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Bảng quy trình khen thưởng.
///
/// The workflow as data: every transition (action, from-states, to-state, who, routing condition,
/// guards, note rule). The SPA and the tests read it; each proposal's `allowedActions` says what
/// its caller may do now.
///
/// **Quyền:** mọi người dùng.
#[utoipa::path(
    tag = "Quy trình khen thưởng",
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
    responses((status = 200, body = Vec<Transition>))
)]
#[get("/commendation-workflow")]
pub async fn workflow_table(_auth: Auth<People>) -> AppResult<web::Json<&'static [Transition]>> {
    Ok(web::Json(workflow::TRANSITIONS))
}

/// The upload form of a proposal's file.
#[derive(Debug, ToSchema)]
#[allow(dead_code)]
pub struct ProposalUploadForm {
    /// PDF, image, Word, Excel, PowerPoint or OpenDocument text, recognised by its content; at most
    /// `LANTOA_MAX_UPLOAD_BYTES`.
    #[schema(format = Binary, content_media_type = "application/octet-stream")]
    file: String,
    /// What the file is.
    kind: ProposalFileKind,
    #[schema(max_length = 300, required = false)]
    caption: Option<String>,
}

const FORM_FIELDS: &[&str] = &["kind", "caption"];

/// Đính kèm tệp vào hồ sơ đề nghị.
///
/// Attaches a file (tờ trình, biên bản họp xét, báo cáo thành tích, minh chứng, khác) to a
/// proposal: the unit while it drafts, the Office until the decision.
///
/// **Quyền:** office, unit_head (đơn vị mình, hồ sơ nháp hoặc bị trả lại).
#[utoipa::path(
    tag = "Đề nghị khen thưởng",
    request_body(content = ProposalUploadForm, content_type = "multipart/form-data"),
    params(("id" = i64, Path, description = "Proposal id")),
    security(("bearer" = ["office", "unit_head"])),
    responses((status = 201, body = ProposalFile, headers(("ETag" = String))), (status = 409, response = crate::openapi::Conflict))
)]
#[post("/commendation-proposals/{id}/attachments")]
pub async fn upload_proposal_file(
    auth: Auth<DraftProposals>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    req: HttpRequest,
    payload: web::Payload,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let principal = auth.principal.clone();
    let now = state.clock.now_naive();
    state
        .db
        .run(move |conn| {
            let row = proposals::find_readable(conn, &principal, id)?;
            authorize_on(conn, &principal, &row, now, ProposalAction::Attach).map(|_| ())
        })
        .await?;
    let upload = upload::read(&req, payload, state.settings.max_upload_bytes, FORM_FIELDS).await?;
    let kind = upload
        .fields
        .get("kind")
        .map(|k| k.trim())
        .and_then(ProposalFileKind::parse)
        .ok_or_else(|| {
            let codes: Vec<&str> = ProposalFileKind::ALL.iter().map(|k| k.as_str()).collect();
            AppError::field(
                "kind",
                "invalid_choice",
                format!("Chọn loại tệp: {}.", codes.join(", ")),
            )
        })?;
    let content_type = storage::detect(&upload.bytes)?;
    let caption = upload
        .fields
        .get("caption")
        .map(|c| c.trim().chars().take(300).collect::<String>())
        .filter(|c| !c.is_empty());
    if let Some(caption) = &caption
        && let Some(error) = crate::http::text::control_character_error("caption", caption, false)
    {
        return Err(AppError::validation(vec![error]));
    }
    let store = Storage::new(&state.settings.data_dir);
    let bytes = upload.bytes;
    let size_bytes = bytes.len() as i64;
    let sha256 = web::block(move || store.store(&bytes))
        .await
        .map_err(AppError::internal)??;
    let ctx = AuditContext::from(&auth);
    let principal = auth.principal;
    let file_name = upload.file_name;
    let file = state
        .db
        .transaction(move |conn| {
            let row = proposals::find_readable(conn, &principal, id)?;
            authorize_on(conn, &principal, &row, ctx.at, ProposalAction::Attach)?;
            let attachment_id = attachments::insert(
                conn,
                &NewAttachment {
                    owner: Owner::Proposal(id),
                    file_name: &file_name,
                    content_type,
                    size_bytes,
                    sha256: &sha256,
                    has_thumbnail: false,
                    caption: caption.as_deref(),
                    uploaded_by: principal.user_id(),
                    created_at: ctx.at,
                },
            )?;
            files::link(conn, attachment_id, id, kind)?;
            let (stored, _, kind) = files::find(conn, attachment_id)?;
            let file = files::describe(stored, kind);
            let note = format!("{}: {}", kind.label(), file.file_name);
            super::timeline::record(
                conn,
                id,
                &principal,
                ctx.at,
                "upload",
                (None, None),
                Some(&note),
            )?;
            audit::record(
                conn,
                &ctx,
                AuditAction::Upload,
                EntityType::Attachment,
                Some(attachment_id),
                None,
                audit::snapshot(&file),
            )?;
            Ok(file)
        })
        .await?;
    Ok(json_with_etag(StatusCode::CREATED, file.version, &file))
}

fn sandboxed(response: &mut HttpResponse) {
    use actix_web::http::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY, HeaderValue};
    let headers = response.headers_mut();
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    headers.insert(
        CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(DOWNLOAD_POLICY),
    );
}

fn attachment_disposition(file_name: &str) -> String {
    let ascii: String = deunicode::deunicode(file_name)
        .chars()
        .filter(|c| c.is_ascii_graphic() || *c == ' ')
        .filter(|c| !matches!(c, '"' | '\\'))
        .collect();
    let encoded: String = form_urlencoded::byte_serialize(file_name.as_bytes())
        .collect::<String>()
        .replace('+', "%20");
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

/// A generated document as a download.
pub fn docx_response(bytes: Vec<u8>, file_name: &str) -> HttpResponse {
    let mut response = HttpResponse::Ok()
        .content_type(documents::DOCX)
        .insert_header((
            header::CONTENT_DISPOSITION,
            attachment_disposition(file_name),
        ))
        .body(bytes);
    sandboxed(&mut response);
    response
}

/// Tải tệp đính kèm của hồ sơ đề nghị.
///
/// A proposal's file itself, authorised like the proposal.
///
/// **Quyền:** như hồ sơ đề nghị.
#[utoipa::path(
    tag = "Đề nghị khen thưởng",
    params(("id" = i64, Path, description = "Attachment id")),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
    responses((status = 200, description = "Nội dung tệp", content(
        ("application/pdf"),
        ("image/jpeg"),
        ("image/png"),
        ("image/webp"),
        ("image/gif"),
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("application/vnd.openxmlformats-officedocument.presentationml.presentation"),
        ("application/msword"),
        ("application/vnd.ms-excel"),
        ("application/vnd.oasis.opendocument.text"),
    )))
)]
#[get("/commendation-attachments/{id}/content")]
pub async fn download_proposal_file(
    auth: Auth<People>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    req: HttpRequest,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let principal = auth.principal;
    let row = state
        .db
        .run(move |conn| {
            let (row, proposal, _) = files::find(conn, id)?;
            proposals::find_readable(conn, &principal, proposal)?;
            Ok(row)
        })
        .await?;
    let path = Storage::new(&state.settings.data_dir).file_path(&row.sha256)?;
    let mime: mime_guess::Mime = row.content_type.parse().map_err(AppError::internal)?;
    let file = actix_files::NamedFile::open_async(&path)
        .await
        .map_err(|e| AppError::internal(format!("stored file missing: {e}")))?;
    let mut response = file.set_content_type(mime).into_response(&req);
    if let Ok(value) = header::HeaderValue::from_str(&attachment_disposition(&row.file_name)) {
        response
            .headers_mut()
            .insert(header::CONTENT_DISPOSITION, value);
    }
    sandboxed(&mut response);
    Ok(response)
}

/// Gỡ tệp đính kèm khỏi hồ sơ đề nghị.
///
/// Removes a file from its proposal (the stored bytes stay for the audit trail). Requires
/// `If-Match` with the file's ETag.
///
/// **Quyền:** office, unit_head (đơn vị mình, hồ sơ nháp hoặc bị trả lại).
#[utoipa::path(
    tag = "Đề nghị khen thưởng",
    params(("id" = i64, Path, description = "Attachment id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["office", "unit_head"])),
    responses((status = 204, description = "Đã xóa"), (status = 409, response = crate::openapi::Conflict))
)]
#[delete("/commendation-attachments/{id}")]
pub async fn delete_proposal_file(
    auth: Auth<DraftProposals>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let ctx = AuditContext::from(&auth);
    let principal = auth.principal;
    state
        .db
        .transaction(move |conn| {
            let (row, proposal_id, kind) = files::find(conn, id)?;
            let proposal = proposals::find_readable(conn, &principal, proposal_id)?;
            authorize_on(conn, &principal, &proposal, ctx.at, ProposalAction::Attach)?;
            attachments::delete(conn, id, if_match.expect(row.version)?)?;
            let file = files::describe(row, kind);
            let note = format!("{}: {}", kind.label(), file.file_name);
            super::timeline::record(
                conn,
                proposal_id,
                &principal,
                ctx.at,
                "remove_file",
                (None, None),
                Some(&note),
            )?;
            audit::record(
                conn,
                &ctx,
                AuditAction::Delete,
                EntityType::Attachment,
                Some(id),
                audit::snapshot(&file),
                None,
            )
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Tải tờ trình đề nghị khen thưởng (Word).
///
/// The tờ trình of the proposal as a Word file: the unit's to the Giám đốc Sở (unnumbered, to
/// sign), or, once forwarded, the Department's to the higher authority with its TTr number.
///
/// **Quyền:** như hồ sơ đề nghị.
#[utoipa::path(
    tag = "Đề nghị khen thưởng",
    params(("id" = i64, Path, description = "Proposal id")),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
    responses((status = 200, description = "Tờ trình (.docx)", content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
)]
#[get("/commendation-proposals/{id}/documents/to-trinh")]
pub async fn to_trinh_document(
    auth: Auth<People>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let principal = auth.principal;
    let (bytes, name) = state
        .db
        .run(move |conn| {
            let row = proposals::find_readable(conn, &principal, id)?;
            documents::to_trinh_docx(conn, &row)
        })
        .await?;
    Ok(docx_response(bytes, &name))
}

/// Tải quyết định khen thưởng kèm danh sách (Word).
///
/// The decision (quyết định khen thưởng) with its annexed list and reward amounts, once the
/// Giám đốc Sở has decided.
///
/// **Quyền:** như hồ sơ đề nghị.
#[utoipa::path(
    tag = "Đề nghị khen thưởng",
    params(("id" = i64, Path, description = "Proposal id")),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
    responses(
        (status = 200, description = "Quyết định (.docx)", content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[get("/commendation-proposals/{id}/documents/quyet-dinh")]
pub async fn quyet_dinh_document(
    auth: Auth<People>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let principal = auth.principal;
    let (bytes, name) = state
        .db
        .run(move |conn| {
            let row = proposals::find_readable(conn, &principal, id)?;
            documents::quyet_dinh_docx(conn, &row)
        })
        .await?;
    Ok(docx_response(bytes, &name))
}

/// How to print a Giấy khen.
///
/// - `full`: everything, on plain A4 landscape paper (the default).
/// - `blank`: only the variable fields, where the Office's layout puts them on a pre-printed blank.
#[derive(Debug, Clone, Copy, Default, Deserialize, ToSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum PrintMode {
    /// Everything, on plain A4 landscape paper.
    #[default]
    Full,
    /// Only the variable fields, where the Office's layout setting puts them on a pre-printed blank.
    Blank,
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct CertificateQuery {
    /// `full` (default) or `blank`.
    #[param(inline)]
    pub mode: Option<PrintMode>,
}

/// In Giấy khen của một tập thể, cá nhân (Word).
///
/// The Giấy khen of an awarded nominee (a decision of the Giám đốc Sở), in full or on a blank.
///
/// **Quyền:** như hồ sơ đề nghị.
#[utoipa::path(
    tag = "Đề nghị khen thưởng",
    params(("id" = i64, Path, description = "Nominee id"), CertificateQuery),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
    responses(
        (status = 200, description = "Giấy khen (.docx)", content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[get("/commendation-nominees/{id}/certificate")]
pub async fn certificate_document(
    auth: Auth<People>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    Query(q): Query<CertificateQuery>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let principal = auth.principal;
    let (bytes, name) = state
        .db
        .run(move |conn| {
            let nominee = proposals::find_nominee(conn, id)?;
            let row = proposals::find_readable(conn, &principal, nominee.proposal_id)?;
            let mode = match q.mode.unwrap_or_default() {
                PrintMode::Full => CertificateMode::Full,
                PrintMode::Blank => CertificateMode::Blank(settings::load_layout(conn)?.layout),
            };
            documents::certificate_docx(conn, &row, &nominee, &mode)
        })
        .await?;
    Ok(docx_response(bytes, &name))
}

pub fn configure(cfg: &mut impl crate::http::routes::Routes) {
    cfg.service(list_proposals)
        .service(workflow_table)
        .service(get_proposal)
        .service(create_proposal)
        .service(update_proposal)
        .service(delete_proposal)
        .service(upload_proposal_file)
        .service(download_proposal_file)
        .service(delete_proposal_file)
        .service(to_trinh_document)
        .service(quyet_dinh_document)
        .service(certificate_document);
}
