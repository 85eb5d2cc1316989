//! Command line and environment configuration. Every setting has a documented default and an
//! environment variable; `lantoa <command> --help` lists them.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::auth::client_addr::TrustedProxies;
use crate::auth::sessions::Lifetimes;
use crate::auth::throttle::ThrottlePolicy;

#[derive(Debug, Parser)]
#[command(
    name = "lantoa",
    version,
    about = "Lan Tỏa – quản lý điển hình tiên tiến của Sở Tư pháp tỉnh Đồng Tháp",
    long_about = "Lan Tỏa – quản lý phát hiện, bồi dưỡng, tổng kết và nhân rộng điển hình tiên tiến.\n\
                  Every option can also be set through the environment variable shown with it."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Apply pending migrations, then serve the API and the SPA.
    Serve(Box<ServeArgs>),
    /// Apply pending database migrations and the reference data (the Department's units), then exit.
    Migrate(DatabaseArgs),
    /// Create an administrator account (or reset an existing one's password).
    CreateAdmin(CreateAdminArgs),
    /// Create the demo accounts and a realistic demo year 2026 (never on a production database).
    SeedDemo(SeedDemoArgs),
    /// Write the OpenAPI document to a file (or standard output).
    ExportOpenapi(ExportArgs),
}

#[derive(Debug, Clone, Args)]
pub struct DatabaseArgs {
    /// Database URL: `postgres://…` selects PostgreSQL; anything else is a SQLite file path
    /// (optionally prefixed with `sqlite://`).
    #[arg(long, env = "DATABASE_URL", default_value = "sqlite://data/lantoa.db")]
    pub database_url: String,
    /// Directory for the SQLite database, the generated JWT secret and uploaded files.
    #[arg(long, env = "LANTOA_DATA_DIR", default_value = "data")]
    pub data_dir: PathBuf,
    /// Maximum number of pooled database connections (default: twice the processor count, at
    /// least 4; more only queue more work for the same processors).
    #[arg(long, env = "LANTOA_DB_POOL_SIZE", default_value_t = default_pool_size())]
    pub pool_size: u32,
    /// Log format.
    #[arg(long, env = "LANTOA_LOG_FORMAT", value_enum, default_value_t = LogFormat::Pretty)]
    pub log_format: LogFormat,
}

#[derive(Debug, Clone, Args)]
pub struct SeedDemoArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// Only the demo accounts, without the demo year's exemplars and introductions.
    #[arg(long)]
    pub accounts_only: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines.
    Pretty,
    /// One JSON object per line (for log shippers).
    Json,
}

#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// Address and port to listen on.
    #[arg(long, env = "LANTOA_BIND", default_value = "127.0.0.1:8080")]
    pub bind: String,
    /// Secret for signing access tokens (HS256, at least 32 bytes). When unset, a random secret is
    /// generated once and kept in `<data dir>/jwt-secret`.
    #[arg(long, env = "LANTOA_JWT_SECRET", hide_env_values = true)]
    pub jwt_secret: Option<String>,
    #[command(flatten)]
    pub auth: AuthArgs,
    /// Origins allowed to call the API from a browser (comma separated). Empty: same origin only.
    #[arg(
        long,
        env = "LANTOA_CORS_ORIGINS",
        value_delimiter = ',',
        default_value = ""
    )]
    pub cors_origins: Vec<String>,
    /// Directory of the built SPA served at `/` (with history fallback).
    #[arg(long, env = "LANTOA_STATIC_DIR", default_value = "frontend/dist")]
    pub static_dir: PathBuf,
    /// HTTP worker threads (0: one per CPU core).
    #[arg(long, env = "LANTOA_WORKERS", default_value_t = 0)]
    pub workers: usize,
    /// Largest accepted attachment or import file, in bytes.
    #[arg(long, env = "LANTOA_MAX_UPLOAD_BYTES", default_value_t = 20 * 1024 * 1024)]
    pub max_upload_bytes: usize,
    /// Largest accepted JSON body, in bytes.
    #[arg(long, env = "LANTOA_MAX_JSON_BYTES", default_value_t = 1_048_576)]
    pub max_json_bytes: usize,
    /// Send `Strict-Transport-Security` (browsers then use HTTPS only for a year): set when the
    /// site is reached over HTTPS only, with TLS ended at the reverse proxy.
    #[arg(long, env = "LANTOA_HSTS", default_value_t = false)]
    pub hsts: bool,
    /// Reminders, e-mail and webhooks.
    #[command(flatten)]
    pub scheduler: crate::scheduler::SchedulerArgs,
    /// The address people reach Lan Tỏa at (scheme, host, optional port and path): the public
    /// pages, share texts, cards and the Atom feed link there.
    #[arg(
        long,
        env = "LANTOA_PUBLIC_BASE_URL",
        default_value = "http://127.0.0.1:8080"
    )]
    pub public_base_url: String,
    /// Sites allowed to show the embeddable list (`/api/v1/public/embed/…`) in a frame: `*`, or
    /// http(s) origins separated by commas.
    #[arg(long, env = "LANTOA_EMBED_FRAME_ANCESTORS", default_value = "*")]
    pub embed_frame_ancestors: String,
    /// Runs the server's clock this many days ahead of (or, negative, behind) the machine's, for a
    /// rehearsal or test copy: notices end, deadlines pass and reminders fall due as they will.
    /// Never set it on the production server.
    #[arg(
        long,
        env = "LANTOA_CLOCK_OFFSET_DAYS",
        default_value_t = 0,
        allow_negative_numbers = true,
        value_parser = clap::value_parser!(i64).range(-3650..=3650)
    )]
    pub clock_offset_days: i64,
}

