"""Content tests: the recognised interventions of the NJi databank (issue 19).

content/interventions/databank.yaml holds the interventions of
shared/reference/interventions-facts-2.md (source id ``referentie-interventies-2``); every
recognised statement in the whole catalogue names its level, committee, date (or shows
'datum onbekend') and a URL. Facts are compared with the row of the fact sheet they cite.
"""

from __future__ import annotations

import re

import pytest

from kenniskaart.content import SHARED_DIR
from kenniskaart.rules import age_fits, recognised_options
from kenniskaart.vocabulary import RECOGNISED_LEVELS
from support.sources import read_source

FACTS_2 = SHARED_DIR / "reference" / "interventions-facts-2.md"
ROW = re.compile(r"^Per intervention, rij (\d+)\b")


@pytest.fixture(scope="module")
def rows() -> dict[int, str]:
    """Row number → the row's text (lower case) of the per-intervention table."""
    out = {}
    for line in read_source(FACTS_2).splitlines():
        m = re.match(r"^\| (\d+) \|", line)
        if m:
            out[int(m.group(1))] = line.lower()
    assert len(out) == 33
    return out


def _recognitions(iv):
    return [r for r in (iv.recognition, *iv.other_recognitions) if r is not None]


def _row_of(iv) -> int | None:
    for ref in iv.sources:
        m = ROW.match(ref.section) if ref.source == "referentie-interventies-2" else None
        if m:
            return int(m.group(1))
    return None


def test_the_databank_brings_at_least_40_recognised_statements(kk):
    """Each names its committee and page: the validator's ``recognitions_name_committee_and_page``."""
    recognised = [rec for iv in kk.interventions for rec in _recognitions(iv) if rec.level in RECOGNISED_LEVELS]
    assert len(recognised) >= 40


@pytest.mark.sources
def test_the_databank_file_holds_every_verified_row_of_the_fact_sheet(kk, rows):
    """Rows with confidence NJi or other are all in the catalogue (OvTJ, row 7, in gemeenschap.yaml)."""
    cited = {_row_of(iv): iv for iv in kk.interventions if _row_of(iv) is not None}
    cited[7] = kk.by_id("interventions")["ovtj"]
    verified = [n for n, line in rows.items() if line.rstrip(" |").endswith(("| nji", "| other"))]
    assert len(verified) == 23
    assert [n for n in verified if n not in cited] == []


@pytest.mark.parametrize("iid", [
    "mdft", "rgt", "olg", "tops", "snap", "minder-boos-en-opstandig", "gezin-centraal", "iag", "families-first",
    "school2care", "moti-4", "wiet-check", "open-en-alert", "kanjertraining", "pad", "incredible-years", "taakspel",
    "take-it-personal", "help-mijn-kind-kan-niet-zonder", "vreedzame-school", "grip-op-agressie", "cova-plus",
])
@pytest.mark.sources
def test_recognition_and_ages_are_those_of_the_cited_row(kk, rows, iid):
    iv = kk.by_id("interventions")[iid]
    row = rows[_row_of(iv)]
    rec = iv.recognition
    short = rec.level.replace("effectief volgens ", "")
    assert short in row, (iid, rec.level)
    if rec.date is not None and not any(s.source == "review-inhoud-3" for s in rec.sources):
        assert f"{rec.date:%d-%m-%Y}" in row or str(rec.date.year) in row, (iid, rec.date)
    if rec.in_review:
        assert "herbeoordeling **yes**" in row or "herbeoordeling yes" in row, iid
    # an age content-review-3 corrected (adult programmes: 18+) rests on a doelgroep caution citing it
    from_review_3 = {c.min_age for c in iv.cautions if c.kind == "doelgroep"
                     and any(s.source == "review-inhoud-3" and s.url for s in c.sources)}
    for age in (iv.min_age, iv.max_age):
        # as published, or school years converted (groep 3-8 → 6-12), said so
        if age is not None and age not in from_review_3:
            assert re.search(rf"\b{age}\b", row) or "omgerekend" in (iv.age_note or ""), (iid, age)
    for ref in iv.sources:
        if ref.url and ref.source == "referentie-interventies-2":
            bare = re.sub(r"^https://(www\.)?", "", ref.url).rstrip("/").lower()
            assert bare in row, (iid, ref.url)
            assert ref.peildatum is not None and f"{ref.peildatum:%Y-%m-%d}" == "2026-12-02"


@pytest.mark.sources
def test_weak_rows_are_never_rated_and_say_so(kk, rows):
    for n, line in rows.items():
        if not line.rstrip(" |").endswith("| weak"):
            continue
        for iv in (iv for iv in kk.interventions if _row_of(iv) == n):
            assert iv.recognition is not None and iv.recognition.level == "niet beoordeeld", iv.id
            assert any(c.kind == "erkenning" for c in iv.cautions), iv.id


