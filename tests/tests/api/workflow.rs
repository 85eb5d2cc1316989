//! The exemplar workflow, walked from its transition table: in every record state, every role's
//! every step is allowed exactly when the table says so, the refused ones change nothing, and
//! each response's `allowedActions` lists the same steps.

use lantoa::auth::Role;
use lantoa::exemplars::types::RecordStatus;
use lantoa::exemplars::workflow::{ExemplarAction, ProposalRule, TRANSITIONS};
use lantoa_tests::{TestApp, db_test};
use reqwest::Method;
use serde_json::{Value, json};

use crate::support::{create_exemplar, etag_of, exemplar_body, plan_body};

#[derive(Debug, Clone, Copy)]
struct State {
    record: RecordStatus,
    pending: bool,
}

const STATES: [State; 5] = [
    State {
        record: RecordStatus::Draft,
        pending: false,
    },
    State {
        record: RecordStatus::Submitted,
        pending: false,
    },
    State {
        record: RecordStatus::Confirmed,
        pending: false,
    },
    State {
        record: RecordStatus::Submitted,
        pending: true,
    },
    State {
        record: RecordStatus::Confirmed,
        pending: true,
    },
];

const ROLES: [(Role, &str); 5] = [
    (Role::Admin, "admin"),
    (Role::Leader, "lanhdao"),
    (Role::Office, "vanphong"),
    (Role::UnitHead, "tgpl.truong"),
    (Role::UnitStaff, "tgpl.canbo"),
];

const STEPS: [ExemplarAction; 10] = [
    ExemplarAction::Edit,
    ExemplarAction::Delete,
    ExemplarAction::Submit,
    ExemplarAction::Confirm,
    ExemplarAction::Return,
    ExemplarAction::ProposeStage,
    ExemplarAction::ConfirmStage,
    ExemplarAction::RejectStage,
    ExemplarAction::WithdrawStage,
    ExemplarAction::MoveStage,
];

/// What the table says, for an exemplar of the caller's own unit that has its nurturing plan.
fn allowed(role: Role, state: State, action: ExemplarAction) -> bool {
    TRANSITIONS.iter().any(|t| {
        t.action == action
            && t.roles.contains(&role)
            && t.records.contains(&state.record)
            && match t.proposal {
                ProposalRule::Any => true,
                ProposalRule::NonePending => !state.pending,
                ProposalRule::Pending => state.pending,
            }
    })
}

fn code(action: ExemplarAction) -> Value {
    serde_json::to_value(action).unwrap()
}

/// A TGPL exemplar with its nurturing plan, brought to `state`.
async fn exemplar_in(app: &TestApp, state: State, tokens: &Tokens) -> Value {
    let exemplar = create_exemplar(app, &tokens.staff, "TGPL", "Nguyễn Thị Quy Trình").await;
    let id = exemplar["id"].as_i64().unwrap();
    app.put(&format!("/api/v1/exemplars/{id}/nurturing-plan"))
        .token(&tokens.staff)
        .json(&plan_body())
        .send()
        .await
        .ok();
    let mut current = exemplar;
    if state.record != RecordStatus::Draft {
        current = app
            .post(&format!("/api/v1/exemplars/{id}/submit"))
            .token(&tokens.head)
            .if_match(&etag_of(&current))
            .send()
            .await
            .ok()
            .clone();
    }
    if state.record == RecordStatus::Confirmed {
        current = app
            .post(&format!("/api/v1/exemplars/{id}/confirm"))
            .token(&tokens.office)
            .if_match(&etag_of(&current))
            .json(&json!({}))
            .send()
            .await
            .ok()
            .clone();
    }
    if state.pending {
        current = app
            .post(&format!("/api/v1/exemplars/{id}/stage-proposal"))
            .token(&tokens.head)
            .if_match(&etag_of(&current))
            .json(&json!({ "toStage": "nurturing", "note": "Đã có kế hoạch" }))
            .send()
            .await
            .ok()
            .clone();
    }
    assert_eq!(
        current["recordStatus"],
        serde_json::to_value(state.record).unwrap()
    );
    assert_eq!(current["proposal"].is_object(), state.pending);
    current
}

struct Tokens {
    staff: String,
    head: String,
    office: String,
    by_role: Vec<(Role, String)>,
}

