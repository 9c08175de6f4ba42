"""Reading the source documents (the seeds and reference files under KENNISKAART_SHARED,
default ../shared beside the project) for the tests that compare the content with them.

Such a test carries @pytest.mark.sources and reads through ``read_source``, which refuses a
file not in ``SOURCE_FILES`` and a test without the marker (so `-m "not sources"` is exact).
A plain clone from a code host has no ../shared: there those tests are skipped and the run
reports them in one line. CI sets KENNISKAART_REQUIRE_SOURCES=1: then every file in
SOURCE_FILES must exist under its own name, or the run stops before the first test, naming
the missing files. (The hooks that do this are in tests/conftest.py.)
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kenniskaart.content import SHARED_DIR

REQUIRE_ENV = "KENNISKAART_REQUIRE_SOURCES"

# Every source file a test reads (read_source refuses any other): the five seeds of
# shared/README.md and the reference files with facts the seeds lack.
SOURCE_FILES = (
    "seeds/000_9890f513f3dc8336.txt",
    "seeds/001_5bf958074f8fd6fe.txt",
    "seeds/002_3b3c208253e55ed3.txt",
    "seeds/003_8305fceb0cb04118.txt",
    "seeds/004_52e1e918b60fb36b.txt",
    "reference/interventions-facts.md",
    "reference/interventions-facts-2.md",
    "reference/content-review-3.md",
)

SKIPPED = "brondocument ontbreekt"
"""The start of the skip reason of a test whose source is missing (the summary counts them)."""

current_test: list[pytest.Item] = []
"""The test being run (set by the ``pytest_runtest_protocol`` hook): read_source checks its marker."""


def required() -> bool:
    """CI: a missing source document fails the run instead of skipping its tests."""
    return os.environ.get(REQUIRE_ENV) == "1"


def missing_sources(shared: Path | None = None) -> list[Path]:
    shared = SHARED_DIR if shared is None else shared
    return [shared / name for name in SOURCE_FILES if not (shared / name).is_file()]


def read_source(path: Path) -> str:
    """The text of a source document under KENNISKAART_SHARED; skips the test when absent."""
    path = Path(path)
    try:
        name = path.relative_to(SHARED_DIR).as_posix()
    except ValueError:
        name = None
    if name not in SOURCE_FILES:
        pytest.fail(f"read_source({path}): not in support.sources.SOURCE_FILES; add it there first")
    item = current_test[-1] if current_test else None
    if item is not None and item.get_closest_marker("sources") is None:
        pytest.fail(f"{item.nodeid} reads {name} but lacks @pytest.mark.sources")
    if not path.is_file():
        if required():  # CI: a renamed source is a failure
            pytest.fail(f"{REQUIRE_ENV}=1, maar het brondocument ontbreekt: {path}")
        pytest.skip(f"{SKIPPED}: {path}")
    return path.read_text(encoding="utf-8")
