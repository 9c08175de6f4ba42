"""Every download, opened as a user opens it (the csv module as Excel reads ';' CSV, openpyxl
for .xlsx) and compared with the view it came from on the page (AppTest)."""

from __future__ import annotations

import re

from support.apptest import open_page, page_text, read_csv, read_xlsx
from support.text import unescape_md

FORMULA = "=SOM(1;2)"  # typed by a user: text in every download, never a formula


def as_text(value) -> str:
    return "" if value is None else str(value)


def shown_table(at, first_column: str, nth: int = 0, count: int | None = 1):
    """The ``nth`` of the ``count`` tables on the page whose first column is ``first_column``
    (``count`` None: any number)."""
    frames = [df.value for df in at.dataframe if list(df.value.columns[:1]) == [first_column]]
    assert count is None or len(frames) == count, [list(df.value.columns) for df in at.dataframe]
    return frames[nth]


def assert_same_rows(rows: list[dict], frame, *, typed: bool) -> None:
    """Download rows equal the shown table: same columns in order, same cells, same order.
    ``typed``: compare values as they are (xlsx keeps numbers), else as text (CSV)."""
    assert rows and len(rows) == len(frame)
    assert list(rows[0]) == list(frame.columns)
    for row, (_, shown) in zip(rows, frame.iterrows(), strict=True):
        want = {c: shown[c] for c in frame.columns}
        if typed:
            assert {c: (v if v is not None else "") for c, v in row.items()} == {
                c: (v.item() if hasattr(v, "item") else v) for c, v in want.items()}
        else:
            assert row == {c: as_text(v) for c, v in want.items()}


def test_interventies_downloads_are_the_filtered_list_on_screen(kk, downloads):
    """Two lists (for one young person; for school or municipality), each with its own CSV and
    Excel button: each file is its own list, row for row."""
    from kenniskaart.rules import for_young_person

    rec = next(iv.recognition.level for iv in kk.interventions if iv.recognition)
    at = open_page("pages/interventies.py", {"erkenning": rec})
    with_rec = [iv for iv in kk.interventions if iv.recognition and iv.recognition.level == rec]
    lists = [
        [iv.name for iv in with_rec if for_young_person(iv)],
        [iv.name for iv in with_rec if not for_young_person(iv)],
    ]
    assert all(lists) and len(with_rec) < len(kk.interventions)
    for nth, names in enumerate(lists):
        shown = shown_table(at, "interventie", nth, count=2)
        assert list(shown["interventie"]) == names
        assert_same_rows(read_csv(downloads.data(at, "Download deze lijst (CSV)", nth)), shown, typed=False)
        assert_same_rows(read_xlsx(downloads.data(at, "Download deze lijst (Excel)", nth)), shown, typed=True)
    # another filter, another file: the download follows the list on screen
    young = [iv for iv in with_rec if for_young_person(iv)]
    fmt = next(f for iv in young for f in iv.formats if 0 < sum(f in j.formats for j in young) < len(young))
    at.session_state["i_format"] = [fmt]
    at.run()
    narrower = [iv.name for iv in young if fmt in iv.formats]
    assert list(shown_table(at, "interventie", 0, count=None)["interventie"]) == narrower
    assert [r["interventie"] for r in read_csv(downloads.data(at, "Download deze lijst (CSV)"))] == narrower


def test_planscan_scan_download_agrees_with_the_coverage_on_screen(kk, downloads):
    from kenniskaart.planscan import GROUPS

    at = open_page("pages/planscan.py")
    at.selectbox(key="ps_preset").select("Amsterdam").run()
    assert not at.exception
    rows = read_csv(downloads.data(at, "Download de scan (CSV)"))
    labels = [e.label for e in at.expander]
    for group in GROUPS:
        mine = [r for r in rows if r["onderdeel"] == group]
        covered = sum(r["gedekt"] == "ja" for r in mine)
        assert f"{group}: {covered} van {len(mine)} gedekt" in labels, (group, labels)
    # the open group's gaps and covered rows, line by line
    text = unescape_md(page_text(at))
    first = [r for r in rows if r["onderdeel"] == GROUPS[0]]
    assert any(r["gedekt"] == "ja" for r in first) and any(r["gedekt"] == "nee" for r in first)
    for r in first:
        name = r["factor of thema"]
        lines = [
            line for line in text.splitlines() if re.search(rf"[ *]{re.escape(name)}(\*\*)? (—|\(ook genoemd)", line)
        ]
        assert len(lines) == 1, (name, lines)
        line = lines[0]
        assert ("niet gedekt" in line) == (r["gedekt"] == "nee"), line
        if r["gedekt"] == "ja":
            assert f"{r['aantal interventies']} interventie" in line
    assert {r["gedekt"] for r in rows} <= {"ja", "nee", "context"}


