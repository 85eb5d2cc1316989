//! Helpers shared by the API tests.

use std::io::Cursor;

use lantoa_tests::{Res, TestApp};
use serde_json::{Value, json};

/// A valid unit body under the given parent.
pub fn unit_body(code: &str, name: &str, parent_id: i64) -> Value {
    json!({
        "code": code,
        "name": name,
        "shortName": name,
        "kind": "affiliated",
        "parentId": parent_id,
        "sortOrder": 500
    })
}

/// Creates a user as admin and returns `(user, temporary password)`.
pub async fn create_user(
    app: &TestApp,
    token: &str,
    username: &str,
    role: &str,
    unit_code: Option<&str>,
) -> (Value, String) {
    let unit_id = match unit_code {
        Some(code) => Some(app.unit_id(code).await),
        None => None,
    };
    let res = app
        .post("/api/v1/users")
        .token(token)
        .json(&json!({ "username": username, "fullName": "Người Dùng Thử", "role": role, "unitId": unit_id }))
        .send()
        .await;
    assert_eq!(res.status, 201, "{}", res.text);
    (
        res.body["user"].clone(),
        res.body["temporaryPassword"].as_str().unwrap().to_owned(),
    )
}

/// A valid exemplar body for a unit.
pub fn exemplar_body(unit_id: i64, name: &str) -> Value {
    json!({
        "subjectKind": "individual",
        "name": name,
        "position": "Trợ giúp viên pháp lý",
        "unitId": unit_id,
        "category": "advanced",
        "fieldOfWork": "Trợ giúp pháp lý",
        "achievements": "Thực hiện 120 vụ việc trợ giúp pháp lý, 100% đúng hạn; được người dân khen ngợi.",
        "discoveredOn": "2026-03-15",
        "discoveryMethod": "Qua phong trào thi đua",
        "discoveredBy": "Lê Văn Minh",
        "initiatives": [{ "title": "Số hóa hồ sơ trợ giúp pháp lý", "year": 2025, "recognisedBy": "Hội đồng sáng kiến Sở", "scope": "Toàn tỉnh" }]
    })
}

/// Records an exemplar and returns it.
pub async fn create_exemplar(app: &TestApp, token: &str, unit_code: &str, name: &str) -> Value {
    let unit = app.unit_id(unit_code).await;
    let res = app
        .post("/api/v1/exemplars")
        .token(token)
        .json(&exemplar_body(unit, name))
        .send()
        .await;
    assert_eq!(res.status, 201, "{}", res.text);
    res.body
}

/// `If-Match` for a record's `version`.
pub fn etag_of(record: &Value) -> String {
    format!("\"{}\"", record["version"])
}

pub fn plan_body() -> Value {
    json!({
        "strengths": "Tận tụy, nắm vững nghiệp vụ.",
        "shortcomings": "Kỹ năng truyền thông còn hạn chế.",
        "measures": "Cử tham gia lớp kỹ năng truyền thông; giao chủ trì chuyên đề.",
        "support": "Hỗ trợ kinh phí tập huấn; biểu dương kịp thời.",
        "mentor": "Lê Văn Minh",
        "milestones": [
            { "title": "Hoàn thành lớp kỹ năng", "dueOn": "2026-06-30", "status": "done" },
            { "title": "Chủ trì chuyên đề", "dueOn": "2026-12-31", "status": "in_progress" }
        ]
    })
}

/// Takes an exemplar to the given stage through the workflow (as its unit and the office).
pub async fn advance(app: &TestApp, exemplar: &Value, head: &str, office: &str) -> Value {
    let id = exemplar["id"].as_i64().unwrap();
    let res = app
        .post(&format!("/api/v1/exemplars/{id}/submit"))
        .token(head)
        .if_match(&etag_of(exemplar))
        .send()
        .await;
    let submitted = res.ok().clone();
    let res = app
        .put(&format!("/api/v1/exemplars/{id}/nurturing-plan"))
        .token(head)
        .json(&plan_body())
        .send()
        .await;
    res.ok();
    let res = app
        .post(&format!("/api/v1/exemplars/{id}/stage"))
        .token(office)
        .if_match(&etag_of(&submitted))
        .json(&json!({ "toStage": "nurturing", "note": "Đủ điều kiện bồi dưỡng" }))
        .send()
        .await;
    res.ok().clone()
}

/// A plain PNG picture.
pub fn png(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = Vec::new();
    image::RgbImage::from_pixel(width, height, image::Rgb([10, 120, 200]))
        .write_to(&mut Cursor::new(&mut bytes), image::ImageFormat::Png)
        .unwrap();
    bytes
}

