"""Every string a user reads is Dutch, except the few Streamlit does not let an app set.

The scan reads the visible text of every page in Chromium, the placeholders of the inputs,
and an open multiselect list. ``STREAMLIT_OWN`` lists the English that Streamlit hard-codes
(the README names them); anything else English fails the test.
"""

from __future__ import annotations

import pytest

from support.browser import wait_for_app
from support.language import STREAMLIT_OWN, english_in

PAGES = ["", "factoren", "interventies", "aanbeveler", "praktijkvoorbeelden", "lessen", "planscan",
         "shortlist", "over", "werksessie", "monitor", "bestaat-niet"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_reads_dutch(app_server, page, path):
    page.goto(f"{app_server.url}/{path}")
    wait_for_app(page)
    text = page.locator("body").inner_text()
    placeholders = page.evaluate(
        "() => Array.from(document.querySelectorAll('input[placeholder], textarea[placeholder]'))"
        ".map(e => e.getAttribute('placeholder'))"
    )
    found = english_in(text + "\n" + "\n".join(placeholders)) - set(STREAMLIT_OWN)
    assert not found, f"English on /{path}: {sorted(found)}"


def test_a_multiselect_offers_no_select_all(app_server, page):
    page.goto(f"{app_server.url}/interventies")
    wait_for_app(page)
    picker = page.locator("[data-testid=stMultiSelect]").filter(has_text="Pakt deze factor aan")
    picker.get_by_role("combobox").click()
    options = page.locator("[role=option]")
    options.first.wait_for()
    texts = options.all_inner_texts()
    assert texts and not any(t.startswith("Select") for t in texts), texts[:3]
    assert not any("vrienden" in t for t in texts), "the unfiltered list starts elsewhere"
    page.keyboard.type("vrienden")
    # the list has been filtered (instead of a fixed sleep)
    page.wait_for_function(
        "() => [...document.querySelectorAll('[role=option]')].some(o => o.textContent.includes('vrienden'))",
        timeout=30_000)
    texts = options.all_inner_texts()
    assert texts and not any(t.startswith("Select") for t in texts), texts[:3]
    assert any("vrienden" in t for t in texts)
