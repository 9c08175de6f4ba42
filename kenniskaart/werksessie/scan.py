"""The Samen Weerbaar-scan of a room (pure: no Streamlit, no SQL).

Each indicator (``content/indicators``, seed 004 §5.1 and aanbeveling 1) is answered on a
five-step axis from protective (1, left) to risky (5, right), or "weet ik niet" (0). The room's
answers per indicator are tallied; an indicator *leans risky* when the mean of its axis answers
(the "weet ik niet" answers left out) is above the middle (3), *protective* when below it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

from ..content import Kenniskaart
from ..models import Indicator
from .errors import WerksessieError

UNKNOWN = 0
AXIS: dict[int, str] = {
    1: "Beschermend",
    2: "Eerder beschermend",
    3: "Beide / gemengd",
    4: "Eerder risicovol",
    5: "Risicovol",
}
"""The five steps from the protective end (1) to the risky end (5)."""
CHOICES: dict[int, str] = {**AXIS, UNKNOWN: "Weet ik niet"}
MIDDLE = 3
LEANS = {"risicovol": "neigt naar risicovol", "beschermend": "neigt naar beschermend", "gemengd": "in het midden"}


def indicators(kk: Kenniskaart) -> list[Indicator]:
    """The scan's indicators: gezin first, then gemeenschap, each in the source's order."""
    order = {"gezin": 0, "gemeenschap": 1}
    return sorted(kk.indicators, key=lambda i: (order.get(i.level, 9), i.number, i.id))


def wording(kk: Kenniskaart, ind: Indicator) -> str:
    """The source's own wording of an indicator: item ``number`` of its guidance item (without the
    '(n) ' the community list carries), '' when the content lacks it."""
    item = kk.by_id("guidance").get(ind.guidance)
    if item is None or ind.number > len(item.items):
        return ""
    return re.sub(r"^\(\d+\)\s*", "", item.items[ind.number - 1])


def validate_scan(
    kk: Kenniskaart, scan: Mapping[str, object] | Iterable[tuple[str, object]]
) -> tuple[tuple[str, int], ...]:
    """(indicator id, step) pairs in the scan's order; steps 1-5 or 0 (weet ik niet). Indicators
    left out are unanswered. WerksessieError (Dutch, naming the field) otherwise."""
    pairs = scan.items() if isinstance(scan, Mapping) else scan
    known = kk.by_id("indicators")
    out: dict[str, int] = {}
    for iid, step in pairs:
        if not isinstance(iid, str) or iid not in known:
            raise WerksessieError(f"Samen Weerbaar-scan: onbekende indicator {str(iid)[:40]!r}.")
        if isinstance(step, bool) or not isinstance(step, int) or step not in CHOICES:
            raise WerksessieError(
                f"Samen Weerbaar-scan: kies bij '{known[iid].name}' een stap van 1 tot 5 of 'weet ik niet'."
            )
        out[iid] = step
    pos = {ind.id: n for n, ind in enumerate(indicators(kk))}
    return tuple(sorted(out.items(), key=lambda kv: pos[kv[0]]))


def tally(kk: Kenniskaart, scans: Iterable[Iterable[tuple[str, int]]]) -> dict[str, dict[int, int]]:
    """Indicator id -> step -> number of participants (only steps someone chose). Indicators or
    steps no longer known (content changed) are ignored."""
    known = kk.by_id("indicators")
    counts: dict[str, Counter[int]] = {}
    for scan in scans:
        for iid, step in dict(scan).items():
            if iid in known and step in CHOICES:
                counts.setdefault(iid, Counter())[step] += 1
    return {iid: dict(sorted(c.items())) for iid, c in counts.items()}


def mean(counts: Mapping[int, int]) -> float | None:
    """Mean step of the axis answers (weet ik niet left out); None without any."""
    n = sum(c for s, c in counts.items() if s in AXIS)
    return None if n == 0 else sum(s * c for s, c in counts.items() if s in AXIS) / n


def lean(counts: Mapping[int, int]) -> str | None:
    """'risicovol' (mean above the middle), 'beschermend' (below), 'gemengd' (exactly the
    middle), or None when nobody placed it on the axis."""
    m = mean(counts)
    if m is None:
        return None
    return "risicovol" if m > MIDDLE else "beschermend" if m < MIDDLE else "gemengd"


def leaning(kk: Kenniskaart, scan_counts: Mapping[str, Mapping[int, int]], side: str) -> list[Indicator]:
    """The indicators whose room answers lean to ``side`` ('risicovol' or 'beschermend'), in the
    scan's order."""
    return [ind for ind in indicators(kk) if lean(scan_counts.get(ind.id, {})) == side]
