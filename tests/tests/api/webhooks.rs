//! Outgoing webhooks: subscriptions managed by the administrator (the secret shown once), events
//! queued in the transaction that caused them, posted to an HTTP receiver the test starts, signed
//! with HMAC-SHA256 over `timestamp.body`, retried with doubling waits kept in the table and
//! logged; targets outside the allow-list (or resolving to private addresses) refused when
//! subscribing and when delivering.

use chrono::Duration;
use diesel::prelude::*;
use hmac::{Hmac, Mac};
use lantoa::db::schema::webhook_subscriptions;
use lantoa::scheduler::{self, DeliveryConfig};
use lantoa::webhooks::config::WebhookSettings;
use lantoa_tests::{TestApp, db_test_kind};
use serde_json::{Value, json};
use sha2::Sha256;

use crate::sinks::{Received, Receiver};
use crate::support::{etag_of, submit_report, vietnam_time};

fn allowing(hosts: &str) -> DeliveryConfig {
    DeliveryConfig {
        webhooks: WebhookSettings {
            allow_list: hosts.parse().unwrap(),
            timeout: std::time::Duration::from_secs(5),
            max_attempts: 3,
            retry_base: std::time::Duration::from_secs(60),
        },
        ..DeliveryConfig::default()
    }
}

fn signed(secret: &str, request: &Received) -> bool {
    let timestamp = &request.headers["x-lantoa-timestamp"];
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(format!("{timestamp}.").as_bytes());
    mac.update(&request.body);
    let expected = format!("sha256={}", hex::encode(mac.finalize().into_bytes()));
    request.headers["x-lantoa-signature"] == expected
}

async fn subscribe(app: &TestApp, admin: &str, url: &str, events: Value) -> lantoa_tests::Res {
    app.post("/api/v1/webhooks")
        .token(admin)
        .json(&json!({ "name": "Hệ thống báo cáo Sở Nội vụ", "url": url, "events": events, "active": true }))
        .send()
        .await
}

async fn log(app: &TestApp, admin: &str, subscription: &Value) -> Vec<Value> {
    let res = app.get(&format!("/api/v1/webhooks/{subscription}/deliveries")).token(admin).send().await;
    res.ok()["items"].as_array().unwrap().clone()
}

