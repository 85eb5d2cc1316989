//! Attachments (evidence documents, photos) of exemplars, evaluations and replications. The
//! bytes live in the data directory under their SHA-256; this table keeps who, what and where.

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::DbConnection;
use crate::db::schema::attachments;
use crate::error::{AppError, AppResult};

/// What an attachment belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    Exemplar(i64),
    Evaluation(i64),
    Replication(i64),
    /// A difficulty a unit reported (`crate::difficulties`).
    Difficulty(i64),
}

impl Owner {
    fn parts(self) -> (&'static str, i64) {
        match self {
            Owner::Exemplar(id) => ("exemplar", id),
            Owner::Evaluation(id) => ("evaluation", id),
            Owner::Replication(id) => ("replication", id),
            Owner::Difficulty(id) => ("difficulty", id),
        }
    }

    fn from_parts(kind: &str, id: i64) -> AppResult<Owner> {
        match kind {
            "exemplar" => Ok(Owner::Exemplar(id)),
            "evaluation" => Ok(Owner::Evaluation(id)),
            "replication" => Ok(Owner::Replication(id)),
            "difficulty" => Ok(Owner::Difficulty(id)),
            other => Err(AppError::internal(format!(
                "unknown attachment owner {other}"
            ))),
        }
    }
}

/// A stored file.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Attachment {
    pub id: i64,
    /// The name it was uploaded under.
    pub file_name: String,
    /// Detected from the content, not from the name.
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub caption: Option<String>,
    /// `/api/v1/attachments/{id}/content`.
    pub download_url: String,
    /// For images: `/api/v1/attachments/{id}/thumbnail`.
    pub thumbnail_url: Option<String>,
    pub uploaded_by: Option<i64>,
    pub created_at: DateTime<Utc>,
    /// The version `If-Match` names to remove it (files are not edited, so it stays 1).
    pub version: i32,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = attachments)]
pub struct AttachmentRow {
    pub id: i64,
    pub owner_type: String,
    pub owner_id: i64,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub has_thumbnail: bool,
    pub caption: Option<String>,
    pub uploaded_by: Option<i64>,
    pub created_at: NaiveDateTime,
    pub version: i32,
}

impl AttachmentRow {
    pub fn owner(&self) -> AppResult<Owner> {
        Owner::from_parts(&self.owner_type, self.owner_id)
    }
}

impl From<AttachmentRow> for Attachment {
    fn from(r: AttachmentRow) -> Self {
        Attachment {
            id: r.id,
            download_url: format!("/api/v1/attachments/{}/content", r.id),
            thumbnail_url: r.has_thumbnail.then(|| thumbnail_url(r.id)),
            file_name: r.file_name,
            content_type: r.content_type,
            size_bytes: r.size_bytes,
            sha256: r.sha256,
            caption: r.caption,
            uploaded_by: r.uploaded_by,
            created_at: r.created_at.and_utc(),
            version: r.version,
        }
    }
}

/// Where an image attachment's thumbnail is served.
pub fn thumbnail_url(id: i64) -> String {
    format!("/api/v1/attachments/{id}/thumbnail")
}

/// An exemplar's picture among its image attachments: the one it chose, while it is still
/// there, else the first one uploaded.
pub fn photo_among(chosen: Option<i64>, images: impl IntoIterator<Item = i64>) -> Option<i64> {
    let mut first = None;
    for id in images {
        if Some(id) == chosen {
            return Some(id);
        }
        first = Some(first.map_or(id, |f: i64| f.min(id)));
    }
    first
}

/// The pictures of these exemplars (id, chosen attachment), in one query.
pub fn photos_of(
    conn: &mut DbConnection,
    exemplars: &[(i64, Option<i64>)],
) -> AppResult<std::collections::HashMap<i64, i64>> {
    let mut images: std::collections::HashMap<i64, Vec<i64>> = std::collections::HashMap::new();
    let ids: Vec<i64> = exemplars.iter().map(|(id, _)| *id).collect();
    for chunk in ids.chunks(500) {
        let rows: Vec<(i64, i64)> = attachments::table
            .filter(attachments::owner_type.eq("exemplar"))
            .filter(attachments::owner_id.eq_any(chunk))
            .filter(attachments::has_thumbnail.eq(true))
            .select((attachments::owner_id, attachments::id))
            .load(conn)?;
        for (owner, id) in rows {
            images.entry(owner).or_default().push(id);
        }
    }
    Ok(exemplars
        .iter()
        .filter_map(|(id, chosen)| {
            let photo = photo_among(*chosen, images.get(id).into_iter().flatten().copied())?;
            Some((*id, photo))
        })
        .collect())
}

pub fn list(conn: &mut DbConnection, owner: Owner) -> AppResult<Vec<Attachment>> {
    let (kind, id) = owner.parts();
    let rows: Vec<AttachmentRow> = attachments::table
        .filter(attachments::owner_type.eq(kind))
        .filter(attachments::owner_id.eq(id))
        .order(attachments::id.asc())
        .select(AttachmentRow::as_select())
        .load(conn)?;
    Ok(rows.into_iter().map(Attachment::from).collect())
}

pub fn find(conn: &mut DbConnection, id: i64) -> AppResult<AttachmentRow> {
    attachments::table
        .find(id)
        .select(AttachmentRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| AppError::not_found("tệp đính kèm"))
}

pub struct NewAttachment<'a> {
    pub owner: Owner,
    pub file_name: &'a str,
    pub content_type: &'a str,
    pub size_bytes: i64,
    pub sha256: &'a str,
    pub has_thumbnail: bool,
    pub caption: Option<&'a str>,
    pub uploaded_by: Option<i64>,
    pub created_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConnection, new: &NewAttachment<'_>) -> AppResult<i64> {
    let (kind, owner_id) = new.owner.parts();
    Ok(diesel::insert_into(attachments::table)
        .values((
            attachments::owner_type.eq(kind),
            attachments::owner_id.eq(owner_id),
            attachments::file_name.eq(new.file_name),
            attachments::content_type.eq(new.content_type),
            attachments::size_bytes.eq(new.size_bytes),
            attachments::sha256.eq(new.sha256),
            attachments::has_thumbnail.eq(new.has_thumbnail),
            attachments::caption.eq(new.caption),
            attachments::uploaded_by.eq(new.uploaded_by),
            attachments::created_at.eq(new.created_at),
            attachments::version.eq(1),
        ))
        .returning(attachments::id)
        .get_result(conn)?)
}

/// Removes attachment `id` if it is still at version `expected` (412 otherwise).
pub fn delete(conn: &mut DbConnection, id: i64, expected: i32) -> AppResult<()> {
    crate::versioned_delete!(conn, attachments, id, expected)
}

/// Removes the rows of an owner being deleted. The files stay: they are shared by hash, and
/// the audit trail may still name them.
pub fn delete_for_owner(conn: &mut DbConnection, owner: Owner) -> AppResult<()> {
    let (kind, id) = owner.parts();
    diesel::delete(
        attachments::table
            .filter(attachments::owner_type.eq(kind))
            .filter(attachments::owner_id.eq(id)),
    )
    .execute(conn)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::photo_among;

    #[test]
    fn the_chosen_image_wins_while_it_is_there() {
        assert_eq!(photo_among(Some(7), [9, 7, 8]), Some(7));
    }

    #[test]
    fn otherwise_the_first_uploaded_image() {
        assert_eq!(photo_among(None, [9, 4, 8]), Some(4));
        assert_eq!(photo_among(Some(3), [9, 4, 8]), Some(4));
        assert_eq!(photo_among(Some(3), []), None);
    }
}
