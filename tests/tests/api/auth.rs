//! Sign-in, tokens, refresh rotation, sign-out and token validation. Throttling is in
//! `throttle.rs`, the refresh cookie and session lifetime in `sessions.rs`.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use lantoa::auth::Role;
use lantoa::auth::jwt::Claims;
use lantoa_tests::{DEMO_PASSWORD, TestApp, db_test};
use serde_json::json;

db_test!(
    async fn login_returns_tokens_and_user(app) {
        let signed_in = app.sign_in("tgpl.canbo", DEMO_PASSWORD).await;
        let body = &signed_in.body;
        assert_eq!(body["tokenType"], "Bearer");
        assert_eq!(body["expiresIn"], 900);
        assert_eq!(body["user"]["username"], "tgpl.canbo");
        assert_eq!(body["user"]["role"], "unit_staff");
        assert_eq!(body["user"]["unit"]["code"], "TGPL");
        assert_eq!(body["mustChangePassword"], false);
        assert!(body.get("refreshToken").is_none(), "the refresh token is never in the body");
        assert!(signed_in.refresh.len() >= 40);
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

db_test!(
    async fn refresh_rotates_and_reuse_revokes_the_family(app) {
        let first = app.sign_in("vanphong", DEMO_PASSWORD).await;
        let second = app.refresh(&first.refresh).await;
        second.ok();
        let r2 = second.refresh_cookie().unwrap().value;
        assert_ne!(first.refresh, r2);
        assert!(second.body.get("refreshToken").is_none());
        let access2 = second.body["accessToken"].as_str().unwrap().to_owned();
        app.get("/api/v1/auth/me").token(&access2).send().await.ok();
        // Presenting the used token again: refused, and the whole session is revoked.
        let reused = app.refresh(&first.refresh).await;
        reused.problem(401, "invalid_refresh_token");
        assert_eq!(reused.refresh_cookie().unwrap().attribute("max-age"), Some("0"), "the refused cookie is dropped");
        app.refresh(&r2).await.problem(401, "invalid_refresh_token");
        app.get("/api/v1/auth/me").token(&access2).send().await.problem(401, "session_revoked");
        // Other sessions of the same user are untouched.
        let other = app.sign_in("vanphong", DEMO_PASSWORD).await;
        app.refresh(&other.refresh).await.ok();
        app.refresh("made-up").await.problem(401, "invalid_refresh_token");
        // A body refresh token (the old way) is not accepted.
        let res = app.post("/api/v1/auth/refresh").csrf().json(&json!({"refreshToken": r2})).send().await;
        res.problem(401, "invalid_refresh_token");
    }
);

db_test!(
    async fn logout_revokes_the_session_and_drops_the_cookie(app) {
        let login = app.sign_in("lanhdao", DEMO_PASSWORD).await;
        let res = app.post("/api/v1/auth/logout").refresh_cookie(&login.refresh).csrf().send().await;
        assert_eq!(res.status, 204);
        let dropped = res.refresh_cookie().unwrap();
        assert_eq!((dropped.value.as_str(), dropped.attribute("max-age"), dropped.attribute("path")), ("", Some("0"), Some("/api/v1/auth")));
        app.get("/api/v1/auth/me").token(&login.access).send().await.problem(401, "session_revoked");
        app.refresh(&login.refresh).await.problem(401, "invalid_refresh_token");
        // Logging out twice, or without a cookie, is harmless.
        assert_eq!(app.post("/api/v1/auth/logout").refresh_cookie(&login.refresh).csrf().send().await.status, 204);
        assert_eq!(app.post("/api/v1/auth/logout").csrf().send().await.status, 204);
        let admin = app.admin().await;
        let audit = app.get("/api/v1/audit?action=logout").token(&admin).send().await;
        assert_eq!(audit.ok()["items"][0]["actorName"], "lanhdao");
        assert_eq!(audit.body["total"], 1);
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
        let now = app.state.clock.now().timestamp();
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

db_test!(
    async fn tokens_expire_by_the_application_clock(app) {
        let login = app.sign_in("vanphong", DEMO_PASSWORD).await;
        let claims = TestApp::claims(&login.access);
        let issued = chrono::DateTime::from_timestamp(claims.iat, 0).unwrap();
        assert_eq!(claims.exp - claims.iat, 900);
        // Within the 30-second leeway after `exp`: still good.
        app.state.clock.set(issued + chrono::Duration::seconds(900 + 29));
        app.get("/api/v1/auth/me").token(&login.access).send().await.ok();
        app.state.clock.set(issued + chrono::Duration::seconds(900 + 31));
        let res = app.get("/api/v1/auth/me").token(&login.access).send().await;
        res.problem(401, "token_expired");
        // Tokens are issued at the clock's time, so a new one works at once.
        let fresh = app.refresh(&login.refresh).await;
        let fresh_claims = TestApp::claims(fresh.ok()["accessToken"].as_str().unwrap());
        assert_eq!(fresh_claims.iat, app.state.clock.now().timestamp());
        app.get("/api/v1/auth/me").token(fresh.body["accessToken"].as_str().unwrap()).send().await.ok();
        // A token from the clock's future (not yet valid, past the leeway) is refused.
        app.state.clock.set(issued - chrono::Duration::seconds(31));
        app.get("/api/v1/auth/me").token(&login.access).send().await.problem(401, "invalid_token");
    }
);
