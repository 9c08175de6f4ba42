"""Shared fixtures: the real content, AppTest helpers and a real app server for browser tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from kenniskaart.content import Kenniskaart, load_content

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def kk() -> Kenniskaart:
    return load_content()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class AppServer:
    """`streamlit run app.py` on a free port, stopped at the end."""

    def __init__(self, env: dict[str, str] | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        full_env = {**os.environ, **(env or {})}
        self.proc = subprocess.Popen(
            [
                sys.executable, "-m", "streamlit", "run", "app.py",
                "--server.headless", "true",
                "--server.port", str(self.port),
                "--server.address", "127.0.0.1",
                "--browser.gatherUsageStats", "false",
            ],
            cwd=ROOT,
            env=full_env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError("streamlit did not become healthy within 60 s")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


@pytest.fixture(scope="session")
def app_server():
    server = AppServer()
    yield server
    server.stop()


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


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="nl-NL")
    pg = context.new_page()
    yield pg
    context.close()


def wait_for_app(pg, timeout: float = 30_000) -> None:
    """Wait until the script has finished running and no skeleton is shown."""
    pg.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]", timeout=timeout)
    pg.wait_for_function(
        "() => !document.querySelector('[data-testid=stSkeleton]')", timeout=timeout
    )


def pick_option(page, combobox, option: str, *, exact: bool = False, type_filter: bool = True,
                close: bool = False, attempts: int = 3) -> None:
    """Choose ``option`` in a Streamlit selectbox or multiselect (``combobox`` is its locator).

    Lists are virtualised, so the text is typed first to filter them. A rerun that was still
    on its way (a lazy tab, a previous choice) may close or replace the list: then try again.
    """
    if exact:
        item = page.get_by_role("option", name=option, exact=True)
    else:
        item = page.locator("[role=option]").filter(has_text=option).first
    for attempt in range(attempts):
        wait_for_app(page)
        combobox.click()
        if type_filter:
            page.keyboard.type(option[:40])
        try:
            item.click(timeout=8_000)
            break
        except Exception:
            if attempt == attempts - 1:
                raise
            page.keyboard.press("Escape")
    if close:
        page.keyboard.press("Escape")
    wait_for_app(page)


def choose(page, label: str, option: str) -> None:
    """Choose ``option`` in the selectbox labelled ``label``."""
    box = page.locator("[data-testid=stSelectbox]").filter(has_text=label)
    pick_option(page, box.get_by_role("combobox"), option, type_filter=False)


def pick(page, label: str, option: str) -> None:
    """Add ``option`` in the multiselect labelled ``label`` and close its list."""
    box = page.locator("[data-testid=stMultiSelect]").filter(has_text=label)
    pick_option(page, box.get_by_role("combobox"), option, close=True)


def download(page, button: str):
    """Click a download button and return the download (one retry: a rerun may replace the
    button between locating and clicking it)."""
    for attempt in range(2):
        wait_for_app(page)
        try:
            with page.expect_download(timeout=20_000) as dl:
                page.get_by_role("button", name=button).click()
            return dl.value
        except Exception:
            if attempt:
                raise


def open_page(path: str | None = None, params: dict[str, str] | None = None):
    """AppTest through app.py: set the URL's query parameters, open ``path``; no exception."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    if path and path != "pages/start.py":
        at.switch_page(path)
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def page_text(at) -> str:
    """All text a user reads on the page (titles, headers, markdown, notices, captions)."""
    parts = [t.value for t in at.title] + [h.value for h in at.header] + [s.value for s in at.subheader]
    parts += [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [i.value for i in at.info] + [w.value for w in at.warning] + [s.value for s in at.success]
    parts += [m.label for m in at.metric]
    return "\n".join(str(p) for p in parts)


# --- tests that compare the content with the source documents ------------------------
#
# They read the seeds and the reference file under KENNISKAART_SHARED (default: ../shared
# beside the project). A plain clone from a code host has no ../shared: there they are
# skipped, reported in one line. CI sets KENNISKAART_REQUIRE_SOURCES=1, which turns a missing
# folder into a failure, so CI can never pass without them. A test belongs here when it lives
# in a tests/test_content_*.py file or carries @pytest.mark.sources.

from kenniskaart.content import SHARED_DIR  # noqa: E402

_SOURCES_SKIPPED: list[str] = []


def _sources_present() -> bool:
    return (SHARED_DIR / "seeds").is_dir() and (SHARED_DIR / "reference").is_dir()


def read_source(path: Path) -> str:
    """The text of a source document under KENNISKAART_SHARED; skips the test when absent."""
    if not path.exists():
        if os.environ.get("KENNISKAART_REQUIRE_SOURCES") == "1":  # CI: a renamed source is a failure
            pytest.fail(f"KENNISKAART_REQUIRE_SOURCES=1, maar het brondocument ontbreekt: {path}")
        pytest.skip(f"brondocument ontbreekt: {path}")
    return path.read_text(encoding="utf-8")


def pytest_configure(config):
    config.addinivalue_line("markers", "sources: reads the source documents under KENNISKAART_SHARED")
    config.addinivalue_line("markers", "load: protocol load test against a real server (~40 s; exclude with -m \"not load\")")
    if os.environ.get("KENNISKAART_REQUIRE_SOURCES") == "1" and not _sources_present():
        raise pytest.UsageError(
            f"KENNISKAART_REQUIRE_SOURCES=1, maar de brondocumenten ontbreken: {SHARED_DIR}/seeds en "
            f"{SHARED_DIR}/reference bestaan niet. Zet KENNISKAART_SHARED op de map 'shared'."
        )


def pytest_runtest_logreport(report):
    if report.skipped and isinstance(report.longrepr, tuple) and "brondocument ontbreekt" in report.longrepr[2]:
        if report.nodeid not in _SOURCES_SKIPPED:
            _SOURCES_SKIPPED.append(report.nodeid)


def pytest_terminal_summary(terminalreporter):
    if _SOURCES_SKIPPED:
        terminalreporter.write_line(
            f"{len(_SOURCES_SKIPPED)} tests overgeslagen die de inhoud met de brondocumenten "
            f"vergelijken: {SHARED_DIR} ontbreekt (zet KENNISKAART_SHARED=/pad/naar/shared).",
            yellow=True, bold=True,
        )
