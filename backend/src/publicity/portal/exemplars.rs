//! Published exemplars as the public sees them: every query here starts from the public rule
//! ([`public_exemplars!`]), so an exemplar that is not public is not found by id, by search, in
//! a facet, in the feed or through an image, and an unknown id and a non-public one take the
//! same path to the same 404. Only what the public may read is selected: no internal notes,
//! evaluations, drafts, consent details or personal data beyond the name and the picture.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{PublicItem, PublicKind, PublicSource, card_path, photo_path};
use crate::attachments::model::{self as attachments, AttachmentRow};
use crate::db::schema::{
    exemplar_movements, exemplar_publications, exemplars, initiatives, movements, units,
};
use crate::db::{DbConnection, search};
use crate::error::{AppError, AppResult};
use crate::exemplars::model::{ExemplarRow, Initiative};
use crate::exemplars::types::{Category, Stage, SubjectKind};
use crate::movements::model::MovementRef;
use crate::public_exemplars;
use crate::publicity::PublicitySettings;
use crate::publicity::share::text::clip_words;

/// The one answer for an exemplar the public may not see, known or not.
pub fn not_found() -> AppError {
    AppError::not_found("gương điển hình đã công bố")
}

/// The largest public page.
pub const MAX_PAGE_SIZE: i64 = 50;
/// A gallery item's headline.
const HEADLINE: usize = 220;

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct PublicExemplarQuery {
    /// Words that must all appear in the name, the unit, the field, the category, the public
    /// text, the initiatives or the movements, ignoring case and diacritics.
    pub q: Option<String>,
    pub unit_id: Option<i64>,
    pub category: Option<Category>,
    pub movement_id: Option<i64>,
    #[param(minimum = 1, default = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 50, default = 12)]
    pub page_size: Option<i64>,
}

/// A unit, as the public sees it.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PublicUnit {
    pub id: i64,
    pub name: String,
    pub short_name: String,
}

/// A published exemplar in the gallery.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PublicExemplarSummary {
    pub id: i64,
    pub name: String,
    pub subject_kind: SubjectKind,
    pub unit: PublicUnit,
    pub category: Category,
    pub category_label: String,
    pub field_of_work: String,
    /// The beginning of the public text, cut at a word.
    pub headline: String,
    /// `/api/v1/public/exemplars/{id}/photo`, when it has a picture.
    pub photo_url: Option<String>,
    /// Its public page (absolute).
    pub public_url: String,
    pub published_at: DateTime<Utc>,
}

/// A published exemplar's public page.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PublicExemplar {
    pub id: i64,
    pub name: String,
    pub subject_kind: SubjectKind,
    pub unit: PublicUnit,
    pub category: Category,
    pub category_label: String,
    pub field_of_work: String,
    /// The text the Office published.
    pub public_summary: String,
    pub initiatives: Vec<Initiative>,
    pub stage: Stage,
    pub stage_label: String,
    pub movements: Vec<MovementRef>,
    /// `/api/v1/public/exemplars/{id}/photo`, when it has a picture.
    pub photo_url: Option<String>,
    /// `/api/v1/public/exemplars/{id}/card.png`: the 1200×630 share card.
    pub card_url: String,
    /// Its public page (absolute).
    pub public_url: String,
    pub published_at: DateTime<Utc>,
    /// The last change of what the public reads.
    pub updated_at: DateTime<Utc>,
}

/// How many public exemplars one value of a filter has.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Facet {
    pub id: i64,
    pub name: String,
    pub short_name: Option<String>,
    pub count: i64,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CategoryFacet {
    pub category: Category,
    pub label: String,
    pub count: i64,
}

/// The gallery's filters with what they would find: units, categories and movements that have
/// published exemplars.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PublicFacets {
    pub total: i64,
    pub units: Vec<Facet>,
    pub categories: Vec<CategoryFacet>,
    pub movements: Vec<Facet>,
}

/// What one public exemplar's pages and images need, in one statement.
pub struct PublicHead {
    pub row: ExemplarRow,
    pub public_summary: String,
    pub published_at: NaiveDateTime,
    pub publication_version: i32,
    pub updated_at: NaiveDateTime,
    pub unit: PublicUnit,
}

type HeadColumns = (
    ExemplarRow,
    String,
    Option<NaiveDateTime>,
    i32,
    NaiveDateTime,
    (i64, String, String),
);

fn head_of(columns: HeadColumns) -> PublicHead {
    let (
        row,
        public_summary,
        published_at,
        publication_version,
        updated_at,
        (id, name, short_name),
    ) = columns;
    PublicHead {
        row,
        public_summary,
        published_at: published_at.unwrap_or_default(),
        publication_version,
        updated_at,
        unit: PublicUnit {
            id,
            name,
            short_name,
        },
    }
}

