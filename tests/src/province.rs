//! Generates a large province for the reporting benchmark: 200 units over the plan's 60 months
//! (2026–2030) with about 100,000 exemplars, 300,000 evaluations, 50,000 proposals with their
//! nominees, 100,000 propagation activities, 12,000 monthly introductions and the units' final
//! review reports. Deterministic for a seed; rows go in with multi-row `INSERT`s of generated,
//! escaped literals, one transaction per batch, on either database.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{Duration, NaiveDate};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use lantoa::db::schema::{award_forms, criteria, criteria_sets, movements, units, users};
use lantoa::db::{Backend, DbConnection, search};

use crate::generator::{
    ACTIONS, FAMILY, FIELDS, GIVEN, INITIATIVES, MIDDLE, PLACES, Rng, WHOM, boolean, quote,
};

/// The sizes of a generated province.
#[derive(Debug, Clone, Copy)]
pub struct Size {
    pub units: usize,
    pub exemplars: usize,
    pub evaluations_per_exemplar: usize,
    pub proposals: usize,
    pub activities: usize,
}

impl Size {
    /// The large province.
    pub const LARGE: Size = Size {
        units: 200,
        exemplars: 100_000,
        evaluations_per_exemplar: 3,
        proposals: 50_000,
        activities: 100_000,
    };

    /// Scaled down by `factor` (tests of the generator itself), keeping the 200 units.
    pub fn scaled(factor: usize) -> Size {
        Size {
            units: Self::LARGE.units,
            exemplars: Self::LARGE.exemplars / factor,
            evaluations_per_exemplar: Self::LARGE.evaluations_per_exemplar,
            proposals: Self::LARGE.proposals / factor,
            activities: Self::LARGE.activities / factor,
        }
    }
}

/// What was generated.
#[derive(Debug, Clone, Default)]
pub struct Generated {
    pub units: usize,
    pub exemplars: usize,
    pub evaluations: usize,
    pub proposals: usize,
    pub nominees: usize,
    pub activities: usize,
    pub introductions: usize,
    pub unit_reports: usize,
}

/// The plan's months, January 2026 to December 2030.
const MONTHS: usize = 60;
const BATCH: usize = 500;

fn month_start(index: usize) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026 + (index / 12) as i32, (index % 12) as u32 + 1, 1).unwrap()
}

/// A day in month `index` (0 = January 2026).
fn day_in(rng: &mut Rng, index: usize) -> NaiveDate {
    month_start(index) + Duration::days(rng.below(28) as i64)
}

fn timestamp(day: NaiveDate, rng: &mut Rng) -> String {
    format!("{day} {:02}:{:02}:00", 1 + rng.below(9), rng.below(60))
}

fn next_id(conn: &mut DbConnection, table: &str) -> i64 {
    #[derive(QueryableByName)]
    struct Max {
        #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::BigInt>)]
        id: Option<i64>,
    }
    let max: Max = diesel::sql_query(format!("SELECT CAST(MAX(id) AS BIGINT) AS id FROM {table}"))
        .get_result(conn)
        .unwrap();
    max.id.unwrap_or(0) + 1
}

fn execute(conn: &mut DbConnection, sql: &str) {
    lantoa::db::write_transaction(conn, |conn| {
        conn.batch_execute(sql)
            .map_err(lantoa::error::AppError::from)
    })
    .unwrap();
}

/// Inserts `rows` into `table (columns)` in batches.
fn insert(conn: &mut DbConnection, table: &str, columns: &str, rows: &[String]) {
    for chunk in rows.chunks(BATCH) {
        execute(
            conn,
            &format!(
                "INSERT INTO {table} ({columns}) VALUES {};",
                chunk.join(",\n")
            ),
        );
    }
}

fn person(rng: &mut Rng) -> String {
    format!(
        "{} {} {}",
        rng.pick(FAMILY),
        rng.pick(MIDDLE),
        rng.pick(GIVEN)
    )
}

