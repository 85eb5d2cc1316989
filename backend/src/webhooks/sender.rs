//! Posting one delivery: the target checked against the allow-list and resolved, the connection
//! pinned to the checked address (no second resolution), no proxy, no redirects, bounded time,
//! and at most a few kilobytes of the answer read (for the log).

use std::net::SocketAddr;

use chrono::{DateTime, Utc};

use super::config::WebhookSettings;
use super::deliveries::{Leased, Outcome};
use super::signing;

/// How much of an answer is read; the rest is dropped unread.
const ANSWER_LIMIT: usize = 4 * 1024;
/// How much of it goes to the log.
const LOGGED: usize = 200;

/// Posts `leased` as of `now`.
pub async fn post(leased: &Leased, settings: &WebhookSettings, now: DateTime<Utc>) -> Outcome {
    if !leased.subscription_active {
        return Outcome::Refused {
            error: "Đăng ký webhook đã tắt.".to_owned(),
        };
    }
    let url = match reqwest::Url::parse(&leased.url) {
        Ok(url) => url,
        Err(_) => {
            return Outcome::Refused {
                error: "Địa chỉ webhook không hợp lệ.".to_owned(),
            };
        }
    };
    let addresses = match settings.allow_list.resolve(&url).await {
        Ok(addresses) => addresses,
        Err(refusal) => return Outcome::Refused { error: refusal.0 },
    };
    let mut last = Outcome::Failed {
        status_code: None,
        error: "Không kết nối được máy chủ nhận.".to_owned(),
    };
    // The first address that accepts a connection answers; each was checked.
    for address in addresses {
        last = attempt(leased, &url, address, settings, now).await;
        let connection_failed = matches!(&last, Outcome::Failed { status_code: None, .. });
        if !connection_failed {
            break;
        }
    }
    last
}

fn client(url: &reqwest::Url, address: SocketAddr, settings: &WebhookSettings) -> reqwest::Result<reqwest::Client> {
    let mut builder = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .connect_timeout(settings.timeout.min(std::time::Duration::from_secs(5)))
        .timeout(settings.timeout)
        .user_agent(concat!("LanToa-Webhooks/", env!("CARGO_PKG_VERSION")));
    // A name is pinned to the checked address; an address literal is connected to as it is.
    if let Some(url::Host::Domain(name)) = url.host() {
        builder = builder.resolve(name, address);
    }
    builder.build()
}

async fn attempt(
    leased: &Leased,
    url: &reqwest::Url,
    address: SocketAddr,
    settings: &WebhookSettings,
    now: DateTime<Utc>,
) -> Outcome {
    let client = match client(url, address, settings) {
        Ok(client) => client,
        Err(error) => {
            return Outcome::Failed {
                status_code: None,
                error: format!("Lỗi chuẩn bị kết nối: {error}"),
            };
        }
    };
    let timestamp = now.timestamp();
    let body = leased.payload.clone().into_bytes();
    let signature = signing::sign(&leased.secret, timestamp, &body);
    let sent = client
        .post(url.clone())
        .header(reqwest::header::CONTENT_TYPE, "application/json")
        .header(signing::EVENT_HEADER, leased.event.as_str())
        .header(signing::DELIVERY_HEADER, leased.id.to_string())
        .header(signing::TIMESTAMP_HEADER, timestamp.to_string())
        .header(signing::SIGNATURE_HEADER, signature)
        .body(body)
        .send()
        .await;
    let mut response = match sent {
        Ok(response) => response,
        Err(error) => {
            let what = if error.is_timeout() {
                "Hết thời gian chờ máy chủ nhận."
            } else if error.is_connect() {
                "Không kết nối được máy chủ nhận."
            } else {
                "Lỗi khi gửi yêu cầu."
            };
            return Outcome::Failed {
                status_code: None,
                error: what.to_owned(),
            };
        }
    };
    let status = response.status().as_u16();
    let mut answer = Vec::new();
    while answer.len() < ANSWER_LIMIT {
        match response.chunk().await {
            Ok(Some(chunk)) => answer.extend_from_slice(&chunk[..chunk.len().min(ANSWER_LIMIT - answer.len())]),
            Ok(None) | Err(_) => break,
        }
    }
    if (200..300).contains(&status) {
        Outcome::Delivered { status_code: status }
    } else {
        let text: String = String::from_utf8_lossy(&answer)
            .chars()
            .filter(|c| !c.is_control())
            .take(LOGGED)
            .collect();
        Outcome::Failed {
            status_code: Some(status),
            error: if text.trim().is_empty() {
                format!("Máy chủ nhận trả lời HTTP {status}.")
            } else {
                format!("Máy chủ nhận trả lời HTTP {status}: {}", text.trim())
            },
        }
    }
}
