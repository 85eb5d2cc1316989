//! Lan Tỏa: the API server library. `main.rs` is a thin command line over it; the tests and the
//! OpenAPI export build the same [`app`].

pub mod attachments;
pub mod audit;
pub mod auth;
pub mod clock;
pub mod commendations;
pub mod config;
pub mod criteria;
pub mod dashboard;
pub mod db;
pub mod documents;
pub mod dossiers;
pub mod error;
pub mod evaluations;
pub mod exemplars;
pub mod files;
pub mod home;
pub mod http;
pub mod introductions;
pub mod logging;
pub mod movements;
pub mod notifications;
pub mod openapi;
pub mod profile;
pub mod publicity;
pub mod seed;
pub mod service_accounts;
pub mod settings;
pub mod state;
pub mod time;
pub mod units;
pub mod users;
// The reporting calendar (issue 11).
pub mod calendar;
pub mod difficulties;
pub mod mail;
pub mod obligations;
pub mod reminders;
pub mod report_submissions;
pub mod reports;
pub mod scheduler;
pub mod webhooks;
pub mod working_days;

#[cfg(test)]
mod source_rules;

use std::path::PathBuf;

use actix_cors::Cors;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::middleware::{Compress, Condition, ErrorHandlers, from_fn};
use actix_web::{App, web};
use utoipa::OpenApi;
use utoipa_actix_web::{AppExt, scope};
use utoipa_swagger_ui::SwaggerUi;

use crate::auth::jwt::JwtKeys;
use crate::auth::throttle::LoginThrottle;
use crate::clock::Clock;
use crate::config::AuthArgs;
use crate::db::Db;
use crate::state::{AppState, Settings};

/// Where the web app is served from and who may call the API cross-origin.
#[derive(Debug, Clone, Default)]
pub struct WebOptions {
    pub static_dir: Option<PathBuf>,
    pub cors_origins: Vec<String>,
    /// Send `Strict-Transport-Security`: the site is reached over HTTPS only (`LANTOA_HSTS`).
    pub hsts: bool,
}

pub fn build_state(
    db: Db,
    clock: Clock,
    jwt_secret: &[u8],
    auth: &AuthArgs,
    settings: Settings,
) -> web::Data<AppState> {
    web::Data::new(AppState {
        db,
        clock,
        jwt: JwtKeys::new(jwt_secret, auth.access_token_ttl_secs),
        throttle: LoginThrottle::new(auth.throttle_policy()),
        settings: Settings {
            session_lifetimes: auth.session_lifetimes(),
            trusted_proxies: auth.trusted_proxies.clone(),
            ..settings
        },
        principals: Default::default(),
        exemplar_totals: Default::default(),
        figures: Default::default(),
        timelines: Default::default(),
    })
}

/// Registers every operation under `/api/v1`; the same function feeds the server and the
/// OpenAPI export.
fn api_v1(cfg: &mut impl http::routes::Routes) {
    auth::api::configure(cfg);
    profile::api::configure(cfg);
    home::api::configure(cfg);
    dashboard::api::configure(cfg);
    units::api::configure(cfg);
    users::api::configure(cfg);
    service_accounts::api::configure(cfg);
    movements::api::configure(cfg);
    dossiers::api::configure(cfg);
    dossiers::workflow_api::configure(cfg);
    dossiers::records_api::configure(cfg);
    evaluations::api::configure(cfg);
    dossiers::attachments_api::configure(cfg);
    criteria::api::configure(cfg);
    introductions::api::configure(cfg);
    notifications::api::configure(cfg);
    settings::api::configure(cfg);
    calendar::api::configure(cfg);
    working_days::api::configure(cfg);
    obligations::api::configure(cfg);
    report_submissions::api::configure(cfg);
    reports::api::configure(cfg);
    webhooks::api::configure(cfg);
    difficulties::api::configure(cfg);
    difficulties::attachments_api::configure(cfg);
    publicity::propagation::api::configure(cfg);
    publicity::publication::api::configure(cfg);
    publicity::publication::commendation_api::configure(cfg);
    publicity::portal::api::configure(cfg);
    commendations::proposals_api::configure(cfg);
    commendations::workflow_api::configure(cfg);
    commendations::notice_api::configure(cfg);
    commendations::council_api::configure(cfg);
    commendations::catalogue_api::configure(cfg);
    commendations::registers_api::configure(cfg);
    commendations::eligibility_api::configure(cfg);
    cfg.service(audit::api::list_audit);
}

/// The OpenAPI document of the API.
pub fn openapi() -> utoipa::openapi::OpenApi {
    let (_, mut spec) = App::new()
        .into_utoipa_app()
        .openapi(openapi::ApiDoc::openapi())
        .service(http::health::healthz)
        .service(http::health::readyz)
        .service(scope::scope("/api/v1").configure(|cfg| api_v1(cfg)))
        .split_for_parts();
    // Modifiers run on the derive's document, before the paths are collected: run them again.
    use utoipa::Modify;
    openapi::StandardErrors.modify(&mut spec);
    spec
}

/// The whole application: API, OpenAPI + Swagger UI, health checks and the SPA.
pub fn app(
    state: web::Data<AppState>,
    options: WebOptions,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    let app = App::new()
        .app_data(state)
        .app_data(http::fallback::path_config())
        .app_data(http::fallback::json_config())
        .app_data(http::fallback::query_config())
        .service(http::health::healthz)
        .service(http::health::readyz)
        .service(
            web::scope("/api/v1")
                .configure(api_v1)
                .default_service(web::to(http::fallback::api_not_found))
                .wrap(from_fn(auth::authenticate)),
        )
        .route(
            "/api/openapi.json",
            web::get().to(http::api_docs::openapi_json),
        )
        .service(
            SwaggerUi::new("/api/docs/{_:.*}")
                .config(utoipa_swagger_ui::Config::new(["/api/openapi.json"])),
        )
        .service(web::scope("/api").default_service(web::to(http::fallback::api_not_found)));
    let app = match options.static_dir.filter(|dir| dir.is_dir()) {
        Some(dir) => app.service(http::spa::service(&dir)),
        None => app.default_service(web::to(http::spa::not_built)),
    };
    let cors_enabled = !options.cors_origins.is_empty();
    let cors = options
        .cors_origins
        .iter()
        .fold(Cors::default(), |cors, origin| cors.allowed_origin(origin))
        .allowed_methods(["GET", "POST", "PUT", "DELETE"])
        .allowed_headers(["authorization", "content-type", "if-match"])
        .expose_headers(["etag", "location", "retry-after", "x-request-id"])
        .max_age(3600);
    // Innermost first.
    app.wrap(from_fn(http::fallback::method_not_allowed))
        .wrap(ErrorHandlers::new().default_handler(http::fallback::ensure_problem))
        .wrap(from_fn(http::request_id::scope))
        .wrap(from_fn(http::spa::cache_control))
        .wrap(http::security_headers::default_headers(options.hsts))
        .wrap(from_fn(http::security_headers::framing))
        .wrap(Compress::default())
        .wrap(Condition::new(cors_enabled, cors))
}
