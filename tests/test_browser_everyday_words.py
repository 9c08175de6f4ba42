"""Issue 20 in the real browser: the factor pickers (Aanbeveler, Interventies,
Praktijkvoorbeelden) find factors by everyday words ('spijbel', 'strafblad', 'agressie'), and Praktijkvoorbeelden lists every hit of a search."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from conftest import wait_for_app
from kenniskaart.catalog import ExampleFilter, factor_option_label, factor_options, filter_examples

pytestmark = pytest.mark.browser
EX_SEARCH = "Zoek in gewone woorden: naam, beschrijving, gemeente of de factor die ze aanpakken"


def _listed(page, box, typed: str) -> list[str]:
    """Type into a picker and return the options it lists (then close it)."""
    combobox = box.get_by_role("combobox")
    combobox.click()
    page.keyboard.type(typed)
    options = page.locator("[role=option]")
    expect(options.first).to_be_visible(timeout=10_000)
    texts = options.all_inner_texts()
    page.keyboard.press("Escape")
    wait_for_app(page)
    return texts


@pytest.mark.parametrize("typed, must", [
    ("spijbel", "Een laag opleidingsniveau"),
    ("strafblad", "Een criminele achtergrond"),
    ("crimineel verleden", "Het hebben van een detentiegeschiedenis"),
    ("agressie", "De bereidheid om geweld toe te passen"),
])
def test_everyday_words_find_factors_in_the_aanbeveler_picker(app_server, page, kk, typed, must):
    page.goto(f"{app_server.url}/aanbeveler")
    wait_for_app(page)
    box = page.locator("[data-testid=stMultiSelect]").filter(has_text="Risicofactoren: individu")
    listed = _listed(page, box, typed)
    factors = kk.by_id("factors")
    expected = [factor_option_label(kk, factors[f]) for f in factor_options(kk, "risico", "individu")
                if typed in factor_option_label(kk, factors[f]).lower()]
    assert any(must in t for t in listed), listed
    # only the factors whose label has the typed word: nothing unrelated ('fuzzy' letters in order)
    assert len(listed) == len(expected), (listed, expected)
    assert "No results" not in " ".join(listed)


@pytest.mark.parametrize("path", ["interventies", "praktijkvoorbeelden"])
def test_the_catalogue_and_example_factor_filters_know_everyday_words_too(app_server, page, kk, path):
    """'Pakt deze factor aan' on Interventies and Praktijkvoorbeelden lists the same factors for
    'spijbel' as the Aanbeveler's labels have it, and nothing unrelated."""
    page.goto(f"{app_server.url}/{path}")
    wait_for_app(page)
    box = page.locator("[data-testid=stMultiSelect]").filter(has_text="Pakt deze factor aan")
    listed = _listed(page, box, "spijbel")
    assert any("Een laag opleidingsniveau" in t for t in listed), listed
    factors = kk.by_id("factors")
    ids = ([f.id for f in kk.factors] if path == "interventies"
           else [f for kind in ("risico", "beschermend") for level in ("individu", "gezin", "gemeenschap")
                 for f in factor_options(kk, kind, level)])
    expected = [i for i in ids if "spijbel" in factor_option_label(kk, factors[i]).lower()]
    assert len(listed) == len(expected) >= 1, (listed, expected)


def test_a_factor_found_by_an_everyday_word_can_be_chosen(app_server, page, kk):
    page.goto(f"{app_server.url}/aanbeveler")
    wait_for_app(page)
    box = page.locator("[data-testid=stMultiSelect]").filter(has_text="Risicofactoren: individu")
    combobox = box.get_by_role("combobox")
    for attempt in range(3):
        combobox.click()
        page.keyboard.type("strafblad")
        try:
            page.locator("[role=option]").filter(has_text="Een criminele achtergrond").first.click(timeout=8_000)
            break
        except Exception:
            if attempt == 2:
                raise
            page.keyboard.press("Escape")
            wait_for_app(page)
    page.keyboard.press("Escape")
    wait_for_app(page)
    expect(page.locator("[data-testid=stMain]")).to_contain_text("Gekozen factoren", timeout=30_000)
    expect(page.locator("[data-testid=stMain]")).to_contain_text("Een criminele achtergrond")
    assert page.locator("[data-testid=stException]").count() == 0


def test_ouders_on_praktijkvoorbeelden_lists_every_hit(app_server, page, kk):
    page.goto(f"{app_server.url}/praktijkvoorbeelden")
    wait_for_app(page)
    box = page.get_by_label(EX_SEARCH)
    box.fill("ouders")
    box.press("Enter")
    wait_for_app(page)
    main = page.locator("[data-testid=stMain]")
    line = main.locator("p").filter(has_text=re.compile(r"^\d+ van \d+ praktijkvoorbeelden")).first
    expect(line).to_have_text(re.compile(r"^20 van "), timeout=60_000)
    n = int(line.inner_text().split()[0])
    assert n == len(filter_examples(kk, ExampleFilter(query="ouders")))
    cards = main.locator("[class*='st-key-p-ex-']")
    expect(cards).to_have_count(n, timeout=30_000)
    for i in range(n):
        expect(cards.nth(i)).to_be_visible()
    assert page.locator("[data-testid=stException]").count() == 0
