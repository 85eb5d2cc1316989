//! Evaluations against the four general standards: drafts, the conclusion rule, immutability
//! once final, amendments that supersede, and who may evaluate in which capacity.

use lantoa_tests::{TestApp, db_test};
use serde_json::{Value, json};

use crate::support::{create_exemplar, etag_of};

fn answers(evaluation: &Value, met: &[bool]) -> Value {
    let items: Vec<Value> = evaluation["items"]
        .as_array()
        .unwrap()
        .iter()
        .zip(met)
        .map(|(item, met)| json!({ "criterionId": item["criterionId"], "met": met, "evidence": "Minh chứng kèm theo" }))
        .collect();
    json!({ "items": items, "comment": "Nhận xét chung" })
}

async fn open(app: &TestApp, token: &str, exemplar_id: i64, kind: &str) -> Value {
    let res = app
        .post(&format!("/api/v1/exemplars/{exemplar_id}/evaluations"))
        .token(token)
        .json(&json!({ "evaluatorKind": kind }))
        .send()
        .await;
    assert_eq!(res.status, 201, "{}", res.text);
    res.body
}

db_test!(
    async fn the_office_evaluates_against_the_four_standards(app) {
        let office = app.token("vanphong").await;
        let head = app.token("tgpl.truong").await;
        let exemplar = create_exemplar(&app, &head, "TGPL", "Phan Thanh Long").await;
        let id = exemplar["id"].as_i64().unwrap();
        let draft = open(&app, &office, id, "office_review").await;
        assert_eq!(draft["status"], "draft");
        assert_eq!(draft["criteriaSet"]["code"], "TCC-CN");
        assert_eq!(draft["criteriaSet"]["versionNo"], 1);
        assert_eq!(draft["items"].as_array().unwrap().len(), 4);
        assert_eq!(draft["items"][1]["criterionText"], "Hoàn thành xuất sắc nhiệm vụ được giao.");
        let eid = draft["id"].as_i64().unwrap();

        // A partial draft saves; it cannot be finalised.
        let partial = json!({ "items": [{ "criterionId": draft["items"][0]["criterionId"], "met": true }] });
        let saved = app.put(&format!("/api/v1/evaluations/{eid}")).token(&office).if_match(&etag_of(&draft)).json(&partial).send().await;
        assert_eq!(saved.ok()["scorePercent"], Value::Null);
        let res = app.post(&format!("/api/v1/evaluations/{eid}/finalise")).token(&office).if_match(&saved.etag()).send().await;
        res.problem(422, "incomplete_evaluation");
        assert_eq!(res.field_errors(), ["items[1].met:required", "items[2].met:required", "items[3].met:required"]);

        // Three of four standards: 75 %, "cần bồi dưỡng thêm".
        let res = app.put(&format!("/api/v1/evaluations/{eid}")).token(&office).if_match(&saved.etag()).json(&answers(&draft, &[true, true, true, false])).send().await;
        assert_eq!(res.ok()["scorePercent"], 75);
        assert_eq!(res.body["computedConclusion"], "needs_nurturing");
        assert_eq!(res.body["conclusion"], "needs_nurturing");
        // Overriding needs a reason.
        let mut with_override = answers(&draft, &[true, true, true, false]);
        with_override["conclusionOverride"] = json!("passed");
        let bad = app.put(&format!("/api/v1/evaluations/{eid}")).token(&office).if_match(&res.etag()).json(&with_override).send().await;
        assert_eq!(bad.field_errors(), ["overrideReason:required"]);
        with_override["overrideReason"] = json!("Tiêu chuẩn 4 đã có minh chứng bổ sung sau họp.");
        let overridden = app.put(&format!("/api/v1/evaluations/{eid}")).token(&office).if_match(&res.etag()).json(&with_override).send().await;
        assert_eq!(overridden.ok()["computedConclusion"], "needs_nurturing");
        assert_eq!(overridden.body["conclusion"], "passed");

        let final_eval = app.post(&format!("/api/v1/evaluations/{eid}/finalise")).token(&office).if_match(&overridden.etag()).send().await;
        assert_eq!(final_eval.ok()["status"], "final");
        // Final means immutable.
        let res = app.put(&format!("/api/v1/evaluations/{eid}")).token(&office).if_match(&final_eval.etag()).json(&answers(&draft, &[true; 4])).send().await;
        res.problem(409, "evaluation_finalised");
        app.delete(&format!("/api/v1/evaluations/{eid}")).token(&office).if_match(&final_eval.etag()).send().await.problem(409, "evaluation_finalised");

        let shown = app.get(&format!("/api/v1/exemplars/{id}")).token(&head).send().await;
        assert_eq!(shown.ok()["currentConclusion"], "passed");
        let timeline = shown.body["timeline"].as_array().unwrap();
        assert_eq!(timeline.last().unwrap()["action"], "evaluated");
        assert!(timeline.last().unwrap()["note"].as_str().unwrap().contains("Đạt"));
        let filtered = app.get("/api/v1/exemplars?conclusion=passed").token(&office).send().await;
        assert_eq!(filtered.ok()["total"], 1);

        // An amendment starts from the answers and supersedes the original when finalised.
        let amendment = app.post(&format!("/api/v1/evaluations/{eid}/amend")).token(&office).if_match(&final_eval.etag()).send().await;
        assert_eq!(amendment.status, 201, "{}", amendment.text);
        let amendment = amendment.body.clone();
        assert_eq!(amendment["supersedesId"], eid);
        assert_eq!(amendment["items"][3]["met"], false);
        let aid = amendment["id"].as_i64().unwrap();
        // The original was claimed by the first amendment: its old version is stale, and the
        // current one finds the pending amendment.
        app.post(&format!("/api/v1/evaluations/{eid}/amend")).token(&office).if_match(&final_eval.etag()).send().await.problem(412, "version_mismatch");
        let original = app.get(&format!("/api/v1/evaluations/{eid}")).token(&office).send().await;
        app.post(&format!("/api/v1/evaluations/{eid}/amend")).token(&office).if_match(&original.etag()).send().await.problem(409, "conflict");
        let answered = app.put(&format!("/api/v1/evaluations/{aid}")).token(&office).if_match(&etag_of(&amendment)).json(&answers(&amendment, &[true, false, false, false])).send().await;
        assert_eq!(answered.ok()["conclusion"], "not_passed");
        app.post(&format!("/api/v1/evaluations/{aid}/finalise")).token(&office).if_match(&answered.etag()).send().await.ok();
        let original = app.get(&format!("/api/v1/evaluations/{eid}")).token(&office).send().await;
        assert!(original.ok()["supersededAt"].is_string());
        let shown = app.get(&format!("/api/v1/exemplars/{id}")).token(&office).send().await;
        assert_eq!(shown.ok()["currentConclusion"], "not_passed");
        assert_eq!(shown.body["evaluations"].as_array().unwrap().len(), 2);
    }
);

