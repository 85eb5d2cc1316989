//! The public notice, without sign-in (`/api/v1/public/commendation-notices`), and the Office's
//! moderation of the comments.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, post, web};
use serde::Deserialize;
use utoipa::IntoParams;

use super::notice::{
    self, CommentInput, CommentReceipt, CommentStatus, ModeratedComment, Moderation, PublicComment,
    PublicNotice, QueuedComment,
};
use super::proposals;
use super::settings;
use crate::audit::{self, AuditAction, AuditContext, EntityType};
use crate::auth::roles::{CommendationOffice, Review};
use crate::auth::{Auth, RequestMeta};
use crate::error::{AppError, AppResult};
use crate::http::etag::{IfMatch, json_with_etag};
use crate::http::extract::{Json, Query};
use crate::http::pagination::{Page, PageRequest};
use crate::http::validation::validate;
use crate::state::AppState;

/// Danh sách đề nghị khen thưởng đang công khai lấy ý kiến.
///
/// The proposals in public notice now, each with its eligible nominees (name, workplace,
/// achievement summary only). No sign-in.
#[utoipa::path(
    tag = "Công khai khen thưởng",
    security(()),
    responses((status = 200, body = Vec<PublicNotice>))
)]
#[get("/public/commendation-notices")]
pub async fn list_notices(state: web::Data<AppState>) -> AppResult<web::Json<Vec<PublicNotice>>> {
    let now = state.clock.now_naive();
    Ok(web::Json(
        state.db.run(move |conn| notice::current(conn, now)).await?,
    ))
}

/// Một đề nghị khen thưởng đang công khai.
///
/// One proposal in public notice; any other proposal (never in notice, not yet, or no longer)
/// is 404, by the same query. No sign-in.
#[utoipa::path(
    tag = "Công khai khen thưởng",
    params(("id" = i64, Path, description = "Proposal id")),
    security(()),
    responses((status = 200, body = PublicNotice))
)]
#[get("/public/commendation-notices/{id}")]
pub async fn get_notice(
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<web::Json<PublicNotice>> {
    let id = id.into_inner();
    let now = state.clock.now_naive();
    Ok(web::Json(
        state.db.run(move |conn| notice::one(conn, id, now)).await?,
    ))
}

/// Các ý kiến góp ý đã được duyệt.
///
/// The approved comments on a proposal in notice (without contact details). No sign-in.
#[utoipa::path(
    tag = "Công khai khen thưởng",
    params(("id" = i64, Path, description = "Proposal id")),
    security(()),
    responses((status = 200, body = Vec<PublicComment>))
)]
#[get("/public/commendation-notices/{id}/comments")]
pub async fn list_public_comments(
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<web::Json<Vec<PublicComment>>> {
    let id = id.into_inner();
    let now = state.clock.now_naive();
    Ok(web::Json(
        state
            .db
            .run(move |conn| notice::approved_comments(conn, id, now))
            .await?,
    ))
}

/// Gửi ý kiến góp ý về danh sách đề nghị khen thưởng.
///
/// Anyone may comment while the notice runs (name, optional contact for the Office, text up to
/// 2 000 characters); the comment is shown once the Office approves it. Each client address may
/// send a few comments per hour (a setting); beyond that 429 with `Retry-After`. After the end of
/// the notice: 409. No sign-in.
#[utoipa::path(
    tag = "Công khai khen thưởng",
    request_body = CommentInput,
    params(("id" = i64, Path, description = "Proposal id")),
    security(()),
    responses(
        (status = 202, body = CommentReceipt),
        (status = 409, response = crate::openapi::Conflict),
        (status = 429, response = crate::openapi::TooManyRequests),
    )
)]
#[post("/public/commendation-notices/{id}/comments")]
pub async fn post_comment(
    state: web::Data<AppState>,
    meta: RequestMeta,
    id: web::Path<i64>,
    Json(input): Json<CommentInput>,
) -> AppResult<HttpResponse> {
    validate(&input)?;
    if input.author_name.trim().chars().count() < 2 || input.body.trim().chars().count() < 5 {
        return Err(AppError::field(
            "body",
            "length",
            "Ghi họ tên và nội dung góp ý.",
        ));
    }
    let id = id.into_inner();
    let key = notice::client_key(meta.client);
    let now = meta.at;
    // The quota is counted first, whatever the notice: probing costs the same as commenting.
    state
        .db
        .transaction(move |conn| {
            let per_hour = settings::load(conn)?.comments_per_hour;
            notice::reserve_quota(conn, &key, per_hour, now)
        })
        .await?;
    let ctx = AuditContext {
        user_id: None,
        service_account_id: None,
        name: "Người dân (góp ý công khai)".to_owned(),
        request_id: meta.request_id.clone(),
        ip: meta.ip.clone(),
        at: now,
    };
    let receipt = state
        .db
        .transaction(move |conn| {
            let comment = notice::insert_comment(conn, id, &input, now)?;
            audit::record(
                conn,
                &ctx,
                AuditAction::Comment,
                EntityType::NoticeComment,
                Some(comment),
                None,
                Some(serde_json::json!({ "proposalId": id, "nomineeId": input.nominee_id })),
            )?;
            Ok(CommentReceipt {
                id: comment,
                status: CommentStatus::Pending,
                message: "Ý kiến đã được ghi nhận và sẽ hiển thị sau khi Văn phòng Sở kiểm duyệt."
                    .to_owned(),
            })
        })
        .await?;
    Ok(HttpResponse::Accepted().json(receipt))
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct CommentQuery {
    pub status: Option<CommentStatus>,
}

/// Ý kiến góp ý về một hồ sơ (để kiểm duyệt).
///
/// Every comment on a proposal, with the contact details the public never sees.
///
/// **Quyền:** leader, office.
#[utoipa::path(
    tag = "Công khai khen thưởng",
    params(("id" = i64, Path, description = "Proposal id"), CommentQuery),
    security(("bearer" = ["leader", "office"])),
    responses((status = 200, body = Vec<ModeratedComment>))
)]
#[get("/commendation-proposals/{id}/comments")]
pub async fn list_comments(
    auth: Auth<Review>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    Query(q): Query<CommentQuery>,
) -> AppResult<web::Json<Vec<ModeratedComment>>> {
    let id = id.into_inner();
    let principal = auth.principal;
    Ok(web::Json(
        state
            .db
            .run(move |conn| {
                proposals::find_readable(conn, &principal, id)?;
                notice::comments_of(conn, id, q.status)
            })
            .await?,
    ))
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct CommentQueueQuery {
    pub status: Option<CommentStatus>,
    #[param(minimum = 1, default = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 100, default = 20)]
    pub page_size: Option<i64>,
}

/// Ý kiến góp ý của mọi hồ sơ (hàng chờ kiểm duyệt).
///
/// The public's comments across every proposal, oldest first, each with its proposal (title,
/// state, unit, end of its notice): with `status=pending`, what waits for the Office, including
/// comments on proposals whose notice has since ended. Contact details included.
///
/// **Quyền:** leader, office.
#[utoipa::path(
    tag = "Công khai khen thưởng",
    params(CommentQueueQuery),
    security(("bearer" = ["leader", "office"])),
    responses((status = 200, body = Page<QueuedComment>))
)]
#[get("/notice-comments")]
pub async fn comment_queue(
    _auth: Auth<Review>,
    state: web::Data<AppState>,
    Query(q): Query<CommentQueueQuery>,
) -> AppResult<web::Json<Page<QueuedComment>>> {
    let page = PageRequest::new(q.page, q.page_size)?;
    let (items, total) = state
        .db
        .run(move |conn| notice::comment_queue(conn, q.status, page.offset(), page.limit()))
        .await?;
    Ok(web::Json(page.of(items, total)))
}

