//! The dashboard: its figures are the reports' for the same period, its month-by-month timeline
//! adds up to them, its grid and obligations are the caller's scope, and it is read only by
//! signed-in officials of the right unit.

use std::collections::BTreeMap;

use lantoa_tests::{TestApp, db_test};
use serde_json::{Value, json};

use crate::reports::{EXEMPLARS, counted, seed};
use crate::support::{confirmed, exemplar_body, vietnam_time};

async fn dashboard(app: &TestApp, token: &str, query: &str) -> Value {
    app.get(&format!("/api/v1/dashboard?{query}"))
        .token(token)
        .send()
        .await
        .ok()
        .clone()
}

async fn figures(app: &TestApp, token: &str, query: &str) -> Value {
    app.get(&format!("/api/v1/report-figures?{query}"))
        .token(token)
        .send()
        .await
        .ok()
        .clone()
}

/// `figures` without the moment they were computed (two requests differ only there).
fn timeless(mut figures: Value) -> Value {
    figures["computedAt"] = Value::Null;
    figures
}

/// Per category: how many of the timeline's months of `year` count.
fn timeline_by_category(dashboard: &Value, year: &str) -> BTreeMap<String, i64> {
    let mut out = BTreeMap::new();
    for month in dashboard["timeline"].as_array().unwrap() {
        if !month["month"].as_str().unwrap().starts_with(year) {
            continue;
        }
        for c in month["byCategory"].as_array().unwrap() {
            *out.entry(c["key"].as_str().unwrap().to_owned())
                .or_default() += c["count"].as_i64().unwrap();
        }
    }
    out
}

fn counts(list: &Value) -> BTreeMap<String, i64> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["key"].as_str().unwrap().to_owned(),
                c["count"].as_i64().unwrap(),
            )
        })
        .collect()
}

db_test!(
    async fn the_dashboard_shows_the_reports_figures_and_a_timeline_that_adds_up_to_them(app) {
        // 15/01/2027: the whole of 2026 and January 2027 are in the timeline.
        vietnam_time(&app, 2027, 1, 15, 9, 0);
        seed(&app);
        let office = app.token("vanphong").await;
        let leader = app.token("lanhdao").await;

        let board = dashboard(&app, &office, "year=2026").await;
        assert_eq!((board["year"].as_i64(), board["firstYear"].as_i64(), board["lastYear"].as_i64()), (Some(2026), Some(2026), Some(2030)));
        assert!(board["unit"].is_null());
        assert_eq!(board["today"], "2027-01-15");
        let year = figures(&app, &office, "from=2026-01-01&to=2026-12-31").await;
        assert_eq!(timeless(board["yearFigures"].clone()), timeless(year.clone()));
        let plan = figures(&app, &office, "from=2026-01-01&to=2030-12-31").await;
        assert_eq!(timeless(board["planFigures"].clone()), timeless(plan));

        // Every month from 01/2026 to the current one, zero-filled, counted by the fixture's own
        // list (submitted and confirmed records by their discovery day).
        let months: Vec<&str> = board["timeline"].as_array().unwrap().iter().map(|m| m["month"].as_str().unwrap()).collect();
        assert_eq!(months.len(), 13);
        assert_eq!((months[0], months[12]), ("2026-01", "2027-01"));
        for month in board["timeline"].as_array().unwrap() {
            let key = month["month"].as_str().unwrap();
            let expected = EXEMPLARS
                .iter()
                .filter(|e| counted(e, &format!("{key}-01"), &format!("{key}-31")))
                .count() as i64;
            assert_eq!(month["discovered"].as_i64(), Some(expected), "{key}");
            let movements: i64 = EXEMPLARS
                .iter()
                .filter(|e| counted(e, &format!("{key}-01"), &format!("{key}-31")))
                .map(|e| e.movements as i64)
                .sum();
            let shown: i64 = month["byMovement"].as_array().unwrap().iter().map(|c| c["count"].as_i64().unwrap()).sum();
            assert_eq!(shown, movements, "{key}");
            assert!(month["byMovement"].as_array().unwrap().iter().all(|c| c["count"].as_i64().unwrap() > 0));
            assert_eq!(month["byStage"].as_array().unwrap().len(), year["exemplars"]["byStage"].as_array().unwrap().len(), "every stage is listed");
        }
        // The year's months add up to the year's figures: a chart and the report agree.
        assert_eq!(timeline_by_category(&board, "2026"), counts(&year["exemplars"]["byCategory"]));
        assert!(year["exemplars"]["discovered"].as_i64().unwrap() > 0);

        // The grid of the year and the open obligations, first by deadline.
        assert_eq!(board["introductions"]["year"], 2026);
        let units_in_grid = board["introductions"]["rows"].as_array().unwrap().len();
        assert!(units_in_grid > 1);
        let overdue = board["obligations"]["overdue"].as_array().unwrap();
        assert!(board["obligations"]["overdueTotal"].as_i64().unwrap() >= overdue.len() as i64);
        assert!(overdue.len() <= 10 && !overdue.is_empty(), "no unit introduced in 2026: {overdue:?}");
        assert!(overdue.iter().all(|o| o["status"] == "missing"));
        let due: Vec<&str> = overdue.iter().map(|o| o["dueOn"].as_str().unwrap()).collect();
        assert!(due.windows(2).all(|w| w[0] <= w[1]), "{due:?}");
        assert!(board["obligations"]["dueSoon"].as_array().unwrap().iter().all(|o| o["status"] == "due_soon"));

        // The leader sees the same; one unit on request; another year.
        assert_eq!(timeless(dashboard(&app, &leader, "year=2026").await["yearFigures"].clone()), timeless(year));
        let tgpl = app.unit_id("TGPL").await;
        let one = dashboard(&app, &office, &format!("year=2026&unitId={tgpl}")).await;
        assert_eq!(one["unit"]["code"], "TGPL");
        assert_eq!(one["introductions"]["rows"].as_array().unwrap().len(), 1);
        assert!(one["obligations"]["overdue"].as_array().unwrap().iter().all(|o| o["unit"]["id"].as_i64() == Some(tgpl)));
        let tgpl_2026 = EXEMPLARS.iter().filter(|e| e.unit == "TGPL" && counted(e, "2026-01-01", "2026-12-31")).count() as i64;
        assert_eq!(one["yearFigures"]["exemplars"]["discovered"].as_i64(), Some(tgpl_2026));
        let next = dashboard(&app, &office, "year=2027").await;
        assert_eq!(next["yearFigures"]["from"], "2027-01-01");
        assert_eq!(next["introductions"]["year"], 2027);
        // Without a year: this year in Vietnam.
        assert_eq!(dashboard(&app, &office, "").await["year"], 2027);
    }
);

