#!/usr/bin/env bash
# Regenerates the API contract (openapi/openapi.json) from the code, and the SPA's types from it.
source "$(dirname "$0")/lib.sh"
log "Exporting openapi/openapi.json"
cargo run --quiet -p lantoa -- export-openapi --output openapi/openapi.json
npm_install frontend
log "Generating frontend/src/lib/api/schema.d.ts"
npm --prefix frontend run --silent gen:api
