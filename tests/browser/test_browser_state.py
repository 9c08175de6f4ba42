"""Real-browser checks that nothing is lost: state across pages and links, one history entry
per navigation, share links with notes, the werkmap, and search in everyday words."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from kenniskaart.search import search
from support.browser import (
    EXAMPLES_SEARCH,
    INTERVENTIONS_SEARCH,
    SLOW,
    choose,
    download,
    fresh_page,
    main,
    nav,
    plan_coverage,
    select_row,
    share_link,
    wait_for_app,
)


def search_for(page, label: str, text: str) -> None:
    box = page.get_by_label(label)
    box.fill(text)
    box.press("Enter")
    wait_for_app(page, SLOW)


def expect_count(page, noun: str, n: int) -> None:
    """The 'N van M <noun>' line shows N (waits for the rerun)."""
    line = main(page).locator("p").filter(has_text=re.compile(rf"van \d+ {noun}")).first
    expect(line).to_have_text(re.compile(rf"^{n} van "), timeout=60_000)




def test_back_after_three_visits_takes_one_press(app_server, page):
    page.goto(f"{app_server.url}/")
    wait_for_app(page, SLOW)
    start = page.evaluate("history.length")
    for name in ("Factoren", "Interventies", "Praktijkvoorbeelden"):
        nav(page, name)
    expect(page.locator("h1").first).to_have_text("Praktijkvoorbeelden")
    assert page.evaluate("history.length") == start + 3
    page.go_back()
    wait_for_app(page, SLOW)
    expect(page.locator("h1").first).to_have_text("Interventies")
    assert page.url.endswith("/interventies")


def test_interventies_filters_survive_leaving_and_coming_back(app_server, page, kk):
    n = len(search(kk, "drugs").interventions)
    page.goto(f"{app_server.url}/interventies")
    wait_for_app(page, SLOW)
    search_for(page, INTERVENTIONS_SEARCH, "drugs")
    expect_count(page, "interventies", n)
    nav(page, "Shortlist")
    page.go_back()  # browser Back
    expect(page.locator("h1").first).to_have_text("Interventies", timeout=60_000)
    expect(page.get_by_label(INTERVENTIONS_SEARCH)).to_have_value("drugs")
    expect_count(page, "interventies", n)
    nav(page, "Start")
    nav(page, "Interventies")  # and through the sidebar
    expect(page.get_by_label(INTERVENTIONS_SEARCH)).to_have_value("drugs")


def test_a_catalogue_link_opens_in_the_same_tab_and_keeps_the_shortlist(app_server, page, kk):
    ex = next(e for e in kk.examples if e.interventions and e.municipality)
    target = kk.by_id("interventions")[ex.interventions[0]]
    page.goto(f"{app_server.url}/interventies?interventie=ajb")
    wait_for_app(page, SLOW)
    page.get_by_role("button", name="Zet op shortlist").first.click()
    expect(page.get_by_text("Staat op de shortlist")).to_be_visible()
    nav(page, "Praktijkvoorbeelden")
    choose(page, "Kies een gemeente", ex.municipality)
    page.get_by_role("link", name=f"Gebruikt: {target.name}").first.click()
    wait_for_app(page, SLOW)
    assert len(page.context.pages) == 1, "the link opened a new tab"
    # the online werkmap's private link stays in the address (a reload continues the work)
    expect(page).to_have_url(re.compile(rf"/interventies\?interventie={target.id}(&werkmap=[\w-]+)?$"))
    expect(main(page).locator("h3").first).to_have_text(target.name)
    nav(page, "Shortlist")
    expect(main(page)).to_contain_text(kk.by_id("interventions")["ajb"].name)
    expect(main(page)).to_contain_text("1 interventie")


def test_share_link_restores_notes_in_a_fresh_context(app_server, browser, page, kk):
    page.goto(f"{app_server.url}/shortlist?shortlist=ajb,pit")
    wait_for_app(page, SLOW)
    note = page.get_by_label(f"Notitie bij {kk.by_id('interventions')['pit'].name}")
    note.fill("Wachtlijst navragen bij de GGD")
    note.press("Enter")
    wait_for_app(page, SLOW)
    link = share_link(page, "notitie-pit=")
    with fresh_page(browser, link, timeout=SLOW) as fresh:
        expect(fresh.get_by_label(f"Notitie bij {kk.by_id('interventions')['pit'].name}")).to_have_value(
            "Wachtlijst navragen bij de GGD"
        )
        expect(main(fresh)).to_contain_text("2 interventies")


def test_a_bad_link_gives_one_dutch_notice(app_server, page):
    page.goto(f"{app_server.url}/interventies?thema=bestaat-niet&lft=abc&erkenning=zzz&factor=qq")
    wait_for_app(page, SLOW)
    alerts = main(page).locator("[data-testid=stAlert]")
    expect(alerts.filter(has_text="Niet alles uit de link")).to_have_count(1)
    text = alerts.filter(has_text="Niet alles uit de link").inner_text()
    assert "bestaat-niet" in text and "Ongeldige leeftijd" in text and "qq" in text


def _profile_box(page):
    """The bordered box 'Profiel waarvoor deze shortlist is gemaakt' (the innermost block holding it)."""
    return main(page).locator("[data-testid=stVerticalBlock]").filter(
        has=page.get_by_text("Profiel waarvoor deze shortlist is gemaakt", exact=True)).last


def _choose_plan(page, preset: str) -> str:
    """Choose a BOTOC plan on the Planscan: returns its 'Het plan telt N interventies.' line."""
    nav(page, "Planscan")
    choose(page, "Begin met het plan van een BOTOC-gemeente", preset)
    count = page.get_by_text(re.compile(r"^Het plan telt \d+ interventies\.$"))
    expect(count).to_be_visible(timeout=60_000)
    return count.inner_text().strip()


def _age_slider(page):
    return main(page).locator("[data-testid=stSlider]").filter(has_text="Leeftijd (jaar)").get_by_role("slider")


def test_werkmap_opened_over_other_work_brings_back_profile_plan_and_shortlist(app_server, browser, page, kk, tmp_path):
    """Session A saves its work (profile, ordered shortlist with a note, Amsterdam's plan); session
    B has other work (another profile set on the Aanbeveler, another shortlist and plan). A broken
    file changes nothing in B; A's werkmap replaces all of B's work: profile (also on the
    Aanbeveler), plan, order and notes."""
    pit, ajb = kk.by_id("interventions")["pit"], kk.by_id("interventions")["ajb"]
    drugs, friends = kk.by_id("factors")["beke-r-drugsgebruik"], kk.by_id("factors")["beke-r-banden-vrienden-kennissen"]

    page.goto(f"{app_server.url}/shortlist?shortlist=ajb,pit&notitie-ajb=Eerst+bespreken&leeftijd=14&risico={drugs.id}")
    wait_for_app(page, SLOW)
    plan_a = _choose_plan(page, "Amsterdam")
    coverage_a = plan_coverage(page)
    nav(page, "Shortlist")
    page.get_by_role("button", name="↑").nth(1).click()  # pit first
    wait_for_app(page, SLOW)
    expect(main(page).locator("p").filter(has_text=re.compile(r"^1\. ")).first).to_contain_text(pit.name)
    expect(_profile_box(page)).to_contain_text("Leeftijd: 14 jaar")
    path = tmp_path / "werkmap.json"
    download(page, "Download werkmap (.json)").save_as(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert [e["interventie"] for e in data["shortlist"]] == ["pit", "ajb"]

    other = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="nl-NL")
    try:
        fresh = other.new_page()
        # B's own work: a profile on the Aanbeveler (its widgets are set), its first
        # recommendation on the shortlist, Arnhem's plan
        fresh.goto(f"{app_server.url}/aanbeveler?leeftijd=17&risico={friends.id}")
        wait_for_app(fresh, SLOW)
        expect(_age_slider(fresh)).to_have_value("17")
        fresh.get_by_role("button", name="Zet op shortlist").first.click()
        expect(fresh.get_by_text("Staat op de shortlist").first).to_be_visible(timeout=30_000)
        plan_b = _choose_plan(fresh, "Arnhem")
        assert plan_b != plan_a, "pick another preset: the test must see the plan change"
        nav(fresh, "Shortlist")
        expect(main(fresh)).to_contain_text("1 interventie")
        expect(_profile_box(fresh)).to_contain_text("Leeftijd: 17 jaar")
        # the overlap: B has AJB too (the first recommendation), with B's own note
        expect(main(fresh).locator("p").filter(has_text=re.compile(r"^1\. ")).first).to_contain_text(ajb.name)
        note_b = fresh.get_by_label(f"Notitie bij {ajb.name}")
        note_b.fill("Notitie van B")
        note_b.press("Enter")
        wait_for_app(fresh, SLOW)

        upload = fresh.locator("[data-testid=stFileUploaderDropzoneInput]")
        broken = tmp_path / "kapot.json"
        broken.write_text('{"formaat": "kenniskaart-werkmap", "versie": 1, "shortlist": [{"interventie": 5}]}')
        upload.set_input_files(str(broken))
        expect(main(fresh).locator("[data-testid=stAlert]").filter(has_text="niet geopend")).to_be_visible()
        expect(main(fresh)).to_contain_text("1 interventie")
        expect(_profile_box(fresh)).to_contain_text("Leeftijd: 17 jaar")
        expect(note_b).to_have_value("Notitie van B")

        upload.set_input_files(str(path))
        expect(main(fresh).locator("[data-testid=stAlert]").filter(has_text="geopend:")).to_be_visible(timeout=60_000)
        expect(main(fresh)).to_contain_text("2 interventies", timeout=30_000)
        expect(main(fresh).locator("p").filter(has_text=re.compile(r"^1\. ")).first).to_contain_text(pit.name)
        # the notes: A's, in the export and in the note fields (B's note on AJB is gone)
        csv_text = download(fresh, "Download CSV").path().read_bytes().decode("utf-8-sig")
        assert "Eerst bespreken" in csv_text and "Notitie van B" not in csv_text, csv_text
        expect(fresh.get_by_label(f"Notitie bij {ajb.name}")).to_have_value("Eerst bespreken")
        # the profile: A's, not B's
        box = _profile_box(fresh)
        expect(box).to_contain_text("Leeftijd: 14 jaar")
        expect(box).to_contain_text(drugs.name)
        expect(box).not_to_contain_text("Leeftijd: 17 jaar")
        expect(box).not_to_contain_text(friends.name)
        # the plan: A's, not B's, on the Planscan page itself
        nav(fresh, "Planscan")
        expect(fresh.get_by_text(plan_a, exact=True)).to_be_visible(timeout=60_000)
        assert plan_coverage(fresh) == coverage_a
        # and the Aanbeveler starts again from the opened profile, not from B's widgets
        nav(fresh, "Aanbeveler")
        expect(_age_slider(fresh)).to_have_value("14")
    finally:
        other.close()


@pytest.mark.parametrize("query", ["criminele vrienden", "drugs", "ouders"])
def test_everyday_words_find_interventions_and_examples(app_server, page, kk, query):
    expected = search(kk, query)
    page.goto(f"{app_server.url}/interventies")
    wait_for_app(page, SLOW)
    search_for(page, INTERVENTIONS_SEARCH, query)
    expect_count(page, "interventies", len(expected.interventions))
    expect(main(page)).to_contain_text("Ook gevonden via")
    expect(main(page)).to_contain_text(expected.factors[0].name)
    nav(page, "Praktijkvoorbeelden")
    search_for(page, EXAMPLES_SEARCH, query)
    assert expected.examples
    expect_count(page, "praktijkvoorbeelden", len(expected.examples))


def test_which_interventions_fit_a_15_year_old(app_server, page, kk):
    """The 12–18 question on the catalogue: the age filter keeps ranges that include the age
    (and unknown ones, which say 'onbekend')."""
    from kenniskaart.catalog import InterventionFilter, filter_interventions

    page.goto(f"{app_server.url}/interventies?lft=15")
    wait_for_app(page, SLOW)
    expected = filter_interventions(kk, InterventionFilter(age=15))
    assert len(expected) < len(kk.interventions)
    expect_count(page, "interventies", len(expected))


def test_clicking_a_table_row_opens_its_detail_and_a_new_search_drops_the_tick(app_server, page, kk):
    """Selecting a row opens its detail. Issue 20: after a new search another row was ticked than
    the one in the detail. The grid's accessible table says which row is selected (aria-selected)."""
    from kenniskaart.rules import for_young_person

    young = [iv for iv in kk.interventions if for_young_person(iv)]
    page.goto(f"{app_server.url}/interventies")
    wait_for_app(page, SLOW)
    grid = page.locator("[data-testid=stDataFrame]").first
    select_row(grid, young[2].name)  # the third row, by keyboard through the accessible grid
    expect(main(page).locator("h3").first).to_have_text(young[2].name, timeout=60_000)
    selected = page.locator("[data-testid=stDataFrame] tr[role=row][aria-selected=true]")
    expect(selected).to_have_count(1)
    expect(selected.first).to_contain_text(young[2].name)
    search_for(page, INTERVENTIONS_SEARCH, "drugs")
    expect_count(page, "interventies", len(search(kk, "drugs").interventions))
    expect(page.locator("[data-testid=stDataFrame] tr[role=row][aria-selected=true]")).to_have_count(0)
    expect(main(page).locator("h3").first).to_have_text(young[2].name)  # the detail stays what was chosen