def test_planscan_comparison_download_is_the_table_on_screen(kk, downloads):
    from kenniskaart.planscan import botoc_municipalities

    at = open_page("pages/planscan.py")
    at.session_state["ps_tab"] = "Gemeenten vergelijken"
    at.run()
    a, b = botoc_municipalities(kk)[:2]
    at.multiselect(key="ps_compare").select(a).select(b).run()
    at.session_state["ps_cmp_detail"] = True
    at.run()
    assert not at.exception
    shown = shown_table(at, next(c for c in at.dataframe[-1].value.columns))
    rows = read_csv(downloads.data(at, "Download de vergelijking (CSV)"))
    assert_same_rows(rows, shown, typed=False)
    assert len(rows) > 10 and any(a in c for c in rows[0]) and any(b in c for c in rows[0])


def test_shortlist_downloads_are_the_comparison_on_screen_with_the_typed_note(kk, downloads):
    at = open_page("pages/shortlist.py", {"shortlist": "ajb,pit,alles-kidzzz"})
    at.text_input(key="sl-note-pit").input(FORMULA).run()
    shown = shown_table(at, "interventie")
    names = kk.by_id("interventions")
    assert list(shown["interventie"]) == [names[i].name for i in ("ajb", "pit", "alles-kidzzz")]
    csv_rows = read_csv(downloads.data(at, "Download CSV"))
    assert csv_rows[1]["notitie"] == "'" + FORMULA  # CSV: neutralised with a visible quote
    csv_rows[1]["notitie"] = FORMULA
    assert_same_rows(csv_rows, shown, typed=False)
    xlsx_rows = read_xlsx(downloads.data(at, "Download Excel"))
    assert xlsx_rows[1]["notitie"] == FORMULA  # Excel: the text itself, a text cell
    assert_same_rows(xlsx_rows, shown, typed=True)
    memo = downloads.data(at, "Download printbaar document").decode("utf-8")
    from html import escape

    positions = [memo.index(escape(names[i].name)) for i in ("ajb", "pit", "alles-kidzzz")]
    assert positions == sorted(positions) and escape(FORMULA) in memo


def test_worksheet_downloads_carry_the_typed_answers(kk, downloads):
    from kenniskaart.guidance import guiding_steps

    steps = guiding_steps(kk)
    at = open_page("pages/lessen.py", {"onderdeel": "Werkblad Samen weerbaar"})
    first, last = steps[0], steps[-1]
    at.text_area(key=f"ws-{first.id}/0").input("Wij beginnen met de ouders").run()
    at.text_area(key=f"ws-{last.id}/{len(last.items) - 1}").input(FORMULA).run()
    assert "2 van " in page_text(at)
    md_text = downloads.data(at, "Download werkblad (Markdown)").decode("utf-8")
    assert f"**{first.items[0]}**\n\nWij beginnen met de ouders\n" in md_text
    assert f"**{last.items[-1]}**\n\n{FORMULA}\n" in md_text
    assert md_text.count("_(nog niet ingevuld)_") == sum(len(s.items) for s in steps) - 2
    rows = read_csv(downloads.data(at, "Download werkblad (CSV)"))
    assert len(rows) == sum(len(s.items) for s in steps)
    answered = {r["vraag"]: r["antwoord"] for r in rows if r["antwoord"]}
    assert answered == {first.items[0]: "Wij beginnen met de ouders", last.items[-1]: "'" + FORMULA}


def test_werkmap_download_holds_the_sessions_profile_shortlist_notes_and_plan(kk, downloads):
    """The werkmap a user downloads on Shortlist opens (as the app opens it) to exactly the
    work of the session: the profile from the link, the shortlist's order, the typed note and
    the plan made in the Planscan."""
    import json

    from kenniskaart.aanbeveler import Profile
    from kenniskaart.werkmap import werkmap_from_json

    risk = kk.risk_factors[0].id
    at = open_page("pages/planscan.py", {"leeftijd": "15", "risico": risk, "shortlist": "pit,ajb"})
    at.selectbox(key="ps_preset").select("Amsterdam").run()
    plan = at.session_state["plan"]
    assert len(plan.examples) == 8
    at.switch_page("pages/shortlist.py").run()
    at.text_input(key="sl-note-ajb").input(FORMULA).run()
    raw = downloads.data(at, "Download werkmap (.json)")
    assert json.loads(raw)["formaat"] == "kenniskaart-werkmap"
    wm, notices = werkmap_from_json(kk, raw)
    assert notices == []
    assert wm.profile == Profile(age=15, risk_factors=(risk,))
    assert list(wm.shortlist) == ["pit", "ajb"] and wm.notes == {"ajb": FORMULA}
    assert wm.plan == plan


def test_plan_download_reopens_as_the_plan_on_screen(kk, downloads):
    from kenniskaart.planscan import plan_from_json

    at = open_page("pages/planscan.py")
    at.selectbox(key="ps_preset").select("Amsterdam").run()
    at.multiselect(key="ps_interventions").select("ajb").run()
    assert "Het plan telt 9 interventies." in page_text(at)
    plan, notices = plan_from_json(kk, downloads.data(at, "Download dit plan (.json)"))
    assert notices == [] and plan == at.session_state["plan"]
    assert "ajb" in plan.interventions and len(plan.examples) == 8
