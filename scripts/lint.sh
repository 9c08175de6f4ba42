#!/usr/bin/env bash
# Static checks, configured in pyproject.toml: ruff over the whole tree ([tool.ruff]) and mypy
# over the domain package without its Streamlit layer ([tool.mypy]). The test command
# (scripts/run-tests.sh, and so CI) runs both before pytest and fails on any finding; this
# script is for a developer: every finding, then the counts per rule.
#
#   bash scripts/lint.sh            # every finding, then the counts per rule; exit 1 when any
#   bash scripts/lint.sh --stats    # only the counts per rule (ruff) and per error code (mypy)
#   bash scripts/lint.sh PATH ...   # ruff on these paths only (mypy still on kenniskaart/)
#
# Installs ruff and mypy into .venv (the "test" extra; no root). KENNISKAART_PYTHON=/path/python
# uses an interpreter that already has them and installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/_env.sh
use_python "[test]"

STATS=""
if [ "${1:-}" = "--stats" ]; then STATS=1; shift; fi
PATHS=("$@")
[ ${#PATHS[@]} -eq 0 ] && PATHS=(.)

rc=0
if [ -z "$STATS" ]; then
  say "ruff check ${PATHS[*]}"
  "$PY_RUN" -m ruff check --output-format concise "${PATHS[@]}" || rc=1
fi
say "ruff: bevindingen per regel"
"$PY_RUN" -m ruff check --statistics "${PATHS[@]}" || rc=1

say "mypy (kenniskaart/ zonder ui/)"
out="$("$PY_RUN" -m mypy --hide-error-context 2>&1)" || rc=1
if [ -z "$STATS" ]; then
  # some messages list a whole Literal type: show their start only
  printf '%s\n' "$out" | cut -c1-300
else
  printf '%s\n' "$out" | tail -n 1
fi
printf '%s\n' "$out" | grep -o '\[[a-z-]*\]$' | sort | uniq -c | sort -rn || true

if [ "$rc" = 0 ]; then say "Geen bevindingen."; else say "Er zijn bevindingen (zie hierboven)."; fi
exit "$rc"
