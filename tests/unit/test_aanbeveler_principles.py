"""Advice a youth professional signs (issue 26): the what-works principles in the ranking, the
three kinds of "does not work", and one verdict on every page.

Each case names the page or seed it follows. Expectations are written by hand or computed here
from the content's raw fields, never with the function under test.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hst

from kenniskaart import kaart, planscan
from kenniskaart.aanbeveler import Profile, profile_from_case, recommend
from kenniskaart.content import Kenniskaart, load_content
from kenniskaart.shortlist import compare_table
from kenniskaart.texts import caution_text
from support.expected import NEVER_COUNTS

KK = load_content()
IVS = KK.by_id("interventions")
FACTORS = KK.by_id("factors")
ANTI = "beke-r-antisociale-persoonlijkheidskenmerken"
HELP_ORDER = {"hulp-positief": 1, "hulp-intensief": 2, "hulp-specialistisch": 3}


def ids(recs) -> list[str]:
    return [r.intervention.id for r in recs]


def lightest(iv_id: str) -> int:
    return min(HELP_ORDER[h] for h in IVS[iv_id].help_levels)


def never_counts(iv) -> bool:
    """Written apart from signals: a source reports harm, or a trial found no effect."""
    return any(c.kind in NEVER_COUNTS for c in iv.cautions)


# --- risk: the level of help -----------------------------------------------------------------


def test_a_child_with_first_behaviour_problems_does_not_start_with_specialist_family_treatment():
    """CCV les 'Maak een plan van aanpak' (seed 001): 'zo licht als mogelijk, zo zwaar als nodig'.
    Casus 'Basisschoolleerling (11) met eerste gedragsproblemen': nothing specialist leads the
    list or the package (IAG is 'Gespecialiseerde hulp' on its NJi page)."""
    res = recommend(KK, profile_from_case(KK.by_id("cases")["casus-basisschool-vroegsignalering"]))
    need = HELP_ORDER[res.need]
    assert need < 3
    assert lightest(res.ranked[0].intervention.id) <= need
    assert lightest(res.package[0].intervention.id) <= need
    iag = next(r for r in res.ranked if r.intervention.id == "iag")
    assert any(c.kind == "niveau" and "zwaarder dan nodig" in c for c in iag.cautions)


def test_at_the_light_level_specialist_and_crisis_programmes_leave_group_one():
    """Issue 26: a 10-year-old aggressive at school, at the light level, with a parent who takes
    part: IAG, MST and Families First are not 'erkend en passend'; the package has a family part."""
    res = recommend(KK, Profile(age=10, risk_factors=(ANTI,), settings=("school",), need="hulp-positief",
                                parent=True))
    tier1 = ids(res.tier(1))
    for iid in ("iag", "mst", "families-first"):
        assert iid not in tier1
    assert all(lightest(i) - 1 <= 1 for i in tier1)
    assert any("gezin" in p.intervention.levels for p in res.package)
    assert any("ouder doet mee" in p.why for p in res.package)


def test_a_crisis_intervention_is_asked_about_and_stays_out_of_the_package():
    """NJi Families First: crisis help when out-of-home placement threatens. Casus 'criminele
    familie' (seed 003): it does not lead, and the card asks whether there is an acute crisis."""
    res = recommend(KK, profile_from_case(KK.by_id("cases")["casus-criminele-familie"]))
    assert ids(res.ranked)[0] != "families-first"
    assert "families-first" not in ids(p.rec for p in res.package)
    ff = next(r for r in res.ranked if r.intervention.id == "families-first")
    assert any(c.kind == "crisis" for c in ff.cautions)


def test_a_boys_only_programme_says_so_and_stays_out_of_the_package():
    """NJi SNAP jongensversie: for boys; the profile has no sex field, so the card asks."""
    res = recommend(KK, Profile(age=9, risk_factors=(ANTI,), parent=True))
    snap = next(r for r in res.ranked if r.intervention.id == "snap")
    assert any(c.kind == "jongen" and "alleen voor jongens" in c.lower() for c in snap.cautions)
    assert "snap" not in ids(p.rec for p in res.package)


# --- need: the offence itself ------------------------------------------------------------------


def test_a_repeat_offender_gets_programmes_against_reoffending():
    """Seed 001 les 1 (behoeftebeginsel) and NJi Topzorg (17-24, after repeated offences): a
    20-year-old repeat offender with low education and no work gets recognised programmes for
    the offence itself, first in the package; not only a work programme."""
    res = recommend(KK, Profile(age=20, offence="herhaald",
                                risk_factors=("beke-r-laag-opleidingsniveau", "beke-r-gebrek-werkgelegenheid")))
    reoffending = {
        i for i, iv in IVS.items() if iv.reoffending or iv.prevention == "na_delict" or "delict" in iv.requires
    }
    tier1 = ids(res.tier(1))
    assert "topzorg" in tier1 and set(tier1) & reoffending
    assert res.package[0].rec.for_offence and res.package[0].rec.tier == 1
    first = res.package[0].rec
    assert any(r.kind == "delict" for r in first.reasons)
    assert not res.offence_gap


