"""AppTest flows: what a user does on each page and what they then see."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kenniskaart.ui.text import md
from support.apptest import open_page, page_text


def share_link(at) -> str:
    """The link in the 'Deel deze weergave' box (the address bar is not rewritten)."""
    links = [c.value for c in at.code if "://" in c.value]
    assert links, "no share link on the page"
    return links[-1]


def test_aanbeveler_casus_gives_explained_recommendations(kk):
    case = kk.cases[0]
    at = open_page("pages/aanbeveler.py")
    at.selectbox(key="a_case").select(case.id).run()
    assert not at.exception
    text = page_text(at)
    assert "Niveau van hulp:" in text
    # the rank is explained in words (which rule put it there), not as a bare score
    assert "Groep 1: erkend" in text and "score" not in text
    assert [t.label for t in at.tabs][:3] == ["Aanbevelingen", "Pakket", "Gaten"]
    # The share link carries the profile
    assert "risico=" + ",".join(case.risk_factors) in share_link(at)


def test_aanbeveler_ten_year_old_aggression(kk):
    """Seed 003: Alles Kidzzz for children under 12; AJB is for 12–18 (reference)."""
    ajb = kk.by_id("interventions")["ajb"]
    kidz = kk.by_id("interventions")["alles-kidzzz"]
    shared = {link.factor for link in ajb.factors} & {link.factor for link in kidz.factors}
    risk = sorted(f for f in shared if kk.by_id("factors")[f].kind == "risico")
    assert risk, "AJB and Alles Kidzzz share an aggression-related risk factor"
    at = open_page("pages/aanbeveler.py", {"leeftijd": "10", "risico": risk[0]})
    text = page_text(at)
    assert md(kidz.name) in text
    at.session_state["a_tab"] = "Valt af"
    at.run()
    assert f"{md(ajb.name)}** (leeftijd): leeftijd 10 valt buiten 12–18 jaar" in page_text(at)


def test_catalogue_shortlist_flow_and_shortlist_page(kk):
    at = open_page("pages/interventies.py", {"interventie": "ajb"})
    at.button(key="iv-sl-ajb").click().run()
    assert at.session_state["shortlist"] == ["ajb"]
    at.switch_page("pages/shortlist.py").run()
    assert not at.exception
    assert "1 interventie" in [h.value for h in at.header]
    at.text_input(key="sl-note-ajb").input("Past bij onze scholen").run()
    assert at.session_state["shortlist_notes"]["ajb"] == "Past bij onze scholen"
    labels = [b.label for b in at.get("download_button")]
    assert labels == ["Download CSV", "Download Excel", "Download printbaar document", "Download werkmap (.json)"]
    at.button(key="sl-rm-ajb").click().run()
    assert "Uw shortlist is leeg" in page_text(at)


def test_shortlist_reorder(kk):
    at = open_page("pages/shortlist.py", {"shortlist": "ajb,pit,alles-kidzzz"})
    assert at.session_state["shortlist"] == ["ajb", "pit", "alles-kidzzz"]
    at.button(key="sl-up-alles-kidzzz").click().run()
    assert at.session_state["shortlist"] == ["ajb", "alles-kidzzz", "pit"]
    assert "shortlist=ajb,alles-kidzzz,pit" in share_link(at)


def test_shared_link_restores_filters_with_notice(kk):
    at = open_page("pages/interventies.py", {"thema": "pmg-onderwijs,bestaat-niet", "lft": "abc"})
    assert at.session_state["i_theme"] == ["pmg-onderwijs"]
    text = page_text(at)
    assert md("bestaat-niet") in text and "Ongeldige leeftijd" in text


def test_factoren_detail_lists_interventions(kk):
    ajb = kk.by_id("interventions")["ajb"]
    fid = ajb.factors[0].factor
    at = open_page("pages/factoren.py", {"factor": fid})
    text = page_text(at)
    assert "Interventies die deze factor aanpakken" in text
    # each intervention is a same-tab link to its detail in the catalogue
    links = {link.proto.label: link.proto.query_string for link in at.get("page_link")}
    assert md(ajb.name) in links and "interventie=ajb" in links[md(ajb.name)]


def test_planscan_preset_shows_coverage(kk):
    at = open_page("pages/planscan.py")
    at.selectbox(key="ps_preset").select("Amsterdam").run()
    assert not at.exception
    assert len(at.multiselect(key="ps_examples").value) == 8
    assert "Uw plan is nog leeg" not in page_text(at)


def test_presentation_mode_on_and_off():
    at = open_page("pages/start.py", {"presentatie": "1"})
    assert at.title[0].value == "Stap 1 van 5: Profiel"
    at.button(key="p_next").click().run()
    assert at.title[0].value == "Stap 2 van 5: Kaart"
    at.button(key="p_exit").click().run()
    assert at.title[0].value == "Kenniskaart Preventie met Gezag"
    assert "presentatie" not in at.query_params


PAGES = ["pages/start.py", "pages/factoren.py", "pages/interventies.py", "pages/aanbeveler.py",
         "pages/praktijkvoorbeelden.py", "pages/lessen.py", "pages/planscan.py", "pages/shortlist.py",
         "pages/over.py"]
KEYS = ["leeftijd", "risico", "bescherm", "setting", "niveau", "shortlist", "thema", "lft", "zoek",
        "factor", "interventie", "nl", "doelgroep", "presentatie", "soort", "erkenning", "notitie-ajb",
        "notitie-bestaat-niet"]


def _link_notice(at) -> str:
    """The page's single notice box about the link, unescaped as the user reads it."""
    from kenniskaart.ui.state import NOTICE_HEAD

    boxes = [re.sub(r"\\(.)", r"\1", w.value) for w in at.warning if NOTICE_HEAD in re.sub(r"\\(.)", r"\1", w.value)]
    assert len(boxes) == 1, [w.value for w in at.warning]
    return boxes[0]


