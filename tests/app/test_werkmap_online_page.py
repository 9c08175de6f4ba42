"""The werkmap online through AppTest (no browser): a first change gets a private link that a
new session opens again, a read link is read-only on the page, a colleague's concurrent save
shows both versions, presentation mode carries only the read link, and bad links, a stopped
database and a too large werkmap give Dutch messages. Every AppTest is a new browser session."""

from __future__ import annotations

import json

import pytest

from kenniskaart.werkmap import werkmap_to_json
from kenniskaart.werkmap_online import LinkNotFound, WerkmapStore, rules
from kenniskaart.werkmap_online import store as store_mod
from support.apptest import open_page, page_text

PAGE = "pages/shortlist.py"


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """A fresh SQLite file per test, and no store cached from an earlier test."""
    from kenniskaart.ui import werkmap_online as wo

    monkeypatch.delenv("KENNISKAART_DATABASE_URL", raising=False)
    monkeypatch.delenv("KENNISKAART_WERKMAP_ONLINE", raising=False)
    monkeypatch.setenv("KENNISKAART_DATA_DIR", str(tmp_path))
    wo._store.clear()
    yield tmp_path
    wo._store.clear()


def sidebar(at) -> str:
    return "\n".join(str(e.value) for kind in (at.sidebar.caption, at.sidebar.warning, at.sidebar.error) for e in kind)


def link_param(at) -> str | None:
    value = at.query_params.get("werkmap")
    return value[0] if isinstance(value, list) else value


def note(at, iid: str) -> str:
    return at.text_input(key=f"sl-note-{iid}").value


def shared(store: WerkmapStore, *shortlist: str, notes: dict | None = None):
    return store.create(werkmap_to_json(None, list(shortlist), notes or {}, None), note="Gedeeld")


def test_first_change_gets_a_private_link_that_a_new_session_opens(data_dir):
    at = open_page(PAGE)
    assert "automatisch bewaard zodra u een profiel" in sidebar(at)
    assert link_param(at) is None  # nothing made yet: no werkmap in the database
    at.session_state["shortlist"] = ["ajb", "pit"]  # picked in the catalogue
    at.run()
    token = link_param(at)
    assert token and len(token) == 32, at.query_params
    assert "Uw werk wordt automatisch bewaard (versie 1" in sidebar(at)
    at.text_input(key="sl-note-pit").input("past bij onze aanpak op school").run()
    assert "versie 2" in sidebar(at)

    again = open_page(PAGE, {"werkmap": token})  # a reload, a closed tab, tomorrow
    assert again.header[0].value == "2 interventies"
    assert note(again, "pit") == "past bij onze aanpak op school" and note(again, "ajb") == ""
    assert "versie 2" in sidebar(again)
    history = WerkmapStore.from_env().history(token)
    assert [h.note for h in history] == ["Notities gewijzigd", "Werkmap online gezet"]
    text = page_text(again)
    assert "geen persoonsgegevens" in text.lower() and "180 dagen" in text and "soort jongere" in text


def test_the_werkmap_wins_over_a_shared_view_in_the_same_address(data_dir):
    """The link is added to an address that may still hold a shared view (F5 on
    /shortlist?shortlist=pit&werkmap=...): the werkmap's newer work is shown and kept."""
    store = WerkmapStore.from_env()
    made = shared(store, "ajb", "halt", notes={"ajb": "eigen notitie"})
    at = open_page(PAGE, {"shortlist": "pit", "leeftijd": "9", "werkmap": made.edit_token})
    assert at.header[0].value == "2 interventies" and note(at, "ajb") == "eigen notitie"
    assert [h.version for h in store.history(made.edit_token)] == [1]


def test_nothing_is_saved_for_a_session_that_changes_nothing(data_dir):
    store = WerkmapStore.from_env()
    made = shared(store, "ajb")
    at = open_page(PAGE, {"werkmap": made.edit_token})
    at.run()
    open_page("pages/factoren.py", {"werkmap": made.edit_token})
    assert [h.version for h in store.history(made.edit_token)] == [1]


def test_edit_link_offers_both_links_to_share(data_dir):
    made = shared(WerkmapStore.from_env(), "ajb")
    at = open_page(PAGE, {"werkmap": made.edit_token})
    assert not [c for c in at.code if "werkmap=" in c.value]  # closed: the links are not in the page
    at.session_state["wm-share"] = True  # 'Deel met uw team' opened
    at.run()
    codes = [c.value for c in at.code]
    assert any(c.endswith(f"/shortlist?werkmap={made.edit_token}") for c in codes), codes
    assert any(c.endswith(f"/shortlist?werkmap={made.read_token}") for c in codes), codes
    assert "Bewerklink" in page_text(at) and "Leeslink" in page_text(at)


