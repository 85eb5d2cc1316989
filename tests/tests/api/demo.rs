//! `lantoa seed-demo`'s demo year: a realistic 2026 with every stage and record status, the stage
//! records, evaluations of both conclusions, photos, movements and the monthly introductions on
//! time, late and missing; nothing dated after today; running it twice changes nothing.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use lantoa::db::schema::{
    attachments, difficulties, difficulty_events, email_outbox, evaluations, exemplar_movements,
    exemplar_publications, exemplars, introductions, milestones, notifications, nurturing_plans,
    propagation_activities, reminder_claims, replications, report_submissions, settings,
    stage_events, summaries, users, webhook_deliveries, webhook_subscriptions,
};
use lantoa::evaluations::model::{EvaluationStatus, EvaluatorKind};
use lantoa::exemplars::types::{Conclusion, MilestoneStatus, RecordStatus, Stage, TimelineAction};
use lantoa::introductions::grid::{self, CellStatus};
use lantoa::seed::demo_year;
use lantoa::time::Month;
use lantoa_tests::{DEMO_PASSWORD, TestApp, db_test};

fn seed(app: &TestApp) -> demo_year::Report {
    let data_dir = app.state.settings.data_dir.clone();
    let clock = app.state.clock.clone();
    app.db(|conn| demo_year::seed(conn, &data_dir, &clock))
        .expect("the demo year seeds")
}

/// How many rows each table the seeder writes holds.
fn counts(app: &TestApp) -> Vec<(&'static str, i64)> {
    app.db(|conn| {
        vec![
            ("users", users::table.count().get_result(conn).unwrap()),
            (
                "exemplars",
                exemplars::table.count().get_result(conn).unwrap(),
            ),
            (
                "stage_events",
                stage_events::table.count().get_result(conn).unwrap(),
            ),
            (
                "plans",
                nurturing_plans::table.count().get_result(conn).unwrap(),
            ),
            (
                "milestones",
                milestones::table.count().get_result(conn).unwrap(),
            ),
            (
                "summaries",
                summaries::table.count().get_result(conn).unwrap(),
            ),
            (
                "replications",
                replications::table.count().get_result(conn).unwrap(),
            ),
            (
                "evaluations",
                evaluations::table.count().get_result(conn).unwrap(),
            ),
            (
                "introductions",
                introductions::table.count().get_result(conn).unwrap(),
            ),
            (
                "attachments",
                attachments::table.count().get_result(conn).unwrap(),
            ),
            (
                "links",
                exemplar_movements::table.count().get_result(conn).unwrap(),
            ),
            (
                "propagation",
                propagation_activities::table
                    .count()
                    .get_result(conn)
                    .unwrap(),
            ),
            (
                "publications",
                exemplar_publications::table
                    .count()
                    .get_result(conn)
                    .unwrap(),
            ),
            (
                "settings",
                settings::table.count().get_result(conn).unwrap(),
            ),
            (
                "reports",
                report_submissions::table.count().get_result(conn).unwrap(),
            ),
            (
                "claims",
                reminder_claims::table.count().get_result(conn).unwrap(),
            ),
            (
                "notifications",
                notifications::table.count().get_result(conn).unwrap(),
            ),
            (
                "emails",
                email_outbox::table.count().get_result(conn).unwrap(),
            ),
            (
                "webhooks",
                webhook_subscriptions::table
                    .count()
                    .get_result(conn)
                    .unwrap(),
            ),
            (
                "deliveries",
                webhook_deliveries::table.count().get_result(conn).unwrap(),
            ),
            (
                "difficulties",
                difficulties::table.count().get_result(conn).unwrap(),
            ),
            (
                "difficulty_events",
                difficulty_events::table.count().get_result(conn).unwrap(),
            ),
        ]
    })
}

