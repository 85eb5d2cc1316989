//! No lost update: 32 writers send the same `If-Match` to every versioned endpoint at once;
//! exactly one wins, the others are told the record moved on (412) or is no longer in a state
//! for the action (409), exactly one audit entry is written, and nothing is left half-written.

use diesel::prelude::*;
use futures_util::future::join_all;
use lantoa_tests::{TestApp, db_test, db_test_kind};
use reqwest::Method;
use serde_json::{Value, json};

use crate::support::{
    confirmed, consent, create_exemplar, create_user, etag_of, exemplar_body, plan_body, png,
    unit_body, upload,
};

const WRITERS: usize = 32;

/// One contested write: the same request, `WRITERS` times at once.
struct Shot {
    name: &'static str,
    method: Method,
    path: String,
    token: String,
    etag: String,
    body: Option<Value>,
}

impl Shot {
    fn new(name: &'static str, method: Method, path: String, token: &str, etag: String) -> Self {
        Self {
            name,
            method,
            path,
            token: token.to_owned(),
            etag,
            body: None,
        }
    }

    fn json(mut self, body: Value) -> Self {
        self.body = Some(body);
        self
    }
}

fn audit_entries(app: &TestApp) -> i64 {
    use lantoa::db::schema::audit_log;
    app.db(|conn| audit_log::table.count().get_result(conn).unwrap())
}

/// Fires the shot `WRITERS` times concurrently (the i-th request's body made by `vary`) and
/// checks that exactly one succeeded. Returns the index of the winner.
async fn race_with(app: &TestApp, shot: &Shot, vary: impl Fn(usize, &Value) -> Value) -> usize {
    let before = audit_entries(app);
    let requests = (0..WRITERS).map(|i| {
        let mut request = app
            .request(shot.method.clone(), &shot.path)
            .token(&shot.token)
            .if_match(&shot.etag);
        if let Some(body) = &shot.body {
            request = request.json(&vary(i, body));
        }
        request.send()
    });
    let answers = join_all(requests).await;
    let statuses: Vec<u16> = answers.iter().map(|r| r.status).collect();
    let winners: Vec<usize> = (0..WRITERS)
        .filter(|&i| (200..300).contains(&statuses[i]))
        .collect();
    assert_eq!(
        winners.len(),
        1,
        "{}: one writer must win, got {statuses:?}",
        shot.name
    );
    for (i, answer) in answers.iter().enumerate() {
        if i != winners[0] {
            // A deleted record may already be gone for the late ones.
            let gone = shot.method == Method::DELETE && answer.status == 404;
            assert!(
                gone || matches!(answer.status, 409 | 412),
                "{}: a loser got {}: {}",
                shot.name,
                answer.status,
                answer.text
            );
        }
    }
    assert_eq!(
        audit_entries(app) - before,
        1,
        "{}: one audit entry per successful write",
        shot.name
    );
    winners[0]
}

async fn race(app: &TestApp, shot: Shot) {
    race_with(app, &shot, |_, body| body.clone()).await;
}

async fn post(app: &TestApp, path: &str, token: &str, etag: &str, body: Value) -> Value {
    let res = app
        .post(path)
        .token(token)
        .if_match(etag)
        .json(&body)
        .send()
        .await;
    res.ok().clone()
}

/// An exemplar of TGPL with a nurturing plan, submitted by its head.
async fn submitted_with_plan(app: &TestApp, staff: &str, head: &str, name: &str) -> Value {
    let exemplar = create_exemplar(app, staff, "TGPL", name).await;
    let id = exemplar["id"].as_i64().unwrap();
    app.put(&format!("/api/v1/exemplars/{id}/nurturing-plan"))
        .token(staff)
        .json(&plan_body())
        .send()
        .await
        .ok();
    let res = app
        .post(&format!("/api/v1/exemplars/{id}/submit"))
        .token(head)
        .if_match(&etag_of(&exemplar))
        .send()
        .await;
    res.ok().clone()
}

async fn pending_proposal(app: &TestApp, staff: &str, head: &str, name: &str) -> Value {
    let submitted = submitted_with_plan(app, staff, head, name).await;
    let id = submitted["id"].as_i64().unwrap();
    post(
        app,
        &format!("/api/v1/exemplars/{id}/stage-proposal"),
        head,
        &etag_of(&submitted),
        json!({ "toStage": "nurturing", "note": "Đã có kế hoạch bồi dưỡng" }),
    )
    .await
}

