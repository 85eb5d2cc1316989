//! User accounts: creation with a temporary password, search, scoping by unit, edits,
//! deactivation and password resets.

use lantoa_tests::{DEMO_PASSWORD, db_test};
use serde_json::json;

use crate::support::create_user;
use crate::units::urlencode;

db_test!(
    async fn a_new_user_must_change_the_temporary_password(app) {
        let admin = app.admin().await;
        let (user, temporary) = create_user(&app, &admin, "hoa.nt", "unit_staff", Some("TGPL")).await;
        assert_eq!(user["mustChangePassword"], true);
        assert_eq!(user["unit"]["code"], "TGPL");
        let login = app.login_full("hoa.nt", &temporary).await;
        assert_eq!(login["mustChangePassword"], true);
        let token = login["accessToken"].as_str().unwrap();
        // Only the profile, the password change and /auth/me are open.
        app.get("/api/v1/units").token(token).send().await.problem(403, "password_change_required");
        app.get("/api/v1/auth/me").token(token).send().await.ok();
        app.get("/api/v1/profile").token(token).send().await.ok();
        let changed = app
            .post("/api/v1/profile/password")
            .token(token)
            .json(&json!({ "currentPassword": temporary, "newPassword": "Hoa-Thang11-2026" }))
            .send()
            .await;
        assert_eq!(changed.ok()["mustChangePassword"], false);
        let fresh = changed.body["accessToken"].as_str().unwrap();
        app.get("/api/v1/units").token(fresh).send().await.ok();
        // The session that had the temporary password is over.
        app.get("/api/v1/auth/me").token(token).send().await.problem(401, "session_revoked");
        app.login_full("hoa.nt", "Hoa-Thang11-2026").await;
    }
);

db_test!(
    async fn user_input_is_validated(app) {
        let admin = app.admin().await;
        let res = app
            .post("/api/v1/users")
            .token(&admin)
            .json(&json!({ "username": "Tên Có Dấu", "fullName": "", "role": "unit_staff", "email": "x@", "temporaryPassword": "ngan" }))
            .send()
            .await;
        res.problem(422, "validation_failed");
        assert_eq!(
            res.field_errors(),
            ["email:email", "fullName:length", "temporaryPassword:password_length", "temporaryPassword:password_weak", "username:invalid_format"]
        );
        let res = app
            .post("/api/v1/users")
            .token(&admin)
            .json(&json!({ "username": "khong.don.vi", "fullName": "Không Đơn Vị", "role": "unit_head" }))
            .send()
            .await;
        assert_eq!(res.field_errors(), ["unitId:required"]);
        let res = app
            .post("/api/v1/users")
            .token(&admin)
            .json(&json!({ "username": "may.tinh", "fullName": "Máy", "role": "integration" }))
            .send()
            .await;
        assert_eq!(res.field_errors(), ["role:invalid"]);
        let res = app
            .post("/api/v1/users")
            .token(&admin)
            .json(&json!({ "username": "thanh.tra", "fullName": "Thanh Tra", "role": "unit_staff", "unitId": app.unit_id("TTR").await }))
            .send()
            .await;
        assert_eq!(res.field_errors(), ["unitId:inactive"]);
        let res = app
            .post("/api/v1/users")
            .token(&admin)
            .json(&json!({ "username": "ADMIN", "fullName": "Trùng", "role": "admin" }))
            .send()
            .await;
        res.problem(409, "duplicate_username");
    }
);

db_test!(
    async fn search_finds_names_without_diacritics(app) {
        let admin = app.admin().await;
        let unit = app.unit_id("HCTP").await;
        for (username, name) in [("nguyen.vana", "Nguyễn Văn An"), ("nguyen.thib", "NGUYỄN THỊ BÌNH"), ("dang.c", "Đặng Văn Cường")] {
            let res = app
                .post("/api/v1/users")
                .token(&admin)
                .json(&json!({ "username": username, "fullName": name, "role": "unit_staff", "unitId": unit }))
                .send()
                .await;
            assert_eq!(res.status, 201, "{}", res.text);
        }
        let names = |q: &str| {
            let app = &app;
            let admin = admin.clone();
            let q = urlencode(q);
            async move {
                let res = app.get(&format!("/api/v1/users?q={q}&unitId={unit}&sort=fullName")).token(&admin).send().await;
                res.ok()["items"].as_array().unwrap().iter().map(|u| u["fullName"].as_str().unwrap().to_owned()).collect::<Vec<_>>()
            }
        };
        assert_eq!(names("nguyen").await, ["Nguyễn Văn An", "NGUYỄN THỊ BÌNH"], "by given name: An before Bình");
        assert_eq!(names("nguyen van").await, ["Nguyễn Văn An"]);
        assert_eq!(names("Nguyễn Văn").await, ["Nguyễn Văn An"]);
        assert_eq!(names("dang").await, ["Đặng Văn Cường"]);
        assert_eq!(names("cuong dang").await, ["Đặng Văn Cường"]);
        let staff = app.get(&format!("/api/v1/users?role=unit_staff&unitId={unit}&active=true")).token(&admin).send().await;
        assert_eq!(staff.ok()["total"], 3);
    }
);