def test_read_link_is_read_only_on_the_page(data_dir):
    store = WerkmapStore.from_env()
    made = shared(store, "ajb", notes={"ajb": "van de collega"})
    at = open_page(PAGE, {"werkmap": made.read_token})
    assert "Alleen lezen" in page_text(at) and "Alleen lezen" in sidebar(at)
    assert note(at, "ajb") == "van de collega"
    assert made.edit_token not in "\n".join(c.value for c in at.code)  # never derived or shown
    assert not [b for b in at.button if b.key in ("wm-delete", "wm-new-read")]  # no delete, no sharing
    assert not [c for c in at.code if "werkmap=" in c.value]
    at.text_input(key="sl-note-ajb").input("mijn wijziging").run()
    assert not at.exception
    assert "Alleen lezen" in sidebar(at) and "leeslink kunt u" not in sidebar(at)  # the page did not try
    assert [h.version for h in store.history(made.edit_token)] == [1]
    assert json.loads(store.open(made.edit_token).document)["shortlist"][0]["notitie"] == "van de collega"
    # an own copy: a new private link, the shared werkmap untouched
    next(b for b in at.button if b.label == "Maak een eigen kopie").click().run()
    own = link_param(at)
    assert own not in (made.read_token, made.edit_token)
    assert json.loads(store.open(own).document)["shortlist"][0]["notitie"] == "mijn wijziging"
    assert store.open(own).can_edit and [h.version for h in store.history(made.edit_token)] == [1]


def test_a_concurrent_save_shows_both_versions_and_overwrites_nothing(data_dir):
    store = WerkmapStore.from_env()
    made = shared(store, "ajb")
    mine = open_page(PAGE, {"werkmap": made.edit_token})
    theirs = open_page(PAGE, {"werkmap": made.edit_token})
    theirs.text_input(key="sl-note-ajb").input("notitie van de collega").run()
    mine.text_input(key="sl-note-ajb").input("mijn notitie").run()
    assert not mine.exception
    text = (page_text(mine) + "\n".join(e.value for e in mine.error)).replace("\\", "")  # md() escapes
    assert "Iemand anders heeft deze werkmap intussen bewaard (versie 2)" in text
    assert "notitie: mijn notitie" in text and "notitie: notitie van de collega" in text
    assert "Niet bewaard" in sidebar(mine)
    assert [h.version for h in store.history(made.edit_token)] == [2, 1]  # nothing overwritten
    next(b for b in mine.button if b.label == "Bewaar mijn versie als nieuwste").click().run()
    versions = store.history(made.edit_token)
    assert [h.version for h in versions] == [3, 2, 1]
    assert json.loads(store.version_document(made.edit_token, 2))["shortlist"][0]["notitie"] == "notitie van de collega"
    assert json.loads(store.version_document(made.edit_token, 3))["shortlist"][0]["notitie"] == "mijn notitie"
    assert "Iemand anders" not in "\n".join(e.value for e in mine.error)


def test_taking_the_other_version(data_dir):
    store = WerkmapStore.from_env()
    made = shared(store, "ajb")
    mine = open_page(PAGE, {"werkmap": made.edit_token})
    theirs = open_page(PAGE, {"werkmap": made.edit_token})
    theirs.text_input(key="sl-note-ajb").input("van de collega").run()
    mine.text_input(key="sl-note-ajb").input("van mij").run()
    next(b for b in mine.button if b.label == "Ga verder met versie 2").click().run()
    assert note(mine, "ajb") == "van de collega" and "versie 2" in sidebar(mine)
    mine.text_input(key="sl-note-ajb").input("verder op versie 2").run()
    assert [h.version for h in store.history(made.edit_token)] == [3, 2, 1]


def test_presentation_mode_carries_only_the_read_link(data_dir):
    made = shared(WerkmapStore.from_env(), "ajb")
    at = open_page(None, {"werkmap": made.edit_token, "presentatie": "1"})
    assert link_param(at) == made.read_token
    shown = page_text(at) + "\n".join(str(c.value) for c in at.code)
    assert made.edit_token not in shown


def test_switching_presentation_on_puts_the_read_link_in_the_address(data_dir):
    made = shared(WerkmapStore.from_env(), "ajb")
    at = open_page(PAGE, {"werkmap": made.edit_token})
    assert link_param(at) == made.edit_token
    next(b for b in at.sidebar.button if b.label == "Presentatiemodus").click().run()
    assert link_param(at) == made.read_token and at.query_params.get("presentatie") in ("1", ["1"])
    shown = page_text(at) + "\n".join(str(c.value) for c in at.code)
    assert made.edit_token not in shown


@pytest.mark.parametrize("token", ["onzin", "A" * 32, "x" * 10_000, "=1+1"])
def test_a_bad_link_gets_a_dutch_message(data_dir, token):
    at = open_page(None, {"werkmap": token})  # the start page: the first page of the session
    errors = "\n".join(e.value for e in at.error).replace("\\", "")
    assert "De online werkmap is niet geopend" in errors and "bestaat niet" in errors
    assert link_param(at) is None and "automatisch bewaard zodra" in sidebar(at)


