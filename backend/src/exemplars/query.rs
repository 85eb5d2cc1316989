//! Listing exemplars: filters, full-text search that ignores case and diacritics on both
//! databases (FTS5 on SQLite, a `tsvector` GIN index on PostgreSQL, both over the folded
//! `search_text`), sorting and pagination.

use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::{Bool, Text};
use serde::Deserialize;
use utoipa::IntoParams;

use super::model::{ExemplarRow, ExemplarSummary, summary};
use super::types::{Category, Conclusion, RecordStatus, Stage, SubjectKind};
use crate::auth::{Principal, Role, policy};
use crate::db::schema::{exemplar_movements, exemplars, units};
use crate::db::{Backend, DbBackend, DbConnection, search};
use crate::error::{AppError, AppResult};
use crate::http::pagination::{PageRequest, parse_sort};
use crate::units::UnitRef;

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct ExemplarQuery {
    /// Words that must all appear (as word prefixes) in the name, position, field, unit,
    /// achievements or initiatives, ignoring case and diacritics: `nguyen van` finds "Nguyễn Văn".
    pub q: Option<String>,
    pub unit_id: Option<i64>,
    pub category: Option<Category>,
    pub stage: Option<Stage>,
    pub movement_id: Option<i64>,
    /// Field of work, exactly as recorded.
    pub field: Option<String>,
    /// Year of discovery.
    pub year: Option<i32>,
    pub conclusion: Option<Conclusion>,
    pub subject_kind: Option<SubjectKind>,
    pub record_status: Option<RecordStatus>,
    /// `true`: only exemplars with a stage move waiting for the Office.
    pub has_proposal: Option<bool>,
    /// `updatedAt` (default, newest first: `-updatedAt`), `name`, `discoveredOn`, `stage`; prefix `-` for descending.
    pub sort: Option<String>,
    #[param(minimum = 1, default = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 100, default = 20)]
    pub page_size: Option<i64>,
}

#[derive(Debug, Clone, Copy)]
pub enum SortField {
    UpdatedAt,
    Name,
    DiscoveredOn,
    Stage,
}

pub fn sort_of(q: &ExemplarQuery) -> AppResult<(SortField, bool)> {
    parse_sort(
        q.sort.as_deref(),
        &[
            ("updatedAt", SortField::UpdatedAt),
            ("name", SortField::Name),
            ("discoveredOn", SortField::DiscoveredOn),
            ("stage", SortField::Stage),
        ],
        (SortField::UpdatedAt, true),
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

type Boxed<'a> = exemplars::BoxedQuery<'a, DbBackend>;

fn filtered<'a>(q: &'a ExemplarQuery, principal: &Principal, backend: Backend) -> Boxed<'a> {
    let mut query = exemplars::table.into_boxed();
    let terms = search_terms(q.q.as_deref().unwrap_or(""));
    if !terms.is_empty() {
        query = match backend {
            Backend::Sqlite => {
                let expression = terms.iter().map(|t| format!("\"{t}\"*")).collect::<Vec<_>>().join(" AND ");
                query.filter(
                    sql::<Bool>("exemplars.id IN (SELECT rowid FROM exemplars_fts WHERE exemplars_fts MATCH ")
                        .bind::<Text, _>(expression)
                        .sql(")"),
                )
            }
            Backend::Postgres => {
                let expression = terms.iter().map(|t| format!("{t}:*")).collect::<Vec<_>>().join(" & ");
                query.filter(sql::<Bool>("exemplars.search_vector @@ to_tsquery('simple', ").bind::<Text, _>(expression).sql(")"))
            }
        };
    }
    if let Some(unit) = policy::unit_restriction(principal) {
        query = query.filter(exemplars::unit_id.eq(unit));
    }
    if principal.role == Role::Integration {
        query = query.filter(exemplars::record_status.eq(RecordStatus::Confirmed.as_str()));
    }
    if let Some(unit) = q.unit_id {
        query = query.filter(exemplars::unit_id.eq(unit));
    }
    if let Some(category) = q.category {
        query = query.filter(exemplars::category.eq(category.as_str()));
    }
    if let Some(stage) = q.stage {
        query = query.filter(exemplars::stage.eq(stage.as_str()));
    }
    if let Some(movement) = q.movement_id {
        query = query.filter(
            exemplars::id.eq_any(
                exemplar_movements::table
                    .filter(exemplar_movements::movement_id.eq(movement))
                    .select(exemplar_movements::exemplar_id),
            ),
        );
    }
    if let Some(field) = q.field.as_deref().map(str::trim).filter(|f| !f.is_empty()) {
        query = query.filter(exemplars::field_of_work.eq(field));
    }
    if let Some(year) = q.year {
        query = query.filter(exemplars::discovery_year.eq(year));
    }
    if let Some(conclusion) = q.conclusion {
        query = query.filter(exemplars::current_conclusion.eq(conclusion.as_str()));
    }
    if let Some(kind) = q.subject_kind {
        query = query.filter(exemplars::subject_kind.eq(kind.as_str()));
    }
    if let Some(status) = q.record_status {
        query = query.filter(exemplars::record_status.eq(status.as_str()));
    }
    match q.has_proposal {
        Some(true) => query = query.filter(exemplars::proposed_stage.is_not_null()),
        Some(false) => query = query.filter(exemplars::proposed_stage.is_null()),
        None => {}
    }
    query
}

