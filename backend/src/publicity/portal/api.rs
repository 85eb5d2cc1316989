//! `/api/v1/public/…`: the portal anyone may read without signing in (`security(())`), no rate
//! limit, pages bounded. An exemplar that is not public is answered exactly like one that does
//! not exist, by every route: same query, same 404.

use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpRequest, HttpResponse, get, web};
use serde::Deserialize;
use utoipa::IntoParams;

use super::commendations::{self as decided, PublicCommendation, PublicCommendationQuery};
use super::exemplars::{
    self as published, PublicExemplar, PublicExemplarQuery, PublicExemplarSummary, PublicFacets,
};
use super::{atom, embed, photo};
use crate::attachments::storage::{self, Storage};
use crate::error::{AppError, AppResult};
use crate::exemplars::types::Category;
use crate::http::extract::Query;
use crate::http::pagination::{Page, PageRequest};
use crate::publicity::department;
use crate::publicity::share::{api::card_content, cache, card};
use crate::state::AppState;

/// Public answers are revalidated on every use: a taken-down exemplar disappears at once from
/// browsers and proxies too.
const REVALIDATE: HeaderValue = HeaderValue::from_static("no-cache");

fn page_request(page: Option<i64>, page_size: Option<i64>) -> AppResult<PageRequest> {
    let request = PageRequest::new(page, Some(page_size.unwrap_or(12)))?;
    if request.page_size > published::MAX_PAGE_SIZE {
        return Err(AppError::field(
            "pageSize",
            "range",
            format!(
                "Số dòng mỗi trang phải từ 1 đến {}.",
                published::MAX_PAGE_SIZE
            ),
        ));
    }
    Ok(request)
}

/// Danh sách gương điển hình đã công bố (không cần đăng nhập).
///
/// The public gallery: published exemplars, newest first, filtered by unit, category, movement
/// and words (ignoring case and diacritics, over what the public reads only). At most 50 a page.
#[utoipa::path(
    tag = "Cổng công khai",
    params(PublicExemplarQuery),
    security(()),
    responses((status = 200, body = Page<PublicExemplarSummary>))
)]
#[get("/public/exemplars")]
pub async fn public_gallery(
    state: web::Data<AppState>,
    Query(q): Query<PublicExemplarQuery>,
) -> AppResult<HttpResponse> {
    let page = page_request(q.page, q.page_size)?;
    let links = state.settings.publicity.clone();
    let (items, total) = state
        .db
        .run(move |conn| published::gallery(conn, &links, &q, page.offset(), page.limit()))
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, REVALIDATE))
        .json(page.of(items, total)))
}

/// Bộ lọc của danh sách công khai (đơn vị, phân loại, phong trào) kèm số lượng.
///
/// The units, categories and movements that have published exemplars, with how many.
#[utoipa::path(
    tag = "Cổng công khai",
    security(()),
    responses((status = 200, body = PublicFacets))
)]
#[get("/public/exemplars/facets")]
pub async fn public_facets(state: web::Data<AppState>) -> AppResult<HttpResponse> {
    let facets = state.db.run(published::facets).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, REVALIDATE))
        .json(facets))
}

/// Trang công khai của một gương điển hình đã công bố.
///
/// Name, unit, category, field, the published text, initiatives, stage, movements, photo and
/// card addresses, publication date. 404 for an exemplar that does not exist or is not
/// published, alike.
#[utoipa::path(
    tag = "Cổng công khai",
    params(("id" = i64, Path, description = "Exemplar id")),
    security(()),
    responses((status = 200, body = PublicExemplar))
)]
#[get("/public/exemplars/{id}")]
pub async fn public_exemplar(
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let links = state.settings.publicity.clone();
    let exemplar = state
        .db
        .run(move |conn| published::detail(conn, &links, id))
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, REVALIDATE))
        .json(exemplar))
}

/// Danh sách khen thưởng đã có quyết định được công bố (không cần đăng nhập).
///
/// Decided commendations the Office published: who, which award, the decision's number and
/// date, the published text; newest first, filtered by the proposal's year, the proposing unit
/// and words (ignoring case and diacritics, over what the public reads only). At most 50 a page.
#[utoipa::path(
    tag = "Cổng công khai",
    params(PublicCommendationQuery),
    security(()),
    responses((status = 200, body = Page<PublicCommendation>))
)]
#[get("/public/commendations")]
pub async fn public_commendations(
    state: web::Data<AppState>,
    Query(q): Query<PublicCommendationQuery>,
) -> AppResult<HttpResponse> {
    let page = page_request(q.page, q.page_size)?;
    if let Some(year) = q.year
        && !(2000..=2100).contains(&year)
    {
        return Err(AppError::field(
            "year",
            "range",
            "Năm phải từ 2000 đến 2100.",
        ));
    }
    let links = state.settings.publicity.clone();
    let (items, total) = state
        .db
        .run(move |conn| decided::list(conn, &links, &q, page.offset(), page.limit()))
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, REVALIDATE))
        .json(page.of(items, total)))
}

