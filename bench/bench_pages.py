"""Page time-to-loaded in headless chromium, side by side with a bare Streamlit app.

    python bench/bench_pages.py [--warm 5] [--pages start,factoren,...]

For every page two servers are started fresh in the same run: the kenniskaart (app.py) and
bench/baseline_app.py (one ``st.write``). Time-to-loaded = from just before ``page.goto`` until
the app is connected, the script is not running, no skeleton is shown and the page's
own content is rendered (its h1; the baseline's markdown) (READY_JS in _common.py), in a new browser context each time (empty cache, new Streamlit session).

* cold: the first session after the server started (includes imports, content load+validate
  and the first run of the page script);
* warm: median of ``--warm`` further new contexts on the same servers, app and baseline
  interleaved so that both see the same machine noise.

The ratio column is page / baseline. No timing assertions.
"""

from __future__ import annotations

import argparse
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (  # noqa: E402
    BENCH,
    CHROMIUM,
    CHROMIUM_ARGS,
    CONTEXT_OPTS,
    APP_CONTENT,
    BASELINE_CONTENT,
    PAGES,
    READY_AT_JS,
    TIMELINE_INIT_JS,
    ROOT,
    StreamlitServer,
    machine_info,
    median,
    p95,
    table,
)

BASELINE = BENCH / "baseline_app.py"


NAN = float("nan")


def load_once(browser, url: str, content: str, timeout_ms: int = 90_000) -> tuple[dict[str, float], str | None]:
    """Open ``url`` in a new context.

    Returns ({"wall": ms from just before goto to loaded, "connected"/"script"/"after"/"ready":
    page-clock figures}, problem or None). "script" = first run, 'running' to 'notRunning';
    "after" = from the end of the run until loaded (rendering, lazy chunks, skeletons)."""
    ctx = browser.new_context(**CONTEXT_OPTS)
    ctx.add_init_script(TIMELINE_INIT_JS)
    try:
        page = ctx.new_page()
        t0 = time.perf_counter()
        page.goto(url, wait_until="commit", timeout=timeout_ms)
        ready = page.wait_for_function(READY_AT_JS, arg=content, polling="raf", timeout=timeout_ms).json_value()
        out = {"wall": (time.perf_counter() - t0) * 1000, "ready": float(ready)}
        tl = page.evaluate("() => window.__kkT || {}")
        out["connected"] = tl.get("connected", NAN)
        out["script"] = tl.get("done", NAN) - tl.get("running", NAN)
        out["after"] = out["ready"] - tl.get("done", NAN)
        out["elements"] = float(page.locator("[data-testid=stElementContainer]").count())
        problem = None
        n_exc = page.locator("[data-testid=stException]").count()
        if n_exc:
            problem = f"{n_exc} stException"
        return out, problem
    except Exception as exc:  # timeouts etc.: reported, not raised
        return {"wall": NAN}, f"{type(exc).__name__}: {str(exc).splitlines()[0][:120]}"
    finally:
        ctx.close()


def med(samples: list[dict[str, float]], key: str) -> float:
    return median([s[key] for s in samples if key in s and s[key] == s[key]])


