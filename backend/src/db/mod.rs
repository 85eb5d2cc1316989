//! The data layer: one diesel codebase over SQLite (embedded default) and PostgreSQL, the backend
//! chosen by the scheme of `DATABASE_URL`, an r2d2 pool, and one embedded migration history per
//! backend.

pub mod generation_cache;
pub mod pool;
pub mod queue;
pub mod schema;
pub mod search;
pub mod text_enum;
pub mod versioned;

use std::sync::Arc;
use std::time::{Duration, Instant};

use actix_web::web;
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

use crate::error::{AppError, AppResult};
pub use pool::{ConnectionManager, Health, statement_counts};

#[cfg(feature = "postgres")]
#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    Sqlite(diesel::SqliteConnection),
    Pg(diesel::PgConnection),
}

#[cfg(not(feature = "postgres"))]
#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    Sqlite(diesel::SqliteConnection),
}

pub type DbBackend = MultiBackend;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl DbConnection {
    pub fn backend(&self) -> Backend {
        match self {
            DbConnection::Sqlite(_) => Backend::Sqlite,
            #[cfg(feature = "postgres")]
            DbConnection::Pg(_) => Backend::Postgres,
        }
    }
}

pub const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
#[cfg(feature = "postgres")]
pub const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

type MigrationError = Box<dyn std::error::Error + Send + Sync>;

/// Applies every pending migration; returns the versions applied.
pub fn run_migrations(conn: &mut DbConnection) -> Result<Vec<String>, MigrationError> {
    let applied = match conn {
        DbConnection::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS)?,
        #[cfg(feature = "postgres")]
        DbConnection::Pg(c) => c.run_pending_migrations(POSTGRES_MIGRATIONS)?,
    };
    Ok(applied.into_iter().map(|v| v.to_string()).collect())
}

/// Reverts every applied migration (used by the up–down–up test).
pub fn revert_all_migrations(conn: &mut DbConnection) -> Result<Vec<String>, MigrationError> {
    let reverted = match conn {
        DbConnection::Sqlite(c) => c.revert_all_migrations(SQLITE_MIGRATIONS)?,
        #[cfg(feature = "postgres")]
        DbConnection::Pg(c) => c.revert_all_migrations(POSTGRES_MIGRATIONS)?,
    };
    Ok(reverted.into_iter().map(|v| v.to_string()).collect())
}

/// Where the data lives, parsed from `DATABASE_URL`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    Sqlite(String),
    Postgres(String),
}

impl DatabaseUrl {
    pub fn parse(url: &str) -> Result<Self, String> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            if cfg!(feature = "postgres") {
                Ok(Self::Postgres(url.to_owned()))
            } else {
                Err(
                    "this build has no PostgreSQL support: rebuild with `--features postgres`"
                        .into(),
                )
            }
        } else {
            let path = url
                .strip_prefix("sqlite://")
                .or_else(|| url.strip_prefix("sqlite:"))
                .unwrap_or(url);
            if path.is_empty() {
                return Err("DATABASE_URL names no SQLite file".into());
            }
            Ok(Self::Sqlite(path.to_owned()))
        }
    }

    pub fn backend(&self) -> Backend {
        match self {
            Self::Sqlite(_) => Backend::Sqlite,
            Self::Postgres(_) => Backend::Postgres,
        }
    }
}

pub type Pool = r2d2::Pool<ConnectionManager>;
pub type PooledConnection = r2d2::PooledConnection<ConnectionManager>;

/// How long a request waits for a free connection while the database is up but every pooled
/// connection is busy. While the database is unreachable, requests are answered at once.
const BUSY_WAIT: Duration = Duration::from_secs(10);
/// The wait is sliced so that an outage noticed meanwhile ends it.
const WAIT_SLICE: Duration = Duration::from_millis(100);

