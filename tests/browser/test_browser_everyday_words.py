"""Issues 20 and 26 in the real browser: every factor picker (Aanbeveler ×6, Interventies,
Praktijkvoorbeelden, the Planscan's own entry) finds factors by everyday words and professional
abbreviations ('spijbel', 'blowen', 'criminele familie', 'OTS'), a word that is no factor gets
Dutch text instead of Streamlit's 'No results', the search boxes find the intended items, and on a
phone the option text is never cut off."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from kenniskaart.catalog import (
    ExampleFilter,
    InterventionFilter,
    factor_option_label,
    factor_options,
    filter_examples,
    filter_interventions,
)
from kenniskaart.ui.widgets import NO_MATCH, factor_picker, factor_pickers
from support.browser import EXAMPLES_SEARCH, INTERVENTIONS_SEARCH, no_exception, wait_for_app
from support.words import GROUPS, SEARCH_WORDS


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


@pytest.mark.parametrize(("typed", "must"), [
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
    no_exception(page)


def test_ouders_on_praktijkvoorbeelden_lists_every_hit(app_server, page, kk):
    page.goto(f"{app_server.url}/praktijkvoorbeelden")
    wait_for_app(page)
    box = page.get_by_label(EXAMPLES_SEARCH)
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
    no_exception(page)


# --- issue 26: the words in every picker and search box ------------------------------

WORDS = sorted(SEARCH_WORDS)
"""The issue's everyday and professional words (LVB, blowen, cannabis, schooluitval, criminele
familie, gamen, online, … MDFT, MST, OTS, JJI, PIJ, HALT, jeugdreclassering, ggz, vsv, geldezel,
wapens, mes)."""

INTENDED = {w.casefold(): expected for words, expected in GROUPS.values() for w in words}
"""Per typed word, the factors it is meant to find (written by hand in test_matcher_pickers)."""

AANBEVELER = [
    f"{kind}: {level}" for kind in ("Risicofactoren", "Beschermend") for level in ("individu", "gezin", "gemeenschap")
]


def _typed(page, box, typed: str) -> tuple[int, list[str], str]:
    """Type into a picker: (how many options it keeps, the option texts shown, the list's text).
    Typing filters without a rerun; the text is cleared and the list closed afterwards."""
    box.get_by_role("combobox").click()
    page.keyboard.type(typed)
    dropdown = page.locator("[data-testid=stMultiSelectDropdown]")
    options = dropdown.locator("[role=option]")
    expect(options.first).to_be_visible(timeout=10_000)
    page.wait_for_timeout(150)  # the Dutch text replaces Streamlit's on the next mutation
    text = dropdown.inner_text()
    # with nothing to list, the list's one row is its empty state (Streamlit's 'No results')
    empty = "No results" in text or NO_MATCH in text
    total = 0 if empty else int(options.first.get_attribute("aria-setsize"))
    texts = [] if empty else options.all_inner_texts()
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.keyboard.press("Escape")
    return total, texts, text


def _check_picker(page, box, kk, options: list[str], label, where: str) -> None:
    by_id = kk.by_id("factors")
    for word in WORDS:
        total, texts, text = _typed(page, box, word)
        kept = [f for f in options if word.casefold() in label(f).casefold()]
        assert "No results" not in text, (where, word)
        assert total == len(kept), (where, word, total, len(kept))
        if not kept:
            assert NO_MATCH in text, (where, word, text)
            continue
        intended = [f for f in options if f in INTENDED.get(word.casefold(), set())
                    or by_id[f].id in INTENDED.get(word.casefold(), set())]
        assert set(intended) <= set(kept), (where, word)
        if total <= 8:  # the whole list is on screen: each intended factor is seen
            for f in intended:
                assert label(f) in texts, (where, word, label(f), texts)


@pytest.mark.parametrize("picker", AANBEVELER)
def test_everyday_words_in_the_aanbeveler_pickers(app_server, page, kk, picker):
    page.goto(f"{app_server.url}/aanbeveler")
    wait_for_app(page)
    box = page.locator("[data-testid=stMultiSelect]").filter(has_text=picker)
    kind = "risico" if picker.startswith("Risico") else "beschermend"
    options, labels = factor_pickers(kk)
    _check_picker(page, box, kk, options[(kind, picker.split(": ")[1])], labels.get, picker)
    # the tip under the pickers says where LVB, an offence and programmes go
    expect(page.locator("[data-testid=stMain]")).to_contain_text("Een LVB, de leeftijd, een delict")


@pytest.mark.parametrize("path", ["interventies", "praktijkvoorbeelden", "planscan"])
def test_everyday_words_in_the_other_factor_pickers(app_server, page, kk, path):
    page.goto(f"{app_server.url}/{path}")
    wait_for_app(page)
    main = page.locator("[data-testid=stMain]")
    if path == "planscan":
        main.get_by_text("Eigen interventie toevoegen").click()
        wait_for_app(page)
        box = page.locator("[data-testid=stMultiSelect]").filter(has_text="Factoren die ze aanpakt")
    else:
        box = page.locator("[data-testid=stMultiSelect]").filter(has_text="Pakt deze factor aan")
    expect(box).to_be_visible(timeout=30_000)
    options, label = factor_picker(kk, path)
    _check_picker(page, box, kk, options, label, path)
    expect(main).to_contain_text("Geen factor bij uw woord?")


EXAMPLES = {
    "gamen": "pmg-online-weerbaarheid", "HALT": "pmg-halt-spreekuur",
    "jeugdreclassering": "pmg-jeugdreclassering-verharde-doelgroep", "criminele familie": "pmg-familieaanpak-tilburg",
    "JJI": "pmg-nazorg-detentie-rotterdam", "spijbelen": "pmg-schoolverzuim",
}
"""Practice examples a word is meant to find, from their names."""


def _search(page, label: str, word: str) -> None:
    box = page.get_by_label(label)
    box.fill(word)
    box.press("Enter")
    wait_for_app(page, 60_000)


def _count(page, noun: str) -> int:
    line = page.locator("[data-testid=stMain] p").filter(has_text=re.compile(rf"^\d+ van \d+ {noun}")).first
    expect(line).to_be_visible(timeout=30_000)
    return int(line.inner_text().split()[0])


def test_everyday_words_in_the_interventies_search_box(app_server, page, kk):
    page.goto(f"{app_server.url}/interventies")
    wait_for_app(page)
    ivs = kk.by_id("interventions")
    label = INTERVENTIONS_SEARCH
    for word in WORDS:
        _search(page, label, word)
        found = filter_interventions(kk, InterventionFilter(query=word))
        expect(page.locator("[data-testid=stMain] p").filter(
            has_text=re.compile(rf"^{len(found)} van \d+ interventies")).first).to_be_visible(timeout=30_000)
        intended = SEARCH_WORDS[word][0]
        assert intended <= {iv.id for iv in found}, word
        if intended:
            # the detail picker lists the found items: each intended one is there
            picker = page.locator("[data-testid=stSelectbox]").filter(has_text="Kies een interventie")
            for iid in intended:
                picker.get_by_role("combobox").click()
                page.keyboard.type(ivs[iid].name[:25])
                expect(page.locator("[data-testid=stSelectboxVirtualDropdown]")).to_contain_text(ivs[iid].name[:25])
                page.keyboard.press("Escape")
        assert "No results" not in page.locator("body").inner_text()


def test_everyday_words_in_the_praktijkvoorbeelden_search_box(app_server, page, kk):
    page.goto(f"{app_server.url}/praktijkvoorbeelden")
    wait_for_app(page)
    main = page.locator("[data-testid=stMain]")
    for word in WORDS:
        _search(page, EXAMPLES_SEARCH, word)
        found = filter_examples(kk, ExampleFilter(query=word))
        expect(main.locator("p").filter(has_text=re.compile(rf"^{len(found)} van \d+ praktijkvoorbeelden")).first
               ).to_be_visible(timeout=30_000)
        if word in EXAMPLES:
            assert EXAMPLES[word] in {e.id for e in found}
            expect(main.locator(f".st-key-p-ex-{EXAMPLES[word]}")).to_be_visible(timeout=30_000)


def test_on_a_phone_no_option_text_is_cut_off(app_server, browser, kk):
    """390 px wide: every option a long word keeps shows its whole text inside its row (Streamlit's
    rows are 2.5rem high and cut the text at the list's edge: the page wraps and, for the longest
    labels, shrinks it)."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, locale="nl-NL", is_mobile=True, has_touch=True
    )
    page = context.new_page()
    try:
        for path, picker, word in [("aanbeveler", "Risicofactoren: gemeenschap", "vrienden"),
                                   ("aanbeveler", "Risicofactoren: individu", "Het"),
                                   ("interventies", "Pakt deze factor aan", "vrienden"),
                                   ("praktijkvoorbeelden", "Pakt deze factor aan", "criminele")]:
            page.goto(f"{app_server.url}/{path}")
            wait_for_app(page)
            box = page.locator("[data-testid=stMultiSelect]").filter(has_text=picker)
            box.scroll_into_view_if_needed()
            box.get_by_role("combobox").click()
            page.keyboard.type(word)
            options = page.locator("[data-testid=stMultiSelectDropdown] [role=option] > div")
            expect(options.first).to_be_visible(timeout=10_000)
            page.wait_for_timeout(300)
            rows = options.evaluate_all(
                "els => els.map(e => [e.innerText,"
                " e.scrollHeight <= e.clientHeight + 1 && e.scrollWidth <= e.clientWidth + 1,"
                " e.getBoundingClientRect().right <= window.innerWidth && e.getBoundingClientRect().left >= 0,"
                " parseFloat(getComputedStyle(e).fontSize)])"
            )
            assert rows, (path, word)
            for text, fits, inside, size in rows:
                assert fits and inside, (path, word, text)
                assert size >= 8, (path, text, size)
            page.keyboard.press("Escape")
    finally:
        context.close()
