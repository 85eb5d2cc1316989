//! Listing exemplars: filters, full-text search that ignores case and diacritics on both
//! databases (FTS5 on SQLite, a `tsvector` GIN index on PostgreSQL, both over the folded
//! `search_text`), sorting and pagination.

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use serde::Deserialize;
use utoipa::IntoParams;

use super::list_totals::ListTotals;
use super::model::{ExemplarRow, ExemplarSummary, Visibility, summary};
use super::types::{
    Category, Conclusion, MilestoneStatus, RecordStatus, Stage, SubjectKind, TimelineAction,
};
use crate::attachments::model as attachments;
use crate::auth::Principal;
use crate::db::schema::{exemplar_publications, exemplars, units};
use crate::db::{Backend, DbBackend, DbConnection, search};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::http::pagination::{PageRequest, parse_sort};
use crate::units::UnitRef;
use chrono::{NaiveDate, NaiveDateTime};

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct ExemplarQuery {
    /// Words that must all appear in the name, position, field, unit, achievements or
    /// initiatives, ignoring case and diacritics (`nguyen van` finds "Nguyễn Văn"); the last word
    /// may be the beginning of a word. A search counts at most 200 matches (`totalCapped`).
    pub q: Option<String>,
    pub unit_id: Option<i64>,
    pub category: Option<Category>,
    pub stage: Option<Stage>,
    pub movement_id: Option<i64>,
    /// Field of work, exactly as recorded.
    pub field: Option<String>,
    /// Year of discovery.
    #[param(minimum = 1900, maximum = 2200)]
    pub year: Option<i32>,
    /// First year of discovery (with `yearTo`, a period such as the plan's 2026–2030).
    #[param(minimum = 1900, maximum = 2200)]
    pub year_from: Option<i32>,
    /// Last year of discovery.
    #[param(minimum = 1900, maximum = 2200)]
    pub year_to: Option<i32>,
    /// `true`: leave out drafts, as the reports and the dashboard count (submitted or confirmed
    /// records only).
    pub exclude_drafts: Option<bool>,
    pub conclusion: Option<Conclusion>,
    pub subject_kind: Option<SubjectKind>,
    pub record_status: Option<RecordStatus>,
    /// `true`: only exemplars with a stage move waiting for the Office.
    pub has_proposal: Option<bool>,
    /// `true`: only drafts the Office returned to their unit (the last step was "Trả lại hồ sơ").
    pub returned: Option<bool>,
    /// Only exemplars with a nurturing milestone not yet done that is `due_soon` (due today or
    /// in the next 30 days) or `overdue` (its day has passed), judged on today in Vietnam.
    pub milestones: Option<MilestoneWindow>,
    /// `createdAt` (default: `-createdAt`, newest recorded first), `updatedAt`, `name` (ignoring case
    /// and diacritics), `discoveredOn`, `stage`; prefix `-` for descending.
    pub sort: Option<String>,
    #[param(minimum = 1, default = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 100, default = 20)]
    pub page_size: Option<i64>,
}

crate::text_enum!(
    /// A window on the nurturing milestones not yet done.
    pub enum MilestoneWindow {
        /// Due today or in the next [`DUE_SOON_DAYS`] days.
        DueSoon = "due_soon" / "Sắp đến hạn",
        /// Its day has passed.
        Overdue = "overdue" / "Quá hạn",
    }
);

/// How far ahead "due soon" looks.
pub const DUE_SOON_DAYS: i64 = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortField {
    CreatedAt,
    UpdatedAt,
    Name,
    DiscoveredOn,
    Stage,
}

