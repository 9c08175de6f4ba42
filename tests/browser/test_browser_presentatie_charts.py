"""The presentation's charts use a 1920×1080 projector: drawn for 1280×720 and zoomed on
taller screens, so their text grows with the page's text and nothing leaves the screen."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from support.browser import wait_for_app

CHART = "[data-testid=stMain] [data-testid=stVegaLiteChart]"


def _chart_box(browser, app_server, case, size, view: str) -> dict:
    context = browser.new_context(viewport={"width": size[0], "height": size[1]}, locale="nl-NL")
    try:
        page = context.new_page()
        params = (f"presentatie=1&leeftijd={case.age}&risico={','.join(case.risk_factors)}"
                  f"&bescherm={','.join(case.protective_factors)}")
        page.goto(f"{app_server.url}/?{params}")
        wait_for_app(page)
        page.keyboard.press("PageDown")
        expect(page.locator("h1").first).to_contain_text("Kaart", timeout=30_000)
        if view != "Kaart":
            page.locator("[role=radio]").filter(has_text=view).click()
            wait_for_app(page)
        chart = page.locator(CHART).first
        expect(chart.locator("canvas, svg").first).to_be_visible(timeout=30_000)
        page.wait_for_function(
            "sel => { const c = document.querySelector(sel + ' canvas, ' + sel + ' svg');"
            " return c && c.getBoundingClientRect().height > 100; }", arg=CHART)
        box = chart.bounding_box()
        assert box is not None
        assert page.evaluate("document.documentElement.scrollWidth") <= size[0], "the page scrolls sideways"
        assert page.evaluate("document.documentElement.scrollHeight") <= size[1], "the step does not fit"
        return box
    finally:
        context.close()


@pytest.mark.parametrize("view", ["Kaart", "Bewijs × factoren"])
def test_charts_grow_on_a_1920x1080_projector(app_server, browser, kk, view):
    case = max(kk.cases, key=lambda c: len(c.risk_factors) + len(c.protective_factors))
    small = _chart_box(browser, app_server, case, (1280, 720), view)
    large = _chart_box(browser, app_server, case, (1920, 1080), view)
    # zoomed by 1.25: taller by that factor (the text in it too), and still inside the screen
    assert large["height"] >= 1.2 * small["height"], (small, large)
    assert large["x"] + large["width"] <= 1920, large
