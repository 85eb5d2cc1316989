//! Load benchmark: starts Lan Tỏa in-process on a fresh database, drives it over loopback with
//! concurrent clients, and prints throughput and p50/p99 latency per scenario.
//!
//!     cargo run --release -p lantoa-tests --bin bench -- --db both
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::Parser;
use hdrhistogram::Histogram;
use lantoa::config::AuthArgs;
use lantoa::state::Settings;
use lantoa_tests::databases::TestDatabase;
use lantoa_tests::{DEMO_PASSWORD, DbKind, JWT_SECRET};
use serde_json::json;

#[derive(Debug, Parser)]
#[command(about = "Lan Tỏa load benchmark")]
struct Args {
    /// sqlite, postgres or both.
    #[arg(long, default_value = "both")]
    db: String,
    /// Seconds per scenario.
    #[arg(long, default_value_t = 10)]
    seconds: u64,
    /// Concurrent clients for the read scenarios.
    #[arg(long, default_value_t = 32)]
    clients: usize,
    /// Concurrent clients for the login scenario (password hashing is deliberately slow).
    #[arg(long, default_value_t = 8)]
    login_clients: usize,
    /// Server worker threads.
    #[arg(long, default_value_t = 2)]
    workers: usize,
    /// Pooled database connections of the server.
    #[arg(long, default_value_t = 4)]
    pool: u32,
    /// Exemplars generated for the exemplar scenarios (0 skips them).
    #[arg(long, default_value_t = 100_000)]
    exemplars: usize,
    /// Run only the exemplar scenarios.
    #[arg(long)]
    exemplars_only: bool,
    /// Run only the exemplar scenarios whose name contains this text.
    #[arg(long)]
    only: Option<String>,
    /// Also write the generated SQLite database to this file (for profiling queries), then exit.
    #[arg(long)]
    save_sqlite: Option<std::path::PathBuf>,
    /// Generate into this (empty) PostgreSQL database and keep it (for profiling queries), then exit.
    #[arg(long)]
    save_postgres: Option<String>,
}

struct Server {
    base: String,
    handle: actix_web::dev::ServerHandle,
    thread: Option<std::thread::JoinHandle<()>>,
}

fn start_server(url: &str, workers: usize, pool: u32) -> Server {
    let db = lantoa::db::Db::connect(url, pool).unwrap();
    let auth = AuthArgs {
        login_failures_before_delay: 1_000_000,
        login_max_failures_per_ip: 1_000_000,
        ..AuthArgs::default()
    };
    let state = lantoa::build_state(db, lantoa::clock::Clock::system(), JWT_SECRET, &auth, Settings::default());
    let (tx, rx) = std::sync::mpsc::channel();
    let thread = std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            let server = actix_web::HttpServer::new(move || {
                lantoa::app(state.clone(), lantoa::WebOptions::default())
            })
            .workers(workers)
            .disable_signals()
            .bind("127.0.0.1:0")
            .unwrap();
            let port = server.addrs()[0].port();
            let server = server.run();
            tx.send((port, server.handle())).unwrap();
            server.await.unwrap();
        });
    });
    let (port, handle) = rx.recv().unwrap();
    Server {
        base: format!("http://127.0.0.1:{port}"),
        handle,
        thread: Some(thread),
    }
}

impl Server {
    async fn stop(mut self) {
        self.handle.stop(true).await;
        if let Some(thread) = self.thread.take() {
            thread.join().unwrap();
        }
    }
}

/// Reads the whole response (as a browser would, and so that the connection is reused).
async fn succeeded(response: reqwest::Result<reqwest::Response>) -> bool {
    match response {
        Ok(response) => response.status().is_success() && response.bytes().await.is_ok(),
        Err(_) => false,
    }
}

struct Outcome {
    requests: u64,
    errors: u64,
    elapsed: Duration,
    latency: Histogram<u64>,
}

/// Runs `clients` loops of `request` for `duration`; each call returns whether it succeeded.
async fn load<F, Fut>(clients: usize, duration: Duration, request: F) -> Outcome
where
    F: Fn(reqwest::Client) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = bool> + Send,
{
    let request = Arc::new(request);
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(clients)
        .build()
        .unwrap();
    let started = Instant::now();
    let deadline = started + duration;
    let mut tasks = Vec::new();
    for _ in 0..clients {
        let request = request.clone();
        let client = client.clone();
        tasks.push(tokio::spawn(async move {
            let mut latency = Histogram::<u64>::new_with_bounds(1, 60_000_000, 3).unwrap();
            let (mut requests, mut errors) = (0u64, 0u64);
            while Instant::now() < deadline {
                let t = Instant::now();
                let ok = request(client.clone()).await;
                latency
                    .record(t.elapsed().as_micros().max(1) as u64)
                    .unwrap();
                requests += 1;
                errors += u64::from(!ok);
            }
            (requests, errors, latency)
        }));
    }
    let mut outcome = Outcome {
        requests: 0,
        errors: 0,
        elapsed: Duration::ZERO,
        latency: Histogram::new_with_bounds(1, 60_000_000, 3).unwrap(),
    };
    for task in tasks {
        let (requests, errors, latency) = task.await.unwrap();
        outcome.requests += requests;
        outcome.errors += errors;
        outcome.latency.add(latency).unwrap();
    }
    outcome.elapsed = started.elapsed();
    outcome
}

