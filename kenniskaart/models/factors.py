"""Factors, themes and levels of help."""

from __future__ import annotations

from pydantic import computed_field

from ..vocabulary import (
    AgeGroup,
    Basis,
    CrimeScope,
    Evidence,
    FactorFramework,
    FactorKind,
    FactorNature,
    Grounding,
    Level,
    ThemeKind,
)
from .base import Id, Sources, Strict, Text


def age_groups_for(target_group: str | None) -> tuple[AgeGroup, ...]:
    """Normalise a source's 'doelgroep' text to age groups (``vocabulary.AGE_GROUPS``).

    'Jongeren' (and 'Met name jongeren', 'Jongeren tot 24 jaar') → 12-18 and 18-27;
    'volwassenen' → volwassenen; 'kinderen' → 8-12; anything else or unknown → algemeen.
    """
    text = (target_group or "").lower()
    groups: list[AgeGroup] = []
    if "kind" in text:
        groups.append("8-12")
    if "jongeren" in text or "jeugd" in text:
        groups += ["12-18", "18-27"]
    if "volwassen" in text:
        groups.append("volwassenen")
    return tuple(groups) or ("algemeen",)


# --- themes and levels of help -----------------------------------------------------


class Theme(Strict):
    """A PmG theme or a praktijkscan intervention theme."""

    id: Id
    name: Text
    kind: ThemeKind
    description: Text
    order: int = 0
    grounding: Grounding | None = None
    """Praktijkscan themes only: grounding per seed 002 §3.1."""
    risk_factors: list[Id] = []
    """Praktijkscan themes: risk factor ids the seed says the theme addresses."""
    protective_factors: list[Id] = []
    """Praktijkscan themes: protective factor ids the seed says the theme addresses."""
    sources: Sources


class HelpLevel(Strict):
    """One of the three levels of help of the PmG report (seed 003)."""

    id: Id
    name: Text
    order: int
    """1 = lightest (positieve ondersteuning) … 3 = specialistische aanpak."""
    description: Text
    sources: Sources


# --- factors -----------------------------------------------------------------------


class Factor(Strict):
    """A risk or protective factor."""

    id: Id
    name: Text
    kind: FactorKind
    level: Level
    framework: FactorFramework
    category: str | None = None
    """Category as the source's table heads it, e.g. 'Psychologische factoren'."""
    nature: FactorNature
    """``statisch`` (sets the level of help, never a target) or ``dynamisch`` (a target)."""
    evidence: Evidence
    evidence_basis: Basis = "bron"
    """Whether the evidence marking is stated by the source or the team's reading (e.g. where
    the source's italics/bold were lost in the text version)."""
    crime_scope: CrimeScope | None = None
    """Samen Weerbaar marking; None where the source makes no such distinction."""
    target_group: str | None = None
    """'Doelgroep' as the source states it (e.g. 'Jongeren', 'Algemeen')."""
    studied_in_nl: bool | None = None
    """Beke: whether studies were (also) done in the Netherlands."""
    pmg_themes: list[Id] = []
    """Ids of PmG themes (kind 'pmg')."""
    pmg_themes_basis: Basis = "team"
    """Whether the theme mapping is stated by a source or the team's classification."""
    mirrors: list[Id] = []
    """Ids of factors of the other kind that mirror this one (a risk factor and the protective
    factor that is its opposite: 'gebrek aan werkgelegenheid' and 'het hebben van een baan').
    An intervention that builds the one addresses the other, weighted lower and said in words.
    The loader checks the relation is symmetric and crosses kinds."""
    twins: list[Id] = []
    """Ids of factors in another framework that name the same factor (e.g. Beke's
    'Wonen in een buurt waar een georganiseerde criminele groep opereert' and Samen Weerbaar's
    'Wonen in een buurt waar een criminele groep actief is'). Covering one covers the other;
    pickers offer one choice. The loader checks the relation is symmetric."""
    description: str | None = None
    """Short description in the team's own words."""
    note: str | None = None
    """Remarks, e.g. a discrepancy between the seed's text and its table."""
    related: list[Id] = []
    """Ids of factors that are close to this one but not the same (e.g. Samen Weerbaar's
    combined 'banden met … / geïntroduceerd worden door …' and Beke's 'geïntroduceerd worden door
    een lid'): shown as 'verwant' on the factor's page, never counted as covering it. Twins, by
    contrast, are one class: every member names every other (the loader checks)."""
    sources: Sources

    @computed_field  # type: ignore[prop-decorator]
    @property
    def age_groups(self) -> tuple[AgeGroup, ...]:
        """Age groups this factor is named for, normalised from ``target_group``."""
        return age_groups_for(self.target_group)
