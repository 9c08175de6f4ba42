"""Content truth 3 (issue 26): the findings of shared/reference/content-review-3.md stay fixed.

Each test checks a rule or the Aanbeveler's behaviour, not a value per id: who a programme is for
(an adult programme never reaches a minor, a parent programme needs a parent, a drug programme is
not the answer to impulsivity or school problems alone), the three kinds of "does not work", what
the pages the review quotes say (read from the review itself, ``@pytest.mark.sources``), and the
programmes it names as missing. The G-number in each docstring is the review's defect it guards.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlparse

import pytest

from kenniskaart.aanbeveler import Profile, profile_from_case, recommend
from kenniskaart.content import SHARED_DIR, Kenniskaart
from kenniskaart.rules import does_not_work, is_recognised, recognised_options
from support.sources import read_source

REVIEW_3 = SHARED_DIR / "reference" / "content-review-3.md"
ANTI = "beke-r-antisociale-persoonlijkheidskenmerken"
DRUGS = "beke-r-drugsgebruik"
SELF_CONTROL = "beke-r-lage-zelfcontrole"
COMPOSITE = "beke-r-problematiek-school-financieel-drugs"
MONTHS = {m: i for i, m in enumerate(
    ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
     "oktober", "november", "december"), start=1)}


def ivs(kk: Kenniskaart) -> dict:
    return kk.by_id("interventions")


def offered(res) -> set[str]:
    return {r.intervention.id for r in res.ranked}


def packaged(res) -> set[str]:
    return {p.intervention.id for p in res.package}


def dynamic_factors(kk: Kenniskaart, iv) -> tuple[str, ...]:
    by_id = kk.by_id("factors")
    return tuple(dict.fromkeys(link.factor for link in iv.factors if by_id[link.factor].nature == "dynamisch"))


def profile_for(kk: Kenniskaart, iv, **kw) -> Profile:
    """A profile that selects every dynamic factor the intervention links to."""
    fids = dynamic_factors(kk, iv)
    by_id = kk.by_id("factors")
    return Profile(risk_factors=tuple(f for f in fids if by_id[f].kind == "risico"),
                   protective_factors=tuple(f for f in fids if by_id[f].kind == "beschermend"), **kw)


# --- the review itself, parsed --------------------------------------------------------------


@pytest.fixture(scope="module")
def review() -> str:
    return read_source(REVIEW_3)


@pytest.fixture(scope="module")
def rows(review) -> dict[str, list[list[str]]]:
    """§2 'Per intervention': item id → its table rows (Field, Content says, Verdict, Page, Words)."""
    out: dict[str, list[list[str]]] = {}
    current = None
    for line in review.splitlines():
        m = re.match(r"^### `([a-z0-9-]+)`", line)
        if m:
            current = m.group(1)
            out[current] = []
            continue
        if line.startswith("## ") and not line.startswith("## 2"):
            current = None if out else current
        if current and line.startswith("| ") and not line.startswith(("| Field", "|---")):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) >= 5:
                out[current].append(cells)
    assert len(out) >= 20
    return out


def _verdict(cells: list[str]) -> str:
    return cells[2].strip("* ").lower()


# --- who a programme is for ------------------------------------------------------------------


def test_adult_only_programmes_never_reach_a_minor(kk):
    """G2, G6: Grip op Agressie (clients of 18+) and the probation trainings CoVa Plus / CoVa 2.0 were
    offered to 14- and 15-year-olds. Every programme of the reclassering or for '(jong)volwassen'
    clients starts at 18, says why, and no profile under 18 gets one, whatever else it says."""
    adult = [iv for iv in kk.interventions
             if re.search(r"(?<!jeugd)reclassering|\(jong\)volwassen",
                          " ".join(filter(None, (iv.target_group, iv.description, iv.delivered_by))), re.IGNORECASE)
             and iv.purpose == "jeugdinterventie"]
    assert {"grip-op-agressie", "cova-plus", "cova-2-0"} <= {iv.id for iv in adult}
    for iv in adult:
        assert iv.min_age is not None and iv.min_age >= 18, iv.id
        assert "18" in (iv.age_note or ""), iv.id
        assert any(c.kind == "doelgroep" and c.min_age == iv.min_age for c in iv.cautions), iv.id
    eighteen_plus = [iv for iv in kk.interventions if iv.min_age is not None and iv.min_age >= 18]
    for iv in eighteen_plus:
        for age in (14, 15, 17):
            res = recommend(kk, profile_for(kk, iv, age=age, offence="herhaald", lvb=True, parent=True))
            assert iv.id not in offered(res) | packaged(res), (iv.id, age)
        res = recommend(kk, profile_for(kk, iv, age=20, offence="herhaald", lvb=True, parent=True))
        assert iv.id not in {e.intervention.id for e in res.excluded if e.kind == "leeftijd"}, iv.id


def test_family_only_programmes_need_a_parent(kk):
    """G3: a programme delivered to the family alone (levels: gezin) needs a parent who takes part."""
    family = [iv for iv in kk.interventions if iv.purpose == "jeugdinterventie" and iv.levels == ["gezin"]]
    assert len(family) >= 6
    for iv in family:
        assert "ouder" in iv.requires, iv.id


@pytest.mark.sources
def test_every_parent_requirement_the_review_found_missing_is_there(kk, rows):
    """G3: §2 marks 'requires: [] (geen ouder)' partly or wrong where the page shows the parents take
    part (Incredible Years, SNAP, Minder Boos en Opstandig, Families First, Gezin Centraal)."""
    flagged = [iid for iid, rs in rows.items() for c in rs
               if c[0] == "requires" and "geen ouder" in c[1] and _verdict(c) in ("partly", "wrong")]
    assert len(flagged) >= 5
    for iid in flagged:
        iv = ivs(kk)[iid]
        assert "ouder" in iv.requires, iid
        assert any(c.kind == "toelating" for c in iv.cautions), iid


def test_without_a_parent_no_parent_programme_is_ranked_or_packaged(kk):
    """G3: with 'geen ouder' the package was Minder Boos en Opstandig and SNAP, IAG, Gezin Centraal and
    Families First stayed in group 1. Now nothing that needs a parent is offered or packaged."""
    parent_programmes = [iv for iv in kk.interventions if "ouder" in iv.requires]
    assert len(parent_programmes) >= 12
    for iv in parent_programmes:
        lo = iv.min_age if iv.min_age is not None else 8
        hi = iv.max_age if iv.max_age is not None else lo
        age = min(max(lo, 8), max(hi, 8), 27)
        res = recommend(kk, profile_for(kk, iv, age=age, parent=False, offence="herhaald", lvb=True))
        needing = {r for r in offered(res) | packaged(res) if "ouder" in ivs(kk)[r].requires}
        assert not needing, (iv.id, age, needing)
    res = recommend(kk, Profile(age=10, risk_factors=(ANTI, "beke-r-bereidheid-geweld"), parent=False))
    assert {"minder-boos-en-opstandig", "snap", "iag", "gezin-centraal", "families-first"} <= {
        e.intervention.id for e in res.excluded if e.kind == "toelating"}


def test_boys_only_programmes_say_so(kk):
    """A 'jongensversie' is for boys: the card must say so (the profile has no sex)."""
    boys = [iv for iv in kk.interventions if "jongensversie" in iv.name.lower()]
    assert boys
    for iv in boys:
        assert "jongen" in iv.requires, iv.id


# --- off-target recommendations (G8) and TOPs! (G10) ------------------------------------------


def test_school_problems_alone_do_not_bring_a_drug_programme(kk):
    """G8: a composite factor (school OR financial OR drugs) made Moti-4 the package for a
    16-year-old with school problems only, and for the vmbo truancy casus."""
    res = recommend(kk, Profile(age=16, risk_factors=(COMPOSITE,)))
    assert "moti-4" not in offered(res) | packaged(res)
    res = recommend(kk, profile_from_case(kk.by_id("cases")["casus-vmbo-spijbelen-groepsdruk"]))
    assert "moti-4" not in packaged(res)
    res = recommend(kk, Profile(age=16, risk_factors=(COMPOSITE, DRUGS)))
    assert "moti-4" in offered(res)  # with drug use it is the answer again


def test_impulsivity_alone_does_not_bring_a_drug_programme(kk):
    """G8: impulsivity is Take it personal!'s entry profile, its goal is less drug use."""
    res = recommend(kk, Profile(age=15, risk_factors=(SELF_CONTROL,), lvb=True))
    assert "take-it-personal" not in offered(res) | packaged(res)
    res = recommend(kk, Profile(age=15, risk_factors=(SELF_CONTROL, DRUGS), lvb=True))
    assert "take-it-personal" in offered(res)


