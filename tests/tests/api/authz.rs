//! Authorisation of every operation in the OpenAPI document: no token, an expired, a tampered,
//! an `alg: none` or a wrong-audience token get 401; every role the operation's `security` does
//! not list gets 403; the roles it lists get past the gate. Per-unit scoping is tested with each
//! resource.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use lantoa::auth::jwt::Claims;
use lantoa_tests::{TestApp, db_test};
use reqwest::Method;
use serde_json::json;

struct Operation {
    method: Method,
    path: String,
    roles: Vec<String>,
}

fn secured_operations() -> Vec<Operation> {
    let spec = serde_json::to_value(lantoa::openapi()).unwrap();
    let mut operations = Vec::new();
    for (path, item) in spec["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            let security = operation["security"]
                .as_array()
                .expect("every operation declares its security");
            let roles: Vec<String> = security
                .iter()
                .filter_map(|req| req.get("bearer"))
                .flat_map(|roles| {
                    roles
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|r| r.as_str().unwrap().to_owned())
                })
                .collect();
            if roles.is_empty() {
                continue;
            }
            operations.push(Operation {
                method: method.to_uppercase().parse().unwrap(),
                path: path.replace("{id}", "999999"),
                roles,
            });
        }
    }
    assert!(
        operations.len() >= 25,
        "expected the secured operations, found {}",
        operations.len()
    );
    operations
}

fn doctored(app: &TestApp, good: &str) -> Vec<(&'static str, String)> {
    let base: Claims = TestApp::claims(good);
    let now = chrono::Utc::now().timestamp();
    let mut tampered: Vec<String> = good.split('.').map(str::to_owned).collect();
    tampered[2] = tampered[2].chars().rev().collect();
    let none_header = URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#);
    vec![
        (
            "expired",
            app.sign(&Claims {
                exp: now - 7200,
                iat: now - 9000,
                nbf: now - 9000,
                ..base.clone()
            }),
        ),
        ("tampered", tampered.join(".")),
        (
            "alg none",
            format!("{none_header}.{}.", good.split('.').nth(1).unwrap()),
        ),
        (
            "wrong audience",
            app.sign(&Claims {
                aud: "other".into(),
                ..base
            }),
        ),
    ]
}

db_test!(
    async fn every_operation_enforces_its_rule(app) {
        let callers = app.callers().await;
        let admin = &callers.by_role[0].1;
        let bad_tokens = doctored(&app, admin);
        for op in secured_operations() {
            let call = |token: Option<&str>| {
                let mut req = app.request(op.method.clone(), &op.path);
                if let Some(token) = token {
                    req = req.token(token);
                }
                if op.method == Method::POST || op.method == Method::PUT {
                    req = req.json(&json!({}));
                }
                req.send()
            };
            let res = call(None).await;
            assert_eq!(res.status, 401, "{} {} without a token: {}", op.method, op.path, res.text);
            for (what, token) in &bad_tokens {
                let res = call(Some(token)).await;
                assert_eq!(res.status, 401, "{} {} with a {what} token: {}", op.method, op.path, res.text);
            }
            for (role, token) in &callers.by_role {
                let res = call(Some(token)).await;
                if op.roles.iter().any(|r| r == role) {
                    assert!(
                        res.status != 401 && res.body["code"] != "forbidden",
                        "{} {} should admit {role}: {} {}",
                        op.method,
                        op.path,
                        res.status,
                        res.text
                    );
                } else {
                    assert_eq!(res.status, 403, "{} {} should refuse {role}: {}", op.method, op.path, res.text);
                    assert_eq!(res.body["code"], "forbidden");
                }
            }
            let res = call(Some(&callers.integration)).await;
            if op.roles.iter().any(|r| r == "integration") {
                assert!(res.status != 401 && res.status != 403, "{} {} should admit integration: {}", op.method, op.path, res.text);
            } else {
                assert_eq!(res.status, 403, "{} {} should refuse integration: {}", op.method, op.path, res.text);
            }
        }
    }
);

db_test!(
    async fn integration_tokens_need_the_scope(app) {
        let units_only = app.integration_token(&["units:read"]).await;
        app.get("/api/v1/units").token(&units_only).send().await.ok();
        let res = app.get("/api/v1/users").token(&units_only).send().await;
        res.problem(403, "forbidden");
        assert!(res.body["detail"].as_str().unwrap().contains("users:read"));
        let me = app.get("/api/v1/auth/me").token(&units_only).send().await;
        assert_eq!(me.ok()["role"], "integration");
        assert_eq!(me.body["serviceAccount"]["scopes"], json!(["units:read"]));
    }
);
