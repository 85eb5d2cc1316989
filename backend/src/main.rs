//! `lantoa`: the Lan Tỏa server and its administration commands.

use std::io::Write;
use std::process::ExitCode;

use actix_web::HttpServer;
use clap::Parser;
use lantoa::clock::Clock;
use lantoa::config::{Cli, Command, DatabaseArgs};
use lantoa::db::Db;
use lantoa::state::Settings;
use lantoa::{WebOptions, config, db, seed};

/// Connects, applies migrations and the reference data.
fn open_database(args: &DatabaseArgs) -> Result<Db, String> {
    let url = if args.database_url.starts_with("postgres") {
        args.database_url.clone()
    } else {
        std::fs::create_dir_all(&args.data_dir)
            .map_err(|e| format!("cannot create {}: {e}", args.data_dir.display()))?;
        args.database_url.clone()
    };
    let database = Db::connect(&url, args.pool_size)?;
    let mut conn = database
        .get()
        .map_err(|e| format!("cannot connect to the database: {e}"))?;
    let applied = db::run_migrations(&mut conn).map_err(|e| format!("migration failed: {e}"))?;
    for version in &applied {
        tracing::info!(%version, "migration applied");
    }
    for created in seed::reference::ensure(&mut conn, Clock::system().now_naive())
        .map_err(|e| format!("seeding reference data failed: {e}"))?
    {
        tracing::info!("created the reference {created}");
    }
    Ok(database)
}

