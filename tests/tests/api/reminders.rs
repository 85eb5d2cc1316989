//! Reminders of obligations: due at the settings' offsets, sent in the app and by e-mail (to an
//! SMTP sink the test starts), each exactly once across passes, restarts and two servers sharing
//! the database.

use diesel::prelude::*;
use lantoa::db::schema::{email_outbox, notifications, reminder_claims, users};
use lantoa::mail::config::{SmtpSettings, SmtpTls};
use lantoa::scheduler::{self, DeliveryConfig};
use lantoa_tests::{DbKind, TestApp, db_test_kind};
use serde_json::Value;

use crate::sinks::SmtpSink;
use crate::support::{obligations, submit_report, vietnam_time};

fn mailing(sink: &SmtpSink) -> DeliveryConfig {
    DeliveryConfig {
        smtp: Some(SmtpSettings {
            host: "127.0.0.1".to_owned(),
            port: sink.port,
            tls: SmtpTls::None,
            credentials: None,
            from: "Lan Tỏa – Sở Tư pháp <lantoa@stp.test>".parse().unwrap(),
            timeout: std::time::Duration::from_secs(5),
        }),
        public_url: Some("https://lantoa.stp.test".to_owned()),
        ..DeliveryConfig::default()
    }
}

/// The demo people of TGPL and the Office get addresses.
fn give_addresses(app: &TestApp) {
    app.db(|conn| {
        for (username, email) in [("tgpl.truong", "minh@tgpl.test"), ("tgpl.canbo", "thao@tgpl.test"), ("vanphong", "lan@stp.test")] {
            diesel::update(users::table.filter(users::username.eq(username)))
                .set(users::email.eq(Some(email)))
                .execute(conn)
                .unwrap();
        }
    });
}

fn count(app: &TestApp, table: &str) -> i64 {
    app.db(|conn| match table {
        "claims" => reminder_claims::table.count().get_result(conn).unwrap(),
        "emails" => email_outbox::table.count().get_result(conn).unwrap(),
        _ => notifications::table.filter(notifications::kind.eq("obligation_reminder")).count().get_result(conn).unwrap(),
    })
}

async fn inbox(app: &TestApp, username: &str) -> Value {
    let token = app.token(username).await;
    app.get("/api/v1/notifications").token(&token).send().await.ok().clone()
}

async fn start(kind: DbKind) -> (TestApp, SmtpSink) {
    let sink = SmtpSink::start().await;
    let app = TestApp::start_delivering(kind, mailing(&sink)).await;
    give_addresses(&app);
    (app, sink)
}

