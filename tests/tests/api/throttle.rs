//! Password guessing is throttled per username and address (progressive delay) and per address,
//! with the counts in the database: shared by every server, reserved before the password is
//! checked, and timed by the application clock.

use chrono::{DateTime, Duration, TimeZone, Utc};
use diesel::prelude::*;
use futures_util::StreamExt;
use futures_util::future::join_all;
use lantoa::config::AuthArgs;
use lantoa::db::schema::login_attempts;
use lantoa_tests::{DEMO_PASSWORD, Res, TestApp, db_test_kind};
use serde_json::json;

const ATTACKER: &str = "203.0.113.5";
const OWNER: &str = "198.51.100.7";

/// Three free failures, then 30 s doubling up to 120 s; eight failures per address in ten minutes.
fn throttled() -> AuthArgs {
    AuthArgs {
        login_failures_before_delay: 3,
        login_base_delay_secs: 30,
        login_max_delay_secs: 120,
        login_max_failures_per_ip: 8,
        login_throttle_window_secs: 600,
        trusted_proxies: "127.0.0.1".parse().unwrap(),
        ..AuthArgs::default()
    }
}

fn instant() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 2, 0, 0).unwrap()
}

/// A sign-in through the (trusted) proxy on 127.0.0.1 for a client at `from`.
async fn login(app: &TestApp, from: &str, username: &str, password: &str) -> Res {
    app.post("/api/v1/auth/login")
        .header("X-Forwarded-For", from)
        .json(&json!({ "username": username, "password": password }))
        .send()
        .await
}

#[track_caller]
fn retry_after(res: &Res) -> u64 {
    res.problem(429, "too_many_requests");
    res.header("retry-after").unwrap().parse().unwrap()
}

db_test_kind!(
    async fn a_flood_from_one_address_does_not_lock_the_account_elsewhere(kind) {
        let app = TestApp::start_with(kind, throttled()).await;
        app.state.clock.set(instant());
        for _ in 0..3 {
            login(&app, ATTACKER, "admin", "doan-bua-123").await.problem(401, "invalid_credentials");
        }
        // The attacker now waits, even with the right password...
        assert_eq!(retry_after(&login(&app, ATTACKER, "admin", DEMO_PASSWORD).await), 30);
        assert_eq!(retry_after(&login(&app, ATTACKER, "admin", "doan-bua-456").await), 30);
        // ...while the administrator signs in from their own address.
        login(&app, OWNER, "admin", DEMO_PASSWORD).await.ok();
        // Other accounts from the attacker's address are not delayed by admin's streak.
        login(&app, ATTACKER, "lanhdao", DEMO_PASSWORD).await.ok();
    }
);

db_test_kind!(
    async fn the_wait_grows_with_each_failure_and_expires_with_the_clock(kind) {
        let app = TestApp::start_with(kind, throttled()).await;
        app.state.clock.set(instant());
        for _ in 0..3 {
            login(&app, ATTACKER, "vanphong", "sai-mat-khau").await.problem(401, "invalid_credentials");
        }
        let mut waits = Vec::new();
        for _ in 0..4 {
            let wait = retry_after(&login(&app, ATTACKER, "vanphong", "sai-mat-khau").await);
            waits.push(wait);
            // One second early is still too early...
            app.state.clock.advance(Duration::seconds(wait as i64 - 1));
            assert_eq!(retry_after(&login(&app, ATTACKER, "vanphong", "sai-mat-khau").await), 1);
            // ...on time, one more guess is allowed.
            app.state.clock.advance(Duration::seconds(1));
            login(&app, ATTACKER, "vanphong", "sai-mat-khau").await.problem(401, "invalid_credentials");
        }
        assert_eq!(waits, [30, 60, 120, 120]);
        // Quiet for the window after the last wait: the streak is forgotten.
        app.state.clock.advance(Duration::seconds(120 + 600));
        for _ in 0..3 {
            login(&app, ATTACKER, "vanphong", "sai-mat-khau").await.problem(401, "invalid_credentials");
        }
        assert_eq!(retry_after(&login(&app, ATTACKER, "vanphong", DEMO_PASSWORD).await), 30);
        // A success clears the streak.
        app.state.clock.advance(Duration::seconds(30));
        login(&app, ATTACKER, "vanphong", DEMO_PASSWORD).await.ok();
        for _ in 0..3 {
            login(&app, ATTACKER, "vanphong", "sai-mat-khau").await.problem(401, "invalid_credentials");
        }
    }
);

