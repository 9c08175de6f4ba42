"""Werksessie load test at the protocol level: N participants answer at once (no browser).

    pg_virtualenv -t .venv/bin/python bench/load_werksessie.py               # SQLite, then PostgreSQL
    .venv/bin/python bench/load_werksessie.py --backend sqlite --sessions 100
    .venv/bin/python bench/load_werksessie.py --backend postgresql --pg-url postgresql+psycopg://…

Every participant is a ``ProtocolSession`` (bench/load_protocol.py: Streamlit's websocket
protocol, like the browser's frontend) on ``/werksessie?code=…``: open the join link, choose the
organisation type (radio), click "Doe mee" (the page puts the participant token in the URL),
tick three risks (pills), choose a top 1 (pills), place all sixteen Samen Weerbaar indicators on
their axis (radios; one rerun, as a browser that sends its widget states together), then ALL N
click "Opslaan" at the same moment (a barrier). The room is created with the app's own Store in
this process.

PostgreSQL (``--backend postgresql``; the server from PG* variables, as pg_virtualenv exports
them, or ``--pg-url``; a fresh database per run, dropped afterwards) runs ``--pg-servers``
(default 2) app processes sharing that database: participant i uses process i mod 2, and a
facilitator on the LAST process polls the live view as the browser does (the fragment's
``run_every``) and must see every answer given on the other process. SQLite runs one process
(the embedded default; several processes on one machine can share the file too, but the
scale-out recipe uses PostgreSQL).

Checks: 0 errors (an exception element, an error alert, a failed step), the database's counts
(joined, answered) == (N, N), and the exact factor, top and scan votes each participant gave; the
facilitator's metrics show N and N. Figures: p50/p95/max per step (the answer = "Opslaan"),
server CPU seconds. Exit code 1 on any failure. Loopback only, bounded by ``--timeout``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import contextlib

from _common import ROOT, StreamlitServer, machine_info, median, p95, table

from support.protocol import ProtocolSession, StepFailed
from support.server import SERVER_ARGS

STEPS = ("open", "org", "join", "factors", "top", "scan", "save")
ALERT_ERROR = 1


@dataclass
class Seen:
    """Widgets, metrics and alerts of one run (what ProtocolSession does not record)."""

    # label -> (kind, id, fragment, options)
    widgets: dict[str, tuple[str, str, str, list[str]]] = field(default_factory=dict)
    metrics: dict[str, str] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    success: int = 0


class WsSession(ProtocolSession):
    """A ProtocolSession that also records radios, buttons, pills, metrics and alerts."""

    def __init__(self, *a, **kw):
        super().__init__(*a, **kw)
        self.seen, self._for_run, self.auto_fragment = Seen(), None, ""

    def _on_message(self, data: bytes) -> None:
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        super()._on_message(data)
        if self._for_run is not self.run:
            self._for_run, self.seen = self.run, Seen()
        msg = ForwardMsg()
        msg.ParseFromString(data)
        kind = msg.WhichOneof("type")
        if kind == "auto_rerun":
            self.auto_fragment = msg.auto_rerun.fragment_id
        if kind != "delta" or msg.delta.WhichOneof("type") != "new_element":
            return
        el, frag = msg.delta.new_element, msg.delta.fragment_id
        ek = el.WhichOneof("type")
        if ek == "radio":
            self.seen.widgets[el.radio.label] = ("radio", el.radio.id, frag, list(el.radio.options))
        elif ek == "button":
            self.seen.widgets[el.button.label] = ("button", el.button.id, frag, [])
        elif ek == "button_group":
            w = el.button_group
            self.seen.widgets[w.label] = ("pills", w.id, frag, [o.content for o in w.options])
        elif ek == "multiselect":
            w = el.multiselect
            self.seen.widgets[w.label] = ("multiselect", w.id, frag, list(w.options))
        elif ek == "metric":
            self.seen.metrics[el.metric.label] = el.metric.body
        elif ek == "alert":
            if el.alert.format == ALERT_ERROR:
                self.seen.errors.append(el.alert.body[:200])
            elif el.alert.format == 4:
                self.seen.success += 1

    def widget(self, label: str) -> tuple[str, str, str, list[str]]:
        for lab, w in self.seen.widgets.items():
            if lab.startswith(label):
                return w
        raise StepFailed(f"no widget '{label}…' on the page ({sorted(self.seen.widgets)[:8]})")

    async def send(self, label: str, value) -> Seen:
        """Set a widget (radio: option label; pills/multiselect: labels; button: click) and rerun."""
        return await self.send_many([(label, value)])

    async def send_many(self, changes: list[tuple[str, object]]) -> Seen:
        """Set several widgets of one fragment in one rerun."""
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        states, frag = [], ""
        for label, value in changes:
            kind, wid, frag, _ = self.widget(label)
            ws = WidgetState(id=wid)
            if kind == "radio":
                ws.string_value = value
            elif kind == "button":
                ws.trigger_value = True
            else:
                ws.string_array_value.data.extend(value)
            states.append(ws)
        run = await self._rerun(page_hash=self.page_hash, widgets=states, path="werksessie", fragment_id=frag)
        return self._checked(run)

    def _checked(self, run) -> Seen:
        if run.exceptions:
            raise StepFailed(f"exception: {run.exceptions[0]}")
        if self.seen.errors:
            raise StepFailed(f"error on the page: {self.seen.errors[0]}")
        return self.seen

    async def open_page(self, query: str) -> Seen:
        return self._checked(await self.open("werksessie", query))

    async def poll(self) -> Seen:
        """What the live view's timer does: rerun its fragment."""
        return self._checked(await self._rerun(page_hash=self.page_hash, path="werksessie",
                                               fragment_id=self.auto_fragment))


