"""The map as a graph: nodes in three columns, edges with their provenance, highlighting."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..content import Kenniskaart
from ..models import Factor, Intervention
from ..rules import addressing, effective_recognition, is_recognised
from ..vocabulary import (
    BASIS_ORDER,
    EVIDENCE_LABELS,
    FACTOR_KIND_LABELS,
    GROUP_LABELS,
    KIND_ORDER,
    LEVEL_ORDER,
    STRENGTHS,
)
from .links import factors_for, link_basis, themes_of, themes_stating
from .strength import (
    NO_THEME,
    NO_THEME_LABEL,
    factor_strength,
    intervention_strength,
    recognition_short,
)

# --- the graph -----------------------------------------------------------------------


@dataclass(frozen=True)
class Node:
    id: str
    kind: str
    """'factor', 'thema', 'interventie' or 'kop' (a group heading in the factor column)."""
    label: str
    column: int
    row: float
    strength: str = "bewijs onbekend"
    recognised: bool = False
    detail: str = ""
    """Tooltip text: what the node is and what is known about it."""


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    basis: str
    pairs: frozenset[tuple[str, str]]
    """(factor id, intervention id) links this segment carries; (factor, '') for a theme's
    own statement."""


@dataclass(frozen=True)
class Graph:
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    hidden_interventions: tuple[str, ...] = ()
    """Linked interventions left out to keep the map readable (see ``max_interventions``)."""
    hidden_factors: tuple[str, ...] = ()
    node_ids: frozenset[str] = field(default=frozenset())
    gaps: tuple[str, ...] = ()
    """Shown dynamic factors without any intervention on this map (for a profile: none that the
    Aanbeveler offers): drawn, marked as a gap and named under the map."""

    @property
    def rows(self) -> int:
        return int(max((n.row for n in self.nodes), default=0)) + 1

    def shown(self, kind: str) -> list[Node]:
        return [n for n in self.nodes if n.kind == kind]


GAP_MARK = " · gat"
"""Appended to the label of a factor without an intervention on the map."""


def _factor_detail(f: Factor) -> str:
    return (
        f"{FACTOR_KIND_LABELS[f.kind]} · {f.level} · bewijs: {EVIDENCE_LABELS[f.evidence]} · "
        f"{f.nature}"
    )


def _iv_detail(iv: Intervention) -> str:
    return f"interventie · {recognition_short(iv)}"


def build_graph(
    kk: Kenniskaart,
    factor_ids: list[str] | tuple[str, ...],
    max_factors: int | None = None,
    max_interventions: int | None = None,
    include: frozenset[str] | set[str] = frozenset(),
    only: frozenset[str] | None = None,
) -> Graph:
    """The map for these factors (in kind/level groups), their themes and interventions.

    Every factor is drawn; a dynamic factor without an intervention is a gap (``Graph.gaps``,
    its label says so). At most
    ``max_factors`` factors (most links first) and ``max_interventions`` interventions
    (strongest evidence first, then most links to the shown factors) are drawn; the rest is
    reported in ``hidden_*`` so the page can say so. Interventions in ``include`` (e.g. all
    interventions of a selected factor) are always drawn, on top of the cap. With ``only`` (the
    interventions the Aanbeveler offers a profile, ``aanbeveler.offered``) nothing else is drawn, so
    the map never shows what the Aanbeveler excludes or keeps for school or municipality.
    """
    by_f = kk.by_id("factors")
    factors = [by_f[i] for i in dict.fromkeys(factor_ids) if i in by_f]
    links = {f.id: tuple(iv for iv in addressing(kk, f.id) if only is None or iv.id in only)
             for f in factors}
    stated = {f.id: themes_stating(kk, f.id) for f in factors}
    hidden_factors: list[str] = []
    if max_factors is not None and len(factors) > max_factors:
        keep = sorted(factors, key=lambda f: -(len(links[f.id]) + len(stated[f.id])))[:max_factors]
        hidden_factors = [f.id for f in factors if f not in keep]
        factors = [f for f in factors if f in keep]

    # evidence as the Aanbeveler weighs it: a rating per outcome counts for these factors
    outcome_ids = frozenset(t for f in factors for t in kk.twin_ids(f.id))

    def strength(iv: Intervention) -> str:
        return intervention_strength(iv, effective_recognition(iv, outcome_ids))

    # interventions linked to the shown factors
    linked: dict[str, Intervention] = {}
    count: dict[str, int] = {}
    for f in factors:
        for iv in links[f.id]:
            linked[iv.id] = iv
            count[iv.id] = count.get(iv.id, 0) + 1
    rank = sorted(
        linked.values(),
        key=lambda iv: (iv.id not in include, STRENGTHS.index(strength(iv)), -count[iv.id], iv.name),
    )
    hidden_ivs: list[str] = []
    cap = None if max_interventions is None else max(max_interventions, len(include & linked.keys()))
    if cap is not None and len(rank) > cap:
        hidden_ivs = [iv.id for iv in rank[cap:]]
        rank = rank[:cap]

    gap_ids = {f.id for f in factors if f.nature == "dynamisch" and not links[f.id]}

    # themes in their praktijkscan order, 'geen thema' last
    theme_order = [t.id for t in kk.praktijkscan_themes] + [NO_THEME]
    theme_names = {t.id: t.name for t in kk.praktijkscan_themes} | {NO_THEME: NO_THEME_LABEL}
    used_themes = {t for iv in rank for t in themes_of(iv)} | {t for f in factors for t in stated[f.id]}
    themes = [t for t in theme_order if t in used_themes]
    # interventions grouped by their first theme, so theme → intervention edges cross little
    ivs = sorted(rank, key=lambda iv: (theme_order.index(themes_of(iv)[0]), STRENGTHS.index(strength(iv)), iv.name))

    nodes: list[Node] = []
    row = 0
    for kind in KIND_ORDER:
        for level in LEVEL_ORDER:
            group = [f for f in factors if f.kind == kind and f.level == level]
            if not group:
                continue
            nodes.append(Node(f"kop-{kind}-{level}", "kop", GROUP_LABELS[(kind, level)], 0, row))
            row += 1
            for f in group:
                label = f.name + (GAP_MARK if f.id in gap_ids else "")
                nodes.append(Node(f.id, "factor", label, 0, row, factor_strength(f), False, _factor_detail(f)))
                row += 1
    factor_rows = row
    n_ivs = len(ivs)
    tallest = max(factor_rows, n_ivs, len(themes), 1)

    def spread(i: int, n: int) -> float:
        """Row of item i of n, spread evenly over the tallest column (at least a row apart)."""
        return (i + 0.5) * tallest / n - 0.5

    for i, t in enumerate(themes):
        nodes.append(Node(t, "thema", theme_names[t], 1, spread(i, len(themes)),
                          detail="interventiethema (praktijkscan)"))
    for i, iv in enumerate(ivs):
        nodes.append(Node(iv.id, "interventie", iv.name, 2, spread(i, n_ivs),
                          strength(iv), is_recognised(iv.recognition), _iv_detail(iv)))
    if factor_rows < tallest:  # centre the factor column too
        shift = (tallest - factor_rows) / 2
        nodes = [Node(n.id, n.kind, n.label, n.column, n.row + shift, n.strength, n.recognised, n.detail)
                 if n.column == 0 else n for n in nodes]

    # edges: factor → theme → intervention, strongest provenance per segment
    seg: dict[tuple[str, str], tuple[str, set[tuple[str, str]]]] = {}

    def add(a: str, b: str, basis: str, pair: tuple[str, str]) -> None:
        old = seg.get((a, b))
        if old is None:
            seg[(a, b)] = (basis, {pair})
        else:
            best = basis if BASIS_ORDER[basis] > BASIS_ORDER[old[0]] else old[0]
            seg[(a, b)] = (best, old[1] | {pair})

    shown_ivs = {iv.id for iv in ivs}
    for f in factors:
        for iv in links[f.id]:
            if iv.id not in shown_ivs:
                continue
            basis = link_basis(kk, iv, f.id) or "team"
            for t in themes_of(iv):
                add(f.id, t, basis, (f.id, iv.id))
                add(t, iv.id, basis, (f.id, iv.id))
        for t in stated[f.id]:
            add(f.id, t, "thema", (f.id, ""))
    edges = tuple(Edge(a, b, basis, frozenset(pairs)) for (a, b), (basis, pairs) in seg.items())
    return Graph(tuple(nodes), edges, tuple(hidden_ivs), tuple(hidden_factors),
                 frozenset(n.id for n in nodes), tuple(f.id for f in factors if f.id in gap_ids))


@dataclass(frozen=True)
class Highlight:
    """What lights up when a node is selected."""

    selected: str | None
    nodes: frozenset[str]
    """Node ids shown at full strength (all nodes when nothing is selected)."""
    interventions: tuple[str, ...]
    """For a factor: the catalogue's interventions for it (also those not drawn)."""
    factors: tuple[str, ...]
    """For an intervention: its factors (with twins)."""
    examples: tuple[str, ...]
    """Practice examples that address the factor / use the intervention."""


