//! API conventions shared by every resource: problem responses for malformed requests, request
//! ids, pagination bounds, health checks, documentation and the SPA fallback.

use lantoa_tests::db_test;
use serde_json::json;

db_test!(
    async fn malformed_json_is_a_problem_with_a_request_id(app) {
        let admin = app.admin().await;
        let res = app.post("/api/v1/units").token(&admin).body("application/json", "{\"code\": ").send().await;
        res.problem(400, "malformed_json");
        assert_eq!(res.body["requestId"].as_str(), res.header("x-request-id").as_deref());
        assert!(res.body["detail"].as_str().unwrap().contains("dòng"));
    }
);

db_test!(
    async fn wrong_content_type_is_415(app) {
        let admin = app.admin().await;
        let res = app.post("/api/v1/units").token(&admin).body("text/plain", "code=X").send().await;
        res.problem(415, "unsupported_media_type");
        let res = app.post("/api/v1/auth/login").body("application/x-www-form-urlencoded", "username=a&password=b").send().await;
        res.problem(415, "unsupported_media_type");
    }
);

db_test!(
    async fn oversized_bodies_are_413(app) {
        let admin = app.admin().await;
        let big = "x".repeat(70 * 1024);
        let res = app.post("/api/v1/units").token(&admin).json(&json!({ "code": "BIG", "name": big })).send().await;
        res.problem(413, "payload_too_large");
    }
);

db_test!(
    async fn wrong_types_and_unknown_enum_values_name_the_field(app) {
        let admin = app.admin().await;
        let root = app.unit_id("STP").await;
        let res = app
            .post("/api/v1/units")
            .token(&admin)
            .json(&json!({ "code": "X1", "name": "A", "shortName": "A", "kind": "affiliated", "parentId": "một" }))
            .send()
            .await;
        res.problem(422, "validation_failed");
        assert_eq!(res.field_errors(), ["parentId:invalid_type"]);
        assert!(res.body["errors"][0]["message"].as_str().unwrap().contains("số nguyên"));
        let res = app
            .post("/api/v1/units")
            .token(&admin)
            .json(&json!({ "code": "X1", "name": "A", "shortName": "A", "kind": "phong", "parentId": root }))
            .send()
            .await;
        res.problem(422, "validation_failed");
        assert_eq!(res.field_errors(), ["kind:invalid_choice"]);
        assert!(res.body["errors"][0]["message"].as_str().unwrap().contains("department"));
    }
);

db_test!(
    async fn unknown_routes_and_bad_path_parameters(app) {
        let admin = app.admin().await;
        let res = app.get("/api/v1/khong-co").token(&admin).send().await;
        res.problem(404, "route_not_found");
        app.get("/api/v2/units").send().await.problem(404, "route_not_found");
        app.get("/api/v1/units/abc").token(&admin).send().await.problem(400, "invalid_path");
        app.get("/api/v1/units/999999").token(&admin).send().await.problem(404, "not_found");
        // A wrong method on a known path is not a handler either.
        app.request(reqwest::Method::PATCH, "/api/v1/units").token(&admin).send().await.problem(404, "route_not_found");
    }
);

db_test!(
    async fn pagination_is_bounded_and_sort_checked(app) {
        let admin = app.admin().await;
        let res = app.get("/api/v1/units?pageSize=101").token(&admin).send().await;
        res.problem(422, "validation_failed");
        assert_eq!(res.field_errors(), ["pageSize:range"]);
        app.get("/api/v1/units?page=0").token(&admin).send().await.problem(422, "validation_failed");
        let res = app.get("/api/v1/units?page=abc").token(&admin).send().await;
        res.problem(400, "invalid_query");
        assert_eq!(res.field_errors(), ["page:invalid"]);
        let res = app.get("/api/v1/units?sort=-nonsense").token(&admin).send().await;
        res.problem(422, "validation_failed");
        assert_eq!(res.field_errors(), ["sort:invalid"]);
        let page = app.get("/api/v1/units?pageSize=3&page=2&sort=code").token(&admin).send().await;
        let body = page.ok();
        assert_eq!(body["page"], 2);
        assert_eq!(body["pageSize"], 3);
        assert_eq!(body["total"], 11);
        assert_eq!(body["items"].as_array().unwrap().len(), 3);
        let codes: Vec<&str> = body["items"].as_array().unwrap().iter().map(|u| u["code"].as_str().unwrap()).collect();
        assert_eq!(codes, ["PBGDPL", "PCC1", "PCC2"]);
    }
);

db_test!(
    async fn health_readiness_docs_and_spa_fallback(app) {
        let health = app.get("/healthz").send().await;
        assert_eq!(health.ok()["status"], "ok");
        let ready = app.get("/readyz").send().await;
        assert_eq!(ready.ok()["status"], "ready");
        let expected = match app.kind {
            lantoa_tests::DbKind::Sqlite => "sqlite",
            lantoa_tests::DbKind::Postgres => "postgres",
        };
        assert_eq!(ready.body["database"], expected);
        let spec = app.get("/api/openapi.json").send().await;
        assert_eq!(spec.ok()["info"]["title"], "Lan Tỏa API");
        let docs = app.get("/api/docs/").send().await;
        assert_eq!(docs.status, 200);
        assert!(docs.text.contains("swagger"), "Swagger UI page expected");
        let ui = app.get("/don-vi/12").send().await;
        assert_eq!(ui.status, 200);
        assert!(ui.header("content-type").unwrap().starts_with("text/html"));
        assert!(ui.header("x-request-id").is_some());
    }
);

db_test!(
    async fn security_headers_are_set(app) {
        let res = app.get("/healthz").send().await;
        assert_eq!(res.header("x-content-type-options").as_deref(), Some("nosniff"));
        assert_eq!(res.header("x-frame-options").as_deref(), Some("DENY"));
    }
);
