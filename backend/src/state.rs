use std::path::PathBuf;

use crate::auth::client_addr::TrustedProxies;
use crate::auth::jwt::JwtKeys;
use crate::auth::principal_cache::PrincipalCache;
use crate::auth::sessions::Lifetimes;
use crate::auth::throttle::LoginThrottle;
use crate::clock::Clock;
use crate::config::AuthArgs;
use crate::dashboard::timeline::TimelineCache;
use crate::db::Db;
use crate::exemplars::list_totals::ListTotals;
use crate::reports::figures::FiguresCache;

/// Everything handlers share.
pub struct AppState {
    pub db: Db,
    /// The only source of the current time (tests and the demo seeder set it).
    pub clock: Clock,
    pub jwt: JwtKeys,
    pub throttle: LoginThrottle,
    pub settings: Settings,
    /// Principals behind recent tokens (cleared on every account or session change).
    pub principals: PrincipalCache,
    /// Totals of filtered exemplar lists, valid while the data behind them is unchanged.
    pub exemplar_totals: ListTotals,
    /// Report figures and the dashboard's timeline, valid while the data they count is unchanged.
    pub figures: FiguresCache,
    pub timelines: TimelineCache,
}

#[derive(Debug, Clone)]
pub struct Settings {
    /// Lifetimes of sessions and refresh tokens.
    pub session_lifetimes: Lifetimes,
    /// Proxies whose `X-Forwarded-For` is believed.
    pub trusted_proxies: TrustedProxies,
    pub max_json_bytes: usize,
    /// Largest accepted attachment or import file.
    pub max_upload_bytes: usize,
    /// Where uploaded files are kept (under `files/` and `thumbnails/`).
    pub data_dir: PathBuf,
    /// The most an exemplar export may hold.
    pub export_limits: crate::exemplars::query::ExportLimits,
    /// How reminders and events leave the server (SMTP, webhook allow-list).
    pub delivery: crate::scheduler::DeliveryConfig,
    /// The public site's address and who may frame the embeddable list.
    pub publicity: crate::publicity::PublicitySettings,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            session_lifetimes: AuthArgs::default().session_lifetimes(),
            trusted_proxies: TrustedProxies::default(),
            max_json_bytes: 1_048_576,
            max_upload_bytes: 20 * 1024 * 1024,
            data_dir: PathBuf::from("data"),
            export_limits: crate::exemplars::query::ExportLimits {
                rows: 50_000,
                text_bytes: 64 * 1024 * 1024,
            },
            delivery: crate::scheduler::DeliveryConfig::default(),
            publicity: crate::publicity::PublicitySettings::default(),
        }
    }
}
