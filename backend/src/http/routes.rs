//! Where API modules register their operations. The server registers them with actix-web alone;
//! the OpenAPI export registers the same ones with utoipa-actix-web, which also assembles every
//! path and schema as it goes. Assembling those in each worker, only to drop them, cost every
//! worker about 12 MB that the allocator kept (idle memory).

use actix_web::dev::HttpServiceFactory;
use utoipa_actix_web::OpenApiFactory;

pub trait Routes {
    fn service<F>(&mut self, factory: F) -> &mut Self
    where
        F: HttpServiceFactory + OpenApiFactory + 'static;
}

impl Routes for actix_web::web::ServiceConfig {
    fn service<F>(&mut self, factory: F) -> &mut Self
    where
        F: HttpServiceFactory + OpenApiFactory + 'static,
    {
        actix_web::web::ServiceConfig::service(self, factory)
    }
}

impl Routes for utoipa_actix_web::service_config::ServiceConfig<'_> {
    fn service<F>(&mut self, factory: F) -> &mut Self
    where
        F: HttpServiceFactory + OpenApiFactory + 'static,
    {
        utoipa_actix_web::service_config::ServiceConfig::service(self, factory)
    }
}
