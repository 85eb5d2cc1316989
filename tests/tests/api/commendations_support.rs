//! Helpers shared by the commendation tests: proposals brought to a state through the API,
//! council members, a meeting that votes, and reading DOCX text back.

use std::io::Read;

use diesel::prelude::*;
use lantoa_tests::{DEMO_PASSWORD, Res, TestApp};
use serde_json::{Value, json};

use crate::support::etag_of;

/// A tiny PDF: recognised by its content as `application/pdf`.
pub const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/// Tokens of the five demo roles, refreshed after the clock moves.
pub struct Tokens {
    pub admin: String,
    pub leader: String,
    pub office: String,
    pub head: String,
    pub staff: String,
}

impl Tokens {
    pub async fn new(app: &TestApp) -> Self {
        Self {
            admin: app.token("admin").await,
            leader: app.token("lanhdao").await,
            office: app.token("vanphong").await,
            head: app.token("tgpl.truong").await,
            staff: app.token("tgpl.canbo").await,
        }
    }
}

pub fn today(app: &TestApp) -> String {
    app.state.clock.today().format("%Y-%m-%d").to_string()
}

/// The id of the published version of an award form.
pub async fn form_id(app: &TestApp, token: &str, code: &str) -> i64 {
    let res = app
        .get("/api/v1/award-forms?status=published")
        .token(token)
        .send()
        .await;
    res.ok()
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == code)
        .unwrap_or_else(|| panic!("no published {code}"))["id"]
        .as_i64()
        .unwrap()
}

pub async fn occasion_id(app: &TestApp, token: &str, code: &str) -> i64 {
    let res = app
        .get("/api/v1/commendation-occasions")
        .token(token)
        .send()
        .await;
    res.ok()
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["code"] == code)
        .unwrap()["id"]
        .as_i64()
        .unwrap()
}

/// A different Vietnamese name at each call (a nominee is proposed once per occasion).
pub fn unique_name() -> String {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    const FAMILY: [&str; 8] = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi"];
    const MIDDLE: [&str; 6] = ["Văn", "Thị", "Minh", "Ngọc", "Hữu", "Thanh"];
    const GIVEN: [&str; 10] = [
        "An", "Bình", "Châu", "Dũng", "Hà", "Khoa", "Lan", "Nam", "Phúc", "Tâm",
    ];
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let name = format!(
        "{} {} {}",
        FAMILY[n % 8],
        MIDDLE[(n / 8) % 6],
        GIVEN[(n / 48) % 10]
    );
    if n < 480 {
        name
    } else {
        format!("{name} {}", n / 480 + 1)
    }
}

/// An individual nominee of a unit.
pub fn person(name: &str, unit_id: i64) -> Value {
    json!({
        "subjectKind": "individual",
        "fullName": name,
        "jobTitle": "Chuyên viên",
        "unitId": unit_id,
        "recognisedInitiatives": 1,
        "achievement": format!("{name} hoàn thành xuất sắc nhiệm vụ năm 2026, có sáng kiến được áp dụng."),
    })
}

/// A proposal body for `form` at the year-end occasion 2026 (or as `kind` says).
pub async fn body(
    app: &TestApp,
    token: &str,
    unit: &str,
    form: &str,
    kind: &str,
    nominees: Vec<Value>,
) -> Value {
    let unit_id = app.unit_id(unit).await;
    let form_id = form_id(app, token, form).await;
    let occasion = occasion_id(app, token, "TK-2026").await;
    let mut body = json!({
        "unitId": unit_id,
        "awardFormId": form_id,
        "commendationType": kind,
        "year": 2026,
        "title": format!("Đề nghị khen thưởng ({form}) năm 2026"),
        "nominees": nominees,
    });
    match kind {
        "regular" => body["occasionId"] = json!(occasion),
        "ad_hoc" => {
            body["summary"] =
                json!("Kịp thời hỗ trợ pháp lý cho người dân trong đợt lũ tháng 10/2026.")
        }
        "thematic" => {
            let movements = app.get("/api/v1/movements").token(token).send().await;
            let id = movements.ok()["items"]
                .as_array()
                .or(movements.body.as_array())
                .unwrap()[0]["id"]
                .clone();
            body["movementId"] = id;
        }
        _ => {}
    }
    body
}