fn answers(evaluation: &Value) -> Value {
    let items: Vec<Value> = evaluation["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| json!({ "criterionId": item["criterionId"], "met": true }))
        .collect();
    json!({ "items": items, "comment": "Đạt cả bốn tiêu chuẩn" })
}

db_test!(
    async fn every_exemplar_write_has_exactly_one_winner(app) {
        let staff = app.token("tgpl.canbo").await;
        let head = app.token("tgpl.truong").await;
        let office = app.token("vanphong").await;
        let unit = app.unit_id("TGPL").await;
        let path = |id: &Value, tail: &str| format!("/api/v1/exemplars/{id}{tail}");

        let draft = create_exemplar(&app, &staff, "TGPL", "Nguyễn Thị Sửa").await;
        race(&app, Shot::new("edit", Method::PUT, path(&draft["id"], ""), &staff, etag_of(&draft)).json(exemplar_body(unit, "Nguyễn Thị Sửa Lại"))).await;

        let draft = create_exemplar(&app, &staff, "TGPL", "Nguyễn Thị Xóa").await;
        race(&app, Shot::new("delete draft", Method::DELETE, path(&draft["id"], ""), &staff, etag_of(&draft))).await;

        let draft = create_exemplar(&app, &staff, "TGPL", "Nguyễn Thị Gửi").await;
        race(&app, Shot::new("submit", Method::POST, path(&draft["id"], "/submit"), &head, etag_of(&draft))).await;

        let sent = submitted_with_plan(&app, &staff, &head, "Trần Văn Xác Nhận").await;
        race(&app, Shot::new("confirm", Method::POST, path(&sent["id"], "/confirm"), &office, etag_of(&sent)).json(json!({}))).await;

        let sent = submitted_with_plan(&app, &staff, &head, "Trần Văn Trả Lại").await;
        race(&app, Shot::new("return", Method::POST, path(&sent["id"], "/return"), &office, etag_of(&sent)).json(json!({ "note": "Bổ sung minh chứng" }))).await;

        let sent = submitted_with_plan(&app, &staff, &head, "Lê Thị Đề Xuất").await;
        race(&app, Shot::new("propose stage", Method::POST, path(&sent["id"], "/stage-proposal"), &head, etag_of(&sent)).json(json!({ "toStage": "nurturing" }))).await;

        let pending = pending_proposal(&app, &staff, &head, "Lê Thị Duyệt").await;
        race(&app, Shot::new("confirm proposal", Method::POST, path(&pending["id"], "/stage-proposal/confirm"), &office, etag_of(&pending)).json(json!({}))).await;

        let pending = pending_proposal(&app, &staff, &head, "Lê Thị Từ Chối").await;
        race(&app, Shot::new("reject proposal", Method::POST, path(&pending["id"], "/stage-proposal/reject"), &office, etag_of(&pending)).json(json!({ "note": "Chưa đủ minh chứng" }))).await;

        let pending = pending_proposal(&app, &staff, &head, "Lê Thị Rút").await;
        race(&app, Shot::new("withdraw proposal", Method::POST, path(&pending["id"], "/stage-proposal/withdraw"), &head, etag_of(&pending))).await;

        let sent = submitted_with_plan(&app, &staff, &head, "Phạm Văn Chuyển").await;
        race(&app, Shot::new("move stage", Method::POST, path(&sent["id"], "/stage"), &office, etag_of(&sent)).json(json!({ "toStage": "nurturing" }))).await;
    }
);

db_test!(
    async fn stage_records_have_exactly_one_winner_and_are_never_mixed(app) {
        let staff = app.token("tgpl.canbo").await;
        let exemplar = create_exemplar(&app, &staff, "TGPL", "Võ Thị Kế Hoạch").await;
        let id = exemplar["id"].as_i64().unwrap();
        let plan = app.put(&format!("/api/v1/exemplars/{id}/nurturing-plan")).token(&staff).json(&plan_body()).send().await;
        let shot = Shot::new("nurturing plan", Method::PUT, format!("/api/v1/exemplars/{id}/nurturing-plan"), &staff, plan.etag()).json(plan_body());
        let winner = race_with(&app, &shot, |i, body| {
            let mut body = body.clone();
            body["strengths"] = json!(format!("Điểm mạnh của người ghi {i}"));
            body["milestones"] = json!([{ "title": format!("Mốc của người ghi {i}"), "dueOn": "2026-12-31", "status": "planned" }]);
            body
        })
        .await;
        // The fields and the milestones are the same writer's.
        let saved = app.get(&format!("/api/v1/exemplars/{id}")).token(&staff).send().await;
        let plan = &saved.ok()["nurturingPlan"];
        assert_eq!(plan["strengths"], format!("Điểm mạnh của người ghi {winner}"));
        assert_eq!(plan["milestones"].as_array().unwrap().len(), 1);
        assert_eq!(plan["milestones"][0]["title"], format!("Mốc của người ghi {winner}"));

        let summary = json!({ "goodPractice": "Cách làm hay", "lessons": "Bài học", "results": "Kết quả", "figures": [] });
        let saved = app.put(&format!("/api/v1/exemplars/{id}/summary")).token(&staff).json(&summary).send().await;
        race(&app, Shot::new("summary", Method::PUT, format!("/api/v1/exemplars/{id}/summary"), &staff, saved.etag()).json(summary)).await;

        let replication = json!({ "adopterName": "UBND xã Mỹ Hiệp", "adoptedOn": "2026-06-01", "scale": "3 tổ hòa giải", "outcome": "Giảm 30% vụ việc phải ra tòa" });
        let added = app.post(&format!("/api/v1/exemplars/{id}/replications")).token(&staff).json(&replication).send().await;
        let rid = added.ok()["id"].clone();
        race(&app, Shot::new("replication", Method::PUT, format!("/api/v1/replications/{rid}"), &staff, added.etag()).json(replication.clone())).await;
        let current = app.get(&format!("/api/v1/exemplars/{id}")).token(&staff).send().await;
        let etag = etag_of(&current.ok()["replications"][0]);
        race(&app, Shot::new("delete replication", Method::DELETE, format!("/api/v1/replications/{rid}"), &staff, etag)).await;
    }
);

db_test!(
    async fn every_evaluation_write_has_exactly_one_winner(app) {
        let staff = app.token("tgpl.canbo").await;
        let office = app.token("vanphong").await;
        let exemplar = create_exemplar(&app, &staff, "TGPL", "Đặng Văn Đánh Giá").await;
        let id = exemplar["id"].as_i64().unwrap();
        let open = || async {
            let res = app.post(&format!("/api/v1/exemplars/{id}/evaluations")).token(&office).json(&json!({ "evaluatorKind": "office_review" })).send().await;
            assert_eq!(res.status, 201, "{}", res.text);
            res.body
        };
        let draft = open().await;
        race(&app, Shot::new("save evaluation", Method::PUT, format!("/api/v1/evaluations/{}", draft["id"]), &office, etag_of(&draft)).json(answers(&draft))).await;
        let answered = app.get(&format!("/api/v1/evaluations/{}", draft["id"])).token(&office).send().await;
        race(&app, Shot::new("finalise", Method::POST, format!("/api/v1/evaluations/{}/finalise", draft["id"]), &office, answered.etag())).await;
        let finalised = app.get(&format!("/api/v1/evaluations/{}", draft["id"])).token(&office).send().await;
        race(&app, Shot::new("amend", Method::POST, format!("/api/v1/evaluations/{}/amend", draft["id"]), &office, finalised.etag())).await;
        let other = open().await;
        race(&app, Shot::new("delete evaluation", Method::DELETE, format!("/api/v1/evaluations/{}", other["id"]), &office, etag_of(&other))).await;
    }
);

db_test!(
    async fn every_catalogue_write_has_exactly_one_winner(app) {
        let admin = app.admin().await;
        let office = app.token("vanphong").await;
        let department = app.unit_id("STP").await;
        let new_unit = |code: &'static str| {
            let (app, admin) = (&app, &admin);
            async move {
                let res = app.post("/api/v1/units").token(admin).json(&unit_body(code, &format!("Đơn vị {code}"), department)).send().await;
                assert_eq!(res.status, 201, "{}", res.text);
                res.body
            }
        };
        let unit = new_unit("TD-SUA").await;
        race(&app, Shot::new("unit update", Method::PUT, format!("/api/v1/units/{}", unit["id"]), &admin, etag_of(&unit)).json(unit_body("TD-SUA", "Đơn vị đã sửa", department))).await;
        let unit = new_unit("TD-NGUNG").await;
        race(&app, Shot::new("unit deactivate", Method::POST, format!("/api/v1/units/{}/deactivate", unit["id"]), &admin, etag_of(&unit))).await;
        let unit = new_unit("TD-MO").await;
        let stopped = app.post(&format!("/api/v1/units/{}/deactivate", unit["id"])).token(&admin).if_match(&etag_of(&unit)).send().await;
        race(&app, Shot::new("unit activate", Method::POST, format!("/api/v1/units/{}/activate", unit["id"]), &admin, stopped.etag())).await;
        let unit = new_unit("TD-XOA").await;
        race(&app, Shot::new("unit delete", Method::DELETE, format!("/api/v1/units/{}", unit["id"]), &admin, etag_of(&unit))).await;

        let (user, _) = create_user(&app, &admin, "dua.sua", "unit_staff", Some("TGPL")).await;
        let tgpl = app.unit_id("TGPL").await;
        race(&app, Shot::new("user update", Method::PUT, format!("/api/v1/users/{}", user["id"]), &admin, etag_of(&user)).json(json!({ "fullName": "Người Dùng Đã Sửa", "role": "unit_staff", "unitId": tgpl }))).await;
        let (user, _) = create_user(&app, &admin, "dua.khoa", "unit_staff", Some("TGPL")).await;
        race(&app, Shot::new("user deactivate", Method::POST, format!("/api/v1/users/{}/deactivate", user["id"]), &admin, etag_of(&user))).await;
        let locked = app.get(&format!("/api/v1/users/{}", user["id"])).token(&admin).send().await;
        race(&app, Shot::new("user activate", Method::POST, format!("/api/v1/users/{}/activate", user["id"]), &admin, locked.etag())).await;

        let profile = app.get("/api/v1/profile").token(&office).send().await;
        race(&app, Shot::new("profile", Method::PUT, "/api/v1/profile".to_owned(), &office, profile.etag()).json(json!({ "fullName": "Trần Thị Lan" }))).await;

        let settings = app.get("/api/v1/settings").token(&office).send().await;
        race(&app, Shot::new("settings", Method::PUT, "/api/v1/settings".to_owned(), &office, settings.etag()).json(json!({ "introductionDueDay": 12 }))).await;

        let movement = json!({ "code": "DUA-PT", "name": "Phong trào thử tranh chấp", "startsOn": "2026-01-01" });
        let created = app.post("/api/v1/movements").token(&office).json(&movement).send().await;
        let mid = created.body["id"].clone();
        race(&app, Shot::new("movement update", Method::PUT, format!("/api/v1/movements/{mid}"), &office, created.etag()).json(movement)).await;
        let current = app.get(&format!("/api/v1/movements/{mid}")).token(&office).send().await;
        race(&app, Shot::new("movement close", Method::POST, format!("/api/v1/movements/{mid}/close"), &office, current.etag())).await;
        let current = app.get(&format!("/api/v1/movements/{mid}")).token(&office).send().await;
        race(&app, Shot::new("movement reopen", Method::POST, format!("/api/v1/movements/{mid}/reopen"), &office, current.etag())).await;

        let set = json!({
            "code": "DUA-TC", "name": "Bộ tiêu chí thử", "subjectKind": "individual", "passThreshold": 70, "nurtureThreshold": 40,
            "criteria": [{ "text": "Tiêu chí chấm điểm", "weight": 50, "mode": "score", "maxScore": 10 }]
        });
        let draft = app.post("/api/v1/criteria-sets").token(&office).json(&set).send().await;
        let sid = draft.body["id"].clone();
        race(&app, Shot::new("criteria update", Method::PUT, format!("/api/v1/criteria-sets/{sid}"), &office, draft.etag()).json(set.clone())).await;
        let current = app.get(&format!("/api/v1/criteria-sets/{sid}")).token(&office).send().await;
        race(&app, Shot::new("criteria publish", Method::POST, format!("/api/v1/criteria-sets/{sid}/publish"), &office, current.etag())).await;
        let current = app.get(&format!("/api/v1/criteria-sets/{sid}")).token(&office).send().await;
        race(&app, Shot::new("criteria new version", Method::POST, format!("/api/v1/criteria-sets/{sid}/new-version"), &office, current.etag())).await;
        let mut other = set;
        other["code"] = json!("DUA-TC2");
        let draft = app.post("/api/v1/criteria-sets").token(&office).json(&other).send().await;
        race(&app, Shot::new("criteria delete", Method::DELETE, format!("/api/v1/criteria-sets/{}", draft.body["id"]), &office, draft.etag())).await;
    }
);

