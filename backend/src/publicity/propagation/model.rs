//! Propagation activities: the fields a unit records, their checks, and the writes (each through
//! the compare-and-set helper, the featured exemplars replaced only after it).

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

use super::access;
use super::channel::Channel;
use crate::attachments::model::{self as attachments, Owner};
use crate::auth::Principal;
use crate::db::DbConnection;
use crate::db::schema::{exemplars, propagation_activities, propagation_exemplars};
use crate::db::search;
use crate::error::{AppError, AppResult, FieldError};
use crate::exemplars::model::{Visibility, check_unit};
use crate::exemplars::types::RecordStatus;
use crate::http::etag::IfMatch;
use crate::http::text::control_character_error;
use crate::time::Day;
use crate::{versioned_delete, versioned_update};

/// The largest reach figure accepted (views, shares, attendees).
pub const MAX_REACH: i64 = 1_000_000_000;
/// The most exemplars one activity features.
pub const MAX_FEATURED: usize = 30;
/// The longest link accepted.
pub const MAX_URL: usize = 2000;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = propagation_activities)]
pub struct PropagationRow {
    pub id: i64,
    pub unit_id: i64,
    pub channel: Channel,
    pub title: String,
    pub held_on: NaiveDate,
    pub url: Option<String>,
    pub views: Option<i64>,
    pub shares: Option<i64>,
    pub attendees: Option<i64>,
    pub note: Option<String>,
    pub created_by: Option<i64>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl PropagationRow {
    /// The bytes of its free text, what an export of it costs in memory.
    pub fn text_bytes(&self) -> usize {
        self.title.len()
            + self.url.as_ref().map_or(0, String::len)
            + self.note.as_ref().map_or(0, String::len)
    }
}

/// The fields of a propagation activity, for recording or replacing it.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PropagationInput {
    /// The unit that carried it out (unit roles: their own).
    pub unit_id: i64,
    pub channel: Channel,
    /// What was published or held ("Bài viết: Chị Nguyễn Thị Hồng Nhung – người trợ giúp pháp lý
    /// tận tụy").
    #[validate(length(min = 3, max = 500))]
    #[schema(min_length = 3, max_length = 500)]
    pub title: String,
    /// The day it was published or held (not after today, from 2000).
    pub held_on: Day,
    /// Where it can be seen: an `http://` or `https://` address.
    #[validate(length(max = 2000))]
    #[schema(
        max_length = 2000,
        example = "https://sotuphap.dongthap.gov.vn/tin-tuc/guong-dien-hinh"
    )]
    pub url: Option<String>,
    /// The exemplars it featured (ones the caller may see).
    #[serde(default)]
    #[validate(length(max = 30))]
    #[schema(max_items = 30)]
    pub exemplar_ids: Vec<i64>,
    /// Views (online posts, broadcasts).
    #[validate(range(min = 0, max = 1_000_000_000))]
    #[schema(minimum = 0, maximum = 1_000_000_000)]
    pub views: Option<i64>,
    /// Shares (social networks).
    #[validate(range(min = 0, max = 1_000_000_000))]
    #[schema(minimum = 0, maximum = 1_000_000_000)]
    pub shares: Option<i64>,
    /// People who attended (conferences, talks).
    #[validate(range(min = 0, max = 1_000_000_000))]
    #[schema(minimum = 0, maximum = 1_000_000_000)]
    pub attendees: Option<i64>,
    #[validate(length(max = 5000))]
    #[schema(max_length = 5000)]
    pub note: Option<String>,
}

