"""Coverage of every target (factor rows with their twin class, PmG themes, levels of help) by a
plan's items; static factors are context."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from ..content import Kenniskaart
from ..models import Factor, PracticeExample
from ..rules import (
    counts_as_coverage,
)
from ..vocabulary import OWN, PROVENANCE_LABELS, PROVENANCE_ORDER
from .plan import OwnEntry, PlanItem, _stronger, item_label, item_links


@dataclass(frozen=True)
class Hit:
    """One plan item covering a target, and on what that rests."""

    item: str
    basis: str
    """``bron`` / ``thema`` / ``team`` (see ``models.Basis``) or ``eigen``; for themes and
    levels of help the item's own classification (``bron``)."""


@dataclass(frozen=True)
class Coverage:
    """For one target (factor, theme or help level): which plan items cover it."""

    id: str
    name: str
    group: str
    hits: tuple[Hit, ...] = ()
    twins: tuple[str, ...] = ()
    """Names of the same factor in another framework; they are this one row (counted once)."""
    factor_ids: tuple[str, ...] = ()
    """For a factor row: the ids of the factor and its twins (the whole twin class)."""
    groups: tuple[str, ...] = ()
    """For a factor row: every group this same row appears in, with the same verdict."""

    @property
    def covered_by(self) -> tuple[str, ...]:
        return tuple(h.item for h in self.hits)

    @property
    def covered(self) -> bool:
        return bool(self.hits)

    @property
    def basis(self) -> str | None:
        """Strongest provenance among the hits (None when not covered)."""
        best: str | None = None
        for h in self.hits:
            best = _stronger(best, h.basis)
        return best

    def by_basis(self) -> dict[str, tuple[str, ...]]:
        """Item names per provenance, strongest provenance first."""
        order = sorted({h.basis for h in self.hits}, key=lambda b: -PROVENANCE_ORDER[b])
        return {b: tuple(h.item for h in self.hits if h.basis == b) for b in order}


GROUPS = (
    "Gefundeerde risicofactoren",
    "Beschermende factoren (Beke)",
    "Factoren gezin en gemeenschap",
    "PmG-thema's",
    "Niveaus van hulp",
)
"""The parts of the scan that can have gaps, in display order."""

FACTOR_GROUPS = GROUPS[:3]
CONTEXT_GROUP = "Context: statische factoren"
"""Static factors (sex, age, offending history, …): they set the level of help a plan needs
but no intervention changes them, so they are never a gap (seed 001 les 1, risicobeginsel)."""


def _in_group(f: Factor, group: str) -> bool:
    if group == GROUPS[0]:
        return f.framework == "beke_kennissynthese" and f.kind == "risico" and f.evidence == "gefundeerd"
    if group == GROUPS[1]:
        return f.framework == "beke_kennissynthese" and f.kind == "beschermend"
    return f.framework == "samen_weerbaar" or (
        f.framework == "beke_kennissynthese" and f.level in ("gezin", "gemeenschap")
    )


def is_grounded_factor(f: Factor) -> bool:
    """What seed 002 counts as a 'gefundeerde risico- of beschermingsfactor': a gefundeerde
    Beke risk factor or a Beke protective factor (the two lists of the kennissynthese)."""
    return _in_group(f, GROUPS[0]) or _in_group(f, GROUPS[1])


def _class_of(kk: Kenniskaart, factor_id: str) -> frozenset[str]:
    """The factor's twin class (``Kenniskaart.twin_ids``: the one twin relation)."""
    return kk.twin_ids(factor_id)


def counts_in_plan(kk: Kenniskaart, item: PlanItem) -> bool:
    """Whether a plan item counts as coverage: not when a source reports harm or a trial found no
    effect, for the item itself or a catalogue intervention a practice example uses
    (``rules.counts_as_coverage``). Such an item stays in the plan with its warning."""
    if isinstance(item, OwnEntry):
        return True
    if not counts_as_coverage(item):
        return False
    if isinstance(item, PracticeExample):
        ivs = kk.by_id("interventions")
        return all(counts_as_coverage(ivs[iid]) for iid in item.interventions if iid in ivs)
    return True