db_test!(
    async fn every_introduction_write_has_exactly_one_winner(app) {
        let staff = app.token("tgpl.canbo").await;
        let head = app.token("tgpl.truong").await;
        let unit = app.unit_id("TGPL").await;
        let exemplar = create_exemplar(&app, &staff, "TGPL", "Bùi Thị Giới Thiệu").await;
        let body = json!({
            "unitId": unit, "month": "2026-11", "title": "Gương trợ giúp viên tận tụy",
            "writeUp": "Chị đã trực tiếp tham gia 120 vụ việc, giúp nhiều hộ nghèo được bảo vệ quyền lợi.",
            "exemplarIds": [exemplar["id"]]
        });
        let draft = || async {
            let res = app.post("/api/v1/introductions").token(&staff).json(&body).send().await;
            assert_eq!(res.status, 201, "{}", res.text);
            res
        };
        let first = draft().await;
        race(&app, Shot::new("introduction update", Method::PUT, format!("/api/v1/introductions/{}", first.body["id"]), &staff, first.etag()).json(body.clone())).await;
        let current = app.get(&format!("/api/v1/introductions/{}", first.body["id"])).token(&staff).send().await;
        race(&app, Shot::new("introduction submit", Method::POST, format!("/api/v1/introductions/{}/submit", first.body["id"]), &head, current.etag())).await;
        let second = draft().await;
        race(&app, Shot::new("introduction delete", Method::DELETE, format!("/api/v1/introductions/{}", second.body["id"]), &staff, second.etag())).await;
    }
);

