"""The visual kenniskaart as graph data (pure, no Streamlit, no Altair).

Three columns, left to right: factors (grouped by kind and level) → praktijkscan intervention
themes → interventions. A link between a factor and an intervention is drawn through the
intervention's theme(s): factor → theme → intervention, with the provenance (``bron`` /
``thema`` / ``team``) of the link it carries, so weaker links can be drawn weaker. A theme's
own statement in the praktijkscan (seed 002 §3.1.1: "de interventies in dit thema richten
zich voornamelijk op …") adds a factor → theme edge of provenance ``thema``.

Selecting a node lights up what it is linked to: a factor its interventions and practice
examples (``Kenniskaart.interventions_for_factor`` / ``examples_for_factor``, twins
included), an intervention its factors. ``charts.kaart_chart`` draws the layout;
``kaart_table`` is the table alternative.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from .content import Kenniskaart
from .models import BASIS_ORDER, RECOGNITION_ORDER, Factor, Intervention, PracticeExample, Recognition
from .present import BASIS_LABELS, EVIDENCE_LABELS, KIND_LABELS
from .signals import addressing, effective_recognition, for_young_person, is_recognised

NO_THEME = "geen-thema"
NO_THEME_LABEL = "zonder praktijkscan-thema"

STRENGTHS: tuple[str, ...] = ("sterk", "redelijk", "zwak of niet erkend", "bewijs onbekend")
"""Colour classes of evidence strength, strongest first (the legend of the map).

Factors: gefundeerd / statistisch robuust → sterk; plausibel / kwalitatief → redelijk;
niet beoordeeld → onbekend. Interventions: effectief volgens goede of sterke aanwijzingen →
sterk; the other recognised levels (eerste aanwijzingen, goed onderbouwd, erkend met onbekend
niveau) → redelijk; goed beschreven / niet erkend → zwak of niet erkend; no statement or
'niet beoordeeld' → onbekend.
"""

STRENGTH_EXPLAINED = {
    "sterk": "factor gefundeerd of statistisch robuust; interventie effectief volgens goede of sterke aanwijzingen",
    "redelijk": "factor plausibel of kwalitatief; interventie erkend (eerste aanwijzingen, goed onderbouwd of niveau onbekend)",
    "zwak of niet erkend": "interventie goed beschreven of niet erkend",
    "bewijs onbekend": "factor niet beoordeeld; erkenning van de interventie onbekend",
}

_FACTOR_STRENGTH = {
    "gefundeerd": "sterk",
    "robuust": "sterk",
    "plausibel": "redelijk",
    "kwalitatief": "redelijk",
    "niet_beoordeeld": "bewijs onbekend",
}

LEVEL_ORDER = ("individu", "gezin", "gemeenschap")
KIND_ORDER = ("risico", "beschermend")
GROUP_LABELS = {
    (kind, level): f"{'Risicofactoren' if kind == 'risico' else 'Beschermende factoren'} · {level}"
    for kind in KIND_ORDER
    for level in LEVEL_ORDER
}


def factor_strength(f: Factor) -> str:
    return _FACTOR_STRENGTH[f.evidence]


def intervention_strength(iv: Intervention, rec: Recognition | None = None) -> str:
    """Evidence strength from the main recognition, or from ``rec`` (the rating the Aanbeveler
    used for a profile's outcome, ``signals.effective_recognition``)."""
    rec = rec or iv.recognition
    if rec is None or rec.level == "niet beoordeeld":
        return "bewijs onbekend"
    if is_recognised(rec):
        return "sterk" if RECOGNITION_ORDER[rec.level] >= 4 else "redelijk"
    return "zwak of niet erkend"


def recognition_short(iv: Intervention, rec: Recognition | None = None) -> str:
    """'erkend: <niveau>', 'niet erkend', 'goed beschreven (niet erkend)' or
    'erkenning onbekend' (never a bare 'onbekend'); ``rec`` as in ``intervention_strength``."""
    rec = rec or iv.recognition
    if rec is None or rec.level == "niet beoordeeld":
        return "erkenning onbekend" if rec is None else "erkenning: niet beoordeeld"
    if is_recognised(rec):
        return f"erkend: {rec.level}"
    if rec.level == "niet erkend":
        return "niet erkend"
    return f"{rec.level} (niet erkend)"


# --- links ---------------------------------------------------------------------------


def link_basis(kk: Kenniskaart, iv: Intervention | PracticeExample, factor_id: str) -> str | None:
    """The strongest provenance of the item's link to the factor or one of its twins."""
    twins = kk.twin_ids(factor_id)
    bases = [l.basis for l in iv.factors if l.factor in twins]
    return max(bases, key=BASIS_ORDER.__getitem__) if bases else None


def interventions_for(kk: Kenniskaart, factor_id: str) -> frozenset[str]:
    """Ids of the interventions that address the factor (with twins) and count as coverage."""
    return frozenset(iv.id for iv in addressing(kk, factor_id))


def examples_for(kk: Kenniskaart, factor_id: str) -> frozenset[str]:
    return frozenset(ex.id for ex in kk.examples_for_factor(factor_id))


def factors_for(kk: Kenniskaart, intervention_id: str) -> frozenset[str]:
    """Ids of the factors an intervention addresses, with their twins."""
    iv = kk.by_id("interventions").get(intervention_id)
    if iv is None:
        return frozenset()
    return frozenset(fid for link in iv.factors for fid in kk.twin_ids(link.factor))


def themes_stating(kk: Kenniskaart, factor_id: str) -> tuple[str, ...]:
    """Praktijkscan themes whose own description (seed 002 §3.1.1) names the factor or a twin."""
    twins = kk.twin_ids(factor_id)
    return tuple(
        t.id for t in kk.praktijkscan_themes if twins & {*t.risk_factors, *t.protective_factors}
    )


def themes_of(iv: Intervention) -> tuple[str, ...]:
    return tuple(iv.praktijkscan_themes) or (NO_THEME,)


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
        f"{KIND_LABELS[f.kind]} · {f.level} · bewijs: {EVIDENCE_LABELS[f.evidence]} · "
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
    interventions the Aanbeveler offers a profile, ``matcher.offered``) nothing else is drawn, so
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


