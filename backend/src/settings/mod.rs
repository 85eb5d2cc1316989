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
use crate::versioned_update;

const KEY: &str = "programme";

#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ProgrammeSettingsInput {
    /// Units introduce at least one exemplar each month by this day (the plan: the 10th).
    #[validate(range(min = 1, max = 28))]
    #[schema(minimum = 1, maximum = 28, example = 10)]
    pub introduction_due_day: u32,
    /// The first month (`YYYY-MM`) units owe an introduction; earlier months are not counted.
    #[serde(default = "default_start")]
    #[schema(example = "2026-04", pattern = r"^\d{4}-\d{2}$")]
    pub introductions_start: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ProgrammeSettings {
    pub introduction_due_day: u32,
    pub introductions_start: String,
    pub version: i32,
    pub updated_at: Option<DateTime<Utc>>,
}

/// The plan was issued in March 2026; April is the first month with a full run to the 10th.
fn default_start() -> String {
    "2026-04".to_owned()
}

impl Default for ProgrammeSettingsInput {
    fn default() -> Self {
        Self {
            introduction_due_day: 10,
            introductions_start: default_start(),
        }
    }
}

impl ProgrammeSettingsInput {
    pub fn extra_errors(&self) -> Vec<crate::error::FieldError> {
        match crate::time::Month::parse(&self.introductions_start) {
            Some(_) => Vec::new(),
            None => vec![crate::error::FieldError::new(
                "introductionsStart",
                "invalid_format",
                "Tháng phải có dạng YYYY-MM.",
            )],
        }
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
            let input: ProgrammeSettingsInput =
                serde_json::from_str(&value).map_err(AppError::internal)?;
            ProgrammeSettings {
                introduction_due_day: input.introduction_due_day,
                introductions_start: input.introductions_start,
                version,
                updated_at: Some(updated_at.and_utc()),
            }
        }
        None => {
            let defaults = ProgrammeSettingsInput::default();
            ProgrammeSettings {
                introduction_due_day: defaults.introduction_due_day,
                introductions_start: defaults.introductions_start,
                version: 0,
                updated_at: None,
            }
        }
    })
}

pub fn save(
    conn: &mut DbConnection,
    current: &ProgrammeSettings,
    if_match: IfMatch,
    now: chrono::NaiveDateTime,
    input: &ProgrammeSettingsInput,
) -> AppResult<()> {
    // Version 0: never saved (the defaults); a concurrent first save loses on the primary key.
    let expected = if_match.expect(current.version)?;
    let value = serde_json::to_string(input).map_err(AppError::internal)?;
    if current.version == 0 {
        diesel::insert_into(settings::table)
            .values((
                settings::key.eq(KEY),
                settings::value.eq(value),
                settings::version.eq(1),
                settings::updated_at.eq(now),
            ))
            .execute(conn)
            .map_err(|error| match error {
                diesel::result::Error::DatabaseError(
                    diesel::result::DatabaseErrorKind::UniqueViolation,
                    _,
                ) => stale(),
                other => other.into(),
            })?;
        return Ok(());
    }
    versioned_update!(
        conn,
        settings,
        KEY,
        expected,
        now,
        (settings::value.eq(value))
    )?;
    Ok(())
}
