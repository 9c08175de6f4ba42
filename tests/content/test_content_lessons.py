"""Lessons (seed 001) and guidance from seeds 000, 001 and 002.

Counts below were taken from the seeds by hand:
* seed 001: lesson 1 has 10 tip blocks, lesson 2 has 7, lesson 3 has 13, lesson 4 has 4;
* seed 002: chapter 4 has 7 headed process findings, §5.3 has 7 bullet points;
* seed 000: footnote 3 lists 15 municipalities.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from kenniskaart.content import CONTENT_DIR, SEEDS_DIR
from support.sources import read_source
from support.text import norm

SEED_000 = "000_9890f513f3dc8336.txt"
SEED_001 = "001_5bf958074f8fd6fe.txt"
SEED_002 = "002_3b3c208253e55ed3.txt"

MY_GUIDANCE_FILES = ("ccv_wat_werkt.yaml", "praktijkscan.yaml", "kamerbrief.yaml")


@pytest.fixture(scope="module")
def seed():
    return {name: norm(read_source(SEEDS_DIR / name))
            for name in (SEED_000, SEED_001, SEED_002)}


def _raw_items(filename: str) -> list[dict]:
    data = yaml.safe_load((Path(CONTENT_DIR) / "guidance" / filename).read_text(encoding="utf-8"))
    return data["guidance"]


@pytest.fixture(scope="module")
def my_guidance(kk):
    ids = [item["id"] for name in MY_GUIDANCE_FILES for item in _raw_items(name)]
    by_id = kk.by_id("guidance")
    return {i: by_id[i] for i in ids}


# --- lessons -----------------------------------------------------------------------

EXPECTED_LESSONS = {
    1: ("ccv-les-1", "Maak een plan van aanpak", 10),
    2: ("ccv-les-2", "Leren van en met elkaar", 7),
    3: ("ccv-les-3", "Hoe werk je samen? En met wie?", 13),
    4: ("ccv-les-4", "Monitor effecten en houd nieuwe ontwikkelingen in de gaten", 4),
}


def test_exactly_four_lessons_numbered_1_to_4(kk):
    assert sorted(lesson.number for lesson in kk.lessons) == [1, 2, 3, 4]
    assert {lesson.id for lesson in kk.lessons} == {v[0] for v in EXPECTED_LESSONS.values()}


@pytest.mark.sources
@pytest.mark.parametrize("number", [1, 2, 3, 4])
def test_lesson_title_id_and_tip_count(kk, seed, number):
    lesson_id, title, n_tips = EXPECTED_LESSONS[number]
    lesson = kk.by_id("lessons")[lesson_id]
    assert lesson.number == number
    assert lesson.title == title
    assert norm(title) in seed[SEED_001]
    assert len(lesson.tips) == n_tips
    assert len({t.text for t in lesson.tips}) == n_tips, "duplicate tips"
    assert all(ref.source == "ccv-vier-lessen" for ref in lesson.sources)
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", lesson.summary) if s]
    assert 2 <= len(sentences) <= 3


def test_total_tip_count(kk):
    assert sum(len(lesson.tips) for lesson in kk.lessons) == 34


# Names and figures in the tips that must carry over exactly, per lesson.
TIP_FACTS = {
    "ccv-les-1": ["onderwijs, werken, wonen en veiligheid", "Top 60 of 600", "Do or don't",
                  "Alleen jij bepaalt wie je bent", "BASTA", "NJi", "risicobeginsel",
                  "behoeftebeginsel", "responsiviteitsbeginsel", "zo licht als mogelijk"],
    "ccv-les-2": ["projectsecretaris", "Rijker verantwoorden", "infographics", "praatplaten",
                  "operationele, tactische en strategische"],
    "ccv-les-3": ["light-versie", "regiehouder", "vroegsignalering", "burgemeester",
                  "film, podcast", "contract"],
    "ccv-les-4": ["0-meting", "zichtbaar, meetbaar en merkbaar", "tussenevaluaties",
                  "Thimo van der Pol", "Inforsa", "sociale netwerkkaarten"],
}


@pytest.mark.sources
@pytest.mark.parametrize("lesson_id", sorted(TIP_FACTS))
def test_tip_facts_present_and_in_seed(kk, seed, lesson_id):
    tips = " ".join(t.text for t in kk.by_id("lessons")[lesson_id].tips)
    for fact in TIP_FACTS[lesson_id]:
        assert norm(fact) in norm(tips), f"{fact!r} missing from tips of {lesson_id}"
        assert norm(fact) in seed[SEED_001], f"{fact!r} not in seed 001"


# --- what-works principles (seed 001) ----------------------------------------------


@pytest.mark.sources
@pytest.mark.parametrize(
    ("gid", "title"),
    [("wat-risicobeginsel", "Risicobeginsel"),
     ("wat-behoeftebeginsel", "Behoeftebeginsel"),
     ("wat-responsiviteitsbeginsel", "Responsiviteitsbeginsel")],
)
def test_what_works_principles(kk, seed, gid, title):
    item = kk.by_id("guidance")[gid]
    assert item.kind == "wat_werkt"
    assert item.title == title
    assert norm(title) in seed[SEED_001]
    assert {ref.source for ref in item.sources} == {"ccv-vier-lessen"}


def test_no_invented_what_works_principles(kk):
    ccv_wat_werkt = [g for g in kk.guidance if g.kind == "wat_werkt"
                     and any(r.source == "ccv-vier-lessen" for r in g.sources)]
    titles = {g.title for g in ccv_wat_werkt}
    assert {"Risicobeginsel", "Behoeftebeginsel", "Responsiviteitsbeginsel"} <= titles
    # seed 001 names no other principles (e.g. professionaliteit, programma-integriteit)
    assert not any("integriteit" in t.lower() or "professional" in t.lower() for t in titles)


def test_recognised_intervention_and_risk_assessment_in_guidance(kk):
    item = kk.by_id("guidance")["wat-zo-licht-als-mogelijk"]
    assert "Alleen jij bepaalt wie je bent" in item.text
    assert "BASTA" in item.text


# --- kamerbrief (seed 000) -----------------------------------------------------------

PMG_15 = ["Amsterdam", "Arnhem", "Breda", "Den Haag", "Eindhoven", "Groningen", "Heerlen",
          "Leeuwarden", "Lelystad", "Nieuwegein", "Rotterdam", "Schiedam", "Tilburg",
          "Utrecht", "Zaanstad"]


@pytest.mark.sources
def test_fifteen_first_pmg_municipalities(kk, seed):
    item = kk.by_id("guidance")["impl-kb-eerste-pmg-gemeenten"]
    assert item.items == PMG_15
    assert len(item.items) == 15
    footnote = seed[SEED_000].split("dit zijn de gemeenten", 1)[1]
    for name in item.items:
        assert name.lower() in footnote
    assert {r.source for r in item.sources} == {"kamerbrief-2022"}


def test_kamerbrief_improvement_points(kk):
    points = [g for g in kk.guidance if g.kind == "verbeterpunt"
              and any(r.source == "kamerbrief-2022" for r in g.sources)]
    assert {g.id for g in points} == {
        "verbeter-kb-monitoring-evaluatie", "verbeter-kb-begeleiding-coaching",
        "verbeter-kb-realistische-doelen", "verbeter-kb-doelgroep-in-beeld"}


@pytest.mark.sources
def test_kamerbrief_core_themes_and_figures(kk, seed):
    themes = kk.by_id("guidance")["concl-kb-drie-kernthemas"]
    assert len(themes.items) == 3
    for item in themes.items:
        assert norm(item) in seed[SEED_000] or norm(item).replace(
            "risicojongeren", "risicjongeren") in seed[SEED_000]
    figures = kk.by_id("guidance")["concl-kb-62-53-interventies"]
    assert "62" in figures.text and "53" in figures.text
    assert "62 interventies" in seed[SEED_000] and "53 van de 62" in seed[SEED_000]
    purpose = kk.by_id("guidance")["impl-kb-doel-kenniskaart"]
    assert "nieuwe Preventie met Gezag-gemeenten" in purpose.text


# --- praktijkscan (seed 002) ---------------------------------------------------------

CH4_HEADINGS = {
    "proces-ps-hoog-ambitieniveau": "Hoog ambitieniveau binnen de interventies",
    "proces-ps-interventies-in-de-steigers": 'Regelmatig staan interventies nog "in de stijgers"',
    "proces-ps-zicht-op-doelgroep": "Zicht op de doelgroep ontbreekt soms nog",
    "proces-ps-scholen-en-ouders": "Het betrekken van scholen en ouders is een aandachtspunt",
    "proces-ps-wisseling-betrokkenen": "Wisseling van projectleiders en andere betrokkenen",
    "proces-ps-afstemming-zorg-veiligheid":
        "Afstemmen tussen zorg en veiligheid binnen gemeenten loopt soms stroef",
    "proces-ps-monitoring-wisselend": "Monitoring op interventies verloopt zeer wisselend",
}

PARA_53_POINTS = ["eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende"]


def _sections(item) -> list[str]:
    return [r.section for r in item.sources if r.source == "beke-praktijkscan-2022"]


@pytest.mark.sources
def test_process_findings_chapter_4(kk, seed):
    findings = [g for g in kk.guidance if g.kind == "procesbevinding"
                and any(s.startswith("Hoofdstuk 4, '") for s in _sections(g))
                and g.id.startswith("proces-ps-")]
    by_id = {g.id: g for g in findings}
    assert set(CH4_HEADINGS) <= set(by_id)
    for gid, heading in CH4_HEADINGS.items():
        assert norm(heading) in seed[SEED_002], heading
        assert any(norm(heading) in norm(s) for s in _sections(by_id[gid])), gid


def test_process_findings_section_5_3(kk):
    cited = {}
    for g in kk.guidance:
        if g.kind != "procesbevinding":
            continue
        for s in _sections(g):
            m = re.fullmatch(r"§5\.3, (\w+) punt", s)
            if m:
                cited[m.group(1)] = g.id
    assert sorted(cited, key=PARA_53_POINTS.index) == PARA_53_POINTS
    assert cited["zevende"] == "proces-ps-behoefte-aan-coaching"
    assert cited["zesde"] == "proces-ps-monitoring-wisselend"


def test_process_finding_count_and_orders(my_guidance):
    proces = [g for g in my_guidance.values() if g.kind == "procesbevinding"]
    assert len(proces) == 8
    assert sorted(g.order for g in proces) == list(range(1, 9))


def test_praktijkscan_conclusions_per_section(my_guidance):
    concl = [g for g in my_guidance.values()
             if g.kind == "conclusie" and g.id.startswith("concl-ps-")]
    per_section: dict[str, int] = {}
    for g in concl:
        for s in _sections(g):
            key = s.split(",")[0]
            per_section[key] = per_section.get(key, 0) + 1
    assert per_section["§3.2"] == 6
    assert per_section["§5.1"] == 1
    assert per_section["§5.2"] == 7
    assert per_section["Hoofdstuk 4"] == 1


@pytest.mark.sources
def test_praktijkscan_figures(kk, seed):
    g = kk.by_id("guidance")
    assert "56" in g["concl-ps-balans-opgemaakt"].text
    assert "Rots en water" in g["concl-ps-balans-opgemaakt"].text
    assert "55" in g["concl-ps-nadruk-preventief"].text
    assert "zeven" in g["concl-ps-nadruk-preventief"].text
    themes = g["concl-ps-drie-centrale-themas"].items
    assert [re.search(r"\((\d+) interventies\)", t).group(1) for t in themes] == ["21", "13", "12"]
    assert "negen" in g["concl-ps-niet-volgens-plan"].text
    assert len(g["concl-ps-niet-volgens-plan"].items) == 4
    assert "zeven" in g["concl-ps-weinig-werk-opleiding"].text
    # the seed states these figures
    for phrase in ("er 55 gericht op een preventieve aanpak en zeven op een repressieve",
                   "negen interventies niet ingezet",
                   "slechts zeven interventies ingezet",
                   "er 56 gebaseerd op"):
        assert phrase in seed[SEED_002], phrase


# --- every guidance item of these files: sources resolve ----------------------------


def test_every_guidance_item_source_resolves(kk, my_guidance):
    source_ids = {s.id for s in kk.sources}
    expected = {"ccv_wat_werkt.yaml": "ccv-vier-lessen",
                "praktijkscan.yaml": "beke-praktijkscan-2022",
                "kamerbrief.yaml": "kamerbrief-2022"}
    assert len(my_guidance) == sum(len(_raw_items(n)) for n in MY_GUIDANCE_FILES)
    for name, src in expected.items():
        for raw in _raw_items(name):
            item = my_guidance[raw["id"]]
            assert item.sources, item.id
            for ref in item.sources:
                assert ref.source in source_ids, (item.id, ref.source)
                assert ref.section.strip(), item.id
            assert any(ref.source == src for ref in item.sources), item.id
