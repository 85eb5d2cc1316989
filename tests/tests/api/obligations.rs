//! The reporting calendar: obligations computed from the settings, their deadlines in Vietnam
//! time (the 10th until 23:59:59 there, "before" read strictly or not, weekends and holidays kept
//! or skipped, month ends, 29 February 2028), their status over time and what fulfils them, who
//! sees which, and the downloads.

use lantoa_tests::{TestApp, db_test};
use serde_json::{Value, json};

use crate::support::{
    create_exemplar, obligation, obligations, set_calendar, submit_report, vietnam_time,
};

/// Submits an introduction of `unit` for `month` now: `writer` drafts it, `sender` sends it.
async fn introduce(app: &TestApp, writer: &str, sender: &str, unit: &str, month: &str) -> Value {
    let exemplar = create_exemplar(app, writer, unit, &format!("Người được giới thiệu {unit} {month}")).await;
    let draft = app
        .post("/api/v1/introductions")
        .token(writer)
        .json(&json!({
            "unitId": app.unit_id(unit).await,
            "month": month,
            "title": "Gương điển hình tiêu biểu của tháng",
            "writeUp": "Tận tụy với người dân, giải quyết nhanh và đúng hạn mọi hồ sơ được giao.",
            "exemplarIds": [exemplar["id"]]
        }))
        .send()
        .await;
    assert_eq!(draft.status, 201, "{}", draft.text);
    let sent = app
        .post(&format!("/api/v1/introductions/{}/submit", draft.body["id"]))
        .token(sender)
        .if_match(&draft.etag())
        .send()
        .await;
    sent.ok().clone()
}

db_test!(
    async fn the_10th_ends_at_midnight_in_vietnam_whatever_utc_says(app) {
        let tgpl = app.unit_id("TGPL").await;
        let hctp = app.unit_id("HCTP").await;
        let pbgdpl = app.unit_id("PBGDPL").await;
        // 10/11/2026 23:59 in Vietnam is still 16:59 UTC on the 10th.
        vietnam_time(&app, 2026, 11, 10, 23, 59);
        let (staff, head, office) = (app.token("tgpl.canbo").await, app.token("tgpl.truong").await, app.token("vanphong").await);
        let due_today = obligation(&app, &office, &format!("monthly_introduction:2026-11:{hctp}")).await;
        assert_eq!(due_today["status"], "due_soon");
        assert_eq!(due_today["dueOn"], "2026-11-10");
        assert_eq!(due_today["deadline"], "2026-11-10T16:59:59Z");
        assert_eq!(due_today["daysLeft"], 0);
        assert_eq!(due_today["statedRule"], "by");
        assert_eq!(due_today["link"], "/gioi-thieu?month=2026-11");
        introduce(&app, &staff, &head, "TGPL", "2026-11").await;
        let met = obligation(&app, &office, &format!("monthly_introduction:2026-11:{tgpl}")).await;
        assert_eq!(met["status"], "done_on_time");
        assert_eq!(met["fulfilledAt"], "2026-11-10T16:59:00Z");
        assert_eq!(met["fulfilment"][0]["kind"], "introduction");
        let introduction = met["fulfilment"][0]["href"].as_str().unwrap().to_owned();
        app.get(&introduction).token(&office).send().await.ok();

        // 11/11 00:01 in Vietnam: the 10th is over, though UTC still says the 10th.
        vietnam_time(&app, 2026, 11, 11, 0, 1);
        assert_eq!(app.state.clock.now().format("%Y-%m-%d").to_string(), "2026-11-10");
        let office = app.token("vanphong").await;
        introduce(&app, &office, &office, "PBGDPL", "2026-11").await;
        let late = obligation(&app, &office, &format!("monthly_introduction:2026-11:{pbgdpl}")).await;
        assert_eq!(late["status"], "done_late");
        let missing = obligation(&app, &office, &format!("monthly_introduction:2026-11:{hctp}")).await;
        assert_eq!(missing["status"], "missing");
        assert_eq!(missing["daysLeft"], -1);
        // The grid and the calendar agree.
        let grid = app.get("/api/v1/introductions/grid?year=2026").token(&office).send().await;
        let row = grid.ok()["rows"].as_array().unwrap().iter().find(|r| r["unit"]["code"] == "PBGDPL").unwrap().clone();
        assert_eq!(row["cells"][10]["status"], "late");
        assert_eq!(row["cells"][10]["dueOn"], "2026-11-10");
    }
);