def highlight(kk: Kenniskaart, graph: Graph, selected: str | None) -> Highlight:
    """The nodes lit up by selecting a factor or an intervention (None: everything)."""
    by_f, by_iv = kk.by_id("factors"), kk.by_id("interventions")
    if selected in by_f:
        # what the map draws for it: all its links, or for a profile only what the Aanbeveler offers
        drawn = {iid for e in graph.edges for fid, iid in e.pairs if fid == selected and iid}
        ivs = tuple(iv.id for iv in addressing(kk, selected) if iv.id in drawn)
        themes = {e.target for e in graph.edges if e.source == selected}
        lit = {selected, *ivs, *themes}
        return Highlight(selected, frozenset(lit & graph.node_ids), ivs, (),
                         tuple(ex.id for ex in kk.examples_for_factor(selected)))
    if selected in by_iv:
        fids = factors_for(kk, selected)
        themes = {e.source for e in graph.edges if e.target == selected}
        lit = {selected, *fids, *themes}
        ordered = tuple(f.id for f in kk.factors if f.id in fids)
        return Highlight(selected, frozenset(lit & graph.node_ids), (), ordered,
                         tuple(ex.id for ex in kk.examples_for_intervention(selected)))
    return Highlight(None, graph.node_ids, (), (), ())


def edge_active(edge: Edge, hl: Highlight) -> bool:
    """Whether a segment carries a link of the selected node."""
    if hl.selected is None:
        return True
    return any(hl.selected in pair for pair in edge.pairs)
