"""The werksessie store as a facilitator and a participant see it: every message word for word,
the edges of joining, closing, reopening, ages and purging, and an answer row written by an
older version. Expectations are written by hand (SQLite in ``tmp_path`` and, under
``pg_virtualenv``, PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import sqlalchemy as sa

from kenniskaart.werksessie import store as store_mod
from kenniskaart.werksessie.errors import (
    NotAllowed,
    RoomClosed,
    RoomExpired,
    RoomNotFound,
    StorageUnavailable,
    WerksessieError,
)
from kenniskaart.werksessie.room import Answer
from kenniskaart.werksessie.store import Store
from kenniskaart.werksessie.tables import answers_table, participants
from support import pg
from support.stores import T0, Clock, at_once, store_factory

NOT_THE_FACILITATOR = "Alleen de begeleider van deze sessie (met de begeleiderslink) kan dit doen."
NOT_A_PARTICIPANT = "Deze deelnemerslink hoort niet bij deze sessie. Meld u opnieuw aan met de code."
NO_ACCESS = "Deze link geeft geen toegang tot deze actie."


@pytest.fixture(params=pg.backends())
def make_store(request, tmp_path, monkeypatch):
    yield from store_factory(request, tmp_path, monkeypatch, Store, "KENNISKAART_ROOM_DAYS")


def _message(excinfo: pytest.ExceptionInfo) -> str:
    return str(excinfo.value)


# --- what a facilitator sees ---------------------------------------------------------------------


def test_another_token_is_told_only_the_facilitator_may_do_this(make_store):
    s = make_store()
    room, _ = s.create_room("Rechten")
    participant = s.join(room.code, "politie")
    for action in (s.close_room, s.reopen_room, s.delete_room):
        with pytest.raises(NotAllowed) as err:
            action(room.code, participant)
        assert _message(err) == NOT_THE_FACILITATOR
    with pytest.raises(NotAllowed) as err:
        s.set_ages(room.code, None, 10, 14)
    assert _message(err) == NOT_THE_FACILITATOR


def test_is_facilitator_is_false_for_an_unknown_room_or_another_token(make_store):
    s = make_store()
    room, fac = s.create_room("Wie")
    assert s.is_facilitator(room.code, fac) is True
    assert s.is_facilitator(room.code, fac + "x") is False
    assert s.is_facilitator("ZZZZZZ", fac) is False  # no such room: no error, just "no"
    assert s.is_facilitator("geen code", fac) is False


def test_a_room_without_a_title_is_called_werksessie(make_store):
    s = make_store()
    assert s.create_room()[0].title == "Werksessie"
    room, _ = s.create_room("   ")
    assert room.title == "Werksessie"
    assert s.get_room(room.code).title == "Werksessie"


def test_a_title_with_control_characters_or_too_long_names_the_title(make_store):
    s = make_store()
    with pytest.raises(WerksessieError) as err:
        s.create_room("Sessie\x07Oost")
    assert _message(err) == "Titel: de tekst bevat onzichtbare of stuurtekens; typ hem opnieuw."
    with pytest.raises(WerksessieError) as err:
        s.create_room("x" * 81)
    assert _message(err) == "Titel: maximaal 80 tekens (nu 81)."


def test_the_facilitator_link_is_a_32_character_url_safe_token(make_store):
    s = make_store()
    _, fac = s.create_room("Link")
    assert len(fac) == 32 and set(fac) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    token = s.join(s.create_room("Andere")[0].code, "onderwijs")
    assert len(token) == 32


def test_the_eighth_try_for_a_free_code_still_creates_the_room(make_store, monkeypatch):
    s = make_store()
    codes = iter(["CCCCCC", *["CCCCCC"] * 7, "DDDDDD"])
    monkeypatch.setattr(store_mod, "new_code", lambda: next(codes))
    assert s.create_room("Eerste")[0].code == "CCCCCC"
    assert s.create_room("Na zeven botsingen")[0].code == "DDDDDD"


def test_no_free_code_after_eight_tries_says_so(make_store, monkeypatch):
    s = make_store()
    taken = s.create_room("Bezet")[0].code
    monkeypatch.setattr(store_mod, "new_code", lambda: taken)
    with pytest.raises(StorageUnavailable) as err:
        s.create_room("Tweede")
    assert _message(err) == "Er kon geen vrije sessiecode worden gevonden. Probeer het opnieuw."


def test_a_store_made_with_its_own_lifetime_gives_rooms_that_lifetime(make_store):
    clock = Clock()
    s = make_store(clock=clock, ttl_days=3)
    room, _ = s.create_room("Drie dagen")
    assert room.created_at == T0 and room.expires_at == T0 + dt.timedelta(days=3)
    assert s.create_room("Twee uur", ttl_days=2 / 24)[0].expires_at == T0 + dt.timedelta(hours=2)


def test_closing_twice_keeps_the_first_closing_time(make_store):
    clock = Clock()
    s = make_store(clock=clock)
    room, fac = s.create_room("Twee keer dicht")
    clock.now = T0 + dt.timedelta(hours=1)
    assert s.close_room(room.code, fac).closed_at == T0 + dt.timedelta(hours=1)
    clock.now = T0 + dt.timedelta(hours=2)
    assert s.close_room(room.code, fac).closed_at == T0 + dt.timedelta(hours=1)
    assert s.get_room(room.code).closed_at == T0 + dt.timedelta(hours=1)


def test_reopening_an_open_room_changes_nothing(make_store):
    s = make_store()
    room, fac = s.create_room("Al open")
    again = s.reopen_room(room.code, fac)
    assert again == room and again.closed_at is None


def test_a_room_reopens_by_the_store_s_clock_not_the_wall_clock(make_store):
    """The store's clock says the room still runs (March 2026), whatever the date today."""
    clock = Clock()
    s = make_store(clock=clock)
    room, fac = s.create_room("Heropenen in maart")
    s.close_room(room.code, fac)
    clock.now = T0 + dt.timedelta(days=6)
    assert s.reopen_room(room.code, fac).closed_at is None


