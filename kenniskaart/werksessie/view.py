"""What the Werksessie's live view shows (pure: no Streamlit, no SQL): the lines, the votes
table, the long frames the charts draw (``charts.votes_chart``, ``charts.scan_chart``) with their
colours, and a legend that wraps. Counting and ranking are ``werksessie.room``'s; this only
presents them.
"""

from __future__ import annotations

from html import escape

import pandas as pd

from ..charts import INK
from ..content import Kenniskaart
from ..nl import short
from .room import ORG_TYPES, RoomSummary, room_top_factors
from .scan import AXIS, CHOICES, LEANS, UNKNOWN, indicators, lean

CHART_FACTORS = 12
"""Factors in the live chart (the rest is in the table and the export)."""
ORG_COLOURS = dict(zip(ORG_TYPES.values(), ("#4c78a8", "#f58518", "#e45756", "#72b7b2", "#54a24b", "#b279a2"),
                       strict=True))
"""One colour per organisation type, the same in every chart (Tableau 10)."""
SCAN_COLOURS = {1: "#1a9850", 2: "#91cf60", 3: "#d9d9b0", 4: "#fc8d59", 5: "#d73027", UNKNOWN: "#bdbdbd"}
"""From protective (green) to risky (red); 'weet ik niet' grey."""


def spaced_code(code: str) -> str:
    """'ABC DEF': easier to read from a projector."""
    return f"{code[:3]}\u00a0{code[3:]}" if len(code) == 6 else code


def times(n: int) -> str:
    return f"{n}×"


def top_lines(kk: Kenniskaart, summary: RoomSummary, n: int = 5, limit: int = 70) -> list[str]:
    """'<factor> — 3× in top 3 · 5× aangevinkt' for the room's top ``n`` factors (plain text;
    names cut at ``limit`` characters)."""
    factors = kk.by_id("factors")
    out = []
    for fid in room_top_factors(summary, n):
        if fid in factors:
            out.append(f"{short(factors[fid].name, limit)} — {times(summary.top_votes.get(fid, 0))} in top 3 · "
                       f"{times(summary.factor_votes.get(fid, 0))} aangevinkt")
    return out


def votes_table(kk: Kenniskaart, summary: RoomSummary) -> pd.DataFrame:
    """One row per marked factor, in the room's ranking: marks, top-3 votes, marks per org type."""
    factors = kk.by_id("factors")
    orgs = [o for o in ORG_TYPES if summary.orgs.get(o)]
    rows = []
    for fid in room_top_factors(summary, None):
        if fid not in factors:
            continue
        row = {"factor": factors[fid].name, "aangevinkt": summary.factor_votes.get(fid, 0),
               "in top 3": summary.top_votes.get(fid, 0)}
        row.update({ORG_TYPES[o]: summary.by_org.get(o, {}).get(fid, 0) for o in orgs})
        rows.append(row)
    return pd.DataFrame(rows, columns=["factor", "aangevinkt", "in top 3", *(ORG_TYPES[o] for o in orgs)])


def votes_frame(kk: Kenniskaart, summary: RoomSummary, n: int = CHART_FACTORS) -> pd.DataFrame:
    """Long format for the chart: factor × organisation type × marks, the top ``n`` factors."""
    factors = kk.by_id("factors")
    rows = []
    for fid in room_top_factors(summary, n):
        if fid not in factors:
            continue
        label = short(factors[fid].name, 48)
        for org, label_org in ORG_TYPES.items():
            count = summary.by_org.get(org, {}).get(fid, 0)
            if count:
                rows.append({"factor": label, "organisatie": label_org, "aantal": count})
    return pd.DataFrame(rows, columns=["factor", "organisatie", "aantal"])


def org_lines(summary: RoomSummary) -> str:
    """'Gemeente 2 · Politie 1' (the answers per organisation type)."""
    return " · ".join(f"{ORG_TYPES[o]} {n}" for o, n in summary.orgs.items() if o in ORG_TYPES and n)


def scan_frame(kk: Kenniskaart, summary: RoomSummary) -> pd.DataFrame:
    """Long format for the scan chart: indicator × step × answers, in the scan's order."""
    rows = []
    for ind in indicators(kk):
        for step in (*AXIS, UNKNOWN):
            count = summary.scan.get(ind.id, {}).get(step, 0)
            if count:
                rows.append({"indicator": ind.name, "antwoord": CHOICES[step], "stap": step if step else 6,
                             "aantal": count})
    return pd.DataFrame(rows, columns=["indicator", "antwoord", "stap", "aantal"])


def scan_order(kk: Kenniskaart) -> list[str]:
    """The indicators' names in the scan's order (the rows of the scan chart)."""
    return [ind.name for ind in indicators(kk)]


def scan_lines(kk: Kenniskaart, summary: RoomSummary, most: int | None = None) -> list[str]:
    """'Neigt naar risicovol: A, B' and 'Neigt naar beschermend: C' (plain text; empty parts left
    out; at most ``most`` names each, then '+ n')."""
    out = []
    for side in ("risicovol", "beschermend"):
        names = [ind.name for ind in indicators(kk) if lean(summary.scan.get(ind.id, {})) == side]
        if names:
            shown = names if most is None else names[:most]
            rest = f" + {len(names) - len(shown)}" if len(names) > len(shown) else ""
            out.append(f"{LEANS[side][0].upper()}{LEANS[side][1:]}: {', '.join(shown)}{rest}")
    return out


def doing_lines(kk: Kenniskaart, summary: RoomSummary, n: int = 5) -> list[str]:
    """'<name> — 3×' for what the room already does, most named first: catalogue items, then own
    entries (plain text: own entries are the room's words)."""
    ivs = kk.by_id("interventions")
    items = [(ivs[i].name, c) for i, c in summary.doing.items() if i in ivs] + list(summary.own)
    items.sort(key=lambda nc: -nc[1])
    return [f"{short(name, 60)} — {times(c)}" for name, c in items[:n]]


def legend_html(entries: list[tuple[str, str]], size: str = "0.9rem") -> str:
    """A legend that wraps: a coloured square and a label per (colour, label); fixed vocabulary
    (organisation types, axis steps), escaped all the same."""
    items = "".join(
        f'<span style="display:inline-flex;align-items:center;margin:0 1.2em 0.2em 0;white-space:nowrap">'
        f'<span style="width:0.9em;height:0.9em;background:{escape(colour)};display:inline-block;'
        f'margin-right:0.35em"></span>{escape(label)}</span>' for colour, label in entries)
    style = f"display:flex;flex-wrap:wrap;font-size:{escape(size)};color:{INK}"
    return f'<div class="ws-legend" style="{style}">{items}</div>'


def org_legend(data: pd.DataFrame) -> list[tuple[str, str]]:
    """(colour, organisation type) for the types in the chart's data, in ``ORG_TYPES`` order."""
    present = set(data["organisatie"])
    return [(ORG_COLOURS[o], o) for o in ORG_COLOURS if o in present]


def scan_legend() -> list[tuple[str, str]]:
    return [(SCAN_COLOURS[s], CHOICES[s]) for s in (*AXIS, UNKNOWN)]
