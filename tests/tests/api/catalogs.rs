//! The catalogues the Office keeps: emulation movements and criteria sets.

use lantoa_tests::db_test;
use serde_json::json;

use crate::support::{etag_of, exemplar_body};

db_test!(
    async fn the_plan_s_movements_are_seeded_and_managed_by_the_office(app) {
        let staff = app.token("tgpl.canbo").await;
        let office = app.token("vanphong").await;
        let list = app.get("/api/v1/movements?pageSize=100").token(&staff).send().await;
        let names: Vec<&str> = list.ok()["items"].as_array().unwrap().iter().map(|m| m["name"].as_str().unwrap()).collect();
        assert_eq!(list.body["total"], 5);
        for expected in ["Bình dân học vụ số", "Cả nước thi đua đổi mới sáng tạo và chuyển đổi số", "Toàn dân bảo vệ an ninh Tổ quốc", "Dân vận khéo"] {
            assert!(names.contains(&expected), "{expected} missing from {names:?}");
        }
        assert!(names.iter().any(|n| n.ends_with("đạt hai con số")));
        let innovation = list.body["items"].as_array().unwrap().iter().find(|m| m["code"] == "DMST-CDS").unwrap().clone();
        assert_eq!(innovation["legalBasis"], "Quyết định số 923/QĐ-TTg");
        assert_eq!(innovation["legalBasisDate"], "2025-05-14");

        let body = json!({ "code": "ngay-phap-luat", "name": "Thi đua hưởng ứng Ngày Pháp luật Việt Nam", "startsOn": "2026-09-01", "endsOn": "2026-08-01" });
        app.post("/api/v1/movements").token(&staff).json(&body).send().await.problem(403, "forbidden");
        let res = app.post("/api/v1/movements").token(&office).json(&body).send().await;
        assert_eq!(res.field_errors(), ["endsOn:range"]);
        let mut body = body;
        body["endsOn"] = json!("2026-11-30");
        let created = app.post("/api/v1/movements").token(&office).json(&body).send().await;
        assert_eq!(created.status, 201, "{}", created.text);
        assert_eq!(created.body["code"], "NGAY-PHAP-LUAT");
        app.post("/api/v1/movements").token(&office).json(&body).send().await.problem(409, "duplicate_code");
        let closed = app.post(&format!("/api/v1/movements/{}/close", created.body["id"])).token(&office).if_match(&created.etag()).send().await;
        assert_eq!(closed.ok()["active"], false);
        // A closed movement takes no new exemplars.
        let mut exemplar = exemplar_body(app.unit_id("TGPL").await, "Gương Ngày Pháp luật");
        exemplar["movementIds"] = json!([created.body["id"]]);
        let res = app.post("/api/v1/exemplars").token(&staff).json(&exemplar).send().await;
        assert_eq!(res.field_errors(), ["movementIds[0]:inactive"]);
        let open = app.get("/api/v1/movements?active=true").token(&staff).send().await;
        assert_eq!(open.ok()["total"], 5);
        let reopened = app.post(&format!("/api/v1/movements/{}/reopen", created.body["id"])).token(&office).if_match(&closed.etag()).send().await;
        assert_eq!(reopened.ok()["active"], true);
    }
);

db_test!(
    async fn criteria_sets_hold_the_four_general_standards(app) {
        let staff = app.token("tgpl.canbo").await;
        let office = app.token("vanphong").await;
        let sets = app.get("/api/v1/criteria-sets?status=published").token(&staff).send().await;
        let sets = sets.ok().as_array().unwrap().clone();
        assert_eq!(sets.len(), 2);
        for set in &sets {
            let texts: Vec<&str> = set["criteria"].as_array().unwrap().iter().map(|c| c["text"].as_str().unwrap()).collect();
            assert_eq!(texts.len(), 4);
            assert!(texts[0].starts_with("Gương mẫu chấp hành tốt chủ trương, đường lối của Đảng"));
            assert!(texts[0].contains("Chỉ thị số 05-CT/TW ngày 15/5/2016"));
            assert_eq!(texts[1], "Hoàn thành xuất sắc nhiệm vụ được giao.");
            assert!(texts[2].starts_with("Có mô hình mới, cách làm hay"));
            assert!(texts[3].starts_with("Có tinh thần tương thân tương ái"));
            assert_eq!(set["passThreshold"], 100);
        }
        let kinds: Vec<&str> = sets.iter().map(|s| s["subjectKind"].as_str().unwrap()).collect();
        assert_eq!(kinds, ["individual", "collective"]);

        let bad = json!({
            "code": "CD-2026", "name": "Bộ tiêu chí chuyên đề", "subjectKind": "collective", "passThreshold": 50, "nurtureThreshold": 70,
            "criteria": [{ "text": "Tiêu chí chấm điểm", "weight": 50, "mode": "score" }, { "text": "Tiêu chí đạt", "weight": 0, "mode": "pass_fail", "maxScore": 5 }]
        });
        let res = app.post("/api/v1/criteria-sets").token(&office).json(&bad).send().await;
        assert_eq!(res.field_errors(), ["criteria[0].maxScore:required", "criteria[1].maxScore:not_applicable", "criteria[1].weight:range", "nurtureThreshold:range"]);
        app.post("/api/v1/criteria-sets").token(&staff).json(&bad).send().await.problem(403, "forbidden");
        let good = json!({
            "code": "CD-2026", "name": "Bộ tiêu chí chuyên đề", "subjectKind": "collective", "passThreshold": 70, "nurtureThreshold": 40,
            "criteria": [{ "text": "Tiêu chí chấm điểm", "weight": 50, "mode": "score", "maxScore": 10 }]
        });
        let draft = app.post("/api/v1/criteria-sets").token(&office).json(&good).send().await;
        assert_eq!(draft.status, 201, "{}", draft.text);
        assert_eq!(draft.body["status"], "draft");
        app.post("/api/v1/criteria-sets").token(&office).json(&good).send().await.problem(409, "conflict");
        // A draft cannot be used to evaluate; an unused draft can be deleted.
        let res = app.delete(&format!("/api/v1/criteria-sets/{}", draft.body["id"])).token(&office).if_match(&etag_of(&draft.body)).send().await;
        assert_eq!(res.status, 204);
        let published = &sets[0];
        app.delete(&format!("/api/v1/criteria-sets/{}", published["id"])).token(&office).if_match(&etag_of(published)).send().await.problem(409, "conflict");
    }
);
