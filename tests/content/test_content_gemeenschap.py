"""Community interventions of Samen Weerbaar (seed 004, §4.4) in
content/interventions/gemeenschap.yaml."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from kenniskaart.content import SEEDS_DIR, SHARED_DIR
from support.sources import read_source
from support.text import norm

SEED = SEEDS_DIR / "004_52e1e918b60fb36b.txt"
REFERENCE_2 = SHARED_DIR / "reference" / "interventions-facts-2.md"

# The seven interventions in the schema of §4.4 (id -> name, developer as the seed's
# "Ontwikkelaar" cell gives it).
SCHEMA = {
    "ctc": ("Communities That Care (CTC)", "Onbekend, Verenigde Staten"),
    "multi-level-yvp": (
        "Multi-Level Approach to Youth Violence Prevention",
        "Michigan Youth Violence Prevention Centre, Verenigde Staten",
    ),
    "buurtvaders": ("Buurtvaders", "Vaders met een Marokkaanse achtergrond in Amsterdam"),
    "ovtj": ("Ouders van Tegendraadse Jeugd (OvTJ)", "JSO"),
    "weerbaar-opvoeden": ("Weerbaar opvoeden tegen radicalisering", "Stichting Attanmia"),
    "vreedzame-wijk": ("De Vreedzame Wijk", "CED-Groep"),
    "wijkacademie-opvoeden": (
        "Wijkacademie Opvoeden",
        "Stichting Bevordering Maatschappelijke Participatie (BMP)",
    ),
}
# The two programmes §4.4 describes in its introduction; the seed gives no developer and
# calls them (not yet) proven effective or studied.
PROSE = {
    "weerbaar-amsterdam": "Weerbaar Amsterdam",
    "wijk-aan-zet": "Veiligheidskoers / Wijk aan Zet (Wijkhubs)",
}


@pytest.fixture(scope="module")
def items(kk):
    return {i.id: i for i in kk.interventions if i.kind == "gemeenschap"}


@pytest.fixture(scope="module")
def section():
    text = read_source(SEED)
    start = text.index("#### 4.4 Ter inspiratie")
    end = text.index("## 4.5 Resume")
    return text[start:end]


@pytest.fixture(scope="module")
def schema_rows(section):
    """(name, developer cell) per intervention in the §4.4 schema."""
    rows = []
    lines = section.splitlines()
    for n, line in enumerate(lines):
        m = re.match(r"^(?:<b>)?Interventie(?: /programma)?(?:</b>)?\t(.+)$", line)
        if m:
            name = re.sub(r"<sup>.*?</sup>", "", m.group(1))
            dev = lines[n + 1]
            assert dev.startswith("<b>Ontwikkelaar</b>\t"), dev
            rows.append((norm(name), norm(dev.split("\t", 1)[1])))
    return rows


@pytest.mark.sources
def test_ids_and_count(items, schema_rows):
    assert len(schema_rows) == 7
    assert set(items) == set(SCHEMA) | set(PROSE)
    assert len(items) == len(schema_rows) + len(PROSE) == 9


@pytest.mark.sources
def test_names_and_developers(items, schema_rows):
    seed_names = [n for n, _ in schema_rows]
    for iid, (name, developer) in SCHEMA.items():
        item = items[iid]
        assert item.name == name
        assert item.developer == developer
        # the name (without the abbreviation in brackets) is one of the schema's rows
        core = norm(re.sub(r"\s*\(.*?\)", "", name))
        matches = [i for i, n in enumerate(seed_names) if core in n]
        assert len(matches) == 1, (iid, core)
        seed_dev = schema_rows[matches[0]][1]
        assert norm(developer) in seed_dev, (iid, seed_dev)
    for iid, name in PROSE.items():
        assert items[iid].name == name
        assert items[iid].developer is None


@pytest.mark.sources
def test_prose_programmes_in_section(section):
    flat = norm(section)
    assert "'weerbaar amsterdam'" in flat
    assert "veiligheidskoers/ wijk aan zet (wijkhubs)" in flat
    assert "(nog) niet bewezen effectief zijn of onderzocht" in flat


def test_effects(items):
    for iid in SCHEMA:
        assert items[iid].effect, iid
    for iid in PROSE:
        assert items[iid].effect is None, iid
    assert "38%" in items["multi-level-yvp"].effect
    assert "25%" in items["multi-level-yvp"].effect
    assert "Verwey-Jonker" in items["ctc"].effect
    assert "niet" in items["ctc"].effect  # no effect on youth behaviour in NL
    assert "4407" in items["ctc"].effect
    assert "half jaar" in items["buurtvaders"].effect
    assert "KIS, 2015" in items["weerbaar-opvoeden"].effect
    assert "Movisie" in items["wijkacademie-opvoeden"].effect
    assert "Best Practice" in items["vreedzame-wijk"].effect
    assert "herbeoordelen" in items["ovtj"].effect


@pytest.mark.sources
def test_recognitions(items, section):
    """§4.4 names databanks but never a recognition level. OvTJ's level comes from
    interventions-facts-2.md row 7; Buurtvaders gets the PIT rule (F14): the source calls it
    effective in the NJi databank, level unknown. No other §4.4 item has a recognition."""
    flat = norm(section)
    # OvTJ: the NJi page as interventions-facts-2.md row 7 gives it
    row = next(
        line for line in read_source(REFERENCE_2).splitlines() if line.startswith("| 7 | OUDERS van Tegendraadse Jeugd")
    )
    assert "goed onderbouwd · jeugd · 04-11-2016" in row
    rec = items["ovtj"].recognition
    assert (rec.level, rec.committee, rec.date, rec.in_review) == (
        "goed onderbouwd", "jeugd", dt.date(2016, 11, 4), False)
    assert rec.body == "NJi Databank Effectieve Jeugdinterventies"
    assert [(s.source, s.url) for s in rec.sources] == [
        ("referentie-interventies-2", "https://www.nji.nl/interventies/ouders-van-tegendraadse-jeugd")]
    assert "rij 7" in rec.sources[0].section and "nji.nl/interventies/ouders-van-tegendraadse-jeugd" in row
    # Buurtvaders: evaluated as effective and once in the NJi databank, no level (F14); the listing
    # has lapsed, so it is history and the current status is 'niet beoordeeld' (content-review-3 G13)
    assert (
        "deze interventie is als effectief geëvalueerd en is ook opgenomen geweest in de databank effectieve "
        "jeugdinterventies"
    ) in flat
    rec = items["buurtvaders"].recognition
    assert (rec.level, rec.committee, rec.date, rec.in_review) == ("niet beoordeeld", "onbekend", None, False)
    (hist,) = items["buurtvaders"].other_recognitions
    assert (hist.level, hist.committee, hist.date) == ("erkend, niveau onbekend", "onbekend", None)
    assert "NJi" in hist.body and "Samen Weerbaar" in hist.body
    assert all(s.source == "samen-weerbaar-2024" and s.section.startswith("§4.4") for s in hist.sources)
    assert "vervallen" in hist.note
    for iid, item in items.items():
        if iid not in {"ovtj", "buurtvaders"}:
            assert item.recognition is None, iid
    # both keep an erkenning caution: lapsed (Buurtvaders), sources disagree (OvTJ)
    assert any(c.kind == "erkenning" and "vervallen" in c.text for c in items["buurtvaders"].cautions)
    ovtj_caution = [c for c in items["ovtj"].cautions if c.kind == "erkenning"]
    assert ovtj_caution and "spreken elkaar tegen" in ovtj_caution[0].text
    assert {s.source for s in ovtj_caution[0].sources} == {"samen-weerbaar-2024", "referentie-interventies-2"}


# §4.4 offers all nine 'ter inspiratie' (F12): whole-neighbourhood programmes are a measure for
# the municipality; Buurtvaders works with young people itself; OvTJ is a recognised parent programme.
PURPOSE = dict.fromkeys([*SCHEMA, *PROSE], "maatregel") | {"buurtvaders": "aanpak", "ovtj": "jeugdinterventie"}


@pytest.mark.sources
def test_purposes(items, section):
    assert "ter inspiratie" in norm(section)
    for iid, item in items.items():
        assert item.purpose == PURPOSE[iid], iid


@pytest.mark.sources
def test_ages(items, section):
    flat = norm(section)
    assert "jeugdigen tussen de 8 en 16 jaar" in flat
    assert "jongeren tussen 10-24 jaar" in flat
    assert (items["ovtj"].min_age, items["ovtj"].max_age) == (8, 16)
    ml = items["multi-level-yvp"]
    assert (ml.min_age, ml.max_age) == (10, 24)
    for iid, item in items.items():
        if iid not in {"ovtj", "multi-level-yvp"}:
            assert item.min_age is None and item.max_age is None, iid


def test_target_groups(items):
    assert items["ctc"].target_group == "Jongeren"
    assert items["weerbaar-opvoeden"].target_group == "Moeders"
    assert items["multi-level-yvp"].target_group == "Jongeren, ouders en inwoners"
    assert items["ovtj"].target_group.startswith("Ouders van jeugdigen tussen de 8 en 16 jaar")


@pytest.mark.sources
def test_buurtvaders_municipalities(items, section):
    muni = items["buurtvaders"].municipalities
    assert muni == ["Amsterdam", "Den Haag", "Den Bosch", "Rotterdam", "Huizen", "Lelystad"]
    cell = next(line for line in section.splitlines() if "Huizen" in line)
    for m in muni:
        assert m in cell


def test_lists_from_schema(items):
    assert items["weerbaar-opvoeden"].working_elements == ["Bewustwording", "Zelfregulatie"]
    assert len(items["vreedzame-wijk"].working_elements) == 3
    assert len(items["buurtvaders"].working_elements) == 4
    assert items["buurtvaders"].conditions == ["Draagvlak bij potentiële vrijwilligers"]
    assert len(items["ovtj"].conditions) == 5
    assert items["ctc"].working_elements == []  # seed: "Onduidelijk"
    assert items["multi-level-yvp"].conditions == []  # seed: "Niet bekend"


def test_common_fields(items):
    for item in items.values():
        assert item.conclusion, item.id
        assert item.goal and item.method and item.target_group, item.id
        assert "gemeenschap" in item.levels or "gezin" in item.levels, item.id
        assert item.help_levels, item.id
        assert item.pmg_themes, item.id
        assert any(
            s.source == "samen-weerbaar-2024" and s.section.startswith("§4.4") for s in item.sources
        ), item.id


# Links to a factor outside Samen Weerbaar: (item, factor) -> (basis, what the note quotes).
# OvTJ: interventions-facts-2.md row 7 names the module "OUDERS van een jeugdgroep"; that this is
# Beke's 'ernstige problematische jeugdgroep' is the team's reading.
NON_SW_LINKS = {("ovtj", "beke-r-problematische-jeugdgroep"): ("team", "OUDERS van een jeugdgroep")}


@pytest.mark.sources
def test_factor_links_resolve(kk, items):
    factors = kk.by_id("factors")
    row7 = next(
        line for line in read_source(REFERENCE_2).splitlines() if line.startswith("| 7 | OUDERS van Tegendraadse Jeugd")
    )
    for item in items.values():
        for link in item.factors:
            assert link.factor in factors, (item.id, link.factor)
            if (item.id, link.factor) in NON_SW_LINKS:
                basis, quote = NON_SW_LINKS[(item.id, link.factor)]
                assert factors[link.factor].framework == "beke_kennissynthese", (item.id, link.factor)
                assert link.basis == basis and quote in link.note, (item.id, link.factor)
                assert quote in row7
            else:
                assert factors[link.factor].framework == "samen_weerbaar", (item.id, link.factor)
            if link.basis == "team":
                assert link.note, (item.id, link.factor)
    for iid in SCHEMA:
        assert items[iid].factors, iid
    present = {(i.id, link.factor) for i in items.values() for link in i.factors}
    assert set(NON_SW_LINKS) <= present


def test_ovtj_parenting_factor_from_source(kk, items):
    factors = kk.by_id("factors")
    bron = [link for link in items["ovtj"].factors if link.basis == "bron"]
    assert any(factors[link.factor].level == "gezin" for link in bron)
