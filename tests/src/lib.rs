//! Test harness for Lan Tỏa: every API test runs against a real HTTP server on SQLite (a
//! temporary file) and on PostgreSQL (a fresh database cloned from a migrated template).
#![allow(clippy::unwrap_used, clippy::expect_used)]

pub mod databases;
pub mod generator;
pub mod logs;
pub mod province;

use std::sync::Arc;

use actix_web::web;
use lantoa::auth::jwt::Claims;
use lantoa::config::AuthArgs;
use lantoa::state::{AppState, Settings};
use reqwest::Method;
use serde_json::Value;

pub use databases::DbKind;

pub const DEMO_PASSWORD: &str = lantoa::seed::demo::DEMO_PASSWORD;
pub const JWT_SECRET: &[u8] = b"test-secret-test-secret-test-secret-0123456789";

/// Runs one test body on SQLite and on PostgreSQL, as two tests named `<name>::sqlite` and
/// `<name>::postgres`.
#[macro_export]
macro_rules! db_test {
    ($(#[$meta:meta])* async fn $name:ident($app:ident) $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;
            $(#[$meta])*
            #[actix_web::test]
            async fn sqlite() {
                let $app = $crate::TestApp::start($crate::DbKind::Sqlite).await;
                $body
            }
            $(#[$meta])*
            #[actix_web::test]
            async fn postgres() {
                let $app = $crate::TestApp::start($crate::DbKind::Postgres).await;
                $body
            }
        }
    };
}

/// Like [`db_test!`], but the body gets the database kind and starts the app itself (for tests
/// that need a special configuration or no app at all).
#[macro_export]
macro_rules! db_test_kind {
    ($(#[$meta:meta])* async fn $name:ident($kind:ident) $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;
            $(#[$meta])*
            #[actix_web::test]
            async fn sqlite() {
                let $kind = $crate::DbKind::Sqlite;
                $body
            }
            $(#[$meta])*
            #[actix_web::test]
            async fn postgres() {
                let $kind = $crate::DbKind::Postgres;
                $body
            }
        }
    };
}

/// A running Lan Tỏa on a fresh database with the Department's units and the demo accounts.
pub struct TestApp {
    pub kind: DbKind,
    pub state: web::Data<AppState>,
    server: actix_test::TestServer,
    client: reqwest::Client,
    auth: AuthArgs,
    web: lantoa::WebOptions,
    database_url: String,
    /// `None` for a second instance, which shares the first one's database.
    _database: Option<databases::TestDatabase>,
    _data: tempfile::TempDir,
}

impl TestApp {
    pub async fn start(kind: DbKind) -> Self {
        Self::start_with(kind, AuthArgs::default()).await
    }

    pub async fn start_with(kind: DbKind, auth: AuthArgs) -> Self {
        Self::start_custom(kind, auth, lantoa::WebOptions::default()).await
    }

    /// With web options (the SPA directory, HSTS).
    pub async fn start_web(kind: DbKind, web: lantoa::WebOptions) -> Self {
        Self::start_custom(kind, AuthArgs::default(), web).await
    }

    async fn start_custom(kind: DbKind, auth: AuthArgs, web: lantoa::WebOptions) -> Self {
        Self::start_full(
            kind,
            auth,
            web,
            lantoa::scheduler::DeliveryConfig::default(),
        )
    }

    /// With how reminders and events leave the server (an SMTP sink, a webhook allow-list).
    pub async fn start_delivering(
        kind: DbKind,
        delivery: lantoa::scheduler::DeliveryConfig,
    ) -> Self {
        Self::start_full(
            kind,
            AuthArgs::default(),
            lantoa::WebOptions::default(),
            delivery,
        )
    }

    fn start_full(
        kind: DbKind,
        auth: AuthArgs,
        web: lantoa::WebOptions,
        delivery: lantoa::scheduler::DeliveryConfig,
    ) -> Self {
        let database = databases::TestDatabase::create(kind);
        let db = lantoa::db::Db::connect(&database.url, 4).expect("connect to the test database");
        let url = database.url.clone();
        Self::serve_with_clock(
            kind,
            db,
            url,
            Some(database),
            auth,
            web,
            lantoa::clock::Clock::system(),
            delivery,
        )
    }

    /// Another server on the same database (as a second instance behind a load balancer would
    /// be), with the same configuration and clock but its own process state (caches, pool).
    pub async fn second_instance(&self) -> TestApp {
        let db =
            lantoa::db::Db::connect(&self.database_url, 4).expect("connect to the test database");
        Self::serve_with_clock(
            self.kind,
            db,
            self.database_url.clone(),
            None,
            self.auth.clone(),
            self.web.clone(),
            self.state.clock.clone(),
            self.state.settings.delivery.clone(),
        )
    }

    /// Serves a pool of the caller's making (e.g. one whose database is not reachable yet) at
    /// `database_url`.
    pub fn serve(
        kind: DbKind,
        db: lantoa::db::Db,
        database_url: String,
        database: Option<databases::TestDatabase>,
        auth: AuthArgs,
        web: lantoa::WebOptions,
    ) -> Self {
        Self::serve_with_clock(
            kind,
            db,
            database_url,
            database,
            auth,
            web,
            lantoa::clock::Clock::system(),
            lantoa::scheduler::DeliveryConfig::default(),
        )
    }

    #[allow(clippy::too_many_arguments)]
    fn serve_with_clock(
        kind: DbKind,
        db: lantoa::db::Db,
        database_url: String,
        database: Option<databases::TestDatabase>,
        auth: AuthArgs,
        web: lantoa::WebOptions,
        clock: lantoa::clock::Clock,
        delivery: lantoa::scheduler::DeliveryConfig,
    ) -> Self {
        let data = tempfile::tempdir().expect("data directory");
        let settings = Settings {
            max_json_bytes: 64 * 1024,
            max_upload_bytes: 256 * 1024,
            data_dir: data.path().to_path_buf(),
            // Small enough that a test reaches them with a handful of records.
            export_limits: lantoa::exemplars::query::ExportLimits {
                rows: 200,
                text_bytes: 64 * 1024,
            },
            delivery,
            ..Settings::default()
        };
        let state = lantoa::build_state(db, clock, JWT_SECRET, &auth, settings);
        let server_state = state.clone();
        let server_web = web.clone();
        let server =
            actix_test::start(move || lantoa::app(server_state.clone(), server_web.clone()));
        Self {
            kind,
            state,
            server,
            client: reqwest::Client::new(),
            auth,
            web,
            database_url,
            _database: database,
            _data: data,
        }
    }

    pub fn url(&self, path: &str) -> String {
        self.server.url(path)
    }

    pub fn request(&self, method: Method, path: &str) -> Req<'_> {
        Req {
            app: self,
            builder: self.client.request(method, self.url(path)),
        }
    }

    pub fn get(&self, path: &str) -> Req<'_> {
        self.request(Method::GET, path)
    }

    pub fn post(&self, path: &str) -> Req<'_> {
        self.request(Method::POST, path)
    }

    pub fn put(&self, path: &str) -> Req<'_> {
        self.request(Method::PUT, path)
    }

    pub fn delete(&self, path: &str) -> Req<'_> {
        self.request(Method::DELETE, path)
    }

    /// Signs in and returns the whole token response.
    pub async fn login_full(&self, username: &str, password: &str) -> Value {
        let res = self
            .post("/api/v1/auth/login")
            .json(&serde_json::json!({ "username": username, "password": password }))
            .send()
            .await;
        assert_eq!(res.status, 200, "login as {username}: {}", res.body);
        res.body
    }

    /// Signs in and returns the token response with the refresh cookie's value.
    pub async fn sign_in(&self, username: &str, password: &str) -> SignedIn {
        let res = self
            .post("/api/v1/auth/login")
            .json(&serde_json::json!({ "username": username, "password": password }))
            .send()
            .await;
        assert_eq!(res.status, 200, "login as {username}: {}", res.body);
        SignedIn {
            access: res.body["accessToken"].as_str().unwrap().to_owned(),
            refresh: res.refresh_cookie().expect("a refresh cookie").value,
            body: res.body,
        }
    }

    /// `POST /auth/refresh` as the SPA sends it: the cookie and the CSRF header.
    pub async fn refresh(&self, refresh_token: &str) -> Res {
        self.post("/api/v1/auth/refresh")
            .refresh_cookie(refresh_token)
            .csrf()
            .send()
            .await
    }

    /// An access token for a demo account.
    pub async fn token(&self, username: &str) -> String {
        self.login_full(username, DEMO_PASSWORD).await["accessToken"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    pub async fn admin(&self) -> String {
        self.token("admin").await
    }

    /// Signs claims with the server's key (for expired or otherwise doctored tokens).
    pub fn sign(&self, claims: &Claims) -> String {
        self.state.jwt.sign(claims).unwrap()
    }

    /// Decodes a token's claims without checking it.
    pub fn claims(token: &str) -> Claims {
        use base64::Engine;
        let payload = token.split('.').nth(1).unwrap();
        let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(payload)
            .unwrap();
        serde_json::from_slice(&bytes).unwrap()
    }

    /// Runs blocking code against the database (to check what landed, or to set up data).
    pub fn db<T>(&self, f: impl FnOnce(&mut lantoa::db::DbConnection) -> T) -> T {
        let mut conn = self.state.db.get().unwrap();
        f(&mut conn)
    }

    /// The id of a seeded unit by code.
    pub async fn unit_id(&self, code: &str) -> i64 {
        let token = self.admin().await;
        let res = self
            .get(&format!("/api/v1/units?q={code}&pageSize=100"))
            .token(&token)
            .send()
            .await;
        res.body["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|u| u["code"] == code)
            .unwrap()["id"]
            .as_i64()
            .unwrap()
    }
}

pub struct Req<'a> {
    app: &'a TestApp,
    builder: reqwest::RequestBuilder,
}

impl Req<'_> {
    pub fn token(mut self, token: &str) -> Self {
        self.builder = self.builder.bearer_auth(token);
        self
    }

    pub fn json(mut self, body: &Value) -> Self {
        self.builder = self.builder.json(body);
        self
    }

    /// Sends a refresh token in the refresh cookie.
    pub fn refresh_cookie(self, token: &str) -> Self {
        self.header("Cookie", &format!("lantoa_refresh={token}"))
    }

    /// The header the cookie-authenticated endpoints require.
    pub fn csrf(self) -> Self {
        self.header("X-Lantoa-Csrf", "1")
    }

    pub fn if_match(self, etag: &str) -> Self {
        self.header("If-Match", etag)
    }

    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.builder = self.builder.header(name, value);
        self
    }

    pub fn body(mut self, content_type: &str, body: impl Into<reqwest::Body>) -> Self {
        self.builder = self.builder.header("Content-Type", content_type).body(body);
        self
    }

    pub async fn send(self) -> Res {
        let _ = self.app;
        let response = self.builder.send().await.expect("request failed");
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let text = response.text().await.unwrap_or_default();
        let body = serde_json::from_str(&text).unwrap_or(Value::Null);
        Res {
            status,
            headers: Arc::new(headers),
            body,
            text,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Res {
    pub status: u16,
    pub headers: Arc<reqwest::header::HeaderMap>,
    pub body: Value,
    pub text: String,
}

impl Res {
    pub fn header(&self, name: &str) -> Option<String> {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    }

    /// The `lantoa_refresh` cookie this response sets, if any.
    pub fn refresh_cookie(&self) -> Option<SetCookie> {
        self.headers
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .map(SetCookie::parse)
            .find(|c| c.name == "lantoa_refresh")
    }

    pub fn etag(&self) -> String {
        self.header("etag")
            .unwrap_or_else(|| panic!("no ETag in {} {}", self.status, self.text))
    }

    /// Asserts a problem response with this status and code, and returns its body.
    #[track_caller]
    pub fn problem(&self, status: u16, code: &str) -> &Value {
        assert_eq!(
            self.status, status,
            "unexpected status, body: {}",
            self.text
        );
        assert_eq!(
            self.header("content-type").as_deref(),
            Some("application/problem+json"),
            "not a problem response: {}",
            self.text
        );
        assert_eq!(self.body["code"], code, "unexpected code: {}", self.text);
        assert!(
            self.body["title"].as_str().is_some_and(|t| !t.is_empty()),
            "problem without a title"
        );
        assert_eq!(self.body["status"], status);
        assert!(
            self.body["requestId"]
                .as_str()
                .is_some_and(|t| !t.is_empty()),
            "problem without request id"
        );
        &self.body
    }

    /// The field errors of a problem, as `field:code` strings.
    pub fn field_errors(&self) -> Vec<String> {
        self.body["errors"]
            .as_array()
            .map(|errors| {
                errors
                    .iter()
                    .map(|e| {
                        format!(
                            "{}:{}",
                            e["field"].as_str().unwrap_or(""),
                            e["code"].as_str().unwrap_or("")
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    #[track_caller]
    pub fn ok(&self) -> &Value {
        assert!(
            (200..300).contains(&self.status),
            "expected success, got {}: {}",
            self.status,
            self.text
        );
        &self.body
    }
}

/// A signed-in person: the token response, its access token and the refresh cookie's value.
pub struct SignedIn {
    pub body: Value,
    pub access: String,
    pub refresh: String,
}

/// One `Set-Cookie` header, taken apart.
#[derive(Debug, Clone)]
pub struct SetCookie {
    pub name: String,
    pub value: String,
    /// Attributes in lower case (`httponly`, `secure`, `samesite` → `strict`, `path`, `max-age`).
    pub attributes: Vec<(String, String)>,
}

impl SetCookie {
    pub fn parse(header: &str) -> Self {
        let mut parts = header.split(';').map(str::trim);
        let (name, value) = parts
            .next()
            .unwrap_or("")
            .split_once('=')
            .unwrap_or(("", ""));
        let attributes = parts
            .map(|part| match part.split_once('=') {
                Some((k, v)) => (k.to_ascii_lowercase(), v.to_owned()),
                None => (part.to_ascii_lowercase(), String::new()),
            })
            .collect();
        Self {
            name: name.to_owned(),
            value: value.to_owned(),
            attributes,
        }
    }

    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Tokens for every kind of caller, for authorisation tests.
pub struct Callers {
    pub by_role: Vec<(&'static str, String)>,
    /// A service account token with every scope.
    pub integration: String,
}

impl TestApp {
    /// Creates a service account with `scopes` and returns an access token for it.
    pub async fn integration_token(&self, scopes: &[&str]) -> String {
        let admin = self.admin().await;
        let name = format!("Hệ thống thử {}", uuid::Uuid::new_v4());
        let created = self
            .post("/api/v1/service-accounts")
            .token(&admin)
            .json(&serde_json::json!({ "name": name, "scopes": scopes }))
            .send()
            .await;
        assert_eq!(created.status, 201, "{}", created.text);
        let res = self
            .post("/api/v1/auth/token")
            .json(&serde_json::json!({
                "grantType": "client_credentials",
                "clientId": created.body["account"]["clientId"],
                "clientSecret": created.body["clientSecret"],
            }))
            .send()
            .await;
        assert_eq!(res.status, 200, "{}", res.text);
        res.body["accessToken"].as_str().unwrap().to_owned()
    }

    pub async fn callers(&self) -> Callers {
        let mut by_role = Vec::new();
        for (role, username) in [
            ("admin", "admin"),
            ("leader", "lanhdao"),
            ("office", "vanphong"),
            ("unit_head", "tgpl.truong"),
            ("unit_staff", "tgpl.canbo"),
        ] {
            by_role.push((role, self.token(username).await));
        }
        let integration = self
            .integration_token(&["units:read", "users:read", "exemplars:read", "reports:read"])
            .await;
        Callers {
            by_role,
            integration,
        }
    }
}
