use actix_web::{get, web};

use super::model::{self, Home};
use crate::auth::Auth;
use crate::auth::roles::People;
use crate::error::AppResult;
use crate::state::AppState;

/// The caller's home page: what waits for them today (each count with the list filters behind
/// it), their unit's introduction of this month, and for the leader, the Office and admin the
/// Department's picture of the year.
///
/// **Quyền:** mọi người dùng (đơn vị: số liệu của đơn vị mình).
#[utoipa::path(
    tag = "Trang chủ",
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
    responses((status = 200, body = Home))
)]
#[get("/home")]
pub async fn home(auth: Auth<People>, state: web::Data<AppState>) -> AppResult<web::Json<Home>> {
    let today = state.clock.today();
    let principal = auth.principal;
    let totals = state.clone();
    let home = state
        .db
        .run(move |conn| model::build(conn, &totals.exemplar_totals, &principal, today))
        .await?;
    Ok(web::Json(home))
}

pub fn configure(cfg: &mut impl crate::http::routes::Routes) {
    cfg.service(home);
}