# --- frames for the chart and the table ------------------------------------------------


def node_frame(graph: Graph, hl: Highlight) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "id": n.id, "soort": n.kind, "naam": n.label, "kolom": n.column, "rij": n.row,
                "sterkte": n.strength, "erkend": n.recognised, "toelichting": n.detail,
                "actief": n.id in hl.nodes,
            }
            for n in graph.nodes
        ],
        columns=["id", "soort", "naam", "kolom", "rij", "sterkte", "erkend", "toelichting", "actief"],
    )


def edge_frame(graph: Graph, hl: Highlight) -> pd.DataFrame:
    pos = {n.id: (n.column, n.row) for n in graph.nodes}
    rows = []
    for e in graph.edges:
        (c1, r1), (c2, r2) = pos[e.source], pos[e.target]
        rows.append({
            "van": e.source, "naar": e.target, "kolom": c1, "rij": r1, "kolom2": c2, "rij2": r2,
            "koppeling": BASIS_LABELS[e.basis], "basis": e.basis, "actief": edge_active(e, hl),
        })
    return pd.DataFrame(
        rows, columns=["van", "naar", "kolom", "rij", "kolom2", "rij2", "koppeling", "basis", "actief"]
    )


@dataclass(frozen=True)
class ListEntry:
    factor: Factor
    gap: bool
    interventions: tuple[tuple[Intervention, bool], ...]
    """(intervention, recognised) on the map for this factor, strongest evidence first."""


def kaart_list(kk: Kenniskaart, graph: Graph) -> list[ListEntry]:
    """The map as a list, factor by factor (the view on a narrow screen): the same factors and
    interventions as the drawing, nothing else."""
    by_f, by_iv = kk.by_id("factors"), kk.by_id("interventions")
    pairs: dict[str, set[str]] = {}
    for e in graph.edges:
        for fid, iid in e.pairs:
            if iid:
                pairs.setdefault(fid, set()).add(iid)
    out = []
    for n in graph.shown("factor"):
        ivs = sorted((by_iv[i] for i in pairs.get(n.id, ())),
                     key=lambda iv: (STRENGTHS.index(intervention_strength(iv)), iv.name))
        out.append(ListEntry(by_f[n.id], n.id in graph.gaps, tuple((iv, is_recognised(iv.recognition)) for iv in ivs)))
    return out


def kaart_table(kk: Kenniskaart, graph: Graph) -> pd.DataFrame:
    """The map as a table (the alternative for screen readers): one row per link of a shown
    factor, also to interventions the cap left off the drawing ('op de kaart': nee); for a
    profile only what the Aanbeveler offers (what the graph was built with)."""
    by_f = kk.by_id("factors")
    themes = {t.id: t.name for t in kk.praktijkscan_themes} | {NO_THEME: NO_THEME_LABEL}
    shown_ivs = {n.id for n in graph.shown("interventie")}
    listed = shown_ivs | set(graph.hidden_interventions)
    rows = []
    for n in graph.shown("factor"):
        f = by_f[n.id]
        for iv in (iv for iv in addressing(kk, f.id) if iv.id in listed):
            rows.append({
                "factor": f.name,
                "soort": KIND_LABELS[f.kind],
                "niveau": f.level,
                "bewijs factor": EVIDENCE_LABELS[f.evidence],
                "thema": ", ".join(themes[t] for t in themes_of(iv)),
                "interventie": iv.name,
                "erkenning": recognition_short(iv),
                "koppeling": BASIS_LABELS[link_basis(kk, iv, f.id) or "team"],
                "op de kaart": "ja" if iv.id in shown_ivs else "nee",
            })
        for t in themes_stating(kk, f.id):
            rows.append({
                "factor": f.name, "soort": KIND_LABELS[f.kind], "niveau": f.level,
                "bewijs factor": EVIDENCE_LABELS[f.evidence], "thema": themes[t],
                "interventie": "(het thema zelf)", "erkenning": "",
                "koppeling": BASIS_LABELS["thema"], "op de kaart": "ja",
            })
    return pd.DataFrame(rows, columns=["factor", "soort", "niveau", "bewijs factor", "thema",
                                       "interventie", "erkenning", "koppeling", "op de kaart"])


