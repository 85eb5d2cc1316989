//! Fresh databases for tests. SQLite: a copy of a migrated, seeded template file. PostgreSQL: a
//! database cloned from a migrated, seeded template database created once per test process.
//! Databases of test processes that are gone are dropped; nothing from an earlier run is reused.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DbKind {
    Sqlite,
    Postgres,
}

/// The maintenance connection URL; override with `LANTOA_TEST_PG_URL`.
pub fn postgres_admin_url() -> String {
    std::env::var("LANTOA_TEST_PG_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

fn with_database(admin_url: &str, name: &str) -> String {
    match admin_url.rfind('/') {
        Some(index) => format!("{}/{name}", &admin_url[..index]),
        None => format!("{admin_url}/{name}"),
    }
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

pub struct TestDatabase {
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    File(#[allow(dead_code)] tempfile::TempDir),
    Postgres { name: String },
}

fn prepare(url: &str) {
    let db = lantoa::db::Db::connect(url, 1).expect("connect to template");
    let mut conn = db.get().expect("template connection");
    lantoa::db::run_migrations(&mut conn).expect("migrations");
    lantoa::seed::reference::ensure(&mut conn, lantoa::clock::Clock::system().now_naive())
        .expect("reference data");
    lantoa::seed::demo::seed(&mut conn, lantoa::clock::Clock::system().now_naive())
        .expect("demo accounts");
}

fn sqlite_template() -> &'static PathBuf {
    static TEMPLATE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, path) = TEMPLATE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("template.db");
        prepare(path.to_str().expect("utf-8 path"));
        // Fold the WAL into the main file so that a plain copy is complete.
        let mut conn = diesel::SqliteConnection::establish(path.to_str().expect("utf-8"))
            .expect("reopen template");
        conn.batch_execute("PRAGMA wal_checkpoint(TRUNCATE);")
            .expect("checkpoint");
        (dir, path)
    });
    path
}

fn process_alive(pid: u32) -> bool {
    std::path::Path::new(&format!("/proc/{pid}")).exists()
}

fn postgres_template() -> &'static str {
    static TEMPLATE: OnceLock<String> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let admin_url = postgres_admin_url();
        let mut admin = PgConnection::establish(&admin_url).unwrap_or_else(|e| {
            panic!(
                "PostgreSQL is unreachable at {admin_url} ({e}). The API tests need it: start it with \
                 `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start` or set LANTOA_TEST_PG_URL."
            )
        });
        drop_orphans(&mut admin);
        let name = format!("lt_tpl_{}", std::process::id());
        admin.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).expect("drop old template");
        admin.batch_execute(&format!("CREATE DATABASE {name}")).expect("create template");
        prepare(&with_database(&admin_url, &name));
        name
    })
}

/// Drops the databases left by test processes that no longer run.
fn drop_orphans(admin: &mut PgConnection) {
    use diesel::prelude::*;
    #[derive(QueryableByName)]
    struct Name {
        #[diesel(sql_type = diesel::sql_types::Text)]
        datname: String,
    }
    let names: Vec<Name> =
        diesel::sql_query("SELECT datname FROM pg_database WHERE datname LIKE 'lt\\_%'")
            .load(admin)
            .unwrap_or_default();
    for Name { datname } in names {
        let pid = datname
            .split('_')
            .nth(2)
            .and_then(|p| p.parse::<u32>().ok());
        if pid.is_some_and(|pid| !process_alive(pid)) {
            let _ = admin.batch_execute(&format!("DROP DATABASE IF EXISTS {datname} WITH (FORCE)"));
        }
    }
}

impl TestDatabase {
    /// A database with no tables at all (for the migration tests).
    pub fn empty(kind: DbKind) -> Self {
        match kind {
            DbKind::Sqlite => {
                let dir = tempfile::tempdir().expect("temp dir");
                let path = dir.path().join("empty.db");
                Self {
                    url: format!("sqlite://{}", path.display()),
                    cleanup: Cleanup::File(dir),
                }
            }
            DbKind::Postgres => {
                postgres_template();
                let name = format!(
                    "lt_test_{}_{}",
                    std::process::id(),
                    COUNTER.fetch_add(1, Ordering::SeqCst)
                );
                let admin_url = postgres_admin_url();
                let mut admin =
                    PgConnection::establish(&admin_url).expect("PostgreSQL admin connection");
                admin
                    .batch_execute(&format!("CREATE DATABASE {name}"))
                    .expect("create database");
                Self {
                    url: with_database(&admin_url, &name),
                    cleanup: Cleanup::Postgres { name },
                }
            }
        }
    }

