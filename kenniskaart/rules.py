"""The shared rules every page uses (no Streamlit): what counts as recognised, the three kinds of
"does not work" and what never counts as coverage, the age tests, what is for one young person
and what for a school or the municipality, and which interventions address a factor.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from .models import PMG_AGES, Caution, Intervention, Recognition
from .vocabulary import NOT_WORKING_KINDS, PURPOSE_LABELS, RECOGNISED_LEVELS, RECOGNITION_ORDER

NEVER_COUNTS = frozenset({"kan_schaden", "geen_effect"})
"""'Kan schaden' and 'geen effect': never recommended, never coverage, never 'aangepakt' on the
map, never in an organisation list. The one harm rule every page uses (``does_not_work``)."""

KWALITEITSKADER_KINDS = frozenset({"voorlichting", "groepsinterventie"})
"""The Landelijk Kwaliteitskader's two warnings: about how an approach is delivered."""

HARM_KINDS = frozenset(NOT_WORKING_KINDS) | KWALITEITSKADER_KINDS
"""Caution kinds shown in the 'does not work or may harm' block of a card, strongest first."""

HARM_ORDER: dict[str, int] = {k: i for i, k in enumerate((*NOT_WORKING_KINDS, "voorlichting", "groepsinterventie"))}


class HasCautions(Protocol):
    @property
    def cautions(self) -> Sequence[Caution]: ...


def is_recognised(rec: Recognition | None) -> bool:
    """Recognised ('erkend'): the one test, on a recognition statement (the main one or the one
    for the outcome that matters, ``effective_recognition``)."""
    return rec is not None and rec.level in RECOGNISED_LEVELS


def not_working(item: HasCautions) -> Caution | None:
    """The strongest 'does not work' caution of an intervention, example or tip, or None."""
    found = [c for c in item.cautions if c.kind in NOT_WORKING_KINDS]
    return min(found, key=lambda c: HARM_ORDER[c.kind]) if found else None


def does_not_work(item: HasCautions) -> bool:
    """A source reports harm or a trial found no effect: never recommended, never coverage."""
    return any(c.kind in NEVER_COUNTS for c in item.cautions)


def counts_as_coverage(item: HasCautions) -> bool:
    """Whether an item in a plan, on the map or in a list may count as addressing its factors."""
    return not does_not_work(item)


def harms_first(cautions: Iterable[Caution]) -> list[Caution]:
    """Cautions with the 'does not work' kinds and the Kwaliteitskader warnings first."""
    return sorted(cautions, key=lambda c: HARM_ORDER.get(c.kind, len(HARM_ORDER)))


def for_young_person(iv: Intervention) -> bool:
    """Whether the item can be recommended for one young person: not a measure for the
    municipality, an instrument or a training, and not a universal programme for a whole class,
    school or neighbourhood (those are 'voor school of gemeente')."""
    return iv.purpose in ("jeugdinterventie", "aanpak") and iv.prevention != "universeel"


def age_in_range(lo: int | None, hi: int | None, age: int) -> bool | None:
    """Whether ``age`` lies in an open-ended range (None: no limit on that side); None when the
    range is unknown on both sides. The one age test (interventions and 'doelgroep' cautions)."""
    if lo is None and hi is None:
        return None
    return (lo is None or lo <= age) and (hi is None or age <= hi)


def age_fits(iv: Intervention, age: int) -> bool | None:
    """True/False whether ``age`` is in the intervention's range; None when the range is unknown."""
    return age_in_range(iv.min_age, iv.max_age, age)


def in_pmg_ages(iv: Intervention) -> bool:
    """Whether an intervention's age range reaches into the PmG ages (8-27, ``models.PMG_AGES``);
    an unknown range is not outside. What is suggested without a known age must pass this."""
    lo, hi = PMG_AGES
    return (iv.min_age is None or iv.min_age <= hi) and (iv.max_age is None or iv.max_age >= lo)


def organisation_reason(iv: Intervention) -> str:
    """Why an item is for a school or the municipality, not for one young person ('' if it is)."""
    if iv.purpose in ("maatregel", "instrument", "training"):
        return f"een {PURPOSE_LABELS[iv.purpose]}, geen interventie voor een jongere"
    if iv.prevention == "universeel":
        return "een universeel programma voor een hele klas, school of wijk, niet voor één jongere"
    return ""


def effective_recognition(iv: Intervention, factor_ids: frozenset[str] | set[str]) -> Recognition | None:
    """The rating for the outcome that matters: a rating tied to outcome factors among
    ``factor_ids`` (the best such; MDFT for drug use: its rating for substance use), else the
    main recognition."""
    best = None
    for rec in (iv.recognition, *iv.other_recognitions):
        if (rec is not None and rec.outcome_factors and factor_ids.intersection(rec.outcome_factors)
                and (best is None or RECOGNITION_ORDER[rec.level] > RECOGNITION_ORDER[best.level])):
            best = rec
    return best or iv.recognition


def addressing(kk, factor_id: str) -> tuple[Intervention, ...]:
    """Interventions that address a factor or its twin class and count as coverage: what the map,
    Factoren, the Planscan and the Aanbeveler all mean by 'pakt aan'. What can harm or had no
    effect is listed apart (``not_addressing``), always with its kind."""
    return tuple(iv for iv in kk.interventions_for_factor(factor_id) if counts_as_coverage(iv))


def not_addressing(kk, factor_id: str) -> tuple[Intervention, ...]:
    """Interventions linked to a factor that can harm or had no effect: never 'pakt aan'."""
    return tuple(iv for iv in kk.interventions_for_factor(factor_id) if does_not_work(iv))


def recognised_options(kk, factor_id: str) -> tuple[Intervention, ...]:
    """Recognised interventions for one young person that address a factor (or its twin), at any
    age: what the Aanbeveler can put in group 1 for it. Universal programmes, municipal measures,
    instruments, trainings and what does not work are not options for a young person."""
    twins = kk.twin_ids(factor_id)
    out = []
    for iv in addressing(kk, factor_id):
        rec = effective_recognition(iv, twins)
        if for_young_person(iv) and is_recognised(rec):
            out.append(iv)
    return tuple(sorted(out, key=lambda iv: iv.name.casefold()))
