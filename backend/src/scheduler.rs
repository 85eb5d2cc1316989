//! The scheduler inside `lantoa serve`: every `LANTOA_SCHEDULER_INTERVAL` seconds one pass sends
//! the reminders that are due (claimed in the database, so each goes out once however many
//! servers share it and however often they restart), then the queued e-mails and webhook
//! deliveries that are due (each leased by one worker). [`run_pass`] is the same pass, callable at
//! any clock time (tests move the clock and call it directly).

use std::time::Duration;

use actix_web::web;
use clap::Args;
use serde::Serialize;

use crate::error::AppResult;
use crate::mail::config::{SmtpArgs, SmtpSettings};
use crate::state::AppState;
use crate::webhooks::config::{WebhookArgs, WebhookSettings};

#[derive(Debug, Clone, Args, Default)]
pub struct SchedulerArgs {
    /// Seconds between two scheduler passes (reminders, e-mails, webhooks); 0 turns the
    /// scheduler off on this server (another server on the same database may run it).
    #[arg(long, env = "LANTOA_SCHEDULER_INTERVAL", default_value_t = 60)]
    pub scheduler_interval_secs: u64,
    /// The address people open Lan Tỏa at (`https://lantoa.stp.dongthap.gov.vn`), for links in
    /// e-mails. Unset: e-mails name the page without a link.
    #[arg(long, env = "LANTOA_PUBLIC_URL")]
    pub public_url: Option<String>,
    #[command(flatten)]
    pub smtp: SmtpArgs,
    #[command(flatten)]
    pub webhooks: WebhookArgs,
}

/// How reminders and events leave the server.
#[derive(Debug, Clone, Default)]
pub struct DeliveryConfig {
    /// `None`: e-mail is off.
    pub smtp: Option<SmtpSettings>,
    pub webhooks: WebhookSettings,
    pub public_url: Option<String>,
}

impl SchedulerArgs {
    pub fn delivery(&self) -> Result<DeliveryConfig, String> {
        Ok(DeliveryConfig {
            smtp: self.smtp.settings()?,
            webhooks: self.webhooks.settings(),
            public_url: self
                .public_url
                .as_deref()
                .map(|u| u.trim().trim_end_matches('/').to_owned())
                .filter(|u| !u.is_empty()),
        })
    }

    pub fn interval(&self) -> Option<Duration> {
        (self.scheduler_interval_secs > 0).then(|| Duration::from_secs(self.scheduler_interval_secs))
    }
}

/// What one pass did.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PassReport {
    pub reminders: crate::reminders::send::Sent,
    pub emails: Sending,
    pub webhooks: Sending,
}

/// Messages of one channel taken up by a pass.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Sending {
    pub sent: usize,
    pub failed: usize,
}

/// At most this many e-mails and this many webhook deliveries per pass.
const BATCH: i64 = 50;

/// One pass at the clock's current time.
pub async fn run_pass(state: &AppState) -> AppResult<PassReport> {
    let reminders = crate::reminders::send::run(state).await?;
    let emails = send_emails(state).await?;
    let webhooks = send_webhooks(state).await?;
    Ok(PassReport {
        reminders,
        emails,
        webhooks,
    })
}

async fn send_emails(state: &AppState) -> AppResult<Sending> {
    let mut done = Sending::default();
    let Some(smtp) = &state.settings.delivery.smtp else {
        return Ok(done);
    };
    let mailer = match crate::mail::smtp::Mailer::new(smtp) {
        Ok(mailer) => mailer,
        Err(error) => {
            tracing::error!(%error, "the SMTP settings are unusable; e-mails stay queued");
            return Ok(done);
        }
    };
    let now = state.clock.now_naive();
    let leased = state
        .db
        .transaction(move |conn| crate::mail::outbox::lease_due(conn, now, BATCH))
        .await?;
    for email in leased {
        let outcome = mailer.send(&email, state.clock.now()).await;
        if let Err(error) = &outcome {
            tracing::warn!(email = email.id, attempt = email.attempts, %error, "an e-mail was not sent");
            done.failed += 1;
        } else {
            done.sent += 1;
        }
        let at = state.clock.now_naive();
        state
            .db
            .transaction(move |conn| crate::mail::outbox::record(conn, &email, outcome, at))
            .await?;
    }
    Ok(done)
}

async fn send_webhooks(state: &AppState) -> AppResult<Sending> {
    use crate::webhooks::deliveries::{self, Outcome};
    let mut done = Sending::default();
    let now = state.clock.now_naive();
    let leased = state
        .db
        .transaction(move |conn| deliveries::lease_due(conn, now, BATCH))
        .await?;
    let settings = state.settings.delivery.webhooks.clone();
    for delivery in leased {
        let outcome = crate::webhooks::sender::post(&delivery, &settings, state.clock.now()).await;
        if matches!(outcome, Outcome::Delivered { .. }) {
            done.sent += 1;
        } else {
            tracing::warn!(delivery = delivery.id, attempt = delivery.attempts, ?outcome, "a webhook was not delivered");
            done.failed += 1;
        }
        let at = state.clock.now_naive();
        let settings = settings.clone();
        state
            .db
            .transaction(move |conn| deliveries::record(conn, &delivery, &outcome, &settings, at))
            .await?;
    }
    Ok(done)
}

/// Runs a pass every `interval` until the process stops. A failed pass is logged and the next
/// one tries again.
pub fn spawn(state: web::Data<AppState>, interval: Duration) {
    actix_web::rt::spawn(async move {
        let mut ticks = tokio::time::interval(interval);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            match run_pass(&state).await {
                Ok(report) => {
                    if report.reminders.claimed > 0 || report.emails != Sending::default() || report.webhooks != Sending::default() {
                        tracing::info!(?report, "scheduler pass");
                    }
                }
                Err(error) => tracing::error!(%error, "scheduler pass failed"),
            }
        }
    });
}
