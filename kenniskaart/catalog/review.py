"""Warnings for content editors about recognition statements to check again (used by
``python -m kenniskaart validate``; pure)."""

from __future__ import annotations

import datetime as dt

from ..content import Kenniskaart
from ..rules import is_recognised

RECOGNITION_MAX_AGE_YEARS = 5
"""NJi reassesses ratings older than five years; the validator lists them."""


def recognition_warnings(kk: Kenniskaart, today: dt.date) -> list[str]:
    """Recognised statements to check again: older than five years, or in herbeoordeling.
    A warning for editors, not an error (the databank's own date and state are shown as they are)."""
    limit = dt.date(today.year - RECOGNITION_MAX_AGE_YEARS, today.month, min(today.day, 28))
    out: list[str] = []
    for iv in kk.interventions:
        others = ((f"other_recognitions.{i}", r) for i, r in enumerate(iv.other_recognitions))
        for where, rec in (("recognition", iv.recognition), *others):
            if rec is None or not is_recognised(rec):
                continue
            reasons = []
            if rec.date is not None and rec.date < limit:
                reasons.append(f"ouder dan {RECOGNITION_MAX_AGE_YEARS} jaar ({rec.date:%d-%m-%Y})")
            if rec.in_review:
                reasons.append("in herbeoordeling")
            if reasons:
                out.append(f"{iv.id}, {where}: {rec.level}: {' en '.join(reasons)}")
    return out
