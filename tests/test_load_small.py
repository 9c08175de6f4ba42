"""The load test at a small N that fits CI: every session finishes without an error.

Larger N: `python bench/load_test.py --sessions 10|20|40` (figures in the README). The room
sizes a 2-core machine cannot drive with browsers (40-400 sessions) are tested at the protocol
level: tests/test_load_protocol.py and `python bench/load_protocol.py --sessions N`.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import ROOT

pytestmark = pytest.mark.browser


def test_three_concurrent_sessions_without_errors():
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "load_test.py"), "--sessions", "3", "--timeout", "240"],
        cwd=ROOT, capture_output=True, text=True, timeout=400,
    )
    out = result.stdout + result.stderr
    assert result.returncode == 0, out[-3000:]
    match = re.search(r"sessions ok (\d+)/(\d+), errors (\d+)", out)
    assert match, out[-3000:]
    ok, total, errors = map(int, match.groups())
    assert (ok, total, errors) == (3, 3, 0), out[-3000:]
