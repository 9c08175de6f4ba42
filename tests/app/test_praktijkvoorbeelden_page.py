"""Praktijkvoorbeelden lists every hit, grouped by municipality (issue 20: 'ouders' said 20 of 99
but showed one municipality at a time, starting with Amsterdam's single example)."""

from __future__ import annotations

import re

from kenniskaart.catalog import ExampleFilter, filter_examples
from kenniskaart.texts import ONBEKEND, or_unknown
from support.apptest import open_page, page_text


def _cards(at) -> list[str]:
    """The example cards on the page: one Markdown element each, '**<code · name>** — <kind>'."""
    return [m.value for m in at.markdown if m.value.startswith("**") and " — " in m.value.split("\n")[0]]


def _search(query: str):
    at = open_page("pages/praktijkvoorbeelden.py")
    at.text_input(key="p_query").input(query).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_ouders_lists_every_hit(kk):
    at = _search("ouders")
    found = filter_examples(kk, ExampleFilter(query="ouders"))
    count = int(re.search(r"\*\*(\d+)\*\* van", page_text(at)).group(1))
    assert count == len(found) == 20
    assert len(_cards(at)) == count
    # grouped by municipality: one open group per municipality, with its count
    groups = [e for e in at.expander if e.label.split(" · ")[-1].endswith(("voorbeeld", "voorbeelden"))]
    munis = {or_unknown(ex.municipality) for ex in found}
    assert len(groups) == len(munis) and all(g.proto.expanded for g in groups)
    assert sum(int(g.label.rsplit(" · ", 1)[1].split()[0]) for g in groups) == count
    assert ("Zonder genoemde gemeente" in [g.label.split(" · ")[0] for g in groups]) == (ONBEKEND in munis)


def test_without_a_search_the_groups_are_closed_and_render_nothing(kk):
    """99 examples at once would make every change slow: closed groups render no cards."""
    at = open_page("pages/praktijkvoorbeelden.py")
    groups = [e for e in at.expander if e.label.split(" · ")[-1].endswith(("voorbeeld", "voorbeelden"))]
    assert sum(int(g.label.rsplit(" · ", 1)[1].split()[0]) for g in groups) == len(kk.examples)
    assert not any(g.proto.expanded for g in groups)
    assert _cards(at) == []


def test_one_municipality_at_a_time_is_still_a_choice(kk):
    at = _search("ouders")
    found = filter_examples(kk, ExampleFilter(query="ouders"))
    muni = next(ex.municipality for ex in found if ex.municipality)
    at.selectbox(key="p_show_muni").select(muni).run()
    cards = _cards(at)
    assert len(cards) == sum(1 for ex in found if ex.municipality == muni)
