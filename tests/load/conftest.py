"""The load tests' marker: every test in this folder is a ``load`` test (a real server and tens
of sessions at once; `-m "not load"` leaves them out of the quick run)."""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.load)