def test_an_expired_room_cannot_be_reopened(make_store):
    clock = Clock()
    s = make_store(clock=clock)
    room, fac = s.create_room("Te laat")
    s.close_room(room.code, fac)
    clock.now = T0 + dt.timedelta(days=7)
    with pytest.raises(RoomExpired) as err:
        s.reopen_room(room.code, fac)
    assert _message(err) == "Deze sessie is verlopen en niet meer beschikbaar."
    with s.engine.connect() as conn:  # still closed in the database
        closed = conn.execute(sa.select(store_mod.rooms.c.closed_at)).scalar()
    assert closed is not None


def test_new_ages_are_kept_both_ends(make_store):
    s = make_store()
    room, fac = s.create_room("Leeftijden", age_min=12, age_max=18)
    changed = s.set_ages(room.code, fac, 9, 15)
    assert (changed.age_min, changed.age_max) == (9, 15)
    stored = make_store().get_room(room.code)  # read back through a new engine
    assert (stored.age_min, stored.age_max) == (9, 15)


def test_purge_counts_what_it_deleted_and_keeps_a_room_on_its_last_day(make_store):
    clock = Clock()
    s = make_store(clock=clock)
    old, _ = s.create_room("Oud")  # expires at T0 + 7 days
    clock.now = T0 + dt.timedelta(days=7 + 30)  # exactly 30 days after it expired
    assert s.purge_expired() == 0
    with pytest.raises(RoomExpired):
        s.get_room(old.code)
    clock.now = T0 + dt.timedelta(days=7 + 30, seconds=1)
    assert s.purge_expired() == 1
    with pytest.raises(RoomNotFound) as err:
        s.get_room(old.code)
    assert _message(err) == "Deze sessiecode bestaat niet. Controleer de code en probeer het opnieuw."
    assert s.purge_expired() == 0


def test_a_purged_room_takes_its_participants_and_answers_along(make_store):
    clock = Clock()
    s = make_store(clock=clock)
    old, _ = s.create_room("Oud")
    token = s.join(old.code, "gemeente")
    s.save_answer(old.code, token, Answer("gemeente", ("f1",)))
    keep, _ = s.create_room("Nieuw", ttl_days=100)
    s.join(keep.code, "politie")
    clock.now = T0 + dt.timedelta(days=40)
    assert s.purge_expired() == 1
    with s.engine.connect() as conn:
        left = conn.execute(sa.select(participants.c.room_code)).scalars().all()
        answers = conn.execute(sa.select(sa.func.count()).select_from(answers_table)).scalar()
    assert left == [keep.code] and answers == 0


