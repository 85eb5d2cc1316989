#!/usr/bin/env bash
# The load benchmark (not a test): installs wrk, builds the server and the benchmark in release,
# and runs it on SQLite and PostgreSQL (arguments are passed on, e.g. --db sqlite --rounds 3).
source "$(dirname "$0")/lib.sh"
ensure_build_deps
ensure_postgres
apt_install wrk
log "Building in release (the server binary and the benchmark)"
cargo build --release --locked -p lantoa -p lantoa-tests --bin lantoa --bin bench
trap drop_test_databases EXIT
./target/release/bench "$@"
