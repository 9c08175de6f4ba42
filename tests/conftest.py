"""Shared fixtures: the real content, AppTest helpers and a real app server for browser tests."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

from kenniskaart.content import Kenniskaart, load_content
from support.chromium import CHROMIUM, CHROMIUM_ARGS
from support.server import ROOT, StreamlitServer

# Property tests draw the same examples on every run (CI and a developer's machine alike): a
# failure is reproducible, never a one-off of a random seed.
hypothesis_settings.register_profile("kenniskaart", derandomize=True, print_blob=True)
hypothesis_settings.load_profile("kenniskaart")

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def kk() -> Kenniskaart:
    return load_content()


@pytest.fixture(autouse=True, scope="session")
def _werksessie_data_dir(tmp_path_factory):
    """Werksessie rooms made by tests go to a temporary folder, never ./data or a real database
    (set before any app server of the session starts, so its processes inherit it)."""
    mp = pytest.MonkeyPatch()
    mp.setenv("KENNISKAART_DATA_DIR", str(tmp_path_factory.mktemp("werksessie-data")))
    mp.delenv("KENNISKAART_DATABASE_URL", raising=False)
    yield
    mp.undo()


class AppServer(StreamlitServer):
    """`streamlit run app.py` on a port the server itself holds (``support.server``), started at
    once and stopped at the end. Its log goes to a file: a failing browser test prints its end
    (``pytest_runtest_makereport`` below)."""

    live: list[AppServer] = []
    """Servers of this session, newest last (the failure report prints the logs of those a
    test used)."""

    def __init__(self, env: dict[str, str] | None = None, timeout: float = 90):
        super().__init__("app.py", env=env)
        AppServer.live.append(self)
        self.start(timeout)


@pytest.fixture(scope="session")
def app_server():
    server = AppServer()
    yield server
    server.stop()


_TEST_STARTED = pytest.StashKey[float]()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    item.stash[_TEST_STARTED] = time.monotonic()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A failing test that used a streamlit server gets the end of that server's log in its
    report; a server that died during the test says so."""
    outcome = yield
    report = outcome.get_result()
    if not report.failed or not (item.get_closest_marker("browser") or "app_server" in item.fixturenames):
        return
    started = item.stash.get(_TEST_STARTED, 0.0)
    for server in AppServer.live:
        if server.stopped is not None and server.stopped < started:
            continue  # stopped before this test began: not this test's server
        state = "running" if server.alive() else f"STOPPED (exit code {server.proc.returncode})"
        report.sections.append(
            (f"streamlit log {server.url if hasattr(server, 'url') else ''} [{state}], {server.log_path}",
             server.log_tail())
        )


def pytest_sessionfinish(session, exitstatus):
    """The servers' logs stay in the temporary folder only when something failed (the report
    names them)."""
    if exitstatus == 0:
        for server in AppServer.live:
            server.log_path.unlink(missing_ok=True)


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
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="nl-NL")
    pg = context.new_page()
    yield pg
    context.close()


APP_IDLE = "[data-testid=stApp][data-test-script-state=notRunning]"


def wait_for_app(pg, timeout: float = 30_000) -> None:
    """Wait until the script has finished running and no skeleton is shown."""
    pg.wait_for_selector(APP_IDLE, timeout=timeout)
    pg.wait_for_function(
        "() => !document.querySelector('[data-testid=stSkeleton]')", timeout=timeout
    )


def pick_option(page, combobox, option: str, *, exact: bool = False, type_filter: bool = True,
                close: bool = False, prefix: bool = False) -> None:
    """Choose ``option`` in a Streamlit selectbox or multiselect (``combobox`` is its locator).

    Lists are virtualised, so the text is typed first to filter them. One retry, and only for
    the test's own timing: the list was open but closed or replaced before the click landed
    because a rerun the test itself set off (a lazy tab, the previous choice) was still on its
    way. An open list without the option fails at once (the option is missing: a defect), and
    so does a second failure.
    """
    from playwright.sync_api import Error as PlaywrightError

    if exact:
        item = page.get_by_role("option", name=option, exact=True)
    elif prefix:  # the option whose label starts with it (labels carry everyday words after the name)
        import re

        item = page.locator("[role=option]").filter(has_text=re.compile("^" + re.escape(option))).first
    else:
        item = page.locator("[role=option]").filter(has_text=option).first
    for attempt in range(2):
        wait_for_app(page)
        combobox.click()
        if type_filter:
            page.keyboard.type(option[:40])
        try:
            item.click(timeout=8_000)
            break
        except PlaywrightError:
            listbox = page.locator("[role=listbox]")
            if attempt or (listbox.count() and listbox.first.is_visible()):
                shown = page.locator("[role=option]").all_inner_texts()[:10]
                raise AssertionError(f"option {option!r} not offered; the list shows {shown}") from None
            page.keyboard.press("Escape")
    if close:
        page.keyboard.press("Escape")
    wait_for_app(page)


