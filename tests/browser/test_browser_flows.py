"""Real-browser flows: casus → recommendations → shared link; shortlist → exports → shared link;
presentation mode on and off. (The Planscan flow is in test_browser_planscan.py.)"""

from __future__ import annotations

import re

from playwright.sync_api import expect

from support.browser import INTERVENTIONS_SEARCH, choose, download, fresh_page, no_exception, share_link, wait_for_app

SCORE = re.compile(r"^1\. .* · leeftijd ")  # the first card: "1. <name> <erkend> · leeftijd …"


def test_casus_recommendations_and_shared_link(app_server, browser, page, kk):
    case = kk.cases[0]
    page.goto(f"{app_server.url}/aanbeveler")
    wait_for_app(page)
    choose(page, "Begin met een casus", case.title)
    main = page.locator("[data-testid=stMain]")
    expect(main).to_contain_text("Niveau van hulp:", timeout=30_000)
    expect(main.locator("p").filter(has_text=SCORE).first).to_be_visible(timeout=30_000)
    no_exception(page)
    first = page.locator("[data-testid=stMarkdownContainer] p").filter(has_text=SCORE).first.inner_text()
    shared = share_link(page, "risico=")

    with fresh_page(browser, shared) as fresh:
        again_loc = fresh.locator("[data-testid=stMarkdownContainer] p").filter(has_text=SCORE).first
        expect(again_loc).to_be_visible(timeout=30_000)
        again = again_loc.inner_text()
        assert again == first
        no_exception(fresh)


def test_shortlist_exports_and_shared_link(app_server, browser, page, kk, tmp_path):
    ajb = kk.by_id("interventions")["ajb"]
    # A profile from a link, then (in the same session) the catalogue and the shortlist.
    page.goto(f"{app_server.url}/aanbeveler?leeftijd=14&risico={ajb.factors[0].factor}")
    wait_for_app(page)
    page.get_by_role("link", name="Interventies").first.click()
    wait_for_app(page)
    search = page.get_by_label(INTERVENTIONS_SEARCH)
    search.fill("Alleen Jij Bepaalt")
    search.press("Enter")
    wait_for_app(page)
    page.get_by_role("button", name="Zet op shortlist").first.click()
    expect(page.get_by_text("Staat op de shortlist")).to_be_visible(timeout=30_000)
    page.get_by_role("link", name="Shortlist").first.click()
    wait_for_app(page)
    expect(page.locator("[data-testid=stMain]")).to_contain_text("1 interventie", timeout=30_000)
    expect(page.locator("[data-testid=stMain]")).to_contain_text("Leeftijd: 14 jaar")

    csv_text = download(page, "Download CSV").path().read_bytes().decode("utf-8-sig")
    assert csv_text.splitlines()[0].startswith("interventie;notitie;leeftijd")
    assert ajb.name in csv_text and "12–18 jaar" in csv_text

    # files built on click, one after another (a rerun racing such a download once left the
    # next button disabled)
    xlsx = download(page, "Download Excel").path().read_bytes()
    assert xlsx[:2] == b"PK"  # a zip container: an .xlsx workbook
    html = download(page, "Download printbaar document").path().read_text(encoding="utf-8")
    assert "<h1>Shortlist interventies</h1>" in html and ajb.name in html and "Leeftijd: 14 jaar" in html
    assert download(page, "Download CSV").path().read_bytes().decode("utf-8-sig") == csv_text

    shared = share_link(page, "shortlist=ajb")
    with fresh_page(browser, shared) as fresh:
        main = fresh.locator("[data-testid=stMain]")
        expect(main).to_contain_text("1 interventie", timeout=30_000)
        expect(main).to_contain_text(ajb.name)
        expect(main).to_contain_text("Leeftijd: 14 jaar")


def test_presentation_mode_on_and_off(app_server, page):
    page.goto(f"{app_server.url}/")
    wait_for_app(page)
    expect(page.locator("h1").first).to_have_text("Kenniskaart Preventie met Gezag")
    page.get_by_role("button", name="Presentatiemodus").click()
    expect(page.locator("h1").first).to_have_text("Stap 1 van 5: Profiel")
    expect(page.locator("[data-testid=stSidebarNav]")).to_have_count(0)
    page.get_by_role("button", name=re.compile("^Volgende")).click()
    expect(page.locator("h1").first).to_have_text("Stap 2 van 5: Kaart")
    page.keyboard.press("Tab")  # the controls are reachable by keyboard
    page.get_by_role("button", name="Presentatie verlaten").click()
    expect(page.locator("[data-testid=stSidebarNav]")).to_have_count(1)
    expect(page).not_to_have_url(re.compile("presentatie"), timeout=15_000)
    expect(page.locator("h1").first).to_have_text("Kenniskaart Preventie met Gezag")


def test_presentation_link_opens_presentation(app_server, page):
    page.goto(f"{app_server.url}/?presentatie=1")
    wait_for_app(page)
    assert page.locator("h1").first.inner_text() == "Stap 1 van 5: Profiel"
    no_exception(page)
