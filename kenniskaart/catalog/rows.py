"""The one row builder of an intervention: every table that lists interventions (the
catalogue on Interventies, the shortlist's comparison and its downloads) takes its cells from
here, so a column says the same thing wherever it appears (pure, no Streamlit)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..content import Kenniskaart
from ..models import Intervention
from ..rules import harms_first, not_working
from ..texts import (
    ONBEKEND,
    age_range,
    audience_text,
    caution_text,
    help_level_names,
    or_unknown,
    recognition_text,
    theme_names,
)
from ..vocabulary import FORMAT_LABELS, INTERVENTION_KIND_LABELS, NOT_WORKING_LABELS, PURPOSE_LABELS, SETTING_LABELS

Cell = Callable[[Kenniskaart, Intervention], object]


def _kind(kk: Kenniskaart, iv: Intervention) -> str:
    if iv.purpose in ("maatregel", "instrument", "training"):
        return PURPOSE_LABELS[iv.purpose]
    return INTERVENTION_KIND_LABELS[iv.kind]


def _factor_names(kk: Kenniskaart, iv: Intervention) -> str:
    factors = kk.by_id("factors")
    return "; ".join(factors[link.factor].name for link in iv.factors) or ONBEKEND


def _not_working(kk: Kenniskaart, iv: Intervention) -> str:
    harm = not_working(iv)
    return NOT_WORKING_LABELS[harm.kind] if harm else ""


INTERVENTION_CELLS: dict[str, Cell] = {
    "interventie": lambda kk, iv: iv.name,
    "erkenning": lambda kk, iv: recognition_text(iv.recognition),
    "leeftijd": lambda kk, iv: age_range(iv),
    "voor wie": lambda kk, iv: audience_text(iv),
    "soort": _kind,
    "niveau van hulp": lambda kk, iv: ", ".join(help_level_names(kk, iv.help_levels)) or ONBEKEND,
    "doelgroep": lambda kk, iv: or_unknown(iv.target_group),
    "PmG-thema's": lambda kk, iv: ", ".join(theme_names(kk, iv.pmg_themes)) or ONBEKEND,
    "setting": lambda kk, iv: ", ".join(SETTING_LABELS[s] for s in iv.settings) or ONBEKEND,
    "vorm": lambda kk, iv: ", ".join(FORMAT_LABELS[f] for f in iv.formats) or ONBEKEND,
    "factoren": _factor_names,
    "aantal factoren": lambda kk, iv: len(iv.factors),
    "waarschuwingen": lambda kk, iv: " ".join(caution_text(c) for c in harms_first(iv.cautions)),
    "aantal waarschuwingen": lambda kk, iv: len(iv.cautions),
    "werkt niet": _not_working,
    "gebruikt in": lambda kk, iv: ", ".join(iv.municipalities) or ONBEKEND,
}
"""Column name (Dutch, as users see it) -> how its cell is made. One meaning per name."""


def intervention_row(kk: Kenniskaart, iv: Intervention, columns: Iterable[str]) -> dict[str, object]:
    """The cells of ``columns`` (names of ``INTERVENTION_CELLS``) for one intervention."""
    return {column: INTERVENTION_CELLS[column](kk, iv) for column in columns}
