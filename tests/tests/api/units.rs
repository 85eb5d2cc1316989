//! Units: the tree, search, the placement rules, optimistic concurrency, deactivation and the audit trail.

use lantoa_tests::db_test;
use serde_json::json;

use crate::support::{create_user, unit_body};

db_test!(
    async fn seeded_tree_matches_the_department(app) {
        let token = app.token("tgpl.canbo").await;
        let tree = app.get("/api/v1/units/tree").token(&token).send().await;
        let roots = tree.ok().as_array().unwrap();
        assert_eq!(roots.len(), 1);
        assert_eq!(roots[0]["code"], "STP");
        assert_eq!(roots[0]["kind"], "department");
        let children: Vec<&str> = roots[0]["children"].as_array().unwrap().iter().map(|c| c["code"].as_str().unwrap()).collect();
        assert_eq!(children, ["VP", "XDKTVB", "PBGDPL", "HCTP", "BTTP", "TGPL", "PCC1", "PCC2", "DGTS"]);
        let with_inactive = app.get("/api/v1/units/tree?includeInactive=true").token(&token).send().await;
        let all: Vec<&str> =
            with_inactive.ok()[0]["children"].as_array().unwrap().iter().map(|c| c["code"].as_str().unwrap()).collect();
        assert!(all.contains(&"TTR"), "the abolished inspectorate is kept, inactive");
    }
);

db_test!(
    async fn search_ignores_case_and_diacritics(app) {
        let token = app.token("vanphong").await;
        for query in ["tro giup", "TRỢ GIÚP", "trợ giup phap ly"] {
            let res = app.get(&format!("/api/v1/units?q={}", urlencode(query))).token(&token).send().await;
            let codes: Vec<&str> = res.ok()["items"].as_array().unwrap().iter().map(|u| u["code"].as_str().unwrap()).collect();
            assert_eq!(codes, ["TGPL"], "query {query}");
        }
        let res = app.get("/api/v1/units?q=cong%20chung&kind=affiliated&active=true").token(&token).send().await;
        assert_eq!(res.ok()["total"], 2);
        let res = app.get("/api/v1/units?q=100%25").token(&token).send().await;
        assert_eq!(res.ok()["total"], 0, "wildcards typed by the user are literal");
    }
);

pub fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

db_test!(
    async fn admin_creates_reads_and_updates_a_unit_with_etags(app) {
        let admin = app.admin().await;
        let root = app.unit_id("STP").await;
        let created = app
            .post("/api/v1/units")
            .token(&admin)
            .json(&json!({
                "code": " tgpl-cn1 ", "name": "  Chi nhánh Trợ giúp pháp lý số 1 ", "shortName": "Chi nhánh 1",
                "kind": "affiliated", "parentId": app.unit_id("TGPL").await, "sortOrder": 5,
                "headName": "Nguyễn Văn Bình", "headTitle": "Trưởng Chi nhánh", "email": "", "phone": "0277 3851 234"
            }))
            .send()
            .await;
        let unit = created.ok().clone();
        assert_eq!(created.status, 201);
        assert_eq!(unit["code"], "TGPL-CN1");
        assert_eq!(unit["name"], "Chi nhánh Trợ giúp pháp lý số 1");
        assert_eq!(unit["email"], serde_json::Value::Null);
        assert_eq!(unit["version"], 1);
        assert_eq!(created.etag(), "\"1\"");
        let id = unit["id"].as_i64().unwrap();
        assert_eq!(created.header("location").unwrap(), format!("/api/v1/units/{id}"));

        let fetched = app.get(&format!("/api/v1/units/{id}")).token(&admin).send().await;
        assert_eq!(fetched.etag(), "\"1\"");
        let mut body = fetched.ok().clone();
        body["name"] = json!("Chi nhánh TGPL số 1 (Hồng Ngự)");
        body["parentId"] = json!(root);

        let no_if_match = app.put(&format!("/api/v1/units/{id}")).token(&admin).json(&body).send().await;
        no_if_match.problem(428, "precondition_required");
        let updated = app.put(&format!("/api/v1/units/{id}")).token(&admin).if_match("\"1\"").json(&body).send().await;
        assert_eq!(updated.ok()["name"], "Chi nhánh TGPL số 1 (Hồng Ngự)");
        assert_eq!(updated.body["parentId"], root);
        assert_eq!(updated.etag(), "\"2\"");
        // A second writer still holding version 1 loses nothing silently: 412.
        body["name"] = json!("Tên cũ");
        let stale = app.put(&format!("/api/v1/units/{id}")).token(&admin).if_match("\"1\"").json(&body).send().await;
        stale.problem(412, "version_mismatch");
        let after = app.get(&format!("/api/v1/units/{id}")).token(&admin).send().await;
        assert_eq!(after.ok()["name"], "Chi nhánh TGPL số 1 (Hồng Ngự)");

        let audit = app.get(&format!("/api/v1/audit?entityType=unit&entityId={id}&sort=occurredAt")).token(&admin).send().await;
        let entries = audit.ok()["items"].as_array().unwrap().clone();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0]["action"], "create");
        assert_eq!(entries[0]["after"]["code"], "TGPL-CN1");
        assert_eq!(entries[1]["action"], "update");
        assert_eq!(entries[1]["before"]["name"], "Chi nhánh Trợ giúp pháp lý số 1");
        assert_eq!(entries[1]["after"]["name"], "Chi nhánh TGPL số 1 (Hồng Ngự)");
        assert_eq!(entries[1]["actorName"], "admin");
        assert!(entries[1]["requestId"].as_str().is_some_and(|r| !r.is_empty()));
    }
);

