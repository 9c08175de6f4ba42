"""Real browser: the Lessen page shows one part at a time; a click opens another part and the
URL remembers it (?onderdeel=…), so a link to a part can be shared."""

from __future__ import annotations

from support.browser import no_exception, wait_for_app


def test_lessen_parts_open_lazily_and_are_bookmarkable(app_server, page):
    page.goto(f"{app_server.url}/lessen")
    wait_for_app(page)
    assert page.get_by_text("Les 1:", exact=False).first.is_visible()
    assert page.get_by_text("Elf indicatoren op gemeenschapsniveau", exact=True).count() == 0

    page.get_by_role("tab", name="Ingroei, gezin en buurt").click()
    page.get_by_text("Elf indicatoren op gemeenschapsniveau", exact=True).wait_for(timeout=20_000)
    wait_for_app(page)
    assert "onderdeel=" in page.url
    assert page.get_by_text("Les 1:", exact=False).count() == 0
    no_exception(page)

    # the bookmarked URL opens the same part
    page.goto(page.url)
    wait_for_app(page)
    page.get_by_text("Vier vormen van opvoedondersteuning", exact=True).wait_for(timeout=20_000)


def test_worksheet_answers_survive_switching_parts(app_server, page):
    page.goto(f"{app_server.url}/lessen?onderdeel=Werkblad+Samen+weerbaar")
    wait_for_app(page)
    area = page.locator("textarea").first
    area.fill("Onze wijk: Noord")
    area.blur()
    wait_for_app(page)
    page.get_by_role("tab", name="Vier lessen (CCV)").click()
    page.get_by_text("Les 1:", exact=False).first.wait_for(timeout=20_000)
    page.get_by_role("tab", name="Werkblad Samen weerbaar").click()
    page.locator("textarea").first.wait_for(timeout=20_000)
    wait_for_app(page)
    assert page.locator("textarea").first.input_value() == "Onze wijk: Noord"
