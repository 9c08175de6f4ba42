"""The Lessen page (AppTest): the part on what does not work."""

from __future__ import annotations

from support.apptest import open_page, page_text


def test_lessen_has_a_part_on_what_does_not_work(kk):
    """Issue 19: the Kwaliteitskader's two warnings and the caution list as one visible layer."""
    from kenniskaart.guidance import WAT_NIET_WERKT
    from kenniskaart.ui.text import md
    at = open_page("pages/lessen.py", {"onderdeel": WAT_NIET_WERKT})
    assert not at.exception
    text = page_text(at)
    kader = kk.by_id("guidance")["kanttekening-kwaliteitskader"]
    assert md(kader.title) in text
    harms = [g for g in kk.guidance if g.kind == "werkt_niet"]
    assert len(harms) >= 5 and all(md(g.title) in text for g in harms)
