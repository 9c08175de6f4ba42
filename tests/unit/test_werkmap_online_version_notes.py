"""The werkmap online's version note ("wat is er veranderd") for the changes the first tests
leave out, the conflict message word for word, and how a link's token is decoded. Expectations
written by hand."""

from __future__ import annotations

import datetime as dt
import json

from kenniskaart.werkmap_online import rules
from kenniskaart.werkmap_online.rules import Conflict, VersionInfo

EMPTY = {
    "formaat": "kenniskaart-werkmap", "versie": 1, "profiel": None, "shortlist": [],
    "plan": {"formaat": "kenniskaart-plan", "versie": 1, "interventions": [], "examples": [], "own": []},
    "plan_van_aanpak": {"municipality": "", "neighbourhoods": "", "age_min": None, "age_max": None,
                        "weighing": None, "analysis": [], "own_analysis": "", "partners": None,
                        "safeguarding": "", "room": None},
    "monitor": {"tracked": []},
}
"""An empty werkmap as the werkmap file writes it (copied from a downloaded file)."""


def doc(shortlist=(), **parts) -> bytes:
    """A werkmap document: ``shortlist`` as (id, note) pairs or ids, ``parts`` replace top-level keys."""
    data = json.loads(json.dumps(EMPTY))
    data["shortlist"] = [{"interventie": e, "notitie": ""} if isinstance(e, str)
                         else {"interventie": e[0], "notitie": e[1]} for e in shortlist]
    data.update(parts)
    return json.dumps(data).encode()


# --- notes on the shortlist ----------------------------------------------------------------------


def test_a_new_intervention_with_a_note_changes_the_shortlist_and_the_notes():
    assert rules.describe_change(doc(["ajb"]), doc(["ajb", ("pit", "Met de wijkagent")])) == (
        "Shortlist: 2 interventies; notities gewijzigd")


def test_a_new_intervention_without_a_note_changes_only_the_shortlist():
    assert rules.describe_change(doc(["ajb"]), doc(["ajb", "pit"])) == "Shortlist: 2 interventies"


def test_removing_an_intervention_with_a_note_changes_only_the_shortlist():
    assert rules.describe_change(doc([("ajb", "GGD"), "pit"]), doc(["pit"])) == "Shortlist: 1 interventie"


def test_an_emptied_shortlist_says_zero_interventions():
    assert rules.describe_change(doc(["ajb", "pit"]), doc()) == "Shortlist: 0 interventies"


def test_changing_one_note_among_several_changes_only_the_notes():
    before = doc([("ajb", "GGD bellen"), ("pit", "Wijkagent")])
    after = doc([("ajb", "GGD bellen"), ("pit", "Wijkagent en school")])
    assert rules.describe_change(before, after) == "Notities gewijzigd"


def test_reordering_and_a_new_note_are_both_named():
    assert rules.describe_change(doc(["ajb", "pit"]), doc(["pit", ("ajb", "Eerst")])) == (
        "Volgorde van de shortlist gewijzigd; notities gewijzigd")


def test_a_missing_note_counts_as_an_empty_note():
    before = doc(["ajb"])
    after = json.loads(doc(["ajb"]))
    after["shortlist"] = [{"interventie": "ajb", "notitie": None}]
    assert rules.describe_change(before, json.dumps(after).encode()) == "Geen inhoudelijke wijziging"
    after["shortlist"] = [{"interventie": "ajb"}]
    assert rules.describe_change(before, json.dumps(after).encode()) == "Geen inhoudelijke wijziging"


def test_a_shortlist_that_is_no_list_or_holds_no_entries_counts_as_empty():
    def with_shortlist(value) -> bytes:
        data = json.loads(doc())
        data["shortlist"] = value
        return json.dumps(data).encode()

    assert rules.describe_change(doc(), with_shortlist("kapot")) == "Geen inhoudelijke wijziging"
    assert rules.describe_change(doc(["pit"]), with_shortlist(["ajb", 7, {"interventie": "pit"}])) == (
        "Geen inhoudelijke wijziging")


