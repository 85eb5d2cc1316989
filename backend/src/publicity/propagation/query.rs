//! Listing the propagation log: filters (unit, channel, days, featured exemplar, words ignoring
//! diacritics), the log's visibility rule, order, pages and the export's bounds.

use diesel::prelude::*;
use serde::Deserialize;
use utoipa::IntoParams;

use super::access;
use super::channel::Channel;
use super::model::PropagationRow;
use crate::auth::Principal;
use crate::db::schema::{propagation_activities, propagation_exemplars};
use crate::db::{DbBackend, DbConnection, search};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::exemplars::query::ExportLimits;
use crate::http::pagination::{PageRequest, parse_sort};
use crate::time::Day;

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct PropagationQuery {
    /// Words that must all appear in the title, the note, the channel or the unit, ignoring case
    /// and diacritics (`tro giup` finds "trợ giúp").
    pub q: Option<String>,
    pub unit_id: Option<i64>,
    pub channel: Option<Channel>,
    /// Held from this day (inclusive), `YYYY-MM-DD`.
    pub from: Option<Day>,
    /// Held up to this day (inclusive), `YYYY-MM-DD`.
    pub to: Option<Day>,
    /// Only the activities that featured this exemplar.
    pub exemplar_id: Option<i64>,
    /// `heldOn` (default: `-heldOn`, latest first), `createdAt`, `updatedAt`; prefix `-` for
    /// descending.
    pub sort: Option<String>,
    #[param(minimum = 1, default = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 100, default = 20)]
    pub page_size: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortField {
    HeldOn,
    CreatedAt,
    UpdatedAt,
}

/// The order asked for, once the filters are known to make sense.
pub fn sort_of(q: &PropagationQuery) -> AppResult<(SortField, bool)> {
    if let (Some(from), Some(to)) = (q.from, q.to)
        && from > to
    {
        return Err(AppError::field(
            "from",
            "range",
            "Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.",
        ));
    }
    parse_sort(
        q.sort.as_deref(),
        &[
            ("heldOn", SortField::HeldOn),
            ("createdAt", SortField::CreatedAt),
            ("updatedAt", SortField::UpdatedAt),
        ],
        (SortField::HeldOn, true),
    )
}

fn filtered<'a>(
    principal: &Principal,
    q: &'a PropagationQuery,
) -> propagation_activities::BoxedQuery<'a, DbBackend> {
    let mut query = propagation_activities::table.into_boxed();
    for unit in [access::unit_restriction(principal), q.unit_id]
        .into_iter()
        .flatten()
    {
        query = query.filter(propagation_activities::unit_id.eq(unit));
    }
    if let Some(channel) = q.channel {
        query = query.filter(propagation_activities::channel.eq(channel));
    }
    if let Some(from) = q.from {
        query = query.filter(propagation_activities::held_on.ge(from));
    }
    if let Some(to) = q.to {
        query = query.filter(propagation_activities::held_on.le(to));
    }
    if let Some(exemplar) = q.exemplar_id {
        query = query.filter(
            propagation_activities::id.eq_any(
                propagation_exemplars::table
                    .filter(propagation_exemplars::exemplar_id.eq(exemplar))
                    .select(propagation_exemplars::activity_id),
            ),
        );
    }
    for pattern in search::like_patterns(q.q.as_deref().unwrap_or("")) {
        query = query.filter(
            propagation_activities::search_text
                .like(pattern)
                .escape('\\'),
        );
    }
    query
}

fn ordered<'a>(
    query: propagation_activities::BoxedQuery<'a, DbBackend>,
    (field, descending): (SortField, bool),
) -> propagation_activities::BoxedQuery<'a, DbBackend> {
    use propagation_activities::{held_on, id, updated_at};
    match (field, descending) {
        (SortField::HeldOn, true) => query.order((held_on.desc(), id.desc())),
        (SortField::HeldOn, false) => query.order((held_on.asc(), id.asc())),
        (SortField::CreatedAt, true) => query.order(id.desc()),
        (SortField::CreatedAt, false) => query.order(id.asc()),
        (SortField::UpdatedAt, true) => query.order((updated_at.desc(), id.desc())),
        (SortField::UpdatedAt, false) => query.order((updated_at.asc(), id.asc())),
    }
}

/// One page of the log as `principal` may see it, and the total.
pub fn page(
    conn: &mut DbConnection,
    principal: &Principal,
    q: &PropagationQuery,
    page: PageRequest,
    sort: (SortField, bool),
) -> AppResult<(Vec<PropagationRow>, i64)> {
    let total: i64 = filtered(principal, q).count().get_result(conn)?;
    let rows = ordered(filtered(principal, q), sort)
        .select(PropagationRow::as_select())
        .offset(page.offset())
        .limit(page.limit())
        .load(conn)?;
    Ok((rows, total))
}

/// Every matching row for an export, up to the limits (422 `export_too_large` beyond them):
/// the ids first, then the rows in chunks, counting their text as they come.
pub fn all(
    conn: &mut DbConnection,
    principal: &Principal,
    q: &PropagationQuery,
    sort: (SortField, bool),
    limits: ExportLimits,
) -> AppResult<Vec<PropagationRow>> {
    let too_large = || {
        AppError::new(ErrorCode::ExportTooLarge).with_detail(format!(
            "Danh sách quá lớn để xuất một lần (tối đa {} hoạt động, {} MB nội dung). Hãy lọc bớt rồi xuất lại.",
            limits.rows,
            limits.text_bytes / (1024 * 1024)
        ))
    };
    let ids: Vec<i64> = ordered(filtered(principal, q), sort)
        .select(propagation_activities::id)
        .limit(limits.rows + 1)
        .load(conn)?;
    if ids.len() as i64 > limits.rows {
        return Err(too_large());
    }
    let position: std::collections::HashMap<i64, usize> =
        ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let mut rows: Vec<PropagationRow> = Vec::with_capacity(ids.len());
    let mut text_bytes = 0usize;
    for chunk in ids.chunks(500) {
        let loaded: Vec<PropagationRow> = propagation_activities::table
            .filter(propagation_activities::id.eq_any(chunk))
            .select(PropagationRow::as_select())
            .load(conn)?;
        text_bytes += loaded.iter().map(PropagationRow::text_bytes).sum::<usize>();
        if text_bytes > limits.text_bytes {
            return Err(too_large());
        }
        rows.extend(loaded);
    }
    rows.sort_by_key(|row| position.get(&row.id).copied().unwrap_or(usize::MAX));
    Ok(rows)
}
