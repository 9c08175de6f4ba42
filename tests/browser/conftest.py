"""Fixtures of the real-browser tests (Playwright on Debian's chromium), and their marker:
every test in this folder is a ``browser`` test (`-m "not browser"` leaves them out)."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.browser import DESKTOP_WIDE, new_page
from support.chromium import CHROMIUM, CHROMIUM_ARGS

HERE = Path(__file__).resolve().parent


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), (
        "Debian's chromium is missing: install it with `apt-get install -y chromium` "
        "(the README's test command does this)."
    )
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    pg = new_page(browser, DESKTOP_WIDE)
    yield pg
    pg.context.close()
