"""Filtering and tabulating factors, interventions and examples (pure, no Streamlit).

Pages build a filter model from their widgets and call these functions; tests call them
directly. Empty filter lists mean "no restriction".
"""

from __future__ import annotations

from collections import Counter
from typing import Literal

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from .content import Kenniskaart
from .models import Factor, Intervention, PracticeExample
from .present import (
    BASIS_LABELS,
    CRIME_SCOPE_LABELS,
    EVIDENCE_LABELS,
    FORMAT_LABELS,
    FRAMEWORK_LABELS,
    FRAMEWORK_SHORT,
    KIND_IV_LABELS,
    KIND_LABELS,
    NATURE_LABELS,
    NOT_WORKING_LABELS,
    ONBEKEND,
    PREVENTION_LABELS,
    PURPOSE_LABELS,
    SETTING_LABELS,
    age_range,
    help_level_names,
    or_unknown,
    recognition_text,
    theme_names,
)
from .rules import addressing, age_fits, not_working, recognised_options
from .search import everyday_words, example_factor_ids, search

# --- factors -----------------------------------------------------------------------


class FactorFilter(BaseModel):
    """What the Factoren page filters on."""

    model_config = ConfigDict(extra="forbid")

    query: str = ""
    kinds: list[str] = []
    levels: list[str] = []
    themes: list[str] = []
    evidence: list[str] = []
    target_groups: list[str] = []
    studied_in_nl: Literal["alle", "ja", "nee", "onbekend"] = "alle"
    frameworks: list[str] = []
    sources: list[str] = []
    natures: list[str] = []
    """'statisch' / 'dynamisch' (``Factor.nature``)."""
    age_groups: list[str] = []
    """Age groups (``models.AGE_GROUPS``): a factor matches if it is named for one of them."""


def filter_factors(kk: Kenniskaart, flt: FactorFilter) -> list[Factor]:
    out = []
    nl = {"ja": True, "nee": False, "onbekend": None}
    found = {f.id for f in search(kk, flt.query).factors} if flt.query.strip() else None
    for f in kk.factors:
        if flt.kinds and f.kind not in flt.kinds:
            continue
        if flt.levels and f.level not in flt.levels:
            continue
        if flt.themes and not set(flt.themes) & set(f.pmg_themes):
            continue
        if flt.evidence and f.evidence not in flt.evidence:
            continue
        if flt.target_groups and or_unknown(f.target_group) not in flt.target_groups:
            continue
        if flt.studied_in_nl != "alle" and f.studied_in_nl is not nl[flt.studied_in_nl]:
            continue
        if flt.frameworks and f.framework not in flt.frameworks:
            continue
        if flt.sources and not {r.source for r in f.sources} & set(flt.sources):
            continue
        if flt.natures and f.nature not in flt.natures:
            continue
        if flt.age_groups and not set(flt.age_groups) & set(f.age_groups):
            continue
        if found is not None and f.id not in found:
            continue
        out.append(f)
    return out


def _yes_no(value: bool | None) -> str:
    return ONBEKEND if value is None else ("ja" if value else "nee")


