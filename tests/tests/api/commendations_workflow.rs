//! The commendation workflow, walked from its transition table: in every state (for a form with
//! neither notice nor vote decided by the Department, and for one with notice and vote decided
//! by the province), every role's every step is listed in `allowedActions` exactly when the table
//! says so, takeable exactly when its guards hold, refused otherwise without changing anything;
//! required steps cannot be skipped, đột xuất skips notice and council, outcomes are partial per
//! nominee, and every step is on the timeline and in the audit log.

use lantoa::auth::Role;
use lantoa::commendations::types::ProposalState;
use lantoa::commendations::workflow::{Actor, ProposalAction, Route, TRANSITIONS};
use lantoa_tests::{TestApp, db_test};
use reqwest::Method;
use serde_json::{Value, json};

use crate::commendations_support::*;
use crate::support::etag_of;

/// A proposal brought to a state, and what the table's routes need to know about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fixture {
    DraftEmpty,
    Draft,
    Submitted,
    Received,
    Returned,
    Reviewed,
    PendingDecision,
    Approved,
    Rejected,
    Awarded,
    /// BK-UBND (notice and vote, decided by the province).
    ReviewedHigher,
    InNoticeRunning,
    InNoticeEnded,
    InCouncil,
    /// BK-UBND as đột xuất: no notice, no vote.
    PendingHigherAdHoc,
    Forwarded,
}

const FIXTURES: [Fixture; 16] = [
    Fixture::DraftEmpty,
    Fixture::Draft,
    Fixture::Submitted,
    Fixture::Received,
    Fixture::Returned,
    Fixture::Reviewed,
    Fixture::PendingDecision,
    Fixture::Approved,
    Fixture::Rejected,
    Fixture::Awarded,
    Fixture::ReviewedHigher,
    Fixture::InNoticeRunning,
    Fixture::InNoticeEnded,
    Fixture::InCouncil,
    Fixture::PendingHigherAdHoc,
    Fixture::Forwarded,
];

struct Facts {
    state: ProposalState,
    notice: bool,
    vote: bool,
    department: bool,
}

impl Fixture {
    fn facts(self) -> Facts {
        use Fixture::*;
        let state = match self {
            DraftEmpty | Draft => ProposalState::Draft,
            Submitted => ProposalState::Submitted,
            Received => ProposalState::Received,
            Returned => ProposalState::Returned,
            Reviewed | ReviewedHigher => ProposalState::Reviewed,
            PendingDecision | PendingHigherAdHoc => ProposalState::PendingDecision,
            Approved => ProposalState::Approved,
            Rejected => ProposalState::Rejected,
            Awarded => ProposalState::Awarded,
            InNoticeRunning | InNoticeEnded => ProposalState::InNotice,
            InCouncil => ProposalState::InCouncil,
            Forwarded => ProposalState::Forwarded,
        };
        let higher = matches!(
            self,
            ReviewedHigher
                | InNoticeRunning
                | InNoticeEnded
                | InCouncil
                | PendingHigherAdHoc
                | Forwarded
        );
        let ad_hoc = matches!(self, PendingHigherAdHoc | Forwarded);
        Facts {
            state,
            notice: higher && !ad_hoc,
            vote: higher && !ad_hoc,
            department: !higher,
        }
    }

    /// Guards that fail in this fixture (the rest hold).
    fn blocked(self, action: ProposalAction) -> bool {
        matches!(
            (self, action),
            (Fixture::DraftEmpty, ProposalAction::Submit)
                | (Fixture::InNoticeRunning, ProposalAction::CloseNotice)
        )
    }
}

fn route_holds(route: Route, f: &Facts) -> bool {
    match route {
        Route::Always | Route::SomeApproved | Route::NoneApproved => true,
        Route::NoticeRequired => f.notice,
        Route::VoteWithoutNotice => f.vote && !f.notice,
        Route::NeitherNoticeNorVote => !f.vote && !f.notice,
        Route::VoteRequired => f.vote,
        Route::NoVote => !f.vote,
        Route::DepartmentDecides => f.department,
        Route::HigherDecides => !f.department,
    }
}

