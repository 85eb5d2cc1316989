//! Generates realistic exemplars (with initiatives, movements, timelines and final evaluations)
//! across the seeded units, for benchmarks. Rows go in with multi-row `INSERT`s of generated,
//! escaped literals, in one transaction per batch, on either database.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use lantoa::db::DbConnection;
use lantoa::db::schema::{criteria, criteria_sets, movements, units, users};
use lantoa::db::search;

pub(crate) const FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Võ", "Phan", "Trương", "Bùi", "Đặng", "Đỗ",
    "Ngô", "Hồ", "Dương", "Lý",
];
pub(crate) const MIDDLE: &[&str] = &[
    "Văn", "Thị", "Minh", "Thanh", "Hoàng", "Ngọc", "Quốc", "Thu", "Hữu", "Kim", "Đức", "Bảo",
];
pub(crate) const GIVEN: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hạnh", "Hùng", "Hương", "Khoa", "Lan", "Linh",
    "Long", "Mai", "Nam", "Nga", "Phong", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Trung",
    "Tuấn", "Vy", "Yến", "Đức", "Ánh", "Nhung",
];
pub(crate) const FIELDS: &[&str] = &[
    "Trợ giúp pháp lý",
    "Hộ tịch",
    "Chứng thực",
    "Hòa giải cơ sở",
    "Phổ biến, giáo dục pháp luật",
    "Công chứng",
    "Đấu giá tài sản",
    "Xây dựng văn bản",
    "Kiểm tra văn bản",
    "Lý lịch tư pháp",
    "Bồi thường nhà nước",
    "Hành chính, văn phòng",
];
pub(crate) const ACTIONS: &[&str] = &[
    "hòa giải thành",
    "tư vấn pháp luật miễn phí cho",
    "trợ giúp pháp lý cho",
    "tuyên truyền pháp luật đến",
    "số hóa hồ sơ của",
    "rút ngắn thời gian giải quyết cho",
    "hướng dẫn thủ tục cho",
    "đề xuất sáng kiến phục vụ",
];
pub(crate) const WHOM: &[&str] = &[
    "người nghèo",
    "đồng bào dân tộc thiểu số",
    "người cao tuổi",
    "học sinh các trường",
    "doanh nghiệp nhỏ",
    "hộ gia đình ở vùng sâu",
    "người khuyết tật",
    "công nhân khu công nghiệp",
];
pub(crate) const PLACES: &[&str] = &[
    "xã Mỹ Hiệp",
    "phường Cao Lãnh",
    "xã Tân Thuận",
    "phường Đạo Thạnh",
    "xã Long Hưng",
    "xã Phú Thành",
    "phường Mỹ Phú",
    "xã An Bình",
];
pub(crate) const INITIATIVES: &[&str] = &[
    "Số hóa hồ sơ trợ giúp pháp lý",
    "Tư vấn pháp luật qua Zalo",
    "Sổ tay hòa giải viên",
    "Chứng thực điện tử tại chỗ",
    "Tủ sách pháp luật lưu động",
    "Lịch tiếp dân trực tuyến",
    "Mẫu văn bản điện tử dùng chung",
];

/// A small deterministic generator (xorshift), so runs are reproducible.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

pub(crate) fn quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

fn opt(text: Option<&str>) -> String {
    text.map(quote).unwrap_or_else(|| "NULL".to_owned())
}

pub(crate) fn boolean(conn: &DbConnection, value: bool) -> &'static str {
    match (conn.backend(), value) {
        (lantoa::db::Backend::Postgres, true) => "TRUE",
        (lantoa::db::Backend::Postgres, false) => "FALSE",
        (_, true) => "1",
        (_, false) => "0",
    }
}

pub struct Generated {
    pub exemplars: usize,
    pub evaluations: usize,
    pub first_id: i64,
    pub last_id: i64,
}

