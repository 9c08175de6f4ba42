"""Dutch formatting (``kenniskaart.nl``): counts, short texts, lists of names, yes/no and ages."""

from __future__ import annotations

from kenniskaart.nl import YES_NO, age_text, names_list, plural, short, yes_no


def test_plural_counts_one_apart():
    assert [plural(n, "factor", "factoren") for n in (0, 1, 2)] == ["0 factoren", "1 factor", "2 factoren"]


def test_short_cuts_at_a_word_and_says_so():
    assert short("  een   korte\ntekst ", 40) == "een korte tekst"
    cut = short("woord " * 20, 23)
    assert cut == "woord woord woord …" and len(cut) <= 23 + 2


def test_names_list_names_at_most_the_limit_and_counts_the_rest():
    names = [f"n{i}" for i in range(9)]
    assert names_list(names[:3]) == "n0, n1, n2"
    assert names_list(names, 2) == "n0, n1 en 7 andere"
    assert names_list(names) == "n0, n1, n2, n3, n4, n5 en 3 andere"


def test_yes_no_reads_back_what_it_writes():
    assert [yes_no(v) for v in (True, False, None)] == ["ja", "nee", "onbekend"]
    assert yes_no(None, "niet bekend") == "niet bekend"
    assert all(YES_NO[yes_no(v)] is v for v in (True, False))


def test_an_unknown_age_says_what_is_unknown():
    assert age_text(15) == "15 jaar"
    assert age_text(None) == "leeftijd onbekend"
