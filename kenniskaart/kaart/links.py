"""Which interventions, examples and themes a factor is linked to (twins included, what counts
as coverage only: ``rules.addressing``)."""

from __future__ import annotations

from ..content import Kenniskaart
from ..models import Intervention, PracticeExample
from ..rules import addressing
from ..vocabulary import BASIS_ORDER
from .strength import NO_THEME

# --- links ---------------------------------------------------------------------------


def link_basis(kk: Kenniskaart, iv: Intervention | PracticeExample, factor_id: str) -> str | None:
    """The strongest provenance of the item's link to the factor or one of its twins."""
    twins = kk.twin_ids(factor_id)
    bases = [link.basis for link in iv.factors if link.factor in twins]
    return max(bases, key=BASIS_ORDER.__getitem__) if bases else None


def interventions_for(kk: Kenniskaart, factor_id: str) -> frozenset[str]:
    """Ids of the interventions that address the factor (with twins) and count as coverage."""
    return frozenset(iv.id for iv in addressing(kk, factor_id))


def examples_for(kk: Kenniskaart, factor_id: str) -> frozenset[str]:
    return frozenset(ex.id for ex in kk.examples_for_factor(factor_id))


def factors_for(kk: Kenniskaart, intervention_id: str) -> frozenset[str]:
    """Ids of the factors an intervention addresses, with their twins."""
    iv = kk.by_id("interventions").get(intervention_id)
    if iv is None:
        return frozenset()
    return frozenset(fid for link in iv.factors for fid in kk.twin_ids(link.factor))


def themes_stating(kk: Kenniskaart, factor_id: str) -> tuple[str, ...]:
    """Praktijkscan themes whose own description (seed 002 §3.1.1) names the factor or a twin."""
    twins = kk.twin_ids(factor_id)
    return tuple(
        t.id for t in kk.praktijkscan_themes if twins & {*t.risk_factors, *t.protective_factors}
    )


def themes_of(iv: Intervention) -> tuple[str, ...]:
    return tuple(iv.praktijkscan_themes) or (NO_THEME,)
