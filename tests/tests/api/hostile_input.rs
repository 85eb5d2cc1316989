//! Input an attacker or a fuzzer sends: control characters and absurd dates are a 422 naming
//! the field, the same on both databases, and nothing is stored.

use lantoa_tests::db_test;
use serde_json::json;

use crate::support::{exemplar_body, unit_body};

db_test!(
    async fn nul_and_control_characters_are_refused_by_field(app) {
        let staff = app.token("tgpl.canbo").await;
        let admin = app.admin().await;
        let unit = app.unit_id("TGPL").await;
        let mut body = exemplar_body(unit, "Nguyễn Văn A");
        body["name"] = json!("a\u{0}b");
        let res = app.post("/api/v1/exemplars").token(&staff).json(&body).send().await;
        res.problem(422, "validation_failed");
        assert_eq!(res.field_errors(), ["name:control_character"]);
        // Deep in a list, and as a raw DEL or an escaped bell.
        let mut body = exemplar_body(unit, "Nguyễn Văn A");
        body["initiatives"][0]["title"] = json!("Sáng\u{7}kiến");
        let res = app.post("/api/v1/exemplars").token(&staff).json(&body).send().await;
        assert_eq!(res.field_errors(), ["initiatives[0].title:control_character"]);
        let raw = r#"{"code":"ABC","name":"Đơn vị\u007f","shortName":"X","kind":"affiliated","parentId":1}"#;
        let res = app.post("/api/v1/units").token(&admin).body("application/json", raw).send().await;
        assert_eq!(res.field_errors(), ["name:control_character"]);
        let department = app.unit_id("STP").await;
        let mut unit_input = unit_body("NUL", "Đơn vị", department);
        unit_input["shortName"] = json!("x\u{0}");
        let res = app.post("/api/v1/units").token(&admin).json(&unit_input).send().await;
        assert_eq!(res.field_errors(), ["shortName:control_character"]);
        // Line breaks and tabs are text, where text spans lines.
        let mut body = exemplar_body(unit, "Nguyễn Văn Bình");
        body["achievements"] = json!("Dòng một:\n\tdòng hai với đủ mười ký tự.\r\n");
        app.post("/api/v1/exemplars").token(&staff).json(&body).send().await.ok();
        // Query values.
        for path in ["/api/v1/exemplars?field=%00", "/api/v1/users?q=%00", "/api/v1/audit?entityId=%00", "/api/v1/units?q=a%0Ab"] {
            let res = app.get(path).token(&admin).send().await;
            res.problem(422, "validation_failed");
            assert_eq!(res.field_errors().len(), 1, "{path}: {}", res.text);
            assert!(res.field_errors()[0].ends_with(":control_character"), "{path}: {}", res.text);
        }
        let stored = app.get("/api/v1/exemplars?q=nguyen").token(&staff).send().await;
        assert_eq!(stored.ok()["total"], 1, "only the clean record was stored");
    }
);

db_test!(
    async fn dates_out_of_range_are_refused(app) {
        let admin = app.admin().await;
        let staff = app.token("tgpl.canbo").await;
        for query in ["to=%2B262142-12-31", "from=-262143-01-01", "from=1899-12-31", "to=2201-01-01", "from=10000-01-01"] {
            let res = app.get(&format!("/api/v1/audit?{query}")).token(&admin).send().await;
            res.problem(422, "validation_failed");
            assert!(res.field_errors()[0].ends_with(":range") || res.field_errors()[0].ends_with(":invalid_date"), "{query}: {}", res.text);
            assert!(res.text.len() < 1000, "no backtrace: {}", res.text);
        }
        app.get("/api/v1/audit?from=2026-01-01&to=2026-12-31").token(&admin).send().await.ok();
        let res = app.get("/api/v1/exemplars?year=99999").token(&staff).send().await;
        assert_eq!(res.field_errors(), ["year:range"]);
        let unit = app.unit_id("TGPL").await;
        for (date, code) in [("+262142-12-31", "discoveredOn:range"), ("1850-01-01", "discoveredOn:range"), ("2026-02-31", "discoveredOn:invalid_date")] {
            let mut body = exemplar_body(unit, "Trần Thị Ngày");
            body["discoveredOn"] = json!(date);
            let res = app.post("/api/v1/exemplars").token(&staff).json(&body).send().await;
            res.problem(422, "validation_failed");
            assert_eq!(res.field_errors(), [code], "{date}");
        }
        let office = app.token("vanphong").await;
        let movement = json!({ "code": "NGAY", "name": "Phong trào", "startsOn": "99999-01-01" });
        let res = app.post("/api/v1/movements").token(&office).json(&movement).send().await;
        assert_eq!(res.field_errors(), ["startsOn:range"]);
    }
);
