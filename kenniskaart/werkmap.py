"""The werkmap: one JSON file with an advisor's work, to download and reopen (pure).

It holds what does not fit in a link: the profile, the shortlist with its order and notes,
the Planscan plan, the plan van aanpak's own fields and the nulmeting and monitor (both
optional: older werkmaps open without). Reading is strict: a file that is not a werkmap, has an unknown
version or a malformed field raises ``WerkmapError`` with a Dutch message (and the caller
changes nothing); ids that no longer exist in the content are dropped with notices.
The plan part reuses the plan file format of ``planscan`` (``plan_to_json``/``plan_from_json``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError

from .aanbeveler import Profile
from .content import Kenniskaart
from .envelope import Envelope, M, invalid_at
from .known_ids import keep_known
from .monitor import MonitorState
from .monitor.model import OWN_PREFIX
from .monitor.suggest import indicator_views
from .nl import plural
from .plan_van_aanpak.model import PlanInputs
from .planscan import Plan, PlanFileError, plan_from_json, plan_to_json
from .share import MAX_ITEMS, profile_from_params, profile_to_params

WERKMAP_FORMAT = "kenniskaart-werkmap"
WERKMAP_VERSION = 1
MAX_WERKMAP_BYTES = 500_000
MAX_NOTE = 2000
FILE_NAME = "werkmap-kenniskaart.json"


class WerkmapError(ValueError):
    """A werkmap file that cannot be read; the message is Dutch and meant for the user."""


class ShortlistEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    interventie: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    notitie: Annotated[str, StringConstraints(max_length=MAX_NOTE)] = ""


class _WerkmapFile(BaseModel):
    """The file's body (after 'formaat' and 'versie' are checked)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    profiel: Profile | None = None
    shortlist: list[ShortlistEntry] = []
    plan: dict[str, Any] | None = None
    plan_van_aanpak: dict[str, Any] | None = None
    """The plan van aanpak's own fields (``PlanInputs``); absent in werkmaps made before it."""
    monitor: dict[str, Any] | None = None
    """The nulmeting and monitor (``monitor.MonitorState``); absent in werkmaps made before it."""


class Werkmap(BaseModel):
    """An advisor's work, cleaned against the content."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    profile: Profile | None = None
    shortlist: tuple[str, ...] = ()
    notes: dict[str, str] = {}
    plan: Plan = Plan()
    plan_van_aanpak: PlanInputs = PlanInputs()
    monitor: MonitorState = MonitorState()


WERKMAP_FILE = Envelope(
    format=WERKMAP_FORMAT, version=WERKMAP_VERSION, max_bytes=MAX_WERKMAP_BYTES, error=WerkmapError,
    size_name="een werkmap", not_this="Dit is geen werkmap van de kenniskaart",
    no_format=("(het veld 'formaat' ontbreekt of klopt niet). Een planbestand laadt u op de pagina Planscan."),
    version_of="de werkmap", invalid="De werkmap is ongeldig",
)


def werkmap_to_json(
    profile: Profile | None, shortlist: Sequence[str], notes: Mapping[str, str], plan: Plan | None,
    plan_van_aanpak: PlanInputs | None = None, monitor: MonitorState | None = None,
) -> bytes:
    return WERKMAP_FILE.write({
        "profiel": profile.model_dump(mode="json") if profile is not None else None,
        "shortlist": [{"interventie": i, "notitie": notes.get(i, "")} for i in shortlist],
        "plan": json.loads(plan_to_json(plan or Plan())),
        "plan_van_aanpak": (plan_van_aanpak or PlanInputs()).model_dump(mode="json"),
        "monitor": (monitor or MonitorState()).model_dump(mode="json"),
    })


def _old_profile(body: dict[str, Any]) -> dict[str, Any]:
    """Werkmaps from before the responsivity fields: the profile's 'notes' held 'lvb' / 'eerste_delict'."""
    if not (isinstance(body.get("profiel"), dict) and "notes" in body["profiel"]):
        return body
    old = dict(body["profiel"])
    notes = old.pop("notes") or []
    if isinstance(notes, list):
        if "lvb" in notes:
            old.setdefault("lvb", True)
        if "eerste_delict" in notes:
            old.setdefault("offence", "eerste")
    return {**body, "profiel": old}