fn report(db: &str, scenario: &str, clients: usize, o: &Outcome) {
    let ms = |q: f64| o.latency.value_at_quantile(q) as f64 / 1000.0;
    println!(
        "| {db:<8} | {scenario:<34} | {clients:>7} | {:>8} | {:>9.0} | {:>8.1} | {:>8.1} | {:>6} |",
        o.requests,
        o.requests as f64 / o.elapsed.as_secs_f64(),
        ms(0.50),
        ms(0.99),
        o.errors
    );
}

async fn run(kind: DbKind, name: &str, args: &Args) {
    let database = TestDatabase::create(kind);
    let generated = (args.exemplars > 0).then(|| {
        let started = Instant::now();
        let db = lantoa::db::Db::connect(&database.url, 1).unwrap();
        let mut conn = db.get().unwrap();
        let generated = lantoa_tests::generator::generate(&mut conn, args.exemplars, 20261127);
        eprintln!(
            "{name}: generated {} exemplars and {} evaluations in {:.1} s",
            generated.exemplars,
            generated.evaluations,
            started.elapsed().as_secs_f64()
        );
        generated
    });
    let server = start_server(&database.url, args.workers, args.pool);
    let base = Arc::new(server.base.clone());
    let duration = Duration::from_secs(args.seconds);
    if !args.exemplars_only {
        foundation(name, args, base.clone(), duration).await;
    }
    if let Some(generated) = generated {
        exemplar_scenarios(name, args, base.clone(), duration, &generated).await;
    }
    server.stop().await;
}

async fn token_for(base: &str, username: &str) -> String {
    reqwest::Client::new()
        .post(format!("{base}/api/v1/auth/login"))
        .json(&json!({ "username": username, "password": DEMO_PASSWORD }))
        .send()
        .await
        .unwrap()
        .json::<serde_json::Value>()
        .await
        .unwrap()["accessToken"]
        .as_str()
        .unwrap()
        .to_owned()
}

const SEARCHES: [&str; 8] = [
    "nguyen van",
    "tran thi",
    "hoa giai",
    "tro giup phap ly",
    "zalo",
    "my hiep",
    "le minh",
    "so hoa ho so",
];
const STAGES: [&str; 4] = ["discovered", "nurturing", "summarized", "replicated"];
const CATEGORIES: [&str; 4] = ["advanced", "new_model", "new_factor", "good_deed"];

fn filtered_list_path(rng: &mut lantoa_tests::generator::Rng) -> String {
    let unit = 2 + rng.below(10);
    match rng.below(4) {
        0 => format!(
            "/api/v1/exemplars?unitId={unit}&stage={}",
            STAGES[rng.below(4)]
        ),
        1 => format!(
            "/api/v1/exemplars?category={}&year={}",
            CATEGORIES[rng.below(4)],
            2024 + rng.below(3)
        ),
        2 => format!(
            "/api/v1/exemplars?stage={}&sort=name&page={}",
            STAGES[rng.below(4)],
            1 + rng.below(5)
        ),
        _ => format!(
            "/api/v1/exemplars?movementId={}&unitId={unit}",
            1 + rng.below(5)
        ),
    }
}