db_test!(
    async fn service_account_and_attachment_writes_have_exactly_one_winner(app) {
        let admin = app.admin().await;
        let create = || async {
            let res = app
                .post("/api/v1/service-accounts")
                .token(&admin)
                .json(&json!({ "name": "Hệ thống một cửa tỉnh", "scopes": ["units:read"] }))
                .send()
                .await;
            assert_eq!(res.status, 201, "{}", res.text);
            res
        };
        let account = create().await;
        let path = format!("/api/v1/service-accounts/{}", account.body["account"]["id"]);
        race(&app, Shot::new("service account update", Method::PUT, path.clone(), &admin, account.etag()).json(json!({ "name": "Hệ thống một cửa tỉnh (mới)", "scopes": ["units:read", "exemplars:read"] }))).await;
        let current = app.get(&path).token(&admin).send().await;
        race(&app, Shot::new("service account rotate", Method::POST, format!("{path}/rotate-secret"), &admin, current.etag())).await;
        let current = app.get(&path).token(&admin).send().await;
        race(&app, Shot::new("service account revoke", Method::POST, format!("{path}/revoke"), &admin, current.etag())).await;

        let staff = app.token("tgpl.canbo").await;
        let exemplar = create_exemplar(&app, &staff, "TGPL", "Người có tệp tranh chấp").await;
        let form = reqwest::multipart::Form::new().part(
            "file",
            reqwest::multipart::Part::bytes(b"%PDF-1.4\n%%EOF".to_vec()).file_name("minh-chung.pdf"),
        );
        let uploaded: Value = reqwest::Client::new()
            .post(app.url(&format!("/api/v1/exemplars/{}/attachments", exemplar["id"])))
            .bearer_auth(&staff)
            .multipart(form)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        race(&app, Shot::new("attachment delete", Method::DELETE, format!("/api/v1/attachments/{}", uploaded["id"]), &staff, etag_of(&uploaded))).await;

        let mut png = Vec::new();
        image::RgbImage::from_pixel(40, 30, image::Rgb([200, 40, 40]))
            .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
            .unwrap();
        let form = reqwest::multipart::Form::new()
            .part("file", reqwest::multipart::Part::bytes(png).file_name("chan-dung.png"));
        let image: Value = reqwest::Client::new()
            .post(app.url(&format!("/api/v1/exemplars/{}/attachments", exemplar["id"])))
            .bearer_auth(&staff)
            .multipart(form)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let current = app.get(&format!("/api/v1/exemplars/{}", exemplar["id"])).token(&staff).send().await;
        race(&app, Shot::new("photo choice", Method::PUT, format!("/api/v1/exemplars/{}/photo", exemplar["id"]), &staff, current.etag()).json(json!({ "attachmentId": image["id"] }))).await;
    }
);

