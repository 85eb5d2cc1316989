//! Connections for the r2d2 pool: opened for the backend the URL names, checked without a query
//! when they are handed out, dropped when a query found the server gone, and an outage noticed
//! (and logged once) so that requests are answered 503 at once instead of waiting.

use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use diesel::connection::{Instrumentation, InstrumentationEvent, SimpleConnection};
use diesel::prelude::*;
use diesel::r2d2::R2D2Connection;
use diesel::result::{DatabaseErrorKind, Error};

use super::{DatabaseUrl, DbConnection};

/// How long a new PostgreSQL connection may take (libpq `connect_timeout`, unless the URL sets
/// one): a server that does not answer must not hold the pool's connection threads for long.
pub const PG_CONNECT_TIMEOUT_SECS: u32 = 3;

/// r2d2 retries a failed connection attempt with a doubling delay of at most half its connection
/// timeout: this bounds how long a recovered database goes unnoticed.
pub const RECONNECT_DELAY_MAX: Duration = Duration::from_secs(1);

// mmap: reads come straight from the OS page cache instead of being copied per connection.
const SQLITE_PRAGMAS: &str = "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; \
     PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -32000; \
     PRAGMA mmap_size = 1073741824;";

/// Whether the database could be reached at the last attempt to open a connection.
#[derive(Debug, Default)]
pub struct Health {
    unreachable: AtomicBool,
    last_error: Mutex<String>,
}

impl Health {
    pub fn is_unreachable(&self) -> bool {
        self.unreachable.load(Ordering::Acquire)
    }

    /// Why the last connection attempt failed.
    pub fn last_error(&self) -> String {
        self.last_error
            .lock()
            .map(|e| e.clone())
            .unwrap_or_default()
    }

    fn connected(&self) {
        if self.unreachable.swap(false, Ordering::AcqRel) {
            tracing::info!("the database is reachable again");
        }
    }

    /// Logged once per outage, however often the pool retries.
    fn failed(&self, error: &diesel::r2d2::Error) {
        let message = error.to_string();
        if let Ok(mut last) = self.last_error.lock() {
            message.clone_into(&mut last);
        }
        if !self.unreachable.swap(true, Ordering::AcqRel) {
            tracing::warn!(error = %message, "the database is unreachable");
        }
    }
}

/// Opens connections for the pool, picking the backend from the URL rather than trying each.
#[derive(Debug, Clone)]
pub struct ConnectionManager {
    url: DatabaseUrl,
    health: Arc<Health>,
}

impl ConnectionManager {
    pub fn new(url: DatabaseUrl) -> Self {
        let url = match url {
            DatabaseUrl::Postgres(url) => DatabaseUrl::Postgres(with_connect_timeout(&url)),
            sqlite => sqlite,
        };
        Self {
            url,
            health: Arc::default(),
        }
    }

    pub fn backend(&self) -> super::Backend {
        self.url.backend()
    }

    pub fn health(&self) -> Arc<Health> {
        self.health.clone()
    }

    fn open(&self) -> Result<DbConnection, diesel::r2d2::Error> {
        let mut conn = match &self.url {
            DatabaseUrl::Sqlite(path) => {
                let mut conn = diesel::SqliteConnection::establish(path)
                    .map_err(diesel::r2d2::Error::ConnectionError)?;
                conn.batch_execute(SQLITE_PRAGMAS)
                    .map_err(diesel::r2d2::Error::QueryError)?;
                DbConnection::Sqlite(conn)
            }
            #[cfg(feature = "postgres")]
            DatabaseUrl::Postgres(url) => {
                let mut conn = diesel::PgConnection::establish(url)
                    .map_err(diesel::r2d2::Error::ConnectionError)?;
                conn.batch_execute("SET TIME ZONE 'UTC'")
                    .map_err(diesel::r2d2::Error::QueryError)?;
                DbConnection::Pg(conn)
            }
            #[cfg(not(feature = "postgres"))]
            DatabaseUrl::Postgres(_) => {
                return Err(diesel::r2d2::Error::ConnectionError(
                    diesel::ConnectionError::BadConnection(
                        "no PostgreSQL support in this build".into(),
                    ),
                ));
            }
        };
        conn.set_instrumentation(LostConnection::default());
        Ok(conn)
    }
}

impl r2d2::ManageConnection for ConnectionManager {
    type Connection = DbConnection;
    type Error = diesel::r2d2::Error;

