"""The werkmap online's rules, apart from SQL (pure: no Streamlit, no database).

The stored document IS the werkmap file (``kenniskaart.werkmap.werkmap_to_json``): whatever the
werkmap gains later (a plan van aanpak, measurements) is saved online without a change here.
Links carry a secret token; a read token and an edit token are independent random values. The
edit holder gets the read token back from ``seal``/``unseal`` (the read token XOR a key derived
from the edit token), so a read token never leads to the edit token.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
import re
import secrets
from dataclasses import dataclass

from ..nl import plural
from ..storage import env_days
from ..werkmap import MAX_WERKMAP_BYTES, WERKMAP_FORMAT, werkmap_to_json

TOKEN_BYTES = 24
TOKEN_CHARS = 32
"""A token: 24 random bytes, URL-safe base64 (192 bits)."""
_TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{32}$")
MAX_ONLINE_BYTES = MAX_WERKMAP_BYTES
"""A werkmap larger than the file import accepts is refused online too (it could not be
exported and opened again)."""
MAX_NOTE_CHARS = 120
DEFAULT_RETENTION_DAYS = 180
RETENTION_ENV = "KENNISKAART_WERKMAP_DAYS"
TOUCH_AFTER = dt.timedelta(hours=1)
"""Opening a werkmap records its use at most this often (a read is not a write every time)."""
_SEAL_LABEL = b"kenniskaart-werkmap-leeslink|"


# --- errors (Dutch messages meant for the user) ----------------------------------------------


class WerkmapOnlineError(Exception):
    """Base error; ``str(e)`` is a Dutch message for the user."""


class LinkNotFound(WerkmapOnlineError):
    def __init__(self, msg: str | None = None):
        super().__init__(msg or (
            "Deze werkmaplink bestaat niet (meer). Controleer of de link volledig is gekopieerd; "
            "een online werkmap wordt verwijderd als hij lang niet is gebruikt of als de eigenaar "
            "hem verwijderde."))


class ReadOnly(WerkmapOnlineError):
    def __init__(self, msg: str = ("Met een leeslink kunt u deze werkmap alleen bekijken: er wordt niets "
                                   "bewaard. Vraag de bewerklink aan wie de werkmap deelde, of bewaar een "
                                   "eigen kopie.")):
        super().__init__(msg)


class TooLarge(WerkmapOnlineError):
    def __init__(self, size: int, limit: int = MAX_ONLINE_BYTES):
        super().__init__(
            f"De werkmap is te groot om online te bewaren ({size // 1000} kB; hoogstens {limit // 1000} kB). "
            "Er is niets bewaard. Maak notities of eigen interventies korter, of download de werkmap als bestand.")


class NotAWerkmap(WerkmapOnlineError):
    def __init__(self):
        super().__init__("Dit is geen werkmap van de kenniskaart: er is niets bewaard.")


class StorageUnavailable(WerkmapOnlineError):
    def __init__(self, msg: str = ("De online opslag van werkmappen is nu niet bereikbaar: uw laatste "
                                   "wijziging is niet bewaard. Uw werk staat nog op deze pagina; download "
                                   "de werkmap als bestand of probeer het over een minuut opnieuw.")):
        super().__init__(msg)


class SchemaMismatch(StorageUnavailable):
    def __init__(self, found: str, expected: int):
        super().__init__(
            f"De database van de online werkmappen heeft schemaversie {found}, deze app verwacht versie "
            f"{expected}. Werk de app bij of gebruik een andere database.")


@dataclass(frozen=True)
class VersionInfo:
    """One saved version: its number, when, a short note, size and content hash."""

    version: int
    saved_at: dt.datetime
    note: str
    size: int
    doc_hash: str


class Conflict(WerkmapOnlineError):
    """A save based on a version that is no longer the newest: nothing was written."""

    def __init__(self, base_version: int, theirs: VersionInfo, their_document: bytes):
        self.base_version = base_version
        self.theirs = theirs
        self.their_document = their_document
        super().__init__(
            f"Iemand anders heeft deze werkmap intussen bewaard (versie {theirs.version}); u werkte verder "
            f"op versie {base_version}. Er is niets overschreven: hieronder staan beide versies; kies welke "
            "verder gaat.")


@dataclass(frozen=True)
class Opened:
    """A werkmap opened by its link: the newest version, and what the link may do."""

    can_edit: bool
    version: int
    document: bytes
    saved_at: dt.datetime
    last_used_at: dt.datetime
    read_token: str | None
    """Only for the edit link's holder (to share the read link)."""


@dataclass(frozen=True)
class Created:
    edit_token: str
    read_token: str
    version: int
    saved_at: dt.datetime


