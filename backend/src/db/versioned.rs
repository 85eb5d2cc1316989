//! Compare-and-set: the only way a versioned row (one with `version` and `updated_at`) is changed
//! or deleted. The expected version is part of the `WHERE` clause, so of two writers that read
//! the same version exactly one changes the row; the other changes nothing and is answered 412.
//! A write that also replaces child rows (milestones, links) does so only after the parent's
//! compare-and-set succeeded: the parent's row lock then keeps every other writer out until
//! commit.
//!
//! ```text
//! let version = versioned_update!(conn, exemplars, id, expected, now, (exemplars::name.eq(name)))?;
//! versioned_delete!(conn, exemplars, id, expected)?;
//! ```
//!
//! `tests/api/versioned_writes.rs` fires 32 concurrent writers at every versioned endpoint and
//! expects exactly one success; the unit test below keeps hand-written version checks out of
//! the code.

use crate::error::AppResult;
use crate::http::etag::stale;

/// The outcome of a compare-and-set that changed `changed` rows: the new version, or 412.
pub fn applied(changed: usize, expected: i32) -> AppResult<i32> {
    if changed == 0 {
        Err(stale())
    } else {
        Ok(expected + 1)
    }
}

/// Updates row `$id` of `$table` when its version is still `$expected`, setting the given
/// columns, the next version and `updated_at = $now`. Evaluates to `AppResult<i32>` (the new
/// version; 412 when someone else changed or deleted the row first).
#[macro_export]
macro_rules! versioned_update {
    ($conn:expr, $table:ident, $id:expr, $expected:expr, $now:expr $(,)?) => {
        $crate::versioned_update!($conn, $table, $id, $expected, $now, ())
    };
    ($conn:expr, $table:ident, $id:expr, $expected:expr, $now:expr, ($($set:expr),* $(,)?) $(,)?) => {{
        use diesel::prelude::*;
        use $crate::db::schema::$table as versioned_table;
        let expected: i32 = $expected;
        let changed = diesel::update(
            versioned_table::table
                .find($id)
                .filter(versioned_table::version.eq(expected)),
        )
        .set((
            $($set,)*
            versioned_table::version.eq(expected + 1),
            versioned_table::updated_at.eq($now),
        ))
        .execute($conn);
        match changed {
            Ok(changed) => $crate::db::versioned::applied(changed, expected),
            Err(error) => Err($crate::error::AppError::from(error)),
        }
    }};
}

/// Deletes row `$id` of `$table` when its version is still `$expected`. Evaluates to
/// `AppResult<()>` (412 when someone else changed or deleted it first). To delete a row with
/// children that have no `ON DELETE CASCADE`, claim it first with [`versioned_update!`], delete
/// the children, then delete it at the claimed version.
#[macro_export]
macro_rules! versioned_delete {
    ($conn:expr, $table:ident, $id:expr, $expected:expr $(,)?) => {{
        use diesel::prelude::*;
        use $crate::db::schema::$table as versioned_table;
        let expected: i32 = $expected;
        let changed = diesel::delete(
            versioned_table::table
                .find($id)
                .filter(versioned_table::version.eq(expected)),
        )
        .execute($conn);
        match changed {
            Ok(changed) => $crate::db::versioned::applied(changed, expected).map(|_| ()),
            Err(error) => Err($crate::error::AppError::from(error)),
        }
    }};
}
