//! Reports: figures checked against expectations computed here from the fixture's own list (not
//! by the same grouping), frozen at submission, consolidated by the Office and approved by the
//! leader; who reads and writes which report; DOCX and XLSX parsed back for content and layout;
//! the exemplar compendium.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use lantoa::db::schema::{
    criteria_sets, difficulties, evaluations, exemplar_movements, exemplars, introductions,
    movements, replications, units, users,
};
use lantoa_tests::{Res, TestApp, db_test};
use serde_json::{Value, json};

use crate::support::{etag_of, opens_in_libreoffice, png, upload, vietnam_time};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn at(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S").unwrap()
}

/// One exemplar of the fixture.
#[derive(Clone)]
pub(crate) struct Ex {
    pub(crate) unit: &'static str,
    pub(crate) category: &'static str,
    pub(crate) stage: &'static str,
    pub(crate) field: &'static str,
    pub(crate) discovered: &'static str,
    pub(crate) record: &'static str,
    pub(crate) movements: usize,
}

pub(crate) const EXEMPLARS: &[Ex] = &[
    Ex {
        unit: "TGPL",
        category: "advanced",
        stage: "discovered",
        field: "Trợ giúp pháp lý",
        discovered: "2026-01-01",
        record: "confirmed",
        movements: 1,
    },
    Ex {
        unit: "TGPL",
        category: "advanced",
        stage: "nurturing",
        field: "Trợ giúp pháp lý",
        discovered: "2026-03-15",
        record: "submitted",
        movements: 2,
    },
    Ex {
        unit: "TGPL",
        category: "new_model",
        stage: "summarized",
        field: "Hòa giải cơ sở",
        discovered: "2026-06-30",
        record: "confirmed",
        movements: 0,
    },
    Ex {
        unit: "TGPL",
        category: "good_deed",
        stage: "replicated",
        field: "Trợ giúp pháp lý",
        discovered: "2026-12-31",
        record: "confirmed",
        movements: 1,
    },
    // Not counted: a draft, and two outside 2026.
    Ex {
        unit: "TGPL",
        category: "advanced",
        stage: "discovered",
        field: "Trợ giúp pháp lý",
        discovered: "2026-05-05",
        record: "draft",
        movements: 1,
    },
    Ex {
        unit: "TGPL",
        category: "advanced",
        stage: "discovered",
        field: "Trợ giúp pháp lý",
        discovered: "2025-12-31",
        record: "confirmed",
        movements: 1,
    },
    Ex {
        unit: "HCTP",
        category: "new_factor",
        stage: "discovered",
        field: "Hộ tịch",
        discovered: "2027-01-01",
        record: "confirmed",
        movements: 1,
    },
    Ex {
        unit: "HCTP",
        category: "new_factor",
        stage: "stopped",
        field: "Hộ tịch",
        discovered: "2026-08-08",
        record: "confirmed",
        movements: 2,
    },
    Ex {
        unit: "HCTP",
        category: "advanced",
        stage: "nurturing",
        field: "Chứng thực",
        discovered: "2026-09-09",
        record: "submitted",
        movements: 1,
    },
];

pub(crate) fn counted(e: &Ex, from: &str, to: &str) -> bool {
    e.record != "draft" && e.discovered >= from && e.discovered <= to
}

pub(crate) struct Fixture {
    exemplar_ids: Vec<i64>,
    movement_names: Vec<String>,
}

/// Writes the fixture straight into the database (as another feature's data would be).
pub(crate) fn seed(app: &TestApp) -> Fixture {
    app.db(|conn| {
        let unit = |conn: &mut lantoa::db::DbConnection, code: &str| -> i64 {
            units::table
                .filter(units::code.eq(code))
                .select(units::id)
                .first(conn)
                .unwrap()
        };
        let created = at("2026-11-01 02:00:00");
        let moves: Vec<(i64, String)> = movements::table
            .order(movements::id.asc())
            .select((movements::id, movements::name))
            .limit(2)
            .load(conn)
            .unwrap();
        assert_eq!(moves.len(), 2, "the plan's movements are seeded");
        let mut ids = Vec::new();
        for (i, e) in EXEMPLARS.iter().enumerate() {
            let unit_id = unit(conn, e.unit);
            let discovered = day(e.discovered);
            let id: i64 = diesel::insert_into(exemplars::table)
                .values((
                    exemplars::subject_kind.eq("individual"),
                    exemplars::name.eq(format!("Điển hình thử {i}")),
                    exemplars::unit_id.eq(unit_id),
                    exemplars::category.eq(e.category),
                    exemplars::field_of_work.eq(e.field),
                    exemplars::achievements
                        .eq("Hoàn thành xuất sắc nhiệm vụ.\nĐược người dân tin tưởng."),
                    exemplars::discovered_on.eq(discovered),
                    exemplars::stage.eq(e.stage),
                    exemplars::stage_changed_at.eq(created),
                    exemplars::record_status.eq(e.record),
                    exemplars::discovery_year.eq(chrono::Datelike::year(&discovered)),
                    exemplars::search_text.eq(format!("dien hinh thu {i}")),
                    exemplars::sort_name.eq(format!("dien hinh thu {i:02}")),
                    exemplars::version.eq(1),
                    exemplars::created_at.eq(created),
                    exemplars::updated_at.eq(created),
                ))
                .returning(exemplars::id)
                .get_result(conn)
                .unwrap();
            for (movement, _) in moves.iter().take(e.movements) {
                diesel::insert_into(exemplar_movements::table)
                    .values((
                        exemplar_movements::exemplar_id.eq(id),
                        exemplar_movements::movement_id.eq(movement),
                        exemplar_movements::unit_id.eq(unit_id),
                    ))
                    .execute(conn)
                    .unwrap();
            }
            ids.push(id);
        }
        // Introductions of TGPL: April on time, May late, June both (on time), July a draft.
        let tgpl = unit(conn, "TGPL");
        for (month, status, on_time) in [
            ("2026-04", "submitted", Some(true)),
            ("2026-05", "submitted", Some(false)),
            ("2026-06", "submitted", Some(true)),
            ("2026-06", "submitted", Some(false)),
            ("2026-07", "draft", None),
        ] {
            diesel::insert_into(introductions::table)
                .values((
                    introductions::unit_id.eq(tgpl),
                    introductions::month.eq(month),
                    introductions::title.eq("Giới thiệu gương điển hình"),
                    introductions::write_up.eq("Nội dung giới thiệu."),
                    introductions::status.eq(status),
                    introductions::submitted_at.eq(on_time.map(|_| created)),
                    introductions::on_time.eq(on_time),
                    introductions::version.eq(1),
                    introductions::created_at.eq(created),
                    introductions::updated_at.eq(created),
                ))
                .execute(conn)
                .unwrap();
        }
        let set: i64 = criteria_sets::table
            .select(criteria_sets::id)
            .first(conn)
            .unwrap();
        let evaluator: i64 = users::table
            .filter(users::username.eq("vanphong"))
            .select(users::id)
            .first(conn)
            .unwrap();
        // Evaluations: (exemplar index, status, conclusion, kind, finalised, superseded).
        for (index, status, conclusion, kind, finalised, superseded) in [
            (
                0,
                "final",
                "passed",
                "office_review",
                Some("2026-05-01 03:00:00"),
                false,
            ),
            (
                1,
                "final",
                "needs_nurturing",
                "self_assessment",
                Some("2026-12-31 17:30:00"),
                false,
            ), // 00:30 on 01/01/2027 in Vietnam
            (
                2,
                "final",
                "passed",
                "council_member",
                Some("2026-07-01 03:00:00"),
                false,
            ),
            (
                2,
                "final",
                "not_passed",
                "council_member",
                Some("2026-06-01 03:00:00"),
                true,
            ),
            (3, "draft", "passed", "office_review", None, false),
            (
                7,
                "final",
                "not_passed",
                "office_review",
                Some("2025-12-31 17:00:00"),
                false,
            ), // 00:00 on 01/01/2026 in Vietnam
        ] {
            diesel::insert_into(evaluations::table)
                .values((
                    evaluations::exemplar_id.eq(ids[index]),
                    evaluations::criteria_set_id.eq(set),
                    evaluations::evaluator_user_id.eq(evaluator),
                    evaluations::evaluator_kind.eq(kind),
                    evaluations::status.eq(status),
                    evaluations::conclusion.eq(Some(conclusion)),
                    evaluations::finalised_at.eq(finalised.map(at)),
                    evaluations::superseded_at.eq(superseded.then(|| at("2026-07-01 03:00:00"))),
                    evaluations::version.eq(1),
                    evaluations::created_at.eq(created),
                    evaluations::updated_at.eq(created),
                ))
                .execute(conn)
                .unwrap();
        }
        // Replications: (exemplar index, adopter, scale, adopted on).
        for (index, adopter, scale, adopted) in [
            (2, "UBND xã Mỹ Hiệp", "Cấp xã", "2026-08-01"),
            (2, "UBND xã Bình Thạnh", "Cấp xã", "2026-09-01"),
            (3, "Phòng Tư pháp huyện", "Cấp huyện", "2026-10-01"),
            (7, "UBND xã Mỹ Hiệp", "Cấp xã", "2026-10-02"),
            (3, "UBND xã An Bình", "Cấp xã", "2027-01-02"),
        ] {
            diesel::insert_into(replications::table)
                .values((
                    replications::exemplar_id.eq(ids[index]),
                    replications::adopter_name.eq(adopter),
                    replications::adopted_on.eq(day(adopted)),
                    replications::scale.eq(scale),
                    replications::outcome.eq("Áp dụng hiệu quả"),
                    replications::version.eq(1),
                    replications::created_at.eq(created),
                    replications::updated_at.eq(created),
                ))
                .execute(conn)
                .unwrap();
        }
        let hctp = unit(conn, "HCTP");
        for (unit_id, subject, status, raised) in [
            (
                tgpl,
                "Hạn giới thiệu rơi vào ngày nghỉ",
                "answered",
                "2026-03-01 03:00:00",
            ),
            (
                hctp,
                "Thiếu kinh phí tuyên truyền",
                "open",
                "2026-10-01 03:00:00",
            ),
            (hctp, "Việc của năm trước", "closed", "2025-11-01 03:00:00"),
        ] {
            diesel::insert_into(difficulties::table)
                .values((
                    difficulties::unit_id.eq(unit_id),
                    difficulties::subject.eq(subject),
                    difficulties::body.eq("Nội dung."),
                    difficulties::status.eq(status),
                    difficulties::raised_at.eq(at(raised)),
                    difficulties::search_text.eq(subject.to_lowercase()),
                    difficulties::version.eq(1),
                    difficulties::created_at.eq(at(raised)),
                    difficulties::updated_at.eq(at(raised)),
                ))
                .execute(conn)
                .unwrap();
        }
        Fixture {
            exemplar_ids: ids,
            movement_names: moves.into_iter().map(|m| m.1).collect(),
        }
    })
}

