"""Werksessie storage: rooms, participants and answers in SQL (SQLAlchemy Core; no Streamlit).

The database, its engine, transactions and schema check are ``kenniskaart.storage`` (shared with
the werkmap online): SQLite file by default, PostgreSQL when ``KENNISKAART_DATABASE_URL`` is
set; the tables are ``tables``. Only SHA-256 hashes of tokens are stored; no names, no IP
addresses. Every database error leaves as ``StorageUnavailable`` (a Dutch message), never as a
raw SQLAlchemy error.
"""

from __future__ import annotations

import datetime as dt
import hmac
import secrets
from collections.abc import Callable

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from ..storage import SqlStore, env_days, token_hash, upsert_insert, utc
from .errors import (
    NotAllowed,
    RoomClosed,
    RoomExpired,
    RoomNotFound,
    SchemaMismatch,
    StorageUnavailable,
    WerksessieError,
)
from .room import (
    DEFAULT_AGE_MAX,
    DEFAULT_AGE_MIN,
    MAX_TITLE_CHARS,
    ORG_TYPES,
    Answer,
    Room,
    clean_text,
    utcnow,
    validate_ages,
)
from .tables import (
    MAX_PAYLOAD_CHARS,
    SCHEMA_VERSION,
    answer_from_row,
    answer_payload,
    answers_table,
    meta_table,
    metadata,
    new_code,
    normalise_code,
    participants,
    rooms,
)

DEFAULT_TTL_DAYS = 7
PURGE_AFTER_DAYS = 30
"""Rooms are deleted this many days after they expired (data minimisation)."""
MAX_PARTICIPANTS = 500


def _default_ttl_days() -> float:
    return env_days("KENNISKAART_ROOM_DAYS", DEFAULT_TTL_DAYS)


class Store(SqlStore):
    """Rooms, participants and answers. Thread-safe; one per process is enough."""

    metadata = metadata
    meta_table = meta_table
    schema_version = SCHEMA_VERSION
    domain_error = WerksessieError
    unavailable_error = StorageUnavailable
    mismatch_error = SchemaMismatch
    full_message = ("De opslag van werksessies is vol: er kan nu niets worden bewaard. "
                    "Meld dit bij de beheerder van de kenniskaart.")
    open_failed_message = "De opslag van werksessies kan niet worden geopend (map of database-adres klopt niet)."
    label = "werksessie"

    def __init__(self, engine: Engine, clock: Callable[[], dt.datetime] = utcnow,
                 ttl_days: float | None = None):
        super().__init__(engine, clock)
        self.ttl_days = ttl_days if ttl_days is not None else _default_ttl_days()

    # --- rooms: plumbing ---------------------------------------------------------------------

    def _room(self, conn: Connection, code: str) -> tuple[Room, str]:
        row = conn.execute(sa.select(rooms).where(rooms.c.code == normalise_code(code))).mappings().first()
        if row is None:
            raise RoomNotFound()
        room = Room(row["code"], row["title"], utc(row["created_at"]), utc(row["expires_at"]),
                    utc(row["closed_at"]), row["age_min"], row["age_max"])
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
        return self._purge(rooms.c.code, rooms.c.expires_at, self.clock() - dt.timedelta(days=PURGE_AFTER_DAYS))

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
        return org, (None if row is None else answer_from_row(org, row[0], row[1]))

    def save_answer(self, code: str, token: str, answer: Answer) -> Answer:
        """Save (or replace) this participant's one answer; returns it with ``updated_at``.

        Pass an ``Answer`` from ``validate_answer``. One upsert in one transaction: never a
        second answer for the same participant, also when two saves race."""
        if not isinstance(answer, Answer) or answer.org_type not in ORG_TYPES:
            raise WerksessieError("Het antwoord is niet geldig.")
        now = self.clock()
        payload = answer_payload(answer)
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
        try:
            insert = upsert_insert(self.backend)
        except ValueError as exc:  # pragma: no cover - only SQLite and PostgreSQL are supported
            raise StorageUnavailable(str(exc)) from None
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
        return [answer_from_row(org, payload, at) for org, payload, at in rows]

    def counts(self, code: str) -> tuple[int, int]:
        """(joined, answered)."""
        with self._tx() as conn:
            room, _ = self._room(conn, code)
            joined = conn.execute(sa.select(sa.func.count()).select_from(participants)
                                  .where(participants.c.room_code == room.code)).scalar_one()
            answered = conn.execute(sa.select(sa.func.count()).select_from(answers_table)
                                    .where(answers_table.c.room_code == room.code)).scalar_one()
        return joined, answered

