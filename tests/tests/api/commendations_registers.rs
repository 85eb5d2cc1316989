//! Number registers: each number is handed out once. 32 decisions at once get 32 distinct,
//! consecutive numbers; 32 decisions of the same proposal give exactly one decision and one
//! number (the losers' numbers roll back with them); a reserved number is used once or cancelled
//! with a reason, and a cancelled number is never handed out again.

use futures_util::future::join_all;
use lantoa_tests::{TestApp, db_test};
use serde_json::{Value, json};

use crate::commendations_support::*;
use crate::support::etag_of;

async fn pending(app: &TestApp, t: &Tokens) -> Value {
    let tgpl = app.unit_id("TGPL").await;
    let body = body(
        app,
        &t.head,
        "TGPL",
        "BIEU-DUONG",
        "regular",
        vec![person(&unique_name(), tgpl)],
    )
    .await;
    let done = reviewed(app, t, &body).await;
    step(app, &t.office, &done, "send-to-decision", json!({})).await
}

fn number(proposal: &Value) -> i64 {
    let text = proposal["decision"]["number"].as_str().unwrap();
    assert!(text.ends_with("/QĐ-STP"), "{text}");
    text.split('/').next().unwrap().parse().unwrap()
}

async fn entries(app: &TestApp, token: &str, kind: &str) -> Vec<Value> {
    let res = app
        .get(&format!("/api/v1/register-entries?kind={kind}"))
        .token(token)
        .send()
        .await;
    res.ok().as_array().unwrap().clone()
}

db_test!(
    async fn concurrent_decisions_get_distinct_consecutive_numbers(app) {
        let t = Tokens::new(&app).await;
        let mut proposals = Vec::new();
        for _ in 0..32 {
            proposals.push(pending(&app, &t).await);
        }
        let decisions = proposals.iter().map(|p| {
            app.post(&format!("/api/v1/commendation-proposals/{}/approve", p["id"]))
                .token(&t.leader)
                .if_match(&etag_of(p))
                .json(&approve_all(&app, p))
                .send()
        });
        let answers = join_all(decisions).await;
        let mut numbers: Vec<i64> = answers
            .iter()
            .map(|r| {
                assert_eq!(r.status, 200, "{}", r.text);
                number(&r.body)
            })
            .collect();
        numbers.sort_unstable();
        let first = numbers[0];
        assert_eq!(numbers, (first..first + 32).collect::<Vec<_>>(), "distinct and consecutive");
        let issued = entries(&app, &t.office, "qd").await;
        assert_eq!(issued.len(), 32);
        assert!(issued.iter().all(|e| e["status"] == "issued"));
    }
);

db_test!(
    async fn concurrent_decisions_of_one_proposal_give_one_decision_and_one_number(app) {
        let t = Tokens::new(&app).await;
        let proposal = pending(&app, &t).await;
        let decisions = (0..32).map(|_| {
            app.post(&format!("/api/v1/commendation-proposals/{}/approve", proposal["id"]))
                .token(&t.leader)
                .if_match(&etag_of(&proposal))
                .json(&approve_all(&app, &proposal))
                .send()
        });
        let answers = join_all(decisions).await;
        let winners: Vec<&lantoa_tests::Res> = answers.iter().filter(|r| r.status == 200).collect();
        assert_eq!(winners.len(), 1, "{:?}", answers.iter().map(|r| r.status).collect::<Vec<_>>());
        assert!(answers.iter().all(|r| matches!(r.status, 200 | 409 | 412)));
        let decided = number(&winners[0].body);
        assert_eq!(entries(&app, &t.office, "qd").await.len(), 1, "the losers' numbers rolled back");
        // The next decision takes the next number: no gap.
        let next = pending(&app, &t).await;
        let approved = step(&app, &t.leader, &next, "approve", approve_all(&app, &next)).await;
        assert_eq!(number(&approved), decided + 1);
    }
);

db_test!(
    async fn reserved_numbers_are_used_once_or_cancelled_and_never_reused(app) {
        let t = Tokens::new(&app).await;
        let reserve = |purpose: &str| {
            app.post("/api/v1/register-entries").token(&t.office).json(&json!({ "kind": "qd", "purpose": purpose })).send()
        };
        let kept = reserve("Quyết định tặng Giấy khen dịp 28/8").await;
        assert_eq!(kept.status, 201, "{}", kept.text);
        assert_eq!(kept.body["status"], "reserved");
        let dropped = reserve("Quyết định dự kiến, không ban hành").await;
        assert_eq!(dropped.body["number"], kept.body["number"].as_i64().unwrap() + 1);
        // Cancelling needs a reason; a cancelled number is not handed out again.
        let no_reason = app.post(&format!("/api/v1/register-entries/{}/cancel", dropped.body["id"])).token(&t.office).if_match(&dropped.etag()).json(&json!({ "reason": "" })).send().await;
        assert_eq!(no_reason.field_errors(), ["reason:length"]);
        let cancelled = app.post(&format!("/api/v1/register-entries/{}/cancel", dropped.body["id"])).token(&t.office).if_match(&dropped.etag()).json(&json!({ "reason": "Văn bản không ban hành." })).send().await;
        assert_eq!(cancelled.ok()["status"], "cancelled");
        assert_eq!(cancelled.body["cancelReason"], "Văn bản không ban hành.");
        // A decision with the kept reservation uses that number.
        let first = pending(&app, &t).await;
        let mut body = approve_all(&app, &first);
        body["reservedNumberId"] = kept.body["id"].clone();
        let approved = step(&app, &t.leader, &first, "approve", body).await;
        assert_eq!(number(&approved), kept.body["number"].as_i64().unwrap());
        // The reservation is used up, the cancelled one cannot be used, and is not reissued.
        let second = pending(&app, &t).await;
        for reserved in [&kept.body["id"], &dropped.body["id"]] {
            let mut body = approve_all(&app, &second);
            body["reservedNumberId"] = reserved.clone();
            step_res(&app, &t.leader, &second, "approve", body).await.problem(409, "conflict");
        }
        let mut body = approve_all(&app, &second);
        body["reservedNumberId"] = json!(999999);
        assert_eq!(step_res(&app, &t.leader, &second, "approve", body).await.field_errors(), ["reservedNumberId:not_found"]);
        let fresh = step(&app, &t.leader, &second, "approve", approve_all(&app, &second)).await;
        assert_eq!(number(&fresh), dropped.body["number"].as_i64().unwrap() + 1, "the cancelled number is skipped");
        // An issued number cannot be cancelled; the kinds have their own registers.
        let issued = app.get("/api/v1/register-entries?kind=qd&status=issued").token(&t.office).send().await;
        let entry = issued.ok()[0].clone();
        app.post(&format!("/api/v1/register-entries/{}/cancel", entry["id"])).token(&t.office).if_match(&etag_of(&entry)).json(&json!({ "reason": "Nhầm" })).send().await.problem(409, "conflict");
        let minutes = app.post("/api/v1/register-entries").token(&t.leader).json(&json!({ "kind": "bb", "purpose": "Biên bản họp Hội đồng" })).send().await;
        assert_eq!(minutes.body["number"], 1);
        assert_eq!(minutes.body["kind"], "bb");
        app.get("/api/v1/register-entries").token(&t.head).send().await.problem(403, "forbidden");
    }
);
