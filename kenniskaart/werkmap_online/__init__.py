"""The werkmap online: a session's werkmap saved on every change under a private link.

``rules``: pure rules (tokens, documents, notes, retention, Dutch errors).
``store``: SQL storage (same database as the werksessie, ``kenniskaart.storage``).
"""

from .rules import (
    MAX_ONLINE_BYTES,
    Conflict,
    Created,
    LinkNotFound,
    NotAWerkmap,
    Opened,
    ReadOnly,
    SchemaMismatch,
    StorageUnavailable,
    TooLarge,
    VersionInfo,
    WerkmapOnlineError,
    describe_change,
    doc_hash,
    is_token,
    retention_days,
)
from .store import SCHEMA_VERSION, WerkmapStore

__all__ = [
    "MAX_ONLINE_BYTES", "SCHEMA_VERSION", "Conflict", "Created", "LinkNotFound", "NotAWerkmap", "Opened",
    "ReadOnly", "SchemaMismatch", "StorageUnavailable", "TooLarge", "VersionInfo", "WerkmapOnlineError",
    "WerkmapStore", "describe_change", "doc_hash", "is_token", "retention_days",
]