def test_no_programme_against_reoffending_that_fits_is_said_honestly():
    """When the profile names an offence and no programme against reoffending fits its age, the
    Aanbeveler says so instead of staying silent (made-up catalogue: one such programme, 12-18)."""
    from support.factories import make_factor, make_intervention

    small = Kenniskaart(factors=(make_factor("f"),), interventions=(
        make_intervention("leerstraf", {"f": "bron"}, lo=12, hi=18).model_copy(update={"reoffending": True}),
        make_intervention("training", {"f": "bron"}, lo=6, hi=12)))
    young = recommend(small, Profile(age=9, offence="eerste", risk_factors=("f",)))
    assert young.offence_gap and any("geen programma tegen herhaling" in n for n in young.notices)
    assert ids(young.ranked) == ["training"]
    older = recommend(small, Profile(age=14, offence="eerste", risk_factors=("f",)))
    assert not older.offence_gap and ids(older.ranked)[0] == "leerstraf"


# --- responsivity: LVB first ---------------------------------------------------------------------


def test_with_lvb_the_lvb_programme_after_an_offence_comes_first():
    """NJi So-Cool: for young people with LVB after an offence. Issue 26: it ranked 14th of 14."""
    res = recommend(KK, Profile(age=15, offence="eerste", lvb=True, risk_factors=(ANTI,)))
    assert ids(res.ranked)[0] == "so-cool"
    lvb_first = [("lvb" in r.intervention.requires) for r in res.tier(1)]
    assert lvb_first == sorted(lvb_first, reverse=True)  # every LVB programme before every general one
    assert res.package[0].intervention.id == "so-cool"


# --- age ------------------------------------------------------------------------------------------


def test_without_an_age_nothing_is_ranked_and_the_aanbeveler_asks_for_one():
    """Issue 26: with the age unset, Incredible Years (3-7) was first and 'past bij de leeftijd'."""
    res = recommend(KK, Profile(risk_factors=(ANTI,)))
    assert res.needs_age and res.ranked == () and res.package == ()
    assert any("Vul eerst een leeftijd in" in n for n in res.notices)
    for r in res.for_organisation:  # measures stay, within the PmG ages
        iv = r.intervention
        assert (iv.max_age is None or iv.max_age >= 8) and (iv.min_age is None or iv.min_age <= 27)


def test_the_planscan_never_suggests_anything_outside_8_to_27():
    """Seed 003: PmG is for 8-27. Issue 26: the Planscan's first suggestion was Incredible Years
    (3-7), then Home-Start (0-6)."""
    coverage = planscan.scan(KK, [])
    suggested = {i for found in planscan.gap_suggestions(KK, coverage).values() for i in found}
    assert suggested
    for iid in suggested:
        iv = IVS[iid]
        assert iv.max_age is None or iv.max_age >= 8, iid
        assert iv.min_age is None or iv.min_age <= 27, iid
        assert not never_counts(iv), iid
    assert "incredible-years" not in suggested and "home-start" not in suggested


# --- the three kinds of "does not work" ----------------------------------------------------------


def test_no_evidence_is_a_caution_not_an_exclusion():
    """Seed 004 §2.3.2 (Thijs e.a.): no evidence either way for ex-offender role models, possibly
    more benefit for older at-risk youths. Credible messengers are offered, with the caution."""
    res = recommend(KK, Profile(age=17, risk_factors=(ANTI,)))
    cm = next(r for r in res.ranked if r.intervention.id == "credible-messengers")
    assert any(c.kind == "niet_aangetoond" and c.startswith("Effect niet aangetoond:") for c in cm.cautions)
    assert cm.tier == 2 and "credible-messengers" not in ids(p.rec for p in res.package)


def test_what_can_harm_or_had_no_effect_is_in_no_list_for_school_or_municipality():
    """Seed 004 §4.4 (CTC: no effect on behaviour in the Netherlands) and the NJi's 'niet erkend'
    for the Marietje Kessels Project: excluded with their kind, never 'voor school of gemeente'."""
    res = recommend(KK, Profile(age=11, settings=("school",), risk_factors=(
        "sw-gem-r-lage-buurtbinding-sociale-controle",), protective_factors=("vk-sociale-vaardigheden",)))
    org = ids(res.for_organisation)
    assert "marietje-kessels-project" not in org and "ctc" not in org
    kinds = {e.intervention.id: e.kind for e in res.excluded}
    assert kinds.get("marietje-kessels-project") == "kan_schaden"
    assert kinds.get("ctc") == "geen_effect"