/// The pool plus helpers that run blocking diesel code off the async executor.
#[derive(Clone)]
pub struct Db {
    pool: Pool,
    backend: Backend,
    health: Arc<Health>,
    /// One permit per pooled connection: requests queue for a connection here, in order and
    /// without holding a thread, rather than as blocked threads racing for the pool's lock
    /// (which let late arrivals overtake and drove the slowest answers up).
    gate: Arc<tokio::sync::Semaphore>,
    /// SQLite takes one writer at a time, and a writer that finds the lock taken sleeps and
    /// retries (busy timeout), so under load some waited hundreds of milliseconds while later
    /// ones got in. This process's write transactions queue here instead, in order.
    writers: Option<Arc<tokio::sync::Semaphore>>,
}

impl Db {
    /// Connects and checks one connection. For SQLite the file's directory is created.
    pub fn connect(url: &str, pool_size: u32) -> Result<Self, String> {
        let url = DatabaseUrl::parse(url)?;
        if let DatabaseUrl::Sqlite(path) = &url
            && !path.starts_with(':')
            && !path.starts_with("file:")
            && let Some(dir) = std::path::Path::new(path).parent()
            && !dir.as_os_str().is_empty()
        {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        let manager = ConnectionManager::new(url);
        r2d2::ManageConnection::connect(&manager)
            .map_err(|e| format!("cannot connect to the database: {e}"))?;
        Ok(Self::with_manager(manager, pool_size))
    }

    /// A pool that connects in the background, whether or not the database is reachable yet;
    /// until it is, requests are answered 503.
    pub fn connect_lazy(url: &str, pool_size: u32) -> Result<Self, String> {
        Ok(Self::with_manager(
            ConnectionManager::new(DatabaseUrl::parse(url)?),
            pool_size,
        ))
    }

    fn with_manager(manager: ConnectionManager, pool_size: u32) -> Self {
        let backend = manager.backend();
        let health = manager.health();
        let pool = r2d2::Pool::builder()
            .max_size(pool_size.max(1))
            .connection_timeout(2 * pool::RECONNECT_DELAY_MAX)
            // `is_valid` sends no query, so checking every checkout is cheap.
            .test_on_check_out(true)
            // `Health` logs an outage once; r2d2 would log every retry.
            .error_handler(Box::new(r2d2::NopErrorHandler))
            .build_unchecked(manager);
        Self {
            pool,
            backend,
            health,
            gate: Arc::new(tokio::sync::Semaphore::new(pool_size.max(1) as usize)),
            writers: (backend == Backend::Sqlite).then(|| Arc::new(tokio::sync::Semaphore::new(1))),
        }
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// A pooled connection, or 503 (with `Retry-After`) when the database is unreachable or no
    /// connection came free in time.
    pub fn get(&self) -> AppResult<PooledConnection> {
        let deadline = Instant::now() + BUSY_WAIT;
        loop {
            match self.pool.get_timeout(WAIT_SLICE) {
                Ok(conn) => return Ok(conn),
                Err(_) if self.health.is_unreachable() => {
                    return Err(AppError::unavailable(format_args!(
                        "the database is unreachable: {}",
                        self.health.last_error()
                    )));
                }
                Err(error) if Instant::now() >= deadline => {
                    return Err(AppError::unavailable(format_args!(
                        "no free database connection within {} s: {error}",
                        BUSY_WAIT.as_secs()
                    )));
                }
                Err(_) => {}
            }
        }
    }

    /// Runs `f` with a pooled connection on the blocking thread pool.
    pub async fn run<T, F>(&self, f: F) -> AppResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut DbConnection) -> AppResult<T> + Send + 'static,
    {
        self.run_gated(None, f).await
    }

    /// A short read (a few primary-key lookups, nothing that scans). On SQLite it runs on the
    /// calling thread when a connection is free at once: handing it to a blocking thread and
    /// back costs more than the read itself. Otherwise, and always on PostgreSQL (a network
    /// round trip must not stall the event loop), as [`Db::run`].
    pub async fn lookup<T, F>(&self, f: F) -> AppResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut DbConnection) -> AppResult<T> + Send + 'static,
    {
        if self.backend == Backend::Sqlite
            && let Ok(_permit) = self.gate.clone().try_acquire_owned()
            && let Some(mut conn) = self.pool.try_get()
        {
            return f(&mut conn);
        }
        self.run(f).await
    }

