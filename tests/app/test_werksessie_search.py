"""The participant's risk search knows everyday words (issue 27): every synonym group of the
content, typed into the Werksessie's search box, lists its risk factors as pills, and a word
that finds nothing gets a Dutch message, never Streamlit's English "No results"."""

from __future__ import annotations

import re
import unicodedata

import pytest

from kenniskaart.werksessie import Store
from kenniskaart.werksessie.choices import risk_choices
from support.apptest import open_page

PAGE = "pages/werksessie.py"


def _plain(text: str | None) -> str:
    text = unicodedata.normalize("NFKD", (text or "").casefold())
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


def _starts_a_word(word: str, text: str) -> bool:
    return re.search(r"(?<![a-z0-9])" + re.escape(word), text) is not None


def expected_risks(kk, typed: str) -> list[str]:
    """Computed apart from kenniskaart.search, from synonyms.yaml's own rule: a word finds texts
    with a word beginning with it or with another word of its groups; a phrase also finds a text
    that has a word of each of its words' groups. A choice is found when it or a twin is."""
    groups = [[_plain(w) for w in s.words] for s in kk.synonyms]

    def widen(word: str) -> set[str]:
        return {word, *(w for g in groups if word in g for w in g)}

    word = _plain(typed)
    factors = kk.by_id("factors")

    def hit(fid: str) -> bool:
        f = factors[fid]
        text = _plain(" | ".join(x for x in (f.name, f.category, f.description) if x))
        if any(_starts_a_word(w, text) for w in widen(word)):
            return True
        parts = word.split()
        return len(parts) > 1 and all(any(_starts_a_word(w, text) for w in widen(p)) for p in parts)

    return [c for c in risk_choices(kk) if any(hit(t) for t in kk.twin_ids(c))]


@pytest.fixture
def participant(tmp_path, monkeypatch, kk):
    from kenniskaart.ui import werksessie as ws

    monkeypatch.delenv("KENNISKAART_DATABASE_URL", raising=False)
    monkeypatch.setenv("KENNISKAART_DATA_DIR", str(tmp_path))
    ws._store.clear()
    store = Store.from_env()
    room, _ = store.create_room("Zoeken")
    token = store.join(room.code, "politie")
    yield open_page(PAGE, {"code": room.code, "deelnemer": token})
    ws._store.clear()


def test_every_synonym_group_finds_its_risks_in_the_werksessie_search(participant, kk):
    at = participant
    factors = kk.by_id("factors")
    silent = []
    for group in kk.synonyms:
        typed = group.words[0]
        at.text_input(key="ws_q").set_value(typed).run()
        assert not at.exception, [e.value for e in at.exception]
        expected = expected_risks(kk, typed)
        found = [b for b in at.button_group if b.key and b.key.startswith("ws_found_")]
        shown = " ".join(i.value for i in at.info)
        assert "No results" not in shown
        if not expected:
            assert f"Geen risicofactor gevonden voor ‘{typed}’" in shown, typed
            silent.append(typed)
            continue
        assert len(found) == 1, typed
        # the pills show the names through md() (Markdown-escaped): compare without the escapes
        assert [o.replace("\\", "") for o in found[0].options] == [factors[f].name for f in expected], typed
    # groups without a markable risk get the Dutch message (checked above): a criminal record is
    # static (context, not a target); professional abbreviations (JJI, Halt, OTS, LVB …) name
    # programmes or profile inputs, not risks; the content has no risk about free time or online life
    assert {"strafblad", "vrije tijd", "online", "LVB"} <= set(silent), silent


@pytest.mark.parametrize(("typed", "must"), [
    ("spijbelen", "Een laag opleidingsniveau"), ("drugs", "Drugsgebruik"), ("blowen", "Drugsgebruik"),
    ("straat", "Een gebrek aan sociale controle"), ("schulden", "Schuldenproblematiek"),
])
def test_everyday_words_find_the_risk_people_mean(participant, kk, typed, must):
    at = participant
    at.text_input(key="ws_q").set_value(typed).run()
    found = [b for b in at.button_group if b.key and b.key.startswith("ws_found_")]
    assert found and must in [o.replace("\\", "") for o in found[0].options], typed
