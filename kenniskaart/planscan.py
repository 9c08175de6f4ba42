"""Planscan: which factors, themes and levels of help a municipality's plan covers (pure).

A plan is a list of catalogue interventions and practice examples (e.g. a BOTOC
municipality's 2020 plan). Coverage uses the factor links, themes and help levels of
those items, sourced or derived.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .content import Kenniskaart
from .models import Factor, Intervention, PracticeExample

PlanItem = Intervention | PracticeExample


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


def plan_items(kk: Kenniskaart, intervention_ids: list[str], example_ids: list[str]) -> list[PlanItem]:
    ivs, exs = kk.by_id("interventions"), kk.by_id("examples")
    return [ivs[i] for i in intervention_ids if i in ivs] + [exs[e] for e in example_ids if e in exs]


def municipality_preset(kk: Kenniskaart, municipality: str) -> list[str]:
    """Example ids of a BOTOC municipality's plan (all municipalities for '*')."""
    return [
        e.id for e in kk.examples
        if e.kind == "botoc" and (municipality == "*" or e.municipality == municipality)
    ]


def botoc_municipalities(kk: Kenniskaart) -> list[str]:
    return sorted({e.municipality for e in kk.examples if e.kind == "botoc" and e.municipality})


def _factor_ids(kk: Kenniskaart, item: PlanItem) -> set[str]:
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