db_test_kind!(
    async fn an_address_is_capped_across_usernames(kind) {
        let app = TestApp::start_with(kind, throttled()).await;
        app.state.clock.set(instant());
        for n in 0..7 {
            login(&app, ATTACKER, &format!("khong-co-{n}"), "x").await.problem(401, "invalid_credentials");
        }
        // Successful sign-ins from the address take their attempt back.
        for _ in 0..3 {
            login(&app, ATTACKER, "tgpl.canbo", DEMO_PASSWORD).await.ok();
        }
        login(&app, ATTACKER, "khong-co-7", "x").await.problem(401, "invalid_credentials");
        // Eight failures: every further attempt from the address waits for the window's end.
        let blocked = login(&app, ATTACKER, "lanhdao", DEMO_PASSWORD).await;
        assert_eq!(retry_after(&blocked), 600);
        assert_eq!(blocked.body["detail"], "Bạn đã thử sai quá nhiều lần. Vui lòng thử lại sau 600 giây.");
        login(&app, OWNER, "lanhdao", DEMO_PASSWORD).await.ok();
        app.state.clock.advance(Duration::seconds(600));
        login(&app, ATTACKER, "lanhdao", DEMO_PASSWORD).await.ok();
    }
);

db_test_kind!(
    async fn concurrent_guesses_never_exceed_the_limits(kind) {
        let app = TestApp::start_with(kind, throttled()).await;
        let count = |results: &[Res], status: u16| results.iter().filter(|r| r.status == status).count();
        // One username from one address: three guesses get through, whatever the concurrency.
        let results = join_all((0..24).map(|_| login(&app, ATTACKER, "vanphong", "doan-song-song"))).await;
        assert_eq!((count(&results, 401), count(&results, 429)), (3, 21), "{:?}", results.iter().map(|r| r.status).collect::<Vec<_>>());
        // Many usernames from one address: eight guesses get through.
        let results = join_all((0..24).map(|n| {
            let app = &app;
            async move { login(app, OWNER, &format!("khong-co-{n}"), "doan-song-song").await }
        }))
        .await;
        assert_eq!((count(&results, 401), count(&results, 429)), (8, 16));
    }
);

db_test_kind!(
    async fn two_servers_on_one_database_share_the_counts(kind) {
        let first = TestApp::start_with(kind, throttled()).await;
        let second = first.second_instance().await;
        // One clock for both, as two servers on one machine (and for exact waits).
        first.state.clock.set(instant());
        // Alternating between the servers gains nothing.
        login(&first, ATTACKER, "admin", "sai-1").await.problem(401, "invalid_credentials");
        login(&second, ATTACKER, "admin", "sai-2").await.problem(401, "invalid_credentials");
        login(&first, ATTACKER, "admin", "sai-3").await.problem(401, "invalid_credentials");
        assert_eq!(retry_after(&login(&second, ATTACKER, "admin", "sai-4").await), 30);
        assert_eq!(retry_after(&login(&first, ATTACKER, "admin", "sai-5").await), 30);
        // A success on one clears the streak for both.
        login(&second, OWNER, "admin", DEMO_PASSWORD).await.ok();
        let concurrent = join_all((0..12).map(|n| {
            let app = if n % 2 == 0 { &first } else { &second };
            login(app, OWNER, "lanhdao", "sai-song-song")
        }))
        .await;
        assert_eq!(concurrent.iter().filter(|r| r.status == 401).count(), 3);
    }
);

