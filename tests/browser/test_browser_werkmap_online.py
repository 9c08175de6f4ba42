"""The werkmap online in a real browser: build a profile, a shortlist with order and notes and a
plan; press reload; close the browser and open the private link in a new one: everything is
back. The read link shows the work read-only and saves nothing."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from support import pg
from support.browser import SLOW, choose, grid_rows, main, nav, new_page, pick_option, wait_for_app
from support.server import AppServer

ANTI = "beke-r-antisociale-persoonlijkheidskenmerken"
FRIENDS = "beke-r-banden-vrienden-kennissen"


def sidebar(page):
    return page.locator("[data-testid=stSidebar]")


def shortlist_order(page) -> list[str]:
    """The shortlist's 'N. name' lines, in order."""
    lines = main(page).locator("p").filter(has_text=re.compile(r"^\d+\. ")).all_inner_texts()
    return [re.sub(r"^\d+\. ", "", line).strip() for line in lines]


def token_of(url: str) -> str:
    return parse_qs(urlsplit(url).query)["werkmap"][0]


def expect_work(page, kk, order: list[str], note: tuple[str, str], plan_line: str) -> None:
    """The Shortlist shows the order, the note and the profile; the Planscan the plan."""
    nav(page, "Shortlist")
    expect(main(page)).to_contain_text(f"{len(order)} interventies", timeout=60_000)
    assert shortlist_order(page) == order
    expect(page.get_by_label(f"Notitie bij {note[0]}")).to_have_value(note[1])
    profile = main(page).locator("[data-testid=stVerticalBlock]").filter(
        has=page.get_by_text("Profiel waarvoor deze shortlist is gemaakt", exact=True)).last
    expect(profile).to_contain_text("Leeftijd: 15 jaar")
    expect(profile).to_contain_text(kk.by_id("factors")[FRIENDS].name)
    nav(page, "Planscan")
    expect(page.get_by_text(plan_line, exact=True)).to_be_visible(timeout=60_000)


def test_reload_and_a_new_browser_bring_the_work_back_and_a_read_link_only_reads(app_server, browser, page, kk):
    factors = kk.by_id("factors")
    # a profile: age and one factor from a link, a second factor picked by hand
    page.goto(f"{app_server.url}/aanbeveler?leeftijd=15&risico={ANTI}")
    wait_for_app(page, SLOW)
    expect(sidebar(page)).to_contain_text("Uw werk wordt automatisch bewaard zodra")
    box = page.locator("[data-testid=stMultiSelect]").filter(has_text=f"Risicofactoren: {factors[FRIENDS].level}")
    pick_option(page, box.get_by_role("combobox"), factors[FRIENDS].name, close=True)
    # two recommendations on the shortlist
    for n in (1, 2):
        page.get_by_role("button", name="Zet op shortlist").first.click()
        expect(page.get_by_text("Staat op de shortlist")).to_have_count(n, timeout=60_000)
        wait_for_app(page, SLOW)
    assert "werkmap=" in page.url, "the first change put the private link in the address"
    edit_token = token_of(page.url)

    # order and a note
    nav(page, "Shortlist")
    first, second = shortlist_order(page)
    page.get_by_role("button", name="↑").nth(1).click()
    # the rerun may start after the click returns: wait for the moved item to be first
    expect(main(page).locator("p").filter(has_text=re.compile(r"^1\. ")).first).to_have_text(
        re.compile(rf"^1\. {re.escape(second)}"), timeout=30_000)
    wait_for_app(page, SLOW)
    order = [second, first]
    assert shortlist_order(page) == order
    field = page.get_by_label(f"Notitie bij {first}")
    field.fill("Eerst navragen bij de GGD: wachtlijst?")
    field.press("Enter")
    wait_for_app(page, SLOW)
    expect(sidebar(page)).to_contain_text("Uw werk wordt automatisch bewaard (versie")
    # a plan
    nav(page, "Planscan")
    choose(page, "Begin met het plan van een BOTOC-gemeente", "Amsterdam")
    plan = page.get_by_text(re.compile(r"^Het plan telt \d+ interventies\.$"))
    expect(plan).to_be_visible(timeout=60_000)
    plan_line = plan.inner_text().strip()
    note = (first, "Eerst navragen bij de GGD: wachtlijst?")

    page.reload()  # F5
    wait_for_app(page, SLOW)
    assert token_of(page.url) == edit_token
    expect(page.get_by_text(plan_line, exact=True)).to_be_visible(timeout=60_000)
    expect_work(page, kk, order, note, plan_line)
    link = f"{app_server.url}/shortlist?werkmap={edit_token}"
    page.context.close()  # the tab and the browser closed

    fresh = new_page(browser)
    try:
        fresh.goto(link)  # tomorrow, from the bookmark
        wait_for_app(fresh, SLOW)
        expect_work(fresh, kk, order, note, plan_line)
        nav(fresh, "Shortlist")
        fresh.get_by_text("Deel met uw team").click()
        codes = main(fresh).locator("[data-testid=stCode]").filter(has_text="werkmap=")
        expect(codes).to_have_count(2, timeout=30_000)
        read_link = next(c.strip() for c in codes.all_inner_texts() if edit_token not in c)
    finally:
        fresh.context.close()

    reader = new_page(browser)
    try:
        reader.goto(read_link)
        wait_for_app(reader, SLOW)
        expect(main(reader)).to_contain_text("Alleen lezen", timeout=60_000)
        expect(sidebar(reader)).to_contain_text("Alleen lezen")
        assert shortlist_order(reader) == order
        field = reader.get_by_label(f"Notitie bij {first}")
        expect(field).to_have_value(note[1])
        field.fill("Dit mag niet bewaard worden")
        field.press("Enter")
        wait_for_app(reader, SLOW)
        expect(sidebar(reader)).to_contain_text("Alleen lezen")
        reader.reload()
        wait_for_app(reader, SLOW)
        expect(reader.get_by_label(f"Notitie bij {first}")).to_have_value(note[1], timeout=60_000)
        assert edit_token not in reader.content()
    finally:
        reader.context.close()
    assert app_server.log_problems() == []