def choose(page, label: str, option: str) -> None:
    """Choose ``option`` in the selectbox labelled ``label``."""
    box = page.locator("[data-testid=stSelectbox]").filter(has_text=label)
    pick_option(page, box.get_by_role("combobox"), option, type_filter=False)


def pick(page, label: str, option: str, *, prefix: bool = False) -> None:
    """Add ``option`` in the multiselect labelled ``label`` and close its list."""
    box = page.locator("[data-testid=stMultiSelect]").filter(has_text=label)
    pick_option(page, box.get_by_role("combobox"), option, close=True, prefix=prefix)


def download(page, button: str):
    """Click a download button once the app is idle and return the download. No retry: the
    button must be enabled when the app is idle and the first click must deliver the file (a
    rerun racing a deferred download once left the next download button disabled; retrying
    would hide that)."""
    wait_for_app(page)
    target = page.get_by_role("button", name=button)
    assert target.count() == 1, f"{target.count()} buttons named {button!r}"
    assert target.is_enabled(), f"the download button {button!r} is disabled while the app is idle"
    with page.expect_download(timeout=20_000) as dl:
        target.click(timeout=5_000)
    return dl.value


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
    parts += [m.label for m in at.metric] + [p.proto.label for p in at.get("page_link")]
    return "\n".join(str(p) for p in parts)


# --- tests that compare the content with the source documents ------------------------
#
# They read the seeds and the reference files under KENNISKAART_SHARED (default: ../shared
# beside the project) through ``read_source``, and carry @pytest.mark.sources (read_source
# fails a test that reads a source without the marker, so `-m "not sources"` is exact).
# A plain clone from a code host has no ../shared: there they are skipped, reported in one
# line. CI sets KENNISKAART_REQUIRE_SOURCES=1: then every file in SOURCE_FILES must exist
# under its own name, or the run stops before the first test, naming the missing files.

from kenniskaart.content import SHARED_DIR  # noqa: E402

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

_SOURCES_SKIPPED: list[str] = []
_CURRENT_ITEM: list[pytest.Item] = []


def _missing_sources(shared: Path | None = None) -> list[Path]:
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
        pytest.fail(f"read_source({path}): not in conftest.SOURCE_FILES; add it there first")
    item = _CURRENT_ITEM[-1] if _CURRENT_ITEM else None
    if item is not None and item.get_closest_marker("sources") is None:
        pytest.fail(f"{item.nodeid} reads {name} but lacks @pytest.mark.sources")
    if not path.is_file():
        if os.environ.get("KENNISKAART_REQUIRE_SOURCES") == "1":  # CI: a renamed source is a failure
            pytest.fail(f"KENNISKAART_REQUIRE_SOURCES=1, maar het brondocument ontbreekt: {path}")
        pytest.skip(f"brondocument ontbreekt: {path}")
    return path.read_text(encoding="utf-8")


def pytest_configure(config):
    if os.environ.get("KENNISKAART_REQUIRE_SOURCES") == "1":
        missing = _missing_sources()
        if missing:
            raise pytest.UsageError(
                "KENNISKAART_REQUIRE_SOURCES=1, maar deze brondocumenten ontbreken (of zijn "
                "hernoemd): " + ", ".join(str(p) for p in missing)
                + f". Zet KENNISKAART_SHARED op de map 'shared' (nu: {SHARED_DIR})."
            )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    _CURRENT_ITEM[:] = [item]  # read_source checks the marker of the test it runs for
    yield
    _CURRENT_ITEM.clear()


def pytest_runtest_logreport(report):
    if report.skipped and isinstance(report.longrepr, tuple) and "brondocument ontbreekt" in report.longrepr[2]:
        if report.nodeid not in _SOURCES_SKIPPED:
            _SOURCES_SKIPPED.append(report.nodeid)


def pytest_terminal_summary(terminalreporter):
    if _SOURCES_SKIPPED:
        missing = (", ".join(str(p) for p in _missing_sources()) if SHARED_DIR.is_dir()
                   else str(SHARED_DIR)) or str(SHARED_DIR)
        terminalreporter.write_line(
            f"{len(_SOURCES_SKIPPED)} tests overgeslagen die de inhoud met de brondocumenten "
            f"vergelijken: {missing} ontbreekt (zet KENNISKAART_SHARED=/pad/naar/shared).",
            yellow=True, bold=True,
        )
