"""The Samen Weerbaar-scan: its sixteen indicators in the content (seed 004 §5.1, §2.4 and
aanbeveling 1), the loader's checks on them, and how a room's answers lean."""

from __future__ import annotations

import shutil

import pytest
import yaml
from hypothesis import given, seed, settings
from hypothesis import strategies as st

from kenniskaart.content import CONTENT_DIR, SEEDS_DIR, ContentInvalid, load_content
from kenniskaart.werksessie.scan import AXIS, CHOICES, indicators, lean, leaning, mean, tally, wording
from support.sources import read_source

RAW = yaml.safe_load((CONTENT_DIR / "indicators" / "samen_weerbaar.yaml").read_text(encoding="utf-8"))["indicators"]


def test_five_family_and_eleven_community_indicators_in_the_source_order(kk):
    levels = [(i.level, i.number) for i in indicators(kk)]
    assert levels == [("gezin", n) for n in range(1, 6)] + [("gemeenschap", n) for n in range(1, 12)]
    assert [i["id"] for i in RAW] == [i.id for i in indicators(kk)]  # the file keeps that order too


def test_every_indicator_names_its_source_and_aanbeveling_1(kk):
    for ind in kk.indicators:
        sections = [r.section for r in ind.sources if r.source == "samen-weerbaar-2024"]
        where = "§5.1" if ind.level == "gezin" else "§2.4"
        assert any(s.startswith(where) and s.endswith(f"({ind.number})") for s in sections), ind.id
        assert any("aanbeveling 1" in s for s in sections), ind.id
        assert ind.protective and ind.risky and ind.protective != ind.risky


@pytest.mark.parametrize(("level", "item_id", "key_words"), [
    ("gezin", "sw-conclusie-holistische-visie",
     {1: "opvoedvaardigheden", 2: "gezinsrelaties", 3: "structurele", 4: "andere gezinsleden", 5: "armoede"}),
    ("gemeenschap", "sw-indicator-elf-gemeenschapsindicatoren",
     {1: "institutionele", 2: "collectieve", 3: "relaties", 4: "werkloosheid", 5: "gesteldheid", 6: "drugs",
      7: "binding met de buurt", 8: "verhuisbewegingen", 9: "criminele volwassenen", 10: "attitude", 11: "media"}),
])
def test_the_source_wording_lives_once_in_guidance_and_the_indicator_points_to_it(kk, level, item_id, key_words):
    """One home: the source's wording of the indicators is a guidance item's list; an indicator
    has its own short name and axis words, and ``wording`` reads item ``number`` from there."""
    item = kk.by_id("guidance")[item_id]
    mine = [i for i in kk.indicators if i.level == level]
    assert sorted(i.number for i in mine) == list(range(1, len(item.items) + 1)) == sorted(key_words)
    for ind in mine:
        assert ind.guidance == item_id
        text = wording(kk, ind)
        assert key_words[ind.number] in text.lower() and not text.startswith("("), (ind.id, text)
    assert "description" not in RAW[0]  # not copied into the indicator file


@pytest.mark.sources
def test_family_indicators_follow_the_seed_table_of_5_1():
    text = read_source(SEEDS_DIR / "004_52e1e918b60fb36b.txt")  # skips on a clone without ../shared
    table = text[text.index("Indicatoren op gezinsniveau die samenhangen"):text.index("Ten tweede concluderen")]
    for word in ("Opvoedvaardigheden", "Kwaliteit van de gezins relaties", "structurele aspecten",
                 "Persoonlijke kenmerken van andere gezinsleden", "armoede"):
        assert word in table
    assert "vijf indicatoren op **gezinsniveau**" in text and "elf indicatoren op **gemeenschapsniveau**" in text


def test_linked_factors_are_of_the_indicator_s_level_and_kind(kk):
    factors = kk.by_id("factors")
    for ind in kk.indicators:
        assert ind.risk_factors or ind.protective_factors, ind.id
        for fid in ind.risk_factors:
            assert factors[fid].kind == "risico" and factors[fid].level == ind.level, (ind.id, fid)
        for fid in ind.protective_factors:
            assert factors[fid].kind == "beschermend" and factors[fid].level == ind.level, (ind.id, fid)


@pytest.mark.parametrize(("field", "value", "message"), [
    ("risk_factors", ["sw-gem-b-hoge-ses"], "van soort 'beschermend', verwacht 'risico'"),
    ("protective_factors", ["bestaat-niet"], "onbekend id 'bestaat-niet'"),
    ("guidance", "geen-handreiking", "onbekend id 'geen-handreiking'"),
    ("number", 12, "heeft geen item 12"),
    ("level", "individu", "ongeldige waarde"),
])
def test_the_loader_refuses_a_bad_indicator_naming_file_item_and_field(tmp_path, field, value, message):
    shutil.copytree(CONTENT_DIR, tmp_path / "content")
    path = tmp_path / "content" / "indicators" / "samen_weerbaar.yaml"
    data = {"indicators": [dict(RAW[5], **{field: value}), *RAW[6:]]}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ContentInvalid) as err:
        load_content(tmp_path / "content")
    issue = next(i for i in err.value.issues if i.item == RAW[5]["id"])
    assert issue.file == "indicators/samen_weerbaar.yaml" and issue.field.startswith(field) and message in issue.message


# --- the room's lean ---------------------------------------------------------------------------

counts_strategy = st.dictionaries(st.sampled_from(list(CHOICES)), st.integers(1, 40), max_size=6)


@seed(27)
@settings(max_examples=300, deadline=None)
@given(counts_strategy)
def test_lean_follows_the_sum_of_distances_to_the_middle(counts):
    """Computed apart from the code: weigh every axis answer by its distance to step 3."""
    weight = sum((step - 3) * n for step, n in counts.items() if step != 0)
    on_axis = sum(n for step, n in counts.items() if step != 0)
    expected = None if not on_axis else "risicovol" if weight > 0 else "beschermend" if weight < 0 else "gemengd"
    assert lean(counts) == expected
    assert (mean(counts) is None) == (on_axis == 0)


def test_tally_counts_each_step_and_skips_what_the_content_no_longer_has(kk):
    scans = [(("sw-ind-gem-media", 5), ("sw-ind-gezin-armoede", 0)), (("sw-ind-gem-media", 4), ("verdwenen", 5)),
             (("sw-ind-gem-media", 5), ("sw-ind-gezin-armoede", 9))]
    assert tally(kk, scans) == {"sw-ind-gem-media": {4: 1, 5: 2}, "sw-ind-gezin-armoede": {0: 1}}
    assert [i.id for i in leaning(kk, tally(kk, scans), "risicovol")] == ["sw-ind-gem-media"]
    assert list(AXIS) == [1, 2, 3, 4, 5] and CHOICES[0] == "Weet ik niet"
