//! Helpers shared by the API tests.

use lantoa_tests::TestApp;
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
pub async fn create_user(app: &TestApp, token: &str, username: &str, role: &str, unit_code: Option<&str>) -> (Value, String) {
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
    (res.body["user"].clone(), res.body["temporaryPassword"].as_str().unwrap().to_owned())
}
