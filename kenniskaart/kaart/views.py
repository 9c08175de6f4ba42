"""The map as data frames for the chart, a list and a table for screen readers, and in words."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..content import Kenniskaart
from ..models import Factor, Intervention
from ..rules import addressing, is_recognised
from ..vocabulary import BASIS_LABELS, EVIDENCE_LABELS, FACTOR_KIND_LABELS, STRENGTHS
from .graph import Graph, Highlight, edge_active
from .links import link_basis, themes_of, themes_stating
from .strength import NO_THEME, NO_THEME_LABEL, intervention_strength, recognition_short

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
                "soort": FACTOR_KIND_LABELS[f.kind],
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
                "factor": f.name, "soort": FACTOR_KIND_LABELS[f.kind], "niveau": f.level,
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