fn count_of(list: &Value, key: &str) -> i64 {
    list.as_array()
        .unwrap()
        .iter()
        .find(|c| c["key"] == key)
        .map_or(0, |c| c["count"].as_i64().unwrap())
}

fn active_units(app: &TestApp) -> Vec<String> {
    app.db(|conn| {
        units::table
            .filter(units::active.eq(true))
            .filter(units::kind.ne("department"))
            .select(units::code)
            .load(conn)
            .unwrap()
    })
}

/// Checks 2026's figures for `unit` (None: the Department) against the fixture.
fn check_figures(f: &Value, unit: Option<&str>, fixture: &Fixture, active: usize) {
    let from = "2026-01-01";
    let to = "2026-12-31";
    let mine: Vec<&Ex> = EXEMPLARS
        .iter()
        .filter(|e| counted(e, from, to) && unit.is_none_or(|u| e.unit == u))
        .collect();
    let ex = &f["exemplars"];
    assert_eq!(ex["discovered"], mine.len() as i64);
    for stage in [
        "discovered",
        "nurturing",
        "summarized",
        "replicated",
        "stopped",
        "archived",
    ] {
        assert_eq!(
            count_of(&ex["byStage"], stage),
            mine.iter().filter(|e| e.stage == stage).count() as i64,
            "stage {stage}"
        );
    }
    for category in ["advanced", "new_model", "new_factor", "good_deed"] {
        assert_eq!(
            count_of(&ex["byCategory"], category),
            mine.iter().filter(|e| e.category == category).count() as i64
        );
    }
    let mut fields: BTreeMap<&str, i64> = BTreeMap::new();
    for e in &mine {
        *fields.entry(e.field).or_default() += 1;
    }
    for (field, n) in &fields {
        assert_eq!(count_of(&ex["byField"], field), *n, "field {field}");
    }
    assert_eq!(ex["byField"].as_array().unwrap().len(), fields.len());
    for (i, name) in fixture.movement_names.iter().enumerate() {
        let expected = mine.iter().filter(|e| e.movements > i).count() as i64;
        let got = ex["byMovement"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["label"] == name.as_str())
            .map_or(0, |m| m["count"].as_i64().unwrap());
        assert_eq!(got, expected, "movement {name}");
    }
    // Introductions: April–November judged on 15/11/2026 (due the 10th); TGPL introduced in
    // April (on time), May (late), June (on time), the rest missing; other units nothing.
    let intro = &f["introductions"];
    let units_counted = if unit.is_some() { 1 } else { active };
    let tgpl_counted = unit.is_none_or(|u| u == "TGPL");
    let (on_time, late) = if tgpl_counted { (2, 1) } else { (0, 0) };
    assert_eq!(intro["onTime"], on_time);
    assert_eq!(intro["late"], late);
    assert_eq!(intro["missing"], 8 * units_counted as i64 - on_time - late);
    assert_eq!(intro["byUnit"].as_array().unwrap().len(), units_counted);
    // Evaluations of counted scope: finalised in 2026 (Vietnam time), current, final.
    // One finalised at 00:00 on 01/01/2026 in Vietnam counts; one at 00:30 on 01/01/2027 and
    // a superseded one do not.
    let ev = &f["evaluations"];
    let (total, passed, not_passed) = match unit {
        None => (3, 2, 1),
        Some("TGPL") => (2, 2, 0),
        _ => (1, 0, 1),
    };
    assert_eq!(ev["total"], total);
    assert_eq!(count_of(&ev["byConclusion"], "passed"), passed);
    assert_eq!(count_of(&ev["byConclusion"], "not_passed"), not_passed);
    assert_eq!(count_of(&ev["byConclusion"], "needs_nurturing"), 0);
    // Replications adopted in 2026.
    let rep = &f["replications"];
    let (total, exemplars_replicated, commune) = match unit {
        None => (4, 3, 3),
        Some("TGPL") => (3, 2, 2),
        _ => (1, 1, 1),
    };
    assert_eq!(rep["total"], total);
    assert_eq!(rep["exemplars"], exemplars_replicated);
    assert_eq!(count_of(&rep["byScale"], "Cấp xã"), commune);
    // Difficulties raised in 2026.
    let diff = &f["difficulties"];
    let expected = match unit {
        None => 2,
        _ => 1,
    };
    assert_eq!(diff["total"], expected);
    assert_eq!(diff["items"].as_array().unwrap().len(), expected as usize);
}

