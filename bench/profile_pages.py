"""Where the server time of a page step goes: cProfile inside a real Streamlit server.

    python bench/profile_pages.py                     # every page opened, plus the walk
    python bench/profile_pages.py --reps 5 --top 25 --pages aanbeveler,planscan

A real ``streamlit run app.py`` (not AppTest) is started with a hook that runs every script
thread (``ScriptRunner._run_script_thread``: the script run, widget registration, building
and enqueuing every element's protobuf) under ``cProfile`` and writes one profile per run.
The server's main thread (the asyncio loop: session set-up, BackMsg handling, serialising
and sending the ForwardMsgs) is profiled too; the driver asks for its profile after every
step (SIGUSR1). The driver is ``load_protocol.ProtocolSession``: one session at a time, so
run k of the script thread belongs to step k.

Printed per step: wall time, script-thread time and main-thread time under the profiler
(cProfile slows Python code by roughly 1.5-2x; compare rows, not absolute figures), the
split by package (this project, streamlit elements, streamlit runtime, protobuf, altair,
pandas/pyarrow, pydantic, other), and the top functions by own time and by cumulative time
(project code and streamlit commands only). Nothing is asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import os
import pstats
import signal
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import PAGES, ROOT, free_port, machine_info, table, wait_healthy

CATEGORIES = [
    ("project: pages/", "/pages/"),
    ("project: kenniskaart/", "/kenniskaart/"),
    ("streamlit elements", "/streamlit/elements/"),
    ("streamlit runtime/state", "/streamlit/runtime/"),
    ("streamlit other", "/streamlit/"),
    ("protobuf", "google/protobuf"),
    ("altair/vega", "/altair/"),
    ("jsonschema", "/jsonschema"),
    ("pandas/pyarrow/numpy", ("/pandas/", "/pyarrow/", "/numpy/")),
    ("pydantic", "/pydantic"),
    ("python stdlib/other", ""),
]


# --- server side (runs inside the streamlit process) ------------------------------------------


def serve(out_dir: str, argv: list[str]) -> None:
    """Start streamlit with the profiling hook; ``argv`` = streamlit CLI args after 'run'."""
    import itertools

    from streamlit.runtime.scriptrunner import script_runner
    from streamlit.web import cli

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    counter = itertools.count()
    original = script_runner.ScriptRunner._run_script_thread

    def profiled(self) -> None:
        prof = cProfile.Profile()
        prof.enable()
        try:
            original(self)
        finally:
            prof.disable()
            prof.dump_stats(str(out / f"script-{next(counter):05d}.prof"))

    script_runner.ScriptRunner._run_script_thread = profiled

    main = {"prof": cProfile.Profile(), "n": itertools.count()}

    def dump_main(signum, frame) -> None:  # SIGUSR1: write the main thread's profile, restart it
        main["prof"].disable()
        main["prof"].dump_stats(str(out / f"main-{next(main['n']):05d}.prof"))
        main["prof"] = cProfile.Profile()
        main["prof"].enable()

    signal.signal(signal.SIGUSR1, dump_main)
    main["prof"].enable()
    sys.argv = ["streamlit", "run", *argv]
    cli.main()


# --- driver -----------------------------------------------------------------------------------


def category(filename: str) -> str:
    for name, pat in CATEGORIES:
        pats = pat if isinstance(pat, tuple) else (pat,)
        if any(p in filename for p in pats):
            return name
    return CATEGORIES[-1][0]


def split_by_category(stats: pstats.Stats) -> dict[str, float]:
    out: dict[str, float] = defaultdict(float)
    for func, (_cc, _nc, tt, _ct, _callers) in stats.stats.items():
        if not waiting(func):
            out[category(func[0])] += tt
    return out


WAITS = ("'poll' of 'select.epoll'", "'select' of 'select", "time.sleep", "'acquire' of '_thread.lock'",
         "'wait' of '_thread")


def waiting(func: tuple[str, int, str]) -> bool:
    """Built-ins that wait (the event loop's epoll, sleeps, locks): not CPU."""
    return any(w in func[2] for w in WAITS)


def total_time(stats: pstats.Stats) -> float:
    return sum(v[2] for f, v in stats.stats.items() if not waiting(f))


def short(func: tuple[str, int, str]) -> str:
    filename, line, name = func
    for marker in ("/site-packages/", str(ROOT) + "/"):
        if marker in filename:
            filename = filename.split(marker, 1)[1]
    return f"{filename}:{line}({name})"


def top(stats: pstats.Stats, key: int, n: int, keep=lambda f: True) -> list[tuple[str, float, int]]:
    rows = [(f, v[key], v[1]) for f, v in stats.stats.items() if keep(f[0]) and not waiting(f)]
    rows.sort(key=lambda r: -r[1])
    return [(short(f), t, calls) for f, t, calls in rows[:n]]


def interesting(filename: str) -> bool:
    return ("/pages/" in filename or "/kenniskaart/" in filename or "/streamlit/elements/" in filename
            or "/streamlit/runtime/state/" in filename or filename.endswith("app.py"))


def load_stats(files: list[Path]) -> pstats.Stats | None:
    files = [f for f in files if f.exists()]
    if not files:
        return None
    st = pstats.Stats(str(files[0]))
    for f in files[1:]:
        st.add(str(f))
    return st


async def drive(url: str, pid: int, out: Path, steps: list[tuple[str, object]],
                reps: int) -> list[tuple[str, int, float]]:
    """Run the steps ``reps`` times, one session at a time; returns (label, run count, wall ms)
    per step, with the server dumping the main-thread profile after each step."""
    from support.protocol import ProtocolSession, check, do_step

    log: list[tuple[str, int, float]] = []
    scripts_before = len(list(out.glob("script-*.prof")))

    async def settle() -> None:
        await asyncio.sleep(0.3)
        os.kill(pid, signal.SIGUSR1)
        await asyncio.sleep(0.2)

    await settle()  # main-thread profile so far -> its own file (dropped)
    for rep in range(reps):
        for label, walk in steps:
            s = ProtocolSession(url, rep)
            last = None
            try:
                for step in walk:
                    t0 = time.perf_counter()
                    last = await do_step(s, step, last, False)
                    wall = (time.perf_counter() - t0) * 1000
                    check(last, step)
                    await settle()
                    runs = len(list(out.glob("script-*.prof"))) - scripts_before
                    scripts_before += runs
                    log.append((f"{label}:{step.name}" if len(walk) > 1 else label, runs, wall))
            finally:
                await s.close()
    return log


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--serve", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    ap.add_argument("--out", default="/tmp/kk-profile", help="directory for the .prof files")
    ap.add_argument("--pages", default=",".join(PAGES), help="pages to open (comma-separated)")
    ap.add_argument("--reps", type=int, default=3, help="repetitions (default 3)")
    ap.add_argument("--top", type=int, default=15, help="functions per table (default 15)")
    ap.add_argument("--no-walk", action="store_true", help="only open the pages, skip the facilitator walk")
    ap.add_argument("--replica", action="store_true",
                    help="profile the same-elements replica (bench/replica_app.py, recorded first) instead "
                    "of the app: compare both profiles to see the app's own work")
    args = ap.parse_args(argv)
    if args.serve:
        serve(args.serve[0], args.serve[1:])
        return 0

    from support.protocol import Step
    from support.server import SERVER_ARGS
    from support.walks import build_walk, shared_link_query

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for f in out.glob("*.prof"):
        f.unlink()
    entry, env = "app.py", dict(os.environ)
    if args.replica:
        import tempfile

        from replica_pages import REPLAY_ENV, record

        args.no_walk = True  # the replica replays page opens, not the walk's widget changes
        folder = Path(tempfile.mkdtemp(prefix="kk-replica-"))
        record([p for p in args.pages.split(",") if p], folder)
        entry, env[REPLAY_ENV] = str(ROOT / "bench" / "replica_app.py"), str(folder)
    port = free_port()
    cmd = [sys.executable, str(Path(__file__).resolve()), "--serve", str(out), entry,
           "--server.headless", "true", "--server.port", str(port), "--server.address", "127.0.0.1",
           "--browser.gatherUsageStats", "false", *SERVER_ARGS]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, 90, lambda: proc.poll() is None, "the profiled server")
        steps: list[tuple[str, list]] = [
            # the Aanbeveler opened from a shared link (a casus profile), as replica_pages.py does
            (p, [Step(p, "open", "" if p == "start" else p, shared_link_query() if p == "aanbeveler" else "")])
            for p in args.pages.split(",") if p
        ]
        if not args.no_walk:
            steps.append(("walk", build_walk("facilitator", shared_link_query())))
        # warm-up (imports, content cache), then forget its profiles
        asyncio.run(drive(url, proc.pid, out, steps, 1))
        for f in out.glob("*.prof"):
            f.unlink()
        log = asyncio.run(drive(url, proc.pid, out, steps, args.reps))
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()

    scripts = sorted(out.glob("script-*.prof"))
    mains = sorted(out.glob("main-*.prof"))
    by_label: dict[str, dict[str, list]] = defaultdict(lambda: {"script": [], "main": [], "wall": []})
    si = 0
    for k, (label, runs, wall) in enumerate(log):
        by_label[label]["script"] += scripts[si:si + runs]
        si += runs
        if k + 1 < len(mains):  # mains[0] is the reset dump before the first step
            by_label[label]["main"].append(mains[k + 1])
        by_label[label]["wall"].append(wall)

    print(f"# profile_pages  {time.strftime('%Y-%m-%d %H:%M')}  {machine_info()}  reps {args.reps}")
    print("# times under cProfile, per step (mean over the repetitions), ms; waiting (epoll, sleeps,"
          " locks) left out")
    cats = [c[0] for c in CATEGORIES]
    rows = []
    details = []
    for label, d in by_label.items():
        n = len(d["wall"])
        sst = load_stats(d["script"])
        mst = load_stats(d["main"])
        s_total = total_time(sst) * 1000 / n if sst else 0.0
        m_total = total_time(mst) * 1000 / n if mst else 0.0
        split = split_by_category(sst) if sst else {}
        rows.append([label, sum(d["wall"]) / n, s_total, m_total, *[split.get(c, 0.0) * 1000 / n for c in cats]])
        details.append((label, n, sst, mst))
    print(table(["step", "wall", "script thread", "main thread", *cats], rows, digits=0, int_cols=()))
    for label, n, sst, mst in details:
        if sst is None:
            continue
        print(f"\n## {label}: top {args.top} by own time (script thread; ms per step, calls per step)")
        print(table(["function", "own ms", "calls"],
                    [[f, t * 1000 / n, c // n] for f, t, c in top(sst, 2, args.top)], digits=1, int_cols=(2,)))
        print(f"\n## {label}: top {args.top} by cumulative time (project code, streamlit commands)")
        print(table(["function", "cum ms", "calls"],
                    [[f, t * 1000 / n, c // n] for f, t, c in top(sst, 3, args.top, interesting)],
                    digits=1, int_cols=(2,)))
        if mst is not None:
            print(f"\n## {label}: main thread top 8 by cumulative time")
            print(table(["function", "cum ms", "calls"],
                        [[f, t * 1000 / n, c // n]
                         for f, t, c in top(mst, 3, 8, lambda fn: "asyncio" not in fn and "selectors" not in fn)],
                        digits=1, int_cols=(2,)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
