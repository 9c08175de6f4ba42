"""One real browser session (Chromium through Playwright) walking the app, for
``load_protocol.py --browsers K``: K such sessions run alongside the protocol sessions to see
what a user waits for under that load.

Every session (its own browser context, so its own Streamlit session):

1. opens /aanbeveler and waits until loaded                      -> "initial load"
2. picks the first casus in 'Begin met een casus' (selectbox: click the widget, then the
   option in the [role=option] dropdown); without cases in the content it picks the first
   risk factor in 'Risicofactoren: individu' instead; waits for the rerun  -> "aanbeveler rerun"
3. switches to Interventies with the sidebar link (same Streamlit session)  -> "page switch"
4. types 'gezin' in 'Zoek in gewone woorden…' and presses Enter; waits for the rerun  -> "filter rerun"

A rerun is detected by recording the app's script-state changes in the page (running ->
notRunning), so it is never missed. Errors: exceptions, timeouts and stException elements.
(This was bench/load_test.py's session; its own command line, N browser sessions on one
server, is retired: see docs/performance.md.)
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (
    APP_CONTENT,
    CONTEXT_OPTS,
    READY_JS,
    RECORDER_DUMP_JS,
    RERUN_DONE_JS,
    STATE_RECORDER_JS,
)

METRICS = ["initial load", "aanbeveler rerun", "page switch", "filter rerun", "session total"]
COUNT_RE = "^\\d+ van \\d+ interventies"  # '12 van 54 interventies.' above the table
POLL_MS = 50  # polling interval for the wait functions (raf in 40 pages would load the CPU)


class StepError(Exception):
    pass


async def wait_loaded(page, timeout_ms: float, content: str = APP_CONTENT) -> None:
    await page.wait_for_function(READY_JS, arg=content, polling=POLL_MS, timeout=timeout_ms)


async def wait_rerun(page, timeout_ms: float, expect: dict | None = None) -> str:
    """Wait for a rerun; returns how it was detected ('observed' or 'content')."""
    try:
        h = await page.wait_for_function(RERUN_DONE_JS, arg=expect, polling=POLL_MS, timeout=timeout_ms)
        return await h.json_value()
    except Exception as exc:
        try:
            seen = await asyncio.wait_for(page.evaluate(RECORDER_DUMP_JS), 10)
        except Exception:  # noqa: BLE001 - only for the message; the waiting error is raised below
            seen = "?"
        raise StepError(f"{type(exc).__name__} waiting for the rerun; saw {seen}") from exc


async def check_no_exception(page, step: str) -> None:
    exc = page.locator("[data-testid=stException]")
    n = await exc.count()
    if n:
        try:
            text = " ".join((await exc.first.inner_text(timeout=10_000)).split())[:300]
        except Exception:  # noqa: BLE001 - only for the message; the stException is raised below
            text = "?"
        raise StepError(f"{step}: {n} stException: {text}")


async def run_session(
    idx: int, browser, base_url: str, step_timeout_ms: float, release: asyncio.Event, results: list
) -> None:
    res: dict = {"session": idx, "times": {}, "error": None, "step": None, "mode": None, "detected": []}
    results.append(res)
    ctx = await browser.new_context(**CONTEXT_OPTS)
    t_session = time.perf_counter()
    try:
        page = await ctx.new_page()

        res["step"] = "initial load"
        t0 = time.perf_counter()
        await page.goto(f"{base_url}/aanbeveler", wait_until="commit", timeout=step_timeout_ms)
        await wait_loaded(page, step_timeout_ms)
        res["times"]["initial load"] = (time.perf_counter() - t0) * 1000
        await check_no_exception(page, "initial load")

        res["step"] = "aanbeveler rerun"
        # the risk-factor multiselect is always there; once it is, the casus box is too (if any)
        await page.locator("[data-testid=stMultiSelect]").first.wait_for(timeout=step_timeout_ms)
        case_box = page.locator("[data-testid=stSelectbox]").filter(has_text="Begin met een casus")
        if await case_box.count():
            res["mode"] = "casus"
            await case_box.locator("[role=combobox]").first.click(timeout=step_timeout_ms)
            options = page.locator("[role=option]")
            await options.first.wait_for(timeout=step_timeout_ms)
            # option 0 is the placeholder '— kies een casus —'
            target = options.nth(1) if await options.count() > 1 else options.first
        else:
            res["mode"] = "factor"
            box = page.locator("[data-testid=stMultiSelect]").filter(has_text="Risicofactoren: individu")
            await box.locator("[role=combobox]").first.click(timeout=step_timeout_ms)
            options = page.locator("[role=option]")
            await options.first.wait_for(timeout=step_timeout_ms)
            target = options.first
        await page.evaluate(STATE_RECORDER_JS)
        t0 = time.perf_counter()
        await target.click(timeout=step_timeout_ms)
        expect = (
            {"sel": "[data-testid=stMain] [data-testid=stMarkdownContainer]", "text": "Niveau van hulp:"}
            if res["mode"] == "casus" else None
        )
        res["detected"] = [await wait_rerun(page, step_timeout_ms, expect)]
        res["times"]["aanbeveler rerun"] = (time.perf_counter() - t0) * 1000
        await page.keyboard.press("Escape")  # close a multiselect dropdown if still open
        await check_no_exception(page, "aanbeveler rerun")
        if not await page.get_by_text("Niveau van hulp:").count():
            raise StepError("aanbeveler rerun: no result shown ('Niveau van hulp:' missing)")

        res["step"] = "page switch"
        link = page.locator("[data-testid=stSidebarNavLink][href$='/interventies']")
        await page.evaluate(STATE_RECORDER_JS)
        t0 = time.perf_counter()
        if await link.count():
            await link.first.click(timeout=step_timeout_ms)
            res["detected"].append(
                await wait_rerun(page, step_timeout_ms, {"sel": "[data-testid=stMain] h1", "text": "Interventies"})
            )
        else:  # no sidebar link: open the page directly (new Streamlit session)
            await page.goto(f"{base_url}/interventies", wait_until="commit", timeout=step_timeout_ms)
        await wait_loaded(page, step_timeout_ms, "[data-testid=stMain] [data-testid=stTextInput]")
        res["times"]["page switch"] = (time.perf_counter() - t0) * 1000
        await check_no_exception(page, "page switch")

        if (await page.locator("[data-testid=stMain] h1").first.inner_text()).strip() != "Interventies":
            raise StepError("page switch: h1 is not 'Interventies'")

        res["step"] = "filter rerun"
        field = (
            page.locator("[data-testid=stTextInput]").filter(has_text="Zoek in gewone woorden").locator("input").first
        )
        await field.fill("gezin", timeout=step_timeout_ms)
        count_sel = "[data-testid=stMain] [data-testid=stMarkdownContainer]"
        before = await page.evaluate(
            """([sel, re]) => { for (const el of document.querySelectorAll(sel)) {
                 const t = el.innerText || ''; if (new RegExp(re).test(t)) return t; } return null; }""",
            [count_sel, COUNT_RE],
        )
        count_text = "interventies."
        await page.evaluate(STATE_RECORDER_JS)
        t0 = time.perf_counter()
        await field.press("Enter", timeout=step_timeout_ms)
        res["detected"].append(
            await wait_rerun(
                page, step_timeout_ms,
                {"sel": count_sel, "text": count_text, "re": COUNT_RE, "before": before} if before else None,
            )
        )
        res["times"]["filter rerun"] = (time.perf_counter() - t0) * 1000
        await check_no_exception(page, "filter rerun")
        res["times"]["session total"] = (time.perf_counter() - t_session) * 1000
        res["step"] = "done"
        await release.wait()  # keep the session open until the server RSS is read
    except asyncio.CancelledError:
        res["error"] = res["error"] or f"{res['step']}: cancelled by the overall timeout"
        raise
    except Exception as exc:  # noqa: BLE001  - every failure is a reported figure
        first = str(exc).strip().splitlines()[0][:400] if str(exc).strip() else ""
        res["error"] = f"{res['step']}: {type(exc).__name__}: {first}"
    finally:
        with contextlib.suppress(Exception):
            await asyncio.wait_for(ctx.close(), 30)
