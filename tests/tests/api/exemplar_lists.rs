//! Listing exemplars: search with and without diacritics, filters, export to Excel, and import
//! from spreadsheets with dry runs.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use lantoa_tests::{TestApp, db_test};
use serde_json::json;

use crate::support::{confirmed, create_exemplar, etag_of, exemplar_body, vietnam_time};
use crate::units::urlencode;

async fn names(app: &TestApp, token: &str, query: &str) -> Vec<String> {
    let res = app
        .get(&format!("/api/v1/exemplars?{query}&sort=name"))
        .token(token)
        .send()
        .await;
    res.ok()["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap().to_owned())
        .collect()
}

async fn seed_three(app: &TestApp, token: &str) {
    let tgpl = app.unit_id("TGPL").await;
    let mut first = exemplar_body(tgpl, "Nguyễn Văn Đức");
    first["achievements"] = json!("Hòa giải thành công 45 vụ tranh chấp đất đai ở xã Mỹ Hiệp.");
    let mut second = exemplar_body(tgpl, "Nguyễn Thị Thu Trang");
    second["category"] = json!("good_deed");
    second["discoveredOn"] = json!("2025-08-28");
    second["fieldOfWork"] = json!("Hộ tịch");
    second["initiatives"] = json!([{ "title": "Ứng dụng chữ ký số trong chứng thực" }]);
    let mut third = exemplar_body(tgpl, "Tập thể Tổ tư vấn lưu động");
    third["subjectKind"] = json!("collective");
    third["position"] = json!(null);
    third["memberCount"] = json!(5);
    third["category"] = json!("new_model");
    for body in [first, second, third] {
        let res = app
            .post("/api/v1/exemplars")
            .token(token)
            .json(&body)
            .send()
            .await;
        assert_eq!(res.status, 201, "{}", res.text);
    }
}

db_test!(
    async fn search_ignores_diacritics_and_case(app) {
        let staff = app.token("tgpl.canbo").await;
        seed_three(&app, &staff).await;
        assert_eq!(names(&app, &staff, "q=nguyen%20van").await, ["Nguyễn Văn Đức"]);
        assert_eq!(names(&app, &staff, &format!("q={}", urlencode("NGUYỄN VĂN"))).await, ["Nguyễn Văn Đức"]);
        assert_eq!(names(&app, &staff, "q=nguyen").await, ["Nguyễn Thị Thu Trang", "Nguyễn Văn Đức"]);
        assert_eq!(names(&app, &staff, "q=duc").await, ["Nguyễn Văn Đức"]);
        // Achievements, initiatives and word prefixes are searched too.
        assert_eq!(names(&app, &staff, "q=hoa%20giai%20dat").await, ["Nguyễn Văn Đức"]);
        assert_eq!(names(&app, &staff, &format!("q={}", urlencode("chữ ký số"))).await, ["Nguyễn Thị Thu Trang"]);
        assert_eq!(names(&app, &staff, "q=luu%20dong").await, ["Tập thể Tổ tư vấn lưu động"]);
        assert!(names(&app, &staff, "q=khong%20ai").await.is_empty());
        assert!(names(&app, &staff, &format!("q={}", urlencode("\" OR 1=1 --"))).await.is_empty(), "query syntax is inert");
    }
);

db_test!(
    async fn filters_combine(app) {
        let staff = app.token("tgpl.canbo").await;
        seed_three(&app, &staff).await;
        assert_eq!(names(&app, &staff, "category=good_deed").await, ["Nguyễn Thị Thu Trang"]);
        assert_eq!(names(&app, &staff, "year=2025").await, ["Nguyễn Thị Thu Trang"]);
        assert_eq!(names(&app, &staff, "subjectKind=collective").await, ["Tập thể Tổ tư vấn lưu động"]);
        assert_eq!(names(&app, &staff, &format!("field={}", urlencode("Hộ tịch"))).await, ["Nguyễn Thị Thu Trang"]);
        let fields = app.get("/api/v1/exemplars/fields").token(&staff).send().await;
        assert_eq!(fields.ok(), &json!(["Hộ tịch", "Trợ giúp pháp lý"]));
        assert_eq!(names(&app, &staff, "stage=discovered&recordStatus=draft&q=nguyen").await.len(), 2);
        assert!(names(&app, &staff, "stage=nurturing").await.is_empty());
        let res = app.get("/api/v1/exemplars?stage=unknown").token(&staff).send().await;
        res.problem(400, "invalid_query");
        let page = app.get("/api/v1/exemplars?pageSize=2&page=2&sort=name").token(&staff).send().await;
        assert_eq!(page.ok()["total"], 3);
        assert_eq!(page.body["items"][0]["name"], "Tập thể Tổ tư vấn lưu động");
        let office = app.token("vanphong").await;
        let movements = app.get("/api/v1/movements?q=binh%20dan").token(&office).send().await;
        let movement = movements.ok()["items"][0]["id"].as_i64().unwrap();
        let mut linked = exemplar_body(app.unit_id("HCTP").await, "Lê Hoàng Phúc");
        linked["movementIds"] = json!([movement]);
        app.post("/api/v1/exemplars").token(&office).json(&linked).send().await.ok();
        assert_eq!(names(&app, &office, &format!("movementId={movement}")).await, ["Lê Hoàng Phúc"]);
    }
);

db_test!(
    async fn a_period_of_years_without_drafts_lists_what_the_reports_count(app) {
        vietnam_time(&app, 2027, 6, 1, 9, 0);
        let staff = app.token("tgpl.canbo").await;
        let head = app.token("tgpl.truong").await;
        let office = app.token("vanphong").await;
        seed_three(&app, &staff).await;
        let tgpl = app.unit_id("TGPL").await;
        let mut earlier = exemplar_body(tgpl, "Phan Văn Năm Trước");
        earlier["discoveredOn"] = json!("2025-11-20");
        confirmed(&app, &staff, &head, &office, &earlier).await;
        let mut later = exemplar_body(tgpl, "Võ Thị Năm Sau");
        later["discoveredOn"] = json!("2027-02-03");
        confirmed(&app, &staff, &head, &office, &later).await;
        // The three of `seed_three` are drafts (two of 2026, one of 2025).
        assert_eq!(names(&app, &office, "yearFrom=2026&yearTo=2030").await, ["Nguyễn Văn Đức", "Tập thể Tổ tư vấn lưu động", "Võ Thị Năm Sau"]);
        assert_eq!(names(&app, &office, "yearFrom=2026&yearTo=2030&excludeDrafts=true").await, ["Võ Thị Năm Sau"]);
        assert_eq!(names(&app, &office, "yearTo=2025&excludeDrafts=true").await, ["Phan Văn Năm Trước"]);
        assert_eq!(names(&app, &office, "yearFrom=2025&excludeDrafts=false").await.len(), 5);
        let backwards = app.get("/api/v1/exemplars?yearFrom=2030&yearTo=2026").token(&office).send().await;
        assert_eq!(backwards.field_errors(), ["yearTo:before_start"]);
        let far = app.get("/api/v1/exemplars?yearFrom=1000&yearTo=9999").token(&office).send().await;
        assert_eq!(far.field_errors(), ["yearFrom:range", "yearTo:range"]);
    }
);

async fn list_total(app: &TestApp, token: &str, query: &str) -> i64 {
    let res = app
        .get(&format!("/api/v1/exemplars?{query}&pageSize=1"))
        .token(token)
        .send()
        .await;
    res.ok()["total"].as_i64().unwrap()
}

db_test!(
    async fn totals_follow_every_change_including_ones_made_elsewhere(app) {
        // Totals are kept between requests; each of these changes must show in the next answer.
        let office = app.token("vanphong").await;
        let staff = app.token("tgpl.canbo").await;
        seed_three(&app, &staff).await;
        assert_eq!(list_total(&app, &office, "category=advanced").await, 1);
        let created = create_exemplar(&app, &staff, "TGPL", "Trần Văn Bình").await;
        assert_eq!(list_total(&app, &office, "category=advanced").await, 2);

        let mut body = exemplar_body(app.unit_id("TGPL").await, "Trần Văn Bình");
        body["category"] = json!("new_factor");
        let movements = app.get("/api/v1/movements?q=dan%20van").token(&office).send().await;
        let movement = movements.ok()["items"][0]["id"].as_i64().unwrap();
        body["movementIds"] = json!([movement]);
        let updated = app
            .put(&format!("/api/v1/exemplars/{}", created["id"]))
            .token(&staff)
            .if_match(&etag_of(&created))
            .json(&body)
            .send()
            .await;
        assert_eq!(updated.status, 200, "{}", updated.text);
        assert_eq!(list_total(&app, &office, "category=advanced").await, 1);
        assert_eq!(list_total(&app, &office, &format!("movementId={movement}")).await, 1);

        // Another server instance (or a script) changes the database directly.
        app.db(|conn| {
            use diesel::RunQueryDsl;
            diesel::sql_query("DELETE FROM exemplar_movements").execute(conn).unwrap();
            diesel::sql_query("UPDATE exemplars SET category = 'advanced'").execute(conn).unwrap();
        });
        assert_eq!(list_total(&app, &office, &format!("movementId={movement}")).await, 0);
        assert_eq!(list_total(&app, &office, "category=advanced").await, 4);

        assert_eq!(list_total(&app, &office, "q=tran%20van%20binh").await, 1);
        let current = app.get(&format!("/api/v1/exemplars/{}", created["id"])).token(&staff).send().await;
        let etag = current.etag();
        let deleted = app
            .delete(&format!("/api/v1/exemplars/{}", created["id"]))
            .token(&staff)
            .if_match(&etag)
            .send()
            .await;
        assert_eq!(deleted.status, 204, "{}", deleted.text);
        assert_eq!(list_total(&app, &office, "category=advanced").await, 3);
        assert_eq!(list_total(&app, &office, "q=tran%20van%20binh").await, 0);
    }
);

fn sheet(bytes: &[u8]) -> Vec<Vec<String>> {
    let mut workbook: Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    let range = workbook.worksheet_range_at(0).unwrap().unwrap();
    range
        .rows()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Data::String(s) => s.clone(),
                    Data::Float(f) => f.to_string(),
                    Data::Int(i) => i.to_string(),
                    Data::DateTime(d) => d
                        .as_datetime()
                        .map(|d| d.format("%d/%m/%Y").to_string())
                        .unwrap_or_default(),
                    _ => String::new(),
                })
                .collect()
        })
        .collect()
}

