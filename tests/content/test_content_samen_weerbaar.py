"""Content tests: factors from 'Samen Weerbaar – Kennisdocument' (seed 004, source
samen-weerbaar-2024), file content/factors/samen_weerbaar.yaml.

* framework ``samen_weerbaar``: risk and protective factors at family (gezin) and community
  (gemeenschap) level. The overviews of Bijlage 1 and 2 (repeated in §2.4) are parsed from the
  seed: every table cell must be a factor with the right kind, level and crime_scope
  (bold = georganiseerde_criminaliteit, plain = jeugdcriminaliteit_algemeen). Factors that only
  the running text of §2.2/§2.3 names are extra and say so in their note.
* framework ``positieve_ontwikkeling``: the ten protective factors of §2.1.3 (figuur 2.3).
* framework ``individuele_veerkracht``: the four traits and three resources of §2.1.4.

The seed is a plain-text conversion of a PDF; ``compact`` compares text without case,
whitespace, hyphens and punctuation.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from kenniskaart.content import SEEDS_DIR
from support.sources import read_source
from support.text import compact

SOURCE = "samen-weerbaar-2024"
SEED = SEEDS_DIR / "004_52e1e918b60fb36b.txt"

ALG = "jeugdcriminaliteit_algemeen"
GEO = "georganiseerde_criminaliteit"

# Rows of the overviews (Bijlage 1/2): 7 + 10 rows at family level, 13 + 8 at community level.
# One family risk row mixes a plain and a bold part and is split into two factors.
N_TABLE = {("gezin", "risico"): 8, ("gezin", "beschermend"): 10,
           ("gemeenschap", "risico"): 13, ("gemeenschap", "beschermend"): 8}
# Factors named only in the running text of §2.2.1/§2.2.2/§2.3.1/§2.3.2.
N_TEXT_ONLY = {("gezin", "risico"): 1, ("gezin", "beschermend"): 2,
               ("gemeenschap", "risico"): 3, ("gemeenschap", "beschermend"): 4}
ID_PREFIX = {("gezin", "risico"): "sw-gezin-r-", ("gezin", "beschermend"): "sw-gezin-b-",
             ("gemeenschap", "risico"): "sw-gem-r-", ("gemeenschap", "beschermend"): "sw-gem-b-"}

N_POSITIEVE_ONTWIKKELING = 10  # §2.1.3: "tien beschermende factoren voor een positieve ontwikkeling"

TRAITS = ["Positieve identiteit", "Sociale vaardigheden", "Zelfregie", "Zelfregulatie"]
RESOURCES = {"Familie": "gezin", "Rolmodellen": "gemeenschap", "Peers": "gemeenschap"}

# Names that summarise a passage instead of quoting it: the seed phrase they rest on.
SEED_PHRASE = {
    "sw-gezin-b-gestopte-oudere-broer": "oudere broers die zijn gestopt met hun (specifiek) 'gang' activiteiten",
    "sw-gem-r-relatieve-deprivatie": "wanneer aangrenzende buurten minder relatief gedepriveerd zijn",
}


@pytest.fixture(scope="module")
def seed_text() -> str:
    return read_source(SEED)


@pytest.fixture(scope="module")
def ours(kk):
    return {f.id: f for f in kk.factors
            if f.framework in ("samen_weerbaar", "positieve_ontwikkeling", "individuele_veerkracht")}


@pytest.fixture(scope="module")
def sw(ours):
    return [f for f in ours.values() if f.framework == "samen_weerbaar"]


def _in_table(f, annex: str) -> bool:
    return any(r.section.startswith(annex) for r in f.sources)


def _segments(cell: str) -> list[tuple[str, bool]]:
    """Split a table cell into (text, bold) parts; bold is <b>…</b> or **…**."""
    cell = cell.strip()
    if cell.startswith("**") and cell.endswith("**"):
        return [(cell.strip("*"), True)]
    parts = []
    for m in re.finditer(r"<b>(.*?)</b>|([^<]+)", cell):
        bold, plain = m.group(1), m.group(2)
        text = (bold if bold is not None else plain).strip().strip("/").strip()
        if text:
            parts.append((text, bold is not None))
    return parts


def parse_overview(text: str, start: str, stop: str) -> list[tuple[str, str, bool]]:
    """(kind, text, bold) for each cell part of the two-column table after ``start``."""
    block = text[text.index(start):]
    block = block[: block.index(stop)]
    lines = block.splitlines()
    header = next(i for i, ln in enumerate(lines)
                  if compact(ln) == compact("Risicofactoren Beschermende factoren"))
    cells = []
    for ln in lines[header + 1:]:
        if not ln.strip() or ln.startswith("<sup>"):
            continue
        if "\t" in ln:
            left, right = ln.split("\t", 1)
        else:  # §2.4 gemeenschap: last three risk rows lost their table layout
            left, right = ln, ""
        for kind, cell in (("risico", left), ("beschermend", right)):
            for part, bold in _segments(cell):
                cells.append((kind, part, bold))
    return cells


OVERVIEWS = {
    "Bijlage 1": ("gezin", "## Bijlage 1:", "## Bijlage 2:"),
    "Bijlage 2": ("gemeenschap", "## Bijlage 2:", "## Bijlage 3:"),
    "§2.4 gezin": ("gezin", "<b>Gezinsniveau</b>", "### Gemeenschapsniveau"),
    "§2.4 gemeenschap": ("gemeenschap", "### Gemeenschapsniveau\n\n(1) de mate", "Tot slot van dit hoofdstuk"),
}


# --- counts -------------------------------------------------------------------------


def test_counts_per_level_and_kind(sw):
    counts = Counter((f.level, f.kind) for f in sw)
    assert counts == Counter({k: N_TABLE[k] + N_TEXT_ONLY[k] for k in N_TABLE})


def test_table_and_text_only_split(sw):
    for (level, kind), n in N_TABLE.items():
        annex = "Bijlage 1" if level == "gezin" else "Bijlage 2"
        group = [f for f in sw if f.level == level and f.kind == kind]
        in_table = [f for f in group if _in_table(f, annex)]
        text_only = [f for f in group if not _in_table(f, annex)]
        assert len(in_table) == n, (level, kind, [f.id for f in in_table])
        assert len(text_only) == N_TEXT_ONLY[(level, kind)], (level, kind)
        for f in in_table:
            assert any(r.section.startswith("§2.4") for r in f.sources), f.id
        for f in text_only:
            assert f.note and "niet opgenomen in het overzicht" in f.note, f.id


def test_counts_per_framework(ours):
    counts = Counter(f.framework for f in ours.values())
    assert counts == Counter({"samen_weerbaar": 66 - 17, "positieve_ontwikkeling": 10,
                              "individuele_veerkracht": 7})


def test_marking_totals(sw):
    table = [f for f in sw if _in_table(f, "Bijlage")]
    assert Counter(f.crime_scope for f in table) == Counter({ALG: 23, GEO: 16})
    # Review D6-D9: no 'robuust' from lost italics; buurt-criminele-groep is plausibel (Beke),
    # four markings are not graded by the text, three bold community factors are qualitative.
    assert Counter(f.evidence for f in table) == Counter({"robuust": 26, "kwalitatief": 7,
                                                          "niet_beoordeeld": 5, "plausibel": 1})


# --- the overviews of Bijlage 1/2 and §2.4, parsed from the seed --------------------


@pytest.mark.sources
@pytest.mark.parametrize("overview", list(OVERVIEWS))
def test_every_table_cell_is_a_factor_with_its_marking(overview, sw, seed_text):
    level, start, stop = OVERVIEWS[overview]
    cells = parse_overview(seed_text, start, stop)
    by_name = {compact(f.name): f for f in sw if f.level == level}
    assert len(cells) == N_TABLE[(level, "risico")] + N_TABLE[(level, "beschermend")]
    for kind, text, bold in cells:
        f = by_name.get(compact(text))
        assert f is not None, f"{overview}: geen factor voor {text!r}"
        assert f.kind == kind, f.id
        assert f.crime_scope == (GEO if bold else ALG), f.id


@pytest.mark.sources
def test_legend_is_in_both_annexes(seed_text):
    """The reading of crime_scope and evidence rests on this legend."""
    for legend in ("niet dikgedrukt: benoemd ten aanzien van algemene jeugdcriminaliteit",
                   "<i>schuin niet dikgedrukt</i> : benoemd maar kent geen robuustheid",
                   "<b>dikgedrukt</b> : benoemd ten aanzien van algemene (jeugd)criminaliteit",
                   "<i>schuin dikgedrukt</i> : benoemd maar geen statistische robuustheid"):
        assert seed_text.count(legend) == 3, legend  # §2.4, Bijlage 1, Bijlage 2


# --- specific factors ---------------------------------------------------------------

SPECIFIC = [
    # id, kind, level, crime_scope, evidence
    ("sw-gezin-r-gebrekkige-opvoedvaardigheden", "risico", "gezin", ALG, "robuust"),
    ("sw-gezin-r-slechte-gezinsrelaties", "risico", "gezin", ALG, "robuust"),
    ("sw-gezin-r-onstabiele-gezinssituatie", "risico", "gezin", GEO, "robuust"),
    ("sw-gezin-r-persoonlijke-problemen-gezinsleden", "risico", "gezin", ALG, "robuust"),
    ("sw-gezin-r-criminele-gezinsleden", "risico", "gezin", GEO, "robuust"),
    ("sw-gezin-r-lage-ses", "risico", "gezin", GEO, "robuust"),
    ("sw-gezin-r-armoede", "risico", "gezin", GEO, "robuust"),
    ("sw-gezin-r-bendelidmaatschap-oudere-broer", "risico", "gezin", ALG, "kwalitatief"),
    ("sw-gezin-r-seksueel-misbruik", "risico", "gezin", GEO, "robuust"),
    ("sw-gezin-b-ouderbetrokkenheid", "beschermend", "gezin", ALG, "robuust"),
    ("sw-gezin-b-oudere-moeder", "beschermend", "gezin", ALG, "robuust"),
    ("sw-gezin-b-familiecohesie-organisatie", "beschermend", "gezin", ALG, "robuust"),
    ("sw-gezin-b-stimulerende-derde", "beschermend", "gezin", GEO, "kwalitatief"),
    ("sw-gezin-b-erkenning-talenten", "beschermend", "gezin", GEO, "kwalitatief"),
    ("sw-gezin-b-delegaatperspectief", "beschermend", "gezin", GEO, "kwalitatief"),
    ("sw-gezin-b-opvoedersbetrokkenheid", "beschermend", "gezin", GEO, "kwalitatief"),
    ("sw-gezin-b-gestopte-oudere-broer", "beschermend", "gezin", None, "niet_beoordeeld"),
    ("sw-gem-r-werkloosheid", "risico", "gemeenschap", ALG, "robuust"),
    ("sw-gem-r-drugs-in-buurt", "risico", "gemeenschap", ALG, "robuust"),
    ("sw-gem-r-wapens", "risico", "gemeenschap", ALG, "niet_beoordeeld"),
    ("sw-gem-r-criminele-volwassenen-rolmodellen", "risico", "gemeenschap", GEO, "robuust"),
    ("sw-gem-r-lage-buurtbinding-sociale-controle", "risico", "gemeenschap", GEO, "niet_beoordeeld"),
    ("sw-gem-r-buurt-criminele-groep", "risico", "gemeenschap", GEO, "plausibel"),
    ("sw-gem-r-etnische-homogeniteit-marginalisering", "risico", "gemeenschap", GEO, "niet_beoordeeld"),
    ("sw-gem-r-subcultuur", "risico", "gemeenschap", GEO, "kwalitatief"),
    ("sw-gem-r-uitbreiding-criminele-contacten", "risico", "gemeenschap", GEO, "niet_beoordeeld"),
    ("sw-gem-r-relatieve-deprivatie", "risico", "gemeenschap", ALG, "niet_beoordeeld"),
    ("sw-gem-b-hoge-ses", "beschermend", "gemeenschap", ALG, "robuust"),
    ("sw-gem-b-erkenning-talenten", "beschermend", "gemeenschap", GEO, "kwalitatief"),
    ("sw-gem-b-prosociale-leeftijdsgenoten", "beschermend", "gemeenschap", GEO, "kwalitatief"),
    ("sw-gem-b-stimulerende-derde-mentoring", "beschermend", "gemeenschap", GEO, "kwalitatief"),
    ("sw-gem-b-toekomstperspectief", "beschermend", "gemeenschap", ALG, "robuust"),
    ("sw-gem-b-collective-efficacy", "beschermend", "gemeenschap", ALG, "robuust"),
    ("sw-gem-b-participatie", "beschermend", "gemeenschap", None, "kwalitatief"),
    ("po-schoolmotivatie", "beschermend", "individu", None, "niet_beoordeeld"),
    ("vk-zelfregulatie", "beschermend", "individu", None, "niet_beoordeeld"),
    ("vk-familie", "beschermend", "gezin", None, "niet_beoordeeld"),
    ("vk-peers", "beschermend", "gemeenschap", None, "niet_beoordeeld"),
]


@pytest.mark.parametrize(("fid", "kind", "level", "scope", "evidence"), SPECIFIC, ids=[s[0] for s in SPECIFIC])
def test_specific_factor(ours, fid, kind, level, scope, evidence):
    f = ours[fid]
    assert (f.kind, f.level, f.crime_scope, f.evidence) == (kind, level, scope, evidence)


def test_gubbels_eight_family_factors_are_robust(sw):
    """§2.2.2: Gubbels e.a. (2024) found eight significant/robust family factors; every one
    must sit in a robust, general-crime protective family factor."""
    robust = [compact(f.name) for f in sw
              if f.level == "gezin" and f.kind == "beschermend" and f.evidence == "robuust"
              and f.crime_scope == ALG]
    for keyword in ("oudere moeder", "ouderlijke controle", "organisatie", "familiecohesie",
                    "relatie met moeder", "familieleden", "ouders", "ouderbetrokkenheid"):
        assert any(compact(keyword) in name for name in robust), keyword


def test_adjiembaks_sources_of_resilience_are_qualitative(sw):
    """§2.2.2: three of Adjiembaks' six sources of resilience touch the family level."""
    qual = [f for f in sw if f.level == "gezin" and f.kind == "beschermend"
            and f.evidence == "kwalitatief" and _in_table(f, "Bijlage 1")]
    assert sorted(f.id for f in qual) == ["sw-gezin-b-delegaatperspectief",
                                         "sw-gezin-b-erkenning-talenten",
                                         "sw-gezin-b-stimulerende-derde"]
    assert all(f.crime_scope == GEO for f in qual)


