#!/usr/bin/env bash
# Starts the kenniskaart on http://localhost:8501 (or $PORT). First run: creates .venv and
# installs the app's Python packages into it (no root, no browser, no npm needed).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/_env.sh
ensure_venv ""
PORT="${PORT:-8501}"
say "De kenniskaart start op http://localhost:${PORT} (stoppen: Ctrl+C)."
exec "$VENV/bin/python" -m streamlit run app.py --server.port "$PORT" --server.headless true "$@"
