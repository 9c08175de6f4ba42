"""The Aanbeveler's factor pickers: full names, grouped by theme, twins as one choice, found by the
everyday words users type."""

from __future__ import annotations

import pytest

from kenniskaart import search as search_module
from kenniskaart.catalog import LABEL_MAX, factor_choice_id, factor_option_label, factor_options
from kenniskaart.content import Kenniskaart
from kenniskaart.models import Factor, SourceRef, Synonym, Theme
from kenniskaart.search import search
from kenniskaart.ui.widgets import FACTOR_TIPS, NO_MATCH, factor_picker, factor_pickers
from kenniskaart.vocabulary import EVIDENCE_LABELS
from support.words import GROUPS

SRC = [SourceRef(source="s", section="x")]


def _kk() -> Kenniskaart:
    theme = Theme(id="pmg-netwerk", name="Sociaal netwerk", kind="pmg", description="d", order=4, sources=SRC)
    beke = Factor(id="beke-buurt", name="Wonen in een buurt waar een georganiseerde criminele groep opereert",
                  kind="risico", level="gemeenschap", framework="beke_kennissynthese", nature="dynamisch",
                  evidence="plausibel", twins=["sw-buurt"], pmg_themes=["pmg-netwerk"], sources=SRC)
    sw = Factor(id="sw-buurt", name="Wonen in een buurt waar een criminele groep actief is", kind="risico",
                level="gemeenschap", framework="samen_weerbaar", nature="dynamisch", evidence="robuust",
                twins=["beke-buurt"], sources=SRC)
    other = Factor(id="sw-wapens", name="Beschikbaarheid van wapens", kind="risico", level="gemeenschap",
                   framework="samen_weerbaar", nature="dynamisch", evidence="kwalitatief", sources=SRC)
    return Kenniskaart(themes=(theme,), factors=(beke, sw, other))


def test_twins_are_one_choice_and_the_other_twin_maps_to_it():
    kk = _kk()
    assert factor_options(kk, "risico", "gemeenschap") == ["beke-buurt", "sw-wapens"]
    assert factor_choice_id(kk, "sw-buurt") == "beke-buurt"
    assert factor_choice_id(kk, "sw-wapens") == "sw-wapens"
    assert factor_choice_id(kk, "bestaat-niet") == "bestaat-niet"


def test_label_is_theme_and_full_name_without_evidence():
    kk = _kk()
    f = kk.by_id("factors")
    label = factor_option_label(kk, f["beke-buurt"])
    assert label == ("Wonen in een buurt waar een georganiseerde criminele groep opereert "
                     "(ook in Samen Weerbaar) · Sociaal netwerk")
    assert factor_option_label(kk, f["sw-wapens"]) == "Beschikbaarheid van wapens"
    for fac in kk.factors:
        assert not any(ev in factor_option_label(kk, fac) for ev in EVIDENCE_LABELS.values())


def test_real_pickers_offer_every_factor_once(kk):
    offered = [fid for kind in ("risico", "beschermend") for lvl in ("individu", "gezin", "gemeenschap")
               for fid in factor_options(kk, kind, lvl)]
    assert len(offered) == len(set(offered))
    assert {factor_choice_id(kk, f.id) for f in kk.factors} == set(offered)
    labels = [factor_option_label(kk, kk.by_id("factors")[fid]) for fid in offered]
    assert all(kk.by_id("factors")[fid].name in lab for fid, lab in zip(offered, labels, strict=False))


# --- everyday words (issue 20): the pickers filter on the label text ("contains") ------------

KINDS = ("risico", "beschermend")
LEVELS = ("individu", "gezin", "gemeenschap")


def _picker_hits(kk, typed: str) -> dict[str, set[str]]:
    """Per picker (kind, level), the options Streamlit keeps with filter_mode="contains": the
    typed text is a case-insensitive substring of the option's label."""
    factors = kk.by_id("factors")
    return {
        f"{kind}/{level}": {fid for fid in factor_options(kk, kind, level)
                            if typed.lower() in factor_option_label(kk, factors[fid]).lower()}
        for kind in KINDS for level in LEVELS
    }