def describe(kk: Kenniskaart, graph: Graph, hl: Highlight) -> str:
    """One-paragraph text description of the map and what is lit up (the chart's alt text)."""
    n_f, n_t, n_i = (len(graph.shown(k)) for k in ("factor", "thema", "interventie"))
    text = f"Kenniskaart met {n_f} factoren, {n_t} thema's en {n_i} interventies."
    by_f, by_iv = kk.by_id("factors"), kk.by_id("interventions")
    if hl.selected in by_f:
        names = [by_iv[i].name for i in hl.interventions]
        text += f" Factor '{by_f[hl.selected].name}' licht op; interventies: " + ("; ".join(names) or "geen") + "."
    elif hl.selected in by_iv:
        names = [by_f[i].name for i in hl.factors]
        text += f" Interventie '{by_iv[hl.selected].name}' licht op; factoren: " + ("; ".join(names) or "geen") + "."
    return text


# --- the workshop view: evidence strength × dynamic factors addressed ------------------


def workshop_frame(kk: Kenniskaart, factor_ids: list[str] | tuple[str, ...],
                   only: frozenset[str] | None = None) -> pd.DataFrame:
    """Interventions linked to the profile's *dynamic* factors: how many they address, and
    how strong their evidence is. Static factors are left out: they set the level of help but
    are never a target (risk principle); what is not for one young person too. With ``only``
    (``matcher.offered``) just what the Aanbeveler offers the profile."""
    by_f = kk.by_id("factors")
    dynamic = [by_f[i] for i in dict.fromkeys(factor_ids) if i in by_f and by_f[i].nature == "dynamisch"]
    hits: dict[str, list[str]] = {}
    outcome_ids = frozenset(t for f in dynamic for t in kk.twin_ids(f.id))  # ratings per outcome, as the matcher
    for f in dynamic:
        for iv in addressing(kk, f.id):
            if not for_young_person(iv) or (only is not None and iv.id not in only):
                continue
            hits.setdefault(iv.id, []).append(f.name)
    by_iv = kk.by_id("interventions")
    rows = [
        {
            "interventie": by_iv[i].name,
            "id": i,
            "factoren": len(names),
            "welke factoren": "; ".join(names),
            "sterkte": intervention_strength(by_iv[i], effective_recognition(by_iv[i], outcome_ids)),
            "erkenning": recognition_short(by_iv[i], effective_recognition(by_iv[i], outcome_ids)),
            "erkend": is_recognised(by_iv[i].recognition),
        }
        for i, names in hits.items()
    ]
    df = pd.DataFrame(rows, columns=["interventie", "id", "factoren", "welke factoren", "sterkte", "erkenning", "erkend"])
    if df.empty:
        return df
    df["_s"] = df["sterkte"].map(STRENGTHS.index)
    return df.sort_values(["_s", "factoren", "interventie"], ascending=[True, False, True]).drop(columns="_s").reset_index(drop=True)


def workshop_cells(df: pd.DataFrame, per_cell: int = 3) -> pd.DataFrame:
    """Stack the names per (strength, number of factors) cell: at most ``per_cell`` names and
    a '+ N meer' line, each with its line index inside the cell."""
    rows = []
    for (strength, n), grp in df.groupby(["sterkte", "factoren"], sort=False):
        names = list(grp["interventie"])
        shown = names[:per_cell] + ([f"+ {len(names) - per_cell} meer"] if len(names) > per_cell else [])
        for k, name in enumerate(shown):
            rows.append({"sterkte": strength, "factoren": int(n), "regel": k, "naam": name})
    return pd.DataFrame(rows, columns=["sterkte", "factoren", "regel", "naam"])


__all__ = [
    "Graph", "Highlight", "NO_THEME", "STRENGTHS", "STRENGTH_EXPLAINED",
    "build_graph", "highlight", "kaart_table", "describe", "workshop_frame", "workshop_cells",
    "interventions_for", "examples_for", "factors_for",
]
