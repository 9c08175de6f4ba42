"""Werksessie storage: rooms, participants and answers in SQL (SQLAlchemy Core; no Streamlit).

SQLite file by default (WAL, busy timeout), PostgreSQL when ``KENNISKAART_DATABASE_URL`` is
set. Only SHA-256 hashes of tokens are stored; no names, no IP addresses. Every database
error leaves as ``StorageUnavailable`` (a Dutch message), never as a raw SQLAlchemy error.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import logging
import os
import secrets
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from .room import (
    DEFAULT_AGE_MAX, DEFAULT_AGE_MIN, MAX_TITLE_CHARS, ORG_TYPES, Answer, NotAllowed, Room, RoomClosed,
    RoomExpired, RoomNotFound, StorageUnavailable, WerksessieError, clean_text, utcnow, validate_ages,
)

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
"""Unambiguous: no 0/O, 1/I/L."""
CODE_LENGTH = 6
DEFAULT_TTL_DAYS = 7
PURGE_AFTER_DAYS = 30
"""Rooms are deleted this many days after they expired (data minimisation)."""
MAX_PARTICIPANTS = 500
SQLITE_BUSY_MS = 15_000
MAX_PAYLOAD_CHARS = 20_000
"""A validated answer is far smaller (138 factors, 30 items, 5 x 80 characters, 16 scan steps)."""

metadata = sa.MetaData()
meta_table = sa.Table(
    "werksessie_meta", metadata,
    sa.Column("key", sa.String(40), primary_key=True),
    sa.Column("value", sa.String(200), nullable=False),
)
rooms = sa.Table(
    "werksessie_rooms", metadata,
    sa.Column("code", sa.String(CODE_LENGTH), primary_key=True),
    sa.Column("title", sa.String(MAX_TITLE_CHARS), nullable=False),
    sa.Column("facilitator_hash", sa.String(64), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("age_min", sa.Integer, nullable=False),
    sa.Column("age_max", sa.Integer, nullable=False),
)
participants = sa.Table(
    "werksessie_participants", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("room_code", sa.String(CODE_LENGTH), sa.ForeignKey(rooms.c.code, ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("org_type", sa.String(20), nullable=False),
    sa.Column("joined_at", sa.DateTime(timezone=True), nullable=False),
)
answers_table = sa.Table(
    "werksessie_answers", metadata,
    sa.Column("participant_id", sa.Integer, sa.ForeignKey(participants.c.id, ondelete="CASCADE"), primary_key=True),
    sa.Column("room_code", sa.String(CODE_LENGTH), nullable=False, index=True),
    sa.Column("payload", sa.Text, nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)


class SchemaMismatch(StorageUnavailable):
    def __init__(self, found: str):
        super().__init__(
            f"De database van de werksessies heeft schemaversie {found}, deze app verwacht versie "
            f"{SCHEMA_VERSION}. Werk de app bij of gebruik een andere database."
        )


def _unavailable(exc: BaseException) -> StorageUnavailable:
    """The Dutch error for a database error; the cause is logged for the operator (no tokens:
    statement parameters are left out)."""
    text = str(getattr(exc, "orig", None) or exc).splitlines()[0][:300] if str(exc) else type(exc).__name__
    log.warning("werksessie: opslag niet beschikbaar: %s: %s", type(exc).__name__, text)
    if any(m in text.lower() for m in ("disk is full", "no space left", "disk full")):
        return StorageUnavailable("De opslag van werksessies is vol: er kan nu niets worden bewaard. "
                                  "Meld dit bij de beheerder van de kenniskaart.")
    return StorageUnavailable()


def new_code() -> str:
    """A random room code (``secrets``): 31^6, about 887 million codes."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def normalise_code(code: object) -> str:
    """Upper case without spaces or hyphens; RoomNotFound when it cannot be a room code."""
    text = "".join(str(code or "").split()).replace("-", "").upper()
    if len(text) != CODE_LENGTH or any(c not in CODE_ALPHABET for c in text):
        raise RoomNotFound()
    return text


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    """SQLite returns naive datetimes: they are UTC."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=dt.timezone.utc)


def _default_ttl_days() -> float:
    raw = os.environ.get("KENNISKAART_ROOM_DAYS", "").strip()
    try:
        days = float(raw) if raw else DEFAULT_TTL_DAYS
    except ValueError:
        days = DEFAULT_TTL_DAYS
    return days if days > 0 else DEFAULT_TTL_DAYS


def sqlite_engine(path: str | os.PathLike[str]) -> Engine:
    """A SQLite engine for a file: WAL, busy timeout, foreign keys, and ``BEGIN IMMEDIATE`` for
    write transactions (no lock upgrade deadlocks under concurrent writers)."""
    engine = sa.create_engine(
        f"sqlite:///{Path(path)}", pool_pre_ping=True,
        connect_args={"timeout": SQLITE_BUSY_MS / 1000, "check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # noqa: ANN001
        dbapi_conn.isolation_level = None  # SQLAlchemy emits BEGIN itself (below)
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # noqa: ANN001
        conn.exec_driver_sql(conn.get_execution_options().get("sqlite_begin", "BEGIN"))

    return engine


def engine_from_env() -> Engine:
    """``KENNISKAART_DATABASE_URL`` if set, else ``<KENNISKAART_DATA_DIR or ./data>/werksessie.sqlite``."""
    url = os.environ.get("KENNISKAART_DATABASE_URL", "").strip()
    if url:
        parsed = sa.make_url(url)
        if parsed.get_backend_name() == "sqlite":
            return sqlite_engine(parsed.database or "werksessie.sqlite")
        if parsed.drivername in ("postgresql", "postgres"):  # the driver this project installs
            parsed = parsed.set(drivername="postgresql+psycopg")
        return sa.create_engine(parsed, pool_pre_ping=True, pool_size=5, max_overflow=10, pool_timeout=30)
    folder = Path(os.environ.get("KENNISKAART_DATA_DIR") or "data")
    folder.mkdir(parents=True, exist_ok=True)
    return sqlite_engine(folder / "werksessie.sqlite")


class Store:
    """Rooms, participants and answers. Thread-safe; one per process is enough."""

    def __init__(self, engine: Engine, clock: Callable[[], dt.datetime] = utcnow,
                 ttl_days: float | None = None):
        self.engine = engine
        self.clock = clock
        self.ttl_days = ttl_days if ttl_days is not None else _default_ttl_days()
        self._ready = False
        self._lock = threading.Lock()

    @classmethod
    def from_env(cls, **kwargs) -> "Store":
        """See ``engine_from_env``; a folder that cannot be made gives StorageUnavailable."""
        try:
            return cls(engine_from_env(), **kwargs)
        except (OSError, SQLAlchemyError, ValueError, ImportError) as exc:
            # the type only: a message about a bad URL would repeat the URL and its password
            log.warning("werksessie: opslag niet te openen: %s", type(exc).__name__)
            raise StorageUnavailable(
                "De opslag van werksessies kan niet worden geopend (map of database-adres klopt niet)."
            ) from None

    @property
    def backend(self) -> str:
        """'sqlite' or 'postgresql'."""
        return self.engine.dialect.name

    # --- plumbing ----------------------------------------------------------------------------

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
        """One transaction; database errors become StorageUnavailable."""
        self._ensure_schema()
        try:
            with self._begin(write) as conn:
                yield conn
        except WerksessieError:
            raise
        except (SQLAlchemyError, OSError) as exc:
            raise _unavailable(exc) from None

    def _ensure_schema(self) -> None:
        if self._ready:
            return
        with self._lock:
            if self._ready:
                return
            try:
                self._create_schema()
            except WerksessieError:
                raise
            except (SQLAlchemyError, OSError):
                try:  # another process may have created it at the same moment
                    self._create_schema()
                except WerksessieError:
                    raise
                except (SQLAlchemyError, OSError) as exc:
                    raise _unavailable(exc) from None
            self._ready = True

    def _create_schema(self) -> None:
        """Check the version BEFORE creating anything (a newer schema is never touched), then
        create missing tables and record the version."""
        with self._begin(write=False) as conn:
            found = self._version(conn) if sa.inspect(conn).has_table(meta_table.name) else None
        if found is not None and found != str(SCHEMA_VERSION):
            raise SchemaMismatch(found)
        with self._begin(write=True) as conn:
            metadata.create_all(conn, checkfirst=True)
            found = self._version(conn)
            if found is None:
                conn.execute(meta_table.insert().values(key="schema_version", value=str(SCHEMA_VERSION)))
            elif found != str(SCHEMA_VERSION):
                raise SchemaMismatch(found)

    @staticmethod
    def _version(conn: Connection) -> str | None:
        return conn.execute(sa.select(meta_table.c.value).where(meta_table.c.key == "schema_version")).scalar()

    def _room(self, conn: Connection, code: str) -> tuple[Room, str]:
        row = conn.execute(sa.select(rooms).where(rooms.c.code == normalise_code(code))).mappings().first()
        if row is None:
            raise RoomNotFound()
        room = Room(row["code"], row["title"], _utc(row["created_at"]), _utc(row["expires_at"]),
                    _utc(row["closed_at"]), row["age_min"], row["age_max"])
        return room, row["facilitator_hash"]

    def _live_room(self, conn: Connection, code: str) -> tuple[Room, str]:
        room, fh = self._room(conn, code)
        if room.is_expired(self.clock()):
            raise RoomExpired()
        return room, fh

    def _open_room(self, conn: Connection, code: str) -> Room:
        room, _ = self._live_room(conn, code)
        if room.closed_at is not None:
            raise RoomClosed()
        return room

    def _facilitator(self, conn: Connection, code: str, token: object) -> Room:
        room, fh = self._room(conn, code)
        if not isinstance(token, str) or not hmac.compare_digest(fh, token_hash(token)):
            raise NotAllowed("Alleen de begeleider van deze sessie (met de begeleiderslink) kan dit doen.")
        return room

    def _participant_id(self, conn: Connection, code: str, token: object) -> tuple[int, str]:
        if not isinstance(token, str) or not token:
            raise NotAllowed()
        row = conn.execute(
            sa.select(participants.c.id, participants.c.org_type)
            .where(participants.c.token_hash == token_hash(token), participants.c.room_code == code)
        ).first()
        if row is None:
            raise NotAllowed("Deze deelnemerslink hoort niet bij deze sessie. Meld u opnieuw aan met de code.")
        return row[0], row[1]

    # --- rooms -------------------------------------------------------------------------------

    def create_room(self, title: str = "Werksessie", age_min: int = DEFAULT_AGE_MIN,
                    age_max: int = DEFAULT_AGE_MAX, ttl_days: float | None = None) -> tuple[Room, str]:
        """A new open room and its facilitator token (shown once; only its hash is stored)."""
        title = clean_text(title, "Titel", MAX_TITLE_CHARS) or "Werksessie"
        age_min, age_max = validate_ages(age_min, age_max)
        now = self.clock()
        expires = now + dt.timedelta(days=ttl_days if ttl_days is not None else self.ttl_days)
        token = secrets.token_urlsafe(24)
        self.purge_expired()
        for _ in range(8):
            code = new_code()
            try:
                with self._tx(write=True) as conn:
                    conn.execute(rooms.insert().values(
                        code=code, title=title, facilitator_hash=token_hash(token), created_at=now,
                        expires_at=expires, closed_at=None, age_min=age_min, age_max=age_max))
                return Room(code, title, now, expires, None, age_min, age_max), token
            except StorageUnavailable as exc:
                if not isinstance(exc.__context__, IntegrityError):
                    raise
        raise StorageUnavailable("Er kon geen vrije sessiecode worden gevonden. Probeer het opnieuw.")

    def get_room(self, code: str) -> Room:
        """The room (open or closed); RoomNotFound / RoomExpired otherwise."""
        with self._tx() as conn:
            return self._live_room(conn, code)[0]

    def is_facilitator(self, code: str, token: str) -> bool:
        """Whether ``token`` is this room's facilitator token (constant-time compare)."""
        try:
            with self._tx() as conn:
                self._facilitator(conn, code, token)
            return True
        except (NotAllowed, RoomNotFound):
            return False

    def close_room(self, code: str, facilitator_token: str) -> Room:
        """No more joins or answers; results stay readable. NotAllowed for any other token."""
        with self._tx(write=True) as conn:
            room = self._facilitator(conn, code, facilitator_token)
            if room.closed_at is None:
                conn.execute(rooms.update().where(rooms.c.code == room.code).values(closed_at=self.clock()))
            return self._room(conn, room.code)[0]

    def reopen_room(self, code: str, facilitator_token: str) -> Room:
        """Undo ``close_room``: answers and joins are possible again (until the room expires).
        Only with the facilitator token (NotAllowed otherwise); RoomExpired when it expired."""
        with self._tx(write=True) as conn:
            room = self._facilitator(conn, code, facilitator_token)
            if room.is_expired(self.clock()):
                raise RoomExpired()
            if room.closed_at is not None:
                conn.execute(rooms.update().where(rooms.c.code == room.code).values(closed_at=None))
            return self._room(conn, room.code)[0]

    def delete_room(self, code: str, facilitator_token: str) -> None:
        """Delete the room with all participants and answers. NotAllowed for any other token."""
        with self._tx(write=True) as conn:
            room = self._facilitator(conn, code, facilitator_token)
            self._delete(conn, [room.code])

    def set_ages(self, code: str, facilitator_token: str, age_min: int, age_max: int) -> Room:
        """Change the age range used for the Aanbeveler profile."""
        age_min, age_max = validate_ages(age_min, age_max)
        with self._tx(write=True) as conn:
            room = self._facilitator(conn, code, facilitator_token)
            conn.execute(rooms.update().where(rooms.c.code == room.code).values(age_min=age_min, age_max=age_max))
            return self._room(conn, room.code)[0]

    def purge_expired(self) -> int:
        """Delete rooms that expired more than PURGE_AFTER_DAYS ago; returns how many."""
        limit = self.clock() - dt.timedelta(days=PURGE_AFTER_DAYS)
        with self._tx(write=True) as conn:
            codes = list(conn.execute(sa.select(rooms.c.code).where(rooms.c.expires_at < limit)).scalars())
            self._delete(conn, codes)
        return len(codes)

    @staticmethod
    def _delete(conn: Connection, codes: list[str]) -> None:
        if not codes:
            return
        conn.execute(answers_table.delete().where(answers_table.c.room_code.in_(codes)))
        conn.execute(participants.delete().where(participants.c.room_code.in_(codes)))
        conn.execute(rooms.delete().where(rooms.c.code.in_(codes)))

    # --- participants and answers ------------------------------------------------------------

    def join(self, code: str, org_type: str) -> str:
        """A new participant token (anonymous; only its hash is stored)."""
        if org_type not in ORG_TYPES:
            raise WerksessieError("Organisatie: kies een van de soorten organisatie.")
        token = secrets.token_urlsafe(24)
        with self._tx(write=True) as conn:
            room = self._open_room(conn, code)
            n = conn.execute(sa.select(sa.func.count()).select_from(participants)
                             .where(participants.c.room_code == room.code)).scalar_one()
            if n >= MAX_PARTICIPANTS:
                raise WerksessieError(f"Deze sessie is vol (hoogstens {MAX_PARTICIPANTS} deelnemers).")
            conn.execute(participants.insert().values(
                room_code=room.code, token_hash=token_hash(token), org_type=org_type, joined_at=self.clock()))
        return token

    def participant(self, code: str, token: str) -> tuple[str, Answer | None]:
        """(org type, saved answer or None) for a participant token of this room; NotAllowed otherwise."""
        with self._tx() as conn:
            room, _ = self._live_room(conn, code)
            pid, org = self._participant_id(conn, room.code, token)
            row = conn.execute(sa.select(answers_table.c.payload, answers_table.c.updated_at)
                               .where(answers_table.c.participant_id == pid)).first()
        return org, (None if row is None else _answer(org, row[0], row[1]))

    def save_answer(self, code: str, token: str, answer: Answer) -> Answer:
        """Save (or replace) this participant's one answer; returns it with ``updated_at``.

        Pass an ``Answer`` from ``validate_answer``. One upsert in one transaction: never a
        second answer for the same participant, also when two saves race."""
        if not isinstance(answer, Answer) or answer.org_type not in ORG_TYPES:
            raise WerksessieError("Het antwoord is niet geldig.")
        now = self.clock()
        payload = json.dumps({"factors": list(answer.factors), "top": list(answer.top),
                              "doing": list(answer.doing), "own": list(answer.own),
                              "scan": dict(answer.scan)}, ensure_ascii=False)
        if len(payload) > MAX_PAYLOAD_CHARS:
            raise WerksessieError("Het antwoord is te lang.")
        with self._tx(write=True) as conn:
            room = self._open_room(conn, code)
            pid, org = self._participant_id(conn, room.code, token)
            if org != answer.org_type:
                conn.execute(participants.update().where(participants.c.id == pid).values(org_type=answer.org_type))
            conn.execute(self._upsert(pid, room.code, payload, now))
        return Answer(answer.org_type, answer.factors, answer.top, answer.doing, answer.own, answer.scan, now)

    def _upsert(self, pid: int, code: str, payload: str, now: dt.datetime):
        if self.backend == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        elif self.backend == "sqlite":
            from sqlalchemy.dialects.sqlite import insert
        else:  # pragma: no cover - only SQLite and PostgreSQL are supported
            raise StorageUnavailable("Deze soort database wordt niet ondersteund (alleen SQLite en PostgreSQL).")
        stmt = insert(answers_table).values(participant_id=pid, room_code=code, payload=payload, updated_at=now)
        return stmt.on_conflict_do_update(
            index_elements=[answers_table.c.participant_id],
            set_={"payload": stmt.excluded.payload, "updated_at": stmt.excluded.updated_at},
        )

    def answers(self, code: str) -> list[Answer]:
        """All saved answers of the room, in order of joining."""
        with self._tx() as conn:
            room, _ = self._room(conn, code)
            rows = conn.execute(
                sa.select(participants.c.org_type, answers_table.c.payload, answers_table.c.updated_at)
                .join(answers_table, answers_table.c.participant_id == participants.c.id)
                .where(participants.c.room_code == room.code).order_by(participants.c.id)
            ).all()
        return [_answer(org, payload, at) for org, payload, at in rows]

    def counts(self, code: str) -> tuple[int, int]:
        """(joined, answered)."""
        with self._tx() as conn:
            room, _ = self._room(conn, code)
            joined = conn.execute(sa.select(sa.func.count()).select_from(participants)
                                  .where(participants.c.room_code == room.code)).scalar_one()
            answered = conn.execute(sa.select(sa.func.count()).select_from(answers_table)
                                    .where(answers_table.c.room_code == room.code)).scalar_one()
        return joined, answered


def _answer(org: str, payload: str, updated_at: dt.datetime) -> Answer:
    data = json.loads(payload)
    scan = data.get("scan") or {}
    return Answer(org, tuple(data.get("factors", ())), tuple(data.get("top", ())),
                  tuple(data.get("doing", ())), tuple(data.get("own", ())),
                  tuple((k, v) for k, v in scan.items() if isinstance(v, int)), _utc(updated_at))