/// The list's order, once its filters are known to be in range.
pub fn sort_of(q: &ExemplarQuery) -> AppResult<(SortField, bool)> {
    let out_of_range: Vec<&str> = [
        ("year", q.year),
        ("yearFrom", q.year_from),
        ("yearTo", q.year_to),
    ]
    .into_iter()
    .filter(|(_, year)| year.is_some_and(|y| !crate::time::year_in_range(y)))
    .map(|(field, _)| field)
    .collect();
    if !out_of_range.is_empty() {
        let message = format!(
            "Năm phải từ {} đến {}.",
            crate::time::FIRST_YEAR,
            crate::time::LAST_YEAR
        );
        return Err(crate::error::AppError::validation(
            out_of_range
                .into_iter()
                .map(|field| crate::error::FieldError::new(field, "range", message.clone()))
                .collect(),
        ));
    }
    if let (Some(from), Some(to)) = (q.year_from, q.year_to)
        && from > to
    {
        return Err(crate::error::AppError::field(
            "yearTo",
            "before_start",
            "Năm cuối không được trước năm đầu.",
        ));
    }
    parse_sort(
        q.sort.as_deref(),
        &[
            ("createdAt", SortField::CreatedAt),
            ("updatedAt", SortField::UpdatedAt),
            ("name", SortField::Name),
            ("discoveredOn", SortField::DiscoveredOn),
            ("stage", SortField::Stage),
        ],
        (SortField::CreatedAt, true),
    )
}

/// The folded words of a search, safe to splice into a full-text query.
fn search_terms(q: &str) -> Vec<String> {
    search::fold(q)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .map(str::to_owned)
        .collect()
}

/// Whole words must match; the last one may be the beginning of a word (search as you type),
/// once it has two letters.
fn full_text_query(terms: &[String], backend: Backend) -> String {
    let last = terms.len().saturating_sub(1);
    let parts =
        terms
            .iter()
            .enumerate()
            .map(|(i, term)| match (backend, i == last && term.len() >= 2) {
                (Backend::Sqlite, false) => format!("\"{term}\""),
                (Backend::Sqlite, true) => format!("\"{term}\"*"),
                (Backend::Postgres, false) => term.clone(),
                (Backend::Postgres, true) => format!("{term}:*"),
            });
    let separator = if backend == Backend::Sqlite {
        " AND "
    } else {
        " & "
    };
    parts.collect::<Vec<_>>().join(separator)
}

#[derive(Clone)]
enum Bind {
    Int(i64),
    Text(String),
}

const MOVEMENT_JOIN: &str =
    "JOIN exemplar_movements m ON m.exemplar_id = e.id AND m.movement_id = ?";

/// The `FROM … WHERE …` of a list, with its bind values, for the database at hand. Written as
/// SQL because the search drives the query from the full-text index on SQLite (so that a page of
/// a common word's matches, newest first, is read without scanning them all). Fragments mark
/// their parameters with `?`; [`Listing::render`] numbers them for PostgreSQL.
struct Listing {
    backend: Backend,
    searching: bool,
    /// `(sql, bind)` in the order they appear: source, movement join, conditions.
    source: (String, Option<Bind>),
    /// The movement the list is restricted to, joined through its links.
    movement: Option<Bind>,
    conditions: Vec<(String, Vec<Bind>)>,
}

impl Listing {
    fn and(&mut self, column: &str, bind: Bind) {
        self.conditions
            .push((format!("e.{column} = ?"), vec![bind]));
    }