db_test_kind!(
    async fn reminders_go_out_once_in_the_app_and_by_email(kind) {
        let (app, sink) = start(kind).await;
        let tgpl = app.unit_id("TGPL").await;
        // 15/10/2026: five days before the units' annual reports (20/10).
        vietnam_time(&app, 2026, 10, 15, 8, 0);
        let office = app.token("vanphong").await;
        let owing = obligations(&app, &office, "kind=annual_report&period=2026&responsible=unit").await.len();
        assert!(owing >= 8, "{owing} units owe the report");

        let pass = scheduler::run_pass(&app.state).await.unwrap();
        assert_eq!(pass.reminders.due, owing, "{pass:?}");
        assert_eq!(pass.reminders.claimed, owing * 3, "in the app, by e-mail and as a webhook, for each");
        assert_eq!(pass.reminders.notifications, 2, "TGPL's head and staff; no other unit has people");
        assert_eq!(pass.reminders.emails, 2);
        assert_eq!(pass.emails.sent, 2);

        let mails = sink.mails();
        assert_eq!(mails.len(), 2);
        let mut to: Vec<String> = mails.iter().flat_map(|m| m.to.clone()).collect();
        to.sort();
        assert_eq!(to, ["minh@tgpl.test", "thao@tgpl.test"]);
        let minh = mails.iter().find(|m| m.to == ["minh@tgpl.test"]).unwrap();
        assert_eq!(minh.from, "lantoa@stp.test");
        assert_eq!(
            minh.header("Subject").unwrap(),
            "[Lan Tỏa] Sắp đến hạn: Báo cáo định kỳ năm 2026 – Trung tâm Trợ giúp pháp lý nhà nước tỉnh Đồng Tháp"
        );
        assert!(minh.header("To").unwrap().contains("Lê Văn Minh"), "{:?}", minh.header("To"));
        let body = minh.body();
        assert!(body.starts_with("Kính gửi Lê Văn Minh,"), "{body}");
        assert!(body.contains("hạn cuối ngày 20/10/2026 (còn 5 ngày)"), "{body}");
        assert!(body.contains(&format!("https://lantoa.stp.test/lich-bao-cao?key=annual_report:2026:{tgpl}")), "{body}");

        let head = inbox(&app, "tgpl.truong").await;
        assert_eq!(head["unreadCount"], 1);
        let note = &head["items"][0];
        assert_eq!(note["kind"], "obligation_reminder");
        assert_eq!(note["title"], "Sắp đến hạn: Báo cáo định kỳ năm 2026");
        assert_eq!(note["link"], format!("/lich-bao-cao?key=annual_report:2026:{tgpl}"));
        assert_eq!(inbox(&app, "vanphong").await["total"], 0, "the Office hears of units only once they are late");

        // The same day again, as after a restart: nothing more.
        let again = scheduler::run_pass(&app.state).await.unwrap();
        assert_eq!((again.reminders.claimed, again.reminders.already_claimed), (0, owing * 3));
        assert_eq!(sink.mails().len(), 2);
        assert_eq!(inbox(&app, "tgpl.truong").await["total"], 1);

        // 21/10: a day late. PBGDPL's report came in just before; TGPL's did not.
        vietnam_time(&app, 2026, 10, 21, 7, 30);
        let office = app.token("vanphong").await;
        let pbgdpl = app.unit_id("PBGDPL").await;
        assert_eq!(submit_report(&app, &office, "annual_report", Some(pbgdpl), "2026").await.status, 201);
        let late = scheduler::run_pass(&app.state).await.unwrap();
        assert_eq!(late.reminders.due, owing - 1);
        let claimed_for_pbgdpl: i64 = app.db(|conn| {
            reminder_claims::table
                .filter(reminder_claims::obligation_key.eq(format!("annual_report:2026:{pbgdpl}")))
                .filter(reminder_claims::offset_days.eq(1))
                .count()
                .get_result(conn)
                .unwrap()
        });
        assert_eq!(claimed_for_pbgdpl, 0, "a met obligation is not reminded of");
        let head = inbox(&app, "tgpl.truong").await;
        assert_eq!(head["items"][0]["title"], "Quá hạn: Báo cáo định kỳ năm 2026");
        assert!(head["items"][0]["body"].as_str().unwrap().contains("đã quá hạn 1 ngày"));
        let office_inbox = inbox(&app, "vanphong").await;
        let copies: Vec<&Value> = office_inbox["items"].as_array().unwrap().iter().filter(|n| n["kind"] == "obligation_reminder").collect();
        assert_eq!(copies.len(), owing - 1, "once late, the Office gets a copy for each unit");
        assert!(sink.mails().iter().any(|m| m.to == ["lan@stp.test"] && m.header("Subject").unwrap().contains("Quá hạn")));
    }
);

db_test_kind!(
    async fn two_servers_on_one_database_send_each_reminder_once(kind) {
        let (app, sink) = start(kind).await;
        let other = app.second_instance().await;
        vietnam_time(&app, 2026, 10, 15, 8, 0);
        let (a, b) = futures_util::join!(scheduler::run_pass(&app.state), scheduler::run_pass(&other.state));
        let (a, b) = (a.unwrap(), b.unwrap());
        assert_eq!(a.reminders.due, b.reminders.due);
        let channels = a.reminders.due * 3;
        assert_eq!(a.reminders.claimed + b.reminders.claimed, channels, "{a:?} {b:?}");
        assert_eq!(count(&app, "claims"), channels as i64);
        assert_eq!(a.reminders.notifications + b.reminders.notifications, 2);
        assert_eq!(count(&app, "notifications"), 2);
        assert_eq!(count(&app, "emails"), 2);
        assert_eq!(a.emails.sent + b.emails.sent, 2);
        assert_eq!(sink.mails().len(), 2, "each e-mail sent by one server");

        // Both restart and run again, concurrently: nothing is sent twice.
        let (a, b) = futures_util::join!(scheduler::run_pass(&app.state), scheduler::run_pass(&other.state));
        let (a, b) = (a.unwrap(), b.unwrap());
        assert_eq!(a.reminders.claimed + b.reminders.claimed, 0);
        assert_eq!(a.emails.sent + b.emails.sent, 0);
        assert_eq!(sink.mails().len(), 2);
        assert_eq!(count(&app, "notifications"), 2);
        let statuses: Vec<String> = app.db(|conn| email_outbox::table.select(email_outbox::status).load(conn).unwrap());
        assert_eq!(statuses, ["sent", "sent"]);
    }
);