db_test!(
    async fn unit_roles_see_their_unit_and_nobody_else_reads_the_dashboard(app) {
        vietnam_time(&app, 2026, 11, 15, 9, 0);
        seed(&app);
        let tgpl = app.unit_id("TGPL").await;
        let hctp = app.unit_id("HCTP").await;
        let head = app.token("tgpl.truong").await;
        let own = dashboard(&app, &head, "year=2026").await;
        assert_eq!(own["unit"]["id"].as_i64(), Some(tgpl));
        assert_eq!(own["introductions"]["rows"].as_array().unwrap().len(), 1);
        assert_eq!(own["introductions"]["rows"][0]["unit"]["id"].as_i64(), Some(tgpl));
        for list in ["overdue", "dueSoon"] {
            assert!(own["obligations"][list].as_array().unwrap().iter().all(|o| o["unit"]["id"].as_i64() == Some(tgpl)));
        }
        let same = dashboard(&app, &head, &format!("year=2026&unitId={tgpl}")).await;
        assert_eq!(timeless(same["yearFigures"].clone()), timeless(own["yearFigures"].clone()));
        app.get(&format!("/api/v1/dashboard?unitId={hctp}")).token(&head).send().await.problem(403, "outside_unit_scope");

        // Bad input: a clear problem naming the field.
        let office = app.token("vanphong").await;
        for bad in ["year=1999", "year=2101"] {
            let res = app.get(&format!("/api/v1/dashboard?{bad}")).token(&office).send().await;
            assert_eq!(res.problem(422, "validation_failed")["errors"][0]["field"], "year", "{bad}");
        }
        for (bad, field) in [("year=abc", "year"), ("unitId=x", "unitId")] {
            let res = app.get(&format!("/api/v1/dashboard?{bad}")).token(&office).send().await;
            assert_eq!(res.problem(400, "invalid_query")["errors"][0]["field"], field, "{bad}");
        }
        // Provincial systems read figures through `/report-figures`, not the dashboard.
        let integration = app.integration_token(&["reports:read"]).await;
        app.get("/api/v1/dashboard").token(&integration).send().await.problem(403, "forbidden");
        assert_eq!(app.get("/api/v1/dashboard").send().await.status, 401);
    }
);

fn discovered_in(dashboard: &Value, month: &str) -> i64 {
    dashboard["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["month"] == month)
        .map_or(0, |m| m["discovered"].as_i64().unwrap())
}

db_test!(
    async fn kept_figures_are_reused_until_any_instance_changes_the_data_or_the_day_turns(app) {
        vietnam_time(&app, 2026, 6, 15, 9, 0);
        let office = app.token("vanphong").await;
        let staff = app.token("tgpl.canbo").await;
        let head = app.token("tgpl.truong").await;
        let period = "from=2026-01-01&to=2026-12-31";
        let first = figures(&app, &office, period).await;
        let board = dashboard(&app, &office, "year=2026").await;

        // Nothing changed, minutes later: the same figures, computed at the first request.
        vietnam_time(&app, 2026, 6, 15, 9, 5);
        let again = figures(&app, &office, period).await;
        assert_eq!(again, first);
        assert_eq!(board["yearFigures"], first);

        // An exemplar of March confirmed through another instance: this one counts it at once,
        // in the figures and in the dashboard's timeline.
        let other = app.second_instance().await;
        let mut body = exemplar_body(app.unit_id("TGPL").await, "Đặng Thị Mới Đếm");
        body["discoveredOn"] = json!("2026-03-20");
        confirmed(&other, &staff, &head, &office, &body).await;
        let after = figures(&app, &office, period).await;
        assert_eq!(
            after["exemplars"]["discovered"].as_i64().unwrap(),
            first["exemplars"]["discovered"].as_i64().unwrap() + 1
        );
        assert_ne!(after["computedAt"], first["computedAt"]);
        let board_after = dashboard(&app, &office, "year=2026").await;
        assert_eq!(discovered_in(&board_after, "2026-03"), discovered_in(&board, "2026-03") + 1);
        assert_eq!(timeless(board_after["yearFigures"].clone()), timeless(after.clone()));

        // The next day the introductions are judged again: computed afresh.
        vietnam_time(&app, 2026, 6, 16, 9, 0);
        let office = app.token("vanphong").await;
        let next_day = figures(&app, &office, period).await;
        assert_ne!(next_day["computedAt"], after["computedAt"]);
        assert_eq!(next_day["exemplars"], after["exemplars"]);
    }
);
