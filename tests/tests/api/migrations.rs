//! Every migration is reversible: up, down, up again, on both databases.

use diesel::RunQueryDsl;
use lantoa::db::{self, Db};
use lantoa_tests::databases::TestDatabase;
use lantoa_tests::db_test_kind;

fn table_exists(conn: &mut db::DbConnection, table: &str) -> bool {
    diesel::sql_query(format!("SELECT 1 FROM {table} LIMIT 1"))
        .execute(conn)
        .is_ok()
}

/// Every table of `backend/src/db/schema.rs`.
const TABLES: &[&str] = &[
    "units",
    "users",
    "sessions",
    "login_attempts",
    "refresh_tokens",
    "service_accounts",
    "audit_log",
    "settings",
    "movements",
    "exemplars",
    "notifications",
    "exemplar_movements",
    "initiatives",
    "stage_events",
    "nurturing_plans",
    "milestones",
    "summaries",
    "replications",
    "introductions",
    "introduction_exemplars",
    "criteria_sets",
    "criteria",
    "evaluations",
    "evaluation_items",
    "attachments",
    "list_generations",
    "propagation_activities",
    "propagation_exemplars",
    "exemplar_publications",
    "report_submissions",
    "reminder_claims",
    "email_outbox",
    "webhook_subscriptions",
    "webhook_deliveries",
    "difficulties",
    "difficulty_events",
    "award_forms",
    "base_salaries",
    "number_registers",
    "register_entries",
    "commendation_occasions",
    "commendation_proposals",
    "commendation_nominees",
    "commendation_events",
    "commendation_attachments",
    "notice_comments",
    "notice_comment_quota",
    "councils",
    "council_members",
    "council_meetings",
    "meeting_agenda",
    "meeting_attendance",
    "ballots",
    "ballot_voters",
    "ballot_choices",
    "eligibility_rules",
    "title_records",
    "discipline_records",
];

db_test_kind!(
    async fn migrations_go_up_down_and_up_again(kind) {
        let database = TestDatabase::empty(kind);
        let pool = Db::connect(&database.url, 1).unwrap();
        let mut conn = pool.get().unwrap();
        let applied = db::run_migrations(&mut conn).unwrap();
        assert!(!applied.is_empty());
        assert!(TABLES.iter().all(|t| table_exists(&mut conn, t)));
        assert!(db::run_migrations(&mut conn).unwrap().is_empty(), "nothing left to apply");

        let reverted = db::revert_all_migrations(&mut conn).unwrap();
        assert_eq!(reverted.len(), applied.len());
        assert!(TABLES.iter().all(|t| !table_exists(&mut conn, t)), "down removes every table");

        assert_eq!(db::run_migrations(&mut conn).unwrap(), applied);
        assert_eq!(lantoa::seed::reference::ensure(&mut conn, lantoa::clock::Clock::system().now_naive()).unwrap(), ["units", "movements", "criteria sets", "commendation catalogue"]);
        assert!(lantoa::seed::reference::ensure(&mut conn, lantoa::clock::Clock::system().now_naive()).unwrap().is_empty(), "reference data is created once");
        assert_eq!(lantoa::seed::demo::seed(&mut conn, lantoa::clock::Clock::system().now_naive()).unwrap(), 5);
        assert_eq!(lantoa::seed::demo::seed(&mut conn, lantoa::clock::Clock::system().now_naive()).unwrap(), 0, "demo accounts are created once");
    }
);