/// Trang công khai của một khen thưởng đã công bố.
///
/// 404 for a nominee that does not exist, was not published, was taken down or is not approved
/// by a decision in force, alike.
#[utoipa::path(
    tag = "Cổng công khai",
    params(("id" = i64, Path, description = "Nominee id")),
    security(()),
    responses((status = 200, body = PublicCommendation))
)]
#[get("/public/commendations/{id}")]
pub async fn public_commendation(
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let links = state.settings.publicity.clone();
    let commendation = state
        .db
        .run(move |conn| decided::detail(conn, &links, id))
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, REVALIDATE))
        .json(commendation))
}

/// An image answer with a strong validator, 304 when the client has it already.
fn image(
    req: &HttpRequest,
    content_type: &'static str,
    etag: String,
    body: web::Bytes,
) -> HttpResponse {
    let matches = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',')
                .any(|tag| tag.trim() == etag || tag.trim() == "*")
        });
    let mut response = if matches {
        HttpResponse::NotModified().finish()
    } else {
        HttpResponse::Ok().content_type(content_type).body(body)
    };
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, REVALIDATE);
    if let Ok(value) = HeaderValue::from_str(&etag) {
        headers.insert(header::ETAG, value);
    }
    response
}

/// Ảnh của gương điển hình đã công bố (JPEG, tối đa 960 px).
///
/// A re-encoded JPEG (at most 960 px a side, without the upload's metadata) of the exemplar's
/// picture, while it is published; 404 otherwise, and for an exemplar without a picture.
/// `ETag`, `If-None-Match` → 304.
#[utoipa::path(
    tag = "Cổng công khai",
    params(("id" = i64, Path, description = "Exemplar id")),
    security(()),
    responses(
        (status = 200, description = "Ảnh JPEG", content_type = "image/jpeg", headers(("ETag" = String))),
        (status = 304, description = "Ảnh không đổi từ lần tải trước"),
    )
)]
#[get("/public/exemplars/{id}/photo")]
pub async fn public_photo(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let attachment = state
        .db
        .run(move |conn| {
            let head = published::head(conn, id)?;
            published::photo(conn, &head.row)?.ok_or_else(published::not_found)
        })
        .await?;
    // Derived from the upload's digest, so the original file's own digest is never shown.
    let etag = {
        use sha2::Digest;
        let digest = sha2::Sha256::digest(format!("public-photo:{}", attachment.sha256));
        format!("\"{}\"", hex::encode(&digest[..16]))
    };
    let jpeg = match photo::cached(&attachment.sha256) {
        Some(jpeg) => jpeg,
        None => {
            let path = Storage::new(&state.settings.data_dir).file_path(&attachment.sha256)?;
            let _decode = storage::DECODES
                .acquire()
                .await
                .map_err(AppError::internal)?;
            let made = web::block(move || -> AppResult<Option<Vec<u8>>> {
                let bytes = std::fs::read(&path)
                    .map_err(|e| AppError::internal(format!("stored file missing: {e}")))?;
                Ok(photo::rendition(&bytes))
            })
            .await
            .map_err(AppError::internal)??
            .ok_or_else(published::not_found)?;
            let jpeg = web::Bytes::from(made);
            photo::keep(&attachment.sha256, jpeg.clone());
            jpeg
        }
    };
    Ok(image(&req, "image/jpeg", etag, jpeg))
}

