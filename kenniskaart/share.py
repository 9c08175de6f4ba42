"""Shareable state in URL query parameters: explicit keys, validated, never pickled.

Unknown ids and malformed values are dropped and reported as Dutch notices, so a bad
link gives a visible message instead of an error.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import get_args

from .aanbeveler import Profile
from .content import Kenniskaart
from .known_ids import keep_known
from .models import AGE_LIMITS
from .nl import YES_NO, yes_no
from .vocabulary import Offence, Setting

MAX_ITEMS = 60
"""At most this many ids per list parameter (longer lists are cut with a notice)."""
MAX_LEN = 2000

PROFILE_KEYS = ("leeftijd", "risico", "bescherm", "setting", "niveau", "delict", "lvb", "ouder")


def _first(value: str | list[str] | None) -> str | None:
    if isinstance(value, list):
        return value[0] if value else None
    return value


def _split(raw: str | None, sep: str = ",") -> list[str]:
    if not raw:
        return []
    return [p.strip() for p in raw[:MAX_LEN].split(sep) if p.strip()]


def parse_id_list(
    raw: str | list[str] | None, valid: set[str] | dict, label: str, notices: list[str], sep: str = ","
) -> list[str]:
    """Ids from a comma-separated parameter; unknown ones dropped with a notice."""
    unknown: list[str] = []
    kept = list(dict.fromkeys(keep_known(_split(_first(raw), sep), valid, f"{label} in de link", unknown)))
    if len(kept) > MAX_ITEMS:
        notices.append(f"Te veel {label} in de link; alleen de eerste {MAX_ITEMS} zijn gebruikt.")
        kept = kept[:MAX_ITEMS]
    notices += unknown
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
            if not AGE_LIMITS[0] <= age <= AGE_LIMITS[1]:
                raise ValueError
        except ValueError:
            notices.append(f"Ongeldige leeftijd in de link genegeerd (toegestaan: {AGE_LIMITS[0]} tot en met "
                           f"{AGE_LIMITS[1]}).")
            age = None
    risk_ids = parse_id_list(params.get("risico"), risks, "risicofactoren", notices)
    prot_ids = parse_id_list(params.get("bescherm"), protective, "beschermende factoren", notices)
    settings = parse_id_list(params.get("setting"), set(get_args(Setting)), "settings", notices)
    need = _first(params.get("niveau"))
    if need and need not in kk.by_id("help_levels"):
        notices.append("Onbekend niveau van hulp in de link genegeerd.")
        need = None
    offence = _first(params.get("delict")) or None
    if offence is not None and offence not in get_args(Offence):
        notices.append("Ongeldige waarde voor delict in de link genegeerd (toegestaan: geen, eerste, herhaald).")
        offence = None
    answers: dict[str, bool | None] = {}
    for key, label in (("lvb", "LVB"), ("ouder", "ouder die meedoet")):
        raw = _first(params.get(key)) or None
        if raw is not None and raw not in YES_NO:
            notices.append(f"Ongeldige waarde voor {label} in de link genegeerd (toegestaan: ja, nee).")
            raw = None
        answers[key] = YES_NO[raw] if raw is not None else None
    profile = Profile(
        age=age,
        risk_factors=tuple(risk_ids),
        protective_factors=tuple(prot_ids),
        settings=tuple(settings),
        need=need or None,
        offence=offence,
        lvb=answers["lvb"],
        parent=answers["ouder"],
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
    if profile.offence:
        out["delict"] = profile.offence
    for key, value in (("lvb", profile.lvb), ("ouder", profile.parent)):
        if value is not None:
            out[key] = yes_no(value)
    return out


class FilterParam:
    """One page filter carried in the URL.

    ``kind``: 'list' (comma-separated ids from ``options``), 'choice' (one of ``options``),
    'text' (free text, length-limited) or 'int' (``lo``..``hi``).
    """

    def __init__(self, param: str, widget: str, kind: str, label: str,
                 options=None, lo: int = 0, hi: int = 99, sep: str = ","):
        self.param, self.widget, self.kind, self.label = param, widget, kind, label
        self.options, self.lo, self.hi, self.sep = options, lo, hi, sep


def parse_filters(
    params: Mapping[str, str | list[str]], specs: list[FilterParam]
) -> tuple[dict[str, object], list[str]]:
    """Widget values from query parameters; malformed or unknown values dropped with a notice."""
    values: dict[str, object] = {}
    notices: list[str] = []
    for spec in specs:
        raw = _first(params.get(spec.param))
        if raw is None or raw == "":
            continue
        if spec.kind == "list":
            values[spec.widget] = parse_id_list(raw, set(spec.options), spec.label, notices, spec.sep)
        elif spec.kind == "choice":
            if raw in spec.options:
                values[spec.widget] = raw
            else:
                notices.append(f"Ongeldige waarde voor {spec.label} in de link genegeerd.")
        elif spec.kind == "text":
            values[spec.widget] = raw[:200]
        elif spec.kind == "int":
            try:
                number = int(raw)
                if not spec.lo <= number <= spec.hi:
                    raise ValueError
                values[spec.widget] = number
            except ValueError:
                notices.append(f"Ongeldige {spec.label} in de link genegeerd "
                               f"(toegestaan: {spec.lo} tot en met {spec.hi}).")
    return values, notices


def filters_to_params(values: Mapping[str, object], specs: list[FilterParam]) -> dict[str, str]:
    """Query parameters for the current widget values (empty ones left out)."""
    out: dict[str, str] = {}
    for spec in specs:
        value = values.get(spec.widget)
        if value is None or value == "" or value == []:
            continue
        out[spec.param] = spec.sep.join(value) if isinstance(value, list) else str(value)
    return out


NOTE_PREFIX = "notitie-"
"""Shortlist notes travel as one parameter per intervention: ``notitie-<id>=<text>``."""
MAX_NOTE = 500


def notes_to_params(notes: Mapping[str, str], ids: list[str]) -> dict[str, str]:
    """Query parameters for the notes of the shortlisted interventions (empty ones left out)."""
    return {f"{NOTE_PREFIX}{i}": notes[i][:MAX_NOTE] for i in ids if notes.get(i, "").strip()}


def notes_from_params(params: Mapping[str, str | list[str]], ids: list[str], notices: list[str]) -> dict[str, str]:
    """The notes in a link, for interventions on the (already validated) shortlist ``ids``.

    Notes for anything not on the shortlist are dropped with a notice; long notes are cut.
    """
    notes: dict[str, str] = {}
    stray = 0
    for key, raw in params.items():
        if not key.startswith(NOTE_PREFIX):
            continue
        iid, text = key[len(NOTE_PREFIX):], (_first(raw) or "").strip()
        if iid not in ids:
            stray += 1
            continue
        if len(text) > MAX_NOTE:
            notices.append(f"Een notitie in de link was langer dan {MAX_NOTE} tekens en is ingekort.")
            text = text[:MAX_NOTE]
        if text:
            notes[iid] = text
    if stray:
        notices.append(
            "1 notitie in de link hoort niet bij een interventie op de shortlist en is genegeerd."
            if stray == 1 else
            f"{stray} notities in de link horen niet bij een interventie op de shortlist en zijn genegeerd."
        )
    return notes
