//! Every person's own profile and password.

use chrono::{Duration, TimeZone, Utc};
use lantoa::config::AuthArgs;
use lantoa_tests::{DEMO_PASSWORD, TestApp, db_test, db_test_kind};
use serde_json::json;

db_test!(
    async fn a_person_edits_their_own_profile(app) {
        let token = app.token("tgpl.canbo").await;
        let profile = app.get("/api/v1/profile").token(&token).send().await;
        assert_eq!(profile.ok()["username"], "tgpl.canbo");
        let body = json!({ "fullName": "Phạm Thị Thu Thảo", "email": "thao@tgpl.dongthap.gov.vn", "phone": "0912 345 678", "position": "Trợ giúp viên pháp lý hạng II" });
        app.put("/api/v1/profile").token(&token).json(&body).send().await.problem(428, "precondition_required");
        let res = app.put("/api/v1/profile").token(&token).if_match(&profile.etag()).json(&body).send().await;
        assert_eq!(res.ok()["fullName"], "Phạm Thị Thu Thảo");
        assert_eq!(res.body["role"], "unit_staff", "the role is not editable here");
        app.put("/api/v1/profile").token(&token).if_match(&profile.etag()).json(&body).send().await.problem(412, "version_mismatch");
        let res = app.put("/api/v1/profile").token(&token).if_match(&res.etag()).json(&json!({ "fullName": " ", "email": "sai" })).send().await;
        assert_eq!(res.field_errors(), ["email:email", "fullName:length"]);
    }
);

db_test!(
    async fn changing_the_password_checks_the_current_one_and_the_policy(app) {
        let first = app.login_full("lanhdao", DEMO_PASSWORD).await;
        let second = app.sign_in("lanhdao", DEMO_PASSWORD).await;
        let token = first["accessToken"].as_str().unwrap();
        let change = |current: &str, new: &str| {
            app.post("/api/v1/profile/password").token(token).json(&json!({ "currentPassword": current, "newPassword": new })).send()
        };
        let res = change("sai-mat-khau-9", "Phong-Moi-2026").await;
        res.problem(422, "wrong_password");
        assert_eq!(res.field_errors(), ["currentPassword:wrong_password"]);
        let res = change(DEMO_PASSWORD, "lanhdao12345").await;
        assert_eq!(res.field_errors(), ["newPassword:password_contains_username"]);
        let res = change(DEMO_PASSWORD, DEMO_PASSWORD).await;
        assert_eq!(res.field_errors(), ["newPassword:password_unchanged"]);
        let res = change(DEMO_PASSWORD, "Phong-Moi-2026").await;
        let fresh = res.ok()["accessToken"].as_str().unwrap().to_owned();
        app.get("/api/v1/auth/me").token(&fresh).send().await.ok();
        // Every earlier session, on every device, is signed out.
        app.refresh(&second.refresh).await.problem(401, "invalid_refresh_token");
        app.get("/api/v1/auth/me").token(token).send().await.problem(401, "session_revoked");
        app.login_full("lanhdao", "Phong-Moi-2026").await;
    }
);

db_test!(
    async fn service_accounts_have_no_profile(app) {
        let integration = app.integration_token(&["units:read"]).await;
        app.get("/api/v1/profile").token(&integration).send().await.problem(403, "forbidden");
    }
);

db_test_kind!(
    async fn wrong_current_passwords_are_throttled_like_sign_ins(kind) {
        let app = TestApp::start_with(kind, AuthArgs { login_failures_before_delay: 3, login_base_delay_secs: 30, ..AuthArgs::default() }).await;
        app.state.clock.set(Utc.with_ymd_and_hms(2026, 12, 1, 3, 0, 0).unwrap());
        let token = app.token("lanhdao").await;
        let change = |current: &'static str| {
            let app = &app;
            let token = token.clone();
            async move {
                app.post("/api/v1/profile/password").token(&token).json(&json!({ "currentPassword": current, "newPassword": "Phong-Moi-2026" })).send().await
            }
        };
        for _ in 0..3 {
            change("doan-mat-khau").await.problem(422, "wrong_password");
        }
        // Refused before the password is checked, even the right one.
        let blocked = change(DEMO_PASSWORD).await;
        blocked.problem(429, "too_many_requests");
        assert_eq!(blocked.header("retry-after").as_deref(), Some("30"));
        // The guesses count with sign-ins for the same username and address.
        let login = app.post("/api/v1/auth/login").json(&json!({ "username": "lanhdao", "password": DEMO_PASSWORD })).send().await;
        login.problem(429, "too_many_requests");
        app.state.clock.advance(Duration::seconds(30));
        change(DEMO_PASSWORD).await.ok();
        // Success cleared the streak.
        for _ in 0..3 {
            app.post("/api/v1/auth/login").json(&json!({ "username": "lanhdao", "password": "sai" })).send().await.problem(401, "invalid_credentials");
        }
    }
);