def test_tops_is_offered_without_an_offence(kk):
    """G10: TOPs! is also for youths with antisocial behaviour in residential youth care or with
    ambulant support; an offence is no condition."""
    res = recommend(kk, Profile(age=13, risk_factors=(ANTI,), offence="geen"))
    assert "tops" in offered(res)
    assert "tops" not in {e.intervention.id for e in res.excluded}
    tops = ivs(kk)["tops"]
    assert tops.prevention != "na_delict" and "delict" not in tops.requires
    assert any(c.kind == "toelating" and "70" in c.text for c in tops.cautions)


# --- programmes against reoffending (need principle) and Topzorg (G9) --------------------------


def test_topzorg_is_offered_to_a_young_adult_with_repeated_offences(kk):
    """G9: Topzorg (goed onderbouwd, justitieel, 17-24) fills the thin 18-24 band after offences;
    an offence is a need in itself, so it is offered without a behavioural factor."""
    topzorg = ivs(kk)["topzorg"]
    assert (topzorg.min_age, topzorg.max_age) == (17, 24)
    assert topzorg.prevention == "na_delict" and "delict" in topzorg.requires and topzorg.reoffending
    assert is_recognised(topzorg.recognition) and topzorg.recognition.committee == "justitiele"
    res = recommend(kk, Profile(age=20, offence="herhaald"))
    assert "topzorg" in {r.intervention.id for r in res.ranked if r.tier == 1}
    res = recommend(kk, Profile(age=20, risk_factors=(ANTI,), offence="geen"))
    assert "topzorg" not in offered(res)
    res = recommend(kk, Profile(age=15, risk_factors=(ANTI,), offence="herhaald"))
    assert "topzorg" not in offered(res)


