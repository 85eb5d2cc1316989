#!/usr/bin/env bash
# The reporting benchmark on a large province (not a test): builds it in release and runs it on
# SQLite and PostgreSQL (arguments are passed on, e.g. --db sqlite --runs 5 --scale-down 10).
source "$(dirname "$0")/lib.sh"
ensure_build_deps
ensure_postgres
log "Building the reporting benchmark in release"
cargo build --release --locked -p lantoa-tests --bin bench-reports
trap drop_test_databases EXIT
./target/release/bench-reports "$@"