@dataclass
class Result:
    index: int
    times: dict[str, float] = field(default_factory=dict)
    error: str | None = None
    step: str = ""


def plan_for(i: int, featured: list[str], orgs: list[str]) -> tuple[str, list[int]]:
    """Participant i's org type and the indexes (in the featured list) of the factors they tick."""
    n = len(featured)
    return orgs[i % len(orgs)], [i % n, (i + 3) % n, (i + 7) % n]


SCAN_STEPS = (1, 2, 3, 4, 5, 0)


def scan_for(i: int, n_indicators: int) -> list[int]:
    """Participant i's step (1-5, 0 = weet ik niet) for each indicator, in the scan's order."""
    return [SCAN_STEPS[(i + j) % len(SCAN_STEPS)] for j in range(n_indicators)]


async def participant(url: str, code: str, i: int, featured_labels: list[str], org_labels: list[str],
                      scan_labels: list[str], ready: asyncio.Barrier, res: Result, step_timeout: float) -> None:
    s = WsSession(url, i, step_timeout)
    org, picks = plan_for(i, featured_labels, org_labels)

    async def step(name: str, coro):
        res.step = name
        t0 = time.perf_counter()
        out = await coro
        res.times[name] = (time.perf_counter() - t0) * 1000
        return out

    try:
        await step("open", s.open_page(f"code={code}"))
        await step("org", s.send("Uw soort organisatie", org))
        await step("join", s.send("Doe mee", True))
        if "deelnemer=" not in s.query:
            raise StepFailed("after 'Doe mee' the address has no participant token")
        labels = [featured_labels[j] for j in picks]
        await step("factors", s.send("Veelgenoemde factoren", labels))
        await step("top", s.send("3. Uw top 3", labels[:1]))
        from kenniskaart.werksessie.scan import CHOICES

        steps = scan_for(i, len(scan_labels))
        await step("scan", s.send_many([(name, CHOICES[v]) for name, v in zip(scan_labels, steps, strict=False)]))
        res.step = "barrier"
        await ready.wait()
        seen = await step("save", s.send("Opslaan", True))
        if not seen.success:
            raise StepFailed("no 'Opgeslagen' message after saving")
        res.step = "done"
    except Exception as exc:  # noqa: BLE001 - every failure is a reported figure
        res.error = f"{res.step}: {type(exc).__name__}: {str(exc)[:300]}"
        if res.step != "barrier" and not ready.broken:
            await ready.abort()
    finally:
        await s.close()


