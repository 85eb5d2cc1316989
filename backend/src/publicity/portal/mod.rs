//! The public portal: what anyone may read without signing in. Every item comes from a
//! [`PublicSource`], which alone decides what of its kind is public; the Atom feed and the
//! embeddable lists merge the sources' items.
//!
//! Adding a kind of public item (public notices next): a variant of
//! [`PublicKind`], a `PublicSource` in a file of this folder reading only the rows that are
//! public, one line in [`SOURCES`]; its own routes (detail, embed) go in [`api`] beside the
//! exemplars', `security(())` and the same 404 for unknown and not-public ids.

pub mod api;
pub mod atom;
pub mod commendations;
pub mod embed;
pub mod exemplars;
pub mod photo;

use chrono::NaiveDateTime;

use crate::db::DbConnection;
use crate::error::AppResult;
use crate::publicity::PublicitySettings;
use crate::text_enum;

text_enum!(
    /// A kind of item the public portal serves.
    pub enum PublicKind {
        /// A published exemplar (gương điển hình tiên tiến).
        Exemplar = "exemplar" / "Gương điển hình tiên tiến",
        /// A published decided commendation (khen thưởng đã có quyết định).
        Commendation = "commendation" / "Khen thưởng",
    }
);

/// One public item, whatever its kind, as the feed and the embeddable lists show it.
#[derive(Debug, Clone)]
pub struct PublicItem {
    pub kind: PublicKind,
    pub id: i64,
    pub title: String,
    /// Who or where it is from (the unit).
    pub subtitle: String,
    /// Its category, in words.
    pub label: String,
    /// The public text, in full.
    pub summary: String,
    /// Its public page (absolute).
    pub page_url: String,
    /// Its picture (absolute), if any.
    pub image_url: Option<String>,
    /// Relative to this server, for pages it serves itself (the embeddable list).
    pub image_path: Option<String>,
    pub published: NaiveDateTime,
    pub updated: NaiveDateTime,
}

/// Where public items of one kind come from. A source reads only public rows: nothing else may
/// ever reach the feed or an embed.
pub trait PublicSource: Sync {
    fn kind(&self) -> PublicKind;

    /// Its newest public items (by `updated`), at most `limit`.
    fn latest(
        &self,
        conn: &mut DbConnection,
        links: &PublicitySettings,
        limit: i64,
    ) -> AppResult<Vec<PublicItem>>;
}

/// Every kind the portal serves.
pub const SOURCES: &[&dyn PublicSource] = &[
    &exemplars::PublishedExemplars,
    &commendations::PublishedCommendations,
];

/// The newest public items of every source, newest first.
pub fn latest(
    conn: &mut DbConnection,
    links: &PublicitySettings,
    limit: i64,
) -> AppResult<Vec<PublicItem>> {
    let mut items = Vec::new();
    for source in SOURCES {
        items.extend(source.latest(conn, links, limit)?);
    }
    items.sort_by(|a, b| b.updated.cmp(&a.updated).then(b.id.cmp(&a.id)));
    items.truncate(usize::try_from(limit).unwrap_or(0));
    Ok(items)
}

/// Where a published exemplar's photo is served.
pub fn photo_path(id: i64) -> String {
    format!("/api/v1/public/exemplars/{id}/photo")
}

/// Where a published exemplar's share card is served.
pub fn card_path(id: i64) -> String {
    format!("/api/v1/public/exemplars/{id}/card.png")
}
