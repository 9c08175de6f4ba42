"""Plain Dutch texts of content items, shared by pages and exports (no Streamlit): a value or
'onbekend', an intervention's ages, recognition and audience, a caution, a source citation, the
names behind ids. Labels of vocabulary values live in ``vocabulary``, number and name formatting
in ``nl``.

Every value the sources do not give is shown as ``ONBEKEND``.
"""

from __future__ import annotations

from collections.abc import Iterable

from .content import Kenniskaart
from .models import Caution, Intervention, Recognition, SourceRef
from .vocabulary import CAUTION_LABELS, COMMITTEE_LABELS, PREVENTION_LABELS, REQUIREMENT_LABELS

ONBEKEND = "onbekend"


def or_unknown(value: object | None) -> str:
    """The value as text, or 'onbekend' when the sources do not give it."""
    if value is None or value == "" or value == [] or value == ():
        return ONBEKEND
    return str(value)


def age_range(iv: Intervention) -> str:
    """'12–18 jaar', 'vanaf 16 jaar', 'tot en met 11 jaar' or 'onbekend'."""
    lo, hi = iv.min_age, iv.max_age
    if lo is None and hi is None:
        return ONBEKEND
    if lo is not None and hi is not None:
        return f"{lo}–{hi} jaar"
    if lo is not None:
        return f"vanaf {lo} jaar"
    return f"tot en met {hi} jaar"


def recognition_text(rec: Recognition | None) -> str:
    """Recognition level with body, date and review status, or 'onbekend'."""
    if rec is None:
        return ONBEKEND
    text: str = rec.level
    if rec.outcome:
        text += f" voor {rec.outcome}"
    committee = COMMITTEE_LABELS[rec.committee] if rec.committee and rec.committee != "onbekend" else None
    where = [w for w in (rec.body, committee) if w]
    if where:
        text += f" ({'; '.join(where)})"
    text += f", peildatum {rec.date:%d-%m-%Y}" if rec.date else ", datum onbekend"
    if rec.in_review:
        text += ", in herbeoordeling"
    return text


def audience_text(iv: Intervention) -> str:
    """Who it is for, in one line: prevention level and eligibility conditions ('onbekend' parts left out)."""
    parts = [PREVENTION_LABELS[iv.prevention]] if iv.prevention else ["preventieniveau onbekend"]
    parts += [REQUIREMENT_LABELS[r] for r in iv.requires]
    return "; ".join(parts)


def source_text(kk: Kenniskaart, ref: SourceRef) -> str:
    """'<title> (<publisher>, <year>), <section>'."""
    src = kk.by_id("sources").get(ref.source)
    if src is None:
        return f"{ref.source}, {ref.section}"
    year = f", {src.date.year}" if src.date else ""
    return f"{src.title} ({src.publisher}{year}), {ref.section}"


def theme_names(kk: Kenniskaart, ids: Iterable[str]) -> list[str]:
    themes = kk.by_id("themes")
    return [themes[i].name for i in ids if i in themes]


def help_level_names(kk: Kenniskaart, ids: Iterable[str]) -> list[str]:
    levels = kk.by_id("help_levels")
    return [levels[i].name for i in ids if i in levels]


def caution_text(c: Caution) -> str:
    """A caution as one plain line with its kind first ('Kan schaden: …'): exports, memo, lists."""
    return f"{CAUTION_LABELS[c.kind]}: {c.text}"
