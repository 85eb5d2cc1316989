//! Values derived from many rows (a filtered list's total, a report's figures), kept between
//! requests for as long as the data behind them is unchanged. Triggers move a named counter in
//! `list_generations` on every change to the rows a value is derived from, whatever process makes
//! the change, so a kept value is never stale, on any instance. A counter is the sum of shards
//! that only grow (on PostgreSQL each writing connection bumps its own shard, so writers do not
//! queue for one row).

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Mutex, MutexGuard};

use diesel::prelude::*;

use super::{DbConnection, in_transaction};
use crate::db::schema::list_generations;
use crate::error::AppResult;

pub struct GenerationCache<K, V> {
    /// The counter watched (`exemplars`, `figures`).
    counter: &'static str,
    capacity: usize,
    /// Key → (generation it was computed at, value).
    entries: Mutex<HashMap<K, (i64, V)>>,
}

impl<K: Hash + Eq, V: Clone> GenerationCache<K, V> {
    pub fn new(counter: &'static str, capacity: usize) -> Self {
        Self {
            counter,
            capacity,
            entries: Mutex::new(HashMap::new()),
        }
    }

    /// The value for `key`, from memory when nothing has changed since it was computed,
    /// otherwise from `compute`.
    pub fn get_or_compute(
        &self,
        conn: &mut DbConnection,
        key: K,
        compute: impl FnOnce(&mut DbConnection) -> AppResult<V>,
    ) -> AppResult<V> {
        // Inside a transaction the counter may count this transaction's own changes, which a
        // rollback takes back while a later commit brings the sum to the same number: neither
        // read nor keep anything there.
        if in_transaction(conn)? {
            return compute(conn);
        }
        // Read before computing: a change committed in between moves the generation on, so the
        // value kept here is at worst fresher than its generation, never older.
        let generation = self.generation(conn)?;
        if let Some((at, value)) = self.lock().get(&key)
            && *at == generation
        {
            return Ok(value.clone());
        }
        let value = compute(conn)?;
        let mut entries = self.lock();
        if entries.len() >= self.capacity {
            entries.retain(|_, (at, _)| *at == generation);
            if entries.len() >= self.capacity {
                entries.clear();
            }
        }
        entries.insert(key, (generation, value.clone()));
        Ok(value)
    }

    fn generation(&self, conn: &mut DbConnection) -> AppResult<i64> {
        Ok(list_generations::table
            .filter(list_generations::name.eq(self.counter))
            .select(diesel::dsl::sql::<diesel::sql_types::BigInt>(
                "CAST(COALESCE(SUM(generation), 0) AS BIGINT)",
            ))
            .first::<i64>(conn)?)
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<K, (i64, V)>> {
        self.entries.lock().unwrap_or_else(|p| p.into_inner())
    }
}
