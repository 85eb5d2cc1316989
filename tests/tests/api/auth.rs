//! Sign-in, tokens, refresh rotation, sign-out, throttling and token validation.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use lantoa::auth::Role;
use lantoa::auth::jwt::Claims;
use lantoa::config::AuthArgs;
use lantoa_tests::{DEMO_PASSWORD, TestApp, db_test, db_test_kind};
use serde_json::json;

db_test!(
    async fn login_returns_tokens_and_user(app) {
        let body = app.login_full("tgpl.canbo", DEMO_PASSWORD).await;
        assert_eq!(body["tokenType"], "Bearer");
        assert_eq!(body["expiresIn"], 900);
        assert_eq!(body["user"]["username"], "tgpl.canbo");
        assert_eq!(body["user"]["role"], "unit_staff");
        assert_eq!(body["user"]["unit"]["code"], "TGPL");
        assert_eq!(body["mustChangePassword"], false);
        assert!(body["refreshToken"].as_str().unwrap().len() >= 40);
        let claims = TestApp::claims(body["accessToken"].as_str().unwrap());
        assert_eq!(claims.iss, "lantoa");
        assert_eq!(claims.aud, "lantoa-api");
        assert_eq!(claims.role, Role::UnitStaff);
        assert_eq!(claims.sub, format!("user:{}", body["user"]["id"]));
        assert!(claims.exp > claims.iat && claims.nbf <= claims.iat);
        assert!(!claims.jti.is_empty());
        let me = app.get("/api/v1/auth/me").token(body["accessToken"].as_str().unwrap()).send().await;
        assert_eq!(me.ok()["user"]["fullName"], "Phạm Thị Thảo");
        assert_eq!(me.body["role"], "unit_staff");
    }
);

db_test!(
    async fn username_is_case_insensitive(app) {
        let body = app.login_full("  ADMIN ", DEMO_PASSWORD).await;
        assert_eq!(body["user"]["username"], "admin");
    }
);

db_test!(
    async fn wrong_password_unknown_user_and_locked_account_look_the_same(app) {
        let admin = app.admin().await;
        let wrong = app.post("/api/v1/auth/login").json(&json!({"username": "admin", "password": "sai-mat-khau-1"})).send().await;
        let unknown = app.post("/api/v1/auth/login").json(&json!({"username": "khong-ton-tai", "password": "sai-mat-khau-1"})).send().await;
        wrong.problem(401, "invalid_credentials");
        unknown.problem(401, "invalid_credentials");
        assert_eq!(wrong.body["detail"], unknown.body["detail"]);
        // A deactivated account with the right password gets the same answer.
        let staff = app.get("/api/v1/users?q=tgpl.canbo").token(&admin).send().await.body["items"][0].clone();
        let etag = format!("\"{}\"", staff["version"]);
        app.post(&format!("/api/v1/users/{}/deactivate", staff["id"])).token(&admin).if_match(&etag).send().await.ok();
        let locked = app.post("/api/v1/auth/login").json(&json!({"username": "tgpl.canbo", "password": DEMO_PASSWORD})).send().await;
        locked.problem(401, "invalid_credentials");
        assert_eq!(locked.body["detail"], wrong.body["detail"]);
    }
);

db_test!(
    async fn login_validates_its_body(app) {
        let res = app.post("/api/v1/auth/login").json(&json!({"username": "", "password": ""})).send().await;
        res.problem(422, "validation_failed");
        assert_eq!(res.field_errors(), ["password:length", "username:length"]);
        assert_eq!(res.body["errors"][1]["message"], "Nhập tên đăng nhập.");
        let missing = app.post("/api/v1/auth/login").json(&json!({"username": "admin"})).send().await;
        missing.problem(422, "validation_failed");
        assert_eq!(missing.field_errors(), ["password:required"]);
    }
);

db_test_kind!(
    async fn failed_logins_are_throttled_per_username_and_per_address(kind) {
        let app = TestApp::start_with(
            kind,
            AuthArgs { login_max_failures_per_user: 3, login_max_failures_per_ip: 5, ..AuthArgs::default() },
        )
        .await;
        let attempt = |username: &'static str, password: &'static str| {
            let app = &app;
            async move { app.post("/api/v1/auth/login").json(&json!({"username": username, "password": password})).send().await }
        };
        for _ in 0..3 {
            attempt("vanphong", "sai-mat-khau-1").await.problem(401, "invalid_credentials");
        }
        // The fourth try is refused before the password is checked, even with the right one.
        let blocked = attempt("vanphong", DEMO_PASSWORD).await;
        blocked.problem(429, "too_many_requests");
        let wait: u64 = blocked.header("retry-after").unwrap().parse().unwrap();
        assert!((1..=900).contains(&wait));
        // Other users are not affected until the address reaches its own limit.
        attempt("lanhdao", DEMO_PASSWORD).await.ok();
        attempt("unknown-1", "x").await.problem(401, "invalid_credentials");
        attempt("unknown-2", "x").await.problem(401, "invalid_credentials");
        attempt("admin", DEMO_PASSWORD).await.problem(429, "too_many_requests");
    }
);

