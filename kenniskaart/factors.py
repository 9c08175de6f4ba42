"""Which factors a user can mark as a target (no Streamlit): the one rule the Planscan's own
entries and the Werksessie's risk list share."""

from __future__ import annotations

from collections.abc import Iterable

from .catalog import factor_choice_id
from .content import Kenniskaart


def markable(kk: Kenniskaart, kinds: Iterable[str] = ("risico", "beschermend")) -> list[str]:
    """Dynamic factors of ``kinds``, one per twin pair (``catalog.factor_choice_id``), in content
    order: what a plan or a room can target. Static factors such as age or gender are context,
    no target."""
    wanted = set(kinds)
    return [f.id for f in kk.factors
            if f.kind in wanted and f.nature == "dynamisch" and factor_choice_id(kk, f.id) == f.id]
