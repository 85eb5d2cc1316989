//! The public notice (công khai lấy ý kiến): while a proposal is in notice, its eligible nominees
//! (name, workplace, achievement summary; nothing else personal) are public, anyone may comment
//! without signing in, and comments are shown once the Office approves them. Commenters' contact
//! details are never public. Every public read is one query that finds only proposals in
//! notice: anything else is "not found", by the same path.

use std::net::IpAddr;

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::types::{NomineeReview, ProposalState};
use crate::auth::tokens::sha256_hex;
use crate::db::schema::{
    award_forms, commendation_nominees, commendation_occasions, commendation_proposals,
    notice_comment_quota, notice_comments, units,
};
use crate::db::{Backend, DbConnection};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::exemplars::types::SubjectKind;
use crate::http::etag::IfMatch;
use crate::{text_enum, versioned_update};

text_enum!(
    /// Where a public comment stands.
    pub enum CommentStatus {
        /// Waiting for the Office.
        Pending = "pending" / "Chờ kiểm duyệt",
        /// Shown publicly.
        Approved = "approved" / "Đã duyệt",
        /// Not shown, with the reason.
        Rejected = "rejected" / "Không duyệt",
    }
);

/// A nominee as the public sees it.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PublicNominee {
    pub id: i64,
    pub subject_kind: SubjectKind,
    pub full_name: String,
    /// Đơn vị công tác.
    pub workplace: String,
    pub achievement: String,
}

/// A proposal in public notice.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PublicNotice {
    pub id: i64,
    pub title: String,
    /// The award proposed.
    pub award_name: String,
    /// The proposing unit.
    pub unit_name: String,
    pub occasion_name: Option<String>,
    pub year: i32,
    pub starts_at: DateTime<Utc>,
    /// Comments are taken until this instant.
    pub ends_at: DateTime<Utc>,
    pub accepting_comments: bool,
    pub nominees: Vec<PublicNominee>,
}

/// An approved comment as the public sees it (no contact details).
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PublicComment {
    pub id: i64,
    pub nominee_id: Option<i64>,
    pub author_name: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

/// A comment sent by the public.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CommentInput {
    /// The nominee the comment is about, if one.
    pub nominee_id: Option<i64>,
    #[validate(length(min = 2, max = 100))]
    #[schema(min_length = 2, max_length = 100, example = "Nguyễn Văn Dân")]
    pub author_name: String,
    /// Phone or e-mail, for the Office only; never shown.
    #[validate(length(max = 200))]
    #[schema(max_length = 200)]
    pub contact: Option<String>,
    #[validate(length(min = 5, max = 2000))]
    #[schema(min_length = 5, max_length = 2000)]
    pub body: String,
}

/// What the sender is told.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CommentReceipt {
    pub id: i64,
    pub status: CommentStatus,
    /// "Ý kiến đã được ghi nhận và sẽ hiển thị sau khi Văn phòng Sở kiểm duyệt."
    pub message: String,
}

/// A comment as the Office moderates it (with the contact details).
#[derive(Debug, Clone, Serialize, ToSchema, Queryable, Selectable)]
#[diesel(table_name = notice_comments)]
#[serde(rename_all = "camelCase")]
pub struct ModeratedComment {
    pub id: i64,
    pub proposal_id: i64,
    pub nominee_id: Option<i64>,
    pub author_name: String,
    pub contact: Option<String>,
    pub body: String,
    pub status: CommentStatus,
    pub moderation_reason: Option<String>,
    pub moderated_by: Option<i64>,
    #[serde(serialize_with = "serialize_opt_utc")]
    #[schema(value_type = Option<chrono::DateTime<chrono::Utc>>)]
    pub moderated_at: Option<NaiveDateTime>,
    pub version: i32,
    #[serde(serialize_with = "crate::time::serialize_utc")]
    #[schema(value_type = chrono::DateTime<chrono::Utc>)]
    pub created_at: NaiveDateTime,
    #[serde(serialize_with = "crate::time::serialize_utc")]
    #[schema(value_type = chrono::DateTime<chrono::Utc>)]
    pub updated_at: NaiveDateTime,
}

fn serialize_opt_utc<S: serde::Serializer>(
    value: &Option<NaiveDateTime>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serde::Serialize::serialize(&value.map(|v| v.and_utc()), serializer)
}

/// A moderation decision.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Moderation {
    /// Required to reject.
    #[validate(length(max = 1000))]
    #[schema(max_length = 1000)]
    pub reason: Option<String>,
}

