"""Evidence strength classes of factors and interventions (the colours of the map) and short
recognition texts."""

from __future__ import annotations

from ..models import RECOGNITION_ORDER, Factor, Intervention, Recognition
from ..rules import is_recognised

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
    used for a profile's outcome, ``rules.effective_recognition``)."""
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