async def facilitator(url: str, code: str, token: str, stop: asyncio.Event, out: dict, step_timeout: float,
                      every: float) -> None:
    """The live view on one process, polled like the browser's fragment timer."""
    s = WsSession(url, 10_000, step_timeout)
    try:
        seen = await s.open_page(f"code={code}&beheer={token}")
        out["fragment"] = bool(s.auto_fragment)
        out["polls"] = 0
        while True:
            out["last"] = dict(seen.metrics)
            if stop.is_set():
                break
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), every)
            seen = await s.poll()
            out["polls"] += 1
    except Exception as exc:  # noqa: BLE001 - every failure is a reported figure
        out["error"] = f"{type(exc).__name__}: {str(exc)[:300]}"
    finally:
        await s.close()


def expected_votes(n: int, featured: list[str], orgs: list[str], scan_ids: list[str]):
    marks, tops, by_org = Counter(), Counter(), Counter()
    scan: dict[str, Counter] = {iid: Counter() for iid in scan_ids}
    for i in range(n):
        org, picks = plan_for(i, featured, orgs)
        marks.update(featured[j] for j in picks)
        tops[featured[picks[0]]] += 1
        by_org[org] += 1
        for iid, v in zip(scan_ids, scan_for(i, len(scan_ids)), strict=False):
            scan[iid][v] += 1
    return marks, tops, by_org, {iid: dict(sorted(c.items())) for iid, c in scan.items() if c}


# --- one backend ------------------------------------------------------------------------------


def pg_server_url(explicit: str | None):
    import sqlalchemy as sa

    if explicit:
        return sa.make_url(explicit)
    if not (os.environ.get("PGHOST") and os.environ.get("PGUSER")):
        raise SystemExit("PostgreSQL: geen --pg-url en geen PGHOST/PGUSER (start met pg_virtualenv -t …).")
    return sa.URL.create("postgresql+psycopg", username=os.environ["PGUSER"],
                         password=os.environ.get("PGPASSWORD") or None, host=os.environ["PGHOST"],
                         port=int(os.environ.get("PGPORT") or 5432),
                         database=os.environ.get("PGDATABASE") or "postgres")


