//! The totals of filtered exemplar lists and searches, kept between requests. Counting the rows
//! behind a filter is most of a list's cost, and the same filters are asked for again and again
//! (page after page, by every official of a unit). A total is reused for as long as the
//! database's `list_generations` counter has not moved; triggers move it on every change to
//! exemplars and their movement links, whatever process makes the change, so a total is never
//! stale, on any instance. The counter is the sum of shards that only grow (on PostgreSQL each
//! writing connection bumps its own shard, so writers do not queue for one row).

use std::collections::HashMap;
use std::sync::Mutex;

use diesel::prelude::*;

use crate::db::DbConnection;
use crate::db::schema::list_generations;
use crate::error::AppResult;

const MAX_ENTRIES: usize = 4_096;

#[derive(Default)]
pub struct ListTotals {
    /// Filter (the rendered query with its values) → (generation it was counted at, total).
    entries: Mutex<HashMap<String, (i64, i64)>>,
}

impl ListTotals {
    /// The total for `filter`, from memory when nothing has changed since it was counted,
    /// otherwise from `count`.
    pub fn total(
        &self,
        conn: &mut DbConnection,
        filter: String,
        count: impl FnOnce(&mut DbConnection) -> AppResult<i64>,
    ) -> AppResult<i64> {
        // Read before counting: a change committed in between moves the generation on, so the
        // total stored here is at worst counted fresher than its generation, never older.
        let generation = list_generations::table
            .filter(list_generations::name.eq("exemplars"))
            .select(diesel::dsl::sql::<diesel::sql_types::BigInt>(
                "CAST(COALESCE(SUM(generation), 0) AS BIGINT)",
            ))
            .first::<i64>(conn)?;
        if let Some(&(at, total)) = self.lock().get(&filter)
            && at == generation
        {
            return Ok(total);
        }
        let total = count(conn)?;
        let mut entries = self.lock();
        if entries.len() >= MAX_ENTRIES {
            entries.retain(|_, (at, _)| *at == generation);
            if entries.len() >= MAX_ENTRIES {
                entries.clear();
            }
        }
        entries.insert(filter, (generation, total));
        Ok(total)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, (i64, i64)>> {
        self.entries.lock().unwrap_or_else(|p| p.into_inner())
    }
}
