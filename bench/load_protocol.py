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
   Chromium sessions (bench/load_test.py's session) against the app alongside, to see what a
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
import json
import os
import statistics
import sys
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import ROOT, StreamlitServer, machine_info, median, p95, table  # noqa: E402

BASELINE = Path(__file__).resolve().parent / "baseline_app.py"
SERVER_ARGS = ["--server.fileWatcherType", "none", "--server.runOnSave", "false"]
CPU_SETTLE_S = 0.15
FINISHED_OK = 0  # ForwardMsg.FINISHED_SUCCESSFULLY
FINISHED_COMPILE_ERROR = 1
FINISHED_EARLY_FOR_RERUN = 2
FINISHED_FRAGMENT = 3


# --- the walk ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    name: str
    kind: str  # 'open' | 'page' | 'widget'
    page: str = ""  # url path of the page ('' = default page)
    query: str = ""  # query string sent with an open / page switch
    widget: tuple[str, str] = ("", "")  # (element type, label prefix) for a widget change


def shared_link_query() -> str:
    """The query string of a shared Aanbeveler link for the first casus in the content
    (without cases: the first risk factor), built by the app's own share helper."""
    from kenniskaart.content import load_content
    from kenniskaart.matcher import Profile, profile_from_case
    from kenniskaart.share import profile_to_params

    kk = load_content()
    if kk.cases:
        profile = profile_from_case(kk.cases[0])
    else:
        profile = Profile(risk_factors=(kk.risk_factors[0].id,))
    return urllib.parse.urlencode(profile_to_params(profile))


def build_walk(name: str, query: str) -> list[Step]:
    factor = Step("factor", "widget", "aanbeveler", widget=("multiselect", "Risicofactoren"))
    if name == "facilitator":
        return [
            Step("start", "open", ""),
            Step("aanbeveler", "open", "aanbeveler", query=query),
            factor,
            Step("planscan", "page", "planscan"),
            Step("preset", "widget", "planscan", widget=("selectbox", "BOTOC")),
        ]
    if name == "link":
        return [Step("aanbeveler link", "open", "aanbeveler", query=query), factor]
    raise SystemExit(f"unknown walk {name!r} (facilitator, link)")


# --- one browser-like session --------------------------------------------------------------


class StepFailed(Exception):
    pass


@dataclass
class Widget:
    kind: str
    label: str
    id: str
    options: list[str]
    value: list[str]
    fragment_id: str = ""  # set when the widget lives in an st.fragment: its change reruns only that


@dataclass
class RunState:
    """What the server sent during one script run (the current step)."""

    elements: int = 0
    blocks: int = 0
    exceptions: list[str] = field(default_factory=list)
    widgets: dict[str, Widget] = field(default_factory=dict)
    bytes: int = 0
    messages: int = 0


async def http_get(host: str, port: int, target: str, cookie: str = "") -> tuple[int, dict[str, str], bytes]:
    """A minimal HTTP/1.1 GET (no dependency): status, lower-cased headers, body."""
    reader, writer = await asyncio.open_connection(host, port)
    try:
        req = (
            f"GET {target} HTTP/1.1\r\nHost: {host}:{port}\r\nUser-Agent: kenniskaart-load/1\r\n"
            f"Accept: */*\r\nConnection: close\r\n" + (f"Cookie: {cookie}\r\n" if cookie else "") + "\r\n"
        )
        writer.write(req.encode())
        await writer.drain()
        raw = await reader.read()
    finally:
        writer.close()
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1]) if lines and len(lines[0].split()) > 1 else 0
    headers: dict[str, str] = {}
    for line in lines[1:]:
        k, _, v = line.partition(":")
        key = k.strip().lower()
        if key == "set-cookie":  # one cookie per header line: keep them apart
            headers[key] = (headers[key] + "\n" + v.strip()) if key in headers else v.strip()
        else:
            headers[key] = (headers[key] + ", " + v.strip()) if key in headers else v.strip()
    return status, headers, body


