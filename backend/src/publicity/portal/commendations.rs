//! Decided commendations as the public sees them: every query here starts from the public rule
//! ([`public_commendations!`]), so a commendation that is not public (never published, taken
//! down, or no longer approved by a decision in force) is not found by id, by search or in the
//! feed, and an unknown id and a non-public one take the same path to the same 404. Only what a
//! published decision says is selected: the name, the job title and workplace, the form, the
//! decision's number and date, the text the Office published. No consent details, review notes,
//! votes, rewards or contact data.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::exemplars::PublicUnit;
use super::{PublicItem, PublicKind, PublicSource};
use crate::commendations::registers::RegisterEntry;
use crate::commendations::types::{Authority, CommendationType};
use crate::db::schema::{
    award_forms, commendation_nominees, commendation_proposals, commendation_publications,
    exemplar_publications, exemplars, register_entries, units,
};
use crate::db::{DbConnection, search};
use crate::error::{AppError, AppResult};
use crate::exemplars::types::SubjectKind;
use crate::publicity::PublicitySettings;
use crate::{public_commendations, public_exemplars};

/// The one answer for a commendation the public may not see, known or not.
pub fn not_found() -> AppError {
    AppError::not_found("khen thưởng đã công bố")
}

#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct PublicCommendationQuery {
    /// Words that must all appear in the name, job title, workplace, unit, form or public text,
    /// ignoring case and diacritics.
    pub q: Option<String>,
    /// The year of the proposal (the review year).
    #[param(minimum = 2000, maximum = 2100)]
    pub year: Option<i32>,
    /// The proposing unit.
    pub unit_id: Option<i64>,
    #[param(minimum = 1, default = 1)]
    pub page: Option<i64>,
    #[param(minimum = 1, maximum = 50, default = 12)]
    pub page_size: Option<i64>,
}

/// A published decided commendation: one person or collective and the award a decision gave.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PublicCommendation {
    /// The nominee's id.
    pub id: i64,
    pub name: String,
    pub subject_kind: SubjectKind,
    pub job_title: Option<String>,
    pub workplace: String,
    /// The unit that proposed it.
    pub unit: PublicUnit,
    /// The award ("Giấy khen của Giám đốc Sở Tư pháp").
    pub award_form: String,
    pub authority: Authority,
    pub authority_label: String,
    pub commendation_type: CommendationType,
    pub commendation_type_label: String,
    pub year: i32,
    /// The decision's number ("05/QĐ-STP", or the higher authority's).
    pub decision_number: Option<String>,
    pub decision_date: Option<NaiveDate>,
    /// The text the Office published.
    pub public_summary: String,
    /// The public page of the exemplar it was proposed from, while that exemplar is public.
    pub exemplar_url: Option<String>,
    /// Its public page (absolute).
    pub public_url: String,
    pub published_at: DateTime<Utc>,
    /// The last change of what the public reads.
    pub updated_at: DateTime<Utc>,
}

type Columns = (
    (
        i64,
        String,
        SubjectKind,
        Option<String>,
        String,
        Option<i64>,
    ),
    (String, Option<NaiveDateTime>, NaiveDateTime),
    (
        CommendationType,
        i32,
        Option<i64>,
        Option<NaiveDate>,
        Option<String>,
        Option<NaiveDate>,
    ),
    (String, Authority),
    (i64, String, String),
);

macro_rules! columns {
    () => {
        (
            (
                commendation_nominees::id,
                commendation_nominees::full_name,
                commendation_nominees::subject_kind,
                commendation_nominees::job_title,
                commendation_nominees::workplace,
                commendation_nominees::exemplar_id,
            ),
            (
                commendation_publications::public_summary,
                commendation_publications::published_at,
                commendation_publications::updated_at,
            ),
            (
                commendation_proposals::commendation_type,
                commendation_proposals::year,
                commendation_proposals::decision_entry_id,
                commendation_proposals::decided_on,
                commendation_proposals::higher_decision_number,
                commendation_proposals::higher_decision_date,
            ),
            (award_forms::name, award_forms::authority),
            (units::id, units::name, units::short_name),
        )
    };
}

macro_rules! public_rows {
    () => {
        public_commendations!(
            commendation_publications::table
                .inner_join(
                    commendation_nominees::table.inner_join(
                        commendation_proposals::table
                            .inner_join(award_forms::table)
                            .inner_join(units::table),
                    ),
                )
                .into_boxed()
        )
    };
}

