//! The council's secret ballot: nothing reveals who voted how (two ballots whose voters swap
//! their choices look the same through every endpoint, the audit log and the server's log), a
//! member of the nominee's unit must abstain, the quorum is required, written votes of absent
//! members count where the share is counted on the whole membership, each denominator and
//! threshold decides at its boundary, tallies appear only once closed, and closing moves the
//! proposals on and numbers the minutes.

use lantoa_tests::{TestApp, db_test};
use serde_json::{Value, json};

use crate::commendations_support::*;
use crate::support::etag_of;

/// Publishes a test award form decided by the Giám đốc Sở with a vote and no notice.
async fn voting_form(
    app: &TestApp,
    t: &Tokens,
    code: &str,
    percent: i32,
    strict: bool,
    denominator: &str,
) -> i64 {
    let res = app
        .post("/api/v1/award-forms")
        .token(&t.office)
        .json(&json!({
            "code": code, "name": format!("Hình thức thử {code}"), "kind": "form", "subjectKind": "both",
            "authority": "giam_doc_so", "requiresNotice": false, "requiresVote": true,
            "voteThresholdPercent": percent, "voteThresholdStrict": strict, "voteDenominator": denominator,
            "individualMultiple": 0.5, "collectiveMultiple": 1.0, "legalBasis": "Quy chế thi đua, khen thưởng của Sở (thử nghiệm)"
        }))
        .send()
        .await;
    assert_eq!(res.status, 201, "{}", res.text);
    let published = app
        .post(&format!("/api/v1/award-forms/{}/publish", res.body["id"]))
        .token(&t.office)
        .if_match(&res.etag())
        .send()
        .await;
    published.ok()["id"].as_i64().unwrap()
}

/// A proposal of `unit` for `form` with `names`, brought to the council.
async fn in_council(app: &TestApp, t: &Tokens, unit: &str, form: &str, names: &[&str]) -> Value {
    let unit_id = app.unit_id(unit).await;
    let nominees = names.iter().map(|n| person(n, unit_id)).collect();
    let body = body(app, &t.office, unit, form, "regular", nominees).await;
    let draft = create(app, &t.office, &body).await;
    let id = draft["id"].as_i64().unwrap();
    assert_eq!(attach(app, &t.office, id, "to_trinh").await.status, 201);
    assert_eq!(
        attach(app, &t.office, id, "bao_cao_thanh_tich")
            .await
            .status,
        201
    );
    let draft = fetch(app, &t.office, &draft).await;
    let sent = step(app, &t.office, &draft, "submit", json!({})).await;
    let received = step(app, &t.office, &sent, "receive", json!({})).await;
    let done = step(app, &t.office, &received, "review", all_eligible(&received)).await;
    let council = step(app, &t.office, &done, "send-to-council", json!({})).await;
    assert_eq!(council["state"], "in_council");
    council
}

fn ballot_of(meeting: &Value, nominee: &str) -> i64 {
    meeting["ballots"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["nomineeName"] == nominee)
        .unwrap_or_else(|| panic!("no ballot for {nominee}: {meeting}"))["id"]
        .as_i64()
        .unwrap()
}

/// Removes what legitimately differs between two ballots (their ids and nominees).
fn normalized(mut value: Value) -> Value {
    if let Some(object) = value.as_object_mut() {
        for key in [
            "id",
            "nomineeId",
            "nomineeName",
            "ballotId",
            "requestId",
            "occurredAt",
            "entityId",
        ] {
            object.remove(key);
        }
        for (_, v) in object.iter_mut() {
            *v = normalized(v.take());
        }
    } else if let Some(array) = value.as_array_mut() {
        for v in array.iter_mut() {
            *v = normalized(v.take());
        }
    }
    value
}

struct Members {
    tokens: Vec<(String, String)>,
}

impl Members {
    async fn new(app: &TestApp) -> Self {
        let mut tokens = Vec::new();
        for username in [
            "lanhdao",
            "vanphong",
            "tgpl.truong",
            "hctp.truong",
            "xdktvb.truong",
            "pbgdpl.truong",
        ] {
            tokens.push((username.to_owned(), app.token(username).await));
        }
        Self { tokens }
    }

    fn of(&self, username: &str) -> &str {
        &self.tokens.iter().find(|(u, _)| u == username).unwrap().1
    }
}