fn workbook(bytes: &[u8]) -> calamine::Xlsx<Cursor<Vec<u8>>> {
    calamine::open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap()
}

fn zip_part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes.to_vec())).unwrap();
    let mut part = archive
        .by_name(name)
        .unwrap_or_else(|_| panic!("{name} in the package"));
    let mut text = String::new();
    part.read_to_string(&mut text).unwrap();
    text
}

fn zip_names(bytes: &[u8]) -> Vec<String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes.to_vec())).unwrap();
    (0..archive.len())
        .map(|i| archive.by_index(i).unwrap().name().unwrap().to_string())
        .collect()
}

/// The text of every `w:t` run, paragraphs separated by newlines.
fn docx_text(xml: &str) -> String {
    let mut out = String::new();
    let mut rest = xml;
    while let Some(start) = rest.find("<w:t") {
        let after = &rest[start + 4..];
        if after.starts_with('>') || after.starts_with(' ') {
            let Some(open_end) = after.find('>') else {
                break;
            };
            let body = &after[open_end + 1..];
            if after[..open_end].ends_with('/') {
                rest = body;
                continue;
            }
            let Some(close) = body.find("</w:t>") else {
                break;
            };
            out.push_str(
                &body[..close]
                    .replace("&amp;", "&")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">"),
            );
            rest = &body[close..];
            if let Some(next_p) = rest.find("<w:p")
                && rest[..next_p].contains("</w:p>")
            {
                out.push('\n');
            }
        } else {
            rest = after;
        }
    }
    out
}

fn attribute(xml: &str, element: &str, name: &str) -> i64 {
    let start = xml
        .find(&format!("<{element} "))
        .unwrap_or_else(|| panic!("{element} present"));
    let tag = &xml[start..start + xml[start..].find('>').unwrap()];
    let key = format!("{name}=\"");
    let at = tag
        .find(&key)
        .unwrap_or_else(|| panic!("{element} has {name}: {tag}"))
        + key.len();
    tag[at..at + tag[at..].find('"').unwrap()].parse().unwrap()
}

/// A4 portrait with margins per NĐ 30/2020 (top/bottom 20–25 mm, left 30–35, right 15–20),
/// Times New Roman.
fn check_layout(bytes: &[u8]) {
    let document = zip_part(bytes, "word/document.xml");
    let mm = |twips: i64| twips as f64 * 25.4 / 1440.0;
    assert!((mm(attribute(&document, "w:pgSz", "w:w")) - 210.0).abs() < 0.5);
    assert!((mm(attribute(&document, "w:pgSz", "w:h")) - 297.0).abs() < 0.5);
    let top = mm(attribute(&document, "w:pgMar", "w:top"));
    let bottom = mm(attribute(&document, "w:pgMar", "w:bottom"));
    let left = mm(attribute(&document, "w:pgMar", "w:left"));
    let right = mm(attribute(&document, "w:pgMar", "w:right"));
    assert!(
        (19.9..=25.1).contains(&top) && (19.9..=25.1).contains(&bottom),
        "{top} {bottom}"
    );
    assert!((29.9..=35.1).contains(&left), "{left}");
    assert!((14.9..=20.1).contains(&right), "{right}");
    let styles = zip_part(bytes, "word/styles.xml");
    assert!(
        styles.contains("w:ascii=\"Times New Roman\""),
        "Times New Roman is the default font"
    );
    assert!(!document.contains("w:ascii=\"Calibri\"") && !document.contains("w:ascii=\"Arial\""));
}

async fn create(app: &TestApp, token: &str, body: Value) -> Res {
    app.post("/api/v1/reports")
        .token(token)
        .json(&body)
        .send()
        .await
}

async fn act(app: &TestApp, token: &str, report: &Value, action: &str, note: Option<&str>) -> Res {
    let mut req = app
        .post(&format!("/api/v1/reports/{}/{action}", report["id"]))
        .token(token)
        .if_match(&etag_of(report));
    if action != "submit" {
        req = req.json(&json!({ "note": note }));
    }
    req.send().await
}

db_test!(
    async fn figures_match_the_fixture_for_the_department_each_unit_and_integrations(app) {
        vietnam_time(&app, 2026, 11, 15, 9, 0);
        let fixture = seed(&app);
        let active = active_units(&app).len();
        let office = app.token("vanphong").await;
        let tgpl = app.unit_id("TGPL").await;
        let hctp = app.unit_id("HCTP").await;
        let period = "from=2026-01-01&to=2026-12-31";
        let all = app.get(&format!("/api/v1/report-figures?{period}")).token(&office).send().await;
        check_figures(all.ok(), None, &fixture, active);
        assert!(all.body["unit"].is_null());
        let one = app.get(&format!("/api/v1/report-figures?{period}&unitId={tgpl}")).token(&office).send().await;
        check_figures(one.ok(), Some("TGPL"), &fixture, active);
        let other = app.get(&format!("/api/v1/report-figures?{period}&unitId={hctp}")).token(&office).send().await;
        check_figures(other.ok(), Some("HCTP"), &fixture, active);

        // Provincial systems with `reports:read` get the same figures; without it, 403.
        let integration = app.integration_token(&["reports:read"]).await;
        let theirs = app.get(&format!("/api/v1/report-figures?{period}")).token(&integration).send().await;
        assert_eq!(theirs.ok(), all.ok());
        let unscoped = app.integration_token(&["units:read"]).await;
        app.get(&format!("/api/v1/report-figures?{period}")).token(&unscoped).send().await.problem(403, "forbidden");
        assert_eq!(app.get(&format!("/api/v1/report-figures?{period}")).send().await.status, 401);

        // Unit roles: their unit only, whatever they ask.
        let head = app.token("tgpl.truong").await;
        let own = app.get(&format!("/api/v1/report-figures?{period}")).token(&head).send().await;
        check_figures(own.ok(), Some("TGPL"), &fixture, active);
        let res = app.get(&format!("/api/v1/report-figures?{period}&unitId={hctp}")).token(&head).send().await;
        assert_eq!(res.status, 403, "{}", res.text);
        let res = app.get("/api/v1/report-figures?from=2026-12-31&to=2026-01-01").token(&office).send().await;
        assert_eq!(res.status, 422, "{}", res.text);

        // The same figures as an Excel workbook: one sheet per table, Vietnamese headers, frozen
        // header rows, totals as formulas over the rows; and as CSV.
        let xlsx = app.get(&format!("/api/v1/report-figures/export?{period}")).token(&integration).send().await;
        assert_eq!(xlsx.status, 200);
        assert_eq!(app.get(&format!("/api/v1/report-figures/export?{period}")).send().await.status, 401);
        let body = reqwest::Client::new()
            .get(app.url(&format!("/api/v1/report-figures/export?{period}")))
            .bearer_auth(&office)
            .send()
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap()
            .to_vec();
        check_figures_workbook(&body, all.ok());
        let csv = reqwest::Client::new()
            .get(app.url(&format!("/api/v1/report-figures/export?{period}&format=csv")))
            .bearer_auth(&office)
            .send()
            .await
            .unwrap();
        assert!(csv.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
        let text = csv.text().await.unwrap();
        assert!(text.starts_with('\u{feff}'));
        assert!(text.contains("Giai đoạn,Số lượng") || text.contains("STT,Giai đoạn,Số lượng"), "{text}");
        assert!(text.contains(&format!("Tổng cộng,{}", all.body["exemplars"]["discovered"])), "{text}");
    }
);

fn check_figures_workbook(bytes: &[u8], figures: &Value) {
    use calamine::{Data, Reader};
    let mut book = workbook(bytes);
    let names = book.sheet_names().clone();
    for expected in [
        "Giai đoạn",
        "Loại điển hình",
        "Phong trào thi đua",
        "Lĩnh vực",
        "Theo đơn vị",
        "Giới thiệu hằng tháng",
        "Kết luận đánh giá",
        "Nhân rộng",
        "Khó khăn vướng mắc",
    ] {
        assert!(
            names.iter().any(|n| n == expected),
            "sheet {expected} in {names:?}"
        );
    }
    let range = book.worksheet_range("Giai đoạn").unwrap();
    assert_eq!(
        range.get_value((2, 1)),
        Some(&Data::String("Giai đoạn".into()))
    );
    assert_eq!(
        range.get_value((2, 2)),
        Some(&Data::String("Số lượng".into()))
    );
    let stages = figures["exemplars"]["byStage"].as_array().unwrap();
    for (i, stage) in stages.iter().enumerate() {
        assert_eq!(
            range.get_value((3 + i as u32, 1)),
            Some(&Data::String(stage["label"].as_str().unwrap().into()))
        );
        assert_eq!(
            range.get_value((3 + i as u32, 2)),
            Some(&Data::Float(stage["count"].as_f64().unwrap()))
        );
    }
    let totals_row = 3 + stages.len() as u32;
    assert_eq!(
        range.get_value((totals_row, 1)),
        Some(&Data::String("Tổng cộng".into()))
    );
    let formulas = book.worksheet_formula("Giai đoạn").unwrap();
    let formula = formulas
        .get_value((totals_row, 2))
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        formula.trim_start_matches('='),
        format!("SUM(C4:C{})", totals_row)
    );
    let units = book.worksheet_formula("Giới thiệu hằng tháng").unwrap();
    let rows = figures["introductions"]["byUnit"].as_array().unwrap().len() as u32;
    assert_eq!(
        units
            .get_value((3 + rows, 4))
            .cloned()
            .unwrap_or_default()
            .trim_start_matches('='),
        format!("SUM(E4:E{})", 3 + rows)
    );
    // The header rows are frozen on every sheet.
    for n in 1..=names.len() {
        let sheet = zip_part(bytes, &format!("xl/worksheets/sheet{n}.xml"));
        assert!(
            sheet.contains("ySplit=\"3\"") && sheet.contains("state=\"frozen\""),
            "sheet {n} frozen"
        );
    }
    // Dates as dd/mm/yyyy.
    let styles = zip_part(bytes, "xl/styles.xml");
    assert!(styles.contains("formatCode=\"dd/mm/yyyy\""));
}

