//! The totals of filtered exemplar lists and searches, kept between requests. Counting the rows
//! behind a filter is most of a list's cost, and the same filters are asked for again and again
//! (page after page, by every official of a unit). A total is reused for as long as the
//! `exemplars` counter, which triggers move on every change to exemplars and their movement
//! links, has not moved.

use crate::db::DbConnection;
use crate::db::generation_cache::GenerationCache;
use crate::error::AppResult;

const MAX_ENTRIES: usize = 4_096;

pub struct ListTotals(GenerationCache<String, i64>);

impl Default for ListTotals {
    fn default() -> Self {
        Self(GenerationCache::new("exemplars", MAX_ENTRIES))
    }
}

impl ListTotals {
    /// The total for `filter` (the rendered query with its values), from memory when nothing
    /// has changed since it was counted, otherwise from `count`.
    pub fn total(
        &self,
        conn: &mut DbConnection,
        filter: String,
        count: impl FnOnce(&mut DbConnection) -> AppResult<i64>,
    ) -> AppResult<i64> {
        self.0.get_or_compute(conn, filter, count)
    }
}