fn trimmed(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

impl PropagationInput {
    pub fn normalized(mut self) -> Self {
        self.title = self.title.trim().to_owned();
        self.url = trimmed(self.url);
        self.note = trimmed(self.note);
        self.exemplar_ids.sort_unstable();
        self.exemplar_ids.dedup();
        self
    }

    /// Rules the derive cannot express: one-line title and link, an http(s) link, a day that
    /// has come.
    pub fn extra_errors(&self, today: NaiveDate) -> Vec<FieldError> {
        let mut errors: Vec<FieldError> = [
            control_character_error("title", &self.title, false),
            self.url
                .as_deref()
                .and_then(|url| control_character_error("url", url, false)),
        ]
        .into_iter()
        .flatten()
        .collect();
        // Too long is the derive's `length`.
        if let Some(url) = self.url.as_deref().filter(|url| url.len() <= MAX_URL)
            && let Some(problem) = url_problem(url)
        {
            errors.push(FieldError::new("url", "invalid_url", problem));
        }
        if *self.held_on > today {
            errors.push(FieldError::new(
                "heldOn",
                "future",
                "Ngày thực hiện không được sau hôm nay.",
            ));
        }
        if self.held_on.year() < 2000 {
            errors.push(FieldError::new(
                "heldOn",
                "range",
                "Ngày thực hiện phải từ năm 2000.",
            ));
        }
        errors
    }

    fn search_text(&self, unit_name: &str) -> String {
        search::document([
            self.title.as_str(),
            self.channel.label(),
            unit_name,
            self.note.as_deref().unwrap_or(""),
        ])
    }
}

/// Why `url` is not a link people can open, in Vietnamese; `None` when it is one.
pub fn url_problem(url: &str) -> Option<&'static str> {
    if url.len() > MAX_URL {
        return Some("Đường dẫn quá dài (tối đa 2000 ký tự).");
    }
    let Ok(parsed) = url::Url::parse(url) else {
        return Some(
            "Đường dẫn không hợp lệ; nhập địa chỉ đầy đủ, ví dụ https://sotuphap.dongthap.gov.vn/…",
        );
    };
    if !matches!(parsed.scheme(), "http" | "https") {
        return Some("Chỉ nhận đường dẫn bắt đầu bằng http:// hoặc https://.");
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Some("Đường dẫn thiếu tên miền.");
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Some("Đường dẫn không được chứa tên đăng nhập hoặc mật khẩu.");
    }
    None
}

pub fn find_row(conn: &mut DbConnection, id: i64) -> AppResult<PropagationRow> {
    propagation_activities::table
        .find(id)
        .select(PropagationRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::not_found("hoạt động tuyên truyền"))
}

/// The featured exemplars must exist and be ones the caller may see (the exemplars' own
/// visibility rule); an unknown and an unseen one get the same answer.
fn check_exemplars(conn: &mut DbConnection, principal: &Principal, ids: &[i64]) -> AppResult<()> {
    if ids.is_empty() {
        return Ok(());
    }
    let found: Vec<(i64, i64, RecordStatus)> = exemplars::table
        .filter(exemplars::id.eq_any(ids))
        .select((exemplars::id, exemplars::unit_id, exemplars::record_status))
        .load(conn)?;
    let visibility = Visibility::of(principal);
    let errors: Vec<FieldError> = ids
        .iter()
        .enumerate()
        .filter(|(_, id)| {
            !found.iter().any(|(found, unit, status)| {
                found == *id
                    && visibility.unit.is_none_or(|own| own == *unit)
                    && (!visibility.confirmed_only || *status == RecordStatus::Confirmed)
            })
        })
        .map(|(index, _)| {
            FieldError::new(
                format!("exemplarIds[{index}]"),
                "not_found",
                "Không có điển hình này, hoặc điển hình thuộc đơn vị khác.",
            )
        })
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::validation(errors))
    }
}

/// The featured exemplars `principal` may see among `linked` (id, unit, status).
pub fn visible_links(principal: &Principal, linked: &[(i64, i64, RecordStatus)]) -> Vec<i64> {
    let visibility = Visibility::of(principal);
    linked
        .iter()
        .filter(|(_, unit, status)| {
            visibility.unit.is_none_or(|own| own == *unit)
                && (!visibility.confirmed_only || *status == RecordStatus::Confirmed)
        })
        .map(|(id, _, _)| *id)
        .collect()
}

/// The exemplars activity `id` features, with their unit and review status.
pub fn links(conn: &mut DbConnection, id: i64) -> AppResult<Vec<(i64, i64, RecordStatus)>> {
    Ok(propagation_exemplars::table
        .inner_join(exemplars::table)
        .filter(propagation_exemplars::activity_id.eq(id))
        .select((exemplars::id, exemplars::unit_id, exemplars::record_status))
        .order(exemplars::id.asc())
        .load(conn)?)
}