db_test!(
    async fn a_unit_report_is_frozen_when_submitted_and_the_office_consolidates_it_for_the_leader(app) {
        vietnam_time(&app, 2026, 10, 5, 9, 0);
        let fixture = seed(&app);
        let head = app.token("tgpl.truong").await;
        let staff = app.token("tgpl.canbo").await;
        let office = app.token("vanphong").await;
        let tgpl = app.unit_id("TGPL").await;

        // The unit's staff drafts the annual report; figures are live and pre-filled.
        let res = create(&app, &staff, json!({ "kind": "annual_report", "unitId": tgpl, "period": "2026" })).await;
        assert_eq!(res.status, 201, "{}", res.text);
        let draft = res.body.clone();
        assert_eq!(draft["status"], "draft");
        assert_eq!(draft["figuresFrozen"], false);
        assert_eq!(draft["from"], "2026-01-01");
        assert_eq!(draft["to"], "2026-12-31");
        assert_eq!(draft["figures"]["figures"]["exemplars"]["discovered"], 4);
        let again = create(&app, &head, json!({ "kind": "annual_report", "unitId": tgpl, "period": "2026" })).await;
        again.problem(409, "conflict");
        assert!(draft["allowedActions"].as_array().unwrap().contains(&json!("edit")));
        assert!(!draft["allowedActions"].as_array().unwrap().contains(&json!("submit")), "staff do not submit");

        let narrative = json!({
            "achievements": "Đơn vị đã phát hiện và bồi dưỡng nhiều điển hình.\n- Tổ chức 12 buổi tuyên truyền",
            "shortcomings": "Một số tháng chưa giới thiệu đúng hạn.",
            "causes": "Nhân lực mỏng.",
            "lessons": "Phân công rõ người phụ trách.",
            "directions": "Tiếp tục phát hiện điển hình ở cơ sở.",
            "recommendations": "Đề nghị Sở hỗ trợ kinh phí."
        });
        let edited = app
            .put(&format!("/api/v1/reports/{}", draft["id"]))
            .token(&staff)
            .if_match(&etag_of(&draft))
            .json(&json!({ "title": "Báo cáo kết quả năm 2026 của Trung tâm", "narrative": narrative }))
            .send()
            .await;
        let edited = edited.ok().clone();
        assert_eq!(edited["narrative"]["causes"], "Nhân lực mỏng.");
        let stale = app
            .put(&format!("/api/v1/reports/{}", draft["id"]))
            .token(&head)
            .if_match(&etag_of(&draft))
            .json(&json!({ "title": "Khác", "narrative": {} }))
            .send()
            .await;
        assert_eq!(stale.status, 412, "{}", stale.text);

        // The head submits before 20/10: on time, figures frozen.
        act(&app, &staff, &edited, "submit", None).await.problem(403, "forbidden");
        let submitted = act(&app, &head, &edited, "submit", None).await;
        let submitted = submitted.ok().clone();
        assert_eq!(submitted["status"], "submitted");
        assert_eq!(submitted["figuresFrozen"], true);
        assert_eq!(submitted["submission"]["onTime"], true);
        // The list says the same: the deadline and whether it was met.
        let listed = app.get("/api/v1/reports?kind=annual_report").token(&office).send().await;
        let summary = listed.ok()["items"].as_array().unwrap().iter().find(|r| r["id"] == submitted["id"]).unwrap().clone();
        assert_eq!(summary["dueOn"], submitted["submission"]["dueOn"]);
        assert_eq!(summary["onTime"], true);
        assert!(submitted["submission"]["submittedBy"].as_str().is_some_and(|name| !name.is_empty()), "{}", submitted["submission"]);
        assert!(submitted["submission"]["decidedBy"].is_null());
        let frozen = submitted["figures"].clone();
        let obligation = crate::support::obligation(&app, &office, &format!("annual_report:2026:{tgpl}")).await;
        assert_eq!(obligation["status"], "done_on_time", "{obligation}");

        // A later change to the data does not alter the submitted report.
        let staff_unit_exemplar = crate::support::create_exemplar(&app, &head, "TGPL", "Điển hình mới sau khi gửi").await;
        app.db(|conn| {
            diesel::update(exemplars::table.find(fixture.exemplar_ids[0]))
                .set(exemplars::stage.eq("archived"))
                .execute(conn)
                .unwrap();
            diesel::update(exemplars::table.find(staff_unit_exemplar["id"].as_i64().unwrap()))
                .set(exemplars::record_status.eq("confirmed"))
                .execute(conn)
                .unwrap();
        });
        let later = app.get(&format!("/api/v1/reports/{}", draft["id"])).token(&head).send().await;
        assert_eq!(later.ok()["figures"], frozen);
        let live = app.get(&format!("/api/v1/report-figures?from=2026-01-01&to=2026-12-31&unitId={tgpl}")).token(&office).send().await;
        assert_eq!(live.ok()["exemplars"]["discovered"], 5);
        assert_ne!(live.body["exemplars"]["byStage"], frozen["figures"]["exemplars"]["byStage"]);
        // Not editable while submitted.
        let res = app
            .put(&format!("/api/v1/reports/{}", draft["id"]))
            .token(&head)
            .if_match(&etag_of(&submitted))
            .json(&json!({ "title": "Sửa sau khi gửi", "narrative": {} }))
            .send()
            .await;
        res.problem(409, "conflict");

        // The Office returns it with comments; the head resubmits after 20/10: late, refrozen.
        act(&app, &office, &submitted, "return", None).await.problem(422, "validation_failed");
        act(&app, &office, &submitted, "approve", None).await.problem(403, "forbidden");
        let returned = act(&app, &office, &submitted, "return", Some("Bổ sung số liệu nhân rộng.")).await;
        let returned = returned.ok().clone();
        assert_eq!(returned["status"], "returned");
        assert_eq!(returned["figuresFrozen"], false);
        assert_eq!(returned["submission"]["decisionNote"], "Bổ sung số liệu nhân rộng.");
        assert_eq!(returned["figures"]["figures"]["exemplars"]["discovered"], 5, "live again while returned");
        vietnam_time(&app, 2026, 10, 21, 8, 0);
        // Tokens from 16 days ago have expired.
        let head = app.token("tgpl.truong").await;
        let office = app.token("vanphong").await;
        let leader = app.token("lanhdao").await;
        let resubmitted = act(&app, &head, &returned, "submit", None).await;
        let resubmitted = resubmitted.ok().clone();
        assert_eq!(resubmitted["status"], "submitted");
        assert_eq!(resubmitted["submission"]["onTime"], false, "late flag");
        assert_eq!(resubmitted["figures"]["figures"]["exemplars"]["discovered"], 5);
        let accepted = act(&app, &office, &resubmitted, "accept", Some("Đã tiếp nhận.")).await;
        let accepted = accepted.ok().clone();
        assert_eq!(accepted["status"], "accepted");
        assert_eq!(accepted["allowedActions"], json!([]));
        assert_ne!(accepted["submission"]["decidedBy"], accepted["submission"]["submittedBy"], "the Office accepted what the unit head sent");
        assert!(accepted["submission"]["decidedBy"].is_string());

        // The Office consolidates: the units' reports, who did not submit, Department figures.
        create(&app, &head, json!({ "kind": "annual_report", "period": "2026" })).await.problem(403, "forbidden");
        let res = create(&app, &office, json!({ "kind": "annual_report", "period": "2026" })).await;
        assert_eq!(res.status, 201, "{}", res.text);
        let consolidated = res.body.clone();
        assert_eq!(consolidated["owner"], "office");
        let c = &consolidated["figures"]["consolidation"];
        let entries = c["unitReports"].as_array().unwrap();
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0]["unit"]["code"], "TGPL");
        assert_eq!(entries[0]["status"], "accepted");
        assert_eq!(entries[0]["onTime"], false);
        assert_eq!(entries[0]["exemplarsDiscovered"], 5);
        assert_eq!(c["totals"]["reports"], 1);
        assert_eq!(c["totals"]["late"], 1);
        let missing: Vec<&str> = c["missingUnits"].as_array().unwrap().iter().map(|u| u["code"].as_str().unwrap()).collect();
        let mut expected: Vec<String> = active_units(&app).into_iter().filter(|u| u != "TGPL").collect();
        expected.sort();
        let mut missing_sorted: Vec<String> = missing.iter().map(|s| (*s).to_owned()).collect();
        missing_sorted.sort();
        assert_eq!(missing_sorted, expected);
        assert_eq!(consolidated["figures"]["figures"]["difficulties"]["total"], 2, "Department-wide difficulties counted");
        assert!(consolidated["figures"]["figures"]["unit"].is_null());

        // The Office submits it to the leader, who approves it (the Office cannot).
        let narrative_only = app
            .put(&format!("/api/v1/reports/{}", consolidated["id"]))
            .token(&office)
            .if_match(&etag_of(&consolidated))
            .json(&json!({ "title": "Báo cáo kết quả phát hiện, bồi dưỡng điển hình tiên tiến năm 2026", "narrative": { "achievements": "Toàn Sở đã phát hiện nhiều điển hình." } }))
            .send()
            .await;
        let consolidated = narrative_only.ok().clone();
        let sent = act(&app, &office, &consolidated, "submit", None).await;
        let sent = sent.ok().clone();
        assert_eq!(sent["status"], "submitted");
        assert_eq!(sent["allowedActions"], json!([]));
        act(&app, &office, &sent, "accept", None).await.problem(403, "forbidden");
        act(&app, &leader, &sent, "accept", None).await.problem(403, "forbidden");
        let seen_by_leader = app.get(&format!("/api/v1/reports/{}", sent["id"])).token(&leader).send().await;
        assert_eq!(seen_by_leader.ok()["allowedActions"], json!(["approve", "return"]));
        let approved = act(&app, &leader, &sent, "approve", Some("Đồng ý gửi Sở Nội vụ.")).await;
        let approved = approved.ok().clone();
        assert_eq!(approved["status"], "accepted");

        // The approved report as an official document and its annex.
        let docx = reqwest::Client::new()
            .get(app.url(&format!("/api/v1/reports/{}/docx", approved["id"])))
            .bearer_auth(&leader)
            .send()
            .await
            .unwrap();
        assert_eq!(docx.status(), 200);
        assert_eq!(docx.headers()["content-type"], "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        let bytes = docx.bytes().await.unwrap().to_vec();
        check_layout(&bytes);
        opens_in_libreoffice(&bytes, "bao-cao-tong-hop.docx");
        let document = zip_part(&bytes, "word/document.xml");
        let text = docx_text(&document);
        for expected in [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "UBND TỈNH ĐỒNG THÁP",
            "SỞ TƯ PHÁP",
            "/BC-STP",
            "Đồng Tháp, ngày 21 tháng 10 năm 2026",
            "BÁO CÁO",
            "I. KẾT QUẢ ĐẠT ĐƯỢC",
            "Toàn Sở đã phát hiện nhiều điển hình.",
            "II. HẠN CHẾ VÀ NGUYÊN NHÂN",
            "III. BÀI HỌC KINH NGHIỆM",
            "V. KIẾN NGHỊ, ĐỀ XUẤT",
            "Tổng cộng",
            "Báo cáo của các đơn vị",
            "Đơn vị chưa gửi báo cáo",
            "Nơi nhận:",
            "Sở Nội vụ;",
            "Lưu: VT, VP.",
            "KT. GIÁM ĐỐC",
            "PHÓ GIÁM ĐỐC",
            "Thiếu kinh phí tuyên truyền",
        ] {
            assert!(text.contains(expected), "«{expected}» in the document:\n{text}");
        }
        let leader_name: String = app.db(|conn| users::table.filter(users::username.eq("lanhdao")).select(users::full_name).first(conn).unwrap());
        assert!(text.contains(&leader_name), "the approving leader signs");
        let discovered = approved["figures"]["figures"]["exemplars"]["discovered"].to_string();
        assert!(text.contains(&format!("Trong kỳ đã phát hiện {discovered} điển hình")));
        assert!(document.contains("<w:tblHeader"), "tables repeat their header row");

        let annex = reqwest::Client::new()
            .get(app.url(&format!("/api/v1/reports/{}/annex", approved["id"])))
            .bearer_auth(&office)
            .send()
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap()
            .to_vec();
        {
            use calamine::{Data, Reader};
            let mut book = workbook(&annex);
            assert!(book.sheet_names().iter().any(|n| n == "Báo cáo của đơn vị"));
            let range = book.worksheet_range("Báo cáo của đơn vị").unwrap();
            assert_eq!(range.get_value((2, 3)), Some(&Data::String("Ngày gửi".into())));
            // The date is a real date cell shown dd/mm/yyyy.
            match range.get_value((3, 3)) {
                Some(Data::DateTime(d)) => assert_eq!(d.as_datetime().unwrap().date(), day("2026-10-21")),
                other => panic!("a date cell, not {other:?}"),
            }
            let formulas = book.worksheet_formula("Báo cáo của đơn vị").unwrap();
            assert_eq!(formulas.get_value((4, 5)).cloned().unwrap_or_default().trim_start_matches('='), "SUM(F4:F4)");
        }

        // The unit's report as its own document: the unit under the Department, "BC-TGPL".
        let unit_docx = reqwest::Client::new()
            .get(app.url(&format!("/api/v1/reports/{}/docx", draft["id"])))
            .bearer_auth(&head)
            .send()
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap()
            .to_vec();
        check_layout(&unit_docx);
        let text = docx_text(&zip_part(&unit_docx, "word/document.xml"));
        assert!(text.contains("/BC-TGPL"), "{text}");
        assert!(text.contains("Tổ chức 12 buổi tuyên truyền"));
        assert!(text.contains("Văn phòng Sở (để tổng hợp);"));
    }
);

