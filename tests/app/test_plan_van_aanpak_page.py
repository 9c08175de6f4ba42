"""The Plan van aanpak page through AppTest: one click from the Aanbeveler and the Planscan
opens it pre-filled (the Werksessie's button is tested in the browser,
test_browser_plan_van_aanpak.py: its buttons do not fire under AppTest); the municipality's fields survive leaving
the page; hostile text is shown as plain text; the werkmap keeps the plan's fields, opens old
werkmaps and refuses a broken plan part whole."""

from __future__ import annotations

import json

import pytest

from kenniskaart.aanbeveler import profile_from_case, recommend
from kenniskaart.plan_van_aanpak import PlanInputs
from kenniskaart.planscan import Plan
from kenniskaart.ui.text import md
from kenniskaart.werkmap import WerkmapError, werkmap_from_json, werkmap_to_json
from support.apptest import open_page, page_text

PAGE = "pages/plan_van_aanpak.py"
CASE = "casus-eerste-klussen-drugs"


def headers(at) -> list[str]:
    return [h.value for h in at.header]


def subheaders(at) -> list[str]:
    return [h.value for h in at.subheader]


def test_one_click_from_the_aanbeveler_opens_the_plan_with_the_package(kk):
    at = open_page("pages/aanbeveler.py")
    at.selectbox(key="a_case").select(CASE).run()
    at.button(key="a_to_pva").click().run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Plan van aanpak"]
    assert headers(at) == [md(s.title) for s in kk.plan_sections]
    package = recommend(kk, profile_from_case(kk.by_id("cases")[CASE])).package
    for n, p in enumerate(package, start=1):
        assert md(f"{n}. {p.intervention.name}") in subheaders(at)
    assert at.session_state["plan"].interventions == tuple(p.intervention.id for p in package)
    text = page_text(at)
    assert md("Wel in de aanpak: jongeren van") in text  # the wegingskader is pre-filled
    assert [b.label for b in at.get("download_button")] == ["Download als Word (.docx)", "Afdrukbare versie (HTML)"]


def test_planscan_links_to_the_plan(kk):
    at = open_page("pages/planscan.py")
    links = list(at.get("page_link"))
    assert any(el.proto.label == "Maak een plan van aanpak" for el in links)


def test_fields_survive_leaving_the_page_and_hostile_text_is_plain(kk):
    at = open_page(PAGE)
    hostile = "<b>Zuid</b>stad =1+1 **vet** [x](http://x)\x07"
    at.text_input(key="pva_municipality").input(hostile).run()
    at.text_area(key="pva_safeguarding").input("# Borging\n<script>alert(1)</script>").run()
    assert not at.exception
    at.switch_page("pages/planscan.py").run()
    at.switch_page(PAGE).run()
    assert at.text_input(key="pva_municipality").value.startswith("<b>Zuid</b>stad")
    text = page_text(at)
    assert md("<script>alert(1)</script>") in text and "<script>" not in text.replace("\\<script\\>", "")
    assert md("# Borging") in text
    tables = [t.value for t in at.table]
    first = tables[0]
    assert md("<b>Zuid</b>stad =1+1 **vet** [x](http://x)") in list(first.iloc[:, 1])


# --- the werkmap ------------------------------------------------------------------------------


def test_werkmap_keeps_the_plan_fields(kk):
    inputs = PlanInputs(municipality="Zuidstad", analysis=("analyse-wetenschap",), safeguarding="Jaarlijks")
    wm, notices = werkmap_from_json(kk, werkmap_to_json(None, [], {}, Plan(), inputs))
    assert wm.plan_van_aanpak == inputs and notices == []


def test_an_old_werkmap_without_a_plan_van_aanpak_still_opens(kk):
    data = json.loads(werkmap_to_json(None, ["ajb"], {}, Plan()))
    del data["plan_van_aanpak"]
    wm, _ = werkmap_from_json(kk, json.dumps(data).encode())
    assert wm.shortlist == ("ajb",) and wm.plan_van_aanpak == PlanInputs()


@pytest.mark.parametrize("part", [
    "Zuidstad", [1], {"municipality": 5}, {"gemeente": "x"}, {"age_min": "12"}, {"age_min": 99},
    {"analysis": "analyse-wetenschap"}, {"room": {"orgs": {"politie": -1}}}, {"safeguarding": "x" * 20_001},
])
def test_a_broken_plan_part_refuses_the_whole_werkmap(kk, part):
    data = json.loads(werkmap_to_json(None, ["ajb"], {}, Plan(interventions=("ajb",))))
    data["plan_van_aanpak"] = part
    with pytest.raises(WerkmapError) as err:
        werkmap_from_json(kk, json.dumps(data).encode())
    message = str(err.value)
    assert message.startswith(("De werkmap is ongeldig", "Het plan van aanpak in de werkmap is ongeldig"))
    assert "plan_van_aanpak" in message or "Het plan van aanpak" in message


def test_unknown_analysis_sources_are_dropped_with_a_notice(kk):
    data = json.loads(werkmap_to_json(None, [], {}, Plan(), PlanInputs(analysis=("analyse-wetenschap",))))
    data["plan_van_aanpak"]["analysis"] = ["analyse-wetenschap", "bestaat-niet"]
    wm, notices = werkmap_from_json(kk, json.dumps(data).encode())
    assert wm.plan_van_aanpak.analysis == ("analyse-wetenschap",)
    assert any("bestaat-niet" in n for n in notices)


def test_presentation_has_a_plan_step_once_there_is_a_plan(kk):
    at = open_page("pages/aanbeveler.py")
    at.selectbox(key="a_case").select(CASE).run()
    at.session_state["presentatie"] = True
    at.switch_page("pages/presentatie.py").run()
    assert at.title[0].value.startswith("Stap 1 van 5: ")  # a profile, no plan: no plan step
    at.switch_page("pages/aanbeveler.py").run()
    at.session_state["presentatie"] = False
    at.run()
    at.button(key="a_to_pva").click().run()
    at.session_state["presentatie"] = True
    at.session_state["p_step"] = 5
    at.switch_page("pages/presentatie.py").run()
    assert not at.exception
    assert at.title[0].value == "Stap 6 van 6: Plan van aanpak"
    text = page_text(at)
    package = recommend(kk, profile_from_case(kk.by_id("cases")[CASE])).package
    for n, p in enumerate(package, start=1):
        assert f"{n}. {md(p.intervention.name)}" in text
    # the spoor werk en inkomen: the theme werk en inkomen or the setting werk (content/plan)
    work = sum("pmg-werk-inkomen" in p.intervention.pmg_themes or "werk" in p.intervention.settings for p in package)
    assert f"Werk en inkomen: {work} {'onderdeel' if work == 1 else 'onderdelen'}" in text
    assert (md("Geen planonderdeel in het spoor werk en inkomen") in text) == (work == 0)


def test_an_unknown_age_stays_unknown_until_the_user_sets_it(kk):
    at = open_page(PAGE)
    assert at.toggle(key="pva_has_ages").value is False
    assert list(at.table[0].value.iloc[:, 1])[2] == "onbekend"
    at.toggle(key="pva_has_ages").set_value(True).run()
    at.slider(key="pva_ages").set_range(13, 17).run()
    assert list(at.table[0].value.iloc[:, 1])[2] == "13 tot en met 17 jaar"
    assert at.session_state["plan_van_aanpak"].age_min == 13