@pytest.fixture(params=pg.backends())
def two_servers(request, tmp_path_factory):
    """Two app processes on one database (a SQLite file, or a fresh PostgreSQL database)."""
    server = url = None
    if request.param == "sqlite":
        env = {"KENNISKAART_DATA_DIR": str(tmp_path_factory.mktemp("werkmap-online")), "KENNISKAART_DATABASE_URL": ""}
    else:
        server = pg.server_or_skip()
        url = pg.create_database(server)
        env = {"KENNISKAART_DATABASE_URL": url.render_as_string(hide_password=False)}
    servers = [AppServer(env=env), AppServer(env=env)]
    yield servers
    for s in servers:
        s.stop()
    if url is not None:
        pg.drop_database(server, url)


def test_two_app_processes_share_links_and_refuse_a_concurrent_save(two_servers, browser, kk):
    """An edit link made on process A opens on process B; a read link on B reads only; A and B
    save on the same version: B is refused with both versions shown, nothing is overwritten."""
    a_server, b_server = two_servers
    ivs = kk.by_id("interventions")
    a, b = new_page(browser), new_page(browser)
    try:
        a.goto(f"{a_server.url}/interventies?interventie=ajb")
        wait_for_app(a, SLOW)
        a.get_by_role("button", name="Zet op shortlist").first.click()
        expect(a.get_by_text("Staat op de shortlist")).to_be_visible(timeout=60_000)
        wait_for_app(a, SLOW)
        token = token_of(a.url)

        b.goto(f"{b_server.url}/shortlist?werkmap={token}")  # the other process
        wait_for_app(b, SLOW)
        expect(main(b)).to_contain_text("1 interventie", timeout=60_000)
        note_a, note_b = a, b
        nav(note_a, "Shortlist")
        for who, text in ((note_a, "notitie uit proces A"), (note_b, "notitie uit proces B")):
            field = who.get_by_label(f"Notitie bij {ivs['ajb'].name}")
            field.fill(text)
            field.press("Enter")
            wait_for_app(who, SLOW)
            if who is note_a:  # A's save is done before B saves
                expect(sidebar(a)).to_contain_text("automatisch bewaard (versie 2", timeout=60_000)
        # A saved first (version 2); B's save on version 1 is refused, both versions shown
        conflict = main(b).locator(".st-key-wm-conflict")
        expect(conflict).to_contain_text("Iemand anders heeft deze werkmap intussen bewaard (versie 2)", timeout=60_000)
        expect(conflict).to_contain_text("notitie uit proces A")
        expect(conflict).to_contain_text("notitie uit proces B")
        expect(sidebar(b)).to_contain_text("Niet bewaard")
        b.get_by_role("button", name="Bewaar mijn versie als nieuwste").click()
        wait_for_app(b, SLOW)
        expect(main(b).locator(".st-key-wm-conflict")).to_have_count(0, timeout=60_000)
        expect(sidebar(b)).to_contain_text("versie 3")
        # the history (read on A's process) lists every version
        a.reload()
        wait_for_app(a, SLOW)
        expect(a.get_by_label(f"Notitie bij {ivs['ajb'].name}")).to_have_value("notitie uit proces B", timeout=60_000)
        a.get_by_text("Geschiedenis: alle bewaarde versies").click()
        wait_for_app(a, SLOW)
        history = main(a).locator("[data-testid=stDataFrame]").last
        rows = grid_rows(history)
        assert [r["versie"] for r in rows] == ["3", "2", "1"], rows
        assert "versie 2 blijft bewaard" in rows[0]["wat"] and rows[1]["wat"] == "Notities gewijzigd"
        # a read link on process B: the work, read-only
        a.get_by_text("Deel met uw team").click()
        codes = main(a).locator("[data-testid=stCode]").filter(has_text="werkmap=")
        expect(codes).to_have_count(2, timeout=30_000)
        read_link = next(c.strip() for c in codes.all_inner_texts() if token not in c)
        read_token = token_of(read_link)
        b.goto(f"{b_server.url}/shortlist?werkmap={read_token}")
        wait_for_app(b, SLOW)
        expect(main(b)).to_contain_text("Alleen lezen", timeout=60_000)
        expect(b.get_by_label(f"Notitie bij {ivs['ajb'].name}")).to_have_value("notitie uit proces B")
    finally:
        a.context.close()
        b.context.close()
    assert a_server.log_problems() == [] and b_server.log_problems() == []


def test_a_profile_changed_in_the_aanbeveler_survives_an_immediate_reload(app_server, page, kk):
    page.goto(f"{app_server.url}/interventies?interventie=ajb")
    wait_for_app(page, SLOW)
    page.get_by_role("button", name="Zet op shortlist").first.click()
    expect(sidebar(page)).to_contain_text("automatisch bewaard (versie 1", timeout=60_000)
    nav(page, "Aanbeveler")
    anti = kk.by_id("factors")[ANTI]
    box = page.locator("[data-testid=stMultiSelect]").filter(has_text=f"Risicofactoren: {anti.level}")
    pick_option(page, box.get_by_role("combobox"), anti.name, close=True)
    page.reload()
    wait_for_app(page, SLOW)
    nav(page, "Shortlist")
    expect(main(page)).to_contain_text(anti.name, timeout=30_000)