db_test!(
    async fn the_demo_year_tells_the_whole_story_once(app) {
        let report = seed(&app);
        assert!(!report.already_seeded);
        assert_eq!(report.accounts_created, demo_year::UNIT_ACCOUNTS.len());
        let today = app.state.clock.today();
        let now = app.state.clock.now_naive();

        let rows: Vec<(i64, Stage, RecordStatus, Option<Stage>, NaiveDate, Option<Conclusion>)> =
            app.db(|conn| {
                exemplars::table
                    .select((
                        exemplars::id,
                        exemplars::stage,
                        exemplars::record_status,
                        exemplars::proposed_stage,
                        exemplars::discovered_on,
                        exemplars::current_conclusion,
                    ))
                    .load(conn)
                    .unwrap()
            });
        assert!((40..=60).contains(&rows.len()), "{} exemplars", rows.len());
        assert_eq!(report.exemplars, rows.len());
        for stage in Stage::ALL {
            assert!(rows.iter().any(|r| r.1 == *stage), "an exemplar at stage {stage:?}");
        }
        for status in RecordStatus::ALL {
            assert!(rows.iter().any(|r| r.2 == *status), "a record {status:?}");
        }
        assert!(rows.iter().any(|r| r.3.is_some()), "a stage move waiting for the Office");
        let start = NaiveDate::from_ymd_opt(2026, 2, 1).unwrap();
        let end = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap().min(today);
        assert!(rows.iter().all(|r| r.4 >= start && r.4 <= end), "discovered Feb–Nov 2026");
        for conclusion in [Conclusion::Passed, Conclusion::NeedsNurturing] {
            assert!(rows.iter().any(|r| r.5 == Some(conclusion)), "current conclusion {conclusion:?}");
        }

        // The timeline: every exemplar was created, some returned to their unit (now drafts
        // again), and nothing happened after now.
        let events: Vec<(i64, TimelineAction, NaiveDateTime)> = app.db(|conn| {
            stage_events::table
                .select((stage_events::exemplar_id, stage_events::action, stage_events::occurred_at))
                .load(conn)
                .unwrap()
        });
        for row in &rows {
            assert!(
                events.iter().any(|e| e.0 == row.0 && e.1 == TimelineAction::Created),
                "exemplar {} has its creation on the timeline",
                row.0
            );
        }
        let returned: Vec<i64> =
            events.iter().filter(|e| e.1 == TimelineAction::Returned).map(|e| e.0).collect();
        assert!(
            rows.iter().any(|r| returned.contains(&r.0) && r.2 == RecordStatus::Draft),
            "a record returned to its unit"
        );
        for action in [
            TimelineAction::PlanSaved,
            TimelineAction::SummarySaved,
            TimelineAction::ReplicationAdded,
            TimelineAction::Moved,
            TimelineAction::Proposed,
            TimelineAction::Evaluated,
        ] {
            assert!(events.iter().any(|e| e.1 == action), "the timeline has {action:?}");
        }
        assert!(events.iter().all(|e| e.2 <= now), "nothing is dated after now");
        assert!(events.iter().all(|e| e.2 >= NaiveDate::from_ymd_opt(2026, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap()));

        // Evaluations: self-assessments and Office reviews, đạt and cần bồi dưỡng thêm, a draft.
        let evaluated: Vec<(EvaluatorKind, EvaluationStatus, Option<Conclusion>)> = app.db(|conn| {
            evaluations::table
                .select((evaluations::evaluator_kind, evaluations::status, evaluations::conclusion))
                .load(conn)
                .unwrap()
        });
        for kind in [EvaluatorKind::SelfAssessment, EvaluatorKind::OfficeReview] {
            for conclusion in [Conclusion::Passed, Conclusion::NeedsNurturing] {
                assert!(
                    evaluated.iter().any(|e| e.0 == kind
                        && e.1 == EvaluationStatus::Final
                        && e.2 == Some(conclusion)),
                    "a final {kind:?} concluding {conclusion:?}"
                );
            }
        }
        assert!(evaluated.iter().any(|e| e.1 == EvaluationStatus::Draft), "an evaluation in progress");

        // Nurturing milestones due in the next 30 days, and overdue ones, counted from today.
        let steps: Vec<(NaiveDate, MilestoneStatus)> = app.db(|conn| {
            milestones::table
                .select((milestones::due_on, milestones::status))
                .load(conn)
                .unwrap()
        });
        let open = |s: &MilestoneStatus| matches!(s, MilestoneStatus::Planned | MilestoneStatus::InProgress);
        assert!(
            steps.iter().any(|(due, s)| open(s) && *due >= today && *due <= today + Duration::days(30)),
            "a milestone due within 30 days"
        );
        assert!(steps.iter().any(|(due, s)| open(s) && *due < today), "an overdue milestone");
        assert!(steps.iter().any(|(_, s)| *s == MilestoneStatus::Done));

        // Photos: stored as uploads are, with thumbnails.
        let photos: Vec<(String, String, bool)> = app.db(|conn| {
            attachments::table
                .select((attachments::content_type, attachments::sha256, attachments::has_thumbnail))
                .load(conn)
                .unwrap()
        });
        assert!(photos.len() >= 3, "{} photos", photos.len());
        let storage = lantoa::attachments::storage::Storage::new(&app.state.settings.data_dir);
        for (content_type, sha256, thumbnail) in &photos {
            assert_eq!(content_type, "image/png");
            assert!(thumbnail);
            assert!(storage.file_path(sha256).unwrap().is_file(), "the photo's file is stored");
        }
        // Publicity: the propagation log across channels and months, a dozen exemplars
        // published with their subjects' consent, one taken down.
        assert!(report.publicity.propagation >= 1 && report.publicity.published == 12, "{:?}", report.publicity);
        assert_eq!(report.publicity.unpublished, 1);
        let logged: Vec<(String, NaiveDate, NaiveDateTime)> = app.db(|conn| {
            propagation_activities::table
                .select((propagation_activities::channel, propagation_activities::held_on, propagation_activities::created_at))
                .load(conn)
                .unwrap()
        });
        assert_eq!(logged.len(), report.publicity.propagation);
        assert!(logged.iter().all(|(_, held, at)| *held <= today && *at <= now), "nothing after now");
        if today >= NaiveDate::from_ymd_opt(2026, 11, 21).unwrap() {
            let mut channels: Vec<&str> = logged.iter().map(|(c, _, _)| c.as_str()).collect();
            channels.sort_unstable();
            channels.dedup();
            assert_eq!(channels.len(), 8, "every channel: {channels:?}");
            let mut months: Vec<u32> = logged.iter().map(|(_, held, _)| chrono::Datelike::month(held)).collect();
            months.dedup();
            assert!(months.len() >= 8, "across the months: {months:?}");
        }
        let published: Vec<(String, Option<String>)> = app.db(|conn| {
            exemplar_publications::table
                .inner_join(exemplars::table)
                .filter(exemplar_publications::published_at.is_not_null())
                .select((exemplars::subject_kind, exemplar_publications::consent_method))
                .load(conn)
                .unwrap()
        });
        assert_eq!(published.len(), 12);
        assert!(published.iter().all(|(kind, consent)| kind == "collective" || consent.is_some()), "consent of every individual");
        let gallery = app.get("/api/v1/public/exemplars?pageSize=50").send().await;
        assert_eq!(gallery.ok()["total"], 12);
        let units = app.get("/api/v1/public/exemplars/facets").send().await.ok()["units"].as_array().unwrap().len();
        assert!(units >= 5, "the gallery shows the whole Department: {units} units");
        let own_log = app.get("/api/v1/propagation-activities?pageSize=100").token(&app.token("tgpl.canbo").await).send().await;
        assert!(own_log.ok()["items"].as_array().unwrap().iter().all(|a| a["unit"]["code"] == "TGPL"));

        let links: i64 = app.db(|conn| exemplar_movements::table.count().get_result(conn).unwrap());
        assert!(links >= 10, "exemplars are linked to movements ({links})");

        // The introduction grid of 2026: some units on time, some late, some missing.
        let cells: Vec<(String, String, CellStatus)> = app.db(|conn| {
            let grid = grid::load(conn, 2026, today, None).unwrap();
            grid.rows
                .into_iter()
                .flat_map(|row| {
                    let code = row.unit.code.clone();
                    row.cells.into_iter().map(move |c| (code.clone(), c.month, c.status))
                })
                .collect()
        });
        let past_months: Vec<String> = (4..=11)
            .map(|m| format!("2026-{m:02}"))
            .filter(|m| Month::parse(m).unwrap() < Month::of(today))
            .collect();
        let status_of = |code: &str, month: &str| {
            cells.iter().find(|c| c.0 == code && c.1 == month).map(|c| c.2)
        };
        for month in &past_months {
            assert_eq!(status_of("TGPL", month), Some(CellStatus::OnTime), "TGPL {month}");
        }
        for (code, month, status) in [
            ("PCC1", "2026-04", CellStatus::Late),
            ("BTTP", "2026-05", CellStatus::Missing),
            ("DGTS", "2026-04", CellStatus::Missing),
            ("PCC2", "2026-06", CellStatus::Missing),
        ] {
            if past_months.iter().any(|m| m == month) {
                assert_eq!(status_of(code, month), Some(status), "{code} {month}");
            }
        }
        for status in [CellStatus::OnTime, CellStatus::Late, CellStatus::Missing, CellStatus::NotApplicable] {
            assert!(cells.iter().any(|c| c.2 == status), "a cell {status:?}");
        }

        // A unit head of the demo year signs in and sees the unit's exemplars only.
        let token = app.login_full("pbgdpl.truong", DEMO_PASSWORD).await["accessToken"]
            .as_str()
            .unwrap()
            .to_owned();
        let list = app.get("/api/v1/exemplars?pageSize=100").token(&token).send().await;
        let items = list.ok()["items"].as_array().unwrap().clone();
        assert!(items.len() >= 5, "the unit head sees the unit's exemplars");
        assert!(items.iter().all(|e| e["unit"]["code"] == "PBGDPL"));

        // The home pages have what the demo promises: work waiting for the Office and the
        // units, and the Department's picture for the leader.
        let count = |home: &serde_json::Value, kind: &str| {
            home["tasks"].as_array().unwrap().iter().find(|t| t["kind"] == kind).map(|t| t["count"].as_i64().unwrap())
        };
        let office = app.token("vanphong").await;
        let office_home = app.get("/api/v1/home").token(&office).send().await.ok().clone();
        for kind in ["to_confirm", "proposals_to_decide", "milestones_overdue"] {
            assert!(count(&office_home, kind).unwrap() > 0, "{kind}: {office_home}");
        }
        let mut due_soon = 0;
        let mut returned = 0;
        for code in ["tgpl", "pbgdpl", "hctp", "bttp", "pcc1", "dgts", "xdktvb"] {
            let head = app.token(&format!("{code}.truong")).await;
            let home = app.get("/api/v1/home").token(&head).send().await.ok().clone();
            due_soon += count(&home, "milestones_due_soon").unwrap();
            returned += count(&home, "returned").unwrap();
            assert!(home["introduction"]["status"].is_string(), "{code}: {home}");
        }
        assert!(due_soon > 0 && returned > 0, "due soon {due_soon}, returned {returned}");
        let leader = app.token("lanhdao").await;
        let picture = app.get("/api/v1/home").token(&leader).send().await.ok()["picture"].clone();
        let stages_with_records = picture["byStage"].as_array().unwrap().iter().filter(|s| s["count"].as_i64().unwrap() > 0).count();
        assert!(stages_with_records >= 5, "{picture}");
        assert!(picture["introductions"]["onTime"].as_i64().unwrap() > 0);
        assert!(picture["introductions"]["missing"].as_i64().unwrap() > 0);
        assert!(!picture["recentReplications"].as_array().unwrap().is_empty());

        // The reporting calendar (the demo runs after 20/10/2026): obligations in every status,
        // a unit's annual report submitted and another's returned, reminders unread by the
        // demo unit head, nothing dated after now.
        for status in ["done_on_time", "done_late", "missing", "upcoming"] {
            let page = app
                .get(&format!("/api/v1/obligations?status={status}&pageSize=1"))
                .token(&office)
                .send()
                .await
                .ok()
                .clone();
            assert!(page["total"].as_i64().unwrap() > 0, "an obligation {status}: {page}");
        }
        let reports = app.get("/api/v1/report-submissions?pageSize=100").token(&office).send().await.ok().clone();
        let reports = reports["items"].as_array().unwrap();
        let unit_report = |status: &str| {
            reports.iter().any(|r| r["status"] == status && r["kind"] == "annual_report" && r["unit"].is_object())
        };
        assert!(unit_report("submitted") && unit_report("returned"), "{reports:?}");
        assert!(reports.iter().any(|r| r["status"] == "returned" && r["decisionNote"].is_string()));
        // Those two are written in Lan Tỏa, with their narrative; the one waiting for the Office
        // keeps the figures frozen when it was sent (the returned one is being revised).
        let written = app.get("/api/v1/reports?kind=annual_report&pageSize=100").token(&office).send().await.ok().clone();
        let written = written["items"].as_array().unwrap();
        for status in ["submitted", "returned"] {
            let summary = written.iter().find(|r| r["status"] == status && r["unit"].is_object()).unwrap_or_else(|| panic!("a written unit report {status}: {written:?}"));
            let report = app.get(&format!("/api/v1/reports/{}", summary["id"])).token(&office).send().await.ok().clone();
            assert!(report["narrative"]["achievements"].as_str().unwrap().len() > 50, "{report}");
            assert_eq!(report["figuresFrozen"], status == "submitted", "{status}");
            let docx = app.get(&format!("/api/v1/reports/{}/docx", summary["id"])).token(&office).send().await;
            assert_eq!(docx.status, 200);
        }
        let head = app.token("tgpl.truong").await;
        let bell = app.get("/api/v1/notifications?unread=true&pageSize=100").token(&head).send().await.ok().clone();
        let reminders: Vec<&serde_json::Value> = bell["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|n| n["kind"] == "obligation_reminder")
            .collect();
        assert!(!reminders.is_empty(), "the demo unit head has unread reminders: {bell}");
        assert!(reminders.iter().all(|n| n["link"].is_string()), "{bell}");
        let dates: Vec<NaiveDateTime> = app.db(|conn| {
            let mut dates: Vec<NaiveDateTime> =
                notifications::table.select(notifications::created_at).load(conn).unwrap();
            dates.extend(report_submissions::table.select(report_submissions::updated_at).load::<NaiveDateTime>(conn).unwrap());
            dates.extend(difficulties::table.select(difficulties::updated_at).load::<NaiveDateTime>(conn).unwrap());
            dates
        });
        assert!(dates.iter().all(|d| *d <= now + Duration::seconds(5)), "nothing after now");
        let difficulties_seeded: i64 = app.db(|conn| difficulties::table.count().get_result(conn).unwrap());
        assert_eq!(difficulties_seeded, 3);
        assert!(report.calendar.reminders > 0 && report.calendar.reports >= 2);

        // Twice: nothing changes.
        let before = counts(&app);
        let again = seed(&app);
        assert!(again.already_seeded);
        assert_eq!(again.accounts_created, 0);
        assert_eq!(again.exemplars, 0);
        assert!(again.publicity.already_seeded);
        assert_eq!(counts(&app), before);
    }
);

/// The demo commendations, seeded through the API in process as `seed-demo` does.
async fn seed_commendations(app: &TestApp) -> lantoa::seed::demo_commendations::Report {
    let now = app.state.clock.now();
    let state = lantoa::build_state(
        app.state.db.clone(),
        lantoa::clock::Clock::fixed(now),
        b"a secret for the demo seeder only",
        &lantoa::config::AuthArgs::default(),
        lantoa::state::Settings {
            data_dir: app.state.settings.data_dir.clone(),
            ..lantoa::state::Settings::default()
        },
    );
    lantoa::seed::demo_commendations::seed(state, now)
        .await
        .unwrap_or_else(|e| panic!("the demo commendations seed: {:?}", e.internal_cause()))
}

db_test!(
    async fn the_demo_commendations_show_every_state_a_ballot_and_decisions_once(app) {
        use lantoa::db::schema::{
            ballots, commendation_events, commendation_nominees, commendation_proposals, council_meetings,
            notice_comments, register_entries,
        };
        seed(&app);
        let report = seed_commendations(&app).await;
        assert!(!report.already_seeded);
        assert_eq!((report.proposals, report.decided), (8, 2));
        let states: Vec<String> = app.db(|conn| {
            commendation_proposals::table
                .select(commendation_proposals::state)
                .order(commendation_proposals::state)
                .load(conn)
                .unwrap()
        });
        assert_eq!(
            states,
            ["approved", "awarded", "draft", "forwarded", "in_notice", "rejected", "returned", "submitted"]
        );
        // One closed meeting whose ballots were counted: one nominee failed the vote, and the
        // decision left them out (a partial outcome).
        let (meetings, closed_ballots, failed): (Vec<String>, i64, i64) = app.db(|conn| {
            (
                council_meetings::table.select(council_meetings::status).load(conn).unwrap(),
                ballots::table.filter(ballots::status.eq("closed")).count().get_result(conn).unwrap(),
                commendation_nominees::table
                    .filter(commendation_nominees::vote_result.eq("failed"))
                    .filter(commendation_nominees::outcome.eq("rejected"))
                    .count()
                    .get_result(conn)
                    .unwrap(),
            )
        });
        assert_eq!(meetings, ["closed"]);
        assert_eq!((closed_ballots, failed), (4, 1));
        // Numbered documents from the registers: two decisions, the minutes, the tờ trình.
        let numbers: Vec<(String, i32)> = app.db(|conn| {
            register_entries::table
                .select((register_entries::kind, register_entries::number))
                .order((register_entries::kind, register_entries::number))
                .load(conn)
                .unwrap()
        });
        assert_eq!(numbers.iter().filter(|(k, _)| k == "qd").count(), 2, "{numbers:?}");
        assert!(numbers.iter().any(|(k, _)| k == "bb"), "{numbers:?}");
        // The running notice has a published and a pending comment.
        let comments: Vec<String> = app.db(|conn| {
            notice_comments::table
                .select(notice_comments::status)
                .order(notice_comments::status)
                .load(conn)
                .unwrap()
        });
        assert_eq!(comments, ["approved", "pending"]);
        let office = app.token("vanphong").await;
        let notices = app.get("/api/v1/public/commendation-notices").send().await;
        assert_eq!(notices.ok().as_array().map(Vec::len), Some(1), "{}", notices.text);
        let decided = app.get("/api/v1/commendation-proposals?state=approved").token(&office).send().await;
        assert_eq!(decided.status, 200, "{}", decided.text);
        // The awarded Giấy khen are on the portal, with their decision's number.
        let portal = app.get("/api/v1/public/commendations").send().await;
        let items = portal.ok()["items"].as_array().unwrap();
        assert!(!items.is_empty(), "{}", portal.text);
        assert!(items.iter().all(|c| c["decisionNumber"].as_str().is_some_and(|n| n.ends_with("/QĐ-STP"))), "{}", portal.text);

        // Nothing after now.
        let now = app.state.clock.now_naive();
        let latest: Option<NaiveDateTime> = app.db(|conn| {
            commendation_events::table
                .select(diesel::dsl::max(commendation_events::occurred_at))
                .first(conn)
                .unwrap()
        });
        assert!(latest.is_some_and(|at| at <= now + Duration::seconds(5)), "{latest:?} {now}");

        // Twice: nothing changes.
        let before: i64 = app.db(|conn| commendation_events::table.count().get_result(conn).unwrap());
        assert!(seed_commendations(&app).await.already_seeded);
        let after: i64 = app.db(|conn| commendation_events::table.count().get_result(conn).unwrap());
        assert_eq!(before, after);
    }
);
