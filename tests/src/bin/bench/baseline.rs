//! The baseline: the leanest server one would write with the same crates (actix-web, diesel with
//! its own r2d2 connection manager at its defaults, the same worker count and pool size), on the
//! same database. `GET /units/{id}` runs one primary-key query in `web::block`; `GET /json`
//! answers a constant JSON body without touching the database.

use actix_web::{HttpResponse, get, web};
use diesel::prelude::*;
use diesel::r2d2::{ConnectionManager, Pool};
use lantoa::db::schema::units;
use serde::Serialize;

use super::server::{Running, start_server};

enum BarePool {
    Sqlite(Pool<ConnectionManager<SqliteConnection>>),
    Postgres(Pool<ConnectionManager<PgConnection>>),
}

#[derive(Serialize, Queryable)]
struct UnitRow {
    id: i64,
    code: String,
    name: String,
}

impl BarePool {
    fn connect(url: &str, size: u32) -> Self {
        if url.starts_with("postgres") {
            let manager = ConnectionManager::<PgConnection>::new(url);
            Self::Postgres(Pool::builder().max_size(size).build(manager).unwrap())
        } else {
            let path = url.strip_prefix("sqlite://").unwrap_or(url);
            let manager = ConnectionManager::<SqliteConnection>::new(path);
            Self::Sqlite(Pool::builder().max_size(size).build(manager).unwrap())
        }
    }

    fn unit(&self, id: i64) -> QueryResult<Option<UnitRow>> {
        let query = units::table
            .find(id)
            .select((units::id, units::code, units::name));
        match self {
            Self::Sqlite(pool) => query.first(&mut pool.get().unwrap()).optional(),
            Self::Postgres(pool) => query.first(&mut pool.get().unwrap()).optional(),
        }
    }
}

#[get("/units/{id}")]
async fn unit(pool: web::Data<BarePool>, id: web::Path<i64>) -> actix_web::Result<HttpResponse> {
    let id = id.into_inner();
    let row = web::block(move || pool.unit(id))
        .await?
        .map_err(actix_web::error::ErrorInternalServerError)?;
    Ok(match row {
        Some(row) => HttpResponse::Ok().json(row),
        None => HttpResponse::NotFound().finish(),
    })
}

#[derive(Serialize)]
struct Status {
    status: &'static str,
    version: &'static str,
}

#[get("/json")]
async fn json() -> web::Json<Status> {
    web::Json(Status {
        status: "ok",
        version: env!("CARGO_PKG_VERSION"),
    })
}

pub fn start(url: &str, workers: usize, pool_size: u32) -> Running {
    let pool = web::Data::new(BarePool::connect(url, pool_size));
    start_server!(workers, move || {
        actix_web::App::new()
            .app_data(pool.clone())
            .service(unit)
            .service(json)
    })
}
