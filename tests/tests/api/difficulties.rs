//! Difficulties units report to the Office: raised, answered or referred and directed, reopened,
//! closed, each step timed; the unit told in the app at each answer; files; one visibility rule;
//! the workflow walked from its table; the period's counts for the consolidated report.

use lantoa::auth::Role;
use lantoa::difficulties::workflow::{DifficultyAction, DifficultyStatus, TRANSITIONS};
use lantoa_tests::{Res, TestApp, db_test};
use reqwest::Method;
use serde_json::{Value, json};

use crate::support::{create_exemplar, etag_of, unit_person, upload, vietnam_time};

fn body(subject: &str) -> Value {
    json!({
        "subject": subject,
        "body": "Đơn vị chưa rõ cách tính thời hạn gửi bài giới thiệu khi ngày 10 rơi vào ngày nghỉ; đề nghị Văn phòng Sở hướng dẫn."
    })
}

async fn raise(app: &TestApp, token: &str, payload: &Value) -> Value {
    let res = app.post("/api/v1/difficulties").token(token).json(payload).send().await;
    assert_eq!(res.status, 201, "{}", res.text);
    res.body
}

async fn take(app: &TestApp, token: &str, difficulty: &Value, action: DifficultyAction) -> Res {
    let id = difficulty["id"].as_i64().unwrap();
    let (method, tail, payload) = match action {
        DifficultyAction::Edit => (Method::PUT, "", Some(body("Vướng mắc đã sửa lại"))),
        DifficultyAction::Delete => (Method::DELETE, "", None),
        DifficultyAction::Answer => (Method::POST, "/answer", Some(json!({ "note": "Văn phòng hướng dẫn: hạn giữ nguyên ngày 10." }))),
        DifficultyAction::Refer => (Method::POST, "/refer", Some(json!({ "note": "Kính trình Lãnh đạo Sở cho ý kiến." }))),
        DifficultyAction::Direct => (Method::POST, "/direct", Some(json!({ "note": "Đồng ý lùi hạn sang ngày làm việc kế tiếp." }))),
        DifficultyAction::Close => (Method::POST, "/close", Some(json!({}))),
        DifficultyAction::Reopen => (Method::POST, "/reopen", Some(json!({ "note": "Chưa rõ, đề nghị hướng dẫn thêm." }))),
        other => panic!("{other:?} is not walked here"),
    };
    let mut request = app.request(method, &format!("/api/v1/difficulties/{id}{tail}")).token(token).if_match(&etag_of(difficulty));
    if let Some(payload) = payload {
        request = request.json(&payload);
    }
    request.send().await
}

struct People {
    staff: String,
    office: String,
    leader: String,
    by_role: Vec<(Role, String)>,
}

/// A TGPL difficulty brought to `status`.
async fn difficulty_in(app: &TestApp, people: &People, status: DifficultyStatus) -> Value {
    let mut current = raise(app, &people.staff, &body("Vướng mắc về thời hạn")).await;
    let steps: &[(DifficultyAction, &str)] = match status {
        DifficultyStatus::Open => &[],
        DifficultyStatus::Answered => &[(DifficultyAction::Answer, "office")],
        DifficultyStatus::Referred => &[(DifficultyAction::Refer, "office")],
        DifficultyStatus::Directed => &[(DifficultyAction::Refer, "office"), (DifficultyAction::Direct, "leader")],
        DifficultyStatus::Closed => &[(DifficultyAction::Answer, "office"), (DifficultyAction::Close, "staff")],
    };
    for (action, who) in steps {
        let token = match *who {
            "office" => &people.office,
            "leader" => &people.leader,
            _ => &people.staff,
        };
        current = take(app, token, &current, *action).await.ok().clone();
    }
    assert_eq!(current["status"], serde_json::to_value(status).unwrap());
    current
}

fn allowed(role: Role, status: DifficultyStatus, action: DifficultyAction) -> bool {
    TRANSITIONS.iter().any(|t| t.action == action && t.roles.contains(&role) && t.from.contains(&status))
}

