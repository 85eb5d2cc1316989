//! The public portal: no sign-in, published exemplars only. Every public URL answers an
//! unpublished exemplar (draft, confirmed, taken down) exactly like an unknown id; search,
//! facets, the feed and the embed never show one; the public page carries only what the
//! public may read; the feed is Atom that parses; the embed alone may be framed.

use lantoa_tests::{TestApp, db_test};
use quick_xml::Reader;
use quick_xml::events::Event;
use serde_json::{Value, json};

use crate::support::{
    collective_body, confirmed, consent, create_exemplar, exemplar_body, get_bytes, png, publish,
    unit_token, upload,
};

/// A problem body without its request id, to compare two answers.
fn without_request_id(body: &Value) -> Value {
    let mut body = body.clone();
    body.as_object_mut().unwrap().remove("requestId");
    body
}

async fn names(app: &TestApp, query: &str) -> Vec<String> {
    let res = app
        .get(&format!("/api/v1/public/exemplars?{query}"))
        .send()
        .await;
    res.ok()["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap().to_owned())
        .collect()
}

async fn unpublish(app: &TestApp, token: &str, id: i64) {
    let current = app
        .get(&format!("/api/v1/exemplars/{id}/publication"))
        .token(token)
        .send()
        .await;
    app.post(&format!("/api/v1/exemplars/{id}/publication/unpublish"))
        .token(token)
        .if_match(&current.etag())
        .json(&json!({ "reason": "Tạm gỡ để kiểm tra lại thông tin." }))
        .send()
        .await
        .ok();
}

async fn text(app: &TestApp, path: &str) -> String {
    let res = app.get(path).send().await;
    assert_eq!(res.status, 200, "{path}: {}", res.text);
    res.text
}

db_test!(
    async fn the_portal_leaks_nothing_unpublished(app) {
        let staff = app.token("tgpl.canbo").await;
        let head = app.token("tgpl.truong").await;
        let office = app.token("vanphong").await;
        let unit = app.unit_id("TGPL").await;
        let with_photo = |id: i64| {
            let (app, staff) = (&app, &staff);
            async move {
                let res = upload(app, staff, &format!("/api/v1/exemplars/{id}/attachments"), "anh.png", png(120, 90)).await;
                assert_eq!(res.status, 201, "{}", res.text);
            }
        };

        // Public: its own text, which leaves out a word of its achievements.
        let shown = confirmed(&app, &staff, &head, &office, &exemplar_body(unit, "Lương Thị Công Khai")).await;
        let shown_id = shown["id"].as_i64().unwrap();
        with_photo(shown_id).await;
        let saved = app.put(&format!("/api/v1/exemplars/{shown_id}/publication")).token(&office).if_match("\"0\"")
            .json(&json!({ "publicSummary": "Gương sáng về trợ giúp pháp lý cho người nghèo ở vùng sâu.", "consent": consent() }))
            .send().await;
        app.post(&format!("/api/v1/exemplars/{shown_id}/publication/publish")).token(&office).if_match(&saved.etag()).json(&json!({})).send().await.ok();

        // Not public: a draft, a confirmed record never published, one taken down.
        let draft = create_exemplar(&app, &staff, "TGPL", "Đinh Văn Bản Nháp").await["id"].as_i64().unwrap();
        let waiting = confirmed(&app, &staff, &head, &office, &exemplar_body(unit, "Đinh Văn Chờ Công Bố")).await["id"].as_i64().unwrap();
        let taken_down = confirmed(&app, &staff, &head, &office, &exemplar_body(unit, "Đinh Văn Đã Gỡ")).await["id"].as_i64().unwrap();
        for id in [draft, waiting, taken_down] {
            with_photo(id).await;
        }
        publish(&app, &office, taken_down).await;
        assert_eq!(app.get(&format!("/api/v1/public/exemplars/{taken_down}")).send().await.status, 200);
        unpublish(&app, &office, taken_down).await;

        // By id: the same 404, body for body, as an id that never existed, on every public URL.
        for tail in ["", "/photo", "/card.png"] {
            let unknown = app.get(&format!("/api/v1/public/exemplars/999999{tail}")).send().await;
            unknown.problem(404, "not_found");
            for id in [draft, waiting, taken_down] {
                let res = app.get(&format!("/api/v1/public/exemplars/{id}{tail}")).send().await;
                res.problem(404, "not_found");
                assert_eq!(without_request_id(&res.body), without_request_id(&unknown.body), "{id}{tail}");
                assert_eq!(res.header("content-type"), unknown.header("content-type"));
            }
            assert_eq!(get_bytes(&app, &format!("/api/v1/public/exemplars/{shown_id}{tail}"), None).await.0, 200, "{tail}");
        }

        // By search, facet, feed and embed: only the public one, and only by what is public.
        assert_eq!(names(&app, "").await, ["Lương Thị Công Khai"]);
        assert!(names(&app, "q=dinh%20van").await.is_empty());
        assert_eq!(names(&app, "q=vung%20sau").await, ["Lương Thị Công Khai"], "the public text");
        assert_eq!(names(&app, "q=luong%20thi").await, ["Lương Thị Công Khai"], "the name");
        assert!(names(&app, "q=khen%20ngoi").await.is_empty(), "not the internal achievements");
        let facets = app.get("/api/v1/public/exemplars/facets").send().await;
        assert_eq!(facets.ok()["total"], 1);
        assert_eq!(facets.body["units"].as_array().unwrap().len(), 1);
        assert_eq!(facets.body["units"][0]["id"], unit);
        assert_eq!(facets.body["units"][0]["count"], 1);
        let feed = text(&app, "/api/v1/public/feed.atom").await;
        let embed = text(&app, "/api/v1/public/embed/exemplars").await;
        for page in [&feed, &embed] {
            assert!(page.contains("Lương Thị Công Khai"));
            assert!(!page.contains("Đinh Văn"), "nothing unpublished");
            assert!(!page.contains("khen ngợi"), "not the internal achievements");
        }

        // The public page: only what the public may read.
        let page = app.get(&format!("/api/v1/public/exemplars/{shown_id}")).send().await;
        let mut keys: Vec<&str> = page.ok().as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "cardUrl", "category", "categoryLabel", "fieldOfWork", "id", "initiatives", "movements", "name",
                "photoUrl", "publicSummary", "publicUrl", "publishedAt", "stage", "stageLabel", "subjectKind",
                "unit", "updatedAt"
            ]
        );
        assert_eq!(page.body["publicSummary"], "Gương sáng về trợ giúp pháp lý cho người nghèo ở vùng sâu.");
        assert_eq!(page.body["photoUrl"], format!("/api/v1/public/exemplars/{shown_id}/photo"));
        assert_eq!(page.body["initiatives"][0]["title"], "Số hóa hồ sơ trợ giúp pháp lý");
        assert!(!page.text.contains("Lê Văn Minh"), "no consent details, no discoverer");
        // The photo is a re-encoded JPEG, not the upload.
        let (_, headers, bytes) = get_bytes(&app, &format!("/api/v1/public/exemplars/{shown_id}/photo"), None).await;
        assert_eq!(headers["content-type"], "image/jpeg");
        assert_eq!(image::load_from_memory_with_format(&bytes, image::ImageFormat::Jpeg).unwrap().width(), 120);
        assert_eq!(headers["cache-control"], "no-cache");
    }
);

