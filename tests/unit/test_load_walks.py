"""The walks the load test and the benchmarks send through the app (``support.walks``): the
shared link they open is the first casus as the app reads it, and the facilitator's walk has
the steps the load test counts."""

from __future__ import annotations

import urllib.parse

import pytest

from kenniskaart.aanbeveler import profile_from_case
from kenniskaart.share import profile_from_params
from support.walks import build_walk, shared_link_query


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