def test_every_reoffending_programme_is_for_a_young_person_and_names_its_page(kk):
    """reoffending: true only where a page names preventing reoffending as the goal; the item cites
    a page (URL) or the fact sheet row that says so."""
    marked = [iv for iv in kk.interventions if iv.reoffending]
    assert len(marked) >= 12
    for iv in marked:
        assert iv.purpose == "jeugdinterventie" and not does_not_work(iv), iv.id
        refs = [*iv.sources, *iv.effect_sources, *(iv.recognition.sources if iv.recognition else [])]
        assert any(("recidive" in r.section.lower() or "reoffending" in r.section.lower()
                    or "herhaling" in r.section.lower()) for r in refs), iv.id


@pytest.mark.sources
def test_every_programme_the_review_quotes_as_preventing_reoffending_is_marked(kk, rows, review):
    """§2, §6 and §7 quote 'Doel: … Voorkomen recidive' (MDFT, OLG, TOPs!, Topzorg) or 'voorkomen
    recidive' (Grip op Agressie): the Aanbeveler offers these for an offence."""
    quoted = {iid for iid, rs in rows.items() if any("voorkomen recidive" in c[4].lower() for c in rs)}
    for line in review.split("## 7.")[1].splitlines():  # the defect table: `file` · `item` · field
        if line.startswith("| **G") and "voorkomen recidive" in line.lower():
            quoted |= set(re.findall(r"`([a-z0-9-]+)`", line.split("|")[2])) & set(ivs(kk))
    assert {"mdft", "olg", "tops", "grip-op-agressie"} <= quoted
    for iid in quoted:
        assert ivs(kk)[iid].reoffending, iid
    assert "Doel: Voorkomen recidive" in review.split("**Topzorg**")[1].split("\n")[0]
    assert ivs(kk)["topzorg"].reoffending


