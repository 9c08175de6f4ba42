"""The Lessen page shows every guidance item: each belongs to a group or is a guiding step."""

import dataclasses

from kenniskaart.guidance import GROUPS, group_items, guiding_steps, ungrouped


def test_every_guidance_item_is_shown_on_the_lessen_page(kk):
    assert ungrouped(kk) == []
    shown = sum(len(group_items(kk, g, k)) for g in GROUPS for k in g.kinds) + len(guiding_steps(kk))
    assert shown == len(kk.guidance)


def test_guiding_steps_in_order(kk):
    assert [s.order for s in guiding_steps(kk)] == [1, 2, 3, 4, 5, 6]


def test_guiding_steps_are_in_their_order_whatever_the_order_in_the_files(kk):
    shuffled = dataclasses.replace(kk, guidance=tuple(reversed(kk.guidance)))
    assert [s.order for s in guiding_steps(shuffled)] == [1, 2, 3, 4, 5, 6]
