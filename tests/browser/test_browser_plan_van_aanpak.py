"""Real-browser Plan van aanpak (issue 28): a werksessie's answers become the Aanbeveler's
profile, its package the plan, the plan page is filled in by the municipality (with hostile
text) and downloaded as Word; the .docx, opened with python-docx, has the page's headings, its
tables cell by cell and its item names. And the facilitator's own button opens the plan with
the room's votes per kind of organisation."""

from __future__ import annotations

import re

import pytest
from docx import Document
from playwright.sync_api import expect

from kenniskaart.werksessie import Store, validate_answer
from support.browser import download, no_exception, wait_for_app
from support.language import STREAMLIT_OWN, english_in
from support.server import AppServer

ANSWERS = (  # (kind of organisation, marked factors, what it already does)
    ("politie", ["beke-r-drugsgebruik", "beke-r-laag-opleidingsniveau"], []),
    ("onderwijs", ["beke-r-drugsgebruik", "beke-r-laag-opleidingsniveau"], ["halt-spreekuur"]),
    ("politie", ["beke-r-drugsgebruik"], []),
)
HOSTILE = "<b>Zuid</b>stad =SUM(A1) **vet**"


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("pva-data")


@pytest.fixture(scope="module")
def server(data_dir):
    s = AppServer(env={"KENNISKAART_DATA_DIR": str(data_dir)})
    yield s
    s.stop()


@pytest.fixture
def room(kk, data_dir, monkeypatch):
    monkeypatch.setenv("KENNISKAART_DATA_DIR", str(data_dir))
    store = Store.from_env()
    room, token = store.create_room("Werksessie Zuidstad", 12, 18)
    for org, factors, doing in ANSWERS:
        p = store.join(room.code, org)
        store.save_answer(room.code, p, validate_answer(kk, org, factors, factors[:1], doing))
    return room.code, token


def _norm(text: str) -> str:
    return " ".join(text.split())


def page_outline(page):
    main = page.locator("[data-testid=stMain]")
    h2 = [_norm(t) for t in main.locator("h2").all_inner_texts()]
    h3 = [_norm(t) for t in main.locator("h3").all_inner_texts()]
    tables = []
    for table in main.locator("[data-testid=stTable] table").all():
        rows = [[_norm(c) for c in row.locator("th, td").all_inner_texts()] for row in table.locator("tr").all()]
        tables.append(rows)
    return h2, h3, tables


def docx_outline(path):
    word = Document(path)
    h1 = [_norm(p.text) for p in word.paragraphs if p.style.name == "Heading 1"]
    h2 = [_norm(p.text) for p in word.paragraphs if p.style.name == "Heading 2"]
    tables = [[[_norm(c.text) for c in row.cells] for row in t.rows] for t in word.tables]
    title = next(p.text for p in word.paragraphs if p.style.name == "Title")
    return title, h1, h2, tables


def test_a_deep_link_on_a_fresh_server_opens_the_plan(server, browser):
    """The module's server is fresh: its first visitor deep-links to the plan. Streamlit first
    runs such a link in its pages/-folder mode (pages known by file name); the page's address is
    its file name, so it opens without Streamlit's English 'Page not found'."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="nl-NL")
    page = context.new_page()
    page.goto(f"{server.url}/plan_van_aanpak")
    wait_for_app(page, 60_000)
    expect(page.locator("h1").first).to_have_text("Plan van aanpak")
    assert page.get_by_text("Page not found").count() == 0
    expect(page.locator("[data-testid=stMain]")).to_contain_text("Nog geen profiel en geen plan")
    context.close()


def test_room_to_profile_to_package_to_plan_to_word(server, browser, room, kk, tmp_path):
    code, token = room
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="nl-NL", accept_downloads=True)
    page = context.new_page()
    page.goto(f"{server.url}/werksessie?code={code}&beheer={token}")
    wait_for_app(page, 60_000)
    # room -> profile
    page.get_by_role("button", name="Maak Aanbeveler-profiel").click()
    page.wait_for_url(re.compile(r"/aanbeveler"), timeout=30_000)
    wait_for_app(page)
    # profile -> package -> plan
    page.get_by_role("button", name="Maak een plan van aanpak").click()
    page.wait_for_url(re.compile(r"/plan_van_aanpak"), timeout=30_000)
    wait_for_app(page)
    expect(page.locator("h1")).to_have_text("Plan van aanpak")
    municipality = page.get_by_label("Gemeente", exact=True)
    municipality.fill(HOSTILE)
    municipality.press("Enter")
    wait_for_app(page)
    first_table = page.locator("[data-testid=stMain] [data-testid=stTable]").first
    expect(first_table).to_contain_text(HOSTILE)  # as typed: no bold, no markup
    assert first_table.locator("b, strong").count() == 0

    h2, h3, tables = page_outline(page)
    assert h2 == [s.title for s in kk.plan_sections]
    items = [h for h in h3 if re.match(r"^\d+\. ", h)]
    assert items, h3
    # -> Word
    dl = download(page, "Download als Word (.docx)")
    path = tmp_path / dl.suggested_filename
    dl.save_as(path)
    assert path.name == "plan-van-aanpak.docx"
    title, w_h1, w_h2, w_tables = docx_outline(path)
    assert title == f"Plan van aanpak Preventie met Gezag – {HOSTILE}"
    assert w_h1 == h2
    assert w_h2 == h3
    assert [h for h in w_h2 if re.match(r"^\d+\. ", h)] == items
    assert w_tables == tables
    assert any(row[1] == HOSTILE for row in w_tables[0])
    no_exception(page)
    assert not server.log_problems()  # no traceback, no widget warning in the server's log
    assert not english_in(page.locator("body").inner_text()) - set(STREAMLIT_OWN)  # the page reads Dutch
    context.close()


def test_facilitator_button_opens_the_plan_with_the_rooms_votes(server, browser, room):
    code, token = room
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="nl-NL")
    page = context.new_page()
    page.goto(f"{server.url}/werksessie?code={code}&beheer={token}")
    wait_for_app(page, 60_000)
    page.get_by_role("button", name="Maak een plan van aanpak").click()
    page.wait_for_url(re.compile(r"/plan_van_aanpak"), timeout=30_000)
    wait_for_app(page)
    main = page.locator("[data-testid=stMain]")
    expect(main).to_contain_text("Uit de werksessie 'Werksessie Zuidstad': 3 antwoorden (Politie 2, Onderwijs 1).")
    _, h3, tables = page_outline(page)
    votes = next(t for t in tables if "Stemmen Politie" in t[0])
    head = votes[0]
    drugs = next(r for r in votes[1:] if r[0] == "Drugsgebruik")
    assert (drugs[head.index("Stemmen Politie")], drugs[head.index("Stemmen Onderwijs")]) == ("2", "1")
    assert any(h.endswith("Halt-spreekuur") for h in h3)  # what the room already does is in the plan
    context.close()
