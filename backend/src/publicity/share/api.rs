//! `GET /api/v1/exemplars/{id}/share-kit`: the texts to post on Zalo and Facebook and the
//! card's address, for a published exemplar; and the card's content, for the public endpoint
//! that draws it.

use actix_web::{get, web};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::card::{self, CardContent};
use super::text::{self, CARD_HEADLINE, ShareFacts, clip_words};
use crate::auth::Auth;
use crate::auth::roles::ReadPublicity;
use crate::db::DbConnection;
use crate::db::schema::{exemplar_movements, movements, units};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::exemplars::model as exemplars;
use crate::publicity::portal::{self, exemplars::PublicHead};
use crate::publicity::publication::{model as publication, rule};
use crate::publicity::{PublicitySettings, department};
use crate::state::AppState;

/// What to post about a published exemplar.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ShareKit {
    pub exemplar_id: i64,
    /// Its public page, the link every post carries.
    pub public_url: String,
    /// The 1200×630 PNG card (absolute), for the post's picture.
    pub card_url: String,
    pub card_width: u32,
    pub card_height: u32,
    /// The beginning of the public text, cut at a word.
    pub headline: String,
    pub hashtags: Vec<String>,
    /// A short message for Zalo (plain text).
    pub zalo: String,
    /// A longer post for Facebook (plain text).
    pub facebook: String,
}

fn movement_names(conn: &mut DbConnection, exemplar_id: i64) -> AppResult<Vec<String>> {
    Ok(exemplar_movements::table
        .inner_join(movements::table)
        .filter(exemplar_movements::exemplar_id.eq(exemplar_id))
        .order(movements::id.asc())
        .select(movements::name)
        .load(conn)?)
}

/// Tạo bộ nội dung chia sẻ (Zalo, Facebook, ảnh thẻ) của điển hình đã công bố.
///
/// Ready-to-post texts in Vietnamese (the exemplar's name, its unit, a headline from the public
/// text cut at a word, the public page's address, hashtags) and the address of its 1200×630
/// card. Only while the exemplar is public: otherwise 409.
///
/// **Quyền:** admin, leader, office; unit_head, unit_staff: điển hình của đơn vị mình.
#[utoipa::path(
    tag = "Công bố điển hình",
    params(("id" = i64, Path, description = "Exemplar id")),
    security(("bearer" = ["admin", "leader", "office", "unit_head", "unit_staff"])),
    responses(
        (status = 200, body = ShareKit),
        (status = 409, response = crate::openapi::Conflict),
    )
)]
#[get("/exemplars/{id}/share-kit")]
pub async fn share_kit(
    auth: Auth<ReadPublicity>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<web::Json<ShareKit>> {
    let id = id.into_inner();
    let principal = auth.principal;
    let links = state.settings.publicity.clone();
    let kit = state
        .db
        .run(move |conn| {
            let row = exemplars::find_row(conn, id)?;
            exemplars::ensure_readable(&principal, &row)?;
            let published = publication::find(conn, id)?;
            if !rule::is_public(published.as_ref().and_then(|p| p.published_at), &row) {
                return Err(AppError::new(ErrorCode::Conflict).with_detail(
                    "Điển hình chưa được công bố (hoặc đã gỡ công bố, dừng theo dõi): chưa có nội dung để chia sẻ.",
                ));
            }
            let summary = published.map(|p| p.public_summary).unwrap_or_default();
            let unit: String = units::table.find(row.unit_id).select(units::name).first(conn)?;
            let movements = movement_names(conn, id)?;
            let department = department::name(conn)?;
            let public_url = links.exemplar_page(id);
            let facts = ShareFacts {
                name: &row.name,
                unit: &unit,
                category: row.category.label(),
                public_summary: &summary,
                movements: &movements,
                department: &department,
                public_url: &public_url,
            };
            let hashtags = text::hashtags(&facts);
            Ok(ShareKit {
                exemplar_id: id,
                card_url: links.absolute(&portal::card_path(id)),
                card_width: card::WIDTH,
                card_height: card::HEIGHT,
                headline: clip_words(&summary, CARD_HEADLINE),
                zalo: text::zalo(&facts, &hashtags),
                facebook: text::facebook(&facts, &hashtags),
                hashtags,
                public_url,
            })
        })
        .await?;
    Ok(web::Json(kit))
}

/// What the card of a public exemplar shows, its photo not yet read.
pub fn card_content(
    conn: &mut DbConnection,
    head: &PublicHead,
    links: &PublicitySettings,
) -> AppResult<CardContent> {
    let site = url::Url::parse(links.base_url())
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_default();
    Ok(CardContent {
        department: department::name(conn)?,
        category: head.row.category.label().to_owned(),
        name: head.row.name.clone(),
        unit: head.unit.name.clone(),
        headline: clip_words(&head.public_summary, CARD_HEADLINE),
        site,
        photo: None,
    })
}
