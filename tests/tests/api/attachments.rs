//! Attachments: types checked on the content, size limits, thumbnails, downloads authorised
//! like their parent.

use lantoa_tests::{TestApp, db_test};
use serde_json::{Value, json};

use crate::support::{create_exemplar, etag_of, png, upload};

async fn fetch(app: &TestApp, token: &str, path: &str) -> reqwest::Response {
    reqwest::Client::new()
        .get(app.url(path))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
}

db_test!(
    async fn photos_and_documents_are_stored_and_served_to_those_allowed(app) {
        let staff = app.token("tgpl.canbo").await;
        let exemplar = create_exemplar(&app, &staff, "TGPL", "Người có ảnh").await;
        let path = format!("/api/v1/exemplars/{}/attachments", exemplar["id"]);
        let photo = upload(&app, &staff, &path, "../../ảnh hiện trường.png", png(1200, 900)).await;
        assert_eq!(photo.status, 201, "{}", photo.text);
        assert_eq!(photo.body["fileName"], "ảnh hiện trường.png");
        assert_eq!(photo.body["contentType"], "image/png");
        assert_eq!(photo.body["caption"], "Ảnh trao đổi với người dân");
        let thumbnail_url = photo.body["thumbnailUrl"].as_str().unwrap().to_owned();
        let pdf = upload(&app, &staff, &path, "bao-cao.png", b"%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF".to_vec()).await;
        assert_eq!(pdf.body["contentType"], "application/pdf", "the content decides, not the name");
        assert_eq!(pdf.body["thumbnailUrl"], Value::Null);

        let content = fetch(&app, &staff, photo.body["downloadUrl"].as_str().unwrap()).await;
        assert_eq!(content.status(), 200);
        assert_eq!(content.headers()["content-type"], "image/png");
        assert!(content.headers()["content-disposition"].to_str().unwrap().contains("filename*=UTF-8''"));
        let policy = content.headers()["content-security-policy"].to_str().unwrap().to_owned();
        assert!(policy.starts_with("sandbox"), "a download runs nothing: {policy}");
        assert_eq!(content.bytes().await.unwrap().to_vec(), png(1200, 900));
        let thumb = fetch(&app, &staff, &thumbnail_url).await;
        assert_eq!(thumb.status(), 200);
        let decoded = image::load_from_memory(&thumb.bytes().await.unwrap()).unwrap();
        assert_eq!((decoded.width(), decoded.height()), (320, 240));

        let shown = app.get(&format!("/api/v1/exemplars/{}", exemplar["id"])).token(&staff).send().await;
        assert_eq!(shown.ok()["attachments"].as_array().unwrap().len(), 2);

        // Another unit, no token, a service account on a draft: refused like the exemplar itself.
        let admin = app.admin().await;
        let (_, temporary) = crate::support::create_user(&app, &admin, "dgts.canbo", "unit_staff", Some("DGTS")).await;
        let login = app.login_full("dgts.canbo", &temporary).await;
        let other = app
            .post("/api/v1/profile/password")
            .token(login["accessToken"].as_str().unwrap())
            .json(&serde_json::json!({ "currentPassword": temporary, "newPassword": "Dau-Gia-2026x" }))
            .send()
            .await
            .body["accessToken"]
            .as_str()
            .unwrap()
            .to_owned();
        assert_eq!(fetch(&app, &other, photo.body["downloadUrl"].as_str().unwrap()).await.status(), 403);
        assert_eq!(fetch(&app, &other, &thumbnail_url).await.status(), 403);
        assert_eq!(upload(&app, &other, &path, "x.png", png(10, 10)).await.status, 403);
        let anonymous = reqwest::get(app.url(photo.body["downloadUrl"].as_str().unwrap())).await.unwrap();
        assert_eq!(anonymous.status(), 401);
        let integration = app.integration_token(&["exemplars:read"]).await;
        assert_eq!(fetch(&app, &integration, photo.body["downloadUrl"].as_str().unwrap()).await.status(), 404);

        // Removing a file.
        let id = pdf.body["id"].as_i64().unwrap();
        let res = app.delete(&format!("/api/v1/attachments/{id}")).token(&staff).send().await;
        res.problem(428, "precondition_required");
        let res = app.delete(&format!("/api/v1/attachments/{id}")).token(&staff).if_match("\"7\"").send().await;
        res.problem(412, "version_mismatch");
        let fetched = app.get(&format!("/api/v1/attachments/{id}")).token(&staff).send().await;
        assert_eq!(fetched.ok()["version"], 1);
        let res = app.delete(&format!("/api/v1/attachments/{id}")).token(&staff).if_match(&fetched.etag()).send().await;
        assert_eq!(res.status, 204);
        app.get(&format!("/api/v1/attachments/{id}")).token(&staff).send().await.problem(404, "not_found");
        let audit = app.get("/api/v1/audit?entityType=attachment").token(&admin).send().await;
        assert_eq!(audit.ok()["total"], 3);
    }
);