# --- what the review quotes from the pages ---------------------------------------------------


@pytest.mark.sources
def test_ages_the_pages_publish_are_the_item_ages(kk, rows):
    """G17 and the age rows of §2: where the review quotes 'Leeftijd: A tot en met B jaar' (or
    'A - B jaar', 'vanaf A jaar') from the item's own page, the catalogue uses that range."""
    checked = 0
    for iid, rs in rows.items():
        for c in rs:
            if c[0] != "age":
                continue
            words = c[4]
            m = re.search(r"Leeftijd: (\d+) (?:tot en met|-) (\d+) jaar", words)
            iv = ivs(kk)[iid]
            if m:
                assert (iv.min_age, iv.max_age) == (int(m.group(1)), int(m.group(2))), (iid, words)
                checked += 1
            m = re.search(r"Leeftijd: vanaf (\d+) jaar", words)
            if m:
                assert iv.min_age == int(m.group(1)), (iid, words)
                checked += 1
    assert checked >= 15


def _dates_in(words: str) -> list[dt.date]:
    """Dates inside the quoted page words (not the date of a news item the reviewer adds)."""
    words = " ".join(re.findall(r'"([^"]*)"', words))
    out = [dt.date(int(y), int(mo), int(d)) for d, mo, y in re.findall(r"\b(\d{2})-(\d{2})-(\d{4})\b", words)]
    for d, month, y in re.findall(r"\b(\d{1,2}) ([a-z]+) (\d{4})\b", words):
        if month in MONTHS:
            out.append(dt.date(int(y), MONTHS[month], int(d)))
    return out


@pytest.mark.sources
def test_recognition_dates_the_review_found_are_in_the_item(kk, rows):
    """G1, G2: the decision dates of MST (8-12-2021) and Grip op Agressie (19-06-2019) were called
    'niet gevonden' although the cited pages give them. Every date a date row quotes is the date of
    one of the item's recognition statements."""
    checked = 0
    for iid, rs in rows.items():
        iv = ivs(kk)[iid]
        dates = {r.date for r in (iv.recognition, *iv.other_recognitions) if r is not None}
        for c in rs:
            if c[0].startswith("date") or c[0] == "recognition/committee/date":
                for d in _dates_in(c[4]):
                    assert d in dates, (iid, d, dates)
                    checked += 1
    assert checked >= 8


COMMITTEE_WORDS = {"Jeugdzorg en psychosociale": "jeugd", "Justitiële interventies": "justitiele",
                   "Jeugdgezondheidszorg": "gezondheid", "Ontwikkelingsstimulering": "onderwijs"}


@pytest.mark.sources
def test_committees_are_the_ones_the_pages_name(kk, rows):
    """G5: the committee was inferred from the rating's presence on Loket Gezond Leven; the pages
    name another. Every committee row of §2 quoting a deelcommissie is the item's committee, and
    no note still carries the inference rule."""
    checked = 0
    for iid, rs in rows.items():
        for c in rs:
            if not c[0].startswith(("committee", "recognition/committee")):
                continue
            named = [v for k, v in COMMITTEE_WORDS.items() if k in c[4]]
            if named:
                assert ivs(kk)[iid].recognition.committee == named[0], (iid, c[4])
                checked += 1
    assert checked >= 15
    for iv in kk.interventions:
        for rec in (iv.recognition, *iv.other_recognitions):
            assert rec is None or "rekent de kenniskaart haar tot" not in (rec.note or ""), iv.id


