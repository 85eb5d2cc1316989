//! The exemplar's dossier (`GET /exemplars/{id}`): every record in its order, replications with
//! their adopting unit and files, evaluations as each caller may see them.

use lantoa_tests::db_test;
use serde_json::{Value, json};

use crate::support::{png, upload};

fn names(list: &Value, field: &str) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|item| item[field].as_str().unwrap_or_default().to_owned())
        .collect()
}

db_test!(
    async fn the_dossier_holds_every_record_in_its_order(app) {
        let staff = app.token("tgpl.canbo").await;
        let office = app.token("vanphong").await;
        let unit = app.unit_id("TGPL").await;
        let movements = app.get("/api/v1/movements").token(&office).send().await;
        let movement_ids: Vec<i64> = movements.ok()["items"].as_array().unwrap().iter().map(|m| m["id"].as_i64().unwrap()).collect();
        let body = json!({
            "subjectKind": "individual",
            "name": "Võ Thị Thu Hà",
            "position": "Trợ giúp viên pháp lý",
            "unitId": unit,
            "category": "advanced",
            "fieldOfWork": "Trợ giúp pháp lý",
            "achievements": "Trợ giúp pháp lý lưu động cho 300 hộ dân.",
            "discoveredOn": "2026-03-15",
            "movementIds": [movement_ids[2], movement_ids[0]],
            "initiatives": [
                { "title": "Sổ tay trợ giúp pháp lý", "year": 2025 },
                { "title": "Tư vấn qua Zalo", "year": 2026, "recognisedBy": "Hội đồng sáng kiến Sở", "scope": "Toàn tỉnh" }
            ]
        });
        let created = app.post("/api/v1/exemplars").token(&staff).json(&body).send().await;
        assert_eq!(created.status, 201, "{}", created.text);
        let id = created.body["id"].as_i64().unwrap();
        let plan = json!({
            "strengths": "Tận tụy.", "shortcomings": "Ít kinh nghiệm truyền thông.", "measures": "Tập huấn.",
            "milestones": [
                { "title": "Bước một", "dueOn": "2026-12-31", "status": "planned" },
                { "title": "Bước hai", "dueOn": "2026-06-30", "status": "done", "note": "Xong sớm" }
            ]
        });
        app.put(&format!("/api/v1/exemplars/{id}/nurturing-plan")).token(&staff).json(&plan).send().await.ok();
        let summary = json!({ "goodPractice": "Lưu động.", "lessons": "Gần dân.", "results": "Tốt.", "figures": [{ "label": "Số vụ", "value": 12, "unit": "vụ" }] });
        app.put(&format!("/api/v1/exemplars/{id}/summary")).token(&staff).json(&summary).send().await.ok();
        let later = json!({ "adopterName": "Xã Mỹ Hiệp", "adoptedOn": "2026-10-01", "scale": "Một xã", "outcome": "Tốt." });
        let earlier = json!({ "adopterUnitId": app.unit_id("PCC1").await, "adopterName": "Phòng Công chứng số 1", "adoptedOn": "2026-05-01", "scale": "Cả phòng", "outcome": "Rút ngắn thời gian." });
        let later = app.post(&format!("/api/v1/exemplars/{id}/replications")).token(&staff).json(&later).send().await;
        assert_eq!(later.status, 201, "{}", later.text);
        let earlier = app.post(&format!("/api/v1/exemplars/{id}/replications")).token(&staff).json(&earlier).send().await;
        assert_eq!(earlier.status, 201, "{}", earlier.text);
        let photo = upload(&app, &staff, &format!("/api/v1/exemplars/{id}/attachments"), "anh.png", png(40, 30)).await;
        assert_eq!(photo.status, 201, "{}", photo.text);
        let evidence = upload(&app, &staff, &format!("/api/v1/replications/{}/attachments", earlier.body["id"]), "bien-ban.png", png(20, 20)).await;
        assert_eq!(evidence.status, 201, "{}", evidence.text);
        let own = app.post(&format!("/api/v1/exemplars/{id}/evaluations")).token(&staff).json(&json!({ "evaluatorKind": "self_assessment" })).send().await;
        assert_eq!(own.status, 201, "{}", own.text);
        let review = app.post(&format!("/api/v1/exemplars/{id}/evaluations")).token(&office).json(&json!({ "evaluatorKind": "office_review" })).send().await;
        assert_eq!(review.status, 201, "{}", review.text);

        let dossier = app.get(&format!("/api/v1/exemplars/{id}")).token(&office).send().await;
        let d = dossier.ok();
        assert_eq!(d["unit"]["code"], "TGPL");
        let mut sorted = movement_ids[..3].to_vec();
        sorted.retain(|m| *m == movement_ids[0] || *m == movement_ids[2]);
        let shown: Vec<i64> = d["movements"].as_array().unwrap().iter().map(|m| m["id"].as_i64().unwrap()).collect();
        assert_eq!(shown, sorted, "movements by id");
        assert_eq!(names(&d["initiatives"], "title"), ["Sổ tay trợ giúp pháp lý", "Tư vấn qua Zalo"], "initiatives as entered");
        assert_eq!(d["initiatives"][1]["recognisedBy"], "Hội đồng sáng kiến Sở");
        assert_eq!(d["initiatives"][1]["year"], 2026);
        assert_eq!(names(&d["nurturingPlan"]["milestones"], "title"), ["Bước một", "Bước hai"], "milestones as entered");
        assert_eq!(d["nurturingPlan"]["milestones"][1]["note"], "Xong sớm");
        assert_eq!(d["nurturingPlan"]["milestones"][1]["dueOn"], "2026-06-30");
        assert_eq!(d["summary"]["figures"][0]["value"], 12.0);
        assert_eq!(names(&d["replications"], "adopterName"), ["Phòng Công chứng số 1", "Xã Mỹ Hiệp"], "replications by adoption date");
        assert_eq!(d["replications"][0]["adopterUnit"]["code"], "PCC1");
        assert_eq!(d["replications"][0]["exemplarId"], id);
        assert_eq!(d["replications"][1]["adopterUnit"], Value::Null);
        assert_eq!(names(&d["replications"][0]["attachments"], "fileName"), ["bien-ban.png"], "a replication's files are its own");
        assert_eq!(d["replications"][1]["attachments"], json!([]));
        assert_eq!(names(&d["attachments"], "fileName"), ["anh.png"], "the exemplar's files only");
        assert_eq!(d["photo"]["id"], photo.body["id"]);
        let actions = names(&d["timeline"], "action");
        assert_eq!(actions.first().map(String::as_str), Some("created"));
        assert!(actions.len() >= 5, "record edits are on the timeline: {actions:?}");
        // The office sees its own draft review, not the unit's draft self-assessment.
        assert_eq!(names(&d["evaluations"], "evaluatorKind"), ["office_review"]);
        assert_eq!(d["evaluations"][0]["evaluatorName"], "Trần Thị Lan");
        assert_eq!(d["evaluations"][0]["criteriaSet"]["code"], review.body["criteriaSet"]["code"]);

        let seen_by_unit = app.get(&format!("/api/v1/exemplars/{id}")).token(&staff).send().await;
        assert_eq!(names(&seen_by_unit.ok()["evaluations"], "evaluatorKind"), ["self_assessment"]);
        // Evaluated, so it can no longer be deleted, even by someone who does not see the
        // evaluation that blocks it.
        let delete = seen_by_unit.body["allowedActions"].as_array().unwrap().iter().find(|a| a["action"] == "delete").cloned();
        assert!(delete.is_some_and(|d| d["disabledReason"].is_string()), "{}", seen_by_unit.body["allowedActions"]);
    }
);
