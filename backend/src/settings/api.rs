//! `/api/v1/settings`: programme settings.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, put, web};

use super::{ProgrammeSettings, ProgrammeSettingsInput};
use crate::audit::{self, AuditContext};
use crate::auth::Auth;
use crate::auth::roles::{AdminOrOffice, ReadExemplars};
use crate::error::AppResult;
use crate::http::etag::{IfMatch, json_with_etag};
use crate::http::extract::Json;
use crate::http::validation::validate_with;
use crate::state::AppState;

/// The programme settings (a version of 0 means the defaults have never been changed).
///
/// **Quyền:** mọi người dùng; tài khoản tích hợp cần `exemplars:read`.
#[utoipa::path(
    tag = "Giới thiệu hằng tháng",
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff", "integration"])),
    responses((status = 200, body = ProgrammeSettings, headers(("ETag" = String))))
)]
#[get("/settings")]
pub async fn get_settings(
    _auth: Auth<ReadExemplars>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let settings = state.db.run(super::load).await?;
    Ok(json_with_etag(StatusCode::OK, settings.version, &settings))
}

/// Changes the programme settings. Requires `If-Match`.
///
/// **Quyền:** admin, office.
#[utoipa::path(
    tag = "Giới thiệu hằng tháng",
    request_body = ProgrammeSettingsInput,
    params(("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["admin", "office"])),
    responses(
        (status = 200, body = ProgrammeSettings, headers(("ETag" = String))),
    )
)]
#[put("/settings")]
pub async fn update_settings(
    auth: Auth<AdminOrOffice>,
    state: web::Data<AppState>,
    if_match: IfMatch,
    Json(input): Json<ProgrammeSettingsInput>,
) -> AppResult<HttpResponse> {
    validate_with(&input, input.extra_errors())?;
    let ctx = AuditContext::from(&auth);
    let settings = state
        .db
        .transaction(move |conn| {
            let before = super::load(conn)?;
            super::save(conn, &before, if_match, ctx.at, &input)?;
            let after = super::load(conn)?;
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
    Ok(json_with_etag(StatusCode::OK, settings.version, &settings))
}

pub fn configure(cfg: &mut impl crate::http::routes::Routes) {
    cfg.service(get_settings).service(update_settings);
}