    /// A date parameter: PostgreSQL compares a date column with a date, SQLite with its text.
    fn date_placeholder(&self) -> &'static str {
        match self.backend {
            Backend::Sqlite => "?",
            Backend::Postgres => "CAST(? AS DATE)",
        }
    }

    fn new(q: &ExemplarQuery, principal: &Principal, backend: Backend, today: NaiveDate) -> Self {
        let terms = search_terms(q.q.as_deref().unwrap_or(""));
        let searching = !terms.is_empty();
        let source = if !searching {
            ("exemplars e".to_owned(), None)
        } else {
            let expression = Some(Bind::Text(full_text_query(&terms, backend)));
            match backend {
                Backend::Sqlite => ("exemplars_fts JOIN exemplars e ON e.id = exemplars_fts.rowid AND exemplars_fts MATCH ?".to_owned(), expression),
                Backend::Postgres => ("exemplars e".to_owned(), None),
            }
        };
        let mut listing = Listing {
            backend,
            searching,
            source,
            movement: None,
            conditions: Vec::new(),
        };
        if searching && backend == Backend::Postgres {
            listing.conditions.push((
                "e.search_vector @@ to_tsquery('simple', ?)".to_owned(),
                vec![Bind::Text(full_text_query(&terms, backend))],
            ));
        }
        let visibility = Visibility::of(principal);
        let units: Vec<i64> = [visibility.unit, q.unit_id].into_iter().flatten().collect();
        if let Some(movement) = q.movement_id {
            // A join, so that the planner can start from the movement or from the other filters.
            // The link repeats the exemplar's unit: the unit filter goes there, so that a movement
            // within a unit is one index range and counting needs no exemplar row.
            listing.movement = Some(Bind::Int(movement));
            for unit in units {
                listing
                    .conditions
                    .push(("m.unit_id = ?".to_owned(), vec![Bind::Int(unit)]));
            }
        } else {
            for unit in units {
                listing.and("unit_id", Bind::Int(unit));
            }
        }
        if visibility.confirmed_only {
            listing.and(
                "record_status",
                Bind::Text(RecordStatus::Confirmed.as_str().to_owned()),
            );
        }
        if let Some(category) = q.category {
            listing.and("category", Bind::Text(category.as_str().to_owned()));
        }
        if let Some(stage) = q.stage {
            listing.and("stage", Bind::Text(stage.as_str().to_owned()));
        }
        if let Some(field) = q.field.as_deref().map(str::trim).filter(|f| !f.is_empty()) {
            listing.and("field_of_work", Bind::Text(field.to_owned()));
        }
        if let Some(year) = q.year {
            listing.and("discovery_year", Bind::Int(i64::from(year)));
        }
        if let Some(from) = q.year_from {
            listing.conditions.push((
                "e.discovery_year >= ?".to_owned(),
                vec![Bind::Int(i64::from(from))],
            ));
        }
        if let Some(to) = q.year_to {
            listing.conditions.push((
                "e.discovery_year <= ?".to_owned(),
                vec![Bind::Int(i64::from(to))],
            ));
        }
        if q.exclude_drafts == Some(true) {
            listing.conditions.push((
                format!("e.record_status <> '{}'", RecordStatus::Draft.as_str()),
                Vec::new(),
            ));
        }
        if let Some(conclusion) = q.conclusion {
            listing.and(
                "current_conclusion",
                Bind::Text(conclusion.as_str().to_owned()),
            );
        }
        if let Some(kind) = q.subject_kind {
            listing.and("subject_kind", Bind::Text(kind.as_str().to_owned()));
        }
        if let Some(status) = q.record_status {
            listing.and("record_status", Bind::Text(status.as_str().to_owned()));
        }
        match q.has_proposal {
            Some(true) => listing
                .conditions
                .push(("e.proposed_stage IS NOT NULL".to_owned(), Vec::new())),
            Some(false) => listing
                .conditions
                .push(("e.proposed_stage IS NULL".to_owned(), Vec::new())),
            None => {}
        }
        if q.returned == Some(true) {
            listing.conditions.push((
                format!(
                    "e.record_status = '{}' AND (SELECT s.action FROM stage_events s \
                     WHERE s.exemplar_id = e.id AND s.action IN ('{}', '{}') \
                     ORDER BY s.id DESC LIMIT 1) = '{}'",
                    RecordStatus::Draft.as_str(),
                    TimelineAction::Submitted.as_str(),
                    TimelineAction::Returned.as_str(),
                    TimelineAction::Returned.as_str()
                ),
                Vec::new(),
            ));
        }
        if let Some(window) = q.milestones {
            let open = format!(
                "ms.status IN ('{}', '{}')",
                MilestoneStatus::Planned.as_str(),
                MilestoneStatus::InProgress.as_str()
            );
            let date = listing.date_placeholder();
            let (range, binds) = match window {
                MilestoneWindow::DueSoon => (
                    format!("ms.due_on >= {date} AND ms.due_on <= {date}"),
                    vec![today, today + chrono::Duration::days(DUE_SOON_DAYS)],
                ),
                MilestoneWindow::Overdue => (format!("ms.due_on < {date}"), vec![today]),
            };
            listing.conditions.push((
                format!(
                    "EXISTS (SELECT 1 FROM milestones ms WHERE ms.exemplar_id = e.id AND {open} AND {range})"
                ),
                binds.iter().map(|day| Bind::Text(day.to_string())).collect(),
            ));
        }
        listing
    }

    /// `FROM … WHERE …` with numbered placeholders, and the binds in order.
    fn render(&self) -> (String, Vec<Bind>) {
        let mut fragments: Vec<(&str, Option<&Bind>)> =
            vec![(self.source.0.as_str(), self.source.1.as_ref())];
        if let Some(movement) = &self.movement {
            fragments.push((MOVEMENT_JOIN, Some(movement)));
        }
        let conditions: Vec<String> = self.conditions.iter().map(|(sql, _)| sql.clone()).collect();
        let where_clause = if conditions.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", conditions.join(" AND "))
        };
        let mut binds: Vec<Bind> = fragments
            .iter()
            .filter_map(|(_, bind)| bind.cloned())
            .collect();
        binds.extend(
            self.conditions
                .iter()
                .flat_map(|(_, binds)| binds.iter().cloned()),
        );
        let text = format!(
            "FROM {} {}",
            fragments
                .iter()
                .map(|(sql, _)| *sql)
                .collect::<Vec<_>>()
                .join(" "),
            where_clause
        );
        let mut numbered = String::with_capacity(text.len() + 8);
        let mut index = 0;
        for c in text.chars() {
            if c == '?' {
                index += 1;
                match self.backend {
                    Backend::Sqlite => numbered.push('?'),
                    Backend::Postgres => numbered.push_str(&format!("${index}")),
                }
            } else {
                numbered.push(c);
            }
        }
        (numbered, binds)
    }

    /// What identifies this list's rows: the query and its values.
    fn key(&self) -> String {
        let (from_where, binds) = self.render();
        let mut key = from_where;
        for bind in binds {
            match bind {
                Bind::Int(value) => key.push_str(&format!("|{value}")),
                Bind::Text(value) => key.push_str(&format!("|{value:?}")),
            }
        }
        key
    }

    fn query(
        &self,
        select: &str,
        tail: &str,
    ) -> diesel::query_builder::BoxedSqlQuery<'static, DbBackend, diesel::query_builder::SqlQuery>
    {
        let (from_where, binds) = self.render();
        let mut query =
            diesel::sql_query(format!("{select} {from_where} {tail}")).into_boxed::<DbBackend>();
        for bind in binds {
            query = match bind {
                Bind::Int(value) => query.bind::<BigInt, _>(value),
                Bind::Text(value) => query.bind::<Text, _>(value),
            };
        }
        query
    }

    fn order_by(&self, sort: (SortField, bool)) -> String {
        let direction = if sort.1 { "DESC" } else { "ASC" };
        let column = match sort.0 {
            // On SQLite the full-text index yields rows in id order: sorting by it streams.
            SortField::CreatedAt if self.searching && self.backend == Backend::Sqlite => {
                "exemplars_fts.rowid"
            }
            // Through a movement, its link index yields the exemplar ids in order.
            SortField::CreatedAt if self.movement.is_some() => "m.exemplar_id",
            SortField::CreatedAt => "e.id",
            SortField::UpdatedAt => "e.updated_at",
            SortField::Name => "e.sort_name",
            SortField::DiscoveredOn => "e.discovered_on",
            SortField::Stage => "e.stage",
        };
        if sort.0 == SortField::CreatedAt {
            format!("ORDER BY {column} {direction}")
        } else {
            format!("ORDER BY {column} {direction}, e.id DESC")
        }
    }
}

