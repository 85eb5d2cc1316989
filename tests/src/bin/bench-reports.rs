//! Reporting benchmark on a large province (200 units × 60 months: about 100,000 exemplars,
//! 300,000 evaluations, 50,000 proposals, 100,000 propagation activities, 12,000 introductions).
//! For each database it generates the province, moves the clock past the final review, and
//! times through the API, as the Office: the 2026–2030 figures, the Office's final consolidated
//! report (created once, then read with its live figures), its export (DOCX and XLSX annex), and
//! the dashboard. Each step is timed after a change to the data (the server computes everything
//! afresh) and with nothing changed (the server reuses the figures it kept); each figure is the
//! median of several runs, with the SQL statements per run.
//!
//!     bash .ci/bench-reports.sh    # builds in release, runs on both databases
//!     cargo run --release -p lantoa-tests --bin bench-reports -- --db sqlite --runs 5
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use std::time::Instant;

use chrono::{TimeZone, Utc};
use clap::Parser;
use lantoa_tests::province::{self, Size};
use lantoa_tests::{DbKind, TestApp};
use serde_json::json;

#[derive(Debug, Parser)]
#[command(about = "Lan Tỏa reporting benchmark on a large province")]
struct Args {
    /// sqlite, postgres or both.
    #[arg(long, default_value = "both")]
    db: String,
    /// Timed runs of each step; the figure is their median.
    #[arg(long, default_value_t = 5)]
    runs: usize,
    /// Divide the province's sizes by this (1: the full 100,000 exemplars).
    #[arg(long, default_value_t = 1)]
    scale_down: usize,
    /// Also write the generated SQLite database to this file (for studying queries), then exit.
    #[arg(long)]
    save_sqlite: Option<std::path::PathBuf>,
}

/// Timings of one step: after a change to the data (nothing computed before can be reused) and
/// again with nothing changed (what the server kept is reused).
struct Step {
    name: &'static str,
    target_ms: f64,
    cold: Runs,
    warm: Runs,
    bytes: usize,
}

#[derive(Default)]
struct Runs {
    millis: Vec<f64>,
    statements: u64,
}

impl Runs {
    fn median(&self) -> f64 {
        let mut sorted = self.millis.clone();
        sorted.sort_by(f64::total_cmp);
        sorted[sorted.len() / 2]
    }

    fn slowest(&self) -> f64 {
        self.millis.iter().copied().fold(0.0, f64::max)
    }
}

impl Step {
    fn new(name: &'static str, target_ms: f64) -> Self {
        Self {
            name,
            target_ms,
            cold: Runs::default(),
            warm: Runs::default(),
            bytes: 0,
        }
    }

    fn met(&self, runs: &Runs) -> &'static str {
        if runs.median() < self.target_ms {
            "yes"
        } else {
            "**no**"
        }
    }
}

/// A real change to the counted data (an exemplar saved again): whatever the server kept from
/// before is stale after it.
fn change_data(app: &TestApp) {
    app.db(|conn| {
        diesel::RunQueryDsl::execute(
            diesel::sql_query(
                "UPDATE exemplars SET updated_at = updated_at \
                 WHERE id = (SELECT MIN(id) FROM exemplars)",
            ),
            conn,
        )
    })
    .unwrap();
}

/// Runs `request` once (warming the statement caches), then `runs` times each after a change
/// to the data, then `runs` times with nothing changed, timing each.
async fn measure<F, Fut>(app: &TestApp, step: &mut Step, runs: usize, request: F)
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = usize>,
{
    request().await;
    for cold in [true, false] {
        let mut statements = 0;
        let mut timings = Runs::default();
        for _ in 0..runs {
            if cold {
                change_data(app);
            }
            let before = lantoa::db::statement_counts().0;
            let started = Instant::now();
            step.bytes = request().await;
            timings
                .millis
                .push(started.elapsed().as_secs_f64() * 1000.0);
            statements += lantoa::db::statement_counts().0 - before;
        }
        timings.statements = statements / runs as u64;
        if cold {
            step.cold = timings;
        } else {
            step.warm = timings;
        }
    }
}

async fn bytes_of(app: &TestApp, path: &str, token: &str) -> usize {
    let res = app.get(path).token(token).send().await;
    assert_eq!(res.status, 200, "{path}: {}", res.text);
    res.text.len()
}