# --- the other parts of a werkmap ------------------------------------------------------------------


def test_other_parts_are_named_in_alphabetical_order_with_spaces_for_underscores():
    after = doc(monitor={"tracked": ["x"]}, plan={"interventions": ["ajb"]},
                plan_van_aanpak={"municipality": "Zaanstad"})
    assert rules.describe_change(doc(), after) == (
        "Monitor gewijzigd; plan gewijzigd; plan van aanpak gewijzigd")


def test_a_part_that_is_gone_or_new_is_named():
    without = json.loads(doc())
    del without["monitor"]
    assert rules.describe_change(doc(), json.dumps(without).encode()) == "Monitor gewijzigd"
    assert rules.describe_change(doc(), doc(metingen_2027=[1])) == "Metingen 2027 gewijzigd"


def test_a_new_format_version_alone_is_no_change_in_content():
    assert rules.describe_change(doc(), doc(versie=2, formaat="kenniskaart-werkmap")) == (
        "Geen inhoudelijke wijziging")


def test_all_changes_at_once_in_their_order():
    before = doc([("ajb", "a")])
    after = doc(["pit", ("ajb", "b")], profiel={"age": 14}, plan={"x": 1})
    assert rules.describe_change(before, after) == (
        "Profiel gewijzigd; shortlist: 2 interventies; notities gewijzigd; plan gewijzigd")


def test_a_long_note_is_cut_at_120_characters():
    after = doc(**{f"deel_{i:02d}": i for i in range(10)})
    note = rules.describe_change(doc(), after)
    assert note == ("Deel 00 gewijzigd; deel 01 gewijzigd; deel 02 gewijzigd; deel 03 gewijzigd; "
                    "deel 04 gewijzigd; deel 05 gewijzigd; deel 0")
    assert len(note) == 120


# --- the version before: none, empty or not a werkmap ------------------------------------------------


def test_no_earlier_version_counts_as_an_empty_werkmap():
    for nothing in (None, b""):
        assert rules.describe_change(nothing, doc()) == "Geen inhoudelijke wijziging"
        assert rules.describe_change(nothing, doc(["ajb"])) == "Shortlist: 1 interventie"


def test_an_earlier_version_that_is_no_json_object_counts_as_having_no_parts():
    for broken in (b"[1, 2]", b"{kapot", b"\xff\xfe", b"null"):
        assert rules.describe_change(broken, doc()) == (
            "Monitor gewijzigd; plan gewijzigd; plan van aanpak gewijzigd"), broken


# --- the conflict message -------------------------------------------------------------------------


def test_a_conflict_names_both_versions_and_says_nothing_was_overwritten():
    theirs = VersionInfo(5, dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC), "Plan gewijzigd", 812, "ab" * 32)
    conflict = Conflict(3, theirs, b'{"formaat": "kenniskaart-werkmap"}')
    assert str(conflict) == (
        "Iemand anders heeft deze werkmap intussen bewaard (versie 5); u werkte verder op versie 3. "
        "Er is niets overschreven: hieronder staan beide versies; kies welke verder gaat.")
    assert conflict.base_version == 3 and conflict.theirs is theirs
    assert conflict.their_document == b'{"formaat": "kenniskaart-werkmap"}'


# --- tokens ---------------------------------------------------------------------------------------


def test_a_token_decodes_to_its_24_bytes():
    assert rules.decode_token("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA") == bytes(24)
    assert rules.decode_token("________________________________") == b"\xff" * 24
    assert rules.decode_token("-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_-_") == bytes.fromhex("fbffbf" * 8)


def test_what_is_no_token_decodes_to_nothing():
    for junk in ("", "A" * 31, "A" * 33, "A" * 31 + "=", "A" * 31 + "+", "A" * 31 + "/", None, 42, b"A" * 32):
        assert rules.decode_token(junk) is None, junk  # type: ignore[arg-type]