/// What the table says: the action is offered to `role` in this fixture.
fn listed(role: Role, fixture: Fixture, action: ProposalAction) -> bool {
    let facts = fixture.facts();
    TRANSITIONS.iter().any(|t| {
        t.action == action
            && t.from.contains(&facts.state)
            && matches!(t.actor, Actor::Roles(roles) if roles.contains(&role))
            && route_holds(t.route, &facts)
    })
}

const ROLES: [(Role, &str); 5] = [
    (Role::Admin, "admin"),
    (Role::Leader, "leader"),
    (Role::Office, "office"),
    (Role::UnitHead, "head"),
    (Role::UnitStaff, "staff"),
];

fn token<'a>(t: &'a Tokens, role: &str) -> &'a str {
    match role {
        "admin" => &t.admin,
        "leader" => &t.leader,
        "office" => &t.office,
        "head" => &t.head,
        _ => &t.staff,
    }
}

async fn build(app: &TestApp, t: &Tokens, fixture: Fixture) -> Value {
    use Fixture::*;
    let tgpl = app.unit_id("TGPL").await;
    let people = vec![person(&unique_name(), tgpl), person(&unique_name(), tgpl)];
    let simple = body(
        app,
        &t.head,
        "TGPL",
        "BIEU-DUONG",
        "regular",
        people.clone(),
    )
    .await;
    let higher = body(app, &t.head, "TGPL", "BK-UBND", "regular", people.clone()).await;
    let higher_ad_hoc = body(app, &t.head, "TGPL", "BK-UBND", "ad_hoc", people).await;
    match fixture {
        DraftEmpty => create(app, &t.head, &simple).await,
        Draft => {
            let draft = create(app, &t.head, &simple).await;
            let id = draft["id"].as_i64().unwrap();
            attach(app, &t.head, id, "to_trinh").await;
            attach(app, &t.head, id, "bao_cao_thanh_tich").await;
            fetch(app, &t.head, &draft).await
        }
        Submitted => submitted(app, t, &simple).await,
        Received => {
            let sent = submitted(app, t, &simple).await;
            step(app, &t.office, &sent, "receive", json!({})).await
        }
        Returned => {
            let sent = submitted(app, t, &simple).await;
            step(
                app,
                &t.office,
                &sent,
                "return",
                json!({ "note": "Bổ sung báo cáo thành tích có xác nhận của thủ trưởng." }),
            )
            .await
        }
        Reviewed => reviewed(app, t, &simple).await,
        PendingDecision | Approved | Rejected | Awarded => {
            let done = reviewed(app, t, &simple).await;
            let pending = step(app, &t.office, &done, "send-to-decision", json!({})).await;
            match fixture {
                PendingDecision => pending,
                Rejected => {
                    step(
                        app,
                        &t.leader,
                        &pending,
                        "reject",
                        json!({ "note": "Chưa đủ thành tích tiêu biểu." }),
                    )
                    .await
                }
                _ => {
                    let approved = step(
                        app,
                        &t.leader,
                        &pending,
                        "approve",
                        approve_all(app, &pending),
                    )
                    .await;
                    if fixture == Approved {
                        approved
                    } else {
                        step(
                            app,
                            &t.office,
                            &approved,
                            "mark-awarded",
                            json!({ "awardedOn": today(app) }),
                        )
                        .await
                    }
                }
            }
        }
        ReviewedHigher => reviewed(app, t, &higher).await,
        InNoticeRunning | InNoticeEnded | InCouncil => {
            let done = reviewed(app, t, &higher).await;
            let notice = step(app, &t.office, &done, "start-notice", json!({})).await;
            if fixture == InNoticeRunning {
                return notice;
            }
            end_notice(app, notice["id"].as_i64().unwrap());
            let notice = fetch(app, &t.office, &notice).await;
            if fixture == InNoticeEnded {
                return notice;
            }
            step(app, &t.office, &notice, "close-notice", json!({})).await
        }
        PendingHigherAdHoc | Forwarded => {
            let done = reviewed(app, t, &higher_ad_hoc).await;
            let pending = step(app, &t.office, &done, "send-to-decision", json!({})).await;
            if fixture == PendingHigherAdHoc {
                return pending;
            }
            step(
                app,
                &t.office,
                &pending,
                "forward",
                json!({ "forwardedOn": today(app) }),
            )
            .await
        }
    }
}