db_test!(
    async fn deadlines_follow_the_settings(app) {
        vietnam_time(&app, 2026, 12, 1, 9, 0);
        let office = app.token("vanphong").await;
        let tgpl = app.unit_id("TGPL").await;
        let due = |o: &Value| o["dueOn"].as_str().unwrap().to_owned();

        // The plan: "before 20/5/2028" is until 19/5; the Office's reviews likewise.
        for (key, stated, last) in [
            (format!("midterm_review:2026-2028:{tgpl}"), "2028-05-20", "2028-05-19"),
            ("midterm_review:2026-2028:office".to_owned(), "2028-05-30", "2028-05-29"),
            (format!("final_review:2026-2030:{tgpl}"), "2030-07-20", "2030-07-19"),
            ("final_review:2026-2030:office".to_owned(), "2030-07-31", "2030-07-30"),
            (format!("annual_report:2030:{tgpl}"), "2030-10-20", "2030-10-20"),
            ("annual_report:2026:office".to_owned(), "2026-10-30", "2026-10-30"),
        ] {
            let o = obligation(&app, &office, &key).await;
            assert_eq!((o["statedDue"].as_str().unwrap(), due(&o).as_str()), (stated, last), "{key}");
        }
        let office_report = obligation(&app, &office, "annual_report:2026:office").await;
        assert_eq!(office_report["owedTo"], "Sở Nội vụ");
        assert_eq!(office_report["responsible"], "office");
        assert_eq!(office_report["unit"], Value::Null);
        assert_eq!(office_report["title"], "Báo cáo tổng hợp định kỳ năm 2026 gửi Sở Nội vụ");

        // 20/10/2030 is a Sunday and 10/5/2026 too: kept, until the setting moves them.
        assert_eq!(due(&obligation(&app, &office, &format!("monthly_introduction:2026-05:{tgpl}")).await), "2026-05-10");
        set_calendar(&app, &office, |s| s["moveToNextWorkingDay"] = json!(true)).await;
        assert_eq!(due(&obligation(&app, &office, &format!("annual_report:2030:{tgpl}")).await), "2030-10-21");
        assert_eq!(due(&obligation(&app, &office, &format!("monthly_introduction:2026-05:{tgpl}")).await), "2026-05-11");
        // A public holiday on the Monday pushes it to Tuesday.
        let holidays = app.get("/api/v1/public-holidays").token(&office).send().await;
        let mut days = holidays.ok()["days"].as_array().unwrap().clone();
        assert!(days.iter().any(|d| d["date"] == "2026-09-02" && d["name"] == "Quốc khánh"));
        days.push(json!({ "date": "2030-10-21", "name": "Nghỉ bù" }));
        let saved = app.put("/api/v1/public-holidays").token(&office).if_match(&holidays.etag()).json(&json!({ "days": days })).send().await;
        saved.ok();
        assert_eq!(due(&obligation(&app, &office, &format!("annual_report:2030:{tgpl}")).await), "2030-10-22");
        let twice = app.put("/api/v1/public-holidays").token(&office).if_match(&saved.etag())
            .json(&json!({ "days": [{ "date": "2027-01-01", "name": "Tết" }, { "date": "2027-01-01", "name": "Tết" }] })).send().await;
        assert_eq!(twice.field_errors(), ["days[1].date:duplicate"]);

        // Month ends: with the 28th as the due day, Sunday 28/2/2027 moves into March; 28/2/2028 is a Monday.
        let programme = app.get("/api/v1/settings").token(&office).send().await;
        app.put("/api/v1/settings").token(&office).if_match(&programme.etag()).json(&json!({ "introductionDueDay": 28 })).send().await.ok();
        assert_eq!(due(&obligation(&app, &office, &format!("monthly_introduction:2027-02:{tgpl}")).await), "2027-03-01");
        assert_eq!(due(&obligation(&app, &office, &format!("monthly_introduction:2028-02:{tgpl}")).await), "2028-02-28");

        // "Before" read inclusively; and a deadline before 1/3/2028 is 29/2 in the leap year.
        set_calendar(&app, &office, |s| {
            s["moveToNextWorkingDay"] = json!(false);
            s["beforeInclusive"] = json!(true);
        }).await;
        assert_eq!(due(&obligation(&app, &office, &format!("midterm_review:2026-2028:{tgpl}")).await), "2028-05-20");
        set_calendar(&app, &office, |s| {
            s["beforeInclusive"] = json!(false);
            s["midtermReview"]["unitBefore"] = json!("2028-03-01");
        }).await;
        let leap = obligation(&app, &office, &format!("midterm_review:2026-2028:{tgpl}")).await;
        assert_eq!(due(&leap), "2028-02-29");
        assert_eq!(leap["deadline"], "2028-02-29T16:59:59Z");

        // Bad settings are refused field by field; writes need the version read.
        let current = app.get("/api/v1/calendar/settings").token(&office).send().await;
        let mut bad = current.body.clone();
        bad["unitAnnualReport"] = json!({ "month": 2, "day": 29 });
        bad["reminderOffsets"] = json!([1, 1, 99]);
        bad["dueSoonDays"] = json!(61);
        bad["finalReview"]["officeBefore"] = json!("2030-01-01");
        let res = app.put("/api/v1/calendar/settings").token(&office).if_match(&current.etag()).json(&bad).send().await;
        let errors = res.field_errors();
        for expected in ["unitAnnualReport:invalid_date", "reminderOffsets:duplicate", "reminderOffsets[2]:range", "dueSoonDays:range", "finalReview.officeBefore:before_units"] {
            assert!(errors.contains(&expected.to_owned()), "{expected} in {errors:?}");
        }
        app.put("/api/v1/calendar/settings").token(&office).json(&current.body).send().await.problem(428, "precondition_required");
        app.put("/api/v1/calendar/settings").token(&office).if_match("\"1\"").json(&current.body).send().await.problem(412, "version_mismatch");
        let head = app.token("tgpl.truong").await;
        app.put("/api/v1/calendar/settings").token(&head).if_match(&current.etag()).json(&current.body).send().await.problem(403, "forbidden");
    }
);

