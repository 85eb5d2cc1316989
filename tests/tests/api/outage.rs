//! The database going away: requests are answered 503 with `Retry-After` at once (not after a
//! pool timeout), `/readyz` says so, and service resumes by itself when the database is back;
//! connections whose server session ended are replaced before anyone gets an error.

use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use lantoa::config::AuthArgs;
use lantoa_tests::databases::{TestDatabase, postgres_admin_url};
use lantoa_tests::{DEMO_PASSWORD, DbKind, Res, TestApp, db_test_kind, logs};
use serde_json::json;

/// Well under the pool's 10 s wait for a connection: the answer does not wait for it. (The
/// time itself is a few milliseconds on an idle machine; this bound only has to tell "at once"
/// from "after the pool timeout" while every other test runs on the same two cores.)
const AT_ONCE: Duration = Duration::from_secs(4);

#[track_caller]
fn unavailable(res: &Res, took: Duration) {
    res.problem(503, "service_unavailable");
    assert_eq!(res.header("retry-after").as_deref(), Some("5"));
    assert!(took < AT_ONCE, "answered after {took:?}");
}

async fn timed(req: lantoa_tests::Req<'_>) -> (Res, Duration) {
    let started = Instant::now();
    let res = req.send().await;
    (res, started.elapsed())
}

fn login_body() -> serde_json::Value {
    json!({ "username": "admin", "password": DEMO_PASSWORD })
}

db_test_kind!(
    async fn an_unreachable_database_is_503_at_once_until_it_is_back(kind) {
        let logs = logs::capture();
        // SQLite: a file that cannot be opened; PostgreSQL: a database that does not exist yet.
        let database = TestDatabase::pending(kind);
        let db = lantoa::db::Db::connect_lazy(&database.url, 2).unwrap();
        let app = TestApp::serve(kind, db, database.url.clone(), None, AuthArgs::default(), Default::default());

        let (ready, took) = timed(app.get("/readyz")).await;
        unavailable(&ready, took);
        let (login, took) = timed(app.post("/api/v1/auth/login").json(&login_body())).await;
        unavailable(&login, took);
        let (list, took) = timed(app.get("/api/v1/units").header("Authorization", "Bearer x.y.z")).await;
        // A token that cannot be checked is not a database question.
        assert_eq!(list.status, 401, "{}", list.text);
        assert!(took < AT_ONCE);
        assert_eq!(app.get("/healthz").send().await.status, 200);
        // One error line per failed request, with the cause.
        let lines = logs.lines_with(&login.header("x-request-id").unwrap());
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert!(lines[0].contains(" ERROR ") && lines[0].contains("cause=\"the database is unreachable"), "{}", lines[0]);

        database.bring_up();
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let ready = app.get("/readyz").send().await;
            if ready.status == 200 {
                break;
            }
            assert!(Instant::now() < deadline, "not ready 10 s after the database came back: {}", ready.text);
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let login = app.post("/api/v1/auth/login").json(&login_body()).send().await;
        assert_eq!(login.status, 200, "{} {:?}", login.text, logs.lines_with(&login.header("x-request-id").unwrap()));
        drop(app);
        drop(database);
    }
);

db_test_kind!(
    async fn a_closed_port_or_an_unopenable_file_fails_fast(kind) {
        let dir = tempfile::tempdir().unwrap();
        let url = match kind {
            // Nothing listens on port 1.
            DbKind::Postgres => "postgres://postgres@127.0.0.1:1/lantoa".to_owned(),
            DbKind::Sqlite => {
                let unreadable = dir.path().join("lantoa.db");
                std::fs::create_dir(&unreadable).unwrap();
                format!("sqlite://{}", unreadable.display())
            }
        };
        assert!(lantoa::db::Db::connect(&url, 1).is_err(), "the server does not start on it");
        let db = lantoa::db::Db::connect_lazy(&url, 2).unwrap();
        let app = TestApp::serve(kind, db, url.clone(), None, AuthArgs::default(), Default::default());
        for _ in 0..3 {
            let (ready, took) = timed(app.get("/readyz")).await;
            unavailable(&ready, took);
        }
        let (login, took) = timed(app.post("/api/v1/auth/login").json(&login_body())).await;
        unavailable(&login, took);
    }
);

/// Ends the server sessions of `database` and waits until they are gone.
fn terminate_sessions(database: &str) {
    let mut admin = PgConnection::establish(&postgres_admin_url()).unwrap();
    admin
        .batch_execute(&format!(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}' AND pid <> pg_backend_pid()"
        ))
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        #[derive(QueryableByName)]
        struct Count {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
        }
        let left: Count = diesel::sql_query(format!(
            "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = '{database}'"
        ))
        .get_result(&mut admin)
        .unwrap();
        if left.n == 0 {
            return;
        }
        assert!(Instant::now() < deadline, "sessions still there");
        std::thread::sleep(Duration::from_millis(20));
    }
}

// PostgreSQL only: a SQLite connection is a file handle in this process, with no server session
// that could end under it.
#[actix_web::test]
async fn ended_postgres_sessions_are_replaced() {
    let database = TestDatabase::create(DbKind::Postgres);
    let name = database.postgres_name().unwrap().to_owned();
    let db = lantoa::db::Db::connect(&database.url, 4).unwrap();
    let url = database.url.clone();
    let app = TestApp::serve(
        DbKind::Postgres,
        db,
        url,
        Some(database),
        AuthArgs::default(),
        Default::default(),
    );
    let admin = app.admin().await;
    assert_eq!(
        app.get("/api/v1/units").token(&admin).send().await.status,
        200
    );

    // Idle connections: noticed when handed out, without a query, and replaced.
    terminate_sessions(&name);
    for _ in 0..8 {
        let res = app.get("/api/v1/units").token(&admin).send().await;
        assert_eq!(res.status, 200, "{}", res.text);
        let ready = app.get("/readyz").send().await;
        assert_eq!(ready.status, 200, "{}", ready.text);
    }

    // A connection in use: the failed query is a 503, and the connection is not reused.
    let mut conn = app.state.db.get().unwrap();
    assert!(!lantoa::db::pool::is_broken(&mut conn));
    terminate_sessions(&name);
    let error = conn.batch_execute("SELECT 1").unwrap_err();
    assert!(lantoa::db::pool::connection_lost(&error), "{error:?}");
    assert_eq!(
        lantoa::error::AppError::from(error).code,
        lantoa::error::ErrorCode::ServiceUnavailable
    );
    assert!(lantoa::db::pool::is_broken(&mut conn));
    drop(conn);
    for _ in 0..8 {
        let res = app.get("/api/v1/units").token(&admin).send().await;
        assert_eq!(res.status, 200, "{}", res.text);
    }
}
