"""Search in everyday words across factors, interventions and practice examples (pure).

A query is split into words (Dutch filler words like 'de' and 'met' are dropped). Each
word is widened with its synonym group from the content (``content/search/synonyms.yaml``):
'drugs' also looks for 'middelengebruik', 'ouders' for 'gezin'. Words typed as one of the
groups' phrases ('crimineel verleden') are one term, widened with that group ('strafblad'), that
also matches a text with each of its words. A text matches a word when one of its words begins
with the word or a synonym ('drugs' finds 'drugsgebruik'; a word of three letters or fewer, an
abbreviation like 'LVB' or 'PIJ', only as a whole word); a phrase among the synonyms also matches a
text with each of its words ('foute vrienden' → 'criminele vrienden' → a word of 'crimineel' and one
of 'vrienden'). A text matches the query when it matches every term.

The same groups give the factor pickers their everyday words (``everyday_words``, shown after a
factor's name): one source for every search box and picker. ``factors_for`` is the factor search
for a picker without such labels (the Werksessie).

Factors match on their name, category and description. Interventions and examples match
on their own text, or when they address a matching factor (directly or through a twin;
examples also through the catalogue interventions they use): "criminele vrienden" finds
the factor 'Banden met vrienden en kennissen binnen georganiseerde criminaliteit' and the
interventions that address it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .content import Kenniskaart
from .models import Factor, Intervention, PracticeExample

STOPWORDS = frozenset([
    "de", "het", "een", "en", "of", "van", "voor", "met", "in", "op", "aan", "bij", "te", "die", "dat", "er",
    "is", "zijn", "naar", "om", "tot", "uit", "als", "door", "over", "wat", "hoe", "welke", "wie",
    "jongere", "jongeren",
])
"""Words that carry no meaning in a search. 'jongere(n)': nearly every item is about young
people, so requiring it would only hide results."""


def normalise(text: str | None) -> str:
    """Lower case, accents removed ('financiële' → 'financiele'), whitespace collapsed."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.split())


def query_words(query: str) -> list[str]:
    """The meaningful words of a query, normalised, in order, without duplicates."""
    words = re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", normalise(query)[:200])
    out: list[str] = []
    for w in words:
        if w not in STOPWORDS and len(w) >= 2 and w not in out:
            out.append(w)
    return out[:8]


@dataclass(frozen=True)
class Term:
    """One query word (or phrase) and everything it may match."""

    word: str
    alternatives: tuple[str, ...]
    """The word itself first, then its synonyms (normalised)."""
    parts: tuple[Term, ...] = ()
    """For a phrase ('crimineel verleden'): its words, each widened; a text that matches all of
    them matches the phrase too, wherever the words stand."""
    phrases: tuple[tuple[Term, ...], ...] = ()
    """The same for every phrase among the synonyms ('foute vrienden' → 'criminele vrienden'
    → a word of 'crimineel' and one of 'vrienden'): what a word finds is what the pickers show
    the word for (``everyday_words`` uses the same parts)."""


def _groups(kk: Kenniskaart) -> list[tuple[str, ...]]:
    return [tuple(normalise(w) for w in s.words) for s in kk.synonyms]


def _widen(groups: list[tuple[str, ...]], word: str) -> Term:
    alts = [word]
    for group in groups:
        if word in group:
            alts += [w for w in group if w not in alts]
    return Term(word, tuple(alts))


def _parts(groups: list[tuple[str, ...]], phrase: str) -> tuple[Term, ...]:
    """A phrase's words without filler words ('toezicht en begeleiding'), each widened."""
    return tuple(_widen(groups, w) for w in phrase.split() if w not in STOPWORDS)


def _with_phrases(groups: list[tuple[str, ...]], term: Term) -> Term:
    """``term`` that also matches each of its multi-word alternatives by their parts."""
    phrases = tuple(_parts(groups, a) for a in term.alternatives if " " in a)
    return Term(term.word, term.alternatives, term.parts, tuple(p for p in phrases if p))


