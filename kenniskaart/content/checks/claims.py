"""What an intervention claims is backed: cautions and effects cite a source, a recognition
names its committee and page, a reassessment is said in a caution, a 'does not work' caution
links guidance with its own verdict, a doelgroep caution stays within the item's ages; and the
warning: recognitions to check again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ...vocabulary import NOT_WORKING_KINDS, RECOGNISED_LEVELS
from ..issues import ContentIssue
from ..kenniskaart import Kenniskaart
from .walk import cautions, issue, items, recognitions


def cautions_cite_a_source(kk: Kenniskaart) -> Iterator[ContentIssue]:
    for collection, item in items(kk, "interventions", "examples", "lessons"):
        for fld, c in cautions(item):
            if not c.sources:
                yield issue(kk, collection, item, f"{fld}.sources", "waarschuwing zonder bron")


def effects_cite_a_source(kk: Kenniskaart) -> Iterator[ContentIssue]:
    """An 'effectief' recognition comes with an effect text, and an effect text with its source."""
    for iv in kk.interventions:
        if iv.recognition and iv.recognition.level.startswith("effectief") and not iv.effect:
            yield issue(kk, "interventions", iv, "effect", f"effect onbekend naast '{iv.recognition.level}'")
        if iv.effect and not iv.effect_sources:
            yield issue(kk, "interventions", iv, "effect_sources", "effect zonder bron")


def recognitions_name_committee_and_page(kk: Kenniskaart) -> Iterator[ContentIssue]:
    """A recognised statement names the committee and cites the page (https) it is on."""
    for iv in kk.interventions:
        for fld, rec in recognitions(iv):
            if rec.level not in RECOGNISED_LEVELS:
                continue
            if rec.committee is None:
                yield issue(kk, "interventions", iv, f"{fld}.committee", "erkenning zonder commissie")
            if not any(ref.url and ref.url.startswith("https://") for ref in rec.sources):
                yield issue(kk, "interventions", iv, f"{fld}.sources",
                            "erkenning zonder bron met een adres (https://)")


def reassessments_carry_a_caution(kk: Kenniskaart) -> Iterator[ContentIssue]:
    """A recognition in reassessment is said in an 'erkenning' caution users read."""
    for iv in kk.interventions:
        if iv.recognition and iv.recognition.in_review and not any(c.kind == "erkenning" for c in iv.cautions):
            yield issue(kk, "interventions", iv, "cautions",
                        "erkenning in herbeoordeling zonder waarschuwing van soort 'erkenning'")


def not_working_cautions_link_their_verdict(kk: Kenniskaart) -> Iterator[ContentIssue]:
    """A 'does not work' caution that links guidance links a 'werkt_niet' item with its verdict."""
    guidance = kk.by_id("guidance")
    for collection, item in items(kk, "interventions", "examples"):
        for fld, c in cautions(item):
            g = guidance.get(c.guidance) if c.guidance else None
            if c.kind in NOT_WORKING_KINDS and g is not None and (g.kind != "werkt_niet" or g.verdict != c.kind):
                yield issue(kk, collection, item, f"{fld}.guidance",
                            f"'{c.guidance}' is geen 'werkt_niet'-item met oordeel '{c.kind}'")


def doelgroep_ages_within_item_ages(kk: Kenniskaart) -> Iterator[ContentIssue]:
    """A doelgroep caution never allows an age the item's own range rules out."""
    for iv in kk.interventions:
        for i, c in enumerate(iv.cautions):
            if c.kind != "doelgroep":
                continue
            if c.max_age is not None and iv.max_age is not None and c.max_age > iv.max_age:
                yield issue(kk, "interventions", iv, f"cautions.{i}.max_age",
                            f"{c.max_age} ligt boven de leeftijd van het item ({iv.max_age})")
            if c.min_age is not None and iv.min_age is not None and c.min_age < iv.min_age:
                yield issue(kk, "interventions", iv, f"cautions.{i}.min_age",
                            f"{c.min_age} ligt onder de leeftijd van het item ({iv.min_age})")


def factor_links_are_unique_and_explained(kk: Kenniskaart) -> Iterator[ContentIssue]:
    """An item links a factor once, and each link says why (its note)."""
    for collection, item in items(kk, "interventions", "examples"):
        seen: set[str] = set()
        for i, link in enumerate(item.factors):
            if link.factor in seen:
                yield issue(kk, collection, item, f"factors.{i}.factor", f"dubbele factorkoppeling '{link.factor}'")
            seen.add(link.factor)
            if not link.note:
                yield issue(kk, collection, item, f"factors.{i}.note", "koppeling zonder toelichting")


RECOGNITION_MAX_AGE_YEARS = 5
"""NJi reassesses ratings older than five years; the validator lists them."""


def recognitions_to_check_again(kk: Kenniskaart, today: dt.date | None = None) -> Iterator[ContentIssue]:
    """Recognised statements older than five years or in herbeoordeling: a warning for editors,
    not an error (the databank's own date and state are shown as they are)."""
    today = today or dt.date.today()
    limit = dt.date(today.year - RECOGNITION_MAX_AGE_YEARS, today.month, min(today.day, 28))
    for iv in kk.interventions:
        for fld, rec in recognitions(iv):
            if rec.level not in RECOGNISED_LEVELS:
                continue
            reasons = []
            if rec.date is not None and rec.date < limit:
                reasons.append(f"ouder dan {RECOGNITION_MAX_AGE_YEARS} jaar ({rec.date:%d-%m-%Y})")
            if rec.in_review:
                reasons.append("in herbeoordeling")
            if reasons:
                yield issue(kk, "interventions", iv, fld,
                            f"erkenning om na te lopen: {rec.level}: {' en '.join(reasons)}")
