//! API conventions shared by every resource: problem responses for malformed requests, request
//! ids, 405 with `Allow`, `If-Match: *`, pagination bounds, health checks, documentation, the SPA
//! fallback and its caching, and the security headers.

use lantoa_tests::{TestApp, db_test, db_test_kind};
use serde_json::{Value, json};

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
        // A wrong method on a known path is 405 with the path's methods.
        let res = app.request(reqwest::Method::PATCH, "/api/v1/units").token(&admin).send().await;
        res.problem(405, "method_not_allowed");
        assert_eq!(res.header("allow").as_deref(), Some("GET, POST"));
    }
);

/// The methods of the spec's paths matching `path` segment by segment (`{x}` matches any one).
fn spec_methods(spec: &Value, path: &str) -> Vec<String> {
    let segments: Vec<&str> = path.split('/').collect();
    let mut methods = Vec::new();
    for (template, item) in spec["paths"].as_object().unwrap() {
        let parts: Vec<&str> = template.split('/').collect();
        let matches = parts.len() == segments.len()
            && parts
                .iter()
                .zip(&segments)
                .all(|(t, s)| t.starts_with('{') || t == s);
        if matches {
            for method in ["get", "post", "put", "patch", "delete"] {
                let upper = method.to_uppercase();
                if item.get(method).is_some() && !methods.contains(&upper) {
                    methods.push(upper);
                }
            }
        }
    }
    let rank = |m: &String| {
        ["GET", "POST", "PUT", "PATCH", "DELETE"]
            .iter()
            .position(|r| r == m)
    };
    methods.sort_by_key(rank);
    methods
}

db_test!(
    async fn every_path_answers_other_methods_405_with_allow(app) {
        let admin = app.admin().await;
        let spec = app.get("/api/openapi.json").send().await.body;
        let paths: Vec<String> = spec["paths"].as_object().unwrap().keys().cloned().collect();
        assert!(paths.len() > 50, "the spec lists the API");
        for template in paths {
            // Every parameter is a numeric id; literal segments such as `tree` stay.
            let path: String = template
                .split('/')
                .map(|s| if s.starts_with('{') { "1" } else { s })
                .collect::<Vec<_>>()
                .join("/");
            let allowed = spec_methods(&spec, &path);
            for method in ["PATCH", "OPTIONS", "GET", "POST", "PUT", "DELETE"] {
                if allowed.iter().any(|m| m == method) {
                    continue;
                }
                let res = app
                    .request(reqwest::Method::from_bytes(method.as_bytes()).unwrap(), &path)
                    .token(&admin)
                    .send()
                    .await;
                assert_eq!(res.status, 405, "{method} {path}: {}", res.text);
                res.problem(405, "method_not_allowed");
                assert_eq!(res.header("allow"), Some(allowed.join(", ")), "{method} {path}");
            }
        }
        // Two patterns match `/units/tree`: the tree's GET and `{id}`'s methods.
        let res = app.request(reqwest::Method::PATCH, "/api/v1/units/tree").token(&admin).send().await;
        assert_eq!(res.header("allow").as_deref(), Some("GET, PUT, DELETE"));
        // Unknown paths stay 404, whatever the method.
        app.request(reqwest::Method::PATCH, "/api/v1/khong-co").send().await.problem(404, "route_not_found");
        app.delete("/api/v2/units").send().await.problem(404, "route_not_found");
    }
);