/// Searches count their matches up to this many; beyond it the total is reported as capped.
pub const SEARCH_COUNT_CAP: i64 = 200;

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

#[derive(QueryableByName)]
struct Id {
    #[diesel(sql_type = BigInt)]
    id: i64,
}

/// The summaries (with their unit) of these exemplars, in this order.
fn summaries_in_order(conn: &mut DbConnection, ids: &[i64]) -> AppResult<Vec<ExemplarSummary>> {
    let mut rows: Vec<(ExemplarRow, UnitRef, Option<NaiveDateTime>)> = exemplars::table
        .inner_join(units::table)
        .left_join(exemplar_publications::table)
        .filter(exemplars::id.eq_any(ids))
        .select((
            ExemplarRow::as_select(),
            (units::id, units::code, units::short_name, units::name),
            exemplar_publications::published_at.nullable(),
        ))
        .load(conn)?;
    let position: std::collections::HashMap<i64, usize> =
        ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    rows.sort_by_key(|(row, _, _)| position.get(&row.id).copied().unwrap_or(usize::MAX));
    let chosen: Vec<(i64, Option<i64>)> = rows
        .iter()
        .map(|(row, _, _)| (row.id, row.photo_attachment_id))
        .collect();
    let photos = attachments::photos_of(conn, &chosen)?;
    Ok(rows
        .into_iter()
        .map(|(row, unit, published_at)| {
            let photo = photos.get(&row.id).copied();
            summary(&row, unit, photo, published_at)
        })
        .collect())
}

