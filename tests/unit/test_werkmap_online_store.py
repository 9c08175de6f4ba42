"""The werkmap online's storage on SQLite (a file under tmp_path) and PostgreSQL (tests/support/pg.py):
links, versions, conflicts, retention, limits and errors, as a user of the store meets them."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing

import pytest
import sqlalchemy as sa

from kenniskaart.werkmap import werkmap_to_json
from kenniskaart.werkmap_online import (
    Conflict,
    LinkNotFound,
    NotAWerkmap,
    ReadOnly,
    SchemaMismatch,
    StorageUnavailable,
    TooLarge,
    WerkmapStore,
)
from kenniskaart.werkmap_online import store as store_mod
from kenniskaart.werkmap_online.rules import unseal
from kenniskaart.werksessie import Store as RoomStore
from support import pg
from support.stores import T0, Clock, at_once, store_factory


@pytest.fixture(params=pg.backends())
def make_store(request, tmp_path, monkeypatch):
    """A factory of stores on ONE database; every call is a new Engine (an app restart)."""
    yield from store_factory(request, tmp_path, monkeypatch, WerkmapStore, "KENNISKAART_WERKMAP_DAYS")


def doc(*shortlist: str, note: str = "") -> bytes:
    """A werkmap file with these interventions (the first with ``note``)."""
    notes = {shortlist[0]: note} if shortlist and note else {}
    return werkmap_to_json(None, list(shortlist), notes, None)


def ids(document: bytes) -> list[str]:
    return [e["interventie"] for e in json.loads(document)["shortlist"]]


def test_edit_link_saves_versions_and_read_link_reads_them(make_store):
    s = make_store()
    made = s.create(doc("ajb"), note="Begonnen")
    assert made.version == 1 and made.edit_token != made.read_token
    edit = s.open(made.edit_token)
    assert edit.can_edit and edit.version == 1 and ids(edit.document) == ["ajb"]
    assert edit.read_token == made.read_token  # the edit holder can share the read link again
    v2 = s.save(made.edit_token, 1, doc("ajb", "pit", note="past bij school"), note="PIT erbij")
    v3 = s.save(made.edit_token, 2, doc("pit", "ajb", note="eerst PIT"), note="Volgorde")
    assert (v2.version, v3.version) == (2, 3)
    read = s.open(made.read_token)
    assert not read.can_edit and read.read_token is None and read.version == 3
    assert ids(read.document) == ["pit", "ajb"]
    assert json.loads(read.document)["shortlist"][0]["notitie"] == "eerst PIT"
    history = s.history(made.read_token)
    assert [(h.version, h.note) for h in history] == [(3, "Volgorde"), (2, "PIT erbij"), (1, "Begonnen")]
    assert ids(s.version_document(made.read_token, 2)) == ["ajb", "pit"]
    again = make_store()  # another process / an app restart: the same werkmap
    assert again.open(made.edit_token).version == 3


def test_read_link_cannot_change_anything(make_store):
    s = make_store()
    made = s.create(doc("ajb"))
    for action in (lambda: s.save(made.read_token, 1, doc("pit")), lambda: s.delete(made.read_token),
                   lambda: s.new_read_link(made.read_token)):
        with pytest.raises(ReadOnly, match="leeslink"):
            action()
    assert [h.version for h in s.history(made.edit_token)] == [1]
    assert ids(s.open(made.read_token).document) == ["ajb"]


def test_stale_save_is_refused_with_both_versions(make_store):
    s = make_store()
    made = s.create(doc("ajb"))
    s.save(made.edit_token, 1, doc("ajb", "pit"), note="Collega")
    with pytest.raises(Conflict) as err:
        s.save(made.edit_token, 1, doc("ajb", "halt"), note="Ik")
    assert err.value.base_version == 1 and err.value.theirs.version == 2 and err.value.theirs.note == "Collega"
    assert ids(err.value.their_document) == ["ajb", "pit"]
    assert "versie 2" in str(err.value) and "niets overschreven" in str(err.value)
    assert [h.version for h in s.history(made.edit_token)] == [2, 1]  # nothing written
    assert s.save(made.edit_token, 2, doc("ajb", "halt"), note="Ik, na de ander").version == 3


def test_an_unchanged_document_writes_nothing(make_store):
    s = make_store()
    made = s.create(doc("ajb"))
    s.save(made.edit_token, 1, doc("ajb", "pit"))
    same = s.save(made.edit_token, 1, doc("ajb", "pit"))  # stale base, but nothing differs
    assert same.version == 2
    assert len(s.history(made.edit_token)) == 2


def test_tokens_are_secret_hashed_and_independent(make_store):
    s = make_store()
    made = s.create(doc("ajb"))
    assert len(made.edit_token) == len(made.read_token) == 32
    with s.engine.connect() as conn:
        stored = " ".join(str(v) for table in (store_mod.werkmaps, store_mod.versions)
                          for row in conn.execute(sa.select(table)) for v in row)
        sealed = conn.execute(sa.select(store_mod.werkmaps.c.read_sealed)).scalar_one()
    assert made.edit_token not in stored and made.read_token not in stored
    assert unseal(sealed, made.read_token) not in (made.edit_token, made.read_token)
    other = s.create(doc("ajb"))
    assert len({made.edit_token, made.read_token, other.edit_token, other.read_token}) == 4
    new_read = s.new_read_link(made.edit_token)
    with pytest.raises(LinkNotFound):
        s.open(made.read_token)
    assert s.open(new_read).version == 1 and s.open(made.edit_token).read_token == new_read


@pytest.mark.parametrize("token", ["", None, 42, "x" * 32, "abc", "' OR 1=1 --" + "a" * 21, "é" * 32])
def test_bad_links_get_a_dutch_message(make_store, token):
    s = make_store()
    s.create(doc("ajb"))
    with pytest.raises(LinkNotFound, match="bestaat niet"):
        s.open(token)
    with pytest.raises(LinkNotFound):
        s.save(token, 1, doc("pit"))


def test_size_limit_and_non_werkmaps_are_refused(make_store):
    s = make_store()
    made = s.create(doc("ajb"))
    base = doc("ajb").replace(b'"shortlist"', b'"bijlage": "", "shortlist"')

    def sized(n: int) -> bytes:
        return base.replace(b'"bijlage": ""', b'"bijlage": "' + b"y" * (n - len(base)) + b'"')

    assert s.save(made.edit_token, 1, sized(500_000)).version == 2  # the limit itself is allowed
    with pytest.raises(TooLarge, match=r"te groot om online te bewaren \(500 kB; hoogstens 500 kB\)"):
        s.save(made.edit_token, 2, sized(500_001))
    for bad in (b"{}", b"geen json", "tekst", b'{"formaat": "kenniskaart-plan"}'):
        with pytest.raises(NotAWerkmap, match="geen werkmap"):
            s.save(made.edit_token, 2, bad)
    assert [h.version for h in s.history(made.edit_token)] == [2, 1]


def test_a_later_part_of_the_werkmap_is_kept_as_is(make_store):
    """What the werkmap gains later (a plan van aanpak) is stored and returned unchanged."""
    s = make_store()
    data = json.loads(doc("ajb"))
    data["plan_van_aanpak"] = {"partners": ["politie", "school"]}
    raw = json.dumps(data).encode()
    made = s.create(raw)
    assert json.loads(s.open(made.edit_token).document)["plan_van_aanpak"] == {"partners": ["politie", "school"]}


def test_kept_for_the_retention_after_last_use_then_deleted(make_store, monkeypatch):
    clock = Clock()
    s = make_store(clock=clock)
    made = s.create(doc("ajb"))
    clock.now = T0 + dt.timedelta(days=170)
    s.save(made.edit_token, 1, doc("pit"))  # a use: the 180 days start again
    clock.now = T0 + dt.timedelta(days=340)
    assert s.open(made.read_token).version == 2
    clock.now = T0 + dt.timedelta(days=340 + 181)
    with pytest.raises(LinkNotFound, match="langer dan 180 dagen niet gebruikt"):
        s.open(made.edit_token)
    s.create(doc("halt"))  # creating purges what is past its retention
    with s.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(store_mod.versions)).scalar() == 1
    monkeypatch.setenv("KENNISKAART_WERKMAP_DAYS", "30")
    assert make_store().retention == dt.timedelta(days=30)


def test_delete_with_the_edit_link_removes_every_version(make_store):
    s = make_store()
    made, kept = s.create(doc("ajb")), s.create(doc("pit"))
    s.save(made.edit_token, 1, doc("halt"))
    s.delete(made.edit_token)
    for token in (made.edit_token, made.read_token):
        with pytest.raises(LinkNotFound):
            s.open(token)
    with s.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(store_mod.versions)).scalar() == 1
    assert ids(s.open(kept.read_token).document) == ["pit"]


def test_same_database_as_the_werksessie(make_store):
    rooms, maps = make_store(RoomStore), make_store()
    room, _ = rooms.create_room("Samen")
    made = maps.create(doc("ajb"))
    assert rooms.get_room(room.code).title == "Samen" and maps.open(made.edit_token).version == 1
    assert rooms.engine.url == maps.engine.url


def test_concurrent_saves_of_one_version_exactly_one_wins(make_store):
    """20 threads save a different document on version 1 at the same moment."""
    s = make_store()
    made = s.create(doc("ajb"))
    won: list[int] = []
    lost: list[Conflict] = []

    def save(i: int) -> None:
        try:
            s.save(made.edit_token, 1, doc("ajb", note=f"editor {i}"), note=f"editor {i}")
            won.append(i)
        except Conflict as exc:
            lost.append(exc)

    errors = at_once([lambda i=i: save(i) for i in range(20)])
    assert not errors, errors[:3]
    assert len(won) == 1 and len(lost) == 19
    assert all(c.theirs.version == 2 and c.theirs.note == f"editor {won[0]}" for c in lost)
    assert [h.version for h in s.history(made.edit_token)] == [2, 1]
    newest = json.loads(s.open(made.read_token).document)
    assert newest["shortlist"][0]["notitie"] == f"editor {won[0]}"


def _process_save(env: dict, token: str, i: int, barrier, results) -> None:
    import os

    os.environ.update(env)
    from kenniskaart.werkmap_online import Conflict as C
    from kenniskaart.werkmap_online import WerkmapStore as S

    s = S.from_env()
    document = werkmap_to_json(None, ["ajb"], {"ajb": f"proces {i}"}, None)
    s.open(token)  # the schema is checked and the pool connected before the race
    barrier.wait()
    try:
        results.put((i, s.save(token, 1, document, note=f"proces {i}").version))
    except C as exc:
        results.put((i, f"conflict {exc.theirs.version}"))
    except BaseException as exc:  # noqa: BLE001 - any failure goes back to the parent as the result
        results.put((i, repr(exc)))


def test_two_processes_save_one_version_exactly_one_wins(make_store, monkeypatch):
    import os
    import sys
    import types

    # AppTest runs page scripts as __main__; a spawned child would import that script again (and
    # run Streamlit outside a session). A bare __main__ makes the children start clean.
    monkeypatch.setitem(sys.modules, "__main__", types.ModuleType("__main__"))

    s = make_store()
    made = s.create(doc("ajb"))
    env = {k: os.environ[k] for k in ("KENNISKAART_DATA_DIR", "KENNISKAART_DATABASE_URL") if k in os.environ}
    ctx = multiprocessing.get_context("spawn")
    barrier, results = ctx.Barrier(2, timeout=120), ctx.Queue()
    procs = [ctx.Process(target=_process_save, args=(env, made.edit_token, i, barrier, results)) for i in range(2)]
    for p in procs:
        p.start()
    outcome = dict(results.get(timeout=180) for _ in procs)
    for p in procs:
        p.join(timeout=60)
    assert sorted(map(str, outcome.values())) == ["2", "conflict 2"], outcome
    winner = next(i for i, v in outcome.items() if v == 2)
    newest = s.history(made.edit_token)[0]
    assert (newest.version, newest.note) == (2, f"proces {winner}")


def test_schema_version_mismatch_is_clear(make_store):
    s = make_store()
    s.create(doc("ajb"))
    with s.engine.begin() as conn:
        conn.execute(store_mod.meta_table.update().values(value="99"))
    with pytest.raises(SchemaMismatch, match=r"schemaversie 99.*versie 1"):
        make_store().open("A" * 32)


def test_database_down_gives_dutch_message(monkeypatch, tmp_path):
    monkeypatch.setenv("KENNISKAART_DATABASE_URL", "postgresql+psycopg://kk:kk@127.0.0.1:1/kk?connect_timeout=2")
    s = WerkmapStore.from_env()
    with pytest.raises(StorageUnavailable, match="niet bereikbaar") as err:
        s.create(doc("ajb"))
    assert not isinstance(err.value, sa.exc.SQLAlchemyError) and err.value.__cause__ is None
    monkeypatch.setenv("KENNISKAART_DATABASE_URL", "geen url")
    with pytest.raises(StorageUnavailable, match="kan niet worden geopend"):
        WerkmapStore.from_env()


def test_postgresql_stops_and_comes_back(monkeypatch):
    """A stopped database server: a Dutch message and nothing half-saved; then the same store
    saves again on the version it had."""
    import os
    import shutil
    import subprocess

    server = pg.server_or_skip()
    version = os.environ.get("PGVERSION")
    if not (os.environ.get("PG_CLUSTER_CONF_ROOT") and version and shutil.which("pg_ctlcluster")):
        pytest.skip("alleen binnen pg_virtualenv: de test stopt en start de tijdelijke PostgreSQL")
    url = pg.create_database(server)
    monkeypatch.setenv("KENNISKAART_DATABASE_URL", url.render_as_string(hide_password=False))
    s = WerkmapStore.from_env()
    ctl = ["pg_ctlcluster", version, "regress"]
    try:
        made = s.create(doc("ajb"))
        subprocess.run([*ctl, "stop", "-m", "fast"], check=True, timeout=60, capture_output=True)
        try:
            with pytest.raises(StorageUnavailable, match="niet bereikbaar: uw laatste wijziging is niet bewaard"):
                s.save(made.edit_token, 1, doc("ajb", "pit"))
            with pytest.raises(StorageUnavailable):
                s.open(made.read_token)
        finally:
            subprocess.run([*ctl, "start"], check=True, timeout=60, capture_output=True)
        assert s.save(made.edit_token, 1, doc("ajb", "pit")).version == 2
        assert [h.version for h in s.history(made.read_token)] == [2, 1]
    finally:
        s.engine.dispose()
        pg.drop_database(server, url)
