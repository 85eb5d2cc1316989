//! SMTP settings from the environment (`lantoa serve --help`).

use std::str::FromStr;
use std::time::Duration;

use clap::{Args, ValueEnum};
use lettre::message::Mailbox;

/// How the connection to the SMTP server is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SmtpTls {
    /// Plain text (a relay on the same host or network only).
    None,
    /// Plain connection upgraded with STARTTLS, required (port 587).
    Starttls,
    /// TLS from the first byte (port 465).
    Tls,
}

#[derive(Debug, Clone, Args, Default)]
pub struct SmtpArgs {
    /// SMTP server. Unset: no e-mail is sent (in-app notifications and webhooks still are).
    #[arg(long, env = "LANTOA_SMTP_HOST")]
    pub smtp_host: Option<String>,
    /// SMTP port (default: 587 with STARTTLS, 465 with TLS, 25 without).
    #[arg(long, env = "LANTOA_SMTP_PORT")]
    pub smtp_port: Option<u16>,
    /// Connection security: `none`, `starttls` or `tls`.
    #[arg(long, env = "LANTOA_SMTP_TLS", value_enum, default_value = "starttls")]
    pub smtp_tls: Option<SmtpTls>,
    /// User name for SMTP authentication (none: no authentication).
    #[arg(long, env = "LANTOA_SMTP_USER")]
    pub smtp_user: Option<String>,
    #[arg(long, env = "LANTOA_SMTP_PASSWORD", hide_env_values = true)]
    pub smtp_password: Option<String>,
    /// Sender address, with a display name if wanted.
    #[arg(long, env = "LANTOA_SMTP_FROM", default_value = "Lan Tỏa – Sở Tư pháp <no-reply@localhost>")]
    pub smtp_from: Option<String>,
    /// Longest wait for the SMTP server, in seconds.
    #[arg(long, env = "LANTOA_SMTP_TIMEOUT", default_value_t = 15)]
    pub smtp_timeout_secs: u64,
}

#[derive(Debug, Clone)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub tls: SmtpTls,
    pub credentials: Option<(String, String)>,
    pub from: Mailbox,
    pub timeout: Duration,
}

impl SmtpArgs {
    /// The SMTP settings, `None` when e-mail is off; an error names a bad value.
    pub fn settings(&self) -> Result<Option<SmtpSettings>, String> {
        let Some(host) = self.smtp_host.as_deref().map(str::trim).filter(|h| !h.is_empty()) else {
            return Ok(None);
        };
        let tls = self.smtp_tls.unwrap_or(SmtpTls::Starttls);
        let from_text = self
            .smtp_from
            .clone()
            .unwrap_or_else(|| "Lan Tỏa – Sở Tư pháp <no-reply@localhost>".to_owned());
        let from = Mailbox::from_str(&from_text)
            .map_err(|e| format!("LANTOA_SMTP_FROM `{from_text}` is not an address: {e}"))?;
        let credentials = match (&self.smtp_user, &self.smtp_password) {
            (Some(user), Some(password)) if !user.is_empty() => Some((user.clone(), password.clone())),
            (Some(user), None) if !user.is_empty() => {
                return Err("LANTOA_SMTP_USER is set without LANTOA_SMTP_PASSWORD".to_owned());
            }
            _ => None,
        };
        Ok(Some(SmtpSettings {
            host: host.to_owned(),
            port: self.smtp_port.unwrap_or(match tls {
                SmtpTls::None => 25,
                SmtpTls::Starttls => 587,
                SmtpTls::Tls => 465,
            }),
            tls,
            credentials,
            from,
            timeout: Duration::from_secs(self.smtp_timeout_secs.clamp(1, 300)),
        }))
    }
}