/// The rows with these ids, in this order.
fn rows_in_order(conn: &mut DbConnection, ids: &[i64]) -> AppResult<Vec<ExemplarRow>> {
    let mut rows: Vec<ExemplarRow> = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(500) {
        rows.extend(
            exemplars::table
                .filter(exemplars::id.eq_any(chunk))
                .select(ExemplarRow::as_select())
                .load::<ExemplarRow>(conn)?,
        );
    }
    let position: std::collections::HashMap<i64, usize> =
        ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    rows.sort_by_key(|row| position.get(&row.id).copied().unwrap_or(usize::MAX));
    Ok(rows)
}

fn ids(
    conn: &mut DbConnection,
    listing: &Listing,
    sort: (SortField, bool),
    offset: i64,
    limit: i64,
) -> AppResult<Vec<i64>> {
    let tail = format!("{} LIMIT {limit} OFFSET {offset}", listing.order_by(sort));
    Ok(listing
        .query("SELECT e.id AS id", &tail)
        .load::<Id>(conn)?
        .into_iter()
        .map(|r| r.id)
        .collect())
}

/// One page of exemplars, the total count, and whether the count was capped (searches only).
pub fn page(
    conn: &mut DbConnection,
    totals: &ListTotals,
    principal: &Principal,
    q: &ExemplarQuery,
    page: PageRequest,
    sort: (SortField, bool),
    today: NaiveDate,
) -> AppResult<(Vec<ExemplarSummary>, i64, bool)> {
    let listing = Listing::new(q, principal, conn.backend(), today);
    let (page_ids, total, capped) = if listing.searching {
        // A search counts its first matches, in order: when it has to count, the same pass
        // gives the page.
        let mut first = None;
        let mut count = |conn: &mut DbConnection| -> AppResult<i64> {
            let matches = ids(conn, &listing, sort, 0, SEARCH_COUNT_CAP + 1)?;
            let counted = matches.len() as i64;
            first = Some(matches);
            Ok(counted)
        };
        // Milestones change without touching the exemplar row the cache watches: count afresh.
        let counted = if q.milestones.is_some() {
            count(conn)?
        } else {
            totals.total(conn, listing.key(), count)?
        };
        let page_ids = match first {
            Some(first) if page.offset() + page.limit() <= SEARCH_COUNT_CAP => first
                .into_iter()
                .skip(page.offset() as usize)
                .take(page.limit() as usize)
                .collect(),
            _ => ids(conn, &listing, sort, page.offset(), page.limit())?,
        };
        (
            page_ids,
            counted.min(SEARCH_COUNT_CAP),
            counted > SEARCH_COUNT_CAP,
        )
    } else {
        let count = |conn: &mut DbConnection| -> AppResult<i64> {
            Ok(listing
                .query("SELECT COUNT(*) AS n", "")
                .get_result::<Count>(conn)?
                .n)
        };
        // Milestones change without touching the exemplar row the cache watches: count afresh.
        let total = if q.milestones.is_some() {
            count(conn)?
        } else {
            totals.total(conn, listing.key(), count)?
        };
        (
            ids(conn, &listing, sort, page.offset(), page.limit())?,
            total,
            false,
        )
    };
    Ok((summaries_in_order(conn, &page_ids)?, total, capped))
}

