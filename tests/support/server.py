"""A real ``streamlit run`` process for tests and benchmarks.

``StreamlitServer`` starts a script on a port the server itself holds and waits until
``/_stcore/health`` answers; its output goes to a log file (``log_tail()``, ``log_problems()``),
and ``rss_kb()`` / ``hwm_kb()`` / ``cpu_s()`` read the process from ``/proc``.

The port: with ``port=None`` (the default) the server binds ``--server.port 0``, so the system
assigns a port and the server keeps it from that moment; the port is read back from the
server's own "URL:" line. (Picking a free port here, closing it and passing the number on
leaves a window in which another process, e.g. a parallel test worker, can take it; a retry on
"address in use" would only narrow that window, and a health check on the number could be
answered by the other process.) A server that dies while starting fails at once with its log
instead of after a long wait.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import ClassVar

from support.paths import ROOT

# Streamlit options of a server that serves a room: no file watcher, no rerun on save (as in
# production; .streamlit/config.toml says the same, this keeps a benchmark's other scripts alike).
SERVER_ARGS = ["--server.fileWatcherType", "none", "--server.runOnSave", "false"]

_URL_LINE = re.compile(r"URL: (http://127\.0\.0\.1:(\d+))")


def free_port() -> int:
    """A port that was free a moment ago (for programs that cannot bind port 0 themselves,
    such as nginx; a Streamlit server should be started with ``port=None`` instead)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, timeout: float, alive=lambda: True, what: str = "server") -> float:
    """Poll ``url``/_stcore/health until it answers 200; returns the seconds it took. Raises
    RuntimeError when ``alive()`` turns false or the timeout passes."""
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        if not alive():
            raise RuntimeError(f"{what} stopped while starting")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return time.monotonic() - t0
        except OSError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"{what} did not answer {url}/_stcore/health within {timeout:.0f} s")


class StreamlitServer:
    """``python -m streamlit run SCRIPT`` on 127.0.0.1, stopped by ``stop()`` (or ``with``)."""

    def __init__(
        self,
        script: str | Path = "app.py",
        *,
        cwd: Path = ROOT,
        env: dict[str, str] | None = None,
        extra_args: list[str] | None = None,
        port: int | None = None,
        keep_log: bool = True,
    ):
        self.script = str(script)
        self.cwd = cwd
        self.env = {**os.environ, **(env or {}), "PYTHONUNBUFFERED": "1"}
        self.extra_args = list(extra_args or [])
        self.port = port or 0
        self.url = f"http://127.0.0.1:{self.port}" if port else ""
        self.keep_log = keep_log
        self.proc: subprocess.Popen | None = None
        self.log_path: Path | None = None
        self.started = 0.0
        self.stopped: float | None = None
        self.startup_s = float("nan")

    def start(self, timeout: float = 90) -> StreamlitServer:
        fd, log = tempfile.mkstemp(prefix="kenniskaart-streamlit-", suffix=".log")
        self.log_path = Path(log)
        self.started = time.monotonic()
        with os.fdopen(fd, "wb") as log_file:
            self.proc = subprocess.Popen(
                [
                    sys.executable, "-m", "streamlit", "run", self.script,
                    "--server.headless", "true",
                    "--server.port", str(self.port),
                    "--server.address", "127.0.0.1",
                    "--browser.gatherUsageStats", "false",
                    *self.extra_args,
                ],
                cwd=self.cwd,
                env=self.env,
                stdout=log_file,
                stderr=subprocess.STDOUT,
            )
        try:
            self._wait_until_healthy(timeout)
        except BaseException:
            self.stop()
            raise
        self.startup_s = time.monotonic() - self.started
        return self

    def _wait_until_healthy(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not self.url:
            if self.proc.poll() is not None:
                raise RuntimeError(
                    f"streamlit stopped while starting (exit code {self.proc.returncode}); "
                    f"its log:\n{self.log_tail()}"
                )
            match = _URL_LINE.search(self.log_path.read_text(encoding="utf-8", errors="replace"))
            if match:
                self.url, self.port = match.group(1), int(match.group(2))
            elif time.monotonic() > deadline:
                raise RuntimeError(f"streamlit printed no URL within {timeout:.0f} s; its log:\n{self.log_tail()}")
            else:
                time.sleep(0.1)
        try:
            wait_healthy(self.url, max(1.0, deadline - time.monotonic()), self.alive, "streamlit")
        except RuntimeError as exc:
            code = "" if self.alive() else f" (exit code {self.proc.returncode})"
            raise RuntimeError(f"{exc}{code}; its log:\n{self.log_tail()}") from None

    # -- the log --

    def log_tail(self, lines: int = 60) -> str:
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except (OSError, AttributeError) as exc:
            return f"(log unreadable: {exc})"
        return "\n".join(text.splitlines()[-lines:]) or "(empty log)"

    def log_problems(self) -> list[str]:
        """Lines of the server's log where Streamlit reported a problem: a traceback or a warning
        with its stack (a widget given a value both ways, and the like)."""
        lines = self.log_path.read_text(encoding="utf-8", errors="replace").splitlines()
        return [line for i, line in enumerate(lines)
                if i + 1 < len(lines) and lines[i + 1].startswith(("Stack (most recent call last)",
                                                                    "Traceback (most recent call last)"))]

    def remove_log(self) -> None:
        if self.log_path is not None:
            self.log_path.unlink(missing_ok=True)

    # -- the process --

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def _status(self, key: str) -> int | None:
        try:
            for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
                if line.startswith(key + ":"):
                    return int(line.split()[1])
        except OSError:
            return None
        return None

    def rss_kb(self) -> int | None:
        """Current resident set size (VmRSS) in kB."""
        return self._status("VmRSS")

    def hwm_kb(self) -> int | None:
        """Peak resident set size (VmHWM) in kB."""
        return self._status("VmHWM")

    def cpu_s(self) -> float | None:
        """User + system CPU seconds used by the server so far."""
        try:
            fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except OSError:
            return None

    def stop(self) -> None:
        if self.stopped is None and self.proc is not None:
            self.stopped = time.monotonic()
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        if not self.keep_log:
            self.remove_log()

    def __enter__(self) -> StreamlitServer:
        return self.start() if self.proc is None else self

    def __exit__(self, *exc) -> None:
        self.stop()


class AppServer(StreamlitServer):
    """The app (``streamlit run app.py``) for a test, started at once; stop it with ``stop()``.
    Its log goes to a file: a failing test that used it prints the log's end (the
    ``pytest_runtest_makereport`` hook in ``tests/conftest.py``)."""

    live: ClassVar[list[AppServer]] = []
    """Servers of this session, newest last (the failure report prints the logs of those a
    test used)."""

    def __init__(self, env: dict[str, str] | None = None, timeout: float = 90):
        super().__init__("app.py", env=env)
        AppServer.live.append(self)
        self.start(timeout)
