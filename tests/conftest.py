"""Fixtures and hooks of the whole suite: the real content, a temporary werksessie data
folder, the app server, the failure report with the server's log, and the checks on the
source documents and PostgreSQL. Helpers are in ``support/`` (by concern); the browser and
load tests have their own ``conftest.py`` (fixtures and their folder's marker)."""

from __future__ import annotations

import time

import pytest
from hypothesis import settings as hypothesis_settings

from kenniskaart.content import SHARED_DIR, Kenniskaart, load_content
from support import pg, sources
from support.server import AppServer

# Property tests draw the same examples on every run (CI and a developer's machine alike): a
# failure is reproducible, never a one-off of a random seed.
hypothesis_settings.register_profile("kenniskaart", derandomize=True, print_blob=True)
hypothesis_settings.load_profile("kenniskaart")


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


@pytest.fixture(scope="session")
def app_server():
    server = AppServer()
    yield server
    server.stop()


# --- the server's log in a failure report --------------------------------------------

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


# --- source documents and PostgreSQL: missing ones fail CI, elsewhere one line each -----

_SOURCES_SKIPPED: list[str] = []
_POSTGRES_SKIPPED: list[str] = []


def pytest_configure(config):
    if sources.required():
        missing = sources.missing_sources()
        if missing:
            raise pytest.UsageError(
                f"{sources.REQUIRE_ENV}=1, maar deze brondocumenten ontbreken (of zijn "
                "hernoemd): " + ", ".join(str(p) for p in missing)
                + f". Zet KENNISKAART_SHARED op de map 'shared' (nu: {SHARED_DIR})."
            )
    if pg.required() and pg.server_url() is None:
        raise pytest.UsageError(pg.MISSING_WHEN_REQUIRED)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    sources.current_test[:] = [item]  # read_source checks the marker of the test it runs for
    yield
    sources.current_test.clear()


def pytest_runtest_logreport(report):
    if not (report.skipped and isinstance(report.longrepr, tuple)):
        return
    reason = report.longrepr[2]
    for marker, skipped in ((sources.SKIPPED, _SOURCES_SKIPPED), (pg.SKIP_REASON, _POSTGRES_SKIPPED)):
        if marker in reason and report.nodeid not in skipped:
            skipped.append(report.nodeid)


def pytest_terminal_summary(terminalreporter):
    if _SOURCES_SKIPPED:
        missing = (", ".join(str(p) for p in sources.missing_sources()) if SHARED_DIR.is_dir()
                   else str(SHARED_DIR)) or str(SHARED_DIR)
        terminalreporter.write_line(
            f"{len(_SOURCES_SKIPPED)} tests overgeslagen die de inhoud met de brondocumenten "
            f"vergelijken: {missing} ontbreekt (zet KENNISKAART_SHARED=/pad/naar/shared).",
            yellow=True, bold=True,
        )
    if _POSTGRES_SKIPPED:
        terminalreporter.write_line(f"{len(_POSTGRES_SKIPPED)} {pg.SKIP_REASON}.", yellow=True, bold=True)