db_test!(
    async fn the_feed_is_atom_that_parses(app) {
        let staff = app.token("tgpl.canbo").await;
        let head = app.token("tgpl.truong").await;
        let office = app.token("vanphong").await;
        let unit = app.unit_id("TGPL").await;
        let empty = text(&app, "/api/v1/public/feed.atom").await;
        assert!(empty.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"") && !empty.contains("<entry>"));
        let hostile = "Tổ \"Hòa giải\" & <Bình An> ấp 3";
        let team = confirmed(&app, &staff, &head, &office, &collective_body(unit, hostile)).await;
        publish(&app, &office, team["id"].as_i64().unwrap()).await;
        let person = confirmed(&app, &staff, &head, &office, &exemplar_body(unit, "Trương Thị Nguồn Tin")).await;
        publish(&app, &office, person["id"].as_i64().unwrap()).await;

        let res = app.get("/api/v1/public/feed.atom").send().await;
        assert_eq!(res.status, 200);
        assert_eq!(res.header("content-type").as_deref(), Some("application/atom+xml; charset=utf-8"));
        let mut reader = Reader::from_str(&res.text);
        let mut path: Vec<String> = Vec::new();
        let mut content = String::new();
        let mut root = None;
        let mut entry_ids = Vec::new();
        let mut titles = Vec::new();
        let mut updated = Vec::new();
        let mut links = Vec::new();
        loop {
            match reader.read_event().expect("the feed is well-formed XML") {
                Event::Start(e) => {
                    let name = e.name().as_ref().to_owned();
                    if root.is_none() {
                        let ns = e.try_get_attribute("xmlns").unwrap().unwrap().normalized_value(quick_xml::XmlVersion::Explicit1_0).unwrap().into_owned();
                        root = Some((name.clone(), ns));
                    }
                    path.push(name);
                    content.clear();
                }
                Event::Empty(e) if e.name().as_ref() == "link" => {
                    links.push(e.try_get_attribute("href").unwrap().unwrap().normalized_value(quick_xml::XmlVersion::Explicit1_0).unwrap().into_owned());
                }
                Event::Text(t) => content.push_str(&t.xml10_content()),
                Event::GeneralRef(r) => {
                    let name: &str = r.as_ref();
                    content.push(match name {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        _ => r.resolve_char_ref().unwrap().expect("a known reference"),
                    });
                }
                Event::End(_) => {
                    let value = std::mem::take(&mut content);
                    match path.join("/").as_str() {
                        "feed/entry/id" => entry_ids.push(value),
                        "feed/entry/title" => titles.push(value),
                        "feed/entry/updated" | "feed/updated" => updated.push(value),
                        _ => {}
                    }
                    path.pop();
                }
                Event::Eof => break,
                _ => {}
            }
        }
        assert_eq!(root, Some(("feed".to_owned(), "http://www.w3.org/2005/Atom".to_owned())));
        assert_eq!(entry_ids.len(), 2);
        for id in &entry_ids {
            assert!(id.starts_with("tag:127.0.0.1,2026:exemplar:"), "{id}");
        }
        assert_eq!(entry_ids[0], format!("tag:127.0.0.1,2026:exemplar:{}", person["id"]), "newest first");
        assert!(titles.iter().any(|t| t.starts_with(hostile)), "escaped and read back: {titles:?}");
        assert_eq!(updated.len(), 3);
        for at in &updated {
            chrono::DateTime::parse_from_rfc3339(at).unwrap_or_else(|_| panic!("RFC 3339: {at}"));
        }
        assert!(links.iter().all(|l| l.starts_with("http://127.0.0.1:8080/")), "{links:?}");
        // The same ids next time: they are stable.
        let again = text(&app, "/api/v1/public/feed.atom").await;
        for id in &entry_ids {
            assert!(again.contains(id.as_str()));
        }
    }
);