def _phrases(groups: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The groups' multi-word entries as word tuples, longest first."""
    found = {tuple(w.split()) for group in groups for w in group if " " in w}
    return sorted(found, key=len, reverse=True)


def expand(kk: Kenniskaart, query: str) -> list[Term]:
    """The query's words, each with its synonyms from the content. Consecutive words that form
    one of the groups' phrases ('crimineel verleden') are one term."""
    groups = _groups(kk)
    phrases = _phrases(groups)
    words = query_words(query)
    terms = []
    i = 0
    while i < len(words):
        phrase = next((p for p in phrases if tuple(words[i:i + len(p)]) == p), None)
        if phrase is None:
            terms.append(_with_phrases(groups, _widen(groups, words[i])))
            i += 1
            continue
        whole = _widen(groups, " ".join(phrase))
        terms.append(_with_phrases(groups, Term(whole.word, whole.alternatives, _parts(groups, " ".join(phrase)))))
        i += len(phrase)
    return terms


WHOLE_WORD = 3
"""A word of at most this many letters (an abbreviation: LVB, MST, PIJ, or 'mes') matches a whole
word only: as the start of a word it would find unrelated words ('mes' → 'messengers', 'PIJ' →
'pijler'). Longer words match the start of a word ('drugs' → 'drugsgebruik')."""


FALSE_FRIENDS = ("messenger",)
"""Words that begin with a search word and mean something else: 'messen' (knives) finds
'messengeweld' but not 'credible messengers'."""


def _alternative(word: str) -> str:
    escaped = re.escape(word)
    if len(word) <= WHOLE_WORD:
        return escaped + r"(?![a-z0-9])"
    rest = [f[len(word):] for f in FALSE_FRIENDS if f.startswith(word) and f != word]
    return escaped + "".join(f"(?!{re.escape(r)})" for r in rest)


@lru_cache(maxsize=4096)
def _pattern(alternatives: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(_alternative(a) for a in alternatives) + ")")


def term_matches(term: Term, text: str) -> bool:
    """Whether a word of the normalised ``text`` begins with the term or one of its synonyms
    (or, for a phrase, the text matches each of its words)."""
    if _pattern(term.alternatives).search(text):
        return True
    if term.parts and all(term_matches(p, text) for p in term.parts):
        return True
    return any(all(term_matches(p, text) for p in parts) for parts in term.phrases)


def text_matches(terms: list[Term], *fields: str | None) -> bool:
    """Every term occurs in one of the fields (no terms: everything matches)."""
    text = " | ".join(normalise(f) for f in fields if f)
    return all(term_matches(t, text) for t in terms)


def _factor_text(f: Factor) -> tuple[str | None, ...]:
    return (f.name, f.category, f.description)


def _intervention_text(iv: Intervention) -> tuple[str | None, ...]:
    return (iv.name, iv.description, iv.target_group, iv.goal, *iv.aliases)


def _example_text(ex: PracticeExample) -> tuple[str | None, ...]:
    return (ex.name, ex.description, ex.code, ex.municipality)


@dataclass(frozen=True)
class SearchResult:
    terms: tuple[Term, ...]
    factors: tuple[Factor, ...]
    interventions: tuple[Intervention, ...]
    examples: tuple[PracticeExample, ...]
    via_factor: frozenset[str]
    """Ids of interventions and examples found only through a matching factor."""


def matching_factor_ids(kk: Kenniskaart, terms: list[Term]) -> frozenset[str]:
    """Factors whose own text matches, plus their twins."""
    direct = [f.id for f in kk.factors if text_matches(terms, *_factor_text(f))]
    return frozenset(t for fid in direct for t in kk.twin_ids(fid))


def factors_for(kk: Kenniskaart, query: str) -> frozenset[str]:
    """Ids of the factors a query in everyday words finds (name, category or description, with the
    content's synonyms; twins included): what a search box finds for the query, and what a picker
    that cannot show everyday words (a list of checkboxes, the Werksessie) should offer for it."""
    terms = expand(kk, query)
    return matching_factor_ids(kk, terms) if terms else frozenset()


def intervention_factor_ids(iv: Intervention) -> frozenset[str]:
    return frozenset(link.factor for link in iv.factors)


def example_factor_ids(kk: Kenniskaart, ex: PracticeExample) -> frozenset[str]:
    """Factors an example addresses (the one rule: ``Kenniskaart.example_factor_ids``)."""
    return kk.example_factor_ids(ex)


def search(kk: Kenniskaart, query: str) -> SearchResult:
    """Factors, interventions and examples that match a query in everyday words."""
    terms = expand(kk, query)
    if not terms:
        return SearchResult((), (), (), (), frozenset())
    factor_ids = matching_factor_ids(kk, terms)
    factors = tuple(f for f in kk.factors if f.id in factor_ids)
    via: set[str] = set()
    interventions = []
    for iv in kk.interventions:
        if text_matches(terms, *_intervention_text(iv)):
            interventions.append(iv)
        elif intervention_factor_ids(iv) & factor_ids:
            interventions.append(iv)
            via.add(iv.id)
    examples = []
    for ex in kk.examples:
        if text_matches(terms, *_example_text(ex)):
            examples.append(ex)
        elif example_factor_ids(kk, ex) & factor_ids:
            examples.append(ex)
            via.add(ex.id)
    return SearchResult(tuple(terms), factors, tuple(interventions), tuple(examples), frozenset(via))




def everyday_words(kk: Kenniskaart, name: str, label: str) -> list[str]:
    """Everyday words for a picker label, so a picker that filters on the label text finds the
    factor by the words users type ('spijbel' finds 'Een laag opleidingsniveau').

    For every synonym group that ``name`` matches (a word of it begins with a group word, or, for
    a phrase like 'criminele vrienden', it matches each of the phrase's words): the group's first
    ``picker`` words (``models.Synonym.picker``), except those the ``label`` (or an earlier word) already contains
    (``_shown``): a user who types any of them, whole or in part, finds the factor in a picker
    that keeps the options containing the typed text. In the content's order, as written there
    (the picker matches without accents removed). Cached: the pickers ask for every factor's
    label on every run."""
    return list(_everyday_words(tuple((tuple(s.words), s.picker) for s in kk.synonyms), name, label))


@lru_cache(maxsize=4096)
def _everyday_words(synonyms: tuple[tuple[tuple[str, ...], int], ...], name: str, label: str) -> tuple[str, ...]:
    groups = [tuple(normalise(w) for w in words) for words, _ in synonyms]
    text = normalise(name)
    out: list[str] = []
    for (words, shown), group in zip(synonyms, groups, strict=True):
        hit = term_matches(_with_phrases(groups, Term(group[0], group)), text)
        if not hit:
            continue
        for w in words[:shown]:
            if not _shown(w, " ".join((label, *out))):
                out.append(w)
    return tuple(out)


def _shown(word: str, label: str) -> bool:
    """Whether a label already carries ``word``: contains it as text, case aside ('drugs' in
    'Drugsgebruik'), the way Streamlit's 'contains' filter looks for what a user types."""
    return word.casefold() in label.casefold()


def explain(terms: tuple[Term, ...] | list[Term], limit: int = 4) -> str:
    """'drugs (ook: drugsgebruik, middelengebruik, …) + ouders (ook: gezin, …)' for a caption."""
    parts = []
    for t in terms:
        others = [a for a in t.alternatives if a != t.word]
        if others:
            shown = ", ".join(others[:limit]) + (", …" if len(others) > limit else "")
            parts.append(f"{t.word} (ook: {shown})")
        else:
            parts.append(t.word)
    return " + ".join(parts)