/// Turns rows into public commendations with two more statements whatever their number: the
/// Department's decision numbers and which of their exemplars are public.
fn assemble(
    conn: &mut DbConnection,
    links: &PublicitySettings,
    rows: Vec<Columns>,
) -> AppResult<Vec<PublicCommendation>> {
    let entry_ids: Vec<i64> = rows.iter().filter_map(|r| r.2.2).collect();
    let entries: HashMap<i64, String> = if entry_ids.is_empty() {
        HashMap::new()
    } else {
        register_entries::table
            .filter(register_entries::id.eq_any(&entry_ids))
            .select(RegisterEntry::as_select())
            .load(conn)?
            .into_iter()
            .map(|e| (e.id, e.text()))
            .collect()
    };
    let exemplar_ids: Vec<i64> = rows.iter().filter_map(|r| r.0.5).collect();
    let public_exemplars: HashSet<i64> = if exemplar_ids.is_empty() {
        HashSet::new()
    } else {
        public_exemplars!(
            exemplars::table
                .inner_join(exemplar_publications::table)
                .filter(exemplars::id.eq_any(&exemplar_ids))
        )
        .select(exemplars::id)
        .load::<i64>(conn)?
        .into_iter()
        .collect()
    };
    Ok(rows
        .into_iter()
        .map(|(nominee, publication, proposal, form, unit)| {
            let (id, name, subject_kind, job_title, workplace, exemplar_id) = nominee;
            let (public_summary, published_at, updated_at) = publication;
            let (kind, year, entry, decided_on, higher_number, higher_date) = proposal;
            let (award_form, authority) = form;
            let published_at = published_at.unwrap_or(updated_at);
            let department = entry.and_then(|e| entries.get(&e).cloned());
            PublicCommendation {
                id,
                name,
                subject_kind,
                job_title,
                workplace,
                unit: PublicUnit {
                    id: unit.0,
                    name: unit.1,
                    short_name: unit.2,
                },
                award_form,
                authority,
                authority_label: authority.label().to_owned(),
                commendation_type: kind,
                commendation_type_label: kind.label().to_owned(),
                year,
                decision_number: department.clone().or(higher_number),
                decision_date: if department.is_some() {
                    decided_on
                } else {
                    higher_date
                },
                public_summary,
                exemplar_url: exemplar_id
                    .filter(|e| public_exemplars.contains(e))
                    .map(|e| links.exemplar_page(e)),
                public_url: links.commendation_page(id),
                published_at: published_at.and_utc(),
                updated_at: updated_at.max(published_at).and_utc(),
            }
        })
        .collect())
}

/// The list of decided commendations, newest publication first.
pub fn list(
    conn: &mut DbConnection,
    links: &PublicitySettings,
    q: &PublicCommendationQuery,
    offset: i64,
    limit: i64,
) -> AppResult<(Vec<PublicCommendation>, i64)> {
    let patterns = search::like_patterns(q.q.as_deref().unwrap_or(""));
    macro_rules! filtered {
        () => {{
            let mut query = public_rows!();
            if let Some(year) = q.year {
                query = query.filter(commendation_proposals::year.eq(year));
            }
            if let Some(unit) = q.unit_id {
                query = query.filter(commendation_proposals::unit_id.eq(unit));
            }
            for pattern in &patterns {
                query = query.filter(
                    commendation_publications::search_text
                        .like(pattern.clone())
                        .escape('\\'),
                );
            }
            query
        }};
    }
    let total: i64 = filtered!().count().get_result(conn)?;
    let rows: Vec<Columns> = filtered!()
        .select(columns!())
        .order((
            commendation_publications::published_at.desc(),
            commendation_nominees::id.desc(),
        ))
        .offset(offset)
        .limit(limit)
        .load(conn)?;
    Ok((assemble(conn, links, rows)?, total))
}

/// A public commendation's page (the not-found answer otherwise).
pub fn detail(
    conn: &mut DbConnection,
    links: &PublicitySettings,
    id: i64,
) -> AppResult<PublicCommendation> {
    let rows: Vec<Columns> = public_rows!()
        .filter(commendation_nominees::id.eq(id))
        .select(columns!())
        .load(conn)?;
    assemble(conn, links, rows)?
        .into_iter()
        .next()
        .ok_or_else(not_found)
}

/// The newest public commendations (by the last change of what the public reads), as feed items.
pub fn latest(
    conn: &mut DbConnection,
    links: &PublicitySettings,
    limit: i64,
) -> AppResult<Vec<PublicItem>> {
    let rows: Vec<Columns> = public_rows!()
        .select(columns!())
        .order((
            commendation_publications::updated_at.desc(),
            commendation_nominees::id.desc(),
        ))
        .limit(limit)
        .load(conn)?;
    Ok(assemble(conn, links, rows)?
        .into_iter()
        .map(|c| {
            let decision = match (&c.decision_number, c.decision_date) {
                (Some(number), Some(date)) => {
                    format!(" (Quyết định số {number} ngày {})", date.format("%d/%m/%Y"))
                }
                (Some(number), None) => format!(" (Quyết định số {number})"),
                _ => String::new(),
            };
            PublicItem {
                kind: PublicKind::Commendation,
                id: c.id,
                title: format!("{} – {}", c.name, c.award_form),
                subtitle: c.unit.name,
                label: format!("{}{decision}", c.award_form),
                summary: c.public_summary,
                page_url: c.public_url,
                image_url: None,
                image_path: None,
                published: c.published_at.naive_utc(),
                updated: c.updated_at.naive_utc(),
            }
        })
        .collect())
}

/// The decided commendations, as a source of the feed.
pub struct PublishedCommendations;

impl PublicSource for PublishedCommendations {
    fn kind(&self) -> PublicKind {
        PublicKind::Commendation
    }

    fn latest(
        &self,
        conn: &mut DbConnection,
        links: &PublicitySettings,
        limit: i64,
    ) -> AppResult<Vec<PublicItem>> {
        latest(conn, links, limit)
    }
}
