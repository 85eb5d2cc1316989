//! The propagation log: kept by the Office for any unit and by unit roles for their own, read by
//! the leadership and the administrator; one visibility rule for the list, the detail, the
//! export and the files; featured exemplars under the exemplars' own rule; field-by-field
//! refusals; filters without diacritics; the Excel export.

use lantoa_tests::{TestApp, db_test};
use serde_json::{Value, json};

use crate::support::{create_exemplar, etag_of, get_bytes, png, unit_token, upload};

fn activity(unit_id: i64, exemplars: &[&Value]) -> Value {
    json!({
        "unitId": unit_id,
        "channel": "department_portal",
        "title": "Bài viết: người trợ giúp pháp lý tận tụy với người nghèo",
        "heldOn": "2026-10-12",
        "url": "https://sotuphap.dongthap.gov.vn/guong-dien-hinh/bai-viet-1",
        "exemplarIds": exemplars.iter().map(|e| e["id"].clone()).collect::<Vec<_>>(),
        "views": 1840,
        "shares": 96,
        "note": "Đăng kèm ảnh."
    })
}

async fn create(app: &TestApp, token: &str, body: &Value) -> Value {
    let res = app
        .post("/api/v1/propagation-activities")
        .token(token)
        .json(body)
        .send()
        .await;
    assert_eq!(res.status, 201, "{}", res.text);
    assert_eq!(
        res.header("location"),
        Some(format!("/api/v1/propagation-activities/{}", res.body["id"]))
    );
    assert_eq!(res.etag(), etag_of(&res.body));
    res.body
}

fn ids(list: &Value) -> Vec<i64> {
    let mut ids: Vec<i64> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_i64().unwrap())
        .collect();
    ids.sort_unstable();
    ids
}

fn featured(activity: &Value) -> Vec<i64> {
    activity["featuredExemplars"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_i64().unwrap())
        .collect()
}