db_test!(
    async fn unit_heads_see_only_their_own_unit(app) {
        let admin = app.admin().await;
        let (other, _) = create_user(&app, &admin, "btp.staff", "unit_staff", Some("BTTP")).await;
        let head = app.token("tgpl.truong").await;
        let list = app.get("/api/v1/users?pageSize=100").token(&head).send().await;
        let units: Vec<&str> = list.ok()["items"].as_array().unwrap().iter().map(|u| u["unit"]["code"].as_str().unwrap()).collect();
        assert_eq!(units, ["TGPL", "TGPL"]);
        // Asking for another unit explicitly still yields only their own.
        let bttp = app.unit_id("BTTP").await;
        let res = app.get(&format!("/api/v1/users?unitId={bttp}")).token(&head).send().await;
        assert_eq!(res.ok()["total"], 0);
        app.get(&format!("/api/v1/users/{}", other["id"])).token(&head).send().await.problem(403, "outside_unit_scope");
        let colleague = list.body["items"][0]["id"].as_i64().unwrap();
        app.get(&format!("/api/v1/users/{colleague}")).token(&head).send().await.ok();
        // The office and the leadership see every unit.
        let office = app.token("vanphong").await;
        app.get(&format!("/api/v1/users/{}", other["id"])).token(&office).send().await.ok();
    }
);

db_test!(
    async fn admin_edits_a_user_with_if_match(app) {
        let admin = app.admin().await;
        let (user, _) = create_user(&app, &admin, "minh.lv", "unit_staff", Some("TGPL")).await;
        let id = user["id"].as_i64().unwrap();
        let body = json!({ "fullName": "Lê Văn Minh Hai", "email": "minh@stp.dongthap.gov.vn", "phone": null, "position": "Chuyên viên",
                           "role": "unit_head", "unitId": app.unit_id("TGPL").await });
        app.put(&format!("/api/v1/users/{id}")).token(&admin).json(&body).send().await.problem(428, "precondition_required");
        let res = app.put(&format!("/api/v1/users/{id}")).token(&admin).if_match("\"1\"").json(&body).send().await;
        assert_eq!(res.ok()["role"], "unit_head");
        assert_eq!(res.body["email"], "minh@stp.dongthap.gov.vn");
        app.put(&format!("/api/v1/users/{id}")).token(&admin).if_match("\"1\"").json(&body).send().await.problem(412, "version_mismatch");
        // An administrator cannot drop their own admin role.
        let me = app.get("/api/v1/profile").token(&admin).send().await;
        let own = json!({ "fullName": "Quản trị", "role": "office", "unitId": null });
        let res = app.put(&format!("/api/v1/users/{}", me.body["id"])).token(&admin).if_match(&me.etag()).json(&own).send().await;
        assert_eq!(res.field_errors(), ["role:self"]);
    }
);

db_test!(
    async fn deactivation_ends_sessions_at_once(app) {
        let admin = app.admin().await;
        let signed_in = app.sign_in("tgpl.canbo", DEMO_PASSWORD).await;
        let staff_login = &signed_in.body;
        let staff_token = staff_login["accessToken"].as_str().unwrap();
        let id = staff_login["user"]["id"].as_i64().unwrap();
        let version = staff_login["user"]["version"].as_i64().unwrap();
        let res = app.post(&format!("/api/v1/users/{id}/deactivate")).token(&admin).if_match(&format!("\"{version}\"")).send().await;
        assert_eq!(res.ok()["active"], false);
        app.get("/api/v1/units").token(staff_token).send().await.problem(401, "session_revoked");
        app.refresh(&signed_in.refresh).await.problem(401, "invalid_refresh_token");
        let etag = res.etag();
        app.post(&format!("/api/v1/users/{id}/activate")).token(&admin).if_match(&etag).send().await.ok();
        app.login_full("tgpl.canbo", DEMO_PASSWORD).await;
        // Nobody locks themselves out.
        let me = app.get("/api/v1/profile").token(&admin).send().await;
        app.post(&format!("/api/v1/users/{}/deactivate", me.body["id"])).token(&admin).if_match(&me.etag()).send().await.problem(409, "cannot_deactivate_self");
    }
);

db_test!(
    async fn password_reset_gives_a_temporary_password(app) {
        let admin = app.admin().await;
        let old = app.login_full("vanphong", DEMO_PASSWORD).await;
        let id = old["user"]["id"].as_i64().unwrap();
        let res = app.post(&format!("/api/v1/users/{id}/reset-password")).token(&admin).send().await;
        let temporary = res.ok()["temporaryPassword"].as_str().unwrap().to_owned();
        assert_eq!(temporary.len(), 14);
        app.get("/api/v1/auth/me").token(old["accessToken"].as_str().unwrap()).send().await.problem(401, "session_revoked");
        app.post("/api/v1/auth/login").json(&json!({"username": "vanphong", "password": DEMO_PASSWORD})).send().await.problem(401, "invalid_credentials");
        let login = app.login_full("vanphong", &temporary).await;
        assert_eq!(login["mustChangePassword"], true);
        let audit = app.get(&format!("/api/v1/audit?entityType=user&entityId={id}&action=password_reset")).token(&admin).send().await;
        assert_eq!(audit.ok()["total"], 1);
        assert!(!audit.text.contains(&temporary), "secrets never reach the audit log");
    }
);