async fn take(
    app: &TestApp,
    token: &str,
    exemplar: &Value,
    action: ExemplarAction,
) -> lantoa_tests::Res {
    let id = exemplar["id"].as_i64().unwrap();
    let unit = exemplar["unit"]["id"].as_i64().unwrap();
    let (method, tail, body) = match action {
        ExemplarAction::Edit => (
            Method::PUT,
            "",
            Some(exemplar_body(unit, "Nguyễn Thị Quy Trình")),
        ),
        ExemplarAction::Delete => (Method::DELETE, "", None),
        ExemplarAction::Submit => (Method::POST, "/submit", None),
        ExemplarAction::Confirm => (Method::POST, "/confirm", Some(json!({}))),
        ExemplarAction::Return => (
            Method::POST,
            "/return",
            Some(json!({ "note": "Bổ sung minh chứng" })),
        ),
        ExemplarAction::ProposeStage => (
            Method::POST,
            "/stage-proposal",
            Some(json!({ "toStage": "nurturing" })),
        ),
        ExemplarAction::ConfirmStage => (Method::POST, "/stage-proposal/confirm", Some(json!({}))),
        ExemplarAction::RejectStage => (
            Method::POST,
            "/stage-proposal/reject",
            Some(json!({ "note": "Chưa đủ minh chứng" })),
        ),
        ExemplarAction::WithdrawStage => (Method::POST, "/stage-proposal/withdraw", None),
        ExemplarAction::MoveStage => (
            Method::POST,
            "/stage",
            Some(json!({ "toStage": "nurturing" })),
        ),
        other => panic!("{other:?} is not a step of this walk"),
    };
    let mut request = app
        .request(method, &format!("/api/v1/exemplars/{id}{tail}"))
        .token(token)
        .if_match(&etag_of(exemplar));
    if let Some(body) = body {
        request = request.json(&body);
    }
    request.send().await
}

db_test!(
    async fn every_step_in_every_state_follows_the_transition_table(app) {
        let mut by_role = Vec::new();
        for (role, username) in ROLES {
            by_role.push((role, app.token(username).await));
        }
        let tokens = Tokens {
            staff: app.token("tgpl.canbo").await,
            head: app.token("tgpl.truong").await,
            office: app.token("vanphong").await,
            by_role,
        };
        for state in STATES {
            let shared = exemplar_in(&app, state, &tokens).await;
            let id = shared["id"].as_i64().unwrap();
            for (role, token) in &tokens.by_role {
                let seen = app.get(&format!("/api/v1/exemplars/{id}")).token(token).send().await;
                let listed: Vec<Value> = seen.ok()["allowedActions"].as_array().unwrap().iter().map(|a| a["action"].clone()).collect();
                for action in STEPS {
                    let expected = allowed(*role, state, action);
                    assert_eq!(listed.contains(&code(action)), expected, "{state:?} {role:?} {action:?}: allowedActions {listed:?}");
                    if expected {
                        let fresh = exemplar_in(&app, state, &tokens).await;
                        let res = take(&app, token, &fresh, action).await;
                        assert!((200..300).contains(&res.status), "{state:?} {role:?} {action:?} must be allowed: {}", res.text);
                    } else {
                        let res = take(&app, token, &shared, action).await;
                        assert!(matches!(res.status, 403 | 409), "{state:?} {role:?} {action:?} must be refused: {} {}", res.status, res.text);
                        let after = app.get(&format!("/api/v1/exemplars/{id}")).token(&tokens.office).send().await;
                        assert_eq!(after.ok()["version"], shared["version"], "a refused step changes nothing");
                    }
                }
            }
        }
    }
);

db_test!(
    async fn stage_moves_say_what_is_missing(app) {
        let staff = app.token("tgpl.canbo").await;
        let head = app.token("tgpl.truong").await;
        let exemplar = create_exemplar(&app, &staff, "TGPL", "Lê Văn Thiếu Hồ Sơ").await;
        let id = exemplar["id"].as_i64().unwrap();
        let sent = app.post(&format!("/api/v1/exemplars/{id}/submit")).token(&head).if_match(&etag_of(&exemplar)).send().await;
        let actions = sent.ok()["allowedActions"].as_array().unwrap().clone();
        let propose: Vec<&Value> = actions.iter().filter(|a| a["action"] == "propose_stage").collect();
        let nurture = propose.iter().find(|a| a["toStage"] == "nurturing").unwrap();
        assert!(nurture["disabledReason"].as_str().unwrap().contains("kế hoạch bồi dưỡng"));
        let stop = propose.iter().find(|a| a["toStage"] == "stopped").unwrap();
        assert!(stop.get("disabledReason").is_none());
        let res = app.post(&format!("/api/v1/exemplars/{id}/stage-proposal")).token(&head).if_match(&sent.etag()).json(&json!({ "toStage": "nurturing" })).send().await;
        res.problem(409, "stage_record_missing");
        app.put(&format!("/api/v1/exemplars/{id}/nurturing-plan")).token(&staff).json(&plan_body()).send().await.ok();
        let now = app.get(&format!("/api/v1/exemplars/{id}")).token(&head).send().await;
        let nurture = now.ok()["allowedActions"].as_array().unwrap().iter().find(|a| a["action"] == "propose_stage" && a["toStage"] == "nurturing").unwrap().clone();
        assert!(nurture.get("disabledReason").is_none(), "{nurture}");
    }
);
