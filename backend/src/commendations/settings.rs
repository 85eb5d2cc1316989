//! Settings of the commendation pipeline kept in the database and edited by the Office: the
//! default length of a public notice in working days (the public holidays it skips are the
//! calendar's, `crate::working_days`), how many public comments one client address may send per hour, and the layout of Giấy khen printed
//! on pre-printed blanks.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::db::DbConnection;
use crate::db::schema::settings;
use crate::documents::official::CertificateLayout;
use crate::error::{AppError, AppResult, FieldError};
use crate::http::etag::{IfMatch, stale};
use crate::versioned_update;

const KEY: &str = "commendations";
const LAYOUT_KEY: &str = "certificate_layout";

/// The pipeline's settings, as sent.
#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CommendationSettingsInput {
    /// The length of a public notice in working days when the award form names none.
    #[validate(range(min = 1, max = 60))]
    #[schema(minimum = 1, maximum = 60, example = 5)]
    pub notice_working_days: u32,
    /// Public comments one client address may send per hour.
    #[validate(range(min = 1, max = 100))]
    #[schema(minimum = 1, maximum = 100, example = 5)]
    pub comments_per_hour: u32,
}

/// The pipeline's settings; a `version` of 0 means the defaults were never changed.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CommendationSettings {
    pub notice_working_days: u32,
    pub comments_per_hour: u32,
    pub version: i32,
    pub updated_at: Option<DateTime<Utc>>,
}

impl Default for CommendationSettingsInput {
    /// Five working days (the old NĐ 91/2017 window; forms that need ten say so).
    fn default() -> Self {
        Self {
            notice_working_days: 5,
            comments_per_hour: 5,
        }
    }
}

/// A JSON value stored under a settings key, with its version (0: never saved).
fn load_value<T: DeserializeOwned>(
    conn: &mut DbConnection,
    key: &str,
) -> AppResult<Option<(T, i32, NaiveDateTime)>> {
    let row: Option<(String, i32, NaiveDateTime)> = settings::table
        .find(key)
        .select((settings::value, settings::version, settings::updated_at))
        .first(conn)
        .optional()?;
    row.map(|(value, version, at)| {
        serde_json::from_str(&value)
            .map(|v| (v, version, at))
            .map_err(AppError::internal)
    })
    .transpose()
}

/// Writes a JSON value under `key` when its version is still `current` (0: never saved).
fn save_value<T: Serialize>(
    conn: &mut DbConnection,
    key: &str,
    current: i32,
    if_match: IfMatch,
    now: NaiveDateTime,
    value: &T,
) -> AppResult<()> {
    let expected = if_match.expect(current)?;
    let text = serde_json::to_string(value).map_err(AppError::internal)?;
    if current == 0 {
        diesel::insert_into(settings::table)
            .values((
                settings::key.eq(key),
                settings::value.eq(text),
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
        key,
        expected,
        now,
        (settings::value.eq(text))
    )?;
    Ok(())
}

pub fn load(conn: &mut DbConnection) -> AppResult<CommendationSettings> {
    let (input, version, at) = match load_value::<CommendationSettingsInput>(conn, KEY)? {
        Some((input, version, at)) => (input, version, Some(at.and_utc())),
        None => (CommendationSettingsInput::default(), 0, None),
    };
    Ok(CommendationSettings {
        notice_working_days: input.notice_working_days,
        comments_per_hour: input.comments_per_hour,
        version,
        updated_at: at,
    })
}

pub fn save(
    conn: &mut DbConnection,
    current: &CommendationSettings,
    if_match: IfMatch,
    now: NaiveDateTime,
    input: &CommendationSettingsInput,
) -> AppResult<()> {
    save_value(conn, KEY, current.version, if_match, now, input)
}

/// The Giấy khen layout on pre-printed blanks; a `version` of 0 means the default layout.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CertificateLayoutSetting {
    pub layout: CertificateLayout,
    pub version: i32,
    pub updated_at: Option<DateTime<Utc>>,
}

pub fn load_layout(conn: &mut DbConnection) -> AppResult<CertificateLayoutSetting> {
    Ok(match load_value::<CertificateLayout>(conn, LAYOUT_KEY)? {
        Some((layout, version, at)) => CertificateLayoutSetting {
            layout,
            version,
            updated_at: Some(at.and_utc()),
        },
        None => CertificateLayoutSetting {
            layout: CertificateLayout::default(),
            version: 0,
            updated_at: None,
        },
    })
}

/// Checks a layout the way the printer will use it: every box on the sheet, every size printable.
pub fn check_layout(layout: &CertificateLayout) -> AppResult<()> {
    if layout.fields.len() > 40 {
        return Err(AppError::field("fields", "length", "Tối đa 40 trường."));
    }
    layout.validate().map_err(|error| {
        let index = match &error {
            crate::documents::official::DocumentError::CertificateLayout { field, .. } => layout
                .fields
                .iter()
                .position(|f| f.field == *field)
                .unwrap_or(0),
            _ => 0,
        };
        AppError::validation(vec![FieldError::new(
            format!("fields[{index}]"),
            "invalid",
            "Vị trí hoặc cỡ chữ nằm ngoài khổ giấy hay không in được (tọa độ, bề rộng tính bằng mm; cỡ chữ 4–96 pt).",
        )])
    })
}

pub fn save_layout(
    conn: &mut DbConnection,
    current: &CertificateLayoutSetting,
    if_match: IfMatch,
    now: NaiveDateTime,
    layout: &CertificateLayout,
) -> AppResult<()> {
    save_value(conn, LAYOUT_KEY, current.version, if_match, now, layout)
}
