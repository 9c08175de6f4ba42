"""Interactions in headless chromium: a changed factor or filter until the page has updated.

    python bench/bench_interactions.py [--reps 20]

One server (app.py) and one browser context. Two interactions, each repeated ``--reps`` times
(half adding an option to a multiselect, half removing it again with Backspace):

* aanbeveler-factor: the Aanbeveler opened with a profile (15 years, antisocial traits), a risk
  factor added to / removed from a 'Risicofactoren' picker; the recommendations are an
  ``st.fragment``, so only the profile and results rerun;
* interventies-filter: the catalogue, a factor added to / removed from 'Pakt deze factor aan'.

Time = from just before the click (or key press) until the rerun is done in the page
(``RERUN_DONE_JS``: the recorder saw 'running' then 'notRunning', no skeleton) and the next
animation frame has painted. The dropdown is opened and filtered before the clock starts:
typing is the user's time, not the app's. Printed: p50, p95 and max per interaction, and the
server CPU per interaction. No timing assertions.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (
    CHROMIUM,
    CHROMIUM_ARGS,
    CONTEXT_OPTS,
    READY_JS,
    RERUN_DONE_JS,
    STATE_RECORDER_JS,
    StreamlitServer,
    machine_info,
    median,
    p95,
    table,
)

try:
    from playwright.sync_api import Error as PlaywrightError
except ImportError:  # pragma: no cover - the benchmark needs playwright
    PlaywrightError = Exception

ANTI = "beke-r-antisociale-persoonlijkheidskenmerken"
PAINTED_JS = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now()))))"

INTERACTIONS = [
    # (name, path, multiselect label, option text typed to filter)
    ("aanbeveler-factor", f"/aanbeveler?leeftijd=15&risico={ANTI}", "Risicofactoren: individu", "Lage zelfcontrole"),
    ("interventies-filter", "/interventies", "Pakt deze factor aan", "Lage zelfcontrole"),
]


def _wait_ready(page) -> None:
    page.wait_for_function(READY_JS, arg="[data-testid=stMain] h1", polling="raf", timeout=90_000)


def _timed(page, action) -> float:
    page.evaluate(STATE_RECORDER_JS)
    t0 = time.perf_counter()
    action()
    page.wait_for_function(RERUN_DONE_JS, arg=None, polling="raf", timeout=30_000)
    page.evaluate(PAINTED_JS)
    return (time.perf_counter() - t0) * 1000


def measure(page, base: str, path: str, label: str, option: str, reps: int) -> tuple[list[float], int]:
    """Times of ``reps`` changes (add, remove, add, ...) and the number that never finished."""
    page.goto(base + path)
    _wait_ready(page)
    box = page.locator("[data-testid=stMultiSelect]").filter(has_text=label).first
    combo = box.get_by_role("combobox")
    chip = box.locator("[data-tag]").filter(has_text=option)
    times, failed = [], 0
    for _ in range(reps):
        combo.click()
        try:
            if chip.count() == 0:  # add the option
                page.keyboard.type(option)
                item = page.locator("[role=option]").filter(has_text=option).first
                item.wait_for(timeout=30_000)
                times.append(_timed(page, item.click))
            else:  # remove it again: Backspace in the empty input removes the last chip
                times.append(_timed(page, lambda: page.keyboard.press("Backspace")))
        except PlaywrightError:
            failed += 1
        page.keyboard.press("Escape")
        _wait_ready(page)
        page.wait_for_timeout(150)  # a user's pause between two changes
    return times, failed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reps", type=int, default=20)
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    print(f"# bench_interactions  {machine_info()}  reps {args.reps}")
    rows = []
    with StreamlitServer("app.py").start() as server, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            ctx = browser.new_context(**CONTEXT_OPTS)
            page = ctx.new_page()
            for name, path, label, option in INTERACTIONS:
                measure(page, server.url, path, label, option, 2)  # warm-up: caches, lazy chunks
                cpu0 = server.cpu_s()
                times, failed = measure(page, server.url, path, label, option, args.reps)
                cpu = (server.cpu_s() - cpu0) * 1000 / max(len(times), 1)
                rows.append([name, len(times), failed, median(times), p95(times), max(times), cpu])
            ctx.close()
        finally:
            browser.close()
    print(table(["interaction", "n", "not finished", "p50 ms", "p95 ms", "max ms",
                 "server CPU ms per change (incl. the page load)"], rows, int_cols=(1, 2)))


if __name__ == "__main__":
    main()
