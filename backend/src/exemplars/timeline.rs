//! An exemplar's timeline: every step of its review, its stages and its records, with the actor,
//! the time and the note.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::types::{Stage, TimelineAction};
use crate::auth::Principal;
use crate::db::DbConnection;
use crate::db::schema::stage_events;
use crate::error::AppResult;

/// One step on an exemplar's timeline.
#[derive(Debug, Clone, Serialize, ToSchema, Queryable, Selectable)]
#[diesel(table_name = stage_events)]
#[serde(rename_all = "camelCase")]
pub struct TimelineEvent {
    pub id: i64,
    pub action: TimelineAction,
    pub from_stage: Option<Stage>,
    pub to_stage: Option<Stage>,
    pub note: Option<String>,
    pub actor_user_id: Option<i64>,
    pub actor_name: String,
    #[serde(serialize_with = "crate::time::serialize_utc")]
    #[schema(value_type = chrono::DateTime<chrono::Utc>)]
    pub occurred_at: NaiveDateTime,
}

/// What happened, for [`record`].
pub struct Step<'a> {
    pub action: TimelineAction,
    pub from: Option<Stage>,
    pub to: Option<Stage>,
    pub note: Option<&'a str>,
}

impl<'a> Step<'a> {
    pub fn new(action: TimelineAction) -> Self {
        Self {
            action,
            from: None,
            to: None,
            note: None,
        }
    }

    pub fn stages(mut self, from: Option<Stage>, to: Option<Stage>) -> Self {
        self.from = from;
        self.to = to;
        self
    }

    pub fn note(mut self, note: Option<&'a str>) -> Self {
        self.note = note;
        self
    }
}

pub fn record(
    conn: &mut DbConnection,
    exemplar_id: i64,
    actor: &Principal,
    now: NaiveDateTime,
    step: Step<'_>,
) -> AppResult<()> {
    diesel::insert_into(stage_events::table)
        .values((
            stage_events::exemplar_id.eq(exemplar_id),
            stage_events::action.eq(step.action),
            stage_events::from_stage.eq(step.from),
            stage_events::to_stage.eq(step.to),
            stage_events::note.eq(step.note),
            stage_events::actor_user_id.eq(actor.user_id()),
            stage_events::actor_name.eq(&actor.display_name),
            stage_events::occurred_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}
