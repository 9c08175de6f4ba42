"""Werksessie storage against SQLite (a file under tmp_path) and PostgreSQL (see tests/support/pg.py)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import threading

import pytest
import sqlalchemy as sa

from kenniskaart.storage import SQLITE_BUSY_MS
from kenniskaart.werksessie import store as store_mod
from kenniskaart.werksessie.errors import SchemaMismatch
from kenniskaart.werksessie.room import (
    Answer,
    NotAllowed,
    RoomClosed,
    RoomExpired,
    RoomNotFound,
    StorageUnavailable,
    WerksessieError,
    summarise,
    validate_answer,
)
from kenniskaart.werksessie.store import Store
from kenniskaart.werksessie.tables import CODE_ALPHABET, normalise_code
from support import pg
from support.stores import T0, Clock, at_once, store_factory


@pytest.fixture(params=pg.backends())
def make_store(request, tmp_path, monkeypatch):
    """A factory of stores on ONE database; every call is a new Engine (an app restart)."""
    yield from store_factory(request, tmp_path, monkeypatch, Store, "KENNISKAART_ROOM_DAYS")


@pytest.fixture
def answer(kk):
    def build(org="gemeente", n=3, top=1, doing=("ajb",), own=()):
        ids = [f.id for f in kk.risk_factors[:n]]  # a room's question is about risks
        return validate_answer(kk, org, ids, ids[:top], doing, own)
    return build


def test_postgresql_available():
    """Without a configured PostgreSQL the PostgreSQL variants are not generated: this test says
    so (skipped, and counted in one line at the end of the run); under KENNISKAART_REQUIRE_POSTGRES=1
    or in CI the run stops before the first test instead (tests/support/pg.py)."""
    url = pg.server_or_skip()
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("select 1").scalar() == 1
    except sa.exc.OperationalError as exc:
        pytest.fail(f"PostgreSQL niet bereikbaar: {exc.orig}")
    finally:
        engine.dispose()


def test_backend_and_sqlite_file(make_store, tmp_path):
    s = make_store()
    assert s.backend == make_store.backend
    _room, _ = s.create_room("Werksessie Zaanstad")
    if make_store.backend == "sqlite":
        assert (tmp_path / "data" / "werksessie.sqlite").is_file()
        with s.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == SQLITE_BUSY_MS
    with s.engine.connect() as conn:
        version = conn.execute(sa.select(store_mod.meta_table.c.value)).scalar()
    assert version == str(store_mod.SCHEMA_VERSION) == "1"


def test_create_join_answer_replace_and_reload(make_store, answer):
    s = make_store()
    room, fac = s.create_room("  Sessie  Oost ", age_min=10, age_max=16)
    assert room.title == "Sessie Oost" and (room.age_min, room.age_max) == (10, 16)
    assert len(room.code) == 6 and set(room.code) <= set(CODE_ALPHABET)
    assert room.is_open() and room.expires_at - room.created_at == dt.timedelta(days=7)
    assert s.get_room(f" {room.code.lower()[:3]} {room.code.lower()[3:]} ") == room
    token = s.join(room.code, "politie")
    assert s.counts(room.code) == (1, 0)
    assert s.participant(room.code, token) == ("politie", None)
    first = s.save_answer(room.code, token, answer("politie", n=3, top=1))
    assert first.updated_at is not None
    second = s.save_answer(room.code, token, answer("onderwijs", n=5, top=3, own=("Buurtvaders",)))
    assert s.counts(room.code) == (1, 1)
    [saved] = s.answers(room.code)
    assert saved == second and saved.org_type == "onderwijs" and len(saved.factors) == 5
    assert saved.own == ("Buurtvaders",) and saved.doing == ("ajb",)
    assert s.participant(room.code, token) == ("onderwijs", second)
    assert s.is_facilitator(room.code, fac) and not s.is_facilitator(room.code, token)


def test_restart_keeps_answers(make_store, answer):
    s = make_store()
    room, fac = s.create_room("Herstart")
    tokens = [s.join(room.code, org) for org in ("gemeente", "politie", "jongerenwerk")]
    for t in tokens:
        s.save_answer(room.code, t, answer(s.participant(room.code, t)[0]))
    s.engine.dispose()
    again = make_store()  # new Store, new Engine, same database
    assert again is not s and again.engine is not s.engine
    assert again.counts(room.code) == (3, 3)
    assert again.participant(room.code, tokens[1])[0] == "politie"
    assert again.is_facilitator(room.code, fac)


def test_closed_room_stops_joins_and_answers(make_store, answer):
    s = make_store()
    room, fac = s.create_room("Sluiten")
    token = s.join(room.code, "gemeente")
    s.save_answer(room.code, token, answer())
    closed = s.close_room(room.code, fac)
    assert closed.closed_at is not None and not closed.is_open()
    with pytest.raises(RoomClosed, match="gesloten"):
        s.save_answer(room.code, token, answer(n=6))
    with pytest.raises(RoomClosed):
        s.join(room.code, "politie")
    assert s.counts(room.code) == (1, 1) and len(s.answers(room.code)[0].factors) == 3
    assert s.participant(room.code, token)[1] is not None  # still readable


def test_participant_token_cannot_close_or_delete(make_store, answer):
    s = make_store()
    room, fac = s.create_room("Rechten")
    other, other_fac = s.create_room("Andere sessie")
    token = s.join(room.code, "jeugdzorg")
    for bad in (token, other_fac, "", "x" * 32, None):
        with pytest.raises(NotAllowed):
            s.close_room(room.code, bad)
        with pytest.raises(NotAllowed):
            s.delete_room(room.code, bad)
        with pytest.raises(NotAllowed):
            s.set_ages(room.code, bad, 8, 12)
    with pytest.raises(NotAllowed):  # a facilitator token is no participant token
        s.save_answer(room.code, fac, answer())
    with pytest.raises(NotAllowed):  # a participant of one room is not one of another
        s.save_answer(other.code, token, answer())
    assert s.get_room(room.code).closed_at is None and s.counts(room.code) == (1, 0)


def test_delete_room_removes_everything(make_store, answer):
    s = make_store()
    room, fac = s.create_room("Weg")
    keep, _ = s.create_room("Blijft")
    t1, t2 = s.join(room.code, "gemeente"), s.join(keep.code, "politie")
    s.save_answer(room.code, t1, answer())
    s.save_answer(keep.code, t2, answer())
    s.delete_room(room.code, fac)
    with pytest.raises(RoomNotFound):
        s.get_room(room.code)
    with pytest.raises(RoomNotFound):
        s.participant(room.code, t1)
    assert s.counts(keep.code) == (1, 1)
    with s.engine.connect() as conn:
        n = conn.execute(sa.select(sa.func.count()).select_from(store_mod.answers_table)).scalar()
        p = conn.execute(sa.select(sa.func.count()).select_from(store_mod.participants)).scalar()
    assert (n, p) == (1, 1)


def test_expired_room_and_ttl(make_store, answer, monkeypatch):
    clock = Clock()
    s = make_store(clock=clock)
    room, fac = s.create_room("Verloopt")
    token = s.join(room.code, "gemeente")
    clock.now = T0 + dt.timedelta(days=7) - dt.timedelta(seconds=1)
    s.save_answer(room.code, token, answer())
    clock.now = T0 + dt.timedelta(days=7)
    for call in (lambda: s.get_room(room.code), lambda: s.join(room.code, "politie"),
                 lambda: s.save_answer(room.code, token, answer()), lambda: s.participant(room.code, token)):
        with pytest.raises(RoomExpired, match="verlopen"):
            call()
    s.delete_room(room.code, fac)  # the facilitator can still delete it
    monkeypatch.setenv("KENNISKAART_ROOM_DAYS", "2")
    short, _ = make_store(clock=clock).create_room("Kort")
    assert short.expires_at - short.created_at == dt.timedelta(days=2)
    assert s.create_room("Uur", ttl_days=1 / 24)[0].expires_at == clock.now + dt.timedelta(hours=1)


def test_purge_deletes_long_expired_rooms(make_store):
    clock = Clock()
    s = make_store(clock=clock)
    old, _ = s.create_room("Oud")
    clock.now = T0 + dt.timedelta(days=7 + store_mod.PURGE_AFTER_DAYS + 1)
    new, _ = s.create_room("Nieuw")  # creating a room purges
    with pytest.raises(RoomNotFound):
        s.get_room(old.code)
    assert s.get_room(new.code).title == "Nieuw"


def test_bad_input(make_store, answer):
    s = make_store()
    for code in ("", "ABC", "ABCDE0", "ABCDEI", "<script>", None):
        with pytest.raises(RoomNotFound, match="bestaat niet"):
            s.get_room(code)
    with pytest.raises(RoomNotFound):
        s.get_room("ABCDEF")
    room, fac = s.create_room("Invoer")
    with pytest.raises(WerksessieError, match="Organisatie"):
        s.join(room.code, "bende")
    with pytest.raises(WerksessieError, match="Titel"):
        s.create_room("x" * 81)
    with pytest.raises(WerksessieError, match="Leeftijd"):
        s.create_room("Leeftijd", age_min=18, age_max=12)
    assert s.set_ages(room.code, fac, 8, 12).age_min == 8
    assert normalise_code(" ab-cd ef ") == "ABCDEF"


def test_tokens_are_stored_as_hashes_only(make_store, answer):
    s = make_store()
    room, fac = s.create_room("Geheim")
    token = s.join(room.code, "anders")
    s.save_answer(room.code, token, answer(own=("Eigen project",)))
    with s.engine.connect() as conn:
        dump = repr([conn.execute(sa.select(t)).all() for t in store_mod.metadata.sorted_tables])
    assert fac not in dump and token not in dump
    assert store_mod.token_hash(fac) in dump and store_mod.token_hash(token) in dump
    assert len(fac) >= 32 and len(token) >= 32


def test_schema_version_mismatch_is_clear(make_store):
    s = make_store()
    s.create_room("Versie")
    with s.engine.begin() as conn:
        conn.execute(store_mod.meta_table.update().values(value="99"))
    with pytest.raises(SchemaMismatch, match=r"schemaversie 99.*versie 1"):
        make_store().get_room("ABCDEF")


def test_many_participants_answer_at_once(make_store, kk):
    """100 threads save (and then change) an answer at the same moment: exact counts."""
    s = make_store()
    room, _ = s.create_room("Drukte")
    factors = [f.id for f in kk.factors[:10]]
    barrier = threading.Barrier(100, timeout=60)
    errors: list[BaseException] = []

    def work(i: int) -> None:
        try:
            token = s.join(room.code, "gemeente" if i % 2 else "politie")  # joins at once too
            barrier.wait()
            s.save_answer(room.code, token, validate_answer(kk, "onderwijs", factors[:3], factors[:1]))
            mine = [*factors[i % 10:i % 10 + 1], factors[9]] if i % 10 != 9 else [factors[9]]
            s.save_answer(room.code, token, validate_answer(kk, "gemeente" if i % 2 else "politie", mine, mine[:1]))
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(100)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors[:3]
    assert s.counts(room.code) == (100, 100)
    summary = summarise(kk, s.answers(room.code), 100)
    assert summary.factor_votes[factors[9]] == 100
    assert all(summary.factor_votes[f] == 10 for f in factors[:9])
    assert summary.top_votes[factors[0]] == 10 and summary.top_votes[factors[9]] == 10
    assert summary.orgs == {"politie": 50, "gemeente": 50}


def test_database_down_gives_dutch_message(monkeypatch, tmp_path):
    monkeypatch.setenv("KENNISKAART_DATABASE_URL", "postgresql+psycopg://kk:kk@127.0.0.1:1/kk?connect_timeout=2")
    s = Store.from_env()
    with pytest.raises(StorageUnavailable, match="niet bereikbaar") as err:
        s.create_room("Geen database")
    assert not isinstance(err.value, sa.exc.SQLAlchemyError) and err.value.__cause__ is None
    monkeypatch.delenv("KENNISKAART_DATABASE_URL")
    (tmp_path / "file").write_text("geen map")
    monkeypatch.setenv("KENNISKAART_DATA_DIR", str(tmp_path / "file"))
    with pytest.raises(StorageUnavailable):
        Store.from_env()
    monkeypatch.setenv("KENNISKAART_DATA_DIR", str(tmp_path / "corrupt"))
    (tmp_path / "corrupt").mkdir()
    (tmp_path / "corrupt" / "werksessie.sqlite").write_bytes(b"dit is geen database" * 100)
    with pytest.raises(StorageUnavailable, match="niet bereikbaar"):
        Store.from_env().get_room("ABCDEF")


def test_answer_must_be_validated_first(make_store):
    s = make_store()
    room, _ = s.create_room("Ruw")
    token = s.join(room.code, "gemeente")
    with pytest.raises(WerksessieError):
        s.save_answer(room.code, token, {"factors": ["x"]})  # type: ignore[arg-type]
    with pytest.raises(WerksessieError):
        s.save_answer(room.code, token, Answer("bende"))


def test_database_url_forms(monkeypatch, tmp_path):
    monkeypatch.setenv("KENNISKAART_DATABASE_URL", "postgresql://kk:geheim@127.0.0.1:1/kk")
    assert Store.from_env().engine.url.drivername == "postgresql+psycopg"  # the installed driver
    monkeypatch.setenv("KENNISKAART_DATABASE_URL", f"sqlite:///{tmp_path / 'eigen.sqlite'}")
    s = Store.from_env()
    s.create_room("Eigen bestand")
    assert (tmp_path / "eigen.sqlite").is_file() and s.backend == "sqlite"
    s.engine.dispose()
    monkeypatch.setenv("KENNISKAART_DATABASE_URL", "geen url")
    with pytest.raises(StorageUnavailable, match="kan niet worden geopend"):
        Store.from_env()


def test_one_participant_saving_from_many_threads_keeps_one_answer(make_store, kk):
    """The same participant (two tabs, a double tap) saving 20 times at once: one answer."""
    s = make_store()
    room, _ = s.create_room("Dubbel")
    token = s.join(room.code, "onderwijs")
    ids = [f.id for f in kk.factors[:20]]
    errors = at_once([lambda i=i: s.save_answer(room.code, token, validate_answer(kk, "onderwijs", ids[i:i + 1]))
                      for i in range(20)])
    assert not errors, errors[:3]
    assert s.counts(room.code) == (1, 1)
    [only] = s.answers(room.code)
    assert len(only.factors) == 1 and only.factors[0] in ids


def test_two_processes_create_the_schema_at_once(make_store):
    """Two app processes starting on an empty database at the same moment."""
    stores = [make_store(), make_store()]
    rooms: list = []
    errors = at_once([lambda st=st: rooms.append(st.create_room("Tegelijk")[0]) for st in stores], timeout=30)
    assert not errors, errors
    assert {stores[0].get_room(r.code).title for r in rooms} == {"Tegelijk"} and len(rooms) == 2


def test_code_collision_takes_another_code(make_store, monkeypatch):
    s = make_store()
    codes = iter(["AAAAAA", "AAAAAA", "BBBBBB"] + ["AAAAAA"] * 8)
    monkeypatch.setattr(store_mod, "new_code", lambda: next(codes))
    assert s.create_room("Eerste")[0].code == "AAAAAA"
    assert s.create_room("Tweede")[0].code == "BBBBBB"
    with pytest.raises(StorageUnavailable, match="geen vrije sessiecode"):
        s.create_room("Derde")
    assert s.get_room("AAAAAA").title == "Eerste"


def test_postgresql_stops_and_comes_back(monkeypatch, answer):
    """A stopped database server: a Dutch message, then the same Store works again."""
    server = pg.server_or_skip()
    version = os.environ.get("PGVERSION")
    if not (os.environ.get("PG_CLUSTER_CONF_ROOT") and version and shutil.which("pg_ctlcluster")):
        pytest.skip("alleen binnen pg_virtualenv: de test stopt en start de tijdelijke PostgreSQL")
    url = pg.create_database(server)
    monkeypatch.setenv("KENNISKAART_DATABASE_URL", url.render_as_string(hide_password=False))
    s = Store.from_env()
    ctl = ["pg_ctlcluster", version, "regress"]
    try:
        room, _ = s.create_room("Server weg")
        token = s.join(room.code, "politie")
        subprocess.run([*ctl, "stop", "-m", "fast"], check=True, timeout=60, capture_output=True)
        try:
            with pytest.raises(StorageUnavailable, match="niet bereikbaar"):
                s.save_answer(room.code, token, answer("politie"))
            with pytest.raises(StorageUnavailable):
                s.counts(room.code)
        finally:
            subprocess.run([*ctl, "start"], check=True, timeout=60, capture_output=True)
        s.save_answer(room.code, token, answer("politie"))  # stale connections are replaced (pre-ping)
        assert s.counts(room.code) == (1, 1)
    finally:
        s.engine.dispose()
        pg.drop_database(server, url)


def test_scan_is_saved_and_read_back(make_store, kk):
    s = make_store()
    room, _ = s.create_room("Scan")
    token = s.join(room.code, "politie")
    scan = {"sw-ind-gem-werkloosheid": 5, "sw-ind-gezin-armoede": 0, "sw-ind-gezin-opvoedvaardigheden": 1}
    s.save_answer(room.code, token, validate_answer(kk, "politie", [], scan=scan))
    restarted = make_store()  # a new engine: read from the database, not from memory
    saved = restarted.participant(room.code, token)[1]
    assert dict(saved.scan) == scan
    assert dict(restarted.answers(room.code)[0].scan) == scan


def test_a_closed_room_reopens_only_with_the_facilitator_token(make_store, answer):
    s = make_store()
    room, fac = s.create_room("Heropenen")
    _, other_fac = s.create_room("Andere sessie")
    token = s.join(room.code, "gemeente")
    s.close_room(room.code, fac)
    for bad in (token, other_fac, "", "x" * 32, None):
        with pytest.raises(NotAllowed):
            s.reopen_room(room.code, bad)
        assert s.get_room(room.code).closed_at is not None
    with pytest.raises(RoomClosed):
        s.save_answer(room.code, token, answer())
    reopened = s.reopen_room(room.code, fac)
    assert reopened.closed_at is None and reopened.is_open()
    s.save_answer(room.code, token, answer())  # answers are possible again
    assert s.counts(room.code) == (1, 1)


def test_an_expired_room_is_kept_until_its_grace_period_ends(make_store):
    """Expired is not deleted: the facilitator can still download the room for PURGE_AFTER_DAYS
    days after it expired, and only then it is purged."""
    clock = Clock()
    s = make_store(clock=clock)
    old, _ = s.create_room("Oud")
    for days_after_expiry in (1, store_mod.PURGE_AFTER_DAYS - 1):
        clock.now = old.expires_at + dt.timedelta(days=days_after_expiry)
        s.create_room("Nieuw")  # creating a room purges
        with pytest.raises(RoomExpired):
            s.get_room(old.code)
