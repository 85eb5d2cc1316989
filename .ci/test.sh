#!/usr/bin/env bash
# Runs every test: lints, the contract checks, the frontend unit tests, the API tests on SQLite
# and PostgreSQL, the fuzzing stage (.ci/fuzz.sh) and the browser end-to-end tests on both databases.
source "$(dirname "$0")/lib.sh"
START=$SECONDS

ensure_build_deps
ensure_postgres
ensure_chromium
ensure_libreoffice
export LANTOA_REQUIRE_LIBREOFFICE=1
npm_install frontend
npm_install tests/e2e

log "Frontend: generated API types match openapi/openapi.json"
npm --prefix frontend run --silent check:api
log "Frontend: type check, lint, unit tests, build"
npm --prefix frontend run --silent typecheck
npm --prefix frontend run --silent lint
npm --prefix frontend run --silent test
npm --prefix frontend run --silent build

log "Rust: lints"
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo clippy -p lantoa --no-default-features --locked -- -D warnings

log "Rust: build (the server binary the browser tests run, with the workspace's features)"
cargo build --workspace --locked

log "Rust: unit and API tests (SQLite and PostgreSQL)"
trap drop_test_databases EXIT
cargo test --workspace --locked

log "Fuzzing the API from openapi/openapi.json on SQLite and PostgreSQL"
LANTOA_BIN="$ROOT/target/debug/lantoa" bash .ci/fuzz.sh

log "Browser end-to-end tests on SQLite"
LANTOA_BIN="$ROOT/target/debug/lantoa" node tests/e2e/run.mjs

log "Browser end-to-end tests on PostgreSQL"
E2E_DB="lt_e2e_$$"
psql "$PG_ADMIN_URL" -qc "CREATE DATABASE $E2E_DB" >/dev/null
E2E_DATABASE_URL="${PG_ADMIN_URL%/*}/$E2E_DB" LANTOA_BIN="$ROOT/target/debug/lantoa" node tests/e2e/run.mjs
psql "$PG_ADMIN_URL" -qc "DROP DATABASE IF EXISTS $E2E_DB WITH (FORCE)" >/dev/null

log "All tests passed in $((SECONDS - START)) s"
