//! Servers the tests start themselves on 127.0.0.1:0: an SMTP sink that keeps every message it
//! is given, and an HTTP receiver for webhooks that answers with scripted statuses and keeps
//! every request.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use base64::Engine;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// One message as the SMTP client gave it.
#[derive(Debug, Clone)]
pub struct Mail {
    pub from: String,
    pub to: Vec<String>,
    pub data: String,
}

impl Mail {
    /// A header's value, with RFC 2047 encoded words decoded (`=?utf-8?b?…?=`).
    pub fn header(&self, name: &str) -> Option<String> {
        let head = self.data.split("\r\n\r\n").next().unwrap_or("");
        let mut value: Option<String> = None;
        for line in head.split("\r\n") {
            if let Some(current) = value.as_mut() {
                if line.starts_with([' ', '\t']) {
                    current.push_str(line);
                    continue;
                }
                break;
            }
            if let Some((key, rest)) = line.split_once(':')
                && key.eq_ignore_ascii_case(name)
            {
                value = Some(rest.trim().to_owned());
            }
        }
        value.map(|v| decode_words(&v))
    }

    /// The text body (base64 decoded when so encoded).
    pub fn body(&self) -> String {
        let body = self.data.split_once("\r\n\r\n").map(|(_, b)| b).unwrap_or("");
        let encoding = self.header("Content-Transfer-Encoding").unwrap_or_default();
        if encoding.eq_ignore_ascii_case("base64") {
            let compact: String = body.split_whitespace().collect();
            String::from_utf8(base64::engine::general_purpose::STANDARD.decode(compact).unwrap()).unwrap()
        } else {
            body.to_owned()
        }
    }
}

fn decode_words(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    while let Some(start) = rest.find("=?") {
        let before = &rest[..start];
        if !before.trim().is_empty() {
            out.push_str(before);
        }
        let word = &rest[start + 2..];
        let Some(end) = word.find("?=") else {
            out.push_str(&rest[start..]);
            return out;
        };
        let parts: Vec<&str> = word[..end].splitn(3, '?').collect();
        if parts.len() == 3 && parts[1].eq_ignore_ascii_case("b") {
            let bytes = base64::engine::general_purpose::STANDARD.decode(parts[2]).unwrap();
            out.push_str(&String::from_utf8(bytes).unwrap());
        } else if parts.len() == 3 {
            // Q encoding: `_` is a space, `=XX` a byte.
            let mut bytes = Vec::new();
            let raw = parts[2].as_bytes();
            let mut i = 0;
            while i < raw.len() {
                match raw[i] {
                    b'_' => bytes.push(b' '),
                    b'=' if i + 2 < raw.len() => {
                        bytes.push(u8::from_str_radix(std::str::from_utf8(&raw[i + 1..i + 3]).unwrap(), 16).unwrap());
                        i += 2;
                    }
                    b => bytes.push(b),
                }
                i += 1;
            }
            out.push_str(&String::from_utf8(bytes).unwrap());
        }
        rest = &word[end + 2..];
    }
    out.push_str(rest);
    out
}

/// A tiny SMTP server: every command is accepted, each message's envelope and DATA kept.
pub struct SmtpSink {
    pub port: u16,
    pub mails: Arc<Mutex<Vec<Mail>>>,
}

impl SmtpSink {
    pub async fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let mails = Arc::new(Mutex::new(Vec::new()));
        let kept = mails.clone();
        actix_web::rt::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else { return };
                let kept = kept.clone();
                actix_web::rt::spawn(async move {
                    let (read, mut write) = stream.into_split();
                    let mut lines = BufReader::new(read);
                    write.write_all(b"220 sink.test ESMTP\r\n").await.unwrap();
                    let (mut from, mut to) = (String::new(), Vec::new());
                    loop {
                        let mut line = String::new();
                        if lines.read_line(&mut line).await.unwrap_or(0) == 0 {
                            return;
                        }
                        let command = line.trim_end().to_owned();
                        let upper = command.to_ascii_uppercase();
                        let reply: &[u8] = if upper.starts_with("EHLO") || upper.starts_with("HELO") {
                            b"250 sink.test\r\n"
                        } else if upper.starts_with("MAIL FROM:") {
                            from = command[10..].trim().trim_matches(['<', '>']).to_owned();
                            to.clear();
                            b"250 OK\r\n"
                        } else if upper.starts_with("RCPT TO:") {
                            to.push(command[8..].trim().trim_matches(['<', '>']).to_owned());
                            b"250 OK\r\n"
                        } else if upper == "DATA" {
                            write.write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n").await.unwrap();
                            let mut data = String::new();
                            loop {
                                let mut line = String::new();
                                if lines.read_line(&mut line).await.unwrap_or(0) == 0 {
                                    return;
                                }
                                if line == ".\r\n" {
                                    break;
                                }
                                data.push_str(line.strip_prefix('.').filter(|_| line.starts_with("..")).unwrap_or(&line));
                            }
                            kept.lock().unwrap().push(Mail { from: from.clone(), to: to.clone(), data });
                            b"250 OK queued\r\n"
                        } else if upper == "QUIT" {
                            let _ = write.write_all(b"221 Bye\r\n").await;
                            return;
                        } else {
                            b"250 OK\r\n"
                        };
                        if write.write_all(reply).await.is_err() {
                            return;
                        }
                    }
                });
            }
        });
        Self { port, mails }
    }

    pub fn mails(&self) -> Vec<Mail> {
        self.mails.lock().unwrap().clone()
    }
}

/// One request the receiver got.
#[derive(Debug, Clone)]
pub struct Received {
    pub path: String,
    /// Lower-case names.
    pub headers: HashMap<String, String>,
    pub body: Vec<u8>,
}

/// An HTTP server answering each request with the next scripted status (then 200).
pub struct Receiver {
    pub port: u16,
    pub requests: Arc<Mutex<Vec<Received>>>,
}

impl Receiver {
    pub async fn start(script: Vec<u16>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let kept = requests.clone();
        let script = Arc::new(Mutex::new(script.into_iter()));
        actix_web::rt::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else { return };
                let kept = kept.clone();
                let script = script.clone();
                actix_web::rt::spawn(async move {
                    let (read, mut write) = stream.into_split();
                    let mut reader = BufReader::new(read);
                    let mut request_line = String::new();
                    if reader.read_line(&mut request_line).await.unwrap_or(0) == 0 {
                        return;
                    }
                    let path = request_line.split_whitespace().nth(1).unwrap_or("").to_owned();
                    let mut headers = HashMap::new();
                    loop {
                        let mut line = String::new();
                        reader.read_line(&mut line).await.unwrap();
                        let line = line.trim_end();
                        if line.is_empty() {
                            break;
                        }
                        if let Some((k, v)) = line.split_once(':') {
                            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_owned());
                        }
                    }
                    let length: usize = headers.get("content-length").and_then(|v| v.parse().ok()).unwrap_or(0);
                    let mut body = vec![0; length];
                    reader.read_exact(&mut body).await.unwrap();
                    kept.lock().unwrap().push(Received { path, headers, body });
                    let status = script.lock().unwrap().next().unwrap_or(200);
                    let text = if status == 200 { "đã nhận" } else { "lỗi máy chủ tạm thời" };
                    let response = format!(
                        "HTTP/1.1 {status} X\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{text}",
                        text.len()
                    );
                    let _ = write.write_all(response.as_bytes()).await;
                });
            }
        });
        Self { port, requests }
    }

    pub fn requests(&self) -> Vec<Received> {
        self.requests.lock().unwrap().clone()
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}