class ProtocolSession:
    """One Streamlit session over a websocket, behaving like Streamlit's frontend."""

    def __init__(self, base_url: str, index: int = 0, step_timeout: float = 120):
        from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: F401  (import check)

        u = urllib.parse.urlsplit(base_url)
        self.host, self.port = u.hostname or "127.0.0.1", u.port or 80
        self.base_url = base_url.rstrip("/")
        self.index = index
        self.step_timeout = step_timeout
        self.ws = None
        self.reader: asyncio.Task | None = None
        self.cookie = ""
        self.xsrf = ""
        self.jar: dict[str, str] = {}
        self.query = ""
        self.page_hash = ""  # current page's script hash (from navigation)
        self.pages: dict[str, str] = {}  # url_pathname -> page_script_hash
        self.default_page = ""
        self.cached: set[str] = set()
        self.widget_values: dict[str, list[str]] = {}
        self.run = RunState()
        self.finished: asyncio.Future | None = None
        self.closed_reason: str | None = None
        self.closing = False
        self.runs = 0

    # -- receiving --

    def _on_message(self, data: bytes) -> None:
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        msg = ForwardMsg()
        msg.ParseFromString(data)
        run = self.run
        run.bytes += len(data)
        run.messages += 1
        if msg.metadata.cacheable and msg.hash:
            self.cached.add(msg.hash)
        kind = msg.WhichOneof("type")
        if kind == "delta":
            d = msg.delta
            dk = d.WhichOneof("type")
            if dk == "new_element":
                run.elements += 1
                el = d.new_element
                ek = el.WhichOneof("type")
                if ek == "exception":
                    run.exceptions.append(f"{el.exception.type}: {el.exception.message[:200]}")
                elif ek in ("multiselect", "selectbox"):
                    w = getattr(el, ek)
                    opts = list(w.options)
                    # the frontend's value: what the server set, else what this client sent,
                    # else the widget's default
                    if w.set_value:
                        value = list(w.raw_values) if ek == "multiselect" else [w.raw_value]
                        self.widget_values[w.id] = value
                    elif w.id in self.widget_values:
                        value = self.widget_values[w.id]
                    elif ek == "multiselect":
                        value = [opts[i] for i in w.default if i < len(opts)]
                    else:
                        value = [opts[w.default]] if w.HasField("default") and w.default < len(opts) else []
                    run.widgets[w.id] = Widget(ek, w.label, w.id, opts, value, d.fragment_id)
            elif dk == "add_block":
                run.blocks += 1
        elif kind == "navigation":
            for p in msg.navigation.app_pages:
                self.pages[p.url_pathname] = p.page_script_hash
                if p.is_default:
                    self.default_page = p.url_pathname
            self.page_hash = msg.navigation.page_script_hash
        elif kind == "new_session":
            for p in msg.new_session.app_pages:
                self.pages.setdefault(p.url_pathname, p.page_script_hash)
        elif kind == "page_info_changed":
            self.query = msg.page_info_changed.query_string
        elif kind == "page_not_found":
            run.exceptions.append(f"page_not_found: {msg.page_not_found.page_name}")
        elif kind == "session_event":
            ev = msg.session_event
            if ev.WhichOneof("type") == "script_compilation_exception":
                run.exceptions.append(f"compile error: {ev.script_compilation_exception.message[:200]}")
        elif kind == "script_finished":
            status = msg.script_finished
            if status in (FINISHED_OK, FINISHED_COMPILE_ERROR, FINISHED_FRAGMENT):
                self.runs += 1
                if self.finished is not None and not self.finished.done():
                    self.finished.set_result(status)

    async def _read_loop(self) -> None:
        from websockets.exceptions import ConnectionClosed

        try:
            async for data in self.ws:
                if isinstance(data, str):
                    raise StepFailed("text frame from the server")
                self._on_message(data)
            reason = "websocket closed by the server"
        except ConnectionClosed as exc:
            reason = f"websocket closed: {exc}"
        except Exception as exc:  # noqa: BLE001
            reason = f"{type(exc).__name__}: {exc}"
        if not self.closing:
            self.closed_reason = reason
        if self.finished is not None and not self.finished.done():
            self.finished.set_exception(StepFailed(reason))

    # -- sending --

    def _context_info(self, path: str):
        from streamlit.proto.ClientState_pb2 import ContextInfo

        url = f"{self.base_url}/{path}" + (f"?{self.query}" if self.query else "")
        return ContextInfo(timezone="Europe/Amsterdam", timezone_offset=-60, locale="nl-NL", url=url,
                           is_embedded=False, color_scheme="light")

    async def _rerun(self, *, page_name: str = "", page_hash: str = "", widgets=None, path: str = "",
                     fragment_id: str = "") -> RunState:
        from streamlit.proto.BackMsg_pb2 import BackMsg

        msg = BackMsg()
        cs = msg.rerun_script
        cs.query_string = self.query
        cs.page_script_hash = page_hash
        cs.page_name = page_name
        cs.fragment_id = fragment_id
        cs.cached_message_hashes.extend(sorted(self.cached))
        cs.context_info.CopyFrom(self._context_info(path))
        for w in widgets or []:
            cs.widget_states.widgets.append(w)
        self.run = RunState()
        self.finished = asyncio.get_running_loop().create_future()
        if self.closed_reason:
            raise StepFailed(self.closed_reason)
        await self.ws.send(msg.SerializeToString())
        try:
            status = await asyncio.wait_for(self.finished, self.step_timeout)
        except asyncio.TimeoutError:
            raise StepFailed(f"no script_finished within {self.step_timeout:g} s") from None
        run = self.run
        if status == FINISHED_COMPILE_ERROR:
            run.exceptions.append("script finished with a compile error")
        return run

    def _keep_cookies(self, headers: dict[str, str]) -> None:
        """A tiny cookie jar: the server's XSRF cookie and, behind a proxy, its route cookie."""
        for line in headers.get("set-cookie", "").split("\n"):
            name, _, value = line.split(";", 1)[0].strip().partition("=")
            if name:
                self.jar[name] = value
        self.xsrf = self.jar.get("_streamlit_xsrf", "")
        self.cookie = "; ".join(f"{k}={v}" for k, v in self.jar.items())

    async def open(self, path: str, query: str) -> RunState:
        """What a browser does for a (shared) link: GET the page, health, host-config, the
        websocket, the first rerun with the URL's page name and query string."""
        from websockets.asyncio.client import connect

        if self.ws is not None:  # a new page load in the same tab: a new Streamlit session
            await self.close()
            self.closing, self.closed_reason = False, None
            self.pages, self.cached, self.page_hash, self.widget_values = {}, set(), "", {}
        target = "/" + path + (f"?{query}" if query else "")
        status, headers, _ = await http_get(self.host, self.port, target, self.cookie)
        if status != 200:
            raise StepFailed(f"GET {target}: HTTP {status}")
        self._keep_cookies(headers)
        for probe in ("/_stcore/health", "/_stcore/host-config"):
            st, h, _ = await http_get(self.host, self.port, probe, self.cookie)
            self._keep_cookies(h)
            if st != 200:
                raise StepFailed(f"GET {probe}: HTTP {st}")
        ws_url = f"ws://{self.host}:{self.port}/_stcore/stream"
        protocols = ["streamlit", self.xsrf or "PLACEHOLDER_AUTH_TOKEN"]
        self.ws = await connect(
            ws_url,
            subprotocols=protocols,
            origin=f"http://{self.host}:{self.port}",
            additional_headers={"Cookie": self.cookie} if self.cookie else None,
            max_size=None,
            ping_interval=None,  # a browser sends no pings; the server's pings are answered
            open_timeout=self.step_timeout,
            close_timeout=5,
        )
        self.reader = asyncio.create_task(self._read_loop())
        self.query = query
        return await self._rerun(page_name=path, path=path)

    async def switch_page(self, path: str, query: str | None = None) -> RunState:
        """A page switch inside the session (sidebar link or page link with a query)."""
        target = path or self.default_page
        page_hash = self.pages.get(target)
        if not page_hash:
            raise StepFailed(f"page '{target}' not in the app's navigation ({sorted(self.pages)})")
        if query is not None:
            self.query = query
        return await self._rerun(page_hash=page_hash, path=target)

    async def rerun(self, path: str = "") -> RunState:
        return await self._rerun(page_hash=self.page_hash, path=path)

    async def change_widget(self, last: RunState, kind: str, label: str, choice: int, path: str) -> RunState:
        """Change the first ``kind`` widget whose label contains ``label`` (case-insensitive): a
        multiselect gets one more option (option ``choice`` modulo the free ones), a selectbox
        takes option ``choice`` (modulo the options after the first, the 'none' entry). A
        widget inside an ``st.fragment`` sends the fragment's id, as the frontend does, so
        only the fragment reruns."""
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        cands = [w for w in last.widgets.values() if w.kind == kind and label.casefold() in w.label.casefold()]
        ws = WidgetState()
        if kind == "multiselect":
            cands = [w for w in cands if set(w.options) - set(w.value)]
            if not cands:
                raise StepFailed(f"no {kind} '{label}…' with a free option on the page")
            w = cands[0]
            free = [o for o in w.options if o not in w.value]
            ws.id = w.id
            ws.string_array_value.data.extend([*w.value, free[choice % len(free)]])
            self.widget_values[w.id] = list(ws.string_array_value.data)
        elif kind == "selectbox":
            if not cands or len(cands[0].options) < 2:
                raise StepFailed(f"no {kind} '{label}…' with options on the page")
            w = cands[0]
            pick = w.options[1 + choice % (len(w.options) - 1)]
            ws.id = w.id
            ws.string_value = pick
            self.widget_values[w.id] = [pick]
        else:  # pragma: no cover - the walks use only these two
            raise StepFailed(f"unsupported widget kind {kind}")
        return await self._rerun(page_hash=self.page_hash, widgets=[ws], path=path, fragment_id=w.fragment_id)

    async def close(self) -> None:
        self.closing = True
        if self.ws is not None:
            try:
                await asyncio.wait_for(self.ws.close(), 10)
            except Exception:  # noqa: BLE001
                pass
        if self.reader is not None:
            self.reader.cancel()
            try:
                await self.reader
            except BaseException:  # noqa: BLE001
                pass


