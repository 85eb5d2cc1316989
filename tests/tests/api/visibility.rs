//! One visibility rule per resource, applied by every read path, per role and unit: draft
//! evaluations stay with the people who share their capacity, service accounts see confirmed
//! records only (also inside a submitted introduction), lists of values show the caller's own
//! unit, and draft criteria sets stay with their editors.

use lantoa_tests::{TestApp, db_test};
use serde_json::{Value, json};

use crate::support::{create_exemplar, etag_of};

async fn open(app: &TestApp, token: &str, exemplar_id: i64, kind: &str) -> Value {
    let res = app
        .post(&format!("/api/v1/exemplars/{exemplar_id}/evaluations"))
        .token(token)
        .json(&json!({ "evaluatorKind": kind, "comment": "Nháp" }))
        .send()
        .await;
    assert_eq!(res.status, 201, "{}", res.text);
    res.body
}

fn ids(list: &Value) -> Vec<i64> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_i64().unwrap())
        .collect()
}

db_test!(
    async fn draft_evaluations_are_seen_only_by_their_capacity(app) {
        let staff = app.token("tgpl.canbo").await;
        let head = app.token("tgpl.truong").await;
        let office = app.token("vanphong").await;
        let leader = app.token("lanhdao").await;
        let admin = app.admin().await;
        let integration = app.integration_token(&["exemplars:read"]).await;
        let exemplar = create_exemplar(&app, &staff, "TGPL", "Hồ Thị Bí Mật").await;
        let id = exemplar["id"].as_i64().unwrap();
        let own = open(&app, &staff, id, "self_assessment").await["id"].as_i64().unwrap();
        let review = open(&app, &office, id, "office_review").await["id"].as_i64().unwrap();
        let council = open(&app, &leader, id, "council_member").await["id"].as_i64().unwrap();

        // Who sees which draft, through the list, the dossier and the evaluation itself.
        let cases: [(&str, &String, Vec<i64>); 6] = [
            ("unit staff", &staff, vec![own]),
            ("unit head", &head, vec![own]),
            ("office", &office, vec![review]),
            ("leader", &leader, vec![council]),
            ("admin", &admin, vec![]),
            ("integration", &integration, vec![]),
        ];
        for (who, token, visible) in cases {
            if who != "integration" {
                let list = app.get(&format!("/api/v1/exemplars/{id}/evaluations")).token(token).send().await;
                assert_eq!(ids(list.ok()), visible, "{who}: list");
                let dossier = app.get(&format!("/api/v1/exemplars/{id}")).token(token).send().await;
                assert_eq!(ids(&dossier.ok()["evaluations"]), visible, "{who}: dossier");
            }
            for evaluation in [own, review, council] {
                let res = app.get(&format!("/api/v1/evaluations/{evaluation}")).token(token).send().await;
                if visible.contains(&evaluation) {
                    res.ok();
                } else {
                    res.problem(404, "not_found");
                }
            }
        }

        // A final evaluation is seen by everyone who sees the exemplar; its files likewise.
        let draft = app.get(&format!("/api/v1/evaluations/{own}")).token(&staff).send().await;
        let items: Vec<Value> = draft.body["items"].as_array().unwrap().iter().map(|i| json!({ "criterionId": i["criterionId"], "met": true })).collect();
        let saved = app.put(&format!("/api/v1/evaluations/{own}")).token(&staff).if_match(&draft.etag()).json(&json!({ "items": items })).send().await;
        app.post(&format!("/api/v1/evaluations/{own}/finalise")).token(&staff).if_match(&saved.etag()).send().await.ok();
        for token in [&office, &leader, &admin] {
            app.get(&format!("/api/v1/evaluations/{own}")).token(token).send().await.ok();
        }
    }
);

