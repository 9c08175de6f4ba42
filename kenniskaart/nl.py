"""Dutch formatting of numbers, counts, names, ages and yes/no, the one home every module uses
(no Streamlit)."""

from __future__ import annotations

from collections.abc import Sequence


def plural(n: int, one: str, many: str) -> str:
    """'1 factor', '2 factoren', '0 factoren'."""
    return f"{n} {one if n == 1 else many}"


def decimal(value: float, digits: int = 1) -> str:
    """A number with a decimal comma: 6.5 -> '6,5'."""
    return f"{value:.{digits}f}".replace(".", ",")


def decimal_weight(x: float, sign: bool = False) -> str:
    """A weight as short as it goes, with a decimal comma and an optional sign: '+1', '-0,5', '1,5'."""
    return (f"{x:+g}" if sign else f"{x:g}").replace(".", ",")


def short(text: str, limit: int) -> str:
    """At most ``limit`` characters, cut at a word with '…' (white space made single)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


MAX_NAMES = 6
"""Names a ``names_list`` shows before 'en N andere'."""


def names_list(names: Sequence[str], limit: int = MAX_NAMES) -> str:
    """'a, b, c en 4 andere' (at most ``limit`` names)."""
    names = list(names)
    shown = ", ".join(names[:limit])
    return shown + (f" en {len(names) - limit} andere" if len(names) > limit else "")


YES, NO = "ja", "nee"
YES_NO: dict[str, bool] = {YES: True, NO: False}
"""'ja'/'nee' read back as a bool (link parameters, choices)."""


def yes_no(value: bool | None, unknown: str = "onbekend") -> str:
    """'ja', 'nee', or ``unknown`` when the value is not known."""
    return unknown if value is None else (YES if value else NO)


def age_text(age: int | None) -> str:
    """'15 jaar', or 'leeftijd onbekend'."""
    return f"{age} jaar" if age is not None else "leeftijd onbekend"
