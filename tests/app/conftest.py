"""Fixtures of the AppTest tests (the app's pages run in-process, no browser)."""

from __future__ import annotations

import pytest

from support.apptest import Downloads


@pytest.fixture
def downloads(monkeypatch) -> Downloads:
    """The files behind the download buttons of the AppTest runs of one test."""
    return Downloads().install(monkeypatch)
