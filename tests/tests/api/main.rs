//! API tests. Each `db_test!` runs on SQLite and on PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod auth;
mod support;
