"""The scale-out deliverable at work: deploy/run-local.sh with two app processes behind nginx and
PostgreSQL, and a werksessie and a shared Aanbeveler link that cross from one process to the
other.

    pg_virtualenv -t .venv/bin/python bench/deploy_two_processes.py     # a throw-away database
    .venv/bin/python bench/deploy_two_processes.py --system-postgres     # run-local.sh's own database

Starts ``bash deploy/run-local.sh start`` with its own state folder, loopback ports and two
processes, then drives it with protocol sessions (``tests/support/protocol.py``: Streamlit's
websocket protocol, as the browser speaks it) through nginx only, and stops it again. Which
process answered is read from nginx's access log (the rendered deploy/nginx/kenniskaart.conf
logs the upstream and the route cookie per request).

What it verifies, and prints:

1. **nginx**: health through the proxy; the route cookie (``kk_route``, HttpOnly, SameSite=Lax);
   new browsers spread over both processes; a browser with a cookie stays on its process; a
   deep path is redirected to its first segment with its query string.
2. **werksessie across processes**: the facilitator starts a room on process B (the form on
   /werksessie), a participant joins and answers on process A, and B's live view (its fragment
   timer, as the browser polls it) shows "Aangemeld 1", "Antwoorden 1" and the factor the
   participant chose as the room's top; the participant's own link opened on B shows their
   answer. Every websocket of A's browser went to A, every one of B's to B (access log).
3. **a shared Aanbeveler link across processes**: the link in "Deel deze weergave" on process A
   points at the proxy's address, and opened on process B it gives the same link back, the
   same profile in the pickers and the same recommendations.
4. **a room** (``--sessions N``, default 40): N new browsers walk the facilitator's path at once
   through nginx (tests/support/walks.py); none fails, each keeps its process for both of its
   page loads, and both processes serve some of them.

Exit code 1 when anything failed. Loopback only; bounded by ``--timeout``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import secrets
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import ROOT, free_port, machine_info, p95
from load_werksessie import WsSession, admin_sql, pg_server_url

from support.protocol import StepFailed, http_get, walk_together
from support.walks import build_walk, shared_link_query

LOG_LINE = re.compile(r"^\S+ (?P<method>\S+) (?P<uri>\S+) (?P<status>\d+) (?P<upstream>\S+) route=(?P<route>\S+)")


class Session(WsSession):
    """A WsSession that also records text inputs, code boxes and Markdown of each run."""

    def __init__(self, *a, route: str = "", **kw):
        super().__init__(*a, **kw)
        self._texts_for = None
        self.inputs: dict[str, str] = {}
        self.codes: list[str] = []
        self.markdown: list[str] = []
        self.pills: dict[str, list[str]] = {}
        if route:  # a browser that already has the proxy's route cookie
            self.jar["kk_route"] = route
            self.cookie = f"kk_route={route}"

    def _on_message(self, data: bytes) -> None:
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        super()._on_message(data)
        if self._texts_for is not self.run:
            self._texts_for, self.inputs, self.codes, self.markdown, self.pills = self.run, {}, [], [], {}
        msg = ForwardMsg()
        msg.ParseFromString(data)
        if msg.WhichOneof("type") != "delta" or msg.delta.WhichOneof("type") != "new_element":
            return
        el = msg.delta.new_element
        kind = el.WhichOneof("type")
        if kind == "text_input":
            self.inputs[el.text_input.label] = el.text_input.id
        elif kind == "code":
            self.codes.append(el.code.code_text)
        elif kind == "markdown":
            self.markdown.append(el.markdown.body)
        elif kind == "button_group":  # pills: the options shown as chosen
            w = el.button_group
            labels = [o.content for o in w.options]
            chosen = list(w.raw_values) if w.set_value else [labels[i] for i in w.default if i < len(labels)]
            self.pills[w.label] = chosen

    async def open_page_at(self, path: str, query: str):
        """Open ``/path?query`` (a new page load), fail on an exception or error; the run."""
        run = await self.open(path, query)
        self._checked(run)
        return run

    async def submit_form(self, text_label: str, text: str, button: str):
        """Type ``text`` in a form's text input and press its submit button (the frontend sends
        the form's values together with the button's trigger)."""
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        text_id = next((i for lab, i in self.inputs.items() if lab.startswith(text_label)), None)
        if text_id is None:
            raise StepFailed(f"no text input '{text_label}…' on the page ({sorted(self.inputs)})")
        _, button_id, frag, _ = self.widget(button)
        states = [WidgetState(id=text_id, string_value=text), WidgetState(id=button_id, trigger_value=True)]
        run = await self._rerun(page_hash=self.page_hash, widgets=states, path="werksessie", fragment_id=frag)
        return self._checked(run)


# --- the proxy's access log ------------------------------------------------------------------


class AccessLog:
    def __init__(self, path: Path):
        self.path = path

    def lines(self) -> list[dict[str, str]]:
        try:
            text = self.path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return []
        return [m.groupdict() for m in map(LOG_LINE.match, text.splitlines()) if m]

    async def wait_for(self, pred, what: str, timeout: float = 10.0, count: int = 1) -> list[dict[str, str]]:
        """The log lines matching ``pred`` once at least ``count`` are there (nginx writes a line
        when the request ends; a websocket's when it closes)."""
        deadline = time.monotonic() + timeout
        while True:
            found = [x for x in self.lines() if pred(x)]
            if len(found) >= count:
                return found
            if time.monotonic() > deadline:
                raise StepFailed(f"{len(found)} access-log lines for {what} within {timeout:g} s, wanted {count}")
            await asyncio.sleep(0.05)


async def route_to(log: AccessLog, host: str, port: int, route: str) -> str:
    """The app process (upstream address) that the proxy sends this route cookie to."""
    status, _, _ = await http_get(host, port, f"/_stcore/health?probe={route}", f"kk_route={route}")
    if status != 200:
        raise StepFailed(f"health through the proxy: HTTP {status}")
    lines = await log.wait_for(lambda x: x["route"] == route and x["uri"] == "/_stcore/health", f"route {route}")
    return lines[-1]["upstream"]


# --- the checks -----------------------------------------------------------------------------


async def check_proxy(base: str, log: AccessLog, upstreams: list[str], report: list[str]) -> dict[str, str]:
    u = urllib.parse.urlsplit(base)
    host, port = u.hostname, u.port
    # the route cookie
    status, headers, _ = await http_get(host, port, "/")
    cookie = next((c for c in headers.get("set-cookie", "").split("\n") if c.startswith("kk_route=")), "")
    if status != 200 or "HttpOnly" not in cookie or "SameSite=Lax" not in cookie:
        raise StepFailed(f"GET / through nginx: HTTP {status}, route cookie {cookie!r}")
    report.append(f"proxy: GET / 200; sets '{cookie.split(';')[0][:20]}…; Path=/; HttpOnly; SameSite=Lax'")
    # new browsers are spread; a browser with a cookie stays
    routes = {secrets.token_hex(16): "" for _ in range(40)}
    for r in routes:
        routes[r] = await route_to(log, host, port, r)
    spread = Counter(routes.values())
    if set(spread) != set(upstreams):
        raise StepFailed(f"40 new browsers reached {dict(spread)}, not both processes {upstreams}")
    sticky = 0
    for r, up in list(routes.items())[:10]:
        for _ in range(5):
            if await route_to(log, host, port, r) != up:
                raise StepFailed(f"route {r} moved away from {up}")
            sticky += 1
    report.append(f"proxy: 40 new browsers spread over the processes {dict(sorted(spread.items()))}; "
                  f"{sticky} later requests of 10 browsers each reached the same process as before")
    # the deep-path redirect
    status, headers, _ = await http_get(host, port, "/factoren/extra/diep?x=1")
    location = headers.get("location", "")
    if status != 302 or not location.endswith("/factoren?x=1"):
        raise StepFailed(f"/factoren/extra/diep?x=1: HTTP {status} to {location!r}, wanted 302 to /factoren?x=1")
    status, _, _ = await http_get(host, port, "/_stcore/health")
    report.append(f"proxy: /factoren/extra/diep?x=1 -> 302 {urllib.parse.urlsplit(location).path}?x=1; "
                  f"/_stcore/health -> {status}")
    # one route per process for the sessions below
    by_upstream: dict[str, str] = {}
    for r, up in routes.items():
        by_upstream.setdefault(up, r)
    return by_upstream


async def timed(times: dict[str, float], name: str, coro):
    t0 = time.perf_counter()
    out = await coro
    times[name] = (time.perf_counter() - t0) * 1000
    return out


async def check_werksessie(base: str, route_a: str, route_b: str, times: dict[str, float], report: list[str],
                           step_timeout: float) -> dict:
    fac = Session(base, 1, step_timeout, route=route_b)
    part = Session(base, 2, step_timeout, route=route_a)
    again = Session(base, 3, step_timeout, route=route_b)
    try:
        await timed(times, "B: open /werksessie", fac.open_page(""))
        title = f"Deploy-bench {secrets.token_hex(3)}"
        await timed(times, "B: start a room", fac.submit_form("Titel", title, "Start een werksessie"))
        params = dict(urllib.parse.parse_qsl(fac.query))
        if not {"code", "beheer"} <= set(params):
            raise StepFailed(f"after 'Start een werksessie' the address is ?{fac.query}")
        code = params["code"]
        seen = fac.seen
        if seen.metrics.get("Aangemeld") != "0":
            seen = await fac.poll()
        empty_room_text = "\n".join(fac.markdown)
        report.append(f"werksessie: room {code} started on process B; its live view shows {seen.metrics}")

        await timed(times, "A: open the join link", part.open_page(f"code={code}"))
        org = part.widget("Uw soort organisatie")[3][0]
        await timed(times, "A: organisation", part.send("Uw soort organisatie", org))
        await timed(times, "A: Doe mee", part.send("Doe mee", True))
        if "deelnemer=" not in part.query:
            raise StepFailed("after 'Doe mee' the participant's address has no token")
        featured = part.widget("Veelgenoemde factoren")[3]
        chosen = featured[:2]
        await timed(times, "A: tick 2 factors", part.send("Veelgenoemde factoren", chosen))
        await timed(times, "A: top 1", part.send("3. Uw top 3", chosen[:1]))
        saved = await timed(times, "A: Opslaan", part.send("Opslaan", True))
        if not saved.success:
            raise StepFailed("no 'Opgeslagen' message after saving on process A")
        report.append(f"werksessie: a participant ({org}) joined on process A and saved 2 factors, top: {chosen[0]!r}")

        # B's live view, refreshed by its fragment timer, sees the answer given on A
        t0 = time.perf_counter()
        deadline = time.monotonic() + 30
        while True:
            seen = await fac.poll()
            if seen.metrics.get("Antwoorden") == "1" or time.monotonic() > deadline:
                break
        times["B: live view sees the answer"] = (time.perf_counter() - t0) * 1000
        if seen.metrics.get("Aangemeld") != "1" or seen.metrics.get("Antwoorden") != "1":
            raise StepFailed(f"the live view on process B shows {seen.metrics}, not 1 joined and 1 answer")
        shown = "\n".join(fac.markdown)
        if chosen[0] not in shown or chosen[0] in empty_room_text:
            raise StepFailed(f"the live view on process B does not name the chosen factor {chosen[0]!r} "
                             "(or named it before anyone answered)")
        report.append(f"werksessie: the live view on process B shows {seen.metrics} and names {chosen[0]!r}")

        # the participant's own link, opened on the other process, continues with their answer
        await timed(times, "B: participant's link", again.open_page(part.query))
        ticked = next((v for lab, v in again.pills.items() if lab.startswith("Veelgenoemde factoren")), None)
        if ticked is None or sorted(ticked) != sorted(chosen):
            raise StepFailed(f"the participant's link on process B shows the factors {ticked}, they saved {chosen}")
        report.append("werksessie: the participant's own link opened on process B shows their 2 saved factors")
        return {"code": code, "routes": (route_a, route_b)}
    finally:
        for s in (fac, part, again):
            await s.close()


async def check_shared_link(base: str, route_a: str, route_b: str, times: dict[str, float], report: list[str],
                            step_timeout: float) -> None:
    query = shared_link_query()
    a = Session(base, 4, step_timeout, route=route_a)
    b = Session(base, 5, step_timeout, route=route_b)
    try:
        run_a = await timed(times, "A: open the shared Aanbeveler link", a.open_page_at("aanbeveler", query))
        links_a = [c for c in a.codes if "/aanbeveler" in c]
        if len(links_a) != 1 or not links_a[0].startswith(base + "/aanbeveler?"):
            raise StepFailed(f"'Deel deze weergave' on process A shows {links_a}, not a link to {base}/aanbeveler")
        link = links_a[0]
        u = urllib.parse.urlsplit(link)
        await timed(times, "B: open that link", b.open_page_at("aanbeveler", u.query))
        links_b = [c for c in b.codes if "/aanbeveler" in c]
        if links_b != [link]:
            raise StepFailed(f"process B gives the link {links_b}, process A gave {link}")
        pick_a = {w.label: w.value for w in run_a.widgets.values() if w.kind == "multiselect"}
        pick_b = {w.label: w.value for w in b.run.widgets.values() if w.kind == "multiselect"}
        if pick_a != pick_b or not any(pick_a.values()):
            raise StepFailed(f"the pickers differ: A {pick_a}, B {pick_b}")
        if a.markdown != b.markdown:
            diff = sorted(set(a.markdown) ^ set(b.markdown))[:3]
            raise StepFailed(f"the two processes show different text for the same link: {diff}")
        chosen = sum(len(v) for v in pick_a.values())
        report.append(f"shared link: 'Deel deze weergave' on process A gives {base}/aanbeveler?… "
                      f"({len(u.query)} characters); opened on process B it gives the same link back, "
                      f"the same {chosen} factors in the pickers and the same {len(a.markdown)} Markdown "
                      f"blocks ({a.run.elements} elements)")
    finally:
        await a.close()
        await b.close()


# --- main -------------------------------------------------------------------------------------


async def verify(base: str, state: Path, ports: list[int], step_timeout: float,
                 sessions: int) -> tuple[list[str], dict]:
    report: list[str] = []
    times: dict[str, float] = {}
    log = AccessLog(state / "access.log")
    upstreams = [f"127.0.0.1:{p}" for p in ports]
    by_upstream = await check_proxy(base, log, upstreams, report)
    route_a, route_b = by_upstream[upstreams[0]], by_upstream[upstreams[1]]
    await check_werksessie(base, route_a, route_b, times, report, step_timeout)
    await check_shared_link(base, route_a, route_b, times, report, step_timeout)
    # every websocket went to the process of its browser's route
    sockets = await log.wait_for(lambda x: x["uri"] == "/_stcore/stream" and x["route"] in (route_a, route_b),
                                 "the websockets", count=5)
    wrong = [x for x in sockets if x["route"] in (route_a, route_b)
             and x["upstream"] != (upstreams[0] if x["route"] == route_a else upstreams[1])]
    ours = [x for x in sockets if x["route"] in (route_a, route_b)]
    if wrong or not ours:
        raise StepFailed(f"{len(wrong)} of {len(ours)} websockets reached the other process: {wrong[:2]}")
    statuses = Counter(x["status"] for x in ours)
    report.append(f"websockets: {len(ours)} of the browsers on A and B, each on its own process "
                  f"(status {dict(statuses)}: 101 = upgraded)")
    if sessions:
        await check_room(base, log, upstreams, sessions, step_timeout, times, report, {route_a, route_b})
    return report, times


async def check_room(base: str, log: AccessLog, upstreams: list[str], n: int, step_timeout: float,
                     times: dict[str, float], report: list[str], earlier: set[str]) -> None:
    """N new browsers walk the facilitator's path at once through nginx: none fails, each stays
    on one process for its whole walk (two page loads, a page switch, two widget changes), and
    both processes serve some of them."""
    walk = build_walk("facilitator", shared_link_query())
    t0 = time.perf_counter()
    results = await walk_together(base, walk, n, step_timeout=step_timeout, timeout=step_timeout * 2)
    wall = time.perf_counter() - t0
    errors = [r.error for r in results if r.error]
    if errors:
        raise StepFailed(f"{len(errors)} of {n} sessions through nginx failed: {errors[:2]}")
    steps = [x for r in results for x in r.times.values()]
    times[f"{n} sessions at once: p95 of every step"] = p95(steps)
    opens = sum(1 for s in walk if s.kind == "open")
    sockets = await log.wait_for(lambda x: x["uri"] == "/_stcore/stream" and x["route"] not in earlier,
                                 "the room's websockets", count=n * opens)
    by_route: dict[str, set[str]] = {}
    for x in sockets:
        by_route.setdefault(x["route"], set()).add(x["upstream"])
    moved = [r for r, ups in by_route.items() if len(ups) > 1]
    spread = Counter(next(iter(ups)) for ups in by_route.values())
    if moved or set(spread) != set(upstreams):
        raise StepFailed(f"room of {n}: {len(moved)} browsers changed process; spread {dict(spread)}")
    report.append(f"room: {n} new browsers walked the facilitator's path at once through nginx in {wall:.1f} s, "
                  f"0 errors, p95 per step {p95(steps):.0f} ms; each kept its process for both page loads "
                  f"({len(sockets)} websockets), spread {dict(sorted(spread.items()))}")


def run_local(action: str, env: dict[str, str], timeout: float) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", str(ROOT / "deploy" / "run-local.sh"), action], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--system-postgres", action="store_true",
                   help="let run-local.sh set up its own database in Debian's cluster (default: a "
                        "throw-away database on the PG* server, as pg_virtualenv exports it)")
    p.add_argument("--pg-url", help="SQLAlchemy URL of a PostgreSQL server for the throw-away database")
    p.add_argument("--sessions", type=int, default=40,
                   help="new browsers that then walk the facilitator's path at once through nginx "
                        "(default 40; 0: none)")
    p.add_argument("--step-timeout", type=float, default=120)
    p.add_argument("--timeout", type=float, default=600)
    args = p.parse_args(argv)

    state = Path(tempfile.mkdtemp(prefix="kk-deploy-"))
    proxy_port = free_port()
    first = free_port()
    for _ in range(20):  # run-local.sh numbers its processes' ports from the first one on
        if not _busy(first + 1):
            break
        first = free_port()
    ports = [first, first + 1]
    env = {**os.environ, "KENNISKAART_DEPLOY_DIR": str(state), "KENNISKAART_PROCESSES": "2",
           "KENNISKAART_PORT": f"127.0.0.1:{proxy_port}", "KENNISKAART_APP_PORT": str(first),
           "KENNISKAART_PYTHON": sys.executable}
    server_url = db_url = None
    if not args.system_postgres:
        server_url = pg_server_url(args.pg_url)
        db_url = server_url.set(database=f"kk_deploy_{secrets.token_hex(4)}")
        admin_sql(server_url, f'CREATE DATABASE "{db_url.database}"')
        env["KENNISKAART_DATABASE_URL"] = db_url.render_as_string(hide_password=False)
    else:
        env.pop("KENNISKAART_DATABASE_URL", None)
    base = f"http://127.0.0.1:{proxy_port}"
    print(f"# deploy_two_processes  {time.strftime('%Y-%m-%d %H:%M')}  {machine_info()}")
    ok = False
    try:
        t0 = time.perf_counter()
        started = run_local("start", env, 180)
        start_s = time.perf_counter() - t0
        print(started.stderr.strip())
        if started.returncode != 0:
            print(f"FAILED: deploy/run-local.sh start exited with {started.returncode}")
            return 1
        print(f"run-local.sh start: {start_s:.1f} s until nginx answered")
        checks = verify(base, state, ports, args.step_timeout, args.sessions)
        report, times = asyncio.run(asyncio.wait_for(checks, args.timeout))
        print("\nVerified:")
        for line in report:
            print(f"  - {line}")
        print("\nStep times through nginx (ms):")
        for name, ms in times.items():
            print(f"  {name:40s} {ms:7.0f}")
        ok = True
    except Exception as exc:  # noqa: BLE001 - a failed check is the result
        print(f"\nFAILED: {type(exc).__name__}: {exc}")
        for f in sorted(state.glob("*.log")):
            tail = f.read_text(errors="replace").splitlines()[-8:]
            print(f"--- {f.name}\n" + "\n".join(tail))
    finally:
        stopped = run_local("stop", env, 60)
        print(stopped.stderr.strip())
        if db_url is not None:
            admin_sql(server_url, f'DROP DATABASE IF EXISTS "{db_url.database}" WITH (FORCE)')
        if ok:
            subprocess.run(["rm", "-rf", str(state)], check=False)
    print("\nOK" if ok else "\nFAILED")
    return 0 if ok else 1


def _busy(port: int) -> bool:
    import socket

    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


if __name__ == "__main__":
    sys.exit(main())
