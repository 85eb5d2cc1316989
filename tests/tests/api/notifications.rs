//! The Office's reminders of monthly introductions, and the bell where they arrive.

use chrono::{TimeZone, Utc};
use lantoa_tests::{TestApp, db_test};
use serde_json::{Value, json};

use crate::support::create_exemplar;

fn unit_of<'a>(result: &'a Value, list: &str, code: &str) -> Option<&'a Value> {
    result[list]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["unit"]["code"] == code)
}

async fn inbox(app: &TestApp, token: &str) -> Value {
    app.get("/api/v1/notifications")
        .token(token)
        .send()
        .await
        .ok()
        .clone()
}

db_test!(
    async fn the_office_reminds_units_that_owe_a_month_once_a_day(app) {
        // 15/12/2026, 10:00 in Vietnam: November is overdue, December's deadline (10th) has passed too.
        app.state.clock.set(Utc.with_ymd_and_hms(2026, 12, 15, 3, 0, 0).unwrap());
        let office = app.token("vanphong").await;
        let head = app.token("tgpl.truong").await;
        let staff = app.token("tgpl.canbo").await;

        let res = app.post("/api/v1/introductions/reminders").token(&office).json(&json!({ "month": "2026-11" })).send().await;
        let result = res.ok().clone();
        assert_eq!(result["month"], "2026-11");
        let tgpl = unit_of(&result, "reminded", "TGPL").expect("TGPL owes November");
        assert_eq!(tgpl["status"], "missing");
        assert_eq!(tgpl["notified"], 2, "its head and its staff");
        assert_eq!(result["notified"], 2, "no other unit has people yet");
        assert!(unit_of(&result, "reminded", "TTR").is_none(), "an inactive unit owes nothing");

        let mine = inbox(&app, &staff).await;
        assert_eq!(mine["unreadCount"], 1);
        let note = &mine["items"][0];
        assert_eq!(note["kind"], "introduction_reminder");
        assert_eq!(note["title"], "Nhắc giới thiệu điển hình tháng 11/2026");
        assert!(note["body"].as_str().unwrap().contains("đã quá hạn ngày 10/11/2026"), "{note}");
        assert_eq!(note["link"], "/gioi-thieu?month=2026-11");
        assert_eq!(note["readAt"], Value::Null);
        assert_eq!(inbox(&app, &office).await["total"], 0, "the Office is not reminded of its own reminder");

        // Again the same day: nobody is told twice. The next day: told again.
        let again = app.post("/api/v1/introductions/reminders").token(&office).json(&json!({ "month": "2026-11", "unitIds": [app.unit_id("TGPL").await] })).send().await;
        assert_eq!(unit_of(again.ok(), "reminded", "TGPL").unwrap()["notified"], 0);
        assert_eq!(inbox(&app, &head).await["total"], 1);
        app.state.clock.advance(chrono::Duration::days(1));
        let (office, head, staff) = (app.token("vanphong").await, app.token("tgpl.truong").await, app.token("tgpl.canbo").await);
        let next_day = app.post("/api/v1/introductions/reminders").token(&office).json(&json!({ "month": "2026-11" })).send().await;
        assert_eq!(next_day.ok()["notified"], 2);
        assert_eq!(inbox(&app, &head).await["unreadCount"], 2);

        // A unit that introduced someone for the month is skipped, not reminded.
        let exemplar = create_exemplar(&app, &staff, "TGPL", "Nguyễn Văn Nhắc").await;
        let draft = app
            .post("/api/v1/introductions")
            .token(&head)
            .json(&json!({
                "unitId": app.unit_id("TGPL").await,
                "month": "2026-12",
                "title": "Gương hòa giải viên tận tụy",
                "writeUp": "Anh đã hòa giải thành 40 vụ việc ở cơ sở, giữ gìn tình làng nghĩa xóm.",
                "exemplarIds": [exemplar["id"]]
            }))
            .send()
            .await;
        app.post(&format!("/api/v1/introductions/{}/submit", draft.body["id"])).token(&head).if_match(&draft.etag()).send().await.ok();
        let december = app.post("/api/v1/introductions/reminders").token(&office).json(&json!({ "month": "2026-12", "unitIds": [app.unit_id("TGPL").await, app.unit_id("VP").await] })).send().await;
        let december = december.ok().clone();
        assert_eq!(unit_of(&december, "skipped", "TGPL").unwrap()["status"], "late");
        assert_eq!(unit_of(&december, "reminded", "VP").unwrap()["status"], "missing");

        // The audit keeps what was sent.
        let admin = app.admin().await;
        let audit = app.get("/api/v1/audit?entityType=introduction").token(&admin).send().await;
        let reminders = audit.ok()["items"].as_array().unwrap().iter().filter(|e| e["action"] == "remind").count();
        assert_eq!(reminders, 4);
    }
);

