"""Search in everyday words: factor names and the content's synonym list, across factors,
interventions and practice examples."""

from __future__ import annotations

import pytest

from kenniskaart import search as search_module
from kenniskaart.catalog import (
    ExampleFilter,
    FactorFilter,
    InterventionFilter,
    filter_examples,
    filter_factors,
    filter_interventions,
)
from kenniskaart.content import Kenniskaart
from kenniskaart.models import Synonym
from kenniskaart.search import example_factor_ids, expand, normalise, query_words, search, text_matches
from support.words import SEARCH_WORDS


def test_normalise_and_query_words():
    assert normalise("  Financiële   PROBLEMEN ") == "financiele problemen"
    assert query_words("De criminele vrienden van een jongere") == ["criminele", "vrienden"]
    assert query_words("") == []


def test_synonyms_widen_a_word(kk):
    (term,) = expand(kk, "drugs")
    assert term.word == "drugs" and "middelengebruik" in term.alternatives
    (term,) = expand(kk, "ouders")
    assert "gezin" in term.alternatives


def test_a_word_matches_at_the_start_of_a_word_only():
    kk = Kenniskaart(synonyms=(Synonym(id="werk", words=["werk", "baan"]),))
    terms = expand(kk, "werk")
    assert text_matches(terms, "Werkloosheid in de wijk")
    assert text_matches(terms, "een baan hebben")
    assert not text_matches(terms, "samenwerking")


def _names(items):
    return {i.name for i in items}


def test_criminele_vrienden_finds_factors_interventions_and_examples(kk):
    result = search(kk, "criminele vrienden")
    terms = expand(kk, "criminele vrienden")
    factors = kk.by_id("factors")
    direct = {f.id for f in kk.factors if text_matches(terms, f.name, f.category, f.description)}
    # A factor about friends (or peers) and crime in its own words, or the twin of one:
    assert any("vrienden" in factors[f].name for f in direct)
    assert {f.id for f in result.factors} == {t for fid in direct for t in kk.twin_ids(fid)}
    # … and the interventions and examples that address them are found through them.
    factor_ids = {f.id for f in result.factors}
    linked = {iv.id for iv in kk.interventions if {link.factor for link in iv.factors} & factor_ids}
    assert linked and linked <= {iv.id for iv in result.interventions}
    through = {ex.id for ex in kk.examples if example_factor_ids(kk, ex) & factor_ids}
    assert through and through <= {ex.id for ex in result.examples}


@pytest.mark.parametrize("query", ["drugs", "ouders", "criminele vrienden"])
def test_everyday_words_find_all_three_kinds(kk, query):
    result = search(kk, query)
    assert result.factors and result.interventions and result.examples, query


def test_drugs_finds_the_drug_use_factor_and_ouders_the_family_factors(kk):
    drugs = _names(search(kk, "drugs").factors)
    assert any(n == "Drugsgebruik" for n in drugs)
    ouders = search(kk, "ouders").factors
    assert any("gezin" in normalise(f.name) for f in ouders)


def test_catalog_filters_use_the_search(kk):
    found = search(kk, "criminele vrienden")
    ivs = filter_interventions(kk, InterventionFilter(query="criminele vrienden"))
    assert [iv.id for iv in ivs] == [iv.id for iv in found.interventions]
    exs = filter_examples(kk, ExampleFilter(query="criminele vrienden"))
    assert [ex.id for ex in exs] == [ex.id for ex in found.examples]
    assert [f.id for f in filter_factors(kk, FactorFilter(query="criminele vrienden"))] == [f.id for f in found.factors]


def test_example_factor_filter_follows_used_interventions(kk):
    ex = next(e for e in kk.examples if e.interventions and not e.factors
              and kk.by_id("interventions")[e.interventions[0]].factors)
    fid = kk.by_id("interventions")[ex.interventions[0]].factors[0].factor
    assert ex.id in {e.id for e in filter_examples(kk, ExampleFilter(factors=[fid]))}
    assert all(fid in example_factor_ids(kk, e) or kk.twin_ids(fid) & example_factor_ids(kk, e)
               for e in filter_examples(kk, ExampleFilter(factors=[fid])))


def test_nonsense_finds_nothing(kk):
    result = search(kk, "qqqzzz")
    assert not (result.factors or result.interventions or result.examples)


