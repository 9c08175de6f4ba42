"""Sturdiness in the real browser: hostile content is shown as text, broken content gives a
readable error page."""

from __future__ import annotations

import pytest

from support.browser import choose, no_exception, open_expanders, wait_for_app
from support.paths import FIXTURES
from support.server import AppServer

PAGES = ["", "factoren", "interventies", "aanbeveler?leeftijd=12&risico=f-risico", "praktijkvoorbeelden",
         "lessen", "planscan", "shortlist?shortlist=iv-een&leeftijd=12&risico=f-risico", "over",
         "?presentatie=1&leeftijd=12&risico=f-risico"]


@pytest.fixture(scope="module")
def hostile_server():
    server = AppServer(env={"KENNISKAART_CONTENT": str(FIXTURES / "hostile")})
    yield server
    server.stop()


@pytest.mark.parametrize("path", PAGES)
def test_hostile_content_is_text_not_markup(hostile_server, page, path):
    page.goto(f"{hostile_server.url}/{path}")
    wait_for_app(page)
    if path == "planscan":  # an empty plan shows no content: start from the hostile municipality's plan
        choose(page, "Begin met het plan van een BOTOC-gemeente", "Gemeente <b>")
    # Open everything that hides content: expanders (also those that appear once another one has
    # run its lazy content) and tabs.
    main = page.locator("[data-testid=stMain]")
    seen = []

    def check_view(where: str) -> None:
        """Everything in view opened and drawn (instead of a fixed sleep), then: nothing of the
        content ran or became markup, and its text was kept."""
        open_expanders(page)
        assert page.evaluate("window.__xss") is None, f"content was executed as HTML/JS ({where})"
        no_exception(page, where)
        assert main.locator("script").filter(has_text="__xss").count() == 0, where
        assert main.locator("img[src=x]").count() == 0, where
        assert main.locator("a[href^='javascript']").count() == 0, where
        seen.append(main.inner_text())

    check_view("page")
    for tab in page.get_by_role("tab").all():  # a tab's content is only drawn while it is open
        tab.click()
        wait_for_app(page)
        check_view(f"tab {tab.inner_text()}")
    # the hostile strings are shown literally, as text (every page shows some; no exemption)
    assert any("__xss" in text for text in seen), seen[-1][-1500:]


def test_broken_content_shows_readable_errors(page):
    server = AppServer(env={"KENNISKAART_CONTENT": str(FIXTURES / "bad" / "many_errors")})
    try:
        for path in ["", "aanbeveler"]:
            page.goto(f"{server.url}/{path}")
            wait_for_app(page)
            text = page.locator("[data-testid=stMain]").inner_text()
            assert "De inhoud van de kenniskaart is ongeldig" in text
            assert "2 fouten gevonden" in text
            no_exception(page)
    finally:
        server.stop()


def test_start_slug_opens_the_start_page(app_server, page):
    """/start is the default page's own slug: it opens Start, not an error or 'not found'."""
    page.goto(f"{app_server.url}/start")
    wait_for_app(page)
    main = page.locator("[data-testid=stMain]")
    assert main.locator("h1").first.inner_text() == "Kenniskaart Preventie met Gezag"
    no_exception(page)
    assert "Pagina niet gevonden" not in main.inner_text()