/// Public exemplar `id`, or the not-found answer (the same for unknown and not public).
pub fn head(conn: &mut DbConnection, id: i64) -> AppResult<PublicHead> {
    let found: Option<HeadColumns> = public_exemplars!(
        exemplars::table
            .inner_join(exemplar_publications::table)
            .inner_join(units::table)
            .filter(exemplars::id.eq(id))
    )
    .select((
        ExemplarRow::as_select(),
        exemplar_publications::public_summary,
        exemplar_publications::published_at,
        exemplar_publications::version,
        exemplar_publications::updated_at,
        (units::id, units::name, units::short_name),
    ))
    .first(conn)
    .optional()?;
    found.map(head_of).ok_or_else(not_found)
}

/// The picture of a public exemplar (its chosen image, else its first), if it has one.
pub fn photo(conn: &mut DbConnection, row: &ExemplarRow) -> AppResult<Option<AttachmentRow>> {
    let photos = attachments::photos_of(conn, &[(row.id, row.photo_attachment_id)])?;
    photos
        .get(&row.id)
        .map(|id| attachments::find(conn, *id))
        .transpose()
}

/// The gallery: public exemplars, newest publication first.
pub fn gallery(
    conn: &mut DbConnection,
    links: &PublicitySettings,
    q: &PublicExemplarQuery,
    offset: i64,
    limit: i64,
) -> AppResult<(Vec<PublicExemplarSummary>, i64)> {
    let filtered = || {
        let mut query = public_exemplars!(
            exemplars::table
                .inner_join(exemplar_publications::table)
                .inner_join(units::table)
                .into_boxed()
        );
        if let Some(unit) = q.unit_id {
            query = query.filter(exemplars::unit_id.eq(unit));
        }
        if let Some(category) = q.category {
            query = query.filter(exemplars::category.eq(category));
        }
        if let Some(movement) = q.movement_id {
            query = query.filter(
                exemplars::id.eq_any(
                    exemplar_movements::table
                        .filter(exemplar_movements::movement_id.eq(movement))
                        .select(exemplar_movements::exemplar_id),
                ),
            );
        }
        for pattern in search::like_patterns(q.q.as_deref().unwrap_or("")) {
            query = query.filter(
                exemplars::sort_name
                    .concat(" ")
                    .concat(exemplar_publications::search_text)
                    .like(pattern)
                    .escape('\\'),
            );
        }
        query
    };
    let total: i64 = filtered().count().get_result(conn)?;
    let heads: Vec<PublicHead> = filtered()
        .select((
            ExemplarRow::as_select(),
            exemplar_publications::public_summary,
            exemplar_publications::published_at,
            exemplar_publications::version,
            exemplar_publications::updated_at,
            (units::id, units::name, units::short_name),
        ))
        .order((
            exemplar_publications::published_at.desc(),
            exemplars::id.desc(),
        ))
        .offset(offset)
        .limit(limit)
        .load::<HeadColumns>(conn)?
        .into_iter()
        .map(head_of)
        .collect();
    let photos = photos_of(conn, &heads)?;
    let items = heads
        .into_iter()
        .map(|h| PublicExemplarSummary {
            id: h.row.id,
            name: h.row.name.clone(),
            subject_kind: h.row.subject_kind,
            category: h.row.category,
            category_label: h.row.category.label().to_owned(),
            field_of_work: h.row.field_of_work.clone(),
            headline: clip_words(&h.public_summary, HEADLINE),
            photo_url: photos.contains_key(&h.row.id).then(|| photo_path(h.row.id)),
            public_url: links.exemplar_page(h.row.id),
            published_at: h.published_at.and_utc(),
            unit: h.unit,
        })
        .collect();
    Ok((items, total))
}

fn photos_of(conn: &mut DbConnection, heads: &[PublicHead]) -> AppResult<HashMap<i64, i64>> {
    let chosen: Vec<(i64, Option<i64>)> = heads
        .iter()
        .map(|h| (h.row.id, h.row.photo_attachment_id))
        .collect();
    attachments::photos_of(conn, &chosen)
}

/// A public exemplar's page (the not-found answer otherwise).
pub fn detail(
    conn: &mut DbConnection,
    links: &PublicitySettings,
    id: i64,
) -> AppResult<PublicExemplar> {
    let head = head(conn, id)?;
    let initiatives: Vec<(String, Option<i32>, Option<String>, Option<String>)> =
        initiatives::table
            .filter(initiatives::exemplar_id.eq(id))
            .order(initiatives::position.asc())
            .select((
                initiatives::title,
                initiatives::year,
                initiatives::recognised_by,
                initiatives::scope,
            ))
            .load(conn)?;
    let movements: Vec<MovementRef> = exemplar_movements::table
        .inner_join(movements::table)
        .filter(exemplar_movements::exemplar_id.eq(id))
        .order(movements::id.asc())
        .select((movements::id, movements::code, movements::name))
        .load(conn)?;
    let has_photo = photo(conn, &head.row)?.is_some();
    let row = head.row;
    Ok(PublicExemplar {
        id,
        name: row.name,
        subject_kind: row.subject_kind,
        unit: head.unit,
        category: row.category,
        category_label: row.category.label().to_owned(),
        field_of_work: row.field_of_work,
        public_summary: head.public_summary,
        initiatives: initiatives
            .into_iter()
            .map(|(title, year, recognised_by, scope)| Initiative {
                title,
                year,
                recognised_by,
                scope,
            })
            .collect(),
        stage: row.stage,
        stage_label: row.stage.label().to_owned(),
        movements,
        photo_url: has_photo.then(|| photo_path(id)),
        card_url: card_path(id),
        public_url: links.exemplar_page(id),
        published_at: head.published_at.and_utc(),
        updated_at: head.updated_at.and_utc(),
    })
}

