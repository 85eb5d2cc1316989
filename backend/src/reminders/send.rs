//! One pass of reminders: the obligations not met whose reminder is due today (Vietnam time),
//! each channel claimed and queued in one transaction.

use std::collections::HashSet;

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;

use super::messages;
use super::plan;
use crate::auth::Role;
use crate::calendar::deadlines::Calendar;
use crate::calendar::settings::OfficeCopies;
use crate::db::DbConnection;
use crate::db::queue;
use crate::db::schema::reminder_claims;
use crate::error::AppResult;
use crate::mail::outbox::{self, NewEmail};
use crate::notifications::model::{self as notifications, Message, NotificationKind};
use crate::notifications::recipients::{self, Recipient};
use crate::obligations::model::{self as obligations, Obligation, Scope};
use crate::state::AppState;
use crate::webhooks::deliveries;
use crate::webhooks::events::WebhookEvent;

/// How a reminder reaches people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    InApp,
    Email,
    Webhook,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::InApp => "in_app",
            Channel::Email => "email",
            Channel::Webhook => "webhook",
        }
    }
}

/// What a pass of reminders did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Sent {
    /// Obligations with a reminder due now.
    pub due: usize,
    /// Channels this pass claimed (and queued).
    pub claimed: usize,
    /// Channels found claimed already (an earlier pass, another server).
    pub already_claimed: usize,
    pub notifications: usize,
    pub emails: usize,
    pub webhooks: usize,
}

/// The obligations not met whose reminder is due at `now`, with the offset.
pub fn due_reminders(conn: &mut DbConnection, now: DateTime<Utc>) -> AppResult<Vec<(Obligation, i32)>> {
    let calendar = Calendar::load(conn)?;
    let today = now.with_timezone(&crate::time::TIME_ZONE).date_naive();
    let settings = &calendar.settings;
    let latest = settings.reminder_offsets.iter().copied().max().unwrap_or(0);
    let earliest = settings.reminder_offsets.iter().copied().min().unwrap_or(0);
    // Only deadlines a reminder can fall due for: near today.
    let from = today - chrono::Duration::days(i64::from(latest.max(0)) + i64::from(settings.reminder_catch_up_days));
    let to = today + chrono::Duration::days(i64::from((-earliest).max(0)));
    let years: Vec<i32> = (chrono::Datelike::year(&from)..=chrono::Datelike::year(&to)).collect();
    Ok(obligations::compute(conn, &calendar, Scope::default(), Some(&years), now)?
        .into_iter()
        .filter(|o| !o.status.is_met() && o.due_on >= from && o.due_on <= to)
        .filter_map(|o| {
            plan::due_offset(o.due_on, today, &settings.reminder_offsets, settings.reminder_catch_up_days)
                .map(|offset| (o, offset))
        })
        .collect())
}

/// Who is reminded of `obligation` at `offset`.
fn audience(conn: &mut DbConnection, obligation: &Obligation, offset: i32, copies: OfficeCopies) -> AppResult<Vec<Recipient>> {
    let office = recipients::with_role(conn, Role::Office)?;
    let mut people = match &obligation.unit {
        None => return Ok(office),
        Some(unit) => recipients::unit_people(conn, unit.id)?,
    };
    let copy = match copies {
        OfficeCopies::All => true,
        OfficeCopies::Overdue => offset > 0,
        OfficeCopies::None => false,
    };
    if copy {
        let mut seen: HashSet<i64> = people.iter().map(|p| p.user_id).collect();
        people.extend(office.into_iter().filter(|p| seen.insert(p.user_id)));
    }
    Ok(people)
}

fn event(offset: i32) -> WebhookEvent {
    match offset {
        o if o < 0 => WebhookEvent::ObligationDueSoon,
        0 => WebhookEvent::ObligationDue,
        _ => WebhookEvent::ObligationOverdue,
    }
}