    pub fn create(kind: DbKind) -> Self {
        match kind {
            DbKind::Sqlite => {
                let dir = tempfile::tempdir().expect("temp dir");
                let path = dir.path().join("lantoa.db");
                std::fs::copy(sqlite_template(), &path).expect("copy template");
                Self {
                    url: format!("sqlite://{}", path.display()),
                    cleanup: Cleanup::File(dir),
                }
            }
            DbKind::Postgres => {
                let database = Self::pending(kind);
                database.bring_up();
                database
            }
        }
    }

    /// A database that cannot be opened yet (SQLite: its directory is a plain file; PostgreSQL:
    /// it does not exist) until [`Self::bring_up`] makes it a fresh copy of the template.
    pub fn pending(kind: DbKind) -> Self {
        match kind {
            DbKind::Sqlite => {
                let dir = tempfile::tempdir().expect("temp dir");
                let blocker = dir.path().join("db");
                std::fs::write(&blocker, b"not a directory").expect("blocker file");
                Self {
                    url: format!("sqlite://{}", blocker.join("lantoa.db").display()),
                    cleanup: Cleanup::File(dir),
                }
            }
            DbKind::Postgres => {
                postgres_template();
                let name = format!(
                    "lt_test_{}_{}",
                    std::process::id(),
                    COUNTER.fetch_add(1, Ordering::SeqCst)
                );
                Self {
                    url: with_database(&postgres_admin_url(), &name),
                    cleanup: Cleanup::Postgres { name },
                }
            }
        }
    }

    /// Creates a [`Self::pending`] database from the template.
    pub fn bring_up(&self) {
        match &self.cleanup {
            Cleanup::File(_) => {
                let path = std::path::PathBuf::from(self.url.trim_start_matches("sqlite://"));
                let dir = path.parent().expect("database directory");
                // The server keeps trying to open the file: the directory appears whole, with
                // the copied database in it, or a reconnect could create an empty one first.
                let staging = dir.with_extension("staging");
                std::fs::create_dir_all(&staging).expect("staging directory");
                std::fs::copy(
                    sqlite_template(),
                    staging.join(path.file_name().expect("file")),
                )
                .expect("copy template");
                if dir.is_file() {
                    std::fs::remove_file(dir).expect("remove blocker");
                }
                std::fs::rename(&staging, dir).expect("database directory");
            }
            Cleanup::Postgres { name } => {
                static CREATE: Mutex<()> = Mutex::new(());
                let template = postgres_template();
                // Cloning needs the template to be idle; one clone at a time keeps it so.
                let _guard = CREATE.lock().unwrap_or_else(|p| p.into_inner());
                let mut admin = PgConnection::establish(&postgres_admin_url())
                    .expect("PostgreSQL admin connection");
                admin
                    .batch_execute(&format!("CREATE DATABASE {name} TEMPLATE {template}"))
                    .expect("clone template");
            }
        }
    }

    /// The PostgreSQL database's name.
    pub fn postgres_name(&self) -> Option<&str> {
        match &self.cleanup {
            Cleanup::Postgres { name } => Some(name),
            Cleanup::File(_) => None,
        }
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Cleanup::Postgres { name } = &self.cleanup
            && let Ok(mut admin) = PgConnection::establish(&postgres_admin_url())
        {
            let _ = admin.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
        }
    }
}

/// Drops this process's template database (call at the end of a run; orphans are also dropped
/// by the next run).
pub fn drop_template() {
    if let Ok(mut admin) = PgConnection::establish(&postgres_admin_url()) {
        let _ = admin.batch_execute(&format!(
            "DROP DATABASE IF EXISTS lt_tpl_{} WITH (FORCE)",
            std::process::id()
        ));
    }
}
