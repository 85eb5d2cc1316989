//! The committed contract and deployment files stay in step with the code.

use std::path::PathBuf;

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

#[test]
fn committed_openapi_matches_the_code() {
    let generated = serde_json::to_string_pretty(&lantoa::openapi()).unwrap() + "\n";
    let committed =
        std::fs::read_to_string(repo_root().join("openapi/openapi.json")).unwrap_or_default();
    assert!(
        generated == committed,
        "openapi/openapi.json is out of date with the code: run `bash .ci/openapi.sh` and commit the result"
    );
}

#[test]
fn every_operation_documents_its_errors_and_security() {
    let spec = serde_json::to_value(lantoa::openapi()).unwrap();
    for (path, item) in spec["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let responses = op["responses"].as_object().unwrap();
            assert!(responses.contains_key("500"), "{method} {path}: no 500");
            assert!(
                op["security"].is_array(),
                "{method} {path}: no security requirement"
            );
            let secured = op["security"]
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r.get("bearer").is_some());
            if secured {
                assert!(
                    responses.contains_key("401") && responses.contains_key("403"),
                    "{method} {path}: 401/403 missing"
                );
            }
            if op.get("requestBody").is_some() {
                for status in ["400", "413", "415", "422"] {
                    assert!(
                        responses.contains_key(status),
                        "{method} {path}: {status} missing"
                    );
                }
            }
            let creates = responses.contains_key("201")
                && !path.ends_with("/amend")
                && !path.ends_with("/new-version");
            let is_update = method == "put"
                || method == "delete" && !path.starts_with("/api/v1/attachments")
                || (path.contains("{id}/")
                    && method == "post"
                    && !creates
                    && !path.ends_with("reset-password")
                    // A vote or a public comment adds a record; nothing the caller read changes.
                    && !path.ends_with("/vote")
                    && !path.ends_with("/written-votes")
                    // A ping sends a test event; the subscription is left as it was.
                    && !path.ends_with("/ping")
                    && !path.starts_with("/api/v1/public/"));
            if is_update {
                assert!(
                    responses.contains_key("412") && responses.contains_key("428"),
                    "{method} {path}: If-Match errors missing"
                );
            }
        }
    }
}

/// Every enumeration in the contract explains each of its values in its description
/// (`- `value`: …`), so that clients and the Swagger UI need not guess what a code means.
#[test]
fn every_operation_has_its_own_id() {
    let spec = serde_json::to_value(lantoa::openapi()).unwrap();
    let mut seen = std::collections::BTreeMap::new();
    for (path, item) in spec["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            if let Some(id) = operation["operationId"].as_str()
                && let Some(other) = seen.insert(id.to_owned(), format!("{method} {path}"))
            {
                panic!(
                    "{id} names both {other} and {method} {path}: generated clients mix them up"
                );
            }
        }
    }
    assert!(seen.len() > 100);
}

#[test]
fn every_enum_value_is_described() {
    fn walk(node: &serde_json::Value, at: &str, missing: &mut Vec<String>) {
        match node {
            serde_json::Value::Object(map) => {
                if let Some(values) = map.get("enum").and_then(|v| v.as_array()) {
                    let description = map
                        .get("description")
                        .and_then(|d| d.as_str())
                        .unwrap_or("");
                    for value in values.iter().filter_map(|v| v.as_str()) {
                        if !description.contains(&format!("- `{value}`: ")) {
                            missing.push(format!("{at}: {value}"));
                        }
                    }
                }
                for (key, child) in map {
                    walk(child, &format!("{at}/{key}"), missing);
                }
            }
            serde_json::Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    walk(child, &format!("{at}/{i}"), missing);
                }
            }
            _ => {}
        }
    }
    let spec = serde_json::to_value(lantoa::openapi()).unwrap();
    let mut missing = Vec::new();
    walk(&spec, "", &mut missing);
    assert!(
        missing.is_empty(),
        "enum values without a description:\n{}",
        missing.join("\n")
    );
}

#[test]
fn docker_compose_is_well_formed() {
    let text = std::fs::read_to_string(repo_root().join("docker-compose.yml")).unwrap();
    let compose: serde_json::Value =
        yaml_serde::from_str(&text).expect("docker-compose.yml parses as YAML");
    let services = compose["services"].as_object().expect("services");
    let db = &services["db"];
    assert!(db["image"].as_str().unwrap().starts_with("postgres:"));
    assert!(db["healthcheck"]["test"].is_array());
    let server = &services["server"];
    assert_eq!(server["build"]["dockerfile"], "backend/Dockerfile");
    assert_eq!(server["depends_on"]["db"]["condition"], "service_healthy");
    let env = server["environment"].as_object().unwrap();
    assert!(
        env["DATABASE_URL"]
            .as_str()
            .unwrap()
            .starts_with("postgres://")
    );
    assert!(env.contains_key("LANTOA_JWT_SECRET"));
    assert!(server["healthcheck"]["test"].is_array());
    assert!(
        compose["volumes"]
            .as_object()
            .unwrap()
            .contains_key("pgdata")
    );
    let dockerfile = std::fs::read_to_string(repo_root().join("backend/Dockerfile")).unwrap();
    assert!(
        dockerfile.contains("--features postgres") || dockerfile.contains("--features=postgres")
    );
    assert!(
        dockerfile.contains("npm ci") && dockerfile.contains("npm run build"),
        "the image builds the SPA"
    );
}
