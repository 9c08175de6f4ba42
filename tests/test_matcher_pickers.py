"""The Aanbeveler's factor pickers: full names, grouped by theme, twins as one choice, found by the
everyday words users type."""

from __future__ import annotations

import pytest
from streamlit.proto.SelectWidgetFilterMode_pb2 import SelectWidgetFilterMode

from conftest import open_page
from kenniskaart.catalog import factor_choice_id, factor_option_label, factor_options
from kenniskaart.content import Kenniskaart
from kenniskaart.models import Factor, SourceRef, Synonym, Theme
from kenniskaart.present import EVIDENCE_LABELS
from kenniskaart import search as search_module
from kenniskaart.search import search

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
    assert all(kk.by_id("factors")[fid].name in lab for fid, lab in zip(offered, labels))


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


@pytest.mark.parametrize("typed, picker, expected", [
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
    """The words are few: at most a handful per label, and no label grows by more than ~60 characters."""
    factors = kk.by_id("factors")
    for kind in KINDS:
        for level in LEVELS:
            for fid in factor_options(kk, kind, level):
                label = factor_option_label(kk, factors[fid])
                extra = label.split(" · ook: ", 1)[1] if " · ook: " in label else ""
                assert len(extra) <= 60 and len(extra.split(", ")) <= 5, label


def test_everyday_words_come_from_the_synonym_groups_head_words():
    everyday_words = search_module.everyday_words
    kk = Kenniskaart(synonyms=(
        Synonym(id="drugs", words=["drugs", "middelengebruik", "verslaving"]),
        Synonym(id="crimineel", words=["crimineel", "criminaliteit", "criminele"]),
        Synonym(id="vrienden", words=["vrienden", "vriendengroep"]),
        Synonym(id="criminele-vrienden", words=["criminele vrienden", "foute vrienden"]),
    ))
    # the group's first two words, except what the label already carries ('drugs' in 'Drugsgebruik')
    assert everyday_words(kk, "Drugsgebruik", "Drugsgebruik · Thema") == ["middelengebruik"]
    # forms of a word already in the label are not repeated ('crimineel' after 'criminele')
    assert everyday_words(kk, "Criminele reputatie", "Criminele reputatie") == []
    # a phrase group fits a name that has a word of each part's group
    words = everyday_words(kk, "Banden met vrienden binnen de criminaliteit", "Banden met vrienden binnen de criminaliteit")
    assert "criminele vrienden" in words and "foute vrienden" in words
    assert everyday_words(kk, "Lage zelfcontrole", "Lage zelfcontrole") == []


def test_the_aanbeveler_pickers_filter_on_contains():
    """Streamlit's default 'fuzzy' filter keeps any label with the letters in order ('agressie'
    found unrelated factors); 'contains' keeps labels with the typed text."""
    at = open_page("pages/aanbeveler.py", {})
    assert not at.exception
    pickers = [m for m in at.multiselect if m.key.startswith(("a_risk_", "a_prot_"))]
    assert len(pickers) == 6
    for m in pickers:
        assert m.proto.filter_mode == SelectWidgetFilterMode.FILTER_MODE_CONTAINS
        assert "spijbelen" in m.help and "gemeenschap" in m.help
    # friends in organised crime are a gemeenschap factor: the picker's label says where friends are
    friends = next(m for m in pickers if m.key == "a_risk_gemeenschap")
    assert "vrienden" in friends.label
