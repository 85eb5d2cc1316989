//! Programme settings kept in the database (editable by the Office), e.g. the day of the month by
//! which units introduce their exemplar.

pub mod api;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::db::DbConnection;
use crate::db::schema::settings;
use crate::error::{AppError, AppResult};
use crate::http::etag::{IfMatch, stale};

const KEY: &str = "programme";

#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ProgrammeSettingsInput {
    /// Units introduce at least one exemplar each month by this day (the plan: the 10th).
    #[validate(range(min = 1, max = 28))]
    #[schema(minimum = 1, maximum = 28, example = 10)]
    pub introduction_due_day: u32,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ProgrammeSettings {
    pub introduction_due_day: u32,
    pub version: i32,
    pub updated_at: Option<DateTime<Utc>>,
}

impl Default for ProgrammeSettingsInput {
    fn default() -> Self {
        Self { introduction_due_day: 10 }
    }
}

pub fn load(conn: &mut DbConnection) -> AppResult<ProgrammeSettings> {
    let row: Option<(String, i32, chrono::NaiveDateTime)> = settings::table
        .find(KEY)
        .select((settings::value, settings::version, settings::updated_at))
        .first(conn)
        .optional()?;
    Ok(match row {
        Some((value, version, updated_at)) => {
            let input: ProgrammeSettingsInput = serde_json::from_str(&value).map_err(AppError::internal)?;
            ProgrammeSettings { introduction_due_day: input.introduction_due_day, version, updated_at: Some(updated_at.and_utc()) }
        }
        None => ProgrammeSettings { introduction_due_day: ProgrammeSettingsInput::default().introduction_due_day, version: 0, updated_at: None },
    })
}

pub fn save(conn: &mut DbConnection, current: &ProgrammeSettings, if_match: IfMatch, input: &ProgrammeSettingsInput) -> AppResult<()> {
    if_match.check(current.version)?;
    let value = serde_json::to_string(input).map_err(AppError::internal)?;
    let now = Utc::now().naive_utc();
    if current.version == 0 {
        diesel::insert_into(settings::table)
            .values((settings::key.eq(KEY), settings::value.eq(value), settings::version.eq(1), settings::updated_at.eq(now)))
            .execute(conn)?;
        return Ok(());
    }
    let changed = diesel::update(settings::table.find(KEY).filter(settings::version.eq(current.version)))
        .set((settings::value.eq(value), settings::version.eq(current.version + 1), settings::updated_at.eq(now)))
        .execute(conn)?;
    if changed == 0 { Err(stale()) } else { Ok(()) }
}
