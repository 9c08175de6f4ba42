"""The protocol load test at a size that fits the suite: 40 sessions walk the facilitator's path
at once against a real server (no browser), every one reaches the end of every step, none sees
an error. Correctness, not timing: the figures are printed by `python bench/load_protocol.py`
(see bench/README.md).
"""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.parse

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))

from load_protocol import build_walk, shared_link_query  # noqa: E402

from kenniskaart.matcher import profile_from_case  # noqa: E402
from kenniskaart.share import profile_from_params  # noqa: E402

SESSIONS = 40


def test_shared_link_query_is_the_first_casus_as_the_app_reads_it(kk):
    params = dict(urllib.parse.parse_qsl(shared_link_query()))
    profile, notices = profile_from_params(kk, params)
    assert notices == []
    if kk.cases:
        assert profile == profile_from_case(kk.cases[0])
    else:
        assert profile.risk_factors == (kk.risk_factors[0].id,)


def test_facilitator_walk_opens_the_link_then_changes_widgets():
    walk = build_walk("facilitator", "leeftijd=15")
    assert [s.name for s in walk] == ["start", "aanbeveler", "factor", "planscan", "preset"]
    assert [s.kind for s in walk] == ["open", "open", "widget", "page", "widget"]
    assert walk[1].query == "leeftijd=15"
    with pytest.raises(SystemExit):
        build_walk("nonsense", "")


@pytest.mark.load
def test_forty_protocol_sessions_walk_the_facilitator_path_without_errors(tmp_path):
    out = tmp_path / "load.json"
    result = subprocess.run(
        [
            sys.executable, str(ROOT / "bench" / "load_protocol.py"),
            "--sessions", str(SESSIONS), "--cpu-reps", "0", "--after-close", "0",
            "--timeout", "170", "--step-timeout", "150", "--json", str(out),
        ],
        cwd=ROOT, capture_output=True, text=True, timeout=240,
    )
    text = result.stdout + result.stderr
    assert out.exists(), text[-3000:]
    load = json.loads(out.read_text())["load"]["app"]
    assert load["errors"] == [], text[-3000:]
    assert load["ok"] == SESSIONS, text[-3000:]
    # every session reached script_finished on every step of the walk
    assert {step: len(times) for step, times in load["times"].items()} == {
        step: SESSIONS for step in ["start", "aanbeveler", "factor", "planscan", "preset"]
    }
    assert result.returncode == 0, text[-3000:]