def test_a_plan_of_what_harms_covers_nothing_and_says_why():
    """Issue 26: a plan of only Scared Straight and Glen Mills got a green check for antisocial
    traits, under its own red warning."""
    items = [IVS["scared-straight"], IVS["glen-mills-type"]]
    coverage = planscan.scan(KK, items)
    assert not any(c.covered for c in coverage)
    warnings = planscan.plan_warnings(KK, items)
    assert {w.kind for w in warnings} >= {"kan_schaden"}


def test_the_map_and_factoren_never_show_what_harms_as_addressing_a_factor():
    graph = kaart.build_graph(KK, [ANTI])
    drawn = {n.id for n in graph.shown("interventie")}
    assert "scared-straight" not in drawn and "glen-mills-type" not in drawn
    assert "scared-straight" not in kaart.interventions_for(KK, ANTI)


def test_a_harmful_item_on_the_shortlist_carries_its_kind_in_the_export():
    table = compare_table(KK, ["scared-straight", "ajb"], {})
    row = table.set_index("interventie").loc[IVS["scared-straight"].name]
    assert row["waarschuwingen"].startswith("Kan schaden:")
    harm = next(c for c in IVS["scared-straight"].cautions if c.kind == "kan_schaden")
    assert caution_text(harm) in row["waarschuwingen"]


# --- one verdict for every factor, on every page --------------------------------------------------


def _class(fid: str) -> set[str]:
    """The twin class from the raw ``twins`` lists (closure), written apart from the content."""
    out, todo = {fid}, [fid]
    while todo:
        for t in FACTORS[todo.pop()].twins:
            if t not in out:
                out.add(t)
                todo.append(t)
    return out


def _addresses(fid: str) -> set[str]:
    cls = _class(fid)
    return {iv.id for iv in KK.interventions if {link.factor for link in iv.factors} & cls and not never_counts(iv)}


ALL_ITEMS = list(KK.interventions)
PLAN_ROWS = {c.id: c for c in planscan.scan(KK, ALL_ITEMS) if c.group in planscan.GROUPS}


@pytest.mark.parametrize("fid", [f.id for f in KK.factors if f.nature == "dynamisch"])
def test_every_view_gives_the_same_interventions_for_a_factor_and_its_twins(fid):
    expected = _addresses(fid)
    names = {IVS[i].name for i in expected}
    # the map (Factoren and the Aanbeveler's map)
    graph = kaart.build_graph(KK, [fid])
    assert {n.id for n in graph.shown("interventie")} == expected
    assert set(kaart.interventions_for(KK, fid)) == expected
    # the Planscan with the whole catalogue as the plan: the row of this factor's class
    row = next((c for c in PLAN_ROWS.values() if fid in c.factor_ids), None)
    if row is not None:
        assert set(row.covered_by) == names
    # the Aanbeveler at 15: what it offers for the factor through a direct link is a subset, and
    # everything else it names falls out for a reason of the profile (age, target group, admission)
    res = recommend(KK, Profile(age=15, risk_factors=(fid,)) if FACTORS[fid].kind == "risico"
                    else Profile(age=15, protective_factors=(fid,)))
    cls = _class(fid)
    direct = {r.intervention.id for r in (*res.ranked, *res.for_organisation)
              if {link.factor for link in r.intervention.factors} & cls}
    assert direct <= expected
    considered = direct | {e.intervention.id for e in res.excluded}
    assert expected <= considered, expected - considered


def test_the_chained_factor_is_one_verdict_in_the_aanbeveler_and_the_planscan():
    """Issue 26: the Planscan treated 'Geïntroduceerd worden door een lid…' and 'Banden met
    vrienden en kennissen…' as one factor, the Aanbeveler covered one and reported the other as
    a gap. They are related (verwant), not twins: each has its own verdict, the same everywhere."""
    a, b = "beke-r-geintroduceerd-door-lid", "beke-r-banden-vrienden-kennissen"
    assert b not in _class(a)
    rows = [c for c in PLAN_ROWS.values() if a in c.factor_ids]
    assert rows and all(b not in c.factor_ids for c in rows)
    assert set(rows[0].covered_by) == {IVS[i].name for i in _addresses(a)}


# --- property: nothing outside its target group, nothing harmful as coverage ---------------------

_DYNAMIC = sorted(f.id for f in KK.factors if f.nature == "dynamisch")


