"""The visual kenniskaart in real chromium at 1280×720: picking or clicking a factor lights up
exactly the interventions the catalogue links to it; labels are at least 18 px."""

from __future__ import annotations

import contextlib
import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from kenniskaart import kaart
from kenniskaart.vocabulary import GROUP_LABELS
from support.browser import grid_rows, no_exception, open_factor_map, pick_option, wait_for_app
from support.expected import counts

PICKER = "Licht op op de kaart (of klik op een factor of interventie)"

LABELS = """() => [...document.querySelectorAll('[data-testid=stVegaLiteChart] svg text')].map(t => ({
    text: t.textContent, opacity: parseFloat(getComputedStyle(t).opacity),
    size: parseFloat(t.getAttribute('font-size') || getComputedStyle(t).fontSize),
    box: (() => { const r = t.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })(),
    legend: !!t.closest('.role-legend')}))"""


def _default_group(kk) -> list[str]:
    """The factors the map shows first: the first kind/level group (risicofactoren · individu)."""
    kind, level = next(iter(GROUP_LABELS))
    return [f.id for f in kk.factors if (f.kind, f.level) == (kind, level)]


def _open_map(app_server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="nl-NL")
    page = context.new_page()
    open_factor_map(page, app_server.url)
    expect(page.locator("[data-testid=stVegaLiteChart] svg").first).to_be_visible(timeout=30_000)
    return context, page


def _lit_interventions(page, kk) -> list[str]:
    """Intervention names whose label is drawn at full strength (labels may end in '…')."""
    names = [iv.name for iv in kk.interventions]
    lit = []
    for label in page.evaluate(LABELS):
        if label["opacity"] < 0.99 or label["legend"]:
            continue
        stem = label["text"].rstrip("…").rstrip()
        match = [n for n in names if n == label["text"] or (label["text"].endswith("…") and n.startswith(stem))]
        if len(match) == 1:
            lit.append(match[0])
    return lit


# The same reading as _lit_interventions, in the page: true once the labels drawn at full strength
# are exactly the expected interventions (the chart is drawn again after the rerun).
LIT_IS = """([names, expected]) => {
    const lit = [];
    for (const t of document.querySelectorAll('[data-testid=stVegaLiteChart] svg text')) {
        if (parseFloat(getComputedStyle(t).opacity) < 0.99 || t.closest('.role-legend')) continue;
        const text = t.textContent, stem = text.replace(/…$/, '').trimEnd();
        const match = names.filter(n => n === text || (text.endsWith('…') && n.startsWith(stem)));
        if (match.length === 1) lit.push(match[0]);
    }
    lit.sort();
    return JSON.stringify(lit) === JSON.stringify(expected);
}"""


def _assert_lit(page, kk, expected: list[str]) -> None:
    """Wait until the map lights up exactly ``expected`` (sorted); on a timeout, say what it lit."""
    with contextlib.suppress(PlaywrightTimeout):  # the assertion below names the difference
        page.wait_for_function(LIT_IS, arg=[[iv.name for iv in kk.interventions], sorted(expected)], timeout=30_000)
    assert sorted(_lit_interventions(page, kk)) == sorted(expected)


def _addressing(kk, fid):
    """The factor's interventions that may be drawn as addressing it (written apart from
    rules.addressing): not what can harm or had no effect."""
    return [iv for iv in kk.interventions_for_factor(fid) if counts(iv)]


def _busiest_factor(kk, graph):
    return max(graph.shown("factor"), key=lambda n: len(_addressing(kk, n.id)))


def test_picking_a_factor_lights_exactly_its_interventions(app_server, browser, kk):
    graph = kaart.build_graph(kk, _default_group(kk), 16, 16)
    node = _busiest_factor(kk, graph)
    expected = sorted(iv.name for iv in _addressing(kk, node.id))
    context, page = _open_map(app_server, browser)
    try:
        name = f"Factor: {kk.by_id('factors')[node.id].name}"
        pick_option(page, page.get_by_role("combobox", name=PICKER), name, exact=True)
        expect(page.locator("[data-testid=stMain]")).to_contain_text(f"aanpakken ({len(expected)})", timeout=30_000)
        _assert_lit(page, kk, expected)
        alt = page.locator("[data-testid=stVegaLiteChart]").first.get_attribute("aria-label")
        assert all(name in alt for name in expected)
    finally:
        context.close()


def test_clicking_a_factor_on_the_map_lights_exactly_its_interventions(app_server, browser, kk):
    """The factor to click is read from the map's table alternative (what the map shows, for
    screen readers); the click lands on that factor's own label in the drawing."""
    by_name = {f.name: f for f in kk.factors}
    context, page = _open_map(app_server, browser)
    try:
        page.locator("summary").filter(has_text="De kaart als tabel (voor schermlezers)").click()
        wait_for_app(page)
        table = page.locator("[data-testid=stExpanderDetails]").filter(
            has=page.locator("[data-testid=stDataFrame]")).locator("[data-testid=stDataFrame]").first
        rows = grid_rows(table)
        name = rows[0]["factor"]
        factor = by_name[name]
        assert sum(f.name == name for f in kk.factors) == 1
        expected = sorted(iv.name for iv in _addressing(kk, factor.id))
        label = page.locator("[data-testid=stVegaLiteChart] svg text").filter(
            has_text=re.compile("^" + re.escape(name) + "$|^" + _stem_pattern(name)))
        expect(label.first).to_be_visible(timeout=30_000)
        label.first.click()
        wait_for_app(page)
        expect(page.get_by_role("combobox", name=PICKER)).to_have_value(f"Factor: {name}", timeout=30_000)
        _assert_lit(page, kk, expected)
    finally:
        context.close()