pub async fn create(app: &TestApp, token: &str, body: &Value) -> Value {
    let res = app
        .post("/api/v1/commendation-proposals")
        .token(token)
        .json(body)
        .send()
        .await;
    assert_eq!(res.status, 201, "{}", res.text);
    res.body
}

/// Uploads a small PDF of `kind` to a proposal.
pub async fn attach(app: &TestApp, token: &str, proposal_id: i64, kind: &str) -> Res {
    let form = reqwest::multipart::Form::new()
        .part(
            "file",
            reqwest::multipart::Part::bytes(PDF.to_vec()).file_name(format!("{kind}.pdf")),
        )
        .text("kind", kind.to_owned());
    let response = reqwest::Client::new()
        .post(app.url(&format!(
            "/api/v1/commendation-proposals/{proposal_id}/attachments"
        )))
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

/// Takes a step and returns the proposal after it (asserting success).
pub async fn step(app: &TestApp, token: &str, proposal: &Value, path: &str, body: Value) -> Value {
    let res = step_res(app, token, proposal, path, body).await;
    assert!(
        (200..300).contains(&res.status),
        "{path}: {} {}",
        res.status,
        res.text
    );
    res.body
}

pub async fn step_res(
    app: &TestApp,
    token: &str,
    proposal: &Value,
    path: &str,
    body: Value,
) -> Res {
    let id = proposal["id"].as_i64().unwrap();
    app.post(&format!("/api/v1/commendation-proposals/{id}/{path}"))
        .token(token)
        .if_match(&etag_of(proposal))
        .json(&body)
        .send()
        .await
}

pub async fn fetch(app: &TestApp, token: &str, proposal: &Value) -> Value {
    let res = app
        .get(&format!(
            "/api/v1/commendation-proposals/{}",
            proposal["id"]
        ))
        .token(token)
        .send()
        .await;
    res.ok().clone()
}

pub fn nominee_ids(proposal: &Value) -> Vec<i64> {
    proposal["nominees"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_i64().unwrap())
        .collect()
}

pub fn all_eligible(proposal: &Value) -> Value {
    json!({ "nominees": nominee_ids(proposal).iter().map(|id| json!({ "nomineeId": id, "eligible": true })).collect::<Vec<_>>() })
}

pub fn approve_all(app: &TestApp, proposal: &Value) -> Value {
    let running: Vec<Value> = proposal["nominees"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["review"] == "eligible" && n["voteResult"] != "failed")
        .map(|n| json!({ "nomineeId": n["id"], "approved": true }))
        .collect();
    json!({ "decidedOn": today(app), "signerAuthority": "KT. GIÁM ĐỐC", "signerTitle": "PHÓ GIÁM ĐỐC", "signerName": "Nguyễn Tấn Phong", "nominees": running })
}

pub fn outcome_all(app: &TestApp, proposal: &Value, approved: bool) -> Value {
    let running: Vec<Value> = proposal["nominees"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["review"] == "eligible" && n["voteResult"] != "failed")
        .map(|n| if approved { json!({ "nomineeId": n["id"], "approved": true }) } else { json!({ "nomineeId": n["id"], "approved": false, "reason": "Không đủ chỉ tiêu của khối" }) })
        .collect();
    json!({ "decisionNumber": "1234/QĐ-UBND", "decisionDate": today(app), "nominees": running })
}

/// A submitted proposal (tờ trình and báo cáo thành tích attached).
pub async fn submitted(app: &TestApp, t: &Tokens, body: &Value) -> Value {
    let draft = create(app, &t.head, body).await;
    let id = draft["id"].as_i64().unwrap();
    assert_eq!(attach(app, &t.head, id, "to_trinh").await.status, 201);
    assert_eq!(
        attach(app, &t.head, id, "bao_cao_thanh_tich").await.status,
        201
    );
    let draft = fetch(app, &t.head, &draft).await;
    step(app, &t.head, &draft, "submit", json!({})).await
}

/// A proposal reviewed (every nominee eligible).
pub async fn reviewed(app: &TestApp, t: &Tokens, body: &Value) -> Value {
    let sent = submitted(app, t, body).await;
    let received = step(app, &t.office, &sent, "receive", json!({})).await;
    step(app, &t.office, &received, "review", all_eligible(&received)).await
}

/// Ends a running notice now (the test's shortcut past its working days).
pub fn end_notice(app: &TestApp, proposal_id: i64) {
    use lantoa::db::schema::commendation_proposals as p;
    let now = app.state.clock.now_naive();
    app.db(|conn| {
        diesel::update(p::table.find(proposal_id))
            .set((
                p::notice_starts_at.eq(Some(now - chrono::Duration::days(14))),
                p::notice_ends_at.eq(Some(now - chrono::Duration::seconds(1))),
            ))
            .execute(conn)
            .unwrap()
    });
}

/// Creates a user that can sign in at once with the demo password (must not change it).
pub fn ensure_user(
    app: &TestApp,
    username: &str,
    full_name: &str,
    role: lantoa::auth::Role,
    unit: Option<&str>,
) -> i64 {
    use lantoa::db::schema::{units, users};
    app.db(|conn| {
        if let Some(id) = users::table
            .filter(users::username.eq(username))
            .select(users::id)
            .first::<i64>(conn)
            .optional()
            .unwrap()
        {
            return id;
        }
        let unit_id = unit.map(|code| {
            units::table
                .filter(units::code.eq(code))
                .select(units::id)
                .first::<i64>(conn)
                .unwrap()
        });
        let hash = lantoa::auth::password::hash(DEMO_PASSWORD).unwrap();
        let input = lantoa::users::model::NewUserInput {
            username: username.to_owned(),
            full_name: full_name.to_owned(),
            email: None,
            phone: None,
            position: Some("Trưởng phòng".to_owned()),
            role,
            unit_id,
            temporary_password: None,
        };
        lantoa::users::model::insert(conn, app.state.clock.now_naive(), &input, &hash, false)
            .unwrap()
    })
}

pub fn user_id(app: &TestApp, username: &str) -> i64 {
    use lantoa::db::schema::users;
    app.db(|conn| {
        users::table
            .filter(users::username.eq(username))
            .select(users::id)
            .first::<i64>(conn)
            .unwrap()
    })
}

/// The council of 2026: lanhdao chairs, vanphong is the standing member, tgpl.truong and three
/// heads of other units are members. Returns (council, member ids by username).
pub async fn council(app: &TestApp, t: &Tokens) -> (Value, Vec<(String, i64)>) {
    use lantoa::auth::Role;
    ensure_user(
        app,
        "hctp.truong",
        "Lâm Văn Hậu",
        Role::UnitHead,
        Some("HCTP"),
    );
    ensure_user(
        app,
        "xdktvb.truong",
        "Huỳnh Thanh Tùng",
        Role::UnitHead,
        Some("XDKTVB"),
    );
    ensure_user(
        app,
        "pbgdpl.truong",
        "Nguyễn Thị Bích Ngọc",
        Role::UnitHead,
        Some("PBGDPL"),
    );
    let res = app
        .post("/api/v1/councils")
        .token(&t.office)
        .json(&json!({ "year": 2026, "name": "Hội đồng Thi đua - Khen thưởng Sở Tư pháp năm 2026", "establishedBy": "Quyết định số 12/QĐ-STP ngày 05/01/2026" }))
        .send()
        .await;
    assert_eq!(res.status, 201, "{}", res.text);
    let council_id = res.body["id"].as_i64().unwrap();
    let members = [
        ("lanhdao", "chair", "Phó Giám đốc Sở"),
        ("vanphong", "standing", "Chuyên viên Văn phòng Sở"),
        (
            "tgpl.truong",
            "member",
            "Giám đốc Trung tâm Trợ giúp pháp lý",
        ),
        ("hctp.truong", "member", "Trưởng phòng Hành chính tư pháp"),
        (
            "xdktvb.truong",
            "member",
            "Trưởng phòng Xây dựng và Kiểm tra văn bản",
        ),
        (
            "pbgdpl.truong",
            "member",
            "Trưởng phòng Phổ biến, giáo dục pháp luật",
        ),
    ];
    let mut council = Value::Null;
    for (username, role, title) in members {
        let res = app
            .post(&format!("/api/v1/councils/{council_id}/members"))
            .token(&t.office)
            .json(&json!({ "userId": user_id(app, username), "role": role, "title": title }))
            .send()
            .await;
        assert_eq!(res.status, 201, "{}", res.text);
        council = res.body;
    }
    let ids = council["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["username"].as_str().unwrap().to_owned(),
                m["id"].as_i64().unwrap(),
            )
        })
        .collect();
    (council, ids)
}