db_test!(
    async fn the_filtered_list_exports_to_excel(app) {
        let staff = app.token("tgpl.canbo").await;
        seed_three(&app, &staff).await;
        let res = app.get("/api/v1/exemplars/export?q=nguyen&sort=name").token(&staff).send().await;
        assert_eq!(res.status, 200);
        assert_eq!(res.header("content-type").unwrap(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assert!(res.header("content-disposition").unwrap().contains(".xlsx"));
        let response = reqwest::Client::new()
            .get(app.url("/api/v1/exemplars/export?q=nguyen&sort=name"))
            .bearer_auth(&staff)
            .send()
            .await
            .unwrap();
        let all = sheet(&response.bytes().await.unwrap());
        assert!(all[0][0].starts_with("Danh sách điển hình tiên tiến – xuất ngày"), "a title row: {:?}", all[0]);
        assert!(all[0][0].ends_with("(2 hồ sơ)"));
        let rows = &all[2..];
        assert_eq!(rows.len(), 3, "header and two rows");
        assert_eq!(rows[0][1], "Tên điển hình");
        assert_eq!(rows[1][1], "Nguyễn Thị Thu Trang");
        assert_eq!(rows[1][7], "Gương người tốt việc tốt");
        assert_eq!(rows[1][9], "28/08/2025", "a real date cell, shown dd/mm/yyyy");
        assert_eq!(rows[1][15], "Ứng dụng chữ ký số trong chứng thực");
        assert_eq!(rows[2][6], "Trung tâm Trợ giúp pháp lý nhà nước tỉnh Đồng Tháp");
    }
);

const CSV_HEADER: &str = "Tên điển hình;Đối tượng;Mã đơn vị;Phân loại;Lĩnh vực;Thành tích;Ngày phát hiện;Chức vụ;Số thành viên;Phong trào thi đua;Sáng kiến";

fn csv(rows: &[&str]) -> String {
    let mut text = String::from(CSV_HEADER);
    for row in rows {
        text.push('\n');
        text.push_str(row);
    }
    text
}

async fn import(
    app: &TestApp,
    token: &str,
    name: &str,
    bytes: Vec<u8>,
    fields: &[(&str, &str)],
) -> lantoa_tests::Res {
    let mut form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned()),
    );
    for (key, value) in fields {
        form = form.text(key.to_string(), value.to_string());
    }
    crate::support::post_multipart(app, token, "/api/v1/exemplars/import", form).await
}