@pytest.mark.sources
def test_effect_statements_the_review_corrected_cite_its_page(kk, rows):
    """G14: an effect row marked partly or wrong is restated with the page the review names."""
    for iid, rs in rows.items():
        for c in rs:
            if c[0] == "effect" and _verdict(c) in ("partly", "wrong"):
                iv = ivs(kk)[iid]
                assert any(s.url == c[3] for s in iv.effect_sources), (iid, c[3])


@pytest.mark.sources
def test_the_added_programmes_carry_the_facts_of_the_review_pages(kk, review):
    """§6: Topzorg and Adviesgesprek Alcohol Jongeren, as the pages give them; every fact with its
    URL and the day the page was read."""
    section = review.split("## 6.")[1].split("## 7.")[0]
    topzorg_row = next(line for line in section.splitlines() if line.startswith("| **Topzorg**"))
    advies_row = next(line for line in section.splitlines() if line.startswith("| **Adviesgesprek Alcohol Jongeren**"))
    tz, ad = ivs(kk)["topzorg"], ivs(kk)["adviesgesprek-alcohol-jongeren"]
    assert f'"Leeftijd: {tz.min_age} - {tz.max_age} jaar"' in topzorg_row
    assert tz.recognition.level == "goed onderbouwd" and '"Goed onderbouwd"' in topzorg_row
    assert f"{tz.recognition.date.day} december {tz.recognition.date.year}" in topzorg_row
    assert f'"{ad.min_age} tot en met {ad.max_age} jaar"' in advies_row
    assert ad.recognition.level == "goed onderbouwd" and f"{ad.recognition.date:%d-%m-%Y}" in advies_row
    assert ad.recognition.committee == "onbekend" and "committee not shown" in advies_row
    for iv in (tz, ad):
        refs = [*iv.sources, *iv.effect_sources, *(r for rec in (iv.recognition, *iv.other_recognitions)
                                                    for r in rec.sources)]
        assert refs and all(r.url and r.url in section and r.peildatum == dt.date(2026, 12, 6) for r in refs), iv.id


def test_take_it_personal_plus_is_noted_where_its_level_is_not_found(kk):
    """§6 / G15: Take it Personal!+ has no level or date on a page, so it is a note on the 2018
    item, not an item of its own."""
    tip = ivs(kk)["take-it-personal"]
    assert any(c.kind == "erkenning" and "Take it Personal!+" in c.text for c in tip.cautions)
    assert not any("personal!+" in iv.name.lower() for iv in kk.interventions)


def test_every_page_read_for_review_3_has_a_full_url_and_a_peildatum(kk):
    """Every SourceRef citing review 3 names the page and the day it was read; no bare domain in the
    'does not work' layer (G12, G16)."""
    refs = []
    for iv in kk.interventions:
        refs += [*iv.sources, *iv.effect_sources, *(s for c in iv.cautions for s in c.sources)]
        refs += [s for rec in (iv.recognition, *iv.other_recognitions) if rec for s in rec.sources]
    refs += [s for g in kk.guidance for s in g.sources]
    with_url = [r for r in refs if r.source == "review-inhoud-3" and r.url]
    assert len(with_url) >= 40
    for r in with_url:
        assert r.peildatum == dt.date(2026, 12, 6), r
    harm_refs = [s for iv in kk.interventions for c in iv.cautions if c.kind in ("kan_schaden", "geen_effect")
                 for s in c.sources]
    harm_refs += [s for g in kk.guidance if g.kind == "werkt_niet" for s in g.sources]
    for r in harm_refs:
        if r.url:
            assert urlparse(r.url).path.strip("/") or urlparse(r.url).query, r.url


# --- three kinds of "does not work" (G4, G7, G11, G12, G16) -----------------------------------


def test_does_not_work_cautions_link_their_guidance_item(kk):
    """G12: 'does not work' cautions link the guidance item with their verdict (the validator's
    ``not_working_cautions_link_their_verdict`` checks the verdict); at least five do."""
    linked = [(item.id, c.guidance) for item in (*kk.interventions, *kk.examples) for c in item.cautions
              if c.kind in ("kan_schaden", "geen_effect", "niet_aangetoond") and c.guidance]
    assert len(linked) >= 5