async fn take(
    app: &TestApp,
    token: &str,
    proposal: &Value,
    action: ProposalAction,
) -> lantoa_tests::Res {
    let id = proposal["id"].as_i64().unwrap();
    let post = |tail: &str| format!("/api/v1/commendation-proposals/{id}/{tail}");
    let (method, path, body) = match action {
        ProposalAction::Edit => {
            let mut body = body(
                app,
                token,
                "TGPL",
                "BIEU-DUONG",
                "regular",
                vec![person(
                    "Phạm Thị Thảo",
                    proposal["unit"]["id"].as_i64().unwrap(),
                )],
            )
            .await;
            body["awardFormId"] = proposal["awardForm"]["id"].clone();
            if proposal["commendationType"] == "ad_hoc" {
                body["commendationType"] = json!("ad_hoc");
                body["summary"] = json!("Tóm tắt thành tích đột xuất.");
            }
            (
                Method::PUT,
                format!("/api/v1/commendation-proposals/{id}"),
                Some(body),
            )
        }
        ProposalAction::Delete => (
            Method::DELETE,
            format!("/api/v1/commendation-proposals/{id}"),
            None,
        ),
        ProposalAction::Attach => return attach(app, token, id, "evidence").await,
        ProposalAction::Submit
        | ProposalAction::Receive
        | ProposalAction::SendToCouncil
        | ProposalAction::SendToDecision
        | ProposalAction::CloseNotice
        | ProposalAction::StartNotice => {
            let tail = match action {
                ProposalAction::Submit => "submit",
                ProposalAction::Receive => "receive",
                ProposalAction::SendToCouncil => "send-to-council",
                ProposalAction::SendToDecision => "send-to-decision",
                ProposalAction::CloseNotice => "close-notice",
                _ => "start-notice",
            };
            (Method::POST, post(tail), Some(json!({})))
        }
        ProposalAction::Return => (
            Method::POST,
            post("return"),
            Some(json!({ "note": "Cần bổ sung." })),
        ),
        ProposalAction::Review => (Method::POST, post("review"), Some(all_eligible(proposal))),
        ProposalAction::Approve => (
            Method::POST,
            post("approve"),
            Some(approve_all(app, proposal)),
        ),
        ProposalAction::Reject => (
            Method::POST,
            post("reject"),
            Some(json!({ "note": "Không khen thưởng." })),
        ),
        ProposalAction::Forward => (
            Method::POST,
            post("forward"),
            Some(json!({ "forwardedOn": today(app) })),
        ),
        ProposalAction::RecordOutcome => (
            Method::POST,
            post("record-outcome"),
            Some(outcome_all(app, proposal, true)),
        ),
        ProposalAction::MarkAwarded => (
            Method::POST,
            post("mark-awarded"),
            Some(json!({ "awardedOn": today(app) })),
        ),
        ProposalAction::CloseBallots => unreachable!("taken at the council's meeting"),
    };
    let mut request = app
        .request(method, &path)
        .token(token)
        .if_match(&etag_of(proposal));
    if let Some(body) = body {
        request = request.json(&body);
    }
    request.send().await
}

const STEPS: [ProposalAction; 16] = [
    ProposalAction::Edit,
    ProposalAction::Delete,
    ProposalAction::Attach,
    ProposalAction::Submit,
    ProposalAction::Receive,
    ProposalAction::Return,
    ProposalAction::Review,
    ProposalAction::StartNotice,
    ProposalAction::SendToCouncil,
    ProposalAction::SendToDecision,
    ProposalAction::CloseNotice,
    ProposalAction::Approve,
    ProposalAction::Reject,
    ProposalAction::Forward,
    ProposalAction::RecordOutcome,
    ProposalAction::MarkAwarded,
];