/// The gallery's filters and their counts over public exemplars.
pub fn facets(conn: &mut DbConnection) -> AppResult<PublicFacets> {
    let total: i64 = public_exemplars!(exemplars::table.inner_join(exemplar_publications::table))
        .count()
        .get_result(conn)?;
    let units: Vec<(i64, String, String, i64)> = public_exemplars!(
        exemplars::table
            .inner_join(exemplar_publications::table)
            .inner_join(units::table)
    )
    .group_by((units::id, units::name, units::short_name))
    .select((
        units::id,
        units::name,
        units::short_name,
        diesel::dsl::count_star(),
    ))
    .load(conn)?;
    let categories: Vec<(Category, i64)> =
        public_exemplars!(exemplars::table.inner_join(exemplar_publications::table))
            .group_by(exemplars::category)
            .select((exemplars::category, diesel::dsl::count_star()))
            .load(conn)?;
    let movements: Vec<(i64, String, String, i64)> = public_exemplars!(
        exemplars::table
            .inner_join(exemplar_publications::table)
            .inner_join(exemplar_movements::table.inner_join(movements::table))
    )
    .group_by((movements::id, movements::code, movements::name))
    .select((
        movements::id,
        movements::code,
        movements::name,
        diesel::dsl::count_star(),
    ))
    .load(conn)?;
    let by_name = |a: &Facet, b: &Facet| search::fold(&a.name).cmp(&search::fold(&b.name));
    let mut units: Vec<Facet> = units
        .into_iter()
        .map(|(id, name, short_name, count)| Facet {
            id,
            name,
            short_name: Some(short_name),
            count,
        })
        .collect();
    units.sort_by(by_name);
    let mut movements: Vec<Facet> = movements
        .into_iter()
        .map(|(id, code, name, count)| Facet {
            id,
            name,
            short_name: Some(code),
            count,
        })
        .collect();
    movements.sort_by(by_name);
    let categories = Category::ALL
        .iter()
        .filter_map(|category| {
            categories
                .iter()
                .find(|(c, _)| c == category)
                .map(|(_, count)| CategoryFacet {
                    category: *category,
                    label: category.label().to_owned(),
                    count: *count,
                })
        })
        .collect();
    Ok(PublicFacets {
        total,
        units,
        categories,
        movements,
    })
}

/// The public exemplars, newest change of their public text first, optionally of one unit or
/// category, as feed and embed items.
pub fn latest(
    conn: &mut DbConnection,
    links: &PublicitySettings,
    limit: i64,
    unit: Option<i64>,
    category: Option<Category>,
) -> AppResult<Vec<PublicItem>> {
    let mut query = public_exemplars!(
        exemplars::table
            .inner_join(exemplar_publications::table)
            .inner_join(units::table)
            .into_boxed()
    );
    if let Some(unit) = unit {
        query = query.filter(exemplars::unit_id.eq(unit));
    }
    if let Some(category) = category {
        query = query.filter(exemplars::category.eq(category));
    }
    let heads: Vec<PublicHead> = query
        .select((
            ExemplarRow::as_select(),
            exemplar_publications::public_summary,
            exemplar_publications::published_at,
            exemplar_publications::version,
            exemplar_publications::updated_at,
            (units::id, units::name, units::short_name),
        ))
        .order((
            exemplar_publications::updated_at.desc(),
            exemplars::id.desc(),
        ))
        .limit(limit)
        .load::<HeadColumns>(conn)?
        .into_iter()
        .map(head_of)
        .collect();
    let photos = photos_of(conn, &heads)?;
    Ok(heads
        .into_iter()
        .map(|h| {
            let id = h.row.id;
            let image_path = photos.contains_key(&id).then(|| photo_path(id));
            PublicItem {
                kind: PublicKind::Exemplar,
                id,
                title: h.row.name,
                subtitle: h.unit.name,
                label: h.row.category.label().to_owned(),
                summary: h.public_summary,
                page_url: links.exemplar_page(id),
                image_url: image_path.as_deref().map(|p| links.absolute(p)),
                image_path,
                published: h.published_at,
                updated: h.updated_at.max(h.published_at),
            }
        })
        .collect())
}

/// The published exemplars, as a source of the feed.
pub struct PublishedExemplars;

impl PublicSource for PublishedExemplars {
    fn kind(&self) -> PublicKind {
        PublicKind::Exemplar
    }

    fn latest(
        &self,
        conn: &mut DbConnection,
        links: &PublicitySettings,
        limit: i64,
    ) -> AppResult<Vec<PublicItem>> {
        latest(conn, links, limit, None, None)
    }
}