db_test!(
    async fn nothing_reveals_who_voted_how(app) {
        let logs = lantoa_tests::logs::capture();
        let t = Tokens::new(&app).await;
        let (council, ids) = council(&app, &t).await;
        let m = Members::new(&app).await;
        voting_form(&app, &t, "HD-CO-MAT", 50, true, "members_present").await;
        // Two nominees of the same unit (XDKTVB: nobody present is in conflict).
        let proposal = in_council(&app, &t, "XDKTVB", "HD-CO-MAT", &["Đoàn Văn Một", "Đoàn Văn Hai"]).await;
        let meeting = meeting(&app, &t, &council, &ids, &[proposal["id"].as_i64().unwrap()], &["lanhdao", "vanphong", "tgpl.truong", "hctp.truong"]).await;
        let opened = open(&app, &t, &meeting).await;
        let opened = opened.ok().clone();
        let (one, two) = (ballot_of(&opened, "Đoàn Văn Một"), ballot_of(&opened, "Đoàn Văn Hai"));
        // The voters swap their choices between the two ballots: the totals are the same.
        let plan = [("lanhdao", "approve", "reject"), ("vanphong", "reject", "approve"), ("tgpl.truong", "approve", "abstain"), ("hctp.truong", "abstain", "approve")];
        let mut request_ids = Vec::new();
        for (who, first, second) in plan {
            for (ballot, choice) in [(one, first), (two, second)] {
                let res = vote(&app, m.of(who), ballot, choice).await;
                assert_eq!(res.status, 200, "{who} {choice}: {}", res.text);
                assert!(!res.text.contains(choice), "the answer does not say the choice: {}", res.text);
                assert!(res.body["tally"].is_null(), "no tally before the ballot closes");
                request_ids.push(res.header("x-request-id").unwrap());
            }
        }
        // Ballot one: approve, reject, approve, abstain; ballot two: reject, approve, abstain, approve.
        let meeting_path = format!("/api/v1/council-meetings/{}", meeting["id"]);
        for (who, token) in &m.tokens {
            let a = app.get(&format!("/api/v1/ballots/{one}")).token(token).send().await;
            let b = app.get(&format!("/api/v1/ballots/{two}")).token(token).send().await;
            assert_eq!(normalized(a.ok().clone()), normalized(b.ok().clone()), "{who} sees the two ballots alike");
            let view = app.get(&meeting_path).token(token).send().await;
            let ballots = view.ok()["ballots"].as_array().unwrap();
            assert_eq!(normalized(ballots[0].clone()), normalized(ballots[1].clone()), "{who}: meeting");
            assert!(ballots.iter().all(|b| b["tally"].is_null()));
            assert!(!view.text.contains("\"choice\""));
        }
        for token in [&t.admin, &t.office, &t.leader] {
            let proposal_view = fetch(&app, token, &proposal).await;
            assert!(!proposal_view.to_string().contains("\"choice\""));
        }
        // The audit log: one entry per vote saying only that a vote was cast; the entries of the
        // two ballots are alike but for the ballot.
        let audit = app.get("/api/v1/audit?entityType=ballot&pageSize=100").token(&t.admin).send().await;
        let entries = audit.ok()["items"].as_array().unwrap().clone();
        assert_eq!(entries.len(), 8);
        let strip = |e: &Value| {
            let mut e = normalized(e.clone());
            e.as_object_mut().unwrap().remove("at");
            e
        };
        for (who, _, _) in plan {
            let mine: Vec<&Value> = entries.iter().filter(|e| e["actorName"] == who).collect();
            assert_eq!(mine.len(), 2);
            assert_eq!(strip(mine[0]), strip(mine[1]), "{who}'s two audit entries are alike");
        }
        for word in ["approve", "reject", "abstain"] {
            assert!(!audit.text.contains(word), "the audit log does not name a choice: {}", audit.text);
            for id in &request_ids {
                assert!(logs.lines_with(id).iter().all(|line| !line.contains(word)), "the server's log does not either");
            }
        }
        // Once closed: the tallies (the same for both), and still no one's vote.
        let closed = close(&app, &t, meeting["id"].as_i64().unwrap()).await;
        let closed = closed.ok().clone();
        let tallies: Vec<Value> = closed["ballots"].as_array().unwrap().iter().map(|b| b["tally"].clone()).collect();
        assert_eq!(tallies[0], json!({ "approve": 2, "reject": 1, "abstain": 1, "base": 4, "approvalShare": "50%", "result": "failed" }));
        assert_eq!(tallies[0], tallies[1]);
        let a = app.get(&format!("/api/v1/ballots/{one}")).token(m.of("tgpl.truong")).send().await;
        let b = app.get(&format!("/api/v1/ballots/{two}")).token(m.of("tgpl.truong")).send().await;
        assert_eq!(normalized(a.body.clone()), normalized(b.body.clone()));
        let _ = etag_of(&closed);
    }
);