/// Adds units until the Department has `size.units` active units (besides itself), then the
/// province's five years of work.
pub fn generate(conn: &mut DbConnection, size: Size, seed: u64) -> Generated {
    let mut rng = Rng::new(seed);
    let mut generated = Generated::default();
    let office: (i64, String) = users::table
        .filter(users::role.eq("office"))
        .select((users::id, users::username))
        .first(conn)
        .unwrap();
    let now = "2026-01-02 08:00:00";

    // Units: the seeded ones, then justice offices of communes up to the size.
    let department: i64 = units::table
        .filter(units::kind.eq("department"))
        .select(units::id)
        .first(conn)
        .unwrap();
    let existing: i64 = units::table
        .filter(units::kind.ne("department"))
        .filter(units::active.eq(true))
        .count()
        .get_result(conn)
        .unwrap();
    let mut unit_rows = Vec::new();
    for n in existing as usize..size.units {
        let name = format!("Tư pháp {} số {}", rng.pick(PLACES), n + 1);
        unit_rows.push(format!(
            "('TP{n:03}', {}, {}, 'affiliated', {department}, {}, {}, {}, {}, 1, '{now}', '{now}', '2025-12-01 00:00:00')",
            quote(&name),
            quote(&format!("TP số {}", n + 1)),
            100 + n,
            boolean(conn, true),
            quote(&search::document([name.as_str()])),
            quote(&search::fold(&name)),
        ));
    }
    insert(
        conn,
        "units",
        "code, name, short_name, kind, parent_id, sort_order, active, search_text, sort_name, version, created_at, updated_at, active_since",
        &unit_rows,
    );
    let unit_list: Vec<(i64, String)> = units::table
        .filter(units::kind.ne("department"))
        .filter(units::active.eq(true))
        .select((units::id, units::name))
        .order(units::id)
        .load(conn)
        .unwrap();
    generated.units = unit_list.len();

    let (first_exemplar, exemplar_units) =
        exemplars(conn, &mut rng, size, &unit_list, &office, &mut generated);
    proposals(
        conn,
        &mut rng,
        size,
        &unit_list,
        first_exemplar,
        &exemplar_units,
        &office,
        &mut generated,
    );
    activities(
        conn,
        &mut rng,
        size,
        &unit_list,
        first_exemplar,
        &office,
        &mut generated,
    );
    introductions(
        conn,
        &mut rng,
        &unit_list,
        first_exemplar,
        &exemplar_units,
        &office,
        &mut generated,
    );
    unit_reports(conn, &mut rng, &unit_list, &office, &mut generated);

    if conn.backend() == Backend::Postgres {
        // Explicit ids bypass the identity sequences: move them past the rows.
        for table in [
            "exemplars",
            "evaluations",
            "commendation_proposals",
            "commendation_nominees",
            "propagation_activities",
            "introductions",
        ] {
            conn.batch_execute(&format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))"
            ))
            .unwrap();
        }
        conn.batch_execute("VACUUM ANALYZE").unwrap();
    } else {
        conn.batch_execute("ANALYZE;").unwrap();
    }
    generated
}