# --- tokens ----------------------------------------------------------------------------------


def new_token() -> str:
    return base64.urlsafe_b64encode(secrets.token_bytes(TOKEN_BYTES)).decode("ascii")


def is_token(token: object) -> bool:
    """Whether ``token`` has the form of a werkmap token (no database needed to refuse junk)."""
    return isinstance(token, str) and bool(_TOKEN_RE.match(token))


def _seal_key(edit_token: str) -> bytes:
    return hashlib.sha256(_SEAL_LABEL + edit_token.encode("ascii")).digest()[:TOKEN_BYTES]


def seal(read_token: str, edit_token: str) -> str:
    """The read token, hidden with a key only the edit token gives (hex, stored)."""
    raw = base64.urlsafe_b64decode(read_token)
    return bytes(a ^ b for a, b in zip(raw, _seal_key(edit_token), strict=True)).hex()


def unseal(sealed: str, edit_token: str) -> str | None:
    try:
        raw = bytes.fromhex(sealed)
    except (ValueError, TypeError):
        return None
    if len(raw) != TOKEN_BYTES:
        return None
    plain = bytes(a ^ b for a, b in zip(raw, _seal_key(edit_token), strict=True))
    return base64.urlsafe_b64encode(plain).decode("ascii")


def decode_token(token: str) -> bytes | None:
    try:
        return base64.urlsafe_b64decode(token) if is_token(token) else None
    except (binascii.Error, ValueError):
        return None


# --- documents, notes, retention -------------------------------------------------------------


def doc_hash(document: bytes) -> str:
    return hashlib.sha256(document).hexdigest()


def check_document(document: object, limit: int = MAX_ONLINE_BYTES) -> bytes:
    """The document when it is a werkmap (JSON with the werkmap's 'formaat') within ``limit``
    bytes; TooLarge or NotAWerkmap otherwise. The content itself is checked on opening."""
    if not isinstance(document, bytes):
        raise NotAWerkmap()
    if len(document) > limit:
        raise TooLarge(len(document), limit)
    try:
        data = json.loads(document.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise NotAWerkmap() from None
    if not isinstance(data, dict) or data.get("formaat") != WERKMAP_FORMAT:
        raise NotAWerkmap()
    return document


def clean_note(note: object) -> str:
    """One line of plain text, at most MAX_NOTE_CHARS (control characters dropped)."""
    text = " ".join("".join(c if c.isprintable() else " " for c in str(note or "")).split())
    return text[:MAX_NOTE_CHARS]


def retention_days() -> float:
    """Days a werkmap is kept after its last use (``KENNISKAART_WERKMAP_DAYS``, default 180)."""
    return env_days(RETENTION_ENV, DEFAULT_RETENTION_DAYS)


def _parts(document: bytes | None) -> dict:
    """The document's fields (None: an empty werkmap)."""
    if not document:
        document = werkmap_to_json(None, [], {}, None)
    try:
        data = json.loads(document.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


def _notes(data: dict) -> dict[str, str]:
    """The shortlist in order: intervention id -> note."""
    entries = data.get("shortlist")
    if not isinstance(entries, list):
        entries = []
    return {str(e.get("interventie")): str(e.get("notitie") or "") for e in entries if isinstance(e, dict)}


def describe_change(before: bytes | None, after: bytes) -> str:
    """A short Dutch note of what changed between two werkmap documents ('Shortlist: 3
    interventies; notities gewijzigd'), from the werkmap's own fields; a part the werkmap gains
    later (e.g. 'plan_van_aanpak') is named by its key."""
    old, new = _parts(before), _parts(after)
    changes: list[str] = []
    if old.get("profiel") != new.get("profiel"):
        changes.append("profiel gewijzigd" if new.get("profiel") else "profiel gewist")
    old_notes, new_notes = _notes(old), _notes(new)
    if list(old_notes) != list(new_notes):
        n = len(new_notes)
        changes.append("volgorde van de shortlist gewijzigd" if sorted(old_notes) == sorted(new_notes)
                       else f"shortlist: {plural(n, 'interventie', 'interventies')}")
    if any(old_notes.get(i, "") != note for i, note in new_notes.items() if i in old_notes or note):
        changes.append("notities gewijzigd")
    rest = [k for k in sorted(set(old) | set(new)) if k not in ("formaat", "versie", "profiel", "shortlist")]
    for key in rest:
        if old.get(key) != new.get(key):
            changes.append(f"{key.replace('_', ' ')} gewijzigd")
    text = "; ".join(changes) or "geen inhoudelijke wijziging"
    return clean_note(text[:1].upper() + text[1:])