/// Adds `count` exemplars; about half get a final office evaluation against the current set.
pub fn generate(conn: &mut DbConnection, count: usize, seed: u64) -> Generated {
    let mut rng = Rng::new(seed);
    let unit_rows: Vec<(i64, String)> = units::table
        .filter(units::active.eq(true))
        .filter(units::kind.ne("department"))
        .select((units::id, units::name))
        .load(conn)
        .unwrap();
    let movement_ids: Vec<i64> = movements::table.select(movements::id).load(conn).unwrap();
    let office: (i64, String) = users::table
        .filter(users::role.eq("office"))
        .select((users::id, users::username))
        .first(conn)
        .unwrap();
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
    let first_id: i64 = lantoa::db::schema::exemplars::table
        .select(diesel::dsl::max(lantoa::db::schema::exemplars::id))
        .first::<Option<i64>>(conn)
        .unwrap()
        .unwrap_or(0)
        + 1;
    let stages = [
        "discovered",
        "discovered",
        "nurturing",
        "nurturing",
        "summarized",
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
    let now = "2026-11-27 08:00:00";
    let mut evaluations = 0;
    let batch = 400;
    let mut id = first_id;
    let mut remaining = count;
    while remaining > 0 {
        let n = remaining.min(batch);
        let mut exemplar_values = Vec::with_capacity(n);
        let mut movement_values = Vec::new();
        let mut initiative_values = Vec::new();
        let mut event_values = Vec::new();
        let mut evaluation_rows = Vec::new();
        for _ in 0..n {
            let (unit_id, unit_name) = &unit_rows[rng.below(unit_rows.len())];
            let collective = rng.below(6) == 0;
            let name = if collective {
                format!(
                    "Tập thể {} {}",
                    rng.pick(&[
                        "Tổ hòa giải",
                        "Tổ trợ giúp",
                        "Nhóm tuyên truyền",
                        "Bộ phận một cửa"
                    ]),
                    rng.pick(PLACES)
                )
            } else {
                format!(
                    "{} {} {}",
                    rng.pick(FAMILY),
                    rng.pick(MIDDLE),
                    rng.pick(GIVEN)
                )
            };
            let field = rng.pick(FIELDS);
            let achievements = format!(
                "Năm {}, đã {} {} {} tại {}; được Ủy ban nhân dân {} ghi nhận.",
                2024 + rng.below(3),
                20 + rng.below(300),
                rng.pick(ACTIONS),
                rng.pick(WHOM),
                rng.pick(PLACES),
                rng.pick(PLACES)
            );
            let year = 2024 + rng.below(3) as i32;
            let discovered_on = format!("{year}-{:02}-{:02}", 1 + rng.below(11), 1 + rng.below(28));
            let stage = stages[rng.below(stages.len())];
            let category = categories[rng.below(categories.len())];
            let evaluated = rng.below(2) == 0;
            let conclusion = evaluated.then(|| conclusions[rng.below(conclusions.len())]);
            let initiative = (rng.below(3) == 0).then(|| rng.pick(INITIATIVES));
            let text = search::document([
                name.as_str(),
                field,
                unit_name.as_str(),
                achievements.as_str(),
                initiative.unwrap_or(""),
            ]);
            exemplar_values.push(format!(
                "({id}, {}, {}, {}, NULL, {}, {unit_id}, '{category}', {}, {}, '{discovered_on}', 'Qua phong trào thi đua', NULL, '{stage}', '{now}', {}, \
                 'confirmed', {}, {year}, {}, {}, {}, 3, '{now}', '{now}')",
                quote(if collective { "collective" } else { "individual" }),
                quote(&name),
                if collective { "NULL".to_owned() } else { quote("Chuyên viên") },
                if collective { (3 + rng.below(20)).to_string() } else { "NULL".to_owned() },
                quote(field),
                quote(&achievements),
                if stage == "stopped" { quote("Chuyển công tác") } else { "NULL".to_owned() },
                opt(conclusion),
                quote(&text),
                quote(&search::fold(&name)),
                office.0,
            ));
            movement_values.push(format!(
                "({id}, {}, {unit_id})",
                movement_ids[rng.below(movement_ids.len())]
            ));
            if let Some(title) = initiative {
                initiative_values.push(format!("({id}, 0, {}, {year}, NULL, NULL)", quote(title)));
            }
            event_values.push(format!(
                "({id}, 'created', NULL, 'discovered', NULL, {}, {}, '{now}')",
                office.0,
                quote(&office.1)
            ));
            if let Some(conclusion) = conclusion {
                evaluation_rows.push((id, conclusion));
            }
            id += 1;
        }
        let columns = "id, subject_kind, name, position, title, member_count, unit_id, category, field_of_work, achievements, discovered_on, \
                       discovery_method, discovered_by, stage, stage_changed_at, stopped_reason, record_status, current_conclusion, discovery_year, \
                       search_text, sort_name, created_by, version, created_at, updated_at";
        let mut sql = format!(
            "INSERT INTO exemplars ({columns}) VALUES {};\n",
            exemplar_values.join(",\n")
        );
        sql += &format!(
            "INSERT INTO exemplar_movements (exemplar_id, movement_id, unit_id) VALUES {};\n",
            movement_values.join(",")
        );
        if !initiative_values.is_empty() {
            sql += &format!(
                "INSERT INTO initiatives (exemplar_id, position, title, year, recognised_by, scope) VALUES {};\n",
                initiative_values.join(",")
            );
        }
        sql += &format!(
            "INSERT INTO stage_events (exemplar_id, action, from_stage, to_stage, note, actor_user_id, actor_name, occurred_at) VALUES {};\n",
            event_values.join(",")
        );
        let final_status = "final";
        for (exemplar_id, conclusion) in &evaluation_rows {
            let met = *conclusion == "passed";
            sql += &format!(
                "INSERT INTO evaluations (exemplar_id, criteria_set_id, evaluator_user_id, evaluator_kind, status, score_percent, computed_conclusion, \
                 conclusion, finalised_at, version, created_at, updated_at) VALUES ({exemplar_id}, {set_id}, {}, 'office_review', '{final_status}', {}, \
                 '{conclusion}', '{conclusion}', '{now}', 2, '{now}', '{now}');\n",
                office.0,
                if met { 100 } else { 50 }
            );
            let items: Vec<String> = criterion_ids
                .iter()
                .enumerate()
                .map(|(i, criterion)| {
                    let value = boolean(conn, met || i < 2);
                    format!("((SELECT MAX(id) FROM evaluations), {criterion}, {value}, NULL, 'Minh chứng kèm theo hồ sơ', NULL)")
                })
                .collect();
            sql += &format!(
                "INSERT INTO evaluation_items (evaluation_id, criterion_id, met, score, evidence, comment) VALUES {};\n",
                items.join(",")
            );
        }
        evaluations += evaluation_rows.len();
        lantoa::db::write_transaction(conn, |conn| {
            conn.batch_execute(&sql)
                .map_err(lantoa::error::AppError::from)
        })
        .unwrap();
        remaining -= n;
    }
    if conn.backend() == lantoa::db::Backend::Postgres {
        // Explicit ids bypass the identity sequence: move it past them.
        conn.batch_execute("SELECT setval(pg_get_serial_sequence('exemplars', 'id'), (SELECT MAX(id) FROM exemplars))").unwrap();
        // What autovacuum would do after a bulk load: statistics and the visibility map
        // (without which counts cannot use index-only scans).
        conn.batch_execute("VACUUM ANALYZE").unwrap();
    } else {
        conn.batch_execute("ANALYZE;").unwrap();
    }
    Generated {
        exemplars: count,
        evaluations,
        first_id,
        last_id: id - 1,
    }
}