async fn total(app: &TestApp, token: &str) -> i64 {
    app.get("/api/v1/exemplars?pageSize=1")
        .token(token)
        .send()
        .await
        .body["total"]
        .as_i64()
        .unwrap()
}

db_test!(
    async fn imports_report_every_row_and_write_nothing_on_errors(app) {
        let office = app.token("vanphong").await;
        let file = csv(&[
            "Nguyễn Văn Hùng;Cá nhân;TGPL;Điển hình tiên tiến;Trợ giúp pháp lý;Tham gia 80 vụ việc tố tụng, bảo vệ quyền lợi người nghèo.;12/05/2026;Trợ giúp viên;;Dân vận khéo;\"Tư vấn qua Zalo; Số hóa\"",
            "Tổ hòa giải ấp 3;Tập thể;PBGDPL;mô hình mới;Hòa giải cơ sở;Hòa giải thành 95% vụ việc trong năm 2025.;2025-12-01;;9;BDHVS;",
            ";Cá nhân;KHONGCO;Loại lạ;Hộ tịch;ngắn;31/02/2026;;;Phong trào lạ;",
        ]);
        let before = total(&app, &office).await;
        let dry = import(&app, &office, "diem-hinh.csv", file.clone().into_bytes(), &[]).await;
        let report = dry.ok().clone();
        assert_eq!(report["dryRun"], true);
        assert_eq!(report["committed"], false);
        assert_eq!(report["totalRows"], 3);
        assert_eq!(report["validRows"], 2);
        assert_eq!(report["errorRows"], 1);
        let bad = &report["rows"][2];
        assert_eq!(bad["row"], 4);
        let columns: Vec<&str> = bad["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
        // Every problem of the row at once, including those found once the readable cells are checked.
        for column in ["Tên điển hình", "Mã đơn vị", "Phân loại", "Ngày phát hiện", "Phong trào thi đua", "Thành tích"] {
            assert!(columns.contains(&column), "{column} should be reported: {columns:?}");
        }
        assert_eq!(report["rows"][0]["errors"], json!([]));
        assert_eq!(total(&app, &office).await, before, "a dry run writes nothing");

        let real = import(&app, &office, "diem-hinh.csv", file.clone().into_bytes(), &[("dryRun", "false")]).await;
        real.problem(422, "validation_failed");
        assert!(real.field_errors().iter().any(|f| f.starts_with("rows[4].")));
        assert_eq!(total(&app, &office).await, before, "an import with errors writes nothing");

        let valid_only = import(&app, &office, "diem-hinh.csv", file.into_bytes(), &[("dryRun", "false"), ("onlyValid", "true")]).await;
        let report = valid_only.ok().clone();
        assert_eq!(report["committed"], true);
        assert_eq!(report["created"], 2);
        assert_eq!(total(&app, &office).await, before + 2);
        let id = report["rows"][0]["createdId"].as_i64().unwrap();
        let created = app.get(&format!("/api/v1/exemplars/{id}")).token(&office).send().await;
        assert_eq!(created.ok()["movements"][0]["code"], "DVK");
        assert_eq!(created.body["initiatives"].as_array().unwrap().len(), 2);
        assert_eq!(created.body["discoveredOn"], "2026-05-12");
        let audit = app.get("/api/v1/audit?action=import").token(&office).send().await;
        assert_eq!(audit.ok()["total"], 2);
    }
);

db_test!(
    async fn units_import_excel_files_into_their_own_unit(app) {
        let staff = app.token("tgpl.canbo").await;
        let mut workbook = rust_xlsxwriter::Workbook::new();
        let sheet = workbook.add_worksheet();
        for (col, title) in ["Tên điển hình", "Đối tượng", "Phân loại", "Lĩnh vực", "Thành tích", "Ngày phát hiện"].iter().enumerate() {
            sheet.write_string(0, col as u16, *title).unwrap();
        }
        let values = ["Trương Minh Khoa", "Cá nhân", "Nhân tố mới", "Trợ giúp pháp lý", "Trợ giúp 30 vụ việc cho đồng bào dân tộc.", "01/09/2026"];
        for (col, value) in values.iter().enumerate() {
            sheet.write_string(1, col as u16, *value).unwrap();
        }
        let bytes = workbook.save_to_buffer().unwrap();
        let res = import(&app, &staff, "mau.xlsx", bytes.clone(), &[("dryRun", "false")]).await;
        assert_eq!(res.ok()["created"], 1);
        let list = app.get("/api/v1/exemplars?q=truong%20minh%20khoa").token(&staff).send().await;
        assert_eq!(list.ok()["items"][0]["unit"]["code"], "TGPL");
        let res = import(&app, &staff, "rong.txt", b"\x00\x01 not a sheet".to_vec(), &[]).await;
        res.problem(415, "unsupported_file_type");
        let res = import(&app, &staff, "thieu.csv", "Tên điển hình\nA".as_bytes().to_vec(), &[]).await;
        res.problem(422, "validation_failed");
        assert!(res.field_errors().contains(&"Ngày phát hiện:missing_column".to_owned()));
        let leader = app.token("lanhdao").await;
        import(&app, &leader, "mau.xlsx", bytes, &[]).await.problem(403, "forbidden");
    }
);

db_test!(
    async fn exports_and_reads_are_unit_scoped(app) {
        let office = app.token("vanphong").await;
        let head = app.token("tgpl.truong").await;
        create_exemplar(&app, &office, "HCTP", "Người của phòng Hành chính").await;
        create_exemplar(&app, &head, "TGPL", "Người của Trung tâm").await;
        assert_eq!(names(&app, &head, "pageSize=100").await, ["Người của Trung tâm"]);
        assert_eq!(names(&app, &office, "pageSize=100").await.len(), 2);
    }
);

db_test!(
    async fn searches_stop_counting_at_two_hundred(app) {
        app.db(|conn| lantoa_tests::generator::generate(conn, 300, 7));
        let office = app.token("vanphong").await;
        let res = app.get("/api/v1/exemplars?q=ghi%20nhan&pageSize=5").token(&office).send().await;
        assert_eq!(res.ok()["total"], 200);
        assert_eq!(res.body["totalCapped"], true);
        assert_eq!(res.body["items"].as_array().unwrap().len(), 5);
        // Newest recorded first by default.
        let ids: Vec<i64> = res.body["items"].as_array().unwrap().iter().map(|e| e["id"].as_i64().unwrap()).collect();
        assert!(ids.windows(2).all(|w| w[0] > w[1]), "{ids:?}");
        let page_two = app.get("/api/v1/exemplars?q=ghi%20nhan&pageSize=5&page=2").token(&office).send().await;
        assert_eq!(page_two.ok()["items"][0]["id"].as_i64().unwrap(), ids[4] - 1);
        let filtered = app.get("/api/v1/exemplars?stage=nurturing&pageSize=1").token(&office).send().await;
        assert_eq!(filtered.ok()["totalCapped"], false, "plain filters count exactly");
        assert!(filtered.body["total"].as_i64().unwrap() > 60);
    }
);

db_test!(
    async fn the_import_template_explains_itself_and_impossible_dates_are_named(app) {
        let staff = app.token("tgpl.canbo").await;
        let response = reqwest::Client::new()
            .get(app.url("/api/v1/exemplars/import/template"))
            .bearer_auth(&staff)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        let bytes = response.bytes().await.unwrap().to_vec();
        let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes.clone())).unwrap();
        assert_eq!(workbook.sheet_names(), ["Nhập điển hình", "Hướng dẫn"]);
        let help = workbook.worksheet_range("Hướng dẫn").unwrap();
        let member_row: Vec<String> = help
            .rows()
            .find(|r| r[0] == "Số thành viên")
            .unwrap()
            .iter()
            .map(|c| c.to_string())
            .collect();
        assert_eq!(member_row[1], "Với Tập thể");
        // The template with its example row imports as a valid dry run.
        let res = import(&app, &staff, "mau.xlsx", bytes, &[]).await;
        assert_eq!(res.ok()["validRows"], 1, "{}", res.text);
        app.get("/api/v1/exemplars/import/template").token(&app.token("lanhdao").await).send().await.problem(403, "forbidden");

        let file = csv(&[
            "Lê Văn Ngày;Cá nhân;TGPL;Điển hình tiên tiến;Hộ tịch;Làm tốt công việc hộ tịch cả năm;31/02/2026;;;;",
            "Tổ hòa giải số 5;Tập thể;TGPL;Mô hình mới;Hòa giải cơ sở;Hòa giải thành nhiều vụ việc trong năm;01/03/2026;;;;",
        ]);
        let report = import(&app, &staff, "ngay.csv", file.into_bytes(), &[]).await;
        let report = report.ok();
        assert_eq!(report["rows"][0]["errors"][0]["code"], "invalid_date");
        assert_eq!(report["rows"][0]["errors"][0]["message"], "Ngày 31/02/2026 không tồn tại.");
        let collective: Vec<&str> = report["rows"][1]["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
        assert_eq!(collective, ["Số thành viên"], "a collective needs its member count");
    }
);
