"""Expectations written apart from the rules they check (``kenniskaart.rules``/``signals``):
which interventions count as addressing a factor."""

from __future__ import annotations

from kenniskaart.content import Kenniskaart

NEVER_COUNTS = ("kan_schaden", "geen_effect")
"""Cautions after which an intervention never addresses a factor."""


def counts(iv) -> bool:
    """What can harm or had no effect never addresses a factor."""
    return not any(c.kind in NEVER_COUNTS for c in iv.cautions)


def linked_ids(kk: Kenniskaart, fid: str) -> set[str]:
    """The catalogue's links of a factor: items naming the factor or a twin, that do not harm
    and had an effect (or were never tested)."""
    twins = {fid, *kk.by_id("factors")[fid].twins}
    return {iv.id for iv in kk.interventions if {link.factor for link in iv.factors} & twins and counts(iv)}