/// Exemplars discovered over the 60 months with a movement, some initiatives, their first step,
/// and evaluations (self-assessment, the Office's review, a council member's), all final.
/// Returns the first id and each exemplar's unit (by offset from it).
fn exemplars(
    conn: &mut DbConnection,
    rng: &mut Rng,
    size: Size,
    unit_list: &[(i64, String)],
    office: &(i64, String),
    generated: &mut Generated,
) -> (i64, Vec<i64>) {
    let movement_ids: Vec<i64> = movements::table.select(movements::id).load(conn).unwrap();
    let set_id: i64 = criteria_sets::table
        .filter(criteria_sets::subject_kind.eq("individual"))
        .filter(criteria_sets::status.eq("published"))
        .select(criteria_sets::id)
        .first(conn)
        .unwrap();
    let criterion_ids: Vec<i64> = criteria::table
        .filter(criteria::set_id.eq(set_id))
        .select(criteria::id)
        .load(conn)
        .unwrap();
    let stages = [
        "discovered",
        "nurturing",
        "nurturing",
        "summarized",
        "replicated",
        "replicated",
        "stopped",
        "archived",
    ];
    let categories = [
        "advanced",
        "advanced",
        "new_model",
        "new_factor",
        "good_deed",
    ];
    let conclusions = ["passed", "passed", "needs_nurturing", "not_passed"];
    let kinds = ["self_assessment", "office_review", "council_member"];
    let first_id = next_id(conn, "exemplars");
    let mut evaluation_id = next_id(conn, "evaluations");
    let mut units_of = Vec::with_capacity(size.exemplars);
    let mut id = first_id;
    let mut remaining = size.exemplars;
    while remaining > 0 {
        let n = remaining.min(BATCH);
        let (mut rows, mut links, mut firsts, mut steps, mut evaluations, mut items) =
            (vec![], vec![], vec![], vec![], vec![], vec![]);
        for _ in 0..n {
            let (unit_id, unit_name) = &unit_list[rng.below(unit_list.len())];
            let collective = rng.below(6) == 0;
            let name = if collective {
                format!("Tập thể Tổ hòa giải {}", rng.pick(PLACES))
            } else {
                person(rng)
            };
            let field = rng.pick(FIELDS);
            let month = rng.below(MONTHS - 1);
            let discovered = day_in(rng, month);
            let at = timestamp(discovered, rng);
            let achievements = format!(
                "Năm {}, đã {} {} {} tại {}.",
                discovered.format("%Y"),
                rng.pick(ACTIONS),
                20 + rng.below(300),
                rng.pick(WHOM),
                rng.pick(PLACES)
            );
            let stage = stages[rng.below(stages.len())];
            let category = categories[rng.below(categories.len())];
            let conclusion = conclusions[rng.below(conclusions.len())];
            let initiative = (rng.below(3) == 0).then(|| rng.pick(INITIATIVES));
            let text = search::document([
                name.as_str(),
                field,
                unit_name.as_str(),
                achievements.as_str(),
                initiative.unwrap_or(""),
            ]);
            rows.push(format!(
                "({id}, {}, {}, NULL, NULL, {}, {unit_id}, '{category}', {}, {}, '{discovered}', 'Qua phong trào thi đua', NULL, '{stage}', '{at}', {}, \
                 'confirmed', '{conclusion}', {}, {}, {}, {}, 3, '{at}', '{at}')",
                quote(if collective { "collective" } else { "individual" }),
                quote(&name),
                if collective { (3 + rng.below(20)).to_string() } else { "NULL".to_owned() },
                quote(field),
                quote(&achievements),
                if stage == "stopped" { quote("Chuyển công tác") } else { "NULL".to_owned() },
                discovered.format("%Y"),
                quote(&text),
                quote(&search::fold(&name)),
                office.0,
            ));
            links.push(format!(
                "({id}, {}, {unit_id})",
                movement_ids[rng.below(movement_ids.len())]
            ));
            if let Some(title) = initiative {
                firsts.push(format!(
                    "({id}, 0, {}, {}, 'Hội đồng sáng kiến cơ sở', NULL)",
                    quote(title),
                    discovered.format("%Y")
                ));
            }
            steps.push(format!(
                "({id}, 'created', NULL, 'discovered', NULL, {}, {}, '{at}')",
                office.0,
                quote(&office.1)
            ));
            for (k, kind) in kinds.iter().enumerate().take(size.evaluations_per_exemplar) {
                let finalised = (discovered
                    + Duration::days(10 + 20 * k as i64 + rng.below(20) as i64))
                .min(NaiveDate::from_ymd_opt(2030, 12, 31).unwrap());
                let met = conclusion == "passed";
                evaluations.push(format!(
                    "({evaluation_id}, {id}, {set_id}, {}, '{kind}', 'final', {}, '{conclusion}', '{conclusion}', '{finalised} 09:00:00', 2, '{at}', '{finalised} 09:00:00')",
                    office.0,
                    if met { 100 } else { 50 }
                ));
                if *kind == "office_review" {
                    for (i, criterion) in criterion_ids.iter().enumerate() {
                        items.push(format!(
                            "({evaluation_id}, {criterion}, {}, NULL, 'Minh chứng kèm theo hồ sơ', NULL)",
                            boolean(conn, met || i < 2)
                        ));
                    }
                }
                evaluation_id += 1;
            }
            units_of.push(*unit_id);
            id += 1;
        }
        let columns = "id, subject_kind, name, position, title, member_count, unit_id, category, field_of_work, achievements, discovered_on, \
                       discovery_method, discovered_by, stage, stage_changed_at, stopped_reason, record_status, current_conclusion, discovery_year, \
                       search_text, sort_name, created_by, version, created_at, updated_at";
        let mut sql = format!(
            "INSERT INTO exemplars ({columns}) VALUES {};\n",
            rows.join(",\n")
        );
        sql += &format!(
            "INSERT INTO exemplar_movements (exemplar_id, movement_id, unit_id) VALUES {};\n",
            links.join(",")
        );
        if !firsts.is_empty() {
            sql += &format!(
                "INSERT INTO initiatives (exemplar_id, position, title, year, recognised_by, scope) VALUES {};\n",
                firsts.join(",")
            );
        }
        sql += &format!(
            "INSERT INTO stage_events (exemplar_id, action, from_stage, to_stage, note, actor_user_id, actor_name, occurred_at) VALUES {};\n",
            steps.join(",")
        );
        execute(conn, &sql);
        for chunk in evaluations.chunks(BATCH) {
            execute(
                conn,
                &format!(
                    "INSERT INTO evaluations (id, exemplar_id, criteria_set_id, evaluator_user_id, evaluator_kind, status, score_percent, computed_conclusion, \
                     conclusion, finalised_at, version, created_at, updated_at) VALUES {};",
                    chunk.join(",\n")
                ),
            );
        }
        insert(
            conn,
            "evaluation_items",
            "evaluation_id, criterion_id, met, score, evidence, comment",
            &items,
        );
        generated.evaluations += evaluations.len();
        remaining -= n;
    }
    generated.exemplars = size.exemplars;
    (first_id, units_of)
}

