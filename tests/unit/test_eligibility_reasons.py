"""Who may get what (responsivity), on made-up interventions: the reason an intervention is ruled
out, word for word as the advisor reads it, the conditions the card still asks about, who counts
as having offended, and the distance in levels of help. Every expectation is written out by hand."""

from __future__ import annotations

import pytest

from kenniskaart.aanbeveler import Profile, eligibility, has_offence, recommend, unconfirmed
from kenniskaart.aanbeveler.rules import help_diff
from kenniskaart.models import Caution
from support.factories import ERKEND, SRC, factor, iv, kaart, make_intervention


def _iv(**fields):
    return make_intervention("x", **fields)


def test_harm_and_no_effect_are_ruled_out_with_the_sources_words():
    harm = _iv(cautions=[Caution(kind="kan_schaden", text="meer delicten dan zonder", sources=SRC)])
    none = _iv(cautions=[Caution(kind="geen_effect", text="geen verschil gemeten", sources=SRC)])
    assert eligibility(harm, Profile()) == ("kan_schaden", "een bron meldt schade: meer delicten dan zonder")
    assert eligibility(none, Profile()) == ("geen_effect", "onderzoek vond geen effect: geen verschil gemeten")
    unshown = _iv(cautions=[Caution(kind="niet_aangetoond", text="niet aangetoond", sources=SRC)])
    assert eligibility(unshown, Profile()) is None  # lowers the score, rules nothing out


def test_only_after_an_offence_says_what_the_profile_said():
    after = _iv(prevention="na_delict")
    assert eligibility(after, Profile(offence="geen")) == (
        "doelgroep", "alleen na een delict (justitieel kader), en het profiel zegt: geen delict")
    assert eligibility(after, Profile()) == (
        "doelgroep", "alleen na een delict (justitieel kader); het profiel noemt geen delict "
                     "(kies bij 'Delict' eerste of herhaald als dat zo is)")
    assert eligibility(after, Profile(offence="eerste")) is None
    assert eligibility(_iv(requires=["delict"]), Profile(offence="herhaald")) is None


def test_lvb_conditions_say_what_the_profile_said():
    lvb = _iv(requires=["lvb"])
    head = "alleen voor jongeren met een licht verstandelijke beperking (IQ ongeveer 50-85); "
    assert eligibility(lvb, Profile(lvb=False)) == ("toelating", head + "het profiel zegt: geen LVB")
    assert eligibility(lvb, Profile()) == (
        "toelating", head + "het profiel noemt geen LVB (kies bij 'LVB' ja als dat zo is)")
    assert eligibility(lvb, Profile(lvb=True)) is None
    assert eligibility(_iv(requires=["geen_lvb"]), Profile(lvb=True)) == (
        "toelating", "niet voor jongeren met een licht verstandelijke beperking, en het profiel noemt een LVB")
    assert eligibility(_iv(requires=["geen_lvb"]), Profile()) is None


def test_a_parent_who_takes_part_is_asked_for_only_when_the_profile_says_none():
    family = _iv(requires=["ouder"])
    assert eligibility(family, Profile(parent=False)) == (
        "toelating", "vraagt een ouder of verzorger die meedoet, en het profiel zegt dat die er niet is")
    assert eligibility(family, Profile()) is None
    assert unconfirmed(family, Profile()) == ("ouder",)
    assert unconfirmed(family, Profile(parent=True)) == ()


def test_the_card_asks_about_boys_only_and_a_crisis_after_the_parent():
    item = _iv(requires=["crisis", "lvb", "jongen", "ouder"])
    assert unconfirmed(item, Profile(lvb=True)) == ("ouder", "crisis", "jongen")
    assert unconfirmed(item, Profile(lvb=True, parent=True)) == ("crisis", "jongen")


@pytest.mark.parametrize(("offence", "risks", "offended"), [
    ("eerste", (), True), ("herhaald", (), True), ("geen", ("beke-r-criminele-achtergrond",), False),
    (None, ("beke-r-criminele-achtergrond",), True), (None, ("beke-r-man-zijn",), False), (None, (), False),
])
def test_who_counts_as_having_offended(offence, risks, offended):
    assert has_offence(Profile(offence=offence, risk_factors=risks)) is offended


ORDERS = {"hulp-positief": 1, "hulp-intensief": 2, "hulp-specialistisch": 3}


@pytest.mark.parametrize(("levels", "need", "diff"), [
    (["hulp-positief"], "hulp-positief", 0),
    (["hulp-positief"], "hulp-intensief", 1),
    (["hulp-positief"], "hulp-specialistisch", 2),
    (["hulp-specialistisch"], "hulp-positief", 2),
    (["hulp-positief", "hulp-specialistisch"], "hulp-intensief", 1),
    (["hulp-onbekend", "hulp-intensief"], "hulp-positief", 1),
    ([], "hulp-positief", None),
    (["hulp-onbekend"], "hulp-positief", None),
    (["hulp-positief"], None, None),
    (["hulp-positief"], "hulp-onbekend", None),
])
def test_the_distance_to_the_needed_level_of_help_is_the_nearest_at_most_two(levels, need, diff):
    assert help_diff(ORDERS, _iv(help_levels=levels), need) == diff


def test_a_target_group_caution_rules_out_the_ages_outside_its_range_at_both_ends():
    narrow = Caution(kind="doelgroep", text="alleen 12 tot en met 16 jaar", min_age=12, max_age=16, sources=SRC)
    kk = kaart([factor("f")], [iv("x", {"f": "bron"}, lo=8, hi=20, rec=ERKEND, cautions=[narrow])])
    for age, kept in ((11, False), (12, True), (16, True), (17, False)):
        res = recommend(kk, Profile(age=age, risk_factors=("f",)))
        assert ([r.intervention.id for r in res.ranked] == ["x"]) is kept, age
        assert ([e.kind for e in res.excluded] == ["doelgroep"]) is not kept, age
