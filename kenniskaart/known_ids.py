"""Ids that no longer exist in the content, dropped with a Dutch notice: one rule for links
(``share``), plan files (``planscan``) and werkmaps (``werkmap``). Pure."""

from __future__ import annotations

from collections.abc import Container, Iterable, Sequence

SHOWN_IDS = 5
"""A notice names at most this many unknown ids (then ' …')."""
ID_CHARS = 40
"""Each named id is cut to this many characters (a link or file can hold anything)."""


def shown_ids(ids: Sequence[str]) -> str:
    """'a, b, c': the first ``SHOWN_IDS`` ids, each cut to ``ID_CHARS``; ' …' when there are more."""
    more = " …" if len(ids) > SHOWN_IDS else ""
    return ", ".join(i[:ID_CHARS] for i in ids[:SHOWN_IDS]) + more


def keep_known(ids: Iterable[str], known: Container[str], what: str, notices: list[str]) -> list[str]:
    """The ids in ``known``, in their order (duplicates kept); when any is unknown, one notice
    'Onbekende <what> genegeerd: <shown_ids>' is added to ``notices``."""
    kept: list[str] = []
    unknown: list[str] = []
    for i in ids:
        (kept if i in known else unknown).append(i)
    if unknown:
        notices.append(f"Onbekende {what} genegeerd: {shown_ids(unknown)}")
    return kept
