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