db_test!(
    async fn a_report_obligation_over_time(app) {
        let tgpl = app.unit_id("TGPL").await;
        let key = format!("annual_report:2026:{tgpl}");
        vietnam_time(&app, 2026, 10, 1, 9, 0);
        let office = app.token("vanphong").await;
        let o = obligation(&app, &office, &key).await;
        assert_eq!((o["status"].as_str(), o["daysLeft"].as_i64()), (Some("upcoming"), Some(19)));
        assert_eq!(o["title"], "Báo cáo định kỳ năm 2026");
        assert_eq!(o["owedTo"], "Văn phòng Sở");
        vietnam_time(&app, 2026, 10, 13, 9, 0);
        let office = app.token("vanphong").await;
        assert_eq!(obligation(&app, &office, &key).await["status"], "due_soon", "7 days before");

        vietnam_time(&app, 2026, 10, 19, 16, 0);
        let (head, office) = (app.token("tgpl.truong").await, app.token("vanphong").await);
        let sent = submit_report(&app, &head, "annual_report", Some(tgpl), "2026").await;
        assert_eq!(sent.status, 201, "{}", sent.text);
        assert_eq!(sent.body["status"], "submitted");
        assert_eq!(sent.body["onTime"], true);
        assert_eq!(sent.body["obligationKey"], key);
        assert_eq!(sent.body["allowedActions"], json!([]));
        let seen = app.get(&format!("/api/v1/report-submissions/{}", sent.body["id"])).token(&office).send().await;
        assert_eq!(seen.ok()["allowedActions"], json!(["accept", "return"]));
        let o = obligation(&app, &office, &key).await;
        assert_eq!(o["status"], "done_on_time");
        assert_eq!(o["fulfilment"][0]["kind"], "report_submission");
        assert_eq!(o["fulfilment"][0]["href"], format!("/api/v1/report-submissions/{}", sent.body["id"]));
        assert_eq!(o["fulfilledAt"], "2026-10-19T09:00:00Z");
        let told = app.get("/api/v1/notifications").token(&office).send().await;
        assert_eq!(told.ok()["items"][0]["kind"], "report_update", "the Office hears of it");

        // Returned on the last day: the obligation is open again.
        vietnam_time(&app, 2026, 10, 20, 10, 0);
        let (head, office) = (app.token("tgpl.truong").await, app.token("vanphong").await);
        let id = sent.body["id"].as_i64().unwrap();
        let path = |action: &str| format!("/api/v1/report-submissions/{id}/{action}");
        app.post(&path("return")).token(&office).if_match(&sent.etag()).json(&json!({})).send().await.problem(422, "validation_failed");
        let returned = app.post(&path("return")).token(&office).if_match(&sent.etag()).json(&json!({ "note": "Bổ sung số liệu phần II." })).send().await;
        assert_eq!(returned.ok()["status"], "returned");
        assert_eq!(returned.body["decisionNote"], "Bổ sung số liệu phần II.");
        let o = obligation(&app, &office, &key).await;
        assert_eq!(o["status"], "due_soon");
        assert_eq!(o["fulfilledAt"], Value::Null);
        assert_eq!(o["fulfilment"][0]["status"], "returned");
        let inbox = app.get("/api/v1/notifications").token(&head).send().await;
        assert_eq!(inbox.ok()["items"][0]["title"], "Báo cáo định kỳ hằng năm 2026 bị trả lại");

        vietnam_time(&app, 2026, 10, 21, 8, 0);
        let office = app.token("vanphong").await;
        assert_eq!(obligation(&app, &office, &key).await["status"], "missing");
        vietnam_time(&app, 2026, 10, 22, 8, 0);
        let (head, office) = (app.token("tgpl.truong").await, app.token("vanphong").await);
        let again = app.post(&path("resubmit")).token(&head).if_match(&returned.etag()).json(&json!({ "note": "Đã bổ sung." })).send().await;
        assert_eq!(again.ok()["status"], "submitted");
        assert_eq!(again.body["onTime"], false);
        assert_eq!(obligation(&app, &office, &key).await["status"], "done_late");
        let accepted = app.post(&path("accept")).token(&office).if_match(&again.etag()).json(&json!({})).send().await;
        assert_eq!(accepted.ok()["status"], "accepted");
        assert_eq!(obligation(&app, &office, &key).await["status"], "done_late");

        // The Office's own report goes to Sở Nội vụ; the leadership decides on it.
        vietnam_time(&app, 2026, 10, 30, 15, 0);
        let (office, leader) = (app.token("vanphong").await, app.token("lanhdao").await);
        let own = submit_report(&app, &office, "annual_report", None, "2026").await;
        assert_eq!(own.status, 201, "{}", own.text);
        assert_eq!(obligation(&app, &office, "annual_report:2026:office").await["status"], "done_on_time");
        let own_id = own.body["id"].as_i64().unwrap();
        app.post(&format!("/api/v1/report-submissions/{own_id}/accept")).token(&office).if_match(&own.etag()).json(&json!({})).send().await.problem(403, "forbidden");
        let decided = app.post(&format!("/api/v1/report-submissions/{own_id}/accept")).token(&leader).if_match(&own.etag()).json(&json!({ "note": "Đồng ý gửi Sở Nội vụ." })).send().await;
        assert_eq!(decided.ok()["status"], "accepted");

        // What cannot be submitted.
        let head = app.token("tgpl.truong").await;
        let pbgdpl = app.unit_id("PBGDPL").await;
        submit_report(&app, &head, "annual_report", Some(pbgdpl), "2026").await.problem(403, "outside_unit_scope");
        submit_report(&app, &head, "annual_report", None, "2026").await.problem(403, "forbidden");
        submit_report(&app, &head, "annual_report", Some(tgpl), "2026").await.problem(409, "conflict");
        assert_eq!(submit_report(&app, &head, "monthly_introduction", Some(tgpl), "2026-10").await.field_errors(), ["kind:not_a_report"]);
        assert_eq!(submit_report(&app, &head, "annual_report", Some(tgpl), "2031").await.field_errors(), ["period:unknown_period"]);
        assert_eq!(submit_report(&app, &head, "annual_report", Some(tgpl), "2027").await.field_errors(), ["period:period_not_started"]);
        let ttr = app.unit_id("TTR").await;
        assert_eq!(submit_report(&app, &office, "annual_report", Some(ttr), "2026").await.field_errors(), ["unitId:inactive"]);
        // A unit head cannot see the Office's own report.
        app.get(&format!("/api/v1/report-submissions/{own_id}")).token(&head).send().await.problem(404, "not_found");
        let mine = app.get("/api/v1/report-submissions").token(&head).send().await;
        assert_eq!(mine.ok()["total"], 1);
    }
);

