//! Exemplars through the four stages: recording, review, proposals, illegal moves, unit scoping.

use lantoa_tests::db_test;
use serde_json::{Value, json};

use crate::support::{advance, create_exemplar, etag_of, exemplar_body, plan_body};

fn actions(exemplar: &Value) -> Vec<String> {
    exemplar["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap().to_owned())
        .collect()
}

db_test!(
    async fn a_unit_records_and_the_office_moves_through_the_four_stages(app) {
        let staff = app.token("tgpl.canbo").await;
        let head = app.token("tgpl.truong").await;
        let office = app.token("vanphong").await;
        let created = create_exemplar(&app, &staff, "TGPL", "Nguyễn Thị Hồng Nhung").await;
        let id = created["id"].as_i64().unwrap();
        assert_eq!(created["stage"], "discovered");
        assert_eq!(created["recordStatus"], "draft");
        assert_eq!(created["nextStages"], json!(["nurturing", "stopped"]));
        assert_eq!(created["initiatives"][0]["title"], "Số hóa hồ sơ trợ giúp pháp lý");
        assert_eq!(actions(&created), ["created"]);

        // Staff cannot submit or propose: that is the head's.
        let res = app.post(&format!("/api/v1/exemplars/{id}/submit")).token(&staff).if_match(&etag_of(&created)).send().await;
        res.problem(403, "forbidden");
        let submitted = app.post(&format!("/api/v1/exemplars/{id}/submit")).token(&head).if_match(&etag_of(&created)).send().await;
        assert_eq!(submitted.ok()["recordStatus"], "submitted");
        let submitted = submitted.body.clone();

        // Bồi dưỡng needs a plan first.
        let res = app
            .post(&format!("/api/v1/exemplars/{id}/stage-proposal"))
            .token(&head)
            .if_match(&etag_of(&submitted))
            .json(&json!({ "toStage": "nurturing" }))
            .send()
            .await;
        res.problem(409, "stage_record_missing");
        let plan = app.put(&format!("/api/v1/exemplars/{id}/nurturing-plan")).token(&staff).json(&plan_body()).send().await;
        assert_eq!(plan.ok()["milestones"][1]["status"], "in_progress");
        assert_eq!(plan.etag(), "\"1\"");
        // Replacing the plan needs its version.
        app.put(&format!("/api/v1/exemplars/{id}/nurturing-plan")).token(&staff).json(&plan_body()).send().await.problem(428, "precondition_required");
        let replaced = app.put(&format!("/api/v1/exemplars/{id}/nurturing-plan")).token(&staff).if_match("\"1\"").json(&plan_body()).send().await;
        assert_eq!(replaced.ok()["version"], 2);

        let proposed = app
            .post(&format!("/api/v1/exemplars/{id}/stage-proposal"))
            .token(&head)
            .if_match(&etag_of(&submitted))
            .json(&json!({ "toStage": "nurturing", "note": "Đã có kế hoạch bồi dưỡng" }))
            .send()
            .await;
        assert_eq!(proposed.ok()["proposal"]["toStage"], "nurturing");
        assert_eq!(proposed.body["stage"], "discovered");
        let pending = app.get("/api/v1/exemplars?hasProposal=true").token(&office).send().await;
        assert_eq!(pending.ok()["total"], 1);

        let moved = app
            .post(&format!("/api/v1/exemplars/{id}/stage-proposal/confirm"))
            .token(&office)
            .if_match(&proposed.etag())
            .json(&json!({ "note": "Đồng ý" }))
            .send()
            .await;
        let moved = moved.ok().clone();
        assert_eq!(moved["stage"], "nurturing");
        assert_eq!(moved["recordStatus"], "confirmed");
        assert_eq!(moved["proposal"], Value::Null);
        assert_eq!(actions(&moved), ["created", "submitted", "plan_saved", "plan_updated", "proposed", "moved"]);
        let last = &moved["timeline"][5];
        assert_eq!(last["fromStage"], "discovered");
        assert_eq!(last["toStage"], "nurturing");
        assert_eq!(last["actorName"], "Trần Thị Lan", "people are named by their full name");
        assert_eq!(last["note"], "Đồng ý");

        // Tổng kết needs a summary, nhân rộng a replication.
        let res = app.post(&format!("/api/v1/exemplars/{id}/stage")).token(&office).if_match(&etag_of(&moved)).json(&json!({ "toStage": "summarized" })).send().await;
        res.problem(409, "stage_record_missing");
        let summary = json!({
            "goodPractice": "Tư vấn lưu động tại ấp, kết hợp số hóa hồ sơ.",
            "lessons": "Gần dân, nắm nhu cầu thực tế.",
            "results": "Số vụ việc tăng, người dân hài lòng.",
            "figures": [{ "label": "Số vụ việc", "value": 124, "unit": "vụ" }, { "label": "Tỷ lệ hài lòng", "value": 98.5, "unit": "%" }]
        });
        let saved = app.put(&format!("/api/v1/exemplars/{id}/summary")).token(&head).json(&summary).send().await;
        assert_eq!(saved.ok()["figures"][1]["value"], 98.5);
        let summarized = app.post(&format!("/api/v1/exemplars/{id}/stage")).token(&office).if_match(&etag_of(&moved)).json(&json!({ "toStage": "summarized" })).send().await;
        let summarized = summarized.ok().clone();
        assert_eq!(summarized["stage"], "summarized");
        let replication = json!({
            "adopterUnitId": app.unit_id("PCC1").await,
            "adopterName": "Phòng Công chứng số 1",
            "adoptedOn": "2026-10-01",
            "scale": "Toàn bộ 12 công chứng viên",
            "outcome": "Rút ngắn thời gian trả kết quả 30%.",
            "evidence": "Báo cáo số 12/BC-PCC1"
        });
        let added = app.post(&format!("/api/v1/exemplars/{id}/replications")).token(&head).json(&replication).send().await;
        assert_eq!(added.status, 201, "{}", added.text);
        assert_eq!(added.body["adopterUnit"]["code"], "PCC1");
        let replicated = app.post(&format!("/api/v1/exemplars/{id}/stage")).token(&office).if_match(&etag_of(&summarized)).json(&json!({ "toStage": "replicated" })).send().await;
        let replicated = replicated.ok().clone();
        assert_eq!(replicated["stage"], "replicated");
        assert_eq!(replicated["replications"].as_array().unwrap().len(), 1);
        // The last replication of a replicated exemplar cannot go.
        let replication_id = added.body["id"].as_i64().unwrap();
        app.delete(&format!("/api/v1/replications/{replication_id}")).token(&head).if_match("\"1\"").send().await.problem(409, "conflict");
        let archived = app.post(&format!("/api/v1/exemplars/{id}/stage")).token(&office).if_match(&etag_of(&replicated)).json(&json!({ "toStage": "archived" })).send().await;
        let archived = archived.ok().clone();
        assert_eq!(archived["nextStages"], json!([]));
        // Archived: nothing changes any more.
        let res = app.put(&format!("/api/v1/exemplars/{id}/summary")).token(&office).if_match("\"1\"").json(&summary).send().await;
        res.problem(409, "conflict");
        let audit = app.get(&format!("/api/v1/audit?entityType=exemplar&entityId={id}&action=move_stage")).token(&office).send().await;
        assert_eq!(audit.ok()["total"], 3);
    }
);

db_test!(
    async fn illegal_moves_are_refused(app) {
        let office = app.token("vanphong").await;
        let head = app.token("tgpl.truong").await;
        let exemplar = create_exemplar(&app, &head, "TGPL", "Trần Văn Bảy").await;
        let id = exemplar["id"].as_i64().unwrap();
        // A draft cannot be moved by the office until the unit submits it.
        let res = app.post(&format!("/api/v1/exemplars/{id}/stage")).token(&office).if_match(&etag_of(&exemplar)).json(&json!({ "toStage": "nurturing" })).send().await;
        res.problem(409, "conflict");
        let nurturing = advance(&app, &exemplar, &head, &office).await;
        for (to, code) in [("discovered", "invalid_transition"), ("replicated", "invalid_transition"), ("archived", "invalid_transition")] {
            let res = app.post(&format!("/api/v1/exemplars/{id}/stage")).token(&office).if_match(&etag_of(&nurturing)).json(&json!({ "toStage": to })).send().await;
            res.problem(409, code);
            assert_eq!(res.field_errors(), ["toStage:invalid_transition"]);
        }
        let res = app.post(&format!("/api/v1/exemplars/{id}/stage")).token(&office).if_match(&etag_of(&nurturing)).json(&json!({ "toStage": "bay" })).send().await;
        assert_eq!(res.field_errors(), ["toStage:invalid_choice"]);
        // Stopping needs a reason.
        let res = app.post(&format!("/api/v1/exemplars/{id}/stage")).token(&office).if_match(&etag_of(&nurturing)).json(&json!({ "toStage": "stopped" })).send().await;
        assert_eq!(res.field_errors(), ["note:required"]);
        let stopped = app
            .post(&format!("/api/v1/exemplars/{id}/stage"))
            .token(&office)
            .if_match(&etag_of(&nurturing))
            .json(&json!({ "toStage": "stopped", "note": "Chuyển công tác khỏi tỉnh" }))
            .send()
            .await;
        assert_eq!(stopped.ok()["stoppedReason"], "Chuyển công tác khỏi tỉnh");
        assert_eq!(stopped.body["nextStages"], json!(["archived"]));
        // A stale version never moves anything.
        let res = app.post(&format!("/api/v1/exemplars/{id}/stage")).token(&office).if_match(&etag_of(&nurturing)).json(&json!({ "toStage": "archived" })).send().await;
        res.problem(412, "version_mismatch");
    }
);

db_test!(
    async fn proposals_are_rejected_or_withdrawn_with_a_trace(app) {
        let office = app.token("vanphong").await;
        let head = app.token("tgpl.truong").await;
        let exemplar = create_exemplar(&app, &head, "TGPL", "Võ Thị Mai").await;
        let id = exemplar["id"].as_i64().unwrap();
        let submitted = app.post(&format!("/api/v1/exemplars/{id}/submit")).token(&head).if_match(&etag_of(&exemplar)).send().await.body.clone();
        let stop = json!({ "toStage": "stopped", "note": "Không còn tiêu biểu" });
        let proposed = app.post(&format!("/api/v1/exemplars/{id}/stage-proposal")).token(&head).if_match(&etag_of(&submitted)).json(&stop).send().await;
        let proposed = proposed.ok().clone();
        // One pending proposal at a time.
        app.post(&format!("/api/v1/exemplars/{id}/stage-proposal")).token(&head).if_match(&etag_of(&proposed)).json(&stop).send().await.problem(409, "conflict");
        let res = app.post(&format!("/api/v1/exemplars/{id}/stage-proposal/reject")).token(&office).if_match(&etag_of(&proposed)).json(&json!({})).send().await;
        assert_eq!(res.field_errors(), ["note:required"]);
        let rejected = app
            .post(&format!("/api/v1/exemplars/{id}/stage-proposal/reject"))
            .token(&office)
            .if_match(&etag_of(&proposed))
            .json(&json!({ "note": "Cần theo dõi thêm" }))
            .send()
            .await;
        let rejected = rejected.ok().clone();
        assert_eq!(rejected["stage"], "discovered");
        assert_eq!(rejected["proposal"], Value::Null);
        let again = app.post(&format!("/api/v1/exemplars/{id}/stage-proposal")).token(&head).if_match(&etag_of(&rejected)).json(&stop).send().await.body.clone();
        let withdrawn = app.post(&format!("/api/v1/exemplars/{id}/stage-proposal/withdraw")).token(&head).if_match(&etag_of(&again)).send().await;
        assert_eq!(actions(withdrawn.ok()), ["created", "submitted", "proposed", "rejected", "proposed", "withdrawn"]);
        app.post(&format!("/api/v1/exemplars/{id}/stage-proposal/confirm")).token(&office).if_match(&withdrawn.etag()).json(&json!({})).send().await.problem(409, "conflict");
    }
);

db_test!(
    async fn the_office_returns_or_confirms_submitted_records(app) {
        let office = app.token("vanphong").await;
        let head = app.token("tgpl.truong").await;
        let staff = app.token("tgpl.canbo").await;
        let exemplar = create_exemplar(&app, &staff, "TGPL", "Đỗ Văn Tâm").await;
        let id = exemplar["id"].as_i64().unwrap();
        let submitted = app.post(&format!("/api/v1/exemplars/{id}/submit")).token(&head).if_match(&etag_of(&exemplar)).send().await.body.clone();
        // Once submitted the unit can no longer edit it.
        let mut body = exemplar_body(app.unit_id("TGPL").await, "Đỗ Văn Tâm (sửa)");
        let res = app.put(&format!("/api/v1/exemplars/{id}")).token(&staff).if_match(&etag_of(&submitted)).json(&body).send().await;
        res.problem(409, "conflict");
        let proposed = app
            .post(&format!("/api/v1/exemplars/{id}/stage-proposal"))
            .token(&head)
            .if_match(&etag_of(&submitted))
            .json(&json!({ "toStage": "stopped", "note": "Thử đề xuất" }))
            .send()
            .await;
        let returned = app.post(&format!("/api/v1/exemplars/{id}/return")).token(&office).if_match(&proposed.etag()).json(&json!({ "note": "Bổ sung số liệu" })).send().await;
        assert_eq!(returned.ok()["recordStatus"], "draft");
        assert_eq!(returned.body["proposal"], Value::Null, "a returned record carries no proposal");
        let edited = app.put(&format!("/api/v1/exemplars/{id}")).token(&staff).if_match(&returned.etag()).json(&body).send().await;
        assert_eq!(edited.ok()["name"], "Đỗ Văn Tâm (sửa)");
        let resubmitted = app.post(&format!("/api/v1/exemplars/{id}/submit")).token(&head).if_match(&edited.etag()).send().await;
        let confirmed = app.post(&format!("/api/v1/exemplars/{id}/confirm")).token(&office).if_match(&resubmitted.etag()).json(&json!({})).send().await;
        assert_eq!(confirmed.ok()["recordStatus"], "confirmed");
        // The office may still correct a confirmed record.
        body["name"] = json!("Đỗ Văn Tâm");
        let corrected = app.put(&format!("/api/v1/exemplars/{id}")).token(&office).if_match(&confirmed.etag()).json(&body).send().await;
        assert_eq!(corrected.ok()["name"], "Đỗ Văn Tâm");
        assert_eq!(actions(&corrected.body), ["created", "submitted", "proposed", "returned", "edited", "submitted", "confirmed", "edited"]);
    }
);

db_test!(
    async fn exemplars_are_scoped_to_their_unit(app) {
        let admin = app.admin().await;
        let (_, temporary) = crate::support::create_user(&app, &admin, "btp.canbo", "unit_staff", Some("BTTP")).await;
        let login = app.login_full("btp.canbo", &temporary).await;
        let changed = app
            .post("/api/v1/profile/password")
            .token(login["accessToken"].as_str().unwrap())
            .json(&json!({ "currentPassword": temporary, "newPassword": "Bo-Tro-2026x" }))
            .send()
            .await;
        let other = changed.ok()["accessToken"].as_str().unwrap().to_owned();
        let staff = app.token("tgpl.canbo").await;
        let exemplar = create_exemplar(&app, &staff, "TGPL", "Lý Thị Hoa").await;
        let id = exemplar["id"].as_i64().unwrap();
        app.get(&format!("/api/v1/exemplars/{id}")).token(&other).send().await.problem(403, "outside_unit_scope");
        let res = app.put(&format!("/api/v1/exemplars/{id}")).token(&other).if_match(&etag_of(&exemplar)).json(&exemplar_body(app.unit_id("TGPL").await, "Lý Thị Hoa")).send().await;
        res.problem(403, "outside_unit_scope");
        app.put(&format!("/api/v1/exemplars/{id}/nurturing-plan")).token(&other).json(&plan_body()).send().await.problem(403, "outside_unit_scope");
        let res = app.post("/api/v1/exemplars").token(&other).json(&exemplar_body(app.unit_id("TGPL").await, "Người đơn vị khác")).send().await;
        res.problem(403, "outside_unit_scope");
        let list = app.get("/api/v1/exemplars").token(&other).send().await;
        assert_eq!(list.ok()["total"], 0);
        let list = app.get(&format!("/api/v1/exemplars?unitId={}", app.unit_id("TGPL").await)).token(&other).send().await;
        assert_eq!(list.ok()["total"], 0, "asking for another unit shows nothing");
        // The leadership sees every unit but records nothing.
        let leader = app.token("lanhdao").await;
        app.get(&format!("/api/v1/exemplars/{id}")).token(&leader).send().await.ok();
        app.post("/api/v1/exemplars").token(&leader).json(&exemplar_body(app.unit_id("TGPL").await, "X Y")).send().await.problem(403, "forbidden");
    }
);

db_test!(
    async fn service_accounts_see_confirmed_records_only(app) {
        let office = app.token("vanphong").await;
        let head = app.token("tgpl.truong").await;
        let draft = create_exemplar(&app, &head, "TGPL", "Hồ sơ nháp").await;
        let other = create_exemplar(&app, &head, "TGPL", "Hồ sơ xác nhận").await;
        let submitted = app.post(&format!("/api/v1/exemplars/{}/submit", other["id"])).token(&head).if_match(&etag_of(&other)).send().await;
        app.post(&format!("/api/v1/exemplars/{}/confirm", other["id"])).token(&office).if_match(&submitted.etag()).json(&json!({})).send().await.ok();
        let integration = app.integration_token(&["exemplars:read"]).await;
        let list = app.get("/api/v1/exemplars").token(&integration).send().await;
        let names: Vec<&str> = list.ok()["items"].as_array().unwrap().iter().map(|e| e["name"].as_str().unwrap()).collect();
        assert_eq!(names, ["Hồ sơ xác nhận"]);
        app.get(&format!("/api/v1/exemplars/{}", draft["id"])).token(&integration).send().await.problem(404, "not_found");
        app.get(&format!("/api/v1/exemplars/{}", other["id"])).token(&integration).send().await.ok();
        let units_only = app.integration_token(&["units:read"]).await;
        app.get("/api/v1/exemplars").token(&units_only).send().await.problem(403, "forbidden");
    }
);

db_test!(
    async fn exemplar_input_is_validated_and_drafts_can_be_deleted(app) {
        let staff = app.token("tgpl.canbo").await;
        let unit = app.unit_id("TGPL").await;
        let mut body = exemplar_body(unit, "Tập thể Tổ trợ giúp lưu động");
        body["subjectKind"] = json!("collective");
        let res = app.post("/api/v1/exemplars").token(&staff).json(&body).send().await;
        assert_eq!(res.field_errors(), ["memberCount:required", "position:not_applicable"]);
        body["position"] = json!(null);
        body["memberCount"] = json!(6);
        body["discoveredOn"] = json!("2099-01-01");
        body["achievements"] = json!("ngắn");
        body["movementIds"] = json!([987654]);
        let res = app.post("/api/v1/exemplars").token(&staff).json(&body).send().await;
        assert_eq!(res.field_errors(), ["achievements:length", "discoveredOn:future"]);
        body["discoveredOn"] = json!("2026-02-01");
        body["achievements"] = json!("Tổ lưu động đã tư vấn cho 2.000 lượt người dân vùng sâu.");
        let res = app.post("/api/v1/exemplars").token(&staff).json(&body).send().await;
        assert_eq!(res.field_errors(), ["movementIds[0]:not_found"]);
        let movement = app.get("/api/v1/movements?q=dan%20van%20kheo").token(&staff).send().await.body["items"][0]["id"].clone();
        body["movementIds"] = json!([movement]);
        let created = app.post("/api/v1/exemplars").token(&staff).json(&body).send().await;
        assert_eq!(created.status, 201, "{}", created.text);
        assert_eq!(created.body["movements"][0]["name"], "Dân vận khéo");
        assert_eq!(created.body["memberCount"], 6);
        let id = created.body["id"].as_i64().unwrap();
        let res = app.delete(&format!("/api/v1/exemplars/{id}")).token(&staff).if_match(&created.etag()).send().await;
        assert_eq!(res.status, 204);
        app.get(&format!("/api/v1/exemplars/{id}")).token(&staff).send().await.problem(404, "not_found");
    }
);

db_test!(
    async fn the_timeline_tells_edits_files_and_introductions(app) {
        let staff = app.token("tgpl.canbo").await;
        let head = app.token("tgpl.truong").await;
        let unit = app.unit_id("TGPL").await;
        let exemplar = crate::support::create_exemplar(&app, &staff, "TGPL", "Võ Thị Dòng Thời Gian").await;
        let id = exemplar["id"].as_i64().unwrap();
        let mut body = crate::support::exemplar_body(unit, "Võ Thị Dòng Thời Gian");
        body["position"] = serde_json::json!("Trưởng phòng");
        app.put(&format!("/api/v1/exemplars/{id}")).token(&staff).if_match(&crate::support::etag_of(&exemplar)).json(&body).send().await.ok();
        let form = reqwest::multipart::Form::new()
            .part("file", reqwest::multipart::Part::bytes(b"%PDF-1.4\n%%EOF".to_vec()).file_name("bien-ban.pdf"));
        let uploaded: serde_json::Value = reqwest::Client::new()
            .post(app.url(&format!("/api/v1/exemplars/{id}/attachments")))
            .bearer_auth(&staff)
            .multipart(form)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        app.delete(&format!("/api/v1/attachments/{}", uploaded["id"])).token(&staff).if_match(&crate::support::etag_of(&uploaded)).send().await;
        let month = app.state.clock.today().format("%Y-%m").to_string();
        let draft = app
            .post("/api/v1/introductions")
            .token(&staff)
            .json(&serde_json::json!({
                "unitId": unit, "month": month, "title": "Gương cán bộ tận tụy",
                "writeUp": "Chị đã trực tiếp tham gia nhiều vụ việc, giúp người dân được bảo vệ quyền lợi.",
                "exemplarIds": [id]
            }))
            .send()
            .await;
        assert_eq!(draft.status, 201, "{}", draft.text);
        app.post(&format!("/api/v1/introductions/{}/submit", draft.body["id"])).token(&head).if_match(&draft.etag()).send().await.ok();

        let shown = app.get(&format!("/api/v1/exemplars/{id}")).token(&staff).send().await;
        let steps: Vec<&str> = shown.ok()["timeline"].as_array().unwrap().iter().map(|s| s["action"].as_str().unwrap()).collect();
        assert_eq!(steps, ["created", "edited", "file_added", "file_removed", "introduced"]);
        let notes: Vec<&str> = shown.body["timeline"].as_array().unwrap().iter().filter_map(|s| s["note"].as_str()).collect();
        assert!(notes.contains(&"bien-ban.pdf"), "{notes:?}");
        assert!(notes.iter().any(|n| n.contains("Gương cán bộ tận tụy")), "{notes:?}");
    }
);