/// Proposals at every step, one to three nominees each (exemplars of the unit or other people),
/// decided by the Department or by higher authorities with their dates.
#[allow(clippy::too_many_arguments)]
fn proposals(
    conn: &mut DbConnection,
    rng: &mut Rng,
    size: Size,
    unit_list: &[(i64, String)],
    first_exemplar: i64,
    exemplar_units: &[i64],
    office: &(i64, String),
    generated: &mut Generated,
) {
    let forms: Vec<(i64, String, String)> = award_forms::table
        .filter(award_forms::status.eq("published"))
        .select((award_forms::id, award_forms::name, award_forms::authority))
        .load(conn)
        .unwrap();
    let states = [
        "awarded",
        "awarded",
        "awarded",
        "awarded",
        "approved",
        "approved",
        "rejected",
        "submitted",
        "received",
        "reviewed",
        "in_notice",
        "draft",
    ];
    let types = ["regular", "regular", "ad_hoc", "thematic", "special"];
    let first = next_id(conn, "commendation_proposals");
    let mut nominee_id = next_id(conn, "commendation_nominees");
    let (mut rows, mut nominees) = (Vec::new(), Vec::new());
    for id in first..first + size.proposals as i64 {
        let (unit_id, unit_name) = &unit_list[rng.below(unit_list.len())];
        let (form_id, form_name, authority) = &forms[rng.below(forms.len())];
        let department = authority == "giam_doc_so";
        let month = rng.below(MONTHS - 2);
        let created = day_in(rng, month);
        let at = timestamp(created, rng);
        let mut state = states[rng.below(states.len())];
        if !department && matches!(state, "approved") {
            state = "forwarded";
        }
        let kind = types[rng.below(types.len())];
        let decided = created + Duration::days(20 + rng.below(30) as i64);
        let (decided_on, forwarded_on, higher_number, higher_date, awarded_on) =
            match (state, department) {
                ("approved" | "awarded", true) => (
                    format!("'{decided}'"),
                    "NULL".to_owned(),
                    "NULL".to_owned(),
                    "NULL".to_owned(),
                    if state == "awarded" {
                        format!("'{}'", decided + Duration::days(7))
                    } else {
                        "NULL".to_owned()
                    },
                ),
                ("awarded" | "rejected", false) => (
                    "NULL".to_owned(),
                    format!("'{decided}'"),
                    quote(&format!("{}/QĐ-UBND", 100 + rng.below(3000))),
                    format!("'{}'", decided + Duration::days(30)),
                    "NULL".to_owned(),
                ),
                ("forwarded", _) => (
                    "NULL".to_owned(),
                    format!("'{decided}'"),
                    "NULL".to_owned(),
                    "NULL".to_owned(),
                    "NULL".to_owned(),
                ),
                ("rejected", true) => (
                    format!("'{decided}'"),
                    "NULL".to_owned(),
                    "NULL".to_owned(),
                    "NULL".to_owned(),
                    "NULL".to_owned(),
                ),
                _ => (
                    "NULL".to_owned(),
                    "NULL".to_owned(),
                    "NULL".to_owned(),
                    "NULL".to_owned(),
                    "NULL".to_owned(),
                ),
            };
        let title = format!("Đề nghị tặng {form_name} năm {}", created.format("%Y"));
        rows.push(format!(
            "({id}, {unit_id}, {form_id}, '{kind}', {}, {}, '{state}', {decided_on}, {}, {}, {forwarded_on}, {higher_number}, {higher_date}, {awarded_on}, {}, {}, 2, '{at}', '{at}')",
            created.format("%Y"),
            quote(&title),
            if decided_on == "NULL" { "NULL".to_owned() } else { quote("PHÓ GIÁM ĐỐC") },
            if decided_on == "NULL" { "NULL".to_owned() } else { quote("Nguyễn Tấn Phong") },
            quote(&search::document([title.as_str(), unit_name.as_str()])),
            office.0,
        ));
        let decided_state = matches!(state, "approved" | "awarded");
        for position in 0..1 + rng.below(3) {
            let from_exemplar = rng.below(2) == 0;
            let exemplar = from_exemplar.then(|| {
                let offset = rng.below(exemplar_units.len());
                first_exemplar + offset as i64
            });
            let name = person(rng);
            let outcome = if decided_state && rng.below(10) > 0 {
                "approved"
            } else if decided_state || state == "rejected" {
                "rejected"
            } else {
                "pending"
            };
            let review = if matches!(state, "draft" | "submitted" | "received") {
                "pending"
            } else {
                "eligible"
            };
            nominees.push(format!(
                "({nominee_id}, {id}, {position}, 'individual', {}, {}, 'Chuyên viên', {unit_id}, {}, {}, {}, {}, '{review}', '{outcome}', {})",
                exemplar.map_or_else(|| "NULL".to_owned(), |e| e.to_string()),
                quote(&name),
                quote(unit_name),
                rng.below(2),
                quote(&format!("{name} hoàn thành xuất sắc nhiệm vụ, có sáng kiến được áp dụng.")),
                quote(&format!("{}|{unit_id}", search::fold(&name))),
                if outcome == "approved" { (1_000_000 + 100_000 * rng.below(20)).to_string() } else { "NULL".to_owned() },
            ));
            nominee_id += 1;
        }
    }
    insert(
        conn,
        "commendation_proposals",
        "id, unit_id, award_form_id, commendation_type, year, title, state, decided_on, signer_title, signer_name, forwarded_on, \
         higher_decision_number, higher_decision_date, awarded_on, search_text, created_by, version, created_at, updated_at",
        &rows,
    );
    insert(
        conn,
        "commendation_nominees",
        "id, proposal_id, position, subject_kind, exemplar_id, full_name, job_title, unit_id, workplace, recognised_initiatives, \
         achievement, subject_key, review, outcome, reward_amount",
        &nominees,
    );
    generated.proposals = rows.len();
    generated.nominees = nominees.len();
}

