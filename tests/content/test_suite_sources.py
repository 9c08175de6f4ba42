"""The suite about itself: with KENNISKAART_REQUIRE_SOURCES=1 (CI) a missing or renamed source
file stops the run and names the file; without it the tests that read it are skipped and the
summary names the file."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from kenniskaart.content import SHARED_DIR
from support.paths import ROOT
from support.sources import SOURCE_FILES, missing_sources

pytestmark = [pytest.mark.sources,
              pytest.mark.skipif(bool(missing_sources()), reason=f"brondocument ontbreekt: {SHARED_DIR}")]

RENAMED = "seeds/003_8305fceb0cb04118.txt"


def _pytest(shared, require: bool, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "KENNISKAART_SHARED": str(shared)}
    env.pop("KENNISKAART_REQUIRE_SOURCES", None)
    if require:
        env["KENNISKAART_REQUIRE_SOURCES"] = "1"
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def renamed_shared(tmp_path_factory):
    shared = tmp_path_factory.mktemp("shared")
    for name in SOURCE_FILES:
        (shared / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SHARED_DIR / name, shared / name)
    (shared / RENAMED).rename(shared / "seeds" / "003_nieuwe_naam.txt")
    return shared


def test_a_renamed_seed_stops_a_ci_run_and_is_named(renamed_shared):
    run = _pytest(renamed_shared, True, "--collect-only", "tests/content/test_content_examples.py")
    assert run.returncode == 4, run.stdout + run.stderr
    assert str(renamed_shared / RENAMED) in run.stderr


def test_without_ci_the_readers_of_a_renamed_seed_skip_with_one_line(renamed_shared):
    run = _pytest(renamed_shared, False, "-k", "pmg_numbers_occur_in_seed or botoc_total",
                  "tests/content/test_content_examples.py")
    assert run.returncode == 0, run.stdout + run.stderr
    # pmg_numbers reads seed 003 and skips; botoc_total reads 000 and 002 and still runs
    assert "1 passed, 1 skipped" in run.stdout, run.stdout
    assert f"overgeslagen die de inhoud met de brondocumenten vergelijken: {renamed_shared / RENAMED}" in run.stdout
