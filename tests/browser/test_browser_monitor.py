"""Real-browser Nulmeting en monitor (issue 29): a deep link to /monitor on a fresh server opens
the page; a user adds an indicator, enters a nulmeting with a target and planned moments and two
measurements, and sees the chart (with its text alternative) and the bijsturen list; text in a
number field gives a Dutch message, no traceback."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from support.browser import no_exception, wait_for_app
from support.server import AppServer


@pytest.fixture(scope="module")
def server():
    s = AppServer()
    yield s
    s.stop()


def test_baseline_two_measurements_chart_and_bijsturen(server, browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="nl-NL")
    page = context.new_page()
    page.goto(f"{server.url}/monitor")  # a deep link in a new session on a fresh server
    wait_for_app(page, 60_000)
    expect(page.locator("h1").first).to_have_text("Nulmeting en monitor")
    assert page.get_by_text("Page not found").count() == 0
    main = page.locator("[data-testid=stMain]")

    page.get_by_text("Eigen indicator toevoegen").first.click()
    page.get_by_label("Naam van de indicator").fill("Schoolverzuim in Zuid")
    page.get_by_role("button", name="Eigen indicator toevoegen").click()
    wait_for_app(page)
    expect(page.locator("h3").filter(has_text="Schoolverzuim in Zuid")).to_be_visible(timeout=30_000)

    today = dt.date.today()

    def day(n: int) -> str:
        return f"{today - dt.timedelta(days=n):%d-%m-%Y}"

    page.get_by_label("Waarde van de nulmeting").fill("veel")
    page.get_by_label("Datum van de nulmeting").fill(day(90))
    page.get_by_role("button", name="Nulmeting opslaan").click()
    wait_for_app(page)
    expect(main.locator("[data-testid=stAlertContentError]")).to_contain_text("'veel': dat is geen getal",
                                                                              timeout=30_000)

    page.get_by_label("Waarde van de nulmeting").fill("40")
    page.get_by_label("Doel", exact=True).fill("30")
    page.get_by_label("Geplande metingen").fill(f"{day(61)}; {day(31)}; {day(1)}")
    page.get_by_role("button", name="Nulmeting opslaan").click()
    # the rerun may start after the click returns: wait for what the user waits for
    expect(main).to_contain_text(f"nulmeting 40 op {day(90)}", timeout=30_000)
    wait_for_app(page)
    for n, value in ((60, "36"), (30, "38")):
        page.get_by_label("Datum van de meting").fill(day(n))
        page.get_by_label("Waarde van de meting").fill(value)
        page.get_by_role("button", name="Meting toevoegen").click()
        expect(main).to_contain_text(f"meting {value} op {day(n)}", timeout=30_000)
        wait_for_app(page)

    chart = main.locator("[data-testid=stVegaLiteChart]")
    expect(chart).to_have_count(1)
    expect(chart.locator("canvas, svg").first).to_be_visible(timeout=30_000)
    expect(main).to_contain_text(f"nulmeting 40 op {day(90)}; meting 36 op {day(60)}; meting 38 op {day(30)}; doel 30",
                                 timeout=30_000)
    steer = main.locator("[data-testid=stAlertContentWarning]").filter(has_text="Beweegt de verkeerde kant op")
    expect(steer).to_contain_text("Schoolverzuim in Zuid: van 36 naar 38, terwijl het doel (30) omlaag vraagt.")
    expect(steer).to_contain_text(
        f"Meting te laat — Schoolverzuim in Zuid: de meting van {day(1)} is nog niet ingevuld.")
    no_exception(page)
    assert not server.log_problems()
    context.close()