pub fn member(ids: &[(String, i64)], username: &str) -> i64 {
    ids.iter().find(|(u, _)| u == username).unwrap().1
}

/// A planned meeting of `council` with `proposals` on its agenda, chaired by lanhdao, kept by
/// vanphong, with `present` members present and the others absent.
pub async fn meeting(
    app: &TestApp,
    t: &Tokens,
    council: &Value,
    ids: &[(String, i64)],
    proposals: &[i64],
    present: &[&str],
) -> Value {
    let res = app
        .post("/api/v1/council-meetings")
        .token(&t.office)
        .json(&json!({
            "councilId": council["id"],
            "subject": "Họp xét đề nghị khen thưởng năm 2026",
            "meetsAt": app.state.clock.now().to_rfc3339(),
            "venue": "Phòng họp Sở Tư pháp",
            "chairMemberId": member(ids, "lanhdao"),
            "secretaryMemberId": member(ids, "vanphong"),
            "proposalIds": proposals,
            "content": "Thường trực Hội đồng trình bày tờ trình và danh sách đề nghị."
        }))
        .send()
        .await;
    assert_eq!(res.status, 201, "{}", res.text);
    let entries: Vec<Value> = ids
        .iter()
        .map(|(u, id)| {
            let here = present.contains(&u.as_str());
            json!({ "memberId": id, "present": here, "absenceReason": if here { Value::Null } else { json!("Đi công tác") } })
        })
        .collect();
    let res = app
        .put(&format!(
            "/api/v1/council-meetings/{}/attendance",
            res.body["id"]
        ))
        .token(&t.office)
        .if_match(&res.etag())
        .json(&json!({ "entries": entries }))
        .send()
        .await;
    assert_eq!(res.status, 200, "{}", res.text);
    res.body
}

