"""Real-browser Werksessie 2 (issue 27): five participants on 360-390 px phones answer both kinds
of question (the risks they see, the Samen Weerbaar-scan); the room's profile in the Aanbeveler
holds exactly the risks marked and the risk factors of the indicators that lean risky, with the
protective factors of those that lean protective as strengths (the expectation is computed here
from the answers the test gives). With 40 answers every projector view fits 1280×720 and
1920×1080, and neither the projector's address nor its page carries the facilitator token."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from support.browser import DESKTOP, new_page, no_exception, wait_for_app
from support.server import AppServer
from support.werksessie import join, mark, rate, save, search_and_mark, start_room, top3

STEPS = {"Beschermend": 1, "Eerder beschermend": 2, "Beide / gemengd": 3, "Eerder risicovol": 4, "Risicovol": 5,
         "Weet ik niet": 0}

# who: (width, organisation, risks ticked among the pills, (word, risk) found by search, top 3, scan answers, own)
PEOPLE = [
    (
        360,
        "Politie",
        ["Drugsgebruik", "Een laag opleidingsniveau"],
        [],
        ["Drugsgebruik"],
        {"Drugs en wapens in de buurt": "Risicovol", "Opvoedvaardigheden": "Beschermend"},
        "Info op www.zuidstad.nl of x@y.nl",
    ),
    (
        375,
        "Onderwijs",
        [],
        [("spijbelen", "Een laag opleidingsniveau")],
        [],
        {"Drugs en wapens in de buurt": "Eerder risicovol", "Verloop en verhuizingen": "Beide / gemengd"},
        "",
    ),
    (
        390,
        "Gemeente",
        [],
        [("schulden", "Schuldenproblematiek")],
        ["Schuldenproblematiek"],
        {"Werkloosheid onder bewoners": "Eerder risicovol", "Opvoedvaardigheden": "Eerder beschermend"},
        "",
    ),
    (
        360,
        "Jeugdzorg / wijkteam",
        ["Lage zelfcontrole"],
        [],
        [],
        {"Werkloosheid onder bewoners": "Beschermend", "Armoede en geldzorgen in het gezin": "Weet ik niet"},
        "",
    ),
    (
        390,
        "Jongerenwerk",
        [],
        [],
        [],
        {"Binding met de buurt": "Risicovol", "Verloop en verhuizingen": "Beide / gemengd"},
        "",
    ),
]


@pytest.fixture(scope="module")
def scan_server(tmp_path_factory):
    data = tmp_path_factory.mktemp("werksessie-scan-data")
    server = AppServer(env={"KENNISKAART_DATA_DIR": str(data)})
    server.data = data
    yield server
    server.stop()


def expected_profile(kk) -> tuple[set[str], set[str]]:
    """Names the Aanbeveler must list, from PEOPLE alone: the ticked risks, plus per indicator the
    mean of its axis answers ('weet ik niet' left out): above 3 its risk factors, below 3 its
    protective factors (of twins the one listed first in the content: the pickers' choice)."""
    factors, by_name = kk.by_id("factors"), {i.name: i for i in kk.indicators}
    pos = kk.factor_positions

    def choice(fid: str) -> str:
        return factors[min(kk.twin_ids(fid), key=pos.__getitem__)].name

    risks = {r for p in PEOPLE for r in p[2]} | {r for p in PEOPLE for _, r in p[3]}
    strengths: set[str] = set()
    steps: dict[str, list[int]] = {}
    for p in PEOPLE:
        for name, label in p[5].items():
            if STEPS[label]:
                steps.setdefault(name, []).append(STEPS[label])
    for name, values in steps.items():
        mean = sum(values) / len(values)
        if mean > 3:
            risks |= {choice(f) for f in by_name[name].risk_factors}
        elif mean < 3:
            strengths |= {choice(f) for f in by_name[name].protective_factors}
    return risks, strengths


def as_seen(text: str) -> re.Pattern[str]:
    """The text as a reader sees it: invisible word joiners (which keep addresses from becoming
    links) may stand between its characters."""
    return re.compile("\u2060?".join(re.escape(c) for c in text))


def full_text_shown(page, group: str) -> None:
    """Every pill of a group shows its whole text: nothing cut off or hidden behind '…'."""
    cut = page.locator(f"{group} button p").evaluate_all(
        "ps => ps.filter(p => p.scrollWidth > p.clientWidth + 1 || p.getBoundingClientRect().right > innerWidth)"
        ".map(p => p.innerText)")
    assert not cut, cut


def test_five_phones_answer_both_questions_and_the_profile_follows_exactly(scan_server, browser, kk):
    fac = new_page(browser, DESKTOP)
    _code, link = start_room(fac, scan_server.url, "Werksessie Zuidstad www.zuidstad.nl info@zuidstad.nl")
    phones = []
    for width, org, ticked, searched, top, scan, own in PEOPLE:
        p = new_page(browser, {"width": width, "height": 800}, phone=True)
        phones.append(p)
        join(p, link, org)
        full_text_shown(p, ".st-key-ws_feat")
        for risk in ticked:
            mark(p, risk)
        for word, risk in searched:
            search_and_mark(p, word, risk)
            full_text_shown(p, "[class*=st-key-ws_found_]")
        for risk in top:
            top3(p, risk)
        for indicator, step in scan.items():
            rate(p, indicator, step)
        if own:
            p.get_by_role("textbox", name=re.compile("Eigen aanpak")).fill(own)
        save(p)
        # text from the room is text: the title and entries never become links
        assert p.locator("[data-testid=stMain] a[href^=http], [data-testid=stMain] a[href^=mailto]").count() == 0
    expect(fac.locator(".st-key-ws-counts [data-testid=stMetric]").filter(has_text="Antwoorden")).to_contain_text(
        str(len(PEOPLE)), timeout=20_000)
    doing = fac.locator(".st-key-ws-doing")  # "wat doen we al" live, as typed, not linked
    expect(doing).to_contain_text(as_seen("Info op www.zuidstad.nl of x@y.nl — 1×"), timeout=20_000)
    assert fac.locator("[data-testid=stMain] a[href^=http], [data-testid=stMain] a[href^=mailto]").count() == 0
    no_exception(fac)

    fac.get_by_role("button", name="Maak Aanbeveler-profiel").click()
    fac.wait_for_url(re.compile(r"/aanbeveler"), timeout=30_000)
    wait_for_app(fac)
    items = fac.locator("[data-testid=stMarkdown]").filter(has_text="Gekozen factoren").locator("li").all_inner_texts()
    risks, strengths = expected_profile(kk)
    assert risks and strengths
    expected = risks | strengths
    assert len(items) == len(expected), (items, expected)
    assert all(sum(item.startswith(name) for item in items) == 1 for name in expected), (items, expected)
    no_exception(fac)
    for pg in (fac, *phones):
        pg.context.close()


def _seed(kk, server, monkeypatch, n: int = 40):
    """A room with ``n`` answers written through the store (the app's own storage)."""
    import random

    from kenniskaart.werksessie import ORG_TYPES, Store, validate_answer
    from kenniskaart.werksessie.choices import risk_choices
    from kenniskaart.werksessie.scan import CHOICES, indicators

    monkeypatch.setenv("KENNISKAART_DATA_DIR", str(server.data))
    monkeypatch.delenv("KENNISKAART_DATABASE_URL", raising=False)
    store = Store.from_env()
    room, token = store.create_room("Veertig in de zaal", 12, 18)
    rnd, choices, ivs = random.Random(27), risk_choices(kk), [i.id for i in kk.interventions]
    for i in range(n):
        org = rnd.choice(list(ORG_TYPES))
        marked = rnd.sample(choices, 6)
        store.save_answer(room.code, store.join(room.code, org), validate_answer(
            kk, org, marked, marked[:3], rnd.sample(ivs, 2), [f"Eigen aanpak nummer {i % 7}"],
            {ind.id: rnd.choice(list(CHOICES)) for ind in indicators(kk)}))
    store.engine.dispose()
    return room, token


OUTSIDE = """([w, h]) => Array.from(document.querySelectorAll(
        '[data-testid=stMain] :is(p, li, h1, h2, h3, button, img, svg, code, .ws-legend > span)'))
    .filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
    .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.bottom > h + 1 || r.right > w + 1); })
    .map(e => (e.getAttribute('data-testid') || e.tagName) + ': '
        + (e.innerText || e.textContent || '').slice(0, 40))"""
CUT_LEGEND = """() => Array.from(document.querySelectorAll('[data-testid=stVegaLiteChart] svg')).flatMap(svg => {
    const box = svg.getBoundingClientRect();
    return Array.from(svg.querySelectorAll('text')).filter(t => { const r = t.getBoundingClientRect();
        return r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1); }).map(t => t.textContent); })"""


@pytest.mark.parametrize("size", [{"width": 1280, "height": 720}, {"width": 1920, "height": 1080}])
def test_every_projector_view_fits_the_screen_with_40_answers(scan_server, browser, kk, monkeypatch, size):
    room, token = _seed(kk, scan_server, monkeypatch)
    fac = new_page(browser, size)
    fac.goto(f"{scan_server.url}/werksessie?code={room.code}&beheer={token}")
    wait_for_app(fac)
    expect(fac.locator("[data-testid=stVegaLiteChart]").first).to_be_visible(timeout=30_000)
    assert not fac.evaluate(CUT_LEGEND)  # the facilitator page's legends are whole too
    fac.get_by_role("button", name="Live op de beamer (presentatiemodus)").click()
    fac.wait_for_url(re.compile(r"/presentatie"), timeout=30_000)
    wait_for_app(fac)
    for view in ("Top van de zaal", "Per organisatie", "Samen Weerbaar-scan"):
        fac.get_by_text(view, exact=True).click()
        wait_for_app(fac)
        # a fragment rerun can show the old block beside the new one for a moment: one must say it
        expect(fac.locator(".st-key-ws-counts").filter(has_text="40 aangemeld · 40 antwoorden").first
               ).to_be_visible(timeout=20_000)
        if view != "Top van de zaal":
            expect(fac.locator("[data-testid=stVegaLiteChart] svg").first).to_be_visible(timeout=20_000)
        button = fac.get_by_role("button", name="Maak hiervan het profiel")
        expect(button).to_be_in_viewport(ratio=1)
        outside = fac.evaluate(OUTSIDE, [size["width"], size["height"]])
        assert not outside, (view, outside)
        assert not fac.evaluate(CUT_LEGEND), view
        assert token not in fac.url and token not in fac.content(), view
        if view != "Samen Weerbaar-scan":  # the join box: code, link and QR code big enough for the back row
            code_px = fac.locator(".st-key-ws-join h2").evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
            link_px = fac.locator(".st-key-ws-join [data-testid=stCode] code").evaluate(
                "e => parseFloat(getComputedStyle(e).fontSize)")
            qr = fac.locator(".st-key-ws-join img").bounding_box()
            assert code_px >= 56 and link_px >= 24, (code_px, link_px)
            assert qr["width"] >= 0.26 * size["height"], qr
    no_exception(fac)
    fac.context.close()
