"""Grouping of guidance items for the Lessen page (pure)."""

from __future__ import annotations

from dataclasses import dataclass

from .content import Kenniskaart, named_in_code
from .models import Guidance


@dataclass(frozen=True)
class GuidanceGroup:
    title: str
    intro: str
    kinds: tuple[str, ...]
    kind_titles: dict[str, str]
    sources: tuple[str, ...]
    """Source ids whose items belong here (by an item's first source)."""
    any_source: tuple[str, ...] = ()
    """Kinds that belong here whatever their source (e.g. 'werkt_niet')."""


WAT_NIET_WERKT = "Wat niet werkt"
"""Title of the Lessen part with what does not work or can harm (cautions link to it)."""

GROUPS: tuple[GuidanceGroup, ...] = (
    GuidanceGroup(
        "Preventie met Gezag",
        "Het programma waarvoor deze kenniskaart is gemaakt: doel, aanpak, deelnemende gemeenten "
        "en de lerende netwerken (Rapportage Preventie met Gezag, 2024).",
        ("programma",),
        {"programma": "Het programma"},
        ("pmg-rapportage-2024",),
    ),
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
        ("kanttekening", "procesbevinding", "conclusie", "verbeterpunt", "implementatie_element"),
        {
            "kanttekening": "Kanttekening bij de kennissynthese",
            "procesbevinding": "Procesbevindingen",
            "conclusie": "Conclusies",
            "verbeterpunt": "Verbeterpunten",
            "implementatie_element": "Beleidsreactie en kenniskaart",
        },
        ("beke-praktijkscan-2022", "kamerbrief-2022"),
    ),
    GuidanceGroup(
        "Ingroei, gezin en buurt",
        "Uit 'Samen Weerbaar': hoe jongeren bij ondermijnende criminaliteit betrokken raken, wat "
        "criminele ouders betekenen voor het risico van hun kinderen, hoe opvoedondersteuning "
        "eruitziet en met welke indicatoren u een buurt in beeld brengt.",
        ("route", "opvoedondersteuning", "gemeenschapsindicator"),
        {
            "route": "Hoe jongeren betrokken raken",
            "opvoedondersteuning": "Opvoedondersteuning",
            "gemeenschapsindicator": "Indicatoren op gemeenschapsniveau",
        },
        ("samen-weerbaar-2024",),
    ),
    GuidanceGroup(
        "Samen weerbaar",
        "Uit het kennisdocument 'Samen Weerbaar': hoe overheid en gemeenschap samenwerken aan "
        "weerbaarheid tegen ondermijning.",
        (
            "participatieniveau",
            "samenwerkingsvoorwaarde",
            "netwerkprincipe",
            "helpende_methode",
            "implementatie_element",
            "kanttekening",
            "collectieve_weerbaarheid",
            "conclusie",
            "kennislacune",
            "aanbeveling",
        ),
        {
            "participatieniveau": "Vijf niveaus van participatie",
            "samenwerkingsvoorwaarde": "Voorwaarden voor effectieve samenwerking",
            "netwerkprincipe": "Principes voor slagvaardige netwerken",
            "helpende_methode": "Zeven helpende methoden",
            "implementatie_element": "Elementen voor implementatie",
            "kanttekening": "Kanttekening bij sleutelfiguren",
            "collectieve_weerbaarheid": "Onderdelen van collectieve weerbaarheid",
            "conclusie": "Conclusies",
            "kennislacune": "Kennislacunes",
            "aanbeveling": "Aanbevelingen",
        },
        ("samen-weerbaar-2024",),
    ),
    GuidanceGroup(
        WAT_NIET_WERKT,
        "Wat volgens een bron niet werkt of kan schaden, en de twee waarschuwingen van het Landelijk "
        "Kwaliteitskader Effectieve Jeugdinterventies. De aanbeveler neemt dit nooit op in een pakket; de "
        "Planscan waarschuwt als het in een plan staat.",
        ("kanttekening", "werkt_niet"),
        {"kanttekening": "Waarschuwingen van het Landelijk Kwaliteitskader",
         "werkt_niet": "Werkt niet: kan schaden, geen effect of effect niet aangetoond"},
        ("referentie-interventies", "referentie-interventies-2"),
        any_source=("werkt_niet",),
    ),
)
named_in_code(__name__, "GROUPS", "sources", {s for g in GROUPS for s in g.sources})


def group_items(kk: Kenniskaart, group: GuidanceGroup, kind: str) -> list[Guidance]:
    """Items of one kind that belong to a group, sorted by ``order`` (stable)."""
    items = [g for g in kk.guidance if g.kind == kind and _belongs(g, group)]
    return sorted(items, key=lambda g: g.order)


def _belongs(item: Guidance, group: GuidanceGroup) -> bool:
    return item.kind in group.kinds and (item.sources[0].source in group.sources or item.kind in group.any_source)


def of_kind(kk: Kenniskaart, kind: str) -> list[Guidance]:
    """All guidance items of one kind, sorted by ``order`` then id (e.g. the programme frame on
    Start, the caveats on Over)."""
    return sorted((g for g in kk.guidance if g.kind == kind), key=lambda g: (g.order, g.id))


def group_for(item: Guidance) -> GuidanceGroup | None:
    """The Lessen group (tab) that shows this item, if any."""
    for group in GROUPS:
        if _belongs(item, group):
            return group
    return None


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