db_test!(
    async fn invalid_units_are_refused_with_field_errors_and_nothing_is_written(app) {
        let admin = app.admin().await;
        let root = app.unit_id("STP").await;
        let before = app.get("/api/v1/units?pageSize=1").token(&admin).send().await.body["total"].clone();

        let res = app
            .post("/api/v1/units")
            .token(&admin)
            .json(&json!({ "code": "ư", "name": "", "shortName": "x", "kind": "internal", "parentId": root, "email": "khong-phai-email" }))
            .send()
            .await;
        res.problem(422, "validation_failed");
        assert_eq!(res.field_errors(), ["code:invalid_format", "code:length", "email:email", "name:length"]);
        assert!(res.body["errors"].as_array().unwrap().iter().all(|e| !e["message"].as_str().unwrap().is_empty()));

        let res = app.post("/api/v1/units").token(&admin).json(&unit_body("VP", "Trùng mã", root)).send().await;
        res.problem(409, "duplicate_code");
        assert_eq!(res.field_errors(), ["code:taken"]);

        let mut orphan = unit_body("ORPHAN", "Không có cấp trên", root);
        orphan["parentId"] = json!(null);
        let res = app.post("/api/v1/units").token(&admin).json(&orphan).send().await;
        assert_eq!(res.field_errors(), ["parentId:required"]);

        let mut second_root = unit_body("STP2", "Sở thứ hai", root);
        second_root["kind"] = json!("department");
        second_root["parentId"] = json!(null);
        let res = app.post("/api/v1/units").token(&admin).json(&second_root).send().await;
        assert_eq!(res.field_errors(), ["kind:invalid"]);

        let mut internal_under_centre = unit_body("PHONG-X", "Phòng dưới trung tâm", app.unit_id("TGPL").await);
        internal_under_centre["kind"] = json!("internal");
        let res = app.post("/api/v1/units").token(&admin).json(&internal_under_centre).send().await;
        assert_eq!(res.field_errors(), ["parentId:invalid"]);

        let res = app.post("/api/v1/units").token(&admin).json(&unit_body("UNDER-TTR", "Dưới đơn vị đã giải thể", app.unit_id("TTR").await)).send().await;
        assert_eq!(res.field_errors(), ["parentId:inactive"]);

        let res = app.post("/api/v1/units").token(&admin).json(&unit_body("NOWHERE", "Cấp trên không có", 987654)).send().await;
        assert_eq!(res.field_errors(), ["parentId:not_found"]);

        let after = app.get("/api/v1/units?pageSize=1").token(&admin).send().await.body["total"].clone();
        assert_eq!(before, after, "refused writes leave nothing behind");
    }
);

