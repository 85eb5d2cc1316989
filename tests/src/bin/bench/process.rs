//! Start-up time and idle memory of the real `lantoa serve` process on an already migrated
//! database: from spawning it to its first `GET /healthz` answer, then its resident set after a
//! second of rest.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub struct StartUp {
    pub ready: Duration,
    pub idle_rss_mb: f64,
}

/// `lantoa` built in the same profile as this benchmark, next to it in the target folder.
pub fn binary() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let path = exe.with_file_name("lantoa");
    assert!(
        path.is_file(),
        "{} is missing: build it first (`cargo build --release -p lantoa`, done by .ci/bench.sh)",
        path.display()
    );
    path
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn healthy(port: u16) -> bool {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return false;
    };
    let request = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    if stream.write_all(request.as_bytes()).is_err() {
        return false;
    }
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    answer.starts_with("HTTP/1.1 200")
}

fn resident_mb(pid: u32) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

/// Starts `lantoa serve` on `url` with `workers` workers and a pool of `pool`, measures, stops it.
pub fn measure(url: &str, workers: usize, pool: u32) -> StartUp {
    let data = tempfile::tempdir().unwrap();
    let port = free_port();
    let started = Instant::now();
    let mut child = Command::new(binary())
        .arg("serve")
        .env("DATABASE_URL", url)
        .env("LANTOA_DATA_DIR", data.path())
        .env("LANTOA_BIND", format!("127.0.0.1:{port}"))
        .env(
            "LANTOA_JWT_SECRET",
            String::from_utf8_lossy(lantoa_tests::JWT_SECRET).as_ref(),
        )
        .env("LANTOA_WORKERS", workers.to_string())
        .env("LANTOA_DB_POOL_SIZE", pool.to_string())
        .env("LANTOA_STATIC_DIR", data.path())
        .env("LANTOA_LOG_FORMAT", "json")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    while !healthy(port) {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "lantoa serve did not answer within 30 s"
        );
        if let Ok(Some(status)) = child.try_wait() {
            panic!("lantoa serve exited: {status}");
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    let ready = started.elapsed();
    std::thread::sleep(Duration::from_secs(1));
    let idle_rss_mb = resident_mb(child.id());
    let _ = child.kill();
    let _ = child.wait();
    StartUp { ready, idle_rss_mb }
}

/// User and system processor time of this process so far, in seconds (`/proc/self/stat`).
pub fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The command name is in parentheses and may hold spaces: count fields after it.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest.split_whitespace().collect())
        .unwrap_or_default();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the command name.
    (ticks(11) + ticks(12)) / 100.0
}
