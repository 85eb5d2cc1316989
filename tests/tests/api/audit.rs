//! The audit log: who changed what, filtered.

use lantoa_tests::db_test;

db_test!(
    async fn the_office_reads_the_log_with_filters(app) {
        let admin = app.admin().await;
        let office = app.token("vanphong").await;
        let root = app.unit_id("STP").await;
        app.post("/api/v1/units").token(&admin).json(&crate::support::unit_body("NK1", "Đơn vị nhật ký", root)).send().await.ok();
        let res = app.get("/api/v1/audit?entityType=unit&action=create").token(&office).send().await;
        let entries = res.ok()["items"].as_array().unwrap();
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0]["after"]["name"], "Đơn vị nhật ký");
        assert!(entries[0]["occurredAt"].as_str().unwrap().ends_with('Z'));
        let admin_id = app.get("/api/v1/profile").token(&admin).send().await.body["id"].clone();
        let mine = app.get(&format!("/api/v1/audit?actorUserId={admin_id}&action=login")).token(&office).send().await;
        assert!(mine.ok()["total"].as_i64().unwrap() >= 1);
        let today = app.state.clock.today();
        let tomorrow = today.succ_opt().unwrap();
        let res = app.get(&format!("/api/v1/audit?from={today}&to={today}&entityType=unit")).token(&office).send().await;
        assert_eq!(res.ok()["total"], 1);
        let res = app.get(&format!("/api/v1/audit?from={tomorrow}&entityType=unit")).token(&office).send().await;
        assert_eq!(res.ok()["total"], 0);
        let res = app.get(&format!("/api/v1/audit?from={tomorrow}&to={today}")).token(&office).send().await;
        assert_eq!(res.field_errors(), ["from:range"]);
        let res = app.get("/api/v1/audit?from=27/11/2026").token(&office).send().await;
        res.problem(400, "invalid_query");
        assert_eq!(res.field_errors(), ["from:invalid_format"]);
        let page = app.get("/api/v1/audit?pageSize=1").token(&office).send().await;
        assert_eq!(page.ok()["items"].as_array().unwrap().len(), 1);
    }
);

db_test!(
    async fn units_cannot_read_the_log(app) {
        let head = app.token("tgpl.truong").await;
        app.get("/api/v1/audit").token(&head).send().await.problem(403, "forbidden");
    }
);