def factors_table(kk: Kenniskaart, factors: list[Factor]) -> pd.DataFrame:
    rows = [
        {
            "factor": f.name,
            "soort": KIND_LABELS[f.kind],
            "niveau": f.level,
            "aard": NATURE_LABELS[f.nature],
            "leeftijdsgroep": ", ".join(f.age_groups),
            "categorie": or_unknown(f.category),
            "bewijs": EVIDENCE_LABELS[f.evidence],
            "doelgroep": or_unknown(f.target_group),
            "ook in NL onderzocht": _yes_no(f.studied_in_nl),
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
            counter[(names.get(tid, "geen thema"), f.level, KIND_LABELS[f.kind])] += 1
    rows = [
        {"thema": t, "niveau": lvl, "soort": kind, "aantal": n}
        for (t, lvl, kind), n in sorted(counter.items())
    ]
    return pd.DataFrame(rows, columns=["thema", "niveau", "soort", "aantal"])


# --- interventions -----------------------------------------------------------------


class InterventionFilter(BaseModel):
    """What the Interventies page filters on."""

    model_config = ConfigDict(extra="forbid")

    query: str = ""
    age: int | None = Field(default=None, ge=0, le=99)
    """Age of the young person: keep interventions whose range includes it or is unknown."""
    themes: list[str] = []
    factors: list[str] = []
    settings: list[str] = []
    formats: list[str] = []
    help_levels: list[str] = []
    recognition: list[str] = []
    """Recognition levels; 'onbekend' selects interventions without a known recognition."""
    kinds: list[str] = []


def recognition_level(iv: Intervention) -> str:
    return iv.recognition.level if iv.recognition else ONBEKEND


def filter_interventions(kk: Kenniskaart, flt: InterventionFilter) -> list[Intervention]:
    """The interventions that pass every filter. The query searches in everyday words
    (``search.search``): own text, synonyms, and the factors an intervention addresses."""
    out = []
    found = {iv.id for iv in search(kk, flt.query).interventions} if flt.query.strip() else None
    wanted_factors = {t for fid in flt.factors for t in kk.twin_ids(fid)}
    for iv in kk.interventions:
        if flt.age is not None and age_fits(iv, flt.age) is False:
            continue
        if flt.themes and not set(flt.themes) & set(iv.pmg_themes):
            continue
        if flt.factors and not wanted_factors & {l.factor for l in iv.factors}:
            continue
        if flt.settings and not set(flt.settings) & set(iv.settings):
            continue
        if flt.formats and not set(flt.formats) & set(iv.formats):
            continue
        if flt.help_levels and not set(flt.help_levels) & set(iv.help_levels):
            continue
        if flt.recognition and recognition_level(iv) not in flt.recognition:
            continue
        if flt.kinds and iv.kind not in flt.kinds:
            continue
        if found is not None and iv.id not in found:
            continue
        out.append(iv)
    return out


INTERVENTION_COLUMNS = (
    "interventie", "erkenning", "leeftijd", "voor wie", "soort", "niveau van hulp", "doelgroep",
    "PmG-thema's", "setting", "vorm", "factoren", "waarschuwingen", "werkt niet",
)
"""The key columns first (name, recognition, age), so they stay visible on a narrow screen."""


def interventions_table(kk: Kenniskaart, interventions: list[Intervention]) -> pd.DataFrame:
    rows = [
        {
            "interventie": iv.name,
            "erkenning": recognition_text(iv.recognition),
            "leeftijd": age_range(iv),
            "voor wie": PREVENTION_LABELS[iv.prevention].split(":")[0] if iv.prevention else ONBEKEND,
            "soort": PURPOSE_LABELS[iv.purpose] if iv.purpose in ("maatregel", "instrument", "training") else KIND_IV_LABELS[iv.kind],
            "niveau van hulp": ", ".join(help_level_names(kk, iv.help_levels)) or ONBEKEND,
            "doelgroep": or_unknown(iv.target_group),
            "PmG-thema's": ", ".join(theme_names(kk, iv.pmg_themes)) or ONBEKEND,
            "setting": ", ".join(SETTING_LABELS[s] for s in iv.settings) or ONBEKEND,
            "vorm": ", ".join(FORMAT_LABELS[f] for f in iv.formats) or ONBEKEND,
            "factoren": len(iv.factors),
            "waarschuwingen": len(iv.cautions),
            "werkt niet": NOT_WORKING_LABELS[harm.kind] if (harm := not_working(iv)) else "",
        }
        for iv in interventions
    ]
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


class ExampleFilter(BaseModel):
    model_config = ConfigDict(extra="forbid")

    query: str = ""
    kinds: list[str] = []
    municipalities: list[str] = []
    themes: list[str] = []
    """Praktijkscan theme ids."""
    factors: list[str] = []
    """Factor ids: keep examples that address one of them, directly or through an
    intervention they use (twins included, see ``search.example_factor_ids``)."""


def filter_examples(kk: Kenniskaart, flt: ExampleFilter) -> list[PracticeExample]:
    out = []
    found = {ex.id for ex in search(kk, flt.query).examples} if flt.query.strip() else None
    wanted_factors = {t for fid in flt.factors for t in kk.twin_ids(fid)}
    for ex in kk.examples:
        if flt.kinds and ex.kind not in flt.kinds:
            continue
        if flt.municipalities and or_unknown(ex.municipality) not in flt.municipalities:
            continue
        if flt.themes and not set(flt.themes) & set(ex.praktijkscan_themes):
            continue
        if flt.factors and not wanted_factors & example_factor_ids(kk, ex):
            continue
        if found is not None and ex.id not in found:
            continue
        out.append(ex)
    return out


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


def crime_scope_label(f: Factor) -> str:
    return CRIME_SCOPE_LABELS[f.crime_scope] if f.crime_scope else ONBEKEND


EVIDENCE_RANK = {"gefundeerd": 0, "robuust": 1, "plausibel": 2, "kwalitatief": 3, "niet_beoordeeld": 4}


def factor_choice_id(kk: Kenniskaart, factor_id: str) -> str:
    """The id a picker offers for a factor: of a factor and its twins (the same factor in another
    framework) the one listed first in the content, so twins are one choice, not two."""
    pos = kk.factor_positions
    twins = [t for t in kk.twin_ids(factor_id) if t in pos]
    return min(twins, key=pos.__getitem__) if twins else factor_id


def factor_options(kk: Kenniskaart, kind: str, level: str) -> list[str]:
    """Factor ids for a picker of one kind and level: grouped by (first) PmG theme, strongest
    evidence first; of twins only the first (``factor_choice_id``)."""
    order = {t.id: t.order for t in kk.pmg_themes}

    def key(f: Factor):
        theme = min((order[t] for t in f.pmg_themes if t in order), default=99)
        return (theme, EVIDENCE_RANK[f.evidence], f.name.casefold())

    return [
        f.id
        for f in sorted((f for f in kk.factors if f.kind == kind and f.level == level), key=key)
        if factor_choice_id(kk, f.id) == f.id
    ]


LABEL_MAX = 140
"""A label that would be longer leaves out its theme: a picker's list row is 2.5rem high, a longer
label gets smaller type there on a phone (``ui.widgets.picker_tip``), and the words count more."""


def factor_option_label(kk: Kenniskaart, f: Factor) -> str:
    """'<full name> · <first PmG theme> · ook: <everyday words>': the name first, so a chip cut
    off on a phone still shows it; the theme keeps the grouping visible and searchable (left out
    when the label would pass ``LABEL_MAX``: the words count more than the theme).
    '(ook in <framework>)' for a factor with twins. The everyday words come from the content's
    synonym groups that the name (or a twin's name) matches (``search.everyday_words``), so a picker that filters on
    the label text finds the factor by the words users type ('spijbel', 'strafblad', 'blowen'). The
    evidence is not in the name: the page shows it as a badge. The one label of a factor in every
    picker (Aanbeveler, Interventies, Praktijkvoorbeelden, Planscan, Werksessie)."""
    factors = kk.by_id("factors")
    others = sorted({FRAMEWORK_SHORT[factors[t].framework] for t in kk.twin_ids(f.id) - {f.id} if t in factors})
    name = f.name + (f" (ook in {', '.join(others)})" if others else "")
    themes = theme_names(kk, f.pmg_themes[:1])
    labels = [f"{name} · {themes[0]}", name] if themes else [name]
    # the words fit the factor and its twins (one choice): 'Lage SES van het gezin' gives Beke's
    # 'Lage sociaal economische status' the family words
    names = " | ".join(factors[t].name for t in sorted(kk.twin_ids(f.id) | {f.id}) if t in factors)
    for label in labels:
        words = everyday_words(kk, names, label)
        full = f"{label} · ook: {', '.join(words)}" if words else label
        if len(full) <= LABEL_MAX:
            return full
    return full
