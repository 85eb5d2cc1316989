//! The home page: a worklist per role whose every count is the list behind it, the Department's
//! picture for the leadership, and a monthly grid that is fair to new units.

use chrono::{TimeZone, Utc};
use lantoa_tests::{TestApp, db_test};
use serde_json::{Value, json};

use crate::support::{create_exemplar, etag_of, plan_body, unit_body};

/// 10:00 on 02/12/2026 in Vietnam.
fn stand_on_2_december(app: &TestApp) {
    app.state
        .clock
        .set(Utc.with_ymd_and_hms(2026, 12, 2, 3, 0, 0).unwrap());
}

async fn home(app: &TestApp, token: &str) -> Value {
    app.get("/api/v1/home")
        .token(token)
        .send()
        .await
        .ok()
        .clone()
}

fn task<'a>(home: &'a Value, kind: &str) -> &'a Value {
    home["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["kind"] == kind)
        .unwrap_or_else(|| panic!("no task {kind} in {home}"))
}

/// The list behind a task, by the filters it carries: its total must be the task's count.
async fn list_behind(app: &TestApp, token: &str, filters: &Value) -> Value {
    let query: Vec<String> = filters
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| {
            format!(
                "{k}={}",
                v.as_str()
                    .map(str::to_owned)
                    .unwrap_or_else(|| v.to_string())
            )
        })
        .collect();
    app.get(&format!("/api/v1/exemplars?{}", query.join("&")))
        .token(token)
        .send()
        .await
        .ok()
        .clone()
}

async fn assert_count_is_its_list(
    app: &TestApp,
    token: &str,
    home: &Value,
    kind: &str,
    expected: i64,
) {
    let task = task(home, kind);
    assert_eq!(task["count"], expected, "{kind}: {task}");
    let list = list_behind(app, token, &task["filters"]).await;
    assert_eq!(
        list["total"], expected,
        "{kind}: the list behind {}",
        task["filters"]
    );
}

async fn plan(app: &TestApp, token: &str, exemplar: &Value, due_on: &str) {
    let mut body = plan_body();
    body["milestones"] =
        json!([{ "title": "Báo cáo chuyên đề", "dueOn": due_on, "status": "planned" }]);
    app.put(&format!(
        "/api/v1/exemplars/{}/nurturing-plan",
        exemplar["id"]
    ))
    .token(token)
    .json(&body)
    .send()
    .await
    .ok();
}

db_test!(
    async fn every_role_sees_what_waits_for_it_with_the_list_behind_each_count(app) {
        stand_on_2_december(&app);
        let staff = app.token("tgpl.canbo").await;
        let head = app.token("tgpl.truong").await;
        let office = app.token("vanphong").await;
        let leader = app.token("lanhdao").await;

        let soon = create_exemplar(&app, &staff, "TGPL", "Nguyễn Văn Sắp").await;
        plan(&app, &staff, &soon, "2026-12-20").await;
        let late = create_exemplar(&app, &staff, "TGPL", "Trần Thị Trễ").await;
        plan(&app, &staff, &late, "2026-11-20").await;
        let far = create_exemplar(&app, &staff, "TGPL", "Lê Văn Xa").await;
        plan(&app, &staff, &far, "2027-03-01").await;
        // One sent to the Office, and another sent and returned.
        let sent = app.post(&format!("/api/v1/exemplars/{}/submit", far["id"])).token(&head).if_match(&etag_of(&far)).send().await;
        let to_return = app.post(&format!("/api/v1/exemplars/{}/submit", late["id"])).token(&head).if_match(&etag_of(&late)).send().await;
        app.post(&format!("/api/v1/exemplars/{}/return", late["id"]))
            .token(&office)
            .if_match(&to_return.etag())
            .json(&json!({ "note": "Bổ sung minh chứng" }))
            .send()
            .await
            .ok();
        assert_eq!(sent.status, 200, "{}", sent.text);

        let staff_home = home(&app, &staff).await;
        assert_eq!(staff_home["today"], "2026-12-02");
        assert_count_is_its_list(&app, &staff, &staff_home, "returned", 1).await;
        assert_count_is_its_list(&app, &staff, &staff_home, "drafts", 2).await;
        assert_eq!(staff_home["introduction"]["month"], "2026-12");
        assert_eq!(staff_home["introduction"]["dueOn"], "2026-12-10");
        assert_eq!(staff_home["introduction"]["status"], "pending");
        assert_eq!(staff_home["picture"], Value::Null);

        let head_home = home(&app, &head).await;
        assert_count_is_its_list(&app, &head, &head_home, "milestones_due_soon", 1).await;
        let soon_list = list_behind(&app, &head, &task(&head_home, "milestones_due_soon")["filters"]).await;
        assert_eq!(soon_list["items"][0]["name"], "Nguyễn Văn Sắp");

        let office_home = home(&app, &office).await;
        assert_count_is_its_list(&app, &office, &office_home, "to_confirm", 1).await;
        assert_count_is_its_list(&app, &office, &office_home, "milestones_overdue", 1).await;
        assert_count_is_its_list(&app, &office, &office_home, "proposals_to_decide", 0).await;
        assert_eq!(task(&office_home, "introductions_missing")["count"], 0, "the 10th has not come yet");

        // The leader sees the Department's picture, each figure with its list.
        let picture = &home(&app, &leader).await["picture"];
        let discovered = picture["byStage"].as_array().unwrap().iter().find(|s| s["stage"] == "discovered").unwrap();
        assert_eq!(discovered["count"], 3);
        assert_eq!(list_behind(&app, &leader, &discovered["filters"]).await["total"], 3);
        let tgpl = app.unit_id("TGPL").await;
        let row = picture["byUnit"].as_array().unwrap().iter().find(|u| u["unit"]["id"] == tgpl).unwrap();
        assert_eq!(row["count"], 3);
        assert_eq!(picture["introductions"]["year"], 2026);

        // After the 10th, units that have not introduced anyone are on the Office's list.
        app.state.clock.set(Utc.with_ymd_and_hms(2026, 12, 11, 3, 0, 0).unwrap());
        // Tokens from nine days ago have expired: sign in again.
        let office = app.token("vanphong").await;
        let staff = app.token("tgpl.canbo").await;
        let office_home = home(&app, &office).await;
        assert!(task(&office_home, "introductions_missing")["count"].as_i64().unwrap() > 0);
        assert_eq!(home(&app, &staff).await["introduction"]["status"], "missing");

        let integration = app.integration_token(&["exemplars:read"]).await;
        app.get("/api/v1/home").token(&integration).send().await.problem(403, "forbidden");
        app.get("/api/v1/home").send().await.problem(401, "unauthenticated");
    }
);

