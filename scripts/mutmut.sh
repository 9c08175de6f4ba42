#!/usr/bin/env bash
# Mutation testing with mutmut over the rule modules, each against its own unit tests only.
# Not in CI: one module takes a few minutes to half an hour. See docs/mutation.md.
#
#   bash scripts/mutmut.sh --list             # the modules and their tests
#   bash scripts/mutmut.sh share werkmap      # these modules
#   bash scripts/mutmut.sh                    # all of them (long)
#
# Every module runs in a scratch copy of the project, .mutmut/<module>/ (mutmut writes its
# mutants/ folder there, so the project folder stays as it is). Afterwards:
#   .mutmut/<module>/summary.txt   the counts (killed, survived, timeout, …)
#   .mutmut/<module>/survivors.txt one line per surviving mutant
#   (cd .mutmut/<module> && ../../.venv/bin/python -m mutmut show <mutant name>)   its diff
#
# Settings: MUTMUT_CHILDREN (parallel test processes, default 1: the machines are shared),
# KENNISKAART_PYTHON (an interpreter that already has mutmut and the test packages; nothing
# is installed). Installs mutmut into .venv otherwise (the "dev" extra; no root).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
. scripts/_env.sh

# module name -> file to mutate, and the unit tests that state its rules. Keep this table in
# step with the package layout (a module that moves or splits gets its new path here).
declare -A FILE TESTS
ORDER=()
add() { FILE[$1]=$2; TESTS[$1]=$3; ORDER+=("$1"); }
AANBEVELER_TESTS="tests/unit/test_eligibility_reasons.py tests/unit/test_mirror_links.py tests/unit/test_need_sentences.py tests/unit/test_package_reasons.py tests/unit/test_aanbeveler_rules.py tests/unit/test_aanbeveler_eligibility.py tests/unit/test_aanbeveler_principles.py"
add rules        kenniskaart/rules.py                    "tests/unit/test_shared_rules_edges.py tests/unit/test_aanbeveler_eligibility.py tests/unit/test_planscan.py"
add signals      kenniskaart/signals.py                  "tests/unit/test_rules_signals.py tests/unit/test_signals_cautions.py"
add eligibility  kenniskaart/aanbeveler/rules.py         "$AANBEVELER_TESTS"
add need         kenniskaart/aanbeveler/need.py          "$AANBEVELER_TESTS"
add scoring      kenniskaart/aanbeveler/scoring.py       "$AANBEVELER_TESTS"
add package      kenniskaart/aanbeveler/package.py       "$AANBEVELER_TESTS"
add coverage     kenniskaart/planscan/coverage.py        "tests/unit/test_planscan.py tests/unit/test_planscan_tables.py"
add share        kenniskaart/share.py                    "tests/unit/test_share.py tests/unit/test_share_parsing_edges.py"
add werkmap      kenniskaart/werkmap.py                  "tests/unit/test_werkmap.py tests/unit/test_werkmap_file_edges.py tests/unit/test_monitor.py"
add room         kenniskaart/werksessie/room.py          "tests/unit/test_werksessie_room.py tests/unit/test_werksessie_room_edges.py"
add store        kenniskaart/werksessie/store.py         "tests/unit/test_werksessie_store.py tests/unit/test_werksessie_store_messages.py"
add online-rules kenniskaart/werkmap_online/rules.py     "tests/unit/test_werkmap_online_rules.py tests/unit/test_werkmap_online_store.py tests/unit/test_werkmap_online_messages.py tests/unit/test_werkmap_online_version_notes.py"
# The validator's modules, each against the validator's tests (a bad case per rule, the edges, the loader, the CLI)
CONTENT_TESTS="tests/content/test_checks.py tests/content/test_checks_edges.py tests/content/test_loader.py tests/content/test_loader_edges.py tests/content/test_validate_cli.py"
add checks-refs     kenniskaart/content/checks/references.py "$CONTENT_TESTS"
add checks-twins    kenniskaart/content/checks/twins.py      "$CONTENT_TESTS"
add checks-claims   kenniskaart/content/checks/claims.py     "$CONTENT_TESTS"
add checks-texts    kenniskaart/content/checks/texts.py      "$CONTENT_TESTS"
add checks-code-ids kenniskaart/content/checks/code_ids.py   "$CONTENT_TESTS"
add checks-walk     kenniskaart/content/checks/walk.py       "$CONTENT_TESTS"
add checks-run      kenniskaart/content/checks/__init__.py   "$CONTENT_TESTS"
add loader          kenniskaart/content/loader.py            "$CONTENT_TESTS"