def admin_sql(server, sql: str) -> None:
    import sqlalchemy as sa

    engine = sa.create_engine(server, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql(sql)
    finally:
        engine.dispose()


async def run_backend(backend: str, args) -> dict:
    from kenniskaart.content import load_content
    from kenniskaart.ui.text import md
    from kenniskaart.werksessie import ORG_TYPES, Store, summarise
    from kenniskaart.werksessie.choices import featured_factors
    from kenniskaart.werksessie.scan import indicators

    kk = load_content()
    featured = featured_factors(kk)
    factors = kk.by_id("factors")
    featured_labels = [md(factors[f].name) for f in featured]  # the pills show the names through md()
    scan_ids, scan_labels = [i.id for i in indicators(kk)], [i.name for i in indicators(kk)]
    org_ids, org_labels = list(ORG_TYPES), list(ORG_TYPES.values())
    tmp = tempfile.TemporaryDirectory(prefix="kk-werksessie-")
    env = {"KENNISKAART_DATABASE_URL": "", "KENNISKAART_DATA_DIR": tmp.name}
    server_url = db_url = None
    if backend == "postgresql":
        server_url = pg_server_url(args.pg_url)
        db_url = server_url.set(database=f"kk_load_{secrets.token_hex(4)}")
        admin_sql(server_url, f'CREATE DATABASE "{db_url.database}"')
        env = {"KENNISKAART_DATABASE_URL": db_url.render_as_string(hide_password=False)}
    n_servers = args.pg_servers if backend == "postgresql" else 1
    old_env = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    store = Store.from_env()
    servers: list[StreamlitServer] = []
    out: dict = {"backend": backend, "sessions": args.sessions, "servers": n_servers}
    try:
        for _ in range(n_servers):
            servers.append(StreamlitServer(ROOT / "app.py", env=env, extra_args=SERVER_ARGS).start())
        room, token = store.create_room(f"Load test {backend}")
        cpu0 = [s.cpu_s() or 0.0 for s in servers]
        results = [Result(i) for i in range(args.sessions)]
        ready = asyncio.Barrier(args.sessions)
        stop, live = asyncio.Event(), {}
        fac = asyncio.create_task(facilitator(servers[-1].url, room.code, token, stop, live, args.step_timeout, 3.0))
        t0 = time.perf_counter()
        tasks = [participant(servers[i % n_servers].url, room.code, i, featured_labels, org_labels, scan_labels,
                             ready, results[i], args.step_timeout) for i in range(args.sessions)]
        await asyncio.wait_for(asyncio.gather(*tasks), args.timeout)
        out["wall_s"] = time.perf_counter() - t0
        await asyncio.sleep(3.5)  # one more tick of the live view after the last answer
        stop.set()
        await asyncio.wait_for(fac, args.step_timeout + 10)
        out["cpu_s"] = sum((s.cpu_s() or 0.0) - c for s, c in zip(servers, cpu0, strict=True))
        out["errors"] = [r.error for r in results if r.error]
        out["steps"] = {st: [r.times[st] for r in results if st in r.times] for st in STEPS}
        joined, answered = store.counts(room.code)
        summary = summarise(kk, store.answers(room.code), joined)
        marks, tops, by_org, scan = expected_votes(args.sessions, featured, org_ids, scan_ids)
        out["counts"] = (joined, answered)
        out["exact"] = (joined, answered) == (args.sessions, args.sessions) and summary.factor_votes == dict(marks) \
            and summary.top_votes == dict(tops) and summary.orgs == dict(by_org) and summary.scan == scan
        out["live"] = live
        out["live_ok"] = live.get("last", {}) == {"Aangemeld": str(args.sessions), "Antwoorden": str(args.sessions)}
        store.delete_room(room.code, token)
    finally:
        for s in servers:
            s.stop()
        store.engine.dispose()
        for k, v in old_env.items():
            os.environ.pop(k, None) if v is None else os.environ.__setitem__(k, v)
        if db_url is not None:
            admin_sql(server_url, f'DROP DATABASE IF EXISTS "{db_url.database}" WITH (FORCE)')
        tmp.cleanup()
    return out


def report(res: dict) -> bool:
    n = res["sessions"]
    print(f"\n== {res['backend']}: {n} participants, {res['servers']} app process(es), "
          f"{res['wall_s']:.1f} s wall, server CPU {res['cpu_s']:.1f} s ==")
    rows = [[st, len(xs), median(xs), p95(xs), max(xs) if xs else float("nan")] for st, xs in res["steps"].items()]
    print(table(["step", "n", "p50 ms", "p95 ms", "max ms"], rows, digits=0, int_cols=(1,)))
    print(f"database counts (joined, answered): {res['counts']}; votes exact: {res['exact']}")
    live = res["live"]
    print(f"facilitator on process {res['servers']}: {live.get('last')} after {live.get('polls')} polls"
          f" (fragment timer: {live.get('fragment')}){'; ERROR ' + live['error'] if 'error' in live else ''}")
    print(f"errors: {len(res['errors'])}")
    for e in res["errors"][:5]:
        print("  ", e)
    return not res["errors"] and res["exact"] and res["live_ok"] and "error" not in live


async def main_async(args) -> int:
    print(machine_info())
    ok = True
    for backend in (["sqlite", "postgresql"] if args.backend == "both" else [args.backend]):
        ok = report(await run_backend(backend, args)) and ok
    print("\nOK" if ok else "\nFAILED")
    return 0 if ok else 1


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    p.add_argument("--sessions", type=int, default=100)
    p.add_argument("--pg-url", help="SQLAlchemy URL of a PostgreSQL server (default: PG* variables)")
    p.add_argument("--pg-servers", type=int, default=2, help="app processes sharing PostgreSQL (default 2)")
    p.add_argument("--step-timeout", type=float, default=120)
    p.add_argument("--timeout", type=float, default=600, help="overall limit per backend (s)")
    return asyncio.run(main_async(p.parse_args(argv)))


if __name__ == "__main__":
    sys.exit(main())
