"""Content tests: Bureau Beke factors (seed 002, Bijlage 1) and the twelve praktijkscan
themes (seed 002, §2.1 and §3.1).

The seed is a plain-text conversion of a PDF: table layout is lost and words are hyphenated
at line ends. ``compact`` therefore compares text without case, whitespace, hyphens and
punctuation; a table row ``name evidence target NL`` must then occur as one contiguous string.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter

import pytest

from kenniskaart.content import CONTENT_DIR, SEEDS_DIR, load_content
from support.sources import read_source
from support.text import compact

SEED = SEEDS_DIR / "002_3b3c208253e55ed3.txt"

N_GEFUNDEERD = 12  # §1.2: "twaalf gefundeerde risicofactoren"
N_PLAUSIBEL = 47  # §1.2: "47 plausibele risicofactoren"
N_BESCHERMEND = 13  # §1.2: "dertien beschermende factoren"
N_PLAUSIBEL_NL_TEXT = 26  # §1.2: "Daarvan zijn er 26 onderzocht in een Nederlandse context"
N_PLAUSIBEL_NL_TABLE = 24  # rows of Bijlage 1 with 'Plausibel' and 'Ja' (documented discrepancy)

RISK_CATEGORIES = [
    "Persoonlijke factoren",
    "Psychologische factoren",
    "Criminaliteit",
    "Levensstijl",
    "Sociale bindingen",
    "Overige sociale factoren",
    "Opleidingsniveau, werk en economische omstandigheden",
    "Risicofactoren per rol",
]
PROTECTIVE_CATEGORY = "Beschermende factoren"


# The files these tests cover, plus what they refer to. They are loaded on their own (with
# the strict loader, so ids, fields and references are still checked) so that work in
# progress elsewhere in content/ does not hide a failure here; `python -m kenniskaart
# validate` checks the package as a whole.
FILES = ["sources.yaml", "themes/pmg.yaml", "themes/praktijkscan.yaml", "factors/beke.yaml",
         "factors/samen_weerbaar.yaml"]


@pytest.fixture(scope="module")
def beke_kk(tmp_path_factory):
    root = tmp_path_factory.mktemp("content_beke")
    for rel in FILES:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(CONTENT_DIR / rel, root / rel)
    return load_content(root)


@pytest.fixture(scope="module")
def beke(beke_kk):
    return [f for f in beke_kk.factors if f.framework == "beke_kennissynthese"]


@pytest.fixture(scope="module")
def seed_text() -> str:
    return read_source(SEED)


@pytest.fixture(scope="module")
def bijlage1(seed_text) -> str:
    """Raw text of Bijlage 1 (from the first table head up to the Bijlage 2 intro)."""
    start = seed_text.index("Persoonlijke factoren\n\nRisicofactor")
    end = seed_text.index("In de volgende tabellen worden per BOTOC-gemeente")
    return seed_text[start:end]


@pytest.fixture(scope="module")
def section_3_1(seed_text) -> str:
    start = seed_text.index("3.1.1 Gefundeerde interventies")
    end = seed_text.index("3.2 Conclusies ten aanzien")
    return seed_text[start:end]


# --- totals --------------------------------------------------------------------------


@pytest.mark.sources
def test_seed_states_the_totals(seed_text):
    flat = " ".join(seed_text.split())
    assert "twaalf gefundeerde risicofactoren naar voren gekomen" in flat
    assert "Daarnaast zijn er 47 plausibele risicofactoren" in flat
    assert "Daarvan zijn er 26 onderzocht in een Nederlandse context" in flat
    assert "Ook zijn dertien beschermende factoren in de literatuur gevonden" in flat


@pytest.mark.sources
def test_table_rows_match_stated_totals(bijlage1):
    # Evidence cells in the rows; the column head "Gefundeerd/ plausibel" is excluded.
    cells = re.findall(r"\b(Gefundeerd|Plausibel)\b(?!/)", bijlage1)
    counts = Counter(cells)
    assert counts["Gefundeerd"] == N_GEFUNDEERD
    assert counts["Plausibel"] == N_PLAUSIBEL
    prot = bijlage1[bijlage1.index("Beschermingsfactor Doelgroep"):]
    rows = [ln for ln in prot.splitlines()[1:] if ln.strip()]
    assert len(rows) == N_BESCHERMEND


def test_counts_per_kind_and_evidence(beke):
    counts = Counter((f.kind, f.evidence) for f in beke)
    assert counts[("risico", "gefundeerd")] == N_GEFUNDEERD
    assert counts[("risico", "plausibel")] == N_PLAUSIBEL
    # Seed 004 §2.2.2: the Beke protective factors lean on qualitative research (review D2).
    assert counts[("beschermend", "kwalitatief")] == N_BESCHERMEND
    assert sum(counts.values()) == N_GEFUNDEERD + N_PLAUSIBEL + N_BESCHERMEND


def test_counts_per_category(beke):
    counts = Counter((f.category, f.evidence) for f in beke if f.kind == "risico")
    assert counts == Counter({
        ("Persoonlijke factoren", "gefundeerd"): 2,
        ("Persoonlijke factoren", "plausibel"): 3,
        ("Psychologische factoren", "gefundeerd"): 1,
        ("Psychologische factoren", "plausibel"): 2,
        ("Criminaliteit", "gefundeerd"): 3,
        ("Criminaliteit", "plausibel"): 16,
        ("Levensstijl", "gefundeerd"): 1,
        ("Levensstijl", "plausibel"): 3,
        ("Sociale bindingen", "gefundeerd"): 2,
        ("Sociale bindingen", "plausibel"): 1,
        ("Overige sociale factoren", "plausibel"): 9,
        ("Opleidingsniveau, werk en economische omstandigheden", "gefundeerd"): 3,
        ("Opleidingsniveau, werk en economische omstandigheden", "plausibel"): 5,
        ("Risicofactoren per rol", "plausibel"): 8,
    })


@pytest.mark.sources
def test_nl_discrepancy_documented(beke, bijlage1):
    plausibel = [f for f in beke if f.kind == "risico" and f.evidence == "plausibel"]
    in_nl = [f for f in plausibel if f.studied_in_nl]
    # The table gives 24 'Ja' among the plausible risk factors; the text says 26.
    assert len(in_nl) == N_PLAUSIBEL_NL_TABLE
    assert len(in_nl) != N_PLAUSIBEL_NL_TEXT
    # Independent count from the raw table: rows whose evidence cell is 'Plausibel'
    # and whose last cell is 'Ja' / 'Nee'.
    flat = " ".join(bijlage1.split())
    flat = flat[: flat.index("Beschermende factoren Beschermingsfactor")]
    row_ends = re.findall(r"\b(Gefundeerd|Plausibel)\b(?!/)(.*?)\b(Ja|Nee)\b", flat)
    assert len(row_ends) == N_GEFUNDEERD + N_PLAUSIBEL
    assert sum(1 for ev, _, nl in row_ends if ev == "Plausibel" and nl == "Ja") == N_PLAUSIBEL_NL_TABLE
    # The discrepancy is stated once, in the guidance item on the synthesis (review D4), not
    # on each of the 47 factors.
    for f in beke:
        assert f.note is None or "26 van de 47" not in f.note, f.id


def test_gefundeerd_studied_in_nl(beke):
    ids = {f.id for f in beke if f.evidence == "gefundeerd" and f.studied_in_nl is False}
    assert ids == {"beke-r-antisociale-persoonlijkheidskenmerken"}


# --- every row against the seed -------------------------------------------------------


def _row_string(f) -> str:
    if f.kind == "beschermend":
        return compact(f.name) + compact(f.target_group)
    return (
        compact(f.name)
        + compact(f.evidence)
        + compact(f.target_group)
        + ("ja" if f.studied_in_nl else "nee")
    )


def _table_heads(bijlage1_compact: str) -> list[tuple[int, str]]:
    heads = []
    for cat in RISK_CATEGORIES:
        for suffix in ("", "vervolg"):
            key = compact(cat) + suffix + "risicofactor"
            for m in re.finditer(re.escape(key), bijlage1_compact):
                heads.append((m.start(), cat))
    key = compact(PROTECTIVE_CATEGORY) + "beschermingsfactordoelgroep"
    heads += [(m.start(), PROTECTIVE_CATEGORY) for m in re.finditer(key, bijlage1_compact)]
    return sorted(heads)


@pytest.mark.sources
def test_every_factor_is_a_row_of_its_table(beke, bijlage1):
    text = compact(bijlage1)
    heads = _table_heads(text)
    assert {c for _, c in heads} == set(RISK_CATEGORIES) | {PROTECTIVE_CATEGORY}
    for f in beke:
        row = _row_string(f)
        pos = text.find(row)
        assert pos >= 0, f"{f.id}: row not found in Bijlage 1: {row}"
        table = [c for start, c in heads if start < pos][-1]
        assert f.category == table, f"{f.id}: in table {table!r}, not {f.category!r}"


@pytest.mark.sources
def test_every_row_is_extracted(beke, bijlage1):
    """The rows of Bijlage 1, in order, are exactly our factors (no row left out)."""
    text = compact(bijlage1)
    positions = sorted(text.find(_row_string(f)) for f in beke)
    assert len(set(positions)) == len(beke)
    assert len(beke) == N_GEFUNDEERD + N_PLAUSIBEL + N_BESCHERMEND


def test_factor_fields(beke):
    for f in beke:
        assert f.level in ("individu", "gezin", "gemeenschap"), f.id
        if f.level != "individu":  # re-levelled (review D1): the note says on what
            assert f.note and ("Samen Weerbaar" in f.note or "lezing van het team" in f.note), f.id
        assert f.pmg_themes, f.id
        assert f.pmg_themes_basis == "team", f.id
        assert f.description, f.id
        assert all(p.startswith("pmg-") for p in f.pmg_themes), f.id
        assert f.sources[0].source == "beke-praktijkscan-2022"
        assert f.sources[0].section == f"Bijlage 1, tabel {f.category}", f.id
        prefix = "beke-r-" if f.kind == "risico" else "beke-b-"
        assert f.id.startswith(prefix), f.id
        if f.kind == "beschermend":
            assert f.category == PROTECTIVE_CATEGORY
            assert f.studied_in_nl is None  # the table has no such column
        else:
            assert f.evidence in ("gefundeerd", "plausibel")
            assert isinstance(f.studied_in_nl, bool)


def test_gefundeerde_named_in_text_are_gefundeerd(beke_kk):
    """§1.2 names these gefundeerde risk factors in running text."""
    factors = beke_kk.by_id("factors")
    for fid in (
        "beke-r-familiebanden-georganiseerde-criminaliteit",
        "beke-r-banden-vrienden-kennissen",
        "beke-r-man-zijn",
        "beke-r-hogere-leeftijd",
        "beke-r-antisociale-persoonlijkheidskenmerken",
        "beke-r-criminele-achtergrond",
        "beke-r-criminele-vaardigheden",
        "beke-r-drugsgebruik",
        "beke-r-laag-opleidingsniveau",
        "beke-r-specifieke-werkomstandigheden",
    ):
        assert factors[fid].evidence == "gefundeerd", fid


# --- praktijkscan themes ---------------------------------------------------------------

THEMES = {
    # id: (order, name, grounding)
    "ps-gedrag-identiteit": (1, "Gedrag/identiteit", "gefundeerd"),
    "ps-werk-opleiding": (2, "Werk/opleiding", "gefundeerd"),
    "ps-vroegsignalering": (3, "Vroegsignalering", "gefundeerd"),
    "ps-straatcoaches-jongerenwerk": (4, "Straatcoaches/jongerenwerk", "gefundeerd"),
    "ps-rolmodellen": (5, "Rolmodellen/ervaringsdeskundigen", "gefundeerd"),
    "ps-criminele-families": (6, "Criminele families", "gefundeerd"),
    "ps-versterken-ouderrol": (7, "Versterken ouderrol", "gefundeerd"),
    "ps-opsporing-vervolging": (8, "Opsporing/vervolging", "gefundeerd"),
    "ps-bovenlokale-netwerken": (9, "Bovenlokale criminele netwerken", "gefundeerd"),
    "ps-online-leefwereld": (10, "Online leefwereld", "ongefundeerd"),
    "ps-schoolomgeving": (11, "Schoolomgeving", "gefundeerd"),
    "ps-deskundigheidsbevordering": (12, "Deskundigheidsbevordering", None),  # §3.1 does not classify it
}

R_AS = "beke-r-antisociale-persoonlijkheidskenmerken"
R_CA = "beke-r-criminele-achtergrond"
R_LO = "beke-r-laag-opleidingsniveau"
R_VR = "beke-r-banden-vrienden-kennissen"
R_FAM = "beke-r-familiebanden-georganiseerde-criminaliteit"
R_WO = "beke-r-werkomgeving-sociale-banden"
B_REF = "beke-b-kunnen-reflecteren"
B_MOR = "beke-b-moreel-inzicht"
B_ID = "beke-b-nieuwe-identiteit"
B_STR = "beke-b-crimineel-leven-stressvol"
B_DER = "beke-b-betekenisvolle-steunende-derde"
B_ERK = "beke-b-erkenning-talenten"
B_ASP = "beke-b-aspiraties"
B_FIN = "beke-b-financieel-gewin-tegenvallen"
B_BAAN = "beke-b-hebben-van-een-baan"

LINKS = {  # §3.1.1
    "ps-gedrag-identiteit": ({R_AS}, {B_REF, B_MOR}),
    "ps-werk-opleiding": ({R_AS, R_CA, R_LO}, {B_BAAN}),
    "ps-vroegsignalering": ({R_AS, R_VR}, {B_REF, B_MOR, B_DER}),
    "ps-straatcoaches-jongerenwerk": ({R_AS, R_VR, R_CA}, {B_REF, B_MOR, B_ID, B_DER, B_ERK}),
    "ps-rolmodellen": ({R_AS, R_CA}, {B_REF, B_MOR, B_ID, B_STR, B_DER}),
    "ps-criminele-families": ({R_FAM}, {B_STR, B_FIN}),
    "ps-versterken-ouderrol": ({R_AS}, {B_REF, B_MOR, B_DER, B_ERK, B_ASP}),
    "ps-opsporing-vervolging": ({R_CA, R_FAM, R_VR}, {B_STR, B_FIN}),
    "ps-bovenlokale-netwerken": ({R_WO}, {B_STR, B_FIN}),
    "ps-online-leefwereld": (set(), set()),
    "ps-schoolomgeving": ({R_LO, R_AS}, {B_REF, B_MOR, B_DER, B_ASP}),
    "ps-deskundigheidsbevordering": (set(), set()),
}


def test_twelve_praktijkscan_themes(beke_kk):
    themes = {t.id: t for t in beke_kk.themes if t.kind == "praktijkscan"}
    assert set(themes) == set(THEMES)
    for tid, (order, name, grounding) in THEMES.items():
        t = themes[tid]
        assert (t.order, t.name, t.grounding) == (order, name, grounding), tid
        assert any(s.source == "beke-praktijkscan-2022" for s in t.sources)


@pytest.mark.sources
def test_theme_names_in_seed(seed_text):
    text = compact(seed_text)
    for _, name, _ in THEMES.values():
        assert compact(name) in text, name


@pytest.mark.parametrize("tid", list(LINKS))
def test_theme_factor_links(beke_kk, tid):
    t = beke_kk.by_id("themes")[tid]
    risk, prot = LINKS[tid]
    assert set(t.risk_factors) == risk
    assert set(t.protective_factors) == prot


@pytest.mark.sources
def test_theme_links_resolve_and_are_named_in_3_1(beke_kk, section_3_1):
    factors = beke_kk.by_id("factors")
    text = compact(section_3_1)
    for t in beke_kk.themes:
        if t.kind != "praktijkscan":
            continue
        for fid in t.risk_factors:
            f = factors[fid]
            assert f.kind == "risico" and f.evidence == "gefundeerd", fid
            assert compact(f.name) in text, fid
        for fid in t.protective_factors:
            f = factors[fid]
            assert f.kind == "beschermend", fid
            assert compact(f.name) in text, fid
