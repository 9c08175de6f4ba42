"""Planscan: which factors, themes and levels of help a municipality's plan covers (pure).

A plan is a list of catalogue interventions and practice examples (e.g. a BOTOC
municipality's 2020 plan). Coverage uses the factor links, themes and help levels of
those items, sourced or derived.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Annotated

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from .content import Kenniskaart
from .matcher import Profile, recommend
from .models import Factor, Guidance, Intervention, PracticeExample


class OwnEntry(BaseModel):
    """An intervention a municipality enters itself (not in the catalogue)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    min_age: int | None = Field(default=None, ge=0, le=99)
    max_age: int | None = Field(default=None, ge=0, le=99)
    pmg_themes: tuple[str, ...] = ()
    factors: tuple[str, ...] = ()
    """Factor ids the municipality says it addresses."""
    help_levels: tuple[str, ...] = ()
    praktijkscan_themes: tuple[str, ...] = ()


class Plan(BaseModel):
    """A municipality's plan: catalogue interventions, practice examples and own entries."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    interventions: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    own: tuple[OwnEntry, ...] = ()


PlanItem = Intervention | PracticeExample | OwnEntry
PLAN_FORMAT = "kenniskaart-plan"
PLAN_VERSION = 1
MAX_PLAN_BYTES = 200_000


class PlanFileError(ValueError):
    """A plan file that cannot be read; the message is Dutch and meant for the user."""


def plan_to_json(plan: Plan) -> bytes:
    data = {"formaat": PLAN_FORMAT, "versie": PLAN_VERSION, **plan.model_dump(mode="json")}
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def plan_from_json(kk: Kenniskaart, raw: bytes) -> tuple[Plan, list[str]]:
    """Read a plan file. Unknown ids are dropped with notices; a bad file raises PlanFileError."""
    if len(raw) > MAX_PLAN_BYTES:
        raise PlanFileError("Het bestand is te groot voor een plan (meer dan 200 kB).")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise PlanFileError("Dit is geen planbestand van de kenniskaart (geen geldige JSON).") from None
    if not isinstance(data, dict) or data.get("formaat") != PLAN_FORMAT:
        raise PlanFileError("Dit is geen planbestand van de kenniskaart (formaat ontbreekt).")
    if data.get("versie") != PLAN_VERSION:
        raise PlanFileError(f"Onbekende versie van het planbestand: {data.get('versie')!r}.")
    body = {k: v for k, v in data.items() if k not in ("formaat", "versie")}
    try:
        plan = Plan.model_validate(body)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise PlanFileError(f"Het planbestand is ongeldig bij '{where}': {err['msg']}.") from None
    return clean_plan(kk, plan)


def clean_plan(kk: Kenniskaart, plan: Plan) -> tuple[Plan, list[str]]:
    """Drop ids that do not exist in the content, with a notice per kind."""
    notices: list[str] = []

    def keep(ids, pool, label):
        good = tuple(i for i in ids if i in pool)
        bad = [i for i in ids if i not in pool]
        if bad:
            notices.append(f"Onbekende {label} genegeerd: {', '.join(b[:40] for b in bad[:5])}")
        return good

    factors, themes, levels = kk.by_id("factors"), kk.by_id("themes"), kk.by_id("help_levels")
    own = tuple(
        e.model_copy(update={
            "factors": keep(e.factors, factors, f"factoren bij '{e.name}'"),
            "pmg_themes": keep(e.pmg_themes, themes, f"thema's bij '{e.name}'"),
            "help_levels": keep(e.help_levels, levels, f"niveaus van hulp bij '{e.name}'"),
            "praktijkscan_themes": keep(e.praktijkscan_themes, themes, f"interventiethema's bij '{e.name}'"),
        })
        for e in plan.own
    )
    cleaned = Plan(
        interventions=keep(plan.interventions, kk.by_id("interventions"), "interventies"),
        examples=keep(plan.examples, kk.by_id("examples"), "praktijkvoorbeelden"),
        own=own,
    )
    return cleaned, notices


@dataclass(frozen=True)
class Coverage:
    """For one target (factor, theme or help level): which plan items cover it."""

    id: str
    name: str
    group: str
    covered_by: tuple[str, ...]

    @property
    def covered(self) -> bool:
        return bool(self.covered_by)


GROUPS = (
    "Gefundeerde risicofactoren",
    "Beschermende factoren (Beke)",
    "Factoren gezin en gemeenschap",
    "PmG-thema's",
    "Niveaus van hulp",
)


def plan_items(
    kk: Kenniskaart, intervention_ids: list[str], example_ids: list[str], own: tuple[OwnEntry, ...] = ()
) -> list[PlanItem]:
    ivs, exs = kk.by_id("interventions"), kk.by_id("examples")
    return [ivs[i] for i in intervention_ids if i in ivs] + [exs[e] for e in example_ids if e in exs] + list(own)


def municipality_preset(kk: Kenniskaart, municipality: str) -> list[str]:
    """Example ids of a BOTOC municipality's plan (all municipalities for '*')."""
    return [
        e.id for e in kk.examples
        if e.kind == "botoc" and (municipality == "*" or e.municipality == municipality)
    ]