@pytest.mark.parametrize(("typed", "picker", "expected"), [
    ("spijbel", "risico/individu", {"beke-r-laag-opleidingsniveau", "beke-r-softdrugsgebruik-combinatie"}),
    ("spijbel", "beschermend/individu", {"po-schoolmotivatie"}),
    ("schoolverzuim", "risico/individu", {"beke-r-laag-opleidingsniveau"}),
    ("strafblad", "risico/individu", {"beke-r-criminele-achtergrond", "beke-r-detentiegeschiedenis",
                                      "beke-r-rol-zwaarder-strafrechtelijk-verleden", "beke-r-meer-veroordelingen"}),
    ("crimineel verleden", "risico/individu", {"beke-r-criminele-achtergrond", "beke-r-detentiegeschiedenis"}),
    ("agressie", "risico/individu", {"beke-r-antisociale-persoonlijkheidskenmerken", "beke-r-bereidheid-geweld",
                                     "beke-r-geweldsdelicten-jeugd"}),
    ("criminele vrienden", "risico/gemeenschap", {"beke-r-banden-vrienden-kennissen"}),
    ("drugs", "risico/individu", {"beke-r-drugsgebruik"}),
    ("middelengebruik", "risico/individu", {"beke-r-drugsgebruik"}),
    ("ouders", "risico/gezin", {"sw-gezin-r-gebrekkige-opvoedvaardigheden", "sw-gezin-r-slechte-gezinsrelaties"}),
])
def test_everyday_words_find_factors_in_the_pickers(kk, typed, picker, expected):
    hits = _picker_hits(kk, typed)
    assert expected <= hits[picker], (typed, picker, hits[picker])


@pytest.mark.parametrize("word", ["spijbelen", "strafblad", "crimineel verleden", "agressie", "criminele vrienden"])
def test_what_a_picker_finds_the_search_box_finds_too(kk, word):
    """No unrelated hits: every option a whole everyday word keeps is a factor the app's search
    (Factoren's search box) finds for that word."""
    found = {factor_choice_id(kk, f.id) for f in search(kk, word).factors}
    hits = set().union(*_picker_hits(kk, word).values())
    assert hits and hits <= found, hits - found


def test_chips_stay_short(kk):
    """The words are few: at most ten per label, and a label with the theme stays within
    ``LABEL_MAX`` (a longer one leaves the theme out)."""
    factors = kk.by_id("factors")
    for kind in KINDS:
        for level in LEVELS:
            for fid in factor_options(kk, kind, level):
                label = factor_option_label(kk, factors[fid])
                extra = label.split(" · ook: ", 1)[1] if " · ook: " in label else ""
                assert len(extra.split(", ")) <= 10, label
                assert label.count(" · ") < 2 or len(label) <= LABEL_MAX, label


def test_everyday_words_come_from_the_synonym_groups_head_words():
    everyday_words = search_module.everyday_words
    kk = Kenniskaart(synonyms=(
        Synonym(id="drugs", words=["drugs", "middelengebruik", "verslaving"]),
        Synonym(id="crimineel", words=["crimineel", "criminaliteit", "criminele"], picker=0),
        Synonym(id="vrienden", words=["vrienden", "vriendengroep"]),
        Synonym(id="criminele-vrienden", words=["criminele vrienden", "foute vrienden"]),
        Synonym(id="school", words=["spijbelen", "schooluitval", "schoolverzuim", "laag opleidingsniveau"], picker=3),
    ))
    # the group's first ``picker`` words (2 unless set), except what the label already carries
    # ('drugs' in 'Drugsgebruik')
    assert everyday_words(kk, "Drugsgebruik", "Drugsgebruik · Thema") == ["middelengebruik"]
    # a group with picker: 0 helps the search only
    assert everyday_words(kk, "Criminele reputatie", "Criminele reputatie") == []
    # a phrase group fits a name that has a word of each part's group
    words = everyday_words(
        kk, "Banden met vrienden binnen de criminaliteit", "Banden met vrienden binnen de criminaliteit"
    )
    assert "criminele vrienden" in words and "foute vrienden" in words
    assert everyday_words(kk, "Lage zelfcontrole", "Lage zelfcontrole") == []
    # a word of the same family is no reason to leave a word out: 'schooluitval' does not contain
    # 'schoolverzuim', and a user who types that must find the factor
    assert everyday_words(kk, "Een laag opleidingsniveau", "Een laag opleidingsniveau") == [
        "spijbelen", "schooluitval", "schoolverzuim"]


