//! Exemplars discovered month by month over the plan period, by stage, category and movement,
//! counted with the reports' rule (submitted or confirmed records, by their discovery day) in
//! two grouped queries.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use diesel::dsl::count_star;
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::DbConnection;
use crate::db::generation_cache::GenerationCache;
use crate::db::schema::{exemplar_movements, exemplars, movements};
use crate::error::AppResult;
use crate::exemplars::types::{Category, RecordStatus, Stage};
use crate::reports::figures::Count;
use crate::time::Month;

diesel::allow_columns_to_appear_in_same_group_by_clause!(
    exemplars::discovered_on,
    movements::id,
    movements::name,
);

/// The exemplars discovered in one month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct TimelineMonth {
    /// `YYYY-MM`.
    pub month: String,
    pub discovered: i64,
    /// Every stage, by the stage the exemplars stand in now.
    pub by_stage: Vec<Count>,
    /// Every category.
    pub by_category: Vec<Count>,
    /// Only the movements with exemplars that month (an exemplar may belong to several).
    pub by_movement: Vec<Count>,
}

#[derive(Default)]
struct MonthTally {
    stages: BTreeMap<String, i64>,
    categories: BTreeMap<String, i64>,
    movements: BTreeMap<i64, (String, i64)>,
}

/// Timelines kept while nothing they count has changed (the `figures` counter), by their first
/// and last month and unit.
pub struct TimelineCache(GenerationCache<(Month, Month, Option<i64>), Vec<TimelineMonth>>);

impl Default for TimelineCache {
    fn default() -> Self {
        Self(GenerationCache::new("figures", 64))
    }
}

impl TimelineCache {
    pub fn get(
        &self,
        conn: &mut DbConnection,
        first: Month,
        last: Month,
        unit_id: Option<i64>,
    ) -> AppResult<Vec<TimelineMonth>> {
        self.0.get_or_compute(conn, (first, last, unit_id), |conn| {
            compute(conn, first, last, unit_id)
        })
    }
}

/// Every month from `first` to `last` (both `YYYY-MM` of the same calendar), zero-filled.
pub fn compute(
    conn: &mut DbConnection,
    first: Month,
    last: Month,
    unit_id: Option<i64>,
) -> AppResult<Vec<TimelineMonth>> {
    let from = first.first_day();
    let to = last.next().first_day().pred_opt().unwrap_or(from);

    let mut query = exemplars::table
        .filter(exemplars::discovered_on.ge(from))
        .filter(exemplars::discovered_on.le(to))
        .filter(exemplars::record_status.ne(RecordStatus::Draft.as_str()))
        .group_by((
            exemplars::discovered_on,
            exemplars::stage,
            exemplars::category,
        ))
        .select((
            exemplars::discovered_on,
            exemplars::stage,
            exemplars::category,
            count_star(),
        ))
        .into_boxed();
    if let Some(unit) = unit_id {
        query = query.filter(exemplars::unit_id.eq(unit));
    }
    let groups: Vec<(NaiveDate, String, String, i64)> = query.load(conn)?;

    let mut query = exemplar_movements::table
        .inner_join(exemplars::table)
        .inner_join(movements::table)
        .filter(exemplars::discovered_on.ge(from))
        .filter(exemplars::discovered_on.le(to))
        .filter(exemplars::record_status.ne(RecordStatus::Draft.as_str()))
        .group_by((exemplars::discovered_on, movements::id, movements::name))
        .select((
            exemplars::discovered_on,
            movements::id,
            movements::name,
            count_star(),
        ))
        .into_boxed();
    if let Some(unit) = unit_id {
        query = query.filter(exemplars::unit_id.eq(unit));
    }
    let movement_groups: Vec<(NaiveDate, i64, String, i64)> = query.load(conn)?;

    let mut tallies: BTreeMap<String, MonthTally> = BTreeMap::new();
    for (day, stage, category, count) in groups {
        let tally = tallies.entry(Month::of(day).text()).or_default();
        *tally.stages.entry(stage).or_default() += count;
        *tally.categories.entry(category).or_default() += count;
    }
    for (day, id, name, count) in movement_groups {
        let tally = tallies.entry(Month::of(day).text()).or_default();
        tally.movements.entry(id).or_insert((name, 0)).1 += count;
    }

    let mut out = Vec::new();
    let mut month = first;
    while month <= last {
        let key = month.text();
        let tally = tallies.remove(&key).unwrap_or_default();
        out.push(month_of(key, &tally));
        month = month.next();
    }
    Ok(out)
}

fn month_of(month: String, tally: &MonthTally) -> TimelineMonth {
    let by_stage: Vec<Count> = Stage::ALL
        .iter()
        .map(|stage| Count {
            key: stage.as_str().to_owned(),
            label: stage.label().to_owned(),
            count: tally.stages.get(stage.as_str()).copied().unwrap_or(0),
        })
        .collect();
    let by_category = Category::ALL
        .iter()
        .map(|category| Count {
            key: category.as_str().to_owned(),
            label: category.label().to_owned(),
            count: tally
                .categories
                .get(category.as_str())
                .copied()
                .unwrap_or(0),
        })
        .collect();
    let mut by_movement: Vec<Count> = tally
        .movements
        .iter()
        .map(|(id, (name, count))| Count {
            key: id.to_string(),
            label: name.clone(),
            count: *count,
        })
        .collect();
    by_movement.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
    TimelineMonth {
        month,
        discovered: by_stage.iter().map(|c| c.count).sum(),
        by_stage,
        by_category,
        by_movement,
    }
}