db_test!(
    async fn members_of_the_nominees_unit_must_abstain_and_each_votes_once(app) {
        let t = Tokens::new(&app).await;
        let (council, ids) = council(&app, &t).await;
        let m = Members::new(&app).await;
        voting_form(&app, &t, "HD-CO-MAT", 50, true, "members_present").await;
        let proposal = in_council(&app, &t, "TGPL", "HD-CO-MAT", &["Cao Thị Xung Đột"]).await;
        let meeting = meeting(&app, &t, &council, &ids, &[proposal["id"].as_i64().unwrap()], &["lanhdao", "vanphong", "tgpl.truong", "hctp.truong", "xdktvb.truong"]).await;
        let opened = open(&app, &t, &meeting).await.ok().clone();
        let ballot = ballot_of(&opened, "Cao Thị Xung Đột");
        let seen = app.get(&format!("/api/v1/ballots/{ballot}")).token(m.of("tgpl.truong")).send().await;
        assert_eq!(seen.ok()["callerMustAbstain"], true);
        vote(&app, m.of("tgpl.truong"), ballot, "approve").await.problem(409, "conflict_of_interest");
        vote(&app, m.of("tgpl.truong"), ballot, "reject").await.problem(409, "conflict_of_interest");
        let abstained = vote(&app, m.of("tgpl.truong"), ballot, "abstain").await;
        let voters = abstained.ok()["voters"].as_array().unwrap().clone();
        assert_eq!(voters.len(), 1);
        assert_eq!(voters[0]["conflictDeclared"], true, "the conflict is recorded");
        vote(&app, m.of("tgpl.truong"), ballot, "abstain").await.problem(409, "already_voted");
        // A declared conflict binds too.
        let declared = app.post(&format!("/api/v1/ballots/{ballot}/vote")).token(m.of("hctp.truong")).json(&json!({ "choice": "approve", "declareConflict": true })).send().await;
        declared.problem(409, "conflict_of_interest");
        // Absent members do not vote in person; others are not members at all.
        vote(&app, m.of("pbgdpl.truong"), ballot, "approve").await.problem(409, "step_not_ready");
        vote(&app, &t.staff, ballot, "approve").await.problem(403, "not_council_member");
        app.get(&format!("/api/v1/ballots/{ballot}")).token(&t.staff).send().await.problem(403, "not_council_member");
        // Written votes: not where the share counts on those present; only the secretary enters them.
        let written = app.post(&format!("/api/v1/ballots/{ballot}/written-votes")).token(m.of("hctp.truong")).json(&json!({ "memberId": member(&ids, "pbgdpl.truong"), "choice": "approve" })).send().await;
        written.problem(403, "forbidden");
        let written = app.post(&format!("/api/v1/ballots/{ballot}/written-votes")).token(m.of("vanphong")).json(&json!({ "memberId": member(&ids, "pbgdpl.truong"), "choice": "approve" })).send().await;
        written.problem(409, "conflict");
    }
);

db_test!(
    async fn the_quorum_is_required(app) {
        let t = Tokens::new(&app).await;
        let (council, ids) = council(&app, &t).await;
        voting_form(&app, &t, "HD-CO-MAT", 50, true, "members_present").await;
        let proposal = in_council(&app, &t, "XDKTVB", "HD-CO-MAT", &["Mạc Văn Túc Số"]).await;
        let id = proposal["id"].as_i64().unwrap();
        // Three of six is not more than half.
        let half = meeting(&app, &t, &council, &ids, &[id], &["lanhdao", "vanphong", "hctp.truong"]).await;
        let res = open(&app, &t, &half).await;
        res.problem(409, "quorum_not_met");
        assert_eq!(half["quorum"], json!({ "percent": 50, "strict": true, "present": 3, "total": 6, "met": false }));
        // Four of six is.
        let entries: Vec<Value> = ids.iter().map(|(u, id)| json!({ "memberId": id, "present": u != "pbgdpl.truong" && u != "xdktvb.truong" })).collect();
        let enough = app.put(&format!("/api/v1/council-meetings/{}/attendance", half["id"])).token(&t.office).if_match(&etag_of(&half)).json(&json!({ "entries": entries })).send().await;
        assert_eq!(enough.ok()["quorum"]["met"], true);
        let opened = open(&app, &t, enough.ok()).await;
        assert_eq!(opened.ok()["status"], "voting");
        // The agenda and the attendance are frozen once the ballots are open.
        let again = app.put(&format!("/api/v1/council-meetings/{}/attendance", half["id"])).token(&t.office).if_match(&opened.etag()).json(&json!({ "entries": entries })).send().await;
        again.problem(409, "conflict");
    }
);

