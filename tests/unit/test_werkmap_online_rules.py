"""The werkmap online's pure rules: tokens and the sealed read link, documents, notes, what a
version's note says changed, and the retention setting."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, seed, settings
from hypothesis import strategies as st

from kenniskaart.werkmap import werkmap_to_json
from kenniskaart.werkmap_online import rules
from kenniskaart.werkmap_online.rules import NotAWerkmap, TooLarge


def doc(shortlist=(), notes=None, **extra) -> bytes:
    data = json.loads(werkmap_to_json(None, list(shortlist), notes or {}, None))
    data.update(extra)
    return json.dumps(data).encode()


def test_tokens_are_random_url_safe_and_recognised():
    tokens = {rules.new_token() for _ in range(200)}
    assert len(tokens) == 200
    assert all(rules.is_token(t) and len(t) == 32 for t in tokens)
    for bad in ("", None, 5, "a" * 31, "a" * 33, "a" * 31 + "/", "a" * 31 + "=", "ä" * 32):
        assert not rules.is_token(bad)


@seed(29)
@settings(max_examples=200, deadline=None)
@given(st.binary(min_size=24, max_size=24), st.binary(min_size=24, max_size=24))
def test_the_read_token_comes_back_only_with_the_edit_token(read_raw, edit_raw):
    import base64

    read = base64.urlsafe_b64encode(read_raw).decode()
    edit = base64.urlsafe_b64encode(edit_raw).decode()
    sealed = rules.seal(read, edit)
    assert read not in sealed and edit not in sealed
    assert rules.unseal(sealed, edit) == read
    if read != edit:
        assert rules.unseal(sealed, read) not in (read, edit)


def test_unseal_refuses_junk():
    assert rules.unseal("zz", "a" * 32) is None and rules.unseal("ab" * 10, "a" * 32) is None


def test_documents_must_be_werkmaps_within_the_limit():
    assert rules.check_document(doc(["ajb"])) == doc(["ajb"])
    with pytest.raises(TooLarge, match=r"\(1 kB; hoogstens 0 kB\)"):
        rules.check_document(b"x" * 1001, limit=999)
    for bad in (b"[]", b"null", b"\xff\xfe", b'{"formaat": "kenniskaart-plan", "versie": 1}', "tekst"):
        with pytest.raises(NotAWerkmap):
            rules.check_document(bad)


def test_notes_are_one_short_line_of_plain_text():
    assert rules.clean_note("  Versie\n\t3 \x00teruggezet ") == "Versie 3 teruggezet"
    assert len(rules.clean_note("x" * 500)) == rules.MAX_NOTE_CHARS == 120
    assert rules.clean_note(None) == ""


@pytest.mark.parametrize(("before", "after", "note"), [
    (None, doc(["ajb"]), "Shortlist: 1 interventie"),
    (doc(["ajb"]), doc(["ajb", "pit"]), "Shortlist: 2 interventies"),
    (doc(["ajb", "pit"]), doc(["pit", "ajb"]), "Volgorde van de shortlist gewijzigd"),
    (doc(["ajb"]), doc(["ajb"], {"ajb": "GGD bellen"}), "Notities gewijzigd"),
    (doc(["ajb"], {"ajb": "GGD bellen"}), doc(["ajb"]), "Notities gewijzigd"),
    (doc(["ajb"]), doc(["ajb"], profiel={"age": 15}), "Profiel gewijzigd"),
    (doc(["ajb"], profiel={"age": 15}), doc(["ajb"]), "Profiel gewist"),
    (doc(), doc(plan={"interventions": ["ajb"]}), "Plan gewijzigd"),
    (doc(), doc(plan_van_aanpak={"partners": ["politie"]}), "Plan van aanpak gewijzigd"),
    (doc(["ajb"]), doc(["pit"], {"pit": "x"}, profiel={"age": 9}),
     "Profiel gewijzigd; shortlist: 1 interventie; notities gewijzigd"),
    (doc(["ajb"]), doc(["ajb"]), "Geen inhoudelijke wijziging"),
])
def test_a_version_note_says_what_changed(before, after, note):
    assert rules.describe_change(before, after) == note


def test_retention_setting(monkeypatch):
    monkeypatch.delenv(rules.RETENTION_ENV, raising=False)
    assert rules.retention_days() == 180
    for raw, days in (("30", 30), ("0", 180), ("-5", 180), ("geen getal", 180), ("7.5", 7.5)):
        monkeypatch.setenv(rules.RETENTION_ENV, raw)
        assert rules.retention_days() == days