pub async fn open(app: &TestApp, t: &Tokens, meeting: &Value) -> Res {
    app.post(&format!(
        "/api/v1/council-meetings/{}/open-ballots",
        meeting["id"]
    ))
    .token(&t.office)
    .if_match(&etag_of(meeting))
    .send()
    .await
}

pub async fn vote(app: &TestApp, token: &str, ballot: i64, choice: &str) -> Res {
    app.post(&format!("/api/v1/ballots/{ballot}/vote"))
        .token(token)
        .json(&json!({ "choice": choice }))
        .send()
        .await
}

pub async fn close(app: &TestApp, t: &Tokens, meeting_id: i64) -> Res {
    let current = app
        .get(&format!("/api/v1/council-meetings/{meeting_id}"))
        .token(&t.office)
        .send()
        .await;
    app.post(&format!(
        "/api/v1/council-meetings/{meeting_id}/close-ballots"
    ))
    .token(&t.office)
    .if_match(&current.etag())
    .json(&json!({ "conclusions": "Hội đồng thống nhất kết quả kiểm phiếu." }))
    .send()
    .await
}

/// The text of a DOCX's body (every `w:t`, paragraphs separated by new lines).
pub fn docx_text(bytes: &[u8]) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a DOCX is a ZIP");
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .expect("word/document.xml")
        .read_to_string(&mut xml)
        .unwrap();
    let mut out = String::new();
    let mut rest = xml.as_str();
    while let Some(start) = rest.find('<') {
        let end = rest[start..]
            .find('>')
            .map(|e| start + e)
            .unwrap_or(rest.len() - 1);
        let tag = &rest[start + 1..end];
        if tag.starts_with("w:t") && (tag.len() == 3 || tag.as_bytes()[3] == b' ') {
            let close = rest[end..].find("</w:t>").map(|c| end + c).unwrap_or(end);
            out.push_str(&rest[end + 1..close]);
        } else if tag == "/w:p" {
            out.push('\n');
        }
        rest = &rest[end + 1..];
    }
    out.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&apos;", "'")
}

pub async fn download(app: &TestApp, token: &str, path: &str) -> (u16, Vec<u8>, Option<String>) {
    let response = reqwest::Client::new()
        .get(app.url(path))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let kind = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    (status, response.bytes().await.unwrap().to_vec(), kind)
}
