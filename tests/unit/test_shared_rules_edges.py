"""The shared rules (``kenniskaart.rules``) at their edges, on made-up items: the age limits
(both ends count), the PmG ages 8 to 27, the strongest 'does not work' caution, what is for one
young person, and the recognised options for a factor. Every expectation is written out by hand."""

from __future__ import annotations

import pytest

from kenniskaart.models import Caution, Recognition
from kenniskaart.rules import (
    addressing,
    age_fits,
    age_in_range,
    effective_recognition,
    for_young_person,
    harms_first,
    in_pmg_ages,
    not_addressing,
    not_working,
    organisation_reason,
    recognised_options,
)
from support.factories import SRC, kaart, make_factor, make_intervention


def _caution(kind: str) -> Caution:
    return Caution(kind=kind, text=f"tekst {kind}", sources=SRC)


# --- 'does not work' ----------------------------------------------------------------------------


def test_the_strongest_does_not_work_caution_is_harm_then_no_effect_then_not_shown():
    kinds = ["toelating", "niet_aangetoond", "geen_effect"]
    item = make_intervention("x", cautions=[_caution(k) for k in kinds])
    assert not_working(item).kind == "geen_effect"
    item = make_intervention("y", cautions=[_caution("niet_aangetoond"), _caution("kan_schaden")])
    assert not_working(item).kind == "kan_schaden"
    assert not_working(make_intervention("z", cautions=[_caution("toelating")])) is None


def test_harms_come_first_then_the_kwaliteitskader_warnings_then_the_rest_in_their_order():
    kinds = ["toelating", "groepsinterventie", "erkenning", "voorlichting", "niet_aangetoond", "kan_schaden"]
    assert [c.kind for c in harms_first(_caution(k) for k in kinds)] == [
        "kan_schaden", "niet_aangetoond", "voorlichting", "groepsinterventie", "toelating", "erkenning"]


# --- for one young person or for a school or the municipality -----------------------------------


@pytest.mark.parametrize(("purpose", "prevention", "young"), [
    ("jeugdinterventie", "selectief", True),
    ("aanpak", "geindiceerd", True),
    ("aanpak", "universeel", False),
    ("maatregel", "selectief", False),
    ("training", "selectief", False),
])
def test_what_is_for_one_young_person(purpose, prevention, young):
    assert for_young_person(make_intervention("x", purpose=purpose, prevention=prevention)) is young


def test_why_an_item_is_for_a_school_or_the_municipality():
    assert organisation_reason(make_intervention("x", purpose="maatregel")) == (
        "een maatregel of planningsmethode voor de gemeente, geen interventie voor een jongere")
    assert organisation_reason(make_intervention("y", prevention="universeel")) == (
        "een universeel programma voor een hele klas, school of wijk, niet voor één jongere")
    assert organisation_reason(make_intervention("z", prevention="selectief")) == ""


# --- ages ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("lo", "hi", "age", "fits"), [
    (12, 18, 12, True), (12, 18, 18, True), (12, 18, 11, False), (12, 18, 19, False),
    (12, None, 12, True), (12, None, 99, True), (12, None, 11, False),
    (None, 18, 0, True), (None, 18, 18, True), (None, 18, 19, False),
    (None, None, 15, None),
])
def test_an_age_range_includes_both_ends_and_an_open_side_has_no_limit(lo, hi, age, fits):
    assert age_in_range(lo, hi, age) is fits
    assert age_fits(make_intervention("x", lo=lo, hi=hi), age) is fits


@pytest.mark.parametrize(("lo", "hi", "inside"), [
    (27, 30, True), (28, 30, False), (4, 8, True), (4, 7, False), (None, None, True), (None, 7, False),
    (28, None, False), (10, 14, True),
])
def test_an_age_range_reaches_the_pmg_ages_8_to_27_when_it_touches_them(lo, hi, inside):
    assert in_pmg_ages(make_intervention("x", lo=lo, hi=hi)) is inside


# --- recognition for the outcome that matters ---------------------------------------------------

STRONG = "effectief volgens sterke aanwijzingen"
FIRST = "effectief volgens eerste aanwijzingen"


def _rec(level: str, outcome: str | None = None, factors=()) -> Recognition:
    return Recognition(level=level, outcome=outcome, outcome_factors=list(factors), sources=SRC)


def test_of_two_equal_ratings_for_a_chosen_outcome_the_first_counts():
    main = _rec("niet beoordeeld")
    item = make_intervention("x", rec=main, other_recognitions=[
        _rec(FIRST, "delinquentie", ["f"]), _rec(FIRST, "middelengebruik", ["f"]), _rec(STRONG, "school", ["g"])])
    assert effective_recognition(item, {"f"}).outcome == "delinquentie"
    assert effective_recognition(item, {"f", "g"}).outcome == "school"
    assert effective_recognition(item, {"h"}) is main


# --- which interventions address a factor -------------------------------------------------------


def test_what_harms_is_not_addressing_a_factor_but_listed_apart():
    good = make_intervention("goed", ["f"])
    harm = make_intervention("schadelijk", ["f"], cautions=[_caution("kan_schaden")])
    none = make_intervention("geen-effect", ["f"], cautions=[_caution("geen_effect")])
    kk = kaart([make_factor("f")], [good, harm, none])
    assert [iv.id for iv in addressing(kk, "f")] == ["goed"]
    assert [iv.id for iv in not_addressing(kk, "f")] == ["schadelijk", "geen-effect"]


def test_recognised_options_use_the_rating_for_the_factor_or_its_twin_sorted_by_name():
    # 'b' is recognised only for the outcome that is the twin 'g' of 'f'; its main rating is not
    b = make_intervention("b", ["f"], name="beta", rec=_rec("niet beoordeeld"),
                          other_recognitions=[_rec(FIRST, "x", ["g"])])
    a = make_intervention("a", ["f"], name="Alfa", rec=FIRST)
    unrated = make_intervention("c", ["f"], name="Gamma", rec=_rec("niet beoordeeld"))
    universal = make_intervention("d", ["f"], name="Delta", rec=FIRST, prevention="universeel")
    kk = kaart([make_factor("f", twins=["g"]), make_factor("g", framework="samen_weerbaar", twins=["f"])],
               [b, unrated, universal, a])
    assert [iv.id for iv in recognised_options(kk, "f")] == ["a", "b"]