db_test!(
    async fn forbidden_types_and_oversized_files_are_refused(app) {
        let staff = app.token("tgpl.canbo").await;
        let exemplar = create_exemplar(&app, &staff, "TGPL", "Người gửi tệp lạ").await;
        let path = format!("/api/v1/exemplars/{}/attachments", exemplar["id"]);
        let exe = upload(&app, &staff, &path, "bao-cao.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff".to_vec()).await;
        exe.problem(415, "unsupported_file_type");
        let html = upload(&app, &staff, &path, "trang.pdf", b"<html><script>alert(1)</script></html>".to_vec()).await;
        html.problem(415, "unsupported_file_type");
        let big = upload(&app, &staff, &path, "lon.png", vec![0x89; 300 * 1024]).await;
        big.problem(413, "file_too_large");
        let empty = upload(&app, &staff, &path, "rong.png", Vec::new()).await;
        assert_eq!(empty.field_errors(), ["file:empty"]);
        let json = app.post(&path).token(&staff).json(&serde_json::json!({ "file": "x" })).send().await;
        json.problem(415, "unsupported_media_type");
        let shown = app.get(&format!("/api/v1/exemplars/{}", exemplar["id"])).token(&staff).send().await;
        assert_eq!(shown.ok()["attachments"], serde_json::json!([]), "nothing was kept");
    }
);

