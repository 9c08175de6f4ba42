"""The werksessie's tables in the shared database (``kenniskaart.storage``), its room codes and
how an answer is stored (JSON in one text column). No Streamlit, no transactions: ``store``
reads and writes these tables."""

from __future__ import annotations

import datetime as dt
import json
import secrets

import sqlalchemy as sa

from ..storage import meta_table as make_meta_table
from ..storage import utc
from .errors import RoomNotFound
from .room import MAX_TITLE_CHARS, Answer

SCHEMA_VERSION = 1
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
"""Unambiguous: no 0/O, 1/I/L."""
CODE_LENGTH = 6
MAX_PAYLOAD_CHARS = 20_000
"""A validated answer is far smaller (138 factors, 30 items, 5 x 80 characters, 16 scan steps)."""

metadata = sa.MetaData()
meta_table = make_meta_table(metadata, "werksessie_meta")
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
    sa.Column("room_code", sa.String(CODE_LENGTH), sa.ForeignKey(rooms.c.code, ondelete="CASCADE"),
              nullable=False, index=True),
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


def new_code() -> str:
    """A random room code (``secrets``): 31^6, about 887 million codes."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(code: object) -> str:
    """Upper case without spaces or hyphens; RoomNotFound when it cannot be a room code."""
    text = "".join(str(code or "").split()).replace("-", "").upper()
    if len(text) != CODE_LENGTH or any(c not in CODE_ALPHABET for c in text):
        raise RoomNotFound()
    return text


def answer_payload(answer: Answer) -> str:
    """An answer as the JSON text of its row (the org type has its own column)."""
    return json.dumps({"factors": list(answer.factors), "top": list(answer.top),
                       "doing": list(answer.doing), "own": list(answer.own),
                       "scan": dict(answer.scan)}, ensure_ascii=False)


def answer_from_row(org: str, payload: str, updated_at: dt.datetime) -> Answer:
    """The ``Answer`` of a stored row (scan values that are not whole numbers are left out)."""
    data = json.loads(payload)
    scan = data.get("scan") or {}
    return Answer(org, tuple(data.get("factors", ())), tuple(data.get("top", ())),
                  tuple(data.get("doing", ())), tuple(data.get("own", ())),
                  tuple((k, v) for k, v in scan.items() if isinstance(v, int)), utc(updated_at))
