"""Real-browser Werksessie (issue 21): a facilitator and three participants in separate browser
contexts (one a phone at 390×844) join by link, answer, change an answer and reload; the
facilitator's live view shows the exact counts without a reload, turns the room into an
Aanbeveler profile and a Planscan plan, and closing the room stops new answers. A participant
link never shows facilitator controls.

The app runs on its own server with its own data folder (``KENNISKAART_DATA_DIR``), so no
test writes into the project's ``data/``.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from support import axe
from support.browser import DESKTOP, PHONE, download, new_page, no_exception, pick, wait_for_app
from support.language import STREAMLIT_OWN, english_in
from support.server import AppServer
from support.werksessie import blur, join, mark, save, search_and_mark, start_room, top3

LIVE = 20_000
"""The live view refreshes every 3 s: the counts must be there well within this."""
FACILITATOR_BUTTONS = ("Maak Aanbeveler-profiel", "Maak Planscan-plan", "Sessie sluiten", "Sessie verwijderen",
                       "Download CSV", "Download Excel")


@pytest.fixture(scope="module")
def ws_server(tmp_path_factory):
    server = AppServer(env={"KENNISKAART_DATA_DIR": str(tmp_path_factory.mktemp("werksessie-data"))})
    yield server
    server.stop()


def accessible(page) -> None:
    """No serious or critical axe-core violation (axe is installed by the README's test command)."""
    found = axe.serious(axe.violations(page))
    assert not found, found


def reads_dutch(page) -> None:
    """No English UI phrase beyond the few Streamlit hard-codes (see test_ui_language)."""
    text = page.locator("body").inner_text()
    placeholders = page.evaluate(
        "() => Array.from(document.querySelectorAll('input[placeholder], textarea[placeholder]'))"
        ".map(e => e.getAttribute('placeholder'))")
    found = english_in(text + "\n" + "\n".join(placeholders)) - set(STREAMLIT_OWN)
    assert not found, f"English on {page.url}: {sorted(found)}"


def counts(page, joined: int, answered: int) -> None:
    box = page.locator(".st-key-ws-counts")
    expect(box.locator("[data-testid=stMetric]").filter(has_text="Aangemeld")).to_contain_text(
        str(joined), timeout=LIVE
    )
    expect(box.locator("[data-testid=stMetric]").filter(has_text="Antwoorden")).to_contain_text(
        str(answered), timeout=LIVE
    )


def no_facilitator_controls(page) -> None:
    for name in FACILITATOR_BUTTONS:
        expect(page.get_by_role("button", name=name)).to_have_count(0)
    expect(page.locator(".st-key-ws-counts")).to_have_count(0)
    expect(page.get_by_text("Uw begeleiderslink")).to_have_count(0)


def test_werksessie_room_to_profile_and_plan(ws_server, browser, tmp_path):
    url = ws_server.url
    fac = new_page(browser, DESKTOP)
    code, link = start_room(fac, url, "Werksessie Zuidstad")
    counts(fac, 0, 0)
    reads_dutch(fac)

    # A: police officer on a phone: two factors, a top 1, a catalogue item and an own entry.
    a = new_page(browser, PHONE, phone=True)
    join(a, link, "Politie")
    no_facilitator_controls(a)
    mark(a, "Drugsgebruik")
    mark(a, "Een laag opleidingsniveau")
    top3(a, "Drugsgebruik")
    pick(a, "Interventies uit de kenniskaart", "Halt (Halt-straf)")
    a.get_by_role("textbox", name=re.compile("Eigen aanpak")).fill("Buurtsportcoach op straat")
    save(a)

    # B: municipality, finds a factor that is not shown first through an everyday word.
    b = new_page(browser, DESKTOP)
    join(b, link, "Gemeente")
    mark(b, "Drugsgebruik")
    search_and_mark(b, "schulden", "Schuldenproblematiek")
    expect(b.locator(".st-key-ws-chosen")).to_contain_text("Schuldenproblematiek")
    top3(b, "Drugsgebruik")
    top3(b, "Schuldenproblematiek")
    save(b)

    # C: school, answers, then changes the answer: replaced, not counted twice.
    c = new_page(browser, DESKTOP)
    join(c, link, "Onderwijs")
    mark(c, "Een laag opleidingsniveau")
    top3(c, "Een laag opleidingsniveau")
    save(c)
    counts(fac, 3, 3)
    mark(c, "Drugsgebruik")
    top3(c, "Drugsgebruik")
    save(c)

    # The facilitator's view follows without a reload: exact counts and the room's top.
    counts(fac, 3, 3)
    top = fac.locator(".st-key-ws-top")
    expect(top.locator("li").first).to_have_text("Drugsgebruik — 3× in top 3 · 3× aangevinkt", timeout=LIVE)
    expect(top).to_contain_text("Een laag opleidingsniveau — 1× in top 3 · 2× aangevinkt")
    expect(top).to_contain_text("Schuldenproblematiek — 1× in top 3 · 1× aangevinkt")
    expect(fac.locator("[data-testid=stVegaLiteChart]").first).to_be_visible()
    no_exception(fac)
    reads_dutch(fac)
    reads_dutch(c)
    accessible(fac)
    accessible(a)

    # A reloads on the phone: the saved answer is back in the form.
    a.reload()
    wait_for_app(a)
    pills = a.locator(".st-key-ws_feat")
    expect(pills.locator("button[aria-pressed=true]")).to_have_count(2)
    expect(pills.locator("button[aria-pressed=true]").filter(has_text="Drugsgebruik")).to_have_count(1)
    expect(a.locator(".st-key-ws-top3 button[aria-pressed=true]")).to_have_text(["Drugsgebruik"])
    expect(a.locator("[data-testid=stMultiSelect]").filter(has_text="Interventies uit")).to_contain_text("Halt")
    expect(a.get_by_role("textbox", name=re.compile("Eigen aanpak"))).to_have_value("Buurtsportcoach op straat")
    expect(a.get_by_text("Opgeslagen om")).to_be_visible()
    no_facilitator_controls(a)

    # Not the facilitator: a wrong token, or a participant's own token, as 'beheer'.
    participant_token = re.search(r"deelnemer=([^&]+)", a.url).group(1)
    for token in ("verkeerd", participant_token):
        a.goto(f"{url}/werksessie?code={code}&beheer={token}")
        wait_for_app(a)
        expect(a.get_by_text("Deze begeleiderslink klopt niet")).to_be_visible()
        no_facilitator_controls(a)
        no_exception(a)

    # Export: CSV with the exact counts.
    csv = download(fac, "Download CSV")
    path = tmp_path / csv.suggested_filename
    csv.save_as(path)
    text = path.read_text(encoding="utf-8-sig")
    lines = text.splitlines()
    assert lines[:2] == ["Werksessie;Werksessie Zuidstad", f"Sessiecode;{code}"], lines[:5]
    assert lines[2].startswith("Datum;") and lines[3:5] == ["Aangemeld;3", "Antwoorden;3"], lines[:5]
    assert "Drugsgebruik;Risicofactor;3;3;1;1;1;0;0;0" in text, text
    assert "Buurtsportcoach op straat;Doen we al (eigen aanpak);1" in text
    xlsx = download(fac, "Download Excel")
    xpath = tmp_path / xlsx.suggested_filename
    xlsx.save_as(xpath)
    from openpyxl import load_workbook

    sheet = load_workbook(xpath).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert [r[:2] for r in rows[:2]] == [["Werksessie", "Werksessie Zuidstad"], ["Sessiecode", code]], rows[:2]
    assert ["Drugsgebruik", "Risicofactor", 3, 3] in [r[:4] for r in rows], rows[:9]

    # The room's top factors become the Aanbeveler's profile.
    fac.get_by_role("button", name="Maak Aanbeveler-profiel").click()
    fac.wait_for_url(re.compile(r"/aanbeveler"), timeout=30_000)
    wait_for_app(fac)
    picked = fac.locator("[data-testid=stMarkdown]").filter(has_text="Gekozen factoren")
    for name in ("Drugsgebruik", "Een laag opleidingsniveau", "Schuldenproblematiek"):
        expect(picked).to_contain_text(name)
    age = fac.locator("[data-testid=stSlider]").filter(has_text="Leeftijd (jaar)").get_by_role("slider")
    expect(age).to_have_attribute("aria-valuetext", "15")  # the middle of the room's 12–18
    no_exception(fac)

    # Back to the room (the session remembers it), then what the room does becomes the plan.
    fac.locator("[data-testid=stSidebarNav]").get_by_role("link", name="Werksessie", exact=True).click()
    # the facilitator token stays out of the address (the online werkmap's own link may be there)
    fac.wait_for_url(lambda url: "/werksessie?" in url and f"code={code}" in url and "beheer=" not in url,
                     timeout=30_000)
    wait_for_app(fac)
    counts(fac, 3, 3)
    fac.get_by_role("button", name="Maak Planscan-plan").click()
    fac.wait_for_url(re.compile(r"/planscan"), timeout=30_000)
    wait_for_app(fac)
    expect(fac.get_by_text("Het plan telt 2 interventies.")).to_be_visible()
    expect(fac.get_by_text("Buurtsportcoach op straat")).to_be_visible()
    no_exception(fac)

    # Closing the room: B's next save is refused with the closed message; a newcomer cannot join.
    fac.locator("[data-testid=stSidebarNav]").get_by_role("link", name="Werksessie", exact=True).click()
    wait_for_app(fac)
    fac.get_by_role("button", name="Sessie sluiten").click()
    wait_for_app(fac)
    expect(fac.get_by_text("Deze sessie is gesloten")).to_have_count(0)  # not before the confirmation
    fac.get_by_role("button", name="Ja, sluit de sessie").click()
    wait_for_app(fac)
    expect(fac.get_by_text("Deze sessie is gesloten").first).to_be_visible()
    mark(b, "Een laag opleidingsniveau")
    blur(b)
    b.get_by_role("button", name="Opslaan").click()
    expect(b.get_by_text("Deze sessie is gesloten")).to_be_visible(timeout=20_000)
    expect(b.get_by_text("Opgeslagen om")).to_have_count(0)  # a failed save shows only the error
    no_exception(b)
    d = new_page(browser, PHONE, phone=True)
    d.goto(link)
    wait_for_app(d)
    expect(d.get_by_text("Deze sessie is gesloten")).to_be_visible()
    expect(d.get_by_role("button", name="Doe mee")).to_have_count(0)
    counts(fac, 3, 3)
    # 'Heropenen' undoes it: B can save again
    fac.get_by_role("button", name="Heropenen").click()
    wait_for_app(fac)
    expect(fac.get_by_role("button", name="Sessie sluiten")).to_be_visible()
    b.get_by_role("button", name="Opslaan").click()
    expect(b.get_by_text("Opgeslagen om")).to_be_visible(timeout=20_000)
    expect(b.get_by_text("Deze sessie is gesloten")).to_have_count(0)
    for pg in (fac, a, b, c, d):
        pg.context.close()


def test_werksessie_delete_and_bad_codes(ws_server, browser):
    url = ws_server.url
    fac = new_page(browser, DESKTOP)
    long = ("Even proberen: werksessie Preventie met Gezag in Zuidstad met politie, onderwijs, jeugdzorg "
            "en jongerenwerk, 12 maart")
    _code, link = start_room(fac, url, long)
    # a pasted title over 80 characters is cut with a visible notice, not silently replaced
    expect(fac.get_by_text(f"De titel was {len(long)} tekens")).to_be_visible()
    shown = fac.locator("[data-testid=stMain] h3").first.inner_text().replace("\u2060", "")
    assert shown.endswith("…") and len(shown) <= 80 and long.startswith(shown[:-1]), shown
    fac.get_by_role("button", name="Sessie verwijderen").click()
    wait_for_app(fac)
    expect(fac.get_by_text("Weet u het zeker?")).to_be_visible()
    fac.get_by_role("button", name="Annuleren").click()
    wait_for_app(fac)
    expect(fac.get_by_text("Weet u het zeker?")).to_have_count(0)
    fac.get_by_role("button", name="Sessie verwijderen").click()
    wait_for_app(fac)
    fac.get_by_role("button", name="Ja, verwijder de sessie definitief").click()
    expect(fac.get_by_text("De sessie en alle antwoorden zijn verwijderd.")).to_be_visible(timeout=20_000)
    expect(fac.get_by_role("button", name="Start een werksessie")).to_be_visible()

    p = new_page(browser, PHONE, phone=True)
    for address in (link, f"{url}/werksessie?code=ZZZZZZ", f"{url}/werksessie?code=<script>"):
        p.goto(address)
        wait_for_app(p)
        expect(p.get_by_text("Deze sessiecode bestaat niet")).to_be_visible()
        no_facilitator_controls(p)
        no_exception(p)
    # typing a code on the start page: a wrong one says so
    p.goto(f"{url}/werksessie")
    wait_for_app(p)
    p.get_by_label("Sessiecode").fill("ABC234")
    p.get_by_role("button", name="Meedoen").click()
    expect(p.get_by_text("Deze sessiecode bestaat niet")).to_be_visible(timeout=20_000)
    fac.context.close()
    p.context.close()


def test_werksessie_survives_an_app_restart(browser, tmp_path):
    """The answers are in the database, not in the server process: after a restart on the same
    data folder the participant's link shows their answer and the facilitator's link the count."""
    env = {"KENNISKAART_DATA_DIR": str(tmp_path / "data")}
    server = AppServer(env=env)
    try:
        fac = new_page(browser, DESKTOP)
        _code, link = start_room(fac, server.url, "Voor de herstart")
        p = new_page(browser, PHONE, phone=True)
        join(p, link, "Jeugdzorg / wijkteam")
        mark(p, "Lage zelfcontrole")
        save(p)
        counts(fac, 1, 1)
        old = server.url
        participant, facilitator = p.url.replace(old, ""), fac.url.replace(old, "")
    finally:
        server.stop()
    server = AppServer(env=env)
    try:
        p.goto(server.url + participant)
        wait_for_app(p)
        expect(p.locator(".st-key-ws_feat button[aria-pressed=true]")).to_have_text(["Lage zelfcontrole"])
        expect(p.get_by_role("radio", name="Jeugdzorg / wijkteam")).to_be_checked()
        fac.goto(server.url + facilitator)
        wait_for_app(fac)
        counts(fac, 1, 1)
        no_exception(fac)
    finally:
        fac.context.close()
        p.context.close()
        server.stop()


def test_werksessie_live_on_the_projector(ws_server, browser):
    """'Live op de beamer': the presentation starts at the room (1280×720), follows new answers
    without a reload, and turns the room's top factors into the profile of the next step."""
    fac = new_page(browser, DESKTOP)
    code, link = start_room(fac, ws_server.url, "Op de beamer")
    token = re.search(r"beheer=([^&]+)", fac.url).group(1)
    fac.get_by_role("button", name="Live op de beamer (presentatiemodus)").click()
    fac.wait_for_url(re.compile(r"/presentatie"), timeout=30_000)
    wait_for_app(fac)
    assert token not in fac.url and token not in fac.content()  # the projector never shows the secret
    expect(fac.locator("h1").first).to_have_text(re.compile(r"^Stap 1 van \d+: Werksessie$"))
    expect(fac.locator(".st-key-ws-join h2")).to_have_text(re.compile(rf"^{code[:3]}\s{code[3:]}$"))
    expect(fac.locator(".st-key-ws-counts")).to_contain_text("0 aangemeld · 0 antwoorden")

    p = new_page(browser, PHONE, phone=True)
    join(p, link, "Gemeente")
    mark(p, "Drugsgebruik")
    top3(p, "Drugsgebruik")
    save(p)
    expect(fac.locator(".st-key-ws-counts")).to_contain_text("1 aangemeld · 1 antwoord", timeout=LIVE)
    expect(fac.locator(".st-key-ws-top li").first).to_have_text("Drugsgebruik — 1× in top 3 · 1× aangevinkt")
    fac.get_by_text("Per organisatie", exact=True).click()
    wait_for_app(fac)
    expect(fac.locator("[data-testid=stVegaLiteChart]").first).to_be_visible()
    no_exception(fac)
    reads_dutch(fac)

    fac.get_by_role("button", name="Maak hiervan het profiel").click()
    expect(fac.locator("h1").first).to_have_text(re.compile(r"^Stap 2 van \d+: Profiel$"), timeout=30_000)
    expect(fac.locator("[data-testid=stMain]")).to_contain_text("Drugsgebruik")
    expect(fac.locator("[data-testid=stMain]")).to_contain_text("15 jaar")
    no_exception(fac)
    assert token not in fac.url and token not in fac.content()
    # Esc leaves the presentation for the room (its address without the token), not for Start
    fac.keyboard.press("Escape")
    fac.wait_for_url(lambda url: "/werksessie?" in url and f"code={code}" in url and "beheer=" not in url,
                     timeout=30_000)
    wait_for_app(fac)
    expect(fac.get_by_role("button", name="Sessie sluiten")).to_be_visible()
    assert token not in fac.url and token not in fac.content()
    fac.context.close()
    p.context.close()
