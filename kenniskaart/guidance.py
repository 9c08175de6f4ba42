"""Grouping of guidance items for the Lessen page (pure)."""

from __future__ import annotations

from dataclasses import dataclass

from .content import Kenniskaart
from .models import Guidance


@dataclass(frozen=True)
class GuidanceGroup:
    title: str
    intro: str
    kinds: tuple[str, ...]
    kind_titles: dict[str, str]
    sources: tuple[str, ...]
    """Source ids whose items belong here (by an item's first source)."""


GROUPS: tuple[GuidanceGroup, ...] = (
    GuidanceGroup(
        "Wat werkt",
        "De wat-werkt-principes uit 'Vier lessen' van het CCV: de intensiteit past bij het risico, "
        "de aanpak richt zich op wat het gedrag veroorzaakt en sluit aan bij de jongere; met de "
        "adviezen van het CCV voor een plan van aanpak.",
        ("wat_werkt", "aanbeveling", "samenwerkingsvoorwaarde"),
        {
            "wat_werkt": "Wat-werkt-principes",
            "aanbeveling": "Adviezen voor het plan van aanpak",
            "samenwerkingsvoorwaarde": "Voorwaarden voor samenwerking",
        },
        ("ccv-vier-lessen",),
    ),
    GuidanceGroup(
        "Praktijkscan en Kamerbrief",
        "Wat de praktijkscan bij de acht BOTOC-gemeenten vond over het proces, de conclusies, en de "
        "verbeterpunten die het ministerie daaruit trok.",
        ("procesbevinding", "conclusie", "verbeterpunt", "implementatie_element"),
        {
            "procesbevinding": "Procesbevindingen",
            "conclusie": "Conclusies",
            "verbeterpunt": "Verbeterpunten",
            "implementatie_element": "Beleidsreactie en kenniskaart",
        },
        ("beke-praktijkscan-2022", "kamerbrief-2022"),
    ),
    GuidanceGroup(
        "Samen weerbaar",
        "Uit het kennisdocument 'Samen Weerbaar': hoe overheid en gemeenschap samenwerken aan "
        "weerbaarheid tegen ondermijning.",
        (
            "participatieniveau",
            "samenwerkingsvoorwaarde",
            "helpende_methode",
            "implementatie_element",
            "collectieve_weerbaarheid",
            "conclusie",
            "kennislacune",
            "aanbeveling",
        ),
        {
            "participatieniveau": "Vijf niveaus van participatie",
            "samenwerkingsvoorwaarde": "Voorwaarden voor effectieve samenwerking",
            "helpende_methode": "Zeven helpende methoden",
            "implementatie_element": "Elementen voor implementatie",
            "collectieve_weerbaarheid": "Onderdelen van collectieve weerbaarheid",
            "conclusie": "Conclusies",
            "kennislacune": "Kennislacunes",
            "aanbeveling": "Aanbevelingen",
        },
        ("samen-weerbaar-2024",),
    ),
)


def group_items(kk: Kenniskaart, group: GuidanceGroup, kind: str) -> list[Guidance]:
    """Items of one kind that belong to a group, sorted by ``order`` (stable)."""
    items = [g for g in kk.guidance if g.kind == kind and g.sources[0].source in group.sources]
    return sorted(items, key=lambda g: g.order)


def guiding_steps(kk: Kenniskaart) -> list[Guidance]:
    """The six 'Samen weerbaar' guiding steps, in order."""
    return sorted((g for g in kk.guidance if g.kind == "leidende_stap"), key=lambda g: g.order)


def ungrouped(kk: Kenniskaart) -> list[Guidance]:
    """Guidance items no group shows (should be empty; a test guards it)."""
    shown = {
        g.id
        for group in GROUPS
        for kind in group.kinds
        for g in group_items(kk, group, kind)
    }
    return [g for g in kk.guidance if g.id not in shown and g.kind != "leidende_stap"]
