"""The Planscan page (AppTest): the plan survives navigation, suggestions stay in the tab,
municipalities compared, a plan set elsewhere followed, and warnings for what does not work."""

from __future__ import annotations

from kenniskaart.planscan import (
    ALL_BOTOC,
    CONTEXT_GROUP,
    GROUPS,
    OwnEntry,
    Plan,
    botoc_municipalities,
    gap_suggestions,
    municipality_preset,
    scan,
)
from support.apptest import open_page, page_text


def test_plan_survives_a_visit_to_another_page():
    at = open_page("pages/planscan.py")
    at.selectbox(key="ps_preset").select("Amsterdam").run()
    at.multiselect(key="ps_interventions").select("ajb").run()
    assert "Het plan telt 9 interventies." in page_text(at)
    at.switch_page("pages/interventies.py").run()
    assert not at.exception
    at.switch_page("pages/planscan.py").run()
    assert not at.exception
    assert "Het plan telt 9 interventies." in page_text(at)
    assert at.multiselect(key="ps_interventions").value == ["ajb"]
    assert len(at.multiselect(key="ps_examples").value) == 8
    assert at.selectbox(key="ps_preset").value == "Amsterdam"


def test_suggestions_are_same_tab_links_to_the_suggested_interventions(kk):
    """The open group (the first) lists, under each gap, a page link per suggestion of
    gap_suggestions, in order, to that intervention's detail on Interventies; following
    one opens that detail."""
    from urllib.parse import parse_qs

    from kenniskaart.ui.text import md
    at = open_page("pages/planscan.py")
    coverage = scan(kk, [])
    suggestions = gap_suggestions(kk, coverage)
    ivs = kk.by_id("interventions")
    expected = [(f"Suggestie: {md(ivs[iid].name)}", {"interventie": [iid]})
                for c in coverage if c.group == GROUPS[0] and not c.covered for iid in suggestions.get(c.id, [])]
    links = [link.proto for link in at.get("page_link") if link.proto.label.startswith("Suggestie: ")]
    assert len(expected) >= 3
    assert [(link.label, parse_qs(link.query_string)) for link in links] == expected
    assert {link.page for link in links} == {"interventies"}  # the page's url path, same tab
    assert all(not link.external for link in links)
    first = expected[0][1]["interventie"][0]
    at = open_page("pages/interventies.py", {"interventie": first})
    assert at.session_state["i_detail"] == first


def test_page_shows_static_factors_apart_and_theme_level_provenance(kk):
    at = open_page("pages/planscan.py")
    at.selectbox(key="ps_preset").select(ALL_BOTOC).run()
    text = page_text(at)
    assert "Het plan telt 62 interventies." in text
    assert "volgens de bron, alleen op themaniveau" in text
    static = [f.name for f in kk.factors if f.nature == "statisch"]
    gap_lines = [line for line in text.splitlines() if "niet gedekt" in line]
    assert gap_lines and not any(name in line for line in gap_lines for name in static)
    # the static factors have their own (lazy, closed) part, marked as no gap
    assert any(e.label == f"{CONTEXT_GROUP} (geen gat)" for e in at.expander)


def test_page_compares_municipalities(kk):
    at = open_page("pages/planscan.py")
    at.session_state["ps_tab"] = "Gemeenten vergelijken"
    at.run()
    a, b = botoc_municipalities(kk)[:2]
    at.multiselect(key="ps_compare").select(a).select(b).run()
    assert not at.exception
    table = at.table[0].value
    assert list(table.columns) == ["onderdeel", a, b]
    assert list(table["onderdeel"])[1:] == list(GROUPS)


def test_page_follows_a_plan_set_elsewhere_and_clears_it(kk):
    """A plan put in session state by something else (a restored werkmap) shows in the
    widgets; 'Maak het plan leeg' empties it."""
    from kenniskaart.ui.state import PLAN_KEY
    at = open_page("pages/start.py")
    a = botoc_municipalities(kk)[0]
    at.session_state[PLAN_KEY] = Plan(interventions=("ajb", "verdwenen-id"), examples=tuple(municipality_preset(kk, a)),
                                      own=(OwnEntry(name="Eigen project"),))
    at.switch_page("pages/planscan.py").run()
    assert not at.exception
    n = len(municipality_preset(kk, a)) + 2
    assert f"Het plan telt {n} interventies." in page_text(at)
    assert at.multiselect(key="ps_interventions").value == ["ajb"]
    assert "Eigen project (0 factoren)" in page_text(at)
    at.button(key="ps_clear").click().run()
    assert "Uw plan is nog leeg" in page_text(at)
    assert at.session_state[PLAN_KEY] == Plan()
    assert at.multiselect(key="ps_examples").value == []


def test_page_warns_when_the_plan_holds_something_that_does_not_work(kk):
    """Issue 19: the Planscan flags a plan item a source says does not work or can harm, and an
    awareness lesson for everyone, and links to the part of Lessen that explains why."""
    from kenniskaart.ui.state import PLAN_KEY
    from kenniskaart.ui.text import md
    lessons = [e.id for e in kk.examples if any(c.kind == "voorlichting" for c in e.cautions)]
    assert lessons
    at = open_page("pages/start.py")
    at.session_state[PLAN_KEY] = Plan(interventions=("scared-straight", "moti-4"), examples=(lessons[0],))
    at.switch_page("pages/planscan.py").run()
    assert not at.exception
    text = page_text(at)
    assert "Let op: 1 onderdeel van uw plan kan volgens een bron schaden of had geen effect" in text
    harm = next(c for c in kk.by_id("interventions")["scared-straight"].cautions if c.kind == "kan_schaden")
    assert md(harm.text) in text
    assert "Voorlichting aan iedereen" in text
    links = [p.proto.page for p in at.get("page_link")]
    assert "lessen" in links
    # a plan without such items shows no warning
    at.session_state[PLAN_KEY] = Plan(interventions=("moti-4",))
    at.run()
    assert "Waarschuwingen bij uw plan" not in page_text(at)