    fn connect(&self) -> Result<DbConnection, Self::Error> {
        let outcome = self.open();
        match &outcome {
            Ok(_) => self.health.connected(),
            Err(error) => self.health.failed(error),
        }
        outcome
    }

    /// Runs on every checkout, so it sends nothing to the server.
    fn is_valid(&self, conn: &mut DbConnection) -> Result<(), Self::Error> {
        match conn {
            DbConnection::Sqlite(_) => Ok(()),
            #[cfg(feature = "postgres")]
            DbConnection::Pg(pg) => still_connected(pg),
        }
    }

    fn has_broken(&self, conn: &mut DbConnection) -> bool {
        std::thread::panicking() || is_broken(conn)
    }
}

/// The connection must not go back to the pool: a query found the server gone, or it holds an
/// open or failed transaction (diesel's own rule).
pub fn is_broken(conn: &mut DbConnection) -> bool {
    conn.instrumentation()
        .downcast_ref::<LostConnection>()
        .is_some_and(|lost| lost.0)
        || R2D2Connection::is_broken(conn)
}

/// Reads, without blocking and without a round trip, what the server sent while the connection
/// sat idle. A server that ended the session (shutdown, restart, `pg_terminate_backend`) has sent
/// an error and closed the socket; libpq reports the closed socket on the read after the one that
/// consumes the error, hence two reads.
#[cfg(feature = "postgres")]
fn still_connected(conn: &mut diesel::PgConnection) -> Result<(), diesel::r2d2::Error> {
    for _ in 0..2 {
        if let Some(Err(error)) = conn.notifications_iter().next() {
            return Err(diesel::r2d2::Error::QueryError(error));
        }
    }
    Ok(())
}

/// Instrumentation that remembers a query failing because the connection to the server is lost,
/// so that the pool drops the connection instead of handing it out again. It also counts the
/// statements run and prepared, for the benchmark's statements per request.
#[derive(Debug, Default)]
struct LostConnection(bool);

static STATEMENTS_RUN: AtomicU64 = AtomicU64::new(0);
static STATEMENTS_CACHED: AtomicU64 = AtomicU64::new(0);

/// Statements run, and statements prepared into a connection's statement cache, by pooled
/// connections since the process started. Once every connection has seen every query, the second
/// stays put: a statement that is parsed again on every request is one diesel cannot cache.
pub fn statement_counts() -> (u64, u64) {
    (
        STATEMENTS_RUN.load(Ordering::Relaxed),
        STATEMENTS_CACHED.load(Ordering::Relaxed),
    )
}

impl Instrumentation for LostConnection {
    fn on_connection_event(&mut self, event: InstrumentationEvent<'_>) {
        match event {
            InstrumentationEvent::StartQuery { .. } => {
                STATEMENTS_RUN.fetch_add(1, Ordering::Relaxed);
            }
            InstrumentationEvent::CacheQuery { .. } => {
                STATEMENTS_CACHED.fetch_add(1, Ordering::Relaxed);
            }
            InstrumentationEvent::FinishQuery {
                error: Some(error), ..
            } if connection_lost(error) => self.0 = true,
            _ => {}
        }
    }
}

pub fn connection_lost(error: &Error) -> bool {
    matches!(
        error,
        Error::DatabaseError(
            DatabaseErrorKind::ClosedConnection | DatabaseErrorKind::UnableToSendCommand,
            _
        )
    )
}

/// `url` with libpq's `connect_timeout`, unless it has one.
fn with_connect_timeout(url: &str) -> String {
    if url.contains("connect_timeout=") {
        return url.to_owned();
    }
    let separator = if url.contains('?') { '&' } else { '?' };
    format!("{url}{separator}connect_timeout={PG_CONNECT_TIMEOUT_SECS}")
}

#[cfg(test)]
mod tests {
    use super::with_connect_timeout;

    #[test]
    fn connect_timeout_is_added_unless_set() {
        assert_eq!(
            with_connect_timeout("postgres://u@h/db"),
            "postgres://u@h/db?connect_timeout=3"
        );
        assert_eq!(
            with_connect_timeout("postgres://u@h/db?sslmode=disable"),
            "postgres://u@h/db?sslmode=disable&connect_timeout=3"
        );
        assert_eq!(
            with_connect_timeout("postgres://u@h/db?connect_timeout=10"),
            "postgres://u@h/db?connect_timeout=10"
        );
    }
}
