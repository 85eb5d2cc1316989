//! The refresh cookie, its CSRF defence, the absolute session lifetime and `no-store` on every
//! answer that carries tokens.

use chrono::{DateTime, Duration, TimeZone, Utc};
use lantoa::config::AuthArgs;
use lantoa_tests::{DEMO_PASSWORD, Res, TestApp, db_test, db_test_kind};
use serde_json::json;

fn instant() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 1, 0, 0).unwrap()
}

fn refresh_expires_at(res: &Res) -> DateTime<Utc> {
    res.body["refreshExpiresAt"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap()
}

#[track_caller]
fn assert_no_store(res: &Res) {
    assert_eq!(
        res.header("cache-control").as_deref(),
        Some("no-store"),
        "{}",
        res.text
    );
    assert_eq!(res.header("pragma").as_deref(), Some("no-cache"));
}

db_test!(
    async fn the_refresh_token_is_an_http_only_strict_cookie_on_the_auth_path(app) {
        app.state.clock.set(instant());
        let res = app.post("/api/v1/auth/login").json(&json!({"username": "vanphong", "password": DEMO_PASSWORD})).send().await;
        res.ok();
        assert!(res.body.get("refreshToken").is_none());
        let cookie = res.refresh_cookie().expect("the login sets the refresh cookie");
        assert!(cookie.value.len() >= 40);
        assert_eq!(cookie.attribute("httponly"), Some(""));
        assert_eq!(cookie.attribute("secure"), Some(""));
        assert_eq!(cookie.attribute("samesite").map(str::to_ascii_lowercase).as_deref(), Some("strict"));
        assert_eq!(cookie.attribute("path"), Some("/api/v1/auth"));
        // Kept as long as the session lasts (12 h by default), no longer.
        assert_eq!(cookie.attribute("max-age"), Some("43200"));
        assert_eq!(refresh_expires_at(&res), instant() + Duration::hours(12));
        assert!(cookie.attribute("domain").is_none(), "host-only");
    }
);

db_test!(
    async fn token_answers_are_not_stored_by_caches(app) {
        let login = app.post("/api/v1/auth/login").json(&json!({"username": "lanhdao", "password": DEMO_PASSWORD})).send().await;
        assert_no_store(&login);
        let refreshed = app.refresh(&login.refresh_cookie().unwrap().value).await;
        refreshed.ok();
        assert_no_store(&refreshed);
        let access = refreshed.body["accessToken"].as_str().unwrap();
        let changed = app
            .post("/api/v1/profile/password")
            .token(access)
            .json(&json!({"currentPassword": DEMO_PASSWORD, "newPassword": "Phong-Moi-2026"}))
            .send()
            .await;
        changed.ok();
        assert_no_store(&changed);
        assert!(changed.refresh_cookie().is_some(), "a password change opens a new session");
        assert!(changed.body.get("refreshToken").is_none());

        let admin = app.admin().await;
        let created = app.post("/api/v1/service-accounts").token(&admin).json(&json!({"name": "Kho dữ liệu", "scopes": ["units:read"]})).send().await;
        assert_no_store(&created);
        let token = app
            .post("/api/v1/auth/token")
            .json(&json!({"clientId": created.body["account"]["clientId"], "clientSecret": created.body["clientSecret"]}))
            .send()
            .await;
        token.ok();
        assert_no_store(&token);
        let logout = app.post("/api/v1/auth/logout").csrf().send().await;
        assert_no_store(&logout);
    }
);

db_test!(
    async fn refresh_and_logout_need_the_csrf_header_and_this_origin(app) {
        let login = app.sign_in("vanphong", DEMO_PASSWORD).await;
        let without = app.post("/api/v1/auth/refresh").refresh_cookie(&login.refresh).send().await;
        without.problem(403, "csrf_check_failed");
        let wrong_value = app.post("/api/v1/auth/refresh").refresh_cookie(&login.refresh).header("X-Lantoa-Csrf", "0").send().await;
        wrong_value.problem(403, "csrf_check_failed");
        for origin in ["https://evil.example", "null", "http://127.0.0.1.evil.example"] {
            let res = app.post("/api/v1/auth/refresh").refresh_cookie(&login.refresh).csrf().header("Origin", origin).send().await;
            res.problem(403, "csrf_check_failed");
        }
        let cross_site = app.post("/api/v1/auth/refresh").refresh_cookie(&login.refresh).csrf().header("Sec-Fetch-Site", "cross-site").send().await;
        cross_site.problem(403, "csrf_check_failed");
        let logout = app.post("/api/v1/auth/logout").refresh_cookie(&login.refresh).send().await;
        logout.problem(403, "csrf_check_failed");
        // None of the refused requests used up the token or ended the session.
        app.get("/api/v1/auth/me").token(&login.access).send().await.ok();
        let own_origin = app.url("/").trim_end_matches('/').to_owned();
        let res = app
            .post("/api/v1/auth/refresh")
            .refresh_cookie(&login.refresh)
            .csrf()
            .header("Origin", &own_origin)
            .header("Sec-Fetch-Site", "same-origin")
            .send()
            .await;
        res.ok();
        // No cookie at all: 401.
        app.post("/api/v1/auth/refresh").csrf().send().await.problem(401, "invalid_refresh_token");
    }
);

db_test_kind!(
    async fn a_session_ends_at_its_absolute_lifetime_whatever_its_refreshes(kind) {
        let app = TestApp::start_with(kind, AuthArgs { session_max_age_secs: 3_600, refresh_token_ttl_secs: 1_800, ..AuthArgs::default() }).await;
        let start = instant();
        app.state.clock.set(start);
        let login = app.sign_in("vanphong", DEMO_PASSWORD).await;
        // The first refresh token lives its own 30 minutes.
        assert_eq!(login.body["refreshExpiresAt"].as_str().unwrap().parse::<DateTime<Utc>>().unwrap(), start + Duration::minutes(30));

        let mut refresh = login.refresh.clone();
        let mut ends = Vec::new();
        for minutes in [25, 25] {
            app.state.clock.advance(Duration::minutes(minutes));
            let res = app.refresh(&refresh).await;
            res.ok();
            ends.push(refresh_expires_at(&res));
            let cookie = res.refresh_cookie().unwrap();
            let left = (refresh_expires_at(&res) - app.state.clock.now()).num_seconds();
            assert_eq!(cookie.attribute("max-age"), Some(left.to_string().as_str()));
            refresh = cookie.value;
        }
        // Each rotation gives its token 30 minutes, but never past the session's hour.
        assert_eq!(ends, [start + Duration::minutes(55), start + Duration::hours(1)]);

        app.state.clock.advance(Duration::minutes(9));
        let res = app.refresh(&refresh).await;
        res.ok();
        assert_eq!(refresh_expires_at(&res), start + Duration::hours(1), "a rotation does not extend the session");
        let access = res.body["accessToken"].as_str().unwrap().to_owned();
        refresh = res.refresh_cookie().unwrap().value;

        // Past the hour: refresh refused, and the access token issued a minute ago ends too.
        app.state.clock.set(start + Duration::hours(1) + Duration::seconds(1));
        app.get("/api/v1/auth/me").token(&access).send().await.problem(401, "session_revoked");
        app.refresh(&refresh).await.problem(401, "invalid_refresh_token");
        // Signing in again opens a new session with its own lifetime.
        app.sign_in("vanphong", DEMO_PASSWORD).await;
    }
);