async fn moderate(
    auth: Auth<CommendationOffice>,
    state: web::Data<AppState>,
    id: i64,
    if_match: IfMatch,
    status: CommentStatus,
    moderation: Moderation,
) -> AppResult<HttpResponse> {
    validate(&moderation)?;
    let reason = moderation
        .reason
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(str::to_owned);
    if status == CommentStatus::Rejected && reason.is_none() {
        return Err(AppError::field(
            "reason",
            "required",
            "Ghi lý do không duyệt.",
        ));
    }
    let ctx = AuditContext::from(&auth);
    let principal = auth.principal;
    let comment = state
        .db
        .transaction(move |conn| {
            let before = notice::find_comment(conn, id)?;
            proposals::find_readable(conn, &principal, before.proposal_id)?;
            notice::moderate(conn, &before, if_match, status, reason.as_deref(), principal.user_id(), ctx.at)?;
            let after = notice::find_comment(conn, id)?;
            audit::record(
                conn,
                &ctx,
                AuditAction::Moderate,
                EntityType::NoticeComment,
                Some(id),
                Some(serde_json::json!({ "status": before.status })),
                Some(serde_json::json!({ "status": after.status, "reason": after.moderation_reason })),
            )?;
            Ok(after)
        })
        .await?;
    Ok(json_with_etag(StatusCode::OK, comment.version, &comment))
}

/// Duyệt hiển thị một ý kiến góp ý.
///
/// Approves a pending comment: it is shown publicly (without contact details). Requires
/// `If-Match`.
///
/// **Quyền:** office.
#[utoipa::path(
    tag = "Công khai khen thưởng",
    request_body = Moderation,
    params(("id" = i64, Path, description = "Comment id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["office"])),
    responses((status = 200, body = ModeratedComment, headers(("ETag" = String))), (status = 409, response = crate::openapi::Conflict))
)]
#[post("/notice-comments/{id}/approve")]
pub async fn approve_comment(
    auth: Auth<CommendationOffice>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(body): Json<Moderation>,
) -> AppResult<HttpResponse> {
    moderate(
        auth,
        state,
        id.into_inner(),
        if_match,
        CommentStatus::Approved,
        body,
    )
    .await
}

/// Không duyệt một ý kiến góp ý (ghi rõ lý do).
///
/// Rejects a pending comment with a reason; it is never shown. Requires `If-Match`.
///
/// **Quyền:** office.
#[utoipa::path(
    tag = "Công khai khen thưởng",
    request_body = Moderation,
    params(("id" = i64, Path, description = "Comment id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["office"])),
    responses((status = 200, body = ModeratedComment, headers(("ETag" = String))), (status = 409, response = crate::openapi::Conflict))
)]
#[post("/notice-comments/{id}/reject")]
pub async fn reject_comment(
    auth: Auth<CommendationOffice>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(body): Json<Moderation>,
) -> AppResult<HttpResponse> {
    moderate(
        auth,
        state,
        id.into_inner(),
        if_match,
        CommentStatus::Rejected,
        body,
    )
    .await
}

pub fn configure(cfg: &mut impl crate::http::routes::Routes) {
    cfg.service(list_notices)
        .service(get_notice)
        .service(list_public_comments)
        .service(post_comment)
        .service(list_comments)
        .service(comment_queue)
        .service(approve_comment)
        .service(reject_comment);
}