db_test!(
    async fn each_role_sees_its_obligations(app) {
        // A unit created on 15/9/2026 owes from October on.
        vietnam_time(&app, 2026, 9, 15, 9, 0);
        let admin = app.admin().await;
        let department = app.unit_id("STP").await;
        let created = app.post("/api/v1/units").token(&admin).json(&crate::support::unit_body("CNTGPL", "Chi nhánh Trợ giúp pháp lý số 1", department)).send().await;
        assert_eq!(created.status, 201, "{}", created.text);
        let branch = created.body["id"].as_i64().unwrap();
        vietnam_time(&app, 2026, 10, 15, 9, 0);
        let (head, office, leader, admin) = (app.token("tgpl.truong").await, app.token("vanphong").await, app.token("lanhdao").await, app.admin().await);
        let tgpl = app.unit_id("TGPL").await;

        let all = obligations(&app, &office, "from=2026-01-01&to=2026-12-31").await;
        let months: Vec<&str> = all.iter().filter(|o| o["unit"]["id"] == branch && o["kind"] == "monthly_introduction").map(|o| o["period"].as_str().unwrap()).collect();
        assert_eq!(months, ["2026-10", "2026-11", "2026-12"]);
        assert!(all.iter().any(|o| o["key"] == format!("annual_report:2026:{branch}")), "due in October: owed");
        assert!(all.iter().all(|o| o["unit"]["code"] != "TTR" && o["unit"]["code"] != "STP"), "inactive units and the Department owe nothing");
        assert!(all.iter().any(|o| o["responsible"] == "office"));
        let months_tgpl = all.iter().filter(|o| o["unit"]["id"] == tgpl && o["kind"] == "monthly_introduction").count();
        assert_eq!(months_tgpl, 9, "April to December 2026: the programme starts in April");
        let due: Vec<&str> = all.iter().map(|o| o["dueOn"].as_str().unwrap()).collect();
        assert!(due.windows(2).all(|w| w[0] <= w[1]), "by deadline");

        let mine = obligations(&app, &head, "from=2026-01-01&to=2026-12-31").await;
        assert!(!mine.is_empty());
        assert!(mine.iter().all(|o| o["unit"]["id"] == tgpl), "unit roles see their unit's only");
        let other = obligations(&app, &head, &format!("unitId={branch}&from=2026-01-01&to=2026-12-31")).await;
        assert!(other.iter().all(|o| o["unit"]["id"] == tgpl));
        for token in [&leader, &admin] {
            assert_eq!(obligations(&app, token, "from=2026-01-01&to=2026-12-31").await.len(), all.len());
        }
        let reports = app.integration_token(&["reports:read"]).await;
        let total = app.get("/api/v1/obligations?from=2026-01-01&to=2026-12-31").token(&reports).send().await;
        assert_eq!(total.ok()["total"].as_u64(), Some(all.len() as u64));
        let exemplars_only = app.integration_token(&["exemplars:read"]).await;
        let refused = app.get("/api/v1/obligations").token(&exemplars_only).send().await;
        refused.problem(403, "forbidden");
        assert!(refused.body["detail"].as_str().unwrap().contains("reports:read"));

        // Filters.
        let missing = obligations(&app, &office, "status=missing").await;
        assert!(!missing.is_empty() && missing.iter().all(|o| o["status"] == "missing" && o["daysLeft"].as_i64().unwrap() < 0));
        let office_own = obligations(&app, &office, "responsible=office").await;
        assert!(office_own.iter().all(|o| o["unit"].is_null()));
        assert_eq!(office_own.len(), 7, "five annual reports and two reviews");
        let october = obligations(&app, &office, "kind=annual_report&period=2026&responsible=unit").await;
        assert!(october.iter().all(|o| o["dueOn"] == "2026-10-20" && o["status"] == "due_soon"));
        let res = app.get("/api/v1/obligations?from=2026-12-01&to=2026-11-01").token(&office).send().await;
        assert_eq!(res.field_errors(), ["to:before_from"]);
        let res = app.get("/api/v1/obligations?status=late").token(&office).send().await;
        assert!(res.status == 400 || res.status == 422, "{}", res.text);

        // The downloads: every match, as CSV (UTF-8 with BOM) and as Excel.
        let csv = app.get("/api/v1/obligations/export?format=csv&from=2026-01-01&to=2026-12-31").token(&office).send().await;
        assert_eq!(csv.status, 200);
        assert!(csv.header("content-type").unwrap().starts_with("text/csv"));
        assert!(csv.text.starts_with("\u{feff}STT,Nội dung,Đơn vị thực hiện"));
        assert_eq!(csv.text.lines().count(), all.len() + 1);
        assert!(csv.text.contains("Báo cáo tổng hợp định kỳ năm 2026 gửi Sở Nội vụ,Văn phòng Sở,Sở Nội vụ,2026,30/10/2026,30/10/2026,Chưa đến hạn,,15"));
        let xlsx = reqwest::Client::new()
            .get(app.url("/api/v1/obligations/export?from=2026-10-01&to=2026-10-31"))
            .bearer_auth(&head)
            .send()
            .await
            .unwrap();
        assert!(xlsx.headers()["content-disposition"].to_str().unwrap().contains(".xlsx"));
        let bytes = xlsx.bytes().await.unwrap().to_vec();
        use calamine::Reader;
        let mut book = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        let sheet = book.worksheet_range("Lịch báo cáo").unwrap();
        let rows: Vec<Vec<String>> = sheet.rows().map(|r| r.iter().map(|c| c.to_string()).collect()).collect();
        assert_eq!(rows[2][1], "Nội dung");
        let titles: Vec<&str> = rows[3..].iter().map(|r| r[1].as_str()).collect();
        assert_eq!(titles, ["Giới thiệu gương điển hình tháng 10/2026", "Báo cáo định kỳ năm 2026"], "the unit head's own, in October");
        assert!(matches!(sheet.get((4, 6)), Some(calamine::Data::DateTime(_))), "deadlines are date cells");
    }
);