db_test!(
    async fn the_grid_is_fair_to_new_units_and_ignores_months_before_the_programme(app) {
        stand_on_2_december(&app);
        let admin = app.admin().await;
        let office = app.token("vanphong").await;
        let department = app.unit_id("STP").await;
        let created = app.post("/api/v1/units").token(&admin).json(&unit_body("MOI", "Phòng mới thành lập", department)).send().await;
        assert_eq!(created.status, 201, "{}", created.text);
        let grid = app.get("/api/v1/introductions/grid?year=2026").token(&office).send().await.ok().clone();
        let row = grid["rows"].as_array().unwrap().iter().find(|r| r["unit"]["code"] == "MOI").unwrap().clone();
        let statuses: Vec<&str> = row["cells"].as_array().unwrap().iter().map(|c| c["status"].as_str().unwrap()).collect();
        assert!(statuses.iter().all(|s| *s == "not_applicable"), "a unit created today owes from next month: {statuses:?}");
        assert_eq!(row["missing"], 0);
        // An older unit owes from the programme's start (April) on: eight months missed so far.
        let old = grid["rows"].as_array().unwrap().iter().find(|r| r["unit"]["code"] == "VP").unwrap();
        assert_eq!(old["missing"], 8, "April to November are past their 10th");
        app.state.clock.set(Utc.with_ymd_and_hms(2027, 1, 12, 3, 0, 0).unwrap());
        let office = app.token("vanphong").await;
        let grid = app.get("/api/v1/introductions/grid?year=2027").token(&office).send().await.ok().clone();
        let row = grid["rows"].as_array().unwrap().iter().find(|r| r["unit"]["code"] == "MOI").unwrap();
        assert_eq!(row["cells"][0]["status"], "missing", "January is owed");

        // The export carries the same grid, in words.
        let response = reqwest::Client::new()
            .get(app.url("/api/v1/introductions/grid/export?year=2027"))
            .bearer_auth(&office)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        let bytes = response.bytes().await.unwrap().to_vec();
        use calamine::Reader;
        let mut workbook: calamine::Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
        let range = workbook.worksheet_range_at(0).unwrap().unwrap();
        let text: Vec<String> = range.rows().flat_map(|r| r.iter().map(|c| c.to_string())).collect();
        assert!(text.iter().any(|t| t == "Phòng mới thành lập"));
        assert!(text.iter().any(|t| t == "Chưa giới thiệu"));
        assert!(text[0].contains("12/01/2027"), "{}", text[0]);
    }
);
