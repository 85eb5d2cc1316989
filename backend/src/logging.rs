//! The log subscriber: one line per event on standard error, human-readable or JSON, filtered by
//! `RUST_LOG`. Built here rather than in `main.rs` so that tests capture the production format.

use std::io::IsTerminal;

use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::MakeWriter;

use crate::config::LogFormat;

pub const DEFAULT_FILTER: &str = "info,actix_server=warn";

/// The filter from `RUST_LOG`, or [`DEFAULT_FILTER`].
pub fn filter_from_env() -> EnvFilter {
    EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(DEFAULT_FILTER))
}

/// A subscriber writing to `writer`; colours only when `ansi` (a terminal), never in files.
pub fn subscriber<W>(
    format: LogFormat,
    filter: EnvFilter,
    writer: W,
    ansi: bool,
) -> Box<dyn tracing::Subscriber + Send + Sync>
where
    W: for<'w> MakeWriter<'w> + Send + Sync + 'static,
{
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(writer)
        .with_ansi(ansi);
    match format {
        // A request has a single span, so the current span (with its `request_id`) is enough.
        LogFormat::Json => Box::new(
            builder
                .json()
                .flatten_event(true)
                .with_current_span(true)
                .with_span_list(false)
                .finish(),
        ),
        LogFormat::Pretty => Box::new(builder.finish()),
    }
}

/// Installs the subscriber for the process (standard error, `RUST_LOG`). `log` records (r2d2's)
/// are forwarded to it.
pub fn init(format: LogFormat) {
    use tracing_subscriber::util::SubscriberInitExt;
    let ansi = std::io::stderr().is_terminal();
    let _ = subscriber(format, filter_from_env(), std::io::stderr, ansi).try_init();
}

/// Installs a subscriber writing to `writer` with the filter `directives` (for tests); false when
/// the process already had one.
pub fn init_with<W>(format: LogFormat, directives: &str, writer: W) -> bool
where
    W: for<'w> MakeWriter<'w> + Send + Sync + 'static,
{
    use tracing_subscriber::util::SubscriberInitExt;
    subscriber(format, EnvFilter::new(directives), writer, false)
        .try_init()
        .is_ok()
}
