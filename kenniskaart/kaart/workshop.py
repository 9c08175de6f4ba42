"""The workshop view: interventions by evidence strength and by how many dynamic factors of a
profile they address."""

from __future__ import annotations

import pandas as pd

from ..content import Kenniskaart
from ..rules import addressing, effective_recognition, for_young_person, is_recognised
from ..vocabulary import STRENGTHS
from .strength import intervention_strength, recognition_short

# --- the workshop view: evidence strength × dynamic factors addressed ------------------


def workshop_frame(kk: Kenniskaart, factor_ids: list[str] | tuple[str, ...],
                   only: frozenset[str] | None = None) -> pd.DataFrame:
    """Interventions linked to the profile's *dynamic* factors: how many they address, and
    how strong their evidence is. Static factors are left out: they set the level of help but
    are never a target (risk principle); what is not for one young person too. With ``only``
    (``aanbeveler.offered``) just what the Aanbeveler offers the profile."""
    by_f = kk.by_id("factors")
    dynamic = [by_f[i] for i in dict.fromkeys(factor_ids) if i in by_f and by_f[i].nature == "dynamisch"]
    hits: dict[str, list[str]] = {}
    outcome_ids = frozenset(t for f in dynamic for t in kk.twin_ids(f.id))  # ratings per outcome, as the Aanbeveler
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
    df = pd.DataFrame(
        rows, columns=["interventie", "id", "factoren", "welke factoren", "sterkte", "erkenning", "erkend"]
    )
    if df.empty:
        return df
    df["_s"] = df["sterkte"].map(STRENGTHS.index)
    return (
        df.sort_values(["_s", "factoren", "interventie"], ascending=[True, False, True])
        .drop(columns="_s")
        .reset_index(drop=True)
    )


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