def test_a_stopped_database_gives_a_dutch_message(data_dir, monkeypatch):
    monkeypatch.setenv("KENNISKAART_DATABASE_URL", "postgresql+psycopg://kk:kk@127.0.0.1:1/kk?connect_timeout=2")
    at = open_page(PAGE)
    at.session_state["shortlist"] = ["ajb"]
    at.run()
    assert not at.exception
    assert "niet bereikbaar" in sidebar(at) and "1 interventie" in [h.value for h in at.header]


def test_a_too_large_werkmap_is_refused_with_a_dutch_message(data_dir, monkeypatch):
    monkeypatch.setattr(store_mod, "check_document", lambda d: rules.check_document(d, limit=1_000))
    at = open_page(PAGE)
    at.session_state["shortlist"] = ["ajb"]
    at.run()
    assert link_param(at)
    at.text_input(key="sl-note-ajb").input("x" * 1500).run()
    assert not at.exception
    assert "te groot om online te bewaren" in sidebar(at)


def test_what_could_not_be_opened_again_is_not_saved(data_dir, kk):
    """A shortlist longer than a werkmap may hold (60) is not saved online: the saved werkmap
    stays one that opens; the page says why."""
    store = WerkmapStore.from_env()
    made = shared(store, "ajb")
    at = open_page(PAGE, {"werkmap": made.edit_token})
    at.session_state["shortlist"] = [iv.id for iv in kk.interventions][:61]
    at.run()
    assert not at.exception
    assert "niet online bewaard" in sidebar(at) and "meer dan 60 interventies" in sidebar(at)
    assert [h.version for h in store.history(made.edit_token)] == [1]
    assert open_page(PAGE, {"werkmap": made.edit_token}).header[0].value == "1 interventie"


def test_delete_with_the_edit_link(data_dir):
    store = WerkmapStore.from_env()
    made = shared(store, "ajb")
    at = open_page(PAGE, {"werkmap": made.edit_token})
    at.checkbox(key="wm-delete-sure").check().run()
    at.button(key="wm-delete").click().run()
    with pytest.raises(LinkNotFound):
        store.open(made.edit_token)
    assert link_param(at) is None and "verwijderd" in sidebar(at)
    assert "1 interventie" in [h.value for h in at.header]  # the work stays on the page


def test_removing_the_last_item_is_saved_too(data_dir):
    """The empty Shortlist page stops early (st.stop): the removal is still saved."""
    store = WerkmapStore.from_env()
    made = shared(store, "ajb")
    at = open_page(PAGE, {"werkmap": made.edit_token})
    at.button(key="sl-rm-ajb").click().run()
    assert "Uw shortlist is leeg" in page_text(at)
    assert [h.version for h in store.history(made.edit_token)] == [2, 1]
    assert json.loads(store.open(made.edit_token).document)["shortlist"] == []
    assert "versie 2" in sidebar(open_page(PAGE, {"werkmap": made.edit_token}))


def test_history_lists_every_version_and_puts_one_back(data_dir):
    store = WerkmapStore.from_env()
    made = shared(store, "ajb", notes={"ajb": "eerste notitie"})
    store.save(made.edit_token, 1, werkmap_to_json(None, ["ajb", "pit"], {}, None), note="PIT erbij")
    at = open_page(PAGE, {"werkmap": made.edit_token})
    at.session_state["wm-history"] = True  # 'Geschiedenis' opened
    at.run()
    table = at.dataframe[-1].value
    assert list(table["versie"]) == [2, 1] and list(table["wat"]) == ["PIT erbij", "Gedeeld"]
    at.selectbox(key="wm-pick").select(1).run()
    assert "notitie: eerste notitie" in page_text(at)
    at.button(key="wm-restore").click().run()
    assert at.header[0].value == "1 interventie" and note(at, "ajb") == "eerste notitie"
    versions = store.history(made.edit_token)
    assert (versions[0].version, versions[0].note) == (3, "Versie 1 teruggezet")
    assert json.loads(store.version_document(made.edit_token, 3))["shortlist"] == [
        {"interventie": "ajb", "notitie": "eerste notitie"}]


def test_the_plan_van_aanpak_is_saved_and_comes_back(data_dir):
    """The werkmap's newest part (the plan van aanpak's own fields) is saved online like the rest."""
    page = "pages/plan_van_aanpak.py"
    at = open_page(page)
    at.text_input(key="pva_municipality").input("Zaanstad").run()
    token = link_param(at)
    assert token, "a field of the plan van aanpak is the user's work: it gets a private link"
    again = open_page(page, {"werkmap": token})
    assert again.text_input(key="pva_municipality").value == "Zaanstad"
    document = json.loads(WerkmapStore.from_env().open(token).document)
    assert document["plan_van_aanpak"]["municipality"] == "Zaanstad"