# --- what a participant sees ---------------------------------------------------------------------


def test_an_unknown_organisation_is_refused_with_its_message(make_store):
    s = make_store()
    room, _ = s.create_room("Soort")
    with pytest.raises(WerksessieError) as err:
        s.join(room.code, "bende")
    assert _message(err) == "Organisatie: kies een van de soorten organisatie."


def test_a_full_room_says_it_holds_at_most_500(make_store):
    s = make_store()
    room, _ = s.create_room("Vol")
    with s.engine.begin() as conn:  # 499 earlier participants, written directly
        conn.execute(participants.insert(), [
            {"room_code": room.code, "token_hash": f"{i:064d}", "org_type": "gemeente", "joined_at": T0}
            for i in range(499)])
    s.join(room.code, "politie")  # the 500th
    assert s.counts(room.code) == (500, 0)
    with pytest.raises(WerksessieError) as err:
        s.join(room.code, "onderwijs")
    assert _message(err) == "Deze sessie is vol (hoogstens 500 deelnemers)."
    assert s.counts(room.code) == (500, 0)


def test_a_closed_room_refuses_a_new_participant_with_its_message(make_store):
    s = make_store()
    room, fac = s.create_room("Dicht")
    s.close_room(room.code, fac)
    with pytest.raises(RoomClosed) as err:
        s.join(room.code, "politie")
    assert _message(err) == "Deze sessie is gesloten: er kunnen geen antwoorden meer bij."


def test_a_participant_link_of_another_room_or_no_link_is_refused_with_its_message(make_store):
    s = make_store()
    room, _ = s.create_room("Hier")
    other, _ = s.create_room("Daar")
    elsewhere = s.join(other.code, "politie")
    with pytest.raises(NotAllowed) as err:
        s.participant(room.code, elsewhere)
    assert _message(err) == NOT_A_PARTICIPANT
    with pytest.raises(NotAllowed) as err:
        s.save_answer(room.code, elsewhere, Answer("politie"))
    assert _message(err) == NOT_A_PARTICIPANT
    for missing in ("", None):
        with pytest.raises(NotAllowed) as err:
            s.participant(room.code, missing)
        assert _message(err) == NO_ACCESS


def test_an_answer_that_is_no_answer_is_refused_as_not_valid(make_store):
    s = make_store()
    room, _ = s.create_room("Ongeldig")
    token = s.join(room.code, "gemeente")
    for bad in ({"org_type": "gemeente"}, Answer("bende")):
        with pytest.raises(WerksessieError) as err:
            s.save_answer(room.code, token, bad)  # type: ignore[arg-type]
        assert _message(err) == "Het antwoord is niet geldig."


def test_an_answer_of_exactly_20000_characters_is_kept_and_one_more_is_too_long(make_store):
    s = make_store()
    room, _ = s.create_room("Lang")
    token = s.join(room.code, "gemeente")
    # stored as {"factors": ["…"], "top": [], "doing": [], "own": [], "scan": {}}: 64 characters
    # around the one factor id
    fits = Answer("gemeente", ("é" * (20_000 - 64),))
    assert len(json.dumps({"factors": list(fits.factors), "top": [], "doing": [], "own": [], "scan": {}},
                          ensure_ascii=False)) == 20_000
    s.save_answer(room.code, token, fits)
    assert s.participant(room.code, token)[1].factors == fits.factors  # letters as typed
    with pytest.raises(WerksessieError) as err:
        s.save_answer(room.code, token, Answer("gemeente", ("é" * (20_000 - 63),)))
    assert _message(err) == "Het antwoord is te lang."


def test_a_saved_answer_carries_the_time_it_was_saved(make_store):
    clock = Clock()
    s = make_store(clock=clock)
    room, _ = s.create_room("Tijd")
    token = s.join(room.code, "gemeente")
    clock.now = T0 + dt.timedelta(minutes=5)
    saved = s.save_answer(room.code, token, Answer("gemeente", ("f1",), ("f1",), ("ajb",), ("Eigen",)))
    assert saved == Answer("gemeente", ("f1",), ("f1",), ("ajb",), ("Eigen",), (), T0 + dt.timedelta(minutes=5))
    assert s.participant(room.code, token) == ("gemeente", saved)
    assert s.answers(room.code) == [saved]


