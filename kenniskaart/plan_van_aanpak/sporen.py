"""Which plan items serve which spoor (onderwijs, werk en inkomen, wonen, veiligheid, zorg):
the content's ``Spoor`` says which PmG themes, settings and factors belong to it (pure)."""

from __future__ import annotations

from ..content import Kenniskaart
from ..planscan import PlanItem, item_label, item_links


def serves(kk: Kenniskaart, spoor, item: PlanItem) -> bool:
    """The item has one of the spoor's PmG themes or settings, or addresses one of its factors
    (by its own links, as the Planscan reads them)."""
    if set(item.pmg_themes) & set(spoor.pmg_themes):
        return True
    if set(getattr(item, "settings", ())) & set(spoor.settings):
        return True
    return bool(spoor.factors) and bool(set(item_links(kk, item)) & set(spoor.factors))


def spoor_hits(kk: Kenniskaart, items: list[PlanItem]) -> dict[str, list[str]]:
    """Spoor id -> the labels of the plan items that serve it, in plan order."""
    return {s.id: [item_label(i) for i in items if serves(kk, s, i)] for s in kk.sporen}
