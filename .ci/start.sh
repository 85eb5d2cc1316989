#!/usr/bin/env bash
# Builds and starts Lan Tỏa (API + SPA) on an embedded SQLite database with demo accounts.
# Settings come from the environment (see the README); the defaults serve http://127.0.0.1:8080.
source "$(dirname "$0")/lib.sh"

ensure_build_deps
npm_install frontend
log "Building the web app (frontend/dist)"
npm --prefix frontend run --silent build
log "Building the server (release)"
cargo build --release --locked -p lantoa

export DATABASE_URL="${DATABASE_URL:-sqlite://data/lantoa.db}"
export LANTOA_BIND="${LANTOA_BIND:-127.0.0.1:8080}"
log "Preparing the database and the demo accounts ($DATABASE_URL)"
./target/release/lantoa seed-demo

cat <<INFO

  Lan Tỏa đang khởi động tại  http://$LANTOA_BIND
  Tài liệu API (Swagger UI):  http://$LANTOA_BIND/api/docs/
  Đăng nhập bằng một trong các tài khoản demo ở trên (mật khẩu chung LanToa@2026),
  ví dụ: admin / LanToa@2026 (quản trị), vanphong / LanToa@2026 (Văn phòng Sở).
  Dừng máy chủ: Ctrl+C.

INFO
exec ./target/release/lantoa serve
