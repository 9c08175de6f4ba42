"""The Aanbeveler's package on made-up catalogues: which items it takes, in which order, and the
one sentence per item that says why (what the advisor reads next to it). Every expectation is
written out by hand from the rules in ``aanbeveler.package``."""

from __future__ import annotations

from kenniskaart.aanbeveler import PACKAGE_SIZE, Profile, recommend
from support.factories import ERKEND, factor, iv, kaart

FAMILY = "zodat het pakket niet alleen op de jongere zelf ligt."


def _package(kk, **profile) -> list[tuple[str, str]]:
    return [(p.rec.intervention.id, p.why) for p in recommend(kk, Profile(age=14, **profile)).package]


def test_recognised_first_by_what_they_cover_then_family_then_unrecognised_for_the_rest():
    kk = kaart([factor("f1", "Eerste"), factor("f2", "Tweede"), factor("f3", "Derde"),
                factor("fam", "Gezinsband", level="gezin")],
               [iv("a", {"f1": "bron"}, lo=8, hi=20, rec=ERKEND),
                iv("b", {"f1": "bron", "f2": "bron"}, lo=8, hi=20, rec=ERKEND),
                iv("g", {"fam": "bron"}, lo=8, hi=20, levels=("gezin",)),
                iv("t", {"f3": "bron"}, lo=8, hi=20)])
    assert _package(kk, risk_factors=("f1", "f2", "f3", "fam")) == [
        ("b", "Erkend en passend voor: Eerste, Tweede."),
        ("g", f"Werkt op het niveau van het gezin (niet erkend (veelbelovend / praktijk)), {FAMILY}"),
        ("t", "Geen erkende interventie dekt dit; veelbelovend / praktijk voor: Derde."),
    ]


def test_a_community_item_is_taken_for_a_community_factor():
    kk = kaart([factor("f1", "Eerste"), factor("wijk", "Buurt", level="gemeenschap")],
               [iv("a", {"f1": "bron"}, lo=8, hi=20, rec=ERKEND),
                iv("w", {"wijk": "bron"}, lo=8, hi=20, levels=("gemeenschap",))])
    assert _package(kk, risk_factors=("f1", "wijk")) == [
        ("a", "Erkend en passend voor: Eerste."),
        ("w", f"Werkt op het niveau van de gemeenschap (niet erkend (veelbelovend / praktijk)), {FAMILY}"),
    ]


def test_with_a_parent_who_takes_part_a_family_programme_is_added_and_says_so():
    kk = kaart([factor("f1", "Eerste")],
               [iv("a", {"f1": "bron"}, lo=8, hi=20, rec=ERKEND),
                iv("h", {"f1": "bron"}, lo=8, hi=20, levels=("gezin",))])
    assert _package(kk, risk_factors=("f1",), parent=True) == [
        ("a", "Erkend en passend voor: Eerste."),
        ("h", "Werkt op het niveau van het gezin (niet erkend (veelbelovend / praktijk)) en een ouder doet mee, "
              + FAMILY),
    ]
    # without that parent and without a family factor: no family programme
    assert _package(kk, risk_factors=("f1",)) == [("a", "Erkend en passend voor: Eerste.")]


def test_an_offence_brings_a_programme_against_reoffending_into_the_package():
    kk = kaart([factor("f1", "Eerste")],
               [iv("a", {"f1": "bron"}, lo=8, hi=20, rec=ERKEND),
                iv("d", {"f1": "bron"}, lo=8, hi=20, reoffending=True)])
    offence = ("d", "Het delict zelf is een behoefte: dit programma richt zich op het voorkomen van herhaling "
                    "(niet erkend (veelbelovend / praktijk): geen erkend programma past).")
    assert _package(kk, risk_factors=("f1",), offence="eerste") == [("a", "Erkend en passend voor: Eerste."), offence]
    assert _package(kk, risk_factors=("f1",), offence="geen") == [("a", "Erkend en passend voor: Eerste.")]