/// Uploads `bytes` as `name` (multipart, with a caption) to `path`.
pub async fn upload(app: &TestApp, token: &str, path: &str, name: &str, bytes: Vec<u8>) -> Res {
    let form = reqwest::multipart::Form::new()
        .part(
            "file",
            reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned()),
        )
        .text("caption", "Ảnh trao đổi với người dân");
    post_multipart(app, token, path, form).await
}

/// Sends a multipart `form` to `path`.
pub async fn post_multipart(
    app: &TestApp,
    token: &str,
    path: &str,
    form: reqwest::multipart::Form,
) -> Res {
    let response = reqwest::Client::new()
        .post(app.url(path))
        .bearer_auth(token)
        .multipart(form)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let text = response.text().await.unwrap();
    Res {
        status,
        headers: std::sync::Arc::new(headers),
        body: serde_json::from_str(&text).unwrap_or(Value::Null),
        text,
    }
}

/// Stops the app's clock at `y-m-d h:mi` Vietnam time.
pub fn vietnam_time(app: &TestApp, y: i32, m: u32, d: u32, h: u32, mi: u32) {
    use chrono::TimeZone;
    let local = chrono::FixedOffset::east_opt(7 * 3600)
        .unwrap()
        .with_ymd_and_hms(y, m, d, h, mi, 0)
        .unwrap();
    app.state.clock.set(local.with_timezone(&chrono::Utc));
}

/// Every obligation matching `query` (`kind=…&period=…`), as `token` sees them.
pub async fn obligations(app: &TestApp, token: &str, query: &str) -> Vec<Value> {
    let res = app
        .get(&format!("/api/v1/obligations?pageSize=100&{query}"))
        .token(token)
        .send()
        .await;
    res.ok()["items"].as_array().unwrap().clone()
}

/// The one obligation with this key, as the Office sees it.
pub async fn obligation(app: &TestApp, office: &str, key: &str) -> Value {
    let (kind, rest) = key.split_once(':').unwrap();
    let (period, _) = rest.rsplit_once(':').unwrap();
    let all = obligations(app, office, &format!("kind={kind}&period={period}")).await;
    all.into_iter()
        .find(|o| o["key"] == key)
        .unwrap_or_else(|| panic!("no obligation {key}"))
}

/// Changes the calendar settings as the Office (`change` edits the current ones).
pub async fn set_calendar(app: &TestApp, office: &str, change: impl FnOnce(&mut Value)) -> Value {
    let current = app
        .get("/api/v1/calendar/settings")
        .token(office)
        .send()
        .await;
    let mut body = current.ok().clone();
    for field in ["version", "updatedAt"] {
        body.as_object_mut().unwrap().remove(field);
    }
    change(&mut body);
    let res = app
        .put("/api/v1/calendar/settings")
        .token(office)
        .if_match(&current.etag())
        .json(&body)
        .send()
        .await;
    res.ok().clone()
}

/// Submits a report for an obligation and returns it.
pub async fn submit_report(
    app: &TestApp,
    token: &str,
    kind: &str,
    unit_id: Option<i64>,
    period: &str,
) -> Res {
    app.post("/api/v1/report-submissions")
        .token(token)
        .json(&json!({ "kind": kind, "unitId": unit_id, "period": period, "title": format!("Báo cáo {kind} kỳ {period}") }))
        .send()
        .await
}

/// A person of `unit_code` with `role` who can sign in with the demo password at once.
pub fn unit_person(
    app: &TestApp,
    username: &str,
    full_name: &str,
    role: lantoa::auth::Role,
    unit_code: &str,
) {
    use diesel::prelude::*;
    use lantoa::db::schema::units;
    app.db(|conn| {
        let unit: i64 = units::table
            .filter(units::code.eq(unit_code))
            .select(units::id)
            .first(conn)
            .unwrap();
        let hash = lantoa::auth::password::hash(lantoa_tests::DEMO_PASSWORD).unwrap();
        let input = lantoa::users::model::NewUserInput {
            username: username.to_owned(),
            full_name: full_name.to_owned(),
            email: None,
            phone: None,
            position: Some("Chuyên viên".to_owned()),
            role,
            unit_id: Some(unit),
            temporary_password: None,
        };
        lantoa::users::model::insert(
            conn,
            chrono::NaiveDate::from_ymd_opt(2026, 1, 5)
                .unwrap()
                .and_hms_opt(1, 0, 0)
                .unwrap(),
            &input,
            &hash,
            false,
        )
        .unwrap();
    });
}