db_test!(
    async fn if_match_star_updates_whatever_the_version(app) {
        let admin = app.admin().await;
        let id = app.unit_id("TGPL").await;
        let current = app.get(&format!("/api/v1/units/{id}")).token(&admin).send().await;
        let mut body = current.ok().clone();
        body["name"] = json!("Trung tâm Trợ giúp pháp lý nhà nước tỉnh Đồng Tháp (cập nhật)");
        let updated = app.put(&format!("/api/v1/units/{id}")).token(&admin).if_match("*").json(&body).send().await;
        assert_eq!(updated.ok()["name"], "Trung tâm Trợ giúp pháp lý nhà nước tỉnh Đồng Tháp (cập nhật)");
        let version = current.body["version"].as_i64().unwrap();
        assert_eq!(updated.body["version"], version + 1);
        // `*` still needs the resource to exist.
        app.put("/api/v1/units/999999").token(&admin).if_match("*").json(&body).send().await.problem(404, "not_found");
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
        let admin = app.admin().await;
        let api = app.get("/api/v1/units").token(&admin).send().await;
        let problem = app.get("/api/v1/khong-co").send().await;
        let docs = app.get("/api/docs/").send().await;
        for res in [app.get("/healthz").send().await, api, problem, docs, app.get("/don-vi/12").send().await] {
            assert_eq!(res.header("x-content-type-options").as_deref(), Some("nosniff"));
            assert_eq!(res.header("x-frame-options").as_deref(), Some("DENY"));
            let csp = res.header("content-security-policy").expect("a CSP on every answer");
            for directive in ["default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "script-src 'self';"] {
                assert!(csp.contains(directive), "{directive} missing from {csp}");
            }
            assert!(!csp.contains("unsafe-eval"));
            // HSTS only when the site is declared HTTPS-only.
            assert_eq!(res.header("strict-transport-security"), None);
        }
    }
);

db_test_kind!(
    async fn hsts_when_served_over_https_only(kind) {
        let app = TestApp::start_web(kind, lantoa::WebOptions { hsts: true, ..Default::default() }).await;
        for path in ["/healthz", "/api/v1/khong-co", "/"] {
            let res = app.get(path).send().await;
            assert_eq!(res.header("strict-transport-security").as_deref(), Some("max-age=31536000; includeSubDomains"), "{path}");
        }
    }
);

db_test_kind!(
    async fn hashed_assets_are_immutable_and_the_rest_revalidated(kind) {
        let dist = tempfile::tempdir().unwrap();
        std::fs::create_dir(dist.path().join("assets")).unwrap();
        std::fs::write(dist.path().join("index.html"), "<!doctype html><title>Lan Tỏa</title><script type=module src=/assets/index-DiwrgTda.js></script>").unwrap();
        std::fs::write(dist.path().join("assets/index-DiwrgTda.js"), "console.log('lan toa')").unwrap();
        std::fs::write(dist.path().join("assets/index-BaM1cL_e.css"), "body{}").unwrap();
        std::fs::write(dist.path().join("favicon.svg"), "<svg/>").unwrap();
        let web = lantoa::WebOptions { static_dir: Some(dist.path().to_path_buf()), ..Default::default() };
        let app = TestApp::start_web(kind, web).await;
        for asset in ["/assets/index-DiwrgTda.js", "/assets/index-BaM1cL_e.css"] {
            let res = app.get(asset).send().await;
            assert_eq!(res.status, 200, "{asset}");
            assert_eq!(res.header("cache-control").as_deref(), Some("public, max-age=31536000, immutable"), "{asset}");
        }
        for page in ["/", "/index.html", "/don-vi/12", "/favicon.svg"] {
            let res = app.get(page).send().await;
            assert_eq!(res.status, 200, "{page}");
            assert_eq!(res.header("cache-control").as_deref(), Some("no-cache"), "{page}");
        }
        // A revalidation keeps the rule.
        let first = app.get("/assets/index-DiwrgTda.js").send().await;
        let again = app.get("/assets/index-DiwrgTda.js").header("If-None-Match", &first.header("etag").unwrap()).send().await;
        assert_eq!(again.status, 304);
        assert_eq!(again.header("cache-control").as_deref(), Some("public, max-age=31536000, immutable"));
        // A missing asset is not the SPA page (and not cached).
        let missing = app.get("/assets/index-Zzzzzzzz.js").send().await;
        assert_eq!(missing.status, 404);
        assert_eq!(missing.header("cache-control"), None);
        // The API's answers are not the SPA's.
        let admin = app.admin().await;
        let api = app.get("/api/v1/units").token(&admin).send().await;
        assert_eq!(api.header("cache-control"), None);
        // The SPA answers GET only; its paths are not API paths.
        let post = app.post("/don-vi/12").send().await;
        assert_eq!(post.status, 405);
        let post = app.post("/healthz").send().await;
        post.problem(405, "method_not_allowed");
        assert_eq!(post.header("allow").as_deref(), Some("GET"));
    }
);