async fn run(kind: DbKind, label: &str, args: &Args) {
    let app = TestApp::start(kind).await;
    // After the plan: 5 January 2031, 08:00 in Vietnam.
    app.state
        .clock
        .set(Utc.with_ymd_and_hms(2031, 1, 5, 1, 0, 0).unwrap());
    let size = if args.scale_down > 1 {
        Size::scaled(args.scale_down)
    } else {
        Size::LARGE
    };
    let started = Instant::now();
    let generated = app.db(|conn| province::generate(conn, size, 20261207));
    eprintln!(
        "{label}: generated in {:.1} s: {generated:?}",
        started.elapsed().as_secs_f64()
    );
    if let (Some(path), DbKind::Sqlite) = (&args.save_sqlite, kind) {
        app.db(|conn| {
            diesel::connection::SimpleConnection::batch_execute(
                conn,
                &format!("VACUUM INTO '{}'", path.display()),
            )
        })
        .unwrap();
        return;
    }
    let office = app.token("vanphong").await;

    let mut figures = Step::new("figures 2026–2030 (GET /report-figures)", 1000.0);
    measure(&app, &mut figures, args.runs, || {
        bytes_of(
            &app,
            "/api/v1/report-figures?from=2026-01-01&to=2030-12-31",
            &office,
        )
    })
    .await;

    let created = app
        .post("/api/v1/reports")
        .token(&office)
        .json(&json!({ "kind": "final_review", "period": "2026-2030" }))
        .send()
        .await;
    assert_eq!(created.status, 201, "{}", created.text);
    let id = created.body["id"].as_i64().unwrap();
    let report = format!("/api/v1/reports/{id}");
    let mut consolidated = Step::new("consolidated final report (GET /reports/{id})", 1000.0);
    measure(&app, &mut consolidated, args.runs, || {
        bytes_of(&app, &report, &office)
    })
    .await;

    let (docx, annex) = (format!("{report}/docx"), format!("{report}/annex"));
    let mut export = Step::new("full export: DOCX + XLSX annex", 3000.0);
    measure(&app, &mut export, args.runs, || async {
        bytes_of(&app, &docx, &office).await + bytes_of(&app, &annex, &office).await
    })
    .await;

    let mut dashboard = Step::new("dashboard 2030 (GET /dashboard)", 300.0);
    measure(&app, &mut dashboard, args.runs, || {
        bytes_of(&app, "/api/v1/dashboard?year=2030", &office)
    })
    .await;

    println!(
        "\n### {label}: {} units, {} exemplars, {} evaluations, {} proposals ({} nominees), {} propagation activities, {} introductions, {} unit reports; median of {} runs\n",
        generated.units,
        generated.exemplars,
        generated.evaluations,
        generated.proposals,
        generated.nominees,
        generated.activities,
        generated.introductions,
        generated.unit_reports,
        args.runs
    );
    println!(
        "| step | after a change: median (ms) | slowest | unchanged: median (ms) | slowest | target (ms) | met after a change | met unchanged | statements (after a change / unchanged) | bytes |"
    );
    println!("|---|---:|---:|---:|---:|---:|---|---|---:|---:|");
    for step in [&figures, &consolidated, &export, &dashboard] {
        println!(
            "| {} | {:.0} | {:.0} | {:.0} | {:.0} | < {:.0} | {} | {} | {} / {} | {} |",
            step.name,
            step.cold.median(),
            step.cold.slowest(),
            step.warm.median(),
            step.warm.slowest(),
            step.target_ms,
            step.met(&step.cold),
            step.met(&step.warm),
            step.cold.statements,
            step.warm.statements,
            step.bytes
        );
    }
}

#[actix_web::main]
async fn main() {
    let args = Args::parse();
    let kinds: Vec<(DbKind, &str)> = match args.db.as_str() {
        "sqlite" => vec![(DbKind::Sqlite, "SQLite")],
        "postgres" => vec![(DbKind::Postgres, "PostgreSQL")],
        _ => vec![(DbKind::Sqlite, "SQLite"), (DbKind::Postgres, "PostgreSQL")],
    };
    for (kind, label) in kinds {
        run(kind, label, &args).await;
    }
}