type NoticeHead = (
    i64,
    String,
    String,
    String,
    Option<String>,
    i32,
    Option<NaiveDateTime>,
    Option<NaiveDateTime>,
);

/// The proposals in notice at `now` (one of them with `only`): the single query of every
/// public read.
fn heads(
    conn: &mut DbConnection,
    now: NaiveDateTime,
    only: Option<i64>,
) -> AppResult<Vec<NoticeHead>> {
    let mut query = commendation_proposals::table
        .inner_join(award_forms::table)
        .inner_join(units::table)
        .left_join(commendation_occasions::table)
        .filter(commendation_proposals::state.eq(ProposalState::InNotice))
        .filter(commendation_proposals::notice_starts_at.le(now))
        .select((
            commendation_proposals::id,
            commendation_proposals::title,
            award_forms::name,
            units::name,
            commendation_occasions::name.nullable(),
            commendation_proposals::year,
            commendation_proposals::notice_starts_at,
            commendation_proposals::notice_ends_at,
        ))
        .into_boxed();
    if let Some(id) = only {
        query = query.filter(commendation_proposals::id.eq(id));
    }
    Ok(query
        .order(commendation_proposals::notice_starts_at.desc())
        .limit(200)
        .load(conn)?)
}

fn not_in_notice() -> AppError {
    AppError::not_found("thông báo công khai")
}

fn public_nominees(
    conn: &mut DbConnection,
    proposal_ids: &[i64],
) -> AppResult<Vec<(i64, PublicNominee)>> {
    let rows: Vec<(i64, i64, SubjectKind, String, String, String)> = commendation_nominees::table
        .filter(commendation_nominees::proposal_id.eq_any(proposal_ids))
        .filter(commendation_nominees::review.eq(NomineeReview::Eligible))
        .order((
            commendation_nominees::proposal_id.asc(),
            commendation_nominees::position.asc(),
        ))
        .select((
            commendation_nominees::proposal_id,
            commendation_nominees::id,
            commendation_nominees::subject_kind,
            commendation_nominees::full_name,
            commendation_nominees::workplace,
            commendation_nominees::achievement,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(proposal, id, subject_kind, full_name, workplace, achievement)| {
                (
                    proposal,
                    PublicNominee {
                        id,
                        subject_kind,
                        full_name,
                        workplace,
                        achievement,
                    },
                )
            },
        )
        .collect())
}

fn to_notices(
    conn: &mut DbConnection,
    heads: Vec<NoticeHead>,
    now: NaiveDateTime,
) -> AppResult<Vec<PublicNotice>> {
    let ids: Vec<i64> = heads.iter().map(|h| h.0).collect();
    let nominees = public_nominees(conn, &ids)?;
    Ok(heads
        .into_iter()
        .map(
            |(id, title, award_name, unit_name, occasion_name, year, starts, ends)| {
                let starts = starts.unwrap_or(now);
                let ends = ends.unwrap_or(now);
                PublicNotice {
                    id,
                    title,
                    award_name,
                    unit_name,
                    occasion_name,
                    year,
                    starts_at: starts.and_utc(),
                    ends_at: ends.and_utc(),
                    accepting_comments: now < ends,
                    nominees: nominees
                        .iter()
                        .filter(|(p, _)| *p == id)
                        .map(|(_, n)| n.clone())
                        .collect(),
                }
            },
        )
        .collect())
}

pub fn current(conn: &mut DbConnection, now: NaiveDateTime) -> AppResult<Vec<PublicNotice>> {
    let heads = heads(conn, now, None)?;
    to_notices(conn, heads, now)
}

pub fn one(conn: &mut DbConnection, id: i64, now: NaiveDateTime) -> AppResult<PublicNotice> {
    let heads = heads(conn, now, Some(id))?;
    to_notices(conn, heads, now)?
        .into_iter()
        .next()
        .ok_or_else(not_in_notice)
}

pub fn approved_comments(
    conn: &mut DbConnection,
    id: i64,
    now: NaiveDateTime,
) -> AppResult<Vec<PublicComment>> {
    if heads(conn, now, Some(id))?.is_empty() {
        return Err(not_in_notice());
    }
    let rows: Vec<(i64, Option<i64>, String, String, NaiveDateTime)> = notice_comments::table
        .filter(notice_comments::proposal_id.eq(id))
        .filter(notice_comments::status.eq(CommentStatus::Approved))
        .order(notice_comments::id.asc())
        .limit(1000)
        .select((
            notice_comments::id,
            notice_comments::nominee_id,
            notice_comments::author_name,
            notice_comments::body,
            notice_comments::created_at,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, nominee_id, author_name, body, at)| PublicComment {
            id,
            nominee_id,
            author_name,
            body,
            created_at: at.and_utc(),
        })
        .collect())
}