db_test!(
    async fn service_accounts_and_other_units_see_only_what_the_rule_allows(app) {
        let staff = app.token("tgpl.canbo").await;
        let head = app.token("tgpl.truong").await;
        let office = app.token("vanphong").await;
        let integration = app.integration_token(&["exemplars:read"]).await;
        let tgpl = app.unit_id("TGPL").await;

        // Two exemplars introduced together: one confirmed, one only submitted.
        let confirmed = create_exemplar(&app, &staff, "TGPL", "Mai Thị Đã Xác Nhận").await;
        let submitted = create_exemplar(&app, &staff, "TGPL", "Mai Văn Mới Gửi").await;
        let sent = app.post(&format!("/api/v1/exemplars/{}/submit", confirmed["id"])).token(&head).if_match(&etag_of(&confirmed)).send().await;
        app.post(&format!("/api/v1/exemplars/{}/confirm", confirmed["id"])).token(&office).if_match(&sent.etag()).json(&json!({})).send().await.ok();
        app.post(&format!("/api/v1/exemplars/{}/submit", submitted["id"])).token(&head).if_match(&etag_of(&submitted)).send().await.ok();
        let body = json!({
            "unitId": tgpl, "month": "2026-11", "title": "Hai gương trợ giúp viên",
            "writeUp": "Hai trợ giúp viên đã tham gia 200 vụ việc trong năm, được người dân ghi nhận.",
            "exemplarIds": [confirmed["id"], submitted["id"]]
        });
        let draft = app.post("/api/v1/introductions").token(&staff).json(&body).send().await;
        let intro = app.post(&format!("/api/v1/introductions/{}/submit", draft.body["id"])).token(&head).if_match(&draft.etag()).send().await;
        let intro_id = intro.ok()["id"].clone();
        let as_office = app.get(&format!("/api/v1/introductions/{intro_id}")).token(&office).send().await;
        assert_eq!(as_office.ok()["exemplars"].as_array().unwrap().len(), 2);
        let as_system = app.get(&format!("/api/v1/introductions/{intro_id}")).token(&integration).send().await;
        assert_eq!(ids(&as_system.ok()["exemplars"]), [confirmed["id"].as_i64().unwrap()]);
        let listed = app.get("/api/v1/introductions").token(&integration).send().await;
        assert_eq!(ids(&listed.ok()["items"][0]["exemplars"]), [confirmed["id"].as_i64().unwrap()]);
        app.get(&format!("/api/v1/exemplars/{}", submitted["id"])).token(&integration).send().await.problem(404, "not_found");

        // Fields of work: the caller's unit only; a service account's: confirmed records only.
        let mut other = crate::support::exemplar_body(app.unit_id("DGTS").await, "Đỗ Văn Đấu Giá");
        other["fieldOfWork"] = json!("Đấu giá tài sản");
        app.post("/api/v1/exemplars").token(&office).json(&other).send().await.ok();
        let unit_fields = app.get("/api/v1/exemplars/fields").token(&staff).send().await;
        assert_eq!(unit_fields.ok(), &json!(["Trợ giúp pháp lý"]));
        let all_fields = app.get("/api/v1/exemplars/fields").token(&office).send().await;
        assert_eq!(all_fields.ok(), &json!(["Đấu giá tài sản", "Trợ giúp pháp lý"]));
        let system_fields = app.get("/api/v1/exemplars/fields").token(&integration).send().await;
        assert_eq!(system_fields.ok(), &json!(["Trợ giúp pháp lý"]));
        // Another unit's exemplar is out of scope for unit roles.
        let dgts = app.get("/api/v1/exemplars?q=dau%20gia").token(&office).send().await;
        let dgts_id = dgts.ok()["items"][0]["id"].clone();
        app.get(&format!("/api/v1/exemplars/{dgts_id}")).token(&staff).send().await.problem(403, "outside_unit_scope");
        assert_eq!(app.get("/api/v1/exemplars?q=dau%20gia").token(&staff).send().await.ok()["total"], 0);
    }
);

db_test!(
    async fn draft_criteria_sets_stay_with_their_editors(app) {
        let office = app.token("vanphong").await;
        let staff = app.token("tgpl.canbo").await;
        let leader = app.token("lanhdao").await;
        let integration = app.integration_token(&["exemplars:read"]).await;
        let set = json!({
            "code": "NHAP", "name": "Bộ tiêu chí đang soạn", "subjectKind": "individual", "passThreshold": 70, "nurtureThreshold": 40,
            "criteria": [{ "text": "Tiêu chí", "weight": 50, "mode": "pass_fail" }]
        });
        let draft = app.post("/api/v1/criteria-sets").token(&office).json(&set).send().await;
        assert_eq!(draft.status, 201, "{}", draft.text);
        let id = draft.body["id"].clone();
        for token in [&staff, &leader, &integration] {
            app.get(&format!("/api/v1/criteria-sets/{id}")).token(token).send().await.problem(404, "not_found");
            let list = app.get("/api/v1/criteria-sets").token(token).send().await;
            assert!(list.ok().as_array().unwrap().iter().all(|s| s["status"] != "draft"), "{}", list.text);
            let drafts = app.get("/api/v1/criteria-sets?status=draft").token(token).send().await;
            assert_eq!(drafts.ok(), &json!([]));
        }
        app.get(&format!("/api/v1/criteria-sets/{id}")).token(&office).send().await.ok();
        let admin = app.admin().await;
        app.get(&format!("/api/v1/criteria-sets/{id}")).token(&admin).send().await.ok();
    }
);
