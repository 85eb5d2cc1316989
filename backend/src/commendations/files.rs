//! The files of a proposal: stored by the attachments module (owner `commendation_proposal`),
//! typed here (tờ trình, biên bản họp xét, báo cáo thành tích, minh chứng, khác), and served by
//! the proposal's own endpoints, authorised like the proposal.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::types::ProposalFileKind;
use crate::attachments::model::{self as attachments, AttachmentRow, Owner};
use crate::db::DbConnection;
use crate::db::schema::{attachments as attachments_t, commendation_attachments};
use crate::error::{AppError, AppResult};

/// A file attached to a proposal.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ProposalFile {
    pub id: i64,
    pub kind: ProposalFileKind,
    pub file_name: String,
    /// Detected from the content, not from the name.
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub caption: Option<String>,
    /// `/api/v1/commendation-attachments/{id}/content`.
    pub download_url: String,
    pub uploaded_by: Option<i64>,
    #[serde(serialize_with = "crate::time::serialize_utc")]
    #[schema(value_type = chrono::DateTime<chrono::Utc>)]
    pub created_at: NaiveDateTime,
    /// The version `If-Match` names to remove it.
    pub version: i32,
}

fn to_file(row: AttachmentRow, kind: ProposalFileKind) -> ProposalFile {
    ProposalFile {
        id: row.id,
        kind,
        download_url: format!("/api/v1/commendation-attachments/{}/content", row.id),
        file_name: row.file_name,
        content_type: row.content_type,
        size_bytes: row.size_bytes,
        sha256: row.sha256,
        caption: row.caption,
        uploaded_by: row.uploaded_by,
        created_at: row.created_at,
        version: row.version,
    }
}

pub fn of(conn: &mut DbConnection, proposal_id: i64) -> AppResult<Vec<ProposalFile>> {
    let rows: Vec<(AttachmentRow, ProposalFileKind)> = attachments_t::table
        .inner_join(commendation_attachments::table)
        .filter(commendation_attachments::proposal_id.eq(proposal_id))
        .order(attachments_t::id.asc())
        .select((AttachmentRow::as_select(), commendation_attachments::kind))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(row, kind)| to_file(row, kind))
        .collect())
}

/// A proposal's file with the proposal it belongs to.
pub fn find(conn: &mut DbConnection, id: i64) -> AppResult<(AttachmentRow, i64, ProposalFileKind)> {
    let row: Option<(AttachmentRow, i64, ProposalFileKind)> = attachments_t::table
        .inner_join(commendation_attachments::table)
        .filter(attachments_t::id.eq(id))
        .select((
            AttachmentRow::as_select(),
            commendation_attachments::proposal_id,
            commendation_attachments::kind,
        ))
        .first(conn)
        .optional()?;
    row.ok_or_else(|| AppError::not_found("tệp đính kèm"))
}

pub fn describe(row: AttachmentRow, kind: ProposalFileKind) -> ProposalFile {
    to_file(row, kind)
}

/// Links a stored attachment to its proposal with its kind.
pub fn link(
    conn: &mut DbConnection,
    attachment_id: i64,
    proposal_id: i64,
    kind: ProposalFileKind,
) -> AppResult<()> {
    diesel::insert_into(commendation_attachments::table)
        .values((
            commendation_attachments::attachment_id.eq(attachment_id),
            commendation_attachments::proposal_id.eq(proposal_id),
            commendation_attachments::kind.eq(kind),
        ))
        .execute(conn)?;
    Ok(())
}

/// Removes the rows of a proposal being deleted (the link rows go with the attachments).
pub fn delete_for(conn: &mut DbConnection, proposal_id: i64) -> AppResult<()> {
    attachments::delete_for_owner(conn, Owner::Proposal(proposal_id))
}