async def do_step(s: ProtocolSession, step: Step, last: RunState | None, bare: bool) -> RunState:
    """One step of the walk; on the bare app every step but an open is a plain rerun."""
    if step.kind == "open":
        return await s.open("" if bare else step.page, step.query)
    if bare:
        if step.kind == "page":
            s.query = step.query
        return await s.rerun()
    if step.kind == "page":
        return await s.switch_page(step.page, step.query or None)
    assert last is not None
    return await s.change_widget(last, *step.widget, choice=s.index, path=step.page)


def check(run: RunState, step: Step) -> None:
    if run.exceptions:
        raise StepFailed(f"{len(run.exceptions)} exception(s): {run.exceptions[0]}")
    if run.elements == 0:
        raise StepFailed("the run sent no element")


# --- server readings ---------------------------------------------------------------------


def _process_cpu_clock(pid: int) -> int:
    """The clock id of another process's CPU time, as glibc's clock_getcpuclockid builds it:
    ((~pid) << 3) | CPUCLOCK_SCHED (2)."""
    return ((~pid) << 3) | 2


class Procs:
    """CPU seconds and VmRSS of one or more server processes (summed)."""

    def __init__(self, pids: list[int]):
        self.pids = pids

    def cpu_s(self) -> float | None:
        """CPU seconds of the processes, all threads including those that have ended (Streamlit
        starts a thread per script run). Read from the process CPU clock, which counts in
        nanoseconds (``clock_getcpuclockid``); /proc/<pid>/stat, in 10 ms ticks, where that
        clock cannot be read."""
        total = 0.0
        for pid in self.pids:
            try:
                total += time.clock_gettime(_process_cpu_clock(pid))
                continue
            except OSError:
                pass
            try:
                f = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                return None
            total += (int(f[11]) + int(f[12])) / os.sysconf("SC_CLK_TCK")
        return total

    def rss_mb(self) -> float | None:
        total = 0
        for pid in self.pids:
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            except OSError:
                return None
        return total / 1024


