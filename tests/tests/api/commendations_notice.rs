//! The public notice: while a proposal is in notice its eligible nominees (name, workplace,
//! achievement, nothing else) are public without signing in; comments are taken until the end,
//! rate-limited per client address, shown once the Office approves them, never with their
//! contact details; a proposal not in notice is "not found" through every public endpoint.

use lantoa_tests::{TestApp, db_test};
use serde_json::{Value, json};

use crate::commendations_support::*;
use crate::support::etag_of;

async fn in_notice(app: &TestApp, t: &Tokens, names: &[&str]) -> Value {
    let tgpl = app.unit_id("TGPL").await;
    let mut nominees: Vec<Value> = names.iter().map(|n| person(n, tgpl)).collect();
    nominees[0]["jobTitle"] = json!("Trợ giúp viên pháp lý hạng II");
    let body = body(app, &t.head, "TGPL", "BK-UBND", "regular", nominees).await;
    let sent = submitted(app, t, &body).await;
    let received = step(app, &t.office, &sent, "receive", json!({})).await;
    let ids = nominee_ids(&received);
    // The last nominee is found not eligible: it is not published.
    let mut verdicts: Vec<Value> = ids
        .iter()
        .map(|id| json!({ "nomineeId": id, "eligible": true }))
        .collect();
    if ids.len() > 1 {
        *verdicts.last_mut().unwrap() = json!({ "nomineeId": ids.last(), "eligible": false, "reason": "Chưa đủ thời gian công tác." });
    }
    let done = step(
        app,
        &t.office,
        &received,
        "review",
        json!({ "nominees": verdicts }),
    )
    .await;
    step(app, &t.office, &done, "start-notice", json!({})).await
}

fn comment(name: &str, text: &str) -> Value {
    json!({ "authorName": name, "contact": "0909 123 456 – nguoidan@example.vn", "body": text })
}

db_test!(
    async fn nominees_in_notice_are_public_and_nothing_else(app) {
        let t = Tokens::new(&app).await;
        let notice = in_notice(&app, &t, &["Trương Công Khai", "Mai Không Đủ"]).await;
        let id = notice["id"].as_i64().unwrap();
        let list = app.get("/api/v1/public/commendation-notices").send().await;
        let listed = list.ok().as_array().unwrap().clone();
        assert_eq!(listed.len(), 1);
        let one = app.get(&format!("/api/v1/public/commendation-notices/{id}")).send().await;
        let public = one.ok().clone();
        assert_eq!(public, listed[0]);
        let nominees = public["nominees"].as_array().unwrap();
        assert_eq!(nominees.len(), 1, "only the eligible nominee is published");
        let keys: Vec<&String> = nominees[0].as_object().unwrap().keys().collect();
        assert_eq!(keys, ["achievement", "fullName", "id", "subjectKind", "workplace"]);
        assert_eq!(nominees[0]["fullName"], "Trương Công Khai");
        for secret in ["Trợ giúp viên pháp lý hạng II", "Mai Không Đủ", "Chưa đủ thời gian", "unitId", "review", "checks", "attachments", "timeline"] {
            assert!(!one.text.contains(secret), "{secret} is not public: {}", one.text);
        }
        assert_eq!(public["acceptingComments"], true);
        assert!(public["awardName"].as_str().unwrap().contains("Bằng khen"));
    }
);

db_test!(
    async fn proposals_not_in_notice_are_not_found_through_every_public_endpoint(app) {
        let t = Tokens::new(&app).await;
        let tgpl = app.unit_id("TGPL").await;
        // A draft, a submitted, a reviewed, a closed notice, and an id that does not exist.
        let draft = create(&app, &t.head, &body(&app, &t.head, "TGPL", "BK-UBND", "regular", vec![person("Ẩn Danh Một", tgpl)]).await).await;
        let sent = submitted(&app, &t, &body(&app, &t.head, "TGPL", "BK-UBND", "regular", vec![person("Ẩn Danh Hai", tgpl)]).await).await;
        let done = reviewed(&app, &t, &body(&app, &t.head, "TGPL", "BK-UBND", "regular", vec![person("Ẩn Danh Ba", tgpl)]).await).await;
        let ended = in_notice(&app, &t, &["Ẩn Danh Bốn"]).await;
        end_notice(&app, ended["id"].as_i64().unwrap());
        let ended = fetch(&app, &t.office, &ended).await;
        let closed = step(&app, &t.office, &ended, "close-notice", json!({})).await;
        assert_eq!(closed["state"], "in_council");
        // A notice that starts tomorrow is not public yet.
        let later = reviewed(&app, &t, &body(&app, &t.head, "TGPL", "BK-UBND", "regular", vec![person("Ẩn Danh Năm", tgpl)]).await).await;
        let tomorrow = (app.state.clock.today() + chrono::Duration::days(1)).format("%Y-%m-%d").to_string();
        let later = step(&app, &t.office, &later, "start-notice", json!({ "startsOn": tomorrow })).await;
        // Enough comments per hour for every probe below (the quota counts probes too).
        let settings = app.get("/api/v1/commendation-settings").token(&t.office).send().await;
        let mut raised = settings.ok().clone();
        raised["commentsPerHour"] = json!(50);
        let saved = app.put("/api/v1/commendation-settings").token(&t.office).if_match(&settings.etag()).json(&raised).send().await;
        assert_eq!(saved.ok()["commentsPerHour"], 50);
        let hidden = [draft["id"].clone(), sent["id"].clone(), done["id"].clone(), closed["id"].clone(), later["id"].clone(), json!(987654)];
        let list = app.get("/api/v1/public/commendation-notices").send().await;
        assert_eq!(list.ok(), &json!([]));
        for id in hidden {
            let one = app.get(&format!("/api/v1/public/commendation-notices/{id}")).send().await;
            one.problem(404, "not_found");
            let comments = app.get(&format!("/api/v1/public/commendation-notices/{id}/comments")).send().await;
            comments.problem(404, "not_found");
            let post = app.post(&format!("/api/v1/public/commendation-notices/{id}/comments")).json(&comment("Người Thử", "Góp ý về hồ sơ này.")).send().await;
            post.problem(404, "not_found");
            // The same answer whatever the reason.
            assert_eq!(one.body["detail"], "Không tìm thấy thông báo công khai.");
            for text in [&one.text, &comments.text, &post.text] {
                assert!(!text.contains("Ẩn Danh"), "{text}");
            }
        }
    }
);