db_test!(
    async fn refresh_rotates_and_reuse_revokes_the_family(app) {
        let first = app.login_full("vanphong", DEMO_PASSWORD).await;
        let r1 = first["refreshToken"].as_str().unwrap();
        let second = app.post("/api/v1/auth/refresh").json(&json!({"refreshToken": r1})).send().await;
        let r2 = second.ok()["refreshToken"].as_str().unwrap().to_owned();
        assert_ne!(r1, r2);
        let access2 = second.body["accessToken"].as_str().unwrap().to_owned();
        app.get("/api/v1/auth/me").token(&access2).send().await.ok();
        // Presenting the used token again: refused, and the whole session is revoked.
        app.post("/api/v1/auth/refresh").json(&json!({"refreshToken": r1})).send().await.problem(401, "invalid_refresh_token");
        app.post("/api/v1/auth/refresh").json(&json!({"refreshToken": r2})).send().await.problem(401, "invalid_refresh_token");
        app.get("/api/v1/auth/me").token(&access2).send().await.problem(401, "session_revoked");
        // Other sessions of the same user are untouched.
        app.login_full("vanphong", DEMO_PASSWORD).await;
        app.post("/api/v1/auth/refresh").json(&json!({"refreshToken": "made-up"})).send().await.problem(401, "invalid_refresh_token");
    }
);

db_test!(
    async fn logout_revokes_the_session(app) {
        let login = app.login_full("lanhdao", DEMO_PASSWORD).await;
        let access = login["accessToken"].as_str().unwrap();
        let refresh = login["refreshToken"].as_str().unwrap();
        let res = app.post("/api/v1/auth/logout").json(&json!({"refreshToken": refresh})).send().await;
        assert_eq!(res.status, 204);
        app.get("/api/v1/auth/me").token(access).send().await.problem(401, "session_revoked");
        app.post("/api/v1/auth/refresh").json(&json!({"refreshToken": refresh})).send().await.problem(401, "invalid_refresh_token");
        // Logging out twice is harmless.
        assert_eq!(app.post("/api/v1/auth/logout").json(&json!({"refreshToken": refresh})).send().await.status, 204);
        let admin = app.admin().await;
        let audit = app.get("/api/v1/audit?action=logout").token(&admin).send().await;
        assert_eq!(audit.ok()["items"][0]["actorName"], "lanhdao");
    }
);

fn claims_for(app_token: &str) -> Claims {
    TestApp::claims(app_token)
}

db_test!(
    async fn doctored_tokens_are_refused(app) {
        let good = app.token("vanphong").await;
        app.get("/api/v1/auth/me").token(&good).send().await.ok();

        app.get("/api/v1/auth/me").send().await.problem(401, "unauthenticated");
        app.get("/api/v1/auth/me").header("Authorization", &format!("Basic {good}")).send().await.problem(401, "unauthenticated");
        app.get("/api/v1/auth/me").token("not-a-jwt").send().await.problem(401, "invalid_token");

        let base = claims_for(&good);
        let now = chrono::Utc::now().timestamp();
        let expired = app.sign(&Claims { exp: now - 3600, iat: now - 4500, nbf: now - 4500, ..base.clone() });
        let res = app.get("/api/v1/auth/me").token(&expired).send().await;
        res.problem(401, "token_expired");
        assert!(res.header("www-authenticate").unwrap().starts_with("Bearer"));

        let wrong_audience = app.sign(&Claims { aud: "another-system".into(), ..base.clone() });
        app.get("/api/v1/auth/me").token(&wrong_audience).send().await.problem(401, "invalid_token");
        let wrong_issuer = app.sign(&Claims { iss: "someone-else".into(), ..base.clone() });
        app.get("/api/v1/auth/me").token(&wrong_issuer).send().await.problem(401, "invalid_token");
        let not_yet = app.sign(&Claims { nbf: now + 3600, ..base.clone() });
        app.get("/api/v1/auth/me").token(&not_yet).send().await.problem(401, "invalid_token");

        let mut parts: Vec<String> = good.split('.').map(str::to_owned).collect();
        let last = parts[2].pop().unwrap();
        parts[2].push(if last == 'A' { 'B' } else { 'A' });
        app.get("/api/v1/auth/me").token(&parts.join(".")).send().await.problem(401, "invalid_token");

        // Payload changed to another role, signature kept: refused.
        let elevated = serde_json::to_vec(&Claims { role: Role::Admin, ..base.clone() }).unwrap();
        let forged = format!("{}.{}.{}", good.split('.').next().unwrap(), URL_SAFE_NO_PAD.encode(elevated), good.split('.').nth(2).unwrap());
        app.get("/api/v1/auth/me").token(&forged).send().await.problem(401, "invalid_token");

        let none_header = URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#);
        let payload = good.split('.').nth(1).unwrap();
        app.get("/api/v1/auth/me").token(&format!("{none_header}.{payload}.")).send().await.problem(401, "invalid_token");

        let foreign_key = jsonwebtoken::EncodingKey::from_secret(b"some-other-secret-some-other-secret-000");
        let foreign = jsonwebtoken::encode(&jsonwebtoken::Header::default(), &base, &foreign_key).unwrap();
        app.get("/api/v1/auth/me").token(&foreign).send().await.problem(401, "invalid_token");
    }
);

db_test!(
    async fn a_token_for_a_user_cannot_claim_to_be_a_service(app) {
        let good = app.token("vanphong").await;
        let base = claims_for(&good);
        let confused = app.sign(&Claims { role: Role::Integration, ..base });
        app.get("/api/v1/auth/me").token(&confused).send().await.problem(401, "session_revoked");
    }
);
