"""Planscan: coverage of factors, themes and levels of help by a plan."""

from __future__ import annotations

from kenniskaart.planscan import GROUPS, botoc_municipalities, municipality_preset, plan_items, scan, summary


def test_empty_plan_is_all_gaps(kk):
    coverage = scan(kk, [])
    assert coverage and not any(c.covered for c in coverage)
    sm = summary(coverage)
    assert set(sm[sm["status"] == "gedekt"]["aantal"]) == {0}


def test_single_intervention_covers_exactly_its_linked_factors(kk):
    ajb = kk.by_id("interventions")["ajb"]
    coverage = scan(kk, plan_items(kk, ["ajb"], []))
    covered_factors = {c.id for c in coverage if c.covered and c.group in GROUPS[:3]}
    linked = {l.factor for l in ajb.factors}
    scanned_ids = {c.id for c in coverage if c.group in GROUPS[:3]}
    assert covered_factors == linked & scanned_ids
    covered_themes = {c.id for c in coverage if c.covered and c.group == GROUPS[3]}
    assert covered_themes == set(ajb.pmg_themes)
    assert all(c.covered_by == (ajb.name,) for c in coverage if c.covered)


def test_botoc_presets_match_the_practice_examples(kk):
    munis = botoc_municipalities(kk)
    assert len(munis) == 8
    total = 0
    for m in munis:
        ids = municipality_preset(kk, m)
        assert ids and all(kk.by_id("examples")[i].municipality == m for i in ids)
        total += len(ids)
    assert total == 62 == len(municipality_preset(kk, "*"))


import json

import pytest

from kenniskaart.planscan import (
    OwnEntry,
    Plan,
    PlanFileError,
    balance,
    gap_suggestions,
    plan_from_json,
    plan_to_json,
    process_lessons,
)


def test_own_entry_covers_its_factors_and_themes(kk):
    own = OwnEntry(name="Eigen buurtaanpak", factors=("beke-r-drugsgebruik",), pmg_themes=("pmg-sociaal-netwerk",))
    coverage = scan(kk, plan_items(kk, [], [], (own,)))
    covered = {c.id for c in coverage if c.covered}
    assert covered == {"beke-r-drugsgebruik", "pmg-sociaal-netwerk"}


def test_plan_file_round_trip(kk):
    plan = Plan(interventions=("ajb",), examples=("botoc-ams1",),
                own=(OwnEntry(name="Eigen", min_age=12, max_age=18, factors=("beke-r-drugsgebruik",)),))
    back, notices = plan_from_json(kk, plan_to_json(plan))
    assert back == plan and notices == []


def test_plan_file_with_unknown_ids_is_cleaned_with_notices(kk):
    data = json.loads(plan_to_json(Plan(interventions=("ajb",))))
    data["interventions"].append("bestaat-niet")
    data["own"] = [{"name": "Eigen", "factors": ["beke-r-drugsgebruik", "nep-factor"]}]
    plan, notices = plan_from_json(kk, json.dumps(data).encode())
    assert plan.interventions == ("ajb",)
    assert plan.own[0].factors == ("beke-r-drugsgebruik",)
    assert any("bestaat-niet" in n for n in notices) and any("nep-factor" in n for n in notices)


@pytest.mark.parametrize("raw,message", [
    (b"\xff\xfe", "geen geldige JSON"),
    (b"[1, 2]", "formaat ontbreekt"),
    (b'{"formaat": "kenniskaart-plan", "versie": 7}', "Onbekende versie"),
    (b'{"formaat": "kenniskaart-plan", "versie": 1, "own": [{"naam": "x"}]}', "ongeldig bij"),
    (b"x" * 300_000, "te groot"),
])
def test_bad_plan_files_give_a_clear_message(kk, raw, message):
    with pytest.raises(PlanFileError, match=message):
        plan_from_json(kk, raw)


def test_balance_and_suggestions_and_lessons(kk):
    items = plan_items(kk, [], municipality_preset(kk, "*"))
    bal = balance(kk, items)
    pr = bal[bal["verdeling"] == "preventief / repressief"]["aantal"].sum()
    assert pr == 62
    coverage = scan(kk, [])
    suggestions = gap_suggestions(kk, coverage)
    gefundeerd = [c.id for c in coverage if c.group == GROUPS[0]]
    assert set(suggestions) == set(gefundeerd)
    ivs = kk.by_id("interventions")
    for fid, ids in suggestions.items():
        assert all(fid in {l.factor for l in ivs[i].factors} for i in ids)
    assert [g.id for g in process_lessons(kk)] == [
        "verbeter-kb-realistische-doelen", "aanb-ccv-nulmeting",
        "verbeter-kb-doelgroep-in-beeld", "verbeter-kb-monitoring-evaluatie",
    ]