def _part(model: type[M], data: dict[str, Any], invalid: str) -> M:
    """A part of the werkmap with its own model (validated as JSON, like a file); WerkmapError
    '<invalid> bij <place>: <message>.'"""
    try:
        return model.model_validate_json(json.dumps(data))
    except ValidationError as exc:
        raise WerkmapError(f"{invalid} bij {invalid_at(exc)}.") from None


def werkmap_from_json(kk: Kenniskaart, raw: bytes) -> tuple[Werkmap, list[str]]:
    """Read a werkmap file. Unknown ids are dropped with notices; a bad file raises WerkmapError."""
    parsed = WERKMAP_FILE.validate(_WerkmapFile, _old_profile(WERKMAP_FILE.read(raw)))
    notices: list[str] = []
    profile = None
    if parsed.profiel is not None:
        profile, profile_notices = profile_from_params(kk, profile_to_params(parsed.profiel))
        notices += profile_notices

    known = keep_known((e.interventie for e in parsed.shortlist), kk.by_id("interventions"),
                       "interventies op de shortlist", notices)
    ids = tuple(dict.fromkeys(known))
    if len(ids) > MAX_ITEMS:
        raise WerkmapError(f"De shortlist in de werkmap heeft meer dan {MAX_ITEMS} interventies.")
    first = {e.interventie: e for e in reversed(parsed.shortlist)}  # a repeated id: its first entry counts
    notes = {i: first[i].notitie for i in ids if first[i].notitie.strip()}

    plan = Plan()
    if parsed.plan is not None:
        try:
            plan, plan_notices = plan_from_json(kk, json.dumps(parsed.plan).encode("utf-8"))
        except PlanFileError as exc:
            raise WerkmapError(f"Het plan in de werkmap is ongeldig: {exc}") from None
        notices += plan_notices
    inputs = PlanInputs()
    if parsed.plan_van_aanpak is not None:
        inputs = _part(PlanInputs, parsed.plan_van_aanpak, "Het plan van aanpak in de werkmap is ongeldig")
        analysis = keep_known(inputs.analysis, kk.by_id("analysis_sources"), "bronnen van de analyse", notices)
        inputs = inputs.model_copy(update={"analysis": tuple(analysis)})
    monitor = MonitorState()
    if parsed.monitor is not None:
        monitor = _part(MonitorState, parsed.monitor, "De nulmeting en monitor in de werkmap zijn ongeldig")
        views = indicator_views(kk)
        known_indicators = {t.indicator for t in monitor.tracked
                            if t.indicator in views or t.indicator.startswith(OWN_PREFIX)}
        kept = keep_known([t.indicator for t in monitor.tracked], known_indicators, "indicatoren in de monitor",
                          notices)
        monitor = monitor.model_copy(update={"tracked": tuple(t for t in monitor.tracked if t.indicator in kept)})
    return Werkmap(profile=profile, shortlist=ids, notes=notes, plan=plan, plan_van_aanpak=inputs,
                   monitor=monitor), notices


def werkmap_summary(wm: Werkmap) -> str:
    """'profiel, 3 interventies op de shortlist (2 notities), plan met 5 onderdelen'."""
    parts = ["profiel" if wm.profile is not None else "geen profiel"]
    n = len(wm.shortlist)
    part = f"{plural(n, 'interventie', 'interventies')} op de shortlist"
    if wm.notes:
        k = len(wm.notes)
        part += f" ({plural(k, 'notitie', 'notities')})"
    parts.append(part)
    m = len(wm.plan.interventions) + len(wm.plan.examples) + len(wm.plan.own)
    parts.append(f"plan met {plural(m, 'onderdeel', 'onderdelen')}" if m else "geen plan")
    if wm.monitor.tracked:
        k = len(wm.monitor.tracked)
        parts.append(f"monitor met {plural(k, 'indicator', 'indicatoren')}")
    return ", ".join(parts)
