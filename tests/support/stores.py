"""What the storage tests of the werksessie and the werkmap online share: a clock the test sets,
and a factory of stores on one throw-away database per test (SQLite in ``tmp_path``, or a
PostgreSQL database of its own under ``pg_virtualenv``)."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from support import pg

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


class Clock:
    """``now`` as the test sets it; pass it to a store as its clock."""

    def __init__(self, now: dt.datetime = T0):
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


def store_factory(request: pytest.FixtureRequest, tmp_path, monkeypatch: pytest.MonkeyPatch,
                  default: type, days_env: str) -> Iterator[Callable[..., Any]]:
    """A factory of stores on ONE database; every call is a new Engine (an app restart or a
    second app process). ``make(cls=default, **kwargs)`` → ``cls.from_env(**kwargs)``;
    ``make.backend`` is 'sqlite' or 'postgresql' (``request.param``). ``days_env``: the
    retention setting the test must not inherit."""
    monkeypatch.delenv(days_env, raising=False)
    if request.param == "sqlite":
        monkeypatch.delenv("KENNISKAART_DATABASE_URL", raising=False)
        monkeypatch.setenv("KENNISKAART_DATA_DIR", str(tmp_path / "data"))
        server = url = None
    else:
        server = pg.server_or_skip()
        url = pg.create_database(server)
        monkeypatch.setenv("KENNISKAART_DATABASE_URL", url.render_as_string(hide_password=False))
    made: list = []

    def make(cls: type = default, **kwargs):
        made.append(cls.from_env(**kwargs))
        return made[-1]

    make.backend = request.param  # type: ignore[attr-defined]
    yield make
    for s in made:
        s.engine.dispose()
    if url is not None:
        pg.drop_database(server, url)


def at_once(calls: list[Callable[[], object]], timeout: float = 60) -> list[BaseException]:
    """Run the calls in threads released at the same moment (users saving at once, a double tap,
    two app processes); the errors they raised."""
    barrier = threading.Barrier(len(calls), timeout=timeout)
    errors: list[BaseException] = []

    def work(call) -> None:
        try:
            barrier.wait()
            call()
        except BaseException as exc:  # noqa: BLE001 - collected and returned to the test
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(c,)) for c in calls]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=2 * timeout)
    return errors
