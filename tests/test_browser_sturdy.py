"""Sturdiness in the real browser: hostile content is shown as text, broken content gives a
readable error page."""

from __future__ import annotations

import pytest

from conftest import FIXTURES, AppServer, wait_for_app

pytestmark = pytest.mark.browser

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
    # Open everything that hides content: expanders and tabs.
    def open_expanders():
        for summary in page.locator("[data-testid=stExpander] details:not([open]) > summary").all():
            if summary.is_visible():
                summary.click()

    open_expanders()
    for tab in page.get_by_role("tab").all():
        tab.click()
        wait_for_app(page)
        open_expanders()
    page.wait_for_timeout(500)
    assert page.evaluate("window.__xss") is None, "content was executed as HTML/JS"
    assert page.locator("[data-testid=stException]").count() == 0
    main = page.locator("[data-testid=stMain]")
    assert main.locator("script").filter(has_text="__xss").count() == 0
    assert main.locator("img[src=x]").count() == 0
    assert main.locator("a[href^='javascript']").count() == 0
    assert "__xss" in main.inner_text() or path.startswith("planscan") or path.startswith("over"), (
        "the hostile strings are shown literally"
    )


def test_broken_content_shows_readable_errors(page):
    server = AppServer(env={"KENNISKAART_CONTENT": str(FIXTURES / "bad" / "many_errors")})
    try:
        for path in ["", "aanbeveler"]:
            page.goto(f"{server.url}/{path}")
            wait_for_app(page)
            text = page.locator("[data-testid=stMain]").inner_text()
            assert "De inhoud van de kenniskaart is ongeldig" in text
            assert "2 fouten gevonden" in text
            assert page.locator("[data-testid=stException]").count() == 0
    finally:
        server.stop()


def test_start_slug_opens_the_start_page(app_server, page):
    """/start is the default page's own slug: it opens Start, not an error or 'not found'."""
    page.goto(f"{app_server.url}/start")
    wait_for_app(page)
    main = page.locator("[data-testid=stMain]")
    assert main.locator("h1").first.inner_text() == "Kenniskaart Preventie met Gezag"
    assert page.locator("[data-testid=stException]").count() == 0
    assert "Pagina niet gevonden" not in main.inner_text()
