//! A proposal's timeline: every step with its actor, time and note.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::types::ProposalState;
use crate::auth::Principal;
use crate::db::DbConnection;
use crate::db::schema::commendation_events;
use crate::error::AppResult;

/// One step on a proposal's timeline.
#[derive(Debug, Clone, Serialize, ToSchema, Queryable, Selectable)]
#[diesel(table_name = commendation_events)]
#[serde(rename_all = "camelCase")]
pub struct ProposalEvent {
    pub id: i64,
    /// The step (`create` for the first draft).
    pub action: String,
    pub from_state: Option<ProposalState>,
    pub to_state: Option<ProposalState>,
    pub note: Option<String>,
    pub actor_user_id: Option<i64>,
    pub actor_name: String,
    #[serde(serialize_with = "crate::time::serialize_utc")]
    #[schema(value_type = chrono::DateTime<chrono::Utc>)]
    pub occurred_at: NaiveDateTime,
}

/// Writes one step: `action` is a workflow action or `create`, `upload`, `remove_file`.
pub fn record(
    conn: &mut DbConnection,
    proposal_id: i64,
    actor: &Principal,
    now: NaiveDateTime,
    action: &str,
    states: (Option<ProposalState>, Option<ProposalState>),
    note: Option<&str>,
) -> AppResult<()> {
    diesel::insert_into(commendation_events::table)
        .values((
            commendation_events::proposal_id.eq(proposal_id),
            commendation_events::action.eq(action),
            commendation_events::from_state.eq(states.0),
            commendation_events::to_state.eq(states.1),
            commendation_events::note.eq(note),
            commendation_events::actor_user_id.eq(actor.user_id()),
            commendation_events::actor_name.eq(&actor.display_name),
            commendation_events::occurred_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn of(conn: &mut DbConnection, proposal_id: i64) -> AppResult<Vec<ProposalEvent>> {
    Ok(commendation_events::table
        .filter(commendation_events::proposal_id.eq(proposal_id))
        .order(commendation_events::id.asc())
        .select(ProposalEvent::as_select())
        .load(conn)?)
}
