//! Publishing decided commendations: only a nominee approved by a decision in force, an
//! individual's consent, the Office publishes, the Office or the leadership takes it down at
//! once; the portal's list, page and feed serve nothing else, and nothing private.

use lantoa_tests::{TestApp, db_test};
use serde_json::{Value, json};

use crate::commendations_support::{
    Tokens, approve_all, body, create, person, reviewed, step, unique_name,
};
use crate::support::{consent, unit_token};

async fn publication(app: &TestApp, token: &str, nominee: i64) -> lantoa_tests::Res {
    app.get(&format!(
        "/api/v1/commendation-nominees/{nominee}/publication"
    ))
    .token(token)
    .send()
    .await
}

fn action_names(publication: &Value) -> Vec<&str> {
    publication["allowedActions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["action"].as_str().unwrap())
        .collect()
}

fn publish_blocker(publication: &Value) -> Option<String> {
    publication["allowedActions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["action"] == "publish")
        .and_then(|a| a["disabledReason"].as_str().map(str::to_owned))
}

async fn text(app: &TestApp, path: &str) -> String {
    let res = app.get(path).send().await;
    assert_eq!(res.status, 200, "{path}: {}", res.text);
    res.text
}

/// An ad-hoc Giấy khen of TGPL for two people, reviewed and sent to the leader.
async fn pending_decision(app: &TestApp, t: &Tokens, names: [&str; 2]) -> Value {
    let tgpl = app.unit_id("TGPL").await;
    let nominees = names.iter().map(|name| person(name, tgpl)).collect();
    let body = body(app, &t.head, "TGPL", "GK-GDS", "ad_hoc", nominees).await;
    let reviewed = reviewed(app, t, &body).await;
    step(app, &t.office, &reviewed, "send-to-decision", json!({})).await
}

db_test!(
    async fn a_decided_commendation_is_published_with_consent_and_taken_down_at_once(app) {
        let t = Tokens::new(&app).await;
        let shown = unique_name();
        let hidden = unique_name();
        let pending = pending_decision(&app, &t, [&shown, &hidden]).await;
        let shown_id = pending["nominees"][0]["id"].as_i64().unwrap();
        let hidden_id = pending["nominees"][1]["id"].as_i64().unwrap();

        // Before the decision: nothing to publish, and the server says why.
        let before = publication(&app, &t.office, shown_id).await;
        assert_eq!(before.ok()["status"], "not_published");
        assert_eq!(before.etag(), "\"0\"");
        assert_eq!(before.body["decided"], false);
        assert_eq!(before.body["consentRequired"], true);
        assert!(publish_blocker(&before.body).unwrap().contains("quyết định"), "{}", before.text);
        app.post(&format!("/api/v1/commendation-nominees/{shown_id}/publication/publish")).token(&t.office).if_match("\"0\"")
            .json(&json!({ "consent": consent() })).send().await.problem(409, "conflict");

        let decided = step(&app, &t.leader, &pending, "approve", approve_all(&app, &pending)).await;
        let number = decided["decision"]["number"].as_str().unwrap().to_owned();
        let current = publication(&app, &t.office, shown_id).await;
        assert_eq!(current.ok()["decided"], true);
        assert_eq!(current.body["publicSummary"], decided["nominees"][0]["achievement"], "the achievement by default");
        assert!(publish_blocker(&current.body).unwrap().contains("đồng ý"));
        assert_eq!(action_names(&current.body), ["edit", "publish"]);

        // Who may do what: the unit reads it and may do nothing; another unit may not read it;
        // the leadership may only take a publication down.
        assert_eq!(publication(&app, &t.head, shown_id).await.ok()["allowedActions"], json!([]));
        publication(&app, &unit_token(&app, "pbgdpl.canbo").await, shown_id).await.problem(403, "outside_unit_scope");
        assert_eq!(publication(&app, &t.leader, shown_id).await.ok()["allowedActions"], json!([]));
        app.post(&format!("/api/v1/commendation-nominees/{shown_id}/publication/publish")).token(&t.head).if_match("\"0\"")
            .json(&json!({ "consent": consent() })).send().await.problem(403, "forbidden");
        publication(&app, &t.office, 987_654).await.problem(404, "not_found");

        // An individual needs the consent; then it is public.
        let path = format!("/api/v1/commendation-nominees/{shown_id}/publication");
        let res = app.post(&format!("{path}/publish")).token(&t.office).if_match("\"0\"").json(&json!({})).send().await;
        assert_eq!(res.field_errors(), ["consent:required"]);
        app.post(&format!("{path}/publish")).token(&t.office).json(&json!({})).send().await.problem(428, "precondition_required");
        let summary = format!("{shown} tận tình giúp người dân vùng lũ, được nhân dân tin yêu.");
        let published = app.post(&format!("{path}/publish")).token(&t.office).if_match("\"0\"")
            .json(&json!({ "consent": consent(), "publicSummary": summary })).send().await;
        assert_eq!(published.ok()["status"], "published");
        assert_eq!(published.body["public"], true);
        assert_eq!(published.body["publicUrl"], format!("http://127.0.0.1:8080/cong-khai/khen-thuong/{shown_id}"));
        assert_eq!(action_names(&published.body), ["edit", "unpublish"]);
        app.post(&format!("{path}/publish")).token(&t.office).if_match(&published.etag()).json(&json!({})).send().await.problem(409, "conflict");
        let res = app.put(&path).token(&t.office).if_match(&published.etag())
            .json(&json!({ "publicSummary": summary, "consent": null })).send().await;
        res.problem(409, "conflict");

        // The portal: the list (searchable without diacritics), the page and the feed, with the
        // decision's number; nothing of the other nominee, nothing private.
        let list = app.get("/api/v1/public/commendations").send().await;
        let items = list.ok()["items"].as_array().unwrap();
        assert_eq!(items.len(), 1, "{}", list.text);
        assert_eq!(list.body["total"], 1);
        assert_eq!(items[0]["id"], shown_id);
        assert_eq!(items[0]["name"], shown.as_str());
        assert_eq!(items[0]["decisionNumber"], number.as_str());
        assert_eq!(items[0]["decisionDate"], decided["decision"]["decidedOn"]);
        assert_eq!(items[0]["awardForm"], decided["awardForm"]["name"]);
        assert_eq!(items[0]["commendationType"], "ad_hoc");
        assert_eq!(items[0]["publicSummary"], summary.as_str());
        let folded = lantoa::db::search::fold(&shown);
        let found = app.get(&format!("/api/v1/public/commendations?q={}", folded.replace(' ', "%20"))).send().await;
        assert_eq!(found.ok()["total"], 1);
        let other_year = app.get("/api/v1/public/commendations?year=2030").send().await;
        assert_eq!(other_year.ok()["total"], 0);
        app.get("/api/v1/public/commendations?year=1999").send().await.problem(422, "validation_failed");
        let page = app.get(&format!("/api/v1/public/commendations/{shown_id}")).send().await;
        let mut keys: Vec<&str> = page.ok().as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["authority", "authorityLabel", "awardForm", "commendationType", "commendationTypeLabel", "decisionDate", "decisionNumber", "exemplarUrl", "id", "jobTitle", "name", "publicSummary", "publicUrl", "publishedAt", "subjectKind", "unit", "updatedAt", "workplace", "year"]);
        for private in ["Lê Văn Minh", "Bản đồng ý", "rewardAmount", "hoàn thành xuất sắc"] {
            assert!(!page.text.contains(private) && !list.text.contains(private), "{private} leaked");
        }
        app.get(&format!("/api/v1/public/commendations/{hidden_id}")).send().await.problem(404, "not_found");
        app.get("/api/v1/public/commendations/987654").send().await.problem(404, "not_found");
        let feed = text(&app, "/api/v1/public/feed.atom").await;
        assert!(feed.contains(&format!("{shown} – ")), "{feed}");
        assert!(feed.contains("term=\"commendation\""));
        assert!(feed.contains(&format!("/cong-khai/khen-thuong/{shown_id}")));
        assert!(!feed.contains(&hidden), "nothing unpublished");

        // The proposal's timeline and the audit log tell it.
        let proposal = app.get(&format!("/api/v1/commendation-proposals/{}", decided["id"])).token(&t.head).send().await;
        let steps: Vec<&str> = proposal.ok()["timeline"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
        assert!(steps.ends_with(&["publish"]), "{steps:?}");
        let audit = app.get(&format!("/api/v1/audit?entityType=commendation_proposal&entityId={}&pageSize=100", decided["id"])).token(&t.office).send().await;
        assert!(audit.ok()["items"].as_array().unwrap().iter().any(|e| e["action"] == "publish"));

        // The leadership takes it down with a reason: gone from the list, the page and the feed.
        let current = publication(&app, &t.leader, shown_id).await;
        assert_eq!(action_names(current.ok()), ["unpublish"]);
        app.post(&format!("{path}/unpublish")).token(&t.leader).if_match(&current.etag()).json(&json!({ "reason": "x" })).send().await.problem(422, "validation_failed");
        let down = app.post(&format!("{path}/unpublish")).token(&t.leader).if_match(&current.etag())
            .json(&json!({ "reason": "Cá nhân đề nghị tạm gỡ để bổ sung thông tin." })).send().await;
        assert_eq!(down.ok()["status"], "unpublished");
        assert_eq!(down.body["public"], false);
        assert!(down.body["publicUrl"].is_null());
        assert_eq!(app.get("/api/v1/public/commendations").send().await.ok()["total"], 0);
        app.get(&format!("/api/v1/public/commendations/{shown_id}")).send().await.problem(404, "not_found");
        assert!(!text(&app, "/api/v1/public/feed.atom").await.contains(&shown));
        let again = app.post(&format!("{path}/publish")).token(&t.office).if_match(&down.etag()).json(&json!({})).send().await;
        assert_eq!(again.ok()["status"], "published", "the consent saved before is enough");
    }
);

db_test!(
    async fn a_commendation_is_public_only_while_its_decision_stands(app) {
        let t = Tokens::new(&app).await;
        let name = unique_name();
        let tgpl = app.unit_id("TGPL").await;
        // A collective of the unit needs no consent; the higher authority's outcome decides.
        let team = json!({
            "subjectKind": "collective", "fullName": format!("Tập thể {name}"), "unitId": tgpl,
            "workplace": "Trung tâm Trợ giúp pháp lý nhà nước", "memberCount": 10, "membersCompleted": 10,
            "achievement": "Tập thể hoàn thành xuất sắc nhiệm vụ trợ giúp pháp lý năm 2026.",
        });
        let draft = body(&app, &t.head, "TGPL", "GK-GDS", "ad_hoc", vec![team]).await;
        let created = create(&app, &t.head, &draft).await;
        assert_eq!(created["nominees"][0]["subjectKind"], "collective");
        // Not decided while only drafted: 409, and the public never sees it.
        let nominee = created["nominees"][0]["id"].as_i64().unwrap();
        let current = publication(&app, &t.office, nominee).await;
        assert_eq!(current.ok()["consentRequired"], false);
        app.post(&format!("/api/v1/commendation-nominees/{nominee}/publication/publish")).token(&t.office).if_match("\"0\"")
            .json(&json!({})).send().await.problem(409, "conflict");
        // The text may be prepared before the decision; it is still not public.
        let saved = app.put(&format!("/api/v1/commendation-nominees/{nominee}/publication")).token(&t.office).if_match("\"0\"")
            .json(&json!({ "publicSummary": "Tập thể tiêu biểu của ngành Tư pháp năm 2026." })).send().await;
        assert_eq!(saved.ok()["status"], "not_published");
        app.get(&format!("/api/v1/public/commendations/{nominee}")).send().await.problem(404, "not_found");
        // Hostile input is refused before anything is written.
        let res = app.put(&format!("/api/v1/commendation-nominees/{nominee}/publication")).token(&t.office).if_match(&saved.etag())
            .json(&json!({ "publicSummary": "Nội dung\u{0000} có ký tự điều khiển." })).send().await;
        res.problem(422, "validation_failed");
        assert_eq!(publication(&app, &t.office, nominee).await.etag(), saved.etag(), "nothing written");
    }
);
