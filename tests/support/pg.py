"""A throw-away PostgreSQL for the storage tests.

``bash scripts/run-tests.sh`` runs pytest inside ``pg_virtualenv`` (Debian's postgresql-common),
which starts a temporary cluster and exports PGHOST/PGPORT/PGUSER/PGPASSWORD/PGDATABASE, and
sets ``KENNISKAART_REQUIRE_POSTGRES=1``; CI (``.ci/run``) runs that script and also sets
``KENNISKAART_REQUIRE_SOURCES=1``. With either variable a PostgreSQL that is not configured
stops the run before the first test (``tests/conftest.py``), and one that cannot be reached
fails the tests that use it. A plain ``pytest`` without PG* variables runs the storage tests on
SQLite only, skips the PostgreSQL-only tests, and says so in one line at the end of the run.
``KENNISKAART_TEST_DATABASE_URL`` (an SQLAlchemy URL) overrides the PG* variables.
"""

from __future__ import annotations

import os
import secrets

import pytest
import sqlalchemy as sa

from support import sources

REQUIRE_ENV = "KENNISKAART_REQUIRE_POSTGRES"
SKIP_REASON = (
    "PostgreSQL-tests overgeslagen: geen PGHOST/PGUSER, de opslag van werksessies en werkmappen is "
    "alleen met SQLite getest "
    "(`bash scripts/run-tests.sh` start een tijdelijke PostgreSQL)"
)


MISSING_WHEN_REQUIRED = (
    f"{REQUIRE_ENV}=1 of {sources.REQUIRE_ENV}=1 (CI), maar er is geen PostgreSQL geconfigureerd "
    "(PGHOST/PGUSER of KENNISKAART_TEST_DATABASE_URL ontbreken): draai de tests met "
    "`bash scripts/run-tests.sh`, dat een tijdelijke PostgreSQL start"
)


def required() -> bool:
    """A PostgreSQL must be there: under ``scripts/run-tests.sh`` (pg_virtualenv) and in CI."""
    return (os.environ.get(REQUIRE_ENV, "").strip() not in ("", "0")
            or os.environ.get(sources.REQUIRE_ENV) == "1")


def server_url() -> sa.URL | None:
    """The test server's URL from the environment, or None when none is configured."""
    explicit = os.environ.get("KENNISKAART_TEST_DATABASE_URL", "").strip()
    if explicit:
        return sa.make_url(explicit)
    if not (os.environ.get("PGHOST") and os.environ.get("PGUSER")):
        return None
    return sa.URL.create(
        "postgresql+psycopg",
        username=os.environ["PGUSER"],
        password=os.environ.get("PGPASSWORD") or None,
        host=os.environ["PGHOST"],
        port=int(os.environ.get("PGPORT") or 5432),
        database=os.environ.get("PGDATABASE") or "postgres",
    )


def backends() -> list[str]:
    """Store test parameters: SQLite always, PostgreSQL when a server is configured (a missing
    one is reported once by the test that calls ``server_or_skip`` directly)."""
    return ["sqlite", "postgresql"] if server_url() is not None else ["sqlite"]


def server_or_skip() -> sa.URL:
    """The server URL; skipped (one reason) without one, failed when it is required."""
    url = server_url()
    if url is None:
        if required():
            pytest.fail(MISSING_WHEN_REQUIRED)
        pytest.skip(SKIP_REASON)
    return url


def create_database(server: sa.URL) -> sa.URL:
    """A fresh, empty database on the server; returns its URL (drop it with drop_database)."""
    name = f"kk_test_{os.getpid()}_{secrets.token_hex(4)}"
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except sa.exc.OperationalError as exc:
        pytest.fail(f"PostgreSQL niet bereikbaar op {server.render_as_string(hide_password=True)}: {exc.orig}")
    finally:
        admin.dispose()
    return server.set(database=name)


def drop_database(server: sa.URL, url: sa.URL) -> None:
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)')
    finally:
        admin.dispose()