def botoc_municipalities(kk: Kenniskaart) -> list[str]:
    return sorted({e.municipality for e in kk.examples if e.kind == "botoc" and e.municipality})


def _factor_ids(kk: Kenniskaart, item: PlanItem) -> set[str]:
    if isinstance(item, OwnEntry):
        return set(item.factors)
    ids = {link.factor for link in item.factors}
    if isinstance(item, PracticeExample):
        ivs = kk.by_id("interventions")
        for iid in item.interventions:
            ids |= {link.factor for link in ivs[iid].factors}
    return ids


def scan(kk: Kenniskaart, items: list[PlanItem]) -> list[Coverage]:
    """Coverage of every target in ``GROUPS`` by the plan's items."""
    per_item = [(item, _factor_ids(kk, item)) for item in items]

    def factor_cov(f: Factor, group: str) -> Coverage:
        return Coverage(f.id, f.name, group, tuple(i.name for i, ids in per_item if f.id in ids))

    out: list[Coverage] = []
    for f in kk.risk_factors:
        if f.framework == "beke_kennissynthese" and f.evidence == "gefundeerd":
            out.append(factor_cov(f, GROUPS[0]))
    for f in kk.protective_factors:
        if f.framework == "beke_kennissynthese":
            out.append(factor_cov(f, GROUPS[1]))
    for f in kk.factors:
        if f.framework == "samen_weerbaar":
            out.append(factor_cov(f, GROUPS[2]))
    for t in kk.pmg_themes:
        out.append(Coverage(t.id, t.name, GROUPS[3], tuple(i.name for i in items if t.id in i.pmg_themes)))
    for h in sorted(kk.help_levels, key=lambda h: h.order):
        out.append(Coverage(h.id, h.name, GROUPS[4], tuple(i.name for i in items if h.id in i.help_levels)))
    return out


def summary(coverage: list[Coverage]) -> pd.DataFrame:
    """Covered / not covered per group (for the chart and its table)."""
    rows = []
    for group in GROUPS:
        items = [c for c in coverage if c.group == group]
        n = sum(c.covered for c in items)
        rows.append({"onderdeel": group, "status": "gedekt", "aantal": n})
        rows.append({"onderdeel": group, "status": "niet gedekt", "aantal": len(items) - n})
    return pd.DataFrame(rows, columns=["onderdeel", "status", "aantal"])


def coverage_table(coverage: list[Coverage]) -> pd.DataFrame:
    rows = [
        {
            "onderdeel": c.group,
            "factor of thema": c.name,
            "gedekt": "ja" if c.covered else "nee",
            "door": ", ".join(c.covered_by),
        }
        for c in coverage
    ]
    return pd.DataFrame(rows, columns=["onderdeel", "factor of thema", "gedekt", "door"])


REPRESSIVE_THEMES = frozenset({"ps-opsporing-vervolging", "ps-bovenlokale-netwerken"})
"""Praktijkscan themes counted as repressive in the balance (team classification)."""


def balance(kk: Kenniskaart, items: list[PlanItem]) -> pd.DataFrame:
    """Preventive vs repressive items, and items per level of help (incl. unknown)."""
    rows = []
    repressive = [i for i in items if set(i.praktijkscan_themes) & REPRESSIVE_THEMES]
    rows.append({"verdeling": "preventief / repressief", "deel": "repressief", "aantal": len(repressive)})
    rows.append({"verdeling": "preventief / repressief", "deel": "preventief", "aantal": len(items) - len(repressive)})
    for h in sorted(kk.help_levels, key=lambda h: h.order):
        rows.append({"verdeling": "niveau van hulp", "deel": h.name, "aantal": sum(h.id in i.help_levels for i in items)})
    rows.append({"verdeling": "niveau van hulp", "deel": "onbekend", "aantal": sum(not i.help_levels for i in items)})
    return pd.DataFrame(rows, columns=["verdeling", "deel", "aantal"])


def gap_suggestions(kk: Kenniskaart, coverage: list[Coverage], limit: int = 3) -> dict[str, list[str]]:
    """For each uncovered gefundeerde risk factor: the matcher's top interventions."""
    out: dict[str, list[str]] = {}
    for c in coverage:
        if c.covered or c.group != GROUPS[0]:
            continue
        result = recommend(kk, Profile(risk_factors=(c.id,)))
        out[c.id] = [r.intervention.id for r in result.ranked[:limit]]
    return out


PROCESS_LESSONS = (
    "verbeter-kb-realistische-doelen",
    "aanb-ccv-nulmeting",
    "verbeter-kb-doelgroep-in-beeld",
    "verbeter-kb-monitoring-evaluatie",
)
"""Guidance on the process that applies to every plan: realistic goals, a 0-meting,
knowing the target group, monitoring (seed 000 improvement points; seed 001)."""


def process_lessons(kk: Kenniskaart) -> list[Guidance]:
    guidance = kk.by_id("guidance")
    return [guidance[g] for g in PROCESS_LESSONS if g in guidance]