/// The hashed key a client address counts under (IPv6 per /64).
pub fn client_key(address: Option<IpAddr>) -> String {
    let label = match address.map(crate::auth::client_addr::canonical) {
        None => "unknown".to_owned(),
        Some(IpAddr::V4(v4)) => v4.to_string(),
        Some(IpAddr::V6(v6)) => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
    };
    sha256_hex(&format!("notice-comment\n{label}"))
}

/// Counts one comment against the client's hourly quota (locking its row), or answers 429 with
/// the seconds until the window ends. Expired rows are pruned a few at a time.
pub fn reserve_quota(
    conn: &mut DbConnection,
    key: &str,
    per_hour: u32,
    now: NaiveDateTime,
) -> AppResult<()> {
    let insert = match conn.backend() {
        Backend::Sqlite => {
            "INSERT INTO notice_comment_quota (client_key, comments, window_started_at, expires_at) \
             VALUES (?, 0, ?, ?) ON CONFLICT (client_key) DO NOTHING"
        }
        Backend::Postgres => {
            "INSERT INTO notice_comment_quota (client_key, comments, window_started_at, expires_at) \
             VALUES ($1, 0, $2, $3) ON CONFLICT (client_key) DO NOTHING"
        }
    };
    diesel::sql_query(insert)
        .bind::<diesel::sql_types::Text, _>(key)
        .bind::<diesel::sql_types::Timestamp, _>(now)
        .bind::<diesel::sql_types::Timestamp, _>(now + Duration::hours(1))
        .execute(conn)?;
    // The update locks the row; the select reads it under that lock.
    diesel::update(notice_comment_quota::table.find(key))
        .set(notice_comment_quota::comments.eq(notice_comment_quota::comments))
        .execute(conn)?;
    let (comments, expires): (i32, NaiveDateTime) = notice_comment_quota::table
        .find(key)
        .select((
            notice_comment_quota::comments,
            notice_comment_quota::expires_at,
        ))
        .first(conn)?;
    let (comments, started, expires) = if expires <= now {
        (0, now, now + Duration::hours(1))
    } else {
        let started = expires - Duration::hours(1);
        (comments, started, expires)
    };
    if comments >= i32::try_from(per_hour).unwrap_or(i32::MAX) {
        let wait = (expires - now).num_seconds().max(1);
        let mut error = AppError::new(ErrorCode::TooManyRequests).with_detail(format!(
            "Bạn đã gửi {per_hour} ý kiến trong một giờ. Vui lòng gửi lại sau {} phút.",
            (wait + 59) / 60
        ));
        error.retry_after_secs = Some(u64::try_from(wait).unwrap_or(60));
        return Err(error);
    }
    diesel::update(notice_comment_quota::table.find(key))
        .set((
            notice_comment_quota::comments.eq(comments + 1),
            notice_comment_quota::window_started_at.eq(started),
            notice_comment_quota::expires_at.eq(expires),
        ))
        .execute(conn)?;
    let stale: Vec<String> = notice_comment_quota::table
        .filter(notice_comment_quota::expires_at.lt(now))
        .select(notice_comment_quota::client_key)
        .limit(100)
        .load(conn)?;
    if !stale.is_empty() {
        diesel::delete(
            notice_comment_quota::table.filter(notice_comment_quota::client_key.eq_any(stale)),
        )
        .execute(conn)?;
    }
    Ok(())
}