db_test!(
    async fn comments_are_moderated_rate_limited_and_never_show_contacts(app) {
        let t = Tokens::new(&app).await;
        let notice = in_notice(&app, &t, &["Phan Góp Ý"]).await;
        let id = notice["id"].as_i64().unwrap();
        let path = format!("/api/v1/public/commendation-notices/{id}/comments");
        // Bad input: too long, control characters, a nominee not in the notice.
        let long = app.post(&path).json(&comment("Người Dân", &"x".repeat(2001))).send().await;
        assert_eq!(long.field_errors(), ["body:length"]);
        let nul = app.post(&path).json(&comment("Người\u{0}Dân", "Nội dung góp ý.")).send().await;
        assert_eq!(nul.field_errors(), ["authorName:control_character"]);
        let mut about = comment("Người Dân", "Nội dung góp ý.");
        about["nomineeId"] = json!(123456);
        assert_eq!(app.post(&path).json(&about).send().await.field_errors(), ["nomineeId:not_found"]);
        // Five comments an hour from one address (the default); attempts refused for their
        // content before reaching the database are not counted, the others are.
        let nominee = notice["nominees"][0]["id"].clone();
        let mut good = comment("Nguyễn Văn Dân", "Chị Góp Ý tận tình hướng dẫn người dân làm thủ tục, tôi đồng ý đề nghị khen thưởng.");
        good["nomineeId"] = nominee.clone();
        let first = app.post(&path).json(&good).send().await;
        assert_eq!(first.status, 202, "{}", first.text);
        assert_eq!(first.body["status"], "pending");
        let second = app.post(&path).json(&comment("Trần Thị Phản Ánh", "Đề nghị xem xét lại thời gian công tác của người được đề nghị.")).send().await;
        assert_eq!(second.status, 202);
        let mut statuses = Vec::new();
        for n in 0..6 {
            statuses.push(app.post(&path).json(&comment("Lê Văn Gửi Nhiều", &format!("Góp ý lần thứ {n}."))).send().await);
        }
        let limited = statuses.iter().find(|r| r.status == 429).expect("the hourly limit is reached");
        limited.problem(429, "too_many_requests");
        assert!(limited.header("retry-after").is_some());
        // Nothing is public before moderation.
        let public = app.get(&path).send().await;
        assert_eq!(public.ok(), &json!([]));
        // The Office sees them all, with contacts; unit roles do not.
        let inbox = app.get(&format!("/api/v1/commendation-proposals/{id}/comments")).token(&t.office).send().await;
        let comments = inbox.ok().as_array().unwrap().clone();
        assert!(comments.iter().all(|c| c["contact"] == "0909 123 456 – nguoidan@example.vn"));
        app.get(&format!("/api/v1/commendation-proposals/{id}/comments")).token(&t.head).send().await.problem(403, "forbidden");
        let approve = app.post(&format!("/api/v1/notice-comments/{}/approve", first.body["id"])).token(&t.office).if_match(&etag_of(&comments[0])).json(&json!({})).send().await;
        assert_eq!(approve.ok()["status"], "approved");
        let reject_without = app.post(&format!("/api/v1/notice-comments/{}/reject", second.body["id"])).token(&t.office).if_match(&etag_of(&comments[1])).json(&json!({})).send().await;
        assert_eq!(reject_without.field_errors(), ["reason:required"]);
        let rejected = app.post(&format!("/api/v1/notice-comments/{}/reject", second.body["id"])).token(&t.office).if_match(&etag_of(&comments[1])).json(&json!({ "reason": "Nội dung không liên quan đến thành tích." })).send().await;
        assert_eq!(rejected.ok()["status"], "rejected");
        let again = app.post(&format!("/api/v1/notice-comments/{}/approve", second.body["id"])).token(&t.office).if_match("*").json(&json!({})).send().await;
        again.problem(409, "conflict");
        // Only the approved comment is public, without its contact.
        let public = app.get(&path).send().await;
        let shown = public.ok().as_array().unwrap().clone();
        assert_eq!(shown.len(), 1);
        assert_eq!(shown[0]["authorName"], "Nguyễn Văn Dân");
        assert_eq!(shown[0]["nomineeId"], nominee);
        assert!(!public.text.contains("0909") && !public.text.contains("@example.vn"));
        let proposal = fetch(&app, &t.office, &notice).await;
        assert_eq!(proposal["notice"]["commentsApproved"], 1);
        assert_eq!(proposal["notice"]["commentsRejected"], 1);
        // After the end: public until closed, but no more comments.
        end_notice(&app, id);
        let late = app.post(&path).json(&comment("Người Đến Muộn", "Góp ý sau thời hạn.")).send().await;
        assert!(matches!(late.status, 409 | 429), "{}", late.text);
        let view = app.get(&format!("/api/v1/public/commendation-notices/{id}")).send().await;
        assert_eq!(view.ok()["acceptingComments"], false);
        // The audit knows a comment came, never the contact.
        let audit = app.get("/api/v1/audit?entityType=notice_comment&pageSize=100").token(&t.admin).send().await;
        assert!(!audit.ok().to_string().contains("0909"));
    }
);

