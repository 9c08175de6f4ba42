"""Werksessie page through AppTest (no browser): the start page, the facilitator's view, a
participant's link (never facilitator controls) pre-filled with their saved answer, and Dutch
messages for an unknown code, a wrong facilitator link and a database that cannot be reached.
Saving, changing and a closed room are tested in the browser (test_browser_werksessie.py): a
button inside a fragment does not fire under AppTest."""

from __future__ import annotations

import pytest

from kenniskaart.werksessie import Store, validate_answer
from support.apptest import open_page, page_text

PAGE = "pages/werksessie.py"
FACILITATOR_BUTTONS = {"Maak Aanbeveler-profiel", "Maak Planscan-plan", "Sessie sluiten", "Sessie verwijderen"}


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """A fresh SQLite file per test, and no store cached from an earlier test."""
    from kenniskaart.ui import werksessie as ws

    monkeypatch.delenv("KENNISKAART_DATABASE_URL", raising=False)
    monkeypatch.setenv("KENNISKAART_DATA_DIR", str(tmp_path))
    ws._store.clear()
    yield tmp_path
    ws._store.clear()


def buttons(at) -> set[str]:
    return {b.label for b in at.button}


def errors(at) -> str:
    return "\n".join(e.value for e in at.error)


def test_start_page(data_dir):
    at = open_page(PAGE)
    text = page_text(at)
    assert "Nieuwe werksessie" in text and "Meedoen" in text
    assert "geen namen" in text
    assert not FACILITATOR_BUTTONS & buttons(at)


def test_facilitator_view_and_participant_link(data_dir, kk):
    store = Store.from_env()
    room, token = store.create_room("Sessie Zuidstad", 14, 18)
    at = open_page(PAGE, {"code": room.code, "beheer": token})
    assert buttons(at) >= FACILITATOR_BUTTONS, buttons(at)
    assert [m.label for m in at.metric][:2] == ["Aangemeld", "Antwoorden"]

    # a participant's link: the join step, no facilitator controls
    at = open_page(PAGE, {"code": room.code})
    assert "Doe mee" in buttons(at)
    assert not FACILITATOR_BUTTONS & buttons(at)
    assert not at.metric

    # a participant's own token does not open the facilitator's view
    ptoken = store.join(room.code, "politie")
    at = open_page(PAGE, {"code": room.code, "beheer": ptoken})
    assert "begeleiderslink klopt niet" in errors(at)
    assert not FACILITATOR_BUTTONS & buttons(at)

    # the participant's link shows their form, pre-filled with their saved answer
    store.save_answer(room.code, ptoken,
                      validate_answer(kk, "politie", ["beke-r-drugsgebruik"], ["beke-r-drugsgebruik"]))
    at = open_page(PAGE, {"code": room.code, "deelnemer": ptoken})
    assert at.session_state["ws_feat"] == ["beke-r-drugsgebruik"]
    assert at.session_state["ws_top_ids"] == ["beke-r-drugsgebruik"]
    assert not FACILITATOR_BUTTONS & buttons(at)


@pytest.mark.parametrize("code", ["ZZZZZZ", "<b>x</b>", "ab"])
def test_unknown_code(data_dir, code):
    at = open_page(PAGE, {"code": code})
    assert "bestaat niet" in errors(at)
    assert not FACILITATOR_BUTTONS & buttons(at)


def test_storage_that_cannot_be_opened(tmp_path, monkeypatch):
    from kenniskaart.ui import werksessie as ws

    blocker = tmp_path / "bestand"
    blocker.write_text("geen map")
    monkeypatch.delenv("KENNISKAART_DATABASE_URL", raising=False)
    monkeypatch.setenv("KENNISKAART_DATA_DIR", str(blocker / "data"))  # a folder under a file
    ws._store.clear()
    try:
        at = open_page(PAGE, {"code": "ABC234"})
        assert "opslag van werksessies" in errors(at)
    finally:
        ws._store.clear()


def test_database_that_does_not_answer(monkeypatch):
    """A database server that is down: a Dutch message, no traceback."""
    import psycopg  # noqa: F401 - a test dependency: missing is a failure, not a skip

    from kenniskaart.ui import werksessie as ws

    monkeypatch.setenv("KENNISKAART_DATABASE_URL", "postgresql+psycopg://kk@127.0.0.1:9/kk?connect_timeout=2")
    ws._store.clear()
    try:
        at = open_page(PAGE, {"code": "ABC234"})
        assert "niet bereikbaar" in errors(at)
    finally:
        ws._store.clear()


# --- the page's pure formatting (kenniskaart.werksessie.choices and .view) ----------------------


def test_factors_shown_first(kk):
    from kenniskaart.werksessie import choices

    factors = kk.by_id("factors")
    featured = choices.featured_factors(kk)
    grounded = [f for f in featured if factors[f].evidence == "gefundeerd"]
    assert featured[: len(grounded)] == grounded and len(grounded) >= 5, "the gefundeerde factors first"
    assert all(factors[f].nature == "dynamisch" for f in featured), "static factors are context, no target"
    others = choices.other_factors(kk, featured)
    assert not set(featured) & set(others)
    assert len(featured) == len(set(featured)) and len(featured) > len(grounded)


def test_links_and_live_lines(kk):
    from kenniskaart import charts
    from kenniskaart.ui.links import app_url
    from kenniskaart.ui.pages import WERKSESSIE
    from kenniskaart.ui.werksessie import room_address
    from kenniskaart.werksessie import summarise
    from kenniskaart.werksessie import view as pw

    assert (app_url(WERKSESSIE, room_address("ABC234"), base="https://kk.example.nl/werksessie?x=1")
            == "https://kk.example.nl/werksessie?code=ABC234")
    assert (app_url(WERKSESSIE, room_address("ABC234", facilitator="t&k"), base="")
            == "http://localhost:8501/werksessie?code=ABC234&beheer=t%26k")
    answers = [validate_answer(kk, "politie", ["beke-r-drugsgebruik", "beke-r-laag-opleidingsniveau"],
                               ["beke-r-drugsgebruik"]),
               validate_answer(kk, "gemeente", ["beke-r-drugsgebruik"], [])]
    summary = summarise(kk, answers, 3)
    assert pw.top_lines(kk, summary) == ["Drugsgebruik — 1× in top 3 · 2× aangevinkt",
                                         "Een laag opleidingsniveau — 0× in top 3 · 1× aangevinkt"]
    table = pw.votes_table(kk, summary)
    assert list(table.columns) == ["factor", "aangevinkt", "in top 3", "Gemeente", "Politie"]
    assert table.iloc[0].tolist() == ["Drugsgebruik", 2, 1, 1, 1]
    frame = pw.votes_frame(kk, summary)
    assert frame["aantal"].sum() == 3
    charts.votes_chart(frame, pw.org_legend(frame)).to_dict()  # a valid Vega-Lite spec
    assert pw.org_lines(summary) == "Politie 1 · Gemeente 1"

