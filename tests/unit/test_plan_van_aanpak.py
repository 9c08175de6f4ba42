"""The plan van aanpak (pure): what each section must say, computed from the content and the
matcher's structured result independently of the assembly; a content fact changed on disk
changes the plan; the Word file's headings, tables and page numbers; hostile text stays plain
text in the Word file and the printable view."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import unicodedata

import pytest
from docx import Document
from hypothesis import given, seed, settings
from hypothesis import strategies as st

from kenniskaart.aanbeveler import Profile, profile_from_case, recommend
from kenniskaart.content import load_content
from kenniskaart.plan_van_aanpak import PlanInputs, RoomVotes, assemble
from kenniskaart.plan_van_aanpak.docx import plan_docx
from kenniskaart.plan_van_aanpak.handoff import with_package
from kenniskaart.plan_van_aanpak.model import Notice, Table, plain_text
from kenniskaart.plan_van_aanpak.printable import plan_html
from kenniskaart.planscan import OwnEntry, Plan

TODAY = dt.date(2026, 12, 6)
CASE = "casus-eerste-klussen-drugs"


def make(kk, case_id=CASE, inputs: PlanInputs | None = None, extra: Plan | None = None):
    inputs = inputs or PlanInputs()
    profile = profile_from_case(kk.by_id("cases")[case_id])
    result = recommend(kk, profile)
    plan = with_package(extra or Plan(), result)
    return profile, result, plan, assemble(kk, profile, plan, inputs, result, TODAY)


def section(doc, sid):
    return next(s for s in doc.sections if s.id == sid)


def table_after(sec, heading: str | None = None) -> Table:
    """The first table of a section, or the first after the sub-heading ``heading``."""
    seen = heading is None
    for b in sec.blocks:
        if not seen and getattr(b, "text", None) == heading:
            seen = True
        elif seen and isinstance(b, Table):
            return b
    raise AssertionError(f"no table after {heading!r}")


def docx_of(doc) -> Document:
    return Document(io.BytesIO(plan_docx(doc)))


def test_sections_are_the_ccv_sections_in_content_order(kk):
    *_, doc = make(kk)
    assert [s.title for s in doc.sections] == [s.title for s in kk.plan_sections]
    assert [s.id for s in kk.plan_sections] == [
        "afbakening", "probleemanalyse", "keuzes", "sporen", "partners", "dekking", "monitor", "borging"]
    for s, content in zip(doc.sections, kk.plan_sections, strict=False):
        assert s.blocks[0].text == content.guidance  # what the CCV asks, with its source next


def test_each_package_item_is_an_onderbouwde_keuze_with_its_facts(kk):
    _, result, _, doc = make(kk)
    assert result.package, "the casus has a package"
    names = [p.intervention.name for p in result.package]
    assert list(doc.item_names) == names
    keuzes = section(doc, "keuzes")
    for n, p in enumerate(result.package, start=1):
        iv = p.intervention
        rows = dict(table_after(keuzes, f"{n}. {iv.name}").rows)
        level = iv.recognition.level if iv.recognition else "onbekend"
        assert rows["Erkenning"].startswith(level)
        if iv.recognition and iv.recognition.date:
            assert f"{iv.recognition.date:%d-%m-%Y}" in rows["Erkenning"]
        assert rows["Wie voert uit"] == (iv.delivered_by or "onbekend")
        assert rows["Training of licentie"] == (iv.training or "onbekend")
        assert rows["Duur"] == (iv.duration or "onbekend")
        assert rows["Waarom in het plan"] == f"in het pakket van de Aanbeveler: {p.why}"
        factor_names = [kk.by_id("factors")[link.factor].name for link in iv.factors]
        assert all(name in rows["Pakt aan"] for name in factor_names)
        levels = kk.by_id("help_levels")
        assert f"nodig voor dit profiel: {levels[result.need].name}" in rows["Niveau van hulp"]
    professionals = table_after(keuzes, "Professionals die nodig zijn")
    assert [r[0] for r in professionals.rows] == names


def test_what_fell_out_and_why_is_the_matchers_exclusions(kk):
    _, result, _, doc = make(kk)
    assert result.excluded
    rows = table_after(section(doc, "keuzes"), "Wat valt af en waarom").rows
    assert [(r[0], r[2]) for r in rows] == [(x.intervention.name, x.reason) for x in result.excluded]


def test_wegingskader_names_factors_evidence_static_markers_and_level(kk):
    profile = Profile(age=16, risk_factors=("beke-r-criminele-achtergrond", "beke-r-drugsgebruik"), lvb=True)
    result = recommend(kk, profile)
    doc = assemble(kk, profile, Plan(), PlanInputs(), result, TODAY)
    text = "\n".join(b.text for b in section(doc, "afbakening").blocks if hasattr(b, "text"))
    factors = kk.by_id("factors")
    drugs, history = factors["beke-r-drugsgebruik"], factors["beke-r-criminele-achtergrond"]
    assert drugs.nature == "dynamisch" and history.nature == "statisch"
    assert f"{drugs.name} ({drugs.evidence}" in text  # the evidence label of a Beke factor is its id word
    assert "Statische kenmerken die bepalen hoe zwaar de hulp moet zijn: " + history.name in text
    assert "licht verstandelijke beperking: ja" in text and "een ouder of verzorger die meedoet: onbekend" in text
    assert kk.by_id("help_levels")[result.need].name in text
    assert "jongeren van 16 jaar" in text


def test_sporen_warn_for_an_empty_spoor_and_find_a_work_programme(kk):
    work = next(iv for iv in kk.interventions if "pmg-werk-inkomen" in iv.pmg_themes)
    doc = assemble(kk, None, Plan(interventions=(work.id,)), PlanInputs(), None, TODAY)
    sporen = section(doc, "sporen")
    rows = dict(table_after(sporen).rows)
    assert work.name in rows["Werk en inkomen"]
    empty = [name for name, items in rows.items() if items == "geen"]
    warnings = [b.text for b in sporen.blocks if isinstance(b, Notice)]
    assert empty and len(warnings) == len(empty)
    assert all(any(f"spoor {name.lower()}" in w for w in warnings) for name in empty)


def test_an_own_entry_serves_the_spoor_of_its_theme(kk):
    own = OwnEntry(name="Buurtbaan", pmg_themes=("pmg-werk-inkomen",))
    doc = assemble(kk, None, Plan(own=(own,)), PlanInputs(), None, TODAY)
    assert dict(table_after(section(doc, "sporen")).rows)["Werk en inkomen"] == "Buurtbaan"


def test_room_votes_per_kind_of_organisation_in_the_probleemanalyse(kk):
    profile = Profile(age=15, risk_factors=("beke-r-drugsgebruik",))
    room = RoomVotes(title="Zuidstad", orgs={"politie": 2, "onderwijs": 1},
                     votes={"beke-r-drugsgebruik": {"politie": 2, "onderwijs": 1}})
    doc = assemble(kk, profile, Plan(), PlanInputs(room=room), recommend(kk, profile), TODAY)
    table = table_after(section(doc, "probleemanalyse"))
    assert table.columns[-2:] == ("Stemmen Politie", "Stemmen Onderwijs")
    assert table.rows[0][0] == kk.by_id("factors")["beke-r-drugsgebruik"].name
    assert table.rows[0][-2:] == ("2", "1")


def test_partners_are_prefilled_from_deliverers_and_the_room(kk):
    _, result, plan, _ = make(kk)
    room = RoomVotes(title="x", orgs={"jongerenwerk": 3})
    doc = assemble(kk, None, plan, PlanInputs(room=room), result, TODAY)
    rows = table_after(section(doc, "partners")).rows
    deliverers = {p.intervention.delivered_by.replace(":", ",") for p in result.package if p.intervention.delivered_by}
    assert deliverers <= {r[0] for r in rows}
    assert ("Jongerenwerk", "deed mee aan de werksessie (3 antwoorden)") in rows
    # the municipality's own list replaces the pre-filled one
    doc = assemble(kk, None, plan, PlanInputs(partners="Politie: wijkagent\nGGD"), result, TODAY)
    assert table_after(section(doc, "partners")).rows == (("Politie", "wijkagent"), ("GGD", ""))


def test_a_content_fact_changed_on_disk_changes_the_plan(kk, tmp_path):
    """Change who delivers Alles Kidzzz and what the spoor wonen is called in a copy of the
    content; the plan built from that copy says the new facts."""
    from support.paths import ROOT

    folder = tmp_path / "content"
    shutil.copytree(ROOT / "content", folder)
    catalogue = folder / "interventions" / "catalogus.yaml"
    text = catalogue.read_text(encoding="utf-8")
    start = text.index("- id: alles-kidzzz")
    block_end = text.find("\n  - id:", start + 1)
    block = text[start:block_end]
    new_block, n = re.subn(r"(\n\s+delivered_by: ).*", r"\1Getrainde coaches van de Testdienst", block, count=1)
    assert n == 1
    catalogue.write_text(text[:start] + new_block + text[block_end:], encoding="utf-8")
    plan_file = folder / "plan" / "plan_van_aanpak.yaml"
    plan_file.write_text(plan_file.read_text(encoding="utf-8").replace("name: Wonen\n", "name: Wonen en buurt\n"),
                         encoding="utf-8")
    changed = load_content(folder)
    plan = Plan(interventions=("alles-kidzzz",))
    before = assemble(kk, None, plan, PlanInputs(), None, TODAY)
    after = assemble(changed, None, plan, PlanInputs(), None, TODAY)
    professionals = {r[0]: r[1] for r in table_after(section(after, "keuzes"), "Professionals die nodig zijn").rows}
    assert professionals["Alles Kidzzz"] == "Getrainde coaches van de Testdienst"
    assert "Getrainde coaches van de Testdienst" not in str(before)
    assert "Wonen en buurt" in dict(table_after(section(after, "sporen")).rows)
    assert "Wonen en buurt" not in str(before)


def test_docx_has_real_headings_tables_and_page_numbers(kk):
    *_, doc = make(kk, inputs=PlanInputs(municipality="Zuidstad"))
    word = docx_of(doc)
    styled = [(p.style.name, p.text) for p in word.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert styled[0] == ("Title", "Plan van aanpak Preventie met Gezag – Zuidstad")
    assert [t for s, t in styled if s == "Heading 1"] == [s.title for s in doc.sections]
    assert [t for s, t in styled if s == "Heading 2"] == [
        h for h in doc.headings() if h not in {s.title for s in doc.sections}
    ]
    assert len(word.tables) == len(doc.tables())
    for wt, t in zip(word.tables, doc.tables(), strict=False):
        assert tuple(c.text for c in wt.rows[0].cells) == t.columns
        assert [tuple(c.text for c in r.cells) for r in wt.rows[1:]] == [tuple(r) for r in t.rows]
    footer = word.sections[0].footer._element.xml
    assert "PAGE" in footer and "NUMPAGES" in footer
    assert word.core_properties.title == doc.title


HOSTILE = [
    "<script>alert(1)</script>", "=HYPERLINK(\"http://x\")", "+1-2", "@SUM(A1)", "**vet** _schuin_ [link](http://x)",
    "# kop", "a\x00b\x07c\x1bd", "rechts\u202eom", "x" * 10_000,
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_stays_plain_text_in_word_and_print(kk, text):
    inputs = PlanInputs(municipality=text, neighbourhoods=text, weighing=text, own_analysis=text,
                        partners="Partner: " + text, safeguarding=text)
    doc = assemble(kk, None, Plan(), inputs, None, TODAY)
    clean = plain_text(text)
    assert "\x00" not in clean and "\u202e" not in clean
    word = docx_of(doc)
    paragraphs = [p.text for p in word.paragraphs]
    cells = [c.text for t in word.tables for r in t.rows for c in r.cells]
    assert clean in paragraphs  # the wegingskader, the borging: as typed, one paragraph
    assert clean in cells  # the municipality in the Afbakening table
    assert f"Plan van aanpak Preventie met Gezag – {clean}" in paragraphs
    html = plan_html(doc)
    assert "<script>alert" not in html and "<strong>vet" not in html
    from html import escape
    assert escape(clean) in html


@seed(2826)
@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cf", "Cs")), max_size=300))
def test_any_text_makes_a_word_file_that_holds_it(kk_module, text):
    """Any one line of text without control characters (those are dropped: the test above)
    comes back whole, as one paragraph, in Unicode's composed form (NFC)."""
    typed = text.strip() or "x"
    inputs = PlanInputs(safeguarding=typed)
    doc = assemble(kk_module, None, Plan(), inputs, None, TODAY)
    word = docx_of(doc)
    expected = unicodedata.normalize("NFC", typed).strip()
    assert any(p.text.strip() == expected for p in word.paragraphs) or not expected