db_test!(
    async fn every_step_in_every_state_follows_the_transition_table(app) {
        vietnam_time(&app, 2026, 11, 2, 8, 0);
        let mut by_role = Vec::new();
        for (role, username) in [(Role::Admin, "admin"), (Role::Leader, "lanhdao"), (Role::Office, "vanphong"), (Role::UnitHead, "tgpl.truong"), (Role::UnitStaff, "tgpl.canbo")] {
            by_role.push((role, app.token(username).await));
        }
        let people = People {
            staff: app.token("tgpl.canbo").await,
            office: app.token("vanphong").await,
            leader: app.token("lanhdao").await,
            by_role,
        };
        let steps = [
            DifficultyAction::Edit,
            DifficultyAction::Delete,
            DifficultyAction::Answer,
            DifficultyAction::Refer,
            DifficultyAction::Direct,
            DifficultyAction::Close,
            DifficultyAction::Reopen,
        ];
        for status in DifficultyStatus::ALL.iter().copied() {
            let shared = difficulty_in(&app, &people, status).await;
            let id = shared["id"].as_i64().unwrap();
            for (role, token) in &people.by_role {
                let seen = app.get(&format!("/api/v1/difficulties/{id}")).token(token).send().await;
                let listed: Vec<Value> = seen.ok()["allowedActions"].as_array().unwrap().clone();
                for action in steps.iter().copied().chain([DifficultyAction::Attach]) {
                    let expected = allowed(*role, status, action);
                    assert_eq!(listed.contains(&serde_json::to_value(action).unwrap()), expected, "{status:?} {role:?} {action:?}: {listed:?}");
                    if action == DifficultyAction::Attach {
                        continue;
                    }
                    if expected {
                        let fresh = difficulty_in(&app, &people, status).await;
                        let res = take(&app, token, &fresh, action).await;
                        assert!((200..300).contains(&res.status), "{status:?} {role:?} {action:?} must be allowed: {}", res.text);
                    } else {
                        let res = take(&app, token, &shared, action).await;
                        assert!(matches!(res.status, 403 | 409), "{status:?} {role:?} {action:?} must be refused: {} {}", res.status, res.text);
                        let after = app.get(&format!("/api/v1/difficulties/{id}")).token(&people.office).send().await;
                        assert_eq!(after.ok()["version"], shared["version"], "a refused step changes nothing");
                    }
                }
            }
        }
    }
);

