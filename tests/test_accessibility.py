"""Accessibility: axe-core in real chromium on every page (normal and presentation mode),
and a keyboard-only walk through the Aanbeveler."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from conftest import ROOT, wait_for_app

pytestmark = pytest.mark.browser

AXE = ROOT / ".axe" / "node_modules" / "axe-core" / "axe.min.js"
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
    "?presentatie=1&leeftijd=10&risico=beke-r-antisociale-persoonlijkheidskenmerken",
]

# Violations that come from Streamlit's own markup, not the project's (checked by rule and
# target). Currently none of them is serious or critical; keep this list short and sourced.
STREAMLIT_OWNED: set[tuple[str, str]] = set()


@pytest.fixture(scope="module")
def axe_source() -> str:
    assert AXE.exists(), "axe-core is missing: the README's test command installs it into .axe/"
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def report():
    found: dict[str, list[dict]] = {}
    yield found
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(json.dumps(found, indent=2, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize("view", VIEWS, ids=[v.split("?")[0] or ("presentatie" if "presentatie" in v else "start") for v in VIEWS])
def test_no_serious_accessibility_violations(app_server, page, axe_source, report, view):
    page.goto(f"{app_server.url}/{view}")
    wait_for_app(page)
    page.wait_for_function("document.documentElement.lang === 'nl'", timeout=10_000)
    page.evaluate(axe_source)
    violations = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help,
            targets: v.nodes.map(n => n.target.join(' '))}))"""
    )
    report[view] = violations
    serious = [
        v for v in violations
        if v["impact"] in ("serious", "critical")
        and not all((v["id"], t) in STREAMLIT_OWNED for t in v["targets"])
    ]
    assert serious == [], json.dumps(serious, indent=1, ensure_ascii=False)


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
    assert page.locator("[data-testid=stException]").count() == 0