if [ "${1:-}" = "--list" ]; then
  for m in "${ORDER[@]}"; do printf '%-15s %-40s %s\n' "$m" "${FILE[$m]}" "${TESTS[$m]}"; done
  exit 0
fi
MODULES=("$@")
[ ${#MODULES[@]} -eq 0 ] && MODULES=("${ORDER[@]}")
for m in "${MODULES[@]}"; do
  if [ -z "${FILE[$m]:-}" ]; then say "Onbekende module '$m'. Kies uit: ${ORDER[*]}"; exit 2; fi
  [ -f "${FILE[$m]}" ] || { say "${FILE[$m]} bestaat niet (meer): pas de tabel in scripts/mutmut.sh aan."; exit 2; }
done

# Only now the interpreter: --list and a wrong module name need none (and install nothing).
use_python "[test,dev]"
case "$PY_RUN" in /*) ;; *) PY_RUN="$ROOT/$PY_RUN" ;; esac

# The source documents for tests that compare content with them: the same folder the suite uses.
SHARED="${KENNISKAART_SHARED:-$ROOT/../shared}"
[ -d "$SHARED" ] && SHARED="$(cd "$SHARED" && pwd)"

toml_list() { local out="" x; for x in "$@"; do out+="${out:+, }\"$x\""; done; printf '[%s]' "$out"; }

for m in "${MODULES[@]}"; do
  work="$ROOT/.mutmut/$m"
  say "Mutatietest: ${FILE[$m]} tegen ${TESTS[$m]} (werkmap $work)"
  rm -rf "$work"
  mkdir -p "$work"
  cp -r kenniskaart tests content pages assets app.py .streamlit pyproject.toml "$work"/
  find "$work" -name __pycache__ -type d -prune -exec rm -rf {} +
  # shellcheck disable=SC2086
  cat >>"$work/pyproject.toml" <<TOML

[tool.mutmut]
source_paths = ["kenniskaart"]
only_mutate = ["${FILE[$m]}"]
also_copy = ["content", "pages", "assets", "app.py", ".streamlit"]
pytest_add_cli_args_test_selection = $(toml_list ${TESTS[$m]})
pytest_add_cli_args = ["-p", "no:cacheprovider", "-m", "not browser and not load", "-q"]
TOML
  (
    cd "$work"
    export KENNISKAART_SHARED="$SHARED"
    start=$(date +%s)
    # the code and tests as they were when the run started (later commits do not change what ran)
    commit="$(git -C "$ROOT" rev-parse --short HEAD)$([ -z "$(git -C "$ROOT" status --porcelain -- kenniskaart tests)" ] || echo ' plus uncommitted changes')"
    "$PY_RUN" -m mutmut run --max-children "${MUTMUT_CHILDREN:-1}" >run.log 2>&1 || {
      say "mutmut stopte met een fout; het einde van $work/run.log:"; tail -n 30 run.log >&2; exit 1; }
    "$PY_RUN" -m mutmut results --all true >results.txt 2>&1 || true
    # not killed: survived, and "no tests" (no selected test runs the mutated function)
    grep -E ': (survived|no tests)$' results.txt | sed 's/^ *//' >survivors.txt || true
    {
      echo "module: ${FILE[$m]}   tests: ${TESTS[$m]}   $(( $(date +%s) - start )) s"
      echo "commit: $commit   $(date -u +%F)"
      sed 's/^ *//' results.txt | awk -F': ' 'NF > 1 {print $NF}' | sort | uniq -c | sort -rn
      sed 's/^ *//' results.txt | awk -F': ' 'NF > 1 {n++; if ($NF == "killed") k++}
        END {if (n) printf "killed %d of %d: %.1f %%\n", k, n, 100 * k / n}'
    } >summary.txt
    cat summary.txt >&2
  )
done
