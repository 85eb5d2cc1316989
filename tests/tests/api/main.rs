//! API tests. Each `db_test!` runs on SQLite and on PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod attachments;
mod audit;
mod auth;
mod authz;
mod catalogs;
mod contract;
mod conventions;
mod evaluations;
mod exemplar_lists;
mod exemplars;
mod hostile_input;
mod introductions;
mod logging;
mod migrations;
mod outage;
mod profile;
mod service_accounts;
mod sessions;
mod support;
mod throttle;
mod units;
mod users;
mod versioned_writes;
mod visibility;
mod workflow;
