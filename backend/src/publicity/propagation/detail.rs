//! Propagation activities as the API serves them: in a list (with their featured exemplars and
//! how many files they have, in three statements per page) and one by one (with their files and
//! what the caller may do).

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::access::{self, PropagationAction};
use super::channel::Channel;
use super::model::{self, PropagationRow, visible_links};
use crate::attachments::model::{self as attachments, Attachment, Owner};
use crate::auth::Principal;
use crate::db::DbConnection;
use crate::db::schema::{attachments as attachments_t, exemplars, propagation_exemplars, units};
use crate::error::AppResult;
use crate::exemplars::types::{Category, RecordStatus};
use crate::units::UnitRef;

/// An exemplar an activity featured.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct FeaturedExemplar {
    pub id: i64,
    pub name: String,
    pub category: Category,
}

/// A propagation activity in a list.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PropagationSummary {
    pub id: i64,
    pub unit: UnitRef,
    pub channel: Channel,
    pub title: String,
    pub held_on: NaiveDate,
    pub url: Option<String>,
    pub views: Option<i64>,
    pub shares: Option<i64>,
    pub attendees: Option<i64>,
    /// The featured exemplars the caller may see.
    pub featured_exemplars: Vec<FeaturedExemplar>,
    pub attachment_count: i64,
    pub version: i32,
    pub updated_at: DateTime<Utc>,
}

/// A propagation activity with its files.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PropagationActivity {
    pub id: i64,
    pub unit: UnitRef,
    pub channel: Channel,
    pub title: String,
    pub held_on: NaiveDate,
    pub url: Option<String>,
    pub views: Option<i64>,
    pub shares: Option<i64>,
    pub attendees: Option<i64>,
    pub note: Option<String>,
    /// The featured exemplars the caller may see.
    pub featured_exemplars: Vec<FeaturedExemplar>,
    /// Documents, photos, screenshots (`downloadUrl` under `/api/v1/propagation-attachments`).
    pub attachments: Vec<Attachment>,
    /// What the caller may do now.
    pub allowed_actions: Vec<PropagationAction>,
    pub created_by: Option<i64>,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

type LinkRow = (i64, i64, String, Category, i64, RecordStatus);

/// The featured exemplars of these activities that `principal` may see, by activity.
fn featured(
    conn: &mut DbConnection,
    principal: &Principal,
    activities: &[i64],
) -> AppResult<HashMap<i64, Vec<FeaturedExemplar>>> {
    let mut rows: Vec<LinkRow> = Vec::new();
    for chunk in activities.chunks(500) {
        rows.extend(
            propagation_exemplars::table
                .inner_join(exemplars::table)
                .filter(propagation_exemplars::activity_id.eq_any(chunk))
                .select((
                    propagation_exemplars::activity_id,
                    exemplars::id,
                    exemplars::name,
                    exemplars::category,
                    exemplars::unit_id,
                    exemplars::record_status,
                ))
                .order((propagation_exemplars::activity_id, exemplars::id))
                .load::<LinkRow>(conn)?,
        );
    }
    let seen = visible_links(
        principal,
        &rows
            .iter()
            .map(|(_, id, _, _, unit, status)| (*id, *unit, *status))
            .collect::<Vec<_>>(),
    );
    let mut out: HashMap<i64, Vec<FeaturedExemplar>> = HashMap::new();
    for (activity, id, name, category, _, _) in rows {
        if seen.contains(&id) {
            out.entry(activity)
                .or_default()
                .push(FeaturedExemplar { id, name, category });
        }
    }
    Ok(out)
}

fn unit_refs(conn: &mut DbConnection, ids: &[i64]) -> AppResult<HashMap<i64, UnitRef>> {
    let refs: Vec<UnitRef> = units::table
        .filter(units::id.eq_any(ids))
        .select((units::id, units::code, units::short_name, units::name))
        .load(conn)?;
    Ok(refs.into_iter().map(|u| (u.id, u)).collect())
}

fn attachment_counts(conn: &mut DbConnection, activities: &[i64]) -> AppResult<HashMap<i64, i64>> {
    let mut counts = HashMap::new();
    for chunk in activities.chunks(500) {
        let rows: Vec<(i64, i64)> = attachments_t::table
            .filter(attachments_t::owner_type.eq("propagation"))
            .filter(attachments_t::owner_id.eq_any(chunk))
            .group_by(attachments_t::owner_id)
            .select((attachments_t::owner_id, diesel::dsl::count_star()))
            .load(conn)?;
        counts.extend(rows);
    }
    Ok(counts)
}

fn unit_of(units: &HashMap<i64, UnitRef>, id: i64) -> UnitRef {
    units.get(&id).cloned().unwrap_or(UnitRef {
        id,
        code: String::new(),
        short_name: String::new(),
        name: String::new(),
    })
}

/// The list items of these rows, in their order.
pub fn summaries(
    conn: &mut DbConnection,
    principal: &Principal,
    rows: Vec<PropagationRow>,
) -> AppResult<Vec<PropagationSummary>> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut unit_ids: Vec<i64> = rows.iter().map(|r| r.unit_id).collect();
    unit_ids.sort_unstable();
    unit_ids.dedup();
    let units = unit_refs(conn, &unit_ids)?;
    let mut featured = featured(conn, principal, &ids)?;
    let counts = attachment_counts(conn, &ids)?;
    Ok(rows
        .into_iter()
        .map(|r| PropagationSummary {
            id: r.id,
            unit: unit_of(&units, r.unit_id),
            channel: r.channel,
            title: r.title,
            held_on: r.held_on,
            url: r.url,
            views: r.views,
            shares: r.shares,
            attendees: r.attendees,
            featured_exemplars: featured.remove(&r.id).unwrap_or_default(),
            attachment_count: counts.get(&r.id).copied().unwrap_or(0),
            version: r.version,
            updated_at: r.updated_at.and_utc(),
        })
        .collect())
}

/// Activity `id` as `principal` may see it (another unit's is 403 for unit roles).
pub fn load(
    conn: &mut DbConnection,
    principal: &Principal,
    id: i64,
) -> AppResult<PropagationActivity> {
    let row = model::find_row(conn, id)?;
    access::ensure_readable(principal, row.unit_id)?;
    let units = unit_refs(conn, &[row.unit_id])?;
    let featured = featured(conn, principal, &[row.id])?
        .remove(&row.id)
        .unwrap_or_default();
    Ok(PropagationActivity {
        id: row.id,
        unit: unit_of(&units, row.unit_id),
        channel: row.channel,
        title: row.title,
        held_on: row.held_on,
        url: row.url,
        views: row.views,
        shares: row.shares,
        attendees: row.attendees,
        note: row.note,
        featured_exemplars: featured,
        attachments: attachments::list(conn, Owner::Propagation(row.id))?,
        allowed_actions: access::allowed_actions(principal, row.unit_id),
        created_by: row.created_by,
        version: row.version,
        created_at: row.created_at.and_utc(),
        updated_at: row.updated_at.and_utc(),
    })
}
