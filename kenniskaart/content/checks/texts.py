"""Addresses and words users read: every address is a full web address, a reading date
belongs to an address and is not in the future, a databank page says when it was read, and no
internal word reaches the screen."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlparse

from ..issues import ContentIssue
from ..kenniskaart import Kenniskaart
from .walk import issue, items, source_refs

INTERNAL_WORDS = re.compile(r"\bseed 00\d\b|\breferentie\b(?!-)", re.IGNORECASE)
"""Words of the team's working files ('seed 003', 'referentie'): users read source titles."""

NOT_USER_TEXT = ("sources", "effect_sources", "section", "url", "links", "file")
"""Fields users do not read as text (citations are shown through their source's title)."""


def _well_formed(url: str) -> bool:
    parts = urlparse(url)
    return parts.scheme in ("http", "https") and "." in parts.netloc and not re.search(r"\s", url)


def _addresses(item: Any) -> Iterator[tuple[str, str]]:
    for fld, ref in source_refs(item):
        if ref.url is not None:
            yield f"{fld}.url", ref.url
    for i, link in enumerate(getattr(item, "links", ())):
        yield f"links.{i}", link
    for i, where in enumerate(getattr(item, "where", ())):
        if where.url is not None:
            yield f"where.{i}.url", where.url


def addresses_are_well_formed(kk: Kenniskaart) -> Iterator[ContentIssue]:
    """Every address is a whole web address (http(s)://host/...), without spaces."""
    for collection, item in items(kk):
        for fld, url in _addresses(item):
            if not _well_formed(url):
                yield issue(kk, collection, item, fld, f"geen volledig webadres: '{url}'")


def reading_dates_belong_to_an_address(kk: Kenniskaart) -> Iterator[ContentIssue]:
    """A peildatum is the day a page was read: it needs the page's address and lies in the past."""
    today = dt.date.today()
    for collection, item in items(kk):
        for fld, ref in source_refs(item):
            if ref.peildatum is not None and ref.url is None:
                yield issue(kk, collection, item, f"{fld}.peildatum", "peildatum zonder adres (url)")
            if ref.peildatum is not None and ref.peildatum > today:
                yield issue(kk, collection, item, f"{fld}.peildatum", f"peildatum {ref.peildatum} ligt in de toekomst")


def databank_pages_carry_a_peildatum(kk: Kenniskaart) -> Iterator[ContentIssue]:
    """A page cited from a dated reference source (facts the team collected from databank pages
    on a date) says the day it was read (pages re-read later carry their own, later day)."""
    sources = kk.by_id("sources")
    for collection, item in items(kk):
        for fld, ref in source_refs(item):
            source = sources.get(ref.source)
            if ref.url is None or source is None or source.kind != "referentie" or source.date is None:
                continue
            if ref.peildatum is None:
                yield issue(kk, collection, item, f"{fld}.peildatum",
                            f"pagina uit '{ref.source}' zonder peildatum (de dag waarop ze is gelezen)")


def _texts(obj: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(obj, str):
        yield path, obj
    elif isinstance(obj, dict):
        for k, v in obj.items():
            if k not in NOT_USER_TEXT:
                yield from _texts(v, f"{path}.{k}" if path else k)
    elif isinstance(obj, (list, tuple)):
        for i, v in enumerate(obj):
            yield from _texts(v, f"{path}.{i}")


def no_internal_words(kk: Kenniskaart) -> Iterator[ContentIssue]:
    """Text users read names sources by title, never 'seed 003' or 'referentie'."""
    for collection, item in items(kk, "factors", "interventions", "examples", "guidance", "themes", "cases"):
        for fld, text in _texts(item.model_dump(), ""):
            found = INTERNAL_WORDS.search(text)
            if found:
                yield issue(kk, collection, item, fld, f"intern woord '{found.group(0)}' in tekst voor gebruikers")
