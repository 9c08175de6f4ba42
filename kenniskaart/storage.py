"""SQL storage shared by the werksessie and the werkmap online (SQLAlchemy Core; no Streamlit).

One database for both: a SQLite file by default (WAL, busy timeout, ``BEGIN IMMEDIATE`` for
writes), PostgreSQL when ``KENNISKAART_DATABASE_URL`` is set. ``SqlStore`` is the plumbing a
store builds on: its own tables and schema version (checked before anything is created),
transactions, and database errors turned into the store's own Dutch errors (``_unavailable``),
never a raw SQLAlchemy error. Tokens: only their SHA-256 hashes are stored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ClassVar, overload

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

log = logging.getLogger(__name__)

SQLITE_BUSY_MS = 15_000
SQLITE_FILE = "werksessie.sqlite"
"""The default database file in ``KENNISKAART_DATA_DIR`` (its name predates the werkmap online)."""
_FULL_MARKERS = ("disk is full", "no space left", "disk full")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@overload
def utc(value: dt.datetime) -> dt.datetime: ...
@overload
def utc(value: None) -> None: ...
def utc(value: dt.datetime | None) -> dt.datetime | None:
    """SQLite returns naive datetimes: they are UTC."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=dt.UTC)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def env_days(name: str, default: float) -> float:
    """A positive number of days from the environment variable ``name`` (else ``default``)."""
    raw = os.environ.get(name, "").strip()
    try:
        days = float(raw) if raw else default
    except ValueError:
        days = default
    return days if days > 0 else default


