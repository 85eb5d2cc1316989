//! How webhooks are delivered (environment, `lantoa serve --help`).

use std::time::Duration;

use clap::Args;

use super::allow_list::AllowList;

#[derive(Debug, Clone, Args)]
pub struct WebhookArgs {
    /// Hosts webhooks may be sent to (comma separated): names, `*.domain` for subdomains, IP
    /// addresses or CIDR blocks. A private or loopback address is reached only when it is listed
    /// itself. Empty: no webhook can be subscribed or sent.
    #[arg(long, env = "LANTOA_WEBHOOK_ALLOWED_HOSTS", default_value = "")]
    pub webhook_allowed_hosts: AllowList,
    /// Longest time one delivery may take (connecting, sending, reading the answer), in seconds.
    #[arg(long, env = "LANTOA_WEBHOOK_TIMEOUT", default_value_t = 10)]
    pub webhook_timeout_secs: u64,
    /// Attempts before a delivery is given up (it can still be redelivered by hand).
    #[arg(long, env = "LANTOA_WEBHOOK_MAX_ATTEMPTS", default_value_t = 8)]
    pub webhook_max_attempts: u32,
    /// Wait before the first retry, in seconds; it doubles with each further failure (at most a day).
    #[arg(long, env = "LANTOA_WEBHOOK_RETRY_BASE", default_value_t = 60)]
    pub webhook_retry_base_secs: u64,
}

impl Default for WebhookArgs {
    fn default() -> Self {
        Self {
            webhook_allowed_hosts: AllowList::default(),
            webhook_timeout_secs: 10,
            webhook_max_attempts: 8,
            webhook_retry_base_secs: 60,
        }
    }
}

/// The delivery policy in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookSettings {
    pub allow_list: AllowList,
    pub timeout: Duration,
    pub max_attempts: u32,
    pub retry_base: Duration,
}

impl Default for WebhookSettings {
    fn default() -> Self {
        WebhookArgs::default().settings()
    }
}

impl WebhookArgs {
    pub fn settings(&self) -> WebhookSettings {
        WebhookSettings {
            allow_list: self.webhook_allowed_hosts.clone(),
            timeout: Duration::from_secs(self.webhook_timeout_secs.clamp(1, 120)),
            max_attempts: self.webhook_max_attempts.clamp(1, 20),
            retry_base: Duration::from_secs(self.webhook_retry_base_secs.clamp(1, 86_400)),
        }
    }
}

impl WebhookSettings {
    /// The wait after the `attempts`-th failed attempt: the base, doubled each time, at most a day.
    pub fn backoff(&self, attempts: u32) -> chrono::Duration {
        let factor = 2u64.saturating_pow(attempts.saturating_sub(1).min(30));
        let secs = self.retry_base.as_secs().saturating_mul(factor).min(86_400);
        chrono::Duration::seconds(secs as i64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_doubles_up_to_a_day() {
        let settings = WebhookSettings::default();
        let waits: Vec<i64> = (1..=4).map(|n| settings.backoff(n).num_seconds()).collect();
        assert_eq!(waits, [60, 120, 240, 480]);
        assert_eq!(settings.backoff(20).num_seconds(), 86_400);
    }
}