db_test!(
    async fn each_role_reads_and_writes_only_the_reports_it_may(app) {
        vietnam_time(&app, 2026, 10, 5, 9, 0);
        let office = app.token("vanphong").await;
        let leader = app.token("lanhdao").await;
        let admin = app.admin().await;
        let head = app.token("tgpl.truong").await;
        let tgpl = app.unit_id("TGPL").await;
        let hctp = app.unit_id("HCTP").await;
        crate::support::unit_person(&app, "hctp.truong", "Trưởng phòng Hành chính tư pháp", lantoa::auth::Role::UnitHead, "HCTP");
        let other_head = app.token("hctp.truong").await;

        let mine = create(&app, &head, json!({ "kind": "annual_report", "unitId": tgpl, "period": "2026" })).await;
        assert_eq!(mine.status, 201, "{}", mine.text);
        let mine = mine.body.clone();
        // Wrong unit: another unit's head neither creates for it nor sees its report.
        create(&app, &other_head, json!({ "kind": "annual_report", "unitId": tgpl, "period": "2027" })).await.problem(403, "outside_unit_scope");
        app.get(&format!("/api/v1/reports/{}", mine["id"])).token(&other_head).send().await.problem(404, "not_found");
        act(&app, &other_head, &mine, "submit", None).await.problem(404, "not_found");
        let docx = app.get(&format!("/api/v1/reports/{}/docx", mine["id"])).token(&other_head).send().await;
        assert_eq!(docx.status, 404);
        let list = app.get("/api/v1/reports").token(&other_head).send().await;
        assert_eq!(list.ok()["total"], 0);
        // Wrong role: the leader reads but does not write or submit a unit's report.
        app.get(&format!("/api/v1/reports/{}", mine["id"])).token(&leader).send().await.ok();
        let res = app
            .put(&format!("/api/v1/reports/{}", mine["id"]))
            .token(&leader)
            .if_match(&etag_of(&mine))
            .json(&json!({ "title": "Lãnh đạo sửa", "narrative": {} }))
            .send()
            .await;
        res.problem(403, "forbidden");
        act(&app, &leader, &mine, "submit", None).await.problem(403, "forbidden");
        act(&app, &admin, &mine, "accept", None).await.problem(403, "forbidden");
        // Accepting a draft is a conflict, not a permission problem.
        act(&app, &office, &mine, "accept", None).await.problem(409, "conflict");
        // No token.
        assert_eq!(app.get(&format!("/api/v1/reports/{}", mine["id"])).send().await.status, 401);
        assert_eq!(app.get("/api/v1/reports").send().await.status, 401);

        // The consolidated report: unit roles neither see nor make it.
        let consolidated = create(&app, &office, json!({ "kind": "annual_report", "period": "2026" })).await;
        assert_eq!(consolidated.status, 201, "{}", consolidated.text);
        let consolidated = consolidated.body.clone();
        app.get(&format!("/api/v1/reports/{}", consolidated["id"])).token(&head).send().await.problem(404, "not_found");
        let listed = app.get("/api/v1/reports").token(&head).send().await;
        let ids: Vec<i64> = listed.ok()["items"].as_array().unwrap().iter().map(|r| r["id"].as_i64().unwrap()).collect();
        assert_eq!(ids, vec![mine["id"].as_i64().unwrap()]);
        let all = app.get("/api/v1/reports?pageSize=100").token(&leader).send().await;
        assert_eq!(all.ok()["total"], 2);
        let integration = app.integration_token(&["reports:read"]).await;
        app.get(&format!("/api/v1/reports/{}", consolidated["id"])).token(&integration).send().await.ok();
        create(&app, &integration, json!({ "kind": "annual_report", "period": "2027" })).await.problem(403, "forbidden");

        // A period the calendar does not have; a unit report for the Department itself.
        let res = create(&app, &office, json!({ "kind": "annual_report", "unitId": hctp, "period": "2031" })).await;
        assert_eq!(res.status, 422, "{}", res.text);
        let department = app.unit_id("STP").await;
        let res = create(&app, &office, json!({ "kind": "annual_report", "unitId": department, "period": "2026" })).await;
        assert_eq!(res.status, 422, "{}", res.text);

        // On-demand reports: any period, never submitted.
        let res = create(&app, &head, json!({ "kind": "on_demand", "unitId": tgpl, "from": "2026-04-01", "to": "2026-06-30" })).await;
        assert_eq!(res.status, 201, "{}", res.text);
        let on_demand = res.body.clone();
        assert_eq!(on_demand["period"], "2026-04-01..2026-06-30");
        assert_eq!(on_demand["allowedActions"], json!(["edit"]));
        act(&app, &head, &on_demand, "submit", None).await.problem(409, "conflict");
        let res = create(&app, &head, json!({ "kind": "on_demand", "unitId": tgpl, "from": "2026-06-30", "to": "2026-04-01" })).await;
        assert_eq!(res.status, 422, "{}", res.text);
        let res = create(&app, &head, json!({ "kind": "on_demand" , "from": "2026-01-01", "to": "2026-06-30" })).await;
        res.problem(403, "outside_unit_scope");
    }
);