def start_pair() -> tuple[StreamlitServer, StreamlitServer]:
    app = StreamlitServer("app.py", cwd=ROOT)
    base = StreamlitServer(BASELINE, cwd=BENCH)
    # start both at once (saves time); startup_s is each one's own time to /_stcore/health
    with ThreadPoolExecutor(2) as ex:
        list(ex.map(lambda s: s.start(), (app, base)))
    return app, base


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--warm", type=int, default=5, help="warm loads per page (default 5)")
    ap.add_argument("--pages", default=",".join(PAGES), help="comma-separated page paths")
    args = ap.parse_args(argv)
    pages = [p.strip() for p in args.pages.split(",") if p.strip()]

    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        print(f"chromium missing at {CHROMIUM}", file=sys.stderr)
        return 2

    rows: list[list] = []
    breakdown: list[list] = []
    problems: list[str] = []
    startups: list[tuple[float, float]] = []
    rss: list[tuple[str, int | None, int | None]] = []
    t_all = time.perf_counter()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        # warm the browser itself (first context/page in a new chromium is slower)
        app, base = start_pair()
        try:
            load_once(browser, base.url, BASELINE_CONTENT)
        finally:
            app.stop()
            base.stop()
        try:
            for path in pages:
                app, base = start_pair()
                try:
                    startups.append((app.startup_s, base.startup_s))
                    app_url, base_url = f"{app.url}/{path}", f"{base.url}/"
                    cold_app, prob = load_once(browser, app_url, APP_CONTENT)
                    if prob:
                        problems.append(f"{path} cold: {prob}")
                    cold_base, prob = load_once(browser, base_url, BASELINE_CONTENT)
                    if prob:
                        problems.append(f"baseline (with {path}) cold: {prob}")
                    warm_app, warm_base = [], []
                    for i in range(args.warm):
                        # alternate the order so neither side always goes first
                        order = [("app", app_url, APP_CONTENT), ("base", base_url, BASELINE_CONTENT)]
                        if i % 2:
                            order.reverse()
                        for who, url, content in order:
                            ms, prob = load_once(browser, url, content)
                            if prob:
                                problems.append(f"{path if who == 'app' else 'baseline'} warm {i + 1}: {prob}")
                            (warm_app if who == "app" else warm_base).append(ms)
                    rss.append((path, app.rss_kb(), base.rss_kb()))
                finally:
                    app.stop()
                    base.stop()
                wa = [x["wall"] for x in warm_app if x["wall"] == x["wall"]]
                wb = [x["wall"] for x in warm_base if x["wall"] == x["wall"]]
                rows.append(
                    [
                        path,
                        cold_app["wall"],
                        cold_base["wall"],
                        cold_app["wall"] / cold_base["wall"],
                        median(wa),
                        p95(wa),
                        median(wb),
                        median(wa) / median(wb) if wb else NAN,
                    ]
                )
                breakdown.append(
                    [path, cold_app.get("script", NAN)]
                    + [med(warm_app, k) for k in ("connected", "script", "after", "ready", "elements")]
                    + [med(warm_base, k) for k in ("connected", "script", "after", "ready")]
                )
                print(f"  measured {path}", file=sys.stderr, flush=True)
        finally:
            browser.close()

    print(f"# bench_pages  ({machine_info()}); warm n={args.warm} per page; total {time.perf_counter() - t_all:.0f} s")
    print("# ms from page.goto until connected + script notRunning + no skeleton + content (h1) shown; new browser context each load")
    print(
        table(
            [
                "page",
                "cold ms",
                "base cold ms",
                "cold ratio",
                "warm med ms",
                "warm p95 ms",
                "base warm med ms",
                "warm ratio",
            ],
            rows,
        )
    )
    print("# where the time goes, page clock (ms since navigation start), warm medians; cold script = first run after start")
    print(
        table(
            [
                "page",
                "cold script",
                "connected",
                "script",
                "after",
                "ready",
                "elements",
                "base connected",
                "base script",
                "base after",
                "base ready",
            ],
            breakdown,
        )
    )
    app_start = [a for a, _ in startups]
    base_start = [b for _, b in startups]
    print(
        f"# server start to /_stcore/health (started in parallel): app median {median(app_start) * 1000:.0f} ms, "
        f"baseline median {median(base_start) * 1000:.0f} ms"
    )
    print(
        table(
            ["page", "app RSS MB after", "baseline RSS MB after"],
            [[p, (a or 0) / 1024, (b or 0) / 1024] for p, a, b in rss],
        )
    )
    if problems:
        print("# PROBLEMS:")
        for p in problems:
            print("  - " + p)
    else:
        print("# no errors, no stException, no timeouts")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