fn sorted(query: Boxed<'_>, sort: (SortField, bool)) -> Boxed<'_> {
    let query = match sort {
        (SortField::UpdatedAt, false) => query.order(exemplars::updated_at.asc()),
        (SortField::UpdatedAt, true) => query.order(exemplars::updated_at.desc()),
        (SortField::Name, false) => query.order(exemplars::sort_name.asc()),
        (SortField::Name, true) => query.order(exemplars::sort_name.desc()),
        (SortField::DiscoveredOn, false) => query.order(exemplars::discovered_on.asc()),
        (SortField::DiscoveredOn, true) => query.order(exemplars::discovered_on.desc()),
        (SortField::Stage, false) => query.order(exemplars::stage.asc()),
        (SortField::Stage, true) => query.order(exemplars::stage.desc()),
    };
    query.then_order_by(exemplars::id.desc())
}

fn with_units(conn: &mut DbConnection, rows: Vec<ExemplarRow>) -> AppResult<Vec<ExemplarSummary>> {
    let mut unit_ids: Vec<i64> = rows.iter().map(|r| r.unit_id).collect();
    unit_ids.sort_unstable();
    unit_ids.dedup();
    let refs: Vec<UnitRef> = units::table
        .filter(units::id.eq_any(&unit_ids))
        .select((units::id, units::code, units::short_name, units::name))
        .load(conn)?;
    rows.iter()
        .map(|row| {
            let unit = refs.iter().find(|u| u.id == row.unit_id).cloned().ok_or_else(|| AppError::internal("unit vanished"))?;
            summary(row, unit)
        })
        .collect()
}

/// One page of exemplars and the total count.
pub fn page(
    conn: &mut DbConnection,
    principal: &Principal,
    q: &ExemplarQuery,
    page: PageRequest,
    sort: (SortField, bool),
) -> AppResult<(Vec<ExemplarSummary>, i64)> {
    let backend = conn.backend();
    let total: i64 = filtered(q, principal, backend).count().get_result(conn)?;
    let rows: Vec<ExemplarRow> = sorted(filtered(q, principal, backend), sort)
        .select(ExemplarRow::as_select())
        .offset(page.offset())
        .limit(page.limit())
        .load(conn)?;
    Ok((with_units(conn, rows)?, total))
}

/// Every matching row (up to `limit`), for exports.
pub fn all(conn: &mut DbConnection, principal: &Principal, q: &ExemplarQuery, sort: (SortField, bool), limit: i64) -> AppResult<Vec<ExemplarRow>> {
    let backend = conn.backend();
    Ok(sorted(filtered(q, principal, backend), sort).select(ExemplarRow::as_select()).limit(limit).load(conn)?)
}

#[cfg(test)]
mod tests {
    use super::search_terms;

    #[test]
    fn terms_are_folded_words_only() {
        assert_eq!(search_terms("Nguyễn  Văn-A \"x\" OR *"), ["nguyen", "van", "a", "x", "or"]);
        assert!(search_terms("  ** ").is_empty());
    }
}