db_test!(
    async fn the_gallery_filters_pages_and_counts(app) {
        let office = app.token("vanphong").await;
        let movements = app.get("/api/v1/movements?pageSize=100").token(&office).send().await;
        let movement = movements.ok()["items"][0]["id"].as_i64().unwrap();
        let mut made = Vec::new();
        for (code, head, staff, name, category, linked) in [
            ("TGPL", "tgpl.truong", "tgpl.canbo", "Mai Thị Trợ Giúp", "advanced", true),
            ("HCTP", "hctp.truong", "hctp.canbo", "Mai Văn Hộ Tịch", "new_model", false),
            ("HCTP", "hctp.truong", "hctp.canbo", "Mai Thị Chứng Thực", "advanced", true),
        ] {
            let unit = app.unit_id(code).await;
            let mut body = exemplar_body(unit, name);
            body["category"] = json!(category);
            body["movementIds"] = if linked { json!([movement]) } else { json!([]) };
            let (staff, head) = if code == "TGPL" {
                (app.token(staff).await, app.token(head).await)
            } else {
                (unit_token(&app, staff).await, unit_token(&app, head).await)
            };
            let record = confirmed(&app, &staff, &head, &office, &body).await;
            publish(&app, &office, record["id"].as_i64().unwrap()).await;
            made.push((unit, record));
        }
        assert_eq!(names(&app, "").await, ["Mai Thị Chứng Thực", "Mai Văn Hộ Tịch", "Mai Thị Trợ Giúp"], "newest first");
        assert_eq!(names(&app, &format!("unitId={}", made[1].0)).await, ["Mai Thị Chứng Thực", "Mai Văn Hộ Tịch"]);
        assert_eq!(names(&app, "category=new_model").await, ["Mai Văn Hộ Tịch"]);
        assert_eq!(names(&app, &format!("movementId={movement}")).await, ["Mai Thị Chứng Thực", "Mai Thị Trợ Giúp"]);
        assert_eq!(names(&app, "q=MAI%20THI%20CHUNG").await, ["Mai Thị Chứng Thực"]);
        let page = app.get("/api/v1/public/exemplars?pageSize=1&page=2").send().await;
        assert_eq!(page.ok()["total"], 3);
        assert_eq!(page.body["items"][0]["name"], "Mai Văn Hộ Tịch");
        assert!(page.body["items"][0]["headline"].as_str().unwrap().starts_with("Thực hiện 120 vụ việc"));
        assert_eq!(page.body["items"][0]["unit"]["name"], "Phòng Hành chính tư pháp");
        let res = app.get("/api/v1/public/exemplars?pageSize=51").send().await;
        res.problem(422, "validation_failed");
        assert_eq!(res.field_errors(), ["pageSize:range"]);
        app.get("/api/v1/public/exemplars?category=unknown").send().await.problem(400, "invalid_query");

        let facets = app.get("/api/v1/public/exemplars/facets").send().await;
        let facets = facets.ok();
        assert_eq!(facets["total"], 3);
        let count = |list: &str, key: &str, value: Value| {
            facets[list].as_array().unwrap().iter().find(|f| f[key] == value).map(|f| f["count"].as_i64().unwrap())
        };
        assert_eq!(count("units", "id", json!(made[1].0)), Some(2));
        assert_eq!(count("units", "id", json!(made[0].0)), Some(1));
        assert_eq!(count("categories", "category", json!("advanced")), Some(2));
        assert_eq!(count("categories", "category", json!("new_model")), Some(1));
        assert_eq!(count("movements", "id", json!(movement)), Some(2));
    }
);