/// Propagation activities on every channel, each featuring one exemplar, with their reach.
fn activities(
    conn: &mut DbConnection,
    rng: &mut Rng,
    size: Size,
    unit_list: &[(i64, String)],
    first_exemplar: i64,
    office: &(i64, String),
    generated: &mut Generated,
) {
    let channels = [
        "pbgdpl_portal",
        "department_portal",
        "zalo",
        "facebook",
        "press",
        "conference",
        "publication",
        "other",
    ];
    let first = next_id(conn, "propagation_activities");
    let (mut rows, mut links) = (Vec::new(), Vec::new());
    for id in first..first + size.activities as i64 {
        let (unit_id, _) = &unit_list[rng.below(unit_list.len())];
        let channel = channels[rng.below(channels.len())];
        let month = rng.below(MONTHS);
        let held = day_in(rng, month);
        let at = timestamp(held, rng);
        let title = format!("Giới thiệu gương điển hình {} trên {channel}", person(rng));
        let conference = channel == "conference";
        rows.push(format!(
            "({id}, {unit_id}, '{channel}', {}, '{held}', {}, {}, {}, {}, {}, 1, '{at}', '{at}')",
            quote(&title),
            if conference {
                "NULL".to_owned()
            } else {
                (100 + rng.below(5000)).to_string()
            },
            if conference {
                "NULL".to_owned()
            } else {
                rng.below(300).to_string()
            },
            if conference {
                (20 + rng.below(200)).to_string()
            } else {
                "NULL".to_owned()
            },
            quote(&search::document([title.as_str()])),
            office.0,
        ));
        links.push(format!(
            "({id}, {})",
            first_exemplar + rng.below(size.exemplars) as i64
        ));
    }
    insert(
        conn,
        "propagation_activities",
        "id, unit_id, channel, title, held_on, views, shares, attendees, search_text, created_by, version, created_at, updated_at",
        &rows,
    );
    insert(
        conn,
        "propagation_exemplars",
        "activity_id, exemplar_id",
        &links,
    );
    generated.activities = rows.len();
}

