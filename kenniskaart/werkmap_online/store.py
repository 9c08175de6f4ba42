"""The werkmap online in SQL: werkmaps, their links (hashed tokens) and every saved version.

Same database as the werksessie (``kenniskaart.storage``). A save carries the version it was
based on; ``UPDATE ... WHERE version = base`` lets exactly one of two concurrent saves of the
same version through (SQLite: the write lock; PostgreSQL: the row lock, then the condition
is checked again), the other gets ``Conflict`` with the newest version and writes nothing.
A save is one row updated and one version row inserted; an unchanged document writes nothing.
"""

from __future__ import annotations

import datetime as dt
import hmac
from collections.abc import Callable

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from ..storage import SqlStore, token_hash, utc, utcnow
from ..storage import meta_table as make_meta_table
from .rules import (
    TOUCH_AFTER,
    Conflict,
    Created,
    LinkNotFound,
    Opened,
    ReadOnly,
    SchemaMismatch,
    StorageUnavailable,
    VersionInfo,
    WerkmapOnlineError,
    check_document,
    clean_note,
    doc_hash,
    is_token,
    new_token,
    retention_days,
    seal,
    unseal,
)

metadata = sa.MetaData()
meta_table = make_meta_table(metadata, "werkmap_meta")
werkmaps = sa.Table(
    "werkmap_docs", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("edit_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("read_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("read_sealed", sa.String(64), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("doc_hash", sa.String(64), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=False, index=True),
)
versions = sa.Table(
    "werkmap_versions", metadata,
    sa.Column("werkmap_id", sa.Integer, sa.ForeignKey(werkmaps.c.id, ondelete="CASCADE"), primary_key=True),
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("document", sa.Text, nullable=False),
    sa.Column("doc_hash", sa.String(64), nullable=False),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("note", sa.String(200), nullable=False),
    sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
)


SCHEMA_VERSION = 1
MAX_HISTORY = 500


class WerkmapStore(SqlStore):
    """Online werkmaps. Thread-safe; one per process is enough."""

    metadata = metadata
    meta_table = meta_table
    schema_version = SCHEMA_VERSION
    domain_error = WerkmapOnlineError
    unavailable_error = StorageUnavailable
    mismatch_error = SchemaMismatch
    full_message = ("De online opslag van werkmappen is vol: uw laatste wijziging is niet bewaard. "
                    "Download de werkmap als bestand en meld dit bij de beheerder.")
    open_failed_message = ("De online opslag van werkmappen kan niet worden geopend "
                           "(map of database-adres klopt niet).")
    label = "werkmap online"

    def __init__(self, engine: Engine, clock: Callable[[], dt.datetime] = utcnow,
                 retention: float | None = None):
        super().__init__(engine, clock)
        self.retention = dt.timedelta(days=retention if retention is not None else retention_days())

    # --- plumbing ----------------------------------------------------------------------------

    def _row(self, conn: Connection, token: object) -> tuple[sa.RowMapping, bool]:
        """The werkmap a link opens and whether it is the edit link; LinkNotFound otherwise
        (also for a werkmap past its retention)."""
        if not is_token(token):
            raise LinkNotFound()
        h = token_hash(token)  # type: ignore[arg-type]
        row = conn.execute(sa.select(werkmaps).where(
            sa.or_(werkmaps.c.edit_hash == h, werkmaps.c.read_hash == h))).mappings().first()
        if row is None:
            raise LinkNotFound()
        if utc(row["last_used_at"]) + self.retention < self.clock():
            raise LinkNotFound(f"Deze online werkmap is verwijderd: hij was langer dan {self.retention.days} "
                               "dagen niet gebruikt.")
        return row, hmac.compare_digest(row["edit_hash"], h)

    def _editable(self, conn: Connection, token: object) -> sa.RowMapping:
        row, can_edit = self._row(conn, token)
        if not can_edit:
            raise ReadOnly()
        return row

    @staticmethod
    def _saved(conn: Connection, werkmap_id: int, version: int) -> tuple[VersionInfo, bytes] | None:
        row = conn.execute(sa.select(versions).where(
            versions.c.werkmap_id == werkmap_id, versions.c.version == version)).mappings().first()
        if row is None:
            return None
        info = VersionInfo(row["version"], utc(row["saved_at"]), row["note"], row["size"], row["doc_hash"])
        return info, row["document"].encode("utf-8")

    def _insert_version(self, conn: Connection, werkmap_id: int, version: int, document: bytes,
                        digest: str, note: str, now: dt.datetime) -> None:
        conn.execute(versions.insert().values(
            werkmap_id=werkmap_id, version=version, document=document.decode("utf-8"), doc_hash=digest,
            size=len(document), note=clean_note(note) or "Bewaard", saved_at=now))

    # --- werkmaps ----------------------------------------------------------------------------

    def create(self, document: bytes, note: str = "Werkmap online gezet") -> Created:
        """A new werkmap with its first version; an edit token and an independent read token
        (shown to the caller once; only hashes and the sealed read token are stored)."""
        document = check_document(document)
        digest = doc_hash(document)
        edit, read = new_token(), new_token()
        now = self.clock()
        self.purge_expired()
        with self._tx(write=True) as conn:
            werkmap_id = conn.execute(werkmaps.insert().values(
                edit_hash=token_hash(edit), read_hash=token_hash(read), read_sealed=seal(read, edit),
                version=1, doc_hash=digest, created_at=now, last_used_at=now)).inserted_primary_key[0]  # type: ignore[index]
            self._insert_version(conn, werkmap_id, 1, document, digest, note, now)
        return Created(edit, read, 1, now)

    def open(self, token: str) -> Opened:
        """The newest version and what this link may do; records the use (at most hourly)."""
        now = self.clock()
        with self._tx() as conn:
            row, can_edit = self._row(conn, token)
            found = self._saved(conn, row["id"], row["version"])
        if found is None:  # pragma: no cover - a version row is written with every version
            raise LinkNotFound()
        info, document = found
        last_used = utc(row["last_used_at"])
        if now - last_used > TOUCH_AFTER:
            with self._tx(write=True) as conn:
                conn.execute(werkmaps.update().where(werkmaps.c.id == row["id"]).values(last_used_at=now))
            last_used = now
        read = unseal(row["read_sealed"], token) if can_edit else None
        return Opened(can_edit, info.version, document, info.saved_at, last_used, read)

    def save(self, token: str, base_version: int, document: bytes, note: str = "") -> VersionInfo:
        """Save ``document`` as the version after ``base_version``. The same document as the
        newest version writes nothing (that version is returned); a newer version than
        ``base_version`` raises Conflict (nothing written); a read link raises ReadOnly."""
        document = check_document(document)
        digest = doc_hash(document)
        now = self.clock()
        with self._tx(write=True) as conn:
            row = self._editable(conn, token)
            if row["doc_hash"] == digest:
                return self._saved(conn, row["id"], row["version"])[0]  # type: ignore[index]
            if row["version"] != base_version:
                self._conflict(conn, row["id"], row["version"], base_version)
            done = conn.execute(werkmaps.update().where(
                werkmaps.c.id == row["id"], werkmaps.c.version == base_version,
            ).values(version=base_version + 1, doc_hash=digest, last_used_at=now))
            if done.rowcount != 1:  # another save got there first (PostgreSQL: after its commit)
                newest = conn.execute(sa.select(werkmaps.c.version).where(werkmaps.c.id == row["id"])).scalar()
                if newest is None:
                    raise LinkNotFound()
                self._conflict(conn, row["id"], newest, base_version)
            self._insert_version(conn, row["id"], base_version + 1, document, digest, note, now)
        return VersionInfo(base_version + 1, now, clean_note(note) or "Bewaard", len(document), digest)

    def _conflict(self, conn: Connection, werkmap_id: int, newest: int, base_version: int) -> None:
        found = self._saved(conn, werkmap_id, newest)
        if found is None:  # pragma: no cover
            raise LinkNotFound()
        raise Conflict(base_version, found[0], found[1])

    def history(self, token: str, limit: int = MAX_HISTORY) -> list[VersionInfo]:
        """Every saved version, newest first (edit and read links)."""
        with self._tx() as conn:
            row, _ = self._row(conn, token)
            rows = conn.execute(
                sa.select(versions.c.version, versions.c.saved_at, versions.c.note, versions.c.size,
                          versions.c.doc_hash)
                .where(versions.c.werkmap_id == row["id"]).order_by(versions.c.version.desc()).limit(limit)
            ).all()
        return [VersionInfo(v, utc(at), note, size, h) for v, at, note, size, h in rows]

    def version_document(self, token: str, version: int) -> bytes:
        """The document of one saved version (edit and read links)."""
        with self._tx() as conn:
            row, _ = self._row(conn, token)
            found = self._saved(conn, row["id"], int(version))
        if found is None:
            raise WerkmapOnlineError(f"Versie {version} van deze werkmap bestaat niet.")
        return found[1]

    def new_read_link(self, edit_token: str) -> str:
        """Replace the read link (the old one stops working); only with the edit link."""
        read = new_token()
        with self._tx(write=True) as conn:
            row = self._editable(conn, edit_token)
            conn.execute(werkmaps.update().where(werkmaps.c.id == row["id"]).values(
                read_hash=token_hash(read), read_sealed=seal(read, edit_token)))
        return read

    def delete(self, edit_token: str) -> None:
        """Delete the werkmap with every version; only with the edit link."""
        with self._tx(write=True) as conn:
            row = self._editable(conn, edit_token)
            self._delete(conn, [row["id"]])

    def purge_expired(self) -> int:
        """Delete werkmaps not used for longer than the retention; returns how many."""
        return self._purge(werkmaps.c.id, werkmaps.c.last_used_at, self.clock() - self.retention)

    @staticmethod
    def _delete(conn: Connection, ids: list[int]) -> None:
        if ids:
            conn.execute(versions.delete().where(versions.c.werkmap_id.in_(ids)))
            conn.execute(werkmaps.delete().where(werkmaps.c.id.in_(ids)))
