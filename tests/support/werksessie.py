"""A werksessie in a real browser, step by step as its people take them: the facilitator
starts a room; a participant joins, marks risks, picks a top 3, rates Samen Weerbaar
indicators and saves."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from support.browser import no_exception, wait_for_app


def start_room(page, url: str, title: str) -> tuple[str, str]:
    """Open a new room as facilitator; returns (code, join link as shown)."""
    page.goto(f"{url}/werksessie")
    wait_for_app(page)
    page.get_by_label("Titel").fill(title)
    page.get_by_role("button", name="Start een werksessie").click()
    page.wait_for_url(re.compile(r"beheer="), timeout=30_000)
    wait_for_app(page)
    code = re.search(r"code=([A-Z0-9]{6})", page.url).group(1)
    join = page.locator(".st-key-ws-join [data-testid=stCode]").inner_text().strip()
    assert join.endswith(f"/werksessie?code={code}"), join
    expect(page.locator(".st-key-ws-join img").first).to_be_visible()  # the QR code
    expect(page.locator(".st-key-ws-join h2")).to_have_text(re.compile(rf"^{code[:3]}\s{code[3:]}$"))
    return code, join


def join(page, link: str, org: str) -> None:
    page.goto(link)
    wait_for_app(page)
    page.get_by_text(org, exact=True).click()
    page.get_by_role("button", name="Doe mee").click()
    page.wait_for_url(re.compile(r"deelnemer="), timeout=30_000)
    wait_for_app(page)
    expect(page.get_by_role("button", name="Opslaan")).to_be_visible()


def mark(page, factor: str) -> None:
    """Tick a risk among the ones shown first (a pill)."""
    page.locator(".st-key-ws_feat").get_by_role("button", name=factor, exact=True).click()
    wait_for_app(page)


def search_and_mark(page, word: str, factor: str) -> None:
    """Find a risk by an everyday word and tick it among the pills found."""
    page.get_by_label("Zoek een risico in uw eigen woorden").fill(word)
    page.keyboard.press("Enter")
    wait_for_app(page)
    page.locator("[class*=st-key-ws_found_]").get_by_role("button", name=factor, exact=True).click()
    wait_for_app(page)


def top3(page, factor: str) -> None:
    page.locator(".st-key-ws-top3").get_by_role("button", name=factor, exact=True).click()
    wait_for_app(page)


def rate(page, indicator: str, step: str) -> None:
    """Place a Samen Weerbaar indicator on its axis ('Beschermend' … 'Risicovol', 'Weet ik niet')."""
    page.locator("[data-testid=stRadio]").filter(has_text=indicator).get_by_text(step, exact=True).click()
    wait_for_app(page)


def blur(page) -> None:
    """Leave the focused field first: a focused multiselect is taller, and the layout shift when
    it loses focus on the button's mousedown would move the button away before the mouseup."""
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    wait_for_app(page)


def save(page) -> None:
    blur(page)
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Opgeslagen om")).to_be_visible(timeout=20_000)
    no_exception(page)


