"""Ids that do not exist in the content are dropped with one notice, by one rule, whether they
come from a share link, a plan file or a werkmap: the notice names the first five, each cut to
40 characters, and ends with ' …' when there were more."""

from __future__ import annotations

import json

import pytest

from kenniskaart.planscan import Plan, plan_from_json, plan_to_json
from kenniskaart.share import profile_from_params
from kenniskaart.werkmap import werkmap_from_json, werkmap_to_json

UNKNOWN = [f"bestaat-niet-{n}-" + "x" * 45 for n in range(7)]


def expected(what: str, unknown: list[str]) -> str:
    names = [u[:40] for u in unknown[:5]]
    return f"Onbekende {what} genegeerd: " + ", ".join(names) + (" …" if len(unknown) > 5 else "")


@pytest.mark.parametrize("count", [1, 5, 7])
def test_links_plan_files_and_werkmaps_name_unknown_ids_alike(kk, count):
    unknown = UNKNOWN[:count]
    known = kk.risk_factors[0].id
    iv = kk.interventions[0].id

    _, notices = profile_from_params(kk, {"risico": ",".join([known, *unknown])})
    assert expected("risicofactoren in de link", unknown) in notices

    plan, notices = plan_from_json(kk, plan_to_json(Plan(interventions=(iv, *unknown))))
    assert plan.interventions == (iv,)
    assert notices == [expected("interventies", unknown)]

    raw = werkmap_to_json(None, [iv, *unknown], {}, None)
    wm, notices = werkmap_from_json(kk, raw)
    assert wm.shortlist == (iv,)
    assert notices == [expected("interventies op de shortlist", unknown)]


def test_a_werkmap_drops_unknown_analysis_sources_and_indicators_by_the_same_rule(kk):
    data = json.loads(werkmap_to_json(None, [], {}, None))
    source = next(iter(kk.by_id("analysis_sources")))
    data["plan_van_aanpak"]["analysis"] = [source, *UNKNOWN]
    wm, notices = werkmap_from_json(kk, json.dumps(data).encode())
    assert wm.plan_van_aanpak.analysis == (source,)
    assert notices == [expected("bronnen van de analyse", UNKNOWN)]
