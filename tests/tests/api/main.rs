//! API tests. Each `db_test!` runs on SQLite and on PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod audit;
mod auth;
mod authz;
mod contract;
mod conventions;
mod migrations;
mod profile;
mod service_accounts;
mod support;
mod units;
mod users;
