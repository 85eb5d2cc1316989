# Shared helpers for the project scripts. Source it; it moves to the repository root.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

log() { printf '\n\033[1;34m==> %s\033[0m\n' "$*"; }
die() { printf '\n\033[1;31mLỗi: %s\033[0m\n' "$*" >&2; exit 1; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

APT_UPDATED=0
apt_install() {
    local missing=()
    for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
    [ ${#missing[@]} -eq 0 ] && return 0
    log "Installing Debian packages: ${missing[*]}"
    if [ "$APT_UPDATED" = 0 ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# Build tools the Rust crates need: a C compiler (bundled SQLite) and libpq (PostgreSQL).
ensure_build_deps() {
    command -v cargo >/dev/null || die "cargo is required (https://rustup.rs)"
    command -v npm >/dev/null || die "Node.js 20+ and npm are required"
    apt_install libpq-dev pkg-config
}

# npm ci in a folder when its node_modules is missing or older than its lockfile.
npm_install() {
    local dir="$1"
    if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
        log "npm ci ($dir)"
        npm --prefix "$dir" ci --no-audit --no-fund --loglevel=error
    fi
}

PG_ADMIN_URL="${LANTOA_TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
export LANTOA_TEST_PG_URL="$PG_ADMIN_URL"

# Starts the local PostgreSQL when it is down; fails when it stays unreachable.
ensure_postgres() {
    if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then return 0; fi
    log "PostgreSQL is not answering on 127.0.0.1:5432: starting it"
    if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
        as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
    fi
    for _ in $(seq 1 30); do
        pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null && return 0
        sleep 1
    done
    die "PostgreSQL is unreachable at 127.0.0.1:5432; the tests need it (every API test runs on SQLite and PostgreSQL)."
}

# Python with venv and pip for the fuzzing stage's virtualenv (schemathesis from PyPI).
ensure_python_venv() {
    command -v python3 >/dev/null || apt_install python3
    python3 -c 'import venv, ensurepip' 2>/dev/null || apt_install python3-venv
}

# Debian's chromium for the browser tests (a browser cannot be downloaded here).
ensure_chromium() {
    [ -x /usr/bin/chromium ] || apt_install chromium
    [ -x /usr/bin/chromium ] || die "chromium is not installed (/usr/bin/chromium)"
}

# LibreOffice Writer without a GUI: the tests convert every official DOCX to PDF with it (the
# documents must open in LibreOffice as well as in Word).
ensure_libreoffice() {
    command -v soffice >/dev/null || apt_install libreoffice-writer-nogui
    command -v soffice >/dev/null || die "LibreOffice (soffice) is not installed"
}

# Drops the databases of test runs that are over (names lt_<kind>_<pid>…, the process gone), so
# that runs side by side on one server keep their own.
drop_test_databases() {
    psql "$PG_ADMIN_URL" -Atqc "SELECT datname FROM pg_database WHERE datname LIKE 'lt\_%'" 2>/dev/null |
        while read -r name; do
            local pid
            pid=$(printf '%s' "$name" | cut -d_ -f3)
            [ -n "$pid" ] && [ -d "/proc/$pid" ] && continue
            psql "$PG_ADMIN_URL" -qc "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)" >/dev/null 2>&1 || true
        done
}
