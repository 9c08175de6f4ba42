"""The factor pickers' options and labels: twins are one choice, grouped by PmG theme,
named with the everyday words users type (pure, no Streamlit)."""

from __future__ import annotations

from ..content import Kenniskaart
from ..models import Factor
from ..search import everyday_words
from ..texts import theme_names
from ..vocabulary import EVIDENCE_RANK, FRAMEWORK_SHORT


def factor_choice_id(kk: Kenniskaart, factor_id: str) -> str:
    """The id a picker offers for a factor: of a factor and its twins (the same factor in another
    framework) the one listed first in the content, so twins are one choice, not two."""
    pos = kk.factor_positions
    twins = [t for t in kk.twin_ids(factor_id) if t in pos]
    return min(twins, key=pos.__getitem__) if twins else factor_id


def factor_options(kk: Kenniskaart, kind: str, level: str) -> list[str]:
    """Factor ids for a picker of one kind and level: grouped by (first) PmG theme, strongest
    evidence first; of twins only the first (``factor_choice_id``)."""
    order = {t.id: t.order for t in kk.pmg_themes}

    def key(f: Factor):
        theme = min((order[t] for t in f.pmg_themes if t in order), default=99)
        return (theme, EVIDENCE_RANK[f.evidence], f.name.casefold())

    return [
        f.id
        for f in sorted((f for f in kk.factors if f.kind == kind and f.level == level), key=key)
        if factor_choice_id(kk, f.id) == f.id
    ]


LABEL_MAX = 140
"""A label that would be longer leaves out its theme: a picker's list row is 2.5rem high, a longer
label gets smaller type there on a phone (``ui.widgets.picker_tip``), and the words count more."""


def factor_option_label(kk: Kenniskaart, f: Factor) -> str:
    """'<full name> · <first PmG theme> · ook: <everyday words>': the name first, so a chip cut
    off on a phone still shows it; the theme keeps the grouping visible and searchable (left out
    when the label would pass ``LABEL_MAX``: the words count more than the theme).
    '(ook in <framework>)' for a factor with twins. The everyday words come from the content's
    synonym groups that the name (or a twin's name) matches (``search.everyday_words``), so a picker that filters on
    the label text finds the factor by the words users type ('spijbel', 'strafblad', 'blowen'). The
    evidence is not in the name: the page shows it as a badge. The one label of a factor in every
    picker (Aanbeveler, Interventies, Praktijkvoorbeelden, Planscan, Werksessie)."""
    factors = kk.by_id("factors")
    others = sorted({FRAMEWORK_SHORT[factors[t].framework] for t in kk.twin_ids(f.id) - {f.id} if t in factors})
    name = f.name + (f" (ook in {', '.join(others)})" if others else "")
    themes = theme_names(kk, f.pmg_themes[:1])
    labels = [f"{name} · {themes[0]}", name] if themes else [name]
    # the words fit the factor and its twins (one choice): 'Lage SES van het gezin' gives Beke's
    # 'Lage sociaal economische status' the family words
    names = " | ".join(factors[t].name for t in sorted(kk.twin_ids(f.id) | {f.id}) if t in factors)
    for label in labels:
        words = everyday_words(kk, names, label)
        full = f"{label} · ook: {', '.join(words)}" if words else label
        if len(full) <= LABEL_MAX:
            return full
    return full
