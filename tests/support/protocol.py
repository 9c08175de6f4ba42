"""A Streamlit session without a browser: Streamlit 1.67's websocket protocol, as its frontend
speaks it (read from its bundle and from ``streamlit/web/server/starlette/starlette_websocket.py``
/ ``runtime/app_session.py``). Used by the suite's load test and by the benchmarks
(``bench/load_protocol.py``, ``bench/load_werksessie.py``, ``bench/deploy_two_processes.py``, …).

What a ``ProtocolSession`` does, like a browser:

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
end). Errors: an ``exception`` element in a delta, a compile error, ``page_not_found``, a widget
the walk needs but the page did not send, a closed websocket, an HTTP error, a step timeout. The
only simplification: a widget change sends only the changed widget's state (the server keeps the
others from the previous run), where the browser sends every active widget.

Nothing here knows the kenniskaart: the walks of this app are in ``support.walks``.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

CPU_SETTLE_S = 0.15
FINISHED_OK = 0  # ForwardMsg.FINISHED_SUCCESSFULLY
FINISHED_COMPILE_ERROR = 1
FINISHED_EARLY_FOR_RERUN = 2
FINISHED_FRAGMENT = 3


# --- a walk is a list of steps ----------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    name: str
    kind: str  # 'open' | 'page' | 'widget'
    page: str = ""  # url path of the page ('' = default page)
    query: str = ""  # query string sent with an open / page switch
    widget: tuple[str, str] = ("", "")  # (element type, label prefix) for a widget change



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
        except Exception as exc:  # noqa: BLE001 - any failure ends the session and becomes its closed reason
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
        except TimeoutError:
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
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.ws.close(), 10)
        if self.reader is not None:
            self.reader.cancel()
            with contextlib.suppress(BaseException):
                await self.reader


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
                       step_timeout: float, release: asyncio.Event, res: SessionResult,
                       on_walked=None) -> None:
    """One session of a room: walk every step, then keep the session open until ``release`` is
    set (so that all N are open at once). ``on_walked()`` is called once when the walk has
    ended, done or failed."""
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
        if on_walked is not None:
            on_walked()
        await release.wait()
        if s.closed_reason:
            raise StepFailed(f"after the walk: {s.closed_reason}")
    except asyncio.CancelledError:
        res.error = res.error or f"{res.step}: cancelled by the overall timeout"
        raise
    except Exception as exc:  # noqa: BLE001 - every failure is a reported figure
        res.error = f"{res.step}: {type(exc).__name__}: {str(exc)[:300]}"
        if on_walked is not None and res.step != "done":
            on_walked()
    finally:
        await s.close()


async def walk_together(url: str, walk: list[Step], n: int, *, step_timeout: float, timeout: float,
                        bare: bool = False) -> list[SessionResult]:
    """N sessions walk at once (no ramp, no think time) and stay open until all have walked;
    then all close. A session still walking after ``timeout`` seconds is cancelled and
    reported as such."""
    release, all_walked = asyncio.Event(), asyncio.Event()
    results = [SessionResult(i) for i in range(n)]
    left = n

    def walked() -> None:
        nonlocal left
        left -= 1
        if left == 0:
            all_walked.set()

    tasks = [asyncio.create_task(load_session(url, walk, bare, i, 0.0, 0.0, step_timeout, release, results[i],
                                              walked))
             for i in range(n)]
    try:
        await asyncio.wait_for(all_walked.wait(), timeout)
    except TimeoutError:
        pass
    finally:
        release.set()
        _, pending = await asyncio.wait(tasks, timeout=60)
        for t in pending:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    return results