fn replace_links(conn: &mut DbConnection, id: i64, exemplar_ids: &[i64]) -> AppResult<()> {
    diesel::delete(propagation_exemplars::table.filter(propagation_exemplars::activity_id.eq(id)))
        .execute(conn)?;
    for exemplar_id in exemplar_ids {
        diesel::insert_into(propagation_exemplars::table)
            .values((
                propagation_exemplars::activity_id.eq(id),
                propagation_exemplars::exemplar_id.eq(exemplar_id),
            ))
            .execute(conn)?;
    }
    Ok(())
}

pub fn insert(
    conn: &mut DbConnection,
    principal: &Principal,
    now: NaiveDateTime,
    input: &PropagationInput,
) -> AppResult<i64> {
    let unit_name = check_unit(conn, principal, input.unit_id)?;
    check_exemplars(conn, principal, &input.exemplar_ids)?;
    let id: i64 = diesel::insert_into(propagation_activities::table)
        .values((
            propagation_activities::unit_id.eq(input.unit_id),
            propagation_activities::channel.eq(input.channel),
            propagation_activities::title.eq(&input.title),
            propagation_activities::held_on.eq(input.held_on),
            propagation_activities::url.eq(&input.url),
            propagation_activities::views.eq(input.views),
            propagation_activities::shares.eq(input.shares),
            propagation_activities::attendees.eq(input.attendees),
            propagation_activities::note.eq(&input.note),
            propagation_activities::search_text.eq(input.search_text(&unit_name)),
            propagation_activities::created_by.eq(principal.user_id()),
            propagation_activities::version.eq(1),
            propagation_activities::created_at.eq(now),
            propagation_activities::updated_at.eq(now),
        ))
        .returning(propagation_activities::id)
        .get_result(conn)?;
    replace_links(conn, id, &input.exemplar_ids)?;
    Ok(id)
}

/// Replaces the activity's fields. Featured exemplars the caller cannot see (another unit's,
/// linked by the Office) stay linked: a unit's staff cannot drop what they were never shown.
pub fn update(
    conn: &mut DbConnection,
    principal: &Principal,
    current: &PropagationRow,
    if_match: IfMatch,
    now: NaiveDateTime,
    input: &PropagationInput,
) -> AppResult<()> {
    access::ensure_writable(principal, current.unit_id)?;
    let expected = if_match.expect(current.version)?;
    let unit_name = if input.unit_id == current.unit_id {
        // Its unit, even one that has since stopped: the record stays editable.
        crate::db::schema::units::table
            .find(input.unit_id)
            .select(crate::db::schema::units::name)
            .first(conn)?
    } else {
        check_unit(conn, principal, input.unit_id)?
    };
    check_exemplars(conn, principal, &input.exemplar_ids)?;
    let linked = links(conn, current.id)?;
    let seen = visible_links(principal, &linked);
    let mut exemplar_ids: Vec<i64> = linked
        .iter()
        .map(|(id, _, _)| *id)
        .filter(|id| !seen.contains(id))
        .chain(input.exemplar_ids.iter().copied())
        .collect();
    exemplar_ids.sort_unstable();
    exemplar_ids.dedup();
    versioned_update!(
        conn,
        propagation_activities,
        current.id,
        expected,
        now,
        (
            propagation_activities::unit_id.eq(input.unit_id),
            propagation_activities::channel.eq(input.channel),
            propagation_activities::title.eq(&input.title),
            propagation_activities::held_on.eq(input.held_on),
            propagation_activities::url.eq(&input.url),
            propagation_activities::views.eq(input.views),
            propagation_activities::shares.eq(input.shares),
            propagation_activities::attendees.eq(input.attendees),
            propagation_activities::note.eq(&input.note),
            propagation_activities::search_text.eq(input.search_text(&unit_name)),
        )
    )?;
    replace_links(conn, current.id, &exemplar_ids)
}

/// Deletes the activity (its links cascade) and its attachment rows; the stored files stay, as
/// for every removed attachment.
pub fn delete(
    conn: &mut DbConnection,
    principal: &Principal,
    current: &PropagationRow,
    if_match: IfMatch,
) -> AppResult<()> {
    access::ensure_writable(principal, current.unit_id)?;
    let expected = if_match.expect(current.version)?;
    versioned_delete!(conn, propagation_activities, current.id, expected)?;
    attachments::delete_for_owner(conn, Owner::Propagation(current.id))
}
