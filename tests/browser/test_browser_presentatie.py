"""Presentation mode in real chromium at projector sizes: one screen per step, clicker keys,
navigation below Streamlit's header, text of at least 24 px, no bare 'onbekend'."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from kenniskaart.presentatie import STEPS
from support.browser import pick_option, wait_for_app, wait_for_layout

SIZES = [(1280, 720), (1920, 1080)]

FITS = """() => {
    const main = document.querySelector('[data-testid=stMain]');
    return {doc: document.documentElement.scrollHeight, inner: innerHeight,
            main: main.scrollHeight, mainClient: main.clientHeight};
}"""

# Every visible text element inside the main area (not the chart, whose labels are drawn on
# a canvas and checked in test_kaart.py): font size in px and a sample of its text.
SMALL_TEXT = """() => {
    const out = [];
    const main = document.querySelector('[data-testid=stMain]');
    for (const el of main.querySelectorAll('*')) {
        if (el.closest('[data-testid=stVegaLiteChart]') || el.closest('.st-key-p-arrows')) continue;
        if (el.closest('[data-testid=stIconMaterial]')) continue;  // icon ligatures, not text
        const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
        if (!own) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        const size = parseFloat(getComputedStyle(el).fontSize);
        // at least 24 px, and on a larger projector the type grows with the screen (2.8 % of its height)
        if (size < Math.max(23.5, innerHeight * 0.028 - 0.5))
            out.push([size, el.tagName, el.textContent.trim().slice(0, 60)]);
    }
    return out;
}"""

BARE_UNKNOWN = re.compile(r"(?<!leeftijd )(?<!erkenning )(?<!bewijs )(?<!gemeente )(?<!niveau )(?<!datum )\bonbekend\b")


@pytest.fixture
def case(kk):
    return max(kk.cases, key=lambda c: len(c.risk_factors) + len(c.protective_factors))


def _context(browser, size):
    return browser.new_context(viewport={"width": size[0], "height": size[1]}, locale="nl-NL")


def _open_case(app_server, browser, case, size):
    """A new browser context in presentation mode with ``case`` chosen: (context, page)."""
    context = _context(browser, size)
    page = context.new_page()
    page.goto(f"{app_server.url}/?presentatie=1")
    wait_for_app(page)
    pick_option(page, page.get_by_role("combobox", name="Kies een casus om samen te bespreken"), case.title,
                exact=True, type_filter=False)
    expect(page.locator("[data-testid=stMain]")).to_contain_text("Risicofactoren", timeout=30_000)
    wait_for_app(page)
    return context, page


def _title(page) -> str:
    return page.locator("h1").first.inner_text()


def _check_screen(page, size, where: str) -> None:
    fits = page.evaluate(FITS)
    assert fits["doc"] <= fits["inner"], (where, size, fits)
    assert fits["main"] <= fits["mainClient"] + 1, (where, size, fits)
    header = page.locator("[data-testid=stHeader]").bounding_box()
    for name in ("Vorige", "Volgende", "Notities voor de begeleider", "Presentatie verlaten"):
        box = page.locator(".st-key-p-nav").get_by_role("button", name=re.compile("^" + name)).bounding_box()
        assert box is not None, (where, name)
        assert box["y"] >= header["y"] + header["height"], (where, name, box, header)
        assert box["y"] + box["height"] <= size[1] and box["x"] + box["width"] <= size[0], (where, name, box)
    small = page.evaluate(SMALL_TEXT)
    assert small == [], (where, size, small[:8])
    text = page.locator("[data-testid=stMain]").inner_text()
    assert not BARE_UNKNOWN.search(text), (where, BARE_UNKNOWN.findall(text), text[:400])


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_step_fits_one_screen(app_server, browser, case, size):
    # the casus with the most factors: its description is the longest text on step 1
    context, page = _open_case(app_server, browser, case, size)
    try:
        for i, step in enumerate(STEPS, start=1):
            expect(page.locator("h1").first).to_have_text(f"Stap {i} van {len(STEPS)}: {step}", timeout=30_000)
            wait_for_layout(page)  # charts lay out after the script run
            _check_screen(page, size, step)
            if step == "Kaart":  # the second view of the step fits too
                page.locator("[role=radio]").filter(has_text="Bewijs × factoren").click()
                wait_for_layout(page)
                _check_screen(page, size, "Kaart: bewijs × factoren")
                page.locator("[role=radio]").filter(has_text="Kaart").first.click()
                wait_for_app(page)
            page.keyboard.press("PageDown")
    finally:
        context.close()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_clicker_and_keyboard(app_server, browser, case, size):
    context = _context(browser, size)
    page = context.new_page()
    try:
        page.goto(f"{app_server.url}/?presentatie=1&leeftijd={case.age or 15}&risico={','.join(case.risk_factors)}")
        wait_for_app(page)
        assert _title(page) == f"Stap 1 van {len(STEPS)}: Profiel"
        expect(page.locator(".st-key-p-nav").get_by_role("button", name=re.compile("^Volgende"))).to_be_enabled()
        page.keyboard.press("PageDown")
        expect(page.locator("h1").first).to_have_text(f"Stap 2 van {len(STEPS)}: Kaart", timeout=30_000)
        page.keyboard.press("ArrowRight")
        expect(page.locator("h1").first).to_have_text(f"Stap 3 van {len(STEPS)}: Aanbevelingen", timeout=30_000)
        page.keyboard.press("PageUp")
        expect(page.locator("h1").first).to_have_text(f"Stap 2 van {len(STEPS)}: Kaart", timeout=30_000)
        page.keyboard.press("ArrowLeft")
        expect(page.locator("h1").first).to_have_text(f"Stap 1 van {len(STEPS)}: Profiel", timeout=30_000)
        page.keyboard.press("PageUp")  # nothing before the first step
        wait_for_app(page)
        assert _title(page) == f"Stap 1 van {len(STEPS)}: Profiel"
        page.keyboard.press("Escape")
        expect(page.locator("[data-testid=stSidebarNav]")).to_have_count(1, timeout=30_000)
        expect(page).not_to_have_url(re.compile("presentatie"), timeout=15_000)
    finally:
        context.close()


def test_facilitator_notes_open_on_demand(app_server, page, kk):
    page.goto(f"{app_server.url}/?presentatie=1")
    wait_for_app(page)
    notes = page.locator(".st-key-p-nav").get_by_role("button", name=re.compile("^Notities voor de begeleider"))
    notes.click()
    body = page.locator("[data-testid=stPopoverBody]")
    expect(body).to_be_visible()
    from kenniskaart.presentatie import notes as step_notes
    first = step_notes(kk, STEPS[0])[0]
    expect(body).to_contain_text(first.title)


def test_no_emoji_as_the_only_carrier_of_meaning(app_server, page, case):
    """Icons are Material ligatures with a text label next to them; no emoji in the page."""
    page.goto(f"{app_server.url}/?presentatie=1&leeftijd={case.age or 15}&risico={','.join(case.risk_factors)}")
    wait_for_app(page)
    emoji = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF]")
    for _ in STEPS:
        text = page.locator("[data-testid=stMain]").inner_text()
        assert not emoji.search(text), emoji.findall(text)
        page.keyboard.press("PageDown")
        wait_for_app(page)


def test_every_casus_fits_at_1280x720(app_server, browser, kk):
    """Every ready-made casus, every step, on the smallest projector screen."""
    context = _context(browser, (1280, 720))
    page = context.new_page()
    try:
        for case in kk.cases:
            params = f"presentatie=1&risico={','.join(case.risk_factors)}&bescherm={','.join(case.protective_factors)}"
            page.goto(f"{app_server.url}/?{params}" + (f"&leeftijd={case.age}" if case.age else ""))
            wait_for_app(page)
            for i, step in enumerate(STEPS, start=1):
                expect(page.locator("h1").first).to_have_text(f"Stap {i} van {len(STEPS)}: {step}", timeout=30_000)
                wait_for_layout(page)
                fits = page.evaluate(FITS)
                assert fits["main"] <= fits["mainClient"] + 1, (case.id, step, fits)
                page.keyboard.press("PageDown")
    finally:
        context.close()


def test_the_map_step_still_fits_after_a_click_on_the_map(app_server, browser, case):
    """Issue 20: after a click on the map, step 2 grew to 1,037 px at 1280×720."""
    size = (1280, 720)
    context, page = _open_case(app_server, browser, case, size)
    try:
        page.keyboard.press("PageDown")
        expect(page.locator("h1").first).to_have_text(f"Stap 2 van {len(STEPS)}: Kaart", timeout=30_000)
        wait_for_app(page)
        label = page.locator("[data-testid=stVegaLiteChart] svg text").filter(
            has_text=re.compile(r"\w{4,}")).nth(2)
        expect(label).to_be_visible(timeout=30_000)
        label.click()
        wait_for_layout(page)  # the chart lays out again after the rerun
        _check_screen(page, size, "Kaart na een klik")
    finally:
        context.close()