db_test!(
    async fn the_log_is_kept_per_unit_and_read_across_units_by_the_leadership(app) {
        let staff = app.token("tgpl.canbo").await;
        let head = app.token("tgpl.truong").await;
        let other = unit_token(&app, "pbgdpl.canbo").await;
        let office = app.token("vanphong").await;
        let leader = app.token("lanhdao").await;
        let admin = app.admin().await;
        let tgpl = app.unit_id("TGPL").await;
        let pbgdpl = app.unit_id("PBGDPL").await;
        let own = create_exemplar(&app, &staff, "TGPL", "Nguyễn Thị Tuyên").await;
        let theirs = create_exemplar(&app, &other, "PBGDPL", "Trần Văn Truyền").await;

        let mine = create(&app, &staff, &activity(tgpl, &[&own])).await;
        assert_eq!(mine["unit"]["code"], "TGPL");
        assert_eq!(mine["channel"], "department_portal");
        assert_eq!(mine["views"], 1840);
        assert_eq!(featured(&mine), [own["id"].as_i64().unwrap()]);
        assert_eq!(mine["allowedActions"], json!(["edit", "delete", "attach"]));
        // Another unit's log is out of reach for unit roles.
        let res = app.post("/api/v1/propagation-activities").token(&staff).json(&activity(pbgdpl, &[])).send().await;
        res.problem(403, "outside_unit_scope");
        // The Office records the Department's events for any unit, featuring any unit's exemplars.
        let department = create(&app, &office, &activity(tgpl, &[&own, &theirs])).await;
        let elsewhere = create(&app, &office, &activity(pbgdpl, &[&theirs])).await;
        let all = [mine["id"].as_i64().unwrap(), department["id"].as_i64().unwrap(), elsewhere["id"].as_i64().unwrap()];

        for (who, token, expected) in [
            ("unit staff", &staff, vec![all[0], all[1]]),
            ("unit head", &head, vec![all[0], all[1]]),
            ("other unit", &other, vec![all[2]]),
            ("office", &office, all.to_vec()),
            ("leader", &leader, all.to_vec()),
            ("admin", &admin, all.to_vec()),
        ] {
            let list = app.get("/api/v1/propagation-activities").token(token).send().await;
            assert_eq!(ids(list.ok()), expected, "{who}");
        }
        app.get(&format!("/api/v1/propagation-activities/{}", elsewhere["id"])).token(&staff).send().await.problem(403, "outside_unit_scope");
        let read = app.get(&format!("/api/v1/propagation-activities/{}", mine["id"])).token(&leader).send().await;
        assert_eq!(read.ok()["allowedActions"], json!([]), "the leadership reads only");

        // The TGPL staff see only their unit's exemplar among those the Office featured...
        let seen = app.get(&format!("/api/v1/propagation-activities/{}", department["id"])).token(&staff).send().await;
        assert_eq!(featured(seen.ok()), [own["id"].as_i64().unwrap()]);
        // ...and replacing the activity keeps the one they cannot see.
        let mut body = activity(tgpl, &[&own]);
        body["title"] = json!("Hội nghị biểu dương gương điển hình quý IV");
        body["channel"] = json!("conference");
        body["attendees"] = json!(120);
        let updated = app.put(&format!("/api/v1/propagation-activities/{}", department["id"])).token(&staff).if_match(&seen.etag()).json(&body).send().await;
        assert_eq!(updated.ok()["version"], 2);
        assert_eq!(updated.body["attendees"], 120);
        let as_office = app.get(&format!("/api/v1/propagation-activities/{}", department["id"])).token(&office).send().await;
        let mut both = featured(as_office.ok());
        both.sort_unstable();
        let mut expected = vec![own["id"].as_i64().unwrap(), theirs["id"].as_i64().unwrap()];
        expected.sort_unstable();
        assert_eq!(both, expected);
        // A stale version is refused.
        app.put(&format!("/api/v1/propagation-activities/{}", department["id"])).token(&staff).if_match(&seen.etag()).json(&body).send().await.problem(412, "version_mismatch");
        app.put(&format!("/api/v1/propagation-activities/{}", department["id"])).token(&staff).json(&body).send().await.problem(428, "precondition_required");

        // Deleting: unit roles their own only.
        app.delete(&format!("/api/v1/propagation-activities/{}", elsewhere["id"])).token(&staff).if_match("*").send().await.problem(403, "outside_unit_scope");
        let res = app.delete(&format!("/api/v1/propagation-activities/{}", mine["id"])).token(&staff).if_match(&etag_of(&mine)).send().await;
        assert_eq!(res.status, 204, "{}", res.text);
        app.get(&format!("/api/v1/propagation-activities/{}", mine["id"])).token(&office).send().await.problem(404, "not_found");

        // Every write is audited.
        let audit = app.get("/api/v1/audit?entityType=propagation_activity&pageSize=100").token(&office).send().await;
        let actions: Vec<&str> = audit.ok()["items"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
        assert_eq!(actions.iter().filter(|a| **a == "create").count(), 3);
        assert!(actions.contains(&"update") && actions.contains(&"delete"));
    }
);

db_test!(
    async fn bad_input_is_refused_field_by_field(app) {
        let staff = app.token("tgpl.canbo").await;
        let other = unit_token(&app, "pbgdpl.canbo").await;
        let tgpl = app.unit_id("TGPL").await;
        let theirs = create_exemplar(&app, &other, "PBGDPL", "Trần Văn Khác").await;
        let tomorrow = (chrono::Utc::now() + chrono::Duration::days(2)).date_naive().to_string();
        let cases: Vec<(&str, Value, &str)> = vec![
            ("url", json!("javascript:alert(1)"), "url:invalid_url"),
            ("url", json!("sotuphap.dongthap.gov.vn/bai-viet"), "url:invalid_url"),
            ("url", json!("https://user:pass@example.vn/"), "url:invalid_url"),
            ("url", json!(format!("https://x.vn/{}", "a".repeat(2100))), "url:length"),
            ("heldOn", json!(tomorrow), "heldOn:future"),
            ("heldOn", json!("1899-12-31"), "heldOn:range"),
            ("views", json!(-1), "views:range"),
            ("attendees", json!(2_000_000_000i64), "attendees:range"),
            ("title", json!("Dòng một\ndòng hai"), "title:control_character"),
            ("title", json!("ab"), "title:length"),
            ("channel", json!("tiktok"), "channel:invalid_choice"),
            ("exemplarIds", json!([999999]), "exemplarIds[0]:not_found"),
            ("exemplarIds", json!([theirs["id"]]), "exemplarIds[0]:not_found"),
        ];
        for (field, value, expected) in cases {
            let mut body = activity(tgpl, &[]);
            body[field] = value;
            let res = app.post("/api/v1/propagation-activities").token(&staff).json(&body).send().await;
            res.problem(422, "validation_failed");
            assert_eq!(res.field_errors(), [expected], "{field}");
        }
        let mut body = activity(tgpl, &[]);
        body["unitId"] = json!(999999);
        let res = app.post("/api/v1/propagation-activities").token(&app.token("vanphong").await).json(&body).send().await;
        assert_eq!(res.field_errors(), ["unitId:not_found"]);
        let listed = app.get("/api/v1/propagation-activities").token(&staff).send().await;
        assert_eq!(listed.ok()["total"], 0, "nothing was stored");
    }
);

db_test!(
    async fn filters_search_without_diacritics_and_export(app) {
        let office = app.token("vanphong").await;
        let staff = app.token("tgpl.canbo").await;
        let tgpl = app.unit_id("TGPL").await;
        let hctp = app.unit_id("HCTP").await;
        let exemplar = create_exemplar(&app, &staff, "TGPL", "Lê Thị Lan Tỏa").await;
        let specs = [
            (tgpl, "facebook", "2026-03-10", "Chia sẻ gương trợ giúp viên trên Facebook", Some(5000), vec![&exemplar]),
            (tgpl, "conference", "2026-05-20", "Hội nghị sơ kết phong trào thi đua", None, vec![]),
            (hctp, "zalo", "2026-07-01", "Bản tin hộ tịch trên Zalo", Some(700), vec![]),
            (hctp, "press", "2026-09-15", "Báo Đồng Tháp viết về một cửa hộ tịch", Some(8900), vec![]),
        ];
        for (unit, channel, day, title, views, featured) in specs {
            let mut body = activity(unit, &featured);
            body["channel"] = json!(channel);
            body["heldOn"] = json!(day);
            body["title"] = json!(title);
            body["views"] = json!(views);
            create(&app, &office, &body).await;
        }
        let titles = |res: &lantoa_tests::Res| -> Vec<String> {
            res.ok()["items"].as_array().unwrap().iter().map(|a| a["title"].as_str().unwrap().to_owned()).collect()
        };
        let all = app.get("/api/v1/propagation-activities").token(&office).send().await;
        assert_eq!(titles(&all)[0], "Báo Đồng Tháp viết về một cửa hộ tịch", "latest first");
        for (query, expected) in [
            (format!("unitId={hctp}"), 2),
            ("channel=zalo".to_owned(), 1),
            ("from=2026-05-01&to=2026-07-31".to_owned(), 2),
            (format!("exemplarId={}", exemplar["id"]), 1),
            ("q=hoi%20nghi%20so%20ket".to_owned(), 1),
            ("q=HO%20TICH".to_owned(), 2),
            ("q=ho%20tich&channel=press".to_owned(), 1),
        ] {
            let res = app.get(&format!("/api/v1/propagation-activities?{query}")).token(&office).send().await;
            assert_eq!(res.ok()["total"], expected, "{query}: {}", res.text);
        }
        let page = app.get("/api/v1/propagation-activities?pageSize=2&page=2&sort=heldOn").token(&office).send().await;
        assert_eq!(titles(&page), ["Bản tin hộ tịch trên Zalo", "Báo Đồng Tháp viết về một cửa hộ tịch"]);
        let res = app.get("/api/v1/propagation-activities?from=2026-08-01&to=2026-01-01").token(&office).send().await;
        assert_eq!(res.field_errors(), ["from:range"]);
        let res = app.get("/api/v1/propagation-activities?sort=views").token(&office).send().await;
        assert_eq!(res.field_errors(), ["sort:invalid"]);

        // The export: the same list, every page, with the reach totalled.
        let (status, headers, bytes) = get_bytes(&app, &format!("/api/v1/propagation-activities/export?unitId={tgpl}"), Some(&office)).await;
        assert_eq!(status, 200);
        assert!(headers["content-disposition"].to_str().unwrap().contains("nhat-ky-tuyen-truyen"));
        use calamine::Reader;
        let mut workbook = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        let sheet = workbook.worksheet_range("Hoạt động tuyên truyền").unwrap();
        let cell = |r: u32, c: u32| sheet.get_value((r, c)).map(|v| v.to_string()).unwrap_or_default();
        assert!(cell(0, 0).contains("2 hoạt động"));
        assert_eq!(cell(2, 1), "Ngày thực hiện");
        assert_eq!(cell(3, 4), "Hội nghị sơ kết phong trào thi đua");
        assert_eq!(cell(4, 3), "Facebook");
        assert_eq!(cell(4, 6), "Lê Thị Lan Tỏa");
        assert_eq!(cell(5, 6), "Tổng cộng");
        assert_eq!(cell(5, 7), "5000");
        // A unit's staff export only their unit.
        let (_, _, bytes) = get_bytes(&app, "/api/v1/propagation-activities/export", Some(&staff)).await;
        let mut workbook = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        let sheet = workbook.worksheet_range("Hoạt động tuyên truyền").unwrap();
        assert!(sheet.get_value((0, 0)).unwrap().to_string().contains("2 hoạt động"));
    }
);

db_test!(
    async fn files_follow_the_log_s_rule(app) {
        let staff = app.token("tgpl.canbo").await;
        let other = unit_token(&app, "pbgdpl.canbo").await;
        let leader = app.token("lanhdao").await;
        let tgpl = app.unit_id("TGPL").await;
        let created = create(&app, &staff, &activity(tgpl, &[])).await;
        let id = created["id"].as_i64().unwrap();
        let uploaded = upload(&app, &staff, &format!("/api/v1/propagation-activities/{id}/attachments"), "anh-chup.png", png(64, 48)).await;
        assert_eq!(uploaded.status, 201, "{}", uploaded.text);
        let file = uploaded.body.clone();
        let download = file["downloadUrl"].as_str().unwrap().to_owned();
        assert_eq!(download, format!("/api/v1/propagation-attachments/{}/content", file["id"]));
        let thumbnail = file["thumbnailUrl"].as_str().unwrap().to_owned();
        upload(&app, &other, &format!("/api/v1/propagation-activities/{id}/attachments"), "x.png", png(8, 8)).await.problem(403, "outside_unit_scope");

        let (status, headers, bytes) = get_bytes(&app, &download, Some(&leader)).await;
        assert_eq!(status, 200);
        assert_eq!(headers["content-type"], "image/png");
        assert!(headers["content-security-policy"].to_str().unwrap().starts_with("sandbox"));
        assert_eq!(image::load_from_memory(&bytes).unwrap().width(), 64);
        assert_eq!(get_bytes(&app, &thumbnail, Some(&staff)).await.0, 200);
        assert_eq!(get_bytes(&app, &download, Some(&other)).await.0, 403);
        // Not through the exemplars' attachment endpoints.
        app.get(&format!("/api/v1/attachments/{}", file["id"])).token(&staff).send().await.problem(404, "not_found");
        app.get(&format!("/api/v1/attachments/{}/content", file["id"])).token(&staff).send().await.problem(404, "not_found");

        let detail = app.get(&format!("/api/v1/propagation-activities/{id}")).token(&staff).send().await;
        assert_eq!(detail.ok()["attachments"].as_array().unwrap().len(), 1);
        let list = app.get("/api/v1/propagation-activities").token(&staff).send().await;
        assert_eq!(list.ok()["items"][0]["attachmentCount"], 1);
        app.delete(&format!("/api/v1/propagation-attachments/{}", file["id"])).token(&other).if_match("\"1\"").send().await.problem(403, "outside_unit_scope");
        let res = app.delete(&format!("/api/v1/propagation-attachments/{}", file["id"])).token(&staff).if_match(&etag_of(&file)).send().await;
        assert_eq!(res.status, 204, "{}", res.text);
        assert_eq!(get_bytes(&app, &download, Some(&staff)).await.0, 404);

        // Deleting the activity takes its files' rows with it.
        let again = upload(&app, &staff, &format!("/api/v1/propagation-activities/{id}/attachments"), "bai-viet.pdf", b"%PDF-1.4\n%%EOF".to_vec()).await;
        assert_eq!(again.status, 201, "{}", again.text);
        let current = app.get(&format!("/api/v1/propagation-activities/{id}")).token(&staff).send().await;
        assert_eq!(app.delete(&format!("/api/v1/propagation-activities/{id}")).token(&staff).if_match(&current.etag()).send().await.status, 204);
        let left: i64 = app.db(|conn| {
            use diesel::prelude::*;
            use lantoa::db::schema::attachments;
            attachments::table.filter(attachments::owner_type.eq("propagation")).count().get_result(conn).unwrap()
        });
        assert_eq!(left, 0);
    }
);