db_test_kind!(
    async fn every_calendar_write_has_exactly_one_winner(kind) {
        let delivery = lantoa::scheduler::DeliveryConfig {
            webhooks: lantoa::webhooks::config::WebhookSettings {
                allow_list: "127.0.0.1".parse().unwrap(),
                ..Default::default()
            },
            ..Default::default()
        };
        let app = TestApp::start_delivering(kind, delivery).await;
        crate::support::vietnam_time(&app, 2026, 11, 2, 8, 0);
        let (office, admin, head) = (app.token("vanphong").await, app.admin().await, app.token("tgpl.truong").await);

        let settings = app.get("/api/v1/calendar/settings").token(&office).send().await;
        let mut body = settings.body.clone();
        body["dueSoonDays"] = json!(10);
        race(&app, Shot::new("calendar settings", Method::PUT, "/api/v1/calendar/settings".to_owned(), &office, settings.etag()).json(body)).await;
        let holidays = app.get("/api/v1/public-holidays").token(&office).send().await;
        race(&app, Shot::new("public holidays", Method::PUT, "/api/v1/public-holidays".to_owned(), &office, holidays.etag()).json(json!({ "days": [{ "date": "2027-02-06", "name": "Tết Nguyên đán" }] }))).await;

        let hook = json!({ "name": "Hệ thống Sở Nội vụ", "url": "http://127.0.0.1:9/lantoa", "events": ["report.submitted"], "active": false });
        let created = app.post("/api/v1/webhooks").token(&admin).json(&hook).send().await;
        assert_eq!(created.status, 201, "{}", created.text);
        let path = format!("/api/v1/webhooks/{}", created.body["subscription"]["id"]);
        race(&app, Shot::new("webhook update", Method::PUT, path.clone(), &admin, created.etag()).json(hook)).await;
        let current = app.get(&path).token(&admin).send().await;
        race(&app, Shot::new("webhook secret", Method::POST, format!("{path}/rotate-secret"), &admin, current.etag())).await;

        let tgpl = app.unit_id("TGPL").await;
        let report = |period: &'static str| {
            let (app, head) = (&app, &head);
            async move {
                let res = crate::support::submit_report(app, head, "annual_report", Some(tgpl), period).await;
                assert_eq!(res.status, 201, "{}", res.text);
                res
            }
        };
        let sent = report("2026").await;
        let path = |tail: &str| format!("/api/v1/report-submissions/{}/{tail}", sent.body["id"]);
        race(&app, Shot::new("report accept", Method::POST, path("accept"), &office, sent.etag()).json(json!({}))).await;
        crate::support::vietnam_time(&app, 2028, 6, 1, 8, 0);
        let (office, head) = (app.token("vanphong").await, app.token("tgpl.truong").await);
        let other = crate::support::submit_report(&app, &head, "midterm_review", Some(tgpl), "2026-2028").await;
        let path = |tail: &str| format!("/api/v1/report-submissions/{}/{tail}", other.body["id"]);
        race(&app, Shot::new("report return", Method::POST, path("return"), &office, other.etag()).json(json!({ "note": "Bổ sung" }))).await;
        let returned = app.get(&format!("/api/v1/report-submissions/{}", other.body["id"])).token(&head).send().await;
        race(&app, Shot::new("report resubmit", Method::POST, path("resubmit"), &head, returned.etag()).json(json!({}))).await;

        let (staff, leader) = (app.token("tgpl.canbo").await, app.token("lanhdao").await);
        let raise = || async {
            let res = app.post("/api/v1/difficulties").token(&staff)
                .json(&json!({ "subject": "Vướng mắc tranh chấp", "body": "Nội dung vướng mắc cần Văn phòng Sở hướng dẫn." }))
                .send().await;
            assert_eq!(res.status, 201, "{}", res.text);
            res.body
        };
        let step = |tail: &'static str, id: &Value| format!("/api/v1/difficulties/{id}{tail}");
        let d = raise().await;
        race(&app, Shot::new("difficulty edit", Method::PUT, step("", &d["id"]), &staff, etag_of(&d)).json(json!({ "subject": "Vướng mắc đã sửa", "body": "Nội dung vướng mắc đã được sửa lại." }))).await;
        let d = raise().await;
        race(&app, Shot::new("difficulty delete", Method::DELETE, step("", &d["id"]), &staff, etag_of(&d))).await;
        let d = raise().await;
        race(&app, Shot::new("difficulty answer", Method::POST, step("/answer", &d["id"]), &office, etag_of(&d)).json(json!({ "note": "Trả lời" }))).await;
        let answered = app.get(&step("", &d["id"])).token(&staff).send().await;
        race(&app, Shot::new("difficulty reopen", Method::POST, step("/reopen", &d["id"]), &staff, answered.etag()).json(json!({ "note": "Chưa rõ" }))).await;
        let d = raise().await;
        race(&app, Shot::new("difficulty refer", Method::POST, step("/refer", &d["id"]), &office, etag_of(&d)).json(json!({ "note": "Kính trình" }))).await;
        let referred = app.get(&step("", &d["id"])).token(&office).send().await;
        race(&app, Shot::new("difficulty direct", Method::POST, step("/direct", &d["id"]), &leader, referred.etag()).json(json!({ "note": "Chỉ đạo" }))).await;
        let directed = app.get(&step("", &d["id"])).token(&staff).send().await;
        race(&app, Shot::new("difficulty close", Method::POST, step("/close", &d["id"]), &staff, directed.etag()).json(json!({}))).await;
    }
);

