"""Accessibility: axe-core in real chromium on every page (normal and presentation mode),
and a keyboard-only walk through the Aanbeveler."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from support import axe
from support.browser import no_exception, open_factor_map, pick_option, wait_for_app
from support.paths import ROOT

REPORT = ROOT / ".axe" / "axe-report.json"

VIEWS = [
    "",
    "factoren",
    "interventies?interventie=ajb",
    "aanbeveler?leeftijd=14&risico=beke-r-antisociale-persoonlijkheidskenmerken,beke-r-laag-opleidingsniveau",
    "praktijkvoorbeelden",
    "lessen",
    "planscan",
    "shortlist?shortlist=ajb,alles-kidzzz&leeftijd=10&risico=beke-r-antisociale-persoonlijkheidskenmerken",
    "over",
    "werksessie",
    "?presentatie=1&leeftijd=10&risico=beke-r-antisociale-persoonlijkheidskenmerken",
]

@pytest.fixture(scope="module")
def axe_source() -> str:
    return axe.axe_source()


@pytest.fixture(scope="module")
def report():
    found: dict[str, list[dict]] = {}
    yield found
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(json.dumps(found, indent=2, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize(
    "view", VIEWS, ids=[v.split("?")[0] or ("presentatie" if "presentatie" in v else "start") for v in VIEWS]
)
def test_no_serious_accessibility_violations(app_server, page, axe_source, report, view):
    page.goto(f"{app_server.url}/{view}")
    wait_for_app(page)
    page.wait_for_function("document.documentElement.lang === 'nl'", timeout=10_000)
    violations = axe.violations(page, axe_source)
    report[view] = violations
    serious = axe.serious(violations)
    assert serious == [], json.dumps(serious, indent=1, ensure_ascii=False)


def test_map_with_a_selection_has_no_serious_violations(app_server, page, axe_source, report, kk):
    """The visual kenniskaart on Factoren, with a factor lit up (lists and dimmed labels)."""
    f = max(kk.risk_factors, key=lambda f: len(kk.interventions_for_factor(f.id)) if f.level == "individu" else -1)
    open_factor_map(page, app_server.url)
    pick_option(page, page.get_by_role("combobox", name="Licht op op de kaart (of klik op een factor of interventie)"),
                f"Factor: {f.name}", exact=True)
    expect(page.locator("[data-testid=stVegaLiteChart]").first).to_be_visible(timeout=30_000)
    violations = axe.violations(page, axe_source)
    report["factoren (kaart)"] = violations
    assert axe.serious(violations) == [], json.dumps(axe.serious(violations), indent=1, ensure_ascii=False)


def test_every_presentation_step_has_no_serious_violations(app_server, browser, axe_source, report, kk):
    """Each step of the presentation at 1280×720, both views of the map step."""
    from kenniskaart.presentatie import STEPS

    case = kk.cases[1]
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="nl-NL")
    page = context.new_page()
    try:
        page.goto(f"{app_server.url}/?presentatie=1&leeftijd={case.age}&risico={','.join(case.risk_factors)}"
                  f"&bescherm={','.join(case.protective_factors)}")
        wait_for_app(page)
        failures = {}
        for i, step in enumerate(STEPS, start=1):
            expect(page.locator("h1").first).to_have_text(f"Stap {i} van {len(STEPS)}: {step}", timeout=30_000)
            wait_for_app(page)
            views = [step]
            for view in views + (["Bewijs × factoren"] if step == "Kaart" else []):
                if view != step:
                    page.locator("[role=radio]").filter(has_text=view).click()
                    wait_for_app(page)
                violations = axe.violations(page, axe_source)
                report[f"presentatie: {view}"] = violations
                if axe.serious(violations):
                    failures[view] = axe.serious(violations)
            page.keyboard.press("PageDown")
        assert failures == {}, json.dumps(failures, indent=1, ensure_ascii=False)
    finally:
        context.close()


def test_keyboard_only_aanbeveler_flow(app_server, page, kk):
    """Choose a casus and reach the recommendations with the keyboard only."""
    case = kk.cases[0]
    page.goto(f"{app_server.url}/aanbeveler")
    wait_for_app(page)
    combo = page.get_by_role("combobox", name="Begin met een casus (voorbeeldprofiel uit de bronnen)")
    for _ in range(80):  # Tab from the top of the page until the casus box has focus
        page.keyboard.press("Tab")
        if combo.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("the casus selectbox cannot be reached with Tab")
    page.keyboard.type(case.title[:12])
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Niveau van hulp:").first).to_be_visible(timeout=30_000)
    no_exception(page)