db_test!(
    async fn each_role_evaluates_in_its_own_capacity(app) {
        let office = app.token("vanphong").await;
        let staff = app.token("tgpl.canbo").await;
        let leader = app.token("lanhdao").await;
        let exemplar = create_exemplar(&app, &staff, "TGPL", "Huỳnh Văn Sơn").await;
        let id = exemplar["id"].as_i64().unwrap();
        let res = app.post(&format!("/api/v1/exemplars/{id}/evaluations")).token(&staff).json(&json!({ "evaluatorKind": "office_review" })).send().await;
        assert_eq!(res.field_errors(), ["evaluatorKind:not_allowed"]);
        let own = open(&app, &staff, id, "self_assessment").await;
        let answered = app.put(&format!("/api/v1/evaluations/{}", own["id"])).token(&staff).if_match(&etag_of(&own)).json(&answers(&own, &[true; 4])).send().await;
        app.post(&format!("/api/v1/evaluations/{}/finalise", own["id"])).token(&staff).if_match(&answered.etag()).send().await.ok();
        let council = open(&app, &leader, id, "council_member").await;
        // A council member's draft is the member's alone: nobody else even sees it.
        let res = app.put(&format!("/api/v1/evaluations/{}", council["id"])).token(&office).if_match(&etag_of(&council)).json(&answers(&council, &[true; 4])).send().await;
        res.problem(404, "not_found");
        let answered = app.put(&format!("/api/v1/evaluations/{}", council["id"])).token(&leader).if_match(&etag_of(&council)).json(&answers(&council, &[false; 4])).send().await;
        app.post(&format!("/api/v1/evaluations/{}/finalise", council["id"])).token(&leader).if_match(&answered.etag()).send().await.ok();
        // The council's conclusion outweighs the unit's own, whatever the order.
        let shown = app.get(&format!("/api/v1/exemplars/{id}")).token(&office).send().await;
        assert_eq!(shown.ok()["currentConclusion"], "not_passed");
        // Service accounts see final evaluations only.
        let draft = open(&app, &office, id, "office_review").await;
        let integration = app.integration_token(&["exemplars:read"]).await;
        app.get(&format!("/api/v1/evaluations/{}", draft["id"])).token(&integration).send().await.problem(404, "not_found");
    }
);

