"""The Lessen page shows every guidance item: each belongs to a group or is a guiding step."""

from kenniskaart.guidance import GROUPS, group_items, guiding_steps, ungrouped


def test_every_guidance_item_is_shown_on_the_lessen_page(kk):
    assert ungrouped(kk) == []
    shown = sum(len(group_items(kk, g, k)) for g in GROUPS for k in g.kinds) + len(guiding_steps(kk))
    assert shown == len(kk.guidance)


def test_guiding_steps_in_order(kk):
    assert [s.order for s in guiding_steps(kk)] == [1, 2, 3, 4, 5, 6]


def test_lessen_has_a_part_on_what_does_not_work(kk):
    """Issue 19: the Kwaliteitskader's two warnings and the caution list as one visible layer."""
    from conftest import open_page, page_text

    from kenniskaart.guidance import WAT_NIET_WERKT
    from kenniskaart.ui.text import md

    at = open_page("pages/lessen.py", {"onderdeel": WAT_NIET_WERKT})
    assert not at.exception
    text = page_text(at)
    kader = kk.by_id("guidance")["kanttekening-kwaliteitskader"]
    assert md(kader.title) in text
    harms = [g for g in kk.guidance if g.kind == "werkt_niet"]
    assert len(harms) >= 5 and all(md(g.title) in text for g in harms)
