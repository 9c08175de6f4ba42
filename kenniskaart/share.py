"""Shareable state in URL query parameters: explicit keys, validated, never pickled.

Unknown ids and malformed values are dropped and reported as Dutch notices, so a bad
link gives a visible message instead of an error.
"""

from __future__ import annotations

from typing import Mapping, get_args

from .content import Kenniskaart
from .matcher import Profile
from .models import Setting

MAX_ITEMS = 60
"""At most this many ids per list parameter (longer lists are cut with a notice)."""
MAX_LEN = 2000

PROFILE_KEYS = ("leeftijd", "risico", "bescherm", "setting", "niveau")


def _first(value: str | list[str] | None) -> str | None:
    if isinstance(value, list):
        return value[0] if value else None
    return value


def _split(raw: str | None) -> list[str]:
    if not raw:
        return []
    return [p.strip() for p in raw[:MAX_LEN].split(",") if p.strip()]


def parse_id_list(
    raw: str | list[str] | None, valid: set[str] | dict, label: str, notices: list[str]
) -> list[str]:
    """Ids from a comma-separated parameter; unknown ones dropped with a notice."""
    ids = _split(_first(raw))
    kept, dropped = [], []
    for i in ids:
        if i in valid and i not in kept:
            kept.append(i)
        elif i not in valid:
            dropped.append(i)
    if len(kept) > MAX_ITEMS:
        notices.append(f"Te veel {label} in de link; alleen de eerste {MAX_ITEMS} zijn gebruikt.")
        kept = kept[:MAX_ITEMS]
    if dropped:
        shown = ", ".join(d[:40] for d in dropped[:5]) + (" …" if len(dropped) > 5 else "")
        notices.append(f"Onbekende {label} in de link genegeerd: {shown}")
    return kept


def profile_from_params(kk: Kenniskaart, params: Mapping[str, str | list[str]]) -> tuple[Profile, list[str]]:
    """Build a Profile from query parameters; returns (profile, notices)."""
    notices: list[str] = []
    risks = {f.id for f in kk.risk_factors}
    protective = {f.id for f in kk.protective_factors}

    age = None
    raw_age = _first(params.get("leeftijd"))
    if raw_age:
        try:
            age = int(raw_age.strip())
            if not 4 <= age <= 30:
                raise ValueError
        except ValueError:
            notices.append("Ongeldige leeftijd in de link genegeerd (toegestaan: 4 tot en met 30).")
            age = None
    risk_ids = parse_id_list(params.get("risico"), risks, "risicofactoren", notices)
    prot_ids = parse_id_list(params.get("bescherm"), protective, "beschermende factoren", notices)
    settings = parse_id_list(params.get("setting"), set(get_args(Setting)), "settings", notices)
    need = _first(params.get("niveau"))
    if need and need not in kk.by_id("help_levels"):
        notices.append("Onbekend niveau van hulp in de link genegeerd.")
        need = None
    profile = Profile(
        age=age,
        risk_factors=tuple(risk_ids),
        protective_factors=tuple(prot_ids),
        settings=tuple(settings),
        need=need or None,
    )
    return profile, notices


def profile_to_params(profile: Profile) -> dict[str, str]:
    """Query parameters for a profile (only non-empty keys)."""
    out: dict[str, str] = {}
    if profile.age is not None:
        out["leeftijd"] = str(profile.age)
    if profile.risk_factors:
        out["risico"] = ",".join(profile.risk_factors)
    if profile.protective_factors:
        out["bescherm"] = ",".join(profile.protective_factors)
    if profile.settings:
        out["setting"] = ",".join(profile.settings)
    if profile.need:
        out["niveau"] = profile.need
    return out
