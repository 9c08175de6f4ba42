"""The app's own kinds (not copied from the sources) with their Dutch words: the content in
figures, the Aanbeveler's groups and exclusions, the Planscan's provenance, the monitor's signals
and the map's strength classes and factor groups."""

from __future__ import annotations

from typing import Literal

from .factors import (
    BASIS_LABELS,
    BASIS_ORDER,
    FACTOR_KIND_PLURALS,
    LEVEL_LABELS,
    FactorKind,
    Level,
)
from .interventions import NOT_WORKING_LABELS

COUNT_LABELS: dict[str, str] = {
    "sources": "bronnen",
    "themes": "thema's (PmG en praktijkscan)",
    "help_levels": "niveaus van hulp",
    "factors": "factoren",
    "risk_factors": "waarvan risicofactoren",
    "protective_factors": "waarvan beschermende factoren",
    "interventions": "interventies, aanpakken, instrumenten en trainingen",
    "examples": "praktijkvoorbeelden",
    "lessons": "lessen",
    "guidance": "tips, hulpvragen en kanttekeningen",
    "cases": "casussen (voorbeeldprofielen)",
    "synonyms": "groepen zoekwoorden in alledaagse taal",
    "indicators": "indicatoren van de Samen Weerbaar-scan",
    "monitor_indicators": "andere indicatoren voor de nulmeting en monitor",
    "plan_sections": "onderdelen van het plan van aanpak",
    "analysis_sources": "bronnen voor de analyse in het plan van aanpak",
    "sporen": "sporen van het plan van aanpak",
}
"""Dutch names for ``Kenniskaart.counts()`` (the Over page and ``python -m kenniskaart validate``)."""

TIER_TITLES: dict[int, str] = {
    1: "Erkend, passend bij leeftijd en niveau van hulp",
    2: "Veelbelovend / praktijk",
}
"""The Aanbeveler's two groups, as every page names them (cards, presentation, exports)."""

ExclusionKind = Literal["leeftijd", "doelgroep", "toelating", "kan_schaden", "geen_effect"]
"""Why the Aanbeveler leaves an intervention out for a profile."""

EXCLUSION_LABELS: dict[str, str] = {
    "leeftijd": "leeftijd",
    "doelgroep": "doelgroep",
    "toelating": "toelating",
    "kan_schaden": NOT_WORKING_LABELS["kan_schaden"].lower(),
    "geen_effect": NOT_WORKING_LABELS["geen_effect"].lower(),
}

OWN = "eigen"
"""Provenance of a factor a municipality states for its own Planscan entry ('eigen opgave')."""

PROVENANCE_ORDER: dict[str, int] = {**BASIS_ORDER, OWN: BASIS_ORDER["bron"]}
"""A ``Basis`` or ``OWN``; strongest first: a direct statement (source, or the municipality's
own) beats a theme-level one, which beats the team's derivation."""

PROVENANCE_LABELS: dict[str, str] = {**BASIS_LABELS, OWN: "eigen opgave van de gemeente"}

SIGNAL_LABELS: dict[str, str] = {
    "nulmeting": "Nulmeting ontbreekt",
    "te-laat": "Meting te laat",
    "verkeerde-kant": "Beweegt de verkeerde kant op",
    "geen-indicator": "Planonderdeel zonder indicator",
}
"""The kinds of the monitor's bijsturen list (``monitor.steer.Signal.kind``)."""

STRENGTHS: tuple[str, ...] = ("sterk", "redelijk", "zwak of niet erkend", "bewijs onbekend")
"""Colour classes of evidence strength, strongest first (the legend of the map).

Factors: gefundeerd / statistisch robuust → sterk; plausibel / kwalitatief → redelijk;
niet beoordeeld → onbekend. Interventions: effectief volgens goede of sterke aanwijzingen →
sterk; the other recognised levels (eerste aanwijzingen, goed onderbouwd, erkend met onbekend
niveau) → redelijk; goed beschreven / niet erkend → zwak of niet erkend; no statement or
'niet beoordeeld' → onbekend.
"""

STRENGTH_EXPLAINED: dict[str, str] = {
    "sterk": "factor gefundeerd of statistisch robuust; interventie effectief volgens goede of sterke aanwijzingen",
    "redelijk": (
        "factor plausibel of kwalitatief; interventie erkend (eerste aanwijzingen, goed onderbouwd of niveau onbekend)"
    ),
    "zwak of niet erkend": "interventie goed beschreven of niet erkend",
    "bewijs onbekend": "factor niet beoordeeld; erkenning van de interventie onbekend",
}

FACTOR_STRENGTH: dict[str, str] = {
    "gefundeerd": "sterk",
    "robuust": "sterk",
    "plausibel": "redelijk",
    "kwalitatief": "redelijk",
    "niet_beoordeeld": "bewijs onbekend",
}
"""A factor's evidence as a colour class (``STRENGTHS``); follows ``EVIDENCE_ORDER``."""

LEVEL_ORDER: tuple[Level, ...] = ("individu", "gezin", "gemeenschap")
KIND_ORDER: tuple[FactorKind, ...] = ("risico", "beschermend")
GROUP_LABELS: dict[tuple[str, str], str] = {
    (kind, level): f"{FACTOR_KIND_PLURALS[kind]} · {LEVEL_LABELS[level]}"
    for kind in KIND_ORDER
    for level in LEVEL_ORDER
}
"""The map's groups of factors (kind × level), in order: 'Risicofactoren · gezin'."""
