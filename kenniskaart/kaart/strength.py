"""Evidence strength classes of factors and interventions (the colours of the map, ``vocabulary.STRENGTHS``)
and short recognition texts."""

from __future__ import annotations

from ..models import Factor, Intervention, Recognition
from ..rules import is_recognised
from ..vocabulary import FACTOR_STRENGTH, RECOGNITION_ORDER

NO_THEME = "geen-thema"
NO_THEME_LABEL = "zonder praktijkscan-thema"

def factor_strength(f: Factor) -> str:
    return FACTOR_STRENGTH[f.evidence]


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