db_test_kind!(
    async fn forwarded_for_is_believed_only_from_trusted_proxies(kind) {
        // No trusted proxy: the header is ignored; every guess is from the peer (127.0.0.1).
        let app = TestApp::start_with(kind, AuthArgs { trusted_proxies: Default::default(), ..throttled() }).await;
        for n in 1..=3 {
            login(&app, &format!("192.0.2.{n}"), "vanphong", "sai").await.problem(401, "invalid_credentials");
        }
        retry_after(&login(&app, "192.0.2.4", "vanphong", "sai").await);
        login(&app, "192.0.2.5", "lanhdao", DEMO_PASSWORD).await.ok();
        let admin = app.admin().await;
        let audit = app.get("/api/v1/audit?action=login").token(&admin).send().await;
        assert_eq!(audit.ok()["items"][0]["ipAddress"], "127.0.0.1");
        drop(app);

        // Behind trusted proxies (this one and the 10/8 network): the right-most untrusted hop.
        let app = TestApp::start_with(kind, AuthArgs { trusted_proxies: "127.0.0.1, 10.0.0.0/8".parse().unwrap(), ..throttled() }).await;
        // What the client put in front of the header changes nothing.
        for n in 1..=3 {
            login(&app, &format!("192.0.2.{n}, {ATTACKER}, 10.0.0.2"), "vanphong", "sai").await.problem(401, "invalid_credentials");
        }
        retry_after(&login(&app, &format!("192.0.2.9, {ATTACKER}"), "vanphong", "sai").await);
        login(&app, &format!("{ATTACKER}, {OWNER}, 10.0.0.2"), "vanphong", DEMO_PASSWORD).await.ok();
        let admin = app.admin().await;
        let audit = app.get("/api/v1/audit?action=login").token(&admin).send().await;
        let ips: Vec<&str> = audit.ok()["items"].as_array().unwrap().iter().map(|i| i["ipAddress"].as_str().unwrap()).collect();
        assert_eq!(ips, ["127.0.0.1", OWNER], "newest first: the admin's own sign-in, then vanphong's");
    }
);

db_test_kind!(
    async fn expired_rows_are_pruned(kind) {
        let app = TestApp::start_with(kind, throttled()).await;
        app.state.clock.set(instant());
        let rows = |app: &TestApp| app.db(|conn| login_attempts::table.count().get_result::<i64>(conn).unwrap());
        for n in 0..5 {
            login(&app, &format!("192.0.2.{n}"), "vanphong", "sai").await.problem(401, "invalid_credentials");
        }
        assert_eq!(rows(&app), 10, "one row per username and address, one per address");
        app.state.clock.advance(Duration::seconds(2 * 600));
        login(&app, ATTACKER, "vanphong", "sai").await.problem(401, "invalid_credentials");
        assert_eq!(rows(&app), 2, "only the new attempt's rows are left");
    }
);

db_test_kind!(
    async fn overlapping_sign_ins_of_one_account_succeed(kind) {
        // A script signing in several times in parallel, within the free failures: each success
        // deletes the account's streak while other attempts are creating and locking it. None
        // may be refused or lost (on PostgreSQL a row deleted between two statements was a 404).
        let app = TestApp::start_with(kind, AuthArgs { trusted_proxies: "127.0.0.1".parse().unwrap(), ..AuthArgs::default() }).await;
        let statuses: Vec<u16> = futures_util::stream::iter(0..40)
            .map(|_| login(&app, OWNER, "vanphong", DEMO_PASSWORD))
            .buffer_unordered(4)
            .map(|res| res.status)
            .collect()
            .await;
        assert!(statuses.iter().all(|s| *s == 200), "{statuses:?}");
    }
);
