//! Drives a server with wrk (Debian's package, an external process, so that the load generator
//! costs both sides the same), from a Lua script that walks a list of requests.

use std::io::Write;
use std::process::Command;
use std::time::Duration;

/// What every scenario sends: paths walked in turn (each wrk thread from its own offset), one
/// method, optional bearer token and JSON body.
pub struct Load<'a> {
    pub method: &'a str,
    pub paths: &'a [String],
    pub token: Option<&'a str>,
    pub body: Option<&'a str>,
    pub connections: usize,
    pub threads: usize,
    pub duration: Duration,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct Measured {
    pub requests: u64,
    pub per_second: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    /// Answers other than 2xx/3xx plus socket errors.
    pub errors: u64,
}

fn lua_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

fn script(load: &Load) -> String {
    let mut lua = String::from("local paths = {\n");
    for path in load.paths {
        lua.push_str(&format!("  {},\n", lua_string(path)));
    }
    lua.push_str("}\n");
    lua.push_str(&format!("wrk.method = {}\n", lua_string(load.method)));
    if let Some(token) = load.token {
        lua.push_str(&format!(
            "wrk.headers[\"Authorization\"] = {}\n",
            lua_string(&format!("Bearer {token}"))
        ));
    }
    if let Some(body) = load.body {
        lua.push_str("wrk.headers[\"Content-Type\"] = \"application/json\"\n");
        lua.push_str(&format!("wrk.body = {}\n", lua_string(body)));
    }
    lua.push_str(
        r#"local threads = 0
function setup(thread)
  thread:set("offset", threads * 7919)
  threads = threads + 1
end
local i = 0
function init(args)
  i = offset or 0
end
function request()
  i = i + 1
  return wrk.format(nil, paths[(i % #paths) + 1])
end
"#,
    );
    lua
}

/// A duration as wrk prints it (`812.00us`, `1.23ms`, `2.01s`, `1.50m`), in milliseconds.
fn millis(text: &str) -> Option<f64> {
    let split = text.find(|c: char| c.is_ascii_alphabetic())?;
    let (value, unit) = text.split_at(split);
    let value: f64 = value.parse().ok()?;
    Some(match unit {
        "us" => value / 1000.0,
        "ms" => value,
        "s" => value * 1000.0,
        "m" => value * 60_000.0,
        _ => return None,
    })
}

fn parse(output: &str) -> Measured {
    let mut measured = Measured::default();
    for line in output.lines().map(str::trim) {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            ["50%", value] => measured.p50_ms = millis(value).unwrap_or(f64::NAN),
            ["99%", value] => measured.p99_ms = millis(value).unwrap_or(f64::NAN),
            ["Requests/sec:", value] => measured.per_second = value.parse().unwrap_or(0.0),
            [count, "requests", "in", ..] => measured.requests = count.parse().unwrap_or(0),
            ["Non-2xx", "or", "3xx", "responses:", count] => {
                measured.errors += count.parse::<u64>().unwrap_or(0)
            }
            ["Socket", "errors:", rest @ ..] => {
                // "connect 0, read 0, write 0, timeout 0"
                measured.errors += rest
                    .iter()
                    .filter_map(|w| w.trim_end_matches(',').parse::<u64>().ok())
                    .sum::<u64>();
            }
            _ => {}
        }
    }
    measured
}

pub fn run(base: &str, load: &Load) -> Measured {
    let mut file = tempfile::Builder::new().suffix(".lua").tempfile().unwrap();
    file.write_all(script(load).as_bytes()).unwrap();
    let output = Command::new("wrk")
        .arg(format!("-t{}", load.threads))
        .arg(format!("-c{}", load.connections))
        .arg(format!("-d{}s", load.duration.as_secs().max(1)))
        .arg("--latency")
        .arg("--timeout")
        .arg("10s")
        .arg("-s")
        .arg(file.path())
        .arg(base)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "wrk could not run ({e}): install it (`apt-get install wrk`) or use .ci/bench.sh"
            )
        });
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "wrk failed: {text}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    parse(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_wrk_output() {
        let m = parse(
            "Running 1s test @ http://127.0.0.1:1\n  Latency Distribution\n     50%  812.00us\n     99%    2.10ms\n  1234 requests in 1.00s, 1.00MB read\n  Non-2xx or 3xx responses: 3\nRequests/sec:   1234.50\n",
        );
        assert_eq!(m.requests, 1234);
        assert!((m.p50_ms - 0.812).abs() < 1e-9);
        assert!((m.p99_ms - 2.1).abs() < 1e-9);
        assert_eq!(m.errors, 3);
        assert!((m.per_second - 1234.5).abs() < 1e-9);
    }
}
