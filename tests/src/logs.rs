//! The server's log, captured in the production format for tests that check what is logged.
//! One subscriber serves the whole test process; tests pick their lines by request id.

use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};

#[derive(Clone, Default)]
pub struct Logs {
    buffer: Arc<Mutex<Vec<u8>>>,
}

struct Writer(Arc<Mutex<Vec<u8>>>);

impl Write for Writer {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Starts capturing (once per process, at `info` and above, human-readable format).
pub fn capture() -> &'static Logs {
    static LOGS: OnceLock<Logs> = OnceLock::new();
    LOGS.get_or_init(|| {
        let logs = Logs::default();
        let buffer = logs.buffer.clone();
        let installed =
            lantoa::logging::init_with(lantoa::config::LogFormat::Pretty, "info", move || {
                Writer(buffer.clone())
            });
        assert!(
            installed,
            "another log subscriber is installed in this test process"
        );
        logs
    })
}

impl Logs {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.buffer.lock().unwrap_or_else(|p| p.into_inner())).into_owned()
    }

    /// The lines containing `needle` (a request id), each with its newline.
    pub fn lines_with(&self, needle: &str) -> Vec<String> {
        self.text()
            .split_inclusive('\n')
            .filter(|line| line.contains(needle))
            .map(str::to_owned)
            .collect()
    }
}
