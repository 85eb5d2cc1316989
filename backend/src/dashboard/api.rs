use actix_web::{get, web};
use chrono::Datelike;
use serde::Deserialize;
use utoipa::IntoParams;

use super::model::{self, Dashboard};
use crate::auth::Auth;
use crate::auth::policy;
use crate::auth::roles::People;
use crate::error::{AppError, AppResult};
use crate::http::extract::Query;
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct DashboardQuery {
    /// Default: this year (Vietnam time).
    #[param(minimum = 2000, maximum = 2100)]
    pub year: Option<i32>,
    /// One unit; omitted: the whole Department (unit roles: their unit, always).
    pub unit_id: Option<i64>,
}

/// The dashboard: the figures of a year and of the whole plan period (computed exactly as the
/// reports compute them), exemplars discovered month by month by stage, category and movement,
/// the unit × month grid of monthly introductions, and the overdue and due-soon obligations.
///
/// **Quyền:** admin, leader, office: toàn Sở hoặc một đơn vị; unit_head, unit_staff: đơn vị mình.
#[utoipa::path(
    tag = "Trang chủ",
    params(DashboardQuery),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
    responses((status = 200, body = Dashboard))
)]
#[get("/dashboard")]
pub async fn dashboard(
    auth: Auth<People>,
    state: web::Data<AppState>,
    Query(q): Query<DashboardQuery>,
) -> AppResult<web::Json<Dashboard>> {
    let now = state.clock.now();
    let year = q.year.unwrap_or_else(|| state.clock.today().year());
    if !(2000..=2100).contains(&year) {
        return Err(AppError::field(
            "year",
            "range",
            "Năm phải từ 2000 đến 2100.",
        ));
    }
    let unit_id = match policy::unit_restriction(&auth.principal) {
        Some(own) => {
            if q.unit_id.is_some_and(|u| u != own) {
                return Err(AppError::outside_unit());
            }
            Some(own)
        }
        None => q.unit_id,
    };
    let caches = state.clone();
    let result = state
        .db
        .run(move |conn| model::build(conn, &caches, year, unit_id, now))
        .await?;
    Ok(web::Json(result))
}

pub fn configure(cfg: &mut impl crate::http::routes::Routes) {
    cfg.service(dashboard);
}