/// Stores a public comment on a proposal in notice (and taking comments).
pub fn insert_comment(
    conn: &mut DbConnection,
    id: i64,
    input: &CommentInput,
    now: NaiveDateTime,
) -> AppResult<i64> {
    let notice = one(conn, id, now)?;
    if !notice.accepting_comments {
        return Err(AppError::new(ErrorCode::Conflict).with_detail("Đã hết thời hạn góp ý."));
    }
    if let Some(nominee) = input.nominee_id
        && !notice.nominees.iter().any(|n| n.id == nominee)
    {
        return Err(AppError::field(
            "nomineeId",
            "not_found",
            "Không có tập thể, cá nhân này trong thông báo.",
        ));
    }
    Ok(diesel::insert_into(notice_comments::table)
        .values((
            notice_comments::proposal_id.eq(id),
            notice_comments::nominee_id.eq(input.nominee_id),
            notice_comments::author_name.eq(input.author_name.trim()),
            notice_comments::contact.eq(input
                .contact
                .as_deref()
                .map(str::trim)
                .filter(|c| !c.is_empty())),
            notice_comments::body.eq(input.body.trim()),
            notice_comments::status.eq(CommentStatus::Pending),
            notice_comments::version.eq(1),
            notice_comments::created_at.eq(now),
            notice_comments::updated_at.eq(now),
        ))
        .returning(notice_comments::id)
        .get_result(conn)?)
}

pub fn comments_of(
    conn: &mut DbConnection,
    proposal_id: i64,
    status: Option<CommentStatus>,
) -> AppResult<Vec<ModeratedComment>> {
    let mut query = notice_comments::table
        .filter(notice_comments::proposal_id.eq(proposal_id))
        .select(ModeratedComment::as_select())
        .into_boxed();
    if let Some(status) = status {
        query = query.filter(notice_comments::status.eq(status));
    }
    Ok(query
        .order(notice_comments::id.asc())
        .limit(2000)
        .load(conn)?)
}

/// The proposal a comment in the Office's queue is about.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CommentProposal {
    pub id: i64,
    pub title: String,
    pub state: ProposalState,
    pub unit_short_name: String,
    /// The first instant after its notice (`null`: never in notice).
    pub notice_ends_at: Option<DateTime<Utc>>,
}

/// A comment with the proposal it is about (the Office's queue across proposals).
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct QueuedComment {
    #[serde(flatten)]
    pub comment: ModeratedComment,
    pub proposal: CommentProposal,
}

/// Comments across every proposal, oldest first (the order they wait in), one page of them and
/// how many there are.
pub fn comment_queue(
    conn: &mut DbConnection,
    status: Option<CommentStatus>,
    offset: i64,
    limit: i64,
) -> AppResult<(Vec<QueuedComment>, i64)> {
    let filtered = || {
        let mut query = notice_comments::table
            .inner_join(commendation_proposals::table.inner_join(units::table))
            .into_boxed();
        if let Some(status) = status {
            query = query.filter(notice_comments::status.eq(status));
        }
        query
    };
    let total: i64 = filtered().count().get_result(conn)?;
    let rows: Vec<(
        ModeratedComment,
        i64,
        String,
        ProposalState,
        String,
        Option<NaiveDateTime>,
    )> = filtered()
        .select((
            ModeratedComment::as_select(),
            commendation_proposals::id,
            commendation_proposals::title,
            commendation_proposals::state,
            units::short_name,
            commendation_proposals::notice_ends_at,
        ))
        .order(notice_comments::id.asc())
        .offset(offset)
        .limit(limit)
        .load(conn)?;
    let items = rows
        .into_iter()
        .map(
            |(comment, id, title, state, unit_short_name, ends)| QueuedComment {
                comment,
                proposal: CommentProposal {
                    id,
                    title,
                    state,
                    unit_short_name,
                    notice_ends_at: ends.map(|t| t.and_utc()),
                },
            },
        )
        .collect();
    Ok((items, total))
}

pub fn find_comment(conn: &mut DbConnection, id: i64) -> AppResult<ModeratedComment> {
    notice_comments::table
        .find(id)
        .select(ModeratedComment::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::not_found("ý kiến góp ý"))
}

pub fn moderate(
    conn: &mut DbConnection,
    current: &ModeratedComment,
    if_match: IfMatch,
    status: CommentStatus,
    reason: Option<&str>,
    by: Option<i64>,
    now: NaiveDateTime,
) -> AppResult<()> {
    if current.status != CommentStatus::Pending {
        return Err(
            AppError::new(ErrorCode::Conflict).with_detail("Ý kiến này đã được kiểm duyệt.")
        );
    }
    let expected = if_match.expect(current.version)?;
    versioned_update!(
        conn,
        notice_comments,
        current.id,
        expected,
        now,
        (
            notice_comments::status.eq(status),
            notice_comments::moderation_reason.eq(reason),
            notice_comments::moderated_by.eq(by),
            notice_comments::moderated_at.eq(Some(now)),
        )
    )?;
    Ok(())
}
