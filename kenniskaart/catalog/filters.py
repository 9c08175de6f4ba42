"""Filtering factors, interventions and practice examples (pure, no Streamlit).

Pages build a filter model from their widgets and call these functions; tests call them
directly. Empty filter lists mean "no restriction".
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..content import Kenniskaart
from ..models import Factor, Intervention, PracticeExample
from ..rules import age_fits
from ..search import example_factor_ids, search
from ..texts import ONBEKEND, or_unknown

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
        if flt.factors and not wanted_factors & {link.factor for link in iv.factors}:
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