db_test!(
    async fn every_step_in_every_state_follows_the_transition_table(app) {
        let t = Tokens::new(&app).await;
        for fixture in FIXTURES {
            let shared = build(&app, &t, fixture).await;
            assert_eq!(shared["state"], serde_json::to_value(fixture.facts().state).unwrap(), "{fixture:?}");
            for (role, name) in ROLES {
                let seen = fetch(&app, token(&t, name), &shared).await;
                let offered = seen["allowedActions"].as_array().unwrap().clone();
                for action in STEPS {
                    let code = serde_json::to_value(action).unwrap();
                    let entry = offered.iter().find(|a| a["action"] == code);
                    let expected = listed(role, fixture, action);
                    assert_eq!(entry.is_some(), expected, "{fixture:?} {role:?} {action:?}: {offered:?}");
                    let blocked = expected && fixture.blocked(action);
                    if let Some(entry) = entry {
                        assert_eq!(entry.get("disabledReason").is_some(), blocked, "{fixture:?} {role:?} {action:?}: {entry}");
                    }
                    if expected && !blocked {
                        let fresh = build(&app, &t, fixture).await;
                        let res = take(&app, token(&t, name), &fresh, action).await;
                        assert!((200..300).contains(&res.status), "{fixture:?} {role:?} {action:?} must be allowed: {} {}", res.status, res.text);
                    } else {
                        let res = take(&app, token(&t, name), &shared, action).await;
                        assert!(matches!(res.status, 403 | 409), "{fixture:?} {role:?} {action:?} must be refused: {} {}", res.status, res.text);
                        if blocked {
                            assert_eq!(res.body["code"], "step_not_ready", "{fixture:?} {action:?}: {}", res.text);
                        }
                        let after = fetch(&app, &t.office, &shared).await;
                        assert_eq!(after["version"], shared["version"], "{fixture:?} {role:?} {action:?}: a refused step changes nothing");
                        assert_eq!(after["attachments"].as_array().unwrap().len(), shared["attachments"].as_array().unwrap().len());
                    }
                }
            }
        }
    }
);

db_test!(
    async fn no_required_step_can_be_skipped_and_the_notice_runs_by_the_clock(app) {
        let t = Tokens::new(&app).await;
        let tgpl = app.unit_id("TGPL").await;
        let higher = body(&app, &t.head, "TGPL", "BK-UBND", "regular", vec![person("Nguyễn Hữu Phước", tgpl)]).await;
        // Submitting without the tờ trình and the báo cáo thành tích says what is missing.
        let draft = create(&app, &t.head, &higher).await;
        let res = step_res(&app, &t.head, &draft, "submit", json!({})).await;
        res.problem(409, "step_not_ready");
        assert!(res.body["detail"].as_str().unwrap().contains("tờ trình"), "{}", res.text);
        let up = attach(&app, &t.head, draft["id"].as_i64().unwrap(), "to_trinh").await;
        assert_eq!(up.status, 201, "{}", up.text);
        let draft = fetch(&app, &t.head, &draft).await;
        let res = step_res(&app, &t.head, &draft, "submit", json!({})).await;
        assert!(res.body["detail"].as_str().unwrap().contains("báo cáo thành tích"), "{}", res.text);
        // A form with notice and vote cannot go straight to the council or the decision.
        let done = reviewed(&app, &t, &higher).await;
        step_res(&app, &t.office, &done, "send-to-council", json!({})).await.problem(409, "conflict");
        step_res(&app, &t.office, &done, "send-to-decision", json!({})).await.problem(409, "conflict");
        // The notice: 5 working days by default, skipping the weekend; not closed before its end.
        app.state.clock.set(chrono::DateTime::parse_from_rfc3339("2026-12-07T02:00:00Z").unwrap().into());
        let t = Tokens::new(&app).await;
        let done = fetch(&app, &t.office, &done).await;
        let short = step_res(&app, &t.office, &done, "start-notice", json!({ "endsOn": "2026-12-10" })).await;
        short.problem(422, "validation_failed");
        assert_eq!(short.field_errors(), ["endsOn:too_short"]);
        let notice = step(&app, &t.office, &done, "start-notice", json!({})).await;
        assert_eq!(notice["notice"]["endsAt"], "2026-12-11T17:00:00Z", "ends with Friday 11/12 in Vietnam");
        let early = step_res(&app, &t.office, &notice, "close-notice", json!({})).await;
        early.problem(409, "step_not_ready");
        app.state.clock.set(chrono::DateTime::parse_from_rfc3339("2026-12-11T16:59:59Z").unwrap().into());
        let t = Tokens::new(&app).await;
        step_res(&app, &t.office, &notice, "close-notice", json!({})).await.problem(409, "step_not_ready");
        app.state.clock.set(chrono::DateTime::parse_from_rfc3339("2026-12-11T17:00:00Z").unwrap().into());
        let t = Tokens::new(&app).await;
        let in_council = step(&app, &t.office, &notice, "close-notice", json!({})).await;
        assert_eq!(in_council["state"], "in_council");
        // The leader cannot decide before the council has voted.
        step_res(&app, &t.leader, &in_council, "approve", approve_all(&app, &in_council)).await.problem(409, "conflict");
        step_res(&app, &t.office, &in_council, "forward", json!({ "forwardedOn": today(&app) })).await.problem(409, "conflict");
    }
);

