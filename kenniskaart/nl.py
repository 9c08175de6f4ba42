"""Dutch formatting of numbers and counts, the one home every module uses (no Streamlit)."""

from __future__ import annotations


def plural(n: int, one: str, many: str) -> str:
    """'1 factor', '2 factoren', '0 factoren'."""
    return f"{n} {one if n == 1 else many}"


def decimal(value: float, digits: int = 1) -> str:
    """A number with a decimal comma: 6.5 -> '6,5'."""
    return f"{value:.{digits}f}".replace(".", ",")


def decimal_weight(x: float, sign: bool = False) -> str:
    """A weight as short as it goes, with a decimal comma and an optional sign: '+1', '-0,5', '1,5'."""
    return (f"{x:+g}" if sign else f"{x:g}").replace(".", ",")