async fn titles(app: &TestApp, token: &str) -> Vec<String> {
    let inbox = app.get("/api/v1/notifications").token(token).send().await;
    inbox.ok()["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "difficulty_update")
        .map(|n| n["title"].as_str().unwrap().to_owned())
        .collect()
}

db_test!(
    async fn a_difficulty_is_answered_directed_timed_and_seen_by_its_unit_only(app) {
        unit_person(&app, "pbgdpl.canbo", "Trương Minh Khang", Role::UnitStaff, "PBGDPL");
        vietnam_time(&app, 2026, 11, 2, 8, 0);
        let (staff, head, office) = (app.token("tgpl.canbo").await, app.token("tgpl.truong").await, app.token("vanphong").await);
        let other = app.token("pbgdpl.canbo").await;
        let tgpl = app.unit_id("TGPL").await;
        let pbgdpl = app.unit_id("PBGDPL").await;
        let exemplar = create_exemplar(&app, &staff, "TGPL", "Nguyễn Văn Vướng Mắc").await;
        let foreign = create_exemplar(&app, &other, "PBGDPL", "Người của phòng khác").await;

        // What it concerns must be the unit's own.
        let mut wrong = body("Vướng mắc về báo cáo năm");
        wrong["obligationKey"] = json!(format!("annual_report:2026:{pbgdpl}"));
        wrong["exemplarId"] = foreign["id"].clone();
        let res = app.post("/api/v1/difficulties").token(&staff).json(&wrong).send().await;
        assert_eq!(res.field_errors(), ["exemplarId:not_found", "obligationKey:not_found"]);
        let res = app.post("/api/v1/difficulties").token(&staff).json(&json!({ "subject": "x", "body": "ngắn" })).send().await;
        assert_eq!(res.field_errors(), ["body:length", "subject:length"]);
        app.post("/api/v1/difficulties").token(&office).json(&body("Văn phòng không tự phản ánh")).send().await.problem(403, "forbidden");

        let mut payload = body("Vướng mắc về báo cáo năm 2026");
        payload["obligationKey"] = json!(format!("annual_report:2026:{tgpl}"));
        payload["exemplarId"] = exemplar["id"].clone();
        let raised = raise(&app, &staff, &payload).await;
        let id = raised["id"].as_i64().unwrap();
        assert_eq!(raised["status"], "open");
        assert_eq!(raised["exemplar"]["name"], "Nguyễn Văn Vướng Mắc");
        assert_eq!(raised["steps"][0]["action"], "raise");
        assert_eq!(raised["steps"][0]["actor"]["name"], "Phạm Thị Thảo");
        assert_eq!(titles(&app, &office).await, ["Trung tâm TGPL phản ánh khó khăn, vướng mắc"]);

        // Its files are the difficulty's: readable by whoever reads it.
        let file = upload(&app, &staff, &format!("/api/v1/difficulties/{id}/attachments"), "cong-van.pdf", b"%PDF-1.4\n%%EOF".to_vec()).await;
        assert_eq!(file.status, 201, "{}", file.text);
        let content = format!("/api/v1/attachments/{}/content", file.body["id"]);
        for token in [&head, &office, &app.token("lanhdao").await, &app.admin().await] {
            assert_eq!(app.get(&content).token(token).send().await.status, 200);
        }
        app.get(&content).token(&other).send().await.problem(404, "not_found");
        let integration = app.integration_token(&["exemplars:read", "reports:read"]).await;
        app.get(&content).token(&integration).send().await.problem(404, "not_found");
        app.get(&format!("/api/v1/difficulties/{id}")).token(&other).send().await.problem(404, "not_found");
        assert_eq!(app.get("/api/v1/difficulties").token(&other).send().await.ok()["total"], 0);
        app.get("/api/v1/difficulties").token(&integration).send().await.problem(403, "forbidden");

        // Two hours later the Office refers it; the next morning the leadership directs.
        vietnam_time(&app, 2026, 11, 2, 10, 0);
        let office = app.token("vanphong").await;
        let current = app.get(&format!("/api/v1/difficulties/{id}")).token(&office).send().await.ok().clone();
        let referred = take(&app, &office, &current, DifficultyAction::Refer).await.ok().clone();
        assert_eq!(referred["status"], "referred");
        let leader = app.token("lanhdao").await;
        assert_eq!(titles(&app, &leader).await, ["Phản ánh đã được báo cáo Lãnh đạo Sở"]);
        vietnam_time(&app, 2026, 11, 3, 9, 0);
        let leader = app.token("lanhdao").await;
        let directed = take(&app, &leader, &referred, DifficultyAction::Direct).await.ok().clone();
        assert_eq!(directed["direction"], "Đồng ý lùi hạn sang ngày làm việc kế tiếp.");
        let head = app.token("tgpl.truong").await;
        assert_eq!(titles(&app, &head).await[0], "Lãnh đạo Sở đã chỉ đạo về phản ánh");
        let secs: Vec<Value> = directed["steps"].as_array().unwrap().iter().map(|s| s["secondsSincePrevious"].clone()).collect();
        assert_eq!(secs, [Value::Null, json!(7200), json!(82800)]);
        assert_eq!(directed["timings"]["firstResponseSeconds"], 7200);
        assert_eq!(directed["timings"]["directionSeconds"], 82800);
        assert_eq!(directed["timings"]["resolutionSeconds"], Value::Null);

        // Not satisfied: asked again; the Office answers; the unit closes it.
        let staff = app.token("tgpl.canbo").await;
        let reopened = take(&app, &staff, &directed, DifficultyAction::Reopen).await.ok().clone();
        assert_eq!(reopened["status"], "open");
        vietnam_time(&app, 2026, 11, 3, 15, 0);
        let (office, head) = (app.token("vanphong").await, app.token("tgpl.truong").await);
        let answered = take(&app, &office, &reopened, DifficultyAction::Answer).await.ok().clone();
        assert_eq!(answered["answer"], "Văn phòng hướng dẫn: hạn giữ nguyên ngày 10.");
        assert_eq!(titles(&app, &head).await[0], "Văn phòng Sở đã trả lời phản ánh");
        let closed = take(&app, &head, &answered, DifficultyAction::Close).await.ok().clone();
        assert_eq!(closed["status"], "closed");
        assert_eq!(closed["timings"]["resolutionSeconds"], 31 * 3600);
        let late_file = upload(&app, &head, &format!("/api/v1/difficulties/{id}/attachments"), "bo-sung.pdf", b"%PDF-1.4\n%%EOF".to_vec()).await;
        late_file.problem(409, "conflict");
        take(&app, &head, &closed, DifficultyAction::Delete).await.problem(409, "conflict");

        // An open one can be withdrawn, files and all.
        let withdrawn = raise(&app, &head, &body("Phản ánh gửi nhầm")).await;
        upload(&app, &head, &format!("/api/v1/difficulties/{}/attachments", withdrawn["id"]), "nham.pdf", b"%PDF-1.4\n%%EOF".to_vec()).await.ok();
        let current = app.get(&format!("/api/v1/difficulties/{}", withdrawn["id"])).token(&head).send().await.ok().clone();
        assert_eq!(take(&app, &head, &current, DifficultyAction::Delete).await.status, 204);
        app.get(&format!("/api/v1/difficulties/{}", withdrawn["id"])).token(&head).send().await.problem(404, "not_found");
        let still_open = raise(&app, &head, &body("Vướng mắc về biểu mẫu báo cáo")).await;

        // Lists and the period's counts.
        let office = app.token("vanphong").await;
        let list = app.get("/api/v1/difficulties?q=vuong mac bieu mau").token(&office).send().await;
        assert_eq!(list.ok()["total"], 1);
        assert_eq!(list.body["items"][0]["id"], still_open["id"]);
        let closed_only = app.get("/api/v1/difficulties?status=closed").token(&office).send().await;
        assert_eq!(closed_only.ok()["items"][0]["id"], json!(id));
        assert_eq!(app.get("/api/v1/difficulties?from=2026-11-04").token(&office).send().await.ok()["total"], 0);
        let summary = app.get("/api/v1/difficulties/summary?from=2026-11-01&to=2026-11-30").token(&office).send().await;
        let summary = summary.ok().clone();
        assert_eq!(summary["total"], 2);
        let count = |status: &str| summary["byStatus"].as_array().unwrap().iter().find(|s| s["status"] == status).unwrap()["count"].as_i64().unwrap();
        assert_eq!((count("open"), count("closed"), count("referred")), (1, 1, 0));
        assert_eq!(summary["byStatus"].as_array().unwrap().len(), 5);
        assert_eq!(summary["items"].as_array().unwrap().len(), 2);
        app.get("/api/v1/difficulties/summary").token(&head).send().await.problem(403, "forbidden");
    }
);
