//! `/api/v1/public-holidays`: the days off that are not weekends.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, put, web};

use super::holidays::{self, Holidays, HolidaysInput};
use crate::audit::{self, AuditContext};
use crate::auth::Auth;
use crate::auth::roles::{AdminOrOffice, ReadReports};
use crate::error::AppResult;
use crate::http::etag::{IfMatch, json_with_etag};
use crate::http::extract::Json;
use crate::http::validation::validate_with;
use crate::state::AppState;

/// The public holidays used wherever working days count (deadlines moved to the next working
/// day, notice periods). A version of 0 means the defaults have never been changed.
///
/// **Quyền:** mọi người dùng; tài khoản tích hợp cần `reports:read`.
#[utoipa::path(
    tag = "Lịch báo cáo",
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff", "integration"])),
    responses((status = 200, body = Holidays, headers(("ETag" = String))))
)]
#[get("/public-holidays")]
pub async fn get_public_holidays(
    _auth: Auth<ReadReports>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let days = state.db.run(holidays::load).await?;
    Ok(json_with_etag(StatusCode::OK, days.version, &days))
}

/// Replaces the list of public holidays. Requires `If-Match`.
///
/// **Quyền:** admin, office.
#[utoipa::path(
    tag = "Lịch báo cáo",
    request_body = HolidaysInput,
    params(("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["admin", "office"])),
    responses((status = 200, body = Holidays, headers(("ETag" = String))))
)]
#[put("/public-holidays")]
pub async fn update_public_holidays(
    auth: Auth<AdminOrOffice>,
    state: web::Data<AppState>,
    if_match: IfMatch,
    Json(input): Json<HolidaysInput>,
) -> AppResult<HttpResponse> {
    let input = input.normalized();
    validate_with(&input, input.extra_errors())?;
    let ctx = AuditContext::from(&auth);
    let days = state
        .db
        .transaction(move |conn| {
            let before = holidays::load(conn)?;
            holidays::save(conn, &before, if_match, ctx.at, &input)?;
            let after = holidays::load(conn)?;
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
    Ok(json_with_etag(StatusCode::OK, days.version, &days))
}

pub fn configure(cfg: &mut impl crate::http::routes::Routes) {
    cfg.service(get_public_holidays)
        .service(update_public_holidays);
}
