#!/usr/bin/env bash
# Installs what the test suite needs and runs the whole suite. Idempotent: a second run
# installs nothing. Arguments go to pytest (e.g. `-m "not browser"`, `-k matcher`).
#
# What it installs, and where:
#   - Python packages into the project-local .venv (no root): the app plus pytest,
#     playwright (the Python driver only; no browser download) and hypothesis.
#   - Debian's chromium, for the browser tests: needs root (apt-get); asked for via sudo
#     when you are not root. Only when /usr/bin/chromium is missing.
#   - Debian's postgresql (root, as above), only when pg_virtualenv or the server is missing:
#     every run starts a throw-away cluster for the werksessie storage tests (see the end).
#   - axe-core from the npm registry into .axe/ (accessibility tests); npm itself from
#     Debian when missing (root, as above).
# Before pytest it runs the static checks configured in pyproject.toml: ruff over the whole
# tree and mypy over the domain package (scripts/lint.sh shows their findings in more detail).
# A finding fails the run, after the tests have run too.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/_env.sh
ensure_venv "[test]"

. scripts/_apt.sh

if [ ! -x /usr/bin/chromium ]; then
  say "Debian-pakket chromium installeren (voor de browsertests) ..."
  apt_install chromium
fi

AXE_VERSION=4.14.1
if [ ! -f .axe/node_modules/axe-core/axe.min.js ]; then
  if ! command -v npm >/dev/null 2>&1; then
    say "Debian-pakket npm installeren (om axe-core op te halen) ..."
    apt_install npm
  fi
  say "axe-core@${AXE_VERSION} installeren in .axe/ (toegankelijkheidstests) ..."
  npm install --silent --no-save --no-audit --no-fund --prefix .axe "axe-core@${AXE_VERSION}" >/dev/null
fi

# PostgreSQL for the werksessie storage tests: pg_virtualenv (Debian's postgresql-common) starts
# a throw-away cluster in a temporary folder, exports PGHOST/PGPORT/PGUSER/PGPASSWORD/PGDATABASE
# for pytest and removes the cluster afterwards. KENNISKAART_REQUIRE_POSTGRES=1: a PostgreSQL
# that is missing or cannot start fails the run, never skips it. The app itself needs only SQLite.
if ! command -v pg_virtualenv >/dev/null 2>&1 || ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  say "Debian-pakket postgresql installeren (tijdelijke database voor de werksessie-tests) ..."
  apt_install postgresql
fi
export KENNISKAART_REQUIRE_POSTGRES=1

lint=0
say "Statische controles: ruff (hele project) en mypy (kenniskaart/ zonder ui/)"
"$VENV/bin/python" -m ruff check --quiet --output-format concise . || lint=1
"$VENV/bin/python" -m mypy --hide-error-context --no-error-summary || lint=1

say "Tests draaien (met een tijdelijke PostgreSQL): $VENV/bin/python -m pytest $*"
rc=0
pg_virtualenv -t "$VENV/bin/python" -m pytest "$@" || rc=$?
if [ "$lint" != 0 ]; then
  say "ruff of mypy vond iets (zie boven): de run faalt, ook als alle tests slagen."
  [ "$rc" = 0 ] && rc=1
fi
exit "$rc"
