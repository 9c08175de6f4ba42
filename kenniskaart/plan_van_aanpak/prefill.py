"""The plan van aanpak's pre-filled texts: its age range, the wegingskader (who is in, who is
not) and the partners, from the profile, the Aanbeveler's result and the plan (pure). The
municipality may overwrite each (``PlanInputs``); ``assemble`` uses them when it did not."""

from __future__ import annotations

from ..aanbeveler import Profile, Result
from ..content import Kenniskaart
from ..models import Factor, Intervention
from ..nl import plural
from ..planscan import Plan, items_of
from ..shortlist import responsivity
from ..texts import ONBEKEND
from ..vocabulary import EVIDENCE_LABELS, FRAMEWORK_SHORT, PROVENANCE_LABELS
from ..werksessie.room import ORG_TYPES
from .model import PlanInputs


def plan_ages(inputs: PlanInputs, profile: Profile | None) -> tuple[int | None, int | None]:
    """The plan's age range: the municipality's, else the profile's one age (a room's range is
    put into the inputs when the plan is made from a room)."""
    if inputs.age_min is not None or inputs.age_max is not None:
        return inputs.age_min, inputs.age_max
    age = profile.age if profile is not None else None
    return age, age


def ages_text(lo: int | None, hi: int | None) -> str:
    if lo is None and hi is None:
        return ONBEKEND
    if lo is not None and hi is not None:
        return f"{lo} jaar" if lo == hi else f"{lo} tot en met {hi} jaar"
    return f"vanaf {lo} jaar" if lo is not None else f"tot en met {hi} jaar"


def profile_factors(kk: Kenniskaart, profile: Profile | None) -> list[Factor]:
    """The profile's factors that exist in the content, risk first, in the profile's order."""
    if profile is None:
        return []
    factors = kk.by_id("factors")
    return [factors[f] for f in (*profile.risk_factors, *profile.protective_factors) if f in factors]


def evidence_text(f: Factor) -> str:
    text = EVIDENCE_LABELS[f.evidence]
    return text + (f" ({PROVENANCE_LABELS['team']})" if f.evidence_basis == "team" else "")


def need_name(kk: Kenniskaart, result: Result | None) -> str:
    levels = kk.by_id("help_levels")
    return levels[result.need].name if result is not None and result.need in levels else ONBEKEND


def default_weighing(kk: Kenniskaart, profile: Profile | None, result: Result | None,
                     ages: tuple[int | None, int | None]) -> str:
    """The wegingskader in words, from the profile's factors, its static markers and
    responsivity inputs, the Aanbeveler's level of help and the factors' evidence."""
    chosen = profile_factors(kk, profile)
    if profile is None or not chosen:
        return ("Nog geen profiel: kies in de Aanbeveler de risicofactoren en beschermende factoren, of maak "
                "het profiel in een werksessie; dan vult de kenniskaart het wegingskader voor.")
    who = f"jongeren van {ages_text(*ages)}" if ages != (None, None) else "jongeren (leeftijd onbekend)"
    targets = [f for f in chosen if f.nature == "dynamisch"]
    risks = [f for f in targets if f.kind == "risico"]
    protect = [f for f in targets if f.kind == "beschermend"]
    static = result.static_factors if result is not None else tuple(f for f in chosen if f.nature == "statisch")
    lines = [
        f"Wel in de aanpak: {who} bij wie een of meer van deze risicofactoren spelen: "
        + ("; ".join(f"{f.name} ({evidence_text(f)})" for f in risks) or "geen dynamische risicofactor gekozen") + ".",
    ]
    if protect:
        lines.append("Te versterken beschermende factoren: " + "; ".join(f.name for f in protect) + ".")
    lines.append("Statische kenmerken die bepalen hoe zwaar de hulp moet zijn: "
                 + ("; ".join(f.name for f in static) if static else "geen gekozen") + ".")
    lines.append("Voor wie de hulp is (responsiviteit): "
                 + "; ".join(f"{label}: {value}" for label, value in responsivity(profile)) + ".")
    if result is not None:
        lines.append(f"Niveau van hulp: {need_name(kk, result)}. {result.need_reason}")
    per_framework: dict[str, list[Factor]] = {}
    for f in chosen:
        per_framework.setdefault(f.framework, []).append(f)
    lines.append("Onderbouwing: " + "; ".join(
        f"{len(fs)} uit {FRAMEWORK_SHORT[fw]} ("
        + ", ".join(f"{sum(f.evidence == e for f in fs)} {EVIDENCE_LABELS[e]}"
                    for e in EVIDENCE_LABELS if any(f.evidence == e for f in fs)) + ")"
        for fw, fs in per_framework.items()) + ".")
    lo, hi = ages
    outside = ("jongeren van een andere leeftijd, en " if lo == hi else
               f"jongeren jonger dan {lo} of ouder dan {hi} jaar, en " if lo is not None and hi is not None else "")
    lines.append(f"Niet in de aanpak: {outside}jongeren bij wie geen van deze risicofactoren speelt.")
    return "\n".join(lines)


def default_partners(kk: Kenniskaart, plan: Plan, inputs: PlanInputs) -> str:
    """'Partner: rol' lines: who delivers the plan's interventions, and the kinds of
    organisation that took part in the werksessie."""
    by_deliverer: dict[str, list[str]] = {}
    for item in items_of(kk, plan):
        if isinstance(item, Intervention) and item.delivered_by:
            by_deliverer.setdefault(item.delivered_by, []).append(item.name)
    # 'Partner: rol' is split at its first colon: a colon inside the deliverer's text becomes a comma
    lines = [f"{who.replace(':', ',')}: voert uit: {', '.join(names)}" for who, names in by_deliverer.items()]
    if inputs.room is not None:
        lines += [f"{ORG_TYPES[org]}: deed mee aan de werksessie ({plural(n, 'antwoord', 'antwoorden')})"
                  for org, n in inputs.room.orgs.items() if org in ORG_TYPES and n]
    return "\n".join(lines)