db_test!(
    async fn the_compendium_compiles_confirmed_exemplars_with_photos_and_a_table_of_contents(app) {
        vietnam_time(&app, 2026, 11, 15, 9, 0);
        let fixture = seed(&app);
        let office = app.token("vanphong").await;
        let head = app.token("tgpl.truong").await;
        // Exemplars 0, 2 and 3 are TGPL's confirmed records; 7 is HCTP's; 1 is only submitted.
        let chosen = [fixture.exemplar_ids[2], fixture.exemplar_ids[0], fixture.exemplar_ids[7]];
        let photo = upload(&app, &office, &format!("/api/v1/exemplars/{}/attachments", chosen[0]), "anh.png", png(640, 480)).await;
        assert_eq!(photo.status, 201, "{}", photo.text);
        let res = reqwest::Client::new()
            .post(app.url("/api/v1/reports/compendium"))
            .bearer_auth(&office)
            .json(&json!({ "from": "2026-01-01", "to": "2026-12-31", "exemplarIds": chosen }))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        let bytes = res.bytes().await.unwrap().to_vec();
        check_layout(&bytes);
        opens_in_libreoffice(&bytes, "tai-lieu-guong-dien-hinh.docx");
        let document = zip_part(&bytes, "word/document.xml");
        assert!(document.contains("TOC \\o &quot;1-1&quot;") || document.contains("TOC \\o \"1-1\""), "a table of contents field");
        let text = docx_text(&document);
        assert!(text.contains("TÀI LIỆU GƯƠNG ĐIỂN HÌNH TIÊN TIẾN"));
        assert!(text.contains("MỤC LỤC"));
        let first = text.find("1. Điển hình thử 2").expect("first section");
        let second = text.rfind("2. Điển hình thử 0").expect("second section");
        let third = text.rfind("3. Điển hình thử 7").expect("third section");
        assert!(first < second && second < third, "in the chosen order");
        assert_eq!(document.matches("w:pStyle w:val=\"Heading1\"").count(), 3, "one heading per exemplar");
        assert!(zip_names(&bytes).iter().any(|n| n.starts_with("word/media/")), "the photo is embedded");
        assert_eq!(document.matches("<pic:pic").count(), 1, "only the exemplar with a photo has one");
        assert!(text.contains("Hoàn thành xuất sắc nhiệm vụ."));

        // A record not confirmed, or another unit's for a unit role: 422; no token: 401.
        let res = app
            .post("/api/v1/reports/compendium")
            .token(&office)
            .json(&json!({ "from": "2026-01-01", "to": "2026-12-31", "exemplarIds": [fixture.exemplar_ids[1]] }))
            .send()
            .await;
        assert_eq!(res.status, 422, "{}", res.text);
        let res = app
            .post("/api/v1/reports/compendium")
            .token(&head)
            .json(&json!({ "from": "2026-01-01", "to": "2026-12-31", "exemplarIds": [fixture.exemplar_ids[7]] }))
            .send()
            .await;
        assert_eq!(res.status, 422, "{}", res.text);
        let res = app
            .post("/api/v1/reports/compendium")
            .token(&head)
            .json(&json!({ "from": "2026-01-01", "to": "2026-12-31", "exemplarIds": [fixture.exemplar_ids[0], fixture.exemplar_ids[0]] }))
            .send()
            .await;
        assert_eq!(res.status, 422, "{}", res.text);
        let res = app
            .post("/api/v1/reports/compendium")
            .json(&json!({ "from": "2026-01-01", "to": "2026-12-31", "exemplarIds": [fixture.exemplar_ids[0]] }))
            .send()
            .await;
        assert_eq!(res.status, 401);
    }
);

