//! The public rule of exemplars, in one place: what the portal serves (gallery, detail, photo,
//! card, feed, embed) and what the share kit and the publication call "public".

use chrono::NaiveDateTime;

use crate::exemplars::model::ExemplarRow;
use crate::exemplars::types::{RecordStatus, Stage};

/// Public: the Office's publication is in force, the record is confirmed, and the exemplar was
/// never stopped ("dừng theo dõi" hides it at once, and it stays hidden once archived).
pub fn is_public(published_at: Option<NaiveDateTime>, row: &ExemplarRow) -> bool {
    published_at.is_some()
        && row.record_status == RecordStatus::Confirmed
        && row.stage != Stage::Stopped
        && row.stopped_reason.is_none()
}

/// [`is_public`] as SQL: filters a query over `exemplars` joined with `exemplar_publications`
/// (`exemplars::table.inner_join(exemplar_publications::table)`) to the public rows.
#[macro_export]
macro_rules! public_exemplars {
    ($query:expr) => {{
        use diesel::prelude::*;
        $query
            .filter($crate::db::schema::exemplar_publications::published_at.is_not_null())
            .filter(
                $crate::db::schema::exemplars::record_status
                    .eq($crate::exemplars::types::RecordStatus::Confirmed),
            )
            .filter(
                $crate::db::schema::exemplars::stage.ne($crate::exemplars::types::Stage::Stopped),
            )
            .filter($crate::db::schema::exemplars::stopped_reason.is_null())
    }};
}
