//! Servers the benchmark runs in its own process, each on its own actix system and port: Lan Tỏa
//! as `lantoa serve` builds it, and the baseline.

use lantoa::config::AuthArgs;
use lantoa::state::Settings;
use lantoa_tests::JWT_SECRET;

pub struct Running {
    pub base: String,
    handle: actix_web::dev::ServerHandle,
    thread: Option<std::thread::JoinHandle<()>>,
}

/// Starts `HttpServer::new($factory)` with `$workers` workers on a free loopback port.
macro_rules! start_server {
    ($workers:expr, $factory:expr) => {{
        let (tx, rx) = std::sync::mpsc::channel();
        let workers = $workers;
        let factory = $factory;
        let thread = std::thread::spawn(move || {
            actix_web::rt::System::new().block_on(async move {
                let server = actix_web::HttpServer::new(factory)
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
        $crate::server::Running::new(port, handle, thread)
    }};
}
pub(crate) use start_server;

impl Running {
    pub fn new(
        port: u16,
        handle: actix_web::dev::ServerHandle,
        thread: std::thread::JoinHandle<()>,
    ) -> Self {
        Self {
            base: format!("http://127.0.0.1:{port}"),
            handle,
            thread: Some(thread),
        }
    }

    pub async fn stop(mut self) {
        self.handle.stop(true).await;
        if let Some(thread) = self.thread.take() {
            thread.join().unwrap();
        }
    }
}

/// Lan Tỏa with the production settings but for login throttling (the benchmark signs in often).
pub fn lantoa(url: &str, workers: usize, pool: u32) -> Running {
    let db = lantoa::db::Db::connect(url, pool).unwrap();
    let auth = AuthArgs {
        login_failures_before_delay: 1_000_000,
        login_max_failures_per_ip: 1_000_000,
        ..AuthArgs::default()
    };
    let state = lantoa::build_state(
        db,
        lantoa::clock::Clock::system(),
        JWT_SECRET,
        &auth,
        Settings::default(),
    );
    start_server!(workers, move || lantoa::app(
        state.clone(),
        lantoa::WebOptions::default()
    ))
}