fn iso(at: chrono::DateTime<chrono::Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

db_test_kind!(
    async fn deliveries_are_signed_retried_with_backoff_and_logged(kind) {
        let receiver = Receiver::start(vec![500, 500]).await;
        let app = TestApp::start_delivering(kind, allowing("127.0.0.1")).await;
        vietnam_time(&app, 2026, 10, 18, 9, 0);
        let (admin, head) = (app.admin().await, app.token("tgpl.truong").await);
        let created = subscribe(&app, &admin, &receiver.url("/lantoa"), json!(["report.submitted", "report.submitted"])).await;
        assert_eq!(created.status, 201, "{}", created.text);
        assert_eq!(created.header("cache-control").as_deref(), Some("no-store"));
        let secret = created.body["secret"].as_str().unwrap().to_owned();
        assert!(secret.starts_with("whsec_") && secret.len() > 40);
        let id = created.body["subscription"]["id"].clone();
        assert_eq!(created.body["subscription"]["events"], json!(["report.submitted"]));
        // Another system follows the reminders: October's introductions are a week late today.
        let reminders = Receiver::start(vec![]).await;
        let follower = subscribe(&app, &admin, &reminders.url("/nhac"), json!(["obligation.overdue"])).await;
        assert_eq!(follower.status, 201, "{}", follower.text);
        let shown = app.get(&format!("/api/v1/webhooks/{id}")).token(&admin).send().await;
        assert!(shown.ok().get("secret").is_none() && !shown.text.contains(&secret), "the secret is shown once");

        // An event, queued with the step that caused it.
        let tgpl = app.unit_id("TGPL").await;
        assert_eq!(submit_report(&app, &head, "annual_report", Some(tgpl), "2026").await.status, 201);
        let queued = log(&app, &admin, &id).await;
        assert_eq!((queued.len(), queued[0]["status"].as_str(), queued[0]["attempts"].as_i64()), (1, Some("pending"), Some(0)));

        // First attempt: 500. Retried after 60 s, then 120 s.
        let first_at = app.state.clock.now();
        let pass = scheduler::run_pass(&app.state).await.unwrap();
        let overdue = reminders.requests();
        assert!(!overdue.is_empty());
        assert_eq!((pass.webhooks.sent, pass.webhooks.failed), (overdue.len(), 1));
        let follower_secret = follower.body["secret"].as_str().unwrap();
        for request in &overdue {
            assert!(signed(follower_secret, request));
            assert_eq!(request.headers["x-lantoa-event"], "obligation.overdue");
            let body: Value = serde_json::from_slice(&request.body).unwrap();
            assert_eq!(body["data"]["offsetDays"], 7);
            assert_eq!(body["data"]["obligation"]["kind"], "monthly_introduction");
            assert_eq!(body["data"]["obligation"]["period"], "2026-10");
            assert_eq!(body["data"]["obligation"]["status"], "missing");
        }
        let delivery = &log(&app, &admin, &id).await[0];
        assert_eq!(delivery["status"], "pending");
        assert_eq!(delivery["attempts"], 1);
        assert_eq!(delivery["lastStatusCode"], 500);
        assert!(delivery["lastError"].as_str().unwrap().contains("HTTP 500"), "{delivery}");
        assert!(delivery["lastError"].as_str().unwrap().contains("lỗi máy chủ tạm thời"), "the answer's start is logged");
        assert_eq!(delivery["nextAttemptAt"], iso(first_at + Duration::seconds(60)));
        scheduler::run_pass(&app.state).await.unwrap();
        assert_eq!(receiver.requests().len(), 1, "not before its time");
        app.state.clock.advance(Duration::seconds(60));
        let second_at = app.state.clock.now();
        scheduler::run_pass(&app.state).await.unwrap();
        let delivery = &log(&app, &admin, &id).await[0];
        assert_eq!((delivery["attempts"].as_i64(), delivery["status"].as_str()), (Some(2), Some("pending")));
        assert_eq!(delivery["nextAttemptAt"], iso(second_at + Duration::seconds(120)), "the wait doubles");
        app.state.clock.advance(Duration::seconds(119));
        scheduler::run_pass(&app.state).await.unwrap();
        assert_eq!(receiver.requests().len(), 2);
        app.state.clock.advance(Duration::seconds(1));
        let third_at = app.state.clock.now();
        let pass = scheduler::run_pass(&app.state).await.unwrap();
        assert_eq!(pass.webhooks.sent, 1);
        let delivery = log(&app, &admin, &id).await[0].clone();
        assert_eq!(delivery["status"], "delivered");
        assert_eq!(delivery["lastStatusCode"], 200);
        assert_eq!(delivery["lastError"], Value::Null);
        assert_eq!(delivery["deliveredAt"], iso(third_at));
        assert_eq!(delivery["nextAttemptAt"], Value::Null);

        // Every attempt was signed over its own timestamp and the same body.
        let requests = receiver.requests();
        assert_eq!(requests.len(), 3);
        for (request, at) in requests.iter().zip([first_at, second_at, third_at]) {
            assert_eq!(request.path, "/lantoa");
            assert!(signed(&secret, request), "signature of {:?}", request.headers);
            assert!(!signed("whsec_other", request));
            assert_eq!(request.headers["x-lantoa-timestamp"], at.timestamp().to_string());
            assert_eq!(request.headers["x-lantoa-event"], "report.submitted");
            assert_eq!(request.headers["x-lantoa-delivery"], delivery["id"].to_string());
            assert_eq!(request.headers["content-type"], "application/json");
            assert_eq!(request.body, requests[0].body);
        }
        let body: Value = serde_json::from_slice(&requests[0].body).unwrap();
        assert_eq!(body["event"], "report.submitted");
        assert_eq!(body["data"]["obligationKey"], format!("annual_report:2026:{tgpl}"));
        assert_eq!(body["data"]["status"], "submitted");
        assert_eq!(body, delivery["payload"]);
        let mut tampered = requests[0].clone();
        tampered.body = br#"{"event":"report.accepted"}"#.to_vec();
        assert!(!signed(&secret, &tampered), "a changed body does not verify");

        // Redelivery: a new delivery with the same body.
        let again = app.post(&format!("/api/v1/webhook-deliveries/{}/redeliver", delivery["id"])).token(&admin).send().await;
        assert_eq!(again.status, 201, "{}", again.text);
        assert_eq!(again.body["redeliveryOf"], delivery["id"]);
        assert_eq!(again.body["status"], "pending");
        scheduler::run_pass(&app.state).await.unwrap();
        assert_eq!(receiver.requests().len(), 4);
        assert_eq!(receiver.requests()[3].body, requests[0].body);
        assert_eq!(log(&app, &admin, &id).await[0]["status"], "delivered");

        // A ping on demand.
        let ping = app.post(&format!("/api/v1/webhooks/{id}/ping")).token(&admin).send().await;
        assert_eq!(ping.status, 202, "{}", ping.text);
        scheduler::run_pass(&app.state).await.unwrap();
        assert_eq!(receiver.requests()[4].headers["x-lantoa-event"], "ping");
        let listed = app.get("/api/v1/webhooks").token(&admin).send().await;
        assert_eq!(listed.ok()[0]["deliveries"]["delivered"], 3);
        assert_eq!(listed.body[1]["deliveries"]["delivered"].as_u64(), Some(overdue.len() as u64));

        // A receiver that keeps failing: given up after the attempts allowed (3 here).
        let broken = Receiver::start(vec![503; 10]).await;
        let failing = subscribe(&app, &admin, &broken.url("/hong"), json!(["report.accepted"])).await;
        let failing_id = failing.body["subscription"]["id"].clone();
        let office = app.token("vanphong").await;
        let report = app.get("/api/v1/report-submissions").token(&office).send().await.ok()["items"][0].clone();
        app.post(&format!("/api/v1/report-submissions/{}/accept", report["id"])).token(&office).if_match(&etag_of(&report)).json(&json!({})).send().await.ok();
        for _ in 0..3 {
            scheduler::run_pass(&app.state).await.unwrap();
            app.state.clock.advance(Duration::hours(1));
        }
        let admin = app.admin().await;
        let gave_up = &log(&app, &admin, &failing_id).await[0];
        assert_eq!((gave_up["status"].as_str(), gave_up["attempts"].as_i64()), (Some("failed"), Some(3)));
        assert_eq!(gave_up["nextAttemptAt"], Value::Null);
        assert_eq!(broken.requests().len(), 3);

        // An inactive subscription gets nothing, and cannot be pinged.
        let current = app.get(&format!("/api/v1/webhooks/{id}")).token(&admin).send().await;
        let off = app.put(&format!("/api/v1/webhooks/{id}")).token(&admin).if_match(&current.etag())
            .json(&json!({ "name": "Hệ thống báo cáo Sở Nội vụ", "url": receiver.url("/lantoa"), "events": ["report.submitted"], "active": false }))
            .send().await;
        assert_eq!(off.ok()["active"], false);
        app.post(&format!("/api/v1/webhooks/{id}/ping")).token(&admin).send().await.problem(409, "conflict");
        let rotated = app.post(&format!("/api/v1/webhooks/{id}/rotate-secret")).token(&admin).if_match(&off.etag()).send().await;
        assert_ne!(rotated.ok()["secret"], json!(secret));
        let office = app.token("vanphong").await;
        app.get("/api/v1/webhooks").token(&office).send().await.problem(403, "forbidden");
    }
);

db_test_kind!(
    async fn targets_outside_the_allow_list_are_refused(kind) {
        let receiver = Receiver::start(vec![]).await;
        let app = TestApp::start_delivering(kind, allowing("127.0.0.1")).await;
        vietnam_time(&app, 2026, 10, 18, 9, 0);
        let admin = app.admin().await;
        let port = receiver.port;
        for (url, events, expected) in [
            (format!("http://localhost:{port}/x"), json!(["report.submitted"]), "url:host_not_allowed"),
            ("http://10.0.0.1/x".to_owned(), json!(["report.submitted"]), "url:host_not_allowed"),
            ("https://hooks.example.com/x".to_owned(), json!(["report.submitted"]), "url:host_not_allowed"),
            (format!("ftp://127.0.0.1:{port}/x"), json!(["report.submitted"]), "url:host_not_allowed"),
            (format!("http://u:p@127.0.0.1:{port}/x"), json!(["report.submitted"]), "url:host_not_allowed"),
            ("không phải địa chỉ".to_owned(), json!(["report.submitted"]), "url:invalid_url"),
            (receiver.url("/x"), json!(["ping"]), "events[0]:not_subscribable"),
        ] {
            let res = subscribe(&app, &admin, &url, events).await;
            assert_eq!(res.field_errors(), [expected], "{url}: {}", res.text);
        }
        let res = subscribe(&app, &admin, &receiver.url("/x"), json!([])).await;
        assert_eq!(res.field_errors(), ["events:length"]);

        // A listed name that resolves to a loopback address not itself listed.
        let by_name = TestApp::start_delivering(kind, allowing("localhost")).await;
        let admin_b = by_name.admin().await;
        let res = subscribe(&by_name, &admin_b, &format!("http://localhost:{port}/x"), json!(["report.submitted"])).await;
        assert_eq!(res.field_errors(), ["url:host_not_allowed"]);
        assert!(res.text.contains("địa chỉ nội bộ"), "{}", res.text);

        // A subscription made under an earlier allow-list: refused again when delivering.
        let now = app.state.clock.now_naive();
        app.db(|conn| {
            diesel::insert_into(webhook_subscriptions::table)
                .values((
                    webhook_subscriptions::name.eq("Cũ"),
                    webhook_subscriptions::url.eq(format!("http://localhost:{port}/cu")),
                    webhook_subscriptions::events.eq("report.submitted"),
                    webhook_subscriptions::secret.eq("whsec_cu"),
                    webhook_subscriptions::active.eq(true),
                    webhook_subscriptions::version.eq(1),
                    webhook_subscriptions::created_at.eq(now),
                    webhook_subscriptions::updated_at.eq(now),
                ))
                .execute(conn)
                .unwrap();
        });
        let head = app.token("tgpl.truong").await;
        let tgpl = app.unit_id("TGPL").await;
        assert_eq!(submit_report(&app, &head, "annual_report", Some(tgpl), "2026").await.status, 201);
        let pass = scheduler::run_pass(&app.state).await.unwrap();
        assert_eq!(pass.webhooks.failed, 1);
        let listed = app.get("/api/v1/webhooks").token(&admin).send().await;
        let old = listed.ok().as_array().unwrap().iter().find(|s| s["name"] == "Cũ").unwrap().clone();
        let delivery = &log(&app, &admin, &old["id"]).await[0];
        assert_eq!(delivery["status"], "failed", "not retried: the target is not allowed");
        assert!(delivery["lastError"].as_str().unwrap().contains("không thuộc danh sách"), "{delivery}");
        assert!(receiver.requests().is_empty(), "nothing reached it");
    }
);