def scan(kk: Kenniskaart, items: list[PlanItem]) -> list[Coverage]:
    """Coverage of every target in ``GROUPS`` (and the static context) by the plan's items.

    Items that can harm or had no effect count nowhere (``counts_in_plan``).
    A factor and its twins (``Kenniskaart.twin_ids``) are one row with one verdict, computed once: it
    is listed in every factor group one of them belongs to (a Beke factor at family level is
    both gefundeerd and 'gezin en gemeenschap'), counted once per group, and always with the
    same items, provenance and (as a gap) suggestions. Static factors are context, once.
    """
    factors = kk.by_id("factors")
    items = [i for i in items if counts_in_plan(kk, i)]
    per_item = [(item_label(i), item_links(kk, i)) for i in items]
    position = kk.factor_positions

    def hits_of(members: frozenset[str]) -> tuple[Hit, ...]:
        hits = []
        for label, links in per_item:
            best = None
            for fid in members:
                if fid in links:
                    best = _stronger(best, links[fid])
            if best is not None:
                hits.append(Hit(label, best))
        return tuple(hits)

    # which groups each class belongs to, and the factor that names it (the first of the class
    # in the first group it belongs to, in content order)
    in_groups: dict[frozenset[str], list[str]] = {}
    order: dict[str, list[frozenset[str]]] = {g: [] for g in FACTOR_GROUPS}
    named: dict[frozenset[str], Factor] = {}
    for group in FACTOR_GROUPS:
        for f in kk.factors:
            if not _in_group(f, group):
                continue
            cls = _class_of(kk, f.id)
            named.setdefault(cls, f)
            groups = in_groups.setdefault(cls, [])
            if group not in groups:
                groups.append(group)
                order[group].append(cls)
    linked = {fid for _, links in per_item for fid in links}
    for f in kk.factors:  # static factors outside the groups that the plan names: context
        cls = _class_of(kk, f.id)
        if f.id in linked and cls not in named and f.nature == "statisch":
            named[cls] = f
            in_groups[cls] = []

    def is_static(cls: frozenset[str]) -> bool:
        return all(factors[fid].nature == "statisch" for fid in cls if fid in factors)

    verdicts: dict[frozenset[str], Coverage] = {}
    for cls, f in named.items():  # one verdict per class
        twins = tuple(factors[t].name for t in sorted(cls - {f.id}, key=lambda t: position.get(t, 0)) if t in factors)
        class_ids = tuple(sorted(cls, key=lambda t: (t != f.id, position.get(t, 0))))
        row_groups = tuple(in_groups[cls]) if not is_static(cls) else (CONTEXT_GROUP,)
        verdicts[cls] = Coverage(f.id, f.name, row_groups[0], hits_of(cls), twins, class_ids, row_groups)

    out: list[Coverage] = []
    for group in FACTOR_GROUPS:
        out.extend(replace(verdicts[cls], group=group) for cls in order[group] if not is_static(cls))
    context = [v for cls, v in verdicts.items() if is_static(cls)]
    for t in kk.pmg_themes:
        hits = tuple(Hit(item_label(i), OWN if isinstance(i, OwnEntry) else "bron")
                     for i in items if t.id in i.pmg_themes)
        out.append(Coverage(t.id, t.name, GROUPS[3], hits))
    for h in kk.help_levels_in_order:
        hits = tuple(Hit(item_label(i), OWN if isinstance(i, OwnEntry) else "bron")
                     for i in items if h.id in i.help_levels)
        out.append(Coverage(h.id, h.name, GROUPS[4], hits))
    return out + context


def gaps(coverage: list[Coverage]) -> list[Coverage]:
    """What the plan does not cover; static factors are context, never a gap."""
    return [c for c in coverage if c.group in GROUPS and not c.covered]


def grounded_items(kk: Kenniskaart, items: list[PlanItem]) -> list[PlanItem]:
    """Items that (ogenschijnlijk) rest on a gefundeerde risk factor or a Beke protective
    factor, directly, through a twin, or at theme level: seed 002 §3.2 counts 56 of 62.
    The same rule as ``scan``: the item covers a row of one of those two groups."""
    factors = kk.by_id("factors")
    out = []
    for item in items:
        ids = {t for fid in item_links(kk, item) for t in _class_of(kk, fid)}
        if any(fid in factors and is_grounded_factor(factors[fid]) for fid in ids):
            out.append(item)
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
    """One row per target, for the CSV download."""
    rows = [
        {
            "onderdeel": c.group,
            "factor of thema": c.name,
            "ook genoemd als": "; ".join(c.twins),
            "gedekt": ("ja" if c.covered else "nee") if c.group in GROUPS else "context",
            "aantal interventies": len(c.hits),
            "sterkste grondslag": PROVENANCE_LABELS[c.basis] if c.basis else "",
            "door": ", ".join(c.covered_by),
        }
        for c in coverage
    ]
    return pd.DataFrame(
        rows,
        columns=["onderdeel", "factor of thema", "ook genoemd als", "gedekt", "aantal interventies",
                 "sterkste grondslag", "door"],
    )