/// Ảnh thẻ chia sẻ 1200×630 (PNG) của gương điển hình đã công bố.
///
/// The share card: the photo (or a placeholder), the Department, the category, the name, the
/// unit and a headline, drawn on the server; while published, 404 otherwise. `ETag`,
/// `If-None-Match` → 304.
#[utoipa::path(
    tag = "Cổng công khai",
    params(("id" = i64, Path, description = "Exemplar id")),
    security(()),
    responses(
        (status = 200, description = "Ảnh PNG 1200×630", content_type = "image/png", headers(("ETag" = String))),
        (status = 304, description = "Ảnh không đổi từ lần tải trước"),
    )
)]
#[get("/public/exemplars/{id}/card.png")]
pub async fn public_card(
    req: HttpRequest,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let links = state.settings.publicity.clone();
    let (key, content, photo) = state
        .db
        .run(move |conn| {
            let head = published::head(conn, id)?;
            let photo = published::photo(conn, &head.row)?;
            let content = card_content(conn, &head, &links)?;
            let key = cache::CardKey::new(
                id,
                head.row.version + head.publication_version,
                photo.as_ref().map(|p| (p.id, p.sha256.as_str())),
                &content,
            );
            Ok((key, content, photo))
        })
        .await?;
    let etag = format!("\"{}\"", hex::encode(&key.digest[..16]));
    if let Some(png) = cache::get(&key) {
        return Ok(image(&req, "image/png", etag, png));
    }
    let photo_path = photo
        .map(|p| Storage::new(&state.settings.data_dir).file_path(&p.sha256))
        .transpose()?;
    let _decode = storage::DECODES
        .acquire()
        .await
        .map_err(AppError::internal)?;
    let png = web::block(move || -> AppResult<Vec<u8>> {
        let photo = photo_path.and_then(|path| std::fs::read(path).ok());
        card::render(&card::CardContent { photo, ..content })
    })
    .await
    .map_err(AppError::internal)??;
    let png = web::Bytes::from(png);
    cache::put(key, png.clone());
    Ok(image(&req, "image/png", etag, png))
}

/// Nguồn tin Atom 1.0 các nội dung đã công bố.
///
/// The Atom 1.0 feed of everything public (published exemplars and decided commendations; each
/// entry's category says which), newest change first, 50 entries, with stable
/// `tag:` ids and absolute links built from `LANTOA_PUBLIC_BASE_URL`.
#[utoipa::path(
    tag = "Cổng công khai",
    security(()),
    responses((status = 200, description = "Atom 1.0", content_type = "application/atom+xml"))
)]
#[get("/public/feed.atom")]
pub async fn public_feed(state: web::Data<AppState>) -> AppResult<HttpResponse> {
    let links = state.settings.publicity.clone();
    let now = state.clock.now_naive();
    let xml = state
        .db
        .run(move |conn| {
            let items = super::latest(conn, &links, atom::ENTRIES)?;
            let department = department::name(conn)?;
            atom::feed(&links, &department, &items, now)
        })
        .await?;
    Ok(HttpResponse::Ok()
        .content_type("application/atom+xml; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, REVALIDATE))
        .body(xml))
}

#[derive(Debug, Clone, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct EmbedQuery {
    /// How many (default 6).
    #[param(minimum = 1, maximum = 20, default = 6)]
    pub limit: Option<i64>,
    pub unit_id: Option<i64>,
    pub category: Option<Category>,
}

/// Danh sách gương điển hình nhúng được vào trang web khác (HTML, iframe).
///
/// A small self-contained HTML list of the newest published exemplars for an `<iframe>` on
/// the Department's website: no script, inline styles, escaped text. The page may be framed by
/// the sites in `LANTOA_EMBED_FRAME_ANCESTORS` (`*` by default); every other answer of the API
/// stays unframeable.
#[utoipa::path(
    tag = "Cổng công khai",
    params(EmbedQuery),
    security(()),
    responses((status = 200, description = "Trang HTML", content_type = "text/html"))
)]
#[get("/public/embed/exemplars")]
pub async fn embed_exemplars(
    state: web::Data<AppState>,
    Query(q): Query<EmbedQuery>,
) -> AppResult<HttpResponse> {
    let limit = q.limit.unwrap_or(embed::DEFAULT_ITEMS);
    if !(1..=embed::MAX_ITEMS).contains(&limit) {
        return Err(AppError::field(
            "limit",
            "range",
            format!("Số mục phải từ 1 đến {}.", embed::MAX_ITEMS),
        ));
    }
    let links = state.settings.publicity.clone();
    let html = state
        .db
        .run(move |conn| {
            let items = published::latest(conn, &links, limit, q.unit_id, q.category)?;
            let department = department::name(conn)?;
            Ok(embed::page(
                "Gương điển hình tiên tiến",
                &department,
                &items,
            ))
        })
        .await?;
    let policy = embed::content_security_policy(state.settings.publicity.frame_ancestors());
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, REVALIDATE))
        .insert_header((header::CONTENT_SECURITY_POLICY, policy))
        .body(html))
}

pub fn configure(cfg: &mut impl crate::http::routes::Routes) {
    cfg.service(public_gallery)
        .service(public_facets)
        .service(public_exemplar)
        .service(public_commendations)
        .service(public_commendation)
        .service(public_photo)
        .service(public_card)
        .service(public_feed)
        .service(embed_exemplars);
}