@pytest.fixture(scope="module")
def kk_module():
    return load_content()


def _content_copy(tmp_path, edit):
    from support.paths import ROOT

    folder = tmp_path / "content"
    shutil.copytree(ROOT / "content", folder)
    plan_file = folder / "plan" / "plan_van_aanpak.yaml"
    plan_file.write_text(edit(plan_file.read_text(encoding="utf-8")), encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (
            lambda t: t.replace("pmg_themes: [pmg-werk-inkomen]", "pmg_themes: [pmg-bestaat-niet]"),
            "plan/plan_van_aanpak.yaml: item 'spoor-werk-inkomen', veld 'pmg_themes.0'",
        ),
        (
            lambda t: t.replace("      - sw-gem-r-verloedering\n", "      - bestaat-niet\n"),
            "plan/plan_van_aanpak.yaml: item 'spoor-wonen', veld 'factors.3'",
        ),
        (
            lambda t: t.replace("  - id: borging\n", "  - id: borgen\n"),
            "onderdelen van het plan van aanpak ontbreken: borging",
        ),
        (
            lambda t: t.replace("settings: [werk]", "settings: [kantoor]"),
            "item 'spoor-werk-inkomen', veld 'settings.0'",
        ),
    ],
)
def test_the_loader_refuses_broken_plan_content_naming_file_item_and_field(tmp_path, edit, expected):
    from kenniskaart.content import ContentInvalid

    with pytest.raises(ContentInvalid) as info:
        load_content(_content_copy(tmp_path, edit))
    issues = [str(i) for i in info.value.issues]
    assert any(expected in i for i in issues), issues


def test_an_example_shows_the_recognition_of_the_interventions_it_uses_else_onbekend(kk):
    using = next(e for e in kk.examples if e.interventions)
    plain = next(e for e in kk.examples if not e.interventions)
    doc = assemble(kk, None, Plan(examples=(using.id, plain.id)), PlanInputs(), None, TODAY)
    keuzes = section(doc, "keuzes")
    iv = kk.by_id("interventions")[using.interventions[0]]
    label = f"{using.code} {using.name}" if using.code else using.name
    assert f"gebruikt {iv.name}: " in dict(table_after(keuzes, f"1. {label}").rows)["Erkenning"]
    label = f"{plain.code} {plain.name}" if plain.code else plain.name
    assert dict(table_after(keuzes, f"2. {label}").rows)["Erkenning"] == "onbekend"


def test_without_an_age_the_plan_says_onbekend(kk):
    doc = assemble(kk, None, Plan(), PlanInputs(), None, TODAY)
    assert dict(table_after(section(doc, "afbakening")).rows)["Leeftijd"] == "onbekend"
