//! Load benchmark. For each database it generates a realistic data set, starts Lan Tỏa and a
//! baseline server (the leanest actix-web + diesel server, `baseline.rs`) in this process, drives
//! both with wrk in interleaved rounds, and prints medians with each scenario's ratio to its
//! baseline, the SQL statements per request and the targets; then the start-up time and idle
//! memory of the real `lantoa serve` process.
//!
//!     bash .ci/bench.sh            # installs wrk, builds in release, runs on both databases
//!     cargo run --release -p lantoa-tests --bin bench -- --db sqlite --rounds 3 --seconds 10
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

mod baseline;
mod process;
mod server;
mod wrk;

use std::time::{Duration, Instant};

use clap::Parser;
use lantoa_tests::databases::TestDatabase;
use lantoa_tests::generator::Rng;
use lantoa_tests::{DEMO_PASSWORD, DbKind};
use serde_json::{Value, json};

#[derive(Debug, Parser)]
#[command(about = "Lan Tỏa load benchmark")]
struct Args {
    /// sqlite, postgres or both.
    #[arg(long, default_value = "both")]
    db: String,
    /// Seconds per scenario and round.
    #[arg(long, default_value_t = 10)]
    seconds: u64,
    /// Interleaved rounds; each figure is the median over them.
    #[arg(long, default_value_t = 3)]
    rounds: usize,
    /// Open connections of the read scenarios.
    #[arg(long, default_value_t = 64)]
    connections: usize,
    /// Concurrent writers of the write scenario.
    #[arg(long, default_value_t = 8)]
    writers: usize,
    /// wrk threads.
    #[arg(long, default_value_t = 2)]
    threads: usize,
    /// Server worker threads (Lan Tỏa and the baseline alike).
    #[arg(long, default_value_t = 2)]
    workers: usize,
    /// Pooled database connections (Lan Tỏa and the baseline alike; default: the server's).
    #[arg(long, default_value_t = lantoa::config::default_pool_size())]
    pool: u32,
    /// Exemplars generated for the exemplar scenarios.
    #[arg(long, default_value_t = 100_000)]
    exemplars: usize,
    /// Run only the scenarios whose name contains this text (baselines always run).
    #[arg(long)]
    only: Option<String>,
    /// Also write the generated SQLite database to this file (for studying queries), then exit.
    #[arg(long)]
    save_sqlite: Option<std::path::PathBuf>,
}

#[derive(Clone, Copy, PartialEq)]
enum Side {
    Baseline,
    LanToa,
}

#[derive(Clone, Copy)]
enum Target {
    /// At least this share of the named baseline scenario's throughput, and optionally a p99.
    Ratio(&'static str, f64, Option<f64>),
    /// A p99 ceiling in milliseconds.
    P99(f64),
    None,
}

struct Scenario {
    name: &'static str,
    side: Side,
    method: &'static str,
    paths: Vec<String>,
    body: Option<String>,
    authenticated: bool,
    target: Target,
    runs: Vec<wrk::Measured>,
    statements: u64,
    cached: u64,
    /// Processor time of this process (both servers run in it; wrk does not), in seconds.
    cpu_seconds: f64,
}

impl Scenario {
    fn get(name: &'static str, side: Side, paths: Vec<String>, target: Target) -> Self {
        Self {
            name,
            side,
            method: "GET",
            paths,
            body: None,
            authenticated: side == Side::LanToa,
            target,
            runs: Vec::new(),
            statements: 0,
            cached: 0,
            cpu_seconds: 0.0,
        }
    }

    fn median(&self, pick: impl Fn(&wrk::Measured) -> f64) -> f64 {
        let mut values: Vec<f64> = self.runs.iter().map(pick).collect();
        values.sort_by(f64::total_cmp);
        values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
    }

