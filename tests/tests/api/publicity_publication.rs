//! Publishing exemplars: only confirmed records, an individual's consent, the Office publishes,
//! the Office or the leadership takes down at once; the publication's workflow table answers
//! `allowedActions`; the dossier and the list say whether it is published; the share kit.

use lantoa_tests::{TestApp, db_test};
use serde_json::{Value, json};

use crate::support::{
    collective_body, confirmed, consent, create_exemplar, exemplar_body, get_bytes, png, publish,
    unit_token, upload,
};

fn actions(publication: &Value) -> Vec<(String, Option<String>)> {
    publication["allowedActions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["action"].as_str().unwrap().to_owned(),
                a["disabledReason"].as_str().map(str::to_owned),
            )
        })
        .collect()
}

async fn publication(app: &TestApp, token: &str, id: &Value) -> lantoa_tests::Res {
    app.get(&format!("/api/v1/exemplars/{id}/publication"))
        .token(token)
        .send()
        .await
}

db_test!(
    async fn publishing_needs_a_confirmed_record_and_an_individual_s_consent(app) {
        let staff = app.token("tgpl.canbo").await;
        let head = app.token("tgpl.truong").await;
        let office = app.token("vanphong").await;
        let leader = app.token("lanhdao").await;
        let unit = app.unit_id("TGPL").await;

        // A draft: nothing published yet, version 0, publishing blocked with its reason.
        let draft = create_exemplar(&app, &staff, "TGPL", "Phan Thị Nháp").await;
        let current = publication(&app, &office, &draft["id"]).await;
        assert_eq!(current.ok()["status"], "not_published");
        assert_eq!(current.etag(), "\"0\"");
        assert_eq!(current.body["public"], false);
        assert_eq!(current.body["consentRequired"], true);
        assert_eq!(current.body["publicSummary"], draft["achievements"], "the achievements by default");
        let listed = actions(&current.body);
        assert_eq!(listed[0].0, "edit");
        assert_eq!(listed[1].0, "publish");
        assert!(listed[1].1.as_deref().unwrap().contains("xác nhận"), "{listed:?}");
        assert_eq!(listed.len(), 2, "nothing to take down");
        let res = app.post(&format!("/api/v1/exemplars/{}/publication/publish", draft["id"])).token(&office).if_match("\"0\"").json(&json!({ "consent": consent() })).send().await;
        res.problem(409, "conflict");
        // Unit roles read it, and may do nothing with it.
        assert_eq!(publication(&app, &staff, &draft["id"]).await.ok()["allowedActions"], json!([]));
        assert_eq!(publication(&app, &unit_token(&app, "pbgdpl.canbo").await, &draft["id"]).await.status, 403);

        // Confirmed, an individual: the consent first.
        let person = confirmed(&app, &staff, &head, &office, &exemplar_body(unit, "Nguyễn Thị Đồng Ý")).await;
        let id = person["id"].as_i64().unwrap();
        let current = publication(&app, &office, &person["id"]).await;
        assert!(actions(current.ok())[1].1.as_deref().unwrap().contains("đồng ý"));
        let res = app.post(&format!("/api/v1/exemplars/{id}/publication/publish")).token(&office).if_match("\"0\"").json(&json!({})).send().await;
        res.problem(422, "validation_failed");
        assert_eq!(res.field_errors(), ["consent:required"]);
        let mut future = consent();
        future["givenOn"] = json!((chrono::Utc::now() + chrono::Duration::days(5)).date_naive().to_string());
        let res = app.post(&format!("/api/v1/exemplars/{id}/publication/publish")).token(&office).if_match("\"0\"").json(&json!({ "consent": future })).send().await;
        assert_eq!(res.field_errors(), ["consent.givenOn:future"]);
        // The text and the consent can be saved first.
        let saved = app.put(&format!("/api/v1/exemplars/{id}/publication")).token(&office).if_match("\"0\"")
            .json(&json!({ "publicSummary": "Chị Đồng Ý tận tụy với người dân, được nhân dân tin yêu.", "consent": consent() }))
            .send().await;
        assert_eq!(saved.ok()["status"], "not_published");
        assert_eq!(saved.etag(), "\"1\"");
        assert_eq!(saved.body["consent"]["method"], "written");
        assert_eq!(saved.body["consent"]["recordedBy"], "Lê Văn Minh");
        app.post(&format!("/api/v1/exemplars/{id}/publication/publish")).token(&office).if_match("\"0\"").json(&json!({})).send().await.problem(412, "version_mismatch");
        app.post(&format!("/api/v1/exemplars/{id}/publication/publish")).token(&office).json(&json!({})).send().await.problem(428, "precondition_required");
        let published = app.post(&format!("/api/v1/exemplars/{id}/publication/publish")).token(&office).if_match(&saved.etag()).json(&json!({})).send().await;
        assert_eq!(published.ok()["status"], "published");
        assert_eq!(published.body["public"], true);
        assert_eq!(published.body["publicSummary"], "Chị Đồng Ý tận tụy với người dân, được nhân dân tin yêu.");
        assert_eq!(published.body["publicUrl"], format!("http://127.0.0.1:8080/cong-khai/guong-dien-hinh/{id}"));
        assert_eq!(published.body["cardUrl"], format!("http://127.0.0.1:8080/api/v1/public/exemplars/{id}/card.png"));
        assert!(published.body["publishedAt"].is_string());
        assert_eq!(actions(&published.body).iter().map(|a| a.0.as_str()).collect::<Vec<_>>(), ["edit", "unpublish"]);
        app.post(&format!("/api/v1/exemplars/{id}/publication/publish")).token(&office).if_match(&published.etag()).json(&json!({})).send().await.problem(409, "conflict");

        // The dossier and the list say so; the timeline and the audit log tell it.
        let dossier = app.get(&format!("/api/v1/exemplars/{id}")).token(&staff).send().await;
        assert_eq!(dossier.ok()["published"], true);
        assert_eq!(dossier.body["publishedAt"], published.body["publishedAt"]);
        let steps: Vec<&str> = dossier.body["timeline"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
        assert!(steps.ends_with(&["publication_updated", "published"]), "{steps:?}");
        let list = app.get("/api/v1/exemplars?q=dong%20y").token(&staff).send().await;
        assert_eq!(list.ok()["items"][0]["published"], true);
        let draft_in_list = app.get("/api/v1/exemplars?q=phan%20thi%20nhap").token(&staff).send().await;
        assert_eq!(draft_in_list.ok()["items"][0]["published"], false);
        let audit = app.get(&format!("/api/v1/audit?entityType=exemplar&entityId={id}&pageSize=100")).token(&office).send().await;
        let audited: Vec<&str> = audit.ok()["items"].as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
        assert!(audited.contains(&"publish") && audited.contains(&"update_publication"), "{audited:?}");

        // While published: the text changes at once; a published individual keeps the consent.
        let edited = app.put(&format!("/api/v1/exemplars/{id}/publication")).token(&office).if_match(&published.etag())
            .json(&json!({ "publicSummary": "Văn bản công khai mới, đã được Văn phòng Sở biên tập lại.", "consent": consent() }))
            .send().await;
        assert_eq!(edited.ok()["status"], "published");
        let public = app.get(&format!("/api/v1/public/exemplars/{id}")).send().await;
        assert_eq!(public.ok()["publicSummary"], "Văn bản công khai mới, đã được Văn phòng Sở biên tập lại.");
        let res = app.put(&format!("/api/v1/exemplars/{id}/publication")).token(&office).if_match(&edited.etag())
            .json(&json!({ "publicSummary": "Văn bản công khai mới, đã được Văn phòng Sở biên tập lại.", "consent": null }))
            .send().await;
        res.problem(409, "conflict");

        // The leadership takes it down, with a reason; it may be published again.
        app.post(&format!("/api/v1/exemplars/{id}/publication/unpublish")).token(&leader).if_match(&edited.etag()).json(&json!({ "reason": "x" })).send().await.problem(422, "validation_failed");
        let down = app.post(&format!("/api/v1/exemplars/{id}/publication/unpublish")).token(&leader).if_match(&edited.etag()).json(&json!({ "reason": "Cá nhân đề nghị tạm gỡ để cập nhật ảnh." })).send().await;
        assert_eq!(down.ok()["status"], "unpublished");
        assert_eq!(down.body["public"], false);
        assert_eq!(down.body["unpublishReason"], "Cá nhân đề nghị tạm gỡ để cập nhật ảnh.");
        assert!(down.body["publishedAt"].is_null() && down.body["publicUrl"].is_null());
        app.post(&format!("/api/v1/exemplars/{id}/publication/unpublish")).token(&office).if_match(&down.etag()).json(&json!({ "reason": "Lần hai không được." })).send().await.problem(409, "conflict");
        assert_eq!(app.get(&format!("/api/v1/exemplars/{id}")).token(&staff).send().await.ok()["published"], false);
        let again = app.post(&format!("/api/v1/exemplars/{id}/publication/publish")).token(&office).if_match(&down.etag()).json(&json!({})).send().await;
        assert_eq!(again.ok()["status"], "published", "the consent saved before is enough");

        // A collective needs no personal consent.
        let team = confirmed(&app, &staff, &head, &office, &collective_body(unit, "Tổ trợ giúp lưu động")).await;
        let current = publication(&app, &office, &team["id"]).await;
        assert_eq!(current.ok()["consentRequired"], false);
        assert!(actions(&current.body)[1].1.is_none(), "publishable now");
        let res = app.post(&format!("/api/v1/exemplars/{}/publication/publish", team["id"])).token(&office).if_match(&current.etag()).json(&json!({})).send().await;
        assert_eq!(res.ok()["status"], "published");
        assert!(res.body["consent"].is_null());
    }
);

db_test!(
    async fn stopping_a_published_exemplar_hides_it_and_it_cannot_be_published_again(app) {
        let staff = app.token("tgpl.canbo").await;
        let head = app.token("tgpl.truong").await;
        let office = app.token("vanphong").await;
        let unit = app.unit_id("TGPL").await;
        let person = confirmed(&app, &staff, &head, &office, &exemplar_body(unit, "Vũ Văn Dừng")).await;
        let id = person["id"].as_i64().unwrap();
        publish(&app, &office, id).await;
        assert_eq!(app.get(&format!("/api/v1/public/exemplars/{id}")).send().await.status, 200);
        let current = app.get(&format!("/api/v1/exemplars/{id}")).token(&office).send().await;
        app.post(&format!("/api/v1/exemplars/{id}/stage")).token(&office).if_match(&current.etag())
            .json(&json!({ "toStage": "stopped", "note": "Đang xem xét phản ánh của người dân." })).send().await.ok();
        app.get(&format!("/api/v1/public/exemplars/{id}")).send().await.problem(404, "not_found");
        let state = publication(&app, &office, &json!(id)).await;
        assert_eq!(state.ok()["status"], "published", "the decision stands");
        assert_eq!(state.body["public"], false, "but the portal hides it");
        let down = app.post(&format!("/api/v1/exemplars/{id}/publication/unpublish")).token(&office).if_match(&state.etag()).json(&json!({ "reason": "Dừng theo dõi." })).send().await;
        let res = app.post(&format!("/api/v1/exemplars/{id}/publication/publish")).token(&office).if_match(&down.etag()).json(&json!({})).send().await;
        res.problem(409, "conflict");
        assert!(res.body["detail"].as_str().unwrap().contains("dừng theo dõi"));
    }
);

db_test!(
    async fn the_share_kit_links_the_public_page_and_the_card_draws(app) {
        let staff = app.token("tgpl.canbo").await;
        let head = app.token("tgpl.truong").await;
        let office = app.token("vanphong").await;
        let unit = app.unit_id("TGPL").await;
        let person = confirmed(&app, &staff, &head, &office, &exemplar_body(unit, "Hồ Thị Chia Sẻ")).await;
        let id = person["id"].as_i64().unwrap();
        let res = app.get(&format!("/api/v1/exemplars/{id}/share-kit")).token(&staff).send().await;
        res.problem(409, "conflict");
        upload(&app, &staff, &format!("/api/v1/exemplars/{id}/attachments"), "chan-dung.png", png(300, 400)).await;
        publish(&app, &office, id).await;

        let kit = app.get(&format!("/api/v1/exemplars/{id}/share-kit")).token(&staff).send().await;
        let kit = kit.ok().clone();
        let page = format!("http://127.0.0.1:8080/cong-khai/guong-dien-hinh/{id}");
        assert_eq!(kit["publicUrl"], page);
        for text in [&kit["zalo"], &kit["facebook"]] {
            let text = text.as_str().unwrap();
            assert!(text.contains(&page), "{text}");
            assert!(text.contains("Hồ Thị Chia Sẻ"), "{text}");
            assert!(text.contains("Trung tâm Trợ giúp pháp lý"), "{text}");
            assert!(text.contains("#ĐiểnHìnhTiênTiến") && text.contains("#LanTỏa"), "{text}");
        }
        assert!(kit["hashtags"].as_array().unwrap().iter().any(|t| t == "#SởTưPhápTỉnhĐồngTháp"));
        assert!(kit["headline"].as_str().unwrap().starts_with("Thực hiện 120 vụ việc"));
        assert_eq!((kit["cardWidth"].as_i64(), kit["cardHeight"].as_i64()), (Some(1200), Some(630)));
        assert_eq!(app.get(&format!("/api/v1/exemplars/{id}/share-kit")).token(&unit_token(&app, "pbgdpl.canbo").await).send().await.status, 403);

        // The card: a 1200×630 PNG with the photo in its panel, cached and revalidated.
        let card = kit["cardUrl"].as_str().unwrap().replace("http://127.0.0.1:8080", "");
        let (status, headers, bytes) = get_bytes(&app, &card, None).await;
        assert_eq!(status, 200);
        assert_eq!(headers["content-type"], "image/png");
        let image = image::load_from_memory_with_format(&bytes, image::ImageFormat::Png).unwrap().to_rgba8();
        assert_eq!(image.dimensions(), (1200, 630));
        let [r, g, b, _] = image.get_pixel(220, 315).0;
        assert!(b > 150 && r < 60 && g > 80, "the photo's blue in the panel: {r} {g} {b}");
        let text_row = (500..1100).filter(|x| image.get_pixel(*x, 185).0 != [255, 255, 255, 255]).count();
        assert!(text_row > 50, "the name is drawn: {text_row}");
        let etag = headers["etag"].to_str().unwrap().to_owned();
        let again = reqwest::Client::new().get(app.url(&card)).header("If-None-Match", &etag).send().await.unwrap();
        assert_eq!(again.status().as_u16(), 304);
        // Another name, another card.
        let current = app.get(&format!("/api/v1/exemplars/{id}")).token(&office).send().await;
        let mut body = exemplar_body(unit, "Hồ Thị Chia Sẻ Đổi Tên");
        body["movementIds"] = json!([]);
        app.put(&format!("/api/v1/exemplars/{id}")).token(&office).if_match(&current.etag()).json(&body).send().await.ok();
        let (_, renamed, _) = get_bytes(&app, &card, None).await;
        assert_ne!(renamed["etag"].to_str().unwrap(), etag);
    }
);
