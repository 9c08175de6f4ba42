"""Protocol load test: N Streamlit sessions in one process, speaking the browser's protocol.

    python bench/load_protocol.py --sessions 40                       # app.py, facilitator walk
    python bench/load_protocol.py --sessions 40 --side-by-side        # + the bare one-line app
    python bench/load_protocol.py --cpu-reps 10 --sessions 0 --side-by-side   # CPU per step only
    python bench/load_protocol.py --url http://127.0.0.1:8080 --server-pid 123 --server-pid 456

No browser: every session is a websocket to ``/_stcore/stream`` that sends what Streamlit's
frontend sends (protobuf ``BackMsg``) and reads what the server sends (``ForwardMsg``), so a
2-core machine can drive hundreds of sessions and the figures are the server's own.

What a session does, like a browser (Streamlit 1.67's frontend, read from its bundle and from
``streamlit/web/server/starlette/starlette_websocket.py`` / ``runtime/app_session.py``):

* GET the page's HTML (``/<page>?<query>``; it sets the ``_streamlit_xsrf`` cookie), GET
  ``/_stcore/health`` and ``/_stcore/host-config``, keeping cookies like a browser (so a
  proxy's route cookie works);
* open the websocket with subprotocols ``streamlit, <xsrf token>``, the ``Origin`` of the page
  and the cookie;
* send ``BackMsg.rerun_script`` (a ``ClientState``): the URL's query string, ``page_name`` = the
  URL path for the first run (``page_script_hash`` empty), the ``page_script_hash`` of the
  target page for a page switch (taken from the server's ``navigation`` message), the changed
  widget's value in ``widget_states`` for a widget change, the hashes of the cacheable messages
  it already holds (``cached_message_hashes``) and a ``context_info`` (timezone, locale, url);
* follow the URL: when the script changes the query string (``page_info_changed``), later
  reruns send the new one, as the browser's address bar does.

A step is done at the ``script_finished`` message with status FINISHED_SUCCESSFULLY (a run that
ends for ``st.rerun()``/``st.switch_page`` sends FINISHED_EARLY_FOR_RERUN first; that is not the
end). Its time runs from the user's action (the first HTTP request, or sending the BackMsg) to
that message. Errors: an ``exception`` element in a delta, a compile error, ``page_not_found``,
a widget the walk needs but the page did not send, a closed websocket, an HTTP error, a step
timeout. The only simplification: a widget change sends only the changed widget's state (the
server keeps the others from the previous run), where the browser sends every active widget.

Walks (``--walk``):

* ``facilitator`` (default): start (open ``/``) -> aanbeveler (open the shared Aanbeveler
  link of the first casus in the same tab, its query built with
  ``kenniskaart.share.profile_to_params``; a new page load, so a new Streamlit session) ->
  factor (add a risk factor in the first multiselect whose label contains 'Risicofactoren')
  -> planscan (switch page) -> preset (choose a BOTOC municipality in the selectbox whose
  label contains 'BOTOC'; session i takes option i).
* ``link``: open the shared Aanbeveler link directly (a new session), then change a factor.

The bare app (``bench/baseline_app.py``) walks the same steps: an open is an open, every other
step is a plain rerun of its one line, so ``ratio`` = the app's cost over Streamlit's own.

Phases:

1. ``--cpu-reps R`` (default 5): R sessions one after another walk the path on an idle server;
   per step the server's CPU time (``/proc/<pid>/stat`` utime+stime, all threads) between the
   action and 0.15 s after ``script_finished``, minus the server's idle rate, averaged. With
   ``--side-by-side`` the app and the bare app alternate (same minute, same noise).
2. ``--sessions N`` (``--ramp S``: spread the N starts over S seconds): all walk at once.
   p50/p95/max per step, errors, server CPU per step under load, VmRSS before / with all N
   open / 5 s after closing (``--after-close``), MB per extra session. ``--session-ttl T``
   starts the server with ``server.disconnectedSessionTTL=T``, waits T s after closing, opens
   and closes one probe session (the expiry is lazy: it happens on the next session save) and
   reads VmRSS again, to see whether the memory comes back. ``--browsers K`` runs K real
   Chromium sessions (bench/browser_session.py) against the app alongside, to see what a
   user waits for under that load. ``--waves W`` runs W rooms of N one after another on the
   same server and prints VmRSS per room: whether a closed room's memory is reused.

Servers are started by this script on a free 127.0.0.1 port (``--port`` to fix it) with
``server.fileWatcherType=none`` (no polling, as in production) and stopped at the end; or
``--url`` drives a running server (e.g. a proxy in front of replicas) and ``--server-pid``
names the processes whose CPU/RSS to read. ``--json PATH`` writes every figure. Exit code 1
when any session failed. Loopback only; bounded by ``--timeout`` and ``--step-timeout``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import StreamlitServer, machine_info, median, p95, table

from support.protocol import (
    Procs,
    ProtocolSession,
    SessionResult,
    Step,
    cpu_walk,
    idle_rate,
    load_session,
)
from support.server import SERVER_ARGS
from support.walks import build_walk, shared_link_query

BASELINE = Path(__file__).resolve().parent / "baseline_app.py"


async def run_load(url: str, procs: Procs, walk: list[Step], bare: bool, args) -> dict:
    n = args.sessions
    results = [SessionResult(i) for i in range(n)]
    release = asyncio.Event()
    browser_results: list[dict] = []
    pw = browser = None
    if args.browsers and not bare:
        # a few real Chromium sessions alongside (bench/browser_session.py: open
        # /aanbeveler, pick a casus, switch to Interventies, filter), to see what users see
        from _common import CHROMIUM, CHROMIUM_ARGS
        from playwright.async_api import async_playwright

        pw = await async_playwright().start()
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    rss_before, cpu0, pcpu0 = procs.rss_mb(), procs.cpu_s(), time.process_time()
    t0 = time.perf_counter()
    tasks = [
        asyncio.create_task(
            load_session(url, walk, bare, i, args.ramp * i / max(1, n), args.think, args.step_timeout,
                         release, results[i])
        )
        for i in range(n)
    ]
    if browser is not None:
        from browser_session import run_session as browser_session

        tasks += [
            asyncio.create_task(browser_session(1000 + i, browser, url, args.step_timeout * 1000, release,
                                                browser_results))
            for i in range(args.browsers)
        ]

    async def walked() -> None:
        while any(r.step != "done" and r.error is None for r in results) or len(browser_results) < (
            args.browsers if browser is not None else 0
        ) or any(b["step"] != "done" and b["error"] is None for b in browser_results):
            await asyncio.sleep(0.05)

    peak = rss_before or 0.0
    try:
        waiter = asyncio.create_task(walked())
        deadline = time.monotonic() + args.timeout
        while not waiter.done() and time.monotonic() < deadline:
            peak = max(peak, procs.rss_mb() or 0.0)
            await asyncio.wait([waiter], timeout=0.25)
        waiter.cancel()
    finally:
        wall = time.perf_counter() - t0
        cpu1, pcpu1 = procs.cpu_s(), time.process_time()
        rss_open = procs.rss_mb()
        peak = max(peak, rss_open or 0.0)
        release.set()
        _, pending = await asyncio.wait(tasks, timeout=60)
        for t in pending:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        if browser is not None:
            await browser.close()
            await pw.stop()
    await asyncio.sleep(args.after_close)
    rss_closed = procs.rss_mb()
    rss_probe = None
    if args.session_ttl is not None:
        await asyncio.sleep(max(0.0, args.session_ttl - args.after_close) + 1)
        probe = ProtocolSession(url, 0, args.step_timeout)
        with contextlib.suppress(Exception):
            await probe.open("", "")
        await probe.close()
        await asyncio.sleep(3)
        rss_probe = procs.rss_mb()
    done_steps = sum(len(r.times) for r in results)
    # the Chromium sessions' steps cost server CPU too (their 'session total' is not a step)
    done_steps += sum(len([k for k in b["times"] if k != "session total"]) for b in browser_results)
    return {
        "sessions": n,
        "ok": sum(1 for r in results if r.error is None and len(r.times) == len(walk)),
        "errors": [r.error for r in results if r.error],
        "times": {st.name: [r.times[st.name] for r in results if st.name in r.times] for st in walk},
        "wall_s": wall,
        "server_cpu_s": (cpu1 - cpu0) if cpu0 is not None and cpu1 is not None else None,
        "steps_done": done_steps,
        "client_cpu_s": pcpu1 - pcpu0,
        "rss_before_mb": rss_before,
        "rss_open_mb": rss_open,
        "rss_peak_mb": peak,
        "rss_closed_mb": rss_closed,
        "rss_after_ttl_mb": rss_probe,
        "browsers": [{"times": b["times"], "error": b["error"]} for b in browser_results],
    }


# --- reporting ---------------------------------------------------------------------------------


def print_cpu(walk: list[Step], cpu: dict[str, dict[str, list[tuple]]], labels: list[str]) -> dict:
    out: dict = {}
    rows = []
    for step in walk:
        row = [step.name]
        means = []
        for lab in labels:
            samples = cpu[lab][step.name]
            c = statistics.mean(x[0] for x in samples) if samples else float("nan")
            w = median([x[1] for x in samples])
            el = samples[-1][2] if samples else 0
            kb = samples[-1][3] if samples else 0
            means.append(c)
            row += [c, w, el, kb]
            out.setdefault(lab, {})[step.name] = {"cpu_ms": c, "wall_ms": w, "elements": el, "kb": kb}
        if len(labels) == 2:
            row.append(f"{means[0] / means[1]:.1f}" if means[1] else "-")
        rows.append(row)
    totals = [sum(out[lab][s.name]["cpu_ms"] for s in walk) for lab in labels]
    row = ["whole walk"]
    for lab, tot in zip(labels, totals, strict=True):
        row += [tot, sum(out[lab][s.name]["wall_ms"] for s in walk), "", ""]
    if len(labels) == 2:
        out["ratio_walk"] = totals[0] / totals[1] if totals[1] else None
        row.append(f"{out['ratio_walk']:.1f}" if totals[1] else "-")
    rows.append(row)
    headers = ["step"]
    for lab in labels:
        headers += [f"{lab} CPU ms", f"{lab} wall ms", f"{lab} elements", f"{lab} kB"]
    if len(labels) == 2:
        headers.append("CPU ratio")
    ints = tuple(i for i, h in enumerate(headers) if h.endswith(("elements", " kB")))
    print(table(headers, rows, digits=1, int_cols=ints))
    return out


def print_load(walk: list[Step], res: dict[str, dict], labels: list[str]) -> None:
    headers = ["step"]
    for lab in labels:
        headers += [f"{lab} p50 ms", f"{lab} p95 ms", f"{lab} max ms", f"{lab} n"]
    if len(labels) == 2:
        headers.append("p95 ratio")
    rows = []
    for name in [s.name for s in walk] + ["any step"]:
        row = [name]
        p95s = []
        for lab in labels:
            if name == "any step":
                xs = [x for v in res[lab]["times"].values() for x in v]
            else:
                xs = res[lab]["times"][name]
            row += [median(xs), p95(xs), max(xs) if xs else float("nan"), len(xs)]
            p95s.append(p95(xs))
        if len(labels) == 2:
            row.append(f"{p95s[0] / p95s[1]:.1f}" if p95s[1] else "-")
        rows.append(row)
    ints = tuple(i for i, h in enumerate(headers) if h.endswith(" n"))
    print(table(headers, rows, digits=0, int_cols=ints))
    print()
    rows = []
    for lab in labels:
        r = res[lab]
        n = r["sessions"]
        per_step = (r["server_cpu_s"] * 1000 / r["steps_done"]) if r["server_cpu_s"] and r["steps_done"] else None
        grown = r["rss_open_mb"] and r["rss_before_mb"] and n
        per_sess = ((r["rss_open_mb"] - r["rss_before_mb"]) / n) if grown else None
        rows.append([
            lab, f"{r['ok']}/{n}", len(r["errors"]), r["wall_s"], r["server_cpu_s"], per_step, r["client_cpu_s"],
            r["rss_before_mb"], r["rss_peak_mb"], r["rss_open_mb"], r["rss_closed_mb"], r["rss_after_ttl_mb"], per_sess,
        ])
    print(table(
        ["server", "sessions ok", "errors", "wall s", "server CPU s", "CPU ms/step", "client CPU s",
         "RSS before MB", "peak MB", "all open MB", "closed MB", "after TTL MB", "MB/user"],
        rows, digits=1, int_cols=(2,),
    ))
    for lab in labels:
        bres = res[lab].get("browsers") or []
        if bres:
            steps = list(dict.fromkeys(k for b in bres for k in b["times"]))
            print(f"\n{lab}: {len(bres)} Chromium session(s) alongside (bench/browser_session.py's steps), ms; "
                  f"errors {sum(1 for b in bres if b['error'])}")
            print(table(["step", "p50", "p95", "max", "n"],
                        [[k, median(xs), p95(xs), max(xs), len(xs)]
                         for k in steps for xs in [[b["times"][k] for b in bres if k in b["times"]]]],
                        digits=0, int_cols=(4,)))
            for b in bres:
                if b["error"]:
                    print(f"  chromium: {b['error'][:200]}")
    for lab in labels:
        errs = res[lab]["errors"]
        if errs:
            kinds: dict[str, int] = {}
            for e in errs:
                kinds[e[:160]] = kinds.get(e[:160], 0) + 1
            print(f"\n{lab}: {len(errs)} failed session(s):")
            for e, k in sorted(kinds.items(), key=lambda kv: -kv[1])[:10]:
                print(f"  {k} x {e}")


# --- main ----------------------------------------------------------------------------------------


async def main_async(args) -> int:
    query = args.query if args.query is not None else shared_link_query()
    walk = build_walk(args.walk, query)
    targets: list[tuple[str, str, bool]] = []  # (label, script or url, bare)
    if args.url:
        targets.append(("app", args.url, args.bare))
    else:
        app_script = str(args.app)
        bare = Path(app_script).resolve() == BASELINE
        targets.append(("bare" if bare else "app", app_script, bare))
        if args.side_by_side and not bare:
            targets.append(("bare", str(BASELINE), True))
    labels = [t[0] for t in targets]
    servers: dict[str, StreamlitServer] = {}
    urls: dict[str, str] = {}
    procs: dict[str, Procs] = {}
    extra = list(SERVER_ARGS) + [a for kv in args.server_arg for a in ("--" + kv.split("=", 1)[0], kv.split("=", 1)[1])]
    if args.session_ttl is not None:
        extra += ["--server.disconnectedSessionTTL", str(args.session_ttl)]
    rc = 0
    try:
        for lab, target, _bare in targets:
            if args.url:
                urls[lab] = args.url.rstrip("/")
                procs[lab] = Procs(args.server_pid)
            else:
                srv = StreamlitServer(target, extra_args=extra, port=args.port if lab == labels[0] else None)
                servers[lab] = srv.start()
                urls[lab] = srv.url
                procs[lab] = Procs([srv.pid])
        print(f"# load_protocol  {time.strftime('%Y-%m-%d %H:%M')}  {machine_info()}")
        print(f"# walk '{args.walk}': " + " -> ".join(s.name for s in walk) + f"   (shared link query: {query})")
        for lab in labels:
            print(f"# {lab}: {urls[lab]}  pids {procs[lab].pids}")
        report: dict = {"date": time.strftime("%Y-%m-%d %H:%M"), "machine": machine_info(), "walk": args.walk,
                        "query": query}

        # warm-up: one walk per server (imports, the content cache, first-run costs)
        for lab, _, bare in targets:
            await cpu_walk(urls[lab], procs[lab], walk, bare, 0.0, 0, args.step_timeout)

        if args.cpu_reps:
            idle = {lab: await idle_rate(procs[lab]) for lab in labels}
            cpu: dict[str, dict[str, list]] = {lab: {s.name: [] for s in walk} for lab in labels}
            for rep in range(args.cpu_reps):
                for lab, _, bare in targets:
                    got = await cpu_walk(urls[lab], procs[lab], walk, bare, idle[lab], rep + 1, args.step_timeout)
                    for k, v in got.items():
                        cpu[lab][k].append(v)
            print(f"\n## Server CPU per step, one session at a time ({args.cpu_reps} walks each, "
                  "mean; idle rate subtracted: "
                  + ", ".join(f"{lab} {idle[lab]*1000:.0f} ms/s" for lab in labels) + ")")
            report["cpu"] = print_cpu(walk, cpu, labels)

        if args.sessions:
            load: dict[str, dict] = {}
            for lab, _, bare in targets:
                load[lab] = await run_load(urls[lab], procs[lab], walk, bare, args)
                if load[lab]["errors"] or load[lab]["ok"] != args.sessions:
                    rc = 1
                if any(b["error"] for b in load[lab]["browsers"]):
                    rc = 1
            print(f"\n## {args.sessions} sessions at once (ramp {args.ramp:g} s, think {args.think:g} s), "
                  f"time from action to script_finished")
            print_load(walk, load, labels)
            report["load"] = load
            for lab in labels:
                print(f"\nsessions ok {load[lab]['ok']}/{args.sessions}, errors {len(load[lab]['errors'])} ({lab})")
            if args.waves > 1:
                # later rooms on the same server: does the memory of a closed room get reused?
                rows = [[f"{lab} wave 1", load[lab]["rss_before_mb"], load[lab]["rss_open_mb"],
                         load[lab]["rss_closed_mb"], load[lab]["rss_after_ttl_mb"], len(load[lab]["errors"])]
                        for lab in labels]
                report["waves"] = {}
                for wave in range(2, args.waves + 1):
                    for lab, _, bare in targets:
                        r = await run_load(urls[lab], procs[lab], walk, bare, args)
                        report["waves"].setdefault(lab, []).append(r)
                        if r["errors"] or r["ok"] != args.sessions:
                            rc = 1
                        rows.append([f"{lab} wave {wave}", r["rss_before_mb"], r["rss_open_mb"],
                                     r["rss_closed_mb"], r["rss_after_ttl_mb"], len(r["errors"])])
                print(f"\n## {args.waves} rooms of {args.sessions} one after another on the same server: VmRSS MB")
                print(table(["room", "before", "all open", "closed", "after TTL", "errors"], rows, digits=1,
                            int_cols=(5,)))
        if args.json:
            Path(args.json).write_text(json.dumps(report, indent=1, default=float))
    finally:
        for srv in servers.values():
            srv.stop()
    return rc


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sessions", type=int, default=40, help="concurrent sessions (default 40; 0 = CPU phase only)")
    ap.add_argument("--ramp", type=float, default=0.0, help="spread the session starts over S seconds (default 0)")
    ap.add_argument("--think", type=float, default=0.0, help="pause between a session's steps, s (default 0)")
    ap.add_argument("--walk", default="facilitator", help="facilitator (default) or link")
    ap.add_argument("--query", default=None, help="query string of the shared link (default: from the first casus)")
    ap.add_argument("--app", default="app.py", help="script to serve (default app.py; bench/baseline_app.py = bare)")
    ap.add_argument("--side-by-side", action="store_true", help="also run the bare one-line app, print ratios")
    ap.add_argument("--port", type=int, default=None, help="port for the started server (default: a free one)")
    ap.add_argument("--url", default=None, help="drive a running server instead of starting one")
    ap.add_argument("--bare", action="store_true", help="with --url: the server runs the bare app")
    ap.add_argument("--server-pid", type=int, action="append", default=[], help="with --url: pid(s) to read")
    ap.add_argument("--cpu-reps", type=int, default=5, help="walks for the CPU-per-step table (default 5; 0 = skip)")
    ap.add_argument("--after-close", type=float, default=5.0, help="seconds before the RSS reading after closing")
    ap.add_argument("--session-ttl", type=int, default=None, help="server.disconnectedSessionTTL; probe after it")
    ap.add_argument("--timeout", type=float, default=1800,
                    help="overall bound for the load phase, s (default 1800: 400 sessions took 1021 s)")
    ap.add_argument("--step-timeout", type=float, default=600, help="per-step bound, s (default 600)")
    ap.add_argument("--server-arg", action="append", default=[], metavar="OPTION=VALUE",
                    help="extra streamlit option for the started servers, e.g. runner.postScriptGC=false")
    ap.add_argument("--waves", type=int, default=1,
                    help="rooms of N one after another on the same server (memory reuse; default 1)")
    ap.add_argument("--browsers", type=int, default=0,
                    help="real Chromium sessions alongside the protocol sessions (app only; default 0)")
    ap.add_argument("--json", default=None, help="write the figures as JSON to this path")
    args = ap.parse_args(argv)
    return asyncio.run(main_async(args))


if __name__ == "__main__":
    sys.exit(main())