# --- phase 1: CPU per step, one session at a time ---------------------------------------------


async def idle_rate(procs: Procs, seconds: float = 1.0) -> float:
    c0 = procs.cpu_s()
    await asyncio.sleep(seconds)
    c1 = procs.cpu_s()
    return max(0.0, (c1 - c0) / seconds) if c0 is not None and c1 is not None else 0.0


async def cpu_walk(url: str, procs: Procs, walk: list[Step], bare: bool, idle: float, index: int,
                   step_timeout: float) -> dict[str, tuple[float, float, int, int]]:
    """One session alone: per step (server CPU ms, wall ms, elements, kB sent)."""
    s = ProtocolSession(url, index, step_timeout)
    out: dict[str, tuple[float, float, int, int]] = {}
    last = None
    try:
        for step in walk:
            c0, t0 = procs.cpu_s(), time.perf_counter()
            last = await do_step(s, step, last, bare)
            wall = time.perf_counter() - t0
            check(last, step)
            await asyncio.sleep(CPU_SETTLE_S)
            dt = time.perf_counter() - t0
            c1 = procs.cpu_s()
            cpu = max(0.0, (c1 - c0) - idle * dt) if c0 is not None and c1 is not None else float("nan")
            out[step.name] = (cpu * 1000, wall * 1000, last.elements + last.blocks, last.bytes // 1024)
    finally:
        await s.close()
    return out


# --- phase 2: N sessions at once -------------------------------------------------------------


@dataclass
class SessionResult:
    index: int
    times: dict[str, float] = field(default_factory=dict)
    error: str | None = None
    step: str = ""


async def load_session(url: str, walk: list[Step], bare: bool, idx: int, delay: float, think: float,
                       step_timeout: float, release: asyncio.Event, res: SessionResult) -> None:
    await asyncio.sleep(delay)
    s = ProtocolSession(url, idx, step_timeout)
    last = None
    try:
        for i, step in enumerate(walk):
            res.step = step.name
            if i and think:
                await asyncio.sleep(think)
            t0 = time.perf_counter()
            last = await do_step(s, step, last, bare)
            res.times[step.name] = (time.perf_counter() - t0) * 1000
            check(last, step)
        res.step = "done"
        await release.wait()
        if s.closed_reason:
            raise StepFailed(f"after the walk: {s.closed_reason}")
    except asyncio.CancelledError:
        res.error = res.error or f"{res.step}: cancelled by the overall timeout"
        raise
    except Exception as exc:  # noqa: BLE001 - every failure is a reported figure
        res.error = f"{res.step}: {type(exc).__name__}: {str(exc)[:300]}"
    finally:
        await s.close()


async def run_load(url: str, procs: Procs, walk: list[Step], bare: bool, args) -> dict:
    n = args.sessions
    results = [SessionResult(i) for i in range(n)]
    release = asyncio.Event()
    browser_results: list[dict] = []
    pw = browser = None
    if args.browsers and not bare:
        # a few real Chromium sessions alongside (bench/load_test.py's session: open
        # /aanbeveler, pick a casus, switch to Interventies, filter), to see what users see
        from playwright.async_api import async_playwright

        from _common import CHROMIUM, CHROMIUM_ARGS

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
        from load_test import run_session as browser_session

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
        try:
            await probe.open("", "")
        except Exception:  # noqa: BLE001
            pass
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
    for lab, tot in zip(labels, totals):
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
        per_sess = ((r["rss_open_mb"] - r["rss_before_mb"]) / n) if r["rss_open_mb"] and r["rss_before_mb"] and n else None
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
            print(f"\n{lab}: {len(bres)} Chromium session(s) alongside (bench/load_test.py's steps), ms; "
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
        for lab, target, bare in targets:
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
                  f"mean; idle rate subtracted: " + ", ".join(f"{lab} {idle[lab]*1000:.0f} ms/s" for lab in labels) + ")")
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
