"""The catalogue's tables and counts: factors, interventions (one row builder), practice
examples (pure, no Streamlit; pandas frames with Dutch column names, as users see and download them)."""

from __future__ import annotations

from collections import Counter

import pandas as pd

from ..content import Kenniskaart
from ..models import Factor, Intervention, PracticeExample
from ..nl import yes_no
from ..rules import addressing, recognised_options
from ..texts import ONBEKEND, help_level_names, or_unknown, theme_names
from ..vocabulary import (
    BASIS_LABELS,
    CRIME_SCOPE_LABELS,
    EVIDENCE_LABELS,
    FACTOR_KIND_LABELS,
    FRAMEWORK_LABELS,
    NATURE_LABELS,
)
from .rows import intervention_row

# --- factors -----------------------------------------------------------------------


def factors_table(kk: Kenniskaart, factors: list[Factor]) -> pd.DataFrame:
    rows = [
        {
            "factor": f.name,
            "soort": FACTOR_KIND_LABELS[f.kind],
            "niveau": f.level,
            "aard": NATURE_LABELS[f.nature],
            "leeftijdsgroep": ", ".join(f.age_groups),
            "categorie": or_unknown(f.category),
            "bewijs": EVIDENCE_LABELS[f.evidence],
            "doelgroep": or_unknown(f.target_group),
            "ook in NL onderzocht": yes_no(f.studied_in_nl),
            "PmG-thema's": ", ".join(theme_names(kk, f.pmg_themes)) or ONBEKEND,
            "thema-indeling": BASIS_LABELS[f.pmg_themes_basis],
            "kader": FRAMEWORK_LABELS[f.framework],
            "interventies": len(addressing(kk, f.id)),
            "erkende opties": len(recognised_options(kk, f.id)) if f.nature == "dynamisch" else 0,
        }
        for f in factors
    ]
    columns = [
        "factor", "soort", "niveau", "aard", "leeftijdsgroep", "categorie", "bewijs", "doelgroep",
        "ook in NL onderzocht", "PmG-thema's", "thema-indeling", "kader", "interventies", "erkende opties",
    ]
    return pd.DataFrame(rows, columns=columns)


def factor_theme_level_counts(kk: Kenniskaart, factors: list[Factor]) -> pd.DataFrame:
    """Counts of factors per PmG theme × level × kind (the knowledge map's data).

    A factor with several themes counts once in each of its themes; a factor without a
    theme counts under 'geen thema'.
    """
    names = {t.id: t.name for t in kk.pmg_themes}
    counter: Counter[tuple[str, str, str]] = Counter()
    for f in factors:
        for tid in f.pmg_themes or ["-"]:
            counter[(names.get(tid, "geen thema"), f.level, FACTOR_KIND_LABELS[f.kind])] += 1
    rows = [
        {"thema": t, "niveau": lvl, "soort": kind, "aantal": n}
        for (t, lvl, kind), n in sorted(counter.items())
    ]
    return pd.DataFrame(rows, columns=["thema", "niveau", "soort", "aantal"])


def crime_scope_label(f: Factor) -> str:
    return CRIME_SCOPE_LABELS[f.crime_scope] if f.crime_scope else ONBEKEND


# --- interventions -----------------------------------------------------------------


INTERVENTION_COLUMNS = (
    "interventie", "erkenning", "leeftijd", "voor wie", "soort", "niveau van hulp", "doelgroep",
    "PmG-thema's", "setting", "vorm", "aantal factoren", "aantal waarschuwingen", "werkt niet",
)
"""The key columns first (name, recognition, age), so they stay visible on a narrow screen."""


def interventions_table(kk: Kenniskaart, interventions: list[Intervention]) -> pd.DataFrame:
    rows = [intervention_row(kk, iv, INTERVENTION_COLUMNS) for iv in interventions]
    return pd.DataFrame(rows, columns=list(INTERVENTION_COLUMNS))


NO_LEVEL = "niveau onbekend"
NO_THEME = "thema onbekend"


def intervention_matrix(kk: Kenniskaart, interventions: list[Intervention]) -> pd.DataFrame:
    """Counts per PmG theme × level of help (every cell present, zeros included).

    An intervention counts once in every (theme, level) cell it belongs to; without a
    theme or level it counts under 'thema onbekend' / 'niveau onbekend'.
    """
    themes = [t.name for t in kk.pmg_themes] + [NO_THEME]
    levels = [h.name for h in kk.help_levels_in_order] + [NO_LEVEL]
    counter: Counter[tuple[str, str]] = Counter()
    for iv in interventions:
        for t in theme_names(kk, iv.pmg_themes) or [NO_THEME]:
            for lvl in help_level_names(kk, iv.help_levels) or [NO_LEVEL]:
                counter[(t, lvl)] += 1
    rows = [
        {"thema": t, "niveau van hulp": lvl, "aantal": counter[(t, lvl)]}
        for t in themes
        for lvl in levels
    ]
    return pd.DataFrame(rows, columns=["thema", "niveau van hulp", "aantal"])


def in_matrix_cell(kk: Kenniskaart, iv: Intervention, theme: str, level: str) -> bool:
    """Whether an intervention belongs to a matrix cell (names as in ``intervention_matrix``)."""
    t_names = theme_names(kk, iv.pmg_themes) or [NO_THEME]
    l_names = help_level_names(kk, iv.help_levels) or [NO_LEVEL]
    return theme in t_names and level in l_names


# --- examples ----------------------------------------------------------------------


def examples_per_theme(kk: Kenniskaart, examples: list[PracticeExample]) -> pd.DataFrame:
    counter: Counter[str] = Counter()
    for ex in examples:
        for name in theme_names(kk, ex.praktijkscan_themes):
            counter[name] += 1
    rows = [{"thema": t.name, "aantal": counter[t.name]} for t in kk.praktijkscan_themes]
    return pd.DataFrame(rows, columns=["thema", "aantal"])


def examples_per_municipality(examples: list[PracticeExample]) -> pd.DataFrame:
    counter = Counter(ex.municipality or "geen gemeente genoemd" for ex in examples)
    rows = [{"gemeente": m, "aantal": n} for m, n in sorted(counter.items())]
    return pd.DataFrame(rows, columns=["gemeente", "aantal"])
