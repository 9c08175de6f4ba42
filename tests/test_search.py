"""Search in everyday words: factor names and the content's synonym list, across factors,
interventions and practice examples."""

from __future__ import annotations

import pytest

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
    linked = {iv.id for iv in kk.interventions if {l.factor for l in iv.factors} & factor_ids}
    assert linked and linked <= {iv.id for iv in result.interventions}
    through = {ex.id for ex in kk.examples if example_factor_ids(kk, ex) & factor_ids}
    assert through and through <= {ex.id for ex in result.examples}


@pytest.mark.parametrize("query", ["drugs", "ouders", "criminele vrienden"])
def test_everyday_words_find_all_three_kinds(kk, query):
    result = search(kk, query)
    assert result.factors and result.interventions and result.examples, query


def test_drugs_finds_the_drug_use_factor_and_ouders_the_family_factors(kk):
    drugs = _names(search(kk, "drugs").factors)
    assert any("Drugsgebruik" == n for n in drugs)
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


@pytest.mark.parametrize("query, factor", [
    ("strafblad", "beke-r-criminele-achtergrond"),
    ("crimineel verleden", "beke-r-criminele-achtergrond"),
    ("spijbelen", "beke-r-laag-opleidingsniveau"),
    ("schoolverzuim", "beke-r-laag-opleidingsniveau"),
    ("agressie", "beke-r-antisociale-persoonlijkheidskenmerken"),
    ("boosheid", "beke-r-bereidheid-geweld"),
])
def test_everyday_words_of_the_new_groups(kk, query, factor):
    assert factor in {f.id for f in search(kk, query).factors}
