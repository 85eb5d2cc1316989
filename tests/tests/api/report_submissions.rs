//! The report workflow, walked from its transition table: for a unit's report and for the
//! Office's own, in every state, every role's every step is allowed exactly when the table says
//! so, refused ones change nothing, and `allowedActions` lists the same steps.

use lantoa::auth::Role;
use lantoa::calendar::kinds::Responsible;
use lantoa::report_submissions::workflow::{SubmissionAction, SubmissionStatus, TRANSITIONS};
use lantoa_tests::{Res, TestApp, db_test};
use serde_json::{Value, json};

use crate::support::{etag_of, submit_report, vietnam_time};

/// The periods a report can be sent for, handed out one by one per owner.
struct Periods {
    free: Vec<(Option<i64>, &'static str, &'static str)>,
}

impl Periods {
    fn new(units: &[Option<i64>]) -> Self {
        let mut free = Vec::new();
        for unit in units {
            for (kind, period) in [
                ("annual_report", "2026"),
                ("annual_report", "2027"),
                ("annual_report", "2028"),
                ("annual_report", "2029"),
                ("annual_report", "2030"),
                ("midterm_review", "2026-2028"),
                ("final_review", "2026-2030"),
            ] {
                free.push((*unit, kind, period));
            }
        }
        Self { free }
    }

    fn take(&mut self, unit: Option<i64>) -> (&'static str, &'static str) {
        let at = self.free.iter().position(|f| f.0 == unit).expect("a free period");
        let (_, kind, period) = self.free.remove(at);
        (kind, period)
    }
}

struct Tokens {
    head: String,
    office: String,
    leader: String,
    by_role: Vec<(Role, String)>,
}

/// A report of `unit` (`None`: the Office's) brought to `status`.
async fn report_in(app: &TestApp, tokens: &Tokens, periods: &mut Periods, unit: Option<i64>, own_unit: bool, status: SubmissionStatus) -> Value {
    let (kind, period) = periods.take(unit);
    let sender = if unit.is_some() && own_unit { &tokens.head } else { &tokens.office };
    let sent = submit_report(app, sender, kind, unit, period).await;
    assert_eq!(sent.status, 201, "{}", sent.text);
    let decider = if unit.is_some() { &tokens.office } else { &tokens.leader };
    let mut current = sent.body;
    let step = match status {
        SubmissionStatus::Submitted => None,
        SubmissionStatus::Accepted => Some("accept"),
        SubmissionStatus::Returned => Some("return"),
    };
    if let Some(step) = step {
        current = app
            .post(&format!("/api/v1/report-submissions/{}/{step}", current["id"]))
            .token(decider)
            .if_match(&etag_of(&current))
            .json(&json!({ "note": "Ý kiến của Văn phòng Sở." }))
            .send()
            .await
            .ok()
            .clone();
    }
    assert_eq!(current["status"], serde_json::to_value(status).unwrap());
    current
}

async fn take(app: &TestApp, token: &str, report: &Value, action: SubmissionAction) -> Res {
    let body = match action {
        SubmissionAction::Return => json!({ "note": "Thiếu số liệu." }),
        _ => json!({}),
    };
    app.post(&format!("/api/v1/report-submissions/{}/{}", report["id"], action.as_str()))
        .token(token)
        .if_match(&etag_of(report))
        .json(&body)
        .send()
        .await
}

fn allowed(role: Role, responsible: Responsible, status: SubmissionStatus, action: SubmissionAction) -> bool {
    TRANSITIONS
        .iter()
        .any(|t| t.action == action && t.responsible == responsible && t.roles.contains(&role) && t.from.contains(&status))
}

db_test!(
    async fn every_step_on_every_report_follows_the_transition_table(app) {
        // Every period of the plan has begun.
        vietnam_time(&app, 2030, 12, 15, 9, 0);
        let mut by_role = Vec::new();
        for (role, username) in [(Role::Admin, "admin"), (Role::Leader, "lanhdao"), (Role::Office, "vanphong"), (Role::UnitHead, "tgpl.truong"), (Role::UnitStaff, "tgpl.canbo")] {
            by_role.push((role, app.token(username).await));
        }
        let tokens = Tokens {
            head: app.token("tgpl.truong").await,
            office: app.token("vanphong").await,
            leader: app.token("lanhdao").await,
            by_role,
        };
        let tgpl = app.unit_id("TGPL").await;
        let spare: Vec<Option<i64>> = vec![Some(app.unit_id("PBGDPL").await), Some(app.unit_id("HCTP").await), Some(app.unit_id("BTTP").await)];
        let mut units = vec![Some(tgpl), None];
        units.extend(spare.iter().copied());
        let mut periods = Periods::new(&units);
        let steps = [SubmissionAction::Resubmit, SubmissionAction::Accept, SubmissionAction::Return];
        for (owner, responsible) in [(Some(tgpl), Responsible::Unit), (None, Responsible::Office)] {
            for status in SubmissionStatus::ALL.iter().copied() {
                let shared = report_in(&app, &tokens, &mut periods, owner, true, status).await;
                let id = shared["id"].as_i64().unwrap();
                for (role, token) in &tokens.by_role {
                    let seen = app.get(&format!("/api/v1/report-submissions/{id}")).token(token).send().await;
                    if owner.is_none() && role.is_unit_scoped() {
                        seen.problem(404, "not_found");
                    } else {
                        let listed = seen.ok()["allowedActions"].as_array().unwrap().clone();
                        for action in steps {
                            let expected = allowed(*role, responsible, status, action);
                            assert_eq!(listed.contains(&json!(action.as_str())), expected, "{responsible:?} {status:?} {role:?} {action:?}: {listed:?}");
                        }
                    }
                    for action in steps {
                        if allowed(*role, responsible, status, action) {
                            // A fresh report: the unit head's steps on its own unit, the others' on any.
                            let fresh_owner = match (owner, *role) {
                                (Some(_), Role::UnitHead) => owner,
                                (Some(_), _) => spare.iter().copied().find(|u| periods.free.iter().any(|f| f.0 == *u)).unwrap(),
                                (None, _) => None,
                            };
                            let fresh = report_in(&app, &tokens, &mut periods, fresh_owner, fresh_owner == Some(tgpl), status).await;
                            let res = take(&app, token, &fresh, action).await;
                            assert!((200..300).contains(&res.status), "{responsible:?} {status:?} {role:?} {action:?} must be allowed: {}", res.text);
                        } else {
                            let res = take(&app, token, &shared, action).await;
                            assert!(matches!(res.status, 403 | 404 | 409), "{responsible:?} {status:?} {role:?} {action:?} must be refused: {} {}", res.status, res.text);
                            let after = app.get(&format!("/api/v1/report-submissions/{id}")).token(&tokens.office).send().await;
                            assert_eq!(after.ok()["version"], shared["version"], "a refused step changes nothing");
                        }
                    }
                }
            }
        }
    }
);