@pytest.mark.sources
def test_sourced_links_of_databank_items_name_the_words_of_their_row(kk, rows):
    """A ``bron`` link rests on the databank's 'Gericht op' value or the page's own words: a note
    that cites 'Gericht op' gives values of the row's 'Gericht op' cell; a quoted phrase is in the row."""
    gericht, quoted = 0, 0
    for iv in kk.interventions:
        n = _row_of(iv)
        if n is None:
            continue
        cells = [c.strip() for c in rows[n].split("|")]
        gericht_op = cells[6]  # | # | intervention | sources | recognition | Leeftijd | Gericht op | ...
        for link in iv.factors:
            if link.basis != "bron":
                continue
            note = link.note or ""
            assert note, (iv.id, link.factor)
            m = re.search(r"'Gericht op':\s*([^;.(]+)", note)
            if m:
                values = [v.strip(" '\"").lower() for v in m.group(1).split(",") if v.strip(" '\"")]
                assert values and all(v in gericht_op for v in values), (iv.id, link.factor, values, gericht_op)
                gericht += 1
            for q in re.findall(r"'([^']{4,})'", note):
                if q != "Gericht op":
                    assert q.lower() in rows[n], (iv.id, link.factor, q)
                    quoted += 1
    assert gericht >= 15 and quoted >= 5


def test_mdft_and_mst_carry_both_committee_ratings(kk):
    mdft = kk.by_id("interventions")["mdft"]
    assert (mdft.recognition.level, mdft.recognition.outcome) == (
        "effectief volgens eerste aanwijzingen", "delinquentie")
    other = mdft.other_recognitions[0]
    assert (other.level, other.outcome) == ("effectief volgens goede aanwijzingen", "middelengebruik")
    assert "beke-r-drugsgebruik" in other.outcome_factors
    mst = kk.by_id("interventions")["mst"]
    assert mst.recognition.committee == "justitiele"
    assert mst.recognition.level == "effectief volgens eerste aanwijzingen"
    assert any(r.committee == "jeugd" and r.level == "effectief volgens sterke aanwijzingen"
               for r in mst.other_recognitions)


GAPS_IN_THE_DATABANK = {
    # interventions-facts-2.md 'Which gaps this closes': nothing found that targets these by name
    "beke-r-familiebanden-georganiseerde-criminaliteit",
    "beke-r-criminele-vaardigheden",
    "beke-r-specifieke-expertise",
    "beke-r-specifieke-werkomstandigheden",
    "beke-r-werkomgeving-sociale-banden",
}


def test_every_grounded_dynamic_risk_factor_has_a_recognised_age_fitting_option_where_the_databank_has_one(kk):
    grounded = [f for f in kk.risk_factors if f.evidence == "gefundeerd" and f.nature == "dynamisch"]
    assert len(grounded) >= 8
    for f in grounded:
        options = recognised_options(kk, f.id)
        if f.id in GAPS_IN_THE_DATABANK:
            assert options == (), (f.id, [iv.id for iv in options])
            continue
        fitting = [iv for iv in options if any(age_fits(iv, age) is True for age in range(8, 28))]
        assert fitting, f"{f.id}: geen erkende optie met een passende leeftijd"
    for fid in ("beke-r-drugsgebruik", "beke-r-laag-opleidingsniveau"):
        assert len(recognised_options(kk, fid)) >= 1


def test_universal_class_programmes_and_municipal_measures_are_never_options_for_one_young_person(kk):
    from kenniskaart.rules import for_young_person

    for iid in ("kanjertraining", "pad", "taakspel", "vreedzame-school", "kapot-sterk", "marietje-kessels-project"):
        item = kk.by_id("interventions")[iid]
        assert item.prevention == "universeel" and not for_young_person(item)
    for iid in ("ctc", "veiligheidsconvenant-school", "jeugdboa", "wijkrechtspraak", "open-en-alert"):
        assert kk.by_id("interventions")[iid].purpose == "maatregel"


def test_what_does_not_work_is_in_the_catalogue_with_its_reason(kk):
    for iid in ("marietje-kessels-project", "scared-straight", "glen-mills-type", "halt-stop-reactie", "ctc"):
        iv = kk.by_id("interventions")[iid]
        assert any(c.kind in ("kan_schaden", "geen_effect") and c.sources for c in iv.cautions), iid
    guidance = {g.id for g in kk.guidance if g.kind == "werkt_niet"}
    assert len(guidance) >= 5