db_test!(
    async fn ad_hoc_skips_notice_and_council_and_outcomes_are_per_nominee(app) {
        let t = Tokens::new(&app).await;
        let tgpl = app.unit_id("TGPL").await;
        // Đột xuất needs a summary instead of a báo cáo thành tích.
        let mut ad_hoc = body(&app, &t.head, "TGPL", "BK-UBND", "ad_hoc", vec![person("Lê Thị Hồng", tgpl), person("Võ Văn Kiệt Tường", tgpl)]).await;
        let draft = create(&app, &t.head, &ad_hoc).await;
        attach(&app, &t.head, draft["id"].as_i64().unwrap(), "to_trinh").await;
        let draft = fetch(&app, &t.head, &draft).await;
        assert!(!draft["noticeRequired"].as_bool().unwrap() && !draft["voteRequired"].as_bool().unwrap());
        let sent = step(&app, &t.head, &draft, "submit", json!({})).await;
        let received = step(&app, &t.office, &sent, "receive", json!({})).await;
        step_res(&app, &t.office, &received, "start-notice", json!({})).await.problem(409, "conflict");
        let ids = nominee_ids(&received);
        // Review: one not eligible, with a reason (required).
        let missing_reason = step_res(&app, &t.office, &received, "review", json!({ "nominees": [{ "nomineeId": ids[0], "eligible": true }, { "nomineeId": ids[1], "eligible": false }] })).await;
        assert_eq!(missing_reason.field_errors(), ["nominees[1].reason:required"]);
        let none = step_res(&app, &t.office, &received, "review", json!({ "nominees": [{ "nomineeId": ids[0], "eligible": false, "reason": "Thiếu" }, { "nomineeId": ids[1], "eligible": false, "reason": "Thiếu" }] })).await;
        assert_eq!(none.field_errors(), ["nominees:none_eligible"]);
        let done = step(&app, &t.office, &received, "review", json!({ "nominees": [{ "nomineeId": ids[0], "eligible": true }, { "nomineeId": ids[1], "eligible": false, "reason": "Thành tích đã được khen ở dịp khác." }] })).await;
        let offered: Vec<Value> = done["allowedActions"].as_array().unwrap().iter().map(|a| a["action"].clone()).collect();
        assert!(offered.contains(&json!("send_to_decision")) && !offered.contains(&json!("start_notice")) && !offered.contains(&json!("send_to_council")), "{offered:?}");
        let pending = step(&app, &t.office, &done, "send-to-decision", json!({})).await;
        let forwarded = step(&app, &t.office, &pending, "forward", json!({ "forwardedOn": today(&app) })).await;
        assert!(forwarded["forward"]["toTrinhNumber"].as_str().unwrap().ends_with("/TTr-STP"));
        // The outcome must cover the nominee still in the running, and only them.
        let wrong = step_res(&app, &t.office, &forwarded, "record-outcome", json!({ "decisionNumber": "1/QĐ-UBND", "decisionDate": today(&app), "nominees": [{ "nomineeId": ids[1], "approved": true }] })).await;
        assert_eq!(wrong.status, 422, "{}", wrong.text);
        let awarded = step(&app, &t.office, &forwarded, "record-outcome", outcome_all(&app, &forwarded, true)).await;
        assert_eq!(awarded["state"], "awarded");
        assert_eq!(awarded["nominees"][0]["outcome"], "approved");
        assert_eq!(awarded["nominees"][1]["outcome"], "rejected");
        assert_eq!(awarded["nominees"][1]["outcomeReason"], "Không đủ điều kiện khi thẩm định.");
        // A higher authority that awards no one leaves the proposal not awarded.
        ad_hoc["title"] = json!("Đề nghị thứ hai");
        ad_hoc["nominees"] = json!([person("Đinh Văn Toàn", tgpl)]);
        let second = create(&app, &t.head, &ad_hoc).await;
        attach(&app, &t.head, second["id"].as_i64().unwrap(), "to_trinh").await;
        let second = fetch(&app, &t.head, &second).await;
        let second = step(&app, &t.head, &second, "submit", json!({})).await;
        let second = step(&app, &t.office, &second, "receive", json!({})).await;
        let second = step(&app, &t.office, &second, "review", all_eligible(&second)).await;
        let second = step(&app, &t.office, &second, "send-to-decision", json!({})).await;
        let second = step(&app, &t.leader, &second, "forward", json!({ "forwardedOn": today(&app) })).await;
        let rejected = step(&app, &t.office, &second, "record-outcome", outcome_all(&app, &second, false)).await;
        assert_eq!(rejected["state"], "rejected");
    }
);