async fn exemplar_scenarios(
    name: &str,
    args: &Args,
    base: Arc<String>,
    duration: Duration,
    generated: &lantoa_tests::generator::Generated,
) {
    let token = Arc::new(token_for(&base, "vanphong").await);
    let (first, last) = (generated.first_id, generated.last_id);
    type PathFn = fn(&mut lantoa_tests::generator::Rng, i64, i64) -> String;
    let scenarios: [(&str, PathFn); 3] = [
        ("GET /exemplars (filtered list)", |rng, _, _| {
            filtered_list_path(rng)
        }),
        ("GET /exemplars?q= (search)", |rng, _, _| {
            format!(
                "/api/v1/exemplars?q={}",
                SEARCHES[rng.below(SEARCHES.len())].replace(' ', "%20")
            )
        }),
        ("GET /exemplars/{id} (detail)", |rng, first, last| {
            format!(
                "/api/v1/exemplars/{}",
                first + rng.below((last - first + 1) as usize) as i64
            )
        }),
    ];
    for (scenario, path) in scenarios {
        if args
            .only
            .as_deref()
            .is_some_and(|only| !scenario.contains(only))
        {
            continue;
        }
        let base = base.clone();
        let token = token.clone();
        let seed = std::sync::atomic::AtomicU64::new(1);
        let seed = Arc::new(seed);
        let outcome = load(args.clients, duration, move |client| {
            let mut rng = lantoa_tests::generator::Rng::new(
                seed.fetch_add(7919, std::sync::atomic::Ordering::Relaxed),
            );
            let url = format!("{base}{}", path(&mut rng, first, last));
            let token = token.clone();
            async move { succeeded(client.get(url).bearer_auth(token.as_str()).send().await).await }
        })
        .await;
        report(name, scenario, args.clients, &outcome);
    }
}

async fn foundation(name: &str, args: &Args, base: Arc<String>, duration: Duration) {
    let login_base = base.clone();
    let login = load(args.login_clients, duration, move |client| {
        let url = format!("{login_base}/api/v1/auth/login");
        async move {
            let body = json!({ "username": "vanphong", "password": DEMO_PASSWORD });
            succeeded(client.post(url).json(&body).send().await).await
        }
    })
    .await;
    report(name, "POST /api/v1/auth/login", args.login_clients, &login);

    let client = reqwest::Client::new();
    let token: String = client
        .post(format!("{base}/api/v1/auth/login"))
        .json(&json!({ "username": "vanphong", "password": DEMO_PASSWORD }))
        .send()
        .await
        .unwrap()
        .json::<serde_json::Value>()
        .await
        .unwrap()["accessToken"]
        .as_str()
        .unwrap()
        .to_owned();
    let token = Arc::new(token);
    for (scenario, path) in [
        ("GET /api/v1/units", "/api/v1/units"),
        (
            "GET /api/v1/units?q=tro giup&active",
            "/api/v1/units?q=tro%20giup&active=true",
        ),
        ("GET /api/v1/units/tree", "/api/v1/units/tree"),
    ] {
        let url = Arc::new(format!("{base}{path}"));
        let token = token.clone();
        let outcome = load(args.clients, duration, move |client| {
            let url = url.clone();
            let token = token.clone();
            async move {
                succeeded(
                    client
                        .get(url.as_str())
                        .bearer_auth(token.as_str())
                        .send()
                        .await,
                )
                .await
            }
        })
        .await;
        report(name, scenario, args.clients, &outcome);
    }
}

fn main() {
    let args = Args::parse();
    if let Some(url) = &args.save_postgres {
        let db = lantoa::db::Db::connect(url, 1).unwrap();
        let mut conn = db.get().unwrap();
        lantoa::db::run_migrations(&mut conn).unwrap();
        lantoa::seed::reference::ensure(&mut conn, lantoa::clock::Clock::system().now_naive()).unwrap();
        lantoa::seed::demo::seed(&mut conn, lantoa::clock::Clock::system().now_naive()).unwrap();
        lantoa_tests::generator::generate(&mut conn, args.exemplars, 20261127);
        return;
    }
    if let Some(path) = &args.save_sqlite {
        let database = TestDatabase::create(DbKind::Sqlite);
        let db = lantoa::db::Db::connect(&database.url, 1).unwrap();
        let mut conn = db.get().unwrap();
        lantoa_tests::generator::generate(&mut conn, args.exemplars, 20261127);
        diesel::connection::SimpleConnection::batch_execute(
            &mut *conn,
            &format!("VACUUM INTO '{}'", path.display()),
        )
        .unwrap();
        return;
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    println!(
        "Lan Tỏa benchmark: {} s per scenario, {} server workers, {} generated exemplars, loopback, {}",
        args.seconds,
        args.workers,
        args.exemplars,
        env!("CARGO_PKG_VERSION")
    );
    println!(
        "| database | scenario                           | clients | requests |  req/s    | p50 (ms) | p99 (ms) | errors |"
    );
    println!(
        "|----------|------------------------------------|---------|----------|-----------|----------|----------|--------|"
    );
    runtime.block_on(async {
        if args.db == "sqlite" || args.db == "both" {
            run(DbKind::Sqlite, "SQLite", &args).await;
        }
        if args.db == "postgres" || args.db == "both" {
            run(DbKind::Postgres, "Postgres", &args).await;
        }
    });
    if args.db == "postgres" || args.db == "both" {
        lantoa_tests::databases::drop_template();
    }
}