db_test!(
    async fn evaluation_evidence_is_frozen_with_the_evaluation(app) {
        let office = app.token("vanphong").await;
        let exemplar = create_exemplar(&app, &office, "TGPL", "Người được đánh giá").await;
        let evaluation = app
            .post(&format!("/api/v1/exemplars/{}/evaluations", exemplar["id"]))
            .token(&office)
            .json(&serde_json::json!({ "evaluatorKind": "office_review" }))
            .send()
            .await
            .body
            .clone();
        let path = format!("/api/v1/evaluations/{}/attachments", evaluation["id"]);
        let evidence = upload(&app, &office, &path, "minh-chung.pdf", b"%PDF-1.4\n%%EOF".to_vec()).await;
        assert_eq!(evidence.status, 201, "{}", evidence.text);
        let items: Vec<Value> = evaluation["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| serde_json::json!({ "criterionId": i["criterionId"], "met": true }))
            .collect();
        let saved = app
            .put(&format!("/api/v1/evaluations/{}", evaluation["id"]))
            .token(&office)
            .if_match(&etag_of(&evaluation))
            .json(&serde_json::json!({ "items": items }))
            .send()
            .await;
        app.post(&format!("/api/v1/evaluations/{}/finalise", evaluation["id"])).token(&office).if_match(&saved.etag()).send().await.ok();
        upload(&app, &office, &path, "them.pdf", b"%PDF-1.4\n%%EOF".to_vec()).await.problem(409, "evaluation_finalised");
        let id = evidence.body["id"].as_i64().unwrap();
        app.delete(&format!("/api/v1/attachments/{id}")).token(&office).if_match(&etag_of(&evidence.body)).send().await.problem(409, "evaluation_finalised");
    }
);

db_test!(
    async fn an_exemplar_shows_its_chosen_image_as_its_picture_in_lists_and_on_its_page(app) {
        let staff = app.token("tgpl.canbo").await;
        let exemplar = create_exemplar(&app, &staff, "TGPL", "Người có chân dung").await;
        let id = exemplar["id"].as_i64().unwrap();
        let detail_path = format!("/api/v1/exemplars/{id}");
        let path = format!("{detail_path}/attachments");
        let photo_of_list = |list: &Value| -> Value {
            list["items"].as_array().unwrap().iter().find(|e| e["id"] == id).unwrap()["photoUrl"].clone()
        };

        // Without images there is no picture; a PDF does not become one.
        upload(&app, &staff, &path, "bao-cao.pdf", b"%PDF-1.4\n%%EOF".to_vec()).await;
        let shown = app.get(&detail_path).token(&staff).send().await;
        assert_eq!(shown.ok()["photo"], Value::Null);
        let list = app.get("/api/v1/exemplars?pageSize=100").token(&staff).send().await;
        assert_eq!(photo_of_list(list.ok()), Value::Null);

        // The first image is the picture until another one is chosen.
        let first = upload(&app, &staff, &path, "hien-truong.png", png(64, 48)).await;
        let second = upload(&app, &staff, &path, "chan-dung.png", png(48, 64)).await;
        let shown = app.get(&detail_path).token(&staff).send().await;
        assert_eq!(shown.ok()["photo"]["id"], first.body["id"]);
        let list = app.get("/api/v1/exemplars?pageSize=100").token(&staff).send().await;
        assert_eq!(photo_of_list(list.ok()), first.body["thumbnailUrl"]);

        // Choosing needs the exemplar's version and one of its own images.
        let choose = |body: Value| app.put(&format!("{detail_path}/photo")).token(&staff).json(&body);
        choose(json!({ "attachmentId": second.body["id"] })).send().await.problem(428, "precondition_required");
        let etag = shown.etag();
        let pdf_id = shown.body["attachments"][0]["id"].clone();
        let res = choose(json!({ "attachmentId": pdf_id })).if_match(&etag).send().await;
        assert_eq!(res.field_errors(), ["attachmentId:not_an_image_of_exemplar"]);
        let other = create_exemplar(&app, &staff, "TGPL", "Người khác").await;
        let foreign = upload(&app, &staff, &format!("/api/v1/exemplars/{}/attachments", other["id"]), "khac.png", png(20, 20)).await;
        let res = choose(json!({ "attachmentId": foreign.body["id"] })).if_match(&etag).send().await;
        assert_eq!(res.field_errors(), ["attachmentId:not_an_image_of_exemplar"]);
        let res = choose(json!({ "attachmentId": 999_999 })).if_match(&etag).send().await;
        assert_eq!(res.field_errors(), ["attachmentId:not_an_image_of_exemplar"]);
        let head_elsewhere = app.token("vanphong").await;
        let res = choose(json!({ "attachmentId": second.body["id"] })).if_match(&etag).send().await;
        let chosen = res.ok().clone();
        assert_eq!(chosen["photo"]["id"], second.body["id"]);
        assert_ne!(res.etag(), etag, "choosing changes the exemplar's version");
        assert_eq!(chosen["timeline"].as_array().unwrap().last().unwrap()["action"], "photo_chosen");
        let list = app.get("/api/v1/exemplars?pageSize=100").token(&head_elsewhere).send().await;
        assert_eq!(photo_of_list(list.ok()), second.body["thumbnailUrl"]);
        choose(json!({ "attachmentId": first.body["id"] })).if_match(&etag).send().await.problem(412, "version_mismatch");

        // Removing the chosen image falls back to the first one left.
        let image = app.get(&format!("/api/v1/attachments/{}", second.body["id"])).token(&staff).send().await;
        let res = app.delete(&format!("/api/v1/attachments/{}", second.body["id"])).token(&staff).if_match(&image.etag()).send().await;
        assert_eq!(res.status, 204);
        let shown = app.get(&detail_path).token(&staff).send().await;
        assert_eq!(shown.ok()["photo"]["id"], first.body["id"]);

        // The audit names the picture by its file name.
        let admin = app.admin().await;
        let audit = app.get(&format!("/api/v1/audit?entityType=exemplar&entityId={id}")).token(&admin).send().await;
        let entries = audit.ok()["items"].as_array().unwrap().clone();
        assert!(entries.iter().any(|e| e["after"]["photo"] == "chan-dung.png" && e["before"]["photo"] == "hien-truong.png"), "{entries:?}");
    }
);
