"""From a profile to the whole advice: candidates, tiers, package, gaps and notices."""

from __future__ import annotations

from ..content import Kenniskaart
from ..models import Intervention
from ..rules import NEVER_COUNTS, in_pmg_ages
from .explain import AGE_FIRST
from .need import level_name, suggest_need
from .package import build_package
from .profile import Profile, selected_factors
from .result import Exclusion, Gap, Recommendation, Result, rank_key
from .rules import OFFENCE_FACTORS, addresses_offence, has_offence, help_orders
from .scoring import evaluate, reach_of


def recommend(kk: Kenniskaart, profile: Profile) -> Result:
    """Tier, explain, package and find gaps for a profile. Never raises on valid profiles.

    Without an age nothing is ranked: the Aanbeveler asks for an age first (``needs_age``)."""
    notices: list[str] = []
    chosen = selected_factors(kk, profile)
    dynamic = {f.id: f for f in chosen if f.nature == "dynamisch"}
    static = tuple(f for f in chosen if f.nature == "statisch")
    no_target = tuple(f for f in chosen if f.nature == "geen_doel")
    unknown = [f for f in (*profile.risk_factors, *profile.protective_factors) if f not in kk.by_id("factors")]
    if unknown:
        notices.append(f"Onbekende factoren genegeerd: {', '.join(unknown)}.")
    offence = has_offence(profile)
    if chosen and not dynamic and not offence:
        notices.append(
            "Geen dynamische factor gekozen: statische factoren bepalen hoe zwaar de hulp moet zijn, maar geen "
            "interventie pakt ze aan. Kies ook dynamische factoren (wat te veranderen is)."
        )
    if no_target:
        notices.append(
            "Geen doel van een interventie en geen risicomarkering, dus zonder invloed op het niveau van hulp: "
            + ", ".join(f.name for f in no_target) + "."
        )
    if profile.offence == "geen" and any(f in OFFENCE_FACTORS for f in profile.risk_factors):
        notices.append("Het profiel zegt 'geen delict' maar noemt ook een strafrechtelijk verleden; de aanbeveler "
                       "volgt 'geen delict'.")
    need = profile.need if profile.need in kk.by_id("help_levels") else None
    if profile.need is not None and need is None:
        notices.append(f"Onbekend niveau van hulp genegeerd: {profile.need}.")
    if need is None:
        need, need_reason = suggest_need(kk, profile)
        if need not in kk.by_id("help_levels"):
            need = None
    else:
        need_reason = "Niveau van hulp gekozen in het profiel."
        suggested, _ = suggest_need(kk, profile)
        if suggested is not None and suggested != need and suggested in kk.by_id("help_levels"):
            need_reason += (f" Op grond van de gekozen factoren zou de aanbeveler "
                            f"{level_name(kk, suggested).lower()} voorstellen.")
    reach = reach_of(kk, dynamic)
    candidates: dict[str, Intervention] = {}
    for fid in reach:
        for iv in kk.interventions_for_factor(fid):
            candidates.setdefault(iv.id, iv)
    if offence:
        for iv in kk.interventions:
            if addresses_offence(iv):
                candidates.setdefault(iv.id, iv)
    selected_ids = frozenset(t for fid in dynamic for t in kk.twin_ids(fid))
    orders = help_orders(kk)
    ranked: list[Recommendation] = []
    organisation: list[Recommendation] = []
    excluded: list[Exclusion] = []
    for iv in candidates.values():
        out = evaluate(kk, iv, profile, dynamic, need, reach, orders, selected_ids, offence)
        if isinstance(out, Exclusion):
            excluded.append(out)
        elif out is not None:
            (organisation if out.tier == 0 else ranked).append(out)
    ranked.sort(key=rank_key)
    organisation.sort(key=lambda r: (-r.score, r.intervention.name))
    if profile.age is None:
        # nothing for one young person without an age; measures for school or municipality stay
        # (within the PmG ages), and so does what never counts, with its reason
        notices.append(AGE_FIRST)
        return Result(profile=profile, need=need, need_reason=need_reason, ranked=(),
                      excluded=tuple(sorted((e for e in excluded if e.kind in NEVER_COUNTS),
                                            key=lambda e: e.intervention.name)),
                      package=(), uncovered=tuple(dynamic.values()), gaps=(),
                      for_organisation=tuple(r for r in organisation if in_pmg_ages(r.intervention)),
                      static_factors=static, no_target_factors=no_target, notices=tuple(notices), needs_age=True)

    package, uncovered = build_package(ranked, dynamic, profile, offence)

    tier1_factors = {f.id for r in ranked if r.tier == 1 for f in r.factors}
    gaps = []
    for f in dynamic.values():
        if f.id in tier1_factors:
            continue
        unrec = tuple(r.intervention for r in ranked if r.tier == 2 and f in r.factors)
        gaps.append(Gap(f, unrec, kk.examples_for_factor(f.id)))
    offence_gap = offence and not any(r.for_offence for r in ranked)
    if offence_gap:
        notices.append("Het profiel noemt een delict, maar geen programma tegen herhaling past bij deze leeftijd en "
                       "responsiviteit (LVB, ouder): bespreek met de jeugdreclassering of Halt wat wel kan.")

    return Result(
        profile=profile,
        need=need,
        need_reason=need_reason,
        ranked=tuple(ranked),
        excluded=tuple(sorted(excluded, key=lambda e: (e.kind in NEVER_COUNTS, e.intervention.name))),
        package=tuple(package),
        uncovered=tuple(uncovered),
        gaps=tuple(gaps),
        for_organisation=tuple(organisation),
        static_factors=static,
        no_target_factors=no_target,
        notices=tuple(notices),
        offence_gap=offence_gap,
    )