def test_no_evidence_is_a_caution_not_an_exclusion(kk):
    """G7: credible messengers were excluded from every profile as if harmful; the source finds no
    evidence either way (possibly more benefit for older youths at risk)."""
    cm = ivs(kk)["credible-messengers"]
    assert not does_not_work(cm) and any(c.kind == "niet_aangetoond" for c in cm.cautions)
    res = recommend(kk, Profile(age=17, risk_factors=(ANTI,), protective_factors=("vk-rolmodellen",)))
    assert "credible-messengers" in offered(res)
    assert "credible-messengers" not in {e.intervention.id for e in res.excluded}
    pit = kk.by_id("guidance")["werkt-niet-pit-zeventig-procent"]
    assert pit.verdict == "niet_aangetoond"


def test_ctc_had_no_effect_on_behaviour_and_no_source_reports_harm(kk):
    """G11: CTC is a planning method with a Dutch null result on youth behaviour, not 'kan schaden'."""
    ctc = ivs(kk)["ctc"]
    kinds = {c.kind for c in ctc.cautions}
    assert "geen_effect" in kinds and "kan_schaden" not in kinds
    caution = next(c for c in ctc.cautions if c.kind == "geen_effect")
    assert caution.text.startswith("Op het gedrag van jongeren (NL)")
    assert "planningsmethode" in caution.text
    assert kk.by_id("guidance")["werkt-niet-ctc-nederland"].verdict == "geen_effect"


def test_what_can_harm_is_not_in_the_list_for_school_or_municipality(kk):
    """G4: the Marietje Kessels Project (niet erkend, risk of harm) stood under 'Voor school of
    gemeente' for 10- and 11-year-olds."""
    mkp = ivs(kk)["marietje-kessels-project"]
    assert does_not_work(mkp)
    for age in (10, 11, 12):
        res = recommend(kk, profile_for(kk, mkp, age=age))
        org = {r.intervention.id for r in res.for_organisation}
        assert "marietje-kessels-project" not in org | offered(res) | packaged(res), age
    res = recommend(kk, profile_from_case(kk.by_id("cases")["casus-agressie-basisschool"]))
    assert "marietje-kessels-project" not in {r.intervention.id for r in res.for_organisation}


def test_a_lapsed_listing_never_counts_as_recognised(kk):
    """G13: Buurtvaders' listing 'opgenomen geweest' counted as 'erkend, niveau onbekend'."""
    lapsed = [iv for iv in kk.interventions if iv.recognition and "vervallen" in (iv.recognition.note or "")]
    lapsed += [iv for iv in kk.interventions if any("vervallen" in (r.body or "") for r in iv.other_recognitions)]
    assert "buurtvaders" in {iv.id for iv in lapsed}
    for iv in lapsed:
        assert not is_recognised(iv.recognition), iv.id
    assert recognised_options(kk, "sw-gem-r-lage-buurtbinding-sociale-controle") == tuple(
        o for o in recognised_options(kk, "sw-gem-r-lage-buurtbinding-sociale-controle") if o.id != "buurtvaders")


# --- the debt gap (G23) ----------------------------------------------------------------------


def test_the_debt_gap_is_stated_not_filled(kk):
    """G23: no catalogue intervention addresses debts or financial vulnerability; the guidance says
    so and the Aanbeveler reports a gap instead of a guessed programme."""
    debts = ("beke-r-schuldenproblematiek", "beke-r-rol-financieel-kwetsbaar")
    for fid in debts:
        assert recognised_options(kk, fid) == (), fid
    gap = [g for g in kk.guidance
           if "schulden" in (g.title + (g.text or "")).lower() and "geen erkende" in g.title.lower()]
    assert gap and gap[0].kind == "kanttekening"
    res = recommend(kk, Profile(age=19, risk_factors=debts))
    assert {g.factor.id for g in res.gaps} >= set(debts)
    assert not {r.intervention.id for r in res.ranked if r.tier == 1}