db_test!(
    async fn every_publicity_write_has_exactly_one_winner(app) {
        let staff = app.token("tgpl.canbo").await;
        let head = app.token("tgpl.truong").await;
        let office = app.token("vanphong").await;
        let leader = app.token("lanhdao").await;
        let unit = app.unit_id("TGPL").await;
        let exemplar = create_exemplar(&app, &staff, "TGPL", "Nguyễn Văn Lan Truyền").await;
        let activity = json!({
            "unitId": unit, "channel": "zalo", "title": "Bản tin gương điển hình trên Zalo",
            "heldOn": "2026-10-01", "exemplarIds": [exemplar["id"]], "views": 100
        });
        let created = app.post("/api/v1/propagation-activities").token(&staff).json(&activity).send().await;
        let path = format!("/api/v1/propagation-activities/{}", created.body["id"]);
        let winner = race_with(&app, &Shot::new("propagation update", Method::PUT, path.clone(), &staff, created.etag()).json(activity.clone()), |i, body| {
            let mut body = body.clone();
            body["views"] = json!(1000 + i);
            body
        })
        .await;
        let current = app.get(&path).token(&staff).send().await;
        assert_eq!(current.ok()["views"], 1000 + winner as i64, "the winner's fields");
        assert_eq!(current.body["featuredExemplars"].as_array().unwrap().len(), 1, "links replaced once");
        let file = upload(&app, &staff, &format!("{path}/attachments"), "anh.png", png(20, 20)).await;
        race(&app, Shot::new("propagation file delete", Method::DELETE, format!("/api/v1/propagation-attachments/{}", file.body["id"]), &staff, etag_of(&file.body))).await;
        race(&app, Shot::new("propagation delete", Method::DELETE, path, &staff, current.etag())).await;

        // The first save of a publication: 32 writers with ETag "0", one row.
        let person = confirmed(&app, &staff, &head, &office, &exemplar_body(unit, "Trần Thị Công Bố")).await;
        let id = person["id"].as_i64().unwrap();
        let publication = format!("/api/v1/exemplars/{id}/publication");
        let body = json!({ "publicSummary": "Văn bản công khai của người được công bố.", "consent": consent() });
        race(&app, Shot::new("publication first save", Method::PUT, publication.clone(), &office, "\"0\"".to_owned()).json(body.clone())).await;
        let current = app.get(&publication).token(&office).send().await;
        assert_eq!(current.etag(), "\"1\"");
        race(&app, Shot::new("publication save", Method::PUT, publication.clone(), &office, current.etag()).json(body)).await;
        let current = app.get(&publication).token(&office).send().await;
        race(&app, Shot::new("publish", Method::POST, format!("{publication}/publish"), &office, current.etag()).json(json!({}))).await;
        let current = app.get(&publication).token(&office).send().await;
        race(&app, Shot::new("unpublish", Method::POST, format!("{publication}/unpublish"), &leader, current.etag()).json(json!({ "reason": "Gỡ để kiểm tra lại thông tin." }))).await;
        // Publishing for the first time straight away, without a saved text.
        let other = confirmed(&app, &staff, &head, &office, &exemplar_body(unit, "Trần Thị Công Bố Ngay")).await;
        race(&app, Shot::new("first publish", Method::POST, format!("/api/v1/exemplars/{}/publication/publish", other["id"]), &office, "\"0\"".to_owned()).json(json!({ "consent": consent() }))).await;
        let timeline = app.get(&format!("/api/v1/exemplars/{}", other["id"])).token(&office).send().await;
        let published = timeline.ok()["timeline"].as_array().unwrap().iter().filter(|e| e["action"] == "published").count();
        assert_eq!(published, 1, "one step on the timeline");
    }
);