# --- positive development and individual resilience ---------------------------------


@pytest.mark.sources
def test_ten_protective_factors_for_positive_development(ours, seed_text):
    po = [f for f in ours.values() if f.framework == "positieve_ontwikkeling"]
    assert len(po) == N_POSITIEVE_ONTWIKKELING
    assert "tien beschermende factoren voor een positieve ontwikkeling" in seed_text
    figure = next(ln for ln in seed_text.splitlines() if ln.startswith("Sociale binding/ affectieve"))
    cells = [c for c in figure.split("\t") if c.strip()]
    assert len(cells) == N_POSITIEVE_ONTWIKKELING
    names = sorted(compact(SEED_PHRASE.get(f.id, f.name)) for f in po)
    assert names == sorted(compact(c) for c in cells)
    for f in po:
        assert f.id.startswith("po-") and f.kind == "beschermend" and f.level == "individu"
        assert f.evidence == "niet_beoordeeld" and f.crime_scope is None
        assert any(r.section.startswith("§2.1.3") for r in f.sources)


def test_individual_resilience_traits_and_resources(ours):
    vk = {f.name: f for f in ours.values() if f.framework == "individuele_veerkracht"}
    assert set(vk) == set(TRAITS) | set(RESOURCES)
    for name in TRAITS:
        assert vk[name].category == "Eigenschappen of vaardigheden"
        assert vk[name].level == "individu"
    for name, level in RESOURCES.items():
        assert vk[name].category == "Hulpbronnen"
        assert vk[name].level == level
    for f in vk.values():
        assert f.id.startswith("vk-") and f.kind == "beschermend"
        assert any(r.section.startswith("§2.1.4") for r in f.sources)


# --- general rules ------------------------------------------------------------------


def test_ids_frameworks_and_sources(ours, kk):
    pmg = {t.id for t in kk.themes if t.kind == "pmg"}
    for f in ours.values():
        if f.framework == "samen_weerbaar":
            assert f.id.startswith(ID_PREFIX[(f.level, f.kind)]), f.id
            assert f.crime_scope is not None or f.note, f.id
        assert f.sources and all(r.source == SOURCE for r in f.sources), f.id
        assert f.pmg_themes and set(f.pmg_themes) <= pmg, f.id
        assert f.pmg_themes_basis == "team", f.id
        assert f.description, f.id
        assert f.target_group is None or f.id in ("sw-gezin-r-seksueel-misbruik", "sw-gem-r-subcultuur")
        assert f.studied_in_nl is None, f.id


@pytest.mark.sources
def test_names_occur_in_seed(ours, seed_text):
    seed = compact(seed_text)
    for f in ours.values():
        phrase = SEED_PHRASE.get(f.id, f.name)
        assert compact(phrase) in seed, f"{f.id}: {phrase!r}"
