use std::path::PathBuf;

use crate::auth::jwt::JwtKeys;
use crate::clock::Clock;
use crate::auth::principal_cache::PrincipalCache;
use crate::auth::throttle::LoginThrottle;
use crate::db::Db;
use crate::exemplars::list_totals::ListTotals;

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
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub refresh_token_ttl_secs: i64,
    /// Take the client address from `X-Forwarded-For` (only behind a trusted reverse proxy).
    pub trust_forwarded_for: bool,
    pub max_json_bytes: usize,
    /// Largest accepted attachment or import file.
    pub max_upload_bytes: usize,
    /// Where uploaded files are kept (under `files/` and `thumbnails/`).
    pub data_dir: PathBuf,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            refresh_token_ttl_secs: 1_209_600,
            trust_forwarded_for: false,
            max_json_bytes: 1_048_576,
            max_upload_bytes: 20 * 1024 * 1024,
            data_dir: PathBuf::from("data"),
        }
    }
}