def test_answers_come_in_the_order_the_participants_joined(make_store):
    s = make_store()
    room, _ = s.create_room("Volgorde")
    tokens = [(s.join(room.code, org), org) for org in ("politie", "gemeente", "onderwijs")]
    for token, org in reversed(tokens):  # the last to join answers first
        s.save_answer(room.code, token, Answer(org, (org,)))
    assert [a.org_type for a in s.answers(room.code)] == ["politie", "gemeente", "onderwijs"]
    assert s.counts(room.code) == (3, 3)


def test_an_answer_row_of_an_older_version_without_doing_own_and_scan_is_read(make_store):
    """Rows written before 'doing', 'own' and the scan existed hold only factors and top."""
    clock = Clock()
    s = make_store(clock=clock)
    room, _ = s.create_room("Oud antwoord")
    token = s.join(room.code, "jongerenwerk")
    s.save_answer(room.code, token, Answer("jongerenwerk", ("f9",)))
    with s.engine.begin() as conn:
        conn.execute(answers_table.update().values(payload='{"factors": ["f1", "f2"], "top": ["f2"]}'))
    expected = Answer("jongerenwerk", ("f1", "f2"), ("f2",), (), (), (), T0)
    assert s.participant(room.code, token) == ("jongerenwerk", expected)
    assert s.answers(room.code) == [expected]
    with s.engine.begin() as conn:  # an empty row and a scan with a value that is no whole number
        conn.execute(answers_table.update().values(payload='{"scan": {"a": 2, "b": "x", "c": null}}'))
    assert s.answers(room.code) == [Answer("jongerenwerk", (), (), (), (), (("a", 2),), T0)]


def test_a_full_disk_says_so_and_names_the_administrator(tmp_path, monkeypatch):
    """SQLite's 'database or disk is full', made with max_page_count (the database cannot grow)."""
    monkeypatch.delenv("KENNISKAART_DATABASE_URL", raising=False)
    monkeypatch.setenv("KENNISKAART_DATA_DIR", str(tmp_path))
    s = Store.from_env()
    room, _ = s.create_room("Vol")
    token = s.join(room.code, "gemeente")

    @sa.event.listens_for(s.engine, "connect")
    def _cap(dbapi_conn, _record):
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count={pages}")

    s.engine.dispose()
    with pytest.raises(StorageUnavailable) as err:
        s.save_answer(room.code, token, Answer("gemeente", ("x" * 19_000,)))
    assert _message(err) == ("De opslag van werksessies is vol: er kan nu niets worden bewaard. "
                             "Meld dit bij de beheerder van de kenniskaart.")
    assert s.participant(room.code, token) == ("gemeente", None)  # reading still works
    s.engine.dispose()


def test_a_database_address_that_is_no_address_gives_the_open_message(monkeypatch):
    monkeypatch.setenv("KENNISKAART_DATABASE_URL", "geen url")
    with pytest.raises(StorageUnavailable) as err:
        Store.from_env()
    assert _message(err) == ("De opslag van werksessies kan niet worden geopend "
                             "(map of database-adres klopt niet).")


def test_a_facilitator_acting_from_many_tabs_at_once_gets_no_error(make_store):
    """Closing, reopening, new ages and deleting, 8 at the same moment on one room (tabs, a double
    tap): each one waits for the other (a writing transaction takes the lock at its start), none
    fails."""
    s = make_store()
    room, fac = s.create_room("Tegelijk")
    for _ in range(3):
        assert at_once([lambda: s.close_room(room.code, fac)] * 8) == []
        assert s.get_room(room.code).closed_at is not None
        assert at_once([lambda: s.reopen_room(room.code, fac)] * 8) == []
        assert s.get_room(room.code).closed_at is None
    for age_max in (14, 15, 16):
        assert at_once([lambda i=i, top=age_max: s.set_ages(room.code, fac, 10 + i % 2, top) for i in range(8)]) == []
        assert s.get_room(room.code).age_max == age_max
    others = [s.create_room(f"Weg {i}") for i in range(8)]
    assert at_once([lambda r=r, t=t: s.delete_room(r.code, t) for r, t in others]) == []
    for r, _ in others:
        with pytest.raises(RoomNotFound):
            s.get_room(r.code)
