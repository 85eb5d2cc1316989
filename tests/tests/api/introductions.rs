//! Monthly introductions and the Office's unit × month grid.

use chrono::Datelike;
use lantoa_tests::{TestApp, db_test};
use serde_json::{Value, json};

use crate::support::{create_exemplar, etag_of};

fn body(unit_id: i64, month: &str, exemplar_ids: &[i64]) -> Value {
    json!({
        "unitId": unit_id,
        "month": month,
        "title": "Gương trợ giúp viên tận tụy với người nghèo",
        "writeUp": "Chị đã trực tiếp tham gia 120 vụ việc, giúp nhiều hộ nghèo được bảo vệ quyền lợi hợp pháp.",
        "exemplarIds": exemplar_ids
    })
}

fn cell<'a>(grid: &'a Value, unit_code: &str, month: &str) -> &'a Value {
    let row = grid["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["unit"]["code"] == unit_code)
        .unwrap();
    row["cells"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["month"] == month)
        .unwrap()
}

fn this_month() -> String {
    let today = lantoa::clock::Clock::system().today();
    format!("{:04}-{:02}", today.year(), today.month())
}

async fn submitted(app: &TestApp, staff: &str, head: &str, month: &str, exemplar_id: i64) -> Value {
    let unit = app.unit_id("TGPL").await;
    let draft = app
        .post("/api/v1/introductions")
        .token(staff)
        .json(&body(unit, month, &[exemplar_id]))
        .send()
        .await;
    assert_eq!(draft.status, 201, "{}", draft.text);
    let res = app
        .post(&format!(
            "/api/v1/introductions/{}/submit",
            draft.body["id"]
        ))
        .token(head)
        .if_match(&draft.etag())
        .send()
        .await;
    res.ok().clone()
}

db_test!(
    async fn units_introduce_exemplars_and_the_grid_shows_who_was_on_time(app) {
        let staff = app.token("tgpl.canbo").await;
        let head = app.token("tgpl.truong").await;
        let office = app.token("vanphong").await;
        let exemplar = create_exemplar(&app, &staff, "TGPL", "Nguyễn Thị Lệ").await;
        let id = exemplar["id"].as_i64().unwrap();
        let today = app.state.clock.today();
        let year = today.year();

        // Staff draft, the head submits; the deadline of the month is the 10th, Vietnam time.
        let january = format!("{year}-01");
        let late = submitted(&app, &staff, &head, &january, id).await;
        assert_eq!(late["status"], "submitted");
        let on_time_expected = today.day() <= 10;
        let current = submitted(&app, &staff, &head, &this_month(), id).await;
        assert_eq!(current["onTime"], on_time_expected);
        assert_eq!(late["onTime"], today.month() == 1 && on_time_expected);
        assert_eq!(current["exemplars"][0]["name"], "Nguyễn Thị Lệ");

        let grid = app.get(&format!("/api/v1/introductions/grid?year={year}")).token(&office).send().await;
        let grid = grid.ok().clone();
        assert_eq!(grid["dueDay"], 10);
        assert_eq!(grid["startMonth"], "2026-04");
        assert_eq!(grid["months"].as_array().unwrap().len(), 12);
        assert!(grid["rows"].as_array().unwrap().iter().all(|r| r["unit"]["code"] != "STP"), "the Department itself introduces nothing");
        assert!(grid["rows"].as_array().unwrap().iter().all(|r| r["unit"]["code"] != "TTR"), "inactive units are left out");
        let expected = if on_time_expected { "on_time" } else { "late" };
        assert_eq!(cell(&grid, "TGPL", &this_month())["status"], expected);
        assert_eq!(cell(&grid, "TGPL", &this_month())["submitted"], 1);
        if today.month() > 1 {
            // Before the programme's start month (April 2026) nothing is counted, not even a submission.
            let expected = if year > 2026 { "late" } else { "not_applicable" };
            assert_eq!(cell(&grid, "TGPL", &january)["status"], expected);
            let expected = if year > 2026 { "missing" } else { "not_applicable" };
            assert_eq!(cell(&grid, "VP", &january)["status"], expected);
        }
        if today.month() < 12 {
            let next = format!("{year}-{:02}", today.month() + 1);
            assert_eq!(cell(&grid, "TGPL", &next)["status"], "upcoming");
        }
        // A unit sees its own row only.
        let own = app.get(&format!("/api/v1/introductions/grid?year={year}")).token(&staff).send().await;
        let codes: Vec<&str> = own.ok()["rows"].as_array().unwrap().iter().map(|r| r["unit"]["code"].as_str().unwrap()).collect();
        assert_eq!(codes, ["TGPL"]);
        // The office sees every unit's introductions for a month.
        let list = app.get(&format!("/api/v1/introductions?month={}", this_month())).token(&office).send().await;
        assert_eq!(list.ok()["total"], 1);
    }
);