db_test!(
    async fn thresholds_decide_at_their_boundary_on_each_denominator(app) {
        let t = Tokens::new(&app).await;
        let (council, ids) = council(&app, &t).await;
        let m = Members::new(&app).await;
        voting_form(&app, &t, "HD-CO-MAT", 50, true, "members_present").await;
        voting_form(&app, &t, "HD-TONG", 70, false, "all_members").await;
        // Nominees of XDKTVB (absent from the meeting): nobody present is in conflict.
        let present_based = in_council(&app, &t, "XDKTVB", "HD-CO-MAT", &["Hồ Văn Nửa", "Hồ Văn Quá Nửa"]).await;
        let all_based = in_council(&app, &t, "XDKTVB", "HD-TONG", &["Lý Thị Bốn Phần Sáu", "Lý Thị Năm Phần Sáu"]).await;
        let present = ["lanhdao", "vanphong", "tgpl.truong", "hctp.truong"];
        // One meeting counts one way: proposals with different rules are refused together.
        let mixed = app
            .post("/api/v1/council-meetings")
            .token(&t.office)
            .json(&json!({
                "councilId": council["id"], "subject": "Họp xét", "meetsAt": app.state.clock.now().to_rfc3339(), "venue": "Phòng họp",
                "chairMemberId": member(&ids, "lanhdao"), "secretaryMemberId": member(&ids, "vanphong"),
                "proposalIds": [present_based["id"], all_based["id"]]
            }))
            .send()
            .await;
        assert_eq!(mixed.field_errors(), ["proposalIds:mixed_vote_rules"]);
        let first = meeting(&app, &t, &council, &ids, &[present_based["id"].as_i64().unwrap()], &present).await;
        let second = meeting(&app, &t, &council, &ids, &[all_based["id"].as_i64().unwrap()], &present).await;
        let mut opened = open(&app, &t, &first).await.ok().clone();
        let other = open(&app, &t, &second).await.ok().clone();
        opened["ballots"].as_array_mut().unwrap().extend(other["ballots"].as_array().unwrap().iter().cloned());
        let meeting = second.clone();
        let votes: [(&str, [&str; 4]); 4] = [
            // 2 of 4 present: 50 %, not more than 50 %.
            ("Hồ Văn Nửa", ["approve", "approve", "reject", "abstain"]),
            // 3 of 4 present: 75 %.
            ("Hồ Văn Quá Nửa", ["approve", "approve", "approve", "reject"]),
            // 4 of 6 members (no written vote): 66,67 %, under 70 %.
            ("Lý Thị Bốn Phần Sáu", ["approve", "approve", "approve", "approve"]),
            // 4 present + 1 written of 6 members: 83,33 %.
            ("Lý Thị Năm Phần Sáu", ["approve", "approve", "approve", "approve"]),
        ];
        for (nominee, choices) in votes {
            let ballot = ballot_of(&opened, nominee);
            for (who, choice) in present.iter().zip(choices) {
                let res = vote(&app, m.of(who), ballot, choice).await;
                assert_eq!(res.status, 200, "{nominee} {who}: {}", res.text);
            }
        }
        let five = ballot_of(&opened, "Lý Thị Năm Phần Sáu");
        // A written vote of a present member is refused; of an absent one it counts.
        let present_member = app.post(&format!("/api/v1/ballots/{five}/written-votes")).token(m.of("vanphong")).json(&json!({ "memberId": member(&ids, "hctp.truong"), "choice": "approve" })).send().await;
        assert_eq!(present_member.field_errors(), ["memberId:not_absent"]);
        let written = app.post(&format!("/api/v1/ballots/{five}/written-votes")).token(m.of("vanphong")).json(&json!({ "memberId": member(&ids, "pbgdpl.truong"), "choice": "approve" })).send().await;
        let voters = written.ok()["voters"].as_array().unwrap().clone();
        assert!(voters.iter().any(|v| v["mode"] == "written" && v["memberId"] == member(&ids, "pbgdpl.truong")));
        // The absent XDKTVB member writes on their own unit's nominee: abstain, as in person.
        let conflicted = app.post(&format!("/api/v1/ballots/{five}/written-votes")).token(m.of("vanphong")).json(&json!({ "memberId": member(&ids, "xdktvb.truong"), "choice": "approve" })).send().await;
        conflicted.problem(409, "conflict_of_interest");
        // Only the meeting's secretary (or chair, or the standing member) closes the ballots.
        let current = app.get(&format!("/api/v1/council-meetings/{}", meeting["id"])).token(&t.office).send().await;
        let refused = app.post(&format!("/api/v1/council-meetings/{}/close-ballots", meeting["id"])).token(m.of("hctp.truong")).if_match(&current.etag()).json(&json!({})).send().await;
        refused.problem(403, "forbidden");
        let first_closed = close(&app, &t, first["id"].as_i64().unwrap()).await.ok().clone();
        let closed = close(&app, &t, meeting["id"].as_i64().unwrap()).await;
        let mut closed = closed.ok().clone();
        assert_ne!(first_closed["minutesNumber"], closed["minutesNumber"], "each meeting's minutes get their own number");
        closed["ballots"].as_array_mut().unwrap().extend(first_closed["ballots"].as_array().unwrap().iter().cloned());
        let result = |nominee: &str| {
            closed["ballots"].as_array().unwrap().iter().find(|b| b["nomineeName"] == nominee).unwrap()["tally"].clone()
        };
        assert_eq!(result("Hồ Văn Nửa")["result"], "failed");
        assert_eq!(result("Hồ Văn Nửa")["approvalShare"], "50%");
        assert_eq!(result("Hồ Văn Quá Nửa")["result"], "passed");
        assert_eq!(result("Lý Thị Bốn Phần Sáu")["result"], "failed");
        assert_eq!(result("Lý Thị Bốn Phần Sáu")["base"], 6);
        assert_eq!(result("Lý Thị Năm Phần Sáu")["result"], "passed");
        assert_eq!(result("Lý Thị Năm Phần Sáu")["approve"], 5);
        assert!(closed["minutesNumber"].as_str().unwrap().ends_with("/BB-HĐTĐKT"), "{}", closed["minutesNumber"]);
        // The proposals move on with each nominee's result; a failed nominee cannot be approved.
        let after = fetch(&app, &t.leader, &present_based).await;
        assert_eq!(after["state"], "pending_decision");
        assert_eq!(after["nominees"][0]["voteResult"], "failed");
        assert_eq!(after["nominees"][1]["voteResult"], "passed");
        let wrong = step_res(&app, &t.leader, &after, "approve", json!({ "decidedOn": today(&app), "signerTitle": "GIÁM ĐỐC", "signerName": "Nguyễn Văn An", "nominees": [{ "nomineeId": after["nominees"][0]["id"], "approved": true }, { "nomineeId": after["nominees"][1]["id"], "approved": true }] })).await;
        assert_eq!(wrong.status, 422, "{}", wrong.text);
        let approved = step(&app, &t.leader, &after, "approve", approve_all(&app, &after)).await;
        assert_eq!(approved["nominees"][0]["outcome"], "rejected");
        assert_eq!(approved["nominees"][1]["outcome"], "approved");
        assert_eq!(approved["nominees"][1]["rewardAmount"], 1_170_000, "0.5 × 2.340.000 đ");
        // The minutes carry the tallies.
        let (status, bytes, kind) = download(&app, &t.office, &format!("/api/v1/council-meetings/{}/minutes", meeting["id"])).await;
        assert_eq!(status, 200);
        assert!(kind.unwrap().contains("wordprocessingml"));
        let text = docx_text(&bytes);
        for expected in ["BIÊN BẢN", "Lý Thị Bốn Phần Sáu", "Lý Thị Năm Phần Sáu", "Không đạt", "Đạt", "66,67%", "83,33%", "bỏ phiếu kín", "tổng số thành viên"] {
            assert!(text.contains(expected), "{expected} in the minutes: {text}");
        }
        // A member who is not on the meeting's council reads nothing of it.
        let staff = app.get(&format!("/api/v1/council-meetings/{}/minutes", meeting["id"])).token(&t.staff).send().await;
        staff.problem(403, "not_council_member");
    }
);

