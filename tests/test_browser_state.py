"""Real-browser checks that nothing is lost: state across pages and links, one history entry
per navigation, share links with notes, the werkmap, and search in everyday words."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from conftest import choose
from conftest import wait_for_app as _wait
from kenniskaart.search import search


def wait_for_app(page) -> None:
    """The machine is shared: allow a slow rerun."""
    _wait(page, 90_000)


pytestmark = pytest.mark.browser


def nav(page, name: str) -> None:
    """Click a page in the sidebar and wait until that page has loaded (not only until the
    previous run has finished)."""
    link = page.locator("[data-testid=stSidebarNav]").get_by_role("link", name=name, exact=True)
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url(re.compile(re.escape(href.rstrip("/")) + r"/?(\?.*)?$"), timeout=90_000)
    wait_for_app(page)


def main(page):
    return page.locator("[data-testid=stMain]")


def search_for(page, label: str, text: str) -> None:
    box = page.get_by_label(label)
    box.fill(text)
    box.press("Enter")
    wait_for_app(page)


def share_link(page, containing: str = "://") -> str:
    """Open 'Deel deze weergave' and return its link once it contains ``containing``."""
    page.get_by_text("Deel deze weergave").click()
    code = page.locator("[data-testid=stCode]").filter(has_text="://").last
    expect(code).to_contain_text(containing)
    return code.inner_text().strip()




def expect_count(page, noun: str, n: int) -> None:
    """The 'N van M <noun>' line shows N (waits for the rerun)."""
    line = main(page).locator("p").filter(has_text=re.compile(rf"van \d+ {noun}")).first
    expect(line).to_have_text(re.compile(rf"^{n} van "), timeout=60_000)


IV_SEARCH = "Zoek in gewone woorden: naam, doelgroep, beschrijving of de factor die ze aanpakken"
EX_SEARCH = "Zoek in gewone woorden: naam, beschrijving, gemeente of de factor die ze aanpakken"


def test_back_after_three_visits_takes_one_press(app_server, page):
    page.goto(f"{app_server.url}/")
    wait_for_app(page)
    start = page.evaluate("history.length")
    for name in ("Factoren", "Interventies", "Praktijkvoorbeelden"):
        nav(page, name)
    expect(page.locator("h1").first).to_have_text("Praktijkvoorbeelden")
    assert page.evaluate("history.length") == start + 3
    page.go_back()
    wait_for_app(page)
    expect(page.locator("h1").first).to_have_text("Interventies")
    assert page.url.endswith("/interventies")


def test_interventies_filters_survive_leaving_and_coming_back(app_server, page, kk):
    n = len(search(kk, "drugs").interventions)
    page.goto(f"{app_server.url}/interventies")
    wait_for_app(page)
    search_for(page, IV_SEARCH, "drugs")
    expect_count(page, "interventies", n)
    nav(page, "Shortlist")
    page.go_back()  # browser Back
    expect(page.locator("h1").first).to_have_text("Interventies", timeout=60_000)
    expect(page.get_by_label(IV_SEARCH)).to_have_value("drugs")
    expect_count(page, "interventies", n)
    nav(page, "Start")
    nav(page, "Interventies")  # and through the sidebar
    expect(page.get_by_label(IV_SEARCH)).to_have_value("drugs")


def test_a_catalogue_link_opens_in_the_same_tab_and_keeps_the_shortlist(app_server, page, kk):
    ex = next(e for e in kk.examples if e.interventions and e.municipality)
    target = kk.by_id("interventions")[ex.interventions[0]]
    page.goto(f"{app_server.url}/interventies?interventie=ajb")
    wait_for_app(page)
    page.get_by_role("button", name="Zet op shortlist").first.click()
    expect(page.get_by_text("Staat op de shortlist")).to_be_visible()
    nav(page, "Praktijkvoorbeelden")
    choose(page, "Kies een gemeente", ex.municipality)
    page.get_by_role("link", name=f"Gebruikt: {target.name}").first.click()
    wait_for_app(page)
    assert len(page.context.pages) == 1, "the link opened a new tab"
    expect(page).to_have_url(re.compile(rf"/interventies\?interventie={target.id}$"))
    expect(main(page).locator("h3").first).to_have_text(target.name)
    nav(page, "Shortlist")
    expect(main(page)).to_contain_text(kk.by_id("interventions")["ajb"].name)
    expect(main(page)).to_contain_text("1 interventie")


def test_share_link_restores_notes_in_a_fresh_context(app_server, browser, page, kk):
    page.goto(f"{app_server.url}/shortlist?shortlist=ajb,pit")
    wait_for_app(page)
    note = page.get_by_label(f"Notitie bij {kk.by_id('interventions')['pit'].name}")
    note.fill("Wachtlijst navragen bij de GGD")
    note.press("Enter")
    wait_for_app(page)
    link = share_link(page, "notitie-pit=")
    other = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        fresh = other.new_page()
        fresh.goto(link)
        wait_for_app(fresh)
        expect(fresh.get_by_label(f"Notitie bij {kk.by_id('interventions')['pit'].name}")).to_have_value(
            "Wachtlijst navragen bij de GGD"
        )
        expect(main(fresh)).to_contain_text("2 interventies")
    finally:
        other.close()


def test_a_bad_link_gives_one_dutch_notice(app_server, page):
    page.goto(f"{app_server.url}/interventies?thema=bestaat-niet&lft=abc&erkenning=zzz&factor=qq")
    wait_for_app(page)
    alerts = main(page).locator("[data-testid=stAlert]")
    expect(alerts.filter(has_text="Niet alles uit de link")).to_have_count(1)
    text = alerts.filter(has_text="Niet alles uit de link").inner_text()
    assert "bestaat-niet" in text and "Ongeldige leeftijd" in text and "qq" in text


def test_werkmap_round_trips_and_a_broken_one_changes_nothing(app_server, browser, page, kk, tmp_path):
    pit = kk.by_id("interventions")["pit"]
    page.goto(f"{app_server.url}/shortlist?shortlist=ajb,pit&notitie-ajb=Eerst+bespreken")
    wait_for_app(page)
    page.get_by_role("button", name="↑").nth(1).click()  # pit first
    wait_for_app(page)
    expect(main(page).locator("p").filter(has_text=re.compile(r"^1\. ")).first).to_contain_text(pit.name)
    wait_for_app(page)  # the rest of the page (the download button) is rendered too
    with page.expect_download() as dl:
        page.get_by_role("button", name="Download werkmap (.json)").click()
    path = tmp_path / dl.value.suggested_filename
    dl.value.save_as(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert [e["interventie"] for e in data["shortlist"]] == ["pit", "ajb"]

    other = browser.new_context(viewport={"width": 1400, "height": 1000})
    try:
        fresh = other.new_page()
        fresh.goto(f"{app_server.url}/shortlist")
        wait_for_app(fresh)
        expect(main(fresh)).to_contain_text("Uw shortlist is leeg")
        broken = tmp_path / "kapot.json"
        broken.write_text('{"formaat": "kenniskaart-werkmap", "versie": 1, "shortlist": [{"interventie": 5}]}')
        fresh.locator("[data-testid=stFileUploaderDropzoneInput]").set_input_files(str(broken))
        expect(main(fresh).locator("[data-testid=stAlert]").filter(has_text="niet geopend")).to_be_visible()
        expect(main(fresh)).to_contain_text("Uw shortlist is leeg")
        fresh.locator("[data-testid=stFileUploaderDropzoneInput]").set_input_files(str(path))
        expect(main(fresh)).to_contain_text("2 interventies", timeout=30_000)
        expect(main(fresh).locator("p").filter(has_text=re.compile(r"^1\. ")).first).to_contain_text(pit.name)
        expect(fresh.get_by_label(f"Notitie bij {kk.by_id('interventions')['ajb'].name}")).to_have_value("Eerst bespreken")
    finally:
        other.close()


@pytest.mark.parametrize("query", ["criminele vrienden", "drugs", "ouders"])
def test_everyday_words_find_interventions_and_examples(app_server, page, kk, query):
    expected = search(kk, query)
    page.goto(f"{app_server.url}/interventies")
    wait_for_app(page)
    search_for(page, IV_SEARCH, query)
    expect_count(page, "interventies", len(expected.interventions))
    expect(main(page)).to_contain_text("Ook gevonden via")
    expect(main(page)).to_contain_text(expected.factors[0].name)
    nav(page, "Praktijkvoorbeelden")
    search_for(page, EX_SEARCH, query)
    assert expected.examples
    expect_count(page, "praktijkvoorbeelden", len(expected.examples))


def test_which_interventions_fit_a_15_year_old(app_server, page, kk):
    """The 12–18 question on the catalogue: the age filter keeps ranges that include the age
    (and unknown ones, which say 'onbekend')."""
    from kenniskaart.catalog import InterventionFilter, filter_interventions

    page.goto(f"{app_server.url}/interventies?lft=15")
    wait_for_app(page)
    expected = filter_interventions(kk, InterventionFilter(age=15))
    assert len(expected) < len(kk.interventions)
    expect_count(page, "interventies", len(expected))


def test_clicking_a_table_row_opens_its_detail_and_a_new_search_drops_the_tick(app_server, page, kk):
    """A click on a row opens its detail. Issue 20: after a new search another row was ticked than
    the one in the detail. The grid's accessible table says which row is selected (aria-selected)."""
    from kenniskaart.signals import for_young_person

    young = [iv for iv in kk.interventions if for_young_person(iv)]
    page.goto(f"{app_server.url}/interventies")
    wait_for_app(page)
    grid = page.locator("[data-testid=stDataFrame]").first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    # the row-selection column at the left; header and rows are 35 px high: row 2
    page.mouse.click(box["x"] + 15, box["y"] + 35 + 35 * 2 + 17)
    expect(main(page).locator("h3").first).to_have_text(young[2].name, timeout=60_000)
    selected = page.locator("[data-testid=stDataFrame] tr[role=row][aria-selected=true]")
    expect(selected).to_have_count(1)
    expect(selected.first).to_contain_text(young[2].name)
    search_for(page, IV_SEARCH, "drugs")
    expect_count(page, "interventies", len(search(kk, "drugs").interventions))
    expect(page.locator("[data-testid=stDataFrame] tr[role=row][aria-selected=true]")).to_have_count(0)
    expect(main(page).locator("h3").first).to_have_text(young[2].name)  # the detail stays what was chosen