db_test!(
    async fn every_step_is_on_the_timeline_and_in_the_audit_log(app) {
        let t = Tokens::new(&app).await;
        let tgpl = app.unit_id("TGPL").await;
        let simple = body(&app, &t.head, "TGPL", "GK-GDS", "ad_hoc", vec![person("Huỳnh Thị Mai", tgpl)]).await;
        let draft = create(&app, &t.head, &simple).await;
        attach(&app, &t.head, draft["id"].as_i64().unwrap(), "to_trinh").await;
        let draft = fetch(&app, &t.head, &draft).await;
        let sent = step(&app, &t.head, &draft, "submit", json!({ "note": "Kính gửi Văn phòng" })).await;
        let back = step(&app, &t.office, &sent, "return", json!({ "note": "Ghi rõ thời gian, địa điểm của thành tích." })).await;
        assert_eq!(back["returnReason"], "Ghi rõ thời gian, địa điểm của thành tích.");
        let again = step(&app, &t.head, &back, "submit", json!({})).await;
        assert!(again["returnReason"].is_null());
        let received = step(&app, &t.office, &again, "receive", json!({})).await;
        let done = step(&app, &t.office, &received, "review", all_eligible(&received)).await;
        let pending = step(&app, &t.office, &done, "send-to-decision", json!({})).await;
        let approved = step(&app, &t.leader, &pending, "approve", approve_all(&app, &pending)).await;
        let timeline: Vec<(String, Option<String>, Option<String>)> = approved["timeline"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| (e["action"].as_str().unwrap().to_owned(), e["toState"].as_str().map(str::to_owned), e["note"].as_str().map(str::to_owned)))
            .collect();
        let actions: Vec<&str> = timeline.iter().map(|(a, _, _)| a.as_str()).collect();
        assert_eq!(actions, ["create", "upload", "submit", "return", "submit", "receive", "review", "send_to_decision", "approve"]);
        assert_eq!(timeline[3].2.as_deref(), Some("Ghi rõ thời gian, địa điểm của thành tích."));
        for event in approved["timeline"].as_array().unwrap() {
            assert!(!event["actorName"].as_str().unwrap().is_empty() && event["occurredAt"].is_string());
        }
        assert_eq!(approved["nominees"][0]["rewardAmount"], 702_000, "0.3 × 2.340.000 đ");
        assert_eq!(approved["decision"]["totalReward"], 702_000);
        let audit = app.get(&format!("/api/v1/audit?entityType=commendation_proposal&entityId={}&pageSize=100", approved["id"])).token(&t.admin).send().await;
        let entries = audit.ok()["items"].as_array().unwrap().len();
        assert_eq!(entries, 8, "create and 7 steps: {}", audit.text);
    }
);