db_test!(
    async fn introductions_are_checked_and_frozen_once_sent(app) {
        let staff = app.token("tgpl.canbo").await;
        let head = app.token("tgpl.truong").await;
        let office = app.token("vanphong").await;
        let mine = create_exemplar(&app, &staff, "TGPL", "Người của đơn vị").await;
        let theirs = create_exemplar(&app, &office, "HCTP", "Người đơn vị khác").await;
        let unit = app.unit_id("TGPL").await;
        let res = app.post("/api/v1/introductions").token(&staff).json(&body(unit, "2026-13", &[])).send().await;
        assert_eq!(res.field_errors(), ["exemplarIds:length", "month:invalid_format"]);
        let res = app.post("/api/v1/introductions").token(&staff).json(&body(unit, "2026-11", &[theirs["id"].as_i64().unwrap()])).send().await;
        assert_eq!(res.field_errors(), ["exemplarIds[0]:other_unit"]);
        let other_unit = app.unit_id("HCTP").await;
        let res = app.post("/api/v1/introductions").token(&staff).json(&body(other_unit, "2026-11", &[theirs["id"].as_i64().unwrap()])).send().await;
        res.problem(403, "outside_unit_scope");
        let draft = app.post("/api/v1/introductions").token(&staff).json(&body(unit, "2026-11", &[mine["id"].as_i64().unwrap()])).send().await;
        let draft = draft.ok().clone();
        // Staff drafts, only the head (or the office) sends.
        app.post(&format!("/api/v1/introductions/{}/submit", draft["id"])).token(&staff).if_match(&etag_of(&draft)).send().await.problem(403, "forbidden");
        let sent = app.post(&format!("/api/v1/introductions/{}/submit", draft["id"])).token(&head).if_match(&etag_of(&draft)).send().await;
        let sent = sent.ok().clone();
        assert!(sent["submittedAt"].is_string());
        let res = app.put(&format!("/api/v1/introductions/{}", draft["id"])).token(&staff).if_match(&etag_of(&sent)).json(&body(unit, "2026-11", &[mine["id"].as_i64().unwrap()])).send().await;
        res.problem(409, "conflict");
        app.delete(&format!("/api/v1/introductions/{}", draft["id"])).token(&staff).if_match(&etag_of(&sent)).send().await.problem(409, "conflict");
        // An introduced exemplar can no longer be deleted as a mistake.
        app.delete(&format!("/api/v1/exemplars/{}", mine["id"])).token(&staff).if_match(&etag_of(&mine)).send().await.problem(409, "conflict");
    }
);

db_test!(
    async fn the_due_day_is_a_setting_of_the_office(app) {
        let office = app.token("vanphong").await;
        let staff = app.token("tgpl.canbo").await;
        let settings = app.get("/api/v1/settings").token(&staff).send().await;
        assert_eq!(settings.ok()["introductionDueDay"], 10);
        app.put("/api/v1/settings").token(&staff).if_match(&settings.etag()).json(&json!({ "introductionDueDay": 15 })).send().await.problem(403, "forbidden");
        let res = app
            .put("/api/v1/settings")
            .token(&office)
            .if_match(&settings.etag())
            .json(&json!({ "introductionDueDay": 31, "introductionsStart": "2026/04" }))
            .send()
            .await;
        assert_eq!(res.field_errors(), ["introductionDueDay:range", "introductionsStart:invalid_format"]);
        let changed = app.put("/api/v1/settings").token(&office).if_match(&settings.etag()).json(&json!({ "introductionDueDay": 28 })).send().await;
        assert_eq!(changed.ok()["introductionDueDay"], 28);
        app.put("/api/v1/settings").token(&office).if_match(&settings.etag()).json(&json!({ "introductionDueDay": 20 })).send().await.problem(412, "version_mismatch");
        let year = app.state.clock.today().year();
        let grid = app.get(&format!("/api/v1/introductions/grid?year={year}")).token(&office).send().await;
        assert_eq!(grid.ok()["dueDay"], 28);
        // Every day up to the 28th is on time now.
        let head = app.token("tgpl.truong").await;
        let exemplar = create_exemplar(&app, &staff, "TGPL", "Người đúng hạn").await;
        let sent = submitted(&app, &staff, &head, &this_month(), exemplar["id"].as_i64().unwrap()).await;
        assert_eq!(sent["onTime"], app.state.clock.today().day() <= 28);
    }
);
