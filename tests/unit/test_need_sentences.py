"""The level of help the Aanbeveler proposes and the one sentence that says why (risk
principle), on made-up factors: the counts at their edges and the sentence word for word, as the
advisor reads it. Every expectation is written out by hand."""

from __future__ import annotations

import pytest

from kenniskaart.aanbeveler import Profile, suggest_need
from kenniskaart.content import Kenniskaart
from support.factories import factor, kaart

WHY = "(gefundeerd of statistisch robuust)"
CRIMINAL = "beke-r-criminele-achtergrond"


def _kk():
    return kaart([
        factor("g1"), factor("g2"), factor("r1", evidence="robuust"),
        factor("p1", evidence="plausibel"), factor("p2", evidence="plausibel"), factor("p3", evidence="plausibel"),
        factor("man", nature="statisch"), factor("oud", nature="statisch"), factor("arm", nature="statisch"),
        factor("los", nature="statisch"),
        factor("baan", nature="geen_doel"), factor("steun", kind="beschermend"),
        factor(CRIMINAL, name="Een criminele achtergrond", nature="statisch"),
        factor("beke-r-meer-veroordelingen", name="Meer veroordelingen", nature="statisch"),
        factor("beke-r-ernstigere-delicten", name="Ernstigere delicten", nature="statisch"),
        factor("beke-r-meer-soorten-delicten", name="Meer soorten delicten", nature="statisch"),
    ], [])


def _need(**profile):
    return suggest_need(_kk(), Profile(**profile))


def test_without_risk_factors_no_level_is_proposed():
    expected = (None, "Geen risicofactoren gekozen die het niveau van hulp bepalen: geen niveau voorgesteld.")
    assert _need() == expected
    assert _need(risk_factors=("baan",), protective_factors=("steun",)) == expected  # never count


@pytest.mark.parametrize(("risks", "level", "counts"), [
    (("g1",), "positieve ondersteuning", "1 dynamische risicofactor heeft, waarvan 1"),
    (("g1", "p1"), "positieve ondersteuning", "2 dynamische risicofactoren heeft, waarvan 1"),
    (("p1", "p2"), "positieve ondersteuning", "2 dynamische risicofactoren heeft, waarvan 0"),
    (("g1", "r1"), "intensief", "2 dynamische risicofactoren heeft, waarvan 2"),
    (("p1", "p2", "p3"), "intensief", "3 dynamische risicofactoren heeft, waarvan 0"),
])
def test_three_dynamic_factors_or_two_strong_ones_mean_intensive_help(risks, level, counts):
    hid = "hulp-positief" if level.startswith("positieve") else "hulp-intensief"
    why = f"Voorgesteld: {level}, omdat het profiel {counts} sterk onderbouwd {WHY}."
    assert _need(risk_factors=risks) == (hid, why)


def test_one_static_factor_raises_the_level_one_step_and_is_named():
    assert _need(risk_factors=("g1", "man")) == (
        "hulp-intensief", "Voorgesteld: intensief, omdat het profiel 1 dynamische risicofactor heeft, waarvan 1 "
        f"sterk onderbouwd {WHY} en de statische factor 'MAN' het risico verhoogt.")


def test_several_static_factors_are_named_up_to_three():
    assert _need(risk_factors=("p1", "man", "oud", "arm", "los")) == (
        "hulp-intensief", "Voorgesteld: intensief, omdat het profiel 1 dynamische risicofactor heeft, waarvan 0 "
        f"sterk onderbouwd {WHY} en de statische factoren 'MAN', 'OUD', 'ARM' het risico verhogen.")


def test_static_factors_on_top_of_intensive_help_are_named_but_raise_nothing():
    assert _need(risk_factors=("g1", "g2", "man", "oud", "arm", "los")) == (
        "hulp-intensief", "Voorgesteld: intensief, omdat het profiel 2 dynamische risicofactoren heeft, waarvan 2 "
        f"sterk onderbouwd {WHY} en statische factoren: 'MAN', 'OUD', 'ARM'.")


def test_a_first_offence_alone_means_intensive_help():
    assert _need(offence="eerste") == (
        "hulp-intensief", "Voorgesteld: intensief, omdat het profiel 0 dynamische risicofactoren heeft, waarvan 0 "
        f"sterk onderbouwd {WHY} en de statische factor 'eerste delict' het risico verhoogt.")


def test_offending_history_or_a_repeated_offence_means_a_specialist_approach():
    why = ("Voorgesteld: specialistisch, omdat het profiel wijst op eigen criminaliteit of een criminele omgeving "
           "die al dichtbij is")
    assert _need(risk_factors=("g1", CRIMINAL)) == ("hulp-specialistisch", f"{why} (Een criminele achtergrond).")
    assert _need(offence="herhaald") == ("hulp-specialistisch", f"{why} (herhaald delict).")
    four = (CRIMINAL, "beke-r-meer-veroordelingen", "beke-r-ernstigere-delicten", "beke-r-meer-soorten-delicten")
    assert _need(risk_factors=four, offence="herhaald") == (
        "hulp-specialistisch",
        f"{why} (Een criminele achtergrond, Meer veroordelingen, Ernstigere delicten, herhaald delict).")


def test_without_help_levels_in_the_content_the_level_id_is_shown():
    kk = Kenniskaart(factors=(factor("g1"),), interventions=())
    assert suggest_need(kk, Profile(risk_factors=("g1",))) == (
        "hulp-positief", "Voorgesteld: hulp-positief, omdat het profiel 1 dynamische risicofactor heeft, waarvan 1 "
        f"sterk onderbouwd {WHY}.")


def test_two_static_factors_already_take_the_plural():
    assert _need(risk_factors=("p1", "man", "oud")) == (
        "hulp-intensief", "Voorgesteld: intensief, omdat het profiel 1 dynamische risicofactor heeft, waarvan 0 "
        f"sterk onderbouwd {WHY} en de statische factoren 'MAN', 'OUD' het risico verhogen.")