db_test!(
    async fn reminders_are_checked_and_sent_only_by_the_office(app) {
        app.state.clock.set(Utc.with_ymd_and_hms(2026, 12, 5, 3, 0, 0).unwrap());
        let office = app.token("vanphong").await;
        let remind = |body: Value| app.post("/api/v1/introductions/reminders").token(&office).json(&body);
        assert_eq!(remind(json!({ "month": "2027-01" })).send().await.field_errors(), ["month:future_month"]);
        assert_eq!(remind(json!({ "month": "11/2026" })).send().await.field_errors(), ["month:invalid_format"]);
        assert_eq!(remind(json!({ "month": "2026-11", "unitIds": [] })).send().await.field_errors(), ["unitIds:length"]);
        let inactive = app.unit_id("TTR").await;
        assert_eq!(remind(json!({ "month": "2026-11", "unitIds": [inactive] })).send().await.field_errors(), ["unitIds:unknown_unit"]);

        // Before the 10th the current month is pending: reminded with its deadline.
        let result = remind(json!({ "month": "2026-12" })).send().await.ok().clone();
        assert_eq!(unit_of(&result, "reminded", "TGPL").unwrap()["status"], "pending");
        let staff = app.token("tgpl.canbo").await;
        let mine = inbox(&app, &staff).await;
        assert!(mine["items"][0]["body"].as_str().unwrap().contains("hạn gửi là ngày 10/12/2026"));

        for user in ["tgpl.truong", "lanhdao", "admin"] {
            let token = app.token(user).await;
            app.post("/api/v1/introductions/reminders").token(&token).json(&json!({ "month": "2026-11" })).send().await.problem(403, "forbidden");
        }
    }
);

db_test!(
    async fn people_read_and_mark_only_their_own_notifications(app) {
        app.state.clock.set(Utc.with_ymd_and_hms(2026, 12, 15, 3, 0, 0).unwrap());
        let office = app.token("vanphong").await;
        for month in ["2026-10", "2026-11"] {
            app.post("/api/v1/introductions/reminders").token(&office).json(&json!({ "month": month })).send().await.ok();
        }
        let staff = app.token("tgpl.canbo").await;
        let head = app.token("tgpl.truong").await;
        let mine = inbox(&app, &staff).await;
        assert_eq!((mine["total"].as_i64(), mine["unreadCount"].as_i64()), (Some(2), Some(2)));
        assert_eq!(mine["items"][0]["title"], "Nhắc giới thiệu điển hình tháng 11/2026", "newest first");
        let id = mine["items"][0]["id"].as_i64().unwrap();

        // Someone else's notification is not found, and nothing is marked.
        let mark = |token: &str, ids: Value| app.post("/api/v1/notifications/read").token(token).json(&json!({ "ids": ids }));
        mark(&head, json!([id])).send().await.problem(404, "not_found");
        mark(&office, json!([id])).send().await.problem(404, "not_found");
        let head_note = inbox(&app, &head).await["items"][0]["id"].clone();
        mark(&staff, json!([id, head_note])).send().await.problem(404, "not_found");
        let count = app.get("/api/v1/notifications/unread-count").token(&staff).send().await;
        assert_eq!(count.ok()["unreadCount"], 2);
        assert_eq!(mark(&staff, json!([])).send().await.field_errors(), ["ids:length"]);

        app.state.clock.advance(chrono::Duration::minutes(2));
        let read = mark(&staff, json!([id])).send().await;
        assert_eq!(read.ok()["unreadCount"], 1);
        let read_at = inbox(&app, &staff).await["items"][0]["readAt"].clone();
        assert_eq!(read_at, "2026-12-15T03:02:00Z");
        app.state.clock.advance(chrono::Duration::minutes(1));
        mark(&staff, json!([id])).send().await.ok();
        assert_eq!(inbox(&app, &staff).await["items"][0]["readAt"], read_at, "read once, at the first time");
        let unread = app.get("/api/v1/notifications?unread=true").token(&staff).send().await;
        assert_eq!(unread.ok()["total"], 1);
        assert_eq!(unread.ok()["unreadCount"], 1);

        let res = app.post("/api/v1/notifications/read-all").token(&staff).send().await;
        assert_eq!(res.status, 204);
        assert_eq!(inbox(&app, &staff).await["unreadCount"], 0);
        assert_eq!(inbox(&app, &head).await["unreadCount"], 2, "marking mine does not mark theirs");

        app.get("/api/v1/notifications?pageSize=101").token(&staff).send().await.problem(422, "validation_failed");
        let integration = app.integration_token(&["exemplars:read"]).await;
        app.get("/api/v1/notifications").token(&integration).send().await.problem(403, "forbidden");
    }
);
