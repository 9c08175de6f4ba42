"""BOTOC municipalities and the user's plan side by side, with the reasons for each score, the
balance of the plan and the process lessons for every plan."""

from __future__ import annotations

import pandas as pd

from ..content import Kenniskaart, named_in_code
from ..models import Guidance
from ..nl import names_list
from ..vocabulary import PROVENANCE_LABELS
from .coverage import GROUPS, Coverage, grounded_items, scan
from .plan import (
    ALL_BOTOC,
    ALL_BOTOC_LABEL,
    GROUNDED_ROW,
    YOUR_PLAN,
    YOUR_PLAN_LABEL,
    Plan,
    PlanItem,
    item_label,
    items_of,
    municipality_preset,
    plan_items,
)


def municipality_label(municipality: str) -> str:
    return {ALL_BOTOC: ALL_BOTOC_LABEL, YOUR_PLAN: YOUR_PLAN_LABEL}.get(municipality, municipality)


def compare(
    kk: Kenniskaart, municipalities: list[str], plan: Plan | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Coverage of BOTOC municipalities (and the user's own plan) side by side.

    Returns (per group: 'gedekt' of 'totaal' per municipality, with the number of items and
    how many rest on a gefundeerde factor; per target: number of the municipality's items
    covering it, 0 = a gap). ``ALL_BOTOC`` stands for the 62 items together, ``YOUR_PLAN``
    for ``plan``.
    """
    summary_rows = []
    detail: dict[str, list] = {}
    index: list[tuple[str, str]] = []
    for m in municipalities:
        items = _items_for(kk, m, plan)
        coverage = scan(kk, items)
        label = municipality_label(m)
        summary_rows.append({
            "gemeente": label, "onderdeel": GROUNDED_ROW,
            "gedekt": len(grounded_items(kk, items)), "totaal": len(items),
        })
        for group in GROUPS:
            rows = [c for c in coverage if c.group == group]
            summary_rows.append({
                "gemeente": label, "onderdeel": group,
                "gedekt": sum(c.covered for c in rows), "totaal": len(rows),
            })
        targets = [c for c in coverage if c.group in GROUPS]
        if not index:
            index = [(c.group, c.name) for c in targets]
        detail[label] = [len(c.hits) for c in targets]
    summary_df = pd.DataFrame(summary_rows, columns=["gemeente", "onderdeel", "gedekt", "totaal"])
    summary_df["percentage"] = (
        100 * summary_df["gedekt"] / summary_df["totaal"].where(summary_df["totaal"] > 0)
    ).round(0)
    detail_df = pd.DataFrame({"onderdeel": [g for g, _ in index], "factor of thema": [n for _, n in index], **detail})
    return summary_df, detail_df


def _items_for(kk: Kenniskaart, municipality: str, plan: Plan | None) -> list[PlanItem]:
    if municipality == YOUR_PLAN:
        return items_of(kk, plan or Plan())
    return plan_items(kk, [], municipality_preset(kk, municipality))


def _factor_frameworks(kk: Kenniskaart, group: str) -> tuple[int, int]:
    """(Samen Weerbaar factors, Beke factors) among a group's dynamic rows, twins as one."""
    factors = kk.by_id("factors")
    rows = [c for c in scan(kk, []) if c.group == group]
    sw = sum(any(factors[f].framework == "samen_weerbaar" for f in c.factor_ids) for c in rows)
    return sw, len(rows) - sw


HOW_COVERED = (
    "Een interventie dekt een factor als een bron dat zegt van de interventie zelf (of van de "
    "catalogus-interventie die een BOTOC-project gebruikt), als de praktijkscan het zegt van het "
    "thema van een BOTOC-project (alleen op themaniveau), of als het kenniskaart-team het zo indeelt; "
    "een eigen interventie dekt de factoren die de gemeente zelf noemt. Dezelfde factor in twee "
    "bronnen (Beke en Samen Weerbaar) is één factor: wie de ene dekt, dekt de andere, en hij heeft "
    "overal hetzelfde oordeel."
)
"""When a plan item covers a factor (the links ``item_links`` and ``scan`` count), in Dutch."""


def row_explanations(kk: Kenniskaart) -> dict[str, str]:
    """What each row of the comparison counts (Dutch, plain text), with today's numbers."""
    empty = scan(kk, [])
    n = {g: sum(c.group == g for c in empty) for g in GROUPS}
    shared = sum(c.group == GROUPS[2] and len(c.groups) > 1 for c in empty)
    sw, beke = _factor_frameworks(kk, GROUPS[2])
    return {
        GROUNDED_ROW: (
            "Hoeveel van de interventies van de gemeente (ogenschijnlijk) rusten op een gefundeerde "
            "risicofactor of een beschermende factor uit de kennissynthese van Beke, rechtstreeks, via "
            "dezelfde factor in Samen Weerbaar of op themaniveau (de praktijkscan telde 56 van de 62)."
        ),
        GROUPS[0]: (
            f"De {n[GROUPS[0]]} dynamische gefundeerde risicofactoren uit de kennissynthese van Beke "
            "(statische factoren zoals geslacht en leeftijd zijn context, geen gat)."
        ),
        GROUPS[1]: f"De {n[GROUPS[1]]} dynamische beschermende factoren uit de kennissynthese van Beke.",
        GROUPS[2]: (
            f"De {n[GROUPS[2]]} dynamische factoren op gezins- en gemeenschapsniveau: {sw} uit Samen "
            f"Weerbaar (die van Beke op dat niveau als dezelfde factor, één keer geteld) en {beke} die "
            f"alleen Beke noemt. {shared} daarvan zijn ook een gefundeerde of beschermende factor van "
            "Beke en tellen in beide rijen mee, met hetzelfde oordeel. De thema's van de BOTOC-projecten "
            "noemen alleen factoren van Beke; zo'n factor telt hier als hij op gezins- of "
            "gemeenschapsniveau ligt of dezelfde is als een factor van Samen Weerbaar."
        ),
        GROUPS[3]: (
            f"De {n[GROUPS[3]]} thema's van Preventie met Gezag; een interventie dekt een thema waarin "
            "ze is ingedeeld."
        ),
        GROUPS[4]: (
            f"De {n[GROUPS[4]]} niveaus van hulp; een interventie dekt een niveau waarop ze is ingedeeld."
        ),
    }


def _covered_text(c: Coverage) -> str:
    name = c.name + (f" (= {'; '.join(c.twins)})" if c.twins else "")
    parts = "; ".join(f"{PROVENANCE_LABELS[b]}: {names_list(items, 3)}" for b, items in c.by_basis().items())
    return f"{name} — {parts}"


def score_reasons(
    kk: Kenniskaart, municipalities: list[str], plan: Plan | None = None
) -> list[tuple[str, list[tuple[str, str]]]]:
    """Why each municipality scores what it scores: per municipality, per row of the
    comparison, '<n van m>: <what is covered, by which items, on what it rests>' (Dutch, plain
    text). Only the links ``scan`` counts; nothing else."""
    out = []
    for m in municipalities:
        items = _items_for(kk, m, plan)
        coverage = scan(kk, items)
        grounded = grounded_items(kk, items)
        loose = [item_label(i) for i in items if i not in grounded]
        first = f"{len(grounded)} van {len(items)}"
        if loose:
            first += f"; niet op een gefundeerde factor: {names_list(loose)}"
        rows = [(GROUNDED_ROW, first + ".")]
        for group in GROUPS:
            part = [c for c in coverage if c.group == group]
            covered = sorted((c for c in part if c.covered), key=lambda c: -len(c.hits))
            head = f"{len(covered)} van {len(part)}"
            if not covered:
                text = (f"{head}: geen van de {len(items)} interventies is, rechtstreeks of via haar thema, "
                        "aan een van deze gekoppeld.")
            else:
                text = f"{head}: " + " · ".join(_covered_text(c) for c in covered) + "."
            rows.append((group, text))
        out.append((municipality_label(m), rows))
    return out


def comparison_table(summary_df: pd.DataFrame) -> pd.DataFrame:
    """One row per part, one column per municipality: 'n van m'."""
    if summary_df.empty:
        return pd.DataFrame(columns=["onderdeel"])
    cells = summary_df.assign(cel=summary_df["gedekt"].astype(str) + " van " + summary_df["totaal"].astype(str))
    table = cells.pivot(index="onderdeel", columns="gemeente", values="cel")
    order = [GROUNDED_ROW, *GROUPS]
    columns = list(dict.fromkeys(summary_df["gemeente"]))
    return table.reindex(order)[columns].reset_index()


REPRESSIVE_THEMES = named_in_code(__name__, "REPRESSIVE_THEMES", "themes",
                                  frozenset({"ps-opsporing-vervolging", "ps-bovenlokale-netwerken"}))
"""Praktijkscan themes counted as repressive in the balance (team classification)."""


def balance(kk: Kenniskaart, items: list[PlanItem]) -> pd.DataFrame:
    """Preventive vs repressive items, and items per level of help (incl. unknown)."""
    rows = []
    repressive = [i for i in items if set(i.praktijkscan_themes) & REPRESSIVE_THEMES]
    rows.append({"verdeling": "preventief / repressief", "deel": "repressief", "aantal": len(repressive)})
    rows.append({"verdeling": "preventief / repressief", "deel": "preventief", "aantal": len(items) - len(repressive)})
    for h in kk.help_levels_in_order:
        rows.append(
            {"verdeling": "niveau van hulp", "deel": h.name, "aantal": sum(h.id in i.help_levels for i in items)}
        )
    rows.append({"verdeling": "niveau van hulp", "deel": "onbekend", "aantal": sum(not i.help_levels for i in items)})
    return pd.DataFrame(rows, columns=["verdeling", "deel", "aantal"])


PROCESS_LESSONS = named_in_code(__name__, "PROCESS_LESSONS", "guidance", (
    "verbeter-kb-realistische-doelen",
    "aanb-ccv-nulmeting",
    "verbeter-kb-doelgroep-in-beeld",
    "verbeter-kb-monitoring-evaluatie",
))
"""Guidance on the process that applies to every plan: realistic goals, a 0-meting,
knowing the target group, monitoring (seed 000 improvement points; seed 001)."""


def process_lessons(kk: Kenniskaart) -> list[Guidance]:
    guidance = kk.by_id("guidance")
    return [guidance[g] for g in PROCESS_LESSONS if g in guidance]
