"""Tier and fit score of one candidate: links to the chosen factors (directly, through a twin or a
mirror), age, level of help, setting, recognition, the offence and the conditions."""

from __future__ import annotations

from functools import partial
from typing import cast

from ..content import Kenniskaart
from ..models import Factor, FactorLink, Intervention
from ..rules import NEVER_COUNTS, age_fits, effective_recognition, is_recognised, not_working, organisation_reason
from ..texts import age_range
from ..vocabulary import RECOGNITION_ORDER
from .explain import explain
from .profile import Profile
from .result import Exclusion, ExclusionKind, Recommendation, Via
from .rules import (
    RULES,
    WEIGHTS,
    _doelgroep_rules_out,
    addresses_offence,
    eligibility,
    help_diff,
    unconfirmed,
)


def reach_of(kk: Kenniskaart, wanted: dict[str, Factor]) -> dict[str, tuple[tuple[str, Via], ...]]:
    """For every factor id a link may name: the selected factors it reaches, and how (the factor
    itself, a twin in another framework, or a mirror: the opposite factor of the other kind)."""
    reach: dict[str, list[tuple[str, Via]]] = {}
    for fid in wanted:
        for t in kk.twin_ids(fid):
            reach.setdefault(t, []).append((fid, "zelf" if t == fid else "tweeling"))
        for m in kk.mirror_ids(fid):
            reach.setdefault(m, []).append((fid, "spiegel"))
    return {k: tuple(v) for k, v in reach.items()}


def _link_weight(link: FactorLink, via: Via) -> float:
    return WEIGHTS["basis"][link.basis] * (WEIGHTS["mirror"] if via == "spiegel" else 1.0)


def _best_links(iv: Intervention, reach: dict[str, tuple[tuple[str, Via], ...]]) -> dict[str, tuple[FactorLink, Via]]:
    """Per selected factor id: the strongest link of ``iv`` to it, a twin or a mirror. A mirror
    counts only when a source says the intervention builds it (``bron``): a theme-level or derived
    link to the opposite factor is one inference too many."""
    best: dict[str, tuple[FactorLink, Via]] = {}
    for link in iv.factors:
        for fid, via in reach.get(link.factor, ()):
            if via == "spiegel" and link.basis != "bron":
                continue
            cur = best.get(fid)
            if cur is None or _link_weight(link, via) > _link_weight(*cur):
                best[fid] = (link, via)
    return best


def evaluate(
    kk: Kenniskaart, iv: Intervention, profile: Profile, dynamic: dict[str, Factor], need: str | None,
    reach: dict[str, tuple[tuple[str, Via], ...]], orders: dict[str, int], selected_ids: frozenset[str],
    offence: bool = False,
) -> Recommendation | Exclusion | None:
    """Tier and score (cheap, for every candidate); the words are built only when read."""
    links = _best_links(iv, reach)
    for_offence = offence and addresses_offence(iv)
    if not links and not for_offence:
        return None
    fit = None if profile.age is None else age_fits(iv, profile.age)
    organisation = organisation_reason(iv)
    harm = not_working(iv)
    if organisation and harm is not None and harm.kind in NEVER_COUNTS:
        # never in the list for school or municipality either (Marietje Kessels, CTC on behaviour)
        return Exclusion(iv, eligibility(iv, profile)[1], cast(ExclusionKind, harm.kind))  # type: ignore[index]
    # measures, instruments and trainings are for the organisation at any age; a universal
    # programme still has the age group of its class or school
    if fit is False and (not organisation or iv.prevention == "universeel"):
        return Exclusion(iv, f"leeftijd {profile.age} valt buiten {age_range(iv)}", "leeftijd")
    if not organisation:
        ruled_out = [c for c in iv.cautions if _doelgroep_rules_out(c, profile.age)]
        if ruled_out:
            return Exclusion(iv, f"doelgroep sluit leeftijd {profile.age} uit: {ruled_out[0].text}", "doelgroep")
        barred = eligibility(iv, profile)
        if barred is not None:
            return Exclusion(iv, barred[1], barred[0])

    rec = effective_recognition(iv, selected_ids)
    ev = WEIGHTS["evidence"]
    score = 0.0
    for fid, (link, via) in links.items():
        score += ev[dynamic[fid].evidence] * _link_weight(link, via)
    if fit is None and profile.age is not None:
        score += WEIGHTS["age_unknown"]
    diff = help_diff(orders, iv, need)
    if diff is not None:
        score += WEIGHTS["help_level"][diff]
    if for_offence:
        score += WEIGHTS["offence"]
    score += WEIGHTS["unconfirmed"] * len(unconfirmed(iv, profile))
    if profile.settings and any(s in profile.settings for s in iv.settings):
        score += WEIGHTS["setting"]
    if rec is not None:
        score += WEIGHTS["recognition_step"] * RECOGNITION_ORDER[rec.level]
    for c in iv.cautions:
        if c.kind in RULES["harm_kinds"]:
            score += WEIGHTS["harm"]

    recognised = is_recognised(rec)
    if organisation:
        tier = 0
    elif recognised and fit is True and diff != 2:
        tier = 1
    else:
        tier = 2
    factors = tuple(dynamic[fid] for fid in links)
    lvb_adapted = profile.lvb is True and "lvb" in iv.requires
    return Recommendation(iv, tier, score, factors,
                          partial(explain, kk, iv, profile, dynamic, need, links, fit, tier, rec, for_offence),
                          rec, diff, for_offence, lvb_adapted)