def _stem_pattern(name: str) -> str:
    """A label cut short: a prefix of ``name`` and '…' (at least 8 letters of it)."""
    return "(?:" + "|".join(re.escape(name[:i].rstrip()) + r"\s*…$" for i in range(len(name) - 1, 7, -1)) + ")"


def test_map_labels_are_large_and_do_not_overlap(app_server, browser, kk):
    context, page = _open_map(app_server, browser)
    try:
        labels = [label for label in page.evaluate(LABELS) if label["text"].strip() and label["opacity"] > 0]
        assert labels and min(label["size"] for label in labels) >= 18
        boxes = [label["box"] for label in labels if not label["legend"]]
        # theme labels are drawn twice (white halo + text): compare distinct boxes only
        boxes = sorted({tuple(round(v) for v in b) for b in boxes})
        overlaps = [
            (a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if a[0] < b[2] - 1 and b[0] < a[2] - 1 and a[1] < b[3] - 3 and b[1] < a[3] - 3
        ]
        assert overlaps == []
    finally:
        context.close()


def test_the_aanbeveler_shows_the_map_of_its_profile(app_server, browser, kk):
    """Issue 14: the map filtered to the profile on the Aanbeveler; picking a factor of the
    profile lights up exactly the interventions linked to it that the Aanbeveler offers (issue 20)."""
    from kenniskaart.aanbeveler import Profile, offered, recommend

    anti = "beke-r-antisociale-persoonlijkheidskenmerken"
    friends = "beke-r-banden-vrienden-kennissen"
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="nl-NL")
    page = context.new_page()
    try:
        page.goto(f"{app_server.url}/aanbeveler?leeftijd=15&risico={anti},{friends}")
        wait_for_app(page)
        page.get_by_role("tab", name="Kaart").click()
        wait_for_app(page)
        expect(page.locator("[data-testid=stVegaLiteChart] svg").first).to_be_visible(timeout=30_000)
        name = kk.by_id("factors")[anti].name
        only = offered(recommend(kk, Profile(age=15, risk_factors=(anti, friends))))
        expected = sorted(iv.name for iv in _addressing(kk, anti) if iv.id in only)
        assert 0 < len(expected) < len(_addressing(kk, anti))
        pick_option(page, page.get_by_role("combobox", name=PICKER), f"Factor: {name}", exact=True)
        expect(page.locator("[data-testid=stMain]")).to_contain_text(f"aanpakken ({len(expected)})", timeout=30_000)
        no_exception(page)
    finally:
        context.close()


@pytest.mark.parametrize(("width", "height", "drawing"), [(390, 844, False), (1280, 720, True)])
def test_on_a_phone_the_profile_map_gives_way_to_a_readable_list(app_server, browser, kk, width, height, drawing):
    """Issue 20: at 390×844 the Aanbeveler's map was unreadable; there it is a list of the same
    factors and interventions, on a wide screen the drawing."""
    from kenniskaart.aanbeveler import Profile, offered, recommend

    anti, drugs = "beke-r-antisociale-persoonlijkheidskenmerken", "beke-r-drugsgebruik"
    context = browser.new_context(viewport={"width": width, "height": height}, locale="nl-NL")
    page = context.new_page()
    try:
        page.goto(f"{app_server.url}/aanbeveler?leeftijd=15&risico={anti},{drugs}")
        wait_for_app(page)
        page.get_by_role("tab", name="Kaart", exact=True).click()
        wait_for_app(page)
        wide, narrow = page.locator(".st-key-a_map-wide"), page.locator(".st-key-a_map-narrow")
        if drawing:
            expect(wide.locator("[data-testid=stVegaLiteChart]")).to_be_visible(timeout=30_000)
            expect(narrow).to_be_hidden()
        else:
            expect(narrow).to_be_visible(timeout=30_000)
            expect(wide).to_be_hidden()
            graph = kaart.build_graph(kk, [anti, drugs], None, 16,
                                      only=offered(recommend(kk, Profile(age=15, risk_factors=(anti, drugs)))))
            for entry in kaart.kaart_list(kk, graph):
                expect(narrow).to_contain_text(entry.factor.name)
                for iv, _ in entry.interventions:
                    expect(narrow).to_contain_text(iv.name)
            # nothing sticks out of the screen
            assert page.evaluate("document.documentElement.scrollWidth") <= width + 1
    finally:
        context.close()