def _assert_only_valid_state(kk, at) -> None:
    """Whatever the link held, the session keeps only known ids and ages in range."""
    state = at.session_state
    factors, interventions = kk.by_id("factors"), kk.by_id("interventions")
    if "profile" in state and state["profile"] is not None:
        profile = state["profile"]
        assert set(profile.risk_factors) | set(profile.protective_factors) <= set(factors)
        assert profile.age is None or 4 <= profile.age <= 30
    if "shortlist" in state:
        assert set(state["shortlist"]) <= set(interventions)
    for key in ("i_theme", "i_factor", "i_rec", "i_setting", "i_format", "i_kind", "f_kind", "f_theme"):
        if key in state:
            assert HOSTILE not in state[key] and "nep" not in state[key], key


HOSTILE = "<script>alert(1)</script>"


def test_hostile_link_values_are_dropped_with_a_notice_naming_them(kk):
    from kenniskaart.aanbeveler import Profile

    risk = kk.risk_factors[0].id
    # the profile and shortlist of a link are read on the first run (AppTest: the start page)
    at = open_page(None, {"leeftijd": "999", "risico": f"{risk},{HOSTILE}", "shortlist": f"ajb,{HOSTILE}",
                          "niveau": "nep"})
    notice = _link_notice(at)
    assert "Ongeldige leeftijd" in notice and "Onbekend niveau van hulp" in notice
    assert notice.count(HOSTILE) == 2  # once for the factors, once for the shortlist
    assert at.session_state["profile"] == Profile(risk_factors=(risk,))
    assert at.session_state["shortlist"] == ["ajb"]

    rec = next(iv.recognition.level for iv in kk.interventions if iv.recognition)
    at = open_page("pages/interventies.py", {"erkenning": f"{rec},{HOSTILE}", "lft": "999", "omgeving": "maan"})
    notice = _link_notice(at)
    assert f"Onbekende erkenningen in de link genegeerd: {HOSTILE}" in notice
    assert (
        "Ongeldige leeftijd in de link genegeerd" in notice
        and "Onbekende settings in de link genegeerd: maan" in notice
    )
    assert at.session_state["i_rec"] == [rec] and at.session_state["i_setting"] == []
    assert at.toggle(key="i_use_age").value is False  # the bad age is not applied
    _assert_only_valid_state(kk, at)

    at = open_page("pages/factoren.py", {"nl": HOSTILE, "soort": "risico,nep"})
    notice = _link_notice(at)
    assert (
        "Ongeldige waarde voor 'ook in Nederland onderzocht'" in notice
        and "Onbekende soorten in de link genegeerd: nep" in notice
    )
    assert at.session_state["f_kind"] == ["risico"] and at.session_state["f_nl"] != HOSTILE


def test_a_clean_link_shows_no_notice(kk):
    from kenniskaart.ui.state import NOTICE_HEAD

    at = open_page("pages/aanbeveler.py", {"leeftijd": "15", "risico": kk.risk_factors[0].id, "shortlist": "ajb"})
    assert not any(NOTICE_HEAD in w.value for w in at.warning)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    page=st.sampled_from(PAGES),
    params=st.dictionaries(
        st.sampled_from(KEYS),
        st.one_of(st.text(max_size=80), st.sampled_from([HOSTILE, "-1", "999", ",,,", "%00", "nep"])),
        max_size=5,
    ),
)
def test_hostile_query_params_never_crash(kk, page, params):
    """Any link opens every page without an error and leaves only valid values in the session."""
    at = open_page(page, params)
    _assert_only_valid_state(kk, at)


def test_factoren_shows_the_caveat_about_the_factor_research_only(kk):
    at = open_page("pages/factoren.py")
    shown = " ".join(w.value for w in at.warning)
    beke = kk.by_id("guidance")["beke-kanttekening-volwassenen"]
    key_figures = kk.by_id("guidance")["sw-kanttekening-sleutelfiguren"]
    assert md(beke.title) in shown
    assert md(key_figures.title) not in shown