/// Each unit's monthly introductions: most on time by the 10th, some late, a few missing.
fn introductions(
    conn: &mut DbConnection,
    rng: &mut Rng,
    unit_list: &[(i64, String)],
    first_exemplar: i64,
    exemplar_units: &[i64],
    office: &(i64, String),
    generated: &mut Generated,
) {
    let mut id = next_id(conn, "introductions");
    let (mut rows, mut links) = (Vec::new(), Vec::new());
    for (unit_id, unit_name) in unit_list {
        for month in 0..MONTHS {
            let roll = rng.below(100);
            if roll < 5 {
                continue;
            }
            let start = month_start(month);
            let on_time = roll >= 12;
            let day = if on_time {
                1 + rng.below(9)
            } else {
                11 + rng.below(15)
            } as i64;
            let at = timestamp(start + Duration::days(day - 1), rng);
            rows.push(format!(
                "({id}, {unit_id}, '{}', {}, {}, 'submitted', '{at}', {}, {}, 2, '{at}', '{at}')",
                start.format("%Y-%m"),
                quote(&format!(
                    "Giới thiệu gương điển hình tháng {}",
                    start.format("%m/%Y")
                )),
                quote(&format!(
                    "{unit_name} giới thiệu gương điển hình tiêu biểu của tháng."
                )),
                boolean(conn, on_time),
                office.0,
            ));
            let offset = rng.below(exemplar_units.len());
            links.push(format!("({id}, {})", first_exemplar + offset as i64));
            id += 1;
        }
    }
    insert(
        conn,
        "introductions",
        "id, unit_id, month, title, write_up, status, submitted_at, on_time, created_by, version, created_at, updated_at",
        &rows,
    );
    insert(
        conn,
        "introduction_exemplars",
        "introduction_id, exemplar_id",
        &links,
    );
    generated.introductions = rows.len();
}

/// Nine units in ten sent their final review report (before 20/7/2030), accepted by the Office.
fn unit_reports(
    conn: &mut DbConnection,
    rng: &mut Rng,
    unit_list: &[(i64, String)],
    office: &(i64, String),
    generated: &mut Generated,
) {
    let mut rows = Vec::new();
    for (unit_id, unit_name) in unit_list {
        if rng.below(10) == 0 {
            continue;
        }
        let at = format!("2030-07-{:02} 09:00:00", 1 + rng.below(19));
        rows.push(format!(
            "('final_review', {unit_id}, '2026-2030', 'accepted', {}, {}, '{at}', '2030-07-25 08:00:00', {}, 2, '{at}', '{at}')",
            quote(&format!("Báo cáo tổng kết 2026–2030 của {unit_name}")),
            office.0,
            office.0,
        ));
    }
    insert(
        conn,
        "report_submissions",
        "kind, unit_id, period, status, title, submitted_by, submitted_at, decided_at, decided_by, version, created_at, updated_at",
        &rows,
    );
    generated.unit_reports = rows.len();
}
