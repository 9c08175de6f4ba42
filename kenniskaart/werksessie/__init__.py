"""Werksessie: a live room in which a workshop builds its municipality's risk profile.

``room``: pure logic (validation, counting, ranking, profile/plan, export rows).
``store``: storage in SQL (SQLite by default, PostgreSQL via ``KENNISKAART_DATABASE_URL``);
``tables``: its tables, room codes and stored answers.
"""

from .errors import SchemaMismatch
from .export import EXPORT_COLUMNS, export_csv, export_header, export_rows, export_xlsx
from .room import (
    ORG_TYPES,
    Answer,
    NotAllowed,
    Room,
    RoomClosed,
    RoomExpired,
    RoomNotFound,
    RoomSummary,
    StorageUnavailable,
    WerksessieError,
    fit_title,
    room_top_factors,
    summarise,
    to_plan,
    to_profile,
    validate_answer,
)
from .store import Store
from .tables import SCHEMA_VERSION

__all__ = [
    "EXPORT_COLUMNS", "ORG_TYPES", "SCHEMA_VERSION", "Answer", "NotAllowed", "Room", "RoomClosed", "RoomExpired",
    "RoomNotFound", "RoomSummary", "SchemaMismatch", "StorageUnavailable", "Store", "WerksessieError",
    "export_csv", "export_header", "export_rows", "export_xlsx", "fit_title", "room_top_factors", "summarise",
    "to_plan", "to_profile", "validate_answer",
]
