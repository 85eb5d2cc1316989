//! `/api/v1/calendar/settings`: the deadlines and reminders of the reporting calendar.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, put, web};

use super::settings::{self, CalendarSettings, CalendarSettingsInput};
use crate::audit::{self, AuditContext};
use crate::auth::Auth;
use crate::auth::roles::{AdminOrOffice, ReadReports};
use crate::error::AppResult;
use crate::http::etag::{IfMatch, json_with_etag};
use crate::http::extract::Json;
use crate::http::validation::validate_with;
use crate::state::AppState;

/// The calendar's settings: the plan's deadlines, how "before" is read, whether deadlines move
/// off weekends and holidays, when obligations are due soon and when reminders go out. A version
/// of 0 means the plan's defaults have never been changed.
///
/// **Quyền:** mọi người dùng; tài khoản tích hợp cần `reports:read`.
#[utoipa::path(
    tag = "Lịch báo cáo",
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff", "integration"])),
    responses((status = 200, body = CalendarSettings, headers(("ETag" = String))))
)]
#[get("/calendar/settings")]
pub async fn get_calendar_settings(
    _auth: Auth<ReadReports>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let current = state.db.run(settings::load).await?;
    Ok(json_with_etag(StatusCode::OK, current.version, &current))
}

/// Changes the calendar's settings; obligations and reminders follow at once. Requires `If-Match`.
///
/// **Quyền:** admin, office.
#[utoipa::path(
    tag = "Lịch báo cáo",
    request_body = CalendarSettingsInput,
    params(("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["admin", "office"])),
    responses((status = 200, body = CalendarSettings, headers(("ETag" = String))))
)]
#[put("/calendar/settings")]
pub async fn update_calendar_settings(
    auth: Auth<AdminOrOffice>,
    state: web::Data<AppState>,
    if_match: IfMatch,
    Json(input): Json<CalendarSettingsInput>,
) -> AppResult<HttpResponse> {
    let input = input.normalized();
    validate_with(&input, input.extra_errors())?;
    let ctx = AuditContext::from(&auth);
    let current = state
        .db
        .transaction(move |conn| {
            let before = settings::load(conn)?;
            settings::save(conn, &before, if_match, ctx.at, &input)?;
            let after = settings::load(conn)?;
            audit::record(
                conn,
                &ctx,
                audit::AuditAction::Update,
                audit::EntityType::Settings,
                None,
                audit::snapshot(&before),
                audit::snapshot(&after),
            )?;
            Ok(after)
        })
        .await?;
    Ok(json_with_etag(StatusCode::OK, current.version, &current))
}

pub fn configure(cfg: &mut impl crate::http::routes::Routes) {
    cfg.service(get_calendar_settings)
        .service(update_calendar_settings);
}
