//! `/api/v1/register-entries`: the number registers (sổ đăng ký văn bản) of decisions, tờ trình
//! and minutes: reading them, reserving a number ahead, cancelling a reserved one.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, get, post, web};
use chrono::Datelike;
use serde::Deserialize;
use utoipa::IntoParams;

use super::registers::{
    self, CancelNumber, EntryStatus, NewEntry, RegisterEntry, RegisterKind, ReserveNumber,
};
use crate::audit::{self, AuditAction, AuditContext, EntityType};
use crate::auth::Auth;
use crate::auth::roles::Review;
use crate::error::AppResult;
use crate::http::etag::{IfMatch, json_with_etag};
use crate::http::extract::{Json, Query};
use crate::http::validation::validate;
use crate::state::AppState;

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct RegisterQuery {
    pub kind: Option<RegisterKind>,
    pub year: Option<i32>,
    pub status: Option<EntryStatus>,
}

/// Sổ đăng ký số văn bản (quyết định, tờ trình, biên bản).
///
/// The numbers handed out, newest first (at most 1 000), with what each is for: issued to a
/// document, reserved, or cancelled with its reason.
///
/// **Quyền:** leader, office.
#[utoipa::path(
    tag = "Sổ đăng ký văn bản",
    params(RegisterQuery),
    security(("bearer" = ["leader", "office"])),
    responses((status = 200, body = Vec<RegisterEntry>))
)]
#[get("/register-entries")]
pub async fn list_entries(
    _auth: Auth<Review>,
    state: web::Data<AppState>,
    Query(q): Query<RegisterQuery>,
) -> AppResult<web::Json<Vec<RegisterEntry>>> {
    Ok(web::Json(
        state
            .db
            .run(move |conn| registers::list(conn, q.kind, q.year, q.status))
            .await?,
    ))
}

/// Giữ trước một số văn bản.
///
/// Takes the next number of a register (default year: this year in Vietnam) and holds it for a
/// document not yet signed; a decision or a tờ trình may then use it (`reservedNumberId`).
///
/// **Quyền:** leader, office.
#[utoipa::path(
    tag = "Sổ đăng ký văn bản",
    request_body = ReserveNumber,
    security(("bearer" = ["leader", "office"])),
    responses((status = 201, body = RegisterEntry, headers(("ETag" = String))))
)]
#[post("/register-entries")]
pub async fn reserve_number(
    auth: Auth<Review>,
    state: web::Data<AppState>,
    Json(input): Json<ReserveNumber>,
) -> AppResult<HttpResponse> {
    validate(&input)?;
    let ctx = AuditContext::from(&auth);
    let by = auth.principal.user_id();
    let entry = state
        .db
        .transaction(move |conn| {
            let year = input
                .year
                .unwrap_or_else(|| crate::time::local_date(ctx.at).year());
            let entry = registers::take(
                conn,
                NewEntry {
                    kind: input.kind,
                    year,
                    status: EntryStatus::Reserved,
                    purpose: input.purpose.trim(),
                    document_date: None,
                    by,
                },
                ctx.at,
            )?;
            audit::record(
                conn,
                &ctx,
                AuditAction::Reserve,
                EntityType::RegisterEntry,
                Some(entry.id),
                None,
                audit::snapshot(&entry),
            )?;
            Ok(entry)
        })
        .await?;
    Ok(json_with_etag(StatusCode::CREATED, entry.version, &entry))
}

/// Hủy một số đã giữ (ghi rõ lý do).
///
/// Cancels a reserved number with its reason; it is never handed out again. An issued number
/// belongs to its document (409). Requires `If-Match`.
///
/// **Quyền:** leader, office.
#[utoipa::path(
    tag = "Sổ đăng ký văn bản",
    request_body = CancelNumber,
    params(("id" = i64, Path, description = "Register entry id"), ("If-Match" = String, Header, description = "ETag của phiên bản đã đọc")),
    security(("bearer" = ["leader", "office"])),
    responses((status = 200, body = RegisterEntry, headers(("ETag" = String))), (status = 409, response = crate::openapi::Conflict))
)]
#[post("/register-entries/{id}/cancel")]
pub async fn cancel_number(
    auth: Auth<Review>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
    if_match: IfMatch,
    Json(input): Json<CancelNumber>,
) -> AppResult<HttpResponse> {
    validate(&input)?;
    let id = id.into_inner();
    let ctx = AuditContext::from(&auth);
    let by = auth.principal.user_id();
    let entry = state
        .db
        .transaction(move |conn| {
            let before = registers::find(conn, id)?;
            registers::cancel(conn, &before, if_match, input.reason.trim(), by, ctx.at)?;
            let after = registers::find(conn, id)?;
            audit::record(
                conn,
                &ctx,
                AuditAction::Cancel,
                EntityType::RegisterEntry,
                Some(id),
                audit::snapshot(&before),
                audit::snapshot(&after),
            )?;
            Ok(after)
        })
        .await?;
    Ok(json_with_etag(StatusCode::OK, entry.version, &entry))
}

pub fn configure(cfg: &mut impl crate::http::routes::Routes) {
    cfg.service(list_entries)
        .service(reserve_number)
        .service(cancel_number);
}