    /// Runs `f` inside one database transaction: every write in it lands, or none does.
    pub async fn transaction<T, F>(&self, f: F) -> AppResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut DbConnection) -> AppResult<T> + Send + 'static,
    {
        let writer = match &self.writers {
            Some(writers) => Some(queue(writers).await?),
            None => None,
        };
        self.run_gated(writer, move |conn| write_transaction(conn, f))
            .await
    }

    async fn run_gated<T, F>(
        &self,
        writer: Option<tokio::sync::OwnedSemaphorePermit>,
        f: F,
    ) -> AppResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut DbConnection) -> AppResult<T> + Send + 'static,
    {
        let connection = queue(&self.gate).await?;
        let db = self.clone();
        web::block(move || {
            let _permits = (writer, connection);
            let mut conn = db.get()?;
            f(&mut conn)
        })
        .await
        .map_err(AppError::internal)?
    }
}

/// A place in `queue`, or 503 when none came free within [`BUSY_WAIT`].
async fn queue(
    queue: &Arc<tokio::sync::Semaphore>,
) -> AppResult<tokio::sync::OwnedSemaphorePermit> {
    match tokio::time::timeout(BUSY_WAIT, queue.clone().acquire_owned()).await {
        Ok(Ok(permit)) => Ok(permit),
        Ok(Err(closed)) => Err(AppError::internal(closed)),
        Err(_) => Err(AppError::unavailable(format_args!(
            "no free database connection within {} s",
            BUSY_WAIT.as_secs()
        ))),
    }
}

/// Whether `conn` is inside a transaction (or a savepoint of one).
pub fn in_transaction(conn: &mut DbConnection) -> AppResult<bool> {
    use diesel::connection::{AnsiTransactionManager, TransactionManager};
    let depth = match conn {
        DbConnection::Sqlite(c) => {
            AnsiTransactionManager::transaction_manager_status_mut(c).transaction_depth()?
        }
        #[cfg(feature = "postgres")]
        DbConnection::Pg(c) => {
            AnsiTransactionManager::transaction_manager_status_mut(c).transaction_depth()?
        }
    };
    Ok(depth.is_some())
}

/// A transaction meant to write. On SQLite it starts with `BEGIN IMMEDIATE`, so that concurrent
/// writers wait for the lock (busy timeout) instead of failing when a read upgrades to a write.
// Without the `postgres` feature the connection has a single variant.
#[allow(irrefutable_let_patterns)]
pub fn write_transaction<T, F>(conn: &mut DbConnection, f: F) -> AppResult<T>
where
    F: FnOnce(&mut DbConnection) -> AppResult<T>,
{
    use diesel::connection::{AnsiTransactionManager, TransactionManager};
    type Sqlite = diesel::SqliteConnection;

    let DbConnection::Sqlite(sqlite) = conn else {
        return conn.transaction(f);
    };
    if AnsiTransactionManager::transaction_manager_status_mut(sqlite)
        .transaction_depth()?
        .is_some()
    {
        // Already inside a transaction: a savepoint is enough.
        return conn.transaction(f);
    }
    AnsiTransactionManager::begin_transaction_sql(sqlite, "BEGIN IMMEDIATE")?;
    let result = f(conn);
    let DbConnection::Sqlite(sqlite) = conn else {
        return Err(AppError::internal(
            "connection changed backend inside a transaction",
        ));
    };
    match result {
        Ok(value) => {
            <AnsiTransactionManager as TransactionManager<Sqlite>>::commit_transaction(sqlite)?;
            Ok(value)
        }
        Err(error) => {
            <AnsiTransactionManager as TransactionManager<Sqlite>>::rollback_transaction(sqlite)?;
            Err(error)
        }
    }
}