def sqlite_engine(path: str | os.PathLike[str]) -> Engine:
    """A SQLite engine for a file: WAL, busy timeout, foreign keys, and ``BEGIN IMMEDIATE`` for
    write transactions (no lock upgrade deadlocks under concurrent writers)."""
    engine = sa.create_engine(
        f"sqlite:///{Path(path)}", pool_pre_ping=True,
        connect_args={"timeout": SQLITE_BUSY_MS / 1000, "check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None  # SQLAlchemy emits BEGIN itself (below)
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        conn.exec_driver_sql(conn.get_execution_options().get("sqlite_begin", "BEGIN"))

    return engine


def engine_from_env() -> Engine:
    """``KENNISKAART_DATABASE_URL`` if set, else ``<KENNISKAART_DATA_DIR or ./data>/werksessie.sqlite``."""
    url = os.environ.get("KENNISKAART_DATABASE_URL", "").strip()
    if url:
        parsed = sa.make_url(url)
        if parsed.get_backend_name() == "sqlite":
            return sqlite_engine(parsed.database or SQLITE_FILE)
        if parsed.drivername in ("postgresql", "postgres"):  # the driver this project installs
            parsed = parsed.set(drivername="postgresql+psycopg")
        return sa.create_engine(parsed, pool_pre_ping=True, pool_size=5, max_overflow=10, pool_timeout=30)
    folder = Path(os.environ.get("KENNISKAART_DATA_DIR") or "data")
    folder.mkdir(parents=True, exist_ok=True)
    return sqlite_engine(folder / SQLITE_FILE)


def db_error_text(exc: BaseException, what: str) -> tuple[str, bool]:
    """(first line of the database's message, whether the disk is full); logged for the operator
    under ``what`` (no tokens: statement parameters are left out)."""
    text = str(getattr(exc, "orig", None) or exc).splitlines()[0][:300] if str(exc) else type(exc).__name__
    log.warning("%s: opslag niet beschikbaar: %s: %s", what, type(exc).__name__, text)
    return text, any(m in text.lower() for m in _FULL_MARKERS)


def upsert_insert(backend: str):
    """The dialect's ``insert`` with ``on_conflict_do_update`` (SQLite and PostgreSQL only)."""
    if backend == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    elif backend == "sqlite":
        from sqlalchemy.dialects.sqlite import insert  # type: ignore[assignment]
    else:  # pragma: no cover - only SQLite and PostgreSQL are supported
        raise ValueError("Deze soort database wordt niet ondersteund (alleen SQLite en PostgreSQL).")
    return insert


def meta_table(metadata: sa.MetaData, name: str) -> sa.Table:
    """A store's key/value table (holds ``schema_version``), in the store's ``metadata``."""
    return sa.Table(
        name, metadata,
        sa.Column("key", sa.String(40), primary_key=True),
        sa.Column("value", sa.String(200), nullable=False),
    )


class SqlStore:
    """Plumbing for a store with its own tables in the shared database. Thread-safe.

    A subclass sets ``metadata``, ``meta_table`` (``meta_table(...)``), ``schema_version``,
    ``domain_error`` (its own errors pass through untouched), and its Dutch errors:
    ``unavailable_error`` (made with no argument: the default message; or with
    ``full_message`` when the disk is full, or ``open_failed_message`` when the database cannot
    be opened) and ``mismatch_error`` (made with the version found and the one expected)."""

    metadata: ClassVar[sa.MetaData]
    meta_table: ClassVar[sa.Table]
    schema_version: ClassVar[int]
    domain_error: ClassVar[type[Exception]]
    unavailable_error: ClassVar[type[Exception]]
    mismatch_error: ClassVar[type[Exception]]
    full_message: ClassVar[str]
    open_failed_message: ClassVar[str]
    label: ClassVar[str] = "opslag"

    def __init__(self, engine: Engine, clock: Callable[[], dt.datetime] = utcnow):
        self.engine = engine
        self.clock = clock
        self._ready = False
        self._lock = threading.Lock()

    @classmethod
    def from_env(cls, **kwargs):
        """See ``engine_from_env``; a folder that cannot be made gives the store's Dutch error."""
        try:
            return cls(engine_from_env(), **kwargs)
        except (OSError, SQLAlchemyError, ValueError, ImportError) as exc:
            # the type only: a message about a bad URL would repeat the URL and its password
            log.warning("%s: opslag niet te openen: %s", cls.label, type(exc).__name__)
            raise cls._open_failed() from None

    @property
    def backend(self) -> str:
        """'sqlite' or 'postgresql'."""
        return self.engine.dialect.name

    # --- the store's Dutch errors ------------------------------------------------------------

    def _unavailable(self, exc: BaseException) -> Exception:
        """The Dutch error for a database error; the cause is logged for the operator."""
        _, full = db_error_text(exc, self.label)
        return self.unavailable_error(self.full_message) if full else self.unavailable_error()

    def _mismatch(self, found: str) -> Exception:
        return self.mismatch_error(found, self.schema_version)

    @classmethod
    def _open_failed(cls) -> Exception:
        return cls.unavailable_error(cls.open_failed_message)

    # --- purging -------------------------------------------------------------------------------

    @staticmethod
    def _delete(conn: Connection, keys: list) -> None:  # pragma: no cover - abstract
        """Delete the store's rows of these keys (every table that holds them)."""
        raise NotImplementedError

    def _purge(self, key: sa.Column, stamp: sa.Column, limit: dt.datetime) -> int:
        """Delete (``_delete``) the rows whose ``stamp`` is before ``limit``; returns how many."""
        with self._tx(write=True) as conn:
            keys = list(conn.execute(sa.select(key).where(stamp < limit)).scalars())
            self._delete(conn, keys)
        return len(keys)

    # --- transactions and schema -------------------------------------------------------------

    @contextmanager
    def _begin(self, write: bool) -> Iterator[Connection]:
        """A transaction; on SQLite a writing one takes the write lock at BEGIN (IMMEDIATE), so
        it waits for the busy timeout instead of failing on a read-to-write lock upgrade."""
        with self.engine.connect() as conn:
            if write and self.backend == "sqlite":
                conn = conn.execution_options(sqlite_begin="BEGIN IMMEDIATE")
            with conn.begin():
                yield conn

    @contextmanager
    def _tx(self, write: bool = False) -> Iterator[Connection]:
        """One transaction; database errors become the store's Dutch error."""
        self._ensure_schema()
        try:
            with self._begin(write) as conn:
                yield conn
        except self.domain_error:
            raise
        except (SQLAlchemyError, OSError) as exc:
            raise self._unavailable(exc) from None

    def _ensure_schema(self) -> None:
        if self._ready:
            return
        with self._lock:
            if self._ready:
                return
            try:
                self._create_schema()
            except self.domain_error:
                raise
            except (SQLAlchemyError, OSError):
                try:  # another process may have created it at the same moment
                    self._create_schema()
                except self.domain_error:
                    raise
                except (SQLAlchemyError, OSError) as exc:
                    raise self._unavailable(exc) from None
            self._ready = True

    def _create_schema(self) -> None:
        """Check the version BEFORE creating anything (a newer schema is never touched), then
        create missing tables and record the version."""
        with self._begin(write=False) as conn:
            found = self._schema_version(conn) if sa.inspect(conn).has_table(self.meta_table.name) else None
        if found is not None and found != str(self.schema_version):
            raise self._mismatch(found)
        with self._begin(write=True) as conn:
            self.metadata.create_all(conn, checkfirst=True)
            found = self._schema_version(conn)
            if found is None:
                conn.execute(self.meta_table.insert().values(key="schema_version", value=str(self.schema_version)))
            elif found != str(self.schema_version):
                raise self._mismatch(found)

    def _schema_version(self, conn: Connection) -> str | None:
        meta = self.meta_table
        return conn.execute(sa.select(meta.c.value).where(meta.c.key == "schema_version")).scalar()
