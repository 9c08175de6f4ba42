"""Load test: N concurrent browser sessions against one kenniskaart server (prints figures).

    python bench/load_test.py --sessions 10 [--timeout 300] [--browsers 2] [--ramp-ms 0]

Every session (its own browser context, so its own Streamlit session):

1. opens /aanbeveler and waits until loaded                      -> "initial load"
2. picks the first casus in 'Begin met een casus' (selectbox: click the widget, then the
   option in the [role=option] dropdown); without cases in the content it picks the first
   risk factor in 'Risicofactoren: individu' instead; waits for the rerun  -> "aanbeveler rerun"
3. switches to Interventies with the sidebar link (same Streamlit session)  -> "page switch"
4. types 'gezin' in 'Zoek in gewone woorden…' and presses Enter; waits for the rerun  -> "filter rerun"

A rerun is detected by recording the app's script-state changes in the page (running ->
notRunning), so it is never missed. Errors: exceptions, timeouts and stException elements.
Server memory: VmRSS of the streamlit process after one warm-up session ("before"), with all N
sessions finished but still open ("all open"), and 5 s after closing them.

Bounded: all sessions together must finish within --timeout seconds (default 300); every step
has its own timeout; loopback only. No timing assertions.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    APP_CONTENT,
    CONTEXT_OPTS,
    READY_JS,
    RECORDER_DUMP_JS,
    RERUN_DONE_JS,
    ROOT,
    STATE_RECORDER_JS,
    StreamlitServer,
    machine_info,
    median,
    p95,
    table,
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
        except Exception:  # noqa: BLE001
            seen = "?"
        raise StepError(f"{type(exc).__name__} waiting for the rerun; saw {seen}") from exc


async def check_no_exception(page, step: str) -> None:
    exc = page.locator("[data-testid=stException]")
    n = await exc.count()
    if n:
        try:
            text = " ".join((await exc.first.inner_text(timeout=10_000)).split())[:300]
        except Exception:  # noqa: BLE001
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
        try:
            await asyncio.wait_for(ctx.close(), 30)
        except Exception:  # noqa: BLE001
            pass


async def rss_sampler(server: StreamlitServer, stop: asyncio.Event, out: list[int]) -> None:
    while not stop.is_set():
        v = server.rss_kb()
        if v:
            out.append(v)
        try:
            await asyncio.wait_for(stop.wait(), 0.25)
        except asyncio.TimeoutError:
            pass


async def main_async(args) -> int:
    from playwright.async_api import async_playwright

    if not Path(CHROMIUM).exists():
        print(f"chromium missing at {CHROMIUM}", file=sys.stderr)
        return 2
    n = args.sessions
    n_browsers = args.browsers or (1 if n <= 10 else 2)
    step_timeout_ms = args.step_timeout * 1000
    server = StreamlitServer("app.py", cwd=ROOT).start()
    t_start = time.perf_counter()
    try:
        rss_start = server.rss_kb()
        async with async_playwright() as pw:
            browsers = [
                await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS) for _ in range(n_browsers)
            ]
            try:
                # warm-up: one session alone (loads the content into the cache, imports pandas/altair)
                warm_results: list = []
                rel = asyncio.Event()
                rel.set()
                await asyncio.wait_for(
                    run_session(0, browsers[0], server.url, step_timeout_ms, rel, warm_results), args.timeout
                )
                if warm_results[0]["error"]:
                    print(f"warm-up session failed, not starting the load: {warm_results[0]['error']}")
                    return 2
                # same again, alone, on a warm server: the unloaded reference for the table
                solo_results: list = []
                await asyncio.wait_for(
                    run_session(0, browsers[0], server.url, step_timeout_ms, rel, solo_results), args.timeout
                )
                await asyncio.sleep(2)
                rss_before = server.rss_kb()
                cpu_before = server.cpu_s()

                results: list = []
                release = asyncio.Event()
                stop_sampling = asyncio.Event()
                samples: list[int] = []
                sampler = asyncio.create_task(rss_sampler(server, stop_sampling, samples))

                async def one(i: int) -> None:
                    if args.ramp_ms:
                        await asyncio.sleep(i * args.ramp_ms / 1000)
                    await run_session(i + 1, browsers[i % n_browsers], server.url, step_timeout_ms, release, results)

                t_run = time.perf_counter()
                tasks = [asyncio.create_task(one(i)) for i in range(n)]

                async def all_finished() -> None:
                    while True:
                        if len(results) == n and all(r["step"] == "done" or r["error"] for r in results):
                            return
                        await asyncio.sleep(0.1)

                timed_out = False
                try:
                    await asyncio.wait_for(all_finished(), args.timeout)
                except asyncio.TimeoutError:
                    timed_out = True
                run_wall = time.perf_counter() - t_run
                rss_open = server.rss_kb()
                cpu_after = server.cpu_s()
                release.set()
                if timed_out:
                    for t in tasks:
                        t.cancel()
                await asyncio.gather(*tasks, return_exceptions=True)
                stop_sampling.set()
                await sampler
                await asyncio.sleep(5)
                rss_closed = server.rss_kb()
            finally:
                for b in browsers:
                    await b.close()
        hwm = server.hwm_kb()
    finally:
        server.stop()

    # --- report ------------------------------------------------------------------------
    ok = [r for r in results if not r["error"] and r["step"] == "done"]
    errors = [r for r in results if r["error"]]
    missing = n - len(results)
    mode = Counter(r["mode"] for r in results if r["mode"]).most_common(1)
    print(
        f"# load_test  ({machine_info()}); sessions={n}, chromium processes={n_browsers}, "
        f"ramp={args.ramp_ms} ms, total wall {time.perf_counter() - t_start:.0f} s"
    )
    print(
        f"# aanbeveler step used: {mode[0][0] if mode else '-'} "
        "(casus = first case in 'Begin met een casus'; factor = no cases in the content, first risk factor instead)"
    )
    how = Counter(d for r in results for d in r.get("detected", []))
    print(
        "# rerun detection: "
        + (", ".join(f"{k} {v}" for k, v in how.items()) or "-")
        + " (observed = script-state running->notRunning seen; content = only the expected content change seen)"
    )
    solo = solo_results[0]["times"] if solo_results and not solo_results[0]["error"] else {}
    rows = []
    for m in METRICS:
        xs = [r["times"][m] for r in results if m in r["times"]]
        rows.append([m, len(xs), median(xs), p95(xs), max(xs) if xs else float("nan"), solo.get(m, float("nan")),
                     (median(xs) / solo[m]) if xs and solo.get(m) else float("nan")])
    print(table(["metric (ms)", "n", "p50", "p95", "max", "1 session alone", "p50 / alone"], rows))
    print(
        f"# sessions ok {len(ok)}/{n}, errors {len(errors)}, not started {missing}, "
        f"all finished within {run_wall:.1f} s{' (OVERALL TIMEOUT HIT)' if timed_out else ''}"
    )
    for msg, k in Counter(r["error"] for r in errors).most_common():
        print(f"  - {k}x {msg}")
    if solo_results and solo_results[0]["error"]:
        print(f"  - solo reference session failed: {solo_results[0]['error']}")
    if warm_results and warm_results[0]["error"]:
        print(f"  - warm-up session failed: {warm_results[0]['error']}")
    mb = lambda kb: (kb or 0) / 1024  # noqa: E731
    peak = max(samples) if samples else None
    print(
        table(
            ["server memory (VmRSS)", "MB"],
            [
                ["right after start", mb(rss_start)],
                ["after 2 single warm-up sessions (before)", mb(rss_before)],
                ["peak during the run (sampled 4/s)", mb(peak)],
                [f"all {n} sessions finished, still open", mb(rss_open)],
                ["5 s after closing them", mb(rss_closed)],
                ["VmHWM (process peak)", mb(hwm)],
                ["growth per session (open - before) / N", (mb(rss_open) - mb(rss_before)) / n],
                ["growth per session, after closing", (mb(rss_closed) - mb(rss_before)) / n],
            ],
            digits=2,
        )
    )
    if cpu_before is not None and cpu_after is not None:
        busy = cpu_after - cpu_before
        print(
            f"# server CPU during the run: {busy:.1f} s over {run_wall:.1f} s wall "
            f"({100 * busy / run_wall:.0f}% of one core; the python server is single-process)"
        )
    return 1 if errors or missing or timed_out else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sessions", type=int, default=10, help="concurrent sessions (default 10)")
    ap.add_argument("--timeout", type=float, default=300, help="overall bound in seconds (default 300)")
    ap.add_argument("--step-timeout", type=float, default=120, help="per-step bound in seconds (default 120)")
    ap.add_argument("--browsers", type=int, default=0, help="chromium processes (default: 1 up to 10 sessions, else 2)")
    ap.add_argument("--ramp-ms", type=int, default=0, help="delay between session starts (default 0: all at once)")
    args = ap.parse_args(argv)
    return asyncio.run(main_async(args))


if __name__ == "__main__":
    raise SystemExit(main())