fn run(cli: Cli) -> Result<(), String> {
    match cli.command {
        Command::Serve(args) => {
            lantoa::logging::init(args.database.log_format);
            let database = open_database(&args.database)?;
            let (secret, generated) = config::load_or_create_jwt_secret(
                args.jwt_secret.as_deref(),
                &args.database.data_dir,
            )
            .map_err(|e| format!("JWT secret: {e}"))?;
            if generated {
                tracing::warn!(
                    path = %args.database.data_dir.join("jwt-secret").display(),
                    "LANTOA_JWT_SECRET is not set: generated a secret and stored it in the data directory"
                );
            }
            let delivery = args.scheduler.delivery()?;
            if delivery.smtp.is_none() {
                tracing::info!("LANTOA_SMTP_HOST is not set: reminders are not sent by e-mail");
            }
            let publicity = lantoa::publicity::PublicitySettings::new(
                &args.public_base_url,
                &args.embed_frame_ancestors,
            )?;
            if args.clock_offset_days != 0 {
                tracing::warn!(
                    days = args.clock_offset_days,
                    "LANTOA_CLOCK_OFFSET_DAYS is set: this server's clock is not the machine's"
                );
            }
            let state = lantoa::build_state(
                database,
                Clock::shifted(chrono::Duration::days(args.clock_offset_days)),
                &secret,
                &args.auth,
                Settings {
                    max_json_bytes: args.max_json_bytes,
                    max_upload_bytes: args.max_upload_bytes,
                    data_dir: args.database.data_dir.clone(),
                    delivery,
                    publicity,
                    ..Settings::default()
                },
            );
            let scheduler_state = state.clone();
            let scheduler_interval = args.scheduler.interval();
            let options = WebOptions {
                static_dir: Some(args.static_dir.clone()),
                cors_origins: args.cors_origins.clone(),
                hsts: args.hsts,
            };
            let options: WebOptions = WebOptions {
                cors_origins: options
                    .cors_origins
                    .into_iter()
                    .filter(|o| !o.trim().is_empty())
                    .collect(),
                ..options
            };
            if !args.static_dir.join("index.html").is_file() {
                tracing::warn!(dir = %args.static_dir.display(), "the SPA is not built: only the API is served");
            }
            let mut server = HttpServer::new(move || lantoa::app(state.clone(), options.clone()))
                .shutdown_timeout(20)
                .bind(&args.bind)
                .map_err(|e| format!("cannot listen on {}: {e}", args.bind))?;
            if args.workers > 0 {
                server = server.workers(args.workers);
            }
            tracing::info!(
                "Lan Tỏa is listening on http://{} (API docs: /api/docs)",
                args.bind
            );
            actix_web::rt::System::new()
                .block_on(async move {
                    match scheduler_interval {
                        Some(interval) => lantoa::scheduler::spawn(scheduler_state, interval),
                        None => tracing::info!(
                            "LANTOA_SCHEDULER_INTERVAL is 0: this server sends no reminders"
                        ),
                    }
                    server.run().await
                })
                .map_err(|e| format!("server error: {e}"))
        }
        Command::Migrate(args) => {
            lantoa::logging::init(args.log_format);
            open_database(&args).map(|_| ())
        }
        Command::CreateAdmin(args) => {
            lantoa::logging::init(args.database.log_format);
            let database = open_database(&args.database)?;
            let mut conn = database.get().map_err(|e| e.to_string())?;
            let outcome = seed::admin::create_or_reset(
                &mut conn,
                &args.username,
                &args.full_name,
                args.password.as_deref(),
                Clock::system().now_naive(),
            )
            .map_err(|e| e.to_string())?;
            let mut out = std::io::stdout().lock();
            let _ = writeln!(out, "{outcome}");
            Ok(())
        }
        Command::SeedDemo(args) => {
            lantoa::logging::init(args.database.log_format);
            let database = open_database(&args.database)?;
            let mut conn = database.get().map_err(|e| e.to_string())?;
            let clock = Clock::system();
            // The accounts date from the start of the demo year, before anything they did in it.
            let accounts_at = chrono::NaiveDate::from_ymd_opt(2026, 1, 5)
                .and_then(|d| d.and_hms_opt(1, 0, 0))
                .map_or(clock.now_naive(), |at| at.min(clock.now_naive()));
            let created = seed::demo::seed(&mut conn, accounts_at).map_err(|e| e.to_string())?;
            let mut out = std::io::stdout().lock();
            let _ = writeln!(out, "{}", seed::demo::describe(created));
            if !args.accounts_only {
                let report = seed::demo_year::seed(&mut conn, &args.database.data_dir, &clock)
                    .map_err(|e| format!("seeding the demo year failed: {e}"))?;
                let _ = writeln!(out, "{}", seed::demo_year::describe(&report));
                drop(conn);
                let real_now = clock.now();
                let state = lantoa::build_state(
                    database,
                    Clock::fixed(real_now),
                    &rand::random::<[u8; 32]>(),
                    &config::AuthArgs::default(),
                    Settings {
                        data_dir: args.database.data_dir.clone(),
                        ..Settings::default()
                    },
                );
                let commendations = actix_web::rt::System::new()
                    .block_on(seed::demo_commendations::seed(state, real_now))
                    .map_err(|e| {
                        format!(
                            "seeding the demo commendations failed: {}",
                            e.internal_cause().unwrap_or_default()
                        )
                    })?;
                let _ = writeln!(
                    out,
                    "{}",
                    seed::demo_commendations::describe(&commendations)
                );
            }
            Ok(())
        }
        Command::ExportOpenapi(args) => {
            let json =
                serde_json::to_string_pretty(&lantoa::openapi()).map_err(|e| e.to_string())? + "\n";
            if args.output.as_os_str() == "-" {
                std::io::stdout()
                    .lock()
                    .write_all(json.as_bytes())
                    .map_err(|e| e.to_string())
            } else {
                if let Some(dir) = args.output.parent().filter(|d| !d.as_os_str().is_empty()) {
                    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
                }
                std::fs::write(&args.output, json)
                    .map_err(|e| format!("cannot write {}: {e}", args.output.display()))
            }
        }
    }
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            let _ = writeln!(std::io::stderr(), "lantoa: {message}");
            ExitCode::FAILURE
        }
    }
}
