//! What a request writes to the log: one short line for a client error, whatever the client
//! sends; one line with the cause for a server error, never the cause in the answer.

use lantoa_tests::{db_test, logs};

db_test!(
    async fn a_client_error_is_one_short_info_line(app) {
        let logs = logs::capture();
        let admin = app.admin().await;
        let marker = uuid::Uuid::new_v4().simple().to_string();
        let user_agent = format!("{marker}{}", "x".repeat(10 * 1024));
        let cases = [
            app.get("/api/v1/units/999999").token(&admin).header("User-Agent", &user_agent).send().await,
            app.get("/api/v1/units").header("User-Agent", &user_agent).send().await,
            app.post("/api/v1/units").token(&admin).header("User-Agent", &user_agent).body("application/json", "{\"code\": ").send().await,
            app.get(&format!("/api/v1/{}", "y".repeat(4000))).header("User-Agent", &user_agent).send().await,
        ];
        let expected = [
            (404, "not_found", "route=/api/v1/units/{id}"),
            (401, "unauthenticated", "route=/api/v1/units"),
            (400, "malformed_json", "route=/api/v1/units"),
            (404, "route_not_found", "route=\"/api/v1/yyy"),
        ];
        for (res, (status, code, route)) in cases.iter().zip(expected) {
            assert_eq!(res.status, status, "{}", res.text);
            let id = res.header("x-request-id").unwrap();
            let lines = logs.lines_with(&id);
            assert_eq!(lines.len(), 1, "one line per request: {lines:?}");
            let line = &lines[0];
            // Timestamp, level, request id and target take 120 bytes; the rest is bounded by the
            // route pattern (or the path clipped to 40 characters) and the user agent's 40.
            assert!(line.len() <= 320, "{} bytes: {line}", line.len());
            assert!(line.contains(" INFO "), "client errors are not warnings: {line}");
            assert!(line.contains(&format!("status={status}")), "{line}");
            assert!(line.contains(&format!("code={code}")), "{line}");
            assert!(line.contains(route), "{line}");
            assert!(line.contains("method=GET") || line.contains("method=POST"), "{line}");
            assert!(line.contains(&marker), "the user agent's start is kept: {line}");
        }
        let text = logs.text();
        assert!(!text.contains(&"x".repeat(100)), "a long header value is clipped");
        assert!(!text.contains(&"y".repeat(100)), "a long path is clipped");
    }
);

db_test!(
    async fn a_server_error_logs_its_cause_once(app) {
        let logs = logs::capture();
        let admin = app.admin().await;
        app.db(|conn| {
            use diesel::connection::SimpleConnection;
            conn.batch_execute("ALTER TABLE audit_log RENAME TO audit_log_gone").unwrap();
        });
        let res = app.get("/api/v1/audit").token(&admin).send().await;
        res.problem(500, "internal_error");
        assert!(!res.text.contains("audit_log"), "no internals in the answer: {}", res.text);
        let id = res.header("x-request-id").unwrap();
        let lines = logs.lines_with(&id);
        assert_eq!(lines.len(), 1, "{lines:?}");
        let line = &lines[0];
        assert!(line.contains(" ERROR "), "{line}");
        assert!(line.contains("status=500") && line.contains("code=internal_error"), "{line}");
        assert!(line.contains("route=/api/v1/audit"), "{line}");
        assert_eq!(line.matches("audit_log").count(), 1, "the cause, once: {line}");
    }
);
