"""What in a plan can harm, had no effect, has no proven effect, or carries a Kwaliteitskader
warning, strongest first."""

from __future__ import annotations

from dataclasses import dataclass

from ..content import Kenniskaart, named_in_code
from ..models import PracticeExample
from ..rules import (
    HARM_ORDER,
)
from .plan import PlanItem, item_label


@dataclass(frozen=True)
class PlanWarning:
    item: str
    """The plan item's label."""
    kind: str
    """Caution kind: kan_schaden, geen_effect, niet_aangetoond, voorlichting or groepsinterventie."""
    text: str
    guidance: str | None


WARNINGS_GUIDANCE = named_in_code(__name__, "WARNINGS_GUIDANCE", "guidance", ("kanttekening-kwaliteitskader",))[0]
"""The guidance item under the plan's warnings when none of them names its own."""


def plan_warnings(kk: Kenniskaart, items: list[PlanItem]) -> list[PlanWarning]:
    """Plan items a source says do not work or can harm, awareness lessons for everyone and group
    interventions with at-risk youths (the Kwaliteitskader's warnings), harms first. A practice
    example also carries the warnings of the catalogue interventions it uses."""
    ivs = kk.by_id("interventions")
    out: list[PlanWarning] = []
    for item in items:
        cautions = list(getattr(item, "cautions", ()))
        if isinstance(item, PracticeExample):
            cautions += [c for iid in item.interventions for c in ivs[iid].cautions]
        seen: set[tuple[str, str]] = set()
        for c in cautions:
            if c.kind in HARM_ORDER and (c.kind, c.text) not in seen:
                seen.add((c.kind, c.text))
                out.append(PlanWarning(item_label(item), c.kind, c.text, c.guidance))
    return sorted(out, key=lambda w: HARM_ORDER[w.kind])