db_test!(
    async fn every_report_write_has_exactly_one_winner(app) {
        crate::support::vietnam_time(&app, 2026, 10, 5, 8, 0);
        let (office, head, leader) = (app.token("vanphong").await, app.token("tgpl.truong").await, app.token("lanhdao").await);
        let tgpl = app.unit_id("TGPL").await;
        let create = |body: Value, token: String| {
            let app = &app;
            async move {
                let res = app.post("/api/v1/reports").token(&token).json(&body).send().await;
                assert_eq!(res.status, 201, "{}", res.text);
                res.body
            }
        };
        let path = |report: &Value, tail: &str| format!("/api/v1/reports/{}{tail}", report["id"]);
        let get = |report: &Value, token: &str| {
            let (app, url, token) = (&app, path(report, ""), token.to_owned());
            async move { app.get(&url).token(&token).send().await.ok().clone() }
        };
        let unit = create(json!({ "kind": "annual_report", "unitId": tgpl, "period": "2026" }), head.clone()).await;
        race(&app, Shot::new("report edit", Method::PUT, path(&unit, ""), &head, etag_of(&unit)).json(json!({ "title": "Báo cáo năm 2026", "narrative": { "achievements": "Kết quả." } }))).await;
        let current = get(&unit, &head).await;
        race(&app, Shot::new("report submit", Method::POST, path(&current, "/submit"), &head, etag_of(&current))).await;
        let current = get(&unit, &office).await;
        race(&app, Shot::new("report return", Method::POST, path(&current, "/return"), &office, etag_of(&current)).json(json!({ "note": "Bổ sung" }))).await;
        let current = get(&unit, &head).await;
        race(&app, Shot::new("report resubmit", Method::POST, path(&current, "/submit"), &head, etag_of(&current))).await;
        let current = get(&unit, &office).await;
        race(&app, Shot::new("report accept", Method::POST, path(&current, "/accept"), &office, etag_of(&current)).json(json!({}))).await;

        let office_report = create(json!({ "kind": "annual_report", "period": "2026" }), office.clone()).await;
        race(&app, Shot::new("consolidated submit", Method::POST, path(&office_report, "/submit"), &office, etag_of(&office_report))).await;
        let current = get(&office_report, &leader).await;
        race(&app, Shot::new("consolidated approve", Method::POST, path(&current, "/approve"), &leader, etag_of(&current)).json(json!({}))).await;
        let submissions: i64 = app.db(|conn| {
            use lantoa::db::schema::report_submissions;
            report_submissions::table.count().get_result(conn).unwrap()
        });
        assert_eq!(submissions, 2, "one submission per report, however many submitted at once");
    }
);