# --- one synonym source for every picker (issue 26) ------------------------------------------

def _pickers(kk) -> dict[str, tuple[list[str], object]]:
    """Every factor picker: its options and the label function its page passes as format_func
    (the Aanbeveler's six from ``factor_pickers``, the others from ``factor_picker``)."""
    options, labels = factor_pickers(kk)
    out = {f"aanbeveler/{kind}/{level}": (options[(kind, level)], labels.get) for kind in KINDS for level in LEVELS}
    for where in ("interventies", "praktijkvoorbeelden", "planscan"):
        out[where] = factor_picker(kk, where)
    return out


def _contains(kk, typed: str) -> dict[str, set[str]]:
    """Per picker, the options Streamlit keeps for ``typed`` with filter_mode="contains"."""
    return {name: {fid for fid in ids if typed.casefold() in label(fid).casefold()}
            for name, (ids, label) in _pickers(kk).items()}


def test_every_synonym_group_has_a_hand_written_expectation(kk):
    """A new group needs its line in GROUPS; the words a picker shows are among the typed ones."""
    assert {s.id for s in kk.synonyms} == set(GROUPS)
    for s in kk.synonyms:
        typed = [w.casefold() for w in GROUPS[s.id][0]]
        assert all(w.casefold() in typed for w in s.words[:s.picker]), s.id


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_each_word_of_a_group_finds_its_factors_in_every_picker(kk, group):
    """Typed into every factor picker (Aanbeveler ×6, Interventies, Praktijkvoorbeelden, Planscan),
    each word keeps every intended factor that picker offers (a twin's choice counts for it), and
    the intended factors are offered somewhere."""
    words, expected = GROUPS[group]
    pickers = _pickers(kk)
    offered = set().union(*(set(ids) for ids, _ in pickers.values()))
    assert expected <= offered, expected - offered
    for word in words:
        hits = _contains(kk, word)
        for name, (ids, _) in pickers.items():
            want = {f for f in ids if factor_choice_id(kk, f) in expected or f in expected}
            assert want <= hits[name], (word, name, want - hits[name])


@pytest.mark.parametrize("group", sorted(g for g, (words, expected) in GROUPS.items() if expected))
def test_a_picker_finds_no_unrelated_factor_for_a_whole_word(kk, group):
    """Every option a whole word of four letters or more keeps is a factor the search boxes find
    for it too (the same synonym groups), or one of its twins. Shorter abbreviations are matched
    inside words by Streamlit ('PIJ' in 'spijbelen'): the search boxes match them whole."""
    for word in GROUPS[group][0]:
        if len(word) < 4:
            continue
        found = {factor_choice_id(kk, f.id) for f in search(kk, word).factors} | {
            f.id for f in search(kk, word).factors
        }
        hits = set().union(*_contains(kk, word).values())
        assert hits and hits <= found, (word, hits - found)


@pytest.mark.parametrize(("word", "where"), [
    ("LVB", "aanbeveler"), ("online", "aanbeveler"), ("gamen", "aanbeveler"), ("MDFT", "aanbeveler"),
    ("MST", "aanbeveler"), ("Halt", "aanbeveler"), ("jeugdreclassering", "aanbeveler"), ("ggz", "aanbeveler"),
    ("LVB", "filter"), ("MDFT", "filter"), ("online", "filter"), ("jeugdreclassering", "filter"),
])
def test_a_word_that_is_no_factor_has_a_dutch_tip(word, where):
    """A word that no factor name carries is named in the picker's Dutch tip, which says where it
    goes (the LVB input, 'Delict gepleegd', the search box, Interventies)."""
    assert word.casefold() in FACTOR_TIPS[where].casefold()
    assert "No results" not in NO_MATCH and NO_MATCH.startswith("Niets gevonden")


def test_the_picker_page_script_writes_dutch_for_no_results():
    """The script that replaces Streamlit's 'No results' carries the Dutch text, JSON-quoted, and
    embeds no content."""
    import json

    from kenniskaart.ui.widgets import _PICKER_PAGE

    page = _PICKER_PAGE % json.dumps(NO_MATCH)
    assert "'No results'" in page and json.dumps(NO_MATCH) in page
    assert "white-space: normal" in page  # option text wraps instead of being cut off
