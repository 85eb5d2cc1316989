use lantoa_tests::{DEMO_PASSWORD, TestApp, db_test};
use serde_json::json;

db_test!(
    async fn login_returns_tokens_and_user(app) {
        let body = app.login_full("tgpl.canbo", DEMO_PASSWORD).await;
        assert_eq!(body["tokenType"], "Bearer");
        assert_eq!(body["user"]["username"], "tgpl.canbo");
        assert_eq!(body["user"]["role"], "unit_staff");
        assert_eq!(body["user"]["unit"]["code"], "TGPL");
        assert_eq!(body["mustChangePassword"], false);
        let claims = TestApp::claims(body["accessToken"].as_str().unwrap());
        assert_eq!(claims.iss, "lantoa");
        assert_eq!(claims.aud, "lantoa-api");
        assert!(claims.exp > claims.iat && claims.nbf <= claims.iat + 1);
        assert!(!claims.jti.is_empty());
        let me = app.get("/api/v1/auth/me").token(body["accessToken"].as_str().unwrap()).send().await;
        assert_eq!(me.ok()["user"]["fullName"], "Phạm Thị Thảo");
    }
);

db_test!(
    async fn wrong_password_and_unknown_user_look_the_same(app) {
        let wrong = app.post("/api/v1/auth/login").json(&json!({"username": "admin", "password": "sai-mat-khau-1"})).send().await;
        let unknown = app.post("/api/v1/auth/login").json(&json!({"username": "khong-ton-tai", "password": "sai-mat-khau-1"})).send().await;
        wrong.problem(401, "invalid_credentials");
        unknown.problem(401, "invalid_credentials");
        assert_eq!(wrong.body["detail"], unknown.body["detail"]);
    }
);