db_test!(
    async fn a_unit_cannot_move_under_its_own_descendant(app) {
        let admin = app.admin().await;
        let tgpl = app.unit_id("TGPL").await;
        let branch = app.post("/api/v1/units").token(&admin).json(&unit_body("CN-A", "Chi nhánh A", tgpl)).send().await;
        let branch_id = branch.ok()["id"].as_i64().unwrap();
        let centre = app.get(&format!("/api/v1/units/{tgpl}")).token(&admin).send().await;
        let mut body = centre.ok().clone();
        body["parentId"] = json!(branch_id);
        let res = app.put(&format!("/api/v1/units/{tgpl}")).token(&admin).if_match(&centre.etag()).json(&body).send().await;
        res.problem(422, "validation_failed");
        assert_eq!(res.field_errors(), ["parentId:cycle"]);
        body["parentId"] = json!(tgpl);
        let res = app.put(&format!("/api/v1/units/{tgpl}")).token(&admin).if_match(&centre.etag()).json(&body).send().await;
        assert_eq!(res.field_errors(), ["parentId:invalid"]);
    }
);

db_test!(
    async fn deactivation_is_refused_while_the_unit_is_in_use(app) {
        let admin = app.admin().await;
        let root = app.unit_id("STP").await;
        let parent = app.post("/api/v1/units").token(&admin).json(&unit_body("CHA", "Đơn vị cha", root)).send().await.body.clone();
        let child = app
            .post("/api/v1/units")
            .token(&admin)
            .json(&unit_body("CON", "Đơn vị con", parent["id"].as_i64().unwrap()))
            .send()
            .await
            .body
            .clone();
        let deactivate = |id: &serde_json::Value, version: &serde_json::Value| {
            app.post(&format!("/api/v1/units/{id}/deactivate")).token(&admin).if_match(&format!("\"{version}\"")).send()
        };
        deactivate(&parent["id"], &parent["version"]).await.problem(409, "unit_has_active_children");
        let (user, _) = create_user(&app, &admin, "nhanvien.con", "unit_staff", Some("CON")).await;
        deactivate(&child["id"], &child["version"]).await.problem(409, "unit_has_active_users");
        let user_etag = format!("\"{}\"", user["version"]);
        app.post(&format!("/api/v1/users/{}/deactivate", user["id"])).token(&admin).if_match(&user_etag).send().await.ok();
        let child_off = deactivate(&child["id"], &child["version"]).await;
        assert_eq!(child_off.ok()["active"], false);
        let parent_off = deactivate(&parent["id"], &parent["version"]).await;
        assert_eq!(parent_off.ok()["active"], false);
        // Reactivating the child needs its parent active first.
        let res = app.post(&format!("/api/v1/units/{}/activate", child["id"])).token(&admin).if_match(&child_off.etag()).send().await;
        res.problem(409, "inactive_unit");
        app.post(&format!("/api/v1/units/{}/activate", parent["id"])).token(&admin).if_match(&parent_off.etag()).send().await.ok();
        let res = app.post(&format!("/api/v1/units/{}/activate", child["id"])).token(&admin).if_match(&child_off.etag()).send().await;
        assert_eq!(res.ok()["active"], true);
        // The Department itself cannot be deactivated.
        let root_unit = app.get(&format!("/api/v1/units/{root}")).token(&admin).send().await;
        app.post(&format!("/api/v1/units/{root}/deactivate")).token(&admin).if_match(&root_unit.etag()).send().await.problem(409, "conflict");
    }
);

db_test!(
    async fn only_unused_units_can_be_deleted(app) {
        let admin = app.admin().await;
        let root = app.unit_id("STP").await;
        let unit = app.post("/api/v1/units").token(&admin).json(&unit_body("TAM", "Tạo nhầm", root)).send().await;
        let id = unit.ok()["id"].as_i64().unwrap();
        let res = app.delete(&format!("/api/v1/units/{id}")).token(&admin).if_match("\"1\"").send().await;
        assert_eq!(res.status, 204);
        app.get(&format!("/api/v1/units/{id}")).token(&admin).send().await.problem(404, "not_found");
        let tgpl = app.unit_id("TGPL").await;
        let centre = app.get(&format!("/api/v1/units/{tgpl}")).token(&admin).send().await;
        app.delete(&format!("/api/v1/units/{tgpl}")).token(&admin).if_match(&centre.etag()).send().await.problem(409, "unit_in_use");
        let audit = app.get(&format!("/api/v1/audit?entityType=unit&entityId={id}&action=delete")).token(&admin).send().await;
        assert_eq!(audit.ok()["items"][0]["before"]["code"], "TAM");
    }
);