#[derive(Debug, Clone, Args)]
pub struct AuthArgs {
    /// Lifetime of an access token, in seconds.
    #[arg(long, env = "LANTOA_ACCESS_TOKEN_TTL", default_value_t = 900)]
    pub access_token_ttl_secs: i64,
    /// Longest time a refresh token stays valid unused, in seconds (never beyond the session's
    /// absolute lifetime).
    #[arg(long, env = "LANTOA_REFRESH_TOKEN_TTL", default_value_t = 1_209_600)]
    pub refresh_token_ttl_secs: i64,
    /// Absolute lifetime of a login session, in seconds: refreshing never extends it.
    #[arg(long, env = "LANTOA_SESSION_MAX_AGE", default_value_t = 43_200)]
    pub session_max_age_secs: i64,
    /// Failed passwords for one username from one client address answered without delay.
    #[arg(long, env = "LANTOA_LOGIN_FAILURES_BEFORE_DELAY", default_value_t = 5)]
    pub login_failures_before_delay: u32,
    /// Wait after the first failure past those, in seconds; it doubles with each further failure.
    #[arg(long, env = "LANTOA_LOGIN_BASE_DELAY", default_value_t = 30)]
    pub login_base_delay_secs: i64,
    /// Longest wait between two password attempts for one username from one address, in seconds.
    #[arg(long, env = "LANTOA_LOGIN_MAX_DELAY", default_value_t = 900)]
    pub login_max_delay_secs: i64,
    /// Failed passwords allowed per client address, across usernames, within the throttle window.
    #[arg(long, env = "LANTOA_LOGIN_MAX_FAILURES_PER_IP", default_value_t = 20)]
    pub login_max_failures_per_ip: u32,
    /// Throttle window, in seconds: the per-address cap counts within it, and a username's
    /// failures from an address are forgotten this long after its last wait.
    #[arg(long, env = "LANTOA_LOGIN_THROTTLE_WINDOW", default_value_t = 900)]
    pub login_throttle_window_secs: i64,
    /// Reverse proxies whose `X-Forwarded-For` is believed (comma-separated IPs or CIDR blocks).
    /// The client is then the right-most forwarded address that is not one of them. Empty: the
    /// peer's address, the header ignored.
    #[arg(long, env = "LANTOA_TRUSTED_PROXIES", default_value = "")]
    pub trusted_proxies: TrustedProxies,
}

impl Default for AuthArgs {
    fn default() -> Self {
        Self {
            access_token_ttl_secs: 900,
            refresh_token_ttl_secs: 1_209_600,
            session_max_age_secs: 43_200,
            login_failures_before_delay: 5,
            login_base_delay_secs: 30,
            login_max_delay_secs: 900,
            login_max_failures_per_ip: 20,
            login_throttle_window_secs: 900,
            trusted_proxies: TrustedProxies::default(),
        }
    }
}

impl AuthArgs {
    pub fn throttle_policy(&self) -> ThrottlePolicy {
        ThrottlePolicy {
            failures_before_delay: self.login_failures_before_delay,
            base_delay_secs: self.login_base_delay_secs.max(1),
            max_delay_secs: self.login_max_delay_secs.max(1),
            max_failures_per_address: self.login_max_failures_per_ip.max(1),
            window_secs: self.login_throttle_window_secs.max(1),
        }
    }

    pub fn session_lifetimes(&self) -> Lifetimes {
        Lifetimes {
            refresh_token_secs: self.refresh_token_ttl_secs.max(1),
            session_secs: self.session_max_age_secs.max(1),
        }
    }
}

#[derive(Debug, Clone, Args)]
pub struct CreateAdminArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// Username of the administrator.
    #[arg(long, default_value = "admin")]
    pub username: String,
    /// Full name of the administrator.
    #[arg(long, default_value = "Quản trị hệ thống")]
    pub full_name: String,
    /// Password; when unset a temporary one is generated, printed, and must be changed at first login.
    #[arg(long, env = "LANTOA_ADMIN_PASSWORD", hide_env_values = true)]
    pub password: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct ExportArgs {
    /// Output file; `-` for standard output.
    #[arg(long, short, default_value = "openapi/openapi.json")]
    pub output: PathBuf,
}

/// The JWT secret from the environment, or the one kept in the data directory (created on first
/// use). Returns the secret and whether it was generated now.
pub fn load_or_create_jwt_secret(
    configured: Option<&str>,
    data_dir: &Path,
) -> std::io::Result<(Vec<u8>, bool)> {
    if let Some(secret) = configured.filter(|s| !s.is_empty()) {
        if secret.len() < 32 {
            return Err(std::io::Error::other(
                "LANTOA_JWT_SECRET must be at least 32 bytes long",
            ));
        }
        return Ok((secret.as_bytes().to_vec(), false));
    }
    let path = data_dir.join("jwt-secret");
    if let Ok(existing) = fs::read_to_string(&path) {
        let existing = existing.trim();
        if existing.len() >= 32 {
            return Ok((existing.as_bytes().to_vec(), false));
        }
    }
    fs::create_dir_all(data_dir)?;
    let secret = crate::auth::tokens::random_token(48);
    let mut options = fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(&path)?.write_all(secret.as_bytes())?;
    Ok((secret.into_bytes(), true))
}

/// Twice the processors the process may use, at least 4: on a small server, more connections
/// than that only add context switches and stretch the slowest answers (README, Benchmarks).
pub fn default_pool_size() -> u32 {
    let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
    u32::try_from(cores.saturating_mul(2))
        .unwrap_or(u32::MAX)
        .max(4)
}
