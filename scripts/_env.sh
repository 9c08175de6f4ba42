# Shared by scripts/start.sh and scripts/run-tests.sh (sourced, not run).
# Creates the project-local virtual environment .venv (PEP 668: never install into the
# system Python) and installs the project into it when pyproject.toml changed.
# Needs Python 3.11+; no root.

PY="${PYTHON:-python3}"
VENV="${KENNISKAART_VENV:-.venv}"

say() { printf '[kenniskaart] %s\n' "$*" >&2; }

if ! command -v "$PY" >/dev/null 2>&1; then
  say "python3 niet gevonden. Installeer Python 3.11 of nieuwer (Debian/Ubuntu: sudo apt-get install python3 python3-venv)."
  exit 1
fi
if ! "$PY" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)'; then
  say "Python 3.11 of nieuwer nodig; gevonden: $("$PY" --version 2>&1)."
  exit 1
fi

make_venv() {
  if "$PY" -m venv "$VENV" >/dev/null 2>&1; then
    return 0
  fi
  # Debian/Ubuntu without python3-venv: ensurepip is missing. Create the environment
  # without pip and let the system's pip (if any) install pip into it.
  rm -rf "$VENV"
  if "$PY" -m venv --without-pip "$VENV" >/dev/null 2>&1 && "$PY" -m pip --version >/dev/null 2>&1 \
     && "$PY" -m pip --python "$VENV/bin/python" install --quiet --disable-pip-version-check pip; then
    return 0
  fi
  rm -rf "$VENV"
  say "Kon geen virtuele omgeving maken. Installeer eerst de venv-module:"
  say "  sudo apt-get install -y python3-venv      (Debian 12 / Ubuntu 24.04)"
  exit 1
}

# ensure_venv EXTRAS: create .venv if needed and install the project (with EXTRAS, e.g. "[test]")
# when pyproject.toml or the extras changed since the last install.
ensure_venv() {
  local extras="$1"
  if [ ! -x "$VENV/bin/python" ]; then
    say "Virtuele omgeving aanmaken in $VENV ..."
    make_venv
  fi
  local stamp="$VENV/.kenniskaart-installed"
  local want
  want="$(cat pyproject.toml | sha256sum | cut -d' ' -f1) $extras"
  if [ ! -f "$stamp" ] || ! grep -qxF "$want" "$stamp"; then
    local what="streamlit, pandas, altair, pydantic, pyyaml, openpyxl, sqlalchemy, segno"
    case "$extras" in *test*) what+=", pytest, pytest-timeout, playwright, hypothesis, psycopg, ruff, mypy" ;; *postgres*) what+=", psycopg" ;; esac
    case "$extras" in *dev*) what+=", mutmut" ;; esac
    say "Python-pakketten installeren in $VENV: kenniskaart${extras} (${what}) ..."
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e ".${extras}"
    echo "$want" >> "$stamp"
  fi
}

# use_python EXTRAS: PY_RUN = $KENNISKAART_PYTHON when set (an interpreter that already has what
# is needed: nothing is installed, e.g. a shared environment), else .venv's python after
# ensure_venv EXTRAS.
use_python() {
  if [ -n "${KENNISKAART_PYTHON:-}" ]; then
    PY_RUN="$KENNISKAART_PYTHON"
  else
    ensure_venv "$1"
    PY_RUN="$VENV/bin/python"
  fi
}