db_test!(
    async fn every_commendation_publication_write_has_exactly_one_winner(app) {
        use crate::commendations_support::{
            Tokens, approve_all, body, person, reviewed, step, unique_name,
        };
        let t = Tokens::new(&app).await;
        let tgpl = app.unit_id("TGPL").await;
        let nominees = vec![person(&unique_name(), tgpl), person(&unique_name(), tgpl)];
        let draft = body(&app, &t.head, "TGPL", "GK-GDS", "ad_hoc", nominees).await;
        let reviewed = reviewed(&app, &t, &draft).await;
        let pending = step(&app, &t.office, &reviewed, "send-to-decision", json!({})).await;
        let decided = step(&app, &t.leader, &pending, "approve", approve_all(&app, &pending)).await;
        let path = |i: usize| format!("/api/v1/commendation-nominees/{}/publication", decided["nominees"][i]["id"]);

        // The first save (ETag "0", one row), a save, publishing, taking down.
        let text = json!({ "publicSummary": "Văn bản công khai của khen thưởng đã quyết định.", "consent": consent() });
        race(&app, Shot::new("commendation publication first save", Method::PUT, path(0), &t.office, "\"0\"".to_owned()).json(text.clone())).await;
        let current = app.get(&path(0)).token(&t.office).send().await;
        assert_eq!(current.etag(), "\"1\"");
        race(&app, Shot::new("commendation publication save", Method::PUT, path(0), &t.office, current.etag()).json(text)).await;
        let current = app.get(&path(0)).token(&t.office).send().await;
        race(&app, Shot::new("commendation publish", Method::POST, format!("{}/publish", path(0)), &t.office, current.etag()).json(json!({}))).await;
        let current = app.get(&path(0)).token(&t.office).send().await;
        race(&app, Shot::new("commendation unpublish", Method::POST, format!("{}/unpublish", path(0)), &t.leader, current.etag()).json(json!({ "reason": "Gỡ để kiểm tra lại thông tin." }))).await;
        // Publishing straight away, without a saved text: one step on the timeline.
        race(&app, Shot::new("commendation first publish", Method::POST, format!("{}/publish", path(1)), &t.office, "\"0\"".to_owned()).json(json!({ "consent": consent() }))).await;
        let proposal = app.get(&format!("/api/v1/commendation-proposals/{}", decided["id"])).token(&t.office).send().await;
        let published = proposal.ok()["timeline"].as_array().unwrap().iter().filter(|e| e["action"] == "publish").count();
        assert_eq!(published, 2, "one step per successful publish");
    }
);