def test_a_recognised_programme_against_reoffending_comes_first():
    kk = kaart([factor("f1", "Eerste"), factor("f2", "Tweede")],
               [iv("a", {"f1": "bron", "f2": "bron"}, lo=8, hi=20, rec=ERKEND),
                iv("d", {"f1": "bron"}, lo=8, hi=20, rec=ERKEND, reoffending=True)])
    assert _package(kk, risk_factors=("f1", "f2"), offence="eerste") == [
        ("d", "Het delict zelf is een behoefte: dit programma richt zich op het voorkomen van herhaling (erkend)."),
        ("a", "Erkend en passend voor: Tweede."),
    ]


def test_the_package_holds_at_most_five_items_and_the_rest_stays_uncovered():
    names = ["Een", "Twee", "Drie", "Vier", "Vijf", "Zes", "Zeven"]
    kk = kaart([factor(f"f{k}", n) for k, n in enumerate(names)],
               [iv(f"i{k}", {f"f{k}": "bron"}, lo=8, hi=20, rec=ERKEND) for k in range(len(names))])
    res = recommend(kk, Profile(age=14, risk_factors=tuple(f"f{k}" for k in range(len(names)))))
    assert PACKAGE_SIZE == 5 and len(res.package) == 5
    covered = {f.id for p in res.package for f in p.rec.factors}
    assert len(covered) == 5 and {f.id for f in res.uncovered} == {f"f{k}" for k in range(7)} - covered


def test_a_recognised_family_programme_is_added_for_a_parent_who_takes_part():
    kk = kaart([factor("f1", "Eerste")],
               [iv("a", {"f1": "bron"}, lo=8, hi=20, rec=ERKEND),
                iv("h", {"f1": "bron"}, lo=8, hi=20, rec=ERKEND, levels=("gezin",))])
    package = _package(kk, risk_factors=("f1",), parent=True)
    assert [i for i, _ in package] == ["a", "h"]
    assert package[1][1] == f"Werkt op het niveau van het gezin (erkend) en een ouder doet mee, {FAMILY}"


def test_a_family_item_already_in_the_package_still_leaves_room_for_the_community():
    kk = kaart([factor("f1", "Eerste"), factor("wijk", "Buurt", level="gemeenschap")],
               [iv("g", {"f1": "bron"}, lo=8, hi=20, rec=ERKEND, levels=("gezin",)),
                iv("w", {"wijk": "bron"}, lo=8, hi=20, levels=("gemeenschap",))])
    assert _package(kk, risk_factors=("f1", "wijk")) == [
        ("g", "Erkend en passend voor: Eerste."),
        ("w", f"Werkt op het niveau van de gemeenschap (niet erkend (veelbelovend / praktijk)), {FAMILY}"),
    ]


def test_one_programme_for_the_offence_is_enough():
    kk = kaart([factor("f1", "Eerste")],
               [iv("d1", {"f1": "bron"}, lo=8, hi=20, rec=ERKEND, reoffending=True),
                iv("d2", {"f1": "bron"}, lo=8, hi=20, reoffending=True)])
    assert [i for i, _ in _package(kk, risk_factors=("f1",), offence="eerste")] == ["d1"]


def test_a_full_package_takes_no_family_item_and_no_second_look_for_the_offence():
    fs = [factor(f"f{k}", f"Factor {k}") for k in range(5)] + [factor("fam", "Gezinsband", level="gezin")]
    items = [iv(f"i{k}", {f"f{k}": "bron"}, lo=8, hi=20, rec=ERKEND) for k in range(5)]
    items += [iv("g", {"fam": "bron"}, lo=8, hi=20, levels=("gezin",)),
              iv("d", {"f0": "bron"}, lo=8, hi=20, reoffending=True)]
    package = _package(kaart(fs, items), risk_factors=(*(f"f{k}" for k in range(5)), "fam"), offence="eerste")
    assert sorted(i for i, _ in package) == ["i0", "i1", "i2", "i3", "i4"]
