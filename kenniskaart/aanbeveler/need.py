"""The level of help a profile needs (risk principle)."""

from __future__ import annotations

from ..content import Kenniskaart
from ..nl import plural
from .profile import Profile, selected_factors
from .rules import NEED_ORDER, RULES


def level_name(kk: Kenniskaart, hid: str) -> str:
    h = kk.by_id("help_levels").get(hid)
    return h.name if h else hid


def suggest_need(kk: Kenniskaart, profile: Profile) -> tuple[str | None, str]:
    """The level of help from static factors and the number/strength of dynamic risk factors.

    Risk principle (CCV les 1; seed 003 'De juiste hulp op verschillende niveaus'):
    a risk factor in ``SPECIALIST_FACTORS`` (offending history, detention, ties with organised
    crime) or repeated offending → specialist approach (3). Otherwise ``intensive_count`` or more
    dynamic risk factors, or ``intensive_strong`` or more with strong evidence → intensive
    guidance (2); fewer → positive support (1). Any other static risk marker (e.g. man-zijn) or a
    first offence raises that one step, to at most intensive guidance. Factors that are no target
    and no risk marker (``geen_doel``: having a job, a stable relationship, per-role factors) never
    count. One sentence says why.
    """
    rules = RULES["need"]
    risks = [f for f in selected_factors(kk, profile) if f.kind == "risico" and f.nature != "geen_doel"]
    if not risks and profile.offence not in ("eerste", "herhaald"):
        return None, "Geen risicofactoren gekozen die het niveau van hulp bepalen: geen niveau voorgesteld."
    special = [f for f in risks if f.id in rules["specialist_factors"]]
    if special or profile.offence == "herhaald":
        hid = NEED_ORDER[-1]
        named = [f.name for f in special[:3]] + (["herhaald delict"] if profile.offence == "herhaald" else [])
        why = ("het profiel wijst op eigen criminaliteit of een criminele omgeving die al dichtbij is ("
               + ", ".join(named) + ")")
        return hid, f"Voorgesteld: {level_name(kk, hid).lower()}, omdat {why}."
    dynamic = [f for f in risks if f.nature == "dynamisch"]
    static = [f.name for f in risks if f.nature == "statisch"]
    static += ["eerste delict"] if profile.offence == "eerste" else []
    strong = [f for f in dynamic if f.evidence in rules["strong_evidence"]]
    step = 1 if (len(dynamic) >= rules["intensive_count"] or len(strong) >= rules["intensive_strong"]) else 0
    parts = [
        f"het profiel {plural(len(dynamic), 'dynamische risicofactor', 'dynamische risicofactoren')} heeft, waarvan "
        f"{len(strong)} sterk onderbouwd (gefundeerd of statistisch robuust)"
    ]
    if static and step == 0:
        step = 1
        parts.append(f"de statische factor{'en' if len(static) > 1 else ''} " + ", ".join(f"'{n}'" for n in static[:3])
                     + " het risico verho" + ("gen" if len(static) > 1 else "ogt"))
    elif static:
        parts.append("statische factoren: " + ", ".join(f"'{n}'" for n in static[:3]))
    hid = NEED_ORDER[step]
    return hid, f"Voorgesteld: {level_name(kk, hid).lower()}, omdat {parts[0]}" + (
        f" en {parts[1]}." if len(parts) > 1 else "."
    )