    fn requests(&self) -> u64 {
        self.runs.iter().map(|r| r.requests).sum()
    }
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

fn filtered_list_path(rng: &mut Rng, units: &[i64]) -> String {
    let unit = units[rng.below(units.len())];
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

async fn sign_in(base: &str, username: &str) -> String {
    let answer: Value = reqwest::Client::new()
        .post(format!("{base}/api/v1/auth/login"))
        .json(&json!({ "username": username, "password": DEMO_PASSWORD }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    answer["accessToken"].as_str().unwrap().to_owned()
}

async fn get_json(base: &str, path: &str, token: &str) -> Value {
    reqwest::Client::new()
        .get(format!("{base}{path}"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

fn scenarios(units: &[i64], exemplars: (i64, i64), writer_unit: i64) -> Vec<Scenario> {
    let mut rng = Rng::new(20261207);
    let unit_paths =
        |prefix: &str| -> Vec<String> { units.iter().map(|id| format!("{prefix}{id}")).collect() };
    let (first, last) = exemplars;
    let span = (last - first + 1).max(1) as usize;
    let details: Vec<String> = (0..2000)
        .map(|_| format!("/api/v1/exemplars/{}", first + rng.below(span) as i64))
        .collect();
    let lists: Vec<String> = (0..500)
        .map(|_| filtered_list_path(&mut rng, units))
        .collect();
    let searches: Vec<String> = SEARCHES
        .iter()
        .map(|q| format!("/api/v1/exemplars?q={}", q.replace(' ', "%20")))
        .collect();
    let new_exemplar = json!({
        "subjectKind": "individual",
        "name": "Nguyễn Thị Benchmark",
        "unitId": writer_unit,
        "category": "advanced",
        "fieldOfWork": "Trợ giúp pháp lý",
        "position": "Trợ giúp viên pháp lý",
        "achievements": "Thực hiện 120 vụ việc trợ giúp pháp lý cho người dân vùng sâu, vùng xa.",
        "discoveredOn": "2026-11-02",
        "movementIds": [1],
        "initiatives": [{ "title": "Số hóa hồ sơ", "year": 2026 }]
    });
    vec![
        Scenario::get(
            "bare GET /json",
            Side::Baseline,
            vec!["/json".into()],
            Target::None,
        ),
        Scenario::get(
            "GET /healthz",
            Side::LanToa,
            vec!["/healthz".into()],
            Target::Ratio("bare GET /json", 0.8, None),
        ),
        Scenario::get(
            "bare GET /units/{id}",
            Side::Baseline,
            unit_paths("/units/"),
            Target::None,
        ),
        Scenario::get(
            "GET /api/v1/units/{id}",
            Side::LanToa,
            unit_paths("/api/v1/units/"),
            Target::None, // set per database below
        ),
        Scenario::get(
            "GET /api/v1/exemplars/{id} (detail)",
            Side::LanToa,
            details,
            Target::Ratio("bare GET /units/{id}", 0.3, Some(25.0)),
        ),
        Scenario::get(
            "GET /api/v1/exemplars (filtered list)",
            Side::LanToa,
            lists,
            Target::P99(50.0),
        ),
        Scenario::get(
            "GET /api/v1/exemplars?q= (search)",
            Side::LanToa,
            searches,
            Target::P99(100.0),
        ),
        Scenario::get(
            "GET /api/v1/units",
            Side::LanToa,
            vec!["/api/v1/units".into()],
            Target::None,
        ),
        Scenario::get(
            "GET /api/v1/units/tree",
            Side::LanToa,
            vec!["/api/v1/units/tree".into()],
            Target::None,
        ),
        Scenario {
            name: "POST /api/v1/exemplars (writers)",
            method: "POST",
            body: Some(new_exemplar.to_string()),
            ..Scenario::get(
                "",
                Side::LanToa,
                vec!["/api/v1/exemplars".into()],
                Target::None,
            )
        },
        Scenario {
            name: "POST /api/v1/auth/login",
            method: "POST",
            body: Some(json!({ "username": "vanphong", "password": DEMO_PASSWORD }).to_string()),
            authenticated: false,
            ..Scenario::get(
                "",
                Side::LanToa,
                vec!["/api/v1/auth/login".into()],
                Target::None,
            )
        },
    ]
}

fn is_write(scenario: &Scenario) -> bool {
    scenario.method != "GET"
}

async fn run(kind: DbKind, label: &str, args: &Args) {
    let database = TestDatabase::create(kind);
    let started = Instant::now();
    let generated = {
        let db = lantoa::db::Db::connect(&database.url, 1).unwrap();
        let mut conn = db.get().unwrap();
        lantoa_tests::generator::generate(&mut conn, args.exemplars, 20261127)
    };
    eprintln!(
        "{label}: generated {} exemplars and {} evaluations in {:.1} s",
        generated.exemplars,
        generated.evaluations,
        started.elapsed().as_secs_f64()
    );

    let startups: Vec<process::StartUp> = (0..3)
        .map(|_| process::measure(&database.url, args.workers, args.pool))
        .collect();

    let lantoa = server::lantoa(&database.url, args.workers, args.pool);
    let bare = baseline::start(&database.url, args.workers, args.pool);
    let token = sign_in(&lantoa.base, "vanphong").await;
    let units: Vec<i64> =
        get_json(&lantoa.base, "/api/v1/units?active=true", &token).await["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|u| u["kind"] != "department")
            .map(|u| u["id"].as_i64().unwrap())
            .collect();
    let mut all = scenarios(&units, (generated.first_id, generated.last_id), units[0]);
    let unit_ratio = if kind == DbKind::Sqlite { 0.6 } else { 0.8 };
    for scenario in &mut all {
        if scenario.name == "GET /api/v1/units/{id}" {
            scenario.target = Target::Ratio("bare GET /units/{id}", unit_ratio, None);
        }
    }
    let selected = |s: &Scenario| {
        s.side == Side::Baseline
            || args
                .only
                .as_deref()
                .is_none_or(|only| s.name.contains(only))
    };

    // Reads first, in interleaved rounds; then the writers (they change what the reads count).
    for writes in [false, true] {
        for round in 0..args.rounds {
            for scenario in all
                .iter_mut()
                .filter(|s| is_write(s) == writes && selected(s))
            {
                let login = scenario.name.contains("login");
                if login && round > 0 {
                    continue;
                }
                let base = match scenario.side {
                    Side::Baseline => &bare.base,
                    Side::LanToa => &lantoa.base,
                };
                let connections = if writes {
                    args.writers
                } else {
                    args.connections
                };
                let before = lantoa::db::statement_counts();
                let cpu_before = process::cpu_seconds();
                let measured = wrk::run(
                    base,
                    &wrk::Load {
                        method: scenario.method,
                        paths: &scenario.paths,
                        token: scenario.authenticated.then_some(token.as_str()),
                        body: scenario.body.as_deref(),
                        connections,
                        threads: args.threads.min(connections),
                        duration: Duration::from_secs(args.seconds),
                    },
                );
                let after = lantoa::db::statement_counts();
                scenario.cpu_seconds += process::cpu_seconds() - cpu_before;
                if scenario.side == Side::LanToa {
                    scenario.statements += after.0 - before.0;
                    scenario.cached += after.1 - before.1;
                }
                eprintln!(
                    "{label} round {}: {:<40} {:>9.0} req/s  p99 {:>7.2} ms  errors {}",
                    round + 1,
                    scenario.name,
                    measured.per_second,
                    measured.p99_ms,
                    measured.errors
                );
                scenario.runs.push(measured);
            }
        }
    }
    lantoa.stop().await;
    bare.stop().await;

    report(label, args, &all, &startups);
}

fn report(label: &str, args: &Args, all: &[Scenario], startups: &[process::StartUp]) {
    println!(
        "\n### {label}: medians of {} rounds of {} s, {} connections ({} for writes), {} wrk threads, {} server workers, pool {}\n",
        args.rounds,
        args.seconds,
        args.connections,
        args.writers,
        args.threads,
        args.workers,
        args.pool
    );
    println!(
        "| scenario | req/s | p50 (ms) | p99 (ms) | ratio | target | met | statements/req | newly cached/req | server CPU µs/req | errors |"
    );
    println!("|---|---:|---:|---:|---:|---|---|---:|---:|---:|---:|");
    let (mut met, mut targets) = (0, 0);
    for scenario in all.iter().filter(|s| !s.runs.is_empty()) {
        let rps = scenario.median(|m| m.per_second);
        let p99 = scenario.median(|m| m.p99_ms);
        let baseline_of = |name: &str| {
            all.iter()
                .find(|s| s.name == name)
                .map(|s| s.median(|m| m.per_second))
                .unwrap_or(f64::NAN)
        };
        let (ratio, target, ok) = match scenario.target {
            Target::Ratio(base, min, max_p99) => {
                let ratio = rps / baseline_of(base);
                let ok = ratio >= min && max_p99.is_none_or(|limit| p99 <= limit);
                let text = match max_p99 {
                    Some(limit) => format!("≥ {min}× {base}, p99 ≤ {limit} ms"),
                    None => format!("≥ {min}× {base}"),
                };
                (format!("{ratio:.2}×"), text, Some(ok))
            }
            Target::P99(limit) => (
                String::new(),
                format!("p99 ≤ {limit} ms"),
                Some(p99 <= limit),
            ),
            Target::None => (String::new(), String::new(), None),
        };
        if let Some(ok) = ok {
            targets += 1;
            met += usize::from(ok);
        }
        let per_request = |count: u64| {
            if scenario.side == Side::Baseline || scenario.requests() == 0 {
                String::new()
            } else {
                format!("{:.2}", count as f64 / scenario.requests() as f64)
            }
        };
        let cpu_per_request = if scenario.requests() == 0 {
            f64::NAN
        } else {
            scenario.cpu_seconds * 1e6 / scenario.requests() as f64
        };
        println!(
            "| {} | {:.0} | {:.2} | {:.2} | {} | {} | {} | {} | {} | {:.1} | {} |",
            scenario.name,
            rps,
            scenario.median(|m| m.p50_ms),
            p99,
            ratio,
            target,
            match ok {
                Some(true) => "yes",
                Some(false) => "**no**",
                None => "",
            },
            per_request(scenario.statements),
            per_request(scenario.cached),
            cpu_per_request,
            scenario.runs.iter().map(|r| r.errors).sum::<u64>()
        );
    }
    let mut ready: Vec<f64> = startups
        .iter()
        .map(|s| s.ready.as_secs_f64() * 1000.0)
        .collect();
    let mut rss: Vec<f64> = startups.iter().map(|s| s.idle_rss_mb).collect();
    ready.sort_by(f64::total_cmp);
    rss.sort_by(f64::total_cmp);
    let (ready, rss) = (ready[ready.len() / 2], rss[rss.len() / 2]);
    println!(
        "| `lantoa serve` start-up to first /healthz (median of {}) | | | | | ≤ 300 ms | {} | {ready:.0} ms | | | |",
        startups.len(),
        if ready <= 300.0 { "yes" } else { "**no**" }
    );
    println!(
        "| `lantoa serve` idle resident memory | | | | | ≤ 40 MB | {} | {rss:.1} MB | | | |",
        if rss <= 40.0 { "yes" } else { "**no**" }
    );
    targets += 2;
    met += usize::from(ready <= 300.0) + usize::from(rss <= 40.0);
    println!("\n{label}: {met} of {targets} targets met");
}

fn main() {
    let args = Args::parse();
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
    // The server logs as in production (JSON lines, the default filter) to a file.
    let log_path = std::env::temp_dir().join(format!("lantoa-bench-{}.log", std::process::id()));
    let log = std::sync::Arc::new(std::fs::File::create(&log_path).unwrap());
    lantoa::logging::init_with(
        lantoa::config::LogFormat::Json,
        lantoa::logging::DEFAULT_FILTER,
        log,
    );
    println!(
        "Lan Tỏa benchmark {} ({} exemplars; server log {})",
        env!("CARGO_PKG_VERSION"),
        args.exemplars,
        log_path.display()
    );
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        if args.db == "sqlite" || args.db == "both" {
            run(DbKind::Sqlite, "SQLite", &args).await;
        }
        if args.db == "postgres" || args.db == "both" {
            run(DbKind::Postgres, "PostgreSQL", &args).await;
        }
    });
    if args.db == "postgres" || args.db == "both" {
        lantoa_tests::databases::drop_template();
    }
}
