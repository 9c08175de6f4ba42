"""The vocabularies of the other content: sources, themes, practice examples, guidance and
indicators, each with its Dutch labels beside it."""

from __future__ import annotations

from typing import Literal

SourceKind = Literal["seed", "referentie"]
"""``seed``: one of the documents the kenniskaart is built on. ``referentie``: a public page
that adds facts (recognition, ages) the seeds lack."""

SOURCE_KIND_LABELS: dict[str, str] = {"seed": "brondocument", "referentie": "aanvullende feiten"}

ThemeKind = Literal["pmg", "praktijkscan"]
"""``pmg``: the five PmG themes (seed 003). ``praktijkscan``: the twelve intervention
themes of the praktijkscan (seed 002)."""

THEME_KIND_LABELS: dict[str, str] = {"pmg": "PmG-thema", "praktijkscan": "interventiethema van de praktijkscan"}

Grounding = Literal["gefundeerd", "ongefundeerd", "exploratief"]
"""How well a praktijkscan theme is grounded in the knowledge synthesis (seed 002 §3.1)."""

GROUNDING_LABELS: dict[str, str] = {
    "gefundeerd": "gefundeerd", "ongefundeerd": "ongefundeerd", "exploratief": "exploratief",
}
"""The praktijkscan's own words (seed 002 §3.1)."""

ExampleKind = Literal["botoc", "pmg"]
"""``botoc``: one of the 62 BOTOC interventions (seed 002, Bijlage 2). ``pmg``: an
example from the PmG report (seed 003)."""

EXAMPLE_KIND_LABELS: dict[str, str] = {
    "botoc": "BOTOC-interventie (2020-2022)", "pmg": "Voorbeeld Preventie met Gezag (2024)",
}

GuidanceKind = Literal[
    "wat_werkt",
    "procesbevinding",
    "conclusie",
    "verbeterpunt",
    "participatieniveau",
    "samenwerkingsvoorwaarde",
    "helpende_methode",
    "implementatie_element",
    "collectieve_weerbaarheid",
    "kennislacune",
    "aanbeveling",
    "leidende_stap",
    "programma",
    "beleid",
    "kanttekening",
    "gemeenschapsindicator",
    "netwerkprincipe",
    "route",
    "opvoedondersteuning",
    "werkt_niet",
]
"""Kinds of guidance item (seeds 000, 001, 002, 004)."""

GUIDANCE_KIND_LABELS: dict[str, str] = {
    "wat_werkt": "wat-werkt-principe",
    "procesbevinding": "procesbevinding",
    "conclusie": "conclusie",
    "verbeterpunt": "verbeterpunt",
    "participatieniveau": "niveau van participatie",
    "samenwerkingsvoorwaarde": "voorwaarde voor samenwerking",
    "helpende_methode": "helpende methode",
    "implementatie_element": "element voor implementatie",
    "collectieve_weerbaarheid": "onderdeel van collectieve weerbaarheid",
    "kennislacune": "kennislacune",
    "aanbeveling": "aanbeveling",
    "leidende_stap": "leidende stap",
    "programma": "programma",
    "beleid": "beleid",
    "kanttekening": "kanttekening",
    "gemeenschapsindicator": "indicator op gemeenschapsniveau",
    "netwerkprincipe": "principe voor netwerken",
    "route": "hoe jongeren betrokken raken",
    "opvoedondersteuning": "opvoedondersteuning",
    "werkt_niet": "wat niet werkt",
}
"""One kind in words. The Lessen page heads its parts with titles per group
(``guidance.GROUPS``), which can be more specific ('Kanttekening bij sleutelfiguren')."""

IndicatorKind = Literal["output", "outcome"]
"""Output: what the plan does (reach, sessions); outcome: what it changes (factors, safety)."""

INDICATOR_KIND_LABELS: dict[str, str] = {
    "output": "output (wat het plan doet)", "outcome": "outcome (wat het plan verandert)",
}
"""An indicator's kind in the monitor and the plan van aanpak."""
