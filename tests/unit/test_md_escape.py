"""md() escapes every Markdown and HTML control character with a backslash: the same result
as the plain rule (one regular expression), for any text."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as hst

from kenniskaart.ui.text import md

RULE = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$])")


@given(hst.text(alphabet=hst.sampled_from(list("ab \\`*_{}[]()#+-.!|<>~$é\n")), max_size=40) | hst.text(max_size=40))
def test_md_puts_a_backslash_before_every_control_character(text):
    assert md(text) == RULE.sub(r"\\\1", text)


def test_md_of_nothing_is_empty():
    assert md(None) == md("") == ""
    assert md("<script>alert(1)</script>") == r"\<script\>alert\(1\)\</script\>"