db_test!(
    async fn only_the_embed_may_be_framed_and_it_runs_nothing(app) {
        let staff = app.token("tgpl.canbo").await;
        let head = app.token("tgpl.truong").await;
        let office = app.token("vanphong").await;
        let unit = app.unit_id("TGPL").await;
        let record = confirmed(&app, &staff, &head, &office, &exemplar_body(unit, "Tô Thị <script>alert(1)</script>")).await;
        publish(&app, &office, record["id"].as_i64().unwrap()).await;

        let res = app.get("/api/v1/public/embed/exemplars?limit=3").send().await;
        assert_eq!(res.status, 200);
        assert_eq!(res.header("content-type").as_deref(), Some("text/html; charset=utf-8"));
        let csp = res.header("content-security-policy").unwrap();
        assert!(csp.contains("frame-ancestors *") && csp.contains("default-src 'none'"), "{csp}");
        assert!(!csp.contains("script-src"), "no script source at all: {csp}");
        assert_eq!(res.header("x-frame-options"), None);
        assert!(!res.text.contains("<script"), "escaped");
        assert!(res.text.contains("Tô Thị &lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(res.text.contains(&format!("href=\"http://127.0.0.1:8080/cong-khai/guong-dien-hinh/{}\"", record["id"])));
        let other_unit = app.unit_id("HCTP").await;
        let filtered = text(&app, &format!("/api/v1/public/embed/exemplars?unitId={other_unit}")).await;
        assert!(filtered.contains("Chưa có nội dung nào được công bố."));
        for limit in ["0", "21"] {
            app.get(&format!("/api/v1/public/embed/exemplars?limit={limit}")).send().await.problem(422, "validation_failed");
        }
        // Every other answer stays unframeable.
        for path in ["/api/v1/public/exemplars", "/api/v1/public/feed.atom", "/healthz"] {
            let res = app.get(path).send().await;
            assert_eq!(res.header("x-frame-options").as_deref(), Some("DENY"), "{path}");
            assert!(res.header("content-security-policy").unwrap().contains("frame-ancestors 'none'"), "{path}");
        }
    }
);