@settings(max_examples=250, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(
    age=hst.integers(8, 27),
    fids=hst.lists(hst.sampled_from(_DYNAMIC), min_size=1, max_size=5, unique=True),
    offence=hst.sampled_from(["geen", "eerste", "herhaald"]),
    lvb=hst.sampled_from([None, True, False]),
    parent=hst.sampled_from([None, True, False]),
    need=hst.sampled_from([None, "hulp-positief", "hulp-intensief", "hulp-specialistisch"]),
)
def test_nothing_ranked_or_packaged_outside_its_target_group(age, fids, offence, lvb, parent, need):
    """Computed from the raw fields: the age range, the prevention level and purpose, the
    conditions (offence, LVB, parent), and what harms. With an explicit offence answer only, so the
    expectation needs no list of offence factors."""
    profile = Profile(age=age, offence=offence, lvb=lvb, parent=parent, need=need,
                      risk_factors=tuple(f for f in fids if FACTORS[f].kind == "risico"),
                      protective_factors=tuple(f for f in fids if FACTORS[f].kind == "beschermend"))
    res = recommend(KK, profile)
    offended = offence != "geen"
    for r in res.ranked:
        iv = r.intervention
        assert iv.prevention != "universeel" and iv.purpose in ("jeugdinterventie", "aanpak"), iv.id
        assert (iv.min_age is None or iv.min_age <= age) and (iv.max_age is None or age <= iv.max_age), iv.id
        assert offended or (iv.prevention != "na_delict" and "delict" not in iv.requires), iv.id
        assert "lvb" not in iv.requires or lvb is True, iv.id
        assert "geen_lvb" not in iv.requires or lvb is not True, iv.id
        assert "ouder" not in iv.requires or parent is not False, iv.id
        assert not never_counts(iv), iv.id
        if r.tier == 1:
            levels = [HELP_ORDER[h] for h in iv.help_levels]
            needed = HELP_ORDER.get(res.need)
            assert needed is None or not levels or min(abs(needed - lv) for lv in levels) < 2, iv.id
    for p in res.package:
        iv = p.intervention
        assert not any(c.kind in (*NEVER_COUNTS, "niet_aangetoond", "voorlichting") for c in iv.cautions), iv.id
        assert "jongen" not in iv.requires and "crisis" not in iv.requires, iv.id
    for r in res.for_organisation:
        assert not never_counts(r.intervention), r.intervention.id
    if lvb is True:  # responsivity: within a group, every LVB programme before every general one
        for tier in (1, 2):
            flags = ["lvb" in r.intervention.requires for r in res.tier(tier)]
            assert flags == sorted(flags, reverse=True)


@settings(max_examples=100, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(plan=hst.lists(hst.sampled_from(sorted(IVS)), min_size=1, max_size=8, unique=True))
def test_what_harms_or_had_no_effect_never_counts_as_coverage_in_a_plan(plan):
    items = [IVS[i] for i in plan]
    counting = {IVS[i].name for i in plan if not never_counts(IVS[i])}
    for c in planscan.scan(KK, items):
        assert set(c.covered_by) <= counting


# --- the rules on a made-up catalogue: each fails when its rule alone is removed ------------------


def _small(*interventions):
    from support.factories import HELP, make_factor

    return Kenniskaart(factors=(make_factor("f"),), interventions=tuple(interventions), help_levels=HELP)


def test_a_lighter_programme_leads_over_a_heavier_one_with_a_stronger_link():
    """Zo licht als mogelijk: one step heavier than needed costs as much as a sourced link to a
    well-founded factor gains, so the light programme with a derived link comes first."""
    from support.factories import make_intervention

    heavy = make_intervention(
        "a-zwaar", {"f": "bron"}, lo=8, hi=18, rec="goed onderbouwd", help_levels=["hulp-intensief"]
    )
    light = make_intervention(
        "b-licht", {"f": "team"}, lo=8, hi=18, rec="goed onderbouwd", help_levels=["hulp-positief"]
    )
    res = recommend(_small(heavy, light), Profile(age=12, risk_factors=("f",), need="hulp-positief"))
    assert ids(res.ranked) == ["b-licht", "a-zwaar"]
    assert ids(p.rec for p in res.package) == ["b-licht"]


@pytest.mark.parametrize("condition", ["jongen", "crisis"])
def test_a_condition_the_profile_cannot_confirm_keeps_a_programme_out_of_the_package(condition):
    from support.factories import make_intervention

    only = make_intervention("alleen", {"f": "bron"}, lo=8, hi=18, rec="goed onderbouwd", requires=[condition])
    res = recommend(_small(only), Profile(age=12, risk_factors=("f",)))
    assert ids(res.ranked) == ["alleen"] and res.package == ()
    assert any(c.kind == condition for c in res.ranked[0].cautions)
