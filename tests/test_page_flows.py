"""AppTest flows: what a user does on each page and what they then see."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import open_page, page_text
from kenniskaart.ui.text import md


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
    shared = {l.factor for l in ajb.factors} & {l.factor for l in kidz.factors}
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
    links = {l.proto.label: l.proto.query_string for l in at.get("page_link")}
    assert md(ajb.name) in links and "interventie=ajb" in links[md(ajb.name)]


def test_lessen_worksheet_downloads():
    # Lazy tabs: the lessons are the first part; the worksheet opens via ?onderdeel=…
    at = open_page("pages/lessen.py")
    assert any("Les 4" in h.value for h in at.header)
    at = open_page("pages/lessen.py", {"onderdeel": "Werkblad Samen weerbaar"})
    labels = [b.label for b in at.get("download_button")]
    assert labels == ["Download werkblad (Markdown)", "Download werkblad (CSV)"]


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


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    page=st.sampled_from(PAGES),
    params=st.dictionaries(st.sampled_from(KEYS),
                           st.one_of(st.text(max_size=80), st.sampled_from(["<script>alert(1)</script>", "-1", "999", ",,,", "%00"])),
                           max_size=5),
)
def test_hostile_query_params_never_crash(page, params):
    open_page(page, params)


def test_factoren_shows_the_caveat_about_the_factor_research_only(kk):
    at = open_page("pages/factoren.py")
    shown = " ".join(w.value for w in at.warning)
    beke = kk.by_id("guidance")["beke-kanttekening-volwassenen"]
    key_figures = kk.by_id("guidance")["sw-kanttekening-sleutelfiguren"]
    assert md(beke.title) in shown
    assert md(key_figures.title) not in shown