db_test!(
    async fn the_office_finds_every_pending_comment_even_after_the_notice_is_closed(app) {
        let t = Tokens::new(&app).await;
        let first = in_notice(&app, &t, &["Đoàn Hàng Chờ"]).await;
        let second = in_notice(&app, &t, &["Quách Hàng Chờ"]).await;
        for (notice, text) in [(&first, "Góp ý thứ nhất cho hồ sơ đầu."), (&second, "Góp ý cho hồ sơ sau."), (&first, "Góp ý thứ hai cho hồ sơ đầu.")] {
            let res = app.post(&format!("/api/v1/public/commendation-notices/{}/comments", notice["id"])).json(&comment("Người Dân", text)).send().await;
            assert_eq!(res.status, 202, "{}", res.text);
        }
        // The first notice ends and is closed with its comments still waiting: they stay in the queue.
        end_notice(&app, first["id"].as_i64().unwrap());
        let current = fetch(&app, &t.office, &first).await;
        let closed = step(&app, &t.office, &current, "close-notice", json!({})).await;
        assert_ne!(closed["state"], "in_notice");
        let queue = app.get("/api/v1/notice-comments?status=pending").token(&t.office).send().await;
        let page = queue.ok().clone();
        assert_eq!(page["total"], 3);
        let bodies: Vec<&str> = page["items"].as_array().unwrap().iter().map(|c| c["body"].as_str().unwrap()).collect();
        assert_eq!(bodies, ["Góp ý thứ nhất cho hồ sơ đầu.", "Góp ý cho hồ sơ sau.", "Góp ý thứ hai cho hồ sơ đầu."], "oldest first");
        let item = &page["items"][0];
        assert_eq!(item["proposal"]["id"], first["id"]);
        assert_eq!(item["proposal"]["state"], closed["state"]);
        assert_eq!(item["proposal"]["unitShortName"], "Trung tâm TGPL");
        assert!(item["proposal"]["noticeEndsAt"].is_string());
        assert_eq!(item["contact"], "0909 123 456 – nguoidan@example.vn", "the Office sees the contact");
        // Moderated comments leave the pending queue; pages and the other statuses work.
        let approved = app.post(&format!("/api/v1/notice-comments/{}/approve", item["id"])).token(&t.office).if_match(&etag_of(item)).json(&json!({})).send().await;
        assert_eq!(approved.ok()["status"], "approved");
        let pending = app.get("/api/v1/notice-comments?status=pending&pageSize=1&page=2").token(&t.leader).send().await;
        assert_eq!(pending.ok()["total"], 2);
        assert_eq!(pending.body["items"][0]["body"], "Góp ý thứ hai cho hồ sơ đầu.");
        let all = app.get("/api/v1/notice-comments").token(&t.office).send().await;
        assert_eq!(all.ok()["total"], 3);
        // Unit roles moderate nothing and read no contacts.
        app.get("/api/v1/notice-comments").token(&t.head).send().await.problem(403, "forbidden");
        app.get("/api/v1/notice-comments?pageSize=500").token(&t.office).send().await.problem(422, "validation_failed");
    }
);
