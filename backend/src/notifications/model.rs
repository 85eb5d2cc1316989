//! Notifications as stored, and sending one to several people at once.

use std::collections::HashSet;

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::DbConnection;
use crate::db::schema::notifications;
use crate::error::{AppError, AppResult};
use crate::text_enum;

text_enum!(
    /// What a notification is about.
    pub enum NotificationKind {
        /// The Office reminds a unit of its monthly introduction.
        IntroductionReminder = "introduction_reminder" / "Nhắc giới thiệu điển hình hằng tháng",
        /// The calendar reminds of an obligation (a report, an introduction) before, on or after its deadline.
        ObligationReminder = "obligation_reminder" / "Nhắc hạn báo cáo, giới thiệu",
        /// A report was submitted, accepted or returned.
        ReportUpdate = "report_update" / "Báo cáo định kỳ",
        /// A difficulty was raised, answered, referred, directed, reopened or closed.
        DifficultyUpdate = "difficulty_update" / "Khó khăn, vướng mắc",
    }
);

/// One notification of the caller.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Notification {
    pub id: i64,
    pub kind: NotificationKind,
    pub title: String,
    pub body: String,
    /// The SPA path of what it is about (`/gioi-thieu?thang=2026-11`).
    pub link: Option<String>,
    pub created_at: DateTime<Utc>,
    /// When the person marked it read; `null`: unread.
    pub read_at: Option<DateTime<Utc>>,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = notifications)]
struct NotificationRow {
    id: i64,
    kind: NotificationKind,
    title: String,
    body: String,
    link: Option<String>,
    created_at: NaiveDateTime,
    read_at: Option<NaiveDateTime>,
}

impl From<NotificationRow> for Notification {
    fn from(r: NotificationRow) -> Self {
        Notification {
            id: r.id,
            kind: r.kind,
            title: r.title,
            body: r.body,
            link: r.link,
            created_at: r.created_at.and_utc(),
            read_at: r.read_at.map(|t| t.and_utc()),
        }
    }
}

/// What is sent, to whom it is sent, and the key under which each person gets it once.
pub struct Message<'a> {
    pub kind: NotificationKind,
    pub title: &'a str,
    pub body: &'a str,
    pub link: Option<&'a str>,
    pub dedupe_key: &'a str,
    pub at: NaiveDateTime,
}

/// Sends `message` to each of `users` who has not had it yet; returns who got it now.
pub fn send(conn: &mut DbConnection, users: &[i64], message: &Message<'_>) -> AppResult<Vec<i64>> {
    let already: HashSet<i64> = notifications::table
        .filter(notifications::dedupe_key.eq(message.dedupe_key))
        .filter(notifications::user_id.eq_any(users))
        .select(notifications::user_id)
        .load::<i64>(conn)?
        .into_iter()
        .collect();
    let mut seen = HashSet::new();
    let recipients: Vec<i64> = users
        .iter()
        .copied()
        .filter(|u| !already.contains(u) && seen.insert(*u))
        .collect();
    for user in &recipients {
        diesel::insert_into(notifications::table)
            .values((
                notifications::user_id.eq(user),
                notifications::kind.eq(message.kind),
                notifications::title.eq(message.title),
                notifications::body.eq(message.body),
                notifications::link.eq(message.link),
                notifications::dedupe_key.eq(message.dedupe_key),
                notifications::created_at.eq(message.at),
            ))
            .execute(conn)?;
    }
    Ok(recipients)
}

/// A page of `user`'s notifications, newest first, and how many are unread.
pub fn inbox(
    conn: &mut DbConnection,
    user: i64,
    only_unread: bool,
    offset: i64,
    limit: i64,
) -> AppResult<(Vec<Notification>, i64)> {
    let mut query = notifications::table
        .filter(notifications::user_id.eq(user))
        .into_boxed();
    let mut count = notifications::table
        .filter(notifications::user_id.eq(user))
        .into_boxed();
    if only_unread {
        query = query.filter(notifications::read_at.is_null());
        count = count.filter(notifications::read_at.is_null());
    }
    let rows: Vec<NotificationRow> = query
        .order(notifications::id.desc())
        .offset(offset)
        .limit(limit)
        .select(NotificationRow::as_select())
        .load(conn)?;
    let total = count.count().get_result(conn)?;
    Ok((rows.into_iter().map(Notification::from).collect(), total))
}

pub fn unread_count(conn: &mut DbConnection, user: i64) -> AppResult<i64> {
    Ok(notifications::table
        .filter(notifications::user_id.eq(user))
        .filter(notifications::read_at.is_null())
        .count()
        .get_result(conn)?)
}

/// Marks these notifications of `user` read (those already read keep their time); 404 when
/// one of them is not theirs.
pub fn mark_read(conn: &mut DbConnection, user: i64, ids: &[i64], at: NaiveDateTime) -> AppResult<()> {
    let wanted: HashSet<i64> = ids.iter().copied().collect();
    let mine: i64 = notifications::table
        .filter(notifications::user_id.eq(user))
        .filter(notifications::id.eq_any(&wanted))
        .count()
        .get_result(conn)?;
    if mine != wanted.len() as i64 {
        return Err(AppError::not_found("thông báo"));
    }
    diesel::update(
        notifications::table
            .filter(notifications::user_id.eq(user))
            .filter(notifications::id.eq_any(&wanted))
            .filter(notifications::read_at.is_null()),
    )
    .set(notifications::read_at.eq(Some(at)))
    .execute(conn)?;
    Ok(())
}

/// Marks all of `user`'s notifications read; returns how many were unread.
pub fn mark_all_read(conn: &mut DbConnection, user: i64, at: NaiveDateTime) -> AppResult<usize> {
    Ok(diesel::update(
        notifications::table
            .filter(notifications::user_id.eq(user))
            .filter(notifications::read_at.is_null()),
    )
    .set(notifications::read_at.eq(Some(at)))
    .execute(conn)?)
}