db_test!(
    async fn evaluations_keep_the_criteria_version_they_used(app) {
        let office = app.token("vanphong").await;
        let head = app.token("tgpl.truong").await;
        let exemplar = create_exemplar(&app, &head, "TGPL", "Cao Thị Yến").await;
        let id = exemplar["id"].as_i64().unwrap();
        let first = open(&app, &office, id, "office_review").await;
        let sets = app.get("/api/v1/criteria-sets?subjectKind=individual&status=published").token(&office).send().await;
        let current = sets.ok()[0].clone();
        let draft = app.post(&format!("/api/v1/criteria-sets/{}/new-version", current["id"])).token(&office).if_match(&etag_of(&current)).send().await;
        assert_eq!(draft.status, 201, "{}", draft.text);
        let mut body = json!({
            "code": "TCC-CN", "name": "Tiêu chuẩn chung – cá nhân (2027)", "subjectKind": "individual",
            "passThreshold": 80, "nurtureThreshold": 50,
            "criteria": [
                { "text": "Hoàn thành xuất sắc nhiệm vụ được giao.", "weight": 60, "mode": "score", "maxScore": 10 },
                { "text": "Có sáng kiến được áp dụng.", "weight": 40, "mode": "pass_fail" }
            ]
        });
        let updated = app.put(&format!("/api/v1/criteria-sets/{}", draft.body["id"])).token(&office).if_match(&draft.etag()).json(&body).send().await;
        assert_eq!(updated.ok()["criteria"].as_array().unwrap().len(), 2);
        let published = app.post(&format!("/api/v1/criteria-sets/{}/publish", draft.body["id"])).token(&office).if_match(&updated.etag()).send().await;
        assert_eq!(published.ok()["status"], "published");
        assert_eq!(published.body["versionNo"], 2);
        let old = app.get(&format!("/api/v1/criteria-sets/{}", current["id"])).token(&office).send().await;
        assert_eq!(old.ok()["status"], "retired");
        // A published version is frozen.
        body["name"] = json!("Sửa");
        app.put(&format!("/api/v1/criteria-sets/{}", draft.body["id"])).token(&office).if_match(&published.etag()).json(&body).send().await.problem(409, "conflict");
        // The earlier draft evaluation still uses version 1; a new one uses version 2 and scores.
        let still = app.get(&format!("/api/v1/evaluations/{}", first["id"])).token(&office).send().await;
        assert_eq!(still.ok()["criteriaSet"]["versionNo"], 1);
        let second = open(&app, &head, id, "self_assessment").await;
        assert_eq!(second["criteriaSet"]["versionNo"], 2);
        let items = json!({ "items": [
            { "criterionId": second["items"][0]["criterionId"], "score": 7 },
            { "criterionId": second["items"][1]["criterionId"], "met": true }
        ]});
        let scored = app.put(&format!("/api/v1/evaluations/{}", second["id"])).token(&head).if_match(&etag_of(&second)).json(&items).send().await;
        assert_eq!(scored.ok()["scorePercent"], 82);
        assert_eq!(scored.body["conclusion"], "passed");
        let wrong = json!({ "items": [{ "criterionId": second["items"][0]["criterionId"], "score": 11, "met": true }] });
        let res = app.put(&format!("/api/v1/evaluations/{}", second["id"])).token(&head).if_match(&scored.etag()).json(&wrong).send().await;
        assert_eq!(res.field_errors(), ["items[0].met:not_applicable"]);
    }
);