/// Claims and queues one channel of one reminder; `None` when it was claimed already.
fn deliver(
    conn: &mut DbConnection,
    obligation: &Obligation,
    offset: i32,
    channel: Channel,
    public_url: Option<&str>,
    now: NaiveDateTime,
) -> AppResult<Option<usize>> {
    let copies = crate::calendar::settings::load(conn)?.values.office_copies;
    let people = audience(conn, obligation, offset, copies)?;
    let texts = messages::texts(obligation, offset);
    let source = format!("reminder:{}:{offset}", obligation.key);
    let count = |n: usize| i32::try_from(n).unwrap_or(i32::MAX);
    match channel {
        Channel::InApp => {
            if !queue::claim_once(conn, &obligation.key, offset, channel.as_str(), count(people.len()), now)? {
                return Ok(None);
            }
            let sent = notifications::send(
                conn,
                &recipients::ids(&people),
                &Message {
                    kind: NotificationKind::ObligationReminder,
                    title: &texts.title,
                    body: &texts.body,
                    link: Some(&obligation.link),
                    dedupe_key: &source,
                    at: now,
                },
            )?;
            Ok(Some(sent.len()))
        }
        Channel::Email => {
            let addressed: Vec<&Recipient> = people.iter().filter(|p| p.email.is_some()).collect();
            if !queue::claim_once(conn, &obligation.key, offset, channel.as_str(), count(addressed.len()), now)? {
                return Ok(None);
            }
            for person in &addressed {
                let body = messages::email_body(&person.full_name, &texts, &obligation.link, public_url);
                outbox::enqueue(
                    conn,
                    &NewEmail {
                        user_id: Some(person.user_id),
                        to_address: person.email.as_deref().unwrap_or_default(),
                        to_name: &person.full_name,
                        subject: &texts.email_subject,
                        body: &body,
                        source: &source,
                    },
                    now,
                )?;
            }
            Ok(Some(addressed.len()))
        }
        Channel::Webhook => {
            let data = serde_json::json!({ "offsetDays": offset, "obligation": obligation });
            // The claim first: a second server blocks on it (or skips) before queuing anything.
            if !queue::claim_once(conn, &obligation.key, offset, channel.as_str(), 0, now)? {
                return Ok(None);
            }
            let queued = deliveries::enqueue(conn, event(offset), &data, now)?;
            diesel::update(
                reminder_claims::table
                    .filter(reminder_claims::obligation_key.eq(&obligation.key))
                    .filter(reminder_claims::offset_days.eq(offset))
                    .filter(reminder_claims::channel.eq(channel.as_str())),
            )
            .set(reminder_claims::recipients.eq(count(queued)))
            .execute(conn)?;
            Ok(Some(queued))
        }
    }
}

/// The channels of these reminders claimed already.
fn claimed(conn: &mut DbConnection, due: &[(Obligation, i32)]) -> AppResult<HashSet<(String, i32, String)>> {
    let keys: Vec<&str> = due.iter().map(|(o, _)| o.key.as_str()).collect();
    let mut out = HashSet::new();
    for chunk in keys.chunks(500) {
        let rows: Vec<(String, i32, String)> = reminder_claims::table
            .filter(reminder_claims::obligation_key.eq_any(chunk))
            .select((reminder_claims::obligation_key, reminder_claims::offset_days, reminder_claims::channel))
            .load(conn)?;
        out.extend(rows);
    }
    Ok(out)
}

/// Sends the reminders due at the clock's current time.
pub async fn run(state: &AppState) -> AppResult<Sent> {
    let now = state.clock.now();
    let due = state
        .db
        .run(move |conn| {
            let due = due_reminders(conn, now)?;
            let claimed = claimed(conn, &due)?;
            Ok((due, claimed))
        })
        .await?;
    let (due, claimed) = due;
    let mut channels = vec![Channel::InApp, Channel::Webhook];
    if state.settings.delivery.smtp.is_some() {
        channels.insert(1, Channel::Email);
    }
    let mut sent = Sent {
        due: due.len(),
        ..Sent::default()
    };
    for (obligation, offset) in due {
        for channel in &channels {
            let channel = *channel;
            if claimed.contains(&(obligation.key.clone(), offset, channel.as_str().to_owned())) {
                sent.already_claimed += 1;
                continue;
            }
            let obligation = obligation.clone();
            let public_url = state.settings.delivery.public_url.clone();
            let at = now.naive_utc();
            let outcome = state
                .db
                .transaction(move |conn| deliver(conn, &obligation, offset, channel, public_url.as_deref(), at))
                .await?;
            match outcome {
                None => sent.already_claimed += 1,
                Some(count) => {
                    sent.claimed += 1;
                    match channel {
                        Channel::InApp => sent.notifications += count,
                        Channel::Email => sent.emails += count,
                        Channel::Webhook => sent.webhooks += count,
                    }
                }
            }
        }
    }
    Ok(sent)
}
