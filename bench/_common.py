"""Small shared helpers for the benchmarks (no dependency on tests/).

* ``StreamlitServer``: tests/support/server.py's server (``python -m streamlit run SCRIPT`` on a
  loopback port it holds, with its pid for RSS/CPU readings from /proc), without a kept log.
* ``READY_JS``: the "page is loaded" condition used by every browser benchmark: the app is
  connected, the script is not running and no skeleton is shown.
* ``STATE_RECORDER_JS`` / ``RERUN_DONE_JS``: record script-state transitions in the page so a
  rerun is detected reliably even when it is faster than one polling interval.
* ``median``/``p95``/``table``: the printed figures.
"""

from __future__ import annotations

import math
import os
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
# The server, the protocol session and chromium's options are shared with the tests
# (tests/support/); the benchmarks import them, the tests never import bench/.
sys.path.insert(0, str(ROOT / "tests"))

from support.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402,F401 - needs the path above; for the scripts
from support.server import SERVER_ARGS, free_port, wait_healthy  # noqa: E402,F401 - the same
from support.server import StreamlitServer as _SharedServer  # noqa: E402 - needs the path above

PAGES = [
    "start",
    "factoren",
    "interventies",
    "aanbeveler",
    "praktijkvoorbeelden",
    "lessen",
    "planscan",
    "shortlist",
    "over",
]

# Loaded = websocket connected, script finished, no skeleton placeholder left, and the page's
# own content rendered: ``arg`` is a CSS selector that must match (e.g. 'h1'; the app pages all
# have a title). The content check matters: on a cold server the script state turns
# 'notRunning' before any element is rendered, so state + skeleton alone can match too early.
READY_JS = """(sel) => {
  const app = document.querySelector('[data-testid=stApp]');
  if (!app) return false;
  const conn = app.getAttribute('data-test-connection-state');
  return conn === 'CONNECTED'
    && app.getAttribute('data-test-script-state') === 'notRunning'
    && !document.querySelector('[data-testid=stSkeleton]')
    && (!sel || !!document.querySelector(sel));
}"""
APP_CONTENT = "[data-testid=stMain] h1"

# Installs a MutationObserver that logs every script-state change with performance.now().
STATE_RECORDER_JS = """() => {
  const app = document.querySelector('[data-testid=stApp]');
  window.__kkStates = [];
  window.__kkConn = [];
  if (window.__kkObs) window.__kkObs.disconnect();
  window.__kkObs = new MutationObserver((muts) => {
    for (const m of muts) {
      const v = app.getAttribute(m.attributeName);
      if (m.attributeName === 'data-test-script-state') window.__kkStates.push([v, performance.now()]);
      else window.__kkConn.push([v, performance.now()]);
    }
  });
  window.__kkObs.observe(app, {attributes: true,
    attributeFilter: ['data-test-script-state', 'data-test-connection-state']});
  return true;
}"""

# For error messages: what the recorder saw (script states, connection states, current ones).
RECORDER_DUMP_JS = """() => {
  const app = document.querySelector('[data-testid=stApp]');
  const f = (xs) => (xs || []).map(x => x[0] + '@' + Math.round(x[1])).join(' ');
  return 'script[' + f(window.__kkStates) + '] conn[' + f(window.__kkConn) + '] now '
    + (app ? app.getAttribute('data-test-connection-state') + '/' + app.getAttribute('data-test-script-state') : '-')
    + ' skeleton=' + !!document.querySelector('[data-testid=stSkeleton]');
}"""

# A rerun is done when the app is idle (connected, notRunning, no skeleton) and either the
# recorder saw 'running' then 'notRunning', or the expected content is there: arg = {sel, text,
# before, re}: an element matching sel whose text contains ``text`` (and matches regex ``re``)
# and differs from ``before``.
# The content path catches a rerun the observer missed (e.g. a re-mounted stApp element).
RERUN_DONE_JS = """(arg) => {
  const app = document.querySelector('[data-testid=stApp]');
  if (!app || app.getAttribute('data-test-connection-state') !== 'CONNECTED'
      || app.getAttribute('data-test-script-state') !== 'notRunning'
      || document.querySelector('[data-testid=stSkeleton]')) return false;
  const s = window.__kkStates || [];
  const i = s.findIndex(x => x[0] === 'running');
  if (i >= 0 && s.slice(i + 1).some(x => x[0] === 'notRunning')) return 'observed';
  if (arg && arg.sel) {
    for (const el of document.querySelectorAll(arg.sel)) {
      const t = el.innerText || '';
      if (t.includes(arg.text || '') && (!arg.re || new RegExp(arg.re).test(t))
          && (arg.before == null || t !== arg.before)) return 'content';
    }
  }
  return false;
}"""

CONTEXT_OPTS = {"viewport": {"width": 1400, "height": 1000}, "locale": "nl-NL"}


class StreamlitServer(_SharedServer):
    """The shared server (tests/support/server.py) with a benchmark's defaults: its log file is
    removed when it stops."""

    def __init__(self, script, cwd: Path = ROOT, env=None, extra_args=None, port=None):
        super().__init__(script, cwd=cwd, env=env, extra_args=extra_args, port=port, keep_log=False)


# --- figures -----------------------------------------------------------------------------


def median(xs: list[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def p95(xs: list[float]) -> float:
    """Nearest-rank 95th percentile (with fewer than 20 samples this is the maximum)."""
    if not xs:
        return float("nan")
    s = sorted(xs)
    return s[max(0, math.ceil(0.95 * len(s)) - 1)]


def fmt(x: float | int | str | None, digits: int = 1) -> str:
    if x is None:
        return "-"
    if isinstance(x, str):
        return x
    if isinstance(x, float) and math.isnan(x):
        return "-"
    if isinstance(x, int):
        return str(x)
    return f"{x:.{digits}f}"


def table(headers: list[str], rows: list[list], digits: int = 1, int_cols: tuple[int, ...] = (1,)) -> str:
    """Plain-text table; first column left-aligned, the rest right-aligned. Columns in
    ``int_cols`` (counts) print ints as ints; every other number with ``digits`` decimals."""
    cells = [
        [fmt(c if (i in int_cols or not isinstance(c, int)) else float(c), digits) for i, c in enumerate(row)]
        for row in rows
    ]
    widths = [max(len(h), *(len(r[i]) for r in cells)) if cells else len(h) for i, h in enumerate(headers)]
    def line(values: list[str]) -> str:
        return "  ".join(
            v.ljust(w) if i == 0 else v.rjust(w) for i, (v, w) in enumerate(zip(values, widths, strict=False))
        )
    out = [line(headers), line(["-" * w for w in widths])]
    out += [line(r) for r in cells]
    return "\n".join(out)


def machine_info() -> str:
    import platform

    try:
        import streamlit

        st_version = streamlit.__version__
    except ImportError:  # pragma: no cover
        st_version = "?"
    return (
        f"python {platform.python_version()}, streamlit {st_version}, "
        f"{os.cpu_count()} CPU(s), {platform.machine()}"
    )