/// How much an export may hold: rows, and the bytes of their text (names, achievements…), so
/// that a list of long records cannot fill the memory before the workbook is written.
#[derive(Debug, Clone, Copy)]
pub struct ExportLimits {
    pub rows: i64,
    pub text_bytes: usize,
}

/// Every matching row (up to the limits), for exports; 422 `export_too_large` beyond them.
pub fn all(
    conn: &mut DbConnection,
    principal: &Principal,
    q: &ExemplarQuery,
    sort: (SortField, bool),
    limits: ExportLimits,
    today: NaiveDate,
) -> AppResult<Vec<ExemplarRow>> {
    let listing = Listing::new(q, principal, conn.backend(), today);
    let all_ids = ids(conn, &listing, sort, 0, limits.rows + 1)?;
    let too_large = || {
        AppError::new(ErrorCode::ExportTooLarge).with_detail(format!(
            "Danh sách quá lớn để xuất một lần (tối đa {} hồ sơ, {} MB nội dung). Hãy lọc bớt rồi xuất lại.",
            limits.rows,
            limits.text_bytes / (1024 * 1024)
        ))
    };
    if all_ids.len() as i64 > limits.rows {
        return Err(too_large());
    }
    let mut rows: Vec<ExemplarRow> = Vec::with_capacity(all_ids.len());
    let mut text_bytes = 0usize;
    for chunk in all_ids.chunks(500) {
        let loaded = rows_in_order(conn, chunk)?;
        text_bytes += loaded.iter().map(ExemplarRow::text_bytes).sum::<usize>();
        if text_bytes > limits.text_bytes {
            return Err(too_large());
        }
        rows.extend(loaded);
    }
    Ok(rows)
}

/// The fields of work recorded on the exemplars the principal may see, alphabetically
/// (ignoring case and diacritics).
pub fn fields_of_work(conn: &mut DbConnection, principal: &Principal) -> AppResult<Vec<String>> {
    let visibility = Visibility::of(principal);
    let mut query = exemplars::table
        .select(exemplars::field_of_work)
        .distinct()
        .into_boxed();
    if let Some(unit) = visibility.unit {
        query = query.filter(exemplars::unit_id.eq(unit));
    }
    if visibility.confirmed_only {
        query = query.filter(exemplars::record_status.eq(RecordStatus::Confirmed));
    }
    let mut fields: Vec<String> = query.load(conn)?;
    fields.sort_by_cached_key(|f| search::fold(f));
    Ok(fields)
}

#[cfg(test)]
mod tests {
    use super::{Backend, full_text_query, search_terms};

    #[test]
    fn the_last_word_is_a_prefix() {
        let terms = search_terms("Nguyễn Văn A");
        assert_eq!(
            full_text_query(&terms, Backend::Sqlite),
            "\"nguyen\" AND \"van\" AND \"a\""
        );
        assert_eq!(
            full_text_query(&terms, Backend::Postgres),
            "nguyen & van & a"
        );
        let terms = search_terms("Trợ giú");
        assert_eq!(
            full_text_query(&terms, Backend::Sqlite),
            "\"tro\" AND \"giu\"*"
        );
        assert_eq!(full_text_query(&terms, Backend::Postgres), "tro & giu:*");
    }

    #[test]
    fn terms_are_folded_words_only() {
        assert_eq!(
            search_terms("Nguyễn  Văn-A \"x\" OR *"),
            ["nguyen", "van", "a", "x", "or"]
        );
        assert!(search_terms("  ** ").is_empty());
    }
}