/// A collective's exemplar body for a unit.
pub fn collective_body(unit_id: i64, name: &str) -> Value {
    let mut body = exemplar_body(unit_id, name);
    body["subjectKind"] = json!("collective");
    body["memberCount"] = json!(7);
    body.as_object_mut().unwrap().remove("position");
    body
}

/// Records `body` as `staff`, submits it as `head` and confirms it as `office`; returns the
/// confirmed exemplar.
pub async fn confirmed(
    app: &TestApp,
    staff: &str,
    head: &str,
    office: &str,
    body: &Value,
) -> Value {
    let created = app
        .post("/api/v1/exemplars")
        .token(staff)
        .json(body)
        .send()
        .await;
    assert_eq!(created.status, 201, "{}", created.text);
    let id = created.body["id"].as_i64().unwrap();
    let sent = app
        .post(&format!("/api/v1/exemplars/{id}/submit"))
        .token(head)
        .if_match(&etag_of(&created.body))
        .send()
        .await;
    let res = app
        .post(&format!("/api/v1/exemplars/{id}/confirm"))
        .token(office)
        .if_match(&sent.etag())
        .json(&json!({}))
        .send()
        .await;
    res.ok().clone()
}

/// A consent as the publish and save requests take it.
pub fn consent() -> Value {
    json!({ "givenOn": "2026-10-01", "method": "written", "recordedBy": "Lê Văn Minh", "note": "Bản đồng ý lưu tại đơn vị." })
}

/// Publishes exemplar `id` as `office` (with a consent, which collectives do not need);
/// returns the publication.
pub async fn publish(app: &TestApp, office: &str, id: i64) -> Value {
    let current = app
        .get(&format!("/api/v1/exemplars/{id}/publication"))
        .token(office)
        .send()
        .await;
    let res = app
        .post(&format!("/api/v1/exemplars/{id}/publication/publish"))
        .token(office)
        .if_match(&current.etag())
        .json(&json!({ "consent": consent() }))
        .send()
        .await;
    res.ok().clone()
}

/// A GET whose body is bytes (images, workbooks): status, headers, body.
pub async fn get_bytes(
    app: &TestApp,
    path: &str,
    token: Option<&str>,
) -> (u16, reqwest::header::HeaderMap, Vec<u8>) {
    let mut request = reqwest::Client::new().get(app.url(path));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    (status, headers, response.bytes().await.unwrap().to_vec())
}

/// A token for one of the demo year's unit accounts (`pbgdpl.canbo`, `hctp.truong`…), created
/// with the demo password on first use (a fresh test database has TGPL's only).
pub async fn unit_token(app: &TestApp, username: &str) -> String {
    let account = lantoa::seed::demo_year::UNIT_ACCOUNTS
        .iter()
        .find(|a| a.username == username)
        .unwrap_or_else(|| panic!("{username} is not a demo unit account"));
    let exists = app.db(|conn| {
        use diesel::prelude::*;
        use lantoa::db::schema::users;
        users::table
            .filter(users::username.eq(username))
            .count()
            .get_result::<i64>(conn)
            .unwrap()
    });
    if exists == 0 {
        unit_person(
            app,
            username,
            account.full_name,
            account.role,
            account.unit_code,
        );
    }
    app.token(username).await
}

/// Converts a generated document to PDF with LibreOffice (`soffice --headless`): it must open
/// there as well as in Word. `.ci/test.sh` installs LibreOffice and sets
/// `LANTOA_REQUIRE_LIBREOFFICE`, so there a missing `soffice` fails; elsewhere it is said and skipped.
pub fn opens_in_libreoffice(bytes: &[u8], name: &str) {
    let installed = std::process::Command::new("sh")
        .args(["-c", "command -v soffice"])
        .output()
        .is_ok_and(|found| found.status.success());
    if !installed {
        assert!(
            std::env::var_os("LANTOA_REQUIRE_LIBREOFFICE").is_none(),
            "LibreOffice (soffice) is required: install libreoffice-writer-nogui"
        );
        eprintln!("soffice is not installed: {name} was not opened in LibreOffice");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let converted = std::process::Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}/profile",
            dir.path().display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        converted.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&converted.stderr)
    );
    let pdf = path.with_extension("pdf");
    assert!(
        std::fs::metadata(&pdf).is_ok_and(|m| m.len() > 1000),
        "{name} converts to a PDF"
    );
}