/// Statements `figures::compute` runs for 2026 on one connection.
fn statements_for_figures(app: &TestApp, unit_id: Option<i64>) -> usize {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let now = app.state.clock.now();
    app.db(|conn| {
        let calendar = lantoa::calendar::deadlines::Calendar::load(conn).unwrap();
        let counter = Arc::new(AtomicUsize::new(0));
        let seen = counter.clone();
        conn.set_instrumentation(move |event: diesel::connection::InstrumentationEvent<'_>| {
            if let diesel::connection::InstrumentationEvent::StartQuery { .. } = event {
                seen.fetch_add(1, Ordering::Relaxed);
            }
        });
        let scope = lantoa::reports::figures::Scope {
            from: day("2026-01-01"),
            to: day("2026-12-31"),
            unit_id,
        };
        lantoa::reports::figures::compute(conn, &calendar, scope, now).unwrap();
        counter.load(Ordering::Relaxed)
    })
}

db_test!(
    async fn figures_take_the_same_number_of_statements_however_much_data(app) {
        vietnam_time(&app, 2026, 11, 15, 9, 0);
        let tgpl = app.unit_id("TGPL").await;
        let empty = statements_for_figures(&app, None);
        let empty_unit = statements_for_figures(&app, Some(tgpl));
        seed(&app);
        seed(&app);
        seed(&app);
        assert_eq!(statements_for_figures(&app, None), empty);
        assert_eq!(statements_for_figures(&app, Some(tgpl)), empty_unit);
        assert_eq!((empty, empty_unit), (10, 10), "one statement per figure group");
    }
);