/// What a meeting offers its caller: each action with the reason it cannot be taken yet.
fn offered(meeting: &Value) -> Vec<(String, Option<String>)> {
    meeting["allowedActions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["action"].as_str().unwrap().to_owned(),
                a["disabledReason"].as_str().map(str::to_owned),
            )
        })
        .collect()
}

fn names(actions: &[(String, Option<String>)]) -> Vec<&str> {
    actions.iter().map(|(a, _)| a.as_str()).collect()
}

db_test!(
    async fn each_meeting_offers_its_caller_what_the_workflow_table_allows_and_nothing_else(app) {
        let t = Tokens::new(&app).await;
        let (council, ids) = council(&app, &t).await;
        let m = Members::new(&app).await;
        voting_form(&app, &t, "HD-CO-MAT", 50, true, "members_present").await;
        let proposal = in_council(&app, &t, "XDKTVB", "HD-CO-MAT", &["Đinh Văn Quy Trình"]).await;
        let table = app.get("/api/v1/council-meeting-workflow").token(&t.staff).send().await;
        let actions: Vec<&str> = table.ok().as_array().unwrap().iter().map(|row| row["action"].as_str().unwrap()).collect();
        assert_eq!(actions, ["update", "record_attendance", "open_ballots", "record_written_vote", "close_ballots"]);
        assert_eq!(app.get("/api/v1/council-meeting-workflow").send().await.status, 401);

        // Three of six present: opening is offered to the Office with the quorum's shortfall, and
        // the step enforces the same guard.
        let planned = meeting(&app, &t, &council, &ids, &[proposal["id"].as_i64().unwrap()], &["lanhdao", "vanphong", "hctp.truong"]).await;
        let id = planned["id"].as_i64().unwrap();
        let office = offered(&planned);
        assert_eq!(names(&office), ["update", "record_attendance", "open_ballots"]);
        assert!(office[2].1.as_deref().unwrap_or_default().starts_with("Có mặt 3/6"), "{office:?}");
        open(&app, &t, &planned).await.problem(409, "quorum_not_met");
        // The chair manages it too; an ordinary member reads it and may do nothing to it.
        let as_chair = app.get(&format!("/api/v1/council-meetings/{id}")).token(m.of("lanhdao")).send().await;
        assert_eq!(names(&offered(as_chair.ok())), ["update", "record_attendance", "open_ballots"]);
        let as_member = app.get(&format!("/api/v1/council-meetings/{id}")).token(m.of("hctp.truong")).send().await;
        assert!(offered(as_member.ok()).is_empty());
        let entries: Vec<Value> = ids.iter().map(|(u, id)| json!({ "memberId": id, "present": u != "pbgdpl.truong" })).collect();
        let attendance = format!("/api/v1/council-meetings/{id}/attendance");
        let refused = app.put(&attendance).token(m.of("hctp.truong")).if_match(&as_member.etag()).json(&json!({ "entries": entries })).send().await;
        refused.problem(403, "forbidden");
        app.put(&attendance).token(&t.staff).if_match(&as_member.etag()).json(&json!({ "entries": entries })).send().await.problem(403, "not_council_member");

        // Five of six: opening is offered without a reason.
        let enough = app.put(&attendance).token(&t.office).if_match(&etag_of(&planned)).json(&json!({ "entries": entries })).send().await;
        assert_eq!(offered(enough.ok())[2], ("open_ballots".to_owned(), None));
        let voting = open(&app, &t, enough.ok()).await;
        assert_eq!(voting.ok()["status"], "voting");
        // The Office is the meeting's secretary: it may enter written votes and close the ballots.
        assert_eq!(names(&offered(voting.ok())), ["record_written_vote", "close_ballots"]);
        let as_member = app.get(&format!("/api/v1/council-meetings/{id}")).token(m.of("hctp.truong")).send().await;
        assert!(offered(as_member.ok()).is_empty());
        let frozen = app.put(&attendance).token(&t.office).if_match(&voting.etag()).json(&json!({ "entries": entries })).send().await;
        frozen.problem(409, "conflict");
        let closed = close(&app, &t, id).await;
        assert_eq!(closed.ok()["status"], "closed");
        assert!(offered(closed.ok()).is_empty(), "nothing is left to do");
    }
);
