//! Service accounts for provincial systems and scripts.

use lantoa_tests::db_test;
use serde_json::json;

db_test!(
    async fn the_secret_is_shown_once_and_works_until_revoked(app) {
        let admin = app.admin().await;
        let created = app
            .post("/api/v1/service-accounts")
            .token(&admin)
            .json(&json!({ "name": "Cổng thông tin điện tử tỉnh", "description": "Lấy cơ cấu tổ chức", "scopes": ["units:read", "units:read"] }))
            .send()
            .await;
        assert_eq!(created.status, 201, "{}", created.text);
        let account = created.body["account"].clone();
        let secret = created.body["clientSecret"].as_str().unwrap().to_owned();
        assert_eq!(account["scopes"], json!(["units:read"]));
        let id = account["id"].as_i64().unwrap();
        let fetched = app.get(&format!("/api/v1/service-accounts/{id}")).token(&admin).send().await;
        assert!(!fetched.text.contains(&secret), "the secret is never shown again");
        let list = app.get("/api/v1/service-accounts").token(&admin).send().await;
        assert!(!list.text.contains(&secret));

        let token_for = |client_secret: String| {
            let app = &app;
            let client_id = account["clientId"].clone();
            async move { app.post("/api/v1/auth/token").json(&json!({ "clientId": client_id, "clientSecret": client_secret })).send().await }
        };
        let token = token_for(secret.clone()).await;
        assert_eq!(token.ok()["scope"], "units:read");
        let access = token.body["accessToken"].as_str().unwrap().to_owned();
        app.get("/api/v1/units/tree").token(&access).send().await.ok();
        token_for("wrong".into()).await.problem(401, "invalid_client_credentials");
        let res = app.post("/api/v1/auth/token").json(&json!({ "grantType": "password", "clientId": "x", "clientSecret": "y" })).send().await;
        assert_eq!(res.field_errors(), ["grantType:invalid_choice"]);

        let rotated = app.post(&format!("/api/v1/service-accounts/{id}/rotate-secret")).token(&admin).if_match(&fetched.etag()).send().await;
        let new_secret = rotated.ok()["clientSecret"].as_str().unwrap().to_owned();
        token_for(secret).await.problem(401, "invalid_client_credentials");
        token_for(new_secret.clone()).await.ok();

        let revoked = app.post(&format!("/api/v1/service-accounts/{id}/revoke")).token(&admin).if_match(&rotated.etag()).send().await;
        assert!(revoked.ok()["revokedAt"].is_string());
        app.get("/api/v1/units/tree").token(&access).send().await.problem(401, "session_revoked");
        token_for(new_secret).await.problem(401, "invalid_client_credentials");
        app.post(&format!("/api/v1/service-accounts/{id}/revoke")).token(&admin).if_match(&revoked.etag()).send().await.problem(409, "conflict");
    }
);

db_test!(
    async fn service_accounts_are_validated_and_edited_with_if_match(app) {
        let admin = app.admin().await;
        let res = app.post("/api/v1/service-accounts").token(&admin).json(&json!({ "name": "ab", "scopes": [] })).send().await;
        assert_eq!(res.field_errors(), ["name:length", "scopes:length"]);
        let res = app.post("/api/v1/service-accounts").token(&admin).json(&json!({ "name": "Kho dữ liệu", "scopes": ["everything"] })).send().await;
        assert_eq!(res.field_errors(), ["scopes[0]:invalid_choice"]);
        let created = app.post("/api/v1/service-accounts").token(&admin).json(&json!({ "name": "Kho dữ liệu", "scopes": ["units:read"] })).send().await;
        let id = created.ok()["account"]["id"].as_i64().unwrap();
        app.post("/api/v1/service-accounts").token(&admin).json(&json!({ "name": "Kho dữ liệu", "scopes": ["units:read"] })).send().await.problem(409, "duplicate_name");
        let body = json!({ "name": "Kho dữ liệu tỉnh", "scopes": ["units:read", "users:read"] });
        app.put(&format!("/api/v1/service-accounts/{id}")).token(&admin).json(&body).send().await.problem(428, "precondition_required");
        let res = app.put(&format!("/api/v1/service-accounts/{id}")).token(&admin).if_match("\"1\"").json(&body).send().await;
        assert_eq!(res.ok()["scopes"], json!(["units:read", "users:read"]));
        let audit = app.get(&format!("/api/v1/audit?entityType=service_account&entityId={id}")).token(&admin).send().await;
        assert_eq!(audit.ok()["total"], 2);
    }
);

db_test!(
    async fn rotating_the_secret_ends_its_tokens_at_once(app) {
        let admin = app.admin().await;
        let created = app.post("/api/v1/service-accounts").token(&admin).json(&json!({ "name": "Cổng dữ liệu", "scopes": ["units:read"] })).send().await;
        assert_eq!(created.status, 201, "{}", created.text);
        let (id, client_id) = (created.body["account"]["id"].as_i64().unwrap(), created.body["account"]["clientId"].clone());
        let token_for = |secret: serde_json::Value| {
            let (app, client_id) = (&app, client_id.clone());
            async move { app.post("/api/v1/auth/token").json(&json!({ "clientId": client_id, "clientSecret": secret })).send().await }
        };
        let old = token_for(created.body["clientSecret"].clone()).await.ok()["accessToken"].as_str().unwrap().to_owned();
        // Used once, so that its principal sits in the cache.
        app.get("/api/v1/units/tree").token(&old).send().await.ok();
        let rotated = app.post(&format!("/api/v1/service-accounts/{id}/rotate-secret")).token(&admin).if_match("\"1\"").send().await;
        rotated.ok();
        assert_eq!(rotated.header("cache-control").as_deref(), Some("no-store"));
        app.get("/api/v1/units/tree").token(&old).send().await.problem(401, "session_revoked");
        let fresh = token_for(rotated.body["clientSecret"].clone()).await.ok()["accessToken"].as_str().unwrap().to_owned();
        app.get("/api/v1/units/tree").token(&fresh).send().await.ok();
        // A renamed account keeps its tokens: only the secret ends them.
        let res = app.put(&format!("/api/v1/service-accounts/{id}")).token(&admin).if_match(&rotated.etag()).json(&json!({ "name": "Cổng dữ liệu tỉnh", "scopes": ["units:read"] })).send().await;
        res.ok();
        app.get("/api/v1/units/tree").token(&fresh).send().await.ok();
        app.get("/api/v1/units/tree").token(&old).send().await.problem(401, "session_revoked");
    }
);