db_test!(
    async fn figures_count_proposals_awards_and_propagation_by_their_own_dates(app) {
        use lantoa::db::schema::{award_forms, commendation_nominees, commendation_proposals, propagation_activities};
        vietnam_time(&app, 2027, 2, 1, 9, 0);
        let tgpl = app.unit_id("TGPL").await;
        let hctp = app.unit_id("HCTP").await;
        app.db(|conn| {
            let mut form = |code: &str| -> i64 {
                award_forms::table
                    .filter(award_forms::code.eq(code))
                    .filter(award_forms::status.eq("published"))
                    .select(award_forms::id)
                    .first(conn)
                    .unwrap()
            };
            let (gk, bk) = (form("GK-GDS"), form("BK-UBND"));
            // (unit, form, type, state, created, decided, higher decision, nominees: (outcome, reward))
            type P<'a> = (i64, i64, &'a str, &'a str, &'a str, Option<&'a str>, Option<&'a str>, Vec<(&'a str, Option<i64>)>);
            let proposals: Vec<P> = vec![
                (tgpl, gk, "regular", "approved", "2026-03-01 02:00:00", Some("2026-04-01"), None,
                    vec![("approved", Some(1_000_000)), ("approved", Some(1_000_000)), ("rejected", None)]),
                (hctp, bk, "ad_hoc", "awarded", "2026-05-01 02:00:00", None, Some("2026-06-15"), vec![("approved", Some(3_000_000))]),
                // A draft: not counted.
                (tgpl, gk, "regular", "draft", "2026-02-01 02:00:00", None, None, vec![("pending", None)]),
                // Drafted before the period, decided in it: an award, not a proposal of 2026.
                (tgpl, gk, "thematic", "approved", "2025-12-20 02:00:00", Some("2026-01-10"), None, vec![("approved", Some(500_000))]),
                // Drafted in the period, decided after it: a proposal, not an award of 2026.
                (hctp, gk, "regular", "approved", "2026-11-01 02:00:00", Some("2027-01-05"), None, vec![("approved", Some(1_000_000))]),
            ];
            for (n, (unit, form, kind, state, created, decided, higher, nominees)) in proposals.into_iter().enumerate() {
                let id: i64 = diesel::insert_into(commendation_proposals::table)
                    .values((
                        commendation_proposals::unit_id.eq(unit),
                        commendation_proposals::award_form_id.eq(form),
                        commendation_proposals::commendation_type.eq(kind),
                        commendation_proposals::year.eq(2026),
                        commendation_proposals::title.eq(format!("Đề nghị {n}")),
                        commendation_proposals::state.eq(state),
                        commendation_proposals::decided_on.eq(decided.map(day)),
                        commendation_proposals::higher_decision_date.eq(higher.map(day)),
                        commendation_proposals::search_text.eq(""),
                        commendation_proposals::version.eq(1),
                        commendation_proposals::created_at.eq(at(created)),
                        commendation_proposals::updated_at.eq(at(created)),
                    ))
                    .returning(commendation_proposals::id)
                    .get_result(conn)
                    .unwrap();
                for (position, (outcome, reward)) in nominees.into_iter().enumerate() {
                    diesel::insert_into(commendation_nominees::table)
                        .values((
                            commendation_nominees::proposal_id.eq(id),
                            commendation_nominees::position.eq(position as i32),
                            commendation_nominees::subject_kind.eq("individual"),
                            commendation_nominees::full_name.eq(format!("Người {n}-{position}")),
                            commendation_nominees::workplace.eq("Sở Tư pháp"),
                            commendation_nominees::recognised_initiatives.eq(0),
                            commendation_nominees::achievement.eq("Thành tích"),
                            commendation_nominees::subject_key.eq(format!("k{n}-{position}")),
                            commendation_nominees::review.eq("eligible"),
                            commendation_nominees::outcome.eq(outcome),
                            commendation_nominees::reward_amount.eq(reward),
                        ))
                        .execute(conn)
                        .unwrap();
                }
            }
            for (unit, channel, held, views, shares, attendees) in [
                (tgpl, "zalo", "2026-03-03", Some(100_i64), Some(10_i64), None),
                (tgpl, "zalo", "2026-07-07", Some(50), None, None),
                (hctp, "conference", "2026-08-08", None, None, Some(120_i64)),
                (tgpl, "facebook", "2025-12-31", Some(999), Some(99), None),
            ] {
                diesel::insert_into(propagation_activities::table)
                    .values((
                        propagation_activities::unit_id.eq(unit),
                        propagation_activities::channel.eq(channel),
                        propagation_activities::title.eq("Tuyên truyền"),
                        propagation_activities::held_on.eq(day(held)),
                        propagation_activities::views.eq(views),
                        propagation_activities::shares.eq(shares),
                        propagation_activities::attendees.eq(attendees),
                        propagation_activities::search_text.eq(""),
                        propagation_activities::version.eq(1),
                        propagation_activities::created_at.eq(at("2026-01-01 00:00:00")),
                        propagation_activities::updated_at.eq(at("2026-01-01 00:00:00")),
                    ))
                    .execute(conn)
                    .unwrap();
            }
        });
        let office = app.token("vanphong").await;
        let all = app.get("/api/v1/report-figures?from=2026-01-01&to=2026-12-31").token(&office).send().await;
        let c = &all.ok()["commendations"];
        assert_eq!((c["proposals"].as_i64(), c["nominees"].as_i64()), (Some(3), Some(5)));
        assert_eq!(count_of(&c["proposalsByType"], "regular"), 2);
        assert_eq!(count_of(&c["proposalsByType"], "ad_hoc"), 1);
        assert_eq!(count_of(&c["proposalsByType"], "thematic"), 0);
        assert_eq!(count_of(&c["proposalsByState"], "approved"), 2);
        assert_eq!((c["awarded"].as_i64(), c["rewardTotal"].as_i64()), (Some(4), Some(5_500_000)));
        let forms: Vec<(String, i64, i64)> = c["awardsByForm"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| (f["key"].as_str().unwrap().to_owned(), f["count"].as_i64().unwrap(), f["reward"].as_i64().unwrap()))
            .collect();
        assert_eq!(forms, [("GK-GDS".to_owned(), 3, 2_500_000), ("BK-UBND".to_owned(), 1, 3_000_000)]);
        assert_eq!(count_of(&c["awardsByAuthority"], "giam_doc_so"), 3);
        assert_eq!(count_of(&c["awardsByAuthority"], "chu_tich_ubnd_tinh"), 1);
        assert_eq!(count_of(&c["awardsByType"], "thematic"), 1);
        let p = &all.body["propagation"];
        assert_eq!(
            (p["activities"].as_i64(), p["views"].as_i64(), p["shares"].as_i64(), p["attendees"].as_i64()),
            (Some(3), Some(150), Some(10), Some(120))
        );
        let zalo = p["byChannel"].as_array().unwrap().iter().find(|c| c["key"] == "zalo").unwrap();
        assert_eq!((zalo["activities"].as_i64(), zalo["views"].as_i64()), (Some(2), Some(150)));

        // One unit: its own only.
        let one = app.get(&format!("/api/v1/report-figures?from=2026-01-01&to=2026-12-31&unitId={tgpl}")).token(&office).send().await;
        let c = &one.ok()["commendations"];
        assert_eq!((c["proposals"].as_i64(), c["nominees"].as_i64(), c["awarded"].as_i64()), (Some(1), Some(3), Some(3)));
        assert_eq!(one.body["propagation"]["attendees"].as_i64(), Some(0));

        // The annex has a sheet for each, its totals as formulas.
        let body = reqwest::Client::new()
            .get(app.url("/api/v1/report-figures/export?from=2026-01-01&to=2026-12-31"))
            .bearer_auth(&office)
            .send()
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap()
            .to_vec();
        use calamine::Reader;
        let book = workbook(&body);
        let names = book.sheet_names().clone();
        for sheet in ["Hồ sơ đề nghị", "Khen thưởng", "Tuyên truyền"] {
            assert!(names.iter().any(|n| n == sheet), "{sheet} in {names:?}");
        }
    }
);

db_test!(
    async fn no_written_report_for_a_period_already_sent_on_the_calendar(app) {
        vietnam_time(&app, 2026, 10, 15, 9, 0);
        let tgpl = app.unit_id("TGPL").await;
        let head = app.token("tgpl.truong").await;
        let sent = crate::support::submit_report(&app, &head, "annual_report", Some(tgpl), "2026").await;
        assert_eq!(sent.status, 201, "{}", sent.text);
        let res = create(&app, &head, json!({ "kind": "annual_report", "unitId": tgpl, "period": "2026" })).await;
        let problem = res.problem(409, "conflict");
        assert!(problem["detail"].as_str().unwrap().contains("Lịch báo cáo"), "{problem}");
        // Another period is free, and a written report's own submission does not block it again.
        let other = create(&app, &head, json!({ "kind": "midterm_review", "unitId": tgpl, "period": "2026-2028" })).await;
        assert_eq!(other.status, 201, "{}", other.text);
        let again = create(&app, &head, json!({ "kind": "midterm_review", "unitId": tgpl, "period": "2026-2028" })).await;
        assert!(again.problem(409, "conflict")["detail"].as_str().unwrap().contains("đã được lập"));

        // The list filters by status: a draft, then the same report once submitted.
        let ids = |res: &lantoa_tests::Res| -> Vec<i64> {
            res.body["items"].as_array().unwrap().iter().map(|r| r["id"].as_i64().unwrap()).collect()
        };
        let id = other.body["id"].as_i64().unwrap();
        let drafts = app.get("/api/v1/reports?status=draft").token(&head).send().await;
        assert_eq!(ids(&drafts), [id], "{}", drafts.text);
        let sent = app.get("/api/v1/reports?status=submitted").token(&head).send().await;
        assert!(ids(&sent).is_empty(), "{}", sent.text);
        let submitted = act(&app, &head, &other.body, "submit", None).await;
        assert_eq!(submitted.status, 200, "{}", submitted.text);
        let sent = app.get("/api/v1/reports?status=submitted").token(&head).send().await;
        assert_eq!((ids(&sent), sent.body["total"].as_i64()), (vec![id], Some(1)));
        assert!(ids(&app.get("/api/v1/reports?status=draft").token(&head).send().await).is_empty());
        assert!(ids(&app.get("/api/v1/reports?status=accepted").token(&head).send().await).is_empty());
        let res = app.get("/api/v1/reports?status=sent").token(&head).send().await;
        res.problem(400, "invalid_query");
    }
);