def test_a_phrase_of_a_group_is_one_term_that_also_matches_its_words():
    kk = Kenniskaart(synonyms=(
        Synonym(id="strafblad", words=["strafblad", "crimineel verleden", "criminele achtergrond"]),
        Synonym(id="crimineel", words=["crimineel", "criminele"]),
    ))
    (term,) = expand(kk, "crimineel verleden")
    assert term.word == "crimineel verleden" and "strafblad" in term.alternatives
    assert text_matches([term], "Heeft een strafblad")
    assert text_matches([term], "Een criminele achtergrond")
    # the words apart still match, as before: 'crimineel' (widened) and 'verleden'
    assert text_matches([term], "Een verleden in het criminele milieu")
    assert not text_matches([term], "Een verleden op school")
    # words outside a phrase stay separate terms
    assert [t.word for t in expand(kk, "strafblad verleden")] == ["strafblad", "verleden"]


@pytest.mark.parametrize(("query", "factor"), [
    ("strafblad", "beke-r-criminele-achtergrond"),
    ("crimineel verleden", "beke-r-criminele-achtergrond"),
    ("spijbelen", "beke-r-laag-opleidingsniveau"),
    ("schoolverzuim", "beke-r-laag-opleidingsniveau"),
    ("agressie", "beke-r-antisociale-persoonlijkheidskenmerken"),
    ("boosheid", "beke-r-bereidheid-geweld"),
])
def test_everyday_words_of_the_new_groups(kk, query, factor):
    assert factor in {f.id for f in search(kk, query).factors}


# --- issue 26: the words and professional abbreviations in the search boxes ----------



@pytest.mark.parametrize("word", sorted(SEARCH_WORDS))
def test_everyday_words_find_their_items_in_the_search_boxes(kk, word):
    """Interventies' and Praktijkvoorbeelden' search boxes (``catalog.filter_interventions`` /
    ``filter_examples``, i.e. ``search.search``) find the intended items for every word of the
    issue, professional abbreviations included; Factoren's finds the intended factors."""
    interventions, factors = SEARCH_WORDS[word]
    found = search(kk, word)
    assert interventions <= {iv.id for iv in found.interventions}, interventions - {iv.id for iv in found.interventions}
    assert factors <= {f.id for f in found.factors}
    assert factors <= search_module.factors_for(kk, word)
    listed = {iv.id for iv in filter_interventions(kk, InterventionFilter(query=word))}
    assert interventions <= listed
    # something to show on every page that has a search box, also where no item has the word
    assert found.interventions or found.factors


def test_lvb_finds_the_lvb_programmes_and_not_the_one_for_no_lvb(kk):
    """'LVB' in Interventies' search: the programmes for a young person with a licht verstandelijke
    beperking ('requires: [lvb]'), not Tools4U ('niet bij een LVB': its text says IQ above 85)."""
    found = {iv.id for iv in search(kk, "LVB").interventions}
    lvb_only = {iv.id for iv in kk.interventions if "lvb" in iv.requires}
    assert lvb_only and lvb_only <= found
    assert "tools4u" not in found


def test_a_short_word_matches_a_whole_word_only():
    """'mes' is no 'messengers', 'PIJ' no 'pijler';
    a whole short word still matches, also next to a hyphen ('LVB-zorg')."""
    kk = Kenniskaart(synonyms=(Synonym(id="wapens", words=["wapens", "messen", "mes"]),))
    (mes,) = expand(kk, "mes")
    assert not text_matches([mes], "credible messengers")
    assert text_matches([mes], "met een mes op zak") and text_matches([mes], "messengeweld")
    (wapens,) = expand(kk, "wapens")
    assert not text_matches([wapens], "credible messengers") and text_matches([wapens], "messen")
    (pij,) = expand(kk, "PIJ")
    assert not text_matches([pij], "de derde pijler") and text_matches([pij], "een pij-maatregel")
    (lvb,) = expand(kk, "LVB")
    assert text_matches([lvb], "in de LVB-zorg") and not text_matches([lvb], "lvbx")
    (drug,) = expand(kk, "drug")
    assert text_matches([drug], "drugsgebruik")  # four letters and more: the start of a word


def test_factors_for_is_what_the_search_finds(kk):
    """``search.factors_for``: the public function a picker without labels (the Werksessie) can call."""
    for word in ("foute vrienden", "blowen", "thuis", "OTS", "qqqzzz"):
        assert search_module.factors_for(kk, word) == frozenset(
            t for f in search(kk, word).factors for t in kk.twin_ids(f.id))
    assert search_module.factors_for(kk, "  ") == frozenset()
